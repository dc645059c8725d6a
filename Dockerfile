# The hub as a container image, run by deploy/compose.yaml (see docs/deploy.md):
#   docker build -t iopd-hub .
#   docker run --rm iopd-hub --help
# The image holds the installed wheel and this checkout's config/ (the IOPD's deployment;
# mount your own over /srv/hub/config). Secrets come only from the environment.

FROM python:3.11-slim AS wheels
WORKDIR /src
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
COPY pyproject.toml README.md LICENSE ./
COPY hub ./hub
COPY bots ./bots
COPY newsletters ./newsletters
# The hub's wheel and one for each dependency: the final stage installs from these only.
RUN pip wheel --wheel-dir /wheels .

FROM python:3.11-slim
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    HUB_CONFIG=/srv/hub/config/hub.toml \
    HUB_LOG_FORMAT=json
RUN useradd --system --uid 10001 --user-group --home-dir /srv/hub --shell /usr/sbin/nologin hub
RUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels \
    pip install --no-index --find-links /wheels iopd-hub
WORKDIR /srv/hub
COPY config ./config
# SQLite and backups when no HUB_DATABASE_URL is given: the only place the hub writes.
RUN install -d -o hub -g hub /srv/hub/data
USER hub
EXPOSE 8000
# Alive: the console answers /healthz (no database involved). Containers without the web
# role override this (deploy/compose.yaml); /readyz also checks the database and the roles.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
ENTRYPOINT ["hub"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]

"""The secretariat's console: server-rendered pages, no JavaScript, nothing from a CDN.

Run it (``hub serve`` does this; by hand for a look)::

    export HUB_SECRET_KEY=$(python -c "import secrets; print(secrets.token_urlsafe(48))")
    hub db upgrade
    hub users add ana@example.org --name "Ana" --role admin
    python - <<'PY'
    import uvicorn
    from hub.core.db import make_engine
    from hub.core.config.settings import load_settings, read_environment
    from hub.web import create_app
    settings = load_settings("config/hub.toml", read_environment())
    app = create_app(settings, make_engine(settings.database_url()))
    uvicorn.run(app, host="127.0.0.1", port=8000, proxy_headers=True)
    PY

Behind a TLS reverse proxy set ``[hub] public_url = "https://..."``: the
cookies become ``Secure`` (and ``__Host-`` prefixed) and HSTS is sent. Run
uvicorn with ``--proxy-headers --forwarded-allow-ips=<proxy>`` so sign-in
throttling sees the members' addresses, not the proxy's.

Pages: dashboard ``/``, moderation ``/moderation``, items ``/items`` and
``/items/N``, writing news ``/submit`` (and the members' public form
``/submit-news``), sources ``/sources``, the assistant's handoffs
``/questions``, newsletter editions ``/newsletter``, the platform stand-ins
``/standins``, the audit log ``/audit``; ``/healthz`` and ``/readyz`` for
probes (``/readyz`` also reports ``app.state.hub_process.running_roles()``
when ``hub serve`` sets it).

For ``hub demo``: :func:`hub.web.accounts.demo_account` creates (or resets)
an admin account and returns its e-mail and a fresh password to print.
"""

from hub.core.config.secret_key import SECRET_KEY_ENV
from hub.web.app import create_app

__all__ = ["SECRET_KEY_ENV", "create_app"]

"""The console's Starlette application: routes, middleware and what the views share."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from hub.errors import HubError
from hub.metrics import metrics_endpoint
from hub.models import utcnow
from hub.settings import Settings
from hub.web import (
    auth_views,
    item_views,
    newsletter_views,
    question_views,
    status_views,
    submit_views,
)
from hub.web.page import Clock, Console, admin_view, public_view, view
from hub.web.render import make_environment
from hub.web.security import DEFAULT_HASHER, SecurityHeaders
from hub.web.sessions import CookieJar
from hub.web.standins import standins_page

SECRET_KEY_ENV = "HUB_SECRET_KEY"
MIN_SECRET_LENGTH = 32
STATIC = Path(__file__).parent / "static"


class SecretKeyMissing(HubError):
    """HUB_SECRET_KEY must be set to a random string of at least 32 characters (it signs the
    console's cookies; e.g. ``python -c "import secrets; print(secrets.token_urlsafe(48))"``)."""

    def __str__(self) -> str:
        return " ".join((self.__doc__ or "").split())


def _routes() -> list[Route | Mount]:
    get, post = ["GET"], ["POST"]
    return [
        Route("/healthz", status_views.healthz, methods=get),
        Route("/favicon.ico", status_views.no_icon, methods=get),
        Route("/readyz", status_views.readyz, methods=get),
        Route("/login", public_view(auth_views.login_form), methods=get),
        Route("/login", public_view(auth_views.login), methods=post),
        Route("/logout", view(auth_views.logout), methods=post),
        Route("/account", view(auth_views.account_page), methods=get),
        Route("/account", view(auth_views.account_save), methods=post),
        Route("/submit-news", public_view(submit_views.member_form), methods=get),
        Route("/submit-news", public_view(submit_views.member_submit), methods=post),
        Route("/", view(status_views.dashboard), methods=get),
        Route("/moderation", view(item_views.moderation_queue), methods=get),
        Route("/items", view(item_views.items_list), methods=get),
        Route("/items/{item_id:int}", view(item_views.item_detail), methods=get),
        Route("/items/{item_id:int}/approve", view(item_views.approve), methods=post),
        Route("/items/{item_id:int}/decline", view(item_views.decline), methods=post),
        Route("/items/{item_id:int}/edit", view(item_views.edit_form), methods=get),
        Route("/items/{item_id:int}/edit", view(item_views.edit), methods=post),
        Route("/items/{item_id:int}/retract", view(item_views.retract), methods=post),
        Route("/items/{item_id:int}/translations", view(item_views.translate), methods=post),
        Route("/deliveries/{delivery_id:int}/retry", view(item_views.retry_delivery), methods=post),
        Route("/submit", view(submit_views.submit_form), methods=get),
        Route("/submit", view(submit_views.submit), methods=post),
        Route("/sources", admin_view(status_views.sources_page), methods=get),
        Route("/audit", admin_view(status_views.audit_page), methods=get),
        Route("/questions", view(question_views.questions_page), methods=get),
        Route("/questions/{question_id:int}/reply", view(question_views.reply), methods=post),
        Route("/standins", admin_view(standins_page), methods=get),
        Route("/newsletter", view(newsletter_views.editions_page), methods=get),
        Route(
            "/newsletter/{edition_id:int}/preview", view(newsletter_views.preview_html), methods=get
        ),
        Route(
            "/newsletter/{edition_id:int}/preview.txt",
            view(newsletter_views.preview_text),
            methods=get,
        ),
        Route(
            "/newsletter/{edition_id:int}/approve",
            view(newsletter_views.approve_edition),
            methods=post,
        ),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]


def create_app(
    settings: Settings,
    engine: Engine,
    *,
    clock: Clock = utcnow,
    standins: Mapping[str, Any] | None = None,
    secret_key: str | None = None,
    password_hasher: PasswordHasher = DEFAULT_HASHER,
) -> Starlette:
    """The secretariat's console for ``settings`` on ``engine``.

    ``secret_key`` signs the cookies; by default it is ``HUB_SECRET_KEY`` from
    the environment the settings were loaded with. Cookies are ``Secure`` when
    ``settings.hub.public_url`` is https. ``standins`` (platform -> stand-in)
    fills the stand-ins page in the demo. ``password_hasher`` is argon2id with
    argon2-cffi's defaults; tests pass cheaper parameters.
    """
    key = secret_key or settings.secrets.get(SECRET_KEY_ENV)
    if not key or len(key) < MIN_SECRET_LENGTH:
        raise SecretKeyMissing()
    https = (settings.hub.public_url or "").lower().startswith("https://")
    console = Console(
        settings=settings,
        engine=engine,
        clock=clock,
        cookies=CookieJar.create(key, secure=https),
        templates=make_environment(settings.hub.timezone),
        standins=dict(standins or {}),
        password_hasher=password_hasher,
    )
    app = Starlette(routes=_routes(), middleware=[Middleware(SecurityHeaders, https=https)])
    app.state.console = console
    app.state.engine = engine
    app.router.routes.append(Route("/metrics", metrics_endpoint, methods=["GET"]))
    install_ingress(app, settings, engine, clock)
    return app


INGRESS_ENTRY_POINTS = "hub.ingress"
"""Platform modules add their webhook endpoints (``POST /slack/events``...) through this
entry-point group: each entry is ``install(app, settings, engine, clock)``."""


def install_ingress(app: Starlette, settings: Settings, engine: Engine, clock: Clock) -> None:
    """Mount every installed platform's ingress endpoints on the console's server.

    They are listed in ``app.state.platform_routes``: platforms sign their requests,
    so these routes check signatures instead of sessions and CSRF tokens.
    """
    console_routes = list(app.router.routes)
    for entry in sorted(entry_points(group=INGRESS_ENTRY_POINTS), key=lambda e: e.name):
        entry.load()(app, settings, engine, clock)
    app.state.platform_routes = [r for r in app.router.routes if r not in console_routes]

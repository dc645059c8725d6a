"""The console's Starlette application: routes, middleware and what the views share."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from argon2 import PasswordHasher
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from hub.core.clock import with_clock
from hub.core.config.secret_key import SECRET_KEY_ENV, secret_key_problem
from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.metrics import metrics_endpoint
from hub.core.models import utcnow
from hub.web import (
    auth_views,
    channel_views,
    delivery_views,
    draft_views,
    events_feed,
    feed_views,
    item_views,
    knowledge_views,
    member_views,
    moderation_views,
    news_pages,
    newsletter_send_views,
    newsletter_views,
    preferences_views,
    public_pictures,
    question_views,
    status_views,
    submit_views,
    token_views,
    translation_views,
    twofactor_views,
)
from hub.web.api import PREFIX as API_PREFIX
from hub.web.api import create_api
from hub.web.api.tokens import RATE_LIMIT as API_RATE_LIMIT
from hub.web.page import Clock, Console, admin_view, member_view, public_view, view
from hub.web.render import make_environment
from hub.web.security import DEFAULT_HASHER, RefuseNul, SecurityHeaders, error_page
from hub.web.sessions import CookieJar
from hub.web.standins import standins_page
from hub.wiring import INGRESS

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
        Route("/login/code", public_view(auth_views.login_code), methods=post),
        Route("/logout", view(auth_views.logout), methods=post),
        Route("/account", view(auth_views.account_page), methods=get),
        Route("/account", view(auth_views.account_save), methods=post),
        *_token_routes(),
        Route("/account/password", view(auth_views.password_save), methods=post),
        Route("/account/sessions/end", view(auth_views.end_sessions), methods=post),
        Route("/account/2fa/start", view(twofactor_views.start), methods=post),
        Route("/account/2fa/confirm", view(twofactor_views.confirm), methods=post),
        Route("/account/2fa/off", view(twofactor_views.turn_off), methods=post),
        Route("/submit-news", member_view(submit_views.member_form), methods=get),
        Route("/submit-news", member_view(submit_views.member_submit), methods=post),
        Route("/submit-feed", member_view(feed_views.feed_form), methods=get),
        Route("/submit-feed", member_view(feed_views.feed_register), methods=post),
        Route("/", view(status_views.dashboard), methods=get),
        Route("/moderation", view(moderation_views.moderation_queue), methods=get),
        Route("/items", view(item_views.items_list), methods=get),
        Route("/items/{item_id:int}", view(item_views.item_detail), methods=get),
        Route("/items/{item_id:int}/approve", view(item_views.approve), methods=post),
        Route(
            "/items/{item_id:int}/translations/{language}/refuse",
            view(translation_views.refuse_draft),
            methods=post,
        ),
        Route("/items/{item_id:int}/decline", view(item_views.decline), methods=post),
        Route("/items/{item_id:int}/edit", view(item_views.edit_form), methods=get),
        Route("/items/{item_id:int}/picture", view(item_views.picture_file), methods=get),
        Route("/items/{item_id:int}/picture", view(item_views.picture_alt), methods=post),
        Route("/items/{item_id:int}/edit", view(item_views.edit), methods=post),
        Route("/items/{item_id:int}/retract", view(item_views.retract), methods=post),
        Route("/items/{item_id:int}/translations", view(item_views.translate), methods=post),
        Route("/items/{item_id:int}/merge", view(item_views.merge), methods=post),
        Route("/items/{item_id:int}/split", view(item_views.split), methods=post),
        Route("/moderation/bulk", view(moderation_views.bulk), methods=post),
        Route("/items/{item_id:int}/classify", view(moderation_views.classify), methods=post),
        Route("/items/{item_id:int}/regions", view(moderation_views.set_regions), methods=post),
        Route("/channels", admin_view(channel_views.channels_page), methods=get),
        Route("/drafts", view(draft_views.drafts_page), methods=get),
        Route("/drafts/{delivery_id:int}/posted", view(draft_views.mark_as_posted), methods=post),
        Route("/deliveries", admin_view(delivery_views.deliveries_page), methods=get),
        Route("/deliveries/retry-all", admin_view(delivery_views.retry_all), methods=post),
        Route(
            "/deliveries/{delivery_id:int}/retry",
            admin_view(delivery_views.retry_delivery),
            methods=post,
        ),
        Route("/submit", view(submit_views.submit_form), methods=get),
        Route("/submit", view(submit_views.submit), methods=post),
        Route("/sources", admin_view(status_views.sources_page), methods=get),
        Route("/sources/{key}/owner", admin_view(status_views.set_owner), methods=post),
        Route("/audit", admin_view(status_views.audit_page), methods=get),
        Route("/questions", view(question_views.questions_page), methods=get),
        Route("/questions/{question_id:int}/reply", view(question_views.reply), methods=post),
        Route(
            "/questions/{question_id:int}/save",
            view(question_views.save_as_knowledge),
            methods=post,
        ),
        Route("/standins", admin_view(standins_page), methods=get),
        *_member_routes(),
        *_newsletter_routes(),
        *_knowledge_routes(),
        *news_pages.routes(),  # public: /news/ and its feeds, /archive/
        *public_pictures.routes(),  # public: approved items' pictures, signed addresses
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]


def _token_routes() -> list[Route]:
    """The user's API tokens (hub.web.api): made and revoked in the console."""
    tokens = token_views
    return [
        Route(tokens.HERE, view(tokens.tokens_page), methods=["GET"]),
        Route(tokens.HERE, view(tokens.token_create), methods=["POST"]),
        Route(tokens.HERE + "/{token_id:int}/revoke", view(tokens.token_revoke), methods=["POST"]),
    ]


def _newsletter_routes() -> list[Route]:
    """The newsletter pages (editors and admins): editions, the composer, sending."""
    one, item = "/newsletter/{edition_id:int}", "/newsletter/{edition_id:int}/items/{item_id:int}"
    nv, send = newsletter_views, newsletter_send_views
    pages = [
        ("/newsletter", nv.editions_page, "GET"),
        ("/newsletter/drafts", nv.draft_new, "POST"),
        (one, nv.composer_page, "GET"),
        (f"{one}/preview", nv.preview_html, "GET"),
        (f"{one}/preview.txt", nv.preview_text, "GET"),
        (f"{one}/text", nv.save_text, "POST"),
        (f"{one}/approve", nv.approve_edition, "POST"),
        (f"{item}/move", nv.move_item, "POST"),
        (f"{item}/remove", nv.remove_item, "POST"),
        (f"{item}/add", nv.add_item, "POST"),
        (f"{item}/translation", nv.translate_item, "POST"),
        (f"{one}/test", send.send_test, "POST"),
        (f"{one}/push", send.push, "POST"),
        (f"{one}/schedule", send.schedule, "POST"),
        (f"{one}/report", send.fetch_report, "POST"),
    ]
    return [Route(path, view(fn), methods=[method]) for path, fn, method in pages]


def _knowledge_routes() -> list[Route]:
    """The knowledge pages (editors and admins) and the public iCalendar feed of events."""
    routes = [
        Route("/knowledge", view(knowledge_views.knowledge_page), methods=["GET"]),
        Route("/events.ics", events_feed.events_ics, methods=["GET"]),  # public: no session
    ]
    for path, show, save in knowledge_views.ROUTES:
        routes.append(Route(path, view(show), methods=["GET"]))
        routes.append(Route(path, view(save), methods=["POST"]))
    for path, translate in knowledge_views.TRANSLATE_ROUTES:
        routes.append(Route(path, view(translate), methods=["POST"]))
    return routes


def _member_routes() -> list[Route]:
    """The members pages (admins only) and the members' own preferences page (signed link)."""
    get, post, one = ["GET"], ["POST"], "/members/{member_id:int}"
    return [
        Route("/members", admin_view(member_views.members_list), methods=get),
        Route(
            "/members/import",
            view(member_views.import_csv, admin=True, upload=True),
            methods=post,
        ),
        Route("/members/inactive", admin_view(member_views.inactive_page), methods=get),
        Route(one, admin_view(member_views.member_page), methods=get),
        Route(one, admin_view(member_views.member_save), methods=post),
        Route(one + "/export.json", admin_view(member_views.export_json), methods=get),
        Route(one + "/erase", admin_view(member_views.erase_form), methods=get),
        Route(one + "/erase", admin_view(member_views.erase), methods=post),
        Route("/preferences/{token}", member_view(preferences_views.preferences_page), methods=get),
        Route(
            "/preferences/{token}", member_view(preferences_views.preferences_save), methods=post
        ),
    ]


def create_app(
    settings: Settings,
    engine: Engine,
    *,
    clock: Clock = utcnow,
    standins: Mapping[str, Any] | None = None,
    secret_key: str | None = None,
    password_hasher: PasswordHasher = DEFAULT_HASHER,
    api_rate_limit: int = API_RATE_LIMIT,
) -> Starlette:
    """The secretariat's console for ``settings`` on ``engine``.

    ``secret_key`` signs the cookies; by default it is ``HUB_SECRET_KEY`` from
    the environment the settings were loaded with. Cookies are ``Secure`` when
    ``settings.hub.public_url`` is https. ``standins`` (platform -> stand-in)
    fills the stand-ins page in the demo. ``password_hasher`` is argon2id with
    argon2-cffi's defaults; tests pass cheaper parameters. ``api_rate_limit`` is how many
    requests a minute each API token may make.
    """
    key = secret_key or settings.secrets.get(SECRET_KEY_ENV)
    if key is None or secret_key_problem(key):
        raise SecretKeyMissing()
    # the rows the console writes are stamped on its clock (created_at, updated_at), as
    # everything else it does is: the same pool, the clock carried by the engine
    engine = with_clock(engine, clock)
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
    middleware = [Middleware(SecurityHeaders, https=https), Middleware(RefuseNul)]
    public_host = urlsplit(settings.hub.public_url or "").hostname
    if public_host:
        # a Host header of the sender's choosing picked the address of slash redirects and
        # links: only the public name (and loopback, for health checks) is answered
        hosts = [public_host, "localhost", "127.0.0.1"]
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=hosts))
    app = Starlette(
        routes=_routes(),
        middleware=middleware,
        exception_handlers={Exception: error_page(https)},
    )
    app.state.console = console
    app.state.engine = engine
    metrics_token = settings.secrets.get(METRICS_TOKEN_ENV)
    guarded = guarded_metrics(metrics_token)
    app.router.routes.append(Route("/metrics", guarded, methods=["GET"]))
    app.router.routes.append(
        Mount(API_PREFIX, app=create_api(console, rate_limit=api_rate_limit))
    )  # tokens, no cookies
    install_ingress(app, settings, engine, clock)
    return app


METRICS_TOKEN_ENV = "HUB_METRICS_TOKEN"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def guarded_metrics(token: str | None) -> Callable[[Request], Awaitable[Response]]:
    """/metrics for Prometheus only: with ``HUB_METRICS_TOKEN`` set, to a request bearing it
    (``Authorization: Bearer ...``); without, to loopback clients. Others get a 404, as the
    edge's Caddyfile and nginx.conf answer, so the ledger's figures are not public."""

    async def endpoint(request: Request) -> Response:
        if token:
            given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            allowed = hmac.compare_digest(given.encode(), token.encode())
        else:
            allowed = (request.client.host if request.client else "") in LOOPBACK
        if not allowed:
            return PlainTextResponse("Not Found", status_code=404)
        return await metrics_endpoint(request)

    return endpoint


def install_ingress(app: Starlette, settings: Settings, engine: Engine, clock: Clock) -> None:
    """Mount every platform's ingress endpoints (``hub.wiring.INGRESS``) on the console's server.

    They are listed in ``app.state.platform_routes``: platforms sign their requests,
    so these routes check signatures instead of sessions and CSRF tokens.
    """
    console_routes = list(app.router.routes)
    for install in INGRESS:
        install(app, settings, engine, clock)
    app.state.platform_routes = [r for r in app.router.routes if r not in console_routes]

"""A synchronous client for the console in tests, and small helpers to sign in.

Starlette's own ``TestClient`` now warns unless the ``httpx2`` package is
installed; this drives the application through httpx's ``ASGITransport`` on
an anyio portal instead, with cookies kept between requests and a chosen
client address (sign-in throttling is per address).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from types import TracebackType
from typing import Any

import anyio.from_thread
import httpx
from argon2 import PasswordHasher
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.types import ASGIApp

from hub.core.config.settings import Settings

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = _CSRF.search(html)
    if found is None:
        raise AssertionError("the page has no form with a CSRF token")
    return found.group(1)


class ConsoleClient:
    """Requests to an ASGI app from synchronous code; use as a context manager."""

    def __init__(
        self, app: ASGIApp, *, base_url: str = "http://console.test", client_ip: str = "192.0.2.10"
    ) -> None:
        self._portal_manager = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_manager.__enter__()
        self.app = app
        transport = httpx.ASGITransport(app=app, client=(client_ip, 50000))
        self.client = httpx.AsyncClient(transport=transport, base_url=base_url)

    def request(self, method: str, url: str, **options: Any) -> httpx.Response:
        call = functools.partial(self.client.request, method, url, **options)
        return self._portal.call(call)

    def get(self, url: str, **options: Any) -> httpx.Response:
        return self.request("GET", url, **options)

    def post(self, url: str, **options: Any) -> httpx.Response:
        return self.request("POST", url, **options)

    def follow(self, response: httpx.Response) -> httpx.Response:
        """The page a 303 points to."""
        assert response.status_code == 303, response.status_code
        return self.get(response.headers["location"])

    def submit(self, page_url: str, action: str, data: dict[str, str]) -> httpx.Response:
        """Post ``data`` to ``action`` with the CSRF token read from ``page_url``."""
        token = csrf_token(self.get(page_url).text)
        return self.post(action, data={"csrf_token": token, **data})

    def sign_in(self, email: str, password: str) -> httpx.Response:
        return self.submit("/login", "/login", {"email": email, "password": password})

    def close(self) -> None:
        self._portal.call(self.client.aclose)
        self._portal_manager.__exit__(None, None, None)

    def __enter__(self) -> ConsoleClient:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class SteppingClock:
    """A clock tests move by hand: ``clock()`` is now, ``advance(...)`` moves it."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


TEST_SECRET_KEY = "test-secret-key-for-the-console-0123456789"


def example_settings(*, public_url: str | None = None) -> Settings:
    """A small deployment: a trusted console source, the members' form, a feed, two channels."""
    return Settings.model_validate(
        {
            "hub": {
                "name": "Test hub",
                "timezone": "Europe/Madrid",
                "languages": ["en", "es", "ca"],
                "public_url": public_url,
            },
            "sources": {
                "console": {"kind": "console", "trusted": True, "title": "The secretariat"},
                "web_form": {"kind": "web", "title": "Members' web form"},
                "news_feed": {"kind": "feed", "url": "https://example.org/feed.rss"},
            },
            "channels": {
                "news_en": {"platform": "memory", "target": "news-en", "title": "#news"},
                "news_es": {"platform": "memory", "target": "news-es", "language": "es"},
            },
            "routes": [{"name": "everything", "to": ["news_en", "news_es"]}],
            "secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY},
        }
    )


FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""argon2id with small parameters, so that a test's sign-ins cost milliseconds, not 0.3 s."""


def console_app(settings: Settings, engine: Engine, **options: Any) -> Starlette:
    """:func:`hub.web.create_app` with :data:`FAST_HASHER` (for tests)."""
    from hub.web import create_app

    return create_app(settings, engine, password_hasher=FAST_HASHER, **options)


def add_user(
    engine: Engine,
    email: str,
    password: str,
    *,
    name: str = "Ana",
    role: str = "editor",
    hasher: PasswordHasher = FAST_HASHER,
) -> int:
    """Create a console account and return its id."""
    from hub.core.db import transaction
    from hub.core.models import User
    from hub.web.security import hash_password

    with transaction(engine) as session:
        hashed = hash_password(password, hasher)
        user = User(email=email, name=name, role=role, password_hash=hashed)
        session.add(user)
        session.flush()
        return user.id

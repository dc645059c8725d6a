"""What every console request goes through: one transaction, the session, CSRF, flashes.

A view is a plain synchronous function ``view(page: Page) -> Response``; the
:func:`view` decorator turns it into a Starlette endpoint that reads the form
(if any), then runs the view in a worker thread with a database session,
after checking the sign-in (unless the view is public) and, for every POST,
the CSRF token. A view that cannot do what was asked raises :class:`Refused`:
its changes are rolled back and the user is sent back with the message.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import secrets
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import anyio
import anyio.to_thread
from argon2 import PasswordHasher
from jinja2 import Environment
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from hub.core.accounts import AuditEntry
from hub.core.bodies import storable_text
from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.models import Delivery, Item, Question, User
from hub.web.feed_text import writable
from hub.web.i18n import (
    INTERFACE_LANGUAGES,
    MEMBER_LANGUAGES,
    _,
    best_match,
    current_language,
    use_language,
)
from hub.web.security import HashingGate
from hub.web.sessions import CookieJar, SignedIn, find_session, tokens_match

Clock = Callable[[], dt.datetime]
VIEW_THREADS = 8
"""Console views run at most this many at a time: 50 sign-ins at once on anyio's 40
threads left the event loop a sliver of the GIL, and /healthz waited 1.6 s."""


_limiters: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


def _view_threads() -> anyio.CapacityLimiter:
    """The running event loop's limiter (tests run many loops, one after another)."""
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = anyio.CapacityLimiter(VIEW_THREADS)
    return limiter


log = logging.getLogger("hub.web.security")
View = Callable[["Page"], Response]
UPLOAD_LIMIT = 2 * 1024 * 1024
"""The largest file an upload form takes (only routes made with ``upload=True`` take files)."""
UPLOAD_OVERHEAD = 64 * 1024
"""Room for the other fields and the multipart framing around the file."""


MAX_ID = 2**31 - 1
"""The largest id a table holds (PostgreSQL's integer)."""


def whole_number(text: str, high: int = MAX_ID) -> int | None:
    """``text`` as a whole number of ASCII digits from 0 to ``high``, else None.

    ``str.isdigit()`` says yes to '²' (which int() refuses) and to other scripts'
    digits, and a number past a column's range fails on PostgreSQL: either was a 500.
    """
    text = text.strip()
    if not text or len(text) > 12 or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= high else None


@dataclass
class Console:
    """What the views share: the deployment, the database, the clock, the stand-ins."""

    settings: Settings
    engine: Engine
    clock: Clock
    cookies: CookieJar
    templates: Environment
    standins: Mapping[str, Any]
    password_hasher: PasswordHasher
    hashing: HashingGate = field(default_factory=HashingGate)  # password checks at once


class Refused(HubError):
    """A request that cannot be done; ``back`` is where the user is sent with the message."""

    def __init__(self, message: str, back: str) -> None:
        super().__init__(message)
        self.message = message
        self.back = back


@dataclass
class Page:
    """One request as a view sees it."""

    request: Request
    db: Session
    console: Console
    now: dt.datetime
    signed_in: SignedIn | None
    form: FormData | None
    csrf_token: str
    flashes: list[tuple[str, str]]
    set_cookies: dict[str, str | None] = field(default_factory=dict)

    @property
    def user(self) -> User:
        assert self.signed_in is not None, "this view needs a signed-in user"
        return self.signed_in.user

    @property
    def settings(self) -> Settings:
        return self.console.settings

    def field(self, name: str, default: str = "") -> str:
        value = self.form.get(name) if self.form is not None else None
        return value.strip() if isinstance(value, str) else default

    @property
    def htmx(self) -> bool:
        """True for a request htmx made (answer with a fragment, not a whole page)."""
        return self.request.headers.get("hx-request") == "true"

    def param(self, name: str) -> str:
        return self.request.query_params.get(name, "").strip()

    def upload(self, name: str, back: str) -> bytes | None:
        """The bytes of the file sent as ``name`` (None if none was chosen).

        Raises :class:`Refused` (back to ``back``) for a file over :data:`UPLOAD_LIMIT`.
        """
        value = self.form.get(name) if self.form is not None else None
        if not isinstance(value, UploadFile) or not value.filename:
            return None
        data = value.file.read(UPLOAD_LIMIT + 1)
        if len(data) > UPLOAD_LIMIT:
            limit = UPLOAD_LIMIT // (1024 * 1024)
            raise Refused(_("The file is larger than %(mb)s MB.") % {"mb": limit}, back)
        return data

    def render(self, template: str, status: int = 200, **context: Any) -> Response:
        """The template rendered with the shared context (user, CSRF token, flashes), written
        as :func:`~hub.web.feed_text.writable` makes it: a lone surrogate a row kept from
        before the inputs refused it failed the whole page to encode (a 500 for every list
        showing the row)."""
        shown = self.flashes
        self.flashes = []
        if shown:
            self.set_cookies[self.console.cookies.flash_name] = None
        body = self.console.templates.get_template(template).render(
            user=self.signed_in.user if self.signed_in else None,
            waiting=self._waiting() if self.signed_in else {},
            csrf_token=self.csrf_token,
            flashes=shown,
            path=self.request.url.path,
            hub_name=self.settings.hub.network_name(current_language()),
            **context,
        )
        return HTMLResponse(writable(body), status_code=status)

    def _waiting(self) -> dict[str, int]:
        """What waits for the secretariat, shown beside the navigation links."""
        pending = select(func.count()).select_from(Item).where(Item.status == "pending")
        questions = (
            select(func.count())
            .select_from(Question)
            .where(Question.handoff.is_(True), Question.status == "open")
        )
        drafts = (
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.status == "held", Delivery.mode == "manual")
        )
        return {
            "/moderation": int(self.db.scalar(pending) or 0),
            "/questions": int(self.db.scalar(questions) or 0),
            "/drafts": int(self.db.scalar(drafts) or 0),
        }

    def redirect(self, to: str, message: str | None = None, kind: str = "ok") -> Response:
        """A 303 to ``to``, with a message shown on the next page."""
        if message:
            self.flashes.append((kind, message))
        if self.flashes:
            self.set_cookies[self.console.cookies.flash_name] = self.console.cookies.sign(
                self.flashes
            )
        return RedirectResponse(to, status_code=303)

    def audit(
        self, action: str, target: str | None, detail: str | None = None, actor: str | None = None
    ) -> None:
        """Record who did what to which thing, in the request's transaction."""
        if actor is None:
            actor = self.signed_in.user.email if self.signed_in else "member (web form)"
        self.db.add(
            AuditEntry(at=self.now, actor=actor, action=action, target=target, detail=detail)
        )

    @property
    def client_ip(self) -> str:
        return self.request.client.host if self.request.client else "unknown"


def safe_next(path: str) -> str:
    return path if path.startswith("/") and not path.startswith("//") else "/"


def storable_form(form: FormData) -> FormData:
    """``form`` with every text field as the database can keep it: a NUL (``%00``, which no
    person types) made every view that stores the field fail on PostgreSQL with an
    unhandled DataError. Files are kept as they are."""
    return FormData(
        [
            (key, storable_text(value) if isinstance(value, str) else value)
            for key, value in form.multi_items()
        ]
    )


def view(
    fn: View,
    *,
    public: bool = False,
    admin: bool = False,
    upload: bool = False,
    languages: Mapping[str, str] = INTERFACE_LANGUAGES,
) -> Callable[[Request], Any]:
    """A Starlette endpoint running ``fn`` with sign-in and CSRF checked first.

    ``admin=True``: only the admin role may use it (editors moderate, write newsletters,
    keep the knowledge and answer questions; admins also run channels, deliveries,
    sources, members' personal data and accounts); others get a 403 page.
    ``upload=True``: the form may carry one file (see :meth:`Page.upload`); the
    request must say its length, at most :data:`UPLOAD_LIMIT` plus the other fields,
    before anything is read. Every other route refuses files.
    ``languages``: those the page may speak (the user's, else the browser's choice).
    """

    async def endpoint(request: Request) -> Response:
        form = None
        if request.method == "POST":
            if upload and not _upload_fits(request):
                return _too_large(request)
            form = storable_form(
                await request.form(
                    max_files=1 if upload else 0, max_fields=100, max_part_size=256 * 1024
                )
            )
        try:
            run = functools.partial(_run, fn, request, form, public, admin, languages)
            return await anyio.to_thread.run_sync(run, limiter=_view_threads())
        finally:
            if form is not None:
                await form.close()

    endpoint.__name__ = fn.__name__
    endpoint.__doc__ = fn.__doc__
    return endpoint


def _upload_fits(request: Request) -> bool:
    """Whether the request declares a length within the upload limit (chunked ones do not)."""
    length = request.headers.get("content-length", "")
    return length.isdigit() and int(length) <= UPLOAD_LIMIT + UPLOAD_OVERHEAD


def _too_large(request: Request) -> Response:
    with use_language(best_match(request.headers.get("accept-language"))):
        limit = UPLOAD_LIMIT // (1024 * 1024)
        words = _("The file is larger than %(mb)s MB.") % {"mb": limit}
    return PlainTextResponse(words, status_code=413)


def public_view(fn: View) -> Callable[[Request], Any]:
    return view(fn, public=True)


def member_view(fn: View) -> Callable[[Request], Any]:
    """A public page for members: it may speak any of :data:`MEMBER_LANGUAGES` (the refusal of
    a stale form too), where the rest of the console speaks the staff's languages."""
    return view(fn, public=True, languages=MEMBER_LANGUAGES)


def admin_view(fn: View) -> Callable[[Request], Any]:
    return view(fn, admin=True)


def _run(
    fn: View,
    request: Request,
    form: FormData | None,
    public: bool,
    admin: bool = False,
    languages: Mapping[str, str] = INTERFACE_LANGUAGES,
) -> Response:
    console: Console = request.app.state.console
    cookies = console.cookies
    now = console.clock()
    flashes = cookies.unsign(request.cookies.get(cookies.flash_name))
    anonymous = cookies.unsign(request.cookies.get(cookies.csrf_name))
    set_cookies: dict[str, str | None] = {}
    if not isinstance(anonymous, str):
        anonymous = secrets.token_urlsafe(32)
        set_cookies[cookies.csrf_name] = cookies.sign(anonymous)
    with Session(console.engine, expire_on_commit=False) as db:
        signed_in, why = find_session(
            db, cookies.session_token(request.cookies.get(cookies.session_name)), now=now
        )
        page = Page(
            request=request,
            db=db,
            console=console,
            now=now,
            signed_in=signed_in,
            form=form,
            csrf_token=signed_in.row.csrf_token if signed_in else anonymous,
            flashes=[tuple(f) for f in flashes] if isinstance(flashes, list) else [],
            set_cookies=set_cookies,
        )
        language = signed_in.user.language if signed_in else None
        asked = best_match(request.headers.get("accept-language"), languages)
        with use_language(language or asked, languages):
            if why:
                page.set_cookies[cookies.session_name] = None
            if signed_in is None and not public:
                db.commit()
                expired = why == "expired"
                message = _("Your session has expired; please sign in again.") if expired else None
                target = request.url.path if request.method == "GET" else "/"
                response = page.redirect(f"/login?next={quote(target)}", message, "info")
            elif form is not None and not tokens_match(page.csrf_token, _csrf_of(form)):
                db.commit()
                who = f"user {signed_in.user.id}" if signed_in else "no session"
                log.warning(
                    "CSRF token refused: %s %s from %s (%s)",
                    request.method,
                    request.url.path,
                    page.client_ip,
                    who,
                )
                response = page.render("refused.html", status=403)
            elif admin and signed_in is not None and signed_in.user.role != "admin":
                db.commit()
                log.warning(
                    "forbidden: %s %s for user %d (%s) from %s",
                    request.method,
                    request.url.path,
                    signed_in.user.id,
                    signed_in.user.role,
                    page.client_ip,
                )
                response = page.render("forbidden.html", status=403)
            else:
                try:
                    response = fn(page)
                    db.commit()
                except Refused as refused:
                    db.rollback()
                    response = page.redirect(safe_next(refused.back), refused.message, "error")
    for name, value in page.set_cookies.items():
        if value is None:
            response.delete_cookie(name, path="/", secure=cookies.secure, httponly=True)
        else:
            response.set_cookie(name, value, **cookies.options())  # type: ignore[arg-type]
    response.headers.setdefault("cache-control", "no-store")
    return response


def _csrf_of(form: FormData) -> str | None:
    """The token the form carries (htmx posts the same forms, token included)."""
    value = form.get("csrf_token")
    return value if isinstance(value, str) else None

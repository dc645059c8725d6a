"""Signing in and out of the console."""

from __future__ import annotations

import logging
import math

from sqlalchemy import func, select
from starlette.responses import Response

from hub.core.accounts import WebSession
from hub.core.models import User
from hub.web.accounts import MIN_PASSWORD, AccountError, WeakPassword, set_password
from hub.web.i18n import INTERFACE_LANGUAGES, _, ngettext, use_language
from hub.web.page import Page, Refused, safe_next
from hub.web.security import (
    HashingBusy,
    check_password,
    claim_attempt,
    forget_attempt,
    purge_attempts,
    settle_attempt,
)
from hub.web.sessions import end_session, purge_sessions, start_session
from hub.web.twofactor import accept_code, note_matches, pending_note, pending_user_id

log = logging.getLogger("hub.web.security")  # e-mail addresses are masked in every log line


def login_form(page: Page) -> Response:
    """The sign-in page (or the dashboard for someone already signed in)."""
    if page.signed_in is not None:
        return page.redirect(safe_next(page.param("next") or "/"))
    return page.render("login.html", next=safe_next(page.param("next") or "/"), email="")


def login(page: Page) -> Response:
    """Check the password, throttled per (e-mail, address); start a session on success."""
    # No address is longer than 320 characters or holds a NUL (PostgreSQL refuses both)
    email = page.field("email").lower().replace("\x00", "")[:320]
    password = page.field("password")
    target = safe_next(page.field("next") or "/")
    page.db.commit()  # nothing of this request is pending while the attempt is claimed
    attempt, throttle = claim_attempt(page.console.engine, email, page.client_ip, page.now)
    if not throttle.allowed:
        log.warning("sign-in throttled for %s from %s", email, page.client_ip)
        minutes = max(1, math.ceil(throttle.retry_after.total_seconds() / 60))
        page.flashes.append(
            (
                "error",
                ngettext(
                    "Too many failed sign-ins for %(email)s; try again in %(num)d minute.",
                    "Too many failed sign-ins for %(email)s; try again in %(num)d minutes.",
                    minutes,
                )
                % {"email": email, "num": minutes},
            )
        )
        return page.render("login.html", status=429, next=target, email=email)
    user = page.db.scalar(select(User).where(func.lower(User.email) == email)) if email else None
    try:
        ok = check_password(user, password, page.console.password_hasher, page.console.hashing)
    except HashingBusy:
        forget_attempt(page.db, attempt)
        page.flashes.append(("error", _("Too many sign-ins at once; try again in a moment.")))
        return page.render("login.html", status=429, next=target, email=email)
    settle_attempt(page.db, attempt, ok)
    if not ok or user is None:
        log.warning("failed sign-in for %s from %s", email, page.client_ip)
        page.flashes.append(("error", _("Wrong e-mail address or password.")))
        return page.render("login.html", status=401, next=target, email=email)
    if user.totp_secret:  # the second step: a code from the authenticator app
        note = pending_note(page.console.cookies, user, page.now)
        return page.render("login_code.html", next=target, pending=note)
    return _signed_in(page, user, target)


def login_code(page: Page) -> Response:
    """The second step of signing in: a TOTP code or a recovery code, throttled as
    passwords are (the attempts count against the account and the address)."""
    target = safe_next(page.field("next") or "/")
    note = page.field("pending")
    pending = pending_user_id(page.console.cookies, note, page.now)
    user = page.db.get(User, pending[0]) if pending else None
    if pending is None or user is None or not user.active or not note_matches(user, pending[1]):
        page.flashes.append(("error", _("The sign-in took too long; start again.")))
        return page.render("login.html", status=401, next=target, email="")
    page.db.commit()
    # counted apart from passwords, so a right password does not reset the count of codes
    counted_as = f"2fa:{user.email}"[:320]
    attempt, throttle = claim_attempt(page.console.engine, counted_as, page.client_ip, page.now)
    if not throttle.allowed:
        log.warning("sign-in code throttled for user %d from %s", user.id, page.client_ip)
        page.flashes.append(("error", _("Too many wrong codes; try again later.")))
        return page.render("login.html", status=429, next=target, email=user.email)
    ok = accept_code(user, page.field("code"), page.now)
    settle_attempt(page.db, attempt, ok)
    if not ok:
        log.warning("wrong sign-in code for user %d from %s", user.id, page.client_ip)
        page.audit("sign_in_code_refused", f"user:{user.id}", actor=user.email)
        page.flashes.append(("error", _("That code is not right, or was already used.")))
        return page.render("login_code.html", status=401, next=target, pending=note)
    return _signed_in(page, user, target)


def _signed_in(page: Page, user: User, target: str) -> Response:
    """Start a session for ``user`` (ending this browser's old one) and go to ``target``."""
    purge_sessions(page.db, now=page.now)
    purge_attempts(page.db, now=page.now)
    cookies = page.console.cookies
    end_session(page.db, cookies.session_token(page.request.cookies.get(cookies.session_name)))
    token, _session = start_session(page.db, user, now=page.now, ip=page.client_ip)
    page.set_cookies[cookies.session_name] = cookies.sign(token)
    page.audit("sign_in", f"user:{user.id}", actor=user.email)
    with use_language(user.language):
        return page.redirect(target, _("Welcome, %(name)s.") % {"name": user.name})


def logout(page: Page) -> Response:
    """End the session here (other browsers of the same user stay signed in)."""
    cookies = page.console.cookies
    page.audit("sign_out", f"user:{page.user.id}")
    end_session(page.db, cookies.session_token(page.request.cookies.get(cookies.session_name)))
    page.set_cookies[cookies.session_name] = None
    page.signed_in = None
    return page.redirect("/login", "You have signed out.", "info")


def account_page(page: Page) -> Response:
    """The signed-in user's own settings: language, password, second factor, sessions."""
    return page.render("account.html", sessions=_sessions(page))


def _sessions(page: Page) -> list[tuple[str, WebSession, bool]]:
    """The account's open sessions, newest first: (reference, row, is this browser's)."""
    current = page.signed_in.row.id if page.signed_in else ""
    rows = page.db.scalars(
        select(WebSession)
        .where(WebSession.user_id == page.user.id)
        .order_by(WebSession.last_seen_at.desc())
    )
    return [(row.id[:16], row, row.id == current) for row in rows]


def end_sessions(page: Page) -> Response:
    """End one of the account's other sessions (``session``: its reference), or all of
    them (``session=others``); this browser's stays."""
    asked = page.field("session")
    ended = [
        row
        for ref, row, here in _sessions(page)
        if not here and (asked == "others" or (len(asked) == 16 and ref == asked))
    ]
    if not ended:
        raise Refused(_("There is no such session."), "/account")
    for row in ended:
        page.db.delete(row)
    page.audit("end_sessions", f"user:{page.user.id}", str(len(ended)))
    return page.redirect(
        "/account",
        ngettext("%(num)d session ended.", "%(num)d sessions ended.", len(ended))
        % {"num": len(ended)},
    )


def password_save(page: Page) -> Response:
    """The user changes their own password: the current one first; every other session
    of the account ends, this browser gets a new one."""
    try:
        ok = check_password(
            page.user, page.field("current"), page.console.password_hasher, page.console.hashing
        )
    except HashingBusy:
        raise Refused(_("Too many sign-ins at once; try again in a moment."), "/account") from None
    if not ok:
        raise Refused(_("Your current password is not right."), "/account")
    new = page.field("new")
    if new != page.field("again"):
        raise Refused(_("The two new passwords are not the same."), "/account")
    try:
        set_password(page.db, page.user, new)
    except WeakPassword:
        raise Refused(
            _(
                "That password is too easy to guess (a common password or pattern, or close "
                "to your name or address): choose a longer, less usual one."
            ),
            "/account",
        ) from None
    except AccountError:
        raise Refused(
            _("The password must have at least %(num)d characters.") % {"num": MIN_PASSWORD},
            "/account",
        ) from None
    page.db.flush()
    token, _session = start_session(page.db, page.user, now=page.now, ip=page.client_ip)
    page.set_cookies[page.console.cookies.session_name] = page.console.cookies.sign(token)
    page.audit("password_change", f"user:{page.user.id}")
    return page.redirect("/account", _("Password changed: your other sessions have ended."))


def account_save(page: Page) -> Response:
    """Save the user's interface language (one of INTERFACE_LANGUAGES)."""
    language = page.field("language")
    if language not in INTERFACE_LANGUAGES:
        raise Refused(_("Choose one of the console's languages."), "/account")
    page.user.language = language
    page.db.add(page.user)
    page.audit("set_language", f"user:{page.user.id}", language)
    with use_language(language):
        return page.redirect(
            "/account",
            _("Saved: the console now speaks %(language)s.")
            % {"language": INTERFACE_LANGUAGES[language]},
        )

"""The account page's second factor: turning TOTP on (with recovery codes) and off."""

from __future__ import annotations

from starlette.responses import Response

from hub.core.config.settings import name_in
from hub.web.i18n import _
from hub.web.page import Page, Refused
from hub.web.security import HashingBusy, check_password
from hub.web.twofactor import (
    PENDING_FOR,
    accept_code,
    authenticator_uri,
    code_step,
    grouped,
    new_recovery_codes,
    new_secret,
)


def start(page: Page) -> Response:
    """A new secret to put in an authenticator app; nothing is stored until a code
    made from it is typed back (:func:`confirm`)."""
    if page.user.totp_secret:
        raise Refused(_("Two-step sign-in is already on."), "/account")
    return _setup(page, new_secret())


def _setup(page: Page, secret: str, status: int = 200) -> Response:
    note = page.console.cookies.sign(["2fa-setup", page.user.id, secret, page.now.timestamp()])
    issuer = name_in(page.settings.hub.name, page.user.language)
    return page.render(
        "account_2fa.html",
        status=status,
        secret=grouped(secret),
        uri=authenticator_uri(secret, page.user.email, issuer),
        note=note,
    )


def confirm(page: Page) -> Response:
    """Turn the second factor on once the code matches; show the recovery codes once."""
    value = page.console.cookies.unsign(page.field("note"))
    if not isinstance(value, list) or len(value) != 4 or value[:2] != ["2fa-setup", page.user.id]:
        raise Refused(_("The set-up took too long; start again."), "/account")
    secret, at = str(value[2]), value[3]
    if not isinstance(at, (int, float)) or page.now.timestamp() - at > 2 * PENDING_FOR.seconds:
        raise Refused(_("The set-up took too long; start again."), "/account")
    step = code_step(secret, page.field("code"), page.now)
    if step is None:
        page.flashes.append(
            ("error", _("That code is not right: type the code the app shows now."))
        )
        return _setup(page, secret, status=400)
    codes, hashes = new_recovery_codes()
    page.user.totp_secret, page.user.totp_last_step = secret, step
    page.user.recovery_codes = hashes
    page.db.add(page.user)
    page.audit("two_factor_on", f"user:{page.user.id}")
    return page.render("account_2fa_codes.html", codes=codes)


def turn_off(page: Page) -> Response:
    """Turn the second factor off: the password and a code (or a recovery code) first."""
    if not page.user.totp_secret:
        raise Refused(_("Two-step sign-in is already off."), "/account")
    try:
        password_ok = check_password(
            page.user, page.field("password"), page.console.password_hasher, page.console.hashing
        )
    except HashingBusy:
        raise Refused(_("Too many sign-ins at once; try again in a moment."), "/account") from None
    if not password_ok or not accept_code(page.user, page.field("code"), page.now):
        raise Refused(_("Wrong password or code: two-step sign-in is still on."), "/account")
    page.user.totp_secret = page.user.totp_last_step = None
    page.user.recovery_codes = None
    page.db.add(page.user)
    page.audit("two_factor_off", f"user:{page.user.id}")
    return page.redirect("/account", _("Two-step sign-in is off."))

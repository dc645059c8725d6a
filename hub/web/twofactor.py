"""A second factor for console accounts: TOTP codes (RFC 6238, pyotp) and recovery codes.

An account turns it on from its own page: the console shows a new secret (and
its ``otpauth://`` address for an authenticator app), and keeps it only once a
code made from it is typed back. Ten one-time recovery codes are shown then,
once; only their SHA-256 hashes are stored. Signing in then takes the password,
then a code: a TOTP code of the current 30-second step or the one either side
(clock drift), never one of a step already used (:func:`accept_code`), or a
recovery code, which is spent. Between the two steps the browser holds a signed
note of the account (:func:`pending_note`) that lasts :data:`PENDING_FOR`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

import pyotp

from hub.core.models import User
from hub.web.sessions import CookieJar

PENDING_FOR = dt.timedelta(minutes=5)
RECOVERY_CODES = 10
STEP = 30  # seconds, RFC 6238's default and every authenticator app's


def new_secret() -> str:
    """A random base32 secret of 160 bits (RFC 4226's recommended length)."""
    return pyotp.random_base32(32)


def authenticator_uri(secret: str, email: str, issuer: str) -> str:
    """The ``otpauth://totp/...`` address an authenticator app reads."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").replace(" ", "").lower().encode()).hexdigest()


def new_recovery_codes() -> tuple[list[str], list[str]]:
    """Ten codes to show once, and their hashes to store."""
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    return codes, [_hash(code) for code in codes]


def code_step(secret: str, code: str, now: dt.datetime) -> int | None:
    """The time step whose TOTP code ``code`` is (now's or one either side), else None."""
    digits = code.replace(" ", "")
    if len(digits) != 6 or not digits.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // STEP
    found = None
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), digits):
            found = step
    return found


def accept_code(user: User, code: str, now: dt.datetime) -> bool:
    """True for a TOTP code of a step not used before (the step is then recorded), or
    an unspent recovery code (it is then spent)."""
    if not user.totp_secret:
        return False
    step = code_step(user.totp_secret, code, now)
    if step is not None:
        if user.totp_last_step is not None and step <= user.totp_last_step:
            return False  # replayed: that step's code was already used
        user.totp_last_step = step
        return True
    left = list(user.recovery_codes or [])
    given = _hash(code)
    for stored in left:
        if hmac.compare_digest(stored, given):
            left.remove(stored)
            user.recovery_codes = left
            return True
    return False


def pending_note(cookies: CookieJar, user: User, now: dt.datetime) -> str:
    """What the browser carries between the password and the code: signed, tied to the
    account's password hash (a changed password voids it), dated."""
    return cookies.sign(["2fa", user.id, _hash(user.password_hash or ""), now.timestamp()])


def pending_user_id(cookies: CookieJar, note: str, now: dt.datetime) -> tuple[int, str] | None:
    """The account id and password-hash digest a note names, if signed and not stale."""
    value = cookies.unsign(note)
    if not isinstance(value, list) or len(value) != 4 or value[0] != "2fa":
        return None
    _kind, user_id, digest, at = value
    if not isinstance(user_id, int) or not isinstance(at, (int, float)):
        return None
    age = now.timestamp() - float(at)
    if age < 0 or age > PENDING_FOR.total_seconds():
        return None
    return user_id, str(digest)


def note_matches(user: User, digest: str) -> bool:
    return hmac.compare_digest(_hash(user.password_hash or ""), digest)

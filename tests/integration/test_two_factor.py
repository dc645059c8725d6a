"""Security finding (issue 16, ASVS level 2): the console had no second factor.

An account turns on TOTP (RFC 6238) from its own page; signing in then asks for a
code after the password. A code is good for its 30-second step and one either side,
never twice; a recovery code is good once; the step between password and code
expires; turning it off takes the password and a code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pyotp
import pytest
from sqlalchemy import Engine

from hub.core.db import transaction
from hub.core.models import User
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def app(engine: Engine, clock: SteppingClock):
    add_user(engine, EMAIL, PASSWORD, role="admin")
    return console_app(example_settings(), engine, clock=clock)


@pytest.fixture
def client(app) -> Iterator[ConsoleClient]:
    with ConsoleClient(app) as client:
        yield client


def hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found, f"no hidden {name} in the page"
    return html.unescape(found.group(1))


def turn_on(client: ConsoleClient, clock: SteppingClock) -> tuple[str, list[str]]:
    """Turn the second factor on; returns the secret and the recovery codes shown."""
    assert client.sign_in(EMAIL, PASSWORD).status_code == 303
    token = csrf_token(client.get("/account").text)
    setup = client.post("/account/2fa/start", data={"csrf_token": token}).text
    found = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', setup)
    assert found and "otpauth://totp/" in setup
    secret = found.group(1).replace(" ", "")
    wrong = {"csrf_token": token, "note": hidden(setup, "note"), "code": "000000"}
    assert client.post("/account/2fa/confirm", data=wrong).status_code == 400
    code = pyotp.TOTP(secret).at(clock.now)
    shown = client.post("/account/2fa/confirm", data={**wrong, "code": code})
    assert shown.status_code == 200
    codes = re.findall(r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code></li>", shown.text)
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/").text)})
    clock.advance(seconds=30)  # the code used to turn it on is spent
    return secret, codes


def password_step(client: ConsoleClient) -> str:
    """Sign in with the password; returns the code page."""
    response = client.submit("/login", "/login", {"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 200 and 'action="/login/code"' in response.text
    assert client.get("/").status_code == 303  # no session yet
    return response.text


def code_step(client: ConsoleClient, page: str, code: str):
    data = {"csrf_token": csrf_token(page), "pending": hidden(page, "pending"), "code": code}
    return client.post("/login/code", data=data)


def test_turning_it_on_shows_ten_recovery_codes_and_stores_only_their_hashes(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    secret, codes = turn_on(client, clock)
    assert len(codes) == 10 and len(set(codes)) == 10
    with transaction(engine) as session:
        user = session.query(User).filter_by(email=EMAIL).one()
        assert user.totp_secret == secret
        stored = user.recovery_codes or []
        assert len(stored) == 10 and not set(codes) & set(stored)


def test_signing_in_takes_a_code_after_the_password(
    client: ConsoleClient, clock: SteppingClock
) -> None:
    secret, _codes = turn_on(client, clock)
    page = password_step(client)
    assert code_step(client, page, "123456").status_code == 401
    code = pyotp.TOTP(secret).at(clock.now)
    assert code_step(client, page, code).status_code == 303
    assert client.get("/").status_code == 200


def test_a_code_is_never_accepted_twice(client: ConsoleClient, clock: SteppingClock) -> None:
    secret, _codes = turn_on(client, clock)
    code = pyotp.TOTP(secret).at(clock.now)
    assert code_step(client, password_step(client), code).status_code == 303
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/").text)})
    assert code_step(client, password_step(client), code).status_code == 401
    clock.advance(seconds=30)
    later = pyotp.TOTP(secret).at(clock.now)
    assert code_step(client, password_step(client), later).status_code == 303


def test_a_recovery_code_signs_in_once(client: ConsoleClient, clock: SteppingClock) -> None:
    _secret, codes = turn_on(client, clock)
    assert code_step(client, password_step(client), codes[3]).status_code == 303
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/").text)})
    assert code_step(client, password_step(client), codes[3]).status_code == 401


def test_the_step_between_password_and_code_expires(
    client: ConsoleClient, clock: SteppingClock
) -> None:
    secret, _codes = turn_on(client, clock)
    page = password_step(client)
    clock.advance(minutes=6)
    stale = code_step(client, page, pyotp.TOTP(secret).at(clock.now))
    assert stale.status_code == 401 and "start again" in stale.text
    forged = page.replace(hidden(page, "pending"), "forged")
    assert code_step(client, forged, pyotp.TOTP(secret).at(clock.now)).status_code == 401


def test_wrong_codes_are_throttled_like_passwords(
    client: ConsoleClient, clock: SteppingClock
) -> None:
    from hub.web.security import MAX_FAILURES

    secret, _codes = turn_on(client, clock)
    page = password_step(client)
    statuses = [code_step(client, page, f"{n:06d}").status_code for n in range(MAX_FAILURES + 1)]
    assert statuses == [401] * MAX_FAILURES + [429]
    assert code_step(client, page, pyotp.TOTP(secret).at(clock.now)).status_code == 429
    clock.advance(minutes=1)  # a right password again does not reset the count of codes
    page = password_step(client)
    assert code_step(client, page, pyotp.TOTP(secret).at(clock.now)).status_code == 429


def test_turning_it_off_takes_the_password_and_a_code(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    secret, _codes = turn_on(client, clock)
    assert code_step(client, password_step(client), pyotp.TOTP(secret).at(clock.now)).status_code
    token = csrf_token(client.get("/account").text)
    clock.advance(seconds=30)
    code = pyotp.TOTP(secret).at(clock.now)
    refused = {"csrf_token": token, "password": "not it", "code": code}
    client.post("/account/2fa/off", data=refused)
    with transaction(engine) as session:
        assert session.query(User).filter_by(email=EMAIL).one().totp_secret is not None
    client.post("/account/2fa/off", data={**refused, "password": PASSWORD})
    with transaction(engine) as session:
        assert session.query(User).filter_by(email=EMAIL).one().totp_secret is None

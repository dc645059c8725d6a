"""Security finding (issue 16): passwords were checked by length only, and users could
not change their own. zxcvbn now refuses common passwords, patterns and ones made of
the account's own name or address; the account page changes the password."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from hub.web.accounts import AccountError, WeakPassword, check_password_strength
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "ana.perez@example.org", "correct horse battery"
PERSONAL = (EMAIL, "Ana Perez")


@pytest.mark.parametrize(
    "password",
    [
        "password1234",  # in zxcvbn's list of common passwords
        "qwertyuiop123",  # a keyboard walk
        "ana.perez@example.org",  # the account's own address
        "AnaPerez2026!",  # its name run together, and a year
    ],
)
def test_an_easy_password_is_refused(password: str) -> None:
    with pytest.raises(WeakPassword):
        check_password_strength(password, PERSONAL)


def test_a_long_unusual_password_passes_and_a_short_one_is_refused_as_short() -> None:
    check_password_strength("correct horse battery", PERSONAL)
    with pytest.raises(AccountError, match="at least 12 characters"):
        check_password_strength("Xq9#vL2!", PERSONAL)


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    add_user(engine, EMAIL, PASSWORD, name="Ana Perez", role="editor")
    app = console_app(example_settings(), engine, clock=SteppingClock())
    with ConsoleClient(app) as client:
        assert client.sign_in(EMAIL, PASSWORD).status_code == 303
        yield client


def change(client: ConsoleClient, current: str, new: str, again: str | None = None) -> str:
    token = csrf_token(client.get("/account").text)
    data = {"csrf_token": token, "current": current, "new": new, "again": again or new}
    response = client.post("/account/password", data=data)
    assert response.status_code == 303
    return client.follow(response).text


def test_a_user_changes_their_own_password_and_other_sessions_end(client: ConsoleClient) -> None:
    with ConsoleClient(client.app, client_ip="198.51.100.30") as elsewhere:
        assert elsewhere.sign_in(EMAIL, PASSWORD).status_code == 303
        assert "not right" in change(client, "wrong", "a new and long passphrase")
        assert "not the same" in change(client, PASSWORD, "a new and long passphrase", "other")
        assert "too easy to guess" in change(client, PASSWORD, "AnaPerez2026!")
        assert "Password changed" in change(client, PASSWORD, "a new and long passphrase")
        assert client.get("/").status_code == 200  # this browser stays signed in
        assert elsewhere.get("/").status_code == 303  # the other one is signed out
        assert elsewhere.sign_in(EMAIL, PASSWORD).status_code == 401
        assert elsewhere.sign_in(EMAIL, "a new and long passphrase").status_code == 303


def test_a_user_sees_their_sessions_and_ends_the_others(client: ConsoleClient) -> None:
    """Security finding: users could not see or end their other sessions."""
    import re

    with (
        ConsoleClient(client.app, client_ip="198.51.100.31") as phone,
        ConsoleClient(client.app, client_ip="198.51.100.32") as laptop,
    ):
        assert phone.sign_in(EMAIL, PASSWORD).status_code == 303
        assert laptop.sign_in(EMAIL, PASSWORD).status_code == 303
        page = client.get("/account").text
        assert "198.51.100.31" in page and "198.51.100.32" in page
        assert page.count('name="session" value="') == 3  # two others, and "others"
        rows = re.findall(r'<tr id="session-(\w+)">(.*?)</tr>', page, re.S)
        phone_ref = next(ref for ref, row in rows if "198.51.100.31" in row)
        token = csrf_token(page)
        ended = client.post(
            "/account/sessions/end", data={"csrf_token": token, "session": phone_ref}
        )
        assert "1 session ended" in client.follow(ended).text
        assert phone.get("/").status_code == 303 and laptop.get("/").status_code == 200
        forged = {"csrf_token": token, "session": "0" * 16}
        assert (
            "no such session"
            in client.follow(client.post("/account/sessions/end", data=forged)).text
        )
        client.post("/account/sessions/end", data={"csrf_token": token, "session": "others"})
        assert laptop.get("/").status_code == 303 and client.get("/").status_code == 200

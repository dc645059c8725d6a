"""The console's API tokens page: made with scopes the role allows, shown once, revoked."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.accounts import ApiToken, AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import utcnow
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

ADMIN, EDITOR, PASSWORD = "admin@example.org", "editor@example.org", "correct horse battery"
TOKEN = re.compile(r'id="new-token" type="text" readonly value="(hub_[A-Za-z0-9_-]+)"')


@pytest.fixture
def app(engine: Engine):
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    add_user(engine, EDITOR, PASSWORD, role="editor")
    return console_app(settings, engine, clock=SteppingClock(utcnow()))


@pytest.fixture
def editor(app) -> Iterator[ConsoleClient]:
    with ConsoleClient(app) as client:
        assert client.sign_in(EDITOR, PASSWORD).status_code == 303
        yield client


def make(client: ConsoleClient, name: str, *scopes: str):
    token = csrf_token(client.get("/account/tokens").text)
    data = {"csrf_token": token, "name": name, "scope": list(scopes)}
    return client.post("/account/tokens", data=data)


def test_a_token_is_shown_once_and_only_its_hash_is_kept(
    editor: ConsoleClient, engine: Engine
) -> None:
    page = editor.get("/account/tokens")
    assert page.status_code == 200
    assert 'value="moderate"' in page.text and 'value="admin"' not in page.text  # an editor's
    made = make(editor, "Website CMS", "read", "write")
    assert made.status_code == 200
    found = TOKEN.search(made.text)
    assert found is not None
    token = found.group(1)
    again = editor.get("/account/tokens").text
    assert token not in again and "Website CMS" in again and token[:8] in again
    with transaction(engine) as session:
        row = session.scalar(select(ApiToken))
        assert row is not None and row.scopes == ["read", "write"]
        assert token not in (row.token_hash, row.prefix)
        audit = session.scalar(select(AuditEntry).where(AuditEntry.action == "token: create"))
        assert audit is not None and audit.actor == EDITOR
    listed = editor.get("/api/v1/items", headers={"authorization": f"Bearer {token}"})
    assert listed.status_code == 200


def test_the_page_refuses_what_the_role_does_not_allow_and_empty_forms(
    editor: ConsoleClient, engine: Engine
) -> None:
    assert make(editor, "too much", "read", "admin").status_code == 403
    assert make(editor, "", "read").status_code == 400
    assert make(editor, "no scope").status_code == 400
    no_csrf = editor.post("/account/tokens", data={"name": "x", "scope": "read"})
    assert no_csrf.status_code == 403
    with transaction(engine) as session:
        assert session.scalars(select(ApiToken)).all() == []


def test_a_revoked_token_stops_working_and_others_cannot_revoke_it(
    app, editor: ConsoleClient, engine: Engine
) -> None:
    found = TOKEN.search(make(editor, "script", "read").text)
    assert found is not None
    bearer = {"authorization": f"Bearer {found.group(1)}"}
    with transaction(engine) as session:
        token_id = session.scalars(select(ApiToken.id)).one()
    with ConsoleClient(app, client_ip="192.0.2.20") as other:
        add_user(engine, "other@example.org", PASSWORD, role="editor")
        other.sign_in("other@example.org", PASSWORD)
        page = other.get("/account/tokens").text
        refused = other.post(
            f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_token(page)}
        )
        assert "no such token" in other.follow(refused).text
    assert editor.get("/api/v1/items", headers=bearer).status_code == 200
    page = editor.get("/account/tokens").text
    revoked = editor.post(
        f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_token(page)}
    )
    assert "revoked" in editor.follow(revoked).text
    assert editor.get("/api/v1/items", headers=bearer).status_code == 401
    with transaction(engine) as session:
        actions = list(session.scalars(select(AuditEntry.action)))
        assert "token: revoke" in actions


def test_an_admin_sees_and_revokes_other_peoples_tokens(
    app, editor: ConsoleClient, engine: Engine
) -> None:
    found = TOKEN.search(make(editor, "Editor's script", "read").text)
    assert found is not None
    bearer = {"authorization": f"Bearer {found.group(1)}"}
    with transaction(engine) as session:
        token_id = session.scalars(select(ApiToken.id)).one()
    assert "Other people" not in editor.get("/account/tokens").text
    with ConsoleClient(app, client_ip="192.0.2.30") as admin:
        admin.sign_in(ADMIN, PASSWORD)
        page = admin.get("/account/tokens").text
        assert "Editor&#39;s script" in page and EDITOR in page
        revoked = admin.post(
            f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_token(page)}
        )
        assert revoked.status_code == 303
    assert editor.get("/api/v1/items", headers=bearer).status_code == 401

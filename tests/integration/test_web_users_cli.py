"""``hub users``: console accounts from the command line, hashed with argon2id."""

from __future__ import annotations

from sqlalchemy import Engine, select
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.db import transaction
from hub.core.models import User
from hub.web import create_app
from hub.web.testing import ConsoleClient, example_settings

PASSWORD = "a long enough password"


def users(database_url: str, command: str, stdin: str | None = None):
    """``hub users COMMAND`` on the test database (the command's words split on spaces)."""
    _register()
    args = ["users", *command.split(), "--database-url", database_url]
    return CliRunner().invoke(app, args, input=stdin)


def test_add_then_sign_in(engine: Engine, database_url: str) -> None:
    result = users(
        database_url,
        "add Marta@Example.org --name Marta --role admin --password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "marta@example.org can now sign in" in result.output
    with transaction(engine) as session:
        user = session.scalars(select(User)).one()
        assert user.email == "marta@example.org" and user.role == "admin"
        assert user.password_hash and user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
    with ConsoleClient(create_app(example_settings(), engine)) as client:
        assert client.sign_in("marta@example.org", PASSWORD).status_code == 303
    listed = users(database_url, "list")
    assert "marta@example.org\tMarta\tadmin\tactive" in listed.output


def test_prompted_password_must_be_confirmed(database_url: str) -> None:
    result = users(
        database_url,
        "add a@example.org --name A",
        stdin=f"{PASSWORD}\nsomething else entirely\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output


def test_refusals_are_clear(database_url: str) -> None:
    short = users(database_url, "add b@example.org --name B --password-stdin", stdin="short\n")
    assert short.exit_code == 1 and "at least 12 characters" in short.output
    role = users(database_url, "add b@example.org --name B --role root")
    assert role.exit_code == 1 and "admin, editor" in role.output
    users(database_url, "add c@example.org --name C --password-stdin", stdin=PASSWORD + "\n")
    again = users(
        database_url, "add C@example.org --name C --password-stdin", stdin=PASSWORD + "\n"
    )
    assert again.exit_code == 1 and "already has an account" in again.output
    assert "Traceback" not in short.output + role.output + again.output


def test_deactivate_and_new_password_end_sessions(engine: Engine, database_url: str) -> None:
    users(database_url, "add d@example.org --name D --password-stdin", stdin=PASSWORD + "\n")
    with ConsoleClient(create_app(example_settings(), engine)) as client:
        client.sign_in("d@example.org", PASSWORD)
        assert client.get("/").status_code == 200
        new = PASSWORD + " two"
        changed = users(database_url, "password d@example.org --password-stdin", stdin=new + "\n")
        assert changed.exit_code == 0, changed.output
        assert client.get("/").status_code == 303
        assert client.sign_in("d@example.org", new).status_code == 303
        assert users(database_url, "deactivate d@example.org").exit_code == 0
        assert client.get("/").status_code == 303
        assert client.sign_in("d@example.org", new).status_code == 401


def test_the_demo_account_gets_a_fresh_password(engine: Engine) -> None:
    from hub.web.accounts import demo_account

    email, first = demo_account(engine)
    again, second = demo_account(engine)
    assert email == again and first != second
    with ConsoleClient(create_app(example_settings(), engine)) as client:
        assert client.sign_in(email, first).status_code == 401
        assert client.sign_in(email, second).status_code == 303


def test_the_issue_spelling_hub_user_add_with_a_role_only(
    engine: Engine, database_url: str
) -> None:
    _register()
    adding = ["user", "add", "joan.puig@example.org", "--role", "editor", "--password-stdin"]
    result = CliRunner().invoke(
        app,
        [*adding, "--database-url", database_url],
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    with transaction(engine) as session:
        user = session.scalars(select(User)).one()
        assert (user.email, user.name, user.role) == (
            "joan.puig@example.org",
            "Joan Puig",
            "editor",
        )

"""``hub users ...``: the secretariat's accounts for the console."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from hub.cli.app import app, runtime

if TYPE_CHECKING:
    from sqlalchemy import Engine

users_app = typer.Typer(help="Console accounts of the secretariat.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(users_app, name="user", hidden=True)  # `hub user add EMAIL --role editor` too


DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(1)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    from hub.web.accounts import AccountError, check_password_strength

    try:
        check_password_strength(password)
    except AccountError as exc:
        raise _fail(str(exc)) from None
    return password


def _engine(ctx: typer.Context, database_url: str | None) -> Engine:
    engine = runtime(ctx).engine(database_url)
    ctx.call_on_close(engine.dispose)
    return engine


@users_app.command("add")
def add_command(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The person's e-mail address (their sign-in).")],
    name: Annotated[
        str | None,
        typer.Option("--name", help="The name shown in the console (default: from the address)."),
    ] = None,
    role: Annotated[str, typer.Option("--role", help="admin or editor.")] = "editor",
    password_stdin: PasswordStdin = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Create a console account (asks for the password twice unless --password-stdin)."""
    from hub.core.db import transaction
    from hub.web.accounts import ROLES, AccountError, create_user, find_user

    if role not in ROLES:
        raise _fail(f"the role must be one of {', '.join(ROLES)}")
    engine = _engine(ctx, database_url)
    with transaction(engine) as session:
        if find_user(session, email) is not None:
            raise _fail(f"{email.lower()} already has an account (use `hub users password`)")
    password = _read_password(password_stdin)
    try:
        with transaction(engine) as session:
            shown = name or email.split("@", 1)[0].replace(".", " ").title()
            user = create_user(session, email, shown, password, role)
    except AccountError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"{user.email} can now sign in to the console ({role})")


@users_app.command("password")
def password_command(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The account's e-mail address.")],
    password_stdin: PasswordStdin = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Set a new password for an account (its open sessions end)."""
    from hub.core.db import transaction
    from hub.web.accounts import find_user, set_password

    engine = _engine(ctx, database_url)
    password = _read_password(password_stdin)
    with transaction(engine) as session:
        user = find_user(session, email)
        if user is None:
            raise _fail(f"no account for {email}")
        set_password(session, user, password)
    typer.echo(f"password changed for {email}; its sessions were ended")


@users_app.command("deactivate")
def deactivate_command(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The account's e-mail address.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Stop an account from signing in and end its sessions (the audit log keeps its name)."""
    from sqlalchemy import delete, func, select

    from hub.core.accounts import WebSession
    from hub.core.db import transaction
    from hub.core.models import User

    engine = _engine(ctx, database_url)
    with transaction(engine) as session:
        user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
        if user is None:
            raise _fail(f"no account for {email}")
        user.active = False
        session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    typer.echo(f"{email} can no longer sign in")


@users_app.command("list")
def list_command(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Every account: e-mail, name, role, active, last sign-in."""
    from sqlalchemy import select

    from hub.core.db import transaction
    from hub.core.models import User

    engine = _engine(ctx, database_url)
    with transaction(engine) as session:
        users = list(session.scalars(select(User).order_by(User.email)))
    if not users:
        typer.echo("no accounts yet: add one with `hub users add EMAIL --name NAME`")
    for user in users:
        state = "active" if user.active else "deactivated"
        last = user.last_login_at.isoformat(timespec="minutes") if user.last_login_at else "never"
        typer.echo(f"{user.email}\t{user.name}\t{user.role}\t{state}\tlast sign-in: {last}")

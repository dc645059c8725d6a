"""``hub newsletter ...``: draft, preview, approve and push editions to Mailchimp.

The ``newsletters`` package (and through it ``mailchimp_marketing``) is
imported inside the commands, so the core CLI loads without it.
"""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from hub.cli.app import app, runtime
from hub.core.clock import clock_of
from hub.core.errors import HubError

newsletter_app = typer.Typer(
    help="Compose newsletter editions and hand them to Mailchimp.", no_args_is_help=True
)
app.add_typer(newsletter_app, name="newsletter")

DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]
BaseUrl = Annotated[
    str | None,
    typer.Option(
        "--base-url", help="Mailchimp API base URL (e.g. a stand-in's); overrides config."
    ),
]


def _fail(exc: Exception) -> typer.Exit:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(1)


def _parse_day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


def _network(ctx: typer.Context) -> tuple[dict[str, str], str | None]:
    settings = runtime(ctx).settings()
    return settings.hub.network_names(), settings.hub.public_url


@newsletter_app.command("draft")
def draft_command(
    ctx: typer.Context,
    start: Annotated[str, typer.Option("--from", help="First day of the period (YYYY-MM-DD).")],
    end: Annotated[str, typer.Option("--to", help="Last day of the period (YYYY-MM-DD).")],
    lang: Annotated[str | None, typer.Option("--lang", help="One language only.")] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Propose a draft edition per language from the period's approved items."""
    from newsletters.publish import draft_editions

    first, last = _parse_day(start, "--from"), _parse_day(end, "--to")
    settings = runtime(ctx).settings()
    languages = [lang] if lang else list(settings.hub.languages)
    try:
        editions = draft_editions(
            runtime(ctx).engine(database_url),
            first,
            last,
            languages,
            settings.hub.network_names(),
            timezone=settings.hub.timezone,
        )
    except (HubError, ValueError) as exc:
        raise _fail(exc) from None
    for edition in editions:
        typer.echo(
            f"edition {edition.id} [{edition.language}] {edition.status}: "
            f"{len(edition.item_order)} items, {edition.period_start}..{edition.period_end}"
        )


@newsletter_app.command("build")
def build_command(
    ctx: typer.Context,
    edition_id: Annotated[int | None, typer.Argument(help="The edition to render.")] = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Generated demo items, no database.")
    ] = False,
    lang: Annotated[str, typer.Option("--lang", help="Language of the demo edition.")] = "en",
    items: Annotated[int, typer.Option("--items", help="Demo items.", min=0)] = 24,
    out: Annotated[Path, typer.Option("--out", help="Folder for edition.html/.txt.")] = Path("."),
    database_url: DatabaseUrl = None,
) -> None:
    """Render an edition (or a demo one) to edition.html and edition.txt for preview."""
    from newsletters.render import render_edition

    if demo:
        from newsletters.demo import demo_content

        rendered = render_edition(demo_content(lang, items=items))
    elif edition_id is None:
        raise typer.BadParameter("give an EDITION id or --demo")
    else:
        from newsletters.publish import build_edition

        network, website = _network(ctx)
        try:
            _, rendered = build_edition(
                runtime(ctx).engine(database_url), edition_id, network, website
            )
        except HubError as exc:
            raise _fail(exc) from None
    out.mkdir(parents=True, exist_ok=True)
    (out / "edition.html").write_text(rendered.html, encoding="utf-8")
    (out / "edition.txt").write_text(rendered.text, encoding="utf-8")
    typer.echo(f"{out / 'edition.html'}: {rendered.size / 1024:.1f} KB; {out / 'edition.txt'}")
    for note in rendered.notes:
        typer.secho(f"note: {note}", fg=typer.colors.YELLOW)


@newsletter_app.command("edit")
def edit_command(
    ctx: typer.Context,
    edition_id: Annotated[int, typer.Argument(help="A draft or approved edition.")],
    intro: Annotated[str | None, typer.Option("--intro", help="Editorial introduction.")] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Email subject.")] = None,
    order: Annotated[
        str | None, typer.Option("--order", help="Item ids in order, comma-separated.")
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Write the introduction or subject, or set the items and their order (un-approves)."""
    from hub.core.db import transaction
    from newsletters.compose import load_edition, reorder, set_intro

    try:
        ids = [int(part) for part in order.split(",") if part.strip()] if order else None
    except ValueError:
        raise typer.BadParameter("item ids separated by commas", param_hint="--order") from None
    try:
        with transaction(runtime(ctx).engine(database_url)) as session:
            edition = load_edition(session, edition_id)
            if intro is not None or subject is not None:
                set_intro(edition, intro if intro is not None else edition.intro, subject)
            if ids is not None:
                reorder(edition, ids)
    except (HubError, ValueError) as exc:
        raise _fail(exc) from None
    typer.echo(f"edition {edition_id} is a {edition.status}: {len(edition.item_order)} items")


@newsletter_app.command("translate")
def translate_command(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help="The item to translate.")],
    lang: Annotated[str, typer.Option("--lang", help="The translation's language.")],
    title: Annotated[str, typer.Option("--title", help="The title in that language.")],
    summary: Annotated[str, typer.Option("--summary", help="The summary (plain text).")] = "",
    database_url: DatabaseUrl = None,
) -> None:
    """Add or replace an item's translation: it then appears in that language's edition."""
    from hub.core.db import transaction
    from hub.core.models import Item
    from newsletters.compose import set_translation

    try:
        with transaction(runtime(ctx).engine(database_url)) as session:
            item = session.get(Item, item_id)
            if item is None:
                raise ValueError(f"no item with id {item_id}")
            set_translation(session, item, lang, title.strip(), summary_text=summary.strip())
    except (HubError, ValueError) as exc:
        raise _fail(exc) from None
    typer.echo(f"item {item_id} translated to {lang}; redraft the {lang} edition to include it")


@newsletter_app.command("approve")
def approve_command(
    ctx: typer.Context,
    edition_id: Annotated[int, typer.Argument(help="The edition to approve.")],
    by: Annotated[str | None, typer.Option("--by", help="Who approves (default: you).")] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Approve an edition: only an approved edition can be pushed to Mailchimp."""
    from hub.core.db import transaction
    from newsletters.compose import approve, load_edition

    try:
        with transaction(runtime(ctx).engine(database_url)) as session:
            edition = load_edition(session, edition_id)
            approve(edition, by or getpass.getuser())
    except (HubError, ValueError) as exc:
        raise _fail(exc) from None
    typer.echo(f"edition {edition_id} approved by {edition.approved_by}")


def _when(value: str, timezone: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date and time (YYYY-MM-DDTHH:MM)", param_hint="--schedule"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


@newsletter_app.command("push")
def push_command(
    ctx: typer.Context,
    edition_id: Annotated[int, typer.Argument(help="The approved edition.")],
    schedule: Annotated[
        str | None, typer.Option("--schedule", help="Send at (ISO; hub timezone if none).")
    ] = None,
    test_to: Annotated[
        list[str] | None, typer.Option("--test-to", help="Send a test to this address.")
    ] = None,
    send_now: Annotated[bool, typer.Option("--send-now", help="Send to the audience now.")] = False,
    base_url: BaseUrl = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Create or update the edition's Mailchimp campaign; optionally test, schedule or send."""
    from newsletters.publish import account_from_settings, push_edition

    settings = runtime(ctx).settings()
    when = _when(schedule, settings.hub.timezone) if schedule else None
    engine = runtime(ctx).engine(database_url)
    try:
        result = push_edition(
            engine,
            edition_id,
            account_from_settings(settings, base_url=base_url),
            now=clock_of(engine)(),
            network=settings.hub.network_names(),
            website=settings.hub.public_url,
            test_to=test_to or (),
            schedule=when,
            send_now=send_now,
        )
    except (HubError, ValueError) as exc:
        raise _fail(exc) from None
    verb = "created" if result.created else "updated"
    typer.echo(f"campaign {result.campaign_id} {verb} ({result.size / 1024:.1f} KB of HTML)")
    if result.pictures_uploaded:
        typer.echo(f"{result.pictures_uploaded} pictures uploaded to Mailchimp's file manager")
    for note in result.notes:
        typer.secho(f"note: {note}", fg=typer.colors.YELLOW)
    if result.tested:
        typer.echo(f"test sent to {', '.join(result.tested)}")
    if result.scheduled_for:
        typer.echo(f"scheduled for {result.scheduled_for.isoformat()}")
    if result.sent is not None:
        typer.echo("sent" if result.sent else "already sent: not sent again")


@newsletter_app.command("report")
def report_command(
    ctx: typer.Context,
    edition_id: Annotated[int, typer.Argument(help="A sent edition.")],
    base_url: BaseUrl = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Pull the campaign's report (opens, clicks, unsubscribes) into the edition."""
    from newsletters.publish import account_from_settings, pull_report

    settings = runtime(ctx).settings()
    engine = runtime(ctx).engine(database_url)
    try:
        report = pull_report(
            engine,
            edition_id,
            account_from_settings(settings, base_url=base_url),
            clock_of(engine)(),
        )
    except HubError as exc:
        raise _fail(exc) from None
    for key, value in report.items():
        typer.echo(f"{key}: {value}")


@newsletter_app.command("standin")
def standin_command(
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8021,
    list_id: Annotated[str, typer.Option("--list-id", help="The audience id.")] = "a1b2c3d4e5",
) -> None:
    """Run the local Mailchimp stand-in in the foreground (Ctrl-C stops it)."""
    import time

    from newsletters.standin import MailchimpStandIn

    with MailchimpStandIn(port=port, list_id=list_id) as standin:
        typer.echo(f"Mailchimp stand-in at {standin.base_url} (audience {standin.list_id})")
        typer.echo(f"  MAILCHIMP_API_KEY={standin.api_key}")
        typer.echo(f"  hub newsletter push EDITION --base-url {standin.base_url}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            typer.echo("stopped")

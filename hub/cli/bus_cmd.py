"""``hub route``, ``hub worker``, ``hub deliveries`` and ``hub status``: the message bus."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import TYPE_CHECKING, Annotated

import typer

from hub.cli.app import app, configure_logging, runtime
from hub.wiring import PLATFORMS, preload_sinks, sink_factories

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy import Engine

    from hub.core.config.settings import Settings

DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]


def console() -> Console:
    """Where the tables go: rich is imported by the commands that print one, not by every
    ``hub`` command (this module is imported by all of them)."""
    from rich.console import Console

    return Console()


def command_engine(ctx: typer.Context, database_url: str | None) -> Engine:
    """The command's engine, disposed when the command ends (no connection outlives it)."""
    engine = runtime(ctx).engine(database_url)
    ctx.call_on_close(engine.dispose)
    return engine


def fail(message: str) -> typer.Exit:
    """Print a problem the user can fix, without a traceback, and exit 1."""
    typer.echo(message, err=True)
    return typer.Exit(1)


@app.command("route")
def route_command(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help="The item to route.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only say where it would go and why.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Show where an item goes and why; without --dry-run, queue what is missing."""
    from rich.table import Table
    from sqlalchemy import select

    from hub.core.bus.router import plan_routes, route_item
    from hub.core.db import transaction
    from hub.core.models import Item, Member, Source, utcnow

    rt = runtime(ctx)
    settings, engine = rt.settings(), command_engine(ctx, database_url)
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        if item is None:
            raise fail(f"no item {item_id}")
        source = session.scalar(select(Source.key).where(Source.id == item.source_id))
        member = session.get(Member, item.member_id) if item.member_id else None
        decisions = plan_routes(item, settings, source, member=member, platforms=PLATFORMS)
        table = Table(title=f"item {item_id}: {item.title[:60]} ({item.status})")
        for column in ("route", "channel", "goes", "mode", "why"):
            table.add_column(column)
        for d in decisions:
            goes = "[green]yes[/]" if d.deliver else "[dim]no[/]"
            table.add_row(d.route, d.channel, goes, d.mode, d.reason)
        console().print(table if decisions else "no routes are configured")
        if dry_run:
            return
        if item.status != "approved":
            raise fail(f"item {item_id} is {item.status}: approve it first, or use --dry-run")
        deliveries = route_item(session, item, settings, now=utcnow(), platforms=PLATFORMS)
        typer.echo(f"{len(deliveries)} deliveries for item {item_id} (existing ones kept)")


@app.command("worker")
def worker_command(
    ctx: typer.Context,
    concurrency: Annotated[int, typer.Option(min=1, help="Sends in flight at once.")] = 16,
    batch_size: Annotated[int, typer.Option(min=1, help="Deliveries claimed at once.")] = 100,
    lease: Annotated[float, typer.Option(help="Seconds a claim is held.")] = 60.0,
    poll: Annotated[float, typer.Option(help="Seconds between polls when idle.")] = 1.0,
    once: Annotated[bool, typer.Option("--once", help="Exit when nothing is due.")] = False,
    record_each: Annotated[
        bool,
        typer.Option(
            "--record-each",
            help="Record each send at once: a crash repeats at most --concurrency messages.",
        ),
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Send due deliveries until stopped; SIGTERM finishes what is in flight and exits 0."""
    from hub.core.bus.alerts import failure_alerter
    from hub.core.bus.messages import ChannelSinks
    from hub.core.bus.worker import Worker, WorkerConfig

    early_stop: list[int] = []  # a SIGTERM during start-up still means a clean exit 0
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda number, _frame: early_stop.append(number))
    rt = runtime(ctx)
    settings = rt.require_secrets()  # the worker sends: every enabled channel's token
    engine = runtime(ctx).engine(database_url, migrated=False)  # checked patiently below
    ctx.call_on_close(engine.dispose)
    configure_logging(settings)
    _sync_catalog_patiently(engine, settings)
    preload_sinks(channel.platform for channel in settings.channels.values() if channel.enabled)
    config = WorkerConfig(
        concurrency=concurrency,
        batch_size=batch_size,
        lease_seconds=lease,
        sweep_interval=min(5.0, lease),
        poll_interval=poll,
        until_idle=once,
        record_each=record_each,
    )
    worker = Worker(
        engine,
        ChannelSinks.from_settings(settings, sink_factories(settings)),
        config=config,
        on_failures=failure_alerter(settings.hub.secretariat_channel),
    )

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        if early_stop:
            stop.set()
        stats = await worker.run(stop)
        logging.info(
            "worker %s stopped: %d sent, %d retried, %d failed, %d dead, %d given back, "
            "%d forfeited",
            worker.name,
            stats.sent,
            stats.retried,
            stats.failed,
            stats.dead,
            stats.released,
            stats.forfeited,  # rate-budget reservations that reached their send late
        )

    logging.info(
        "worker %s started on %s", worker.name, engine.url.render_as_string(hide_password=True)
    )
    asyncio.run(main())


def _sync_catalog_patiently(engine: Engine, settings: Settings, attempts: int = 8) -> None:
    """Mirror the config at start, waiting out a database that is restarting.

    A database that answers but is not migrated is not waited for: that is
    one sentence saying `hub db upgrade` (raised to ``main``).
    """
    import time

    from sqlalchemy.exc import DBAPIError

    from hub.core.config.catalog import sync_config
    from hub.core.db import DatabaseUnreachable, check_ready, transaction

    for attempt in range(attempts):
        try:
            check_ready(engine)
            with transaction(engine) as session:
                sync_config(session, settings)
            return
        except (DatabaseUnreachable, DBAPIError) as error:
            if attempt == attempts - 1:
                reason = error.orig if isinstance(error, DBAPIError) else error
                raise fail(f"the database does not answer: {reason}") from None
            delay = min(5.0, 0.25 * 2**attempt)
            logging.warning("database unavailable at start (retrying in %.1f s)", delay)
            time.sleep(delay)


deliveries_app = typer.Typer(help="List deliveries, show their history, retry failed ones.")
app.add_typer(deliveries_app, name="deliveries")


@deliveries_app.callback(invoke_without_command=True)
def deliveries_list(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option(help="pending, in_flight, held, sent, failed (with dead), dead")
    ] = None,
    channel: Annotated[str | None, typer.Option(help="Only this channel.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    database_url: DatabaseUrl = None,
) -> None:
    """List the newest deliveries (``--status failed`` includes dead ones)."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.table import Table
    from sqlalchemy import select

    from hub.core.models import Channel, Delivery

    engine = command_engine(ctx, database_url)
    query = (
        select(
            Delivery.id,
            Channel.key,
            Delivery.kind,
            Delivery.item_id,
            Delivery.status,
            Delivery.attempts,
            Delivery.due_at,
            Delivery.last_error,
        )
        .join(Channel, Channel.id == Delivery.channel_id)
        .order_by(Delivery.id.desc())
        .limit(limit)
    )
    if status:
        wanted = ("failed", "dead") if status == "failed" else (status,)
        query = query.where(Delivery.status.in_(wanted))
    if channel:
        query = query.where(Channel.key == channel)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    table = Table()
    for column in ("id", "channel", "kind", "item", "status", "tries", "due", "last error"):
        table.add_column(column)
    for id_, key, kind, item, st, tries, due, error in rows:
        table.add_row(
            str(id_),
            key,
            kind,
            str(item or ""),
            st,
            str(tries),
            due.strftime("%Y-%m-%d %H:%M:%S"),
            (error or "")[:80],
        )
    console().print(table if rows else "no deliveries")


@deliveries_app.command("show")
def deliveries_show(ctx: typer.Context, delivery_id: int, database_url: DatabaseUrl = None) -> None:
    """One delivery and every attempt at it (when, how long, what happened)."""
    from sqlalchemy.orm import Session

    from hub.core.bus.status import delivery_history
    from hub.core.models import Channel, Delivery

    engine = command_engine(ctx, database_url)
    with Session(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        if delivery is None:
            raise fail(f"no delivery {delivery_id}")
        channel = session.get(Channel, delivery.channel_id)
        typer.echo(
            f"delivery {delivery.id}: {delivery.kind} -> {channel.key if channel else '?'}, "
            f"{delivery.status}, {delivery.attempts}/{delivery.max_attempts} attempts, "
            f"platform id {delivery.platform_message_id or '-'}"
        )
    with engine.connect() as conn:
        for a in delivery_history(conn, delivery_id):
            ms = (a.finished_at - a.started_at).total_seconds() * 1000
            typer.echo(
                f"  #{a.attempt} {a.started_at:%Y-%m-%d %H:%M:%S} {ms:7.1f} ms "
                f"{a.outcome:8} {a.worker or ''} {a.error or ''}"
            )


@deliveries_app.command("retry")
def deliveries_retry(
    ctx: typer.Context,
    ids: Annotated[list[int] | None, typer.Argument(help="Delivery ids.")] = None,
    all_failed: Annotated[
        bool, typer.Option("--all-failed", help="Every failed/dead one.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Make failed or dead deliveries due again, with a fresh set of attempts."""
    from hub.core.bus.outbox import requeue
    from hub.core.models import utcnow

    if not ids and not all_failed:
        raise typer.BadParameter("give delivery ids or --all-failed")
    engine = command_engine(ctx, database_url)
    with engine.begin() as conn:
        count = requeue(conn, now=utcnow(), ids=ids or [], all_failed=all_failed)
    typer.echo(f"{count} deliveries queued again")


@app.command("status")
def status_command(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Queue depth, due now, in flight, held, sent and failed in the last hour, per channel."""
    from rich.table import Table

    from hub.core.bus.status import bus_status
    from hub.core.models import utcnow

    engine = command_engine(ctx, database_url)
    with engine.connect() as conn:
        status = bus_status(conn, utcnow())
    table = Table(title="deliveries")
    names = ("queued", "due", "in_flight", "held", "sent_last_hour", "failed_last_hour")
    table.add_column("channel")
    for name in names:
        table.add_column(name.replace("_", " "), justify="right")
    for c in status.channels:
        table.add_row(c.channel, *(str(getattr(c, n)) for n in names))
    table.add_row("[bold]all[/]", *(f"[bold]{status.total(n)}[/]" for n in names))
    console().print(table)

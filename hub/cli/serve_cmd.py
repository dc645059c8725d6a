"""``hub serve`` and ``hub demo``: the hub's long-running process."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hub.cli.app import DEMO_DATA_DIR, app, configure_logging, runtime

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from hub.core.config.settings import Settings

log = logging.getLogger("hub")
SENDING_ROLES = frozenset({"worker", "bots", "scheduler"})
"""The roles that post to the platforms (deliveries, bot replies, roundups, the audience)."""
DEMO_HOST = "127.0.0.1"
"""The demo's console listens on the loopback only: its login is printed in the terminal."""


def console_url(host: str, port: int) -> str:
    """The address a person opens for a console listening on ``host:port``.

    A wildcard address (all interfaces) is reached on the loopback; IPv6 goes in brackets.
    """
    shown = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _tell_console(host: str, port: int, public_url: str | None) -> None:
    """Print where the console answers (and its public address when one is configured)."""
    everywhere = " (listening on every address)" if host in ("", "0.0.0.0", "::") else ""
    typer.echo(f"Console: {console_url(host, port)}{everywhere}")
    if public_url:
        typer.echo(f"Public address: {public_url}")


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)


@app.command("serve")
def serve_command(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Option(
            help="Roles to run, comma-separated: web,worker,poller,scheduler,bots or all."
        ),
    ] = "all",
    host: Annotated[str, typer.Option(help="Address the console listens on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port the console listens on.")] = 8000,
    knowledge: Annotated[
        Path | None,
        typer.Option(
            help="Seed knowledge folder, loaded at start (default: knowledge/ beside "
            "the config, as hub ask reads it)."
        ),
    ] = None,
    drain_seconds: Annotated[
        float, typer.Option(help="On SIGTERM, how long in-flight work may take to finish.")
    ] = 25.0,
    tick_seconds: Annotated[
        float, typer.Option(help="How often the scheduler checks for due schedules.", min=0.1)
    ] = 20.0,
) -> None:
    """Run the hub (console, workers, poller, scheduler) until SIGTERM; migrates the database first.

    SIGTERM or Ctrl-C drains: no new claims, in-flight sends finish (within
    --drain-seconds), leases and the scheduler's leadership are released, the
    console's listener closes, and the process exits 0.
    """
    from hub.runner import HubProcess, describe, parse_roles, prepare_database

    try:
        roles = parse_roles(role)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--role") from None
    rt = runtime(ctx)
    # What sends needs its tokens; the console and the poller alone need none.
    settings = rt.require_secrets() if roles & SENDING_ROLES else rt.settings()
    configure_logging(settings)
    engine = rt.engine(migrated=False)  # prepare_database migrates
    prepare_database(
        engine, settings, knowledge_dir=str(knowledge or rt.config_path.parent / "knowledge")
    )
    if "web" in roles:
        _tell_console(host, port, settings.hub.public_url)
    process = HubProcess(
        settings,
        engine,
        roles,
        web_host=host,
        web_port=port,
        secret_key=os.environ.get("HUB_SECRET_KEY"),
        drain_seconds=drain_seconds,
        scheduler_interval=tick_seconds,
    )

    async def main() -> bool:
        stop = asyncio.Event()
        _stop_on_signals(stop)
        log.info(
            "hub serving (%s) on %s",
            describe(roles),
            engine.url.render_as_string(hide_password=True),
        )
        clean = await process.run(stop)
        engine.dispose()
        log.info("hub stopped" if clean else "hub stopped because a role failed")
        return clean

    if not asyncio.run(main()):
        raise typer.Exit(1)


@app.command("demo")
def demo_command(
    ctx: typer.Context,
    once: Annotated[
        bool, typer.Option("--once", help="Show one round trip, print it, and exit.")
    ] = False,
    port: Annotated[int, typer.Option(help="Port of the console.")] = 8000,
    data_dir: Annotated[Path, typer.Option(help="Where the demo's database goes.")] = DEMO_DATA_DIR,
) -> None:
    """Run the hub on demo data with local stand-ins of every platform (no accounts needed)."""
    from hub.demo.conversations import demo_conversations
    from hub.demo.mailbox import demo_mailbox
    from hub.demo.reach import reach_lines, submit_long_news
    from hub.demo.run import (
        DEMO_PLATFORMS,
        DemoWorld,
        deliver_all,
        demo_digests,
        demo_feed_owner,
        demo_people_and_news,
        demo_roundups,
        drafts_lines,
        load_demo_settings,
        newsletter_lines,
        prepare_standins,
        summary,
    )
    from hub.demo.translation import demo_translation, machine_posts
    from hub.runner import ROLES, HubProcess, prepare_database

    configure_logging(None, level=logging.WARNING)
    config_path = runtime(ctx).config_path
    shutil.rmtree(data_dir, ignore_errors=True)

    async def main() -> int:
        from hub.core.db import make_engine

        world = DemoWorld()
        await world.start(DEMO_PLATFORMS)
        try:
            settings = load_demo_settings(config_path, world, data_dir)
            engine = make_engine(settings.database_url())
            typer.echo(f"Demo database: {settings.database_url()}")
            await asyncio.to_thread(
                prepare_database,
                engine,
                settings,
                knowledge_dir=str(config_path.parent / "knowledge"),
            )
            prepare_standins(settings, world)
            typer.echo(f"Demo website (feed and calendar): {world.website.url}/news.rss")
            await _poll_once(engine, settings)
            await deliver_all(engine, settings)
            for line in await asyncio.to_thread(demo_roundups, engine, settings):
                typer.echo(line)
            for line in await asyncio.to_thread(demo_digests, engine, settings, world):
                typer.echo(line)
            for line in await demo_feed_owner(engine, settings, world):
                typer.echo(line)
            await deliver_all(engine, settings)
            for line in await asyncio.to_thread(newsletter_lines, engine, settings):
                typer.echo(line)
            for line in summary(engine, world):
                typer.echo(line)
            for line in await asyncio.to_thread(drafts_lines, engine, settings):
                typer.echo(line)
            typer.echo("Members ask the bot:")
            conversations = await demo_conversations(engine, settings, world)
            for line in conversations.lines:
                typer.echo(line)
            problem = conversations.problem()
            if problem:
                typer.echo(f"The demo failed: {problem}", err=True)
                return 1
            for line in await demo_mailbox(engine, settings, world):
                typer.echo(line)
            typer.echo("Machine translation drafts (a person approves them):")
            for line in await asyncio.to_thread(demo_translation, engine, settings):
                typer.echo(line)
            await deliver_all(engine, settings)
            for line in machine_posts(world):
                typer.echo(line)
            typer.echo("Pictures, long posts and broken pictures:")
            long_title = await asyncio.to_thread(submit_long_news, engine, settings)
            await deliver_all(engine, settings)
            for line in reach_lines(engine, world.standins, long_title):
                typer.echo(line)
            if not once:  # the console's turn: members, and news waiting for moderation
                for line in await asyncio.to_thread(demo_people_and_news, engine, settings):
                    typer.echo(line)
            typer.echo("")
            typer.echo("Where to look:")
            for platform, standin in world.standins.items():
                if standin.url.startswith("http"):
                    where = f"{standin.url}/_standin/messages"
                else:  # the SMTP stand-in: what it received is on the console's sandbox page
                    where = standin.url
                typer.echo(f"  {platform:<9} {where}  (what it received)")
            typer.echo('  assistant  .venv/bin/hub ask "When is the next IOPD conference?"')
            typer.echo(f"  the CLI    {_cli_hint(data_dir, settings.database_url())}")
            if once:
                return 0
            from hub.web.accounts import demo_account

            email, password = await asyncio.to_thread(demo_account, engine)
            typer.echo(f"  console    {console_url(DEMO_HOST, port)}")
            typer.echo(f"  sign in    {email} / {password}  (a demo login, new at each run)")
            sandbox = console_url(DEMO_HOST, port) + "standins"
            typer.echo(f"  sandbox    {sandbox}  (what the stand-ins received, in the console)")
            typer.echo("             (Ctrl-C stops the demo)")
            process = HubProcess(
                settings,
                engine,
                set(ROLES),
                web_host=DEMO_HOST,
                web_port=port,
                secret_key=world.secret_key,
                standins=dict(world.standins),
            )
            stop = asyncio.Event()
            _stop_on_signals(stop)
            if not await process.run(stop):
                typer.echo("The demo stopped because a role failed (see the log above).", err=True)
                return 1
            return 0
        finally:
            await world.close()

    if asyncio.run(main()):
        raise typer.Exit(1)


def _cli_hint(data_dir: Path, database_url: str) -> str:
    """How to read the demo's database with the other commands (it stays after the demo)."""
    if data_dir == DEMO_DATA_DIR:
        return f".venv/bin/hub --demo status  (or HUB_DATABASE_URL={database_url} hub status)"
    return f"HUB_DATABASE_URL={database_url} .venv/bin/hub status"


async def _poll_once(engine: Engine, settings: Settings) -> None:
    from hub.core.ingest.fetch import make_client
    from hub.core.ingest.pictures import picture_fetcher
    from hub.core.ingest.poller import Poller, member_guard

    async with make_client() as client:
        guard = member_guard(settings)
        pictures = picture_fetcher(client, settings)
        report = await Poller(engine, settings, client, guard=guard, pictures=pictures).run_once()
    for outcome in report.outcomes:
        detail = outcome.error or f"{outcome.created} new items, {outcome.events} events"
        typer.echo(f"  polled {outcome.key:<16} {outcome.status:<10} {detail}")

"""``hub bench ...``: measurements on this machine, as a table or one JSON object.

A Typer group: each area of the hub adds its own subcommand here
(``bus``, ``worker``, ``ratelimit`` and ``chaos`` come from the message bus).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import app

bench_app = typer.Typer(help="Measure the hub on this machine.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")

ServerUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="HUB_DATABASE_URL",
        help="A PostgreSQL server; scratch databases are created on it and dropped.",
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def _postgres_only(url: str | None) -> str | None:
    return url if url and url.startswith(("postgresql", "postgres:")) else None


@bench_app.command("bus")
def bench_bus(
    database_url: ServerUrl = None,
    count: Annotated[int, typer.Option(min=100, help="Deliveries per run.")] = 20_000,
    profile: Annotated[bool, typer.Option(help="Profile the SQLite run.")] = False,
    rate_limited: Annotated[
        bool, typer.Option(help="The sink declares a rate limit far above the pace.")
    ] = True,
    procrastinate: Annotated[
        bool, typer.Option(help="Also run procrastinate's workers on the same server.")
    ] = True,
    as_json: AsJson = False,
) -> None:
    """Outbox throughput: SQLite 1 worker, PostgreSQL 1 and 4 workers beside the bare
    claim+ack ceiling, procrastinate beside."""
    from hub.bench.bus import render_bus_bench, run_bus_bench

    result = run_bus_bench(
        _postgres_only(database_url),
        count,
        profile=profile,
        rate_limited=rate_limited,
        procrastinate=procrastinate,
    )
    typer.echo(json.dumps(result) if as_json else render_bus_bench(result, count))


@bench_app.command("worker")
def bench_worker(
    database_url: ServerUrl = None,
    count: Annotated[
        int | None,
        typer.Option(
            min=100,
            help="Deliveries per run (default 2000; with slow sends, enough that one slow "
            "send is at most 5% of the run).",
        ),
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="The worker's sends in flight.")] = 16,
    sink_latency_ms: Annotated[
        float, typer.Option(min=0.1, help="How long the sink takes per send.")
    ] = 50.0,
    slow_fraction: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="A fraction of sends that take --slow-ms.")
    ] = 0.0,
    slow_ms: Annotated[float, typer.Option(min=0.1, help="How long a slow send takes.")] = 2000.0,
    db_latency_ms: Annotated[
        float,
        typer.Option(min=0.0, help="Put PostgreSQL this far away (ms per round trip, a proxy)."),
    ] = 0.0,
    rate_limited: Annotated[
        bool, typer.Option(help="The sink declares a rate limit far above the pace.")
    ] = True,
    runs: Annotated[int, typer.Option(min=1, help="Runs; the median run is reported.")] = 1,
    as_json: AsJson = False,
) -> None:
    """One worker against a sink taking 50 ms per send: sends/s against the ideal (320/s at 16)."""
    from hub.bench.worker import render_worker_bench, run_worker_bench
    from hub.core.errors import HubError

    url = _postgres_only(database_url)
    if db_latency_ms and not url:
        raise typer.BadParameter("needs a PostgreSQL --database-url", param_hint="--db-latency-ms")
    try:
        result = run_worker_bench(
            url,
            count,
            concurrency=concurrency,
            sink_latency_ms=sink_latency_ms,
            slow_fraction=slow_fraction,
            slow_ms=slow_ms,
            db_latency_ms=db_latency_ms,
            rate_limited=rate_limited,
            runs=runs,
        )
    except HubError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(json.dumps(result) if as_json else render_worker_bench(result))


@bench_app.command("ratelimit")
def bench_ratelimit(
    database_url: ServerUrl = None,
    messages: Annotated[
        int | None,
        typer.Option(
            min=3,
            help="Messages (default: Telegram 2,000; Slack 350; Mastodon 12; Bluesky 50, "
            "sized for a run under about 2 minutes).",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(min=1)] = 4,
    platform: Annotated[
        str,
        typer.Option(
            help="telegram (30/s per bot), slack (1/s per channel, 5 channels), "
            "mastodon (300 statuses per 3 h) or bluesky (5,000 write points an hour).",
        ),
    ] = "telegram",
    in_process: Annotated[
        bool,
        typer.Option(
            "--in-process",
            help="Workers in this process with a sink keeping Telegram's books (a shortcut).",
        ),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """A platform's limits with several worker processes, the real sink and the
    platform's stand-in: messages/s against its ceiling, the busiest second, and 429s."""
    from hub.bench.ratelimit import (
        PLATFORMS,
        render_ratelimit_bench,
        run_ratelimit_bench,
        run_ratelimit_processes,
    )

    if platform not in PLATFORMS:
        typer.echo(f"Error: --platform {platform!r}: one of {', '.join(PLATFORMS)}", err=True)
        raise typer.Exit(2)
    server = _postgres_only(database_url)
    if in_process:
        if platform != "telegram":
            typer.echo("Error: --in-process keeps Telegram's books only", err=True)
            raise typer.Exit(2)
        result = run_ratelimit_bench(server, messages or 2000, workers=workers)
    else:
        result = run_ratelimit_processes(server, messages, workers=workers, platform=platform)
    typer.echo(json.dumps(result) if as_json else render_ratelimit_bench(result))


@bench_app.command("chaos")
def bench_chaos(
    database_url: ServerUrl = None,
    deliveries: Annotated[int, typer.Option(min=100)] = 10_000,
    kills: Annotated[int, typer.Option(min=0)] = 20,
    workers: Annotated[int, typer.Option(min=1)] = 3,
    connection_drops: Annotated[
        int,
        typer.Option(min=0, help="Also drop every worker's PostgreSQL connection this many times."),
    ] = 0,
    kills_after_accept: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="How many of the kills land after a platform accepted a message and before "
            "the hub recorded it (default: half).",
        ),
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Seed the random kill points.")] = None,
    as_json: AsJson = False,
) -> None:
    """Workers SIGKILLed mid-run, delivering to the Slack, Telegram and Mailchimp stand-ins:
    deliveries lost and duplicated, per platform."""
    from hub.bench.chaos import render_chaos_bench, run_chaos_bench

    url = _postgres_only(database_url)
    result = run_chaos_bench(
        url,
        deliveries,
        kills,
        workers,
        kills_after_accept=kills_after_accept,
        connection_drops=connection_drops if url else 0,
        seed=seed,
    )
    typer.echo(json.dumps(result) if as_json else render_chaos_bench(result))


@bench_app.command("newsletter")
def bench_newsletter(
    items: Annotated[int, typer.Option(min=1, help="Items per edition.")] = 200,
    members: Annotated[int, typer.Option(min=1, help="Members to sync.")] = 20_000,
    as_json: AsJson = False,
) -> None:
    """Editions of 200 items in five languages (render+inline, size); 20,000 members synced."""
    from newsletters.bench import render_newsletter_bench, run_newsletter_bench

    result = run_newsletter_bench(items, members)
    typer.echo(json.dumps(result) if as_json else render_newsletter_bench(result))


@bench_app.command("ask")
def bench_ask(
    count: Annotated[int, typer.Option(min=1, help="Answers to time.")] = 1000,
    knowledge: Annotated[Path, typer.Option(help="The knowledge folder.")] = Path(
        "config/knowledge"
    ),
    questions: Annotated[
        Path | None, typer.Option(help='JSONL of {"question", "now", "lang"} (default: built in).')
    ] = None,
    as_json: AsJson = False,
) -> None:
    """The member assistant: start-up cost, then p50/p95 latency per answer over 1,000 answers."""
    from hub.bench.ask import render_ask_bench, run_ask_bench

    result = run_ask_bench(knowledge, count, questions)
    typer.echo(json.dumps(result) if as_json else render_ask_bench(result))


@bench_app.command("translate")
def bench_translate(
    knowledge: Annotated[Path, typer.Option(help="The knowledge folder.")] = Path(
        "config/knowledge"
    ),
    glossary: Annotated[Path, typer.Option(help="The glossary.")] = Path("config/glossary.yaml"),
    as_json: AsJson = False,
) -> None:
    """Machine translation drafts on the demo data: cost per item and cache hit rate."""
    from hub.bench.translate import render_translate_bench, run_translate_bench

    result = run_translate_bench(knowledge, glossary)
    typer.echo(json.dumps(result) if as_json else render_translate_bench(result))


@bench_app.command("feeds")
def bench_feeds(
    count: Annotated[int, typer.Option(min=20, help="Feeds served on loopback.")] = 300,
    concurrency: Annotated[int, typer.Option(min=1, max=200)] = 20,
    hostile: Annotated[
        bool,
        typer.Option(
            "--hostile",
            help="Also poll each feed of the hostile corpus alone (time, memory) and all of "
            "them beside a good source (adds the key 'hostile').",
        ),
    ] = False,
    corpus: Annotated[Path, typer.Option(help="The stored hostile feeds (with --hostile).")] = Path(
        "tests/fixtures/feeds"
    ),
    as_json: AsJson = False,
) -> None:
    """One polling cycle over 300 feeds on loopback, beside feedparser alone on the same bytes."""
    from hub.bench.feeds import render_feeds, run_feeds_bench

    result = run_feeds_bench(count, concurrency)
    text = "" if as_json else render_feeds(result)
    if hostile:
        from hub.bench.hostile import render_hostile, run_hostile_bench

        result["hostile"] = run_hostile_bench(corpus)
        text = text and text + "\n" + render_hostile(result["hostile"])
    typer.echo(json.dumps(result) if as_json else text)


@bench_app.command("digests")
def bench_digests(
    database_url: ServerUrl = None,
    members: Annotated[int, typer.Option(min=1, help="Members with a weekly digest.")] = 10_000,
    items: Annotated[int, typer.Option(min=1, help="Approved items in the week.")] = 500,
    as_json: AsJson = False,
) -> None:
    """Members' personal digests: all built and queued in one pass, against a query per member."""
    from hub.bench.digests import render_digests_bench, run_digests_bench

    result = run_digests_bench(_postgres_only(database_url), members, items)
    typer.echo(json.dumps(result) if as_json else render_digests_bench(result))


@bench_app.command("signin")
def bench_signin(
    attempts: Annotated[
        int, typer.Option(min=1, max=500, help="Wrong sign-ins sent at once.")
    ] = 50,
    as_json: AsJson = False,
) -> None:
    """Wrong sign-ins at once against a real web role: password checks, /healthz, memory."""
    from hub.bench.signin import render_signin, run_signin_bench

    result = run_signin_bench(attempts)
    typer.echo(json.dumps(result.as_dict()) if as_json else render_signin(result))


@bench_app.command("console")
def bench_console(
    database_url: ServerUrl = None,
    items: Annotated[int, typer.Option(min=10, help="Items in the data set.")] = 100_000,
    deliveries: Annotated[
        int | None,
        typer.Option(
            min=10, help="Deliveries (default 1,000,000 on PostgreSQL, 100,000 on SQLite)."
        ),
    ] = None,
    times: Annotated[int, typer.Option(min=1, help="Timed loads of each page.")] = 20,
    as_json: AsJson = False,
) -> None:
    """Every console page and /metrics on a two-year ledger, through a real web role: p50/p95."""
    from hub.bench.console import render_console_bench, run_console_bench

    result = run_console_bench(
        _postgres_only(database_url), items=items, deliveries=deliveries, times=times
    )
    typer.echo(json.dumps(result) if as_json else render_console_bench(result))

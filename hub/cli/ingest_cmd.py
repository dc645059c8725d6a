"""``hub ingest``, ``hub sources`` and ``hub poll``: reading feeds and calendars."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hub.cli.app import app, runtime
from hub.core.clock import clock_of

if TYPE_CHECKING:
    from sqlalchemy import Engine

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def _engine(ctx: typer.Context) -> Engine:
    """The command's engine, disposed when the command ends (no connection outlives it)."""
    engine = runtime(ctx).engine()
    ctx.call_on_close(engine.dispose)
    return engine


def _read_input(target: str) -> tuple[bytes, str | None, str | None]:
    """The bytes of a file or URL, the URL they came from, and their content type."""
    if target.startswith(("http://", "https://")):
        from hub.core.ingest.fetch import fetch, make_client

        async def get() -> Any:
            async with make_client() as client:
                return await fetch(client, target)

        fetched = asyncio.run(get())
        return fetched.body, fetched.url, fetched.content_type
    path = Path(target)
    try:
        return path.read_bytes(), None, None
    except FileNotFoundError:
        from hub.core.ingest.errors import IngestError

        raise IngestError("not_found", f"no such file: {target}") from None
    except OSError as exc:
        from hub.core.ingest.errors import IngestError

        raise IngestError("not_found", f"cannot read {target}: {exc.strerror}") from None


def _is_calendar(target: str, data: bytes, content_type: str | None) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \r\n\t")[:20].upper()
    return (
        target.lower().endswith(".ics")
        or "text/calendar" in (content_type or "")
        or head.startswith(b"BEGIN:VCALENDAR")
    )


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def ingest_report(target: str, *, now: dt.datetime) -> dict[str, Any]:
    """What ``hub ingest --dry-run --json`` prints for ``target`` (never raises)."""
    from hub.core.ingest.errors import IngestError

    report: dict[str, Any] = {"ok": False, "error": None, "source_problems": [], "items": []}
    try:
        data, url, content_type = _read_input(target)
        if _is_calendar(target, data, content_type):
            from hub.core.ingest.calendar import parse_calendar

            calendar = parse_calendar(data, now=now)
            report["_calendar"] = calendar
            report["source_problems"] = calendar.problems
            report["events"] = [_event_json(e) for e in calendar.events]
        else:
            from hub.core.ingest.pipeline import read_feed

            parsed = read_feed(data, url=url, now=now, content_type=content_type)
            report["source_problems"] = parsed.problems
            report["items"] = [
                {
                    "id": c.external_id,
                    "title": c.title,
                    "link": c.link,
                    "summary_html": c.summary_html,
                    "summary_text": c.summary_text,
                    "published": _iso(c.published_at),
                    "language": c.language,
                    "tags": c.tags,
                }
                for c in parsed.candidates
            ]
            report["_candidates"] = parsed.candidates
        report["ok"] = True
    except IngestError as exc:
        report["error"] = exc.reason
    except Exception as exc:  # never a traceback for bad input
        report["error"] = f"internal error: {type(exc).__name__}: {exc}"
    return report


def _event_json(event: Any) -> dict[str, Any]:
    return {
        "uid": event.uid,
        "title": event.title,
        "starts_on": _iso(event.starts_on),
        "ends_on": _iso(event.ends_on),
        "time": event.time,
        "timezone": event.timezone,
        "venue": event.venue,
        "url": event.url,
        "language": event.language,
        "tags": event.topics,
    }


def _store(ctx: typer.Context, target: str, source_key: str | None, report: dict[str, Any]) -> None:
    """Store the report's candidates under ``source_key`` (or a ``manual`` source)."""
    from sqlalchemy import select

    from hub.core.db import transaction
    from hub.core.ingest.store import store_candidates
    from hub.core.models import Source

    rt = runtime(ctx)
    settings = rt.settings()
    engine = _engine(ctx)
    now = clock_of(engine)()
    with transaction(engine) as session:
        query = select(Source).where(
            Source.key == source_key if source_key else Source.url == target
        )
        source = session.scalars(query).first()
        if source is None and source_key:
            hint = (
                " (it is in hub.toml: `hub sources sync` mirrors it)"
                if source_key in settings.sources
                else ""
            )
            raise typer.BadParameter(
                f"no source named {source_key!r} in the database{hint}", param_hint="--source"
            )
        calendar = report.pop("_calendar", None)
        if source is None:
            key, kind = ("manual-ical", "ical") if calendar else ("manual", "feed")
            source = session.scalars(select(Source).where(Source.key == key)).first()
            if source is None:
                source = Source(key=key, kind=kind, title="Imported by hand", trusted=False)
                session.add(source)
                session.flush()
        if calendar is not None:
            from hub.core.ingest.calendar import store_events

            store_events(session, source, calendar.events, now=now, kind=calendar.kind)
            return
        stored = store_candidates(
            session, source, report.pop("_candidates", []), settings=settings, now=now
        )
        ids = {}
        for item in stored.created + stored.updated + stored.merged:
            for origin in item.origins:
                if origin.source_id == source.id:
                    ids[origin.external_id] = item.id
        for entry in report["items"]:
            entry["id"] = ids.get(entry["id"], entry["id"])


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(metavar="PATH_OR_URL", help="A feed or .ics file or URL.")
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show, store nothing.")] = False,
    as_json: JsonFlag = False,
    source: Annotated[
        str | None, typer.Option("--source", help="Store under this configured source.")
    ] = None,
) -> None:
    """Read one feed or calendar and print what it gives (exit 1 when it is refused)."""
    report = ingest_report(target, now=dt.datetime.now(dt.UTC))
    if report["ok"] and not dry_run:
        from sqlalchemy.exc import SQLAlchemyError

        from hub.core.errors import HubError

        try:
            _store(ctx, target, source, report)
        except HubError as exc:
            report.update(ok=False, error=f"read, but not stored: {exc}")
        except SQLAlchemyError as exc:
            hint = " (run `hub db upgrade`?)" if "no such table" in str(exc) else ""
            report.update(ok=False, error=f"read, but not stored: {type(exc).__name__}{hint}")
    report.pop("_candidates", None)
    report.pop("_calendar", None)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_human(report)
    if not report["ok"]:
        raise typer.Exit(1)


def _print_human(report: dict[str, Any]) -> None:
    if not report["ok"]:
        typer.echo(f"refused: {report['error']}", err=True)
        return
    for problem in report["source_problems"]:
        typer.echo(f"problem: {problem}")
    for item in report["items"]:
        tags = ", ".join(item["tags"]) or "-"
        typer.echo(f"[{item['language'] or '??'}] {item['title']}  ({tags})")
        typer.echo(f"     {item['link'] or '(no link)'}  {item['published'] or ''}")
    for event in report.get("events", []):
        when = event["starts_on"] + (f" {event['time']}" if event["time"] else "")
        typer.echo(f"{when}  {event['title']}  {event['venue'] or ''}")
    count = len(report["items"]) or len(report.get("events", []))
    typer.echo(f"{count} {'events' if 'events' in report else 'items'}")


sources_app = typer.Typer(help="The sources and their health; `sources sync` mirrors hub.toml.")
app.add_typer(sources_app, name="sources")


@sources_app.callback(invoke_without_command=True)
def sources_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the sources in the database and their health (reads only; see `sources sync`)."""
    if ctx.invoked_subcommand is not None:
        return
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from hub.core.models import Source

    with Session(_engine(ctx)) as session:
        rows = list(session.scalars(select(Source).order_by(Source.key)))
        data = [
            {
                "key": s.key,
                "kind": s.kind,
                "enabled": s.enabled,
                "trusted": s.trusted,
                "url": s.url,
                "last_success_at": _iso(s.last_success_at),
                "last_error": s.last_error,
                "consecutive_failures": s.consecutive_failures,
                "next_fetch_at": _iso(s.next_fetch_at),
                "problems": list(s.last_problems or []),
            }
            for s in rows
        ]
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not data:
        typer.echo("no sources in the database yet: `hub sources sync` mirrors hub.toml's")
    for s in data:
        state = "disabled" if not s["enabled"] else "ok"
        if s["last_error"]:
            state = f"FAILING x{s['consecutive_failures']}: {s['last_error']}"
        elif s["enabled"] and s["kind"] in ("feed", "ical") and not s["last_success_at"]:
            state = "never fetched"
        last = s["last_success_at"] or "-"
        typer.echo(f"{s['key']:<24} {s['kind']:<9} last ok {last:<32} {state}")


@sources_app.command("sync")
def sources_sync_command(ctx: typer.Context) -> None:
    """Mirror hub.toml's sources, channels and routes into the database (what changed).

    `hub db upgrade` and `hub serve` do the same; this is for after editing
    hub.toml while the hub keeps running.
    """
    from hub.cli.db_cmd import sync_words
    from hub.core.config.catalog import sync_config
    from hub.core.db import transaction

    rt = runtime(ctx)
    if rt.demo:
        raise typer.BadParameter(
            "the demo's database mirrors the demo's own settings; `hub demo` keeps them",
            param_hint="--demo",
        )
    settings = rt.settings()
    with transaction(_engine(ctx)) as session:
        report = sync_config(session, settings)
    typer.echo(f"{settings.path}: {sync_words(report)}")


@app.command("poll")
def poll_command(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="One cycle, then exit.")] = False,
    concurrency: Annotated[int, typer.Option(min=1, max=200)] = 10,
) -> None:
    """Poll the feed and calendar sources (forever, or one cycle with --once)."""
    from hub.core.config.catalog import sync_config
    from hub.core.db import transaction
    from hub.core.ingest.fetch import make_client
    from hub.core.ingest.pictures import picture_fetcher
    from hub.core.ingest.poller import CycleReport, Poller, PollPolicy, member_guard

    rt = runtime(ctx)
    settings = rt.settings()
    engine = _engine(ctx)
    with transaction(engine) as session:
        sync_config(session, settings)

    def show(report: CycleReport) -> None:
        for o in report.outcomes:
            detail = o.error or (
                f"{o.created} new, {o.updated} updated, {o.merged} merged, {o.events} events"
            )
            typer.echo(f"{o.key:<24} {o.status:<13} {detail}")

    async def main() -> None:
        async with make_client() as client:
            policy = PollPolicy(concurrency=concurrency)
            poller = Poller(
                engine,
                settings,
                client,
                policy=policy,
                guard=member_guard(settings),
                pictures=picture_fetcher(client, settings),
            )
            if once:
                show(await poller.run_once())
                return
            stop = asyncio.Event()
            try:
                await poller.run(stop, on_cycle=show)
            except asyncio.CancelledError:
                stop.set()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        typer.echo("stopped")

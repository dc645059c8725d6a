"""``hub bench feeds --hostile``: each hostile feed through the whole ingest path, measured.

Every feed of the hostile corpus (the files of ``tests/fixtures/feeds`` plus
the large ones generated here) is served on loopback and polled as one
source: fetch (size cap, deadline) -> XML guard -> feedparser -> sanitiser
-> language and tags -> store. Each poll runs in a forked child process of
an already warmed-up hub, so what it costs is its own:

- ``wall_s``: the poll cycle's wall time, in the child, without tracing;
- the hard bound: that child may not grow its address space by more than
  :data:`BOUND_MIB` (``RLIMIT_AS`` set to its size at the fork plus 64 MiB,
  with its threads sharing one malloc arena and 1 MiB stacks, so that only
  memory actually asked for counts); a feed that needed more would fail with
  a MemoryError and not be read or refused as expected (small objects may
  also reuse the heap malloc already holds free: the tracemalloc peak below
  counts those);
- ``rss_growth_mib``: how far the same child's resident memory rose above
  what it started with (``VmHWM`` minus the RSS at the fork), C libraries
  (expat, nh3, zlib) included; memory the parent had freed is reused without
  counting, so this is the lesser figure;
- ``python_peak_mib``: the peak of Python's own allocations (``tracemalloc``)
  during the same cycle run again in a second, fresh child (tracing slows
  Python several times over, so it is never timed).

A final cycle polls every hostile source at once beside a good one, as the
poller does in production, and reports whether the good source still
yielded its items.
"""

from __future__ import annotations

import asyncio
import ctypes
import datetime as dt
import multiprocessing
import os
import resource
import tempfile
import threading
import time
import tracemalloc
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.testing.feedserver import FeedServer, Route, rss

START = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
BOUND_SECONDS = 1.0
BOUND_MIB = 64.0
GOOD = "good"
WARMUP = "warmup"
_RSS = "application/rss+xml; charset=utf-8"


@dataclass(frozen=True)
class Hostile:
    """One hostile feed: what is served, and what the hub should make of it.

    ``expect`` is ``"failed"`` (refused, with ``reason`` in the words) or
    ``"changed"`` (read, its damage cleaned away).
    """

    name: str
    route: Route
    expect: str
    reason: str = ""


# The stored corpus (tests/fixtures/feeds): file -> (expected status, words in the reason).
STORED = {
    "billion_laughs.xml": ("failed", "expansion bomb"),
    "external_entity.xml": ("failed", "external entity"),
    "entity_title.xml": ("failed", "quadratic blowup"),
    "html_page.html": ("failed", "not a feed"),
    "binary_garbage.bin": ("failed", "not a feed"),
    "empty.xml": ("failed", "empty"),
    "truncated.xml": ("changed", ""),
    "wrong_encoding.xml": ("changed", ""),
    "script_entries.xml": ("changed", ""),
    "bad_dates.xml": ("changed", ""),
}


def _document(items: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}<rss version="2.0"><channel>'
        f"<title>Hostile</title><link>https://hostile.example.org/</link>{items}"
        "</channel></rss>"
    ).encode()


def entity_title_feed() -> bytes:
    """49 KB: one 2,000-character entity referenced 15,000 times in one title (30 M chars).

    The entity sits on its own line, so feedparser keeps it as "safe"; expat
    stops at its amplification limit and feedparser's fallback parser then
    expands every reference itself.
    """
    prolog = f'<!DOCTYPE rss [\n<!ENTITY a "{"A" * 2000}">\n]>\n'
    return _document(f"<item><title>{'&a;' * 15_000}</title><guid>t</guid></item>", prolog)


def quadratic_blowup_feed() -> bytes:
    """1 MB: a 2,000-character entity referenced 300,000 times across 100 descriptions."""
    prolog = f'<!DOCTYPE rss [\n<!ENTITY b "{"B" * 2000}">\n]>\n'
    items = "".join(
        f"<item><guid>q{n}</guid><title>Q {n}</title><description>{'&b;' * 3000}</description>"
        "</item>"
        for n in range(100)
    )
    return _document(items, prolog)


def deep_nesting_feed(depth: int = 100_000) -> bytes:
    """XML elements nested ``depth`` deep inside one description."""
    return _document(
        f"<item><guid>d</guid><title>Deep</title><description>{'<x>' * depth}deep"
        f"{'</x>' * depth}</description></item>"
    )


def deep_html_feed(depth: int = 400_000) -> bytes:
    """HTML nested ``depth`` deep inside CDATA (no XML elements: the sanitiser's problem)."""
    return _document(
        f"<item><guid>h</guid><title>Deep HTML</title><description><![CDATA[{'<div>' * depth}"
        "deep]]></description></item>"
    )


def escaped_markup_feed(count: int = 450_000) -> bytes:
    """Escaped tags by the hundred thousand (``&lt;b&gt;``) in one title."""
    return _document(f"<item><guid>e</guid><title>{'&lt;b&gt;' * count}</title></item>")


def huge_attribute_feed(size: int = 4_500_000) -> bytes:
    """One attribute of ``size`` characters on an entry's title."""
    return _document(
        f'<item><guid>a</guid><title lang="{"a" * size}">Huge attribute</title>'
        "<description>Text.</description></item>"
    )


def huge_title_feed(words: int = 900_000) -> bytes:
    """A 4.5 MB title of plain words."""
    return _document(f"<item><guid>w</guid><title>{'word ' * words}</title></item>")


def tiny_entries_feed(count: int = 700_000) -> bytes:
    """700,000 empty entries in 4.7 MB."""
    return _document("<item/>" * count)


def gzip_bomb(size: int = 100 * 1024 * 1024) -> bytes:
    """``size`` bytes of XML-ish text gzipped to about a thousandth of that, made in steps."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b"<")]
    block = b"a" * (1024 * 1024)
    parts += [packer.compress(block) for _ in range(size // len(block))]
    return b"".join([*parts, packer.flush()])


def hostile_corpus(folder: Path | None) -> list[Hostile]:
    """The stored corpus found in ``folder`` (if any) and the generated feeds."""
    corpus = []
    if folder is not None and folder.is_dir():
        for name, (expect, reason) in STORED.items():
            path = folder / name
            if path.is_file():
                corpus.append(Hostile(name, _route(path.read_bytes()), expect, reason))
    else:  # no stored corpus (an installed hub): its 49 KB entity feed is made here
        corpus.append(
            Hostile("entity_title.xml", _route(entity_title_feed()), "failed", "quadratic")
        )
    oversized = Route(endless=True, content_type=_RSS)
    bomb = Route(gzip_bomb_bytes=1, compressed=gzip_bomb(), content_type=_RSS, etag=False)
    corpus += [
        Hostile("oversized (endless body)", oversized, "failed", "too large"),
        Hostile("gzip bomb (100 MB)", bomb, "failed", "too large"),
        Hostile("quadratic blowup", _route(quadratic_blowup_feed()), "failed", "quadratic"),
        Hostile("deep nesting (XML)", _route(deep_nesting_feed()), "failed", "elements"),
        Hostile("deep nesting (HTML)", _route(deep_html_feed()), "changed"),
        Hostile("escaped markup", _route(escaped_markup_feed()), "failed", "references"),
        Hostile("huge attribute", _route(huge_attribute_feed()), "changed"),
        Hostile("huge title", _route(huge_title_feed()), "changed"),
        Hostile("many tiny entries", _route(tiny_entries_feed()), "failed", "elements"),
    ]
    return corpus


def _route(body: bytes) -> Route:
    return Route(body=body, content_type=_RSS, etag=False)


def good_feed(name: str) -> bytes:
    """An ordinary feed of five stories."""
    return rss(
        name.capitalize(),
        [(f"{name}-{n}", f"Participatory budget {name} {n}", "Residents voted.") for n in range(5)],
        link=f"https://{name}.example.org/",
    )


def _settings(urls: dict[str, str]) -> Any:
    from hub.core.config.settings import Settings

    return Settings.model_validate(
        {
            "hub": {"languages": ["en", "es", "fr", "ca", "pt"]},
            "sources": {
                key: {"kind": "feed", "url": url, "interval_minutes": 15}
                for key, url in urls.items()
            },
            "channels": {"news": {"platform": "memory", "target": "#news"}},
            "routes": [{"name": "all", "to": ["news"]}],
        }
    )


class _Hub:
    """A migrated SQLite database with one source per hostile feed, and a way to poll some."""

    def __init__(self, folder: Path, name: str, settings: Any) -> None:
        from hub.core.config.catalog import sync_config
        from hub.core.db import make_engine, transaction, upgrade

        self.url = f"sqlite:///{folder / name}"
        self.settings = settings
        engine = make_engine(self.url)
        upgrade(engine)
        with transaction(engine) as session:
            sync_config(session, settings)
        engine.dispose()

    def poll(self, keys: list[str], *, traced: bool = False) -> dict[str, Any]:
        """One cycle over the sources ``keys`` only (the others wait a day)."""
        from sqlalchemy import update

        from hub.core.db import make_engine, transaction
        from hub.core.ingest.fetch import make_client
        from hub.core.ingest.poller import Poller
        from hub.core.models import Source

        engine = make_engine(self.url)
        with transaction(engine) as session:
            session.execute(update(Source).values(next_fetch_at=START + dt.timedelta(days=1)))
            session.execute(update(Source).where(Source.key.in_(keys)).values(next_fetch_at=None))

        async def cycle() -> tuple[Any, float]:
            async with make_client() as client:
                poller = Poller(engine, self.settings, client, clock=lambda: START)
                poller._warm = True
                started = time.perf_counter()
                report = await poller.run_once()
                return report, time.perf_counter() - started

        if traced:
            tracemalloc.start()
        try:
            report, wall = asyncio.run(cycle())
            peak = tracemalloc.get_traced_memory()[1] if traced else 0
        finally:
            if traced:
                tracemalloc.stop()
        engine.dispose()
        return {
            "wall_s": wall,
            "python_peak_mib": peak / 2**20,
            "outcomes": {
                o.key: {"status": o.status, "error": o.error, "created": o.created}
                for o in report.outcomes
            },
        }


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


M_ARENA_MAX = -8  # glibc's mallopt parameter


def limit_address_space(mib: float) -> None:
    """Let this process grow its address space by ``mib`` MiB at most (see the module's note).

    glibc gives each new thread its own malloc arena, reserving 64 MiB of
    address space it may never use; one shared arena and small thread stacks
    make the limit measure memory asked for, not reservations. Large blocks
    (a body, a decompressed stream) are mapped afresh and always count; small
    objects may reuse what malloc already holds free, which tracemalloc's peak
    (the second child) counts instead. Taking that free heap off the allowance
    left a long-running process none at all, and SQLite no room to map its WAL
    index ("disk I/O error").
    """
    libc = ctypes.CDLL(None)
    libc.mallopt(M_ARENA_MAX, 1)
    threading.stack_size(1024 * 1024)
    start = _status_kib("VmSize") * 1024
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    limit = start + int(mib * 2**20)
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard < 0 else min(limit, hard), hard))


def allocates_under_the_bound(mib: int) -> bool:
    """Whether a child forked from here, under the bench's bound, can allocate ``mib`` MiB.

    Meant for a fresh interpreter: a long-lived process may hold that much free heap already,
    which malloc hands out without new address space.
    """
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            limit_address_space(BOUND_MIB)
            block = bytearray(mib * 2**20)
            code = 0 if len(block) else 2
        except MemoryError:
            code = 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"the child failed otherwise (exit {code})")
    return code == 0


def _in_child(hub: _Hub, key: str, traced: bool) -> dict[str, Any]:
    """Poll ``key`` in a forked child; its time, memory growth and outcome.

    Untraced, the child runs under the hard address-space bound.
    """
    parent, child = multiprocessing.Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # the child: measure, send, leave without running the parent's cleanup
        code = 0
        try:
            parent.close()
            if not traced:
                limit_address_space(BOUND_MIB)
            start_rss = _status_kib("VmRSS")
            measured = hub.poll([key], traced=traced)
            measured["rss_growth_mib"] = (_status_kib("VmHWM") - start_rss) / 1024
            child.send(measured)
        except BaseException as exc:  # report it; never fall back into the parent's code
            child.send({"crash": f"{type(exc).__name__}: {exc}"})
            code = 1
        finally:
            os._exit(code)
    child.close()
    try:
        result: dict[str, Any] = parent.recv()
    finally:
        os.waitpid(pid, 0)
        parent.close()
    if "crash" in result:
        raise RuntimeError(f"measuring {key} failed: {result['crash']}")
    return result


def _key(index: int) -> str:
    return f"hostile{index}"


def run_hostile_bench(folder: Path | None) -> dict[str, Any]:
    """Measure every hostile feed alone, then all of them beside a good source in one cycle."""
    from hub.core.ingest.language import detector_for

    corpus = hostile_corpus(folder)
    server = FeedServer()
    urls = {
        WARMUP: server.add("/warmup.xml", Route(body=good_feed("warmup"), etag=False)),
        GOOD: server.add("/good.xml", Route(body=good_feed(GOOD), etag=False)),
    }
    for index, hostile in enumerate(corpus):
        urls[_key(index)] = server.add(f"/hostile/{index}", hostile.route)
    settings = _settings(urls)
    server.start()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            timed = _Hub(Path(scratch), "timed.db", settings)
            traced = _Hub(Path(scratch), "traced.db", settings)
            detector_for().detect("warming up the language models")
            timed.poll([WARMUP])  # warm-up: imports, compiled queries, the connection pool
            traced.poll([WARMUP])
            feeds = []
            for index, hostile in enumerate(corpus):
                alone = _in_child(timed, _key(index), traced=False)
                memory = _in_child(traced, _key(index), traced=True)
                outcome = alone["outcomes"][_key(index)]
                feeds.append(
                    {
                        "name": hostile.name,
                        "bytes": _served_bytes(hostile.route),
                        "expected": hostile.expect,
                        "status": outcome["status"],
                        "reason": outcome["error"],
                        "as_expected": _as_expected(hostile, outcome),
                        "wall_s": round(alone["wall_s"], 3),
                        "rss_growth_mib": round(alone["rss_growth_mib"], 1),
                        "python_peak_mib": round(memory["python_peak_mib"], 1),
                    }
                )
            keys = [GOOD, *(_key(i) for i in range(len(corpus)))]
            cycle = timed.poll(keys)
    finally:
        server.stop()
    good = cycle["outcomes"][GOOD]
    return {
        "bound_s": BOUND_SECONDS,
        "bound_mib": BOUND_MIB,
        "address_space_limit": "RLIMIT_AS: size at the fork + bound_mib, each timed poll",
        "feeds": feeds,
        "worst_wall_s": max(f["wall_s"] for f in feeds),
        "worst_rss_growth_mib": max(f["rss_growth_mib"] for f in feeds),
        "worst_python_peak_mib": max(f["python_peak_mib"] for f in feeds),
        "all_within_bounds": all(
            f["wall_s"] < BOUND_SECONDS
            and max(f["rss_growth_mib"], f["python_peak_mib"]) < BOUND_MIB
            for f in feeds
        ),
        "all_as_expected": all(f["as_expected"] for f in feeds),
        "together": {
            "sources": len(keys),
            "wall_s": round(cycle["wall_s"], 3),
            "good_status": good["status"],
            "good_items_created": good["created"],
            "hostile_as_expected": sum(
                _as_expected(h, cycle["outcomes"][_key(i)]) for i, h in enumerate(corpus)
            ),
        },
    }


def _served_bytes(route: Route) -> int | None:
    if route.endless:
        return None
    return len(route.compressed if route.compressed is not None else route.body)


def _as_expected(hostile: Hostile, outcome: dict[str, Any]) -> bool:
    if outcome["status"] != hostile.expect:
        return False
    return hostile.reason in (outcome["error"] or "") if hostile.expect == "failed" else True


def render_hostile(result: dict[str, Any]) -> str:
    """The hostile figures as one line per feed and a summary."""
    lines = [
        f"hostile corpus, each feed alone through the whole ingest path "
        f"(bound {result['bound_s']} s, {result['bound_mib']} MiB):"
    ]
    for feed in result["feeds"]:
        verdict = feed["status"] + ("" if feed["as_expected"] else " (UNEXPECTED)")
        lines.append(
            f"  {feed['name']}: {feed['wall_s']} s, RSS +{feed['rss_growth_mib']} MiB, "
            f"Python peak {feed['python_peak_mib']} MiB, {verdict}"
            + (f" ({feed['reason'][:70]})" if feed["reason"] else "")
        )
    together = result["together"]
    lines.append(
        f"all {together['sources']} sources in one cycle: {together['wall_s']} s; "
        f"the good source {together['good_status']} with {together['good_items_created']} items; "
        f"within bounds: {result['all_within_bounds']}"
    )
    return "\n".join(lines)

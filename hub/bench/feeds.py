"""``hub bench feeds``: one polling cycle over 300 feeds on loopback, beside feedparser alone.

The feeds are served by :mod:`hub.testing.feedserver` in a separate process
(so the hub's peak memory is its own): 60% change between cycles, 25% answer
304, 5% are slow (1 s) and 10% are broken (HTTP 500, an HTML page, truncated
XML). Each feed is about 60 KB: 20 entries of HTML in one of the five
languages, with links, images, inline styles and a script to clean.

Three cycles run on a fresh SQLite database with an injected clock:

1. priming: every feed new (20 items each stored, trusted ones routed);
2. the measured mixed cycle: changed feeds carry 3 new entries, the rest
   answer 304, are slow or fail: wall time, feeds/s, outcomes, peak memory;
3. only the changed feeds due, changed again: the hub's whole per-feed work
   (fetch, parse, sanitise, dedup, language, tags, store) per feed.

Side by side, on the same bytes: feedparser's default parse (its sanitiser
on), feedparser with the sanitiser off (what the hub calls), and the hub's
in-memory pipeline alone (parse + sanitise + language + tags, no I/O), both
for every entry new and for the realistic case where 3 of the 20 entries are
new (the others are recognised by their fingerprint and not cleaned again).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import multiprocessing
import random
import resource
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

SENTENCES = {
    "en": [
        "The city council approved a participatory budget for the next year.",
        "Residents voted online for the projects they want in their neighbourhood.",
        "A citizens' assembly selected by lot discussed the future of public transport.",
        "The annual conference will bring together local governments from every continent.",
    ],
    "es": [
        "El ayuntamiento aprobó un presupuesto participativo para el próximo año.",
        "Los vecinos votaron en línea los proyectos que quieren para su barrio.",
        "Una asamblea ciudadana elegida por sorteo debatió el futuro del transporte.",
        "La conferencia anual reunirá a gobiernos locales de todos los continentes.",
    ],
    "fr": [
        "Le conseil municipal a approuvé un budget participatif pour l'année prochaine.",
        "Les habitants ont voté en ligne pour les projets de leur quartier.",
        "Une assemblée citoyenne tirée au sort a discuté de l'avenir des transports.",
        "La conférence annuelle réunira des collectivités locales de tous les continents.",
    ],
    "ca": [
        "L'Ajuntament ha aprovat un pressupost participatiu per a l'any vinent.",
        "Els veïns han votat en línia els projectes que volen per al seu barri.",
        "Una assemblea ciutadana escollida per sorteig ha debatut el futur del transport.",
        "La conferència anual aplegarà governs locals de tots els continents.",
    ],
    "pt": [
        "A câmara municipal aprovou um orçamento participativo para o próximo ano.",
        "Os moradores votaram pela internet nos projetos que querem para o seu bairro.",
        "Uma assembleia cidadã escolhida por sorteio discutiu o futuro dos transportes.",
        "A conferência anual vai reunir governos locais de todos os continentes.",
    ],
}
LANGUAGES = list(SENTENCES)
_SYLLABLES = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo"]


def _names(seed: int, count: int) -> str:
    """Made-up place and project names, different for each story (no accidental duplicates)."""
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        for _ in range(count)
    )


ENTRIES = 20
NEW_PER_CHANGE = 3
PARAGRAPHS = 11  # about 60 KB a feed, the size the issue measures feedparser on


def kind_of(index: int) -> str:
    slot = index % 20
    if slot < 12:
        return "changed"
    if slot < 17:
        return "unchanged"
    if slot == 17:
        return "slow"
    return "broken"


def make_feed(index: int, version: int) -> bytes:
    """Feed ``index`` at ``version``: each version adds :data:`NEW_PER_CHANGE` entries."""
    language = LANGUAGES[index % len(LANGUAGES)]
    lines = SENTENCES[language]
    newest = ENTRIES + version * NEW_PER_CHANGE
    items = []
    for number in range(newest, newest - ENTRIES, -1):
        seed = index * 100_000 + number
        paragraphs = "".join(
            f'<p style="color:#333">{escape(lines[(number + k) % 4])} '
            f'<a href="/news/{index}/{number}/{k}" onclick="track()">More</a> '
            f"<strong>{_names(seed * 10 + k, 5)}.</strong></p>"
            for k in range(PARAGRAPHS)
        )
        html = (
            f'<img src="/img/{number}.jpg" onerror="x()" alt="photo">{paragraphs}'
            "<script>window.tracker = 1;</script>"
        )
        items.append(
            f"<item><title>{escape(_names(seed, 3))}: {escape(lines[number % 4][:40])}</title>"
            f"<link>https://member{index}.example.org/news/{number}?utm_source=rss</link>"
            f'<guid isPermaLink="false">feed-{index}-story-{number}</guid>'
            f"<pubDate>Sun, 22 Nov 2026 {number % 24:02d}:00:00 +0000</pubDate>"
            f"<description>{escape(html)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Member {index}</title><link>https://member{index}.example.org/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


BROKEN = [
    (500, b"Internal Server Error", "text/plain"),
    (200, b"<!DOCTYPE html><html><body>Welcome</body></html>", "text/html"),
    (200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>cut', "application/xml"),
]


def _serve(count: int, conn: Connection) -> None:
    """The feed server process: routes for ``count`` feeds; obeys ``bump`` and ``hits``."""
    from hub.testing.feedserver import FeedServer, Route

    server = FeedServer()
    for index in range(count):
        kind = kind_of(index)
        if kind == "broken":
            status, body, ctype = BROKEN[index % len(BROKEN)]
            route = Route(body=body, status=status, content_type=ctype, etag=False)
        else:
            route = Route(body=make_feed(index, 0), delay=1.0 if kind == "slow" else 0.0)
        server.add(f"/feed/{index}.xml", route)
    server.start()
    conn.send(server.port)
    while True:
        command, argument = conn.recv()
        if command == "bump":
            for index, version in argument:
                server.routes[f"/feed/{index}.xml"].body = make_feed(index, version)
            conn.send("ok")
        elif command == "hits":
            conn.send({path: route.hits for path, route in server.routes.items()})
        else:
            server.stop()
            conn.send("stopped")
            return


def _settings(count: int, port: int) -> Any:
    from hub.core.config.settings import Settings

    return Settings.model_validate(
        {
            "hub": {"languages": LANGUAGES},
            "sources": {
                f"feed{index}": {
                    "kind": "feed",
                    "url": f"http://127.0.0.1:{port}/feed/{index}.xml",
                    "trusted": index % 5 == 0,
                    "interval_minutes": 15,
                }
                for index in range(count)
            },
            "channels": {"news": {"platform": "memory", "target": "#news"}},
            "routes": [{"name": "all", "to": ["news"]}],
        }
    )


def _per_feed_ms(bodies: list[bytes], parse: Any) -> float:
    started = time.perf_counter()
    for body in bodies:
        parse(body)
    return (time.perf_counter() - started) * 1000 / max(1, len(bodies))


def run_feeds_bench(count: int = 300, concurrency: int = 20) -> dict[str, Any]:
    """Run the benchmark; returns the figures as a plain dict (the ``--json`` output)."""
    import feedparser
    from sqlalchemy import update

    from hub.core.config.catalog import sync_config
    from hub.core.db import make_engine, transaction, upgrade
    from hub.core.ingest.fetch import FetchLimits, make_client
    from hub.core.ingest.pipeline import read_feed
    from hub.core.ingest.poller import CycleReport, Poller, PollPolicy
    from hub.core.models import Source

    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(count, child), daemon=True)
    process.start()
    port = parent.recv()
    clock_now = [dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)]
    changed = [i for i in range(count) if kind_of(i) == "changed"]
    try:
        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
            upgrade(engine)
            settings = _settings(count, port)
            with transaction(engine) as session:
                sync_config(session, settings)
            policy = PollPolicy(concurrency=concurrency, limits=FetchLimits(deadline_seconds=10))

            async def cycle() -> tuple[CycleReport, float]:
                async with make_client() as client:
                    poller = Poller(
                        engine, settings, client, policy=policy, clock=lambda: clock_now[0]
                    )
                    poller._warm = True
                    started = time.perf_counter()
                    report = await poller.run_once()
                    return report, time.perf_counter() - started

            from hub.core.ingest.language import detector_for

            detector_for().detect("warming up the language models")
            priming, priming_wall = asyncio.run(cycle())
            parent.send(("bump", [(i, 1) for i in changed]))
            parent.recv()
            parent.send(("hits", None))
            hits_before = parent.recv()
            clock_now[0] += dt.timedelta(minutes=16)
            mixed, mixed_wall = asyncio.run(cycle())
            parent.send(("hits", None))
            hits_after = parent.recv()
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

            parent.send(("bump", [(i, 2) for i in changed]))
            parent.recv()
            clock_now[0] += dt.timedelta(minutes=16)
            keys = [f"feed{i}" for i in changed]
            with transaction(engine) as session:
                session.execute(
                    update(Source)
                    .where(Source.key.not_in(keys))
                    .values(next_fetch_at=clock_now[0] + dt.timedelta(days=1))
                )
            only_changed, changed_wall = asyncio.run(cycle())
            engine.dispose()
    finally:
        parent.send(("stop", None))
        parent.recv()
        process.join(timeout=10)

    bodies = [make_feed(i, 2) for i in changed]
    now = clock_now[0]
    feedparser_default = _per_feed_ms(bodies, lambda b: feedparser.parse(io.BytesIO(b)))
    feedparser_bare = _per_feed_ms(
        bodies,
        lambda b: feedparser.parse(io.BytesIO(b), sanitize_html=False, resolve_relative_uris=False),
    )
    pipeline = _per_feed_ms(bodies, lambda b: read_feed(b, url=None, now=now))
    previous = [make_feed(i, 1) for i in changed]
    known = [
        {c.external_id: c.content_hash for c in read_feed(b, url=None, now=now).candidates}
        for b in previous
    ]
    pairs = iter(known)
    pipeline_known = _per_feed_ms(
        bodies, lambda b: read_feed(b, url=None, now=now, known=next(pairs))
    )
    hub_per_feed = changed_wall * 1000 / max(1, len(changed))
    unchanged_paths = [f"/feed/{i}.xml" for i in range(count) if kind_of(i) == "unchanged"]
    requests = [hits_after[p] - hits_before[p] for p in unchanged_paths]

    def statuses(report: CycleReport) -> dict[str, int]:
        return {s: report.count(s) for s in ("changed", "not_modified", "failed")}

    return {
        "feeds": count,
        "feed_bytes": len(bodies[0]) if bodies else 0,
        "entries_per_feed": ENTRIES,
        "concurrency": concurrency,
        "priming_cycle": {"wall_s": round(priming_wall, 3), **statuses(priming)},
        "mixed_cycle": {
            "wall_s": round(mixed_wall, 3),
            "feeds_per_s": round(count / mixed_wall, 1),
            "items_created": sum(o.created for o in mixed.outcomes),
            **statuses(mixed),
        },
        "unchanged": {
            "feeds": len(unchanged_paths),
            "requests_each": sorted(set(requests)),
            "parsed": sum(
                1 for o in mixed.outcomes if o.status == "not_modified" and o.created + o.updated
            ),
        },
        "peak_rss_mb": round(peak_mb, 1),
        "per_feed_ms": {
            "hub_whole_work": round(hub_per_feed, 2),
            "hub_pipeline_in_memory": round(pipeline, 2),
            "hub_pipeline_in_memory_3_new_of_20": round(pipeline_known, 2),
            "feedparser_default": round(feedparser_default, 2),
            "feedparser_without_sanitiser": round(feedparser_bare, 2),
        },
        "ratio_hub_to_feedparser_default": round(hub_per_feed / feedparser_default, 3),
        "changed_only_cycle": {"wall_s": round(changed_wall, 3), **statuses(only_changed)},
    }


def render_feeds(result: dict[str, Any]) -> str:
    """The figures as a few readable lines."""
    per = result["per_feed_ms"]
    mixed = result["mixed_cycle"]
    return "\n".join(
        [
            f"{result['feeds']} feeds of {result['feed_bytes'] // 1024} KB "
            f"({result['entries_per_feed']} entries), concurrency {result['concurrency']}",
            f"mixed cycle: {mixed['wall_s']} s, {mixed['feeds_per_s']} feeds/s "
            f"({mixed['changed']} changed, {mixed['not_modified']} not modified, "
            f"{mixed['failed']} failed), peak RSS {result['peak_rss_mb']} MB",
            f"unchanged feeds: requests each {result['unchanged']['requests_each']}, "
            f"parsed {result['unchanged']['parsed']}",
            f"per feed: hub whole work {per['hub_whole_work']} ms, "
            f"hub pipeline in memory {per['hub_pipeline_in_memory']} ms "
            f"({per['hub_pipeline_in_memory_3_new_of_20']} ms when 3 of 20 entries are new), "
            f"feedparser default {per['feedparser_default']} ms, "
            f"feedparser without sanitiser {per['feedparser_without_sanitiser']} ms",
            f"ratio hub / feedparser default: {result['ratio_hub_to_feedparser_default']}",
        ]
    )

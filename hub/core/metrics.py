"""``/metrics`` in the Prometheus text format: the shared truth from the database.

Every figure that lives in the database is read from it at scrape time by
:class:`DatabaseCollector`, so any process of a deployment (web, worker,
scheduler, on any machine) reports the same numbers. A few things happen
only in memory and are process-local counters and histograms: answer
latency, feed fetches and newsletter pushes as they happen. Their owners
call :func:`observe_answer_latency`, :func:`count_feed_fetch` and
:func:`count_newsletter_push`.

No figure counts the whole delivery ledger at a scrape: ``hub_deliveries`` for
``sent`` and ``hub_rate_limited_attempts`` add up the ledger's sealed days
(:mod:`hub.core.bus.ledger_days`) and the open days' rows; the other statuses are
the few rows the status index finds.

``/metrics`` serves the database's figures from a snapshot at most
:data:`SNAPSHOT_SECONDS` old (:class:`Snapshots`), shorter than a scrape interval.

The ``hub_channel_*`` gauges are exactly the columns of ``hub status``
(:func:`hub.core.bus.status.bus_status`): queued, due, in_flight, held,
sent_last_hour, failed_last_hour.

To mount it in a Starlette app whose ``app.state.engine`` (or
``app.state.console.engine``) is the engine::

    Route("/metrics", hub.core.metrics.metrics_endpoint)
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func, select

from hub.core.bus import ledger_days
from hub.core.bus.states import DeliveryStatus
from hub.core.clock import clock_of
from hub.core.models import (
    Channel,
    Delivery,
    Item,
    NewsletterEdition,
    Question,
    RateBucket,
    ScheduledRun,
    Source,
)

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

log = logging.getLogger(__name__)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
NOT_SENT = tuple(s for s in DeliveryStatus if s != DeliveryStatus.SENT)
SNAPSHOT_SECONDS = 10.0
"""How old the database's figures ``/metrics`` serves may be (see :class:`Snapshots`)."""

# --- process-local ----------------------------------------------------------------------

PROCESS_REGISTRY = CollectorRegistry(auto_describe=True)
ANSWER_LATENCY = Histogram(
    "hub_answer_latency_seconds",
    "Time from a member's question to the assistant's answer (this process).",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
    registry=PROCESS_REGISTRY,
)
FEED_FETCHES = Counter(
    "hub_feed_fetches",
    "Feed and calendar fetches by source and outcome (this process).",
    ["source", "outcome"],
    registry=PROCESS_REGISTRY,
)
NEWSLETTER_PUSHES = Counter(
    "hub_newsletter_pushes",
    "Editions handed to Mailchimp by language and outcome (this process).",
    ["language", "outcome"],
    registry=PROCESS_REGISTRY,
)


def observe_answer_latency(seconds: float) -> None:
    ANSWER_LATENCY.observe(seconds)


def count_feed_fetch(source: str, outcome: str) -> None:
    """``outcome``: ``ok``, ``not_modified`` or ``error``."""
    FEED_FETCHES.labels(source=source, outcome=outcome).inc()


def count_newsletter_push(language: str, outcome: str = "ok") -> None:
    NEWSLETTER_PUSHES.labels(language=language, outcome=outcome).inc()


# --- from the database ------------------------------------------------------------------


def _ts(moment: dt.datetime | None) -> float:
    return moment.timestamp() if moment else 0.0


class DatabaseCollector(Collector):
    """Reads the deployment's figures from the database at each scrape."""

    def __init__(self, engine: Engine, now: dt.datetime | None = None) -> None:
        self.engine = engine
        self.now = now

    def collect(self) -> Iterator[Metric]:
        now = self.now or clock_of(self.engine)()  # the engine's clock, else the machine's
        up = GaugeMetricFamily("hub_database_up", "1 when the database answered this scrape.")
        try:
            families = list(self._families(now))
        except Exception as exc:  # a scrape must answer even when the database does not
            log.warning("metrics: the database did not answer: %s", exc)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families

    def _families(self, now: dt.datetime) -> Iterator[Metric]:
        from hub.core.bus.status import bus_status

        ledger_days.seal(self.engine, now)
        with self.engine.connect() as conn:
            deliveries = GaugeMetricFamily(
                "hub_deliveries",
                "Deliveries by channel, kind and status.",
                labels=["channel", "kind", "status"],
            )
            # Sent rows from the ledger's days (sealed once, the open days counted), the
            # rest by the status index: no count of the whole ledger at a scrape.
            rows = conn.execute(
                select(Channel.key, Delivery.kind, Delivery.status, func.count())
                .join(Channel, Channel.id == Delivery.channel_id)
                .where(Delivery.status.in_(NOT_SENT))
                .group_by(Channel.key, Delivery.kind, Delivery.status)
            )
            for channel, kind, state, count in rows:
                deliveries.add_metric([channel, kind, state], count)
            days = ledger_days.lifetime(conn)
            for (channel, kind), counted in sorted(days.items()):
                if counted.sent:
                    deliveries.add_metric([channel, kind, "sent"], counted.sent)
            yield deliveries

            figures_now = bus_status(conn, now)
            columns = ("queued", "due", "in_flight", "held", "sent_last_hour", "failed_last_hour")
            for column in columns:
                family = GaugeMetricFamily(
                    f"hub_channel_{column}",
                    f"As the {column} column of hub status.",
                    labels=["channel"],
                )
                for figures in figures_now.channels:
                    family.add_metric([figures.channel], getattr(figures, column))
                yield family

            oldest = GaugeMetricFamily(
                "hub_queue_oldest_due_age_seconds",
                "How long the oldest due pending delivery has waited, by channel.",
                labels=["channel"],
            )
            oldest_rows = conn.execute(
                select(Channel.key, func.min(Delivery.due_at))
                .join(Channel, Channel.id == Delivery.channel_id)
                .where(Delivery.status == "pending", Delivery.due_at <= now)
                .group_by(Channel.key)
            )
            for channel, due_at in oldest_rows:
                due = _aware(due_at)
                oldest.add_metric([channel], max(0.0, (now - due).total_seconds()))
            yield oldest

            yield from self._rate_limits(conn, now, days)
            yield from self._sources(conn)
            yield from self._assistant_newsletter_schedule(conn)

    def _rate_limits(
        self, conn: Any, now: dt.datetime, days: dict[tuple[str, str], ledger_days.Tally]
    ) -> Iterator[Metric]:
        paused = GaugeMetricFamily(
            "hub_rate_limit_paused_seconds",
            "Seconds a rate-limit key stays paused after a platform's 429 (0 when not paused).",
            labels=["key"],
        )
        for key, until in conn.execute(select(RateBucket.key, RateBucket.paused_until)):
            left = (_aware(until) - now).total_seconds() if until else 0.0
            paused.add_metric([key], max(0.0, left))
        yield paused
        limited = CounterMetricFamily(
            "hub_rate_limited_attempts",
            "Delivery attempts a platform answered with a rate limit, by channel.",
            labels=["channel"],
        )
        per_channel: dict[str, int] = {}
        for (channel, _kind), counted in days.items():
            per_channel[channel] = per_channel.get(channel, 0) + counted.rate_limited
        for channel, count in sorted(per_channel.items()):
            if count:
                limited.add_metric([channel], count)
        yield limited

    def _sources(self, conn: Any) -> Iterator[Metric]:
        failures = GaugeMetricFamily(
            "hub_source_consecutive_failures",
            "Fetches failed in a row, by source.",
            labels=["source"],
        )
        last_ok = GaugeMetricFamily(
            "hub_source_last_success_timestamp_seconds",
            "When a source was last fetched successfully (0: never).",
            labels=["source"],
        )
        last_fetch = GaugeMetricFamily(
            "hub_source_last_fetch_timestamp_seconds",
            "When a source was last fetched (0: never).",
            labels=["source"],
        )
        rows = conn.execute(
            select(
                Source.key,
                Source.consecutive_failures,
                Source.last_success_at,
                Source.last_fetched_at,
            ).where(Source.enabled.is_(True))
        )
        for key, failed, ok_at, fetched_at in rows:
            failures.add_metric([key], failed or 0)
            last_ok.add_metric([key], _ts(_aware(ok_at) if ok_at else None))
            last_fetch.add_metric([key], _ts(_aware(fetched_at) if fetched_at else None))
        yield from (failures, last_ok, last_fetch)
        items = CounterMetricFamily(
            "hub_items_ingested", "Items stored, by source and status.", labels=["source", "status"]
        )
        # Counted from the (source_id, status) index alone; the sources' keys put on after.
        keys = {int(i): str(k) for i, k in conn.execute(select(Source.id, Source.key))}
        counted: dict[tuple[str, str], int] = {}
        for source_id, status, count in conn.execute(
            select(Item.source_id, Item.status, func.count()).group_by(Item.source_id, Item.status)
        ):
            key = (keys.get(source_id, "(none)") if source_id is not None else "(none)", status)
            counted[key] = counted.get(key, 0) + int(count)
        for (source, status), count in sorted(counted.items()):
            items.add_metric([source, status], count)
        yield items

    def _assistant_newsletter_schedule(self, conn: Any) -> Iterator[Metric]:
        questions = CounterMetricFamily(
            "hub_questions",
            "Members' questions to the assistant, by platform and status.",
            labels=["platform", "status"],
        )
        for platform, status, count in conn.execute(
            select(Question.platform, Question.status, func.count()).group_by(
                Question.platform, Question.status
            )
        ):
            questions.add_metric([platform, status], count)
        yield questions
        handoffs = CounterMetricFamily(
            "hub_question_handoffs",
            "Questions handed to the secretariat, by platform.",
            labels=["platform"],
        )
        for platform, count in conn.execute(
            select(Question.platform, func.count())
            .where(Question.handoff.is_(True))
            .group_by(Question.platform)
        ):
            handoffs.add_metric([platform], count)
        yield handoffs
        editions = GaugeMetricFamily(
            "hub_newsletter_editions",
            "Newsletter editions by language and status.",
            labels=["language", "status"],
        )
        pushed = GaugeMetricFamily(
            "hub_newsletter_editions_pushed",
            "Editions handed to Mailchimp (a campaign exists).",
            labels=["language"],
        )
        rows = conn.execute(
            select(
                NewsletterEdition.language,
                NewsletterEdition.status,
                func.count(),
                func.count(NewsletterEdition.mailchimp_campaign_id),
            ).group_by(NewsletterEdition.language, NewsletterEdition.status)
        )
        by_language: dict[str, int] = {}
        for language, status, count, with_campaign in rows:
            editions.add_metric([language, status], count)
            by_language[language] = by_language.get(language, 0) + with_campaign
        for language, count in sorted(by_language.items()):
            pushed.add_metric([language], count)
        yield from (editions, pushed)
        last_run = GaugeMetricFamily(
            "hub_schedule_last_run_timestamp_seconds",
            "When each scheduled job last fired.",
            labels=["job"],
        )
        for job, started in conn.execute(
            select(ScheduledRun.job, func.max(ScheduledRun.started_at))
            .where(ScheduledRun.job.like("schedule.%"))
            .group_by(ScheduledRun.job)
        ):
            last_run.add_metric([job.removeprefix("schedule.")], _ts(_aware(started)))
        yield last_run


def _aware(moment: Any) -> dt.datetime:
    """Aggregates (min/max) skip the column type, so SQLite hands back naive UTC or text."""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    assert isinstance(moment, dt.datetime)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def render_metrics(engine: Engine, now: dt.datetime | None = None) -> bytes:
    """Every metric in the Prometheus text format: the database's, then this process's."""
    return _database_text(engine, now) + generate_latest(PROCESS_REGISTRY)


def _database_text(engine: Engine, now: dt.datetime | None = None) -> bytes:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector(engine, now))
    return generate_latest(registry)


class Snapshots:
    """The database's figures as of at most ``max_age`` seconds ago, per engine.

    A scrape reads several grouped counts of the ledger (0.3-0.6 s with a million
    deliveries on a busy machine); Prometheus scrapes every 15 s or more, and every
    process of a deployment answers from the same database. So ``/metrics`` answers
    from a snapshot no older than ``max_age`` (less than a scrape interval): the first
    scrape after it ages takes a new one, and scrapes meanwhile, from one scraper or
    several, share it (one at a time takes it; the others wait for it, not a second
    query). The process's own counters are always read fresh.
    """

    def __init__(
        self, max_age: float = SNAPSHOT_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_age = max_age
        self.clock = clock
        self._taken: weakref.WeakKeyDictionary[Engine, tuple[float, bytes]] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    def text(self, engine: Engine, now: dt.datetime | None = None) -> bytes:
        """The snapshot's text; ``now`` (the hub's clock) places its time windows."""
        with self._lock:  # one scrape at a time queries; the others then find its snapshot
            taken = self._taken.get(engine)
            if taken is None or self.clock() - taken[0] >= self.max_age:
                taken = (self.clock(), _database_text(engine, now))
                self._taken[engine] = taken
            return taken[1]


SNAPSHOTS = Snapshots()


async def metrics_endpoint(request: Request) -> Response:
    """A Starlette endpoint: ``Route("/metrics", metrics_endpoint)``.

    The engine is ``app.state.engine``, else ``app.state.console.engine`` (the console's);
    the time windows (deliveries in the last hour...) are placed by the console's clock
    when the app has one, as every page is.
    """
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    state = request.app.state
    console: Any = getattr(state, "console", None)
    engine = getattr(state, "engine", None) or console.engine
    clock = getattr(console, "clock", None)
    now = clock() if clock is not None else None
    database = await run_in_threadpool(SNAPSHOTS.text, engine, now)
    return Response(database + generate_latest(PROCESS_REGISTRY), media_type=CONTENT_TYPE)

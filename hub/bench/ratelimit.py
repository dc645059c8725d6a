"""``hub bench ratelimit``: reach Telegram's ceiling with several workers, never cross it.

By default (``"mode": "processes"``) the measurement is the one a deployment
sees: several real ``hub worker`` processes on PostgreSQL send through the real
Telegram sink (python-telegram-bot) to the Telegram stand-in, which enforces
Telegram's flood limits (30 messages a second per bot, 1 a second per private
chat) and answers 429 as Telegram does. 2,000 messages go to 50 private chats
of one bot; the figure is messages per second from the first admitted message
to the last, ``peak_1s`` the most the stand-in admitted in any one-second
window, and ``violations_429`` the sends it answered 429.

The in-process shortcut (``--in-process``, ``"mode": "in-process"``) needs no
stand-in: a local sink keeps Telegram's books
instead. It answers 429 (and counts a violation) whenever a message would
make more than 30 in any second for the bot, a second message within a
second to one chat, or more than 20 in any minute to one group. Four
workers (each with its own database connections and limiter, so the budget
is shared only through the ``rate_buckets`` rows) send 2,000 messages to 50 chats and 5
groups; the figure is messages per second from the first to the last.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import tempfile
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import insert

from bots.standin import FloodWindow
from hub.bench import scratch_postgres_database
from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.states import DEFAULT_MAX_ATTEMPTS
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import channel_ids, sync_config
from hub.core.config.settings import Settings
from hub.core.db import make_engine, transaction, upgrade
from hub.core.errors import RateLimited
from hub.core.models import Delivery, utcnow
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt

BOT_PER_S = 30.0
CHAT_PER_S = 1.0
GROUP_PER_MIN = 20.0


class TelegramBooks:
    """Telegram's limits as the platform would enforce them, over sliding windows."""

    def __init__(self) -> None:
        self.bot: deque[float] = deque()
        self.keys: dict[str, deque[float]] = defaultdict(deque)
        self.arrivals: list[float] = []
        self.violations = 0
        self.violated: list[str] = []
        self._lock = threading.Lock()

    def admit(self, chat_key: str, per: float, window: float) -> bool:
        with self._lock:
            return self._admit(chat_key, per, window)

    def _admit(self, chat_key: str, per: float, window: float) -> bool:
        now = time.monotonic()
        for times, horizon in ((self.bot, 1.0), (self.keys[chat_key], window)):
            while times and times[0] <= now - horizon:
                times.popleft()
        if len(self.bot) >= BOT_PER_S or len(self.keys[chat_key]) >= per:
            self.violations += 1
            self.violated.append("bot" if len(self.bot) >= BOT_PER_S else chat_key)
            return False
        self.bot.append(now)
        self.keys[chat_key].append(now)
        self.arrivals.append(now)
        return True


class TelegramLikeSink:
    """Spends the bot's, the chat's or the group's budget; answers 429 when over it."""

    platform: ClassVar[str] = "telegram-books"

    def __init__(self, channel: ChannelInfo, books: TelegramBooks) -> None:
        self.channel = channel
        self.books = books
        self.group = channel.target.startswith("group")

    async def start(self) -> None:
        return None

    async def send(self, message: Message) -> Receipt:
        per, window = (GROUP_PER_MIN, 60.0) if self.group else (CHAT_PER_S, 1.0)
        if not self.books.admit(self.channel.target, per, window):
            raise RateLimited(1.0, "429 Too Many Requests")
        return Receipt(str(message.delivery_id))

    def rate_limits(self, message: Message) -> list[RateLimit]:
        if self.group:
            chat = RateLimit(f"tg:{self.channel.target}", GROUP_PER_MIN / 60.0, 1.0)
        else:
            chat = RateLimit(f"tg:{self.channel.target}", CHAT_PER_S, 1.0)
        # A burst of 1.5 absorbs a token taken up to 17 ms late; 31 messages still need
        # (31 - 1.5) / (30 * 0.97, the limiter's margin) = 1.014 s, more than a second
        # by more than the limiter lets a send lag behind its token (STALL_SECONDS).
        return [RateLimit("tg:bot", BOT_PER_S, 1.5), chat]

    async def close(self) -> None:
        return None


def _settings(chats: int, groups: int) -> Settings:
    targets = [f"chat{i}" for i in range(chats)] + [f"group{i}" for i in range(groups)]
    return Settings.model_validate(
        {
            "channels": {t: {"platform": "memory", "target": t} for t in targets},
            "routes": [{"name": "all", "to": targets}],
        }
    )


def _seed(engine: Any, messages: int, chats: int, groups: int, per_group: int) -> None:
    """``per_group`` messages to each group, the rest spread over the chats, interleaved."""
    now = utcnow()
    with transaction(engine) as session:
        sync_config(session, _settings(chats, groups))
        ids = channel_ids(session)
    group_slots = set(range(0, messages, max(1, messages // max(1, groups * per_group))))
    rows, chat_n, group_n = [], 0, 0
    for n in range(messages):
        if n in group_slots and group_n < groups * per_group:
            key, group_n = f"group{group_n % groups}", group_n + 1
        else:
            key, chat_n = f"chat{chat_n % chats}", chat_n + 1
        rows.append(
            {
                "channel_id": ids[key],
                "kind": "alert",
                "dedup_key": f"rate-{n}",
                "payload": {"title": f"Message {n}"},
                "mode": "immediate",
                "status": "pending",
                "attempts": 0,
                "max_attempts": DEFAULT_MAX_ATTEMPTS,
                "due_at": now,
                "created_at": now,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(Delivery), rows)


async def _run_workers(urls: list[str], books: TelegramBooks, messages: int) -> None:
    """Several workers in this event loop, each with its own engine and limiter."""
    config = WorkerConfig(concurrency=8, batch_size=25, poll_interval=0.05, max_rate_wait=2.0)
    engines = [make_engine(url) for url in urls]
    stop = asyncio.Event()

    def sinks() -> ChannelSinks:
        def build(row: ChannelRow) -> TelegramLikeSink:
            return TelegramLikeSink(ChannelInfo(row.key, row.platform, row.target), books)

        return ChannelSinks(build)

    tasks = [asyncio.create_task(Worker(e, sinks(), config=config).run(stop)) for e in engines]
    try:
        while len(books.arrivals) < messages:
            if any(task.done() for task in tasks):
                await asyncio.gather(*tasks)
                raise RuntimeError("a worker stopped early")
            await asyncio.sleep(0.1)
        stop.set()
        await asyncio.gather(*tasks)
    finally:
        for engine in engines:
            engine.dispose()


def run_ratelimit_bench(
    server_url: str | None,
    messages: int = 2000,
    chats: int = 50,
    groups: int = 5,
    workers: int = 4,
    per_group: int = 16,
) -> dict[str, Any]:
    """Send ``messages`` through ``workers`` workers; the ``--json`` object."""
    books = TelegramBooks()

    def go(url: str) -> None:
        engine = make_engine(url)
        upgrade(engine)
        _seed(engine, messages, chats, groups, per_group)
        engine.dispose()
        asyncio.run(_run_workers([url] * workers, books, messages))

    if server_url:
        with scratch_postgres_database(server_url, prefix="hub_bench_rate") as url:
            go(url)
    else:
        with tempfile.TemporaryDirectory() as folder:
            go(f"sqlite:///{Path(folder) / 'bench.db'}")
    span = books.arrivals[-1] - books.arrivals[0]
    return {
        "mode": "in-process",
        "workers": workers,
        "peak_1s": peak_1s(books.arrivals),
        "messages": len(books.arrivals),
        "limit_per_s": BOT_PER_S,
        "achieved_per_s": round((len(books.arrivals) - 1) / span, 2),
        "violations_429": books.violations,
    }


def render_ratelimit_bench(result: dict[str, Any]) -> str:
    share = result["achieved_per_s"] / result["limit_per_s"] * 100
    platform = result.get("platform", "telegram")
    text = (
        f"rate limits ({platform}, {result['mode']}, {result['workers']} workers): "
        f"{result['violations_429']} answered 429; {result['messages']} messages at "
        f"{result['achieved_per_s']:g}/s ({share:.1f}% of the {result['limit_per_s']:g}/s "
        f"ceiling), busiest second {result['peak_1s']}"
    )
    if result.get("scaled"):
        text += f"\nscaled to fit a short run: {result['scaled']}"
    return text


def peak_1s(arrivals: list[float]) -> int:
    """The most arrivals in any one-second window ``[t, t + 1)`` (what Telegram counts)."""
    times = sorted(arrivals)
    peak, first = 0, 0
    for last, at in enumerate(times):
        while times[first] <= at - 1.0:
            first += 1
        peak = max(peak, last - first + 1)
    return peak


# --- across processes: real workers, the real sink, the platform's stand-in ----------

BOT_TOKEN = "700100:ratelimit-bench-bot"
CHAT_BASE = 1_000_000
SLACK_TOKEN = "xoxb-ratelimit-bench"
MASTODON_TOKEN = "ratelimit-bench-token"
BLUESKY_HANDLE, BLUESKY_PASSWORD = "iopd.bsky.social", "ratelimit-bench-pass"
SECRET_ENV = "RATELIMIT_BENCH_SECRET"
PLATFORMS = ("telegram", "slack", "mastodon", "bluesky")


@dataclass
class Platform:
    """One platform's run: its stand-in, the channels the workers post to, its ceiling.

    ``limit_per_s`` is what the platform allows the run's channels per second, as its
    documentation states it; ``burst`` is how many sends the sink's budget lets out at
    once at the start (its bucket full): for a budget counted over hours a run of two
    minutes sees its burst and then its pace, and ``achieved_per_s`` is that pace, the
    sends after the burst over the time they took (``(messages - burst) / span``).
    """

    name: str
    messages: int
    limit_per_s: float
    burst: int = 0
    note: str = ""
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    secret: str = ""
    standin: Any = None
    admitted: list[float] = field(default_factory=list)
    """When the stand-in admitted each send (its clock)."""
    by_key: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    refused: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    """Sends a window of the stand-in turned away, by window (Telegram: bot, chat)."""


class _Noting(FloodWindow):
    """A stand-in's own flood window (same count and length, same rule) that also notes
    when each send was admitted and how often it turned one away."""

    def __init__(
        self, window: FloodWindow, run: Platform, name: str, *, admissions: bool = True
    ) -> None:
        super().__init__(window.count, window.seconds)
        self.run, self.name, self.admissions = run, name, admissions

    def wait(self, key: str, now: float) -> float:
        wait = super().wait(key, now)
        if wait > 0:
            self.run.refused[self.name] += 1
        return wait

    def record(self, key: str, now: float) -> None:
        super().record(key, now)
        if self.admissions:
            self.run.admitted.append(now)
        else:
            self.run.by_key[key].append(now)


def _platform(name: str, base: Platform | None = None) -> Platform:
    """The stand-in (not started) and the run's shape for ``name``."""
    if name == "telegram":
        from bots.telegram.standin import TelegramStandIn

        # core.telegram.org/bots/faq ("My bot is hitting limits"): "not more than 30
        # messages per second or so" to many users, "avoid sending more than one message
        # per second" in one chat; the stand-in reads them as 30 in any one-second window
        # per bot and 1 in any second per private chat (bots/telegram/standin.py)
        telegram = TelegramStandIn(tokens=(BOT_TOKEN,))
        run = Platform("telegram", 2000, 30.0, secret=BOT_TOKEN, standin=telegram)
        telegram._per_bot = _Noting(telegram._per_bot, run, "bot")
        telegram._per_private = _Noting(telegram._per_private, run, "chat", admissions=False)
        return run
    if name == "slack":
        from bots.limits import SLACK
        from bots.slack.standin import SlackStandIn

        # docs.slack.dev/reference/methods/chat.postMessage (Rate limits: "Special"): about
        # one message a second per channel, short bursts allowed; five channels at once
        slack = SlackStandIn(tokens=(SLACK_TOKEN,))
        run = Platform(
            "slack",
            350,
            5 * SLACK.per_channel_per_second,
            note="5 channels at Slack's 1 message/s each, 350 messages (about 70 s)",
            secret=SLACK_TOKEN,
            standin=slack,
        )
        slack._flood = _Noting(slack._flood, run, "channel")
        return run
    if name == "mastodon":
        from bots.limits import MASTODON
        from bots.mastodon.standin import MastodonStandIn

        # app/lib/rate_limiter.rb (FAMILIES statuses: 300 per 3 hours per account), as
        # the stand-in plays it; the sink's bucket lets 10 out at once, then one every 37 s
        mastodon = MastodonStandIn(tokens={MASTODON_TOKEN: "iopd"})
        burst = int(MASTODON.burst)
        run = Platform(
            "mastodon",
            burst + 2,
            MASTODON.statuses_per_window / MASTODON.window_seconds,
            burst=burst,
            note=(
                "one account, 300 statuses per 3 hours: its burst of 10 and 2 statuses at "
                "its pace (about 75 s), not 3 hours"
            ),
            secret=MASTODON_TOKEN,
            standin=mastodon,
        )
        mastodon._window = _Noting(mastodon._window, run, "account")
        return run
    if name == "bluesky":
        from bots.bluesky.standin import BlueskyStandIn
        from bots.limits import BLUESKY

        admitted: list[float] = []

        class Noting(BlueskyStandIn):
            """Notes the moment each write was admitted (its points spent)."""

            def _spend(self, account: Any, headers: dict[str, str], cost: int) -> None:
                super()._spend(account, headers, cost)
                admitted.append(self.clock())

        # docs.bsky.app/docs/advanced-guides/rate-limits: 5,000 write points an hour, a
        # create costs 3 (1,666 posts an hour); the sink's bucket lets 10 out at once
        bluesky = Noting(accounts={BLUESKY_HANDLE: BLUESKY_PASSWORD})
        burst = int(BLUESKY.burst)
        return Platform(
            "bluesky",
            burst + 40,
            BLUESKY.write_points_per_hour / 3 / 3600,
            burst=burst,
            note=(
                "one account, 5,000 write points an hour (1,666 posts): its burst of 10 "
                "and 40 posts at its pace (about 90 s), not an hour"
            ),
            secret=BLUESKY_PASSWORD,
            standin=bluesky,
            admitted=admitted,
        )
    raise ValueError(f"unknown platform {name!r}: one of {', '.join(PLATFORMS)}")


def _channels(run: Platform, base_url: str, chats: int) -> dict[str, dict[str, Any]]:
    """The deployment's channels on the stand-in at ``base_url`` (made known to it)."""

    def channel(platform: str, target: str) -> dict[str, Any]:
        return {
            "platform": platform,
            "target": target,
            "token_env": SECRET_ENV,
            "base_url": base_url,
        }

    standin = run.standin
    if run.name == "telegram":
        for n in range(chats):
            standin.add_chat(CHAT_BASE + n, type="private", title=f"Rate {n}")
        return {f"telegram{n}": channel("telegram", str(CHAT_BASE + n)) for n in range(chats)}
    if run.name == "slack":
        for n in range(5):
            standin.add_channel(f"C{n:08d}", f"rate-{n}")
        return {f"slack{n}": channel("slack", f"C{n:08d}") for n in range(5)}
    if run.name == "mastodon":
        return {"mastodon0": channel("mastodon", "@iopd@mastodon.standin")}
    return {"bluesky0": channel("bluesky", BLUESKY_HANDLE)}


def _seed_items(engine: Any, settings: Settings, messages: int) -> None:
    """One approved item per message, its delivery to the channels in turn."""
    from hub.bench.chaos import _item
    from hub.core.models import Item

    now = utcnow()
    with transaction(engine) as session:
        ids = channel_ids(session)
    keys = sorted(ids, key=lambda k: int(k.lstrip("abcdefghijklmnopqrstuvwxyz")))
    with engine.begin() as conn:
        items = conn.execute(
            insert(Item).returning(Item.id, sort_by_parameter_order=True),
            [_item(n, now) for n in range(messages)],
        ).all()
        rows = [
            {
                "channel_id": ids[keys[n % len(keys)]],
                "item_id": item_id,
                "kind": "item",
                "dedup_key": None,
                "payload": {},
                "mode": "immediate",
                "status": "pending",
                "attempts": 0,
                "max_attempts": DEFAULT_MAX_ATTEMPTS,
                "due_at": now,
                "created_at": now,
            }
            for n, (item_id,) in enumerate(items)
        ]
        conn.execute(insert(Delivery), rows)


def _sent(engine: Any) -> int:
    from sqlalchemy import func, select

    with engine.connect() as conn:
        query = select(func.count()).select_from(Delivery).where(Delivery.status == "sent")
        return int(conn.execute(query).scalar() or 0)


def _wait_started(log: Path, workers: int, running: list[Any], deadline: float) -> None:
    """Until every worker process has said it started (its imports and connections done)."""
    until = time.monotonic() + deadline
    while log.read_text(errors="replace").count(" started") < workers:
        if any(p.poll() is not None for p in running):
            raise RuntimeError(f"a worker stopped early: {log.read_text()[-3000:]}")
        if time.monotonic() > until:
            raise RuntimeError(f"the workers did not start within {deadline:g} s")
        time.sleep(0.1)


_STOPPED = re.compile(r"stopped: .*?(\d+) forfeited")


def run_ratelimit_processes(
    server_url: str | None,
    messages: int | None = None,
    chats: int = 50,
    workers: int = 4,
    deadline: float = 600.0,
    platform: str = "telegram",
    trace: Path | None = None,
) -> dict[str, Any]:
    """``workers`` real ``hub worker`` processes send ``messages`` through ``platform``'s
    real sink to its stand-in (Telegram: ``chats`` private chats of one bot); the
    ``--json`` object.

    The workers start first and the messages are queued once every one of them has
    said so: the figure is the platform's pace across processes, not how long Python
    takes to start four processes on a busy machine."""
    from hub.bench.chaos import _Loop, _write_config, start_worker

    run = _platform(platform)
    count = messages or run.messages
    standin = run.standin
    loop = _Loop()
    try:
        base_url = loop.run(standin.start())
        channels = _channels(run, base_url, chats)
        data = {"hub": {"languages": ["en"]}, "channels": channels}
        data["routes"] = [{"name": "all", "to": list(channels)}]
        settings = Settings.model_validate(data)
        with tempfile.TemporaryDirectory() as folder_name, _database(server_url) as url:
            folder = Path(folder_name)
            config = _write_config(folder, data)
            if url.startswith("sqlite"):
                workers = 1  # SQLite serves one worker process
            engine = make_engine(url)
            log = folder / "workers.log"
            log.touch()
            env = {SECRET_ENV: run.secret}
            try:
                upgrade(engine)
                with transaction(engine) as session:
                    sync_config(session, settings)
                running = [start_worker(config, url, log, env=env) for _ in range(workers)]
                try:
                    _wait_started(log, workers, running, deadline)
                    seeded = time.monotonic(), utcnow()
                    _seed_items(engine, settings, count)
                    started = time.monotonic()
                    while _sent(engine) < count:
                        if any(p.poll() is not None for p in running):
                            raise RuntimeError(f"a worker stopped early: {log.read_text()[-3000:]}")
                        if time.monotonic() - started > deadline:
                            raise RuntimeError(f"not done after {deadline:g} s")
                        time.sleep(0.2)
                finally:
                    for process in running:
                        process.terminate()
                    codes = [process.wait(timeout=30) for process in running]
                if any(codes):
                    raise RuntimeError(f"workers exited with {codes}: {log.read_text()[-3000:]}")
                forfeited = sum(int(n) for n in _STOPPED.findall(log.read_text()))
                if trace is not None:
                    _write_trace(trace, engine, run, seeded, log.read_text())
            finally:
                engine.dispose()
    finally:
        loop.run(standin.close())
        loop.close()
    admitted = sorted(run.admitted)
    violations = sum(1 for r in list(standin.received) if r.status == 429)
    span = admitted[-1] - admitted[0] if len(admitted) > 1 else 0.0
    paced = len(admitted) - max(1, run.burst)
    achieved = round(paced / span, 4) if span and paced > 0 else 0.0
    result = {
        "mode": "processes",
        "platform": run.name,
        "workers": workers,
        "messages": len(admitted),
        "limit_per_s": round(run.limit_per_s, 4),
        "achieved_per_s": achieved,
        "achieved_share": round(achieved / run.limit_per_s, 4),
        "violations_429": violations,
        "peak_1s": peak_1s(admitted),
        "forfeited": forfeited,
    }
    if run.burst:
        result["burst"] = run.burst
    if run.note:
        result["scaled"] = run.note
    if run.name == "telegram":
        result["min_chat_gap_s"] = min_gap(run.by_key.values())
    if run.refused:
        result["violations_by_rule"] = dict(sorted(run.refused.items()))
    return result


def _write_trace(
    path: Path, engine: Any, run: Platform, seeded: tuple[float, Any], log: str
) -> None:
    """What happened, for a look at where the time went: the stand-in's admissions (its
    monotonic clock) and the ledger's attempts (wall clock), ``seeded`` on both clocks."""
    import json

    from sqlalchemy import select

    from hub.core.models import Channel, DeliveryAttempt

    with engine.connect() as conn:
        rows = conn.execute(
            select(
                DeliveryAttempt.delivery_id,
                Channel.target,
                DeliveryAttempt.worker,
                DeliveryAttempt.started_at,
                DeliveryAttempt.finished_at,
                DeliveryAttempt.outcome,
            )
            .join(Channel, Channel.id == DeliveryAttempt.channel_id)
            .order_by(DeliveryAttempt.id)
        ).all()
    wall = seeded[1].timestamp()
    data = {
        "admitted": sorted(run.admitted),
        "by_key": {k: v for k, v in run.by_key.items()},
        "refused": dict(run.refused),
        "seeded_mono": seeded[0],
        "attempts": [
            [d, target, worker, s.timestamp() - wall, f.timestamp() - wall, outcome]
            for d, target, worker, s, f, outcome in rows
        ],
        "log": log[-20000:],
    }
    path.write_text(json.dumps(data))


def min_gap(arrivals: Any) -> float | None:
    """The shortest time between two admitted messages to one chat (Telegram wants 1 s)."""
    gaps = [b - a for times in arrivals for a, b in itertools.pairwise(times)]
    return round(min(gaps), 4) if gaps else None


@contextmanager
def _database(server_url: str | None) -> Iterator[str]:
    if server_url:
        with scratch_postgres_database(server_url, prefix="hub_bench_rate") as url:
            yield url
    else:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'bench.db'}"

"""``hub bench chaos``: kill worker processes with SIGKILL mid-run; count what was lost.

Real ``hub worker`` processes deliver to the Slack, Telegram and Mailchimp
stand-ins (loopback servers speaking each platform's API, run by this
process) through the real sinks and client libraries: Slack posts, Telegram
messages and Mailchimp campaign sends (campaigns made in the stand-in
beforehand, one ``campaign`` delivery each). While they work, worker
processes are killed at random points of the run (by delivered count):

- ``kill``: a busy worker gets SIGKILL from outside, wherever it is;
- ``after accept``: a busy worker is stopped (SIGTERM) and replaced by one with
  the chaos hook armed (``HUB_CHAOS_KILL_AFTER_ACCEPT``), which SIGKILLs itself
  right after a platform accepted a message and before the hub recorded it.

Every killed worker is replaced; optionally the database server also drops
every worker's connection (``pg_terminate_backend``). At the end the
survivors get SIGTERM and must exit 0. Then, per platform and in total:

- lost: deliveries the platform never received, unless the hub marked them
  failed or dead (it never gave up on one here): must be 0;
- duplicates: messages the platform received more than once for one delivery.
  Slack looks for an in-doubt post in the channel's history before posting
  again (0 expected); a Mailchimp campaign is never sent again without reading
  its status (0, and Mailchimp refuses a second send anyway); Telegram has no
  idempotency key, so a kill after Telegram accepted a message repeats it (at
  most one per kill: workers run ``--concurrency 1 --record-each``);
- kills: kills that left deliveries of that platform in flight (one kill may
  count for several platforms; the total counts each kill once);
  kills_after_accept: self-kills whose accepted message was on that platform.

Also reported: ``slack_history_lookups`` (Slack sends in doubt that read the
channel's history first) and ``mailchimp_sends_refused_as_repeats`` (second
sends Mailchimp refused: 0 when the sink reads the status before sending).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, func, insert, select, text

from hub.bench import scratch_postgres_database
from hub.core.bus.states import DEFAULT_MAX_ATTEMPTS
from hub.core.bus.worker import CHAOS_KILL_AFTER_ACCEPT, CHAOS_LOG
from hub.core.config.catalog import channel_ids, sync_config
from hub.core.config.settings import Settings
from hub.core.db import make_engine, transaction, upgrade
from hub.core.models import Delivery, Item, utcnow

LEASE_SECONDS = 3.0  # long enough that a starved but living worker keeps its lease
PLATFORMS = ("slack", "telegram", "mailchimp")
CHANNELS_PER_PLATFORM = 100  # Slack posts 1/s per channel and Telegram 1/s per private chat
TELEGRAM_BOTS = 4  # 30 messages/s per bot
SELF_KILL_PROBABILITY = 0.2  # an armed worker dies after about 5 accepted messages
TITLE = "Chaos news {n}"
_TITLE = re.compile(r"Chaos news (\d+)\b")
SLACK_TOKEN = "xoxb-chaos-bench"
T = TypeVar("T")


# --- the stand-ins -----------------------------------------------------------------


class _Loop:
    """An event loop in a thread, for the aiohttp stand-ins while this thread sleeps."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()


@dataclass
class StandIns:
    """The three platforms on loopback, their channels, and the secrets the workers need."""

    slack: Any
    telegram: Any
    mailchimp: Any
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    environment: dict[str, str] = field(default_factory=dict)


@contextmanager
def _standins(per_platform: int) -> Iterator[StandIns]:
    from bots.slack.standin import SlackStandIn
    from bots.telegram.standin import TelegramStandIn
    from newsletters.standin import MailchimpStandIn

    loop = _Loop()
    bots = tuple(f"{700_000 + n}:chaos-bench-bot-{n}" for n in range(TELEGRAM_BOTS))
    slack = SlackStandIn(tokens=(SLACK_TOKEN,))
    telegram = TelegramStandIn(tokens=bots)
    mailchimp = MailchimpStandIn(list_id="chaos01")
    try:
        slack_url = loop.run(slack.start())
        telegram_url = loop.run(telegram.start())
        mailchimp.start()
        standins = StandIns(slack, telegram, mailchimp)
        standins.environment["CHAOS_SLACK_TOKEN"] = SLACK_TOKEN
        standins.environment["CHAOS_MAILCHIMP_KEY"] = mailchimp.api_key
        for n, token in enumerate(bots):
            standins.environment[f"CHAOS_TELEGRAM_BOT_{n}"] = token
        for n in range(per_platform):
            slack.add_channel(f"C{n:08d}", f"chaos-{n}")
            standins.channels[f"slack{n}"] = _channel(
                "slack", f"C{n:08d}", "CHAOS_SLACK_TOKEN", slack_url
            )
            telegram.add_chat(1_000_000 + n, type="private", title=f"Chaos {n}")
            token_env = f"CHAOS_TELEGRAM_BOT_{n % TELEGRAM_BOTS}"
            standins.channels[f"telegram{n}"] = _channel(
                "telegram", str(1_000_000 + n), token_env, telegram_url
            )
        standins.channels["mailchimp0"] = _channel(
            "mailchimp", "chaos01", "CHAOS_MAILCHIMP_KEY", mailchimp.base_url
        )
        yield standins
    finally:
        mailchimp.close()
        loop.run(slack.close())
        loop.run(telegram.close())
        loop.close()


def _channel(platform: str, target: str, token_env: str, base_url: str) -> dict[str, Any]:
    return {"platform": platform, "target": target, "token_env": token_env, "base_url": base_url}


def _new_campaign(mailchimp: Any, n: int) -> str:
    """A campaign ready to send in the Mailchimp stand-in (as ``hub newsletter push`` leaves it)."""
    state = mailchimp.state
    if not state.members:  # Mailchimp sends no campaign that reaches nobody
        state.add_subscriber("reader@example.org")
    body = {"type": "regular", "recipients": {"list_id": state.list_id}}
    body["settings"] = {
        "subject_line": f"Chaos edition {n}",
        "from_name": "IOPD",
        "reply_to": "secretariat@example.org",
    }
    status, created = state.create_campaign(body=body)
    assert status == 200, created
    campaign_id = str(created["id"])
    content = {"html": f"<p>Edition {n}</p>", "plain_text": f"Edition {n}"}
    state.set_content(campaign_id, body=content)
    return campaign_id


# --- the deployment ----------------------------------------------------------------


def _settings(channels: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], Settings]:
    posting = [key for key, c in channels.items() if c["platform"] != "mailchimp"]
    data = {
        "hub": {"languages": ["en"]},
        "channels": channels,
        "routes": [{"name": "all", "to": posting}],
    }
    return data, Settings.model_validate(data)


def _write_config(folder: Path, data: dict[str, Any]) -> Path:
    lines = ['[hub]\nlanguages = ["en"]\n']
    for key, channel in data["channels"].items():
        lines.append(f"[channels.{key}]")
        lines.extend(f"{name} = {json.dumps(value)}" for name, value in channel.items())
        lines.append("")
    to = json.dumps(data["routes"][0]["to"])
    lines.append(f'[[routes]]\nname = "all"\nto = {to}\n')
    config = folder / "hub.toml"
    config.write_text("\n".join(lines))
    return config


@dataclass
class Plan:
    """What was queued: each delivery's platform, and how to recognise it on arrival."""

    platform_of: dict[int, str] = field(default_factory=dict)
    by_title: dict[int, int] = field(default_factory=dict)  # title number -> delivery id
    by_campaign: dict[str, int] = field(default_factory=dict)  # campaign id -> delivery id
    channel_platform: dict[int, str] = field(default_factory=dict)  # channel id -> platform


def _seed(engine: Engine, settings: Settings, standins: StandIns, count: int) -> Plan:
    """Queue ``count`` deliveries, the platforms in turn, each platform's channels in turn."""
    now = utcnow()
    with transaction(engine) as session:
        sync_config(session, settings)
        ids = channel_ids(session)
    keys = {p: sorted(k for k in ids if k.startswith(p)) for p in PLATFORMS}
    plan = Plan(channel_platform={ids[k]: p for p, ks in keys.items() for k in ks})
    wanted = [(n, PLATFORMS[n % len(PLATFORMS)]) for n in range(count)]
    posts = [n for n, platform in wanted if platform != "mailchimp"]
    rows: list[dict[str, Any]] = []
    campaign_of: dict[int, str] = {}
    with engine.begin() as conn:
        created = conn.execute(
            insert(Item).returning(Item.id, sort_by_parameter_order=True),
            [_item(n, now) for n in posts],
        ).all()
        item_of = {n: row[0] for n, row in zip(posts, created, strict=True)}
        for n, platform in wanted:
            turn = keys[platform][(n // len(PLATFORMS)) % len(keys[platform])]
            row = {"channel_id": ids[turn], "status": "pending", "attempts": 0}
            row |= {
                "max_attempts": DEFAULT_MAX_ATTEMPTS,
                "due_at": now,
                "created_at": now,
                "mode": "immediate",
            }
            if platform == "mailchimp":
                campaign = campaign_of[n] = _new_campaign(standins.mailchimp, n)
                extra = {"campaign_id": campaign}
                payload = {"title": f"Chaos edition {n}", "extra": extra}
                row |= {"item_id": None, "kind": "campaign", "dedup_key": f"chaos-{campaign}"}
                row |= {"payload": payload}
            else:
                row |= {"item_id": item_of[n], "kind": "item", "dedup_key": None, "payload": {}}
            rows.append(row)
        statement = insert(Delivery).returning(Delivery.id, sort_by_parameter_order=True)
        delivered = conn.execute(statement, rows).all()
    for (n, platform), (delivery_id,) in zip(wanted, delivered, strict=True):
        plan.platform_of[delivery_id] = platform
        if platform == "mailchimp":
            plan.by_campaign[campaign_of[n]] = delivery_id
        else:
            plan.by_title[n] = delivery_id
    return plan


def _item(n: int, now: dt.datetime) -> dict[str, Any]:
    return {
        "title": TITLE.format(n=n),
        "summary_text": f"Body of chaos news {n}",
        "summary_html": "",
        "language": "en",
        "tags": [],
        "countries": [],
        "regions": [],
        "status": "approved",
        "created_at": now,
        "updated_at": now,
    }


# --- the workers -------------------------------------------------------------------


def start_worker(
    config: Path, url: str, log: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """A real ``hub worker`` process for the benchmark's deployment."""
    hub = [sys.executable, "-c", "from hub.cli import main; main()", "--config", str(config)]
    options = ["--database-url", url, "--lease", str(LEASE_SECONDS), "--poll", "0.1"]
    command = [*hub, "worker", *options, *extra]
    with log.open("ab") as out:
        return subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )


def _count(engine: Engine, *statuses: str) -> int:
    with engine.connect() as conn:
        query = select(func.count()).select_from(Delivery).where(Delivery.status.in_(statuses))
        return int(conn.execute(query).scalar() or 0)


def _in_flight_of(engine: Engine, pid: int) -> list[int]:
    """Channel ids of the deliveries a (dead) worker process still holds in flight."""
    with engine.connect() as conn:
        query = select(Delivery.channel_id).where(
            Delivery.status == "in_flight", Delivery.leased_by.like(f"%:{pid}:%")
        )
        return [row[0] for row in conn.execute(query)]


def _terminate_backends(engine: Engine) -> int:
    """Drop every other connection to the database, as a server restart would."""
    with engine.connect() as conn:
        return len(
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).all()
        )


@dataclass
class Crew:
    """The running workers, and how each kill landed."""

    config: Path
    url: str
    log: Path
    engine: Engine
    plan: Plan
    environment: dict[str, str]
    rng: random.Random
    deadline: float
    running: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: dict[int, Path] = field(default_factory=dict)
    kills: int = 0
    after_accept: int = 0
    kills_by_platform: Counter[str] = field(default_factory=Counter)
    after_accept_by_platform: Counter[str] = field(default_factory=Counter)
    extra: tuple[str, ...] = ("--concurrency", "1", "--batch-size", "5", "--record-each")

    def start(self, armed: bool = False) -> subprocess.Popen[bytes]:
        """A worker writing to a log of its own: a worker that fails shows its own output
        (a traceback is not tagged with its process, and workers overlap in time)."""
        env = dict(self.environment)
        if armed:
            env |= {CHAOS_KILL_AFTER_ACCEPT: str(SELF_KILL_PROBABILITY)}
            env |= {CHAOS_LOG: str(self.log.with_name("self-kills.jsonl"))}
        log = self.log.with_name(f"{self.log.stem}-{len(self.logs) + 1}.log")
        process = start_worker(self.config, self.url, log, *self.extra, env=env)
        self.logs[process.pid] = log
        self.running.append(process)
        return process

    def output(self, pid: int | None = None) -> str:
        """What one worker printed, or every worker in the order they started, each
        under a line naming its process."""
        pids = list(self.logs) if pid is None else [pid]
        return "".join(
            f"--- worker process {p} ---\n{self.logs[p].read_text(errors='replace')}" for p in pids
        )

    def busy_victim(self) -> subprocess.Popen[bytes]:
        """A worker holding deliveries in flight (so the kill lands in the middle of work)."""
        started = time.monotonic()
        while True:
            with self.engine.connect() as conn:
                query = select(Delivery.leased_by).where(Delivery.status == "in_flight")
                holders = {str(row[0]) for row in conn.execute(query)}
            busy = [p for p in self.running if any(f":{p.pid}:" in h for h in holders)]
            if busy:
                return self.rng.choice(busy)
            if time.monotonic() - started > self.deadline:
                raise RuntimeError("no worker holds any delivery")
            time.sleep(0.02)

    def _count_kill(self, pid: int) -> None:
        self.kills += 1
        channels = _in_flight_of(self.engine, pid)
        for platform in {self.plan.channel_platform[c] for c in channels}:
            self.kills_by_platform[platform] += 1

    def kill(self) -> None:
        victim = self.busy_victim()
        self.running.remove(victim)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        self._count_kill(victim.pid)
        self.start()

    def kill_after_accept(self) -> None:
        """Swap a busy worker for an armed one and wait until it kills itself."""
        victim = self.busy_victim()
        self.running.remove(victim)
        victim.send_signal(signal.SIGTERM)
        victim.wait(timeout=30)
        armed = self.start(armed=True)
        started = time.monotonic()
        while armed.poll() is None:
            if time.monotonic() - started > self.deadline:
                raise RuntimeError("the armed worker never killed itself")
            if not _count(self.engine, "pending", "in_flight"):
                return  # nothing left to send: this kill does not happen (and is not counted)
            time.sleep(0.02)
        if armed.returncode != -signal.SIGKILL:
            raise RuntimeError(f"the armed worker exited with {armed.returncode}")
        self.running.remove(armed)
        self._count_kill(armed.pid)
        self.after_accept += 1
        for line in self.log.with_name("self-kills.jsonl").read_text().splitlines():
            entry = json.loads(line)
            if entry["pid"] == armed.pid:
                self.after_accept_by_platform[self.plan.platform_of[entry["delivery_id"]]] += 1
        self.start()

    def _wait_started(self, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
        """Until ``process`` says it started (or ended): a SIGTERM during Python's start-up
        ends it before its handler exists (-15), which says nothing about the worker."""
        said = re.compile(rf"worker \S+:{process.pid}:\S+ started")
        limit = time.monotonic() + timeout
        while process.poll() is None and time.monotonic() < limit:
            if said.search(self.output(process.pid)):
                return
            time.sleep(0.1)

    def stop(self) -> dict[int, int]:
        """SIGTERM to every running worker: each one's exit code, by process id."""
        codes = {}
        for process in self.running:
            self._wait_started(process)
        for process in self.running:
            process.send_signal(signal.SIGTERM)
        for process in self.running:
            try:
                codes[process.pid] = process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                codes[process.pid] = process.wait()
        return codes


# --- counting ----------------------------------------------------------------------


def _received(standins: StandIns, plan: Plan) -> Counter[int]:
    """How many times each delivery reached its platform, by delivery id."""
    from bots.slack.sink import delivery_of

    received: Counter[int] = Counter()
    for message in list(standins.slack.stored.values()):
        found = delivery_of({"metadata": message.metadata or {}})
        if found is not None and not message.deleted:
            received[found] += 1
    for message in list(standins.telegram.stored.values()):
        title = _TITLE.search(message.text)
        if title and int(title.group(1)) in plan.by_title and not message.deleted:
            received[plan.by_title[int(title.group(1))]] += 1
    for campaign_id in list(standins.mailchimp.state.sends):
        if campaign_id in plan.by_campaign:
            received[plan.by_campaign[campaign_id]] += 1
    return received


def _given_up(engine: Engine) -> set[int]:
    with engine.connect() as conn:
        query = select(Delivery.id).where(Delivery.status.in_(("failed", "dead")))
        return {row[0] for row in conn.execute(query)}


def _refused_repeat_sends(standins: StandIns) -> int:
    """Campaign sends Mailchimp refused as already sent (the sink reads the status first)."""
    return sum(
        1
        for r in list(standins.mailchimp.received)
        if r.method == "POST" and r.path.endswith("/actions/send") and r.status == 400
    )


def _slack_history_lookups(standins: StandIns) -> int:
    """conversations.history calls: Slack sends in doubt looked up before posting again."""
    return sum(1 for r in list(standins.slack.received) if r.method == "conversations.history")


def _summary(crew: Crew, received: Counter[int], given_up: set[int]) -> dict[str, Any]:
    platforms: dict[str, dict[str, int]] = {}
    for platform in PLATFORMS:
        mine = [d for d, p in crew.plan.platform_of.items() if p == platform]
        platforms[platform] = {
            "deliveries": len(mine),
            "kills": crew.kills_by_platform[platform],
            "kills_after_accept": crew.after_accept_by_platform[platform],
            "lost": sum(1 for d in mine if not received[d] and d not in given_up),
            "duplicates": sum(max(0, received[d] - 1) for d in mine),
            "failed": sum(1 for d in mine if d in given_up),
        }
    return {
        "deliveries": len(crew.plan.platform_of),
        "kills": crew.kills,
        "kills_after_accept": crew.after_accept,
        "lost": sum(p["lost"] for p in platforms.values()),
        "duplicates": sum(p["duplicates"] for p in platforms.values()),
        "failed": sum(p["failed"] for p in platforms.values()),
        "platforms": platforms,
    }


# --- the run -----------------------------------------------------------------------


@contextmanager
def _database(server_url: str | None) -> Iterator[str]:
    if server_url:
        with scratch_postgres_database(server_url, prefix="hub_bench_chaos") as url:
            yield url
    else:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'chaos.db'}"


def _schedule(
    rng: random.Random, deliveries: int, kills: int, after_accept: int, drops: int
) -> list[tuple[int, str]]:
    """Random points of the run (delivered counts) and what happens at each."""
    events = ["kill"] * (kills - after_accept) + ["accept"] * after_accept + ["drop"] * drops
    rng.shuffle(events)
    points = sorted(rng.randint(deliveries // 50, deliveries * 2 // 3) for _ in events)
    return list(zip(points, events, strict=True))


def run_chaos_bench(
    server_url: str | None,
    deliveries: int = 10_000,
    kills: int = 20,
    workers: int = 3,
    *,
    kills_after_accept: int | None = None,
    connection_drops: int = 0,
    seed: int | None = None,
    deadline: float = 840.0,
    channels: int = CHANNELS_PER_PLATFORM,
) -> dict[str, Any]:
    """The ``--json`` object: ``deliveries``, ``kills``, ``kills_after_accept``, ``lost``,
    ``duplicates`` and ``failed`` in total, the same per platform under ``platforms``.

    ``kills`` counts every kill; ``kills_after_accept`` (default half of them) of
    those are self-kills between a platform's acceptance and the hub's record.
    """
    after_accept = kills // 2 if kills_after_accept is None else min(kills_after_accept, kills)
    rng = random.Random(seed)
    with (
        tempfile.TemporaryDirectory() as folder_name,
        _database(server_url) as url,
        _standins(channels) as standins,
    ):
        folder = Path(folder_name)
        data, settings = _settings(standins.channels)
        config = _write_config(folder, data)
        if url.startswith("sqlite"):
            workers = 1  # SQLite serves one worker process
        engine = make_engine(url)
        try:  # the engine is closed on every path: a leaked connection fails later tests
            upgrade(engine)
            plan = _seed(engine, settings, standins, deliveries)
            log = folder / "workers.log"
            crew = Crew(config, url, log, engine, plan, standins.environment, rng, deadline)
            for _ in range(workers):
                crew.start()
            started = time.monotonic()
            drops = 0
            try:
                for point, event in _schedule(
                    rng, deliveries, kills, after_accept, connection_drops
                ):
                    while _count(engine, "sent", "failed", "dead") < point:
                        _check_time(started, deadline, crew)
                        time.sleep(0.05)
                    if event == "kill":
                        crew.kill()
                    elif event == "accept":
                        crew.kill_after_accept()
                    else:
                        _terminate_backends(engine)
                        drops += 1
                while _count(engine, "pending", "in_flight"):
                    _check_time(started, deadline, crew)
                    time.sleep(0.2)
            finally:
                codes = crew.stop()
            failed = [pid for pid, code in codes.items() if code]
            if failed:
                said = "".join(crew.output(pid) for pid in failed)
                raise RuntimeError(f"workers exited with {codes} after SIGTERM:\n{said}")
            result = _summary(crew, _received(standins, plan), _given_up(engine))
            result["slack_history_lookups"] = _slack_history_lookups(standins)
            result["mailchimp_sends_refused_as_repeats"] = _refused_repeat_sends(standins)
            result["seconds"] = round(time.monotonic() - started, 1)
        finally:
            engine.dispose()
        if os.environ.get("HUB_BENCH_VERBOSE"):
            print(f"{drops} connection drops; log: {crew.output()[-3000:]}", file=sys.stderr)
        return result


def _check_time(started: float, deadline: float, crew: Crew) -> None:
    if time.monotonic() - started > deadline:
        raise RuntimeError(f"not finished after {deadline:g} s: {crew.output()[-3000:]}")


def render_chaos_bench(result: dict[str, Any]) -> str:
    lines = [
        f"chaos: {result['deliveries']} deliveries, {result['kills']} workers killed with "
        f"SIGKILL ({result['kills_after_accept']} after the platform accepted a message): "
        f"{result['lost']} lost, {result['duplicates']} duplicated, {result['failed']} failed"
    ]
    for platform, counts in result["platforms"].items():
        lines.append(
            f"  {platform:<10} {counts['deliveries']:>6} deliveries, kills {counts['kills']}"
            f" ({counts['kills_after_accept']} after accept): {counts['lost']} lost,"
            f" {counts['duplicates']} duplicated, {counts['failed']} failed"
        )
    return "\n".join(lines)

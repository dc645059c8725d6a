"""A real ``hub serve`` on SQLite: SIGTERM drains and exits 0, a restart resumes, nothing is lost.

The process runs the worker, scheduler and bots roles against a recording
sink (one JSON line per message received). It is stopped with SIGTERM while
it is sending; it must exit 0 with no delivery left in flight and the
scheduler's lease given up. A second run must finish what is left, fire the
day's roundup no second time, and every delivery must have been received
exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from known_secrets import SECRETS
from sqlalchemy import func, select

from hub.core.bus.router import approve_item
from hub.core.config.settings import Settings, load_settings
from hub.core.db import make_engine, transaction
from hub.core.models import Delivery, Item, ScheduledRun, utcnow
from hub.core.schedule.scheduler import LEADER_JOB
from hub.runner import prepare_database
from hub.testing.bus import seed_deliveries
from hub.testing.sinks import read_recording

ROOT = Path(__file__).parents[2]
SECRET = SECRETS["SLACK_BOT_TOKEN"]
DELIVERIES = 3000


def write_config(folder: Path) -> Path:
    config = folder / "hub.toml"
    config.write_text(
        f"""
[hub]
data_dir = "{folder}"
languages = ["en"]

[channels.rec]
platform = "recording"
target = "{folder / "rec.jsonl"}"
token_env = "REC_TOKEN"

[channels.digest]
platform = "recording"
target = "{folder / "digest.jsonl"}"
mode = "digest"

[[routes]]
name = "all"
to = ["rec", "digest"]

[schedules.daily]
kind = "roundup"
channel = "digest"
period = "day"
time = "00:00"
""",
        encoding="utf-8",
    )
    return config


def serve(config: Path, folder: Path) -> subprocess.Popen[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
    environ |= {"REC_TOKEN": SECRET, "HUB_LOG_FORMAT": "json"}
    hub = [sys.executable, "-m", "hub", "-c", str(config)]
    options = ["--knowledge", str(folder / "none"), "--drain-seconds", "20"]
    return subprocess.Popen(
        [*hub, "serve", "--role", "worker,scheduler,bots", *options],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def wait_for(condition, what: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def counts(engine) -> dict[str, int]:
    with transaction(engine) as session:
        rows = session.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
        return dict(rows.all())


def stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    return process.returncode, err


def test_sigterm_drains_and_a_restart_resumes_without_loss(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    settings = load_settings(config, {"REC_TOKEN": SECRET})
    engine = make_engine(settings.database_url())
    prepare_database(engine, settings, knowledge_dir=None)
    with transaction(engine) as session:
        item = Item(title="For the digest", language="en", link="https://example.org/a")
        session.add(item)
        session.flush()
        approve_item(session, item, settings, by="test", now=utcnow())
    only_rec = Settings.model_validate({"channels": {"rec": settings.channels["rec"].model_dump()}})
    seed_deliveries(engine, only_rec, DELIVERIES, now=utcnow())
    received = str(tmp_path / "rec.jsonl")

    first = serve(config, tmp_path)
    try:
        wait_for(lambda: len(read_recording(received)) >= 50, "the first sends")
        code, err = stop(first)
    finally:
        if first.poll() is None:
            first.kill()
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert code == 0, err[-3000:]
    assert lines and all("level" in line and "msg" in line for line in lines)
    assert any(line["msg"] == "hub stopped" for line in lines)
    assert SECRET not in err
    assert any(line["msg"].startswith("bots started") for line in lines)
    after_first = counts(engine)
    assert "in_flight" not in after_first
    assert after_first.get("pending", 0) > 0, "stopped too late to show a drain"
    with transaction(engine) as session:
        lease = session.scalar(select(ScheduledRun).where(ScheduledRun.job == LEADER_JOB))
        assert lease is not None and lease.outcome == ""  # leadership given up
        daily = ScheduledRun.job == "schedule.daily"
        assert session.scalar(select(func.count()).select_from(ScheduledRun).where(daily)) == 1

    second = serve(config, tmp_path)
    try:
        wait_for(lambda: set(counts(engine)) <= {"sent", "digested"}, "the rest", limit=120)
        code, err = stop(second)
    finally:
        if second.poll() is None:
            second.kill()
    assert code == 0, err[-3000:]
    with transaction(engine) as session:
        runs = session.scalars(select(ScheduledRun).where(ScheduledRun.job == "schedule.daily"))
        assert [(run.outcome or "").split(" with ")[-1] for run in runs] == ["1 items"]
        roundups = session.scalars(select(Delivery).where(Delivery.kind == "roundup")).all()
        assert [r.status for r in roundups] == ["sent"]
    with transaction(engine) as session:
        sent_ids = set(session.scalars(select(Delivery.id).where(Delivery.status == "sent")))
    assert len(sent_ids) == DELIVERIES + 2  # the seeded ones, the item's own and the roundup
    both = read_recording(received) + read_recording(str(tmp_path / "digest.jsonl"))
    ids = [line["delivery_id"] for line in both]
    assert len(ids) == len(set(ids))  # each message received exactly once...
    assert set(ids) == sent_ids  # ...and every one recorded as sent
    assert roundups[0].payload["title"] in {line["title"] for line in both}
    engine.dispose()

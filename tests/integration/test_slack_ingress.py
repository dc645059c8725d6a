"""``POST /slack/events``: signatures on the raw bytes, the replay window, the inbox."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from asgi_client import AsgiClient
from known_secrets import SECRETS
from sqlalchemy import Engine, func, select
from starlette.applications import Starlette

from bots.runtime import ingress_routes
from bots.slack.standin import (
    command_body,
    event_body,
    interaction_body,
    signed_headers,
)
from hub.core.bus.inbox import InboxRecord, InboxWorker, purge_done
from hub.core.db import transaction
from hub.core.models import InboxEvent

SECRET = SECRETS["SLACK_SIGNING_SECRET"]
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def client(engine: Engine) -> Iterator[AsgiClient]:
    app = Starlette(routes=ingress_routes())
    app.state.engine = engine
    app.state.slack_signing_secret = SECRET
    app.state.clock = lambda: NOW
    with AsgiClient(app) as test_client:
        yield test_client


def mention(event_id: str, text: str = "<@U0HUBBOT> when is the next conference?") -> bytes:
    event = {"type": "app_mention", "user": "U1", "text": text, "channel": "C1", "ts": "1.000100"}
    return event_body(event, event_id, NOW.timestamp())


def post(
    client: AsgiClient,
    body: bytes,
    *,
    age: float = 0,
    content_type: str = JSON,
    retry: int | None = None,
    headers: dict[str, str] | None = None,
) -> Any:
    signed = signed_headers(SECRET, body, NOW.timestamp() - age, content_type, retry)
    return client.post("/slack/events", content=body, headers=signed | (headers or {}))


def rows(engine: Engine) -> list[InboxEvent]:
    with transaction(engine) as session:
        return list(session.scalars(select(InboxEvent).order_by(InboxEvent.id)))


def test_a_signed_event_is_stored_before_the_200(client: AsgiClient, engine: Engine) -> None:
    response = post(client, mention("Ev1"))
    assert response.status_code == 200
    [row] = rows(engine)
    assert (row.platform, row.event_key, row.status) == ("slack", "Ev1", "pending")
    assert row.payload["event"]["type"] == "app_mention"


def test_url_verification_answers_the_challenge(client: AsgiClient, engine: Engine) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "c-123", "token": "x"}).encode()
    response = post(client, body)
    assert response.status_code == 200
    assert response.json() == {"challenge": "c-123"}
    assert rows(engine) == []


REFUSALS = [
    ("tampered", 401),
    ("missing signature", 401),
    ("wrong secret", 401),
    ("missing timestamp", 400),
    ("non-numeric timestamp", 400),
    ("float timestamp", 400),
    ("huge timestamp", 400),
    ("non-ascii signature", 401),
]


def test_unsigned_or_malformed_requests_are_refused_without_5xx(
    client: AsgiClient, engine: Engine
) -> None:
    for case, status in REFUSALS:
        body = mention("Ev2")
        headers = signed_headers(SECRET, body, NOW.timestamp(), JSON)
        if case == "tampered":
            body = body.replace(b"next conference", b"next conferenze")
        elif case == "missing signature":
            del headers["X-Slack-Signature"]
        elif case == "wrong secret":
            headers = signed_headers("another-secret", body, NOW.timestamp(), JSON)
        elif case == "missing timestamp":
            del headers["X-Slack-Request-Timestamp"]
        elif case == "non-numeric timestamp":
            headers["X-Slack-Request-Timestamp"] = "yesterday"
        elif case == "float timestamp":
            headers["X-Slack-Request-Timestamp"] = "1795000000.5"
        elif case == "huge timestamp":
            headers["X-Slack-Request-Timestamp"] = "9" * 40
        elif case == "non-ascii signature":
            headers["X-Slack-Signature"] = "v0=é" + "0" * 63
        encoded = {k: v.encode("latin-1") for k, v in headers.items()}  # as the wire carries them
        response = client.post("/slack/events", content=body, headers=encoded)
        assert response.status_code == status, case
    assert rows(engine) == []


def test_the_replay_window_is_exactly_five_minutes(client: AsgiClient, engine: Engine) -> None:
    for age, status in [(300, 200), (301, 401), (-300, 200), (-301, 401)]:
        assert post(client, mention(f"Ev-age{age}"), age=age).status_code == status, age
    assert [r.event_key for r in rows(engine)] == ["Ev-age300", "Ev-age-300"]


def test_a_thousand_tampered_requests_are_all_refused_and_store_nothing(
    client: AsgiClient, engine: Engine
) -> None:
    statuses = set()
    for n in range(1000):
        body = mention(f"EvT{n}")
        headers = signed_headers(SECRET, body, NOW.timestamp(), JSON)
        tampered = (
            body[: n % len(body)] + bytes([body[n % len(body)] ^ 1]) + body[n % len(body) + 1 :]
        )
        response = client.post("/slack/events", content=tampered, headers=headers)
        statuses.add(response.status_code)
    assert statuses <= {400, 401}
    assert statuses == {401}
    assert rows(engine) == []


def test_slack_retries_are_deduplicated_by_event_id(client: AsgiClient, engine: Engine) -> None:
    for retry in (None, 1, 2):
        assert post(client, mention("Ev3"), retry=retry).status_code == 200
    assert [r.event_key for r in rows(engine)] == ["Ev3"]


def test_a_retry_after_a_failed_first_processing_is_processed(
    client: AsgiClient, engine: Engine
) -> None:
    calls: list[int] = []

    async def flaky(record: InboxRecord, now: dt.datetime) -> None:
        calls.append(record.attempt)
        if len(calls) == 1:
            raise RuntimeError("the assistant was not ready")

    worker = InboxWorker(engine, {"slack": flaky}, clock=lambda: NOW)
    assert post(client, mention("Ev4")).status_code == 200
    assert client.run(worker.run_once()) == 1
    [row] = rows(engine)
    assert row.status == "failed" and "not ready" in (row.last_error or "")
    assert row.next_attempt_at > NOW  # backoff: not due again at once...
    assert client.run(worker.run_once()) == 0
    assert post(client, mention("Ev4"), retry=1).status_code == 200  # ...but Slack's retry is
    assert client.run(worker.run_once()) == 1
    [row] = rows(engine)
    assert (row.status, row.attempts, calls) == ("done", 2, [1, 2])
    assert post(client, mention("Ev4"), retry=2).status_code == 200  # done stays done
    assert client.run(worker.run_once()) == 0


def test_commands_and_interactions_are_stored_once_per_trigger(
    client: AsgiClient, engine: Engine
) -> None:
    command = command_body("/iopd", "when is the next conference", "U1", "C1", "trig.1")
    action = {
        "type": "block_actions",
        "trigger_id": "trig.2",
        "user": {"id": "U9"},
        "actions": [{"action_id": "hub_approve", "value": "7"}],
    }
    interaction = interaction_body(action)
    for _ in range(2):
        assert post(client, command, content_type=FORM).status_code == 200
        assert post(client, interaction, content_type=FORM).status_code == 200
    stored = rows(engine)
    assert [r.payload["kind"] for r in stored] == ["command", "interaction"]
    assert stored[0].event_key.startswith("command:trig.1:")
    assert stored[1].payload["payload"]["actions"][0]["value"] == "7"


def test_a_signed_body_that_is_not_slack_json_is_a_400(client: AsgiClient, engine: Engine) -> None:
    assert post(client, b"{not json").status_code == 400
    # slack_sdk verifies decoded text: bytes that are not UTF-8 cannot be verified
    assert post(client, b"\xff\xfe", content_type=FORM).status_code == 401
    assert post(client, b"[1, 2]").status_code == 400
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(InboxEvent)) == 0


def test_done_events_are_purged_after_the_retry_horizon(client: AsgiClient, engine: Engine) -> None:
    async def ok(record: InboxRecord, now: dt.datetime) -> None:
        return None

    for key in ("EvP1", "EvP2"):
        assert post(client, mention(key)).status_code == 200
    client.run(InboxWorker(engine, {"slack": ok}, clock=lambda: NOW).run_once())
    assert post(client, mention("EvP3")).status_code == 200  # still pending: kept
    assert purge_done(engine, NOW) == 0  # processed at NOW, not before
    assert purge_done(engine, NOW + dt.timedelta(days=3)) == 2
    assert [r.event_key for r in rows(engine)] == ["EvP3"]


def test_the_bots_role_purges_processed_events_a_week_old(
    client: AsgiClient, engine: Engine
) -> None:
    import asyncio

    from bots.runtime import purge_inbox

    async def ok(record: InboxRecord, now: dt.datetime) -> None:
        return None

    assert post(client, mention("EvOld")).status_code == 200
    client.run(InboxWorker(engine, {"slack": ok}, clock=lambda: NOW).run_once())
    assert post(client, mention("EvNew")).status_code == 200

    async def one_round() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(
            purge_inbox(engine, stop, clock=lambda: NOW + dt.timedelta(days=8), every=60)
        )
        await asyncio.sleep(0.2)
        stop.set()
        await task

    client.run(one_round())
    assert [r.event_key for r in rows(engine)] == ["EvNew"]  # pending events stay

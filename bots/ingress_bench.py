"""``python -m bots.ingress_bench [--json]``: what the Slack ingress refuses, how fast it acks.

Serves the real ingress routes with uvicorn on loopback over a fresh SQLite
database (or ``--database-url``), then:

1. sends ``--tampered`` requests, each a signed event with one byte flipped
   (body, timestamp or signature in turn): counts the answers and the inbox
   rows they left (expected: all 401/400, zero rows);
2. sends ``--signed`` valid events, ``--concurrency`` at a time, while an
   inbox worker processes them with a handler that takes ``--slow-handler``
   seconds per event (a slow platform behind the handler): reports the
   acknowledgement latency (p50, p99, max). The acknowledgement waits for the
   inbox commit only, never for the handler;
3. with ``--socket N``, N events over Slack's Socket Mode (the stand-in's
   link, slack_sdk's client, the hub's Bolt app), each sent again as a retry;
   then the role is stopped before anything is processed, as a kill would,
   and a fresh inbox worker must find every event, once.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import socket
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import func, select
from starlette.applications import Starlette

from bots.runtime import ingress_routes
from bots.slack.standin import event_body, signed_headers
from hub.core.bus.inbox import InboxRecord, InboxWorker
from hub.core.db import make_engine, transaction, upgrade
from hub.core.models import InboxEvent

SECRET = "bench-signing-secret"


def tampered(n: int, now: float) -> tuple[bytes, dict[str, str]]:
    body = event_body(
        {"type": "app_mention", "text": f"q {n}", "channel": "C1", "ts": "1.0"}, f"EvTamper{n}", now
    )
    headers = signed_headers(SECRET, body, now, "application/json")
    part = n % 3
    if part == 0:
        at = n % len(body)
        body = body[:at] + bytes([body[at] ^ 1]) + body[at + 1 :]
    elif part == 1:
        headers["X-Slack-Request-Timestamp"] = str(int(now) - 301 - n % 1000)
    else:
        signature = headers["X-Slack-Signature"]
        flip = "0" if signature[-1] != "0" else "1"
        headers["X-Slack-Signature"] = signature[:-1] + flip
    return body, headers


def count_rows(engine: Any) -> int:
    with transaction(engine) as session:
        return int(session.scalar(select(func.count()).select_from(InboxEvent)) or 0)


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    engine = make_engine(url)
    upgrade(engine)
    app = Starlette(routes=ingress_routes())
    app.state.engine = engine
    app.state.slack_signing_secret = SECRET
    sock = socket.socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as uvicorn does when it binds
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", log_config=None)
    )
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn offers no started event)
        await asyncio.sleep(0.01)
    endpoint = f"http://127.0.0.1:{sock.getsockname()[1]}/slack/events"
    handled = 0

    async def slow_handler(record: InboxRecord, now: dt.datetime) -> None:
        nonlocal handled
        await asyncio.sleep(args.slow_handler)
        handled += 1

    result: dict[str, Any] = {"database": url.split(":", 1)[0]}
    limits = httpx.Limits(max_connections=args.concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        statuses: dict[int, int] = {}
        started = time.perf_counter()
        for n in range(args.tampered):
            body, headers = tampered(n, time.time())
            response = await client.post(endpoint, content=body, headers=headers)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        result["tampered"] = {
            "sent": args.tampered,
            "statuses": statuses,
            "inbox_rows": count_rows(engine),
            "seconds": round(time.perf_counter() - started, 2),
        }
        stop = asyncio.Event()
        worker = InboxWorker(engine, {"slack": slow_handler}, poll_interval=0.05, batch=10)
        working = asyncio.create_task(worker.run(stop))
        gate = asyncio.Semaphore(args.concurrency)
        latencies: list[float] = []

        async def one(n: int) -> int:
            event = {"type": "app_mention", "text": f"q {n}", "channel": "C1", "ts": "1.0"}
            now = time.time()
            body = event_body(event, f"EvBench{n}", now)
            headers = signed_headers(SECRET, body, now, "application/json")
            async with gate:
                begun = time.perf_counter()
                response = await client.post(endpoint, content=body, headers=headers)
                latencies.append(time.perf_counter() - begun)
            return response.status_code

        codes = await asyncio.gather(*(one(n) for n in range(args.signed)))
        stop.set()
        await working
        latencies.sort()
        result["signed"] = {
            "sent": args.signed,
            "acknowledged_200": codes.count(200),
            "inbox_rows": count_rows(engine),
            "handled_while_sending": handled,
            "ack_p50_ms": round(statistics.median(latencies) * 1000, 1),
            "ack_p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
            "ack_max_ms": round(latencies[-1] * 1000, 1),
            "concurrency": args.concurrency,
            "handler_seconds": args.slow_handler,
        }
    server.should_exit = True
    await serving
    if args.socket:
        result["socket_mode"] = await socket_bench(engine, args.socket, args.concurrency)
    engine.dispose()
    return result


async def socket_bench(engine: Any, count: int, concurrency: int) -> dict[str, Any]:
    """Slack over Socket Mode: ``count`` envelopes through the stand-in's link to the real
    slack_sdk client and the hub's Bolt app, ``concurrency`` at a time; then the role is
    stopped before any was processed (as a kill would), and a new worker must find them
    all in the inbox; each envelope's retry is sent too, and stored once."""
    from slack_sdk.web.async_client import AsyncWebClient

    from bots.slack.app import run_socket_mode, slack_app
    from bots.slack.standin_socket import APP_TOKEN, SlackSocketStandIn

    before = count_rows(engine)
    async with SlackSocketStandIn() as standin:
        client = AsyncWebClient(token=standin.tokens[0], base_url=f"{standin.url}/api/")
        stop = asyncio.Event()
        role = asyncio.create_task(
            run_socket_mode(slack_app(engine=engine), APP_TOKEN, client, stop)
        )
        await standin.wait_connected()
        gate = asyncio.Semaphore(concurrency)
        latencies: list[float] = []

        async def one(n: int, retry: int) -> bool:
            event = {"type": "app_mention", "text": f"q {n}", "channel": "C1", "ts": "1.0"}
            payload = json.loads(event_body(event, f"EvSocket{n}", time.time()))
            async with gate:
                begun = time.perf_counter()
                ack = await standin.send("event", payload, retry_attempt=retry, within=30)
                latencies.append(time.perf_counter() - begun)
            return ack is not None

        acked = await asyncio.gather(*(one(n, 0) for n in range(count)))
        retried = await asyncio.gather(*(one(n, 1) for n in range(count)))
        stop.set()  # the bots role goes before its worker handled anything
        await role
        stored = count_rows(engine) - before
    handled = 0

    async def handler(record: InboxRecord, now: dt.datetime) -> None:
        nonlocal handled
        handled += record.event_key.startswith("EvSocket")

    await InboxWorker(engine, {"slack": handler}, batch=100).drain()
    latencies.sort()
    return {
        "sent": count,
        "acknowledged": sum(acked),
        "retries_acknowledged": sum(retried),
        "inbox_rows": stored,
        "handled_after_the_role_stopped": handled,
        "ack_p50_ms": round(statistics.median(latencies) * 1000, 1),
        "ack_p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
        "concurrency": concurrency,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tampered", type=int, default=10_000)
    parser.add_argument("--signed", type=int, default=1_000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--slow-handler", type=float, default=0.2)
    parser.add_argument("--socket", type=int, default=0, help="envelopes over Socket Mode")
    parser.add_argument("--database-url")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(bench(args))
    print(json.dumps(result, indent=None if args.json else 2))


if __name__ == "__main__":
    main()

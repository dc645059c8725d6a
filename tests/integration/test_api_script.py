"""What issue 18 asks of the API: a script that knows only the OpenAPI document and a token
creates an item, approves it and follows it to its deliveries, sent by a real worker.

The script finds every call by its ``operationId`` in /api/v1/openapi.json (method, path,
the schema of the body), so it would break if the document and the server disagreed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from sqlalchemy import Engine, select

from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import User
from hub.web.api.tokens import create_token
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings
from hub.wiring import SINKS

ADMIN = "admin@example.org"


class Script:
    """A client that reads the document first and then calls operations by their id."""

    def __init__(self, client: ConsoleClient, token: str) -> None:
        self.client, self.token = client, token
        document = client.get("/api/v1/openapi.json").json()
        self.base = document["servers"][0]["url"]
        self.operations: dict[str, tuple[str, str, dict[str, Any]]] = {
            op["operationId"]: (method.upper(), path, op)
            for path, methods in document["paths"].items()
            for method, op in methods.items()
        }

    def __call__(self, operation_id: str, body: Any = None, **values: Any) -> Any:
        method, path, op = self.operations[operation_id]
        for parameter in op.get("parameters", []):
            if parameter["in"] == "path":
                path = path.replace(
                    "{" + parameter["name"] + "}", str(values.pop(parameter["name"]))
                )
        query = {k: str(v) for k, v in values.items()}
        response = self.client.request(
            method,
            self.base + path,
            params=query,
            json=body,
            headers={"authorization": f"Bearer {self.token}"},
        )
        assert str(response.status_code) in op["responses"], response.text
        assert response.status_code < 300, response.text
        return response.json()


def test_a_script_creates_approves_and_follows_an_item_to_its_deliveries(engine: Engine) -> None:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, "correct horse battery", role="admin")
    clock = SteppingClock()  # the console's and the worker's: no real clock, any date
    with transaction(engine) as session:
        admin = session.scalar(select(User))
        assert admin is not None
        token, _row = create_token(
            session, admin, "script", ["read", "write", "moderate", "admin"], now=clock()
        )
    app = console_app(settings, engine, clock=clock)
    with ConsoleClient(app) as client:
        call = Script(client, token)
        created = call(
            "createItem",
            {"source": "web_form", "title": "Neighbourhood budgets in Cascais", "language": "en"},
        )
        item_id = created["item"]["id"]
        assert created["item"]["status"] == "pending"
        approved = call("approveItem", item_id=item_id)
        assert approved["status"] == "approved"
        assert {d["status"] for d in approved["deliveries"]} == {"pending"}
        config = WorkerConfig(poll_interval=0.02, until_idle=True, send_timeout=5.0)
        sinks = ChannelSinks.from_settings(settings, SINKS)
        clock.advance(seconds=1)
        asyncio.run(Worker(engine, sinks, config=config, clock=clock).run())
        followed = call("getItem", item_id=item_id)
        sent = {d["channel"]: d for d in followed["deliveries"]}
        assert set(sent) == {"news_en", "news_es"}
        assert all(d["status"] == "sent" and d["platform_message_id"] for d in sent.values())
        # sent on the clock the console and the worker share
        assert {dt.datetime.fromisoformat(d["sent_at"]) for d in sent.values()} == {clock.now}
        listed = call("listDeliveries", item=item_id, status="sent")
        assert sorted(d["id"] for d in listed["deliveries"]) == sorted(
            d["id"] for d in sent.values()
        )

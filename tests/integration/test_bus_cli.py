"""The bus commands against a real database: route, worker --once, status, deliveries."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.db import make_engine, transaction
from hub.core.models import Delivery, Item

CONFIG = """
[hub]
languages = ["en"]
secretariat_channel = "office"

[sources.site]
kind = "feed"
url = "https://example.org/feed"

[channels.news]
platform = "memory"
target = "#news"

[channels.office]
platform = "memory"
target = "#office"

[channels.gone]
platform = "memory"
target = "#gone"
enabled = false

[[routes]]
name = "everything"
to = ["news", "gone"]
"""


@pytest.fixture
def hub(tmp_path, database_url):
    _register()
    config = tmp_path / "hub.toml"
    config.write_text(CONFIG)
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(
            app, ["--config", str(config), *args, "--database-url", database_url]
        )
        return result

    return invoke


@pytest.fixture
def item_id(database_url) -> int:
    engine = make_engine(database_url)
    with transaction(engine) as session:
        item = Item(title="Award call opens", status="approved", tags=["award"])
        session.add(item)
        session.flush()
        item_id = item.id
    engine.dispose()
    return item_id


def test_route_dry_run_says_where_and_why(hub, item_id):
    result = hub("route", str(item_id), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "news" in result.output and "channel disabled" in result.output


def test_route_then_worker_then_status(hub, item_id, database_url):
    assert hub("route", str(item_id)).exit_code == 0
    result = hub("worker", "--once", "--poll", "0.01")
    assert result.exit_code == 0, result.output
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(select(Delivery.status)).scalars().all() == ["sent"]
    engine.dispose()
    status = hub("status")
    assert status.exit_code == 0 and "news" in status.output
    listed = hub("deliveries", "--status", "sent")
    assert listed.exit_code == 0 and "news" in listed.output
    shown = hub("deliveries", "show", "1")
    assert shown.exit_code == 0 and "-> news, sent" in shown.output and "#1" in shown.output


def test_retry_failed(hub, item_id, database_url):
    hub("route", str(item_id))
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(update(Delivery).values(status="dead", last_error="503"))
    engine.dispose()
    assert "503" in hub("deliveries", "--status", "failed").output
    result = hub("deliveries", "retry", "--all-failed")
    assert result.exit_code == 0 and "1 deliveries queued again" in result.output


def test_unknown_item_is_a_clear_error(hub):
    result = hub("route", "999", "--dry-run")
    assert result.exit_code == 1 and "no item 999" in result.output

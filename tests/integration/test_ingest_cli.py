"""``hub ingest``, ``hub sources`` and ``hub poll`` end to end (CLI runner, real DB, loopback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.db import make_engine
from hub.core.models import Item
from hub.testing.feedserver import Route, rss, serving

CORPUS = Path(__file__).parents[1] / "fixtures" / "feeds"
KEYS = {"ok", "error", "source_problems", "items"}
ITEM_KEYS = {"id", "title", "link", "summary_html", "summary_text", "published", "language", "tags"}


@pytest.fixture
def hub(tmp_path, database_url):
    _register()
    runner = CliRunner()

    def invoke(*args: str, feed_url: str = "https://example.org/rss"):
        config = tmp_path / "hub.toml"
        config.write_text(
            f'[hub]\nlanguages = ["en", "es", "fr", "ca", "pt"]\ndatabase_url = "{database_url}"\n'
            f'[sources.site]\nkind = "feed"\nurl = "{feed_url}"\n'
            '[channels.news]\nplatform = "memory"\ntarget = "#news"\n'
            '[[routes]]\nname = "all"\nto = ["news"]\n'
        )
        return runner.invoke(app, ["--config", str(config), *args])

    return invoke


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("good_rss.xml", True),
        ("script_entries.xml", True),
        ("truncated.xml", True),
        ("billion_laughs.xml", False),
        ("external_entity.xml", False),
        ("html_page.html", False),
        ("binary_garbage.bin", False),
        ("empty.xml", False),
    ],
)
def test_dry_run_json_has_exactly_the_promised_shape(hub, name: str, ok: bool) -> None:
    result = hub("ingest", str(CORPUS / name), "--dry-run", "--json")
    assert result.exit_code == (0 if ok else 1), result.output
    assert "Traceback" not in result.output
    report = json.loads(result.output)
    assert set(report) == KEYS
    assert report["ok"] is ok and (report["error"] is None) is ok
    for item in report["items"]:
        assert set(item) == ITEM_KEYS


def test_a_calendar_prints_its_events(hub) -> None:
    result = hub("ingest", str(CORPUS / "website_agenda.ics"), "--dry-run", "--json")
    report = json.loads(result.output)
    assert result.exit_code == 0 and len(report["events"]) == 3 and report["items"] == []


def test_a_calendar_is_stored_in_place(hub, database_url) -> None:
    from hub.core.models import Event

    for _ in range(2):
        assert hub("ingest", str(CORPUS / "website_agenda.ics")).exit_code == 0
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count(Event.id))) == 3
    engine.dispose()


def test_a_missing_file_is_refused_without_traceback(hub) -> None:
    result = hub("ingest", "/nonexistent/feed.xml", "--json")
    assert result.exit_code == 1
    assert json.loads(result.output)["error"] == "no such file: /nonexistent/feed.xml"


def test_urls_are_fetched_and_http_errors_reported(hub) -> None:
    with serving() as server:
        url = server.add("/rss", Route(body=rss("F", [("a", "Hello", "Participatory budget.")])))
        good = hub("ingest", url, "--dry-run", "--json")
        missing = hub("ingest", server.url("/none"), "--dry-run", "--json")
    assert good.exit_code == 0 and json.loads(good.output)["items"][0]["title"] == "Hello"
    assert missing.exit_code == 1 and "HTTP 404" in json.loads(missing.output)["error"]


def test_ingest_stores_once_then_sources_and_poll(hub, database_url) -> None:
    feed = str(CORPUS / "good_rss.xml")
    unsynced = hub("ingest", feed, "--source", "site", "--json")
    assert unsynced.exit_code == 2 and "hub sources sync" in unsynced.output
    synced = hub("sources", "sync")
    assert synced.exit_code == 0 and "mirrored (" in synced.output, synced.output
    first = hub("ingest", feed, "--source", "site", "--json")
    assert first.exit_code == 0, first.output
    assert all(isinstance(i["id"], int) for i in json.loads(first.output)["items"])
    assert hub("ingest", feed, "--source", "site").exit_code == 0
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count(Item.id))) == 3
    engine.dispose()
    with serving() as server:
        url = server.add("/rss", Route(status=503))
        polled = hub("poll", "--once", feed_url=url)
        listed = hub("sources", "--json", feed_url=url)
    assert polled.exit_code == 0 and "HTTP 503" in polled.output
    (site,) = [s for s in json.loads(listed.output) if s["key"] == "site"]
    assert site["consecutive_failures"] == 1 and "HTTP 503" in site["last_error"]


def test_storing_without_a_config_is_refused_in_json(tmp_path) -> None:
    _register()
    result = CliRunner().invoke(
        app,
        [
            "--config",
            str(tmp_path / "missing.toml"),
            "ingest",
            str(CORPUS / "good_rss.xml"),
            "--json",
        ],
    )
    report = json.loads(result.output)
    assert result.exit_code == 1 and report["ok"] is False
    assert (
        report["error"].startswith("read, but not stored:") and "file not found" in report["error"]
    )

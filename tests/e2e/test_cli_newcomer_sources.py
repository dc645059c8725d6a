"""``hub sources`` lists what the database holds without writing a byte; ``hub sources
sync`` is what writes the config's changes.

Real processes in a copy of the IOPD's config, no platform token (``newcomer.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newcomer import READ_COMMANDS, add_item, fresh_clone, hub, snapshot


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    return fresh_clone(tmp_path)


def test_sources_lists_without_writing_and_sources_sync_writes(clone: Path) -> None:
    assert hub("db", "upgrade", cwd=clone).returncode == 0
    database = clone / "data" / "hub.db"
    add_item(database, "Award call opens")
    config = clone / "config" / "hub.toml"
    text = config.read_text(encoding="utf-8")
    (old_url,) = [
        s["url"]
        for s in json.loads(hub("sources", "--json", cwd=clone).stdout)
        if s["key"] == "website_news"
    ]
    config.write_text(text.replace(old_url, "https://elsewhere.example.org/news.rss"), "utf-8")
    before = snapshot(database)
    for command in READ_COMMANDS:
        assert hub(*command, cwd=clone).returncode == 0, command
    assert snapshot(database) == before  # not a row, not a byte
    listed = json.loads(hub("sources", "--json", cwd=clone).stdout)
    assert {s["key"]: s["url"] for s in listed}["website_news"] == old_url
    synced = hub("sources", "sync", cwd=clone)
    assert synced.returncode == 0 and "(0 added, 1 changed, 0 retired)" in synced.stdout
    listed = json.loads(hub("sources", "--json", cwd=clone).stdout)
    assert {s["key"]: s["url"] for s in listed}["website_news"] == (
        "https://elsewhere.example.org/news.rss"
    )
    assert snapshot(database) != before

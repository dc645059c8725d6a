"""Rows kept from before the inputs refused bad text do not take the public exports down.

A JSON column (an event's ``name``, an item's ``tags``) stores a lone surrogate
(``"\\ud800"``) as the escape JSON writes for it, and reads it back as a lone surrogate,
which no UTF-8 encoder writes: ``/events.ics`` and the news feeds failed with a 500 for
every subscriber, and an item's public page. A control character in a text column
failed the RSS and Atom feeds (lxml refuses it). Each is now written as U+FFFD or left
out, and the rest is served."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import feedparser
import pytest
from icalendar import Calendar
from lxml import etree
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Event, Item
from hub.web.feed_text import writable
from hub.web.testing import ConsoleClient, SteppingClock, console_app, example_settings

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
LONE = "\ud800"  # a high surrogate with no low one after it
FEEDS = ("/news/feed.xml", "/news/atom.xml")


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
        session.add_all(
            [
                Event(
                    id="lisbon-2027",
                    kind="seminar",
                    name={"en": f"Lisbon {LONE}seminar"},
                    description={"en": "Two days\udfff of assemblies"},
                    starts_on=dt.date(2027, 1, 10),
                    topics=[],
                ),
                Event(id="porto-2027", kind="conference", name={"en": "Porto conference"},
                      starts_on=dt.date(2027, 3, 2), topics=[]),
                Item(title="Budgets\x01 in\x0b Cascais", summary_text="Ten\x1f assemblies.",
                     language="en", tags=[f"climate{LONE}"], status="approved",
                     approved_at=NOW, published_at=NOW),
                Item(title="Award call open", language="en", tags=["awards"],
                     status="approved", approved_at=NOW, published_at=NOW),
            ]
        )  # fmt: skip
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock(NOW))) as client:
        yield client


def test_the_calendar_writes_a_lone_surrogate_as_the_replacement_character(
    client: ConsoleClient,
) -> None:
    response = client.get("/events.ics")
    assert response.status_code == 200
    response.content.decode("utf-8")  # strict: the body is UTF-8 throughout
    events = {
        str(event["uid"]).split("@")[0]: event
        for event in Calendar.from_ical(response.text).walk("VEVENT")
    }
    assert set(events) == {"lisbon-2027", "porto-2027"}  # the other event is served too
    assert str(events["lisbon-2027"]["summary"]) == "Lisbon \ufffdseminar"
    assert str(events["lisbon-2027"]["description"]) == "Two days\ufffd of assemblies"
    assert str(events["porto-2027"]["summary"]) == "Porto conference"


@pytest.mark.parametrize("path", FEEDS)
def test_rss_and_atom_carry_neither_lone_surrogates_nor_control_characters(
    client: ConsoleClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    etree.fromstring(response.content)  # well-formed XML 1.0, or this raises
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    entries = {entry.title: entry for entry in parsed.entries}
    assert set(entries) == {"Budgets in Cascais", "Award call open"}
    assert [tag.term for tag in entries["Budgets in Cascais"].tags] == ["climate\ufffd"]


def test_the_json_feed_writes_a_lone_surrogate_as_the_replacement_character(
    client: ConsoleClient,
) -> None:
    response = client.get("/news/feed.json")
    assert response.status_code == 200
    items = {item["title"]: item for item in json.loads(response.content.decode("utf-8"))["items"]}
    assert set(items) == {"Budgets\x01 in\x0b Cascais", "Award call open"}  # JSON escapes these
    assert items["Budgets\x01 in\x0b Cascais"]["tags"] == ["climate\ufffd"]


def test_the_public_item_page_writes_a_lone_surrogate_as_the_replacement_character(
    client: ConsoleClient, engine: Engine
) -> None:
    with transaction(engine) as session:
        item_id = session.scalars(select(Item.id).where(Item.title.startswith("Budgets"))).one()
    response = client.get(f"/news/{item_id}")
    assert response.status_code == 200
    page = response.content.decode("utf-8")
    assert "climate\ufffd" in page and "Budgets in Cascais" in page


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain text stays as it is", "plain text stays as it is"),
        (f"a {LONE} b \udfff c", "a \ufffd b \ufffd c"),
        ("tab\tline\ncarriage\r kept", "tab\tline\ncarriage\r kept"),
        ("nul\x00 bell\x07 vt\x0b esc\x1b gone", "nul bell vt esc gone"),
        ("accents, emoji and CJK: àç 😀 中", "accents, emoji and CJK: àç 😀 中"),
    ],
)
def test_writable_text(text: str, written: str) -> None:
    assert writable(text) == written

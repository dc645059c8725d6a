"""The public news: /news/ and its pages, RSS 2.0, Atom and JSON Feed with the same filters,
conditional GET, and a retraction that takes an item out of every one of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email.utils import format_datetime
from typing import Any

import feedparser
import pytest
from jsonschema import Draft202012Validator
from lxml import etree
from sqlalchemy import Engine

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Item, ItemTranslation, utcnow
from hub.core.moderation.decisions import retract
from hub.web.testing import ConsoleClient, SteppingClock, console_app, example_settings

FEEDS = ("/news/feed.xml", "/news/atom.xml", "/news/feed.json")
FORMATS = Draft202012Validator.FORMAT_CHECKER


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock(utcnow()))) as client:
        yield client


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    """Items in every state: only the three approved ones may be shown."""
    now = utcnow()
    rows: dict[str, dict[str, Any]] = {
        "climate_en": dict(
            title="Climate assemblies in Lyon",
            language="en",
            tags=["climate"],
            regions=["europe"],
            summary_html="<p>Ten <b>assemblies</b> ]]&gt; &amp; more.</p>",
            summary_text="Ten assemblies.",
            link="https://example.org/lyon",
        ),
        "budget_es": dict(
            title="Presupuesto participativo en Rosario",
            language="es",
            tags=["budgeting"],
            regions=["latin-america"],
        ),
        "story_en": dict(title="Award call open", language="en", tags=["climate"]),
        "pending": dict(title="Waiting for a moderator", language="en", status="pending"),
        "declined": dict(title="Declined story", language="en", status="declined"),
        "retracted": dict(title="Withdrawn story", language="en", status="retracted"),
    }
    found: dict[str, int] = {}
    with transaction(engine) as session:
        for key, fields in rows.items():
            fields = {"status": "approved", "approved_at": now, "published_at": now} | fields
            item = Item(**fields)
            session.add(item)
            session.flush()
            found[key] = item.id
        session.add(
            ItemTranslation(
                item_id=found["story_en"],
                language="es",
                title="Convocatoria abierta",
                summary_text="El premio abre su convocatoria.",
            )
        )
    return found


def titles(parsed: feedparser.FeedParserDict) -> set[str]:
    return {entry.title for entry in parsed.entries}


JSON_FEED = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "format": "uri"},
        "feed_url": {"type": "string", "format": "uri"},
        "language": {"type": "string"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                    "external_url": {"type": "string", "format": "uri"},
                    "title": {"type": "string"},
                    "content_html": {"type": "string"},
                    "content_text": {"type": "string"},
                    "date_published": {"type": "string", "format": "date-time"},
                    "date_modified": {"type": "string", "format": "date-time"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "language": {"type": "string"},
                },
            },
        },
    },
}
"""JSON Feed 1.1's rules (jsonfeed.org/version/1.1): the top level's version, title and items;
each item's id and content_html or content_text; dates in RFC 3339. feedparser 6.0 reads no
JSON Feed, so this schema stands in for it."""


def read_feed(response) -> feedparser.FeedParserDict:
    """feedparser on an RSS or Atom response; a JSON Feed checked and read by its rules."""
    if response.headers["content-type"].startswith("application/feed+json"):
        document = response.json()
        Draft202012Validator(JSON_FEED, format_checker=FORMATS).validate(document)
        entries = [feedparser.FeedParserDict(item) for item in document["items"]]
        for entry in entries:
            entry["link"] = entry.get("external_url") or entry.get("url")
        return feedparser.FeedParserDict(
            bozo=False, version="json11", entries=entries, feed=document
        )
    return feedparser.parse(response.content)


def parse(client: ConsoleClient, path: str) -> feedparser.FeedParserDict:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    parsed = read_feed(response)
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def test_the_three_feeds_hold_the_approved_items_and_nothing_else(
    client: ConsoleClient, ids: dict[str, int]
) -> None:
    approved = {
        "Climate assemblies in Lyon",
        "Presupuesto participativo en Rosario",
        "Award call open",
    }
    versions = set()
    for path in FEEDS:
        parsed = parse(client, path)
        versions.add(parsed.version)
        assert titles(parsed) == approved, path
        lyon = next(e for e in parsed.entries if e.title == "Climate assemblies in Lyon")
        assert lyon.id == f"http://console.test/news/{ids['climate_en']}"
        assert lyon.link == "https://example.org/lyon"
        html = lyon.content[0]["value"] if "content" in lyon else lyon["content_html"]
        assert "<b>assemblies</b> ]]&gt; &amp; more." in html, (path, html)
    assert versions == {"rss20", "atom10", "json11"}
    types = [client.get(path).headers["content-type"].split(";")[0] for path in FEEDS]
    assert types == ["application/rss+xml", "application/atom+xml", "application/feed+json"]


def test_filters_are_the_same_in_every_feed_and_the_page(
    client: ConsoleClient, ids: dict[str, int]
) -> None:
    cases = {
        "?lang=es": {"Presupuesto participativo en Rosario", "Convocatoria abierta"},
        "?topic=climate": {"Climate assemblies in Lyon", "Award call open"},
        "?lang=es&topic=climate": {"Convocatoria abierta"},
        "?region=latin-america": {"Presupuesto participativo en Rosario"},
        "?topic=nothing-here": set(),
    }
    for query, expected in cases.items():
        for path in FEEDS:
            assert titles(parse(client, path + query)) == expected, (path, query)
        page = client.get("/news/" + query).text
        for title in (
            "Climate assemblies in Lyon",
            "Presupuesto participativo en Rosario",
            "Convocatoria abierta",
            "Award call open",
        ):
            assert (f">{title}</a>" in page) == (title in expected), (query, title)


def test_the_rss_and_atom_carry_what_their_specifications_require(
    client: ConsoleClient, ids: dict[str, int]
) -> None:
    rss = etree.fromstring(client.get("/news/feed.xml?lang=es").content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel is not None
    for name in ("title", "link", "description"):  # RSS 2.0 spec: required channel elements
        assert (channel.findtext(name) or "").strip(), name
    assert channel.findtext("language") == "es"
    for item in channel.findall("item"):
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "true"
        assert item.findtext("pubDate")  # RFC 822 date, as the spec asks
        assert item.findtext("description")  # title or description: at least one

    atom = etree.fromstring(client.get("/news/atom.xml").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for name in ("a:id", "a:title", "a:updated"):  # RFC 4287 4.1.1: required feed elements
        assert atom.findtext(name, namespaces=ns), name
    assert atom.find("a:link[@rel='self']", ns) is not None
    for entry in atom.findall("a:entry", ns):
        for name in ("a:id", "a:title", "a:updated"):
            assert entry.findtext(name, namespaces=ns), name
        content = entry.find("a:content", ns)
        assert content is None or content.get("type") == "html"


def test_news_pages_show_approved_items_and_nothing_else(
    client: ConsoleClient, ids: dict[str, int]
) -> None:
    listing = client.get("/news/", headers={"accept-language": "es"})
    assert listing.status_code == 200 and '<html lang="es">' in listing.text
    assert 'type="application/rss+xml"' in listing.text
    for hidden in ("Waiting for a moderator", "Declined story", "Withdrawn story"):
        assert hidden not in listing.text
    page = client.get(f"/news/{ids['climate_en']}")
    assert page.status_code == 200 and "<b>assemblies</b>" in page.text
    spanish = client.get(f"/news/{ids['story_en']}?lang=es")
    assert "Convocatoria abierta" in spanish.text and 'hreflang="en"' in spanish.text
    for key, status in (("pending", 404), ("declined", 404), ("retracted", 410)):
        assert client.get(f"/news/{ids[key]}").status_code == status, key
    assert client.get("/news/99999").status_code == 404
    assert client.get(f"/news/{10**30}").status_code == 404
    french = client.get("/news/", headers={"accept-language": "fr"}).text
    assert '<html lang="fr">' in french and "Actualités" in french
    assert client.get(f"/news/?before={10**30}").status_code == 200
    assert "set-cookie" not in listing.headers


def test_conditional_get_and_a_retraction_that_reaches_every_feed(
    client: ConsoleClient, engine: Engine, ids: dict[str, int]
) -> None:
    seen = {}
    for path in FEEDS:
        first = client.get(path)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert client.get(path, headers={"if-none-match": etag}).status_code == 304
        assert client.get(path, headers={"if-modified-since": modified}).status_code == 304
        older = format_datetime(utcnow() - dt.timedelta(days=2), usegmt=True)
        assert client.get(path, headers={"if-modified-since": older}).status_code == 200
        assert client.get(path, headers={"if-none-match": '"other"'}).status_code == 200
        parsed = read_feed(first)
        assert parsed.entries
        seen[path] = etag
    with transaction(engine) as session:
        item = session.get(Item, ids["climate_en"])
        assert item is not None
        retract(session, item, by="editor@example.org", reason="wrong city", now=utcnow())
    for path in FEEDS:
        again = client.get(path, headers={"if-none-match": seen[path]})
        assert again.status_code == 200 and again.headers["etag"] != seen[path]
        assert "Climate assemblies in Lyon" not in titles(read_feed(again))
    assert client.get(f"/news/{ids['climate_en']}").status_code == 410
    assert "Climate assemblies in Lyon" not in client.get("/news/?topic=climate").text


def test_a_translation_edit_or_a_retraction_changes_the_validators_of_the_feeds_showing_it(
    client: ConsoleClient, engine: Engine, ids: dict[str, int]
) -> None:
    """The story's Spanish text is what ``?lang=es`` shows: adding or editing a translation
    changes that feed's ETag and Last-Modified (a 200 with the new text for the old tag, a
    304 before); a retraction does too."""
    paths = [f"{path}?lang=es" for path in FEEDS]

    def validators() -> dict[str, tuple[str, str]]:
        earlier = utcnow() - dt.timedelta(days=1)  # so a change within this second is later
        with transaction(engine) as session:
            for item in session.query(Item):
                item.updated_at = earlier
        found = {}
        for path in paths:
            answer = client.get(path)
            assert answer.status_code == 200
            found[path] = (answer.headers["etag"], answer.headers["last-modified"])
            unchanged = {"if-none-match": found[path][0]}
            assert client.get(path, headers=unchanged).status_code == 304
            since = {"if-modified-since": found[path][1]}
            assert client.get(path, headers=since).status_code == 304
        return found

    def changed(before: dict[str, tuple[str, str]], shown: str | None, gone: str | None) -> None:
        for path in paths:
            etag, modified = before[path]
            again = client.get(path, headers={"if-none-match": etag})
            assert again.status_code == 200 and again.headers["etag"] != etag
            assert client.get(path, headers={"if-modified-since": modified}).status_code == 200
            now_titles = titles(read_feed(again))
            assert shown is None or shown in now_titles
            assert gone is None or gone not in now_titles

    first = validators()
    with transaction(engine) as session:  # an edit of the text ?lang=es shows
        translation = session.query(ItemTranslation).filter_by(item_id=ids["story_en"]).one()
        translation.title = "Convocatoria del premio abierta"
    changed(first, "Convocatoria del premio abierta", "Convocatoria abierta")
    second = validators()
    with transaction(engine) as session:  # a new translation, added by the item's id
        session.add(
            ItemTranslation(item_id=ids["climate_en"], language="es", title="Asambleas en Lyon")
        )
    changed(second, "Asambleas en Lyon", None)
    third = validators()
    with transaction(engine) as session:
        item = session.get(Item, ids["climate_en"])
        assert item is not None
        retract(session, item, by="editor@example.org", reason="wrong city", now=utcnow())
    changed(third, None, "Asambleas en Lyon")

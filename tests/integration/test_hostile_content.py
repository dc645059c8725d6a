"""The hostile-content corpus through every output: zero executable or deceptive constructs.

Each input of ``tests/fixtures/hostile/corpus.py`` goes in as an item's
title and summary (and the URL-shaped ones as its link and image) through
the ingest sanitiser, the Slack, Telegram, Mastodon and Bluesky formatters,
the newsletter renderer and the console pages. Outputs are parsed, not
grepped: HTML with an HTML parser (tags, attributes, URL schemes), Slack
mrkdwn for unescaped control characters and broadcast mentions, Telegram
HTML against its tag allow-list.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.ingest.sanitise import clean_summary, clean_title
from hub.core.models import Item, Source
from hub.core.ports import ChannelInfo, Message
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

_SPEC = importlib.util.spec_from_file_location(
    "hostile_corpus", Path(__file__).parents[1] / "fixtures" / "hostile" / "corpus.py"
)
assert _SPEC and _SPEC.loader
corpus = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(corpus)
INPUTS: list[str] = corpus.hostile_inputs()
URLS: list[str] = corpus.hostile_urls()

BAD_TAGS = frozenset(
    [
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "keygen",
        "svg",
        "math",
        "meta",
        "base",
        "link",
        "noscript",
        "template",
        "video",
        "audio",
        "source",
        "marquee",
        "isindex",
        "foreignobject",
        "animate",
        "set",
    ]
)
URL_ATTRIBUTES = frozenset(
    [
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "background",
        "poster",
        "srcset",
        "data",
        "cite",
        "lowsrc",
        "dynsrc",
    ]
)
SAFE_SCHEMES = ("http:", "https:", "mailto:")
INVISIBLE = re.compile("[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


def test_the_corpus_is_large_and_varied() -> None:
    assert len(INPUTS) >= 200
    for marker in ("<script", "onerror", "jav&#x61;script:", "&#106;avascript:", "vbscript:"):
        assert any(marker in text for text in INPUTS), marker
    for marker in ("file:", "data:", "expression(", "[if IE]", "\u202e", "\u200b", "<!channel>"):
        assert any(marker in text for text in INPUTS), marker
    assert any("*|EMAIL|*" in text for text in INPUTS) and any(len(t) > 5000 for t in INPUTS)


class Findings(HTMLParser):
    """Everything executable or deceptive an HTML document holds."""

    def __init__(self, relative_ok: bool, script_src_ok: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.relative_ok, self.script_src_ok = relative_ok, script_src_ok
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if tag in BAD_TAGS and not self._own_asset(tag, values):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name == "style" and re.search(
                r"expression|javascript|behavior|binding", value, re.I
            ):
                self.problems.append(f"{tag}[style={value[:40]}]")
            if name in URL_ATTRIBUTES and not self._safe_url(value):
                self.problems.append(f"{tag}[{name}={value[:60]!r}]")

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        if re.search(r"script|alert|onerror|javascript", data, re.I):
            self.problems.append(f"<!--{data[:40]}-->")

    def _own_asset(self, tag: str, values: dict[str, str | None]) -> bool:
        """The console's own scripts, styles and forms (same origin, no inline code)."""
        if not self.script_src_ok:
            return False
        if tag == "script":
            return (values.get("src") or "").startswith("/static/")
        if tag == "link":
            return (values.get("href") or "").startswith("/static/")
        if tag == "form":  # the console's own forms post to its own paths only
            action = values.get("action") or "/"
            return action.startswith("/") and not action.startswith("//")
        return tag in ("meta", "input", "button", "textarea", "select", "svg")  # charts

    def _safe_url(self, value: str) -> bool:
        cleaned = "".join(ch for ch in value if ch > " " and ch != "\x7f")
        if cleaned.lower().startswith(SAFE_SCHEMES):
            return True
        if _SCHEME.match(cleaned) or cleaned.startswith("//") or cleaned.startswith("\\"):
            return False
        return self.relative_ok or cleaned.startswith("*|") or cleaned in ("", "#")


def html_problems(document: str, relative_ok: bool = False, own_assets: bool = False) -> list[str]:
    parser = Findings(relative_ok, own_assets)
    parser.feed(document)
    parser.close()
    return parser.problems


def _message(raw: str, index: int, link: str | None = None) -> Message:
    summary = clean_summary(raw, "https://example.org/news/")
    return Message(
        delivery_id=index,
        kind="item",
        title=clean_title(raw) or "untitled",
        text=summary.text,
        html=summary.html,
        link=link or "https://example.org/news/1",
        image_url=link,
        language="en",
        tags=("youth", "<!channel>", "*|EMAIL|*"),
    )


def messages() -> Iterator[tuple[str, Message]]:
    for index, raw in enumerate(INPUTS):
        yield raw, _message(raw, index)
    for index, url in enumerate(URLS):
        yield url, _message("<p>x</p>", 10_000 + index, link=url)


def test_the_sanitiser_leaves_nothing_executable() -> None:
    for raw in INPUTS:
        summary = clean_summary(raw, "https://example.org/news/")
        assert html_problems(summary.html) == [], raw
        title = clean_title(raw)  # plain text: every output escapes it (checked below)
        assert "\n" not in title and len(title) <= 200, raw
        assert not INVISIBLE.search(title), raw
        assert not INVISIBLE.search(summary.text), raw


# Slack: after removing well-formed links, no raw control character may remain.
_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^|<>\s]+)\|([^<>]*)>")
_SLACK_ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")


def slack_problems(text: str) -> list[str]:
    problems = [
        f"link to {m.group(1)[:40]}" for m in _SLACK_LINK.finditer(text) if "<" in m.group(1)
    ]
    bare = _SLACK_LINK.sub("", text)
    if "<" in bare or ">" in bare:
        problems.append(f"unescaped <> in {bare[:80]!r}")
    if _SLACK_ENTITY.search(bare):
        problems.append(f"raw & in {bare[:80]!r}")
    return problems


def _strings(value: Any) -> Iterator[tuple[str, str]]:
    """(key, string) for every string in a JSON-like value Slack parses as mrkdwn.

    ``plain_text`` objects are shown literally (no links, no mentions): skipped.
    """
    if isinstance(value, dict):
        if value.get("type") == "plain_text":
            return
        for key, inner in value.items():
            if isinstance(inner, str):
                yield key, inner
            else:
                yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def test_slack_requests_have_no_live_markup_or_mentions() -> None:
    from bots.slack.format import requests_for

    channel = ChannelInfo("news_en", "slack", "C0NEWS")
    for raw, message in messages():
        body = requests_for(message, channel)[0].body
        for key, text in _strings({"text": body["text"], "blocks": body["blocks"]}):
            if key in ("text",):
                assert slack_problems(text) == [], (raw, text[:200])
            if key in ("url", "image_url"):
                assert text.startswith(("https://", "http://")), (raw, text)
        header = body["blocks"][0]["text"]["text"]
        assert not INVISIBLE.search(header), raw


TELEGRAM_TAGS = frozenset(
    [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-spoiler",
        "span",
    ]
)


class TelegramTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if tag == "a" and name == "href":
                if not (value or "").startswith(("https://", "http://", "mailto:")):
                    self.problems.append(f"a[href={value!r}]")
            elif not (tag == "span" and name == "class" and value == "tg-spoiler"):
                self.problems.append(f"{tag}[{name}]")

    def handle_entityref(self, name: str) -> None:
        if name not in ("amp", "lt", "gt", "quot"):
            self.problems.append(f"&{name};")

    def handle_comment(self, data: str) -> None:
        self.problems.append("comment")

    def handle_decl(self, decl: str) -> None:
        self.problems.append("declaration")


def test_telegram_html_uses_only_its_allowed_tags() -> None:
    from bots.telegram.format import requests_for

    channel = ChannelInfo("news_en", "telegram", "@news")
    for raw, message in messages():
        body = requests_for(message, channel)[0].body
        text = body.get("text") or body["caption"]
        parser = TelegramTags()
        parser.feed(text)
        parser.close()
        assert parser.problems == [], (raw, text[:200])
        assert re.search(r"&(?!amp;|lt;|gt;|quot;|#\d+;|#x[0-9a-fA-F]+;)", text) is None, raw
        assert not INVISIBLE.search(text.split("\n", 1)[0]), raw


def test_mastodon_and_bluesky_posts_carry_no_live_links_or_mentions() -> None:
    from bots.bluesky.format import requests_for as bluesky_requests
    from bots.mastodon.format import requests_for as mastodon_requests

    now = datetime(2026, 11, 22, tzinfo=UTC)
    for raw, message in messages():
        status = mastodon_requests(message, ChannelInfo("m", "mastodon", "@news"))[0].body["status"]
        assert re.search(r"(?<![\w\u2060])@\w+@[\w.]+", status) is None, (raw, status[:200])
        first_line = status.split("\n", 1)[0].replace("\u2060", "")  # the mention defuser
        assert not INVISIBLE.search(first_line), raw
        body = bluesky_requests(message, ChannelInfo("b", "bluesky", "hub.bsky.social"), now)[0]
        post = body.body["record"]
        for facet in post.get("facets", []):
            for feature in facet["features"]:
                assert feature["$type"] != "app.bsky.richtext.facet#mention", raw
                if "uri" in feature:
                    assert feature["uri"].startswith(("https://", "http://")), raw
        external = post.get("embed", {}).get("external")
        assert external is None or external["uri"].startswith(("https://", "http://")), raw
        assert not INVISIBLE.search(post["text"].split("\n", 1)[0]), raw


def test_newsletter_html_has_nothing_executable_and_no_member_merge_tags() -> None:
    from newsletters.compose import EditionContent, Entry, Section
    from newsletters.render import render_html, render_text

    def edition(entries: tuple[Entry, ...]) -> EditionContent:
        return EditionContent(
            language="en",
            period_start=dt.date(2026, 11, 1),
            period_end=dt.date(2026, 11, 30),
            subject="Newsletter",
            intro="Dear members,\n\nour news.",
            sections=(Section("members", entries),),
            slug="newsletter-2026-11-en",
        )

    def entry(raw: str, index: int, link: str = "https://example.org/n") -> Entry:
        return Entry(
            title=raw, summary_html=raw, link=link, image_url=link, when=None, item_id=index
        )

    baseline, _ = render_html(edition((entry("News", 0),)))
    own_head = sorted(html_problems(baseline))  # the template's own <meta> and <style>
    assert set(own_head) <= {"<meta>", "<style>"}
    own_tags = set(re.findall(r"\*\|[^|]*\|\*", baseline))
    batch = 25
    entries = [entry(raw, i) for i, raw in enumerate(INPUTS)]
    entries += [entry("<p>x</p>", 1000 + i, url) for i, url in enumerate(URLS)]
    for start in range(0, len(entries), batch):
        chunk = tuple(entries[start : start + batch])
        document, _ = render_html(edition(chunk))
        problems = sorted(html_problems(document))
        assert problems == own_head, (start, [p for p in problems if p not in own_head][:5])
        assert set(re.findall(r"\*\|[^|]*\|\*", document)) <= own_tags, start
        text = render_text(edition(chunk))
        assert set(re.findall(r"\*\|[^|]*\|\*", text)) <= own_tags, start


@pytest.fixture
def console(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, "editor@example.org", "correct horse battery")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        assert client.sign_in("editor@example.org", "correct horse battery").status_code == 303
        yield client


def test_console_pages_show_the_corpus_as_inert_text(
    engine: Engine, console: ConsoleClient
) -> None:
    ids = []
    with transaction(engine) as session:
        source = session.scalar(select(Source).where(Source.key == "web_form"))
        links = [*URLS, *([None] * len(INPUTS))]
        for raw_input, raw_link in zip(INPUTS, links, strict=False):
            # PostgreSQL text cannot hold NUL (the pipeline strips control characters).
            raw = raw_input.replace("\x00", "")
            link = raw_link.replace("\x00", "") if raw_link else None
            item = Item(
                source_id=source.id if source else None,
                status="pending",
                title=raw[:500],
                summary_html=raw,
                summary_text=raw,
                link=link,
                image_url=link,
                language="en",
                tags=["youth"],
            )
            session.add(item)
            session.flush()
            ids.append(item.id)
    pages = ["/moderation", "/items", "/"] + [f"/items/{item_id}" for item_id in ids]
    for path in pages:
        response = console.get(path)
        assert response.status_code == 200, path
        problems = html_problems(response.text, relative_ok=True, own_assets=True)
        assert problems == [], (path, problems[:5])
        assert "<style" not in response.text.lower(), path


def test_the_admin_pages_show_members_knowledge_and_errors_as_inert_text(
    engine: Engine,
) -> None:
    """Members' names, knowledge records and platform error texts come from outside too:
    every console page that shows them is checked like the item pages."""
    from hub.core.models import Channel, Delivery, Event, KnowledgeEntry, Member

    settings = example_settings()
    raws = [raw.replace("\x00", "") for raw in INPUTS]
    with transaction(engine) as session:
        sync_config(session, settings)
        channel = session.scalars(select(Channel).order_by(Channel.id)).first()
        assert channel is not None
        for n, raw in enumerate(raws):
            session.add(
                Member(
                    organisation=raw[:300] or "x",
                    contact_name=raw[:200],
                    email=f"m{n}@example.org",
                    topics=[raw[:40]],
                )
            )
            session.add(
                Event(
                    id=f"hostile-{n}",
                    kind="external",
                    name={"en": raw},
                    description={"en": raw},
                    city=raw[:120],
                    venue=raw[:300],
                    starts_on=dt.date(2026, 12, 1 + n % 28),
                )
            )
            session.add(
                KnowledgeEntry(
                    id=f"faq-hostile-{n}", kind="faq", name={"en": raw}, body={"en": raw}
                )
            )
            session.add(
                Delivery(
                    channel_id=channel.id,
                    kind="alert",
                    status="dead",
                    dedup_key=f"hostile-{n}",
                    last_error=raw,
                    payload={"text": raw},
                )
            )
    add_user(engine, "admin@example.org", "correct horse battery", role="admin")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as console:
        assert console.sign_in("admin@example.org", "correct horse battery").status_code == 303
        pages = ["/members", "/members/inactive", "/knowledge", "/deliveries", "/channels"]
        pages += [f"/deliveries?page={n}" for n in range(2, len(raws) // 50 + 2)] + ["/"]
        for path in pages:
            response = console.get(path)
            assert response.status_code == 200, path
            problems = html_problems(response.text, relative_ok=True, own_assets=True)
            assert problems == [], (path, problems[:5])
        from icalendar import Calendar

        calendar = Calendar.from_ical(console.get("/events.ics").text)
        assert len(calendar.walk("VEVENT")) == len(raws)  # every hostile title, as plain text

"""Every console page, in English and in Spanish, is usable with a keyboard and a screen
reader: a language, a title and one main heading; every form control has a label; every
button and image says what it is. The pages are found from the app's own routes, so a new
page is checked without anyone remembering to add it here."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import Engine, func, select, update
from starlette.routing import Route

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.members.links import preferences_token
from hub.core.models import (
    Award,
    AwardStep,
    Channel,
    Delivery,
    Event,
    Item,
    KnowledgeEntry,
    Member,
    NewsletterEdition,
    Question,
    User,
)
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    example_settings,
)

# The console's clock and the seeded data's: the preferences link is signed at this time.
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
NOT_PAGES = {"/healthz", "/readyz", "/favicon.ico", "/metrics", "/events.ics", "/login"}
CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


class Audit(HTMLParser):
    """What a page offers a screen reader: labels, controls, headings, buttons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self.h1 = 0
        self.label_for: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.problems: list[str] = []
        self._in_label = 0
        self._in_title = False
        self._button: dict[str, str | None] | None = None
        self._button_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self._in_label += 1
            if a.get("for"):
                self.label_for.add(str(a["for"]))
        elif tag in CONTROLS and (tag != "input" or a.get("type") not in UNLABELLED_INPUTS):
            self.controls.append({**a, "tag": tag, "wrapped": "yes" if self._in_label else None})
        elif tag == "img" and a.get("alt") is None:
            self.problems.append(f"an image without alt: {a.get('src')}")
        elif tag == "button":
            self._button, self._button_text = a, ""
        elif tag == "iframe" and not a.get("title"):
            self.problems.append(f"a frame without a title: {a.get('src')}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._in_label -= 1
        elif tag == "title":
            self._in_title = False
        elif tag == "button" and self._button is not None:
            if not self._button_text.strip() and not self._button.get("aria-label"):
                self.problems.append(f"a button without words: {self._button}")
            self._button = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._button is not None:
            self._button_text += data

    def unlabelled(self) -> list[str]:
        missing = []
        for c in self.controls:
            labelled = (
                c.get("wrapped")
                or c.get("aria-label")
                or c.get("aria-labelledby")
                or (c.get("id") and c["id"] in self.label_for)
            )
            if not labelled:
                missing.append(f"<{c['tag']} name={c.get('name')!r} id={c.get('id')!r}>")
        return missing


def seed(engine: Engine) -> dict[str, str]:
    """One of everything a page can show, so that no page is checked empty only."""
    now = NOW
    with transaction(engine) as session:
        sync_config(session, example_settings())
        item = Item(
            status="pending",
            title="Assemblies in Lyon",
            summary_html="<p>Lyon</p>",
            summary_text="Lyon",
            language="en",
            tags=["youth"],
        )
        member = Member(organisation="City of Lyon", contact_name="Claire", email="c@lyon.fr")
        session.add_all([item, member])
        session.add(
            Event(
                id="conf-2026",
                kind="conference",
                name={"en": "Conference"},
                starts_on=dt.date(2026, 12, 3),
            )
        )
        session.add(Award(id="award-2026", year=2026, name={"en": "Award"}))
        session.add(
            KnowledgeEntry(
                id="faq-office", kind="faq", name={"en": "Where?"}, body={"en": "Barcelona"}
            )
        )
        november = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        session.add(
            NewsletterEdition(
                language="en", period_start=november[0], period_end=november[1], subject="November"
            )
        )
        session.flush()
        step = AwardStep(award_id="award-2026", step="call", starts_on=dt.date(2026, 2, 1))
        session.add(step)
        session.add(
            Question(
                platform="telegram",
                reply_to="1",
                text="Budget?",
                handoff=True,
                status="open",
                member_id=member.id,
            )
        )
        channel_id = session.scalar(select(func.min(Channel.id)))
        session.add(
            Delivery(
                item_id=item.id,
                channel_id=channel_id,
                status="dead",
                last_error="channel_not_found",
            )
        )
        session.flush()
        edition_id = session.scalars(select(NewsletterEdition.id)).one()
        return {
            "item_id": str(item.id),
            "member_id": str(member.id),
            "edition_id": str(edition_id),
            "event_id": "conf-2026",
            "award_id": "award-2026",
            "step_id": str(step.id),
            "entry_id": "faq-office",
            "token": preferences_token(TEST_SECRET_KEY, member.id, now),
        }


def page_paths(app: object, ids: dict[str, str]) -> list[str]:
    paths = []
    for route in app.routes:  # type: ignore[attr-defined]
        if not isinstance(route, Route) or "GET" not in (route.methods or ()):
            continue
        platform_endpoint = route.path.startswith(("/slack/", "/telegram/", "/mailchimp/"))
        if route.path in NOT_PAGES or platform_endpoint:
            continue
        if route.path.endswith((".json", ".txt", "/preview", "/picture")):  # not pages
            continue
        path = re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: ids[m.group(1)], route.path)
        paths.append(path)
    return sorted(set(paths))


@pytest.mark.parametrize("language", ["en", "es", "ca"])
def test_every_page_has_labels_headings_and_a_language(engine: Engine, language: str) -> None:
    ids = seed(engine)
    add_user(engine, EMAIL, PASSWORD, role="admin")
    with transaction(engine) as session:
        session.execute(update(User).values(language=language))
    app = console_app(example_settings(), engine, clock=SteppingClock(NOW))
    paths = page_paths(app, ids)
    assert len(paths) >= 25, paths
    with ConsoleClient(app) as client:
        login = client.get("/login", headers={"accept-language": language})
        pages = {"/login": login.text}
        client.sign_in(EMAIL, PASSWORD)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            pages[path] = response.text
    report = {}
    for path, html in pages.items():
        audit = Audit()
        audit.feed(html)
        problems = audit.problems + audit.unlabelled()
        # a member's own page speaks the member's language (Claire's is English)
        expected = "en" if path.startswith("/preferences/") else language
        if audit.lang != expected:
            problems.append(f"lang={audit.lang!r}")
        if audit.h1 != 1:
            problems.append(f"{audit.h1} main headings")
        if not audit.title.strip():
            problems.append("no title")
        if problems:
            report[path] = problems
    assert report == {}

"""The Knowledge pages name things as people do: an event's kind in the reader's language
(calendar kinds too) and a seed document by its title, never by its hashed file name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.knowledge.loader import DOCUMENT_KIND
from hub.core.models import Event, KnowledgeEntry, User
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
EDITOR, PASSWORD = "editor@example.org", "correct horse battery"
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
HASHED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    with transaction(engine) as session:
        sync(session, load_directory(KNOWLEDGE), now=NOW)
        session.add(
            Event(
                id="calendar-open-day",
                kind="event",
                name={"en": "Open day on participation"},
                starts_on=(NOW + dt.timedelta(days=30)).date(),
                date_precision="day",
            )
        )
    add_user(engine, EDITOR, PASSWORD)
    app = console_app(example_settings(), engine, clock=SteppingClock(NOW))
    with ConsoleClient(app) as client:
        assert client.sign_in(EDITOR, PASSWORD).status_code == 303
        yield client


def speak(engine: Engine, language: str) -> None:
    with transaction(engine) as session:
        session.execute(update(User).where(User.email == EDITOR).values(language=language))


def document_titles(engine: Engine) -> dict[str, dict[str, str]]:
    with transaction(engine) as session:
        rows = session.execute(
            select(KnowledgeEntry.source_doc, KnowledgeEntry.name).where(
                KnowledgeEntry.kind == DOCUMENT_KIND
            )
        )
        return {str(file): dict(name) for file, name in rows}


@pytest.mark.parametrize(
    ("language", "kind"), [("en", "Event"), ("es", "Evento"), ("ca", "Esdeveniment")]
)
def test_kinds_and_seed_documents_are_shown_by_name(
    engine: Engine, client: ConsoleClient, language: str, kind: str
) -> None:
    speak(engine, language)
    page = client.get("/knowledge").text
    row = page[page.index("Open day on participation") :].split("</tr>")[0]
    assert f"<td>{kind}</td>" in row and "<td>event</td>" not in row
    assert not HASHED_FILE.search(page), HASHED_FILE.search(page)
    titles = document_titles(engine)
    assert titles and all(HASHED_FILE.fullmatch(file) for file in titles)
    shown = [t.get(language) or t["en"] for t in titles.values()]
    assert any(title.replace("'", "&#39;") in page for title in shown)

    with transaction(engine) as session:
        seeded = session.scalars(select(Event).where(Event.source_doc.is_not(None))).first()
        assert seeded is not None and seeded.source_doc is not None
        expected = titles[seeded.source_doc].get(language) or titles[seeded.source_doc]["en"]
    detail = client.get(f"/knowledge/events/{seeded.id}").text
    assert expected.replace("'", "&#39;") in detail and not HASHED_FILE.search(detail)

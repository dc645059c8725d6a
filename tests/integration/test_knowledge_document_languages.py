"""A seed document's title and description in five languages, edited on the Knowledge pages.

The hub's translations of a document's title and description are marked ``translated``
(shown "machine-translated" on the record's form, as an FAQ's are) and editable there;
the assistant answers a document's name in the member's language from them, and finds the
document by its English and its own language only: a translation, the hub's or a person's,
never makes a question find it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hub.core.assistant import Assistant
from hub.core.assistant.assistant import Answer
from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.models import KnowledgeEntry
from hub.core.translation.drafts import machine_languages
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
EDITOR, PASSWORD = "editor@example.org", "correct horse battery"
DECK = "/knowledge/entries/doc-ogp-local-deck"


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    with transaction(engine) as session:
        sync(session, load_directory(KNOWLEDGE), now=NOW)
    add_user(engine, EDITOR, PASSWORD, role="editor", name="Eli")
    app = console_app(example_settings(), engine, clock=SteppingClock(NOW))
    with ConsoleClient(app) as client:
        assert client.sign_in(EDITOR, PASSWORD).status_code == 303
        yield client


def ask(engine: Engine, question: str, language: str) -> Answer:
    with transaction(engine) as session:
        assistant = Assistant.from_session(session, use_lingua=False)
    return assistant.answer(question, now=dt.date(2024, 8, 27), lang=language)


def test_a_document_s_translations_are_marked_listed_and_editable(
    engine: Engine, client: ConsoleClient
) -> None:
    with transaction(engine) as session:
        deck = session.get_one(KnowledgeEntry, "doc-ogp-local-deck")
        assert sorted(deck.name) == sorted(deck.body) == ["ca", "en", "es", "fr", "pt"]
        assert machine_languages(deck) == ["ca", "es", "fr", "pt"]
    assert f'href="{DECK}"' in client.get("/knowledge").text
    form = client.get(DECK).text
    assert form.count('badge">machine-translated') == 4
    assert 'value="Presentación de OGP Local (Alianza para el Gobierno Abierto)"' in form

    said = ask(engine, "¿De qué documento sale la información de OGP Local?", "es")
    assert said.sources == ["doc-ogp-local-deck"]
    assert said.answer.startswith("Presentación de OGP Local"), said.answer
    assert "solo existe en inglés" not in said.answer

    typed = {f"question_{code}": deck.name[code] for code in deck.name}
    typed |= {f"answer_{code}": deck.body[code] for code in deck.body}
    typed["question_es"] = "Diapositivas Zarzamora de OGP Local"
    saved = client.submit(DECK, DECK, typed)
    assert saved.status_code == 303
    with transaction(engine) as session:
        deck = session.get_one(KnowledgeEntry, "doc-ogp-local-deck")
        assert deck.name["es"] == "Diapositivas Zarzamora de OGP Local"
        assert machine_languages(deck) == ["ca", "fr", "pt"]  # Spanish is a person's now
        assert deck.edited_by == EDITOR

    said = ask(engine, "¿De qué documento sale la información de OGP Local?", "es")
    assert said.answer.startswith("Diapositivas Zarzamora de OGP Local"), said.answer
    found = ask(engine, "¿Qué son las diapositivas Zarzamora?", "es")  # a translation's word
    assert "doc-ogp-local-deck" not in found.sources, found.answer

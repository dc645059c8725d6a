"""A source document is named and described in the asker's language, and found by its own
words only.

Every document record has its title and description in en, es, fr, ca and pt; the
languages the hub translated are marked ``translated``. The assistant answers with the
asker's language (no "this record exists only in English" note), but a document is found
by its English and its own language only (and by the plans citing it): a word that only a
translation of its title says never brings it (:class:`hub.core.assistant.index.Said`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.index import KnowledgeIndex, Said, text_in
from hub.core.knowledge import KnowledgeSet, load_directory

KNOWLEDGE = Path(__file__).resolve().parents[2] / "config" / "knowledge"
PLAN_2020 = "doc-work-plan-2020"
PLAN_2014 = "doc-work-plan-2014-2015"
DECK = "doc-ogp-local-deck"
CATALAN_2013 = "doc-work-plan-2013-ca"
ONLY_ENGLISH = ("solo existe en inglés", "n'existe qu'en anglais", "només existeix en anglès")


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "source", "named"),
    [
        ("de quel document vient le plan de travail 2020 ?", "2020-05-05", PLAN_2020,
         "Plan de travail 2020, Observatoire international"),
        ("de quin document surt el pla de treball 2020?", "2020-05-05", PLAN_2020,
         "Pla de treball 2020, Observatori Internacional"),
        ("¿cuál es el documento del plan de trabajo 2020?", "2020-05-05", PLAN_2020,
         "Plan de trabajo 2020, Observatorio Internacional"),
        ("em que documento está o plano de trabalho 2020?", "2020-05-05", PLAN_2020,
         "Plano de trabalho 2020, Observatório Internacional"),
        ("¿Qué documento recoge el plan de trabajo 2014-2015?", "2014-05-05", PLAN_2014,
         "Plan de trabajo de la Secretaría Técnica 2014-2015"),
        ("quel document contient le plan de travail 2014-2015 ?", "2014-05-05", PLAN_2014,
         "Plan de travail du Secrétariat technique 2014-2015"),
        ("quin document recull el pla de treball 2014-2015?", "2014-05-05", PLAN_2014,
         "Pla de treball de la Secretaria Tècnica 2014-2015"),
        ("qual é o documento do plano de trabalho 2014-2015?", "2014-05-05", PLAN_2014,
         "Plano de trabalho da Secretaria Técnica 2014-2015"),
        ("de quin document ve la informació d'OGP Local?", "2024-05-05", DECK,
         "Presentació d'OGP Local"),
        ("d'où viennent les informations sur OGP Local, quel document ?", "2024-05-05", DECK,
         "Présentation d'OGP Local"),
        ("¿hay una versión catalana del plan de trabajo 2013?", "2013-09-05", CATALAN_2013,
         "Plan de trabajo 2013 (versión catalana)"),
        ("existe uma versão catalã do plano de trabalho 2013?", "2013-09-05", CATALAN_2013,
         "Plano de trabalho 2013 (versão catalã)"),
        ("y a-t-il une version catalane du plan de travail 2013 ?", "2013-09-05", CATALAN_2013,
         "Plan de travail 2013 (version catalane)"),
        # the Catalan document's own words, not a translation, for a Catalan asker
        ("hi ha el pla de treball 2013 en català?", "2013-09-05", CATALAN_2013,
         "Pla de treball de la Secretaria Tècnica de l'OIDP per al 2013, validat"),
        # English stays the documents' English
        ("is there a Catalan version of the 2013 work plan?", "2013-09-05", CATALAN_2013,
         "Technical Secretariat work plan 2013 (Catalan version)"),
    ],
)  # fmt: skip
def test_a_document_is_named_in_the_askers_language(
    assistant: Assistant, question: str, now: str, source: str, named: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources == [source], answer.answer
    assert named in answer.answer, answer.answer
    assert not any(note in answer.answer for note in ONLY_ENGLISH), answer.answer


def _with_deck_title(language: str) -> KnowledgeSet:
    """The knowledge with the OGP Local deck's Spanish title changed to words no other record
    says, the deck written in ``language``: Spanish makes that title its own words."""
    knowledge = load_directory(KNOWLEDGE)
    documents = tuple(
        d.model_copy(
            update={
                "title": {**d.title, "es": "Cuaderno Zarzamora de la red"},
                "language": language,
            }
        )
        if d.id == DECK
        else d
        for d in knowledge.documents
    )
    return dataclasses.replace(knowledge, documents=documents)


@pytest.mark.parametrize(
    ("written_in", "found"),
    [("en", False), ("es", True)],
)
def test_a_translated_title_answers_but_never_finds_the_document(
    written_in: str, found: bool
) -> None:
    assistant = Assistant.from_knowledge(_with_deck_title(written_in))
    asked = assistant.answer("¿qué es el cuaderno Zarzamora?", now=dt.date(2024, 5, 5))
    assert (DECK in asked.sources) is found, asked.answer
    assert asked.handoff is not found, asked.answer
    named = assistant.answer(
        "¿De qué documento sale la información de OGP Local?", now=dt.date(2024, 5, 5)
    )
    assert named.sources == [DECK], named.answer
    assert named.answer.startswith("Cuaderno Zarzamora de la red"), named.answer


@pytest.mark.parametrize(
    "question",
    [
        "¿Qué es la Alianza para el Gobierno Abierto?",  # a deck's translated title's words
        "qu'est-ce que l'Observatoire international de la démocratie participative ?",
        "quines són les deu prioritats de la Secretaria Tècnica?",  # a translated description
    ],
)
def test_a_translation_s_words_bring_the_records_they_name_not_the_document(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 5, 5))
    assert not any(s.startswith("doc-") for s in answer.sources), answer.sources


def test_every_document_keeps_its_translations_apart_from_what_is_searched() -> None:
    knowledge = load_directory(KNOWLEDGE)
    index = KnowledgeIndex.from_knowledge(knowledge)
    for document in knowledge.documents:
        entry = index.entries[document.id]
        own = {"en", document.language}
        assert isinstance(entry.name, Said) and isinstance(entry.body, Said)
        assert set(entry.name) == set(entry.body) == own, document.id
        assert set(entry.name.translated) == {"es", "fr", "ca", "pt"} - own, document.id
        assert set(document.translated) <= set(entry.name.translated), document.id
        for language in ("es", "fr", "ca", "pt"):
            assert text_in(entry.name, language) == (document.title[language], language)
            assert text_in(entry.body, language) == (document.description[language], language)


def test_said_shows_its_own_languages_and_answers_with_the_rest() -> None:
    said = Said({"en": "Deck", "ca": "Presentació", "fr": "Présentation"}, ["ca"])
    assert dict(said) == {"en": "Deck", "ca": "Presentació"}
    assert "fr" not in said and list(said.values()) == ["Deck", "Presentació"]
    assert text_in(said, "fr") == ("Présentation", "fr")
    assert text_in(said, "pt") == ("Deck", "en")
    assert text_in({"en": "Deck"}, "fr") == ("Deck", "en")
    assert "Présentation" in repr(said)  # the retrieval cache's fingerprint sees a new one

"""Members' typos in the words that carry a question, corrected before it is read: a word no
language knows, one slip (a letter added, dropped, changed, two swapped) from exactly one
word the assistant knows, is that word. Words of any of the five languages, short words,
numbers, names and ties are left as typed, and what the records do not state is still
handed off however it is spelt."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.spelling import Speller, names_in

NOW = dt.date(2026, 1, 10)


@pytest.fixture(scope="module")
def speller(assistant: Assistant) -> Speller:
    return assistant.retriever.speller


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("conferenec", "conference"),  # two letters swapped (en)
        ("aplications", "applications"),  # a letter dropped (en)
        ("convocatroia", "convocatoria"),  # swapped (es)
        ("seminnaire", "seminaire"),  # doubled (fr)
        ("candidatter", "candidater"),  # doubled (fr)
        ("butleti", "butlleti"),  # dropped (ca)
        ("secretaira", "secretaria"),  # swapped (ca, es, pt)
        ("menbros", "membros"),  # changed (pt)
        ("slak", "slack"),  # dropped, four letters
    ],
)
def test_a_slip_of_one_known_word_is_that_word(speller: Speller, typed: str, meant: str) -> None:
    assert speller.correction(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "practise",  # an English word as it is
        "adesao",  # Portuguese "adesão", accents dropped
        "organizaba",  # an inflected form the records do not write
        "consultei",
        "remboursez",
        "topcs",  # "topics" or Spanish "topes": a tie
        "apel",  # "appel" or "papel": a tie
        "ala",  # short words collide
        "2014",
        "oidpp",  # no known word of five letters one slip away
    ],
)
def test_words_short_words_and_ties_are_left_alone(speller: Speller, typed: str) -> None:
    assert speller.correction(typed) is None


def test_names_are_never_corrected(speller: Speller) -> None:
    text = "Was the conference in Cascias or in Lisbon? The ofice knows."
    names = names_in(text)
    assert "cascias" in names
    assert "ofice" not in names  # a sentence's first word is not a name for its capital
    corrected = speller.corrected(["conference", "in", "cascias", "ofice"], names)
    assert corrected == ["conference", "in", "cascias", "office"]


@pytest.mark.parametrize(
    ("question", "now", "language", "source"),
    [
        ("how do I get into the OGP Local slak?", NOW, "en", "ogp-local-slack"),
        (
            "comment candidatter au prix des bonnes pratiques ?",
            dt.date(2020, 1, 20),
            "fr",
            "faq-best-practice-award",
        ),
        ("¿el OIDP tiene ofcina en Asia?", NOW, "es", "office-asia-planned"),
        (
            "on és l'oficina regioanl de l'Amèrica Llatina?",
            NOW,
            "ca",
            "office-latin-america-porto-alegre",
        ),
        ("quem são os menbros do círculo de inclusão?", NOW, "pt", "ogp-circle-inclusion"),
        ("com puc rebre el butleti de l'OIDP?", NOW, "ca", "faq-newsletter-subscription"),
    ],
)
def test_a_question_with_a_slip_is_answered(
    assistant: Assistant, question: str, now: dt.date, language: str, source: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert answer.language == language
    assert not answer.handoff
    assert source in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "what's the pasword of the members' area?",
        "can you reimburse my flihgt to the conference?",
        "¿me pagáis el hotell de la conferencia?",
        "quel temps fera-t-il à Barcelone demian ?",
        "o OIDP paga as viagens dos autarcas às conferências?",
    ],
)
def test_what_no_record_states_is_handed_off_however_spelt(
    assistant: Assistant, question: str
) -> None:
    assert assistant.answer(question, now=NOW).handoff

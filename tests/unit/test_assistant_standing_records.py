"""Standing records (how to join, the fees, what a body is) answer whatever present time the
question places itself in ("this year", "still", "before the end of the year"), and whatever
guesses it offers of what a body is ("an NGO or a network?"); a time still selects among
dated records, and a record of a plan or a year is not taken for a standing one. Questions
written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2022, 11, 10)

JOIN_NOW = [
    ("How can our council sign up before the end of the year?", "en"),
    ("Can my municipality still join this year?", "en"),
    ("¿Cómo podemos adherirnos antes de que acabe el año?", "es"),
    ("Comment notre mairie peut-elle adhérer à l'OIDP d'ici la fin du mois ?", "fr"),
    ("Com ens podem afegir a la xarxa abans que acabi l'any?", "ca"),
    ("Como é que a nossa câmara pode aderir ainda este ano?", "pt"),
]
FEE_NOW = [
    ("How much does membership cost this year?", "en"),
    ("¿Cuánto cuesta ser miembro este año?", "es"),
    ("Combien coûte l'adhésion cette année ?", "fr"),
    ("Quant costa ser membre aquest any?", "ca"),
    ("Quanto custa ser membro este ano?", "pt"),
]
GUESSED = [
    ("What is the IOPD, an NGO or a network of cities?", "en"),
    ("¿Qué es el OIDP, una ONG o una red de ciudades?", "es"),
    ("C'est quoi l'OIDP ? Une association, un réseau de villes ?", "fr"),
    ("Què és l'OIDP, una ONG o una xarxa de ciutats?", "ca"),
    ("O que é o OIDP, uma ONG ou uma rede de cidades?", "pt"),
]


@pytest.mark.parametrize(("question", "language"), JOIN_NOW)
def test_joining_now_is_answered_by_the_standing_record(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "faq-how-to-join-the-iopd"


@pytest.mark.parametrize(("question", "language"), FEE_NOW)
def test_this_years_fee_is_answered_by_the_standing_record(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "faq-membership-fee"  # and the records stating it too


@pytest.mark.parametrize(("question", "language"), GUESSED)
def test_what_a_body_is_asked_with_guesses_is_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "faq-what-is-the-iopd"


def test_this_years_events_still_list_the_dated_records(assistant: Assistant) -> None:
    answer = assistant.answer("What conferences are there this year?", now=dt.date(2013, 3, 10))
    assert not answer.handoff
    assert answer.sources == ["conference-13-cascais-2013"]


def test_this_years_plan_is_no_standing_record(assistant: Assistant) -> None:
    answer = assistant.answer("What is the work plan this year?", now=dt.date(2024, 3, 1))
    assert answer.handoff


def test_a_dated_record_asked_with_guesses_is_not_rescued(assistant: Assistant) -> None:
    answer = assistant.answer(
        "What is the conference about, climate or gender?", now=dt.date(2013, 3, 10)
    )
    assert answer.handoff


PROGRAMME_NOW = [
    ("How does a town sign up to OGP Local this year?", "en"),
    ("¿Cómo se suma un municipio a OGP Local este año?", "es"),
    ("Comment une commune rejoint-elle OGP Local cette année ?", "fr"),
    ("Com s'adhereix un municipi a OGP Local aquest any?", "ca"),
    ("Como é que uma cidade adere ao OGP Local este ano?", "pt"),
]


@pytest.mark.parametrize(("question", "language"), PROGRAMME_NOW)
def test_joining_a_programme_this_year_is_not_answered_by_a_deck_naming_the_year(
    assistant: Assistant, question: str, language: str
) -> None:
    # 2023: the OGP Local deck mentions the year's roundup; the year chooses no document
    answer = assistant.answer(question, now=dt.date(2023, 4, 12), lang=language)
    assert not answer.handoff
    assert answer.sources[0] in {"ogp-local-how-to-join", "faq-join-ogp-local"}


def test_a_document_asked_for_itself_this_year_is_still_the_document(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "What is in this year's OGP Local presentation?", now=dt.date(2023, 4, 12)
    )
    assert not answer.handoff
    assert answer.sources[0] == "doc-ogp-local-deck"

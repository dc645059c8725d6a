"""The parts of the work plans and their documents asked by what they are rather than by
their number or title, in the five languages: a language version of a plan's document ("is
there a Catalan version of the 2013 plan?"), a thematic priority called a priority theme
("le thème prioritaire sur le genre"), a plan's list asked with its count ("the 10
priorities of the 2014-2015 plan": all of them, the plan cited), while "priority 10" still
names one part. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CATALAN_DOCUMENT = [
    ("Does a Catalan version of the 2013 work plan exist?", "en", "Catalan"),
    ("Is there a Catalan version of the work plan 2013?", "en", "Catalan"),
    ("Which doc is the Catalan version of the 2013 work plan?", "en", "Catalan"),
    ("Tenim una versió catalana del pla de treball 2013?", "ca", "Pla de treball"),
    ("Existeix el pla de treball 2013 en versió catalana?", "ca", "Pla de treball"),
    ("Hi ha el pla de treball 2013 en català?", "ca", "2013"),
]

PRIORITY_THEMES = [
    (
        "Quel est le thème prioritaire sur le tirage au sort ?",
        "fr",
        "thematic-sortition",
        "tirage au sort",
    ),
    ("Quel thème prioritaire porte sur le genre ?", "fr", "thematic-gender", "genre"),
    ("¿Cuál es el tema prioritario sobre el género?", "es", "thematic-gender", "género"),
    (
        "¿Hay un tema prioritario sobre los marcos legales?",
        "es",
        "thematic-legal-frameworks",
        "Marcos legales",
    ),
    (
        "Quin és el tema prioritari sobre el canvi climàtic?",
        "ca",
        "thematic-climate-change",
        "canvi climàtic",
    ),
    ("Qual é o tema prioritário sobre o sorteio?", "pt", "thematic-sortition", "sorteio"),
    (
        "Qual é o tema prioritário sobre os orçamentos participativos jovens?",
        "pt",
        "thematic-youth-pb",
        "juventude",
    ),
]

COUNTED_LISTS = [
    (
        "C'est quoi les 10 priorités du plan 2014-2015 ?",
        "fr",
        "work-plan-2014-2015",
        "Bureaux régionaux",
    ),
    (
        "¿Qué son las 10 prioridades del plan 2014-2015?",
        "es",
        "work-plan-2014-2015",
        "Oficinas regionales",
    ),
    (
        "O que são as 10 prioridades do plano 2014-2015?",
        "pt",
        "work-plan-2014-2015",
        "Escritórios regionais",
    ),
    (
        "Què són les 10 prioritats del pla 2014-2015?",
        "ca",
        "work-plan-2014-2015",
        "Oficines regionals",
    ),
    (
        "What were the 10 priorities of the 2014-2015 plan?",
        "en",
        "work-plan-2014-2015",
        "Regional offices",
    ),
    ("What are the 4 lines of the 2013 work plan?", "en", "work-plan-2013", "visibility"),
    ("Qu'étaient les 4 axes du plan de travail 2013 ?", "fr", "work-plan-2013", "visibilité"),
    ("O que eram as 4 linhas do plano de trabalho 2013?", "pt", "work-plan-2013", "visibilidade"),
]

LABELLED_PARTS = [
    (
        "What is priority 10 of the 2014-2015 plan?",
        "en",
        "work-plan-2014-priority-10-other-conferences",
        "San Francisco",
    ),
    (
        "C'est quoi la priorité 6 du plan 2014-2015 ?",
        "fr",
        "work-plan-2014-priority-6-funding",
        "financement",
    ),
    (
        "¿Qué es la prioridad 7 del plan 2014-2015?",
        "es",
        "work-plan-2014-priority-7-working-groups",
        "Grupos de trabajo",
    ),
]


@pytest.mark.parametrize(("question", "language", "fact"), CATALAN_DOCUMENT)
def test_the_catalan_version_of_the_2013_plan_is_its_catalan_document(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2016, 1, 10))
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == ["doc-work-plan-2013-ca"]
    assert fact in answer.answer


@pytest.mark.parametrize(("question", "language", "source", "fact"), PRIORITY_THEMES)
def test_a_priority_theme_is_a_thematic_priority(
    assistant: Assistant, question: str, language: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 4, 1))
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == [source]
    assert fact.lower() in answer.answer.lower()


@pytest.mark.parametrize(("question", "language", "whole", "fact"), COUNTED_LISTS)
def test_a_count_before_the_parts_asks_them_all(
    lingua_assistant: Assistant, question: str, language: str, whole: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2014, 6, 1))
    assert answer.language == language
    assert not answer.handoff
    assert whole in answer.sources
    assert len(answer.sources) >= 5
    assert fact.lower() in answer.answer.lower()


@pytest.mark.parametrize(("question", "language", "source", "fact"), LABELLED_PARTS)
def test_a_number_after_the_kind_still_names_one_part(
    assistant: Assistant, question: str, language: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 6, 1))
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == [source]
    assert fact.lower() in answer.answer.lower()

"""Records pointed at by a reference the member copied from a document: a name in quotes or
chat markup ('…', "…", « … », *bold*, _italic_, a Slack link's label), a numbered item of a
plan or a series ("task 7", "la tâche 14", "séminaire 2"), a name written in another
language than the question. Each names its record; a marked name or a number that no
record carries stays a handoff. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.chatter import without_chatter
from hub.core.assistant.marked_names import marked_spans

NOW = dt.date(2020, 3, 1)

MARKED = [
    (
        "someone in the channel keeps talking about the *Global PB Hub*, what is it?",
        "en",
        "project-global-pb-hub",
    ),
    (
        "¿Qué es exactamente «La agenda para la democracia local» que cita el plan?",
        "es",
        "agenda-for-local-democracy",
    ),
    ("Qu'est-ce que le « Global PB Hub » dont parle le plan 2020 ?", "fr", "project-global-pb-hub"),
    (
        "O que é o _Open Gov Challenge_ que a colega mencionou no canal?",
        "pt",
        "ogp-open-gov-challenge",
    ),
    (
        "Què és <https://www.opengovpartnership.org/ogp-local|OGP Local> exactament?",
        "ca",
        "ogp-local",
    ),
    ("hem llegit «Global PB Hub» al pla 2020, què és?", "ca", "project-global-pb-hub"),
    ("qu'est-ce que *OGP Local* exactement ? notre mairie hésite", "fr", "ogp-local"),
]
"""A marked name answers the record it names, in whatever language it is written."""

NUMBERED = [
    ("what does task 7 of the 2020 plan say?", "en", "task-2020-07"),
    ("¿De qué trata la tarea 15 del plan 2020?", "es", "task-2020-15"),
    ("C'est quoi la tâche 14 du plan 2020 ?", "fr", "task-2020-14"),
    ("O que diz a tarefa 12 do plano?", "pt", "task-2020-12"),
    ("Què diu la tasca 3 del pla 2020?", "ca", "task-2020-03"),
    ("quand a lieu le séminaire 2 de l'OIDP ?", "fr", "iopd-seminar-2-2020"),
]
"""A kind's word and a number name the item of that label."""

OTHER_LANGUAGE = [
    (
        "Quel est le thème de la 13e Conférence ? On m'a dit « Citizenship for Sustainability »,"
        " il me faut la version française",
        "fr",
        "durabilité",
    ),
    (
        "¿Cuál es el tema de la 13.ª Conferencia? Me dijeron «Citizenship for Sustainability»,"
        " pero lo necesito en castellano",
        "es",
        "sostenibilidad",
    ),
    (
        "Qual foi o tema da 13.ª Conferência? Sei que era «Citizenship for Sustainability», mas"
        " preciso da versão portuguesa",
        "pt",
        "sustentabilidade",
    ),
    (
        "Quin era el tema de la 13a Conferència? Em van dir «Citizenship for Sustainability»,"
        " però el necessito en català",
        "ca",
        "sostenibilitat",
    ),
]
"""A name given in English, asked in the question's language: the language's name ("version
française") is no place nor a name misspelt ("Francisco")."""

UNKNOWN = [
    ("what is the 'Youth Budget Lab' our colleague mentioned?", "en"),
    ("¿Qué es el «Premio Ciudad Abierta» del que habla el boletín?", "es"),
    ("C'est quoi le « Fonds des villes résilientes » dont parlait Marie ?", "fr"),
    ("Què és el «Laboratori de Democràcia Digital» del pla?", "ca"),
    ("what is task 40 of the 2020 plan?", "en"),
    ("where was the 25th conference held?", "en"),
    ("when were the results of the 12th distinction published?", "en"),
    ("Por favor, inscríbannos en el Seminario 1 del OIDP.", "es"),
]
"""A marked name or a numbered item no record carries, or a request naming one: handed off."""


@pytest.mark.parametrize(("question", "language", "record"), MARKED)
def test_a_marked_name_answers_its_record(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == record
    assert answer.language == language


@pytest.mark.parametrize(("question", "language", "record"), NUMBERED)
def test_a_numbered_item_answers_its_record(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == record
    assert answer.language == language


@pytest.mark.parametrize(("question", "language", "said"), OTHER_LANGUAGE)
def test_a_name_in_another_language_answers_in_the_questions(
    assistant: Assistant, question: str, language: str, said: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 6, 15))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-13-cascais-2013"]
    assert answer.language == language
    assert said in answer.answer


@pytest.mark.parametrize(("question", "language"), UNKNOWN)
def test_a_reference_no_record_carries_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.language == language


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("what's the 'agenda for local democracy' the plan cites?", ["agenda for local democracy"]),
        ("l'OIDP et « Global PB Hub » ?", ["Global PB Hub"]),
        ("*bold* and _italic_ and “curly”", ["bold", "italic", "curly"]),
        ("what's l'OIDP's d'aquest plan", []),  # apostrophes are no quotes
        ("@equipa_participacao hi", []),
    ],
)
def test_marked_spans(text: str, spans: list[str]) -> None:
    assert marked_spans(text) == spans


def test_a_slack_link_is_read_as_its_label(assistant: Assistant) -> None:
    said = without_chatter("C'est quoi <https://x.org/ogp-local|OGP Local> ?", assistant.vocabulary)
    assert "« OGP Local »" in said
    said = without_chatter("voir <https://oidp.net|oidp.net> svp", assistant.vocabulary)
    assert "oidp.net" not in said  # a label that is an address: the link, left out

"""The words members use for the kinds of records and the network's bodies, in the five
languages: the network's seat (headquarters, sede, siège, la seu) is where its Technical
Secretariat is, while the seat of its presidency (elected for 2014) or a conference's
"sede" is that thing's own; and each kind's ordinary names reach its records, with the
words that are another language's everyday word or another kind's kept out. Sentences
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.index import EventView
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

NOW = dt.date(2026, 3, 1)
SECRETARIAT = "iopd-technical-secretariat"


@pytest.mark.parametrize(
    "question",
    [
        "where are the IOPD's headquarters?",
        "what city is the seat of the IOPD?",
        "the observatory is headquartered where?",
        "¿cuál es la sede del OIDP?",
        "¿en qué ciudad tiene su sede la red?",
        "où est le siège de l'OIDP ?",
        "dans quelle ville se trouve le siège social du réseau ?",
        "le siège de l'OIDP est à Dakar ?",
        "quina és la seu de l'OIDP?",
        "on té la seu la xarxa?",
        "qual é a sede do OIDP?",
        "em que cidade está sediado o observatório?",
    ],
)
def test_the_networks_seat_is_its_secretariats_place(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [SECRETARIAT]
    assert "Barcelon" in answer.answer


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("is the IOPD's headquarters in Madrid?", False),
        ("¿el OIDP tiene su sede en Barcelona?", True),
        ("le siège de l'OIDP est-il à Dakar ?", False),
        ("la seu de l'OIDP és a Barcelona?", True),
        ("a sede do OIDP é em Porto Alegre?", False),
    ],
)
def test_a_place_claimed_for_the_seat_is_checked_against_it(
    assistant: Assistant, question: str, yes: bool
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [SECRETARIAT]
    assert answer.answer.split()[0].rstrip(".").lower() in (
        {"yes", "sí", "oui", "sim"} if yes else {"no", "non", "não"}
    )


@pytest.mark.parametrize(
    "question",
    [
        "where is the seat of the network presidency for 2014?",
        "¿dónde estará la sede de la presidencia en 2014?",
        "où sera le siège de la présidence du réseau en 2014 ?",
        "on serà la seu de la presidència el 2014?",
        "qual será a sede da presidência da rede em 2014?",
        "who holds the presidency of the IOPD?",
    ],
)
def test_the_presidencys_seat_stays_a_handoff(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 6, 1))
    assert answer.handoff, answer.answer
    assert SECRETARIAT not in answer.sources


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("¿cuál fue la sede de la conferencia de 2020?", "conference-20-abidjan-2020"),
        ("qual foi a sede da conferência de 2013?", "conference-13-cascais-2013"),
        ("quina va ser la seu de la conferència del 2013?", "conference-13-cascais-2013"),
        ("où est basée la plateforme africaine ?", "office-africa-dakar"),
        ("where is the African platform headquartered?", "office-africa-dakar"),
    ],
)
def test_the_seat_of_another_thing_named_is_its_own(
    assistant: Assistant, question: str, record: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert SECRETARIAT not in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "when was the call for the seat of the presidency launched?",
        "¿cuándo se lanzó la convocatoria para la sede de la presidencia?",
        "quand l'appel pour le siège de la présidence a-t-il été lancé ?",
        "quan es va llançar la convocatòria per a la seu de la presidència?",
        "quando foi lançada a convocatória para eleger a sede da presidência?",
    ],
)
def test_the_presidency_seat_call_is_still_found(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert {"action-2013-presidency-call", "presidency-seat-call-2014"} & set(answer.sources)
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    "text",
    ["el seu web és nou?", "quin és el seu pla de treball?", "o seu plano de trabalho"],
)
def test_a_possessive_seu_asks_no_place(vocabulary: Vocabulary, text: str) -> None:
    assert read(text, vocabulary, NOW).qtype != "where"


PRIORITIES_2020 = {
    "priority-a-communication",
    "priority-b-evaluation",
    "priority-c-growing",
    "priority-d-learning",
}
VISIBILITY_2013 = {
    "action-2013-external-activities",
    "action-2013-other-networks",
    "action-2013-external-webs",
}
OFFICES = {"office-latin-america-porto-alegre", "office-africa-dakar"}


@pytest.mark.parametrize(
    ("question", "now", "records"),
    [
        # a work plan's strategic lines, as axes ("ejes": its own stem, not "eje")
        ("what are the axes of the IOPD's 2020 plan?", "2020-03-01", PRIORITIES_2020),
        ("¿qué ejes estratégicos tiene el plan 2020?", "2020-03-01", PRIORITIES_2020),
        ("quels sont les axes du plan 2020 de l'OIDP ?", "2020-03-01", PRIORITIES_2020),
        ("quins eixos té el pla 2020?", "2020-03-01", PRIORITIES_2020),
        ("que eixos tem o plano 2020 do OIDP?", "2020-03-01", PRIORITIES_2020),
        # a plan's tasks as actions, in the plural ("ações", "accions": stems of their own)
        (
            "which actions are in the visibility line of the 2013 plan?",
            "2013-06-01",
            VISIBILITY_2013,
        ),
        (
            "¿qué actuaciones prevé el plan 2013 para la línea de visibilidad?",
            "2013-06-01",
            VISIBILITY_2013,
        ),
        (
            "quelles actions prévoit le plan 2013 pour la ligne visibilité ?",
            "2013-06-01",
            VISIBILITY_2013,
        ),
        (
            "quines accions preveu el pla 2013 per a la línia de visibilitat?",
            "2013-06-01",
            VISIBILITY_2013,
        ),
        (
            "que ações prevê o plano 2013 para a linha de visibilidade?",
            "2013-06-01",
            VISIBILITY_2013,
        ),
        # the regional offices by the network's other names for them
        ("which regional antennas does the IOPD have?", "2020-03-01", OFFICES),
        ("¿qué delegaciones regionales tiene el OIDP?", "2020-03-01", OFFICES),
        ("quelles antennes régionales a l'OIDP ?", "2020-03-01", OFFICES),
        ("quines antenes regionals té l'OIDP?", "2020-03-01", OFFICES),
        ("que delegações regionais tem o OIDP?", "2020-03-01", OFFICES),
    ],
)
def test_a_kinds_ordinary_names_list_its_records(
    assistant: Assistant, question: str, now: str, records: set[str]
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert len(records & set(answer.sources)) >= 2, answer.sources


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # "platform" names the online platform (a project) as much as the African office
        # (an office's word): each is found by its own name
        ("what is the IOPD's online platform?", "project-participate-oidp"),
        ("¿qué es la plataforma en línea del OIDP?", "project-participate-oidp"),
        ("qu'est-ce que la plateforme en ligne de l'OIDP ?", "project-participate-oidp"),
        ("què és la plataforma en línia de l'OIDP?", "project-participate-oidp"),
        ("o que é a plataforma online do OIDP?", "project-participate-oidp"),
        ("where is the African platform?", "office-africa-dakar"),
        ("¿dónde está la plataforma africana?", "office-africa-dakar"),
        ("où est la plateforme africaine ?", "office-africa-dakar"),
        ("on és la plataforma africana?", "office-africa-dakar"),
        ("onde fica a plataforma africana?", "office-africa-dakar"),
        # Portuguese "oficina" is a workshop (Spanish and Catalan "oficina": an office)
        ("qual era o tema da oficina do OIDP em Rabat?", "basic-services-workshop-rabat-2013"),
        ("¿sobre qué era el taller del OIDP en Rabat?", "basic-services-workshop-rabat-2013"),
    ],
)
def test_a_word_of_two_kinds_finds_the_record_named(
    assistant: Assistant, question: str, record: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "what happened in Cascais in July 2013?",
        "¿qué ocurrió en Cascais en julio de 2013?",
        "que s'est-il passé à Cascais en juillet 2013 ?",
        "quins esdeveniments hi va haver a Cascais el juliol del 2013?",
        "o que aconteceu em Cascais em julho de 2013?",
    ],
)
def test_events_are_still_asked_by_what_happened(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 1, 15))
    assert not answer.handoff, answer.answer
    assert "conference-13-cascais-2013" in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        # French "pas" (not) and Spanish/Catalan "paso"/"pas" (a step) shared the events'
        # stem of "pasó"/"va passar": a negation or a step named the events (Portuguese
        # "passo" still shares French "passé"'s: that one is left, measured)
        "les membres ne paient pas de cotisation ?",
        "ce n'est pas à Barcelone, le secrétariat ?",
        "l'OIDP n'a pas de bureau à Lisbonne ?",
        "¿cuál es el primer paso para unirse al OIDP?",
        "quin és el primer pas per entrar a l'OIDP?",
        "what is the first step to join the IOPD?",
    ],
)
def test_a_negation_or_a_step_names_no_event(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 1))
    assert not any(isinstance(r, EventView) for r in answer.records), answer.answer

"""Which of two dated things comes first, asked as a choice in the five languages: "X before
or after Y?", "which came first, X or Y?", "qué fue antes, X o Y?", "quin va primer?", "qui
vient en premier ?", "o que vem primeiro?". Both records (two events, two offices' openings,
two steps of an award) are cited, the first named first with its date, then the other; one
thing named twice, a side naming nothing on record or nothing dated is handed off, and a
single order claimed ("is X before Y?") is still answered yes or no. Sentences written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.order_asked import LEAD

CHICAGO = "pb-conference-chicago-2013"
SF = "pb-conference-san-francisco-2014"
CASCAIS = "conference-13-cascais-2013"
RABAT = "uclg-congress-rabat-2013"
BERLIN = "informed-cities-forum-berlin-2013"
ABIDJAN = "conference-20-abidjan-2020"
WUF = "world-urban-forum-10-abu-dhabi-2020"
PORTO_ALEGRE = "office-latin-america-porto-alegre"
DAKAR = "office-africa-dakar"
AWARD = "iopd-award-2020"


@pytest.mark.parametrize(
    ("now", "question", "earlier", "later", "first_fact"),
    [
        ("2013-02-01", "is the Rabat UCLG congress before or after the Cascais conference?",
         CASCAIS, RABAT, "July"),
        ("2014-03-01", "the PB conference in San Francisco, before or after the one in Chicago?",
         CHICAGO, SF, "May"),
        ("2013-02-01", "what comes first, the Berlin forum or the UCLG congress in Rabat?",
         BERLIN, RABAT, "June"),
        ("2014-03-01", "¿qué fue antes, la conferencia de Chicago o la de San Francisco?",
         CHICAGO, SF, "mayo"),
        ("2013-02-01", "el foro de Berlín, ¿es antes o después de la conferencia de Cascais?",
         BERLIN, CASCAIS, "junio"),
        ("2013-02-01", "Le congrès de CGLU à Rabat, c'est avant ou après le forum de Berlin ?",
         BERLIN, RABAT, "juin"),
        ("2020-01-10", "Qu'est-ce qui vient en premier : la conférence d'Abidjan ou le FUM ?",
         WUF, ABIDJAN, "février"),
        ("2013-02-01", "Què ve primer, el fòrum de Berlín o la conferència de Chicago?",
         CHICAGO, BERLIN, "maig"),
        ("2013-02-01", "El congrés de CGLU a Rabat és abans o després del fòrum de Berlín?",
         BERLIN, RABAT, "juny"),
        ("2013-02-01", "O congresso da CGLU em Rabat é antes ou depois da conferência de Cascais?",
         CASCAIS, RABAT, "julho"),
        ("2014-03-01", "O que foi primeiro, a conferência de San Francisco ou a de Chicago?",
         CHICAGO, SF, "maio"),
        ("2018-05-01", "Which office opened first, Dakar or Porto Alegre?",
         PORTO_ALEGRE, DAKAR, "June"),
        ("2018-05-01", "¿Qué oficina abrió primero, la de Dakar o la de Porto Alegre?",
         PORTO_ALEGRE, DAKAR, "junio"),
        ("2018-05-01", "O escritório de Porto Alegre abriu antes ou depois do de Dakar?",
         PORTO_ALEGRE, DAKAR, "junho"),
    ],
)  # fmt: skip
def test_the_first_of_two_named_things_is_said_with_both_dates(
    lingua_assistant: Assistant, now: str, question: str, earlier: str, later: str, first_fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources[:2] == [earlier, later], answer.answer
    then = LEAD[answer.question_language or "en"][1]
    assert first_fact in answer.answer.split(then)[0], answer.answer


@pytest.mark.parametrize(
    ("question", "first_fact", "later_fact"),
    [
        ("Quin va primer, l'avaluació o la convocatòria de candidatures del premi d'aquest any?",
         "febrer", "abril"),
    ],
)  # fmt: skip
def test_two_steps_of_an_award_are_ordered_by_their_months(
    lingua_assistant: Assistant, question: str, first_fact: str, later_fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 1, 8))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [AWARD], answer.answer
    assert answer.answer.index(first_fact) < answer.answer.index(later_fact), answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2013-03-10", "is the Chicago PB conference before or after the award ceremony?"),
        ("2013-03-10", "¿la conferencia de Chicago es antes o después de la de Marte?"),
        ("2013-03-10", "which came first, the Berlin forum or the Berlin forum?"),
        ("2020-01-08", "Which comes first, the call for candidacies or the results?"),
        ("2022-04-04", "Quina oficina es va obrir primer, la de Porto Alegre o la de Tòquio?"),
        ("2013-03-10", "la conférence de Chicago, c'est avant ou après celle de Chicago ?"),
        ("2015-03-10", "A primeira conferência foi em Barcelona ou em Porto Alegre?"),
    ],
)
def test_one_side_not_on_record_or_named_twice_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("is the Chicago PB conference before the Cascais conference?", "Yes."),
        ("is the Cascais conference after the Chicago PB conference?", "Yes."),
    ],
)
def test_one_order_claimed_is_still_answered_yes_or_no(
    lingua_assistant: Assistant, question: str, opening: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2013, 3, 10))
    assert not answer.handoff, answer.answer
    assert answer.answer.startswith(opening), answer.answer
    assert set(answer.sources[:2]) == {CHICAGO, CASCAIS}, answer.answer

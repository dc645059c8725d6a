"""A detail of a real record that no record states, in the five languages: the language an
office works in, the month a step with no date is held in, how many attended, who sat on a
jury, who won, a budget. The record is found and what it does say is said, then the
question is handed off; never "yes" with another field, nor its summary. Where a record
does state the detail (a winner's name, a venue, a fee, a month), it answers. Sentences
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

OFFICE = "office-latin-america-porto-alegre"
AWARD = "iopd-award-2020"
ACADEMY = "citizenship-academy-2020"
CASCAIS = "conference-13-cascais-2013"
WUF = "world-urban-forum-10-abu-dhabi-2020"
VALENCIA = "ogp-roundup-valencia-award"


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        ("2012-04-04", "O escritório de Porto Alegre fala espanhol?", OFFICE, "língua"),
        ("2012-04-04", "L'oficina de Porto Alegre parla castellà?", OFFICE, "llengua"),
        (
            "2020-11-30",
            "¿Se publican los resultados del premio 2020 en diciembre?",
            AWARD,
            "fecha",
        ),
        ("2020-05-05", "What was the budget of the Citizenship Academy?", ACADEMY, "budget"),
        ("2020-05-05", "Qual é o orçamento da Academia de Cidadania?", ACADEMY, "orçamento"),
        ("2020-01-20", "¿Quién ganó el premio de buenas prácticas 2020?", AWARD, "ganadores"),
    ],
)
def test_a_detail_the_record_does_not_state_is_said_missing_and_handed_off(
    lingua_assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
    assert record in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2012-04-04", "Does the Porto Alegre office speak Spanish?"),
        ("2012-04-04", "Le bureau de Porto Alegre parle-t-il espagnol ?"),
        ("2020-11-30", "Es publiquen els resultats del premi 2020 al desembre?"),
        ("2020-11-30", "Are the 2020 award results published in December?"),
        ("2020-11-30", "Les résultats du prix 2020 sont-ils publiés en décembre ?"),
        ("2020-11-30", "Os resultados do prémio 2020 são publicados em dezembro?"),
        ("2018-01-01", "How many people attended the 2013 Cascais conference?"),
        ("2018-01-01", "Quants assistents va tenir la conferència de Cascais del 2013?"),
        ("2018-01-01", "Quantas pessoas assistiram à conferência de Cascais de 2013?"),
        ("2020-01-20", "Who sat on the jury of the 2020 best practice award?"),
        ("2020-01-20", "Qui formava el jurat del premi 2020?"),
        ("2020-05-05", "Who are the speakers at IOPD Seminar 2?"),
    ],
)
def test_a_detail_no_record_states_is_never_answered(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
    for yes in ("Yes", "Sí", "Oui", "Sim"):
        assert not answer.answer.startswith(yes)


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        ("2020-01-10", "Is the 2020 award call for entries in February?", AWARD, "February"),
        ("2020-01-10", "La convocatòria del premi 2020 és al febrer?", AWARD, "febrer"),
        ("2020-01-14", "Where is the WUF?", WUF, "Abu Dhabi"),
        ("2020-01-14", "¿Dónde es el FUM?", WUF, "Abu Dabi"),
        (
            "2023-12-12",
            "Who received the Valencia award for its OGP Local action plan?",
            VALENCIA,
            "José Tarraga",
        ),
        ("2018-06-04", "Does IOPD membership cost anything?", "faq-membership-fee", "no fee"),
    ],
)
def test_a_detail_a_record_states_is_answered(
    lingua_assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert record in answer.sources
    assert fact in answer.answer

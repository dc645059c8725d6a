"""A named moment of an award edition or an event (its ceremony, opening session, jury's
decision, registration...) asked "when" of records with no step of that kind: handed off,
saying which moment the documents do not date, instead of answered with another step's
date. The near misses stay answered: the same moments where a record has a step of their
kind (the evaluation is the jury's decision, a call its registration), and a call asked
by itself. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.index import AwardView, EventView, StepView
from hub.core.assistant.step_unstated import has_step, moments_asked, step_kinds
from hub.core.assistant.text import normalise

AWARD_YEAR = dt.date(2020, 1, 10)


@pytest.mark.parametrize(
    ("question", "moments"),
    [
        ("When is the closing ceremony?", ["closing"]),
        ("¿Cuándo se hace la entrega de premios?", ["ceremony"]),
        ("La séance d'ouverture est quand ?", ["opening"]),
        ("Quan arriba el veredicte del jurat?", ["jury"]),
        ("Quando abrem as inscrições?", ["registration"]),
        ("When does the call open?", []),
        ("Quand se termine l'appel ?", []),
    ],
)
def test_the_moments_a_question_names(question: str, moments: list[str]) -> None:
    assert moments_asked(normalise(question).split()) == moments


def test_a_step_is_one_of_a_kind_only_when_dated() -> None:
    kinds = step_kinds()
    award = AwardView(
        "a",
        {"en": "An award"},
        steps={
            "evaluation": StepView("evaluation", dt.date(2030, 4, 1), None, "month"),
            "results": StepView("results", None, None, "unknown"),
        },
    )
    call = EventView("c", "call", {"en": "Sessions wanted", "fr": "Sessions"})
    assert has_step(award, kinds["jury"])
    assert not has_step(award, kinds["results"])  # on record, but undated
    assert not has_step(award, kinds["ceremony"])
    assert has_step(call, kinds["registration"])
    assert not has_step(call, kinds["opening"])


@pytest.mark.parametrize(
    ("now", "question", "said"),
    [
        (
            "2020-01-10",
            "On what date will the 2020 Best Practice Award gala take place?",
            "ceremony",
        ),
        (
            "2020-01-10",
            "¿Cuándo es la entrega de premios de los premios a las buenas prácticas 2020?",
            "ceremonia",
        ),
        (
            "2020-01-10",
            "Quand a lieu la remise des prix du prix des bonnes pratiques 2020 ?",
            "cérémonie",
        ),
        (
            "2020-01-10",
            "Quan es farà el lliurament dels premis a les bones pràctiques 2020?",
            "cerimònia",
        ),
        ("2020-01-10", "Quando é a inauguração da conferência de Abidjan?", "sessão de abertura"),
        ("2013-02-10", "In which month is the awards ceremony of the 7th Distinction?", "ceremony"),
        ("2020-03-01", "Quan és la inscripció per a la conferència de 2020?", "inscripció"),
    ],
)
def test_a_moment_no_step_dates_is_handed_off_saying_which(
    lingua_assistant: Assistant, now: str, question: str, said: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
    assert said in answer.answer


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2020-01-10", "When will the jury decide on the 2020 best practice award?", "April"),
        (
            "2020-01-10",
            "¿Cuándo es la convocatoria del premio a las buenas prácticas 2020?",
            "febrero",
        ),
        (
            "2020-01-10",
            "Quand ont lieu les inscriptions au prix des bonnes pratiques 2020 ?",
            "février",
        ),
        ("2020-03-01", "Quan és la convocatòria de sessions per a la conferència 2020?", "abril"),
        (
            "2020-01-10",
            "Quando é a chamada de candidaturas do prémio de boas práticas 2020?",
            "fevereiro",
        ),
        ("2013-02-10", "When is the call of the 7th Distinction?", "2013"),
        (
            "2020-03-01",
            "When is registration for the call for sessions of the 2020 conference?",
            "April",
        ),
    ],
)
def test_a_moment_a_step_of_its_kind_dates_stays_answered(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer

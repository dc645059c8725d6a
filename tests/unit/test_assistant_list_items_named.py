"""List questions in the five languages: a list asked of one plan or one year is drawn from
that plan's or that year's records, a list whose items are the parts of one record (a plan's
lines, priorities, working groups) names that record, and a proper name an item carries in
every language ("Horizon 2020", the EU programme) is written as such in all of them. Near
misses that must not change: a question of one record's trait the records do not hold is
still handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

HORIZON = "project-horizon-2020"
PLAN_2013 = "work-plan-2013"
NEW_WG = "working-group-new-statutes"
OLD_WG = "working-group-local-observatories"
IN_2020 = "2020-03-01"
IN_2014 = "2014-05-01"


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        (IN_2020, "Which projects are in the 2020 work plan?", HORIZON, "Horizon 2020"),
        (IN_2020, "¿Qué proyectos recoge el plan de trabajo 2020?", HORIZON, "Horizon 2020"),
        (IN_2020, "Quels projets figurent dans le plan de travail 2020 ?", HORIZON, "Horizon 2020"),
        (IN_2020, "Que projetos estão no plano de trabalho 2020?", HORIZON, "Horizon 2020"),
        (IN_2020, "Quins projectes hi ha al pla de treball 2020?", HORIZON, "Horizon 2020"),
        (IN_2020, "What are the four lines of the 2013 work plan?", PLAN_2013, "visibility"),
        (IN_2020, "Quels sont les axes du plan de travail 2013 ?", PLAN_2013, "visibilité"),
        (IN_2020, "¿Cuáles son las líneas del plan de trabajo 2013?", PLAN_2013, "visibilidad"),
        (IN_2020, "Quines són les línies del pla de treball 2013?", PLAN_2013, "visibilitat"),
        (IN_2020, "Quais são as linhas do plano de trabalho 2013?", PLAN_2013, "visibilidade"),
        (IN_2014, "Which working groups are new in the 2014-2015 plan?", NEW_WG, "statutes"),
        (IN_2014, "Quels groupes de travail sont nouveaux au plan 2014-2015 ?", NEW_WG, "statuts"),
        (IN_2014, "¿Qué grupos de trabajo nuevos crea el plan 2014-2015?", NEW_WG, "estatutos"),
        (IN_2014, "Que grupos de trabalho existiam no plano 2014-2015?", OLD_WG, "associações"),
        (IN_2014, "Which working groups are in the 2014-2015 plan?", OLD_WG, "statutes"),
    ],
)
def test_a_list_of_one_plans_records_names_them(
    lingua_assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact.lower() in answer.answer.lower()


@pytest.mark.parametrize(
    ("now", "question"),
    [
        (IN_2020, "What budget does the Horizon 2020 project of the IOPD have?"),
        (IN_2020, "Quin pressupost té el projecte Horitzó 2020 de l'OIDP?"),
        (IN_2020, "¿Qué presupuesto tiene el proyecto Horizon 2020 del OIDP?"),
        (IN_2020, "Quel est le budget du projet Horizon 2020 de l'OIDP ?"),
        (IN_2020, "Qual é o orçamento do projeto Horizon 2020 do OIDP?"),
    ],
)
def test_a_trait_no_record_holds_is_still_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


AWARD_2020 = "iopd-award-2020"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("which steps does the 2020 award have?", "Evaluation"),
        ("¿cuáles son las etapas del premio 2020?", "Evaluación"),
        ("quelles sont les étapes du prix 2020 ?", "Évaluation"),
        ("quines són les etapes del premi 2020?", "Avaluació"),
        ("quais as etapas do prémio OIDP 2020?", "Avaliação"),
    ],
)
def test_an_awards_steps_are_its_dated_steps(
    lingua_assistant: Assistant, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 1, 10))
    assert not answer.handoff, answer.answer
    assert AWARD_2020 in answer.sources
    assert fact in answer.answer


def test_one_step_asked_is_still_that_step_alone(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "when is the evaluation of the 2020 award?", now=dt.date(2020, 1, 10)
    )
    assert not answer.handoff, answer.answer
    assert "April" in answer.answer
    assert "January" not in answer.answer

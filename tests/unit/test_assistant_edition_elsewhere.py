"""An edition of a recurring thing asked in a year the records hold no edition of is handed
off, not answered with another year's edition; the edition held, asked by its year, its
number or with no year, is still answered, and so is a past year recalled in the past tense.
Sentences written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2014-05-02", "When does the Berlin Informed Cities Forum take place in 2014?"),
        ("2014-05-02", "¿Cuándo es el foro Informed Cities de Berlín este año?"),
        ("2014-05-02", "Le forum Informed Cities de Berlin de cette année, c'est quand ?"),
        ("2014-05-02", "Quan és el fòrum Informed Cities de Berlín d'aquest any?"),
        ("2014-05-02", "Quando é o fórum Informed Cities de Berlim deste ano?"),
        ("2026-10-01", "Will the next IOPD conference be held in Africa in 2027?"),
        ("2026-10-01", "¿La próxima conferencia del OIDP será en África en 2027?"),
        ("2026-10-01", "A próxima conferência do OIDP vai ser em África em 2027?"),
        ("2023-03-10", "Is the Iberian PB Meeting in Cascais again this year?"),
        (
            "2023-03-10",
            "La trobada ibèrica de pressupostos participatius torna a ser a Cascais aquest any?",
        ),
        ("2016-02-10", "Where is the Democracine festival in 2016?"),
        ("2016-02-10", "Où a lieu le festival Democracine en 2016 ?"),
    ],
)
def test_another_years_edition_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2013-04-02", "When is the Informed Cities Forum in 2013?", "June"),
        ("2013-04-02", "¿Cuándo es el foro Informed Cities?", "junio"),
        ("2013-04-02", "Quand a lieu le forum Informed Cities ?", "juin"),
        ("2020-03-01", "Quan és la 20a conferència de l'OIDP?", "juliol"),
        ("2020-03-01", "Onde é a conferência do OIDP de 2020?", "Abidjan"),
        ("2020-05-01", "Where is the Iberian PB Meeting?", "Cascais"),
        ("2020-05-01", "¿La conferencia del OIDP de 2020 es en agosto?", "julio"),
        ("2026-11-11", "The Chicago PB conference in May 2014, which days was it?", "2013"),
        ("2013-03-01", "Is the Chicago participatory budgeting conference in June?", "May"),
        ("2021-05-01", "When was the last IOPD conference?", "2020"),
    ],
)
def test_the_edition_held_is_still_answered(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer, answer.answer

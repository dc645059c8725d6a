"""Questions no record answers, handed off rather than answered with a near record: whether a
planned event finally took place, the names and e-mails of people, a city's councillor by
office, a count as of today, being taken off the newsletter, what a study cost. Near misses
stay as they were: a past event asked plainly, the planned offices asked whether they opened,
how to subscribe to the newsletter. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2020, 9, 15)


@pytest.mark.parametrize(
    "question",
    [
        "Did the Abidjan conference finally take place?",
        "Did the Abidjan conference go ahead in the end, or was it finally held online?",
        "¿Al final se celebró la conferencia de Abiyán o la aplazaron?",
        "La conférence d'Abidjan a-t-elle finalement eu lieu ?",
        "La conferència d'Abidjan es va acabar fent?",
        "A conferência de Abidjan chegou a realizar-se?",
        "¿Se aplazó la conferencia de Abiyán?",
        "Could you send me the names and emails of the working group's coordinators?",
        "Necesito nombres y correos de quienes llevan el grupo de trabajo",
        "Who is the councillor in charge of Madrid's lobby register?",
        "¿Cómo se llama el concejal responsable del registro de lobbies de Madrid?",
        "Qui est l'adjoint au maire chargé du registre des lobbies à Madrid ?",
        "Quants lobbies té registrats Madrid avui?",
        "Quantos lobbies tem Madrid registados hoje?",
        "Please unsubscribe me from the newsletter, my address is ana@example.org",
        "Voudriez-vous me désinscrire de la newsletter ?",
        "Podeu donar-me de baixa del butlletí?",
        "Quanto custou o estudo sobre estruturas de monitorização?",
    ],
)
def test_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("When was the 13th IOPD conference?", "2013"),
        ("¿Cuándo fue la conferencia de Cascais?", "2013"),
        ("Quan es fa la conferència d'Abidjan?", "2020"),
        ("Com em subscric al butlletí de l'OIDP?", "butlletí"),
        ("comment je m'abonne à la newsletter de l'OIDP ?", "newsletter"),
        ("Le bureau régional de l'OIDP en Asie a-t-il finalement ouvert ?", "Asie"),
        ("Chegou a abrir o escritório regional do OIDP no norte da Europa?", "Europa"),
    ],
)
def test_still_answered(lingua_assistant: Assistant, question: str, fact: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, question
    assert fact in answer.answer

"""A record matched only by the words any member uses of anyone in the network (a city, a
council, an organisation, a project) is one of many, not the one meant: "a city has a new
project, what is it?" is handed off, in the five languages. A record that a question names
by words of its own (its name, its place, its subject) is still answered."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2025, 3, 3)
METROPOLIS = "project-pilot-cities-metropolis"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "question",
    [
        "Vi que una ciudad tiene un proyecto nuevo. ¿De qué se trata?",
        "Une ville membre a un nouveau projet, c'est quoi ?",
        "Uma cidade tem um projeto novo. O que é?",
        "Un ajuntament té un projecte nou, de què va?",
        "Our council heard about a project of another municipality, what is it?",
        "a town in the network has a project, what's it about",
        "Hemos oído que un ayuntamiento tiene un proyecto, ¿cuál?",
        "Uma organização da rede lançou um projeto. Qual?",
    ],
)
def test_generic_words_alone_are_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.sources == []


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("what is the metropolis pilot cities project?", METROPOLIS),
        ("¿Qué es el proyecto de ciudades piloto de Metropolis?", METROPOLIS),
        ("C'est quoi le projet des villes pilotes de Metropolis ?", METROPOLIS),
        ("¿Qué es el proyecto PARTICIPATE?", "project-participate-oidp"),
        ("O que é o projeto PARTICIPATE?", "project-participate-oidp"),
        ("Què és el projecte PARTICIPATE?", "project-participate-oidp"),
    ],
)
def test_a_project_named_by_its_own_words_is_answered(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert source in answer.sources

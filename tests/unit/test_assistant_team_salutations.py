"""A letter-like message opening by addressing the team ("Benvolgut equip,", "Chère équipe,",
"Prezada equipe,") and signed with a name is answered as its question: the salutation names
the addressee, not a topic. Near miss: a question about a team itself keeps its topic.
Messages written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 5, 4)


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Dear colleagues,\nWhich regional offices does the IOPD have?\nBest,\nTom", "en"),
        ("Querido equipo:\n¿Qué oficinas regionales tiene el OIDP?\nUn saludo,\nMarta", "es"),
        ("Bonjour à l'équipe,\nQuels sont les bureaux régionaux de l'OIDP ?\nMerci,\nLéa", "fr"),
        ("Benvolgut equip,\nQuines oficines regionals té l'OIDP?\nMoltes gràcies,\nJordi", "ca"),
        ("Bom dia equipa,\nQuais são os escritórios regionais do OIDP?\nObrigado,\nRui", "pt"),
    ],
)
def test_salutation_to_the_team_is_no_topic(
    lingua_assistant: Assistant, message: str, language: str
) -> None:
    answer = lingua_assistant.answer(message, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert "office-africa-dakar" in answer.sources
    assert "Dakar" in answer.answer


def test_a_team_asked_about_is_still_the_topic(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("Quants membres té l'equip de la Secretaria Tècnica?", now=NOW)
    assert answer.handoff  # how many people: no record counts them
    assert answer.sources == ["iopd-technical-secretariat"]

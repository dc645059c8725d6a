"""Questions written in Catalan, with their equivalents in the other four languages.

Who runs an award (manages, organises, supervises it) is answered from the award's own
description when it says so in a verb of running it; who won it is still handed off. A short
Catalan question ending in an accented name ("qui gestiona la Distinció?") is read as
Catalan: French never writes "ó", "í" or "ú". Catalan "seu" before "de" is a seat ("seu del
secretariat"), never the possessive "his"."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

TODAY = dt.date(2013, 3, 11)
AWARD = "iopd-distinction-7-2013"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("Qui gestiona la 7a Distinció de bones pràctiques?", "ca", "Secretaria Tècnica"),
        ("Qui organitza la VII Distinció?", "ca", "Secretaria Tècnica"),
        ("qui supervisa la distinció de bones pràctiques?", "ca", "Secretaria Tècnica"),
        ("qui gestiona la Distinció?", "ca", "Secretaria Tècnica"),
        ("¿Quién gestiona la 7.ª Distinción de buenas prácticas?", "es", "Secretaría Técnica"),
        ("¿Quién organiza la Distinción de buenas prácticas?", "es", "Secretaría Técnica"),
        ("¿quién gestiona la Distinción?", "es", "Secretaría Técnica"),
        ("Who manages the 7th best practice distinction?", "en", "Technical Secretariat"),
        ("Who supervises the best practice award?", "en", "Technical Secretariat"),
        ("Qui gère la 7e Distinction des bonnes pratiques ?", "fr", "Secrétariat technique"),
        ("Qui supervise la Distinction des bonnes pratiques ?", "fr", "Secrétariat technique"),
        ("Quem gere a 7.ª Distinção de boas práticas?", "pt", "Secretariado Técnico"),
        ("Quem organiza a Distinção de boas práticas?", "pt", "Secretariado Técnico"),
    ],
)
def test_who_runs_an_award_is_answered_from_its_description(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == [AWARD]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("qui va guanyar la 7a Distinció?", "ca"),
        ("who won the 7th distinction?", "en"),
        ("¿Quién ganó la 7.ª Distinción?", "es"),
        ("Qui a gagné la 7e Distinction ?", "fr"),
        ("Quem ganhou a 7.ª Distinção?", "pt"),
    ],
)
def test_who_won_an_award_is_still_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert answer.language == language
    assert answer.handoff
    assert answer.sources in ([], [AWARD])
    assert "OIDP" in answer.answer or "IOPD" in answer.answer  # passed to the secretariat


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("qui gestiona la Distinció?", "ca"),
        ("quin és el lloc de la Conferència?", "ca"),
        ("on és la Conferència?", "ca"),
        ("qui gère la Distinction ?", "fr"),
        ("où est la Conférence ?", "fr"),
        ("¿dónde es la Conferencia?", "es"),
    ],
)
def test_accented_letters_tell_catalan_from_french(
    assistant: Assistant, question: str, language: str
) -> None:
    assert assistant.answer(question, now=TODAY).language == language


@pytest.mark.parametrize(
    "question", ["Seu del secretariat?", "seu de la Secretaria Tècnica de l'OIDP?"]
)
def test_catalan_seu_before_de_asks_a_seat(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2016, 2, 15))
    assert answer.language == "ca"
    assert not answer.handoff
    assert answer.sources == ["iopd-technical-secretariat"]
    assert "Barcelona" in answer.answer

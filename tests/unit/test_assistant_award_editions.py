"""Award editions: "the next" asked before the first edition on record is that first one,
answered with its date; who runs an edition (or its call) is who its record says runs it.
"The next" after the last edition and who won an edition stay handed off. Questions
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.award_editions import step_words_beside_home, who_runs_step

BEFORE_FIRST = dt.date(2012, 6, 14)
DURING_SEVENTH = dt.date(2013, 3, 20)
AFTER_LAST = dt.date(2024, 9, 3)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When will the next IOPD Distinction take place?", "en"),
        ("¿Para cuándo la próxima Distinción del OIDP?", "es"),
        ("Quand aura lieu la prochaine Distinction de l'OIDP ?", "fr"),
        ("Quan serà la propera Distinció de l'OIDP?", "ca"),
        ("Quando vai ser a próxima Distinção do OIDP?", "pt"),
    ],
)
def test_the_next_before_the_first_edition_is_the_first_ahead(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=BEFORE_FIRST, lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-distinction-7-2013"]
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When will the next IOPD Distinction take place?", "en"),
        ("¿Para cuándo la próxima Distinción del OIDP?", "es"),
        ("Quand aura lieu la prochaine Distinction de l'OIDP ?", "fr"),
        ("Quan serà la propera Distinció de l'OIDP?", "ca"),
        ("Quando vai ser a próxima Distinção do OIDP?", "pt"),
    ],
)
def test_the_next_after_the_last_edition_is_still_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=AFTER_LAST, lang=language)
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When is the next award?", "en"),
        ("¿Cuándo es el próximo premio?", "es"),
    ],
)
def test_the_next_award_without_the_acronym_is_answered_as_before(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=BEFORE_FIRST, lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-distinction-7-2013"]


@pytest.mark.parametrize(
    ("question", "language", "runner"),
    [
        ("Who manages the call for entries of the 7th Distinction?", "en", "Technical Secretariat"),
        ("¿Quién gestiona la convocatoria de la 7.ª Distinción?", "es", "Secretaría Técnica"),
        ("Qui organise l'appel de la 7e Distinction ?", "fr", "Secrétariat technique"),
        ("Qui organitza la convocatòria de la 7a Distinció?", "ca", "Secretaria Tècnica"),
        ("Quem organiza a convocatória da 7.ª Distinção?", "pt", "Secretariado Técnico"),
    ],
)
def test_who_runs_an_editions_call_is_who_its_record_says(
    assistant: Assistant, question: str, language: str, runner: str
) -> None:
    answer = assistant.answer(question, now=DURING_SEVENTH, lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-distinction-7-2013"]
    assert runner in answer.answer


def test_who_runs_an_edition_by_its_name_is_answered_as_before(assistant: Assistant) -> None:
    answer = assistant.answer("Who runs the 7th Distinction?", now=DURING_SEVENTH, lang="en")
    assert not answer.handoff
    assert "Technical Secretariat" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Who won the 7th Distinction?", "en"),
        ("¿Quién ganó la 7.ª Distinción?", "es"),
        ("Qui a gagné la 7e Distinction ?", "fr"),
        ("Qui va guanyar la 7a Distinció?", "ca"),
        ("Quem ganhou a 7.ª Distinção?", "pt"),
    ],
)
def test_who_won_an_edition_is_still_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 2, 1), lang=language)
    assert answer.handoff


def test_who_runs_a_call_the_record_names_no_runner_of_is_handed_off(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "Who organises the call for candidacies of the 2020 award?",
        now=dt.date(2020, 5, 7),
        lang="en",
    )
    assert answer.handoff


def test_the_networks_acronym_is_no_step_word() -> None:
    assert step_words_beside_home([{"iopd", "oidp"}, {"call"}], {"iopd", "oidp"}) == [{"call"}]


def test_who_runs_a_step_needs_a_running_verb_and_relation(assistant: Assistant) -> None:
    vocabulary = assistant.vocabulary
    said = "The Technical Secretariat calls for entries and supervises the edition."
    assert who_runs_step("who", "organiser", "call_for_entries", said, vocabulary)
    assert not who_runs_step("who", "received_by", "call_for_entries", said, vocabulary)
    assert not who_runs_step("who", "organiser", None, said, vocabulary)
    assert not who_runs_step("when", "organiser", "call_for_entries", said, vocabulary)
    assert not who_runs_step("who", "organiser", "call_for_entries", "", vocabulary)

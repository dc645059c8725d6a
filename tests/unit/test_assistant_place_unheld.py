"""A yes/no question that closes on a place no record writes ("was the 2019 conference in
Montreal?") is no claim the records confirm: the record that names no place of its own is
handed off, one held elsewhere answers no with its own place, and a record's own place, in
any language's name of it, is still answered yes. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

LATER = dt.date(2024, 5, 1)

PLACE_UNKNOWN = [  # the 2019 conference: known by its year only, no place on record
    ("Did the 2019 conference take place in Montreal?", "en"),  # cities the vocabulary
    ("¿La conferencia de 2019 fue en Montreal?", "es"),  # names in each language, and no
    ("La conférence de 2019 a eu lieu à Genève ?", "fr"),  # record writes
    ("La conferència del 2019 es va fer a Mont-real?", "ca"),
    ("A conferência de 2019 foi em Nova Iorque?", "pt"),
]

HELD_ELSEWHERE = [  # the 2013 conference: Cascais
    ("Was the July 2013 IOPD conference in Sintra?", "en"),
    ("La conférence de l'OIDP de juillet 2013, c'était à Lisbonne ?", "fr"),
    ("A conferência do OIDP de julho de 2013 foi em Lisboa?", "pt"),
]

HELD_THERE = [
    ("Was the July 2013 IOPD conference in Cascais?", "en"),
    ("¿La conferencia del OIDP de julio de 2013 fue en Cascais?", "es"),
    ("La conférence de l'OIDP de 2020 a eu lieu à Abidjan ?", "fr"),
    ("¿La conferencia del OIDP de 2020 fue en Abiyán?", "es"),
]


@pytest.mark.parametrize(("question", "language"), PLACE_UNKNOWN)
def test_a_place_no_record_writes_is_not_confirmed(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=LATER, lang=language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(("question", "language"), HELD_ELSEWHERE)
def test_a_record_held_elsewhere_answers_no_with_its_place(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=LATER, lang=language)
    assert not answer.handoff
    assert answer.sources == ["conference-13-cascais-2013"]
    assert "Cascais" in answer.answer
    assert answer.answer.split(".")[0].strip() in {"No", "Non", "Não"}


@pytest.mark.parametrize(("question", "language"), HELD_THERE)
def test_a_records_own_place_is_still_confirmed(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=LATER, lang=language)
    assert not answer.handoff
    assert answer.answer.split(".")[0].strip() in {"Yes", "Sí", "Oui"}


def test_a_month_typed_in_lower_case_is_no_place(assistant: Assistant) -> None:
    answer = assistant.answer("el seminario 1 del oidp es en marzo?", now=dt.date(2020, 2, 1))
    assert not answer.handoff
    assert answer.sources == ["iopd-seminar-1-2020"]

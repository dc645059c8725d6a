"""Answers invented where the records lack the detail asked: handed off instead (issue 22).

A question may ask, beside its slot, something no record states: who won an award (the
award's records say what it recognises, never who got it), the sum of a prize, what a
meeting's minutes say, the next event of a kind when the one known is years away. Each is
handed off; the same records still answer what they do state. Questions written for this
test, in words of their own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2021, 3, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which towns were the winners of the ninth Distinction?", "en"),
        ("¿Qué municipios fueron los ganadores de la 7.ª Distinción?", "es"),
        ("Pouvez-vous me donner la liste des lauréats de la IXe Distinction ?", "fr"),
        ("Quins ajuntaments van guanyar la novena Distinció?", "ca"),
        ("Quais foram as cidades vencedoras da 7.ª Distinção?", "pt"),
        ("Quel prix a gagné Bogotá lors du Roundup de 2023 ?", "fr"),
        ("Que prémio ganhou Aragão no Roundup de 2023?", "pt"),
    ],
)
def test_winners_no_record_names_are_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert answer.handoff
    assert answer.language == language


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What prize did Valencia win for its OGP Local action plan?", "en"),
        ("¿Qué premio ganó València por su plan de acción de OGP Local?", "es"),
    ],
)
def test_a_record_naming_who_received_a_prize_still_answers(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 5, 1), lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "ogp-roundup-valencia-award"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("How much is the amount of the cash prize for the 9th Distinction?", "en"),
        ("¿Cuánto dinero es la dotación de la 9.ª Distinción?", "es"),
        ("Combien d'argent représente le montant de la 9e Distinction ?", "fr"),
        ("Quin import en diners té el premi de la 9a Distinció?", "ca"),
        ("Qual é o montante da 9.ª Distinção em dinheiro?", "pt"),
    ],
)
def test_a_sum_no_record_states_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2015, 3, 1), lang=language)
    assert answer.handoff
    assert answer.sources == ["iopd-distinction-9"]  # the award found, its sum not stated


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which expenses of the 9th Distinction could crowdfunding pay for?", "en"),
        ("Quines despeses de la 9a Distinció podria pagar el micromecenatge?", "ca"),
    ],
)
def test_what_a_prize_would_pay_for_is_still_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2015, 3, 1), lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-distinction-9"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Can you summarise what the minutes of the 2019 conference say?", "en"),
        ("¿Qué recogen las actas de la conferencia del OIDP de 2019?", "es"),
        ("Que dit le compte rendu de la conférence 2019 ?", "fr"),
        ("Què diuen les actes de la conferència del 2019?", "ca"),
    ],
)
def test_what_minutes_say_is_handed_off(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 1), lang=language)
    assert answer.handoff


def test_when_the_minutes_are_written_is_still_answered(assistant: Assistant) -> None:
    answer = assistant.answer(
        "When does the Secretariat prepare the minutes of the 2019 conference?",
        now=dt.date(2019, 11, 1),
        lang="en",
    )
    assert not answer.handoff
    assert answer.sources == ["conference-2019-minutes-2020-01"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When will the next OGP Local Roundup come out?", "en"),
        ("¿Cuándo sale el próximo Roundup de OGP Local?", "es"),
    ],
)
def test_a_next_event_known_only_years_ahead_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 6, 1), lang=language)
    assert answer.handoff


def test_a_next_event_within_the_plans_reach_is_answered(assistant: Assistant) -> None:
    answer = assistant.answer("When is the next OGP Local Roundup?", now=dt.date(2023, 2, 1))
    assert not answer.handoff
    assert answer.sources == ["ogp-local-roundup-2023-11"]


def test_where_an_entry_is_found_gives_its_web_address(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Monterrey's call on gender violence data: where can I read its rules?",
        now=dt.date(2024, 5, 1),
        lang="en",
    )
    assert not answer.handoff
    assert "decidimco.monterrey.gob.mx" in answer.answer

"""Questions about cost: what membership costs, whether an award gives prize money, how the
network is funded, and what no record prices (a sum, a ticket, a flight), in five languages.

A cost is answered only from a record that states one, or states that something is free;
the record asked about that states none is handed off, never answered with another
record's fee.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

TODAY = dt.date(2026, 6, 1)
AWARD_YEAR = dt.date(2020, 2, 10)


@pytest.mark.parametrize(
    ("question", "language", "fee"),
    [
        ("Does joining the IOPD cost us anything?", "en", "fee"),
        ("Is there a yearly fee to be part of the network?", "en", "fee"),
        ("¿Cuánto cuesta afiliarse al OIDP?", "es", "cuota"),
        ("Faut-il payer une cotisation pour adhérer à l'OIDP ?", "fr", "cotisation"),
        ("Quant costa fer-se membre de l'OIDP?", "ca", "quota"),
        ("Quanto custa a filiação no OIDP?", "pt", "quota"),
    ],
)
def test_membership_costs_nothing_and_the_answer_names_the_fee(
    assistant: Assistant, question: str, language: str, fee: str
) -> None:
    answer = assistant.answer(question, now=TODAY, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "faq-membership-fee"
    assert f" {fee} " in f" {normalise(answer.answer)} "  # the fee asked, named: there is none
    assert "logo" in normalise(answer.answer)  # what members do instead ("logótipo")


@pytest.mark.parametrize(
    ("question", "language", "funds"),
    [
        ("Is there money for the winner of the 2020 best practice award?", "en", "funds"),
        ("¿Hay dinero para el ganador del premio de buenas prácticas 2020?", "es", "fondos"),
        ("Y aura-t-il de l'argent pour le prix des bonnes pratiques 2020 ?", "fr", "fonds"),
        ("Hi haurà diners per al premi de bones pràctiques 2020?", "ca", "fons"),
        ("Haverá dinheiro para o prémio de boas práticas 2020?", "pt", "fundos"),
    ],
)
def test_prize_money_is_answered_by_the_award_step_stating_it(
    assistant: Assistant, question: str, language: str, funds: str
) -> None:
    answer = assistant.answer(question, now=AWARD_YEAR, lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-award-2020", "task-2020-13"]  # the step and its task
    assert funds in answer.answer
    assert "13e" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Qual é o valor em dinheiro do prémio de 2020?", "pt"),
        ("How much money will the winner of the 2020 award receive?", "en"),
        ("¿Cuánto dinero recibirá el ganador del premio 2020?", "es"),
        ("Quants diners rebrà el guanyador del premi 2020?", "ca"),
    ],
)
def test_the_sum_of_the_prize_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=AWARD_YEAR, lang=language)
    assert answer.handoff  # the records name no sum


def test_prize_money_asked_after_the_award_year_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Does the 2020 best practice award give money to the winner?", now=TODAY, lang="en"
    )
    assert answer.handoff  # the plan meant to look for funds; what came of it is not stated
    assert "iopd-award-2020" in answer.sources
    assert "monetary award" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Do we have to pay to apply for the 2020 best practice award?", "en"),
        ("Who pays my flight to the conference?", "en"),
        ("Quanto custa o bilhete para a conferência de Cascais?", "pt"),
    ],
)
def test_a_price_no_record_states_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=AWARD_YEAR, lang=language)
    assert answer.handoff
    assert "faq-membership-fee" not in answer.sources  # never another record's fee


@pytest.mark.parametrize(
    ("question", "language", "said"),
    [
        ("Members don't pay fees, so how is the IOPD funded?", "en", "crowdfunding"),
        ("¿Cómo se financia el OIDP si no se paga cuota?", "es", "crowdfunding"),
        ("Com es finança l'OIDP?", "ca", "crowdfunding"),
        ("Como é financiado o OIDP?", "pt", "crowdfunding"),
    ],
)
def test_how_the_network_is_funded_is_its_funding_record(
    assistant: Assistant, question: str, language: str, said: str
) -> None:
    answer = assistant.answer(question, now=TODAY, lang=language)
    assert not answer.handoff
    assert answer.intent == "what"  # how it is funded, not a price
    assert "iopd-funding" in answer.sources
    assert said in answer.answer


def test_a_cost_question_in_lingua_keeps_the_askers_language(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer("Quanto custa a filiação no OIDP?", now=TODAY)
    assert answer.language == "pt"
    assert not answer.handoff
    assert answer.sources[0] == "faq-membership-fee"

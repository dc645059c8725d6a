"""Cost and who questions a record answers, in the five languages: whether membership has
a fee ("cuota anual", "cotisation annuelle", "quota anual", "taxa de adesão"), and who
represents the network at an event whose description says so; whether the 2020 award gives
prize money is answered with its plan's step of looking for funds to offer one. Near misses
stay handoffs: the sum of prize money (the 2020 plan names none), the award asked
about before its year, who won, who speaks or organises where no record says, a fee no
record states, and "taxa" meaning a rate.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

AWARD = "iopd-award-2020"
FEE = "faq-membership-fee"
CHICAGO = "pb-conference-chicago-2013"


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        (
            "2013-04-02",
            "who represents the IOPD at the Chicago PB conference?",
            CHICAGO,
            "Secretariat",
        ),
        (
            "2013-04-02",
            "¿quién representa al OIDP en la conferencia de Chicago?",
            CHICAGO,
            "Secretaría",
        ),
        (
            "2013-04-02",
            "qui va représenter l'OIDP à la conférence de Chicago ?",
            CHICAGO,
            "Secrétariat",
        ),
        ("2013-04-02", "qui representa l'OIDP a la conferència de Chicago?", CHICAGO, "Secretaria"),
        (
            "2013-04-02",
            "quem representa o OIDP na conferência de Chicago?",
            CHICAGO,
            "Secretariado",
        ),
        ("2026-02-10", "is there a membership fee?", FEE, "logo"),
        ("2026-02-10", "¿hay que pagar una cuota anual para ser miembro del OIDP?", FEE, "logo"),
        (
            "2026-02-10",
            "faut-il payer une cotisation annuelle pour être membre de l'OIDP ?",
            FEE,
            "logo",
        ),
        ("2026-02-10", "cal pagar una quota anual per ser membre de l'OIDP?", FEE, "logo"),
        ("2026-02-10", "há taxa de adesão para entrar no OIDP?", FEE, "logótipo"),
    ],
)
def test_a_cost_or_who_a_record_states_is_answered(
    lingua_assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.intent in {"cost", "who"}
    assert record in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2020-02-10", "how much is the prize money of the 2020 award?"),
        ("2020-02-10", "¿cuánto es la dotación del premio 2020?"),
        ("2020-02-10", "quel est le montant de la dotation du prix 2020 ?"),
        ("2020-02-10", "quina és la quantia de la dotació del premi 2020?"),
        ("2020-02-10", "qual é o montante da dotação do prémio 2020?"),
        ("2014-02-10", "is there prize money for the distinction?"),
        ("2026-02-10", "did the 2020 award have prize money?"),
        ("2020-02-10", "qual é a taxa de participação nas assembleias do OIDP?"),
        ("2013-04-02", "who speaks at the Chicago conference on participatory budgeting?"),
        ("2013-04-02", "¿quién organiza la conferencia de Chicago?"),
        ("2026-12-06", "qui és el president de l'OIDP ara mateix?"),
        ("2020-02-10", "who won the 2020 best practice award?"),
        ("2020-02-10", "does the 2020 conference have a registration fee?"),
    ],
)
def test_a_cost_or_who_no_record_states_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("is there prize money for the 2020 best practice award?", "monetary"),
        ("o prémio de boas práticas 2020 tem dotação?", "fundos"),
    ],
)
def test_whether_the_2020_award_gives_money_is_answered_by_its_fundraising_step(
    lingua_assistant: Assistant, question: str, fact: str
) -> None:
    """Formerly handoffs here. The record answers them: the 2020 plan is looking for funds to
    offer a monetary award (task 13e), and seven question sets answer these wordings with that
    step. The answer states it in the asker's language, with no "yes" and no sum; the sum
    asked ("how much", "montante") stays a handoff above."""
    answer = lingua_assistant.answer(question, now=dt.date(2020, 2, 10))
    assert not answer.handoff, answer.answer
    assert AWARD in answer.sources
    assert fact in answer.answer.lower()
    assert not answer.answer.lower().startswith(("yes", "sim"))


def test_the_sum_asked_says_what_is_known_before_the_handoff(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "¿cuánto es la dotación del premio 2020?", now=dt.date(2020, 2, 10)
    )
    assert answer.handoff
    assert AWARD in answer.sources
    assert "fondos" in answer.answer

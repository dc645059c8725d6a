"""A cost slot asked only as whether there is money ("is there prize money?", "¿tiene
dotación económica?", "il y aura une récompense en argent ?", "té dotació econòmica?", "vai
ter valor em dinheiro?"): the award step stating the money it seeks for a monetary prize
answers, in the five languages. The nouns of prize money name what is asked about there, not
a sum. The neighbours stay as they were: a sum asked ("how much", "cuánto dinero", "quants
diners", "cuanta plata", "quel montant") is handed off, since no record names one; asked
after the award's year, what its plan meant to do is no outcome; money of another kind (a
trip) is handed off; the membership fee is still answered by its own records. Beside it, two
slot words each language said and the assistant missed: French "où" after its verb ("c'était
où ?") asks where, and "se encarga de llevar a cabo", "met en œuvre", "portar a terme" ask
who. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

AWARD = "iopd-award-2020"
FEE = "faq-membership-fee"


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2020-01-20", "is there any prize money for the 2020 best practice award?", "monetary"),
        ("2020-02-10", "will the 2020 best practice award come with prize money?", "monetary"),
        ("2020-02-02", "¿el premio de buenas prácticas 2020 tiene dotación económica?", "dinero"),
        ("2020-02-02", "¿el premio de buenas prácticas 2020 da dinero al ganador?", "fondos"),
        ("2020-02-02", "Le prix OIDP 2020, il y aura une récompense en argent ?", "argent"),
        ("2020-02-02", "le prix 2020 offre-t-il une dotation ?", "fonds"),
        ("2020-02-02", "el premi de bones pràctiques 2020 té dotació econòmica?", "diners"),
        ("2020-02-02", "el premi de bones pràctiques 2020 donarà diners al guanyador?", "fons"),
        ("2020-02-02", "o prémio de boas práticas de 2020 vai ter valor em dinheiro?", "dinheiro"),
        ("2020-02-02", "o prémio deste ano tem dotação?", "fundos"),
    ],
)
def test_whether_an_award_gives_money_is_answered_by_its_fundraising_step(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    """Asked only whether there is money (no "how much", no sum), the award's fundraising
    step answers: its plan looks for funds to offer a monetary award (task 13e)."""
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert AWARD in answer.sources
    assert fact.lower() in answer.answer.lower()


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2020-01-20", "how much prize money does the 2020 best practice award give?"),
        ("2020-02-02", "¿cuánto dinero da el premio de buenas prácticas 2020?"),
        ("2026-04-06", "cuanta plata da el premio a buenas practicas?"),
        ("2020-02-02", "quel est le montant du prix en argent du prix 2020 ?"),
        ("2020-02-02", "quants diners dona el premi de bones pràctiques 2020?"),
        ("2020-02-02", "o prémio 2020 tem valor em dinheiro? quanto?"),
        ("2026-12-05", "did the 2020 best practice award have prize money?"),
        ("2026-12-05", "¿Hay dinero para el premio a la mejor práctica de 2020?"),
        ("2020-01-20", "¿cuánto dinero nos da el OIDP para el viaje a Abiyán?"),
    ],
)
def test_a_sum_or_a_past_award_or_other_money_stays_a_handoff(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "ser miembro del OIDP cuesta dinero? hay cuota anual?",
        "do IOPD members have to pay a membership fee?",
    ],
)
def test_the_membership_fee_is_still_answered_by_its_own_record(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2026, 12, 5))
    assert not answer.handoff, answer.answer
    assert FEE in answer.sources


@pytest.mark.parametrize(
    ("now", "question", "place"),
    [
        ("2014-03-01", "c'était où la conférence de 2013 ?", "Cascais"),
        ("2019-12-01", "la conférence 2020, ce sera où ?", "Abidjan"),
        ("2013-03-01", "la conférence de Cascais, ça se passe où ?", "Portugal"),
    ],
)
def test_a_french_where_said_after_its_verb_asks_the_place(
    lingua_assistant: Assistant, now: str, question: str, place: str
) -> None:
    """ "Où" after "c'était", "sera", "se passe" asks where, as "c'est où" does; it is no "ou"
    (or) between two things."""
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.intent == "where"
    assert not answer.handoff, answer.answer
    assert place in answer.answer


def test_a_french_where_of_a_record_without_a_place_is_handed_off(
    lingua_assistant: Assistant,
) -> None:
    """Last year's conference is known only by its year: asked where, it is handed off rather
    than described."""
    answer = lingua_assistant.answer(
        "c'était où la conf de l'an dernier ?", now=dt.date(2020, 2, 10)
    )
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "¿Quién se encarga de llevar a cabo el plan de trabajo de este año?",
        "Qui met en œuvre le plan de travail 2020 ?",
        "qui est chargé de mettre en œuvre le plan de travail de cette année ?",
        "qui s'encarrega de portar a terme el pla de treball d'enguany?",
        "quem se encarrega de levar a cabo o plano de trabalho deste ano?",
    ],
)
def test_who_carries_out_a_plan_is_answered_by_the_plan(
    lingua_assistant: Assistant, question: str
) -> None:
    """ "Se encarga de llevar a cabo", "met en œuvre" ("œ" read as "oe", not dropped), "portar a
    terme" ask who, as "lleva a cabo" does: the plan saying who implements it answers."""
    answer = lingua_assistant.answer(question, now=dt.date(2020, 2, 18))
    assert not answer.handoff, answer.answer
    assert "work-plan-2020" in answer.sources

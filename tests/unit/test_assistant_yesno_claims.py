"""Yes/no questions stating a claim to be confirmed or corrected (issue 22): a statement
closed by a tag ("..., non ?", "..., ¿verdad?", "..., oi?", "..., não é?", "..., right?",
"n'est-ce pas", "c'est ça ?") or by "rather" ("plutôt ?"). Where a record's field settles
the claim (the year a collaboration began), the answer is yes or no with the record's
value, cited (a later year than its own is corrected by its year alone, no "no"); where
none does (published? cancelled?), the question is handed off, never answered with a
description of the record."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.claim_tags import claim_tag

TODAY = dt.date(2026, 12, 6)
UCLG = {"iopd-uclg-relation", "iopd"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("l'OIDP travaille avec CGLU depuis 2004, non ?", "Non."),
        ("l'OIDP collabore avec CGLU depuis 2006, n'est-ce pas ?", "Oui."),
        ("l'oidp bosse avec cglu depuis 2012 c'est ça ?", "L'OIDP"),
        ("The IOPD has worked with UCLG since 2010, right?", "The IOPD"),
        ("the IOPD has collaborated with UCLG since 2006, hasn't it?", "Yes."),
        ("Has the IOPD collaborated with UCLG since 2001?", "No."),
        ("El OIDP colabora con CGLU desde 2008, ¿verdad?", "El OIDP"),
        ("el OIDP trabaja con CGLU desde 2006, ¿no?", "Sí."),
        ("L'OIDP col·labora amb CGLU des del 2005, oi?", "No."),
        ("l'OIDP treballa amb CGLU des de l'any 2006, oi?", "Sí."),
        ("O OIDP trabalha com a CGLU desde 2003, não é?", "Não."),
        ("o OIDP colabora com a CGLU desde 2006, né?", "Sim."),
    ],
)
def test_a_year_claimed_with_since_is_settled_by_the_records_own(
    assistant: Assistant, question: str, opening: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert set(answer.sources) & UCLG
    assert "2006" in answer.answer


@pytest.mark.parametrize(
    ("question", "tag"),
    [
        ("it's in Montreal, right?", 1),
        ("the conference is in Lisbon, isn't it?", 3),
        ("la conferencia fue en 2015, ¿verdad?", 1),
        ("la conferencia fue en 2015, ¿no?", 1),
        ("c'est à Lisbonne, n'est-ce pas ?", 4),
        ("elle est pas à Lisbonne plutôt ?", 1),
        ("la conferència és a Cascais, oi?", 1),
        ("é em Lisboa, não é?", 2),
        ("é em Lisboa né?", 1),
        ("is it in Lisbon?", 0),  # no tag
        ("where is it, no", 1),  # a tag after a question word: read apart (no claim)
        ("no", 0),  # nothing before it
        ("the answer is no", 0),  # "no" without a comma closes many a statement
    ],
)
def test_a_tag_is_found_closing_a_claim(question: str, tag: int) -> None:
    assert claim_tag(question) == tag


@pytest.mark.parametrize(
    "question",
    [
        "Est-ce que le groupe de travail sur les OMD post-2015 a publié sa position commune ?",
        "has the MDG post-2015 working group published its common position?",
        "¿El grupo de trabajo sobre los ODM post-2015 publicó su posición común?",
        "la conférence de 2020 a été annulée, non ?",
        "the 2020 conference was cancelled, right?",
        "la conferencia de 2020 se canceló, ¿verdad?",
        "a conferência de 2020 foi cancelada, não foi?",
        "la conferència del 2020 es va cancel·lar, oi?",
    ],
)
def test_a_claim_no_field_settles_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 5, 1))
    assert answer.handoff


def test_a_count_claimed_with_a_tag_is_still_a_count(assistant: Assistant) -> None:
    answer = assistant.answer("le plan de travail 2020 a 40 tâches, non ?", now=dt.date(2020, 3, 1))
    assert answer.answer.startswith("Non.")
    assert "22" in answer.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("the cascais conference was in lisbon, right?", "No."),
        ("la conferencia de Cascais fue en Lisboa, ¿no?", "No."),
        ("la conférence de Cascais, elle est à Lisbonne, non ?", "Non."),
        ("a conferência de Cascais foi em Lisboa, não foi?", "Não."),
        ("la conferència de Cascais va ser a Lisboa, oi?", "No."),
        ("la conference de cascais, elle est pas a lisbonne plutot?", "13e"),  # negated:
        ("wasn't the Cascais conference in Lisbon rather?", "13th"),  # its place alone
    ],
)
def test_another_place_claimed_of_an_event_named_by_its_city_is_corrected(
    assistant: Assistant, question: str, opening: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 6, 1))
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert answer.sources[:1] == ["conference-13-cascais-2013"]
    assert "Cascais" in answer.answer

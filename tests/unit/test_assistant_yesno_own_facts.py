"""Yes/no questions whose claim is one of a record's own facts: when something began, the
season an event falls in, the language a document is written in.

"Has the IOPD worked with UCLG for long?" asks a judgement no record makes, but the record
states the year the collaboration began: that year is the answer, with no "yes" or "no". A
year claimed with "since" in a statement's word order ("colabora con CGLU desde 2010?") is
a claim of the same fact. A season asked of an event dated by a month that straddles the
season's edge ("this autumn?" of one in September) is answered by its month, no "yes" or
"no"; a month wholly outside the season is still a "no", and a record dated only by its
year says nothing of a season (handed off). What no record states is still handed off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

HANDOFF = "handoff"
YES_NO = ("Yes", "No", "Sí", "Sim", "Não", "Oui", "Non")


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "lang", "now", "fact"),
    [
        ("has the IOPD been working with UCLG for long?", "en", "2026-12-06", "2006"),
        ("Has the OIDP been collaborating with UCLG for a long time?", "en", "2026-12-06", "2006"),
        ("l'OIDP collabore avec CGLU depuis longtemps ?", "fr", "2026-12-06", "2006"),
        ("¿El OIDP colabora con CGLU desde hace mucho tiempo?", "es", "2026-12-06", "2006"),
        ("l'OIDP col·labora amb CGLU des de fa temps?", "ca", "2026-12-06", "2006"),
        ("o OIDP colabora com a CGLU há muito tempo?", "pt", "2026-12-06", "2006"),
        ("¿El OIDP colabora con CGLU desde 2010?", "es", "2026-12-06", "2006"),
        ("l'OIDP col·labora amb CGLU des del 2010?", "ca", "2026-12-06", "2006"),
        ("el foro global de democracia directa es este otoño?", "es", "2020-05-10", "septiembre"),
        (
            "le forum mondial de la démocratie directe, c'est cet automne ?",
            "fr",
            "2020-05-10",
            "septembre",
        ),
        (
            "el fòrum global de democràcia directa és aquesta tardor?",
            "ca",
            "2020-05-10",
            "setembre",
        ),
        (
            "is the global forum on modern direct democracy this autumn?",
            "en",
            "2020-05-10",
            "September",
        ),
        ("o fórum global da democracia direta é neste outono?", "pt", "2020-05-10", "setembro"),
        ("Hola, el pla de treball del 2013 existeix en català?", "ca", "2020-05-10", "català"),
        ("Hi ha una versió catalana del pla de treball 2013?", "ca", "2020-05-10", "català"),
    ],
)
def test_a_claim_of_a_records_own_fact_is_answered_with_it(
    assistant: Assistant, question: str, lang: str, now: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=lang)
    assert not answer.handoff, answer.answer
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "lang", "now"),
    [
        ("has the IOPD been working with UCLG for long?", "en", "2026-12-06"),
        ("l'OIDP collabore avec CGLU depuis longtemps ?", "fr", "2026-12-06"),
        ("el foro global de democracia directa es este otoño?", "es", "2020-05-10"),
        ("o fórum global da democracia direta é neste outono?", "pt", "2020-05-10"),
        ("Amb quina xarxa col·labora l'OIDP des del 2006?", "ca", "2026-12-06"),
        ("¿Con qué red colabora el OIDP desde 2006?", "es", "2026-12-06"),
        ("Avec quel réseau l'OIDP collabore-t-il depuis 2006 ?", "fr", "2026-12-06"),
    ],
)
def test_a_judgement_or_a_straddled_season_gets_no_yes_or_no(
    assistant: Assistant, question: str, lang: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=lang)
    assert not answer.answer.startswith(YES_NO), answer.answer


@pytest.mark.parametrize(
    ("question", "lang", "now", "expected"),
    [
        ("O OIDP colabora com a CGLU desde 2006?", "pt", "2026-12-06", "Sim"),
        ("l'oidp bosse avec cglu depuis 2006?", "fr", "2026-12-06", "Oui"),
        ("is the global forum on modern direct democracy this spring?", "en", "2020-05-10", "No"),
        ("el foro global de democracia directa es este invierno?", "es", "2020-05-10", "No"),
        ("has the IOPD worked with the World Bank for long?", "en", "2026-12-06", HANDOFF),
        (
            "l'OIDP travaille avec la Banque mondiale depuis longtemps ?",
            "fr",
            "2026-12-06",
            HANDOFF,
        ),
        ("is the UCLG retreat in Barcelona this spring?", "en", "2020-01-10", HANDOFF),
    ],
)
def test_near_misses_keep_their_answer(
    assistant: Assistant, question: str, lang: str, now: str, expected: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=lang)
    if expected == HANDOFF:
        assert answer.handoff, answer.answer
    else:
        assert not answer.handoff, answer.answer
        assert answer.answer.startswith(expected), answer.answer

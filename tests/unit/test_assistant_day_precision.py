"""Asked the days themselves ("which days", "quins dies", "em que dias") or an exact
deadline ("the precise deadline", "prazo exato") of an event or award step its record dates
only by its year or month: the record's year or month is said, and the question is handed
off, since no record gives the day. "What dates" of a record dated by its year alone asks
at least a month and is handed off the same way; a plain "when" of the same record is still
answered with its year, "when exactly" is no day asked but a year does not answer it either
(handed off by :mod:`date_no_finer`), and an event dated to the day still answers "which
days". The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

FESTIVAL = dt.date(2013, 3, 1)  # the Democracine festival is dated by its year, 2013
AWARD = dt.date(2020, 2, 3)  # the 2020 award's call for candidacies by its month, February


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "now", "said"),
    [
        ("Which days does the Democracine festival take place?", "en", FESTIVAL, "2013"),
        ("¿En qué días se celebra el festival Democracine?", "es", FESTIVAL, "2013"),
        ("Le festival Democracine se tient quels jours ?", "fr", FESTIVAL, "2013"),
        ("Quins dies es fa el festival de cinema Democracine?", "ca", FESTIVAL, "2013"),
        ("Em que dias acontece o festival Democracine?", "pt", FESTIVAL, "2013"),
        ("Quelles sont les dates du festival Democracine ?", "fr", FESTIVAL, "2013"),
        ("Quines dates té el festival Democracine?", "ca", FESTIVAL, "2013"),
        ("El retir de CGLU de Barcelona, en quins dies se celebra?", "ca", AWARD, "2020"),
        ("When exactly is the Democracine festival?", "en", FESTIVAL, "2013"),
        ("What's the precise closing date of the IOPD award call?", "en", AWARD, "February"),
        ("¿Cuál es la fecha límite exacta de la convocatoria del premio?", "es", AWARD, "febrero"),
        ("Quel est le délai exact de l'appel du prix de l'OIDP ?", "fr", AWARD, "février"),
        ("Quin és el termini exacte de la convocatòria del premi?", "ca", AWARD, "febrer"),
        ("Qual é a data limite exata da chamada do prémio do OIDP?", "pt", AWARD, "fevereiro"),
    ],
)
def test_the_day_asked_of_a_year_or_month_is_said_and_handed_off(
    assistant: Assistant, question: str, language: str, now: dt.date, said: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert answer.handoff
    assert said in answer.answer  # what the record gives is still said


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When is the Democracine festival?", "en"),
    ],
)
def test_when_of_a_year_is_answered_with_the_year(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=FESTIVAL, lang=language)
    assert not answer.handoff
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("Which days is the Informed Cities Forum in Berlin?", "en", "6–7"),
        ("¿Qué días es el congreso de presupuestos participativos de Chicago?", "es", "3–5"),
        ("Quels jours a lieu la conférence de l'OIDP à Cascais ?", "fr", "2–5"),
        ("Quins dies és el fòrum Informed Cities de Berlín?", "ca", "6–7"),
        ("Quais dias é a conferência do OIDP em Cascais?", "pt", "2–5"),
    ],
)
def test_the_days_of_an_event_dated_to_the_day_are_answered(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=FESTIVAL, lang=language)
    assert not answer.handoff
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Hasta cuándo se puede presentar candidatura al premio del OIDP?", "es"),
        ("A chamada do prémio do OIDP fecha quando?", "pt"),
    ],
)
def test_a_deadline_not_said_exact_is_answered_with_its_month(
    assistant: Assistant, question: str, language: str
) -> None:
    assert not assistant.answer(question, now=AWARD, lang=language).handoff


@pytest.mark.parametrize(
    ("question", "day", "closing"),
    [
        ("what's the exact closing date of the call?", True, True),
        ("el plazo exacto de la convocatoria", True, True),
        ("la date limite exacte de l'appel", True, True),
        ("quins dies és el fòrum?", True, False),
        ("em que dias é o fórum?", True, False),
        ("when exactly does the call close?", False, True),
        ("quelles sont les dates du forum ?", False, False),
    ],
)
def test_an_exact_deadline_asks_the_day_and_still_asks_when_it_closes(
    vocabulary: Vocabulary, question: str, day: bool, closing: bool
) -> None:
    reading = read(question, vocabulary, AWARD)
    assert (reading.day, reading.closing) == (day, closing)

"""Events asked with a qualifier no event holds are handed off, not listed or picked anyway.

Two classes of invented answer: a kind qualified by a word beside it ("online events",
"événements sportifs") answered with every event of the period, and "the next / the last"
event of another body named with a capital ("the next ICLEI congress") answered with the
network's next event. The questions are written for these tests, in each language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("Which online events are there in 2013?", "2013-02-01", "en"),
        ("¿Qué eventos virtuales hay en 2020?", "2020-01-10", "es"),
        ("Quels événements sportifs sont prévus en 2020 ?", "2020-01-10", "fr"),
        ("Quins esdeveniments esportius hi ha el 2013?", "2013-02-01", "ca"),
        ("Que eventos desportivos há em 2013?", "2013-02-01", "pt"),
        ("What's the next online seminar?", "2020-01-10", "en"),
    ],
)
def test_a_kind_qualified_by_a_word_no_event_holds_is_handed_off(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert answer.handoff
    assert answer.sources == []


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("Which events are there in 2013?", "2013-02-01", "en"),
        ("quels événements sont prévus en 2020 ?", "2020-01-10", "fr"),
        ("Quins esdeveniments hi ha el 2013?", "2013-02-01", "ca"),
    ],
)
def test_the_events_of_a_period_are_still_listed(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert not answer.handoff
    assert len(answer.sources) >= 2


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("When is the next ICLEI world congress?", "2020-01-10", "en"),
        ("¿Cuándo es la próxima asamblea de Metropolis?", "2020-01-10", "es"),
        ("Quan és la propera trobada de la Xarxa Catalana d'Alcaldes?", "2020-01-10", "ca"),
        ("Quand a eu lieu le dernier congrès de Mercociudades ?", "2020-01-10", "fr"),
        ("Quando é o próximo seminário da Fundação Gulbenkian?", "2020-01-10", "pt"),
    ],
)
def test_the_next_or_last_event_of_a_body_no_record_names_is_handed_off(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert answer.handoff
    assert answer.sources == []


@pytest.mark.parametrize(
    ("question", "now", "language", "source"),
    [
        ("When is the next IOPD conference?", "2020-01-10", "en", "conference-20-abidjan-2020"),
        ("¿Cuándo es el próximo congreso de CGLU?", "2013-02-01", "es", "uclg-congress-rabat-2013"),
        (
            "Quand a lieu la prochaine conférence de l'OIDP ?",
            "2020-01-10",
            "fr",
            "conference-20-abidjan-2020",
        ),
    ],
)
def test_the_next_event_of_a_body_the_records_name_is_answered(
    assistant: Assistant, question: str, now: str, language: str, source: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert not answer.handoff
    assert answer.sources == [source]

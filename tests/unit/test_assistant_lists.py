"""List questions: what is on in a period, and a kind's records as one plan states them.

- "What's on this month?" names no kind and no topic: the period's events are listed with
  the award's steps and the secretariat's agenda items dated in it; a kind named ("which
  events") keeps the events alone. The calendar's own words ("agenda", "calendrier",
  "calendari", "calendário") are where the member looks, no topic the records must hold.
- A Spanish list verb with its pronoun joined to it ("nómbralos", "enuméralas") asks for
  the list, as "nombra" and "enumera" do.
- A period with nothing in it, working groups of a plan that has none or does not exist,
  and words no record knows are still handed off. The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CALL = "conference-2020-sessions-call-2020-04"
AWARD = "iopd-award-2020"
MINUTES = "conference-2019-minutes-2020-01"
PREPARATION = "conference-2020-preparation-2020-01"
GROUPS_2014 = "work-plan-2014-priority-7-working-groups"


@pytest.mark.parametrize(
    ("question", "now", "language", "fact"),
    [
        ("What's on this month?", dt.date(2020, 4, 2), "en", "April"),
        ("qu'est-ce qu'il y a au calendrier ce mois-ci ?", dt.date(2020, 4, 10), "fr", "avril"),
        ("què hi ha a l'agenda aquest mes?", dt.date(2020, 4, 2), "ca", "abril"),
        ("o que há no calendário em abril?", dt.date(2020, 3, 20), "pt", "abril"),
        ("¿qué hay en el calendario el mes que viene?", dt.date(2020, 3, 25), "es", "abril"),
    ],
)
def test_whats_on_lists_events_with_award_steps(
    assistant: Assistant, question: str, now: dt.date, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.language == language
    assert {CALL, AWARD} <= set(answer.sources)
    assert fact in answer.answer
    assert answer.answer.count("•") == 2


@pytest.mark.parametrize(
    ("question", "now", "language", "fact"),
    [
        ("what's in the calendar for January?", dt.date(2019, 12, 28), "en", "2019 conference"),
        ("quelles activités sont à l'agenda en janvier ?", dt.date(2019, 12, 15), "fr", "2019"),
        ("¿qué tiene la agenda del OIDP para enero?", dt.date(2019, 12, 20), "es", "actas"),
    ],
)
def test_calendar_words_are_no_topic(
    assistant: Assistant, question: str, now: dt.date, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.language == language
    assert {MINUTES, PREPARATION, AWARD} <= set(answer.sources)
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("which events are there in April?", "en"),
        ("quins esdeveniments hi ha a l'abril?", "ca"),
        ("quais eventos há este mês?", "pt"),
        ("¿qué eventos hay este mes?", "es"),
        ("quels événements y a-t-il ce mois-ci ?", "fr"),
    ],
)
def test_a_kind_named_keeps_the_events_alone(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 4, 2))
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == [CALL]


@pytest.mark.parametrize(
    "question",
    [
        "los grupos de trabajo del OIDP, nómbralos",
        "las prioridades temáticas 2020, enuméralas",
        "las oficinas regionales del OIDP, dímelas",
    ],
)
def test_spanish_list_verbs_with_their_pronoun(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 7, 7))
    assert not answer.handoff
    assert answer.language == "es"
    assert answer.intent == "list"
    assert answer.answer.count("•") >= 4


def test_a_kind_asked_without_a_plan_is_still_listed(assistant: Assistant) -> None:
    answer = assistant.answer("which working groups are there?", now=dt.date(2020, 1, 10))
    assert not answer.handoff
    assert {"working-group-new-statutes", "working-group-local-observatories"} <= set(
        answer.sources
    )
    assert answer.answer.count("•") == 4


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("which working groups does the 2020 plan set up?", dt.date(2020, 5, 1), "en"),
        ("¿qué grupos de trabajo crea el plan 2020?", dt.date(2020, 5, 1), "es"),
        ("what working groups are in the plan for 2031?", dt.date(2014, 5, 1), "en"),
        ("what's on the agenda next month?", dt.date(2031, 6, 10), "en"),
        ("qu'y a-t-il à l'agenda en juillet ?", dt.date(2031, 6, 10), "fr"),
        ("o que há na agenda no próximo mês?", dt.date(2031, 6, 10), "pt"),
        ("any football matches on the calendar this month?", dt.date(2020, 4, 2), "en"),
    ],
)
def test_still_handed_off(assistant: Assistant, question: str, now: dt.date, language: str) -> None:
    answer = assistant.answer(question, now=now)
    assert answer.handoff
    assert answer.language == language
    assert GROUPS_2014 not in answer.sources

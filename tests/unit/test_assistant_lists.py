"""List questions over work plans, in the five languages: the records a plan marks new
(or already there) of the kind asked, with the plan's own part on that kind cited ("the new
working groups of the current plan"); the other thematic priorities of a plan asked by the
verb ("what other topics does the plan prioritise?"), the ones set aside left out; and the
tasks of the one line of a plan a question names by its topic ("the actions for visibility
in the 2013 plan"), the line cited first. Near misses (one record named, a yes/no question,
a plan asked whole) keep their answer. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

STATUTES = "working-group-new-statutes"
MDG = "working-group-mdg-post-2015"
OBSERVATORIES = "working-group-local-observatories"
ASSOCIATIONS = "working-group-role-of-associations"
WG_PRIORITY = "work-plan-2014-priority-7-working-groups"
OTHER_THEMES = ["thematic-youth-pb", "thematic-legal-frameworks", "thematic-sortition"]
VISIBILITY = "work-plan-2013-line-visibility"
MEMBERS_LINE = "work-plan-2013-line-members"


def _ask(assistant: Assistant, question: str, now: str, lang: str) -> tuple[bool, list[str]]:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.language == lang
    return answer.handoff, answer.sources


@pytest.mark.parametrize(
    ("now", "lang", "question"),
    [
        ("2014-06-01", "en", "which working groups did the 2014-2015 plan set up as new ones?"),
        ("2014-06-01", "es", "¿qué grupos de trabajo nuevos trae el plan de trabajo 2014-2015?"),
        ("2014-06-01", "fr", "quels sont les nouveaux groupes de travail du plan 2014-2015 ?"),
        ("2014-09-01", "ca", "quins són els grups de treball nous del pla d'aquest any?"),
        ("2014-06-01", "pt", "quais são os novos grupos de trabalho do plano 2014-2015?"),
    ],
)
def test_the_new_records_of_a_plan_are_listed_with_its_part(
    lingua_assistant: Assistant, now: str, lang: str, question: str
) -> None:
    handoff, sources = _ask(lingua_assistant, question, now, lang)
    assert not handoff
    assert {STATUTES, MDG, WG_PRIORITY} <= set(sources)
    assert not {OBSERVATORIES, ASSOCIATIONS} & set(sources)


@pytest.mark.parametrize(
    ("now", "lang", "question"),
    [
        (
            "2014-06-01",
            "en",
            "which existing working groups does the 2014-2015 plan keep discussing?",
        ),
        ("2014-06-01", "pt", "que grupos de trabalho existentes havia no plano 2014-2015?"),
    ],
)
def test_the_records_a_plan_finds_already_there_are_listed(
    lingua_assistant: Assistant, now: str, lang: str, question: str
) -> None:
    handoff, sources = _ask(lingua_assistant, question, now, lang)
    assert not handoff
    assert {OBSERVATORIES, ASSOCIATIONS} <= set(sources)
    assert not {STATUTES, MDG} & set(sources)


@pytest.mark.parametrize(
    ("now", "lang", "question", "record"),
    [
        (
            "2014-06-01",
            "es",
            "¿de qué trata el grupo de trabajo sobre los nuevos estatutos?",
            STATUTES,
        ),
        ("2014-06-01", "en", "is there a new working group on the statutes?", STATUTES),
    ],
)
def test_one_record_named_with_a_word_of_newness_is_no_list(
    lingua_assistant: Assistant, now: str, lang: str, question: str, record: str
) -> None:
    handoff, sources = _ask(lingua_assistant, question, now, lang)
    assert not handoff
    assert sources == [record]


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("en", "apart from climate and gender, which topics does this year's plan prioritise?"),
        ("es", "además del clima y el género, ¿qué otros temas prioriza el plan 2020?"),
        ("fr", "quels thèmes le plan 2020 priorise-t-il, hormis le climat et le genre ?"),
        ("ca", "a part del clima i el gènere, quins altres temes prioritza el pla 2020?"),
        ("pt", "além do clima e do género, que outros temas o plano 2020 prioriza?"),
    ],
)
def test_the_other_priorities_of_a_plan_asked_by_the_verb_are_listed(
    lingua_assistant: Assistant, lang: str, question: str
) -> None:
    handoff, sources = _ask(lingua_assistant, question, "2020-02-10", lang)
    assert not handoff
    assert set(OTHER_THEMES) <= set(sources)
    assert not {"thematic-climate-change", "thematic-gender"} & set(sources)


def test_a_priority_topic_asked_yes_or_no_is_that_record(lingua_assistant: Assistant) -> None:
    handoff, sources = _ask(
        lingua_assistant, "is sortition one of this year's priority topics?", "2020-02-10", "en"
    )
    assert not handoff
    assert sources == ["thematic-sortition"]


@pytest.mark.parametrize(
    ("lang", "question", "line", "task", "other_task"),
    [
        (
            "en",
            "which actions does the 2013 plan have for the network's visibility?",
            VISIBILITY,
            "action-2013-external-webs",
            "action-2013-conference-13",
        ),
        (
            "es",
            "¿qué acciones tiene el plan 2013 para la visibilidad de la red?",
            VISIBILITY,
            "action-2013-other-networks",
            "action-2013-regional-antennas",
        ),
        (
            "ca",
            "quines accions té el pla 2013 per a la visibilitat?",
            VISIBILITY,
            "action-2013-external-activities",
            "action-2013-website",
        ),
        (
            "fr",
            "quelles actions du plan 2013 pour diversifier les membres ?",
            MEMBERS_LINE,
            "action-2013-regional-antennas",
            "action-2013-external-webs",
        ),
        (
            "pt",
            "quais ações tem o plano 2013 para diversificar os membros?",
            MEMBERS_LINE,
            "action-2013-diversify-members",
            "action-2013-social-networks",
        ),
    ],
)
def test_the_tasks_of_the_line_named_by_its_topic_are_listed(
    lingua_assistant: Assistant, lang: str, question: str, line: str, task: str, other_task: str
) -> None:
    handoff, sources = _ask(lingua_assistant, question, "2013-07-20", lang)
    assert not handoff
    assert sources[0] == line
    assert task in sources
    assert other_task not in sources


def test_the_tasks_of_a_plan_asked_whole_are_all_listed(lingua_assistant: Assistant) -> None:
    handoff, sources = _ask(
        lingua_assistant, "which tasks does the 2013 plan have?", "2013-07-20", "en"
    )
    assert not handoff
    assert {"action-2013-conference-13", "action-2013-external-webs"} <= set(sources)
    assert VISIBILITY not in sources


def test_one_task_named_by_its_topic_is_that_task(lingua_assistant: Assistant) -> None:
    handoff, sources = _ask(
        lingua_assistant, "what is the 2013 task on social networks?", "2013-07-20", "en"
    )
    assert not handoff
    assert sources == ["action-2013-social-networks"]

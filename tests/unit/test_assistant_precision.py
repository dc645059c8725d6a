"""Invented answers, by class (issue 22): a record answered for what it does not state.

Each test is a class of question answered with the wrong record or a slot the record does
not hold, written afresh (not copied from a scored set): an acronym the record never writes,
who is behind a task, a year the question already says, the award's call in "this year",
an undated entry for "this month", a city told back to who named it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.focus import capitals_said, writes
from hub.core.assistant.index import EntryView, EventView

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


def _ask(assistant: Assistant, text: str, now: str) -> tuple[bool, list[str], str]:
    answer = assistant.answer(text, now=dt.date.fromisoformat(now))
    return answer.handoff, answer.sources, answer.answer


# --- focus.py ---------------------------------------------------------------------------

ACRONYMS = {"participate", "ogp", "iopd", "giz", "eeuu"}


def test_an_acronym_written_in_capitals_is_found() -> None:
    assert capitals_said("c'est quoi PARTICIPATE OIDP ?", ACRONYMS, set()) == ["PARTICIPATE"]


def test_the_networks_own_name_and_lowercase_words_are_not() -> None:
    assert capitals_said("what is the IOPD and how do I participate?", ACRONYMS, {"iopd"}) == []


def test_a_shouted_message_names_nothing_by_its_capitals() -> None:
    assert capitals_said("WHAT IS PARTICIPATE OIDP", ACRONYMS, set()) == []


def test_a_capitalised_word_the_records_never_write_as_an_acronym_is_not_kept() -> None:
    assert capitals_said("is the SUMMIT in May?", ACRONYMS, set()) == []


def test_writes_matches_the_word_in_its_capitals_and_dotted_letters() -> None:
    record = EntryView(
        id="x",
        kind="project",
        name={"en": "A conference in the EE. UU. with GIZ"},
        body={"en": "About participation."},
    )
    assert writes(record, "GIZ")
    assert writes(record, "EEUU")
    assert not writes(record, "PARTICIPATE")  # "participation" is another word


# --- answers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Tell me about PARTICIPATE OIDP please", "what is PARTICIPATE OIDP?"]
)
def test_a_name_in_capitals_is_never_answered_by_a_record_that_does_not_write_it(
    assistant: Assistant, text: str
) -> None:
    handoff, sources, _ = _ask(assistant, text, "2020-03-01")
    assert "faq-best-practice-award" not in sources
    assert handoff or "project-participate-oidp" in sources


@pytest.mark.parametrize(
    "text",
    ["who is responsible for the special reports?", "Who is the head of communication?"],
)
def test_who_is_behind_a_task_or_a_priority_is_handed_off(assistant: Assistant, text: str) -> None:
    handoff, _, _ = _ask(assistant, text, "2020-03-01")
    assert handoff  # their texts name no one: the text is no answer to who


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("When exactly is the 2020 General Assembly?", "2020-02-10"),
        ("When is the General Assembly this year?", "2020-02-10"),
        ("quand a lieu la conférence de 2019 ? la date exacte svp", "2020-02-02"),
    ],
)
def test_a_year_the_question_says_is_no_answer_to_when(
    assistant: Assistant, text: str, now: str
) -> None:
    handoff, _, _ = _ask(assistant, text, now)
    assert handoff


def test_when_of_a_record_dated_by_its_year_alone_still_answers_the_year(
    assistant: Assistant,
) -> None:
    handoff, sources, answer = _ask(assistant, "When is the General Assembly?", "2020-02-10")
    assert not handoff and "general-assembly-2020" in sources and "2020" in answer


@pytest.mark.parametrize(
    "text",
    [
        "when does the call for the prize open this year?",
        "when is the call of the award this year?",
        "quand s'ouvre l'appel du prix cette année ?",
    ],
)
def test_the_awards_call_this_year_is_the_awards_not_an_events(
    assistant: Assistant, text: str
) -> None:
    handoff, sources, _ = _ask(assistant, text, "2020-01-08")
    assert not handoff
    assert sources == ["iopd-award-2020"]


def test_what_there_is_this_month_is_no_undated_task(assistant: Assistant) -> None:
    _, sources, _ = _ask(assistant, "what activities does the IOPD have this month?", "2020-01-03")
    assert not any(s.startswith("task-") for s in sources)


def test_what_happened_in_a_year_with_a_topic_no_event_holds_lists_no_events(
    assistant: Assistant,
) -> None:
    text = "què va passar amb el micromecenatge el 2013?"
    _, sources, _ = _ask(assistant, text, "2013-10-01")
    assert not any(isinstance(assistant.index.record(s), EventView) for s in sources)


def test_asked_where_of_an_entry_in_the_city_named_its_text_is_answered(
    assistant: Assistant,
) -> None:
    text = "Monterrey hizo algo con datos abiertos, ¿dónde se pueden consultar sus bases?"
    handoff, sources, answer = _ask(assistant, text, "2024-02-20")
    assert not handoff and sources == ["ogp-example-monterrey-gender-violence-data"]
    assert answer.count("Monterrey") > 1  # more than the city told back


@pytest.mark.parametrize(
    "text",
    ["when is the next distinction ceremony?", "quan és la propera cerimònia de la distinció?"],
)
def test_the_next_step_no_award_has_is_handed_off(assistant: Assistant, text: str) -> None:
    handoff, _, _ = _ask(assistant, text, "2013-05-01")
    assert handoff  # no edition has a ceremony: not the next call for entries


def test_the_next_award_call_is_the_awards_not_a_conferences(assistant: Assistant) -> None:
    handoff, sources, _ = _ask(assistant, "when is the next award call?", "2020-01-05")
    assert not handoff and sources == ["iopd-award-2020"]


def test_the_next_award_jury_meeting_is_no_general_assembly(assistant: Assistant) -> None:
    _, sources, _ = _ask(assistant, "when is the next award jury meeting?", "2020-01-05")
    assert "general-assembly-2020" not in sources


def test_who_organises_the_next_event_is_its_organiser_not_its_date(
    assistant: Assistant,
) -> None:
    handoff, sources, answer = _ask(assistant, "who organises the next conference?", "2013-03-01")
    assert not handoff and sources == ["conference-13-cascais-2013"]
    assert "Cascais" in answer and "organised" in answer


def test_where_the_last_event_was_is_handed_off_when_no_place_is_stated(
    assistant: Assistant,
) -> None:
    handoff, _, _ = _ask(assistant, "¿dónde fue la última conferencia?", "2020-01-01")
    assert handoff  # the 2019 conference's place is in no record: not "it took place in 2019"


def test_a_yes_no_about_the_award_is_no_steps_date(assistant: Assistant) -> None:
    handoff, _, _ = _ask(assistant, "does the award have a prize?", "2020-01-10")
    assert handoff  # not "Yes. Preparation of the award: January 2020"


def test_a_yes_no_naming_the_step_is_answered_by_it(assistant: Assistant) -> None:
    handoff, sources, answer = _ask(
        assistant, "is there a call for the award in 2020?", "2020-01-10"
    )
    assert not handoff and sources == ["iopd-award-2020"] and "February" in answer


def test_a_yes_no_about_one_event_of_a_year_is_answered_yes_with_it(
    assistant: Assistant,
) -> None:
    handoff, sources, answer = _ask(assistant, "is the 2020 conference in Abidjan?", "2020-03-01")
    assert not handoff and sources == ["conference-20-abidjan-2020"]
    assert answer.startswith("Yes") and "July" in answer


def test_no_event_named_in_a_year_with_events_is_no_claim_there_are_none(
    assistant: Assistant,
) -> None:
    handoff, _, answer = _ask(assistant, "is the 2020 conference in Dakar?", "2020-03-01")
    assert handoff
    assert "no event" not in answer  # 2020 has events: only none of what it names


def test_a_verb_sharing_a_kinds_word_lists_no_record_of_that_kind(
    assistant: Assistant,
) -> None:
    _, sources, _ = _ask(assistant, "what is the secretariat working on this month?", "2020-01-15")
    assert not any(s.startswith("working-group-") for s in sources)


@pytest.mark.parametrize(
    ("text", "now", "prefix"),
    [
        ("what are the priorities for this year?", "2020-01-15", "priority-"),
        ("what are the priorities?", "2020-05-01", "priority-"),
        ("what are the priorities?", "2014-05-01", "work-plan-2014-"),
    ],
)
def test_a_list_of_plan_parts_is_of_the_plan_current_at_now(
    assistant: Assistant, text: str, now: str, prefix: str
) -> None:
    handoff, sources, _ = _ask(assistant, text, now)
    assert not handoff and sources
    assert all(s.startswith(prefix) for s in sources), sources


def test_how_many_is_answered_only_by_a_count_of_what_is_counted(
    assistant: Assistant,
) -> None:
    handoff, _, _ = _ask(assistant, "how many countries are in the IOPD?", "2020-03-01")
    assert handoff  # a record with some number in its text counts no countries
    handoff, sources, _ = _ask(
        assistant, "how many news did the November 2023 roundup have?", "2024-03-01"
    )
    assert not handoff and sources == ["ogp-local-roundup-2023-11"]


@pytest.mark.parametrize("text", ["how is the IOPD funded?", "what is OGP Local?"])
def test_a_question_opening_with_a_question_word_is_never_answered_yes(
    assistant: Assistant, text: str
) -> None:
    handoff, _, answer = _ask(assistant, text, "2024-03-01")
    assert not handoff and not answer.startswith("Yes")

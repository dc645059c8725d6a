"""A yes/no question asking whether one dated record, named singly (by its own city with its
kind, its edition's number, or the own name of something that happens once), took place in a
year or month is answered from its dates: "No." with its real date when they differ, "Yes."
when they match, in the asker's language, citing it. A series named generically ("an IOPD
conference in 2016"), two records named alike, or a year said as a name ("the 2014
conference") is handed off. "When was X in 2014?" of such a record gets its real date.
Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).resolve().parents[2] / "config" / "knowledge"
LATER = dt.date(2015, 11, 23)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "opening", "record", "year"),
    [
        ("Was the Cascais conference in 2014?", "en", "No.", "conference-13-cascais-2013", "2013"),
        (
            "¿La conferencia de Cascais fue en 2012?",
            "es",
            "No.",
            "conference-13-cascais-2013",
            "2013",
        ),
        (
            "La conferència de Cascais va ser el 2013?",
            "ca",
            "Sí.",
            "conference-13-cascais-2013",
            "2013",
        ),
        (
            "A conferência de Cascais foi em 2014?",
            "pt",
            "Não.",
            "conference-13-cascais-2013",
            "2013",
        ),
        (
            "La conférence de Chicago a-t-elle eu lieu en 2015 ?",
            "fr",
            "Non.",
            "pb-conference-chicago-2013",
            "2013",
        ),
        (
            "Did the Chicago PB conference take place in 2015?",
            "en",
            "No.",
            "pb-conference-chicago-2013",
            "2013",
        ),
        (
            "¿La conferencia de Cascais tuvo lugar en 2014?",
            "es",
            "No.",
            "conference-13-cascais-2013",
            "2013",
        ),
        (
            "A conferência de Cascais aconteceu em 2014?",
            "pt",
            "Não.",
            "conference-13-cascais-2013",
            "2013",
        ),
        (
            "La conférence de Cascais s'est-elle tenue en 2014 ?",
            "fr",
            "Non.",
            "conference-13-cascais-2013",
            "2013",
        ),
        (
            "Was the 13th IOPD conference held in 2014?",
            "en",
            "No.",
            "conference-13-cascais-2013",
            "2013",
        ),
        ("Was the Rabat UCLG congress in 2014?", "en", "No.", "uclg-congress-rabat-2013", "2013"),
        (
            "Was the launch of the new website in 2013?",
            "en",
            "No.",
            "website-launch-2012-07",
            "2012",
        ),
    ],
)
def test_a_record_named_singly_is_checked_against_its_dates(
    assistant: Assistant, question: str, language: str, opening: str, record: str, year: str
) -> None:
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == [record]
    assert answer.answer.startswith(opening)
    assert year in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Was there an IOPD conference in 2016?",  # a series: another edition may be then
        "Is the network's conference in 2027?",
        "¿Hubo una conferencia del OIDP en 2016?",
        "Was the Democracine festival in 2014?",  # its edition not said: a series
        "Was the Informed Cities Forum held in 2015?",
        "Was the Cascais session in 2014?",  # two sessions in Cascais: no one named
        "Did the PB conference in the US take place in 2015?",  # Chicago or San Francisco
        "Was the 2014 conference in Cascais?",  # a year said as a name, not as the time
        "Was the Cascais conference held online in 2014?",  # something else asked of it
        "Did the Madrid conference take place in 2014?",  # undated: no date of its own
    ],
)
def test_a_series_or_a_tie_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=LATER)
    assert answer.handoff
    assert not answer.answer.startswith(("No.", "Yes."))


@pytest.mark.parametrize(
    ("question", "record", "said"),
    [
        ("When was the Cascais conference in 2014?", "conference-13-cascais-2013", "2013"),
        ("¿Cuándo fue la conferencia de Cascais en 2012?", "conference-13-cascais-2013", "2013"),
        (
            "Quand a eu lieu la conférence de Chicago en 2015 ?",
            "pb-conference-chicago-2013",
            "2013",
        ),
    ],
)
def test_when_of_a_record_named_singly_gives_its_own_date(
    assistant: Assistant, question: str, record: str, said: str
) -> None:
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff
    assert answer.sources == [record]
    assert said in answer.answer


def test_when_of_a_series_in_a_year_without_one_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer("When was the IOPD conference in 2016?", now=LATER)
    assert answer.handoff

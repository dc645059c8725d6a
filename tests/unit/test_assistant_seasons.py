"""Events of a season relative to the asker's today, in the five languages: a question
that asks whether the network holds (organises, celebrates) events of a kind "this spring"
and in which months is answered with the dated events of that season, month precision
where the record has only a month; "this spring" said in a message written in the past is
still the spring of the asker's year. A kind qualified by what no event holds, or a topic
none holds, stays handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

FIRST = "iopd-seminar-1-2020"
SECOND = "iopd-seminar-2-2020"


@pytest.mark.parametrize(
    ("now", "question", "month"),
    [
        (
            "2020-01-10",
            "does the IOPD organise any seminars this spring? in which months?",
            "March",
        ),
        ("2020-01-10", "is the IOPD holding seminars this spring? dates?", "June"),
        ("2020-01-10", "¿qué seminarios organiza el OIDP esta primavera?", "marzo"),
        ("2020-01-10", "¿organiza el OIDP algún seminario esta primavera? ¿cuándo?", "junio"),
        (
            "2020-01-10",
            "l'OIDP organise-t-il des séminaires ce printemps ? lesquels et quand ?",
            "mars",
        ),
        ("2020-01-10", "quels séminaires l'OIDP organise ce printemps ?", "juin"),
        ("2020-01-10", "l'OIDP organitza algun seminari aquesta primavera?", "març"),
        ("2020-01-10", "quins seminaris organitza l'OIDP aquesta primavera?", "juny"),
        ("2020-01-10", "a OIDP organiza algum seminário esta primavera? quando?", "março"),
        ("2020-01-10", "que seminários organiza a OIDP nesta primavera?", "junho"),
    ],
)
def test_a_seasons_events_held_are_listed_with_their_months(
    lingua_assistant: Assistant, now: str, question: str, month: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert set(answer.sources) == {FIRST, SECOND}, answer.answer
    assert month in answer.answer
    assert "2020" in answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        (
            "2020-01-10",
            "Me han reenviado esto: «¿el OIDP organizaba algún seminario esta primavera?» ¿cuáles?",
        ),
        (
            "2020-01-10",
            "M'han reenviat: «l'OIDP organitza algun seminari aquesta primavera?» quins?",
        ),
        (
            "2020-01-10",
            "On m'a transféré : « l'OIDP organise des séminaires ce printemps ? » lesquels ?",
        ),
        ("2020-07-20", "which seminars did the IOPD hold this spring?"),
        ("2020-07-20", "que seminários organizou a OIDP nesta primavera?"),
    ],
)
def test_this_season_is_the_askers_year_even_in_the_past_tense(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert set(answer.sources) == {FIRST, SECOND}, answer.answer
    assert "2019" not in answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2020-01-10", "are there any online seminars this spring?"),
        ("2020-01-10", "¿hay algún seminario sobre cambio climático esta primavera?"),
        ("2020-01-10", "l'OIDP organise-t-il des séminaires virtuels ce printemps ?"),
        ("2020-01-10", "a OIDP organiza algum seminário online nesta primavera?"),
    ],
)
def test_a_seasons_events_qualified_by_what_none_holds_stay_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
    assert FIRST not in answer.sources


def test_a_season_with_no_event_of_the_kind_is_not_answered_with_the_spring(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer(
        "does the IOPD organise any seminars this autumn?", now=dt.date.fromisoformat("2020-01-10")
    )
    assert FIRST not in answer.sources
    assert SECOND not in answer.sources

"""Time phrases counted without a number ("in a couple of weeks", "dans quelques jours", "hace
unas semanas") read as a window relative to the asker's now, and a record named by its own
name with the period that dates it answered from its record, not from the period's calendar.
Near misses keep their answers: a numbered span, a window holding no event, a period's list
of events naming no record, a record named with a period its dates do not fall in, another
slot of the named record. Sentences written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.dates import Period
from hub.core.assistant.period_named import vague_span
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

CASCAIS = "conference-13-cascais-2013"
ROUNDUP = "ogp-local-roundup-2023-11"
BEFORE_CASCAIS = dt.date(2013, 6, 20)  # the conference is on 2-5 July 2013
AFTER_CASCAIS = dt.date(2013, 7, 20)
AFTER_ROUNDUP = dt.date(2023, 12, 20)  # the roundup is dated November 2023
HANDED = ("IOPD", "OIDP")


def _read(text: str, vocabulary: Vocabulary, today: dt.date) -> tuple[Period | None, list[str]]:
    words = normalise(text).split()
    used: set[int] = set()
    period = vague_span(words, vocabulary, used, today)
    return period, [w for i, w in enumerate(words) if i in used]


@pytest.mark.parametrize(
    ("text", "start", "end", "aside"),
    [
        ("in a couple of weeks", dt.date(2013, 6, 27), dt.date(2013, 7, 11), 5),
        ("dentro de unos días", dt.date(2013, 6, 21), dt.date(2013, 6, 26), 4),
        ("dans quelques mois", dt.date(2013, 7, 20), dt.date(2013, 12, 20), 3),
        ("d'aquí a un parell de setmanes", dt.date(2013, 6, 27), dt.date(2013, 7, 11), 7),
        ("daqui a umas semanas", dt.date(2013, 6, 27), dt.date(2013, 8, 1), 4),
        ("il y a quelques jours", dt.date(2013, 6, 14), dt.date(2013, 6, 19), 5),
        ("fa un parell de setmanes", dt.date(2013, 5, 30), dt.date(2013, 6, 13), 5),
        ("nos próximos meses", dt.date(2013, 6, 20), dt.date(2013, 12, 20), 3),
    ],
)
def test_a_count_without_a_number_is_a_window_around_now(
    vocabulary: Vocabulary, text: str, start: dt.date, end: dt.date, aside: int
) -> None:
    period, used = _read(text, vocabulary, BEFORE_CASCAIS)
    assert period == Period(start, end, "range"), period
    assert len(used) == aside, used  # its words are no topic


@pytest.mark.parametrize(
    "text",
    [
        "a few days of work",  # no time from now
        "unos días de trabajo",
        "in a couple of words",  # no unit of time
        "quelques semaines de travail",
        "the next week",  # one unit, said by the periods ("next week")
    ],
)
def test_no_window_without_a_time_from_now(vocabulary: Vocabulary, text: str) -> None:
    period, used = _read(text, vocabulary, BEFORE_CASCAIS)
    assert period is None
    assert not used


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Where is the OIDP conference being held in a couple of weeks?", "Cascais"),
        ("¿Dónde se celebra la conferencia del OIDP dentro de unas semanas?", "Cascais"),
        ("Où se tient la conférence de l'OIDP dans quelques semaines ?", "Cascais"),
        ("On es fa la conferència de l'OIDP d'aquí a un parell de setmanes?", "Cascais"),
        ("Onde decorre a conferência do OIDP daqui a umas semanas?", "Cascais"),
    ],
)
def test_the_event_of_a_vague_window_ahead_is_answered(
    lingua_assistant: Assistant, question: str, place: str
) -> None:
    answer = lingua_assistant.answer(question, now=BEFORE_CASCAIS)
    assert not answer.handoff, answer.answer
    assert answer.sources == [CASCAIS], answer.answer
    assert place in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Where was the conference a couple of weeks ago?", "en"),
        ("¿Dónde fue la conferencia hace unas semanas?", "es"),
        ("Où a eu lieu la conférence il y a quelques semaines ?", "fr"),
        ("On es va fer la conferència fa unes setmanes?", "ca"),
        ("Onde foi a conferência há umas semanas?", "pt"),
    ],
)
def test_the_event_of_a_vague_window_back_is_answered(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=AFTER_CASCAIS)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == [CASCAIS], answer.answer
    assert "Cascais" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Where is the OIDP conference in a few days?",
        "¿Dónde es la conferencia del OIDP dentro de unos días?",
        "Où est la conférence de l'OIDP dans quelques jours ?",
        "On és la conferència de l'OIDP d'aquí a uns dies?",
        "Onde é a conferência do OIDP daqui a uns dias?",
    ],
)
def test_a_window_holding_no_such_event_is_still_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=BEFORE_CASCAIS)  # 21-26 June: nothing
    assert answer.handoff, answer.answer
    assert CASCAIS not in answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What news does the Local Roundup of November 2023 gather?", "en"),
        ("¿Qué noticias recoge el Local Roundup de noviembre de 2023?", "es"),
        ("Quelles nouvelles rassemble le Local Roundup de novembre 2023 ?", "fr"),
        ("Quines notícies aplega el Local Roundup de novembre de 2023?", "ca"),
        ("Que notícias reúne o Local Roundup de novembro de 2023?", "pt"),
    ],
)
def test_a_record_named_with_its_period_answers_its_content(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=AFTER_ROUNDUP)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == [ROUNDUP], answer.answer
    assert "160" in answer.answer  # what it gathers, not the month's calendar
    assert "•" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What events are there in November 2023?",
        "¿Qué eventos hay en noviembre de 2023?",
        "Quels événements y a-t-il en novembre 2023 ?",
        "Quins esdeveniments hi ha el novembre de 2023?",
        "Que eventos há em novembro de 2023?",
    ],
)
def test_a_period_naming_no_record_keeps_its_calendar(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=AFTER_ROUNDUP)
    assert not answer.handoff, answer.answer
    assert answer.sources == [ROUNDUP], answer.answer
    assert "•" in answer.answer  # the month's list
    assert "160" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What news does the Local Roundup of November 2022 gather?",
        "¿Qué noticias recoge el Local Roundup de noviembre de 2022?",
        "Quelles nouvelles rassemble le Local Roundup de novembre 2022 ?",
        "Quines notícies aplega el Local Roundup de novembre de 2022?",
        "Que notícias reúne o Local Roundup de novembro de 2022?",
    ],
)
def test_a_record_named_with_a_period_outside_its_dates_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=AFTER_ROUNDUP)
    assert answer.handoff, answer.answer
    assert ROUNDUP not in answer.sources


def test_another_slot_of_the_named_record_is_answered_as_before(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer(
        "Who publishes the Local Roundup of November 2023?", now=AFTER_ROUNDUP
    )
    assert not answer.handoff, answer.answer
    assert answer.sources == [ROUNDUP], answer.answer
    assert "Open Government Partnership" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What does the IOPD workshop at the 2013 UCLG congress deal with?",
        "¿De qué va el taller del OIDP en el congreso de CGLU de 2013?",
        "De quoi traite l'atelier de l'OIDP au congrès de CGLU de 2013 ?",
        "De què tracta el taller de l'OIDP al congrés de CGLU del 2013?",
        "De que trata a oficina do OIDP no congresso da CGLU de 2013?",
    ],
)
def test_another_kind_of_event_of_the_period_is_not_set_aside(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2013, 6, 1))
    assert not answer.handoff, answer.answer
    assert "basic-services-workshop-rabat-2013" in answer.sources, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "In the Local Roundup of November 2023, which Brazilian members led a debate at the"
        " IOPD conference?",
        "En el Local Roundup de noviembre de 2023, ¿qué miembros brasileños moderaron un debate"
        " en la conferencia del OIDP?",
        "Au Local Roundup de novembre 2023, quels membres brésiliens ont mené un débat à la"
        " conférence de l'OIDP ?",
        "Al Local Roundup de novembre de 2023, quins membres brasilers van dirigir un debat a la"
        " conferència de l'OIDP?",
        "No Local Roundup de novembro de 2023, que membros brasileiros moderaram um debate na"
        " conferência do OIDP?",
    ],
)
def test_a_part_of_the_named_record_is_answered_not_the_whole(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=AFTER_ROUNDUP)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["ogp-roundup-brazil-iopd-conference"], answer.answer
    assert "Santa Catarina" in answer.answer

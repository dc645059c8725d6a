"""How long something lasts, how long until it, how long since it, in five languages:
counted from the record's dates and the asker's now, in a sentence with the dates
themselves, citing the record. A record dated only by its month has no days to count (said,
and handed off); a past event asked "how long until" is said to be past; "how many days"
counts no records; a record without dates (an action plan's period) answers from its text.
The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CASCAIS = "conference-13-cascais-2013"
WUF = "world-urban-forum-10-abu-dhabi-2020"
RABAT = "uclg-congress-rabat-2013"
DAKAR = "office-africa-dakar"
BEFORE_CASCAIS = dt.date(2013, 5, 1)
BEFORE_WUF = dt.date(2020, 1, 10)
LATER = dt.date(2020, 5, 1)


@pytest.mark.parametrize(
    ("question", "language", "now", "record", "facts"),
    [
        ("How many days is the WUF 10?", "en", BEFORE_WUF, WUF, ["6 days", "8–13 February"]),
        ("How long does the Cascais conference last?", "en", BEFORE_CASCAIS, CASCAIS, ["4 days"]),
        (
            "¿Cuántos días dura la conferencia de Cascais?",
            "es",
            BEFORE_CASCAIS,
            CASCAIS,
            ["4 días"],
        ),
        (
            "Combien de jours dure le Forum urbain mondial 10 ?",
            "fr",
            BEFORE_WUF,
            WUF,
            ["6\xa0jours"],
        ),
        ("Quants dies dura el congrés de CGLU a Rabat?", "ca", BEFORE_CASCAIS, RABAT, ["4 dies"]),
        ("Quantos dias dura o Fórum Urbano Mundial 10?", "pt", BEFORE_WUF, WUF, ["6 dias"]),
        ("How long did the Cascais conference last?", "en", LATER, CASCAIS, ["lasted 4 days"]),
        (
            "What is the duration of the Cascais conference?",
            "en",
            BEFORE_CASCAIS,
            CASCAIS,
            ["4 days"],
        ),
        (
            "Quelle est la durée de la conférence de Cascais ?",
            "fr",
            BEFORE_CASCAIS,
            CASCAIS,
            ["4\xa0jours"],
        ),
    ],
)
def test_how_long_it_lasts_is_counted_in_days(
    assistant: Assistant,
    question: str,
    language: str,
    now: dt.date,
    record: str,
    facts: list[str],
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert not answer.handoff
    assert answer.sources == [record]
    for fact in facts:
        assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("How long until the Cascais conference?", "en", "62 days"),
        ("¿Cuánto falta para la conferencia de Cascais?", "es", "62 días"),
        ("Dans combien de temps commence la conférence de Cascais ?", "fr", "62\xa0jours"),
        ("Quant falta per a la conferència de Cascais?", "ca", "62 dies"),
        ("Quanto tempo falta para a conferência de Cascais?", "pt", "62 dias"),
        ("How many days are left before the Cascais conference?", "en", "62 days"),
    ],
)
def test_the_time_left_is_counted_from_now(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=BEFORE_CASCAIS, lang=language)
    assert not answer.handoff
    assert answer.sources == [CASCAIS]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("How long until the Cascais conference?", "en", "already past"),
        ("¿Cuánto falta para la conferencia de Cascais?", "es", "ya ha pasado"),
    ],
)
def test_the_time_left_to_a_past_event_says_it_is_past(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=LATER, lang=language)
    assert not answer.handoff
    assert answer.sources == [CASCAIS]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "record", "fact"),
    [
        ("How long ago was the Cascais conference?", "en", CASCAIS, "6 years ago"),
        ("¿Hace cuánto fue la conferencia de Cascais?", "es", CASCAIS, "hace 6 años"),
        ("Il y a combien de temps a eu lieu la conférence de Cascais ?", "fr", CASCAIS, "6 ans"),
        ("Fa quants anys de la conferència de Cascais?", "ca", CASCAIS, "fa 6 anys"),
        ("How long has the Dakar office existed?", "en", DAKAR, "7 years"),
        ("¿Desde hace cuánto existe la oficina de Dakar?", "es", DAKAR, "7 años"),
        ("Há quanto tempo existe o escritório de Dakar?", "pt", DAKAR, "7 anos"),
    ],
)
def test_the_time_since_is_counted_in_whole_years(
    assistant: Assistant, question: str, language: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=LATER, lang=language)
    assert not answer.handoff
    assert answer.sources == [record]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "now"),
    [
        ("How long is the call for candidacies of the 2020 award?", "en", dt.date(2020, 1, 5)),
        (
            "Combien de temps reste-t-il avant la clôture des candidatures du prix 2020 ?",
            "fr",
            dt.date(2020, 2, 10),
        ),
        (
            "¿Cuánto falta para la convocatoria de sesiones de la Conferencia de 2020?",
            "es",
            dt.date(2020, 1, 10),
        ),
    ],
)
def test_a_date_known_to_the_month_is_not_counted(
    assistant: Assistant, question: str, language: str, now: dt.date
) -> None:
    assert assistant.answer(question, now=now, lang=language).handoff


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("How long does an OGP Local action plan last?", "en", "administration"),
        ("¿Cuánto dura un plan de acción de OGP Local?", "es", "mandato"),
    ],
)
def test_a_record_without_dates_answers_from_its_text(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=LATER, lang=language)
    assert not answer.handoff
    assert answer.sources == ["ogp-local-action-plan-period"]
    assert fact in answer.answer


def test_time_left_far_ahead_is_counted_in_whole_years(assistant: Assistant) -> None:
    answer = assistant.answer(
        "How long until the Abidjan conference?", now=dt.date(2014, 1, 1), lang="en"
    )
    assert not answer.handoff
    assert answer.sources == ["conference-20-abidjan-2020"]
    assert "6 years" in answer.answer
    assert "20–22 July 2020" in answer.answer

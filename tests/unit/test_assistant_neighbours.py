"""A thing the question names that no record holds is not answered with a neighbouring
record: a name written inside the question ("the Lisbon meeting", "la Citizenship Academy")
must be the record's own, its aliases' or its text's, or the question is handed off; asked
in which city, a record stating only its country hands off. Near misses that name a record
by its own place or name still answer. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 3, 12)
BRAZIL = "ogp-roundup-brazil-iopd-conference"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("what did the Lisbon meeting decide?", "en"),
        ("When was the Lisbon meeting of the IOPD members?", "en"),
        ("¿Qué decidió la reunión de Lisboa?", "es"),
        ("¿dónde fue la Citizenship Academy de 2020? ¿en Cascais también?", "es"),
        ("Qu'a décidé la réunion de Lisbonne ?", "fr"),
        ("Què va decidir la reunió de Lisboa?", "ca"),
        ("O que decidiu a reunião de Lisboa?", "pt"),
        ("when is the Hamburg congress of the IOPD?", "en"),
    ],
)
def test_a_name_no_record_holds_is_handed_off(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff
    assert answer.language == language
    assert "members-meeting-porto-alegre-2011-11" not in answer.sources
    assert "iberian-pb-meeting-cascais-2020" not in answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        (
            "Dans quelle ville s'est tenue la conférence de l'OIDP où São Paulo, Distrito et "
            "Santa Catarina ont mené un débat ?",
            "fr",
        ),
        (
            "¿En qué ciudad se celebró la conferencia del OIDP donde São Paulo, Distrito y "
            "Santa Catarina dirigieron un debate?",
            "es",
        ),
        (
            "Em que cidade foi a Conferência do OIDP onde São Paulo, Distrito e Santa Catarina "
            "fizeram um debate?",
            "pt",
        ),
        (
            "In which city was the IOPD conference where São Paulo, Distrito and Santa "
            "Catarina led a discussion?",
            "en",
        ),
        (
            "En quina ciutat es va fer la conferència de l'OIDP on São Paulo, Distrito i Santa "
            "Catarina van dirigir un debat?",
            "ca",
        ),
    ],
)
def test_a_city_asked_of_a_record_stating_its_country_only_is_handed_off(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff
    assert answer.language == language


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        (
            "In which country was the IOPD conference where São Paulo, Distrito and Santa "
            "Catarina led a discussion?",
            BRAZIL,
            "Brazil",
        ),
        ("what is the Citizenship Academy?", "citizenship-academy-2020", "Citizenship Academy"),
        ("quand a lieu la Citizenship Academy ?", "citizenship-academy-2020", "2020"),
        (
            "what did the Porto Alegre members meeting decide?",
            "members-meeting-porto-alegre-2011-11",
            "Porto Alegre",
        ),
        ("where is the Dakar office of the IOPD?", "office-africa-dakar", "Dakar"),
        ("¿En qué ciudad está la oficina de África del OIDP?", "office-africa-dakar", "Dakar"),
        (
            "which city hosted the World Urban Forum 10?",
            "world-urban-forum-10-abu-dhabi-2020",
            "Abu Dhabi",
        ),
        ("in which city was the IOPD conference of 2013?", "conference-13-cascais-2013", "Cascais"),
        (
            "Em que cidade foi a conferência do OIDP de 2013?",
            "conference-13-cascais-2013",
            "Cascais",
        ),
        (
            "A quina ciutat es va fer la conferència de l'OIDP del 2013?",
            "conference-13-cascais-2013",
            "Cascais",
        ),
    ],
)
def test_a_record_named_by_its_own_name_or_place_still_answers(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.sources[:1] == [record]
    assert fact in answer.answer

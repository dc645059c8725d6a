"""A record described instead of named, in casual typing: by the part of a continent it was
held in ("west africa", "l'Afrique de l'Ouest", "a África Ocidental"), by its size or age
("the big conference", "el proyecto viejo", "l'ancien projet"), or as the network's own
congress ("le congrès du réseau"). A description that fits no record still hands off: a
conference in East Africa, "Africa is" read as no East Africa, another body's congress."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.sub_regions import sub_regions_at

ABIDJAN = "conference-20-abidjan-2020"
OBSERVATORIES = "project-local-observatories"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "fact"),
    [
        (
            "that huge conference in western africa back in 2020, what city?",
            "2025-05-05",
            "Abidjan",
        ),
        ("la conferencia del 2020 en África occidental, ¿en qué ciudad?", "2025-05-05", "Abidjan"),
        (
            "la conférence de 2020 en Afrique de l'Ouest, dans quelle ville ?",
            "2025-05-05",
            "Abidjan",
        ),
        ("la conferència del 2020 a l'Àfrica de l'oest, a quina ciutat?", "2025-05-05", "Abidjan"),
        ("a conferência de 2020 na África do Oeste foi em que cidade?", "2025-05-05", "Abidjan"),
        ("el gran congreso de la red en 2020, ¿en qué ciudad fue?", "2025-05-05", "Abidjan"),
        ("le congrès du réseau en 2020, c'était où ?", "2025-05-05", "Abidjan"),
    ],
)
def test_a_part_of_a_continent_finds_the_record_held_in_it(
    assistant: Assistant, question: str, now: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert ABIDJAN in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now", "fact"),
    [
        ("the old local observatories project, from when to when?", "2012-09-01", "2004"),
        (
            "¿el antiguo proyecto de observatorios locales, de qué año a qué año?",
            "2012-09-01",
            "2007",
        ),
        ("le vieux projet des observatoires locaux, de quand à quand ?", "2012-09-01", "2004"),
        (
            "el projecte antic dels observatoris locals, de quin any a quin any?",
            "2012-09-01",
            "2007",
        ),
        ("o velho projeto dos observatórios locais, de que ano a que ano?", "2012-09-01", "2004"),
    ],
)
def test_a_record_described_by_its_age_is_found(
    assistant: Assistant, question: str, now: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert OBSERVATORIES in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("the conference in east africa in 2020, which city was it in?", "2025-05-05"),
        ("la conferencia de 2020 en África oriental, ¿en qué ciudad?", "2025-05-05"),
        ("la conférence de 2020 en Afrique australe, c'était où ?", "2025-05-05"),
        ("la conferència del 2020 a l'Àfrica del nord, on va ser?", "2025-05-05"),
        ("a conferência de 2020 na Europa Ocidental foi em que cidade?", "2025-05-05"),
    ],
)
def test_a_part_of_a_continent_no_record_is_held_in_hands_off(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
    assert ABIDJAN not in answer.sources


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("the meeting in west africa", "011"),
        ("l afrique de l ouest", "011"),
        ("o escritorio no norte da europa", "154"),
        ("la europa del este", "151"),
        ("l afrique est loin", None),  # "Africa is far": no East Africa
        ("a africa do sul", None),  # South Africa, the country
    ],
)
def test_the_parts_of_a_continent_are_read_from_their_names(words: str, code: str | None) -> None:
    found = sub_regions_at(words.split(), frozenset({"est", "este", "l", "de", "a", "o", "la"}))
    assert [c for *_, c in found] == ([code] if code else [])

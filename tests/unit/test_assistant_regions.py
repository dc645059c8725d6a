"""A question naming a world region wider than a record's place ("in Africa", "na América
Latina") finds the records whose country lies in it: the containment is CLDR's (UN M49),
the regions' names Babel's in the five languages. A yes/no answer still states the record's
own city; a region its country is not in is no place it states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel import Locale

from hub.core.assistant import Assistant, vocabulary
from hub.core.assistant.place_names import regions_of
from hub.core.assistant.text import read_yaml

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
EARLY_2020 = dt.date(2020, 1, 10)
AFRICA = "002"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("country", "region", "inside"),
    [
        ("SN", AFRICA, True),
        ("CI", "202", True),  # Sub-Saharan Africa
        ("MA", AFRICA, True),
        ("BR", "419", True),  # Latin America
        ("MX", "419", True),
        ("US", "419", False),
        ("US", "019", True),  # the Americas
        ("PT", "150", True),  # Europe
        ("NO", "150", True),  # written "NO" in YAML, which is no "false"
        ("AE", "142", True),  # Asia
        ("ES", AFRICA, False),
    ],
)
def test_a_country_lies_in_its_regions_at_every_level(
    country: str, region: str, inside: bool
) -> None:
    assert (region in regions_of(country)) is inside


def test_a_code_the_table_does_not_hold_lies_in_no_region() -> None:
    assert regions_of("ZZ") == frozenset()


@pytest.mark.parametrize(
    ("question", "language", "agreement"),
    [
        ("Will the 2020 conference take place in Africa?", "en", "Yes."),
        ("¿La conferencia de 2020 es en África?", "es", "Sí."),
        ("La conférence de 2020 a-t-elle lieu en Afrique ?", "fr", "Oui."),
        ("La conferència del 2020 és a l'Àfrica?", "ca", "Sí."),
        ("A conferência de 2020 é na África?", "pt", "Sim."),
    ],
)
def test_a_continent_its_country_lies_in_is_a_yes_stating_its_city(
    assistant: Assistant, question: str, language: str, agreement: str
) -> None:
    answer = assistant.answer(question, now=EARLY_2020)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(agreement)
    assert "Abidjan" in answer.answer
    assert answer.sources == ["conference-20-abidjan-2020"]


@pytest.mark.parametrize(
    "question",
    ["Is the 20th conference being held in Asia?", "Is the 20th conference in Europe?"],
)
def test_a_continent_its_country_is_not_in_is_no_yes(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=EARLY_2020)
    assert not answer.answer.startswith("Yes")
    if not answer.handoff:
        assert answer.answer.startswith("No.")
        assert "Abidjan" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which events were held in Africa?", "en"),
        ("¿Qué eventos hubo en África?", "es"),
        ("Quels événements ont eu lieu en Afrique ?", "fr"),
        ("Quins esdeveniments s'han fet a l'Àfrica?", "ca"),
        ("Que eventos houve na África?", "pt"),
    ],
)
def test_a_list_in_a_continent_holds_the_records_of_its_countries(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=EARLY_2020)
    assert not answer.handoff
    assert answer.language == language
    assert "conference-20-abidjan-2020" in answer.sources
    countries = {e.id: e.country for e in assistant.index.events}
    for source in answer.sources:
        assert AFRICA in regions_of(countries.get(source) or "")


def test_every_code_of_the_containment_table_is_a_territory_cldr_names() -> None:
    """The table is typed by hand from CLDR: a code mistyped there would name no place."""
    table = read_yaml(Path(vocabulary.__file__).parent / "vocabulary.yaml")["region_containment"]
    names = Locale.parse("en").territories
    for region, members in table.items():
        assert str(region) in names, region
        for member in members:
            assert str(member) in names, (region, member)

"""Topic, country and region tags from the tables."""

from __future__ import annotations

import pytest

from hub.core.ingest.tags import default_tagger, fold


@pytest.mark.parametrize(
    ("text", "language", "tags"),
    [
        (
            "The city opened its participatory budget to youth",
            "en",
            ["participatory-budgeting", "youth"],
        ),
        (
            "Presupuestos participativos y cambio climático",
            "es",
            ["participatory-budgeting", "climate"],
        ),
        ("Une convention citoyenne tirée au sort", "fr", ["sortition"]),
        (
            "Democràcia digital i govern obert a l'Ajuntament",
            "ca",
            ["digital-democracy", "open-government", "local-government"],
        ),
        (
            "Orçamento participativo e igualdade de gênero",
            "pt",
            ["participatory-budgeting", "gender"],
        ),
        ("Prêmio de boas práticas na conferência", "pt", ["award", "conference"]),
    ],
)
def test_topics_in_each_language(text: str, language: str, tags: list[str]) -> None:
    assert sorted(default_tagger().topics_in(text, language)) == sorted(tags)


def test_words_of_another_language_do_not_trigger_tags() -> None:
    # "mayor" is a town's head in English but "larger" in Spanish.
    assert default_tagger().topics_in("la mayor parte de los vecinos", "es") == []
    assert default_tagger().topics_in("the mayor of the town", "en") == ["local-government"]


def test_whole_words_only() -> None:
    assert default_tagger().topics_in("the climatology department", "en") == []


def test_countries_in_any_language_and_their_regions() -> None:
    tagger = default_tagger()
    countries = tagger.countries_in(
        "De Porto Alegre (Brasil) à Côte d'Ivoire et au Sénégal, via Espanya"
    )
    assert countries == ["BR", "CI", "SN", "ES"]
    assert tagger.regions_of(countries) == ["latin-america", "africa", "europe"]


def test_fold_removes_accents_and_case() -> None:
    assert fold("Côte d'Ivoire ÉTATS") == "cote d'ivoire etats"


@pytest.mark.parametrize(
    ("text", "language", "region"),
    [
        ("Los gobiernos locales de America Latina presentan experiencias", "es", "latin-america"),
        ("La plateforme africaine de l'OIDP organise un séminaire", "fr", "africa"),
        ("Cidades da América Latina debatem o orçamento participativo", "pt", "latin-america"),
        ("Les villes d'Amérique latine et d'Europe", "fr", "europe"),
    ],
)
def test_a_region_named_as_such_is_tagged_without_a_country(
    text: str, language: str, region: str
) -> None:
    _topics, countries, regions = default_tagger().tag(text, language)
    assert countries == []
    assert region in regions

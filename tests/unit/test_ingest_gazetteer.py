"""Regions from city names: the gazetteer (CLDR, seed documents, curated) through the tagger."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from babel.core import get_cldr_version

from hub.core.ingest import gazetteer_build
from hub.core.ingest.tags import GAZETTEER_FILE, default_tagger, load_tagger, tokens

SEEDS = [
    Path(os.environ.get("HUB_SEEDS", "/nonexistent")),
    Path(__file__).resolve().parents[3] / "shared" / "seeds",
    Path("/work/shared/seeds"),
]


def regions(text: str) -> tuple[list[str], list[str]]:
    _topics, countries, found = default_tagger().tag(text, None)
    return countries, found


@pytest.mark.parametrize(
    ("text", "countries", "region"),
    [
        # the cases: a city alone routes the item
        ("Le budget participatif de Dakar s'ouvre aux jeunes", ["SN"], "africa"),
        ("Porto Alegre celebra 35 anos de orçamento participativo", ["BR"], "latin-america"),
        ("Cascais hosts the Iberian meeting on participatory budgeting", ["PT"], "europe"),
        # five languages, accents and case ignored
        ("Assemblea ciutadana a BOGOTA", ["CO"], "latin-america"),
        ("La ciudad de Mexico abre su presupuesto", ["MX"], "latin-america"),
        ("Conferència a Ciutat de Mèxic", ["MX"], "latin-america"),
        ("Rencontre à Abidjan et à Cocody", ["CI"], "africa"),
        ("Reunião em Joanesburgo", ["ZA"], "africa"),
        ("Democracia participativa en Nueva York", ["US"], "north-america"),
        ("Séminaire à Beyrouth", ["LB"], "middle-east"),
        ("Orçamento participativo em Seul", [], None),  # Seul: French for alone, guarded
        ("Orçamento participativo em Seul, Coreia do Sul", ["KR"], "asia-pacific"),
        ("Le forum de Rabat", ["MA"], "africa"),
        ("Consulta vecinal en Quito", ["EC"], "latin-america"),
        # a city of a country countries.yaml does not list still has its region
        ("World Urban Forum in Abu Dhabi", ["AE"], "middle-east"),
        ("Town hall in Riyadh", ["SA"], "middle-east"),
        # shared names: the text's country decides, else the default, else nothing
        ("Valencia aprueba sus presupuestos participativos", ["ES"], "europe"),
        ("Valencia, Venezuela, abre un cabildo abierto", ["VE"], "latin-america"),
        ("Valencia (Venezuela) y Valencia (España)", ["VE", "ES"], None),
        ("Santiago de Chile vota su plan comunal", ["CL"], "latin-america"),
        ("Santiago de Compostela acolle o encontro", ["ES"], "europe"),
        ("Santiago abre la consulta ciudadana", [], None),
        ("Córdoba, Argentina: presupuesto participativo", ["AR"], "latin-america"),
        ("Córdoba estrena su consejo de barrio", [], None),
        ("Córdoba y Sevilla firman el acuerdo", ["ES"], "europe"),
        # a guarded name counts with its country, or a sure city of that country
        ("Praia, Cabo Verde, lança o orçamento participativo", ["CV"], "africa"),
        ("Lima y Cusco comparten experiencias", ["PE"], "latin-america"),
        ("Porto e Lisboa assinam a carta", ["PT"], "europe"),
    ],
)
def test_cities_give_countries_and_regions(
    text: str, countries: list[str], region: str | None
) -> None:
    found_countries, found_regions = regions(text)
    assert sorted(found_countries) == sorted(countries)
    if region is not None:
        assert found_regions == [region]


@pytest.mark.parametrize(
    "text",
    [
        "Um dia na praia com as crianças do bairro",  # pt: beach
        "Férias na Praia da Rocha",
        "Il est seul à défendre le projet",  # fr: alone
        "Une réunion publique sur le budget",  # fr: meeting (Réunion)
        "Reunió de la comissió de participació",  # ca: meeting
        "Reunión vecinal sobre el presupuesto",  # es: meeting
        "Por la paz y la convivencia en los barrios",  # es: peace (La Paz)
        "Una lima y un limón",  # es: file, lime (Lima)
        "O porto da cidade e a recife de coral",  # pt: port, reef (Porto, Recife)
        "Queremos añadir una propuesta",  # es: add (Anàdir folds to anadir)
        "Fes la teva proposta abans de divendres",  # ca: do (Fès)
        "Madeira e ferro para a nova praça",  # pt: wood
        "Salta la valla y corre",  # es: jumps (Salta)
        "Roma communities take part in the assembly",  # Roma people
        "Man of the year: a volunteer",  # Isle of Man's French name
        "A new center for civic tech",  # Center, North Dakota
        "Nome e apelido do participante",  # pt: name (Nome, Alaska)
        "Assemblea al Palau de la Música",  # ca: palace (Palau)
        "Merry Christmas from the secretariat",
        "The Asunción de la Virgen holiday",
        "Sofia and Regina presented the results",  # first names
    ],
)
def test_everyday_words_never_become_regions(text: str) -> None:
    assert regions(text) == ([], [])


def test_whole_words_only() -> None:
    # "Dakarois" is not "Dakar", "Limas" not "Lima", "Parisian" not "Paris"
    assert regions("Les Dakarois et les Parisiennes") == ([], [])
    assert regions("Parisian tourists") == ([], [])


def test_calendar_venues_see_cities_too() -> None:
    assert default_tagger().countries_in("Cocody (Abidjan)") == ["CI"]


def test_a_tagger_without_gazetteer_sees_only_countries(tmp_path: Path) -> None:
    bare = load_tagger(gazetteer_file=None)
    assert bare.countries_in("Dakar, Senegal") == ["SN"]
    assert bare.countries_in("Dakar") == []


def test_every_place_has_a_country_with_a_region() -> None:
    data = yaml.safe_load(GAZETTEER_FILE.read_text("utf-8"))
    tagger = default_tagger()
    names = set()
    for place in data["places"]:
        key = tokens(place["name"])
        assert key not in names, f"{place['name']} listed twice"
        names.add(key)
        assert place["sources"], place
        for country in place["countries"]:
            assert tagger.regions.get(country), f"{place['name']}: {country} has no region"
        if len(place["countries"]) > 1:
            assert place["default"] in (None, *place["countries"])


def test_the_seed_documents_cities_are_in_with_their_source() -> None:
    data = yaml.safe_load(GAZETTEER_FILE.read_text("utf-8"))
    by_name = {tokens(p["name"]): p for p in data["places"]}
    for name in ("Dakar", "Porto Alegre", "Cascais", "Madrid", "Cocody", "Banggai", "Rabat"):
        place = by_name[tokens(name)]
        assert any(s.startswith("seeds:") for s in place["sources"]), place


def test_the_gazetteer_is_what_the_builder_makes() -> None:
    """Nobody edits gazetteer.yaml by hand: the tables in gazetteer_build are the truth."""
    data = yaml.safe_load(GAZETTEER_FILE.read_text("utf-8"))
    if str(data["cldr"]) != str(get_cldr_version()):
        pytest.skip(
            f"Babel ships CLDR {get_cldr_version()}, the file was built with {data['cldr']}"
        )
    seeds = next((p for p in SEEDS if p.is_dir() and any(p.glob("*.txt"))), None)
    if seeds is None:
        pytest.skip("the seed documents are not here (set HUB_SEEDS)")
    built, _unknown = gazetteer_build.build_gazetteer(seeds)
    assert gazetteer_build.dump(built) == GAZETTEER_FILE.read_text("utf-8")


def test_a_seed_place_missing_from_the_seeds_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "doc.txt").write_text("The conference was held in Dakar.", encoding="utf-8")
    monkeypatch.setattr(gazetteer_build, "SEED_PLACES", {"Atlantis": "PT"})
    with pytest.raises(SystemExit, match="Atlantis"):
        gazetteer_build.build_gazetteer(tmp_path)

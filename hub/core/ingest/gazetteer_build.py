"""Build ``gazetteer.yaml``: city names in five languages -> country -> IOPD region.

Run it again when the seed documents or Babel's CLDR change::

    python -m hub.core.ingest.gazetteer_build --seeds ../shared/seeds [--review]

Where the names come from, each place says in its ``sources``:

- ``cldr:<zone>``: the exemplar city of every time zone in Babel's CLDR data,
  in en, es, fr, ca and pt (``babel.dates.get_timezone_location``), with the
  zone's country (``zone_territories``). CLDR has no other city list, and
  Babel ships no territory containment (``get_global('territory_containment')``
  is empty), so a country's region is ``countries.yaml``'s, else the continent
  of its time zones (:func:`continent_region`).
- ``seeds:<file>``: every place named in the seed documents: the ones CLDR
  knows, those written ``City, Country`` or ``City (Country)`` with a country of
  ``countries.yaml``, and :data:`SEED_PLACES` (checked: each must still be in
  a seed, else the build stops).
- ``curated``: :data:`CAPITALS`, capitals and large cities of the network's
  regions that are no time zone's exemplar (Praia, Rabat, Quito, Brasília...).

Common words are the danger: "Praia" is Portuguese for beach, "Seul" French
for alone, "Lima" a lime, "La Paz" peace. Such names are ``guarded``: they
count only when the text also names one of their countries. Names shared by
cities of several countries (Valencia, Santiago, Córdoba) list them all; the
text's own country decides, else the ``default`` (none when no reading is
safe). Names that are words and nothing else here (Man, Christmas, Center)
are dropped.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel.core import get_cldr_version, get_global
from babel.dates import get_timezone_location

from hub.core.ingest.tags import COUNTRIES_FILE, _matcher, tokens

HERE = Path(__file__).parent
GAZETTEER_FILE = HERE / "gazetteer.yaml"
LANGUAGES = ("en", "es", "fr", "ca", "pt")

SKIPPED_ZONES = ("Antarctica/", "Etc/", "Arctic/", "America/Indiana/", "America/North_Dakota/")
"""Zones whose exemplar is no city members write about (stations, counties)."""

# Left unformatted (fmt: skip): a paragraph of names reads; one a line would run to 36 lines.
DROPPED = {
    "Man", "Canton", "Christmas", "Christmas Island", "Navidad", "Wake", "Wake Island",
    "Midway", "Midway Atoll", "Center", "Resolute", "Nome", "Dominique", "Saint-Pierre",
    "San Cristóbal", "São Cristóvão", "San Vicente", "São Vicente", "Santa Lucía",
    "Santa Lúcia", "Swift Current", "Lindeman", "Büsingen", "Monticello, Kentucky",
    "Kanton", "Isla Kanton", "Canton Island", "Ilha de Canton", "Guadalupe", "Maurici",
    "Réunion", "Reunión", "La Réunion", "Reunió", "Reunião", "Anàdir",
}  # fmt: skip
"""Names that are everyday words, first names or a dozen places: never a city here."""

# Left unformatted (fmt: skip): a paragraph of names reads; one a line would run to 117 lines.
GUARDED = {
    "Praia", "Porto", "Porto Novo", "Porto-Novo", "Portonovo", "Porto Velho", "Lagos",
    "Lima", "La Paz", "Salta", "Bahia", "Bahía", "Belém", "Belén", "Fortaleza", "Recife",
    "Boa Vista", "Campo Grande", "Rio Branco", "Río Branco", "Asunción", "Assunção",
    "Antigua", "Antígua", "Granada", "Grenada", "Grenade", "Dominica", "Montserrat",
    "Cayenne", "Cayena", "Caiena", "Cayman", "Caimán", "Caïmans", "Caiman", "Juba",
    "Santo Tomé", "St. Helena", "Santa Elena", "Sainte-Hélène", "Saint Helena",
    "Santa Helena", "Madeira", "Malta", "Malte", "Stanley", "Darwin", "Adelaide",
    "Adelaida", "Regina", "Phoenix", "Detroit", "Détroit", "Jersey", "Norfolk",
    "Norfolk Island", "Palau", "Palaos", "Marquesas", "Marqueses", "Marquises", "Cocos",
    "Colombo", "Oral", "Seul", "Sofia", "Sofía", "Sófia", "Samara", "Roma", "Vienne",
    "Damas", "Muscat", "Mendoza", "San Juan", "San Luis", "Santarém", "Maurice",
    "Mauricio", "Maurício", "Bermuda", "Bermudas", "Chatham", "Creston", "Dawson", "Perth",
    "Santiago", "Cuenca", "Salvador", "Rosario", "La Plata", "Puebla", "Le Cap",
    "Ginebra", "Washington", "Wellington", "Victoria", "Natal", "Cali", "Cayo", "Sucre",
    "Nice", "Bordeaux", "Riad", "Concepción", "Trinidad", "Caracol", "Nassau",
    "Fès", "Fes", "Kingston", "Georgetown", "Paramaribo", "Bridgetown", "Castries", "Basseterre",
}  # fmt: skip
"""Names that are also everyday words, first names or many places: need their country."""

AMBIGUOUS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "Valencia": (("ES", "VE"), "ES"),
    "Barcelona": (("ES", "VE"), "ES"),
    "Santiago": (("CL", "ES", "CU", "DO"), None),
    "Córdoba": (("AR", "ES"), None),
    "Cordoba": (("AR", "ES"), None),
    "Còrdova": (("AR", "ES"), None),
    "Mérida": (("MX", "ES", "VE"), None),
    "La Rioja": (("AR", "ES"), None),
    "San Juan": (("AR", "PR"), None),
    "Santarém": (("BR", "PT"), None),
    "Tripoli": (("LY", "LB"), "LY"),
    "Trípoli": (("LY", "LB"), "LY"),
    "Guadalajara": (("MX", "ES"), "MX"),
    "Perth": (("AU", "GB"), None),
    "Granada": (("ES", "GD"), None),
    "Cuenca": (("ES", "EC"), None),
    "Santa Catarina": (("BR", "MX"), "BR"),
    "London": (("GB", "CA"), "GB"),
    "Londres": (("GB", "CA"), "GB"),
    "Jaipur": (("IN",), "IN"),  # CLDR gives it as one locale's name of Jayapura
}
"""Names of cities in several countries: all candidates, and the default (None: no guess)."""

SEED_PLACES: dict[str, str] = {
    "Porto Alegre": "BR",
    "Cascais": "PT",
    "Barcelona": "ES",
    "Madrid": "ES",
    "Bogotá": "CO",
    "Buenos Aires": "AR",
    "São Paulo": "BR",
    "Dakar": "SN",
    "Cocody": "CI",
    "Abidjan": "CI",
    "Rabat": "MA",
    "Abu Dhabi": "AE",
    "Monterrey": "MX",
    "Córdoba": "AR",
    "Chicago": "US",
    "Berlin": "DE",
    "San Francisco": "US",
    "Banggai": "ID",
    "Valencia": "ES",
}
"""Places the seed documents name (conference hosts, offices, members) that no pattern finds."""

CAPITALS: dict[str, tuple[str, tuple[str, ...]]] = {
    # Africa
    "Praia": ("CV", ()),
    "Mindelo": ("CV", ()),
    "Rabat": ("MA", ()),
    "Marrakech": ("MA", ("Marrakesh", "Marraquech", "Marràqueix", "Marraquexe")),
    "Fès": ("MA", ("Fez", "Fes")),
    "Tangier": ("MA", ("Tánger", "Tanger", "Tànger", "Tânger")),
    "Yaoundé": ("CM", ("Yaundé", "Iaundé")),
    "Abuja": ("NG", ()),
    "Yamoussoukro": ("CI", ()),
    "Pretoria": ("ZA", ()),
    "Cape Town": ("ZA", ("Ciudad del Cabo", "Le Cap", "Ciutat del Cap", "Cidade do Cabo")),
    "Durban": ("ZA", ()),
    "Dodoma": ("TZ", ()),
    "Saint-Louis du Sénégal": ("SN", ()),
    "Thiès": ("SN", ("Thies",)),
    "Ziguinchor": ("SN", ()),
    "Bobo-Dioulasso": ("BF", ()),
    "Cotonou": ("BJ", ()),
    "Lubango": ("AO", ()),
    "Beira": ("MZ", ()),
    # Latin America
    "Quito": ("EC", ()),
    "Cuenca": ("EC", ()),
    "Brasília": ("BR", ("Brasilia",)),
    "Rio de Janeiro": ("BR", ("Río de Janeiro",)),
    "Belo Horizonte": ("BR", ()),
    "Curitiba": ("BR", ()),
    "Florianópolis": ("BR", ()),
    "Salvador": ("BR", ("Salvador de Bahia", "Salvador da Bahia")),
    "Niterói": ("BR", ()),
    "Guarulhos": ("BR", ()),
    "Canoas": ("BR", ()),
    "Medellín": ("CO", ("Medellin",)),
    "Cali": ("CO", ()),
    "Rosario": ("AR", ()),
    "La Plata": ("AR", ()),
    "Sucre": ("BO", ()),
    "Cochabamba": ("BO", ()),
    "Santa Cruz de la Sierra": ("BO", ()),
    "Valparaíso": ("CL", ("Valparaiso",)),
    "Concepción": ("CL", ()),
    "Cusco": ("PE", ("Cuzco",)),
    "Arequipa": ("PE", ()),
    "Guadalajara": ("MX", ()),
    "Puebla": ("MX", ()),
    "Xalapa": ("MX", ("Jalapa",)),
    "Maracaibo": ("VE", ()),
    "San José de Costa Rica": ("CR", ()),
    "San Salvador": ("SV", ()),
    "Ciudad de Guatemala": ("GT", ("Guatemala City",)),
    "Santiago de Chile": ("CL", ()),
    "Santiago de Cuba": ("CU", ()),
    "Santiago de los Caballeros": ("DO", ()),
    # Europe
    "Santiago de Compostela": ("ES", ()),
    "Sevilla": ("ES", ("Seville", "Séville", "Sevilha")),
    "Bilbao": ("ES", ("Bilbo",)),
    "Málaga": ("ES", ()),
    "Zaragoza": ("ES", ("Saragossa", "Saragosse")),
    "Girona": ("ES", ("Gerona",)),
    "Tarragona": ("ES", ()),
    "Lleida": ("ES", ("Lérida",)),
    "Terrassa": ("ES", ("Tarrasa",)),
    "Sabadell": ("ES", ()),
    "Badalona": ("ES", ()),
    "L'Hospitalet de Llobregat": ("ES", ("L'Hospitalet",)),
    "València": ("ES", ()),
    "Palma de Mallorca": ("ES", ()),
    "Donostia": ("ES", ("San Sebastián",)),
    "Vitoria-Gasteiz": ("ES", ()),
    "Porto": ("PT", ("Oporto",)),
    "Coimbra": ("PT", ()),
    "Braga": ("PT", ()),
    "Odivelas": ("PT", ()),
    "Amadora": ("PT", ()),
    "Lyon": ("FR", ("Lyons", "Lió", "Lião")),
    "Marseille": ("FR", ("Marsella", "Marselha")),
    "Toulouse": ("FR", ("Tolosa",)),
    "Bordeaux": ("FR", ("Burdeos",)),
    "Nantes": ("FR", ()),
    "Grenoble": ("FR", ()),
    "Strasbourg": ("FR", ("Estrasburgo", "Estrasburg")),
    "Lille": ("FR", ()),
    "Nice": ("FR", ("Niza",)),
    "Geneva": ("CH", ("Genève", "Ginebra", "Genebra")),
    "Milan": ("IT", ("Milano", "Milán", "Milà", "Milão")),
    "Naples": ("IT", ("Napoli", "Nápoles", "Nàpols")),
    "Bologna": ("IT", ("Bolonia", "Bologne", "Bolonya", "Bolonha")),
    "Turin": ("IT", ("Torino", "Turín", "Torí")),
    "Hamburg": ("DE", ("Hamburgo", "Hambourg")),
    "Munich": ("DE", ("München", "Múnich", "Munic", "Munique")),
    "Edinburgh": ("GB", ("Edimburgo", "Édimbourg", "Edimburg")),
    "Manchester": ("GB", ()),
    "Glasgow": ("GB", ()),
    "The Hague": ("NL", ("La Haya", "La Haye", "L'Haia", "Haia")),
    "Rotterdam": ("NL", ()),
    "Antwerp": ("BE", ("Amberes", "Anvers", "Anvers", "Antuérpia")),
    "Kraków": ("PL", ("Krakow", "Cracovia", "Cracovie", "Cracòvia", "Cracóvia")),
    # North America, Middle East, Asia-Pacific
    "Ottawa": ("CA", ()),
    "Montréal": ("CA", ("Montreal",)),
    "Washington": ("US", ()),
    "Boston": ("US", ()),
    "Seattle": ("US", ()),
    "Ankara": ("TR", ()),
    "Abu Dhabi": ("AE", ("Abu Dabi", "Abou Dabi", "Abu Dhabi")),
    "Tunis": ("TN", ()),
    "Canberra": ("AU", ()),
    "Wellington": ("NZ", ()),
    "New Delhi": ("IN", ("Nueva Delhi", "New Delhi", "Nova Delhi", "Delhi")),
    "Mumbai": ("IN", ("Bombay",)),
    "Beijing": ("CN", ("Pekín", "Pékin", "Pequín", "Pequim")),
    "Cebu": ("PH", ()),
    "Seogwipo": ("KR", ()),
    "Gwangju": ("KR", ()),
    "Suwon": ("KR", ()),
    "Bandung": ("ID", ()),
    "Surabaya": ("ID", ()),
}
"""Capitals and large cities that no time zone names: the name and its other spellings."""

MIDDLE_EAST = {"AE", "BH", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "YE", "IL"}
NORTH_AMERICA = {"US", "CA", "BM", "GL", "PM"}
INDIAN_OCEAN_AFRICA = {"MU", "RE", "YT", "KM", "SC", "MG"}


def continent_region(zone: str, country: str) -> str | None:
    """The IOPD region of a country not in ``countries.yaml``, from its zone's continent."""
    continent = zone.split("/", 1)[0]
    if country in MIDDLE_EAST:
        return "middle-east"
    if country in NORTH_AMERICA:
        return "north-america"
    if continent == "America":
        return "latin-america"
    if continent in ("Africa",) or country in INDIAN_OCEAN_AFRICA or country == "CV":
        return "africa"
    if continent == "Europe" or country in {"IS", "FO", "PT", "ES", "CY"}:
        return "europe"
    if continent in ("Asia", "Australia", "Pacific", "Indian"):
        return "asia-pacific"
    return None


@dataclass
class Place:
    """One name and what it may point to."""

    name: str
    countries: list[str]
    sources: list[str] = field(default_factory=list)
    default: str | None = None
    guarded: bool = False

    def as_yaml(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"name": self.name, "countries": self.countries}
        if len(self.countries) > 1:
            entry["default"] = self.default
        if self.guarded:
            entry["guarded"] = True
        entry["sources"] = sorted(self.sources)
        return entry


@dataclass
class Build:
    """The places found so far, keyed by their folded name (one entry per spelling)."""

    country_names: dict[tuple[str, ...], str]
    known_regions: dict[str, str]
    places: dict[tuple[str, ...], Place] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, country: str, source: str) -> None:
        key = tokens(name)
        if not key or name in DROPPED or "," in name or "[" in name or "(" in name:
            return
        if self.country_names.get(key) not in (None, country):
            return  # the name of another country (Mexico the city is Mexico the country)
        place = self.places.get(key)
        if place is None:
            place = self.places[key] = Place(name, [country])
        elif country not in place.countries:
            place.countries.append(country)
        if source not in place.sources:
            place.sources.append(source)

    def finish(self) -> list[Place]:
        for name, (countries, default) in AMBIGUOUS.items():
            place = self.places.get(tokens(name))
            if place is not None:
                place.countries, place.default = list(countries), default
        guarded = {tokens(name) for name in GUARDED}
        ambiguous = {tokens(name) for name in AMBIGUOUS}
        for folded, place in self.places.items():
            place.guarded = folded in guarded
            if len(place.countries) > 1 and folded not in ambiguous:
                place.default = None  # found in several countries and nobody said which
        return sorted(self.places.values(), key=lambda p: (tokens(p.name), p.name))


def load_countries(
    path: Path = COUNTRIES_FILE,
) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    data = yaml.safe_load(path.read_text("utf-8"))
    names = {
        tokens(str(name)): str(code)
        for code, entry in data["countries"].items()
        for name in entry["names"]
    }
    regions = {str(code): str(entry["region"]) for code, entry in data["countries"].items()}
    return names, regions


def add_cldr(build: Build) -> None:
    zones: dict[str, str] = dict(get_global("zone_territories"))
    for zone, country in sorted(zones.items()):
        if "/" not in zone or zone.startswith(SKIPPED_ZONES) or len(country) != 2:
            continue
        region = build.known_regions.get(country) or continent_region(zone, country)
        if region is None:
            continue
        if country not in build.known_regions:
            build.regions.setdefault(country, region)
        for language in LANGUAGES:
            name = get_timezone_location(zone, locale=language, return_city=True)
            build.add(name, country, f"cldr:{zone}")


def add_curated(build: Build) -> None:
    for name, (country, spellings) in CAPITALS.items():
        for spelling in (name, *spellings):
            build.add(spelling, country, "curated")


CITY_COUNTRY = re.compile(r"([A-ZÀ-Ý][\w'’-]+(?: (?:de |do |da |del )?[A-ZÀ-Ý][\w'’-]+)*)[,(]\s*")


def add_seeds(build: Build, seeds: Path) -> list[str]:
    """Places of the seed documents; returns the capitalised "in X" words left unknown."""
    texts = {path.name: path.read_text("utf-8") for path in sorted(seeds.glob("*.txt"))}
    if not texts:
        raise SystemExit(f"no seed documents (*.txt) in {seeds}")
    for place_name, country in SEED_PLACES.items():
        found = [n for n, t in texts.items() if _contains(tokens(t), tokens(place_name))]
        if not found:
            raise SystemExit(f"{place_name!r} is in SEED_PLACES but in no seed document")
        for name in found:
            build.add(place_name, country, f"seeds:{name}")
    for name, text in texts.items():
        for match in CITY_COUNTRY.finditer(text):
            rest = tokens(text[match.end() : match.end() + 60])
            for size in (4, 3, 2, 1):
                code = build.country_names.get(rest[:size])
                if code:
                    build.add(match.group(1), code, f"seeds:{name}")
                    break
        named = _matcher({" ".join(key): " ".join(key) for key in build.places})
        for key in named.find(tokens(text)):
            place = build.places[tuple(key.split())]
            if f"seeds:{name}" not in place.sources:
                place.sources.append(f"seeds:{name}")
    unknown: set[str] = set()
    for text in texts.values():
        for match in re.finditer(r"\b(?:in|held in|a|en|à) ([A-ZÀ-Ý][\w'’-]+)", text):
            if tokens(match.group(1)) not in build.places:
                unknown.add(match.group(1))
    return sorted(unknown)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def build_gazetteer(seeds: Path | None) -> tuple[dict[str, Any], list[str]]:
    """The gazetteer's data, and the seeds' unknown capitalised place-like words (to review)."""
    names, regions = load_countries()
    build = Build(names, regions)
    add_cldr(build)
    add_curated(build)
    unknown = add_seeds(build, seeds) if seeds is not None else []
    places = build.finish()
    for place in places:
        for country in place.countries:
            if country not in regions and country not in build.regions:
                raise SystemExit(f"{place.name}: no region for country {country}")
    data = {
        "cldr": get_cldr_version(),
        "countries": dict(sorted(build.regions.items())),
        "places": [place.as_yaml() for place in places],
    }
    return data, unknown


HEADER = """\
# City names (five languages) -> country -> IOPD region, for hub.core.ingest.tags.
# Generated by `python -m hub.core.ingest.gazetteer_build --seeds PATH`: do not edit by hand,
# change the tables in hub/core/ingest/gazetteer_build.py (its docstring says where names
# come from: cldr:<zone>, seeds:<file>, curated) and run it again.
# countries: regions of the countries that countries.yaml does not list.
# places: guarded names count only when the text names one of their countries; a name
# of several countries takes the one the text names, else its default (null: none).
"""


def dump(data: dict[str, Any]) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seeds", type=Path, help="the folder of the seed documents")
    parser.add_argument("--output", type=Path, default=GAZETTEER_FILE)
    parser.add_argument("--review", action="store_true", help="list unknown place-like words")
    args = parser.parse_args(argv)
    data, unknown = build_gazetteer(args.seeds)
    args.output.write_text(dump(data), encoding="utf-8")
    print(f"{len(data['places'])} names, {len(data['countries'])} extra countries -> {args.output}")
    if args.review:
        print("capitalised words after in/a/en/à that are no known place:", ", ".join(unknown))
    return 0


if __name__ == "__main__":
    sys.exit(main())

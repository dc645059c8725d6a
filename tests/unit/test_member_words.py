"""Words members read: the network's name in their language, plurals that agree with the
count, and dates and month names written by Babel in their locale."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel import Locale

from hub.core.config.settings import Settings, load_settings, name_in
from hub.core.errors import ConfigError, Problem
from hub.core.ingest.tags import load_tagger, topic_name, topic_names
from hub.core.members.links import topics
from hub.core.schedule import roundups
from hub.web import i18n
from hub.web.render import make_environment
from newsletters import i18n as letter_words
from newsletters.demo import demo_content
from newsletters.i18n import counted, default_subject
from newsletters.render import render_edition

EXAMPLE = Path(__file__).parents[2] / "config" / "hub.toml"
SECRETS = {"SLACK_BOT_TOKEN": "xoxb-test", "TELEGRAM_BOT_TOKEN": "1:test"}
PLATFORMS = {"slack", "telegram", "mastodon", "bluesky", "mailchimp"}
LANGUAGES = ("en", "es", "fr", "ca", "pt")
DAY = dt.date(2026, 12, 4)


def edited_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the example config with one edit, and the line the edit is on."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text, old
    copy = tmp_path / "hub.toml"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy, text[: text.index(old)].count("\n") + 1


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ConfigError) as caught:
        load_settings(path, SECRETS, platforms=PLATFORMS)
    return caught.value.problems


# --- the network's name ---------------------------------------------------------------


def test_the_example_deployment_names_the_network_in_each_language() -> None:
    hub = load_settings(EXAMPLE, SECRETS, platforms=PLATFORMS).hub
    assert hub.network_name("en") == "IOPD" and hub.network_name() == "IOPD"
    assert {hub.network_name(code) for code in ("es", "fr", "ca", "pt")} == {"OIDP"}
    assert hub.network_name("de") == "IOPD"  # not a language of the deployment: the default's
    assert hub.network_names() == {
        "en": "IOPD",
        "es": "OIDP",
        "fr": "OIDP",
        "ca": "OIDP",
        "pt": "OIDP",
    }


def test_a_plain_name_stays_one_name_for_every_language() -> None:
    hub = Settings.model_validate({"hub": {"name": "Red X", "languages": ["en", "es"]}}).hub
    assert hub.network_name("es") == hub.network_name("en") == "Red X"
    assert name_in("Red X", "fr") == "Red X"
    assert name_in({"es": "OIDP", "en": "IOPD"}, "fr", fallback="es") == "OIDP"


@pytest.mark.parametrize(
    ("new", "key", "words"),
    [
        ('name = { en = "IOPD", es = "" }', "hub.name.es", "may not be empty"),
        ('name = { en = "IOPD", de = "IOPD" }', "hub.name.de", "not one of hub.languages"),
        ('name = { es = "OIDP" }', "hub.name", "default language (en)"),
        ("name = 5", "hub.name", "one per language"),
        ('name = ""', "hub.name", "may not be empty"),
    ],
)
def test_a_wrong_name_is_named_with_its_file_key_and_line(
    tmp_path: Path, new: str, key: str, words: str
) -> None:
    old = 'name = { en = "IOPD", es = "OIDP", fr = "OIDP", ca = "OIDP", pt = "OIDP" }'
    path, line = edited_copy(tmp_path, old, new)
    [problem] = problems_of(path)
    assert (problem.file, problem.key, problem.line) == (str(path), key, line)
    assert words in problem.message


def test_a_spanish_newsletter_names_the_oidp() -> None:
    names = load_settings(EXAMPLE, SECRETS, platforms=PLATFORMS).hub.network_names()
    spanish = render_edition(demo_content("es", items=3, period_end=DAY, network_name=names))
    assert "miembro de OIDP" in spanish.html and "miembro de OIDP" in spanish.text
    assert "IOPD" not in spanish.text
    assert default_subject(names, DAY, "es") == "Boletín de OIDP, diciembre de 2026"
    english = render_edition(demo_content("en", items=3, period_end=DAY, network_name=names))
    assert "member of IOPD" in english.text and "OIDP" not in english.text


# --- plurals ----------------------------------------------------------------------------


def test_one_item_is_singular_and_two_are_plural_in_spanish() -> None:
    assert counted("preheader", 1, "es").startswith("1 noticia de la red")
    assert counted("preheader", 2, "es").startswith("2 noticias de la red")
    assert counted("omitted", 1, "es") == "1 noticia más en la web."
    assert roundups.count_words(1, "es") == "1 noticia nueva"
    assert roundups.count_words(2, "es") == "2 noticias nuevas"
    with i18n.use_language("es"):
        told = [
            i18n.ngettext("%(n)s submitter is told.", "%(n)s submitters are told.", n) % {"n": n}
            for n in (1, 2)
        ]
    assert told == ["Se avisa a 1 remitente.", "Se avisa a 2 remitentes."]


def test_a_roundup_of_one_item_says_so_in_the_singular() -> None:
    def roundup(count: int) -> str:
        entries = [roundups.Entry(n, n, f"Noticia {n}", None) for n in range(1, count + 1)]
        made = roundups.Roundup("c", "week", "2026-W49", "es", DAY, groups=[("Clima", entries)])
        return made.text()

    assert "\n1 noticia nueva\n" in roundup(1) and "\n2 noticias nuevas\n" in roundup(2)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_counted_phrase_has_a_singular_of_its_own(language: str) -> None:
    one = Locale.parse(language).plural_form(1)
    assert one == "one"
    for key in ("preheader", "omitted"):
        assert counted(key, 1, language) != counted(key, 2, language).replace("2", "1")
    assert roundups.count_words(1, language) != roundups.count_words(2, language).replace("2", "1")


# --- dates ------------------------------------------------------------------------------


def test_the_catalan_console_writes_catalan_months() -> None:
    env = make_environment("Europe/Madrid")
    template = env.from_string("{{ moment|when }} · {{ day|day }} · {{ day|month }}")
    catalan = Locale.parse("ca")
    english_months = Locale.parse("en").months["format"]
    for month in range(1, 13):
        moment = dt.datetime(2026, month, 14, 10, 30, tzinfo=dt.UTC)
        with i18n.use_language("ca"):
            shown = template.render(moment=moment, day=moment.date())
        assert catalan.months["format"]["abbreviated"][month] in shown, shown
        assert catalan.months["stand-alone"]["wide"][month] in shown, shown
        assert shown.count(catalan.months["format"]["abbreviated"][month]) == 2, shown
        for width in ("abbreviated", "wide"):
            assert english_months[width][month] not in shown.split(), shown
        assert "11:30" in shown or "12:30" in shown  # Madrid's time, not UTC's
    with i18n.use_language("ca"):
        december = template.render(moment=dt.datetime(2026, 12, 4, 9, tzinfo=dt.UTC), day=DAY)
    # CLDR 46 writes "desembre del 2026", earlier versions "desembre de 2026"
    assert re.fullmatch(r"04 de des\. 2026 10:00 · 04 de des\. 2026 · desembre del? 2026", december)


def test_newsletter_and_roundup_dates_follow_the_readers_locale() -> None:
    assert re.fullmatch(r"desembre del? 2026", letter_words.month_name(DAY, "ca"))
    assert letter_words.long_date(DAY, "fr") == "4 décembre 2026"
    assert roundups.format_day(DAY, "pt") == "4 de dez. de 2026"
    zone = ZoneInfo("America/Sao_Paulo")
    with i18n.use_language("pt", i18n.MEMBER_LANGUAGES):
        assert "dez." in i18n.format_when(dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC), zone)


# --- topics -----------------------------------------------------------------------------


def test_every_topic_has_a_name_in_each_language_and_names_are_not_keywords() -> None:
    tagger = load_tagger()
    names = topic_names()
    assert set(names) == set(topics())
    for tag, named in names.items():
        assert set(named) == set(LANGUAGES), tag
        assert all(text.strip() for text in named.values()), tag
        assert topic_name(tag, "ca") == named["ca"] == roundups.topic_label(tag, "ca")
    assert topic_name("participatory-budgeting", "ca") == "Pressupostos participatius"
    assert tagger.topics_in("Els pressupostos participatius de Girona", "ca") == [
        "participatory-budgeting"
    ]
    assert tagger.topics_in("name", "en") == []  # the names' key is not a keyword
    assert topic_name("not-a-topic", "fr") == "not a topic"

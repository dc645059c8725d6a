"""The pages members see speak each of the network's five languages, with no English left.

Each page is rendered in English and in es, fr, ca and pt; every word of the English
page's visible text that also shows in another language's page is a failure, unless it
is a name (the member's organisation, platforms, languages, the network, the time zone,
addresses and commands) or a word that language's own texts use too (its catalogue's
translations, its topic names and the keywords the tagger looks for in it: "image" and
"inclusion" are French as well). A text identical to its English source is not counted as
that language's own. Nothing lists the words to
look for, so a word added to a page in English only fails here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import visible_words
import yaml
from sqlalchemy import Engine
from visible_words import catalogue_words, words_in, words_of

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.ingest.tags import TOPICS_FILE, topic_names
from hub.core.members.links import CHANNELS, preferences_token
from hub.core.models import Member
from hub.web import i18n
from hub.web.render import LANGUAGE_NAMES
from hub.web.testing import TEST_SECRET_KEY, ConsoleClient, SteppingClock, console_app

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
OTHERS = ("es", "fr", "ca", "pt")
NETWORK = {"en": "IOPD", "es": "OIDP", "fr": "OIDP", "ca": "OIDP", "pt": "OIDP"}
ORGANISATION, CONTACT = "Ajuntament de Girona", "Anna Puig"


def names(settings: Settings) -> set[str]:
    """Words that are names, the same in every language."""
    texts = [ORGANISATION, CONTACT, settings.hub.timezone, *NETWORK.values()]
    texts += [*LANGUAGE_NAMES.values(), *LANGUAGE_NAMES, *CHANNELS]
    return {word for text in texts for word in words_in(text)}


def own_words(language: str) -> set[str]:
    """Words ``language``'s own texts use: its translations, its topic names and keywords."""
    texts = []
    for named in topic_names().values():  # a name copied from English is not a translation
        if named.get(language) and named.get(language) != named.get("en"):
            texts.append(named[language])
    topics = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))
    texts += [str(k) for entry in topics.values() for k in entry.get(language, [])]
    catalogue = i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    return catalogue_words(language, [catalogue]) | {w for t in texts for w in words_in(t)}


def english_left(english: str, other: str, language: str, settings: Settings) -> set[str]:
    """The English page's words that show in ``other`` and are neither names nor its own."""
    exempt = names(settings) | own_words(language)
    return visible_words.english_left(words_of(english), words_of(other), exempt)


@pytest.fixture
def settings() -> Settings:
    return Settings.model_validate(
        {
            "hub": {
                "name": NETWORK,
                "timezone": "Europe/Madrid",
                "languages": ["en", "es", "fr", "ca", "pt"],
            },
            "sources": {"web_form": {"kind": "web", "title": "Members' web form"}},
            "channels": {"news": {"platform": "memory", "target": "news"}},
            "secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY},
        }
    )


@pytest.fixture
def client(engine: Engine, settings: Settings) -> Iterator[ConsoleClient]:
    with transaction(engine) as session:
        sync_config(session, settings)
    app = console_app(settings, engine, clock=SteppingClock(NOW))
    with ConsoleClient(app, base_url="https://hub.example.org") as client:
        yield client


def preferences_link(engine: Engine, language: str) -> str:
    with transaction(engine) as session:
        member = Member(
            organisation=ORGANISATION,
            contact_name=CONTACT,
            email=f"{language}@girona.example.org",
            language=language,
            topics=["climate", "participatory-budgeting"],
        )
        session.add(member)
        session.flush()
        member_id = member.id
    return f"/preferences/{preferences_token(TEST_SECRET_KEY, member_id, NOW)}"


def pages_in(client: ConsoleClient, engine: Engine, language: str) -> dict[str, str]:
    """Each member-facing page as a reader of ``language`` gets it."""
    asked = {"accept-language": f"{language};q=0.9"}
    pages = {
        "preferences": client.get(preferences_link(engine, language)),
        "invalid link": client.get("/preferences/not-a-link", headers=asked),
        "news form": client.get(f"/submit-news?lang={language}"),
        "news form (browser)": client.get("/submit-news", headers=asked),
        "stale form": client.post("/submit-news", data={"title": "x"}, headers=asked),
        "feed form": client.get(f"/submit-feed?lang={language}"),
    }
    for name, response in pages.items():
        assert response.status_code in (200, 403, 404), (name, response.status_code)
        assert f'<html lang="{language}">' in response.text, name
    return {name: response.text for name, response in pages.items()}


def test_the_comparison_finds_english_words(settings: Settings) -> None:
    page = "<p>Your preferences · IOPD</p><p>Topics that interest you</p>"
    assert english_left(page, page, "fr", settings) >= {"your", "topics", "interest"}
    assert english_left(page, "<p>Vos préférences · OIDP</p>", "fr", settings) == set()


def test_the_members_pages_show_no_english_in_the_other_languages(
    engine: Engine, client: ConsoleClient, settings: Settings
) -> None:
    english = pages_in(client, engine, "en")
    assert all(len(words_of(page)) > 15 and "iopd" in words_of(page) for page in english.values())
    for language in OTHERS:
        pages = pages_in(client, engine, language)
        for name, page in pages.items():
            left = english_left(english[name], page, language, settings)
            assert not left, f"{name} in {language} still shows English: {sorted(left)}"
            assert "iopd" not in words_of(page) and "oidp" in words_of(page), name
        topics = topic_names()
        for tag in ("climate", "participatory-budgeting"):
            assert topics[tag][language] in pages["preferences"], (language, tag)


def test_the_news_form_keeps_its_language_through_a_submission(
    engine: Engine, client: ConsoleClient
) -> None:
    news = {"title": "Budget participatif à Dakar", "text": "La ville ouvre un nouveau cycle."}
    response = client.submit("/submit-news?lang=fr", "/submit-news?lang=fr", news)
    assert response.status_code == 303
    assert "le secrétariat relira votre actualité" in client.follow(response).text
    refused = client.submit("/submit-news?lang=pt", "/submit-news?lang=pt", {"title": ""})
    assert refused.status_code == 400 and "É necessário um título." in refused.text

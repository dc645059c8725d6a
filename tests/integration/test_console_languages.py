"""Every console page speaks Spanish and Catalan with no English left, marked or not.

Each page the app serves by GET (found from its own routes, as the accessibility test finds
them, with the same seed data) is rendered for a user whose language is English, then for
one whose language is Spanish, then Catalan. Every word of the English page's visible text
(text, tooltips, hints, labels for screen readers) that shows in the other page is a failure
unless it is data or the other language's own word:

- data: the text stored in the database (item titles, names of members, channels, sources,
  knowledge records...) is removed from both pages before their words are taken, phrase by
  phrase, so a title "Assemblies in Lyon" excuses neither "in" nor "Assemblies" elsewhere;
  codes (``channel_not_found``), addresses, numbers and e-mails are never words;
- the other language's own words: those of its catalogue's translations (a translation that
  copies its English source does not count), its topic names, and a short list of words
  that are names or the same in that language (:data:`SAME_WORDS`, each with its reason).

Nothing lists the English words to look for: a word added to a page in English only, or a
status shown raw, fails here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.dates import get_day_names, get_month_names
from sqlalchemy import JSON, Engine, String, Text, select, update
from test_web_accessibility import EMAIL, NOW, PASSWORD, page_paths, seed
from visible_words import VisibleText, catalogue_words, english_left, words_in

from hub.core.db import transaction
from hub.core.ingest.tags import topic_names
from hub.core.models import Base, User
from hub.web import i18n
from hub.web.render import LANGUAGE_NAMES
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

DUMP = Path(os.environ["I18N_DUMP"]) if os.environ.get("I18N_DUMP") else None
CONSOLE_LANGUAGES = [code for code in i18n.INTERFACE_LANGUAGES if code != "en"]
CODE_COLUMNS = {"status", "kind", "outcome", "error_kind", "role", "action", "step", "mode"}
"""Columns holding codes the console must show in words (a status), not data to excuse."""
NAMES = {
    *LANGUAGE_NAMES.values(),
    *LANGUAGE_NAMES,
    "Slack",
    "Telegram",
    "Mastodon",
    "Bluesky",
    "Mailchimp",
    "RSS",
    "Atom",
    "iCalendar",
    "HTML",
    "JSON",
    "CSV",
    "OK",
    "Europe/Madrid",
    "Markdown",
    "htmx",
    "UTC",
}
"""Names the same in every language: languages, platforms, formats, the time zone."""
SAME_WORDS = {
    "es": {
        "hub",  # the product's name for itself, kept in Spanish as in the catalogue's "el hub"
    },
    "ca": {
        "hub",  # as in Spanish
    },
}
"""Words each language writes as English does that its catalogue happens not to use."""


def strings_in(value: object) -> Iterator[str]:
    """The strings of a value, a list or a dict's values, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from strings_in(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from strings_in(inner)


def stored_texts(engine: Engine) -> set[str]:
    """Every text the database holds outside code columns."""
    texts: set[str] = set()

    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [
                c
                for c in table.columns
                if c.name not in CODE_COLUMNS and isinstance(c.type, String | Text | JSON)
            ]
            if columns:
                for row in connection.execute(select(*columns)):
                    texts.update(text for value in row for text in strings_in(value))
    return {text for text in texts if words_in(text)}


def visible_words(page: str, data: list[str]) -> set[str]:
    """The words a reader sees on ``page``, with the stored texts (data) taken out first."""
    parser = VisibleText()
    parser.feed(page)
    text = "\n".join(parser.parts)
    for stored in data:  # whole words only: a title "Assemblies" is no excuse for "Assembly"
        text = re.sub(rf"(?<!\w){re.escape(stored)}(?!\w)", "\n", text)
    return words_in(text)


def own_words(language: str) -> set[str]:
    catalogue = i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    topics = [
        named[language]
        for named in topic_names().values()
        if named.get(language) and named.get(language) != named.get("en")
    ]
    names = {word for text in NAMES for word in words_in(text)}
    for width in ("wide", "abbreviated"):  # the dates Babel writes: "20 nov 2026"
        names |= {w for m in get_month_names(width, locale=language).values() for w in words_in(m)}
        names |= {w for d in get_day_names(width, locale=language).values() for w in words_in(d)}
    own = catalogue_words(language, [catalogue]) | {w for t in topics for w in words_in(t)}
    return own | names | SAME_WORDS.get(language, set())


def console_pages(engine: Engine, ids: dict[str, str], language: str) -> dict[str, str]:
    """Every GET page of the console as a user of ``language`` sees it."""
    with transaction(engine) as session:
        session.execute(update(User).values(language=language))
    app = console_app(example_settings(), engine, clock=SteppingClock(NOW))
    paths = page_paths(app, ids)
    assert len(paths) >= 25, paths
    with ConsoleClient(app) as client:
        pages = {"/login": client.get("/login", headers={"accept-language": language}).text}
        client.sign_in(EMAIL, PASSWORD)
        for path in paths:
            if path.startswith("/preferences/"):
                continue  # a member's page, in the member's language (its own test)
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            pages[path] = response.text
    return pages


@pytest.fixture
def rendered(engine: Engine) -> Iterator[tuple[dict[str, dict[str, str]], list[str]]]:
    ids = seed(engine)
    add_user(engine, EMAIL, PASSWORD, role="admin")
    by_language = {lang: console_pages(engine, ids, lang) for lang in ["en", *CONSOLE_LANGUAGES]}
    settings = example_settings()  # the deployment's words (names, titles) are data too
    configured = [*strings_in(settings.model_dump()), settings.hub.network_name("en")]
    yield by_language, sorted({*stored_texts(engine), *configured}, key=len, reverse=True)


def test_data_is_taken_out_phrase_by_phrase() -> None:
    page = "<h1>Assemblies in Lyon</h1><p>Shown in <b>lists</b></p>"
    assert visible_words(page, ["Assemblies in Lyon"]) == {"shown", "in", "lists"}
    assert visible_words('<input placeholder="Search items">', []) == {"search", "items"}
    assert visible_words("<p>dead: channel_not_found</p>", []) == {"dead"}


def test_every_console_page_speaks_the_users_language(
    rendered: tuple[dict[str, dict[str, str]], list[str]],
) -> None:
    pages, data = rendered
    if DUMP:
        for language, by_path in pages.items():
            for path, page in by_path.items():
                out = DUMP / language / (path.strip("/").replace("/", "_") or "index")
                out.parent.mkdir(parents=True, exist_ok=True)
                out.with_suffix(".html").write_text(page)
    english = pages["en"]
    assert all(len(visible_words(page, data)) > 5 for page in english.values()), english.keys()
    report: dict[str, dict[str, list[str]]] = {}
    for language in CONSOLE_LANGUAGES:
        exempt = own_words(language)
        for path, page in pages[language].items():
            left = english_left(
                visible_words(english[path], data), visible_words(page, data), exempt
            )
            if left:
                report.setdefault(language, {})[path] = sorted(left)
    assert report == {}, "\n".join(
        f"{lang} {path}: {words}" for lang, paths in report.items() for path, words in paths.items()
    )

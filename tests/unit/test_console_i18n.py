"""The console's words: every marked message has its Spanish translation, and the
placeholders of each translation are those of the English message. The same for the
bots' and the newsletters' catalogues, in each of the network's languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from hub.web import i18n

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _marked() -> set[str]:
    method_map = [
        ("hub/web/**.py", "python"),
        ("hub/web/templates/**.html", "jinja2"),
    ]
    options = {"hub/web/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map=options
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _member_pages_marked() -> set[str]:
    """What the members' templates and the views serving them mark for translation."""
    files = [(f"hub/web/templates/{name}", "jinja2") for name in i18n.MEMBER_TEMPLATES]
    files += [(f"hub/web/{name}", "python") for name in i18n.MEMBER_VIEWS]
    found: set[str] = set()
    for path, method in files:
        options = {"extensions": "jinja2.ext.i18n"} if method == "jinja2" else {}
        for _line, message, _comments, _context in extract_from_file(
            method, str(ROOT / path), options=options
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


def _translated(language: str) -> dict[str, Message]:
    path = i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): m
        for m in catalog
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }


CATALOGUES = [
    *((code, _marked) for code in i18n.INTERFACE_LANGUAGES if code != "en"),
    *(
        (code, _member_pages_marked)
        for code in i18n.MEMBER_LANGUAGES
        if code not in i18n.INTERFACE_LANGUAGES
    ),
]
"""The console's languages hold every word; the members' other languages, their pages' words."""


@pytest.mark.parametrize(("language", "wanted"), CATALOGUES, ids=[c for c, _ in CATALOGUES])
def test_every_marked_message_is_translated(language: str, wanted: Callable[[], set[str]]) -> None:
    path = i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    translated = _translated(language)
    marked = wanted()
    assert len(marked) > 20
    missing = sorted(marked - translated.keys())
    assert not missing, f"run `make messages` and translate in {path}: {missing}"
    for message_id in marked:
        message = translated[message_id]
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = (
            [message.string] if isinstance(message.string, str) else list(message.string or ())
        )
        placeholders = set(PLACEHOLDER.findall(" ".join(ids)))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) <= placeholders, (message_id, string)


def test_words_follow_the_chosen_language() -> None:
    with i18n.use_language("es"):
        assert i18n.gettext("Sign out") == "Cerrar sesión"
        assert "3 minutos" in i18n.ngettext(
            "Too many failed sign-ins for %(email)s; try again in %(num)d minute.",
            "Too many failed sign-ins for %(email)s; try again in %(num)d minutes.",
            3,
        ) % {"email": "a@b.c", "num": 3}
    with i18n.use_language("xx"):
        assert i18n.gettext("Sign out") == "Sign out"
    assert i18n.best_match("fr-FR,es;q=0.8,en;q=0.5") == "es"
    assert i18n.best_match("de, *;q=0.1") == "en"


BRACES = re.compile(r"\{(\w+)\}")
EDGES: dict[str, dict[str, tuple[int, ...] | None]] = {
    "bots": {"say": (2,), "N_": None},
    "newsletters": {"N_": None, "Nn_": (1, 2)},
}
"""The packages whose words members read outside the console, and how each marks them."""


@pytest.mark.parametrize("package", sorted(EDGES))
@pytest.mark.parametrize("language", ["es", "fr", "ca", "pt"])
def test_the_bots_and_newsletters_words_are_translated(package: str, language: str) -> None:
    marked: dict[str, tuple[str, ...]] = {}
    for _file, _line, found, _comments, _context in extract_from_dir(
        str(ROOT / package), [("**.py", "python")], keywords=EDGES[package]
    ):
        forms = (found,) if isinstance(found, str) else tuple(found)
        marked[forms[0]] = forms
    assert len(marked) >= 10, marked
    path = ROOT / package / "locale" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    for first, forms in marked.items():
        entry = catalog.get(first)
        assert entry is not None, f"run `make messages` and translate in {path}: {first!r}"
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string or ())
        assert not entry.fuzzy and strings and all(strings), f"translate in {path}: {first!r}"
        wanted = set(BRACES.findall(" ".join(forms)))
        for string in strings:
            assert set(BRACES.findall(string)) == wanted, (first, string)

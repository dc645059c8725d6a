"""Every translation of a knowledge text says all that its English says.

``test_knowledge_languages`` checks that each name and short text is given in en, es, fr,
ca and pt; this checks that each given translation is whole: not cut short (under 60% of
the English, or stopping mid-sentence where the English ends one), not the English left
as it is, not missing a number, date or year the English states, and free of placeholders
("(?)", "TODO"). A Catalan text copied from the shorter Catalan work plan, or a summary
that dropped a figure, would answer a Catalan member with less, or other facts, than an
English one.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from hub.core.knowledge.files import load_directory

KNOWLEDGE = Path(__file__).resolve().parents[2] / "config" / "knowledge"
TRANSLATIONS = ("es", "fr", "ca", "pt")
TEXTS = {
    "events": ("name", "description", "theme", "organiser_names"),
    "awards": ("name", "description"),
    "award_steps": ("description",),
    "entries": ("name", "body"),
    "documents": ("title", "description"),
}
SHORTEST_SHARE = 0.6
"""A translation under this share of its English's length has lost part of it..."""
MEASURED_FROM = 40
"""...when the English is at least this long (a short name may well shrink: "OGP Local")."""
SENTENCE_END = re.compile(r"[.!?][\"'”»)]*$")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ROMAN = re.compile(r"\b([IVX]{2,5}|[VX])(?:e|è|a)?\b")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
PLACEHOLDER = re.compile(r"\(\?\)|\?\?|\bTODO\b|\bTBD\b|\bFIXME\b|XXX|\{\{|\}\}|\.\.\.$|…$")
KEPT_AS_WRITTEN = {
    ("iopd-award-2020", "name", "es"): "the 2020 plan's own Spanish name, written without a year",
}
"""Translations that lack a number of the English on purpose, and why."""


def _roman(numeral: str) -> int:
    values = [ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def numbers(text: str) -> Counter[str]:
    """The numbers a text states: "1,000" and "1.000" alike, "III" as 3 ("III Foro")."""
    found = Counter(n.replace(",", "").replace(".", "") for n in NUMBER.findall(text))
    found.update(str(_roman(n)) for n in ROMAN.findall(text))
    return found


def _texts() -> list[tuple[str, str, dict[str, str]]]:
    knowledge = load_directory(KNOWLEDGE)
    found = []
    for section, fields in TEXTS.items():
        for record in getattr(knowledge, section):
            label = getattr(record, "id", None) or f"{record.award}#{record.step}"
            for field in fields:
                text: dict[str, str] = getattr(record, field)
                if text.get("en"):
                    found.append((label, field, text))
    return found


TEXTS_FOUND = _texts()


def test_there_are_texts_to_check() -> None:
    assert len(TEXTS_FOUND) > 200


def test_numbers_are_read_as_written() -> None:
    assert numbers("2 July 2013, 1,000 members") == Counter({"2": 1, "2013": 1, "1000": 1})
    assert numbers("III Foro, VII edició, tasca 13") == Counter({"3": 1, "7": 1, "13": 1})


def problems(where: str, field: str, text: dict[str, str]) -> list[str]:
    """What is wrong with each translation of one English text, in words."""
    english = text["en"]
    found = [f"en has a placeholder: {english!r}"] if PLACEHOLDER.search(english) else []
    for language in TRANSLATIONS:
        translation = text.get(language)
        if translation is None:
            continue  # a missing language is test_knowledge_languages' to report
        said = f"{language} {translation!r}"
        if PLACEHOLDER.search(translation):
            found.append(f"placeholder in {said}")
        if len(english) >= MEASURED_FROM and len(translation) < SHORTEST_SHARE * len(english):
            found.append(f"{language} is {len(translation)} chars for {len(english)} in en")
        if SENTENCE_END.search(english) and not SENTENCE_END.search(translation):
            found.append(f"{language} stops mid-sentence: ...{translation[-40:]!r}")
        if translation == english and len(english.split()) >= 3:
            found.append(f"{language} is the English untranslated")
        lost = numbers(english) - numbers(translation)
        if lost and (where, field, language) not in KEPT_AS_WRITTEN:
            found.append(f"{language} lacks {sorted(lost)}: {translation!r}")
    return found


@pytest.mark.parametrize(
    ("where", "field", "text"), TEXTS_FOUND, ids=[f"{w}.{f}" for w, f, _ in TEXTS_FOUND]
)
def test_every_translation_says_all_its_english_says(
    where: str, field: str, text: dict[str, str]
) -> None:
    assert not problems(where, field, text), f"{where} {field}"


def test_a_cut_or_changed_translation_is_found() -> None:
    english = "Created in December 2012, based in Dakar. The 2013 and 2014 plans consolidate it."
    cut: dict[str, Any] = {"en": english, "ca": "Constituïda el desembre de 2012 amb base a Dakar"}
    said = " ".join(problems("office", "body", cut))
    assert "ca is" in said and "mid-sentence" in said and "['2013', '2014']" in said
    changed = {"en": english, "es": "Creada en diciembre de 2011 en Dakar. (?) Planes 2013 y 2014."}
    assert "['2012']" in " ".join(problems("office", "body", changed))
    assert "placeholder" in " ".join(problems("office", "body", changed))
    whole = "Créée en décembre 2012, basée à Dakar. Les plans 2013 et 2014 la consolident."
    assert not problems("office", "body", {"en": english, "fr": whole})

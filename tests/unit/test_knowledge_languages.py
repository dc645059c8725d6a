"""Every knowledge record speaks the assistant's five languages, so no answer mixes them.

A record's name and its short texts (an event's description, an award's or a step's
description, an entry's body, a document's title and description) are given in en, es,
fr, ca and pt; a language the hub translated (not the document's own words) is listed in
the record's ``translated``. So are an event's theme and its organiser, which answers
quote ("Organiza: Ayuntamiento de Madrid"); a theme the hub translated keeps the
documents' title after it in brackets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hub.core.knowledge.files import load_directory

KNOWLEDGE = Path(__file__).resolve().parents[2] / "config" / "knowledge"
LANGUAGES = {"en", "es", "fr", "ca", "pt"}
TEXTS = {
    "events": ("name", "description", "theme", "organiser_names"),
    "awards": ("name", "description"),
    "award_steps": ("description",),
    "entries": ("name", "body"),
    "documents": ("title", "description"),
}


def _records() -> list[tuple[str, str, Any]]:
    knowledge = load_directory(KNOWLEDGE)
    found = []
    for section in TEXTS:
        for record in getattr(knowledge, section):
            label = getattr(record, "id", None) or f"{record.award}#{record.step}"
            found.append((label, section, record))
    return found


RECORDS = _records()


def test_the_knowledge_has_records_to_check() -> None:
    assert {section for _, section, _ in RECORDS} == set(TEXTS)


@pytest.mark.parametrize(("where", "section", "record"), RECORDS, ids=[r[0] for r in RECORDS])
def test_names_and_short_texts_are_in_all_five_languages(
    where: str, section: str, record: Any
) -> None:
    for field in TEXTS[section]:
        text = getattr(record, field)
        if field == "name" or text:
            missing = sorted(LANGUAGES - set(text))
            assert not missing, f"{where} {field} lacks {missing}"
    assert set(record.translated) <= LANGUAGES - {"en"}, f"{where} translated"

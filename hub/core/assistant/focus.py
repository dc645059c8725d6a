"""What the question itself names, that the record answering it must account for.

Retrieval ranks records by the words they share with a question, so a record can
win on everyday words while missing the one word the asker meant as a name:
"c'est quoi PARTICIPATE OIDP?" shares "participate" (a stem found in every
record about participation) with the award's FAQ, which never mentions the
platform of that name. A name the asker writes in capitals, as the records write
an acronym, is that record's own word: the record answered must write it too
(case and all), else another record that does is answered, or none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.text import normalise

_WORD = re.compile(r"\w+")
_CAPITALS = re.compile(r"\b[A-ZÀ-Ý]{3,}\b")
_DOTS = re.compile(r"(?<=[A-Z])\.\s?(?=[A-Z])")
SHOUTING = 0.5
"""Share of a message's words in capitals above which it is shouted (every word in
capitals), and its capitals name nothing."""


def capitals_said(text: str, acronyms: set[str], skip: set[str]) -> list[str]:
    """The words ``text`` writes in capitals that the records write as acronyms (their
    normalised forms in ``acronyms``), except those in ``skip`` (the network's own name,
    numbers); none when the whole message is in capitals."""
    if not _CAPITALS.search(text):
        return []
    words = _WORD.findall(text)
    capitals = [w for w in words if len(w) >= 3 and w.isalpha() and w.isupper()]
    if len(capitals) > SHOUTING * len(words):
        return []
    return [
        w for w in dict.fromkeys(capitals) if normalise(w) in acronyms and normalise(w) not in skip
    ]


def record_texts(record: EventView | AwardView | EntryView) -> Iterator[str]:
    """Every text of a record, in every language: name, description or body, data."""
    yield from record.name.values()
    if isinstance(record, EntryView):
        yield from record.body.values()
        yield from _strings(record.data.values())
        return
    yield from record.description.values()
    if isinstance(record, EventView):
        yield from record.theme.values()
        if record.organiser:
            yield record.organiser
    else:
        for step in record.steps.values():
            yield from step.description.values()


def writes(record: EventView | AwardView | EntryView, word: str) -> bool:
    """The record writes ``word`` as a word of its own, in the same capitals (its letters
    may be dotted: "EE. UU." is "EEUU")."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return any(
        pattern.search(text) or pattern.search(_DOTS.sub("", text)) for text in record_texts(record)
    )


def _strings(values: Iterable[object]) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from _strings(value.values())
        elif isinstance(value, (list, tuple)):
            yield from _strings(value)

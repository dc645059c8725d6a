"""A figure a yes/no question claims, checked against the record that answers it (issue 22).

"Did Madrid's lobby registry get over 600 lobbies?", "¿el registro llegó a más de 600
lobbies?", "a-t-il dépassé 900 lobbies ?" claim a quantity. The record answering may be the
right one (the Madrid lobby registry) without stating that quantity: its name and place
prove only that it is the thing asked about, and a "yes" from them confirms any figure, 600
or 900. So a figure claimed is answered only when a record cited writes it, in its prose in
any language or in its data ("registered_lobbies: 600+"), and the answer then carries the
record's own figure, as the record writes it; a figure no record cited writes is handed off.

Only quantities are checked: a figure above a day of the month (31), and not a year, so an
edition ("the 13th conference"), a task ("task 13d"), a day or an hour ("at 16:00") is left
to what reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.text import normalise

SMALLEST = 32
"""A figure below this may be a day, an hour, an edition or a task: no quantity claimed."""
YEARS = range(1900, 2101)
"""Figures read as years, never as quantities."""

_FIGURE = re.compile(r"(?<![\w:.,/])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?![\w:/]|[.,]\d)")
"""A figure as written, with or without thousands separators ("600", "1,200", "1.200",
"1 200"), not part of a time ("16:00"), a date ("15/06"), a decimal, or a word ("13d")."""
_SEPARATORS = re.compile(r"[.,\u00a0\u202f ]")
_URL = re.compile(r"https?://\S+|www\.\S+")


def _figures(text: str) -> Iterator[tuple[int, str]]:
    """Each figure ``text`` writes, with its written form."""
    for match in _FIGURE.finditer(_URL.sub(" ", text)):
        written = match.group(1)
        yield int(_SEPARATORS.sub("", written)), written


def figures_claimed(text: str) -> frozenset[int]:
    """The quantities a question writes as figures: no years, nothing a day could be."""
    return frozenset(n for n, _ in _figures(text) if n >= SMALLEST and n not in YEARS)


def _data_values(value: object) -> Iterator[str]:
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float, str)):
        yield str(value)
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _data_values(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _data_values(inner)


def _record_texts(record: object) -> Iterator[str]:
    """Every text a record writes, in every language, and its data's values."""
    if isinstance(record, (EntryView, EventView, AwardView)):
        yield from record.name.values()
    if isinstance(record, EntryView):
        yield from record.body.values()
        yield from _data_values(record.data)
    elif isinstance(record, EventView):
        yield from record.description.values()
        yield from record.theme.values()
    elif isinstance(record, AwardView):
        yield from record.description.values()
        for step in record.steps.values():
            yield from step.description.values()


def figures_stated(records: Iterable[object]) -> dict[int, str]:
    """The figures the records write, each with its fullest written form ("600+" from the
    data rather than "600")."""
    stated: dict[int, str] = {}
    for record in records:
        for text in _record_texts(record):
            for number, written in _figures(text):
                whole = text.strip()
                shown = whole if _figures_alone(whole, number) else written
                if len(shown) > len(stated.get(number, "")):
                    stated[number] = shown
    return stated


def _figures_alone(text: str, number: int) -> bool:
    """``text`` is the figure alone, with at most a sign or a unit ("600+", "5,000 €")."""
    return len(text) <= 12 and [n for n, _ in _figures(text)] == [number]


def sentence_stating(prose: str, number: int, asked: Iterable[str]) -> str | None:
    """The sentence of ``prose`` writing ``number`` as a figure; else the one sharing most
    words with the question (``asked``, normalised), where the record writes it in words;
    None when ``prose`` is empty."""
    parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+", prose) if s.strip()]
    if not parts:
        return None
    for part in parts:
        if any(n == number for n, _ in _figures(part)):
            return part
    said = set(asked)
    return max(parts, key=lambda s: len(said & set(normalise(s).split())))


def with_figures(
    text: str,
    claimed: Iterable[int],
    stated: dict[int, str],
    proses: list[str],
    asked: Iterable[str],
) -> str:
    """``text``, an answer, followed for each figure ``claimed`` it does not write by the
    sentence of the records' ``proses`` (in the asker's language) writing it, else their
    sentence nearest the question with the figure as the record writes it ("(600+)")."""
    words = list(asked)
    for number in sorted(claimed):
        written = stated[number]
        if written in text:
            continue
        found = [s for p in proses if (s := sentence_stating(p, number, words)) is not None]
        exact = [s for s in found if written in s]
        sentence = next(iter(exact or found), "")
        if not sentence or sentence in text:
            text = f"{text.rstrip()} ({written})"
        elif written in sentence:
            text = f"{text.rstrip()} {sentence}"
        else:
            text = f"{text.rstrip()} {sentence.rstrip('. ')} ({written})."
    return text

"""What the records hold by place or year, asked as a whole: "has the network ever met in
Brazil?", "¿la red ha hecho alguna vez su conferencia en África?", "¿qué pasó en 2011?",
"which cities hosted the conferences?".

A question the rest of the assistant hands off is answered here only when it says nothing
but a place (a city, a country, or a region its country lies in, the index's own places of
each record), or a year, or the cities of a kind of event, with the words such a question
says around them (the vocabulary's ``held_places``). The dated records whose own place or
year matches answer: a yes with them, or their list. Any other word asks something else
about the place ("book me a hotel in X") and the question stays handed off, as it does when
no record is of that place or year, or of the kind named there. "Soon", "upcoming" keep the
records ahead of the asker's day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import MAX_LISTED, Context, Reply, describe
from hub.core.assistant.index import EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Retriever
from hub.core.assistant.retrieval_doc import Doc
from hub.core.assistant.sub_regions import sub_region_term, sub_regions_at
from hub.core.assistant.tense import tense
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

LANGUAGES = ("en", "es", "fr", "ca", "pt")
ASKED = frozenset({None, "yesno", "list", "what"})
"""The question types answered: whether, which, what (not when, where, who, how many)."""
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Words:
    locatives: frozenset[str]
    articles: frozenset[str]
    known: frozenset[str]
    cities: frozenset[str]
    events: frozenset[str]
    soon: frozenset[str]
    plain: frozenset[str]
    ever: frozenset[str]


@cache
def _words() -> _Words:
    data = load_vocabulary().sections.get("held_places") or {}

    def group(values: Iterable[object]) -> frozenset[str]:
        return frozenset(normalise(str(v)) for v in values)

    plain = data.get("plain") or {}
    return _Words(
        group(data.get("locatives") or []),
        group(data.get("articles") or []),
        group(data.get("known") or []),
        group(data.get("cities") or []),
        group(data.get("events") or []),
        group(data.get("soon") or []),
        group(w for lang in LANGUAGES for w in plain.get(lang, [])),
        group(data.get("ever") or []),
    )


def held_by_place(
    ctx: Context,
    reading: Reading,
    retriever: Retriever,
    event_kinds: set[str],
    decision: Decision,
) -> Decision | None:
    """The records held at the place, or in the year, the question names, when ``decision``
    hands it off and it asks nothing else; None otherwise."""
    if not decision.reply.handoff or reading.qtype not in ASKED:
        return None
    if reading.kinds or reading.hour or reading.span or reading.still or reading.seat:
        return None
    if reading.context and (reading.polar or reading.qtype == "yesno"):
        return None  # "where is the forum? is it in X?": the place of what was named before
    vocab = _words()
    around = set(reading.context)  # "me interesa la historia": the question's own clause
    words = [w for w in reading.message or reading.words if w not in around]
    known = [i for i, w in enumerate(words) if w in vocab.known]
    words = words[: known[0]] if known else words  # "I know Cascais": no place asked
    stop = retriever.analyser.stopwords
    year = reading.period.start.year if reading.period and reading.period.kind == "year" else None
    year = year if year is not None and str(year) in words else None  # not "last year"
    places = _places(words, retriever, vocab)
    cities = any(w in vocab.cities for w in words)
    kinds: set[str] = set()
    for i, word in enumerate(words):
        if i in places or word in stop or word in vocab.plain or word in vocab.locatives:
            continue
        if word in vocab.articles:
            continue
        if word in vocab.soon or word in vocab.events or word in vocab.cities:
            continue
        if year is not None and word == str(year):
            continue
        terms = _terms(word, retriever)
        if terms & event_kinds:
            kinds |= terms & event_kinds
            continue
        return None  # any other word asks something else ("a hotel in X", "the weather")
    if year is not None and kinds and not places:  # "the minutes of the 2019 conference":
        return None  # one record named by its kind and year, a detail of it asked
    if not (places or year is not None or (cities and kinds)):
        return None
    soon = any(w in vocab.soon for w in words) or reading.relative == "next"
    polar = reading.qtype == "yesno" or reading.polar  # "l'OIDP organise une conférence en
    ever = any(w in vocab.ever for w in words)  # Afrique ?" asked in 2026: one ahead is
    if polar and year is None and not ever and tense(reading.text, words) >= 0:  # asked, not
        soon = True  # one held in 2020 ("has it ever met there?": any)
    chosen = [
        d
        for d in retriever.docs
        if d.group == "event"
        and isinstance(d.record, EventView)
        and (d.record.starts_on is not None or not (year or soon))
        and all(options & d.own_places for options in places.values())
        and (year is None or _in_year(d.record, year))
        and (not kinds or kinds & d.kind_terms)
        and (not soon or _start(d) >= ctx.today)
        and (not cities or d.record.city)
    ]
    if not chosen:  # no record of that place, year or kind: the secretariat answers
        return None
    chosen.sort(key=lambda d: (_start(d), d.key))
    return _answer(ctx, reading, chosen, [words[i] for i in sorted(places)], year)


def _places(words: list[str], retriever: Retriever, vocab: _Words) -> dict[int, set[str]]:
    """The question's place words (after "in", "en", "à", "no"...): position -> the terms it
    may be, each a place some record is held in."""
    found: dict[int, set[str]] = {}
    for start, end, code in sub_regions_at(words, retriever.analyser.stopwords):
        found[start] = {sub_region_term(code)}
        found.update({j: {sub_region_term(code)} for j in range(start + 1, end)})
    for i, word in enumerate(words):
        if i in found or not i or word in retriever.analyser.stopwords:
            continue
        before = words[i - 1]
        placed = before in vocab.locatives or i - 1 in found  # "in Brazil", "Porto Alegre"
        if before in vocab.articles and i > 1:  # "in the United States"
            placed = placed or words[i - 2] in vocab.locatives
        if not placed:
            continue
        terms = _terms(word, retriever) & retriever.place_terms
        if terms and word not in vocab.plain:
            found[i] = terms
    return found


def _terms(word: str, retriever: Retriever) -> set[str]:
    """The index terms ``word`` may be in any of the five languages."""
    terms = {word}
    for lang in LANGUAGES:
        terms.update(retriever.analyser.terms(word, lang))
    return terms


def _start(doc: Doc) -> dt.date:
    """The day the event ends (its start if it has no end); undated ones last."""
    record = doc.record
    assert isinstance(record, EventView)
    return record.ends_on or record.starts_on or dt.date.max


def _in_year(event: EventView, year: int) -> bool:
    start = event.starts_on
    end = event.ends_on or start
    return start is not None and end is not None and start.year <= year <= end.year


def _answer(
    ctx: Context, reading: Reading, chosen: list[Doc], said: list[str], year: int | None
) -> Decision:
    lines = [f"• {describe(ctx, d.record)}" for d in chosen[:MAX_LISTED]]  # type: ignore[arg-type]
    if len(chosen) > MAX_LISTED:
        lines.append(ctx.phrase("and_more", count=len(chosen) - MAX_LISTED, total=len(chosen)))
    sources = [d.record_id for d in chosen]
    if reading.qtype == "yesno" or reading.polar:
        if len(chosen) == 1:
            text = ctx.phrase("yes", text=describe(ctx, chosen[0].record))  # type: ignore[arg-type]
        else:
            text = "\n".join([ctx.phrase("yes", text="").rstrip(), *lines])
        return Decision(Reply(text, sources), "yesno", 0.6)
    if said:
        header = ctx.phrase("events_at", place=_as_written(reading.text, said))
    elif year is not None:
        header = ctx.phrase("events_in", period=str(year))
    else:  # "the cities of the conferences": the conferences I know of
        names = ctx.tables.words_for("kind_names", ctx.language)
        kinds = {d.kind for d in chosen}
        kind = next(iter(kinds))
        listing = len(kinds) == 1 and kind in names
        header = ctx.phrase("listing_of", kinds=names[kind]) if listing else ctx.phrase("listing")
    return Decision(Reply("\n".join([header, *lines]), sources), "list", 0.6)


def _as_written(text: str, said: list[str]) -> str:
    """The place words as the question wrote them ("Estados Unidos", "África")."""
    written = {normalise(w): w for w in _WORD.findall(text)}
    return " ".join(written.get(w, w) for w in said)


__all__ = ["held_by_place"]

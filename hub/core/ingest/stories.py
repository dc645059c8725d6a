"""One story in several languages: recognising a translation of an item already stored.

A network publishes the same news in English, Spanish, French... as separate
feed entries, often in separate feeds. Stored naively they become separate
items and every channel posts the story once per language. This module says
whether a candidate in one language is the same story as an item in another,
from signals that hold across languages, strongest first:

1. **Declared alternates**: the entry links to the other version as an
   alternate with ``hreflang`` (Atom ``<link rel="alternate" hreflang=..>``,
   also accepted inside RSS items), or the other item's link is among them.
2. **The same link but for its language**: the two links are equal once the
   marker of each item's *own* language is removed from them (a path segment
   ``/es/``, ``/pt-br/``, a subdomain ``es.``, a query ``?lang=es``). Only the
   item's detected language counts as a marker, so ``/us/`` or ``/id/`` in an
   English link is never mistaken for one; a link that is only a language
   root (``https://site.org/es/``) is never enough.
3. **Shared facts**: published within :data:`WEAK_DAYS` of each other and
   sharing what a translation keeps unchanged -- the image, proper names,
   acronyms and numbers -- in enough quantity (:func:`same_story`).

Same-language duplicates are :mod:`hub.core.ingest.store`'s business, not this
module's: a pair in one language is never a translation. The thresholds are
conservative: a missed pair costs one extra post, a false pair hides a story.
``tests/unit/test_story_matching.py`` measures precision and recall on a
corpus of true pairs and look-alikes in the five languages.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from hub.core.ingest.identity import normalise_link

WEAK_DAYS = 3
"""Two entries published further apart than this need a declared or link match."""
MIN_SHARED_WITH_IMAGE = 2
MIN_SHARED = 4
MIN_JACCARD = 0.5
FACTS_TEXT = 800
"""Characters of an entry's text read for facts: the lead carries the names and numbers."""
LANGUAGE_PARAMS = frozenset({"lang", "language", "hl", "locale", "lng"})

# Capitalised function words that open sentences in the five languages: not names.
_COMMON = frozenset(
    " ".join(
        (
            "the and for with from this that these those their our its into over under after",
            "los las les une des del por para con una este esta estos estas sus nuestro",
            "aux avec pour dans sur leur leurs cette ces nous vous entre sobre desde hasta",
            "amb per els dels aquest aquesta aquests seus",
            "dos das uma com pelo pela pelos pelas seu sua suas",
        )
    ).split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_NUMBER = re.compile(r"\d[\d.,:/]*\d|\d")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def shared_facts(text: str) -> frozenset[str]:
    """What a translation keeps: proper names and acronyms (folded), and numbers.

    A capitalised word counts as a name unless it is a common function word;
    numbers of two or more digits count (years, amounts, counts), separators
    removed so ``1,000`` and ``1.000`` agree.
    """
    facts: set[str] = set()
    for word in {w.strip("'’-") for w in _WORD.findall(text)}:
        if len(word) >= 3 and word[0].isupper():
            folded = _fold(word)
            if folded not in _COMMON:
                facts.add(folded)
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 2:
            facts.add("#" + digits)
    return frozenset(facts)


def _is_marker(segment: str, language: str) -> bool:
    segment = segment.lower().replace("_", "-")
    return segment == language or (segment.startswith(language + "-") and len(segment) <= 8)


def language_neutral_link(link_key: str | None, language: str | None) -> str | None:
    """``link_key`` without the marker of ``language`` in it, or None when it carries none.

    ``https://site.org/es/news/award`` in Spanish -> ``https://site.org/news/award``;
    ``https://es.site.org/x``, ``https://site.org/x?lang=es`` likewise. None when
    what is left is the site's root: a language's home page is no story.
    """
    if not link_key or not language:
        return None
    parts = urlsplit(link_key)
    host = parts.netloc
    segments = [s for s in parts.path.split("/") if s]
    query = parse_qsl(parts.query, keep_blank_values=True)
    found = False
    kept_segments = []
    for segment in segments:
        if not found and _is_marker(segment, language):
            found = True
            continue
        kept_segments.append(segment)
    labels = host.split(".")
    if not found and len(labels) > 2 and _is_marker(labels[0], language):
        host, found = ".".join(labels[1:]), True
    kept_query = []
    for name, value in query:
        if name.lower() in LANGUAGE_PARAMS and _is_marker(value, language):
            found = True
            continue
        kept_query.append((name, value))
    if not found or (not kept_segments and not kept_query):
        return None
    path = "/" + "/".join(kept_segments)
    return urlunsplit((parts.scheme, host, path, urlencode(kept_query), ""))


@dataclass(frozen=True)
class StorySignals:
    """What one item (or candidate) offers for cross-language matching."""

    language: str | None
    link_key: str | None
    neutral_link: str | None
    alternates: frozenset[str]
    image_key: str | None
    facts: frozenset[str]
    published_at: dt.datetime | None

    @classmethod
    def of(
        cls,
        *,
        language: str | None,
        link_key: str | None,
        title: str,
        text: str,
        image_url: str | None = None,
        alternates: tuple[str, ...] | list[str] = (),
        published_at: dt.datetime | None = None,
    ) -> StorySignals:
        keys = {normalise_link(a) for a in alternates}
        return cls(
            language=language,
            link_key=link_key,
            neutral_link=language_neutral_link(link_key, language),
            alternates=frozenset(k for k in keys if k),
            image_key=normalise_link(image_url),
            facts=shared_facts(f"{title}\n{text[:FACTS_TEXT]}"),
            published_at=published_at,
        )


def same_story(a: StorySignals, b: StorySignals) -> str | None:
    """Why ``a`` and ``b`` are one story in two languages, or None when they are not."""
    if not a.language or not b.language or a.language == b.language:
        return None
    if (a.link_key and a.link_key in b.alternates) or (b.link_key and b.link_key in a.alternates):
        return "declared alternate (hreflang)"
    if a.neutral_link and a.neutral_link == b.neutral_link:
        return "the same link in another language"
    if a.published_at is None or b.published_at is None:
        return None
    if abs(a.published_at - b.published_at) > dt.timedelta(days=WEAK_DAYS):
        return None
    shared = a.facts & b.facts
    if a.image_key and a.image_key == b.image_key and len(shared) >= MIN_SHARED_WITH_IMAGE:
        return f"the same image and {len(shared)} shared names or numbers"
    union = a.facts | b.facts
    if len(shared) >= MIN_SHARED and len(shared) / len(union) >= MIN_JACCARD:
        return f"{len(shared)} shared names and numbers"
    return None


_STRENGTH = {"declared": 3, "the same": 2}


def _strength(reason: str) -> int:
    for prefix, strength in _STRENGTH.items():
        if reason.startswith(prefix):
            return strength
    return 1


class StoryIndex:
    """Recent items' signals, indexed so a candidate is compared with few of them.

    An item is looked at only if it shares a link, a language-neutral link, an
    image or at least :data:`MIN_SHARED_WITH_IMAGE` names and numbers with the
    candidate; facts carried by more than :data:`COMMON_FACT` items (the
    network's own name) are not used to shortlist.
    """

    COMMON_FACT = 500

    def __init__(self) -> None:
        self._signals: dict[int, StorySignals] = {}
        self._by_key: dict[str, set[int]] = {}
        self._by_fact: dict[str, set[int]] = {}

    def __len__(self) -> int:
        return len(self._signals)

    def add(self, item_id: int, signals: StorySignals) -> None:
        self._signals[item_id] = signals
        keys = [f"link:{signals.link_key}", f"neutral:{signals.neutral_link}"]
        keys += [f"image:{signals.image_key}"] + [f"alt:{a}" for a in signals.alternates]
        for key in keys:
            if not key.endswith(":None"):
                self._by_key.setdefault(key, set()).add(item_id)
        for fact in signals.facts:
            self._by_fact.setdefault(fact, set()).add(item_id)

    def find(self, signals: StorySignals) -> tuple[int, str] | None:
        """The item ``signals`` is a translation of, and why; the strongest reason wins,
        then the oldest item."""
        if not signals.language:
            return None
        keys = [f"neutral:{signals.neutral_link}", f"image:{signals.image_key}"]
        keys += [f"link:{a}" for a in signals.alternates] + [f"alt:{signals.link_key}"]
        shortlist: set[int] = set()
        for key in keys:
            shortlist |= self._by_key.get(key, set())
        counts: dict[int, int] = {}
        for fact in signals.facts:
            holders = self._by_fact.get(fact, set())
            if len(holders) <= self.COMMON_FACT:
                for item_id in holders:
                    counts[item_id] = counts.get(item_id, 0) + 1
        shortlist |= {i for i, n in counts.items() if n >= MIN_SHARED_WITH_IMAGE}
        best: tuple[int, int, str] | None = None
        for item_id in shortlist:
            reason = same_story(self._signals[item_id], signals)
            if reason is None:
                continue
            rank = (-_strength(reason), item_id)
            if best is None or rank < (best[0], best[1]):
                best = (rank[0], rank[1], reason)
        return (best[1], best[2]) if best else None

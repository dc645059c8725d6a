"""The award asked of a year after its last known edition: the next edition, not on record.

"How do I apply to the award this year?", "ate quando posso candidatar ao prémio deste
ano?", asked in a year after the last edition the records hold: the records say how the
last edition went, never whether or when another is called. Answering with the award's
general description or the last edition's steps offers a past call as the current one;
the question goes to the secretariat. The same question asked while an edition on record
is that year's is answered as before.

The award is told by its kind's own words in the vocabulary (``kinds: award``: "award",
"premio", "prix", "premi", "prémio") and by the records the answer cites: its editions, or
records named as every edition is ("best practice"), never another body's award (a city's
prize in a roundup). The editions are the index's awards (their year, else the year of
their first dated step); the year asked is the reading's ("this year": today's year).
"""

from __future__ import annotations

import datetime as dt
import re

from hub.core.assistant.index import KnowledgeIndex
from hub.core.assistant.reading import read
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

_YEAR = re.compile(r"(?:19|20)\d\d")
_NOT_THE_AWARD = frozenset(
    {"entries", "candidacies", "candidaturas", "candidatures", "reward", "rewards"}
)
"""Words of the award's kind that name other things too (a conference's candidacies)."""


def _last_edition(index: KnowledgeIndex) -> int | None:
    years = [
        award.year or (award.first_date.year if award.first_date else None)
        for award in index.awards
    ]
    known = [y for y in years if y is not None]
    return max(known) if known else None


def _names_award(words: list[str], vocabulary: Vocabulary) -> bool:
    padded = f" {' '.join(words)} "
    for phrases in vocabulary.kinds.get("award", {}).values():
        for phrase in phrases:
            said = normalise(phrase)
            if said and said not in _NOT_THE_AWARD and f" {said} " in padded:
                return True
    return False


def _edition_words(index: KnowledgeIndex) -> frozenset[str]:
    """The words every edition's English name holds ("best", "practice"): what names the
    award itself, not one edition of it nor another body's award."""
    named = [_words(award.name.get("en", "")) for award in index.awards]
    return frozenset.intersection(*named) if named else frozenset()


def _words(name: str) -> frozenset[str]:
    return frozenset(w.removesuffix("s") for w in normalise(name).split() if len(w) > 3)


def _of_the_award(cited: list[str], index: KnowledgeIndex) -> bool:
    """Whether the records an answer cites are the award's: its editions, or records whose
    English name holds the words every edition's name holds."""
    common = _edition_words(index)
    if not cited or not common:
        return False
    for record_id in cited:
        record = index.record(record_id)
        if record is None:
            return False
        if record_id in index.awards_by_id:
            continue
        if not common <= _words(getattr(record, "name", {}).get("en", "")):
            return False
    return True


def award_ahead(
    text: str, cited: list[str], vocabulary: Vocabulary, index: KnowledgeIndex, today: dt.date
) -> bool:
    """Whether ``text``, answered with the records ``cited``, asks of the award in a year
    after its last edition on record."""
    last = _last_edition(index)
    if last is None or not _of_the_award(cited, index):
        return False
    reading = read(text, vocabulary, today)
    asked = [int(w) for w in reading.content if _YEAR.fullmatch(w)]
    if not asked or max(asked) <= last:
        return False
    return _names_award(reading.words, vocabulary)

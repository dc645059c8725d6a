"""Question text as the tables see it: normalised words, and phrases found in them.

People type without accents, with typos and without question marks, so the
question and every table entry are normalised the same way (lower case,
accents stripped with :mod:`unicodedata`, punctuation turned into spaces).
:class:`PhraseMatcher` finds the table's phrases in a question: whole-word
phrases first (longest first, each word used once), then single words with
typos through rapidfuzz, only for words the tables do not know as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from rapidfuzz import fuzz, process

T = TypeVar("T")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_ORDINAL_SIGNS = str.maketrans({"º": "o", "ª": "a", "’": "'", "`": "'"})

LONGEST_WORD = 40
"""Longer "words" (a pasted URL, a run of letters in a hostile message) are never read as
a misspelling: the variants tried grow with the square of a word's length."""


def read_yaml(path: Path) -> Any:
    """A YAML file of the assistant's own words, parsed with libyaml when PyYAML has it."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


_CODE = re.compile(r"^([a-z]{2,})(\d{1,3})$")


def split_codes(tokens: list[str]) -> list[str]:
    """``wuf10`` -> ``wuf``, ``10``: a name and its edition written together."""
    out: list[str] = []
    for token in tokens:
        code = _CODE.match(token)
        out.extend(code.groups() if code else (token,))
    return out


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""The blocks of combining marks (one regular expression: about five times faster than
testing each character, which made building the index slow)."""


def strip_accents(text: str) -> str:
    """``"Cuándo"`` -> ``"Cuando"``: decompose and drop the combining marks."""
    text = text.translate(_ORDINAL_SIGNS)
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


_GEMINATE = re.compile(r"l[·•∙]l", re.IGNORECASE)
"""Catalan's "l·l" (col·labora, intel·ligència): one word, never two ("col", "labora")."""
GEMINATE_ROOTS = frozenset(
    {"al", "apel", "brussel", "cal", "cancel", "cel", "col", "compel", "cristal", "destil"}
    | {"excel", "fal", "fil", "gal", "il", "instal", "intel", "interpel", "libel", "mal"}
    | {"medul", "metal", "mil", "mol", "novel", "nul", "oscil", "pal", "paral", "pel", "pol"}
    | {"pupil", "satel", "sibil", "sil", "sol", "tranquil", "vacil", "vil"}
)
"""What Catalan writes before "·l" (col·lectiu, intel·ligència, il·lusió, sol·licitud,
paral·lel, metàl·lic, Brussel·les), accents stripped: a closed set, so that the punt volat
typed as a full stop or a hyphen ("col.lectiu", "col-labora") is read as the same word,
while "real-life" or "hotel.lisboa" keep their two words."""
_GEMINATE_TYPED = re.compile(
    rf"\b((?:{'|'.join(sorted(GEMINATE_ROOTS, key=len, reverse=True))})l?)[.-]l(?=[a-z])"
)
"""A root of :data:`GEMINATE_ROOTS` and "l", the punt volat typed as "." or "-" (a phone's
keyboard has no "·"), in normalised text."""
_YEAR_SPAN = re.compile(r"\b((19|20)(\d\d))\s?[-–/]\s?(\d\d)\b(?!\s?[-–/]\s?\d)")
"""Two years, the second by its last two figures ("2014-15", "2019/20"), not a date."""


def _span_in_full(match: re.Match[str]) -> str:
    """ "2014-15" as "2014-2015" when the second year follows the first by one to nine."""
    first, century, second = match.group(1), match.group(2), match.group(4)
    if 0 < int(second) - int(match.group(3)) < 10:
        return f"{first}-{century}{second}"
    return match.group(0)


def _geminate(match: re.Match[str]) -> str:
    """ "col.l" (or "col-l") as "coll"; "coll.l", a doubled typing, as "coll" too."""
    root = match.group(1)
    return root + "l" if not root.endswith("ll") else root


def normalise(text: str) -> str:
    """Lower case, no accents, words separated by single spaces, no punctuation; Catalan's
    "l·l" is written "ll" ("col·laboració" is "collaboracio"), also when typed "l.l" or
    "l-l" ("col.laboracio").

    Short texts are cached: answering one question normalises the same record names and
    table words hundreds of times (about 400 calls per answer, most of them repeats); a
    long text (a record's description, a member's message) is normalised afresh, so the
    cache stays a few megabytes whatever members send."""
    if len(text) <= _CACHED_LENGTH:
        return _normalised_short(text)
    return _normalised(text)


_CACHED_LENGTH = 120


@lru_cache(maxsize=1 << 14)
def _normalised_short(text: str) -> str:
    return _normalised(text)


def _normalised(text: str) -> str:
    text = _GEMINATE.sub("ll", text)
    if "-" in text or "/" in text or "–" in text:  # "2014-15": both years
        text = _YEAR_SPAN.sub(_span_in_full, text)
    if "œ" in text or "Œ" in text or "æ" in text:  # "œuvre" is "oeuvre", no "uvre"
        text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")
    text = strip_accents(text).casefold()
    if "l." in text or "l-" in text:  # "col.lectiu", "col-labora": the punt volat typed
        text = _GEMINATE_TYPED.sub(_geminate, text)
    return _NOT_WORD.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The normalised words of ``text``."""
    return normalise(text).split()


@dataclass(frozen=True)
class Found(Generic[T]):
    """One phrase found in a question: what it means, and where (word positions)."""

    value: T
    start: int
    end: int
    fuzzy: bool = False


@dataclass
class PhraseMatcher(Generic[T]):
    """Finds known phrases in a list of normalised words; single words also with typos.

    ``fuzzy_cutoff`` is a rapidfuzz ratio (0-100); words shorter than
    ``fuzzy_min_length`` are never matched fuzzily (short words collide).
    """

    fuzzy_cutoff: float = 84.0
    fuzzy_min_length: int = 4
    _phrases: dict[tuple[str, ...], list[T]] = field(default_factory=dict)
    _longest: int = 1
    _singles: list[str] = field(default_factory=list)
    _firsts: set[str] = field(default_factory=set)
    """The first words of the phrases: a position starting with another word is skipped."""

    def add(self, phrase: str, value: T) -> None:
        key = tuple(words(phrase))
        if not key:
            return
        values = self._phrases.setdefault(key, [])
        if value not in values:
            values.append(value)
        self._longest = max(self._longest, len(key))
        self._firsts.add(key[0])
        if len(key) == 1 and len(key[0]) >= self.fuzzy_min_length:
            self._singles.append(key[0])

    def add_all(self, phrases: Iterable[str], value: T) -> None:
        for phrase in phrases:
            self.add(phrase, value)

    def knows(self, word: str) -> bool:
        return (word,) in self._phrases

    def phrases(self) -> list[tuple[str, ...]]:
        """Every phrase, as its normalised words."""
        return list(self._phrases)

    def opening(self, word: str) -> set[T]:
        """The values of the phrases whose first word is ``word``."""
        return {v for phrase, values in self._phrases.items() if phrase[0] == word for v in values}

    def words_of(self, value: T) -> frozenset[str]:
        """The words of the phrases meaning ``value``."""
        return frozenset(
            w for phrase, values in self._phrases.items() if value in values for w in phrase
        )

    @property
    def singles(self) -> list[str]:
        """The phrases of one word long enough to be matched with a typo."""
        return list(self._singles)

    def find(
        self, tokens: list[str], used: set[int] | None = None, *, fuzzy: bool = True
    ) -> list[Found[T]]:
        """Every known phrase in ``tokens``, longest first; marks the positions in ``used``."""
        used = set() if used is None else used
        found: list[Found[T]] = []
        starts = [i for i, token in enumerate(tokens) if token in self._firsts]
        for size in range(min(self._longest, len(tokens)), 0, -1):
            for start in starts:
                if start + size > len(tokens):
                    break
                span = range(start, start + size)
                if any(i in used for i in span):
                    continue
                values = self._phrases.get(tuple(tokens[start : start + size]))
                if values:
                    used.update(span)
                    found.extend(Found(v, start, start + size) for v in values)
        if fuzzy:
            found.extend(self.find_fuzzy(tokens, used))
        return found

    def find_fuzzy(self, tokens: list[str], used: set[int]) -> list[Found[T]]:
        """Single known words written with a typo, at positions not in ``used``."""
        found: list[Found[T]] = []
        for i, token in enumerate(tokens):
            if i in used or len(token) < self.fuzzy_min_length - 1 or token.isdigit():
                continue
            cutoff = self.fuzzy_cutoff if len(token) >= self.fuzzy_min_length else 85.0
            best = process.extractOne(token, self._singles, scorer=fuzz.ratio, score_cutoff=cutoff)
            if best is None:
                continue
            used.add(i)
            found.extend(Found(v, i, i + 1, fuzzy=True) for v in self._phrases[(best[0],)])
        return found

"""Which of the five languages a short question is written in.

Questions are short ("next event?", "eventos en Cascais"), where n-gram
detectors are weak: lingua (through :mod:`hub.core.ingest.language`) refuses text
under 20 characters, and on a few words it confuses Catalan with Spanish and
Portuguese. Measured on the evaluation sets (232 questions): the tables alone
got every language right, while adding lingua as one more voter got 4 wrong
(3 Catalan questions read as Spanish). So the tables decide: each known word
(function words of ``markers`` and the words of every concept, month, season
and ordinal) gives one vote shared among the languages it belongs to; lingua
is asked only when the tables tie or know no word. Remaining ties go to the
member's chosen language, then to the order of :data:`PREFERENCE`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

from hub.core.assistant.vocabulary import LANGUAGES
from hub.core.ingest.language import MIN_LENGTH, LanguageDetector, detector_for

PREFERENCE = ("en", "es", "fr", "pt", "ca")

MARKS: dict[str, tuple[str, ...]] = {
    "¿": ("es",),
    "¡": ("es",),
    "ñ": ("es",),
    "ã": ("pt",),
    "õ": ("pt",),
    "·": ("ca",),
    "ò": ("ca",),
    "ç": ("ca", "fr", "pt"),
    "è": ("ca", "fr"),
    "à": ("ca", "fr", "pt"),
    "ê": ("fr", "pt"),
    "â": ("fr", "pt"),
    "ô": ("fr", "pt"),
    "î": ("fr",),
    "û": ("fr",),
    "ù": ("fr",),
    "œ": ("fr",),
}
"""Letters and marks that only some of the five languages write: one vote each, shared like
a word's ("què" is Catalan or French, never Spanish; "¿" opens only Spanish questions). The
words are read without accents, so these are the only trace of them."""


Votes = Mapping[str, frozenset[str]]
"""Normalised word -> the languages it belongs to."""


def vote(tokens: list[str], votes: Votes) -> dict[str, float]:
    """Votes per language from the words the vocabulary knows."""
    scores: dict[str, float] = defaultdict(float)
    for token in tokens:
        languages = votes.get(token)
        if languages:
            for language in languages:
                scores[language] += 1.0 / len(languages)
    return scores


class QuestionLanguage:
    """Detects a question's language from table votes, with lingua as one more voter."""

    def __init__(
        self,
        votes: Votes,
        detector: LanguageDetector | None = None,
        *,
        lazy_detector: Callable[[], LanguageDetector] | None = None,
    ) -> None:
        self.votes = votes
        self._detector = detector
        self._lazy = lazy_detector

    @classmethod
    def with_lingua(cls, votes: Votes) -> QuestionLanguage:
        """With lingua as tie-breaker, built the first time the tables tie. Loading its five
        models takes about a second (4.7 s on a busy machine), most of ``hub ask``'s start-up,
        while the tables alone decide the language of almost every question. (Lingua's
        low-accuracy mode loads in 60 ms but took more Catalan questions for Spanish.)"""
        return cls(votes, lazy_detector=lambda: detector_for(LANGUAGES))

    @property
    def detector(self) -> LanguageDetector | None:
        if self._detector is None and self._lazy is not None:
            self._detector, self._lazy = self._lazy(), None
        return self._detector

    def detect(self, text: str, tokens: list[str], preferred: str | None = None) -> str:
        scores = vote(tokens, self.votes)
        for mark in {c for c in text.lower() if c in MARKS}:
            for language in MARKS[mark]:
                scores[language] += 1.0 / len(MARKS[mark])
        tied = _best(scores)
        if len(tied) != 1 and self.detector is not None and len(text.strip()) >= MIN_LENGTH:
            found = self.detector.detect(text)
            if found and (not tied or found in tied):
                return found
        if not tied:
            return preferred if preferred in LANGUAGES else PREFERENCE[0]
        if preferred in tied:
            return str(preferred)
        return min(tied, key=PREFERENCE.index)


def _best(scores: dict[str, float]) -> list[str]:
    if not scores:
        return []
    best = max(scores.values())
    return [lang for lang, score in scores.items() if best - score < 1e-9]

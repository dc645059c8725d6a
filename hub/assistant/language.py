"""Which of the five languages a short question is written in.

Questions are short ("next event?", "eventos en Cascais"), where n-gram
detectors are weak: lingua (through :mod:`hub.ingest.language`) refuses text
under 20 characters, and on a few words it confuses Spanish, Catalan and
Portuguese. So the tables vote first: each known word (function words of
``markers`` and the words of every concept, month, season and ordinal) gives
one vote shared among the languages it belongs to, and lingua adds one vote
for questions long enough for it. Ties go to the member's chosen language,
then to the order of :data:`PREFERENCE`.
"""

from __future__ import annotations

from collections import defaultdict

from hub.assistant.tables import LANGUAGES, Tables
from hub.ingest.language import MIN_LENGTH, LanguageDetector, detector_for

PREFERENCE = ("en", "es", "fr", "pt", "ca")
LINGUA_WEIGHT = 1.0


def vote(tokens: list[str], tables: Tables) -> dict[str, float]:
    """Votes per language from the words the tables know."""
    scores: dict[str, float] = defaultdict(float)
    for token in tokens:
        languages = tables.votes.get(token)
        if languages:
            for language in languages:
                scores[language] += 1.0 / len(languages)
    return scores


class QuestionLanguage:
    """Detects a question's language from table votes, with lingua as one more voter."""

    def __init__(self, tables: Tables, detector: LanguageDetector | None = None) -> None:
        self.tables = tables
        self.detector = detector

    @classmethod
    def with_lingua(cls, tables: Tables) -> QuestionLanguage:
        return cls(tables, detector_for(LANGUAGES))

    def detect(self, text: str, tokens: list[str], preferred: str | None = None) -> str:
        scores = vote(tokens, self.tables)
        if self.detector is not None and len(text.strip()) >= MIN_LENGTH:
            found = self.detector.detect(text)
            if found:
                scores[found] += LINGUA_WEIGHT
        if not scores:
            return preferred if preferred in LANGUAGES else PREFERENCE[0]
        best = max(scores.values())
        tied = [lang for lang, score in scores.items() if best - score < 1e-9]
        if preferred in tied:
            return str(preferred)
        return min(tied, key=PREFERENCE.index)

"""Language detection accuracy on hand-written sentences of the network's topics.

The set (``tests/fixtures/feeds/language_sentences.tsv``) has 52 sentences per
language (en, es, fr, ca, pt), 60-110 characters each, written for this test
on participatory democracy, budgets, conferences and awards. Measured with
lingua restricted to the five languages: 100% on whole sentences and 99.2%
on their first 40 characters; the goal is 95%.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hub.core.ingest.language import SUPPORTED, detector_for

SENTENCES = Path(__file__).parents[1] / "fixtures" / "feeds" / "language_sentences.tsv"


def labelled() -> list[tuple[str, str]]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    pairs = [line.split("\t", 1) for line in lines if line and not line.startswith("#")]
    return [(language, sentence) for language, sentence in pairs]


def test_the_set_is_large_enough_and_balanced() -> None:
    counts = Counter(language for language, _ in labelled())
    assert set(counts) == set(SUPPORTED)
    assert min(counts.values()) >= 50
    assert min(len(sentence) for _, sentence in labelled()) >= 40


@pytest.mark.parametrize("prefix", [None, 40])
def test_accuracy_is_at_least_95_percent_per_language(prefix: int | None) -> None:
    detector = detector_for()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for language, sentence in labelled():
        total[language] += 1
        right[language] += detector.detect(sentence[:prefix]) == language
    for language in SUPPORTED:
        assert right[language] / total[language] >= 0.95, (language, right, total)


def test_too_short_to_tell_is_none() -> None:
    assert detector_for().detect("OK, merci") is None


def test_unknown_languages_are_refused() -> None:
    from hub.core.ingest.language import LanguageDetector

    with pytest.raises(ValueError):
        LanguageDetector(["en", "xx"])

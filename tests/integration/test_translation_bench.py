"""``hub bench translate``: its figures come from what the stand-in received."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hub.bench.translate import (
    demo_texts,
    parallel_pairs,
    quality,
    render_translate_bench,
    run_translate_bench,
)
from hub.core.translation.service import TranslationService

ROOT = Path(__file__).parents[2]


@pytest.mark.slow
def test_the_second_pass_is_served_by_the_cache_and_the_first_is_billed() -> None:
    result = run_translate_bench(ROOT / "config" / "knowledge", ROOT / "config" / "glossary.yaml")
    first, second = result["first_pass"], result["second_pass"]
    assert result["items"] == len(demo_texts(ROOT / "config" / "knowledge")) > 5
    assert first["failed"] == second["failed"] == 0
    assert first["drafts"] == second["drafts"] == result["items"] * 4
    assert first["characters_sent"] == result["characters_billed_by_the_server"] > 0
    assert first["cache_hit_rate"] < 1.0
    assert (second["characters_sent"], second["requests"], second["cache_hit_rate"]) == (0, 0, 1.0)
    # tags, links and glossary terms are not sent: less than the source text four times
    assert first["characters_sent"] < result["source_characters"] * 4
    assert "cache hit rate 100%" in render_translate_bench(result)
    quality = result["quality"]
    assert quality["segments"] == 9
    # the stand-in only marks texts: it scores what copying the source scores, within a point
    for direction, score in quality["chrf"].items():
        assert abs(score - quality["chrf_source_copied"][direction]) <= 1.0
    assert "quality on 9 paragraphs" in render_translate_bench(result)


class Reference:
    """An engine that answers each text with its translation in the parallel set."""

    name = "reference"

    def __init__(self) -> None:
        pairs = parallel_pairs()
        self.answers = {p[a]: p[b] for p in pairs for a, b in (("en", "ca"), ("ca", "en"))}

    async def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [self.answers[text] for text in texts]

    async def close(self) -> None:
        """Nothing held."""


def test_the_parallel_set_scores_a_perfect_engine_100_and_copying_far_less(
    sqlite_engine: Engine,
) -> None:
    pairs = parallel_pairs()
    assert len(pairs) == 9 and all(p["en"] and p["ca"] and p["en"] != p["ca"] for p in pairs)
    scored = quality(TranslationService(Reference(), sqlite_engine), pairs)
    assert scored["chrf"] == {"en-ca": 100.0, "ca-en": 100.0}
    assert all(20 < floor < 50 for floor in scored["chrf_source_copied"].values())

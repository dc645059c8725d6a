"""``hub bench translate``: its figures come from what the stand-in received."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.bench.translate import demo_texts, render_translate_bench, run_translate_bench

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

"""``hub bench translate``: what machine translation drafts cost on the demo data.

Every demo news item (``hub/demo/news.rss``: title and HTML summary) and every FAQ
entry of ``config/knowledge`` is drafted into each other working language through the
real LibreTranslate client, the shipped glossary and the cache, against the
LibreTranslate stand-in, in a scratch SQLite database. A second pass drafts the same
again, as a newsletter re-drafted or a moderator's second look does: its cache hit
rate shows what the cache saves. Cost is counted as an engine bills it: characters
sent and requests made, per item.

Quality is chrF (sacrebleu's, character 6-grams) on a small parallel set built from the
seed documents (``work_plan_2013.en-ca.yaml``: the 2013 work plan's paragraphs in English
and Catalan), both directions, beside the score of the source copied unchanged (what any
engine must beat). The stand-in only marks texts, so its figure is that floor: the set is
there to score a real engine (:func:`quality`) when one is reachable.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import feedparser
import yaml

from hub.core.db import make_engine, upgrade
from hub.core.ingest.language import detector_for
from hub.core.translation.glossary import load_glossary
from hub.core.translation.service import Translated, TranslationService
from hub.translation.libretranslate import LibreTranslate
from hub.translation.standin import LibreTranslateStandIn, serving

LANGUAGES = ("en", "es", "fr", "ca", "pt")
DEMO_FEED = Path(__file__).parents[1] / "demo" / "news.rss"
PARALLEL = Path(__file__).parent / "work_plan_2013.en-ca.yaml"


def parallel_pairs(path: Path = PARALLEL) -> list[dict[str, str]]:
    """The parallel set's pairs, each ``{"en": ..., "ca": ...}``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [{str(k): str(v) for k, v in pair.items()} for pair in data["pairs"]]


def quality(
    service: TranslationService,
    pairs: list[dict[str, str]],
    directions: tuple[str, ...] = ("en-ca", "ca-en"),
) -> dict[str, Any]:
    """chrF of ``service``'s translations of the set, per direction, and of the source copied;
    a text left untranslated counts as empty. Needs sacrebleu (the ``dev`` extra)."""
    try:
        import sacrebleu
    except ImportError:
        return {"error": "sacrebleu is not installed (pip install -e '.[dev]')"}
    chrf: dict[str, float] = {}
    copied: dict[str, float] = {}
    for direction in directions:
        source, target = direction.split("-")
        sources = [pair[source] for pair in pairs]
        references = [[pair[target] for pair in pairs]]
        outcomes = service.translate(sources, source, target)
        hypotheses = [o.text if isinstance(o, Translated) else "" for o in outcomes]
        chrf[direction] = round(sacrebleu.corpus_chrf(hypotheses, references).score, 1)
        copied[direction] = round(sacrebleu.corpus_chrf(sources, references).score, 1)
    return {
        "set": PARALLEL.name,
        "segments": len(pairs),
        "engine": service.name,
        "chrf": chrf,
        "chrf_source_copied": copied,
    }


def demo_texts(knowledge: Path) -> list[tuple[str, str, str]]:
    """(language, title, HTML) for each demo news item and FAQ entry."""
    detector = detector_for()
    texts = []
    for entry in feedparser.parse(DEMO_FEED.read_bytes()).entries:
        title, summary = str(entry.get("title", "")), str(entry.get("summary", ""))
        language = detector.detect(f"{title}. {summary}") or "en"
        texts.append((language, title, summary))
    faq = yaml.safe_load((knowledge / "faq.yaml").read_text(encoding="utf-8")) or {}
    for record in faq.get("entries", faq.get("faq", [])) or []:
        names, bodies = record.get("name") or {}, record.get("body") or record.get("answer") or {}
        if isinstance(names, dict) and isinstance(bodies, dict):
            found = "en" if "en" in bodies else next(iter(bodies), None)
            if isinstance(found, str) and names.get(found):
                language = found
                texts.append((language, str(names[language]), str(bodies[language])))
    return texts


def _pass(service: TranslationService, texts: list[tuple[str, str, str]]) -> dict[str, Any]:
    before = (service.stats.characters_sent, service.stats.requests)
    pieces, cached = service.stats.pieces, service.stats.cached
    drafted = failed = 0
    for language, title, html in texts:
        for target in LANGUAGES:
            if target == language:
                continue
            outcomes = service.translate([title], language, target)
            outcomes += service.translate([html], language, target, format="html")
            if all(isinstance(o, Translated) for o in outcomes):
                drafted += 1
            else:
                failed += 1
    sent = service.stats.characters_sent - before[0]
    requests = service.stats.requests - before[1]
    looked_up = service.stats.pieces - pieces
    return {
        "drafts": drafted,
        "failed": failed,
        "characters_sent": sent,
        "requests": requests,
        "characters_per_item": round(sent / len(texts), 1),
        "requests_per_item": round(requests / len(texts), 2),
        "cache_hit_rate": round((service.stats.cached - cached) / looked_up, 3) if looked_up else 0,
    }


def run_translate_bench(knowledge: Path, glossary: Path) -> dict[str, Any]:
    texts = demo_texts(knowledge)
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine)
        with serving(LibreTranslateStandIn()) as standin:
            service = TranslationService(
                LibreTranslate(standin.url), engine, load_glossary(glossary)
            )
            first = _pass(service, texts)
            second = _pass(service, texts)
            billed = standin.characters()
            scored = quality(service, parallel_pairs())
        engine.dispose()
    source_characters = sum(len(title) + len(html) for _, title, html in texts)
    return {
        "engine": "libretranslate (stand-in)",
        "items": len(texts),
        "targets_per_item": len(LANGUAGES) - 1,
        "source_characters": source_characters,
        "first_pass": first,
        "second_pass": second,
        "characters_billed_by_the_server": billed,
        "markup_and_kept_words_not_sent": round(
            1 - first["characters_sent"] / (source_characters * (len(LANGUAGES) - 1)), 3
        ),
        "quality": scored,
    }


def render_translate_bench(result: dict[str, Any]) -> str:
    first, second = result["first_pass"], result["second_pass"]
    return "\n".join(
        [
            f"{result['items']} demo items and FAQ entries, each into "
            f"{result['targets_per_item']} languages ({result['engine']})",
            f"first pass:  {first['characters_per_item']} characters and "
            f"{first['requests_per_item']} requests per item, cache hit rate "
            f"{first['cache_hit_rate']:.0%}, {first['failed']} failed",
            f"second pass: {second['characters_per_item']} characters and "
            f"{second['requests_per_item']} requests per item, cache hit rate "
            f"{second['cache_hit_rate']:.0%}",
            f"markup and kept words not sent: {result['markup_and_kept_words_not_sent']:.0%}",
            _quality_line(result.get("quality", {})),
        ]
    )


def _quality_line(scored: dict[str, Any]) -> str:
    if "chrf" not in scored:
        return f"quality: {scored.get('error', 'not measured')}"
    each = ", ".join(
        f"{d} chrF {v} (source copied: {scored['chrf_source_copied'][d]})"
        for d, v in scored["chrf"].items()
    )
    return f"quality on {scored['segments']} paragraphs of {scored['set']}: {each}"

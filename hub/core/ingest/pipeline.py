"""From bytes to enriched candidates: the work shared by the poller, the CLI and the bench."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from hub.core.ingest.language import LanguageDetector, detector_for
from hub.core.ingest.parse import Candidate, ParsedFeed, parse_feed
from hub.core.ingest.tags import Tagger, default_tagger


def enrich(
    candidates: Iterable[Candidate],
    *,
    default_language: str | None = None,
    detector: LanguageDetector | None = None,
    tagger: Tagger | None = None,
) -> None:
    """Fill in each candidate's language, topic tags, countries and regions (in place).

    The source's configured ``default_language`` is used when the text is too
    short to tell.
    """
    detector = detector or detector_for()
    tagger = tagger or default_tagger()
    for candidate in candidates:
        if candidate.unchanged:
            continue
        text = f"{candidate.title}\n{candidate.summary_text}"
        candidate.language = detector.detect(text) or default_language
        candidate.tags, candidate.countries, candidate.regions = tagger.tag(
            text, candidate.language
        )


def read_feed(
    data: bytes,
    *,
    url: str | None,
    now: dt.datetime,
    content_type: str | None = None,
    default_language: str | None = None,
    known: Mapping[str, str] | None = None,
) -> ParsedFeed:
    """Parse, clean and enrich a feed's bytes; raises :class:`~hub.core.ingest.errors.FeedError`.

    ``known`` (external id -> fingerprint of what the source published before)
    lets unchanged entries skip cleaning and enrichment.
    """
    parsed = parse_feed(data, url=url, content_type=content_type, now=now, known=known)
    enrich(parsed.candidates, default_language=default_language)
    return parsed

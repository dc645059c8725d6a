"""News written by a person (the members' web form, the secretariat's console) into items.

The same path as a feed entry: cleaned by :mod:`hub.ingest.sanitise`,
language and tags detected, deduplicated and stored by
:func:`hub.ingest.store.store_candidates`, so a submission repeating a story
already in the hub becomes one more origin of that item, and a trusted
source's submission is approved (and routed) at once. The Slack and Telegram
submission flows can call :func:`submit_news` too.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.catalog import sync_config
from hub.errors import HubError
from hub.ingest.identity import content_hash, normalise_link
from hub.ingest.parse import Candidate
from hub.ingest.pipeline import enrich
from hub.ingest.sanitise import clean_summary, clean_title, usable_base
from hub.ingest.store import store_candidates
from hub.models import Item, ItemOrigin, Source
from hub.settings import Settings

TEXT_LIMIT = 20_000


class SubmissionError(HubError):
    """A submission that cannot be stored as it is (the message says what to fix)."""


@dataclass(frozen=True)
class Submission:
    """What a person wrote: plain text, not HTML."""

    title: str
    text: str = ""
    link: str | None = None
    image_url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class SubmissionResult:
    """The item the submission became, and whether it is new, merged, and approved."""

    item: Item
    outcome: str  # created, merged (same story already there) or unchanged (sent twice)
    approved: bool


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join("<p>" + html.escape(b).replace("\n", "<br>") + "</p>" for b in blocks)


def candidate_from(
    submission: Submission, *, external_id: str, languages: list[str], default_language: str | None
) -> Candidate:
    """A cleaned, enriched candidate from ``submission``; raises :class:`SubmissionError`."""
    title = clean_title(submission.title)
    if not title:
        raise SubmissionError("A title is needed.")
    if len(submission.text) > TEXT_LIMIT:
        raise SubmissionError(f"The text is too long (at most {TEXT_LIMIT:,} characters).")
    link = usable_base(submission.link) if submission.link else None
    if submission.link and link is None:
        raise SubmissionError("The link must be a full web address starting with https://.")
    image = usable_base(submission.image_url) if submission.image_url else None
    if submission.image_url and image is None:
        raise SubmissionError("The image must be a full web address starting with https://.")
    if submission.language and submission.language not in languages:
        raise SubmissionError(f"The language must be one of {', '.join(languages)}.")
    summary = clean_summary(_paragraphs(submission.text), link)
    candidate = Candidate(
        external_id=external_id,
        title=title,
        link=link,
        link_key=normalise_link(link),
        summary_html=summary.html,
        summary_text=summary.text,
        published_at=None,
        content_hash=content_hash(title, summary.text),
        image_url=image,
    )
    enrich([candidate], default_language=submission.language or default_language)
    if submission.language:
        candidate.language = submission.language
    return candidate


def submit_news(
    session: Session,
    settings: Settings,
    source_key: str,
    submission: Submission,
    *,
    now: dt.datetime,
    external_id: str | None = None,
    platform: str | None = None,
    reply_to: str | None = None,
) -> SubmissionResult:
    """Store ``submission`` as coming from the configured source ``source_key``.

    ``external_id`` identifies the submission on its platform (a repeated
    send with the same id changes nothing); ``reply_to`` is where the member is
    told of the moderation outcome.
    """
    configured = settings.sources.get(source_key)
    if configured is None or not configured.enabled:
        raise SubmissionError(f"The source {source_key!r} is not configured or is disabled.")
    source = session.scalar(select(Source).where(Source.key == source_key))
    if source is None:
        sync_config(session, settings)
        source = session.scalar(select(Source).where(Source.key == source_key))
        assert source is not None
    external_id = external_id or f"{platform or configured.kind}:{uuid.uuid4().hex}"
    candidate = candidate_from(
        submission,
        external_id=external_id,
        languages=settings.hub.languages,
        default_language=configured.language or settings.hub.default_language,
    )
    report = store_candidates(
        session, source, [candidate], settings=settings, now=now, platform=platform
    )
    if report.created:
        item, outcome = report.created[0], "created"
    elif report.merged:
        item, outcome = report.merged[0], "merged"
    else:
        origin = session.scalar(
            select(ItemOrigin).where(
                ItemOrigin.source_id == source.id, ItemOrigin.external_id == external_id
            )
        )
        assert origin is not None
        item, outcome = origin.item, "unchanged"
    if reply_to:
        origin = session.scalar(
            select(ItemOrigin).where(
                ItemOrigin.source_id == source.id, ItemOrigin.external_id == external_id
            )
        )
        if origin is not None:
            origin.reply_to = reply_to
    return SubmissionResult(item, outcome, item.status == "approved")

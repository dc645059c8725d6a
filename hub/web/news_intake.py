"""News written by a person (the members' web form, the secretariat's console) into items.

The console's side of :mod:`hub.core.moderation.submissions`: it checks the form with
messages worded for the page, then hands the text to the same cleaning,
language detection, tagging and deduplication as every other entry
(:func:`hub.core.moderation.submissions.submission_candidate` and
:func:`~hub.core.moderation.submissions.submit`), so a submission repeating a story
already in the hub becomes one more origin of that item, and a trusted
source's submission is approved (and routed) at once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.ingest.pictures import set_alt
from hub.core.ingest.sanitise import usable_base
from hub.core.models import Item, ItemOrigin, Source
from hub.core.moderation.submissions import SubmissionError, submission_candidate, submit
from hub.web.i18n import _

TEXT_LIMIT = 20_000

__all__ = ["Submission", "SubmissionError", "SubmissionResult", "submit_news"]


@dataclass(frozen=True)
class Submission:
    """What a person wrote: plain text, not HTML."""

    title: str
    text: str = ""
    link: str | None = None
    image_url: str | None = None
    image_alt: str = ""
    """The submitter's description of the picture (its alt text; the title when empty)."""
    language: str | None = None


@dataclass(frozen=True)
class SubmissionResult:
    """The item the submission became, and whether it is new, merged, and approved."""

    item: Item
    outcome: str  # created, merged (same story already there) or unchanged (sent twice)
    approved: bool


def check(submission: Submission, languages: list[str]) -> None:
    """Refuse what the form cannot accept, with a message saying what to fix."""
    if not submission.title.strip():
        raise SubmissionError(_("A title is needed."))
    if len(submission.text) > TEXT_LIMIT:
        raise SubmissionError(
            _("The text is too long (at most %(limit)s characters).") % {"limit": f"{TEXT_LIMIT:,}"}
        )
    if submission.link and usable_base(submission.link) is None:
        raise SubmissionError(_("The link must be a full web address starting with https://."))
    if submission.image_url and usable_base(submission.image_url) is None:
        raise SubmissionError(_("The image must be a full web address starting with https://."))
    if submission.language and submission.language not in languages:
        raise SubmissionError(
            _("The language must be one of %(languages)s.") % {"languages": ", ".join(languages)}
        )


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
    member_id: int | None = None,
) -> SubmissionResult:
    """Store ``submission`` as coming from the configured source ``source_key``.

    ``external_id`` identifies the submission on its platform (a repeated
    send with the same id changes nothing); ``reply_to`` is where the member is
    told of the moderation outcome.
    """
    configured = settings.sources.get(source_key)
    if configured is None or not configured.enabled:
        raise SubmissionError(
            _("The source %(source)s is not configured or is disabled.")
            % {"source": repr(source_key)}
        )
    source = session.scalar(select(Source).where(Source.key == source_key))
    if source is None:
        sync_config(session, settings)
        source = session.scalar(select(Source).where(Source.key == source_key))
        assert source is not None
    external_id = external_id or f"{platform or configured.kind}:{uuid.uuid4().hex}"
    check(submission, settings.hub.languages)
    candidate = submission_candidate(
        external_id=external_id,
        title=submission.title,
        text=submission.text,
        link=submission.link,
        image_url=submission.image_url,
        now=now,
        default_language=(
            submission.language or configured.language or settings.hub.default_language
        ),
    )
    if submission.language:
        candidate.language = submission.language
    report = submit(
        session,
        source,
        candidate,
        platform=platform or configured.kind,
        reply_to=reply_to,
        member_id=member_id,
        settings=settings,
        now=now,
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
    url = submission.image_url
    if url and submission.image_alt.strip() and item.image_url == url:
        # the picture itself is fetched later, once, through the SSRF guard (the poller's
        # PictureFetcher); its description waits for it in the same row
        session.flush()
        set_alt(session.connection(), item.id, url, submission.image_alt)
    return SubmissionResult(item, outcome, item.status == "approved")

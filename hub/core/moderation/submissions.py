"""Member submissions (Slack form, Telegram ``/submit``, the web form) into items.

The listeners of each platform collect a title, a text, maybe a link and an
image, and call :func:`submit`. The text goes through the same cleaning,
language detection, tagging and deduplication as feed entries; the item
waits for moderation unless the source is trusted. ``reply_to`` (the chat or
user to answer) is kept on the item's origin so the member can be told when
it is approved or declined, on the platform they used.
"""

from __future__ import annotations

import datetime as dt
import html

from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.ingest.identity import bounded, content_hash, normalise_link
from hub.core.ingest.parse import Candidate
from hub.core.ingest.pipeline import enrich
from hub.core.ingest.sanitise import clean_summary, clean_title, usable_base
from hub.core.ingest.store import StoreReport, store_candidates
from hub.core.members.links import mark_seen
from hub.core.mergetags import carries_merge_tag
from hub.core.models import Source


class SubmissionError(HubError):
    """A submission that cannot become an item (no title, a bad link); say it to the member."""


def plain_to_html(text: str) -> str:
    """Plain text (a chat message) as escaped paragraphs."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


SUBMISSION_TEXT_LIMIT = 20_000
"""What a person wrote is the whole news, not a feed's summary (capped at
:data:`hub.core.ingest.sanitise.SUMMARY_LIMIT`): kept up to the web form's 20,000
characters, as a member's news by e-mail is; a long one continues as a thread where the
platform can (Telegram, and Mastodon and Bluesky on a route with ``thread = true``)."""


def submission_candidate(
    *,
    external_id: str,
    title: str,
    text: str = "",
    text_is_html: bool = False,
    link: str | None = None,
    image_url: str | None = None,
    now: dt.datetime,
    default_language: str | None = None,
) -> Candidate:
    """A cleaned, enriched candidate from what a member typed."""
    fields = {"title": title, "text": text, "link": link, "image address": image_url}
    for name, value in fields.items():
        if value and "\x00" in value:  # PostgreSQL stores no NUL in text: refuse, not a 500
            raise SubmissionError(f"the {name} holds a NUL character (\\x00)")
    clean_link = usable_base(link) if link else None
    if link and clean_link is None:
        raise SubmissionError(f"the link must start with http:// or https:// (got {link!r})")
    for name, address in (("link", link), ("image address", image_url)):
        if address and carries_merge_tag(address):
            raise SubmissionError(
                f"the {name} must not contain *| or |* (Mailchimp merge tags, which would "
                f"put each newsletter reader's details into it): {address!r}"
            )
    clean = clean_title(title)
    if not clean:
        raise SubmissionError("a submission needs a title")
    source = text if text_is_html else plain_to_html(text)
    summary = clean_summary(source, clean_link, limit=SUBMISSION_TEXT_LIMIT)
    candidate = Candidate(
        external_id=bounded(external_id),
        title=clean,
        link=clean_link,
        link_key=normalise_link(clean_link),
        summary_html=summary.html,
        summary_text=summary.text,
        published_at=now,
        content_hash=content_hash(title, text, link or "", image_url or ""),
        image_url=usable_base(image_url) if image_url else None,
    )
    enrich([candidate], default_language=default_language)
    return candidate


def submit(
    session: Session,
    source: Source,
    candidate: Candidate,
    *,
    platform: str,
    reply_to: str | None,
    member_id: int | None,
    settings: Settings | None,
    now: dt.datetime,
) -> StoreReport:
    """Store a member's submission (deduplicated like any entry) in the caller's transaction."""
    mark_seen(session, member_id, now)
    return store_candidates(
        session,
        source,
        [candidate],
        settings=settings,
        now=now,
        platform=platform,
        reply_to=reply_to,
        member_id=member_id,
    )

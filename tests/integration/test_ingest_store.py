"""Storing candidates: dedup by origin, by link and by near-identical text; trusted approval."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.ingest.identity import content_hash, normalise_link
from hub.core.ingest.parse import Candidate
from hub.core.ingest.store import store_candidates
from hub.core.models import Delivery, Item, ItemOrigin, Source
from hub.core.moderation.decisions import approve, decline, edit, retag

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
SETTINGS = Settings.model_validate(
    {
        "hub": {"languages": ["en", "es"]},
        "sources": {
            "site": {"kind": "feed", "url": "https://site.example/rss", "trusted": True},
            "member": {"kind": "feed", "url": "https://member.example/rss"},
            "telegram": {"kind": "telegram"},
        },
        "channels": {"news": {"platform": "memory", "target": "#news"}},
        "routes": [{"name": "all", "to": ["news"]}],
    }
)


def candidate(external_id: str, title: str, text: str, link: str | None = None) -> Candidate:
    return Candidate(
        external_id=external_id,
        title=title,
        link=link,
        link_key=normalise_link(link),
        summary_html=f"<p>{text}</p>",
        summary_text=text,
        published_at=NOW,
        content_hash=content_hash(title, text),
        language="en",
        tags=["conference"],
    )


def sources(session: Session) -> dict[str, Source]:
    sync_config(session, SETTINGS)
    session.flush()
    return {s.key: s for s in session.scalars(select(Source))}


STORY = candidate(
    "guid:1",
    "Annual conference in Porto Alegre",
    "The network meets in Porto Alegre to discuss participatory budgets and climate.",
    "https://site.example/news/conference?utm_source=rss",
)


def test_republishing_creates_nothing_and_an_edit_updates_in_place(engine) -> None:
    with transaction(engine) as session:
        member = sources(session)["member"]
        first = store_candidates(session, member, [STORY], settings=SETTINGS, now=NOW)
        again = store_candidates(session, member, [STORY], settings=SETTINGS, now=NOW)
        edited = dataclasses.replace(
            STORY, title="Annual conference moved to March", content_hash="changed"
        )
        third = store_candidates(session, member, [edited], settings=SETTINGS, now=NOW)
        assert len(first.created) == 1 and first.created[0].status == "pending"
        assert again.unchanged == 1 and not again.created
        assert len(third.updated) == 1
        assert session.scalar(select(func.count(Item.id))) == 1
        assert session.scalar(select(Item.title)) == "Annual conference moved to March"


def test_the_same_link_from_another_source_is_one_item_with_two_origins(engine) -> None:
    with transaction(engine) as session:
        rows = sources(session)
        store_candidates(session, rows["member"], [STORY], settings=SETTINGS, now=NOW)
        other = candidate(
            "tg:55", "Conference!", "Short note", "HTTPS://SITE.example/news/conference/"
        )
        report = store_candidates(session, rows["telegram"], [other], settings=SETTINGS, now=NOW)
        assert len(report.merged) == 1
        assert session.scalar(select(func.count(Item.id))) == 1
        assert session.scalar(select(func.count(ItemOrigin.id))) == 2


def test_near_identical_text_from_another_source_is_merged(engine) -> None:
    with transaction(engine) as session:
        rows = sources(session)
        store_candidates(session, rows["member"], [STORY], settings=SETTINGS, now=NOW)
        copy = candidate(
            "tg:56",
            "Annual conference in Porto Alegre!",
            "The network meets in Porto Alegre to discuss participatory budgets and climate",
        )
        different = candidate("tg:57", "Award call open", "Cities can apply for the award now.")
        report = store_candidates(
            session, rows["telegram"], [copy, different], settings=SETTINGS, now=NOW
        )
        assert len(report.merged) == 1 and len(report.created) == 1
        assert session.scalar(select(func.count(Item.id))) == 2


def test_old_items_are_not_fuzzy_matched(engine) -> None:
    with transaction(engine) as session:
        rows = sources(session)
        store_candidates(session, rows["member"], [STORY], settings=SETTINGS, now=NOW)
        copy = dataclasses.replace(STORY, external_id="tg:9", link=None, link_key=None)
        later = NOW + dt.timedelta(days=60)
        report = store_candidates(session, rows["telegram"], [copy], settings=SETTINGS, now=later)
        assert len(report.created) == 1


def test_trusted_sources_are_approved_and_routed_at_once(engine) -> None:
    with transaction(engine) as session:
        site = sources(session)["site"]
        report = store_candidates(session, site, [STORY], settings=SETTINGS, now=NOW)
        (item,) = report.created
        assert item.status == "approved" and item.approved_by == "trusted:site"
        assert session.scalar(select(func.count(Delivery.id))) == 1


def test_moderation_approve_decline_edit_retag(engine) -> None:
    with transaction(engine) as session:
        member = sources(session)["member"]
        other = candidate("guid:2", "Second story", "Something else entirely.")
        report = store_candidates(session, member, [STORY, other], settings=SETTINGS, now=NOW)
        first, second = report.created
        edit(first, title="<b>Edited</b> title\u202e", summary_html='<p onclick="x()">New</p>')
        assert first.title == "Edited title" and first.summary_html == "<p>New</p>"
        assert first.summary_text == "New"
        again = store_candidates(session, member, [STORY], settings=SETTINGS, now=NOW)
        assert again.unchanged == 1 and first.title == "Edited title"  # the edit holds
        retag(first, tags=["Award", "award", " climate "], countries=["br"])
        assert first.tags == ["award", "climate"] and first.regions == ["latin-america"]
        deliveries = approve(session, first, SETTINGS, by="ana@oidp.net", now=NOW)
        assert len(deliveries) == 1 and first.approved_by == "ana@oidp.net"
        decline(second, reason="not about participation", by="ana@oidp.net", now=NOW)
        assert second.status == "declined" and second.decline_reason == "not about participation"


def test_a_telegram_submission_of_a_known_story_is_one_more_origin(engine) -> None:
    from hub.core.moderation.submissions import SubmissionError, submission_candidate, submit

    with transaction(engine) as session:
        rows = sources(session)
        store_candidates(session, rows["member"], [STORY], settings=SETTINGS, now=NOW)
        sent = submission_candidate(
            external_id="tg:chat42:msg7",
            title="Conference in Porto Alegre <script>x</script>",
            text="See you there!\n\nBring friends & colleagues.",
            link="https://site.example/news/conference",
            now=NOW,
        )
        assert sent.summary_html == "<p>See you there!</p><p>Bring friends &amp; colleagues.</p>"
        report = submit(
            session,
            rows["telegram"],
            sent,
            platform="telegram",
            reply_to="42",
            member_id=None,
            settings=SETTINGS,
            now=NOW,
        )
        assert len(report.merged) == 1
        origin = session.scalars(select(ItemOrigin).where(ItemOrigin.platform == "telegram")).one()
        assert origin.reply_to == "42"
        fresh = submission_candidate(external_id="tg:1", title="New project", text="x", now=NOW)
        created = submit(
            session,
            rows["telegram"],
            fresh,
            platform="telegram",
            reply_to="42",
            member_id=None,
            settings=SETTINGS,
            now=NOW,
        )
        assert created.created[0].status == "pending"
        with pytest.raises(SubmissionError):
            submission_candidate(external_id="tg:2", title="t", link="javascript:x", now=NOW)

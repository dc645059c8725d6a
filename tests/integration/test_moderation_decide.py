"""Approve (or decline), then tell the submitter: written once, in the moderation room.

The console's item page, its moderation page and the Slack buttons all call
``approve_and_notify`` / ``decline_and_notify``; here the core itself, with a
notice that records whom it was asked to tell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Item
from hub.core.moderation.decisions import (
    ModerationError,
    approve_and_notify,
    decline_and_notify,
)
from hub.web.testing import example_settings

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


@dataclass
class Recorded:
    """A notice that remembers each (item, outcome, reason) it was asked to tell."""

    told: list[tuple[int, str, str]] = field(default_factory=list)

    def __call__(
        self, session: Session, item: Item, outcome: str, *, now: dt.datetime, reason: str = ""
    ) -> int:
        self.told.append((item.id, outcome, reason))
        return 1


def pending(session: Session) -> Item:
    item = Item(title="Youth budget in Cascais", status="pending", language="en", tags=["youth"])
    session.add(item)
    session.flush()
    return item


def audit(engine: Engine) -> list[tuple[str, str, str | None, str | None]]:
    with transaction(engine) as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [(r.actor, r.action, r.target, r.detail) for r in rows]


def test_approving_twice_tells_the_member_once_and_audits_once(engine: Engine) -> None:
    settings = example_settings()
    notice = Recorded()
    with transaction(engine) as session:
        sync_config(session, settings)
        item = pending(session)
        first = approve_and_notify(
            session, item, settings, by="editor@example.org", now=NOW, notices=[notice]
        )
        again = approve_and_notify(
            session, item, settings, by="slack:U0SECRETARY", now=NOW, notices=[notice], note="bulk"
        )
        item_id = item.id
    assert (first.told, again.told) == (1, 0)
    assert notice.told == [(item_id, "approved", "")]
    assert first.deliveries and item.status == "approved"
    count = len(first.deliveries)
    assert len(again.deliveries) == count  # approving again writes nothing new
    assert audit(engine) == [
        ("editor@example.org", "approve", f"item:{item_id}", f"{count} deliveries"),
    ]  # the second approval changed nothing, so it is not in the log


def test_declining_tells_the_member_why_once(engine: Engine) -> None:
    notice, other = Recorded(), Recorded()
    with transaction(engine) as session:
        item = pending(session)
        reason = "  Not about participation "
        first = decline_and_notify(
            session, item, reason=reason, by="e", now=NOW, notices=[notice, other]
        )
        again = decline_and_notify(
            session, item, reason="Still not", by="e", now=NOW, notices=[notice, other]
        )
        item_id = item.id
    assert (first.told, again.told, first.deliveries) == (2, 0, [])
    assert notice.told == other.told == [(item_id, "declined", "Not about participation")]
    assert [detail for *_, detail in audit(engine)] == ["Not about participation", "Still not"]


def test_a_refused_decision_tells_nobody_and_audits_nothing(engine: Engine) -> None:
    settings = example_settings()
    notice = Recorded()
    with transaction(engine) as session:
        sync_config(session, settings)
        item = pending(session)
        approve_and_notify(session, item, settings, by="e", now=NOW, notices=[notice])
        with pytest.raises(ModerationError, match="cannot be declined"):
            decline_and_notify(session, item, reason="late", by="e", now=NOW, notices=[notice])
        item.status = "retracted"
        with pytest.raises(ModerationError, match="cannot be approved again"):
            approve_and_notify(session, item, settings, by="e", now=NOW, notices=[notice])
    assert [outcome for _, outcome, _ in notice.told] == ["approved"]
    assert [action for _, action, *_ in audit(engine)] == ["approve"]

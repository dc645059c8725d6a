"""Corrections and retractions: what was already posted follows the item's edits.

When the secretariat edits an approved item, every message already posted
(a SENT delivery with the platform's message id) gets a ``correction``
delivery that edits it in place; when it retracts the item, every posted
message gets a ``retraction`` delivery that deletes it, and what was not sent
yet is cancelled. Deliveries still pending need nothing: the worker builds an
item's message from the item when it sends it.

Both are ordinary outbox rows (the worker sends and records them like any
other) with ``item_id`` NULL, since an item has one delivery per channel; the
payload carries the text and ``edit_of``, the platform id to edit or delete,
and the dedup key names the item and the original delivery::

    correction:<item id>:<delivery id>:<n>:<content hash>
    retraction:<item id>:<delivery id>

A correction whose content equals the latest correction of the same message
is not queued again (a double click, or a save without changes), and a
pending correction is cancelled by a newer one: only the last text matters.

Roundups that took the item in follow too (:func:`refresh_roundups`): one not
sent yet is rebuilt in place, one already posted is edited to read without the
retracted item (or with the edited title), and one left with no item at all is
cancelled or deleted. Their keys name the roundup delivery::

    correction:roundup:<roundup delivery id>:<n>:<content hash>
    retraction:roundup:<roundup delivery id>
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.bus.messages import content_for, item_contents
from hub.core.bus.outbox import cancel, cancel_unsent, insert_ignoring_duplicates, notify
from hub.core.bus.states import PENDING_OR_HELD, DeliveryStatus
from hub.core.models import Channel, Delivery, Item
from hub.core.schedule.roundups import rebuilt_roundup, roundups_of

CORRECTION = "correction"
RETRACTION = "retraction"
UNSENT = PENDING_OR_HELD
LIVE = (*PENDING_OR_HELD, DeliveryStatus.IN_FLIGHT, DeliveryStatus.SENT)


def correction_prefix(item_id: int) -> str:
    """The dedup-key prefix of every correction of one item (its console page lists them)."""
    return f"{CORRECTION}:{item_id}:"


def retraction_prefix(item_id: int) -> str:
    return f"{RETRACTION}:{item_id}:"


def posted(session: Session, item: Item) -> list[Delivery]:
    """The item's deliveries that are on a platform now: sent, with the platform's id."""
    return list(
        session.scalars(
            select(Delivery)
            .where(
                Delivery.item_id == item.id,
                Delivery.status == "sent",
                Delivery.platform_message_id.is_not(None),
            )
            .order_by(Delivery.id)
        )
    )


def _corrections_of(session: Session, item: Item, original: Delivery) -> list[Delivery]:
    return _with_prefix(session, f"{correction_prefix(item.id)}{original.id}:")


def _with_prefix(session: Session, prefix: str) -> list[Delivery]:
    return list(
        session.scalars(
            select(Delivery)
            .where(Delivery.dedup_key.startswith(prefix, autoescape=True))
            .order_by(Delivery.id)
        )
    )


def _current_id(original: Delivery, corrections: list[Delivery]) -> str:
    """The platform id of the message now: a correction may have been given a new one."""
    sent = [c for c in corrections if c.status == "sent" and c.platform_message_id]
    return sent[-1].platform_message_id if sent else original.platform_message_id  # type: ignore[return-value]


def _row(
    original: Delivery, kind: str, key: str, payload: dict[str, Any], now: dt.datetime
) -> dict[str, Any]:
    return {
        "item_id": None,
        "channel_id": original.channel_id,
        "kind": kind,
        "dedup_key": key,
        "payload": payload,
        "mode": "immediate",
        "status": "pending",
        "attempts": 0,
        "max_attempts": original.max_attempts,
        "due_at": now,
        "created_at": now,
    }


def _inserted(session: Session, keys: list[str]) -> list[Delivery]:
    if not keys:
        return []
    query = select(Delivery).where(Delivery.dedup_key.in_(keys)).order_by(Delivery.id)
    return list(session.scalars(query))


def correct_item(session: Session, item: Item, *, by: str, now: dt.datetime) -> list[Delivery]:
    """Queue an edit of every posted message of ``item`` to its current text; returns them.

    Each message gets the text in its channel's language (the same content the
    worker would post now). Nothing is queued for a message whose latest
    correction already says this.
    """
    session.flush()  # the edit must be visible to the core query below
    originals = posted(session, item)
    if not originals:
        return refresh_roundups(session, item, by=by, now=now)
    languages = dict(
        session.execute(
            select(Channel.id, Channel.language).where(
                Channel.id.in_({d.channel_id for d in originals})
            )
        ).all()
    )
    rows_by_id, translated = item_contents(
        session.connection(), {item.id}, {lang for lang in languages.values() if lang}
    )
    row = rows_by_id[item.id]
    rows, keys = [], []
    for original in originals:
        content = asdict(content_for(row, translated, languages.get(original.channel_id)))
        content["tags"] = list(content["tags"])
        digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:16]
        earlier = [
            c
            for c in _corrections_of(session, item, original)
            if c.status != DeliveryStatus.CANCELLED
        ]
        last = earlier[-1] if earlier else None
        if last and last.status in LIVE and (last.dedup_key or "").endswith(f":{digest}"):
            continue  # this text is already on its way, or posted
        for stale in earlier:
            if stale.status in UNSENT:
                cancel(stale)
        payload = {
            **content,
            "edit_of": _current_id(original, earlier),
            "item_id": item.id,
            "corrects": original.id,
            "by": by,
        }
        if (original.payload or {}).get("thread"):  # the route's choice holds for the edit
            payload["extra"] = {"thread": True}
        key = f"{correction_prefix(item.id)}{original.id}:{len(earlier)}:{digest}"
        rows.append(_row(original, CORRECTION, key, payload, now))
        keys.append(key)
    session.flush()
    insert_ignoring_duplicates(session, rows, ["dedup_key"])
    notify(session.connection())
    return _inserted(session, keys) + refresh_roundups(session, item, by=by, now=now)


def retract_item(
    session: Session, item: Item, *, by: str, reason: str, now: dt.datetime
) -> list[Delivery]:
    """Withdraw ``item``: cancel what was not sent, queue a deletion of what was posted.

    Returns the retraction deliveries; retracting twice queues nothing new.
    """
    item.status = "retracted"
    item.decline_reason = reason.strip() or "retracted"
    item.updated_at = now
    session.flush()
    cancel_unsent(session, item.id, by=by)
    originals = posted(session, item)
    rows, keys = [], []
    for original in originals:
        corrections = _corrections_of(session, item, original)
        for c in corrections:
            if c.status in UNSENT:
                cancel(c)
        payload = {
            "title": item.title,
            "edit_of": _current_id(original, corrections),
            "item_id": item.id,
            "retracts": original.id,
            "by": by,
            "reason": reason,
        }
        key = f"{retraction_prefix(item.id)}{original.id}"
        rows.append(_row(original, RETRACTION, key, payload, now))
        keys.append(key)
    session.flush()
    insert_ignoring_duplicates(session, rows, ["dedup_key"])
    notify(session.connection())
    return _inserted(session, keys) + refresh_roundups(session, item, by=by, now=now)


def _digest(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def refresh_roundups(session: Session, item: Item, *, by: str, now: dt.datetime) -> list[Delivery]:
    """Make every roundup that took ``item`` in read as it should now; returns the
    corrections and deletions queued for roundups already posted.

    Not sent yet (pending): its payload is rebuilt in place (cancelled when no item is
    left). Posted: an edit of the message to the rebuilt text, or its deletion when no
    item is left. Being sent this moment, or failed (its items go into the next one):
    nothing to do here.
    """
    session.flush()
    rows, keys = [], []
    for roundup in roundups_of(session, item.id):
        rebuilt = rebuilt_roundup(session, roundup)
        payload = rebuilt.payload()
        if roundup.status in UNSENT:
            if not rebuilt.entries:
                cancel(roundup)
            elif payload != roundup.payload:
                roundup.payload = payload
            continue
        if roundup.status != DeliveryStatus.SENT or not roundup.platform_message_id:
            continue
        earlier = [
            c
            for c in _with_prefix(session, f"{CORRECTION}:roundup:{roundup.id}:")
            if c.status != DeliveryStatus.CANCELLED
        ]
        for stale in earlier:
            if stale.status in UNSENT:
                cancel(stale)
        edit_of = _current_id(roundup, earlier)
        if not rebuilt.entries:
            key = f"{RETRACTION}:roundup:{roundup.id}"
            content = {"title": rebuilt.title, "reason": "every item was retracted"}
            rows.append(_row(roundup, RETRACTION, key, {**content, "edit_of": edit_of}, now))
            keys.append(key)
            continue
        digest = _digest(payload)
        live = [c for c in earlier if c.status in LIVE]
        current = live[-1].dedup_key or "" if live else f":{_digest(roundup.payload or {})}"
        if current.endswith(f":{digest}"):
            continue  # the roundup already reads (or is about to read) this way
        extra = {"corrects": roundup.id, "item_id": item.id, "by": by}
        key = f"{CORRECTION}:roundup:{roundup.id}:{len(earlier)}:{digest}"
        rows.append(_row(roundup, CORRECTION, key, {**payload, "edit_of": edit_of, **extra}, now))
        keys.append(key)
    session.flush()
    insert_ignoring_duplicates(session, rows, ["dedup_key"])
    notify(session.connection())
    return _inserted(session, keys)

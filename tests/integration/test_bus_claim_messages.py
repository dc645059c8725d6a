"""The worker's claim builds the same messages as ``build_messages``, on both backends.

On PostgreSQL ``claim_messages`` claims and reads what the messages need in one
statement and builds each item's message straight from its row; on SQLite it claims,
then reads the items, translations and pictures and builds them with ``message_for``.
Whatever the way, a claim's message must be the one ``build_messages`` makes of the same
claim: the channel's translation (a person's, or a machine draft with its mark), the
item's own text in its own language or when no translation exists, a stored picture
(its alt text or the title), a refused one (text only, and why), a picture of an older
``image_url``, a thread's flag, a deleted item, and the payload of the other kinds.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, insert, update

from hub.core.bus.messages import build_messages, claim_messages, load_channels
from hub.core.config.catalog import channel_ids, sync_config
from hub.core.db import transaction
from hub.core.errors import ChannelGone
from hub.core.models import Channel, Delivery, Item, ItemPicture, ItemTranslation
from hub.core.ports import Message
from hub.testing.bus import bus_settings

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
SETTINGS = bus_settings(channels=3)


def _item(conn, n: int, **columns: object) -> int:
    row = {
        "title": f"News {n}",
        "summary_text": f"Body {n}",
        "summary_html": f"<p>Body {n}</p>",
        "link": f"https://example.org/{n}",
        "language": "en",
        "tags": ["climate", f"t{n}"],
        "countries": [],
        "regions": [],
        "status": "approved",
        "created_at": NOW,
        "updated_at": NOW,
        **columns,
    }
    return int(conn.execute(insert(Item).returning(Item.id), [row]).scalar_one())


def _seed(engine: Engine) -> None:
    """Items of every case, each delivered to every channel: c0 has no language, c1 is
    Spanish, c2 English (the items' own)."""
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        ids = channel_ids(session)
    with engine.begin() as conn:
        for key, language in (("c0", None), ("c1", "es"), ("c2", "en")):
            conn.execute(update(Channel).where(Channel.id == ids[key]).values(language=language))
        plain = _item(conn, 1)
        by_person = _item(conn, 2)
        by_machine = _item(conn, 3, link=None)
        stored = _item(conn, 4, image_url="https://example.org/4.jpg")
        untitled_alt = _item(conn, 5, image_url="https://example.org/5.jpg")
        refused = _item(conn, 6, image_url="https://example.org/6.jpg")
        old_picture = _item(conn, 7, image_url="https://example.org/7-new.jpg")
        no_language = _item(conn, 8, language=None, tags=None)
        thread = _item(conn, 9)
        deleted = _item(conn, 10)
        translations = [
            (by_person, "Noticia 2", None, "https://example.org/es/2"),
            (by_machine, "Noticia 3", "libretranslate", None),
            (stored, "Noticia 4", None, None),
            (untitled_alt, "Noticia 5", None, None),  # its picture's alt: the own title
            (no_language, "Noticia 8", "libretranslate", None),
        ]
        for item_id, title, machine, link in translations:
            conn.execute(
                insert(ItemTranslation),
                [
                    {
                        "item_id": item_id,
                        "language": "es",
                        "title": title,
                        "summary_text": f"Cuerpo de {title}",
                        "summary_html": f"<p>{title}</p>",
                        "machine": machine,
                        "link": link,
                    }
                ],
            )
        pictures = [
            (stored, "https://example.org/4.jpg", b"jpeg-4", "A chart", None),
            (untitled_alt, "https://example.org/5.jpg", b"jpeg-5", "", None),
            (refused, "https://example.org/6.jpg", None, "", "not an image"),
            (old_picture, "https://example.org/7-old.jpg", b"jpeg-7", "", None),
        ]
        for item_id, url, data, alt, error in pictures:
            conn.execute(
                insert(ItemPicture),
                [
                    {
                        "item_id": item_id,
                        "source_url": url,
                        "data": data,
                        "mime": "image/jpeg" if data else None,
                        "width": 800 if data else None,
                        "height": 600 if data else None,
                        "alt": alt,
                        "error": error,
                    }
                ],
            )
        item_ids = [plain, by_person, by_machine, stored, untitled_alt, refused]
        item_ids += [old_picture, no_language, thread, deleted]
        rows = []
        for item_id in item_ids:
            for key in ("c0", "c1", "c2"):
                rows.append(
                    {
                        "item_id": item_id,
                        "channel_id": ids[key],
                        "kind": "item",
                        "payload": {"thread": True} if item_id == thread else {},
                        "status": "pending",
                        "attempts": 0,
                        "max_attempts": 5,
                        "due_at": NOW,
                        "created_at": NOW,
                    }
                )
        extra = {"title": "Roundup", "text": "Three items", "tags": ["a"], "extra": {"k": 1}}
        rows.append(
            {
                "item_id": None,
                "channel_id": ids["c1"],
                "kind": "roundup",
                "dedup_key": "roundup-1",
                "payload": extra,
                "status": "pending",
                "attempts": 0,
                "max_attempts": 5,
                "due_at": NOW,
                "created_at": NOW,
            }
        )
        conn.execute(insert(Delivery), rows)
        # an item deleted after its deliveries were queued: they keep no item
        conn.execute(update(Delivery).where(Delivery.item_id == deleted).values(item_id=None))


def test_the_claim_builds_the_messages_build_messages_does(engine: Engine) -> None:
    _seed(engine)
    with engine.begin() as conn:
        channels: dict = {}
        claims, messages = claim_messages(
            conn, token="w/1", now=NOW, limit=100, lease_seconds=60, channel_rows=channels
        )
    assert len(claims) == 31
    with engine.begin() as conn:
        expected = build_messages(conn, claims, load_channels(conn, list(channels)))
    assert set(messages) == set(expected) == {c.id for c in claims}
    for claim in claims:
        got, want = messages[claim.id], expected[claim.id]
        if isinstance(want, ChannelGone):
            assert isinstance(got, ChannelGone) and str(got) == str(want)
        else:
            assert got == want, claim
    # the cases are there: a translation of each kind, pictures stored and refused
    sent = [m for m in messages.values() if isinstance(m, Message)]
    assert sum(isinstance(m, ChannelGone) for m in messages.values()) == 3
    assert {m.title for m in sent if m.language == "es"} == {
        "Noticia 2",
        "Noticia 3",
        "Noticia 4",
        "Noticia 5",
        "Noticia 8",
    }
    assert {m.machine_from for m in sent if m.title in ("Noticia 3", "Noticia 8")} == {"en", None}
    assert {m.picture.alt for m in sent if m.picture} == {"A chart", "News 5"}
    assert {m.picture_refused for m in sent} == {None, "not an image"}
    assert any(m.extra == {"thread": True} for m in sent)
    assert any(m.kind == "roundup" and m.extra == {"k": 1} for m in sent)

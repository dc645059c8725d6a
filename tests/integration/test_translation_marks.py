"""Readers are told when no person checked a text: an approved machine draft reaches its
channel, and the newsletter, marked as machine-translated with the original's link; once a
person rewrites the translation, the mark goes (the secretariat's own words are not
marked, whatever helped write them)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.bus.messages import build_messages, load_channels
from hub.core.bus.outbox import Claim
from hub.core.clock import with_clock
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item, TranslationCacheEntry
from hub.core.moderation.decisions import approve
from hub.core.ports import Message
from hub.core.translation.drafts import draft_for_routes
from hub.core.translation.service import TranslationService
from hub.translation.libretranslate import LibreTranslate
from hub.translation.standin import LibreTranslateStandIn, serving

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
ORIGINAL = "https://oidp.net/es/noticias/dakar"


@pytest.fixture
def standin() -> Iterator[LibreTranslateStandIn]:
    with serving(LibreTranslateStandIn()) as server:
        yield server


def settings_for(url: str) -> Settings:
    return Settings.model_validate(
        {
            "hub": {"languages": ["en", "es", "fr"]},
            "sources": {"console": {"kind": "console", "trusted": True}},
            "channels": {
                "africa_fr": {"platform": "memory", "target": "fr", "language": "fr"},
                "latam_es": {"platform": "memory", "target": "es", "language": "es"},
            },
            "routes": [
                {
                    "name": "Africa",
                    "match": {"languages": ["fr"]},
                    "to": ["africa_fr"],
                    "translate": True,
                },
                {"name": "Latam", "match": {"languages": ["es"]}, "to": ["latam_es"]},
            ],
            "translation": {"engine": "libretranslate", "url": url},
        }
    )


def messages_by_channel(engine: Engine, item_id: int) -> dict[str, Message]:
    with engine.connect() as conn:
        deliveries = list(conn.execute(select(Delivery).where(Delivery.item_id == item_id)))
        claims = [
            Claim(d.id, d.item_id, d.channel_id, d.kind, d.payload or {}, 1, 5, "t")
            for d in deliveries
        ]
        channels = load_channels(conn, [c.channel_id for c in claims])
        built = build_messages(conn, claims, channels)
    out: dict[str, Message] = {}
    for claim in claims:
        message = built[claim.id]
        assert isinstance(message, Message)
        out[channels[claim.channel_id].key] = message
    return out


def test_an_approved_machine_draft_is_sent_marked_and_a_person_s_rewrite_is_not(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    settings = settings_for(standin.url)
    with transaction(engine) as session:
        sync_config(session, settings)
    service = TranslationService(LibreTranslate(standin.url), engine)
    with transaction(engine) as session:
        item = Item(title="Seminario en Dakar", language="es", status="pending", link=ORIGINAL)
        session.add(item)
        session.flush()
        draft_for_routes(session, item, settings, service)
        approve(session, item, settings, by="moderator@example.org", now=NOW)
        item_id = item.id
    sent = messages_by_channel(engine, item_id)
    assert sent["africa_fr"].title == "[fr] Seminario en Dakar"
    assert (sent["africa_fr"].machine_from, sent["africa_fr"].original_link) == ("es", ORIGINAL)
    assert sent["latam_es"].machine_from is None  # the original is not a translation

    with transaction(engine) as session:
        item = session.get_one(Item, item_id)
        [draft] = item.translations
        draft.title, draft.machine = "Séminaire à Dakar", None  # as the item page saves it
    rewritten = messages_by_channel(engine, item_id)["africa_fr"]
    assert rewritten.title == "Séminaire à Dakar"
    assert (rewritten.machine_from, rewritten.original_link) == (None, None)


def test_a_newsletter_item_drafted_by_machine_carries_the_mark_until_rewritten(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    from newsletters.compose import approve as approve_edition
    from newsletters.compose import draft_edition, load_content, set_intro, set_translation
    from newsletters.render import render_edition

    start, end = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    service = TranslationService(LibreTranslate(standin.url), engine)
    with transaction(engine) as session:
        spanish = Item(
            title="Presupuestos participativos en Canoas",
            language="es",
            status="approved",
            tags=[],
            approved_at=dt.datetime(2026, 11, 10, 9, tzinfo=dt.UTC),
            summary_text="Canoas abre su presupuesto.",
            link=ORIGINAL,
        )
        session.add(spanish)
        english = draft_edition(session, "en", start, end)
        set_intro(english, "Welcome to the November news.")
        edition = draft_edition(session, "pt", start, end, translator=service, intro_from="en")
        approve_edition(edition, "secretariat@example.org")
        marked = render_edition(load_content(session, edition))
        assert "[pt] Presupuestos participativos en Canoas" in marked.html
        assert "<em>Traduzido automaticamente do espanhol</em>" in marked.html
        assert "(Traduzido automaticamente do espanhol)" in marked.text
        intro = r"\[pt\] Welcome to the November news\.</p><p[^>]*><em>Tradução automática</em>"
        assert re.search(intro, marked.html)
        assert "\n(Tradução automática)\n" in marked.text

        set_intro(edition, "Bem-vindos às notícias de novembro.")

        set_translation(session, spanish, "pt", "Orçamento participativo em Canoas")
        rewritten = render_edition(load_content(session, edition))
        assert "Orçamento participativo em Canoas" in rewritten.html
        assert "Traduzido automaticamente" not in rewritten.html + rewritten.text
        assert "Tradução automática" not in rewritten.html + rewritten.text


def test_a_service_given_no_clock_stamps_its_cache_on_its_engine_s_clock(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    """The translation cache's rows carry the time of the clock the engine was bound to
    (the console's, a test's a year away), not the machine's, when the service is given
    no clock of its own."""
    a_year_on = NOW + dt.timedelta(days=365)
    service = TranslationService(LibreTranslate(standin.url), with_clock(engine, lambda: a_year_on))
    service.translate(["Seminario en Dakar"], "es", "fr")
    with engine.connect() as conn:
        stamps = conn.execute(select(TranslationCacheEntry.created_at)).scalars().all()
    assert [stamp.replace(tzinfo=dt.UTC) for stamp in stamps] == [a_year_on]

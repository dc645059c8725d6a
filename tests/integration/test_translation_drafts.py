"""Machine drafts where they are used: a knowledge entry's missing languages from the
console, a newsletter edition's items, an item's languages for ``translate = true``
routes; all through the real LibreTranslate client and its stand-in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from hub.core.bus.router import languages_to_translate, plan_routes
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Item, ItemTranslation, KnowledgeEntry
from hub.core.translation.drafts import draft_for_routes
from hub.core.translation.service import TranslationService
from hub.translation.libretranslate import LibreTranslate
from hub.translation.standin import LibreTranslateStandIn, serving
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    example_settings,
)

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
ADMIN, PASSWORD = "admin@example.org", "correct horse battery"


@pytest.fixture
def standin() -> Iterator[LibreTranslateStandIn]:
    with serving(LibreTranslateStandIn()) as server:
        yield server


def with_translation(settings: Settings, url: str) -> Settings:
    section = settings.translation.model_copy(update={"engine": "libretranslate", "url": url})
    return settings.model_copy(update={"translation": section, "path": "config/hub.toml"})


def test_the_faq_page_drafts_the_missing_languages_marked_translated(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    with transaction(engine) as session:
        session.add(
            KnowledgeEntry(
                id="faq-fee",
                kind="faq",
                name={"en": "Is there a membership fee?"},
                body={"en": "No: joining the IOPD is free.", "es": "No: es gratis."},
                data={"origin": "console"},
            )
        )
    add_user(engine, ADMIN, PASSWORD, role="admin", name="Ada")
    settings = with_translation(example_settings(), standin.url)
    app = console_app(settings, engine, clock=SteppingClock(NOW))
    with ConsoleClient(app) as client:
        assert client.sign_in(ADMIN, PASSWORD).status_code == 303
        form = client.get("/knowledge/faq/faq-fee").text
        assert "Draft the missing languages by machine" in form
        done = client.submit("/knowledge/faq/faq-fee", "/knowledge/faq/faq-fee/translate", {})
        assert done.status_code == 303
        shown = client.get("/knowledge/faq/faq-fee").text
    assert "machine-translated" in shown
    with transaction(engine) as session:
        entry = session.get(KnowledgeEntry, "faq-fee")
        assert entry is not None
        assert entry.name["ca"] == "[ca] Is there a membership fee?"
        assert entry.body["ca"] == "[ca] No: joining the OIDP is free."  # the glossary's form
        assert entry.body["es"] == "No: es gratis."  # what a person wrote is kept
        assert entry.name["es"] == "[es] Is there a membership fee?"
        assert entry.data["translated"] == ["ca", "es"]
        assert entry.edited_by == ADMIN


def test_the_faq_page_says_when_translation_is_off(engine: Engine) -> None:
    with transaction(engine) as session:
        session.add(KnowledgeEntry(id="faq-x", kind="faq", name={"en": "Q"}, body={"en": "A"}))
    add_user(engine, ADMIN, PASSWORD, role="admin", name="Ada")
    app = console_app(example_settings(), engine, clock=SteppingClock(NOW))
    with ConsoleClient(app) as client:
        client.sign_in(ADMIN, PASSWORD)
        assert "by machine" not in client.get("/knowledge/faq/faq-x").text
        client.submit("/knowledge/faq/faq-x", "/knowledge/faq/faq-x/translate", {})
        page = client.get("/knowledge/faq/faq-x").text
    assert "Machine translation is off" in page


def route_settings(url: str) -> Settings:
    return Settings.model_validate(
        {
            "hub": {"languages": ["en", "es", "fr"]},
            "sources": {"console": {"kind": "console", "trusted": True}},
            "channels": {
                "africa_fr": {"platform": "memory", "target": "fr", "language": "fr"},
                "latam_es": {"platform": "memory", "target": "es", "language": "es"},
            },
            "routes": [
                {"name": "Africa", "match": {"languages": ["fr"]}, "to": ["africa_fr"]},
                {"name": "Latam", "match": {"languages": ["es"]}, "to": ["latam_es"]},
            ],
            "translation": {"engine": "libretranslate", "url": url},
        }
    )


def test_translate_routes_draft_the_channels_language_and_route_only_once_it_is_there(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    settings = route_settings(standin.url)
    item = Item(title="Convocatoria abierta", summary_html="<p>Hasta el <b>lunes</b></p>")
    item.language, item.summary_text = "es", "Hasta el lunes"
    plain = [d for d in plan_routes(item, settings, None) if d.deliver]
    assert [d.channel for d in plain] == ["latam_es"]
    assert languages_to_translate(item, settings, None) == set()

    data = settings.model_dump(exclude={"secrets", "path"})
    data["routes"][0]["translate"] = True
    translating = Settings.model_validate(data)
    assert languages_to_translate(item, translating, None) == {"fr"}
    skipped = {d.channel: d.reason for d in plan_routes(item, translating, None)}
    assert skipped["africa_fr"] == "no fr translation approved (translate = true)"

    service = TranslationService(LibreTranslate(standin.url), engine)
    with transaction(engine) as session:
        session.add(item)
        session.flush()
        report = draft_for_routes(session, item, translating, service)
        assert report.drafted == [f"{item.id}:fr"]
        [draft] = item.translations
        assert (draft.language, draft.machine) == ("fr", "libretranslate")
        assert draft.title == "[fr] Convocatoria abierta"
        assert draft.summary_html == "<p>[fr] Hasta el <b>[fr] lunes</b></p>"
        routed = [d.channel for d in plan_routes(item, translating, None) if d.deliver]
        assert routed == ["africa_fr", "latam_es"]


def test_a_failed_draft_leaves_the_item_as_it_was_with_the_reason(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    standin.broken = True
    data = route_settings(standin.url).model_dump(exclude={"secrets", "path"})
    data["routes"][0]["translate"] = True
    settings = Settings.model_validate(data)
    service = TranslationService(LibreTranslate(standin.url), engine)
    with transaction(engine) as session:
        item = Item(title="Convocatoria", language="es")
        session.add(item)
        session.flush()
        report = draft_for_routes(session, item, settings, service)
        assert report.drafted == []
        assert "LibreTranslate 500" in report.untranslated[f"{item.id}:fr"]
        assert session.query(ItemTranslation).count() == 0


def test_a_portuguese_edition_drafts_its_missing_translations_marked(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    from newsletters.compose import draft_edition, set_intro

    start, end = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    at = dt.datetime(2026, 11, 10, 9, tzinfo=dt.UTC)
    service = TranslationService(LibreTranslate(standin.url), engine)
    with transaction(engine) as session:
        spanish = Item(
            title="Presupuestos participativos",
            language="es",
            status="approved",
            tags=[],
            approved_at=at,
            summary_html="<p>En <a href='https://x.org'>Canoas</a></p>",
            summary_text="En Canoas",
        )
        session.add(spanish)
        english = draft_edition(session, "en", start, end)
        set_intro(english, "Welcome to the November news.")
        portuguese = draft_edition(session, "pt", start, end, translator=service, intro_from="en")
        assert portuguese.item_order == [spanish.id]
        [draft] = spanish.translations
        assert (draft.language, draft.machine) == ("pt", "libretranslate")
        assert draft.summary_html == "<p>[pt] En <a href='https://x.org'>[pt] Canoas</a></p>"
        assert portuguese.intro == "[pt] Welcome to the November news."
        assert portuguese.report["machine_translated"] == [f"{spanish.id}:pt", "intro:pt"]
        french = draft_edition(session, "fr", start, end)  # no translator: nothing drafted
        assert french.item_order == [] and french.intro == ""


def test_waiting_items_get_drafts_the_moderator_sees_and_may_refuse(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    from hub.core.translation.drafts import draft_pending

    data = route_settings(standin.url).model_dump(exclude={"secrets", "path"})
    data["routes"][0]["translate"] = True
    settings = Settings.model_validate({**data, "secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY}})
    with transaction(engine) as session:
        waiting = Item(title="Convocatoria abierta", language="es", status="pending")
        done = Item(title="Ya aprobada", language="es", status="approved")
        session.add_all([waiting, done])
        session.flush()
        waiting_id, done_id = waiting.id, done.id
    service = TranslationService(LibreTranslate(standin.url), engine)
    report = draft_pending(engine, settings, service)
    assert report.drafted == [f"{waiting_id}:fr"]  # an approved item is not drafted
    assert draft_pending(engine, settings, service).drafted == []  # once is enough

    add_user(engine, ADMIN, PASSWORD, role="admin", name="Ada")
    app = console_app(settings, engine, clock=SteppingClock(NOW))
    with ConsoleClient(app) as client:
        client.sign_in(ADMIN, PASSWORD)
        card = client.get("/moderation").text
        assert "[fr] Convocatoria abierta" in card and "machine-translated (libretranslate)" in card
        action = f"/items/{waiting_id}/translations/fr/refuse"
        assert client.submit("/moderation", action, {"back": "/moderation"}).status_code == 303
        assert "[fr] Convocatoria abierta" not in client.get("/moderation").text
        again = client.submit("/moderation", f"/items/{done_id}/translations/fr/refuse", {})
        assert again.status_code == 303
    with transaction(engine) as session:
        assert session.query(ItemTranslation).count() == 0


def test_the_item_page_marks_a_machine_draft_until_a_person_rewrites_it(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    data = route_settings(standin.url).model_dump(exclude={"secrets", "path"})
    data["routes"][0]["translate"] = True
    settings = Settings.model_validate({**data, "secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY}})
    service = TranslationService(LibreTranslate(standin.url), engine)
    with transaction(engine) as session:
        item = Item(title="Convocatoria abierta", language="es", status="pending")
        session.add(item)
        session.flush()
        draft_for_routes(session, item, settings, service)
        item_id = item.id
    add_user(engine, ADMIN, PASSWORD, role="admin", name="Ada")
    app = console_app(settings, engine, clock=SteppingClock(NOW))
    page = f"/items/{item_id}"
    with ConsoleClient(app) as client:
        client.sign_in(ADMIN, PASSWORD)
        assert "machine-translated (libretranslate)" in client.get(page).text
        written = {"language": "fr", "title": "Appel ouvert", "summary": "Jusqu'à lundi"}
        assert client.submit(page, f"{page}/translations", written).status_code == 303
        shown = client.get(page).text
    assert "Appel ouvert" in shown and "machine-translated" not in shown
    with transaction(engine) as session:
        [translation] = session.query(ItemTranslation).all()
        assert (translation.title, translation.machine) == ("Appel ouvert", None)


def test_the_poller_role_drafts_what_waiting_items_need(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    import asyncio

    from hub.runner import HubProcess

    data = route_settings(standin.url).model_dump(exclude={"secrets", "path"})
    data["routes"][0]["translate"] = True
    settings = Settings.model_validate(data)
    with transaction(engine) as session:
        session.add(Item(title="Convocatoria", language="es", status="pending"))
    process = HubProcess(settings, engine, {"poller"}, drafts_interval=0.05)

    async def until_drafted() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(process._translation_drafts(stop))
        for _ in range(400):
            with transaction(engine) as session:
                if session.query(ItemTranslation).count():
                    break
            await asyncio.sleep(0.05)
        stop.set()
        await task

    asyncio.run(until_drafted())
    with transaction(engine) as session:
        [draft] = session.query(ItemTranslation).all()
        assert (draft.language, draft.title, draft.machine) == (
            "fr",
            "[fr] Convocatoria",
            "libretranslate",
        )

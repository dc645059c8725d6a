"""A real headless Chromium on the Knowledge pages' record form (offices and the other
entries, new this round): an editor drafts an office's missing languages by machine (the
LibreTranslate stand-in), sees them marked machine-translated in the form, rewrites one
and saves; the list then marks only the languages no person wrote."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import browser_page, needs_chromium, screenshot, serve, sign_in
from playwright.sync_api import expect
from sqlalchemy import Engine

from hub.core.db import transaction
from hub.core.models import KnowledgeEntry
from hub.translation.standin import LibreTranslateStandIn, serving
from hub.web.testing import add_user, console_app, example_settings

EMAIL, PASSWORD = "eli@example.org", "correct horse battery"

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture
def console_url(sqlite_engine: Engine) -> Iterator[str]:
    with transaction(sqlite_engine) as session:
        session.add(
            KnowledgeEntry(
                id="office-africa",
                kind="office",
                name={"en": "Regional office for Africa"},
                body={"en": "The regional office for Africa is in Dakar."},
                data={"origin": "console"},
            )
        )
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Eli", role="editor")
    settings = example_settings()
    with serving(LibreTranslateStandIn()) as standin:
        section = settings.translation.model_copy(
            update={"engine": "libretranslate", "url": standin.url}
        )
        hub = settings.hub.model_copy(update={"languages": ["en", "es", "fr", "ca", "pt"]})
        settings = settings.model_copy(
            update={"translation": section, "hub": hub, "path": "config/hub.toml"}
        )
        with serve(console_app(settings, sqlite_engine)) as url:
            yield url


def test_an_editor_drafts_an_office_s_languages_and_rewrites_one(console_url: str) -> None:
    with browser_page() as page:
        sign_in(page, console_url, EMAIL, PASSWORD)
        page.goto(f"{console_url}/knowledge")
        records = page.locator("#records-heading + table")
        expect(records).to_contain_text("Regional office for Africa")
        records.get_by_role("link", name="Edit office-africa").click()
        draft = page.get_by_role("button", name="Draft the missing languages by machine")
        expect(draft).to_be_visible()  # a click does not wait for the page it loads
        draft.click()
        expect(page.locator(".flash").first).to_contain_text("Machine-translated drafts")
        expect(page.locator("#question_pt")).to_have_value("[pt] Regional office for Africa")
        expect(page.locator("legend .badge")).to_have_count(4)  # es, fr, ca, pt
        screenshot(page, "knowledge-entry-machine-drafts")
        page.locator("#question_fr").fill("Bureau régional pour l'Afrique")
        page.locator("#answer_fr").fill("Le bureau régional pour l'Afrique est à Dakar.")
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(f"{console_url}/knowledge")
        row = page.locator("#records-heading + table tbody tr")
        expect(row).to_contain_text("ca, es, pt")  # French is the editor's own now
        expect(row).to_contain_text("ca, en, es, fr, pt")

"""A real headless Chromium imports members from a CSV file, erases one, and a member saves
their own preferences through their signed link."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import browser_page, needs_chromium, screenshot, serve, sign_in
from playwright.sync_api import expect
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Member
from hub.web.testing import add_user, console_app, example_settings

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
CSV = (
    "\ufefforganisation,contact_name,email,language,country,member_type,topics\n"
    "Ajuntament de Girona,Ana Puig,ana@girona.cat,ca,ES,city,climate;youth\n"
    "Ville de Grigny,Zoé Martin,zoe@grigny.fr,fr,FR,city,\n"
    "Prefeitura de Porto Alegre,Rui,rui@poa.br,es,BR,city,participatory-budgeting\n"
).encode()

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture
def console_url(sqlite_engine: Engine) -> Iterator[str]:
    settings = example_settings()
    with transaction(sqlite_engine) as session:
        sync_config(session, settings)
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Ana Puig", role="admin")
    with serve(console_app(settings, sqlite_engine)) as url:
        yield url


def test_import_a_csv_then_erase_a_member(console_url: str, sqlite_engine: Engine) -> None:
    with browser_page() as page:
        sign_in(page, console_url, EMAIL, PASSWORD)
        page.get_by_role("link", name="Members", exact=True).click()
        page.wait_for_url(f"{console_url}/members")
        page.get_by_label("CSV file").set_input_files(
            {"name": "members.csv", "mimeType": "text/csv", "buffer": CSV}
        )
        page.get_by_role("button", name="Import").click()
        page.wait_for_url(f"{console_url}/members/import")
        counts = page.locator(".import-counts").inner_text()
        assert "2\ncreated" in counts and "1\nrefused" in counts, counts
        refused = page.locator(".refused-rows").inner_text()
        assert "Line 3: the language “fr” is not one of en, es, ca." in refused

        page.get_by_role("link", name="Back to the members").click()
        page.get_by_label("Search").fill("girona")
        page.get_by_role("button", name="Filter").click()
        expect(page.locator("table.members tbody tr")).to_have_count(1)  # after the page loads
        screenshot(page, "members")

        page.get_by_role("link", name="Ajuntament de Girona").click()
        assert page.get_by_label("climate").is_checked()
        link = page.get_by_label("A personal link, valid for 90 days")
        assert link.input_value().startswith(f"{console_url}/preferences/")
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.get_by_role("button", name="Copy the link").click()  # shown by copy.js
        page.get_by_role("button", name="Copied").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == link.input_value()
        page.get_by_role("link", name="Erase their data…").click()
        page.get_by_role("button", name="Erase").click()  # the browser asks for the tick first
        assert "/erase" in page.url
        page.get_by_label("The member asked for their data to be erased.").check()
        page.get_by_role("button", name="Erase").click()
        assert "personal data was erased" in page.locator(".flash").inner_text()
        screenshot(page, "member-erased")

    with transaction(sqlite_engine) as session:
        girona = session.scalars(
            select(Member).where(Member.organisation == "Ajuntament de Girona")
        ).one()
        assert girona.email is None and girona.erased_at is not None
        assert session.scalars(select(Member.email).where(Member.email == "rui@poa.br")).one()


def test_a_member_saves_their_preferences(console_url: str, sqlite_engine: Engine) -> None:
    with transaction(sqlite_engine) as session:
        member = Member(
            organisation="Ajuntament de Girona",
            email="ana@girona.cat",
            language="es",
            topics=["climate"],
        )
        session.add(member)
        session.flush()
        member_id = member.id
    with browser_page(width=390, height=844) as page:
        sign_in(page, console_url, EMAIL, PASSWORD)
        page.goto(f"{console_url}/members/{member_id}")
        link = page.get_by_label("A personal link, valid for 90 days").input_value()
        page.context.clear_cookies()  # the member is not signed in to the console
        page.goto(link)
        assert page.locator("html").get_attribute("lang") == "es"
        page.get_by_label("Juventud").check()  # the topic by its name, in Spanish
        assert page.get_by_label("Telegram").is_checked()  # no choice yet: every channel
        page.get_by_label("Slack").uncheck()
        page.get_by_role("button").last.click()
        expect(page.locator(".flash")).to_have_count(1)  # a click does not wait for the page
        screenshot(page, "preferences")
    with transaction(sqlite_engine) as session:
        saved = session.get(Member, member_id)
        assert saved is not None and saved.topics == ["climate", "youth"]
        assert saved.channels == ["telegram"] and saved.last_seen_at is not None

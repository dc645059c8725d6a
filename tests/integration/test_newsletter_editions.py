"""Editions from the database, pushed end to end to the Mailchimp stand-in, and through the CLI."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from hub.cli import _register
from hub.cli.app import Runtime, app
from hub.core.config.settings import load_settings
from hub.core.models import (
    Award,
    AwardStep,
    Event,
    Item,
    ItemTranslation,
    Member,
    NewsletterEdition,
    Source,
)
from newsletters.compose import approve, draft_edition, load_content, set_translation
from newsletters.errors import NotApproved
from newsletters.mailchimp import MailchimpAccount
from newsletters.publish import (
    draft_scheduled,
    import_members_csv,
    previous_period,
    pull_report,
    push_edition,
)
from newsletters.standin import MailchimpStandIn
from newsletters.standin_state import subscriber_hash

START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)


def at(day: int, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, 10, tzinfo=dt.UTC)


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn() as server:
        yield server


def seed(engine: Engine) -> dict[str, int]:
    """A month of items: in and out of the period, approved or not, in several languages."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        city = Member(
            organisation="Ajuntament de Girona",
            email="girona@example.org",
            language="ca",
            topics=[],
        )
        session.add(city)
        session.flush()
        member_feed = Source(key="girona_feed", kind="feed", member_id=city.id)
        network_feed = Source(key="website_news", kind="feed")
        session.add_all([member_feed, network_feed])
        session.flush()

        def add(title: str, **fields: object) -> Item:
            values: dict[str, object] = {
                "status": "approved",
                "language": "en",
                "tags": [],
                "published_at": at(10),
                "approved_at": at(10),
            }
            values.update(fields)
            made = Item(title=title, link=f"https://oidp.net/{title}", **values)
            session.add(made)
            return made

        items = {
            "network": add("network", source_id=network_feed.id, published_at=at(20)),
            "member_feed": add("member_feed", source_id=member_feed.id),
            "member_form": add("member_form", member_id=city.id, published_at=at(5)),
            "publication": add("publication", tags=["publication"]),
            "spanish": add("spanish", language="es"),
            "pending": add("pending", status="pending"),
            "october": add("october", published_at=at(20, 10), approved_at=at(21, 10)),
        }
        session.flush()
        items["spanish"].translations.append(
            ItemTranslation(language="en", title="Spanish, in English", summary_html="<p>t</p>")
        )
        session.add_all(
            [
                Event(
                    id="soon",
                    kind="conference",
                    name={"en": "Conference"},
                    starts_on=dt.date(2027, 1, 20),
                ),
                Event(
                    id="later",
                    kind="seminar",
                    name={"en": "Too far"},
                    starts_on=dt.date(2027, 6, 1),
                ),
                Event(
                    id="past", kind="seminar", name={"en": "Past"}, starts_on=dt.date(2026, 11, 5)
                ),
            ]
        )
        award = Award(id="aw2026", name={"en": "Distinction"}, url="https://oidp.net/award")
        award.steps = [
            AwardStep(
                step="call",
                starts_on=dt.date(2026, 11, 15),
                ends_on=dt.date(2027, 1, 15),
                description={"en": "call open"},
            ),
            AwardStep(step="results", starts_on=dt.date(2027, 9, 1), description={"en": "results"}),
        ]
        session.add(award)
    return {key: item.id for key, item in items.items()}


def test_a_draft_takes_the_periods_approved_items_in_its_language_grouped_in_sections(engine):
    ids = seed(engine)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        english = draft_edition(session, "en", START, END)
        spanish = draft_edition(session, "es", START, END)
        content = load_content(session, english)
    assert set(english.item_order) == {
        ids[k] for k in ("network", "member_feed", "member_form", "publication", "spanish")
    }
    assert spanish.item_order == [ids["spanish"]]
    sections = {s.key: [e.title for e in s.entries] for s in content.sections}
    assert sections["members"] == ["member_feed", "member_form"]  # newest first
    assert sections["network"] == ["network", "Spanish, in English"]
    assert sections["publications"] == ["publication"]
    assert sections["events"] == ["Conference"]
    assert sections["awards"] == ["Distinction: call open"]


def test_a_redraft_keeps_the_secretariats_order_and_adds_new_items(engine):
    ids = seed(engine)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        edition = draft_edition(session, "en", START, END)
        edition.item_order = list(reversed(edition.item_order))[:-1]
        kept = list(edition.item_order)
        catalan = session.get(Item, ids["member_form"])
        assert catalan is not None
        set_translation(session, catalan, "fr", "Girona, en français")
        newer = Item(
            title="late news", language="en", status="approved", tags=[], approved_at=at(29)
        )
        session.add(newer)
        session.flush()
        again = draft_edition(session, "en", START, END)
        french = draft_edition(session, "fr", START, END)
    assert again.id == edition.id
    assert again.item_order[: len(kept)] == kept
    assert again.item_order[len(kept) :] == sorted(
        set(again.item_order) - set(kept), key=again.item_order.index
    )
    assert newer.id in again.item_order
    assert french.item_order == [ids["member_form"]]


def test_an_approved_edition_is_pushed_once_tested_sent_once_and_reported(engine, standin):
    seed(engine)
    standin.state.add_subscriber("reader@example.org", LANGUAGE="en")  # Mailchimp sends to someone
    account = MailchimpAccount(standin.api_key, standin.base_url, standin.list_id)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        edition_id = draft_edition(session, "en", START, END).id
    with pytest.raises(NotApproved):
        push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    assert standin.received == []
    with Session(engine, expire_on_commit=False) as session, session.begin():
        edition = session.get(NewsletterEdition, edition_id)
        assert edition is not None
        approve(edition, "secretariat@oidp.net")

    first = push_edition(
        engine, edition_id, account, now=NOW, network="IOPD", test_to=["ana@oidp.net"]
    )
    again = push_edition(engine, edition_id, account, now=NOW, network="IOPD", send_now=True)
    assert first.created and not again.created and first.campaign_id == again.campaign_id
    assert list(standin.state.campaigns) == [first.campaign_id]
    assert first.tested == ["ana@oidp.net"] and again.sent is True
    assert standin.state.sends == [first.campaign_id]
    html = standin.state.contents[first.campaign_id]["html"]
    assert "utm_campaign=newsletter-2026-11-en" in html and "*|UNSUB|*" in html

    report = pull_report(engine, edition_id, account, NOW)
    with Session(engine) as session:
        stored = session.get(NewsletterEdition, edition_id)
        assert stored is not None
        assert stored.status == "sent" and stored.mailchimp_campaign_id == first.campaign_id
        assert stored.report == report and report["campaign_id"] == first.campaign_id


def test_members_are_imported_from_a_csv_with_bad_rows_reported(engine, tmp_path: Path):
    sheet = tmp_path / "members.csv"
    sheet.write_text(
        "organisation,contact_name,email,language,country,region,member_type,topics\n"
        "Ajuntament de Girona,Anna,anna@girona.cat,ca,es,europe,city,youth;budget\n"
        "No email,,,,,,,\n"
        "Prefeitura,Joao,joao@poa.br,xx,br,,,\n",
        encoding="utf-8",
    )
    report = import_members_csv(engine, sheet, ["en", "es", "ca", "pt"])
    assert (report.created, report.updated, len(report.problems)) == (1, 0, 2)
    assert ":3:" in report.problems[0] and "'xx'" in report.problems[1]
    again = import_members_csv(engine, sheet, ["en", "es", "ca", "pt"])
    assert (again.created, again.updated) == (0, 1)
    with Session(engine) as session:
        anna = session.scalars(select(Member)).one()
    assert (anna.language, anna.country, anna.topics) == ("ca", "ES", ["youth", "budget"])


CONFIG = """
[hub]
name = "IOPD"
timezone = "Europe/Madrid"
languages = ["en", "es", "fr", "ca", "pt"]
public_url = "https://hub.oidp.net"

[channels.newsletter]
platform = "mailchimp"
target = "{list_id}"
base_url = "{base_url}"
token_env = "MAILCHIMP_API_KEY"
enabled = false
"""


@pytest.fixture
def hub_cli(engine, standin, tmp_path, monkeypatch) -> Callable[..., Result]:
    """Runs ``hub --config <a config pointing at the stand-in> ... --database-url <engine>``."""
    _register()
    config = tmp_path / "hub.toml"
    config.write_text(CONFIG.format(list_id=standin.list_id, base_url=standin.base_url))
    monkeypatch.setenv("MAILCHIMP_API_KEY", standin.api_key)
    url = engine.url.render_as_string(hide_password=False)
    runner = CliRunner()
    runtimes: list[Runtime] = []

    class DisposableRuntime(Runtime):
        """Each command's runtime, kept so its engine is closed as a process exit would."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            runtimes.append(self)

    monkeypatch.setattr(sys.modules["hub.cli.app"], "Runtime", DisposableRuntime)

    def invoke(*args: str) -> Result:
        try:
            return runner.invoke(
                app,
                ["--config", str(config), *args, "--database-url", url],
                catch_exceptions=False,
            )
        finally:
            for runtime in runtimes:
                if runtime._engine is not None:
                    runtime._engine.dispose()

    return invoke


def test_the_cli_drafts_builds_approves_and_pushes(engine, standin, hub_cli, tmp_path):
    seed(engine)

    def hub(*args: str) -> str:
        result = hub_cli(*args)
        assert result.exit_code == 0, result.output
        return result.output

    drafted = hub(
        "newsletter",
        "draft",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--lang",
        "en",
    )
    edition_id = drafted.split()[1]
    built = hub("newsletter", "build", edition_id, "--out", str(tmp_path / "out"))
    assert "KB" in built and (tmp_path / "out" / "edition.txt").read_text().startswith("IOPD")
    refused = hub_cli("newsletter", "push", edition_id)
    assert refused.exit_code == 1 and "approve it first" in refused.output
    hub("newsletter", "approve", edition_id, "--by", "anna")
    pushed = hub(
        "newsletter",
        "push",
        edition_id,
        "--test-to",
        "anna@oidp.net",
        "--schedule",
        "2031-01-05T09:30",
    )
    assert (
        "created" in pushed and "test sent" in pushed and "scheduled for 2031-01-05T08:30" in pushed
    )
    assert len(standin.state.campaigns) == 1


def test_the_cli_builds_a_demo_edition_without_a_database(tmp_path):
    _register()
    result = CliRunner().invoke(
        app,
        ["newsletter", "build", "--demo", "--lang", "ca", "--out", str(tmp_path)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / "edition.html").read_text(encoding="utf-8")
    assert "Notícies dels membres" in html and "*|UNSUB|*" in html
    assert "NOTÍCIES DELS MEMBRES" in (tmp_path / "edition.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("today", "period", "expected"),
    [
        (dt.date(2026, 12, 1), "month", (dt.date(2026, 11, 1), dt.date(2026, 11, 30))),
        (dt.date(2027, 1, 15), "month", (dt.date(2026, 12, 1), dt.date(2026, 12, 31))),
        (dt.date(2026, 11, 25), "week", (dt.date(2026, 11, 16), dt.date(2026, 11, 22))),
        (dt.date(2026, 11, 25), "day", (dt.date(2026, 11, 24), dt.date(2026, 11, 24))),
    ],
)
def test_the_scheduled_draft_covers_the_period_just_ended(today, period, expected):
    assert previous_period(today, period) == expected


def test_the_schedule_drafts_one_edition_per_language_of_the_deployment(engine, tmp_path):
    seed(engine)
    config = tmp_path / "hub.toml"
    config.write_text(CONFIG.format(list_id="l1", base_url="http://127.0.0.1:9/3.0"))
    settings = load_settings(config, {})
    december_already_in_madrid = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    editions = draft_scheduled(engine, settings, december_already_in_madrid)
    assert [e.language for e in editions] == ["en", "es", "fr", "ca", "pt"]
    assert {(e.period_start, e.period_end, e.status) for e in editions} == {(START, END, "draft")}
    assert editions[0].subject == "IOPD newsletter, November 2026"
    assert [len(e.item_order) for e in editions] == [5, 1, 0, 0, 0]


def test_the_cli_imports_members_syncs_them_and_pulls_unsubscribes(hub_cli, standin, tmp_path):
    sheet = tmp_path / "members.csv"
    sheet.write_text(
        "organisation,contact_name,email,language\n"
        + "".join(f"City {i},Contact {i},c{i}@example.org,es\n" for i in range(1, 13)),
        encoding="utf-8",
    )
    imported = hub_cli("members", "import", str(sheet))
    assert imported.exit_code == 0 and "12 created" in imported.output
    synced = hub_cli("members", "sync")
    assert synced.exit_code == 0, synced.output
    assert "12 members sent in 1 batches (24 operations)" in synced.output
    assert "members synced" in synced.output  # the progress bar
    standin.state.members[subscriber_hash("c5@example.org")]["status"] = "unsubscribed"
    pulled = hub_cli("members", "pull")
    assert pulled.exit_code == 0 and "12 changes read from Mailchimp, 12 members updated" in (
        pulled.output
    )
    again = hub_cli("members", "sync")
    assert "11 members sent" in again.output and "1 left out" in again.output
    assert standin.state.members[subscriber_hash("c5@example.org")]["status"] == "unsubscribed"
    overlapping = hub_cli("members", "pull")  # reads the last minutes again, changes nothing
    assert "12 changes read from Mailchimp, 0 members updated" in overlapping.output


def test_the_cli_edits_an_edition_and_translates_an_item(engine, hub_cli, tmp_path):
    ids = seed(engine)
    hub_cli("newsletter", "draft", "--from", "2026-11-01", "--to", "2026-11-30")
    with Session(engine) as session:
        english = session.scalars(
            select(NewsletterEdition).where(NewsletterEdition.language == "en")
        ).one()
    order = f"{ids['spanish']},{ids['network']}"  # both in the network section
    edited = hub_cli(
        "newsletter",
        "edit",
        str(english.id),
        "--intro",
        "Dear members,\n\nhello.",
        "--subject",
        "November",
        "--order",
        order,
    )
    assert edited.exit_code == 0 and "2 items" in edited.output
    translated = hub_cli(
        "newsletter",
        "translate",
        str(ids["network"]),
        "--lang",
        "fr",
        "--title",
        "Le réseau",
        "--summary",
        "En bref.",
    )
    assert translated.exit_code == 0, translated.output
    unknown = hub_cli("newsletter", "translate", "9999", "--lang", "fr", "--title", "x")
    assert unknown.exit_code == 1 and "no item with id 9999" in unknown.output
    hub_cli("newsletter", "draft", "--from", "2026-11-01", "--to", "2026-11-30", "--lang", "fr")
    built = hub_cli("newsletter", "build", str(english.id), "--out", str(tmp_path / "en"))
    assert built.exit_code == 0
    html = (tmp_path / "en" / "edition.html").read_text(encoding="utf-8")
    assert "hello." in html and html.index("/spanish?") < html.index("/network?")
    assert "/publication?" not in html  # left out of the order
    with Session(engine) as session:
        french = session.scalars(
            select(NewsletterEdition).where(NewsletterEdition.language == "fr")
        ).one()
        stored = session.get(NewsletterEdition, english.id)
        assert stored is not None and stored.subject == "November"
    assert french.item_order == [ids["network"]]
    fr_built = hub_cli("newsletter", "build", str(french.id), "--out", str(tmp_path / "fr"))
    assert fr_built.exit_code == 0
    assert "Le réseau" in (tmp_path / "fr" / "edition.txt").read_text(encoding="utf-8")

"""A Spanish edition, drafted and pushed to the Mailchimp stand-in, comes from the OIDP:
its subject, its sender's name and its footer name the network as Spanish readers know it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from hub.core.config.settings import load_settings
from hub.core.models import Item, NewsletterEdition
from newsletters.compose import approve
from newsletters.mailchimp import MailchimpAccount
from newsletters.publish import draft_editions, push_edition
from newsletters.standin import MailchimpStandIn

EXAMPLE = Path(__file__).parents[2] / "config" / "hub.toml"
SECRETS = {"SLACK_BOT_TOKEN": "xoxb-test", "TELEGRAM_BOT_TOKEN": "1:test"}
START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn() as server:
        yield server


def test_a_spanish_edition_is_the_oidps_and_an_english_one_the_iopds(
    engine: Engine, standin: MailchimpStandIn
) -> None:
    names = load_settings(EXAMPLE, SECRETS).hub.network_names()
    with Session(engine, expire_on_commit=False) as session, session.begin():
        for language, title in (("es", "Presupuestos en Girona"), ("en", "Budgets in Girona")):
            session.add(
                Item(
                    title=title,
                    language=language,
                    status="approved",
                    tags=[],
                    approved_at=dt.datetime(2026, 11, 10, tzinfo=dt.UTC),
                )
            )
    editions = {e.language: e for e in draft_editions(engine, START, END, ["es", "en"], names)}
    assert editions["es"].subject == "Boletín de OIDP, noviembre de 2026"
    assert editions["en"].subject == "IOPD newsletter, November 2026"
    account = MailchimpAccount(standin.api_key, standin.base_url, standin.list_id, from_name="?")
    sent = {}
    for language, drafted in editions.items():
        with Session(engine, expire_on_commit=False) as session, session.begin():
            stored = session.get(NewsletterEdition, drafted.id)
            assert stored is not None
            approve(stored, "secretariat@oidp.net")
        sent[language] = push_edition(engine, drafted.id, account, now=NOW, network=names)
    spanish = standin.state.campaigns[sent["es"].campaign_id]["settings"]
    english = standin.state.campaigns[sent["en"].campaign_id]["settings"]
    assert (spanish["from_name"], english["from_name"]) == ("OIDP", "IOPD")
    assert spanish["subject_line"] == "Boletín de OIDP, noviembre de 2026"
    assert spanish["preview_text"].startswith("1 noticia de la red")
    html = standin.state.contents[sent["es"].campaign_id]["html"]
    assert "miembro de OIDP" in html and "IOPD" not in html

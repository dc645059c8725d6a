"""The item page lists the newsletter editions carrying the item and what became of each
copy: a sent e-mail cannot be recalled. A deployment written as hub.toml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from hub.core.config.catalog import sync_config
from hub.core.config.settings import load_settings
from hub.core.db import transaction
from hub.core.models import Item, NewsletterEdition
from hub.web.testing import TEST_SECRET_KEY, ConsoleClient, SteppingClock, add_user, console_app

HUB_TOML = """
[hub]
languages = ["en", "es"]

[sources.console]
kind = "console"
trusted = true

[channels.newsletter]
platform = "mailchimp"
target = "a1b2c3"
token_env = "MAILCHIMP_API_KEY"
enabled = false
"""


def test_sent_and_pending_newsletter_copies_are_listed(engine: Engine, tmp_path: Path) -> None:
    config = tmp_path / "hub.toml"
    config.write_text(HUB_TOML, encoding="utf-8")
    settings = load_settings(config, {"HUB_SECRET_KEY": TEST_SECRET_KEY})
    day = dt.date(2026, 11, 1)
    with transaction(engine) as session:
        sync_config(session, settings)
        item = Item(title="Award call opens", language="en", status="retracted")
        other = Item(title="Another story", language="en", status="approved")
        session.add_all([item, other])
        session.flush()
        session.add_all(
            [
                NewsletterEdition(
                    language="en",
                    period_start=day,
                    period_end=day + dt.timedelta(days=29),
                    status="sent",
                    item_order=[other.id, item.id],
                    mailchimp_campaign_id="c1",
                    sent_at=dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC),
                ),
                NewsletterEdition(
                    language="es",
                    period_start=day,
                    period_end=day + dt.timedelta(days=29),
                    status="scheduled",
                    item_order=[item.id],
                    mailchimp_campaign_id="c2",
                ),
                NewsletterEdition(
                    language="en",
                    period_start=day,
                    period_end=day,
                    item_order=[other.id],
                ),
            ]
        )
        item_id, other_id = item.id, other.id
    add_user(engine, "editor@example.org", "correct horse battery")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        client.sign_in("editor@example.org", "correct horse battery")
        page = client.get(f"/items/{item_id}").text
        section = page.split('id="newsletter-copies"', 1)[1].split("</section>", 1)[0]
        assert section.count("<li>") == 2
        assert "sent 2026-12-01: an e-mail cannot be recalled" in section
        assert "the item is left out when the edition is pushed again" in section
        others = client.get(f"/items/{other_id}").text
        assert others.count("an e-mail cannot be recalled") == 1
        assert "in the draft, not in Mailchimp yet" in others

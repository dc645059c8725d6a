"""Moderation and the item page show an item as each platform will show it, for every
channel the routes choose, in the channel's language, sanitised. A deployment written
as hub.toml."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import load_settings
from hub.core.db import transaction
from hub.core.models import Item, ItemTranslation, Source
from hub.web.testing import TEST_SECRET_KEY, ConsoleClient, SteppingClock, add_user, console_app

HUB_TOML = """
[hub]
languages = ["en", "fr"]
timezone = "Europe/Madrid"

[sources.web_form]
kind = "web"

[channels.slack_news]
platform = "slack"
title = "#iopd-news"
target = "C0NEWS"

[channels.slack_roundups]
platform = "slack"
title = "#iopd-roundups"
target = "C0ROUND"
mode = "digest"

[channels.telegram_africa_fr]
platform = "telegram"
title = "Plateforme africaine"
target = "@oidp_afrique"
language = "fr"

[channels.mastodon]
platform = "mastodon"
title = "@oidp@social.coop"
target = "oidp"
base_url = "https://social.coop"

[[routes]]
name = "Member news"
match = { sources = ["web_form"] }
to = ["slack_news", "slack_roundups", "telegram_africa_fr"]

[[routes]]
name = "Awards on social media"
match = { tags = ["award"] }
to = ["mastodon"]
"""
EDITOR, PASSWORD = "editor@example.org", "correct horse battery"


def test_each_platform_s_post_is_shown_before_approval(engine: Engine, tmp_path: Path) -> None:
    config = tmp_path / "hub.toml"
    config.write_text(HUB_TOML, encoding="utf-8")
    settings = load_settings(config, {"HUB_SECRET_KEY": TEST_SECRET_KEY})
    with transaction(engine) as session:
        sync_config(session, settings)
        source_id = session.scalar(select(Source.id).where(Source.key == "web_form"))
        item = Item(
            source_id=source_id,
            title="Award call <script>alert(1)</script> opens",
            summary_text="Cities can apply until March.",
            summary_html="<p>Cities can apply <b>until March</b>.</p>",
            link="https://oidp.example/award",
            language="en",
            tags=["award"],
            status="pending",
        )
        session.add(item)
        session.flush()
        session.add(
            ItemTranslation(
                item_id=item.id,
                language="fr",
                title="L'appel du prix est ouvert",
                summary_text="Les villes postulent jusqu'en mars.",
                summary_html="<p>Les villes postulent jusqu'en mars.</p>",
            )
        )
        item_id = item.id
    add_user(engine, EDITOR, PASSWORD)
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        client.sign_in(EDITOR, PASSWORD)
        for url in ("/moderation", f"/items/{item_id}"):
            page = client.get(url).text
            section = page.split('class="platform-previews"', 1)[1].split("</details>", 1)[0]
            slack, roundups, telegram, mastodon = section.split('class="platform-preview ')[1:]
            assert slack.startswith("platform-slack") and "#iopd-news" in slack
            assert "<b>Award call" in slack  # Slack's header block, in bold
            assert "until March" in slack
            assert "Held for the roundup" in roundups
            assert telegram.startswith("platform-telegram") and "Plateforme africaine" in telegram
            assert "L&#39;appel du prix est ouvert" in telegram or "L'appel du prix" in telegram
            assert "Award call" not in telegram  # the French channel's own language
            assert mastodon.startswith("platform-mastodon")
            assert 'href="https://oidp.example/award"' in mastodon  # the status links the URL
            assert "<script>" not in section

"""hub demo's newsletter step: editions drafted, approved, pushed and test-sent to the stand-in."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy.orm import Session

from hub.core.config.settings import load_settings
from hub.core.errors import BadPayload
from hub.core.models import Item, ItemTranslation
from hub.core.ports import ChannelInfo, Message
from newsletters.demo_standin import MailchimpDemoStandIn
from newsletters.publish import newsletter_demo
from newsletters.sink import mailchimp_sink

NOW = dt.datetime(2026, 11, 22, 18, tzinfo=dt.UTC)

CONFIG = """
[hub]
name = "IOPD"
timezone = "Europe/Madrid"
languages = ["en", "es", "fr"]

[channels.newsletter]
platform = "mailchimp"
target = "a1b2c3d4e5"
base_url = "{base_url}"
token_env = "MAILCHIMP_API_KEY"
"""


def test_the_demo_pushes_one_campaign_per_language_with_items_and_sends_tests(engine, tmp_path):
    with Session(engine) as session, session.begin():
        for index, language in enumerate(("en", "es", "en")):
            item = Item(
                title=f"News {index}",
                language=language,
                status="approved",
                tags=[],
                link=f"https://oidp.net/{index}",
                approved_at=NOW - dt.timedelta(days=2),
            )
            if language == "es":
                item.translations.append(ItemTranslation(language="en", title="News in English"))
            session.add(item)
    standin = MailchimpDemoStandIn()
    asyncio.run(standin.start())
    try:
        config = tmp_path / "hub.toml"
        config.write_text(CONFIG.format(base_url=standin.url))
        settings = load_settings(config, {"MAILCHIMP_API_KEY": standin.secret()})
        standin.prepare(ChannelInfo("newsletter", "mailchimp", "a1b2c3d4e5"))

        lines = newsletter_demo(engine, settings, NOW)
        again = newsletter_demo(engine, settings, NOW)

        assert [line.split(":")[0] for line in lines] == [
            "newsletter [en] edition 1",
            "newsletter [es] edition 2",
            "newsletter [fr] edition 3",
        ]
        assert "3 items" in lines[0] and "1 items" in lines[1] and "not pushed" in lines[2]
        assert again[:2] == lines[:2]  # pushed again: the same campaigns, updated
        posts = standin.posts()
        assert len(posts) == 2 and all(post.html.startswith("<!DOCTYPE html>") for post in posts)
        assert {m["channel"] for m in standin.messages()} == {"a1b2c3d4e5 (save)"}
        assert len(standin.server.state.tests) == 4
        assert any(r.method == "PUT" and r.path.endswith("/content") for r in standin.received)
    finally:
        asyncio.run(standin.close())


def test_the_mailchimp_sink_refuses_single_items_and_says_why():
    sink = mailchimp_sink(ChannelInfo("newsletter", "mailchimp", "a1b2c3d4e5"), None)
    with pytest.raises(BadPayload, match="newsletter editions"):
        asyncio.run(sink.send(Message(delivery_id=1, kind="item", title="x")))
    assert sink.rate_limits(Message(delivery_id=1, kind="item", title="x")) == []

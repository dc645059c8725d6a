"""The members' web form keeps the address given, links the member it belongs to, and that
member is told of the secretariat's decision on the chat platform they follow the network on
(the hub sends no e-mail of its own). A deployment written as hub.toml."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import load_settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item, ItemOrigin, Member
from hub.web.testing import TEST_SECRET_KEY, ConsoleClient, SteppingClock, add_user, console_app

HUB_TOML = """
[hub]
languages = ["en", "es", "pt"]
timezone = "Europe/Madrid"

[sources.web_form]
kind = "web"
title = "Members' news sent from the web form"

[channels.slack_news]
platform = "slack"
target = "C0NEWS"
token_env = "SLACK_BOT_TOKEN"

[channels.telegram_pt]
platform = "telegram"
target = "@oidp_pt"
language = "pt"
token_env = "TELEGRAM_BOT_TOKEN"

[[routes]]
name = "Member news to Slack"
match = { sources = ["web_form"] }
to = ["slack_news"]
"""
EDITOR, PASSWORD = "editor@example.org", "correct horse battery"


def test_a_known_member_is_told_on_telegram_in_their_language(
    engine: Engine, tmp_path: Path
) -> None:
    config = tmp_path / "hub.toml"
    config.write_text(HUB_TOML, encoding="utf-8")
    settings = load_settings(config, {"HUB_SECRET_KEY": TEST_SECRET_KEY})
    with transaction(engine) as session:
        sync_config(session, settings)
        session.add(
            Member(
                organisation="Porto Alegre",
                email="Joao@PortoAlegre.example.org",
                language="pt",
                telegram_chat_id=777,
                channels=["telegram"],
            )
        )
    add_user(engine, EDITOR, PASSWORD)
    app = console_app(settings, engine, clock=SteppingClock())
    with ConsoleClient(app) as member:
        news = {"title": "Orçamento jovem em Porto Alegre", "text": "Assembleias nos bairros."}
        sent = member.submit(
            "/submit-news", "/submit-news", {**news, "email": "joao@portoalegre.example.org"}
        )
        assert sent.status_code == 303
    with transaction(engine) as session:
        item = session.scalars(select(Item)).one()
        origin = session.scalars(select(ItemOrigin)).one()
        joao = session.scalars(select(Member)).one()
        assert origin.reply_to == "joao@portoalegre.example.org"  # the address is kept
        assert item.member_id == joao.id
        item_id = item.id
    with ConsoleClient(app) as editor:
        editor.sign_in(EDITOR, PASSWORD)
        done = editor.submit(f"/items/{item_id}", f"/items/{item_id}/approve", {})
        assert done.status_code == 303
    with transaction(engine) as session:
        replies = session.scalars(select(Delivery).where(Delivery.kind == "reply")).all()
        assert len(replies) == 1
        [reply] = replies
        assert reply.payload["extra"] == {"reply_to": "777", "platform": "telegram"}
        assert reply.payload["language"] == "pt"
        assert "Orçamento jovem" in reply.payload["text"]
        assert "aprovad" in reply.payload["text"].lower()  # in Portuguese


def test_an_unknown_address_is_kept_and_nothing_is_sent(engine: Engine, tmp_path: Path) -> None:
    config = tmp_path / "hub.toml"
    config.write_text(HUB_TOML, encoding="utf-8")
    settings = load_settings(config, {"HUB_SECRET_KEY": TEST_SECRET_KEY})
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EDITOR, PASSWORD)
    app = console_app(settings, engine, clock=SteppingClock())
    with ConsoleClient(app) as member:
        news = {"title": "Youth budget", "text": "Assemblies.", "email": "new@example.org"}
        assert member.submit("/submit-news", "/submit-news", news).status_code == 303
    with transaction(engine) as session:
        item_id = session.scalars(select(Item.id)).one()
        assert session.scalars(select(ItemOrigin.reply_to)).one() == "new@example.org"
    with ConsoleClient(app) as editor:
        editor.sign_in(EDITOR, PASSWORD)
        editor.submit(f"/items/{item_id}", f"/items/{item_id}/approve", {})
    with transaction(engine) as session:
        assert session.scalars(select(Delivery).where(Delivery.kind == "reply")).all() == []
        assert session.get(Item, item_id).status == "approved"  # type: ignore[union-attr]

"""Channels, routes and deliveries in the console: states, the dry run, retries and links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select, update

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Channel, Delivery, DeliveryAttempt, Item
from hub.web.delivery_views import error_in_words, message_url
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

ADMIN, EDITOR, PASSWORD = "admin@example.org", "editor@example.org", "correct horse battery"


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def client(engine: Engine, clock: SteppingClock) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    add_user(engine, EDITOR, PASSWORD, role="editor")
    with ConsoleClient(console_app(settings, engine, clock=clock)) as client:
        assert client.sign_in(ADMIN, PASSWORD).status_code == 303
        yield client


def settings_with(change: Callable[[dict[str, Any]], None]) -> Settings:
    """The example deployment with ``change`` made to its data (settings are frozen)."""
    example = example_settings()
    data = example.model_dump()
    change(data)
    return Settings.model_validate(data | {"secrets": dict(example.secrets)})


def approved_item(engine: Engine, now: dt.datetime, title: str = "Youth budget in Cascais") -> int:
    """An approved item with one delivery per channel, all pending."""
    with transaction(engine) as session:
        item = Item(title=title, language="en", status="approved", approved_at=now)
        session.add(item)
        session.flush()
        for channel in session.scalars(select(Channel).order_by(Channel.key)):
            session.add(
                Delivery(
                    item_id=item.id,
                    channel_id=channel.id,
                    status="pending",
                    due_at=now,
                    created_at=now,
                )
            )
        return item.id


def set_delivery(engine: Engine, item_id: int, channel: str, **fields: object) -> int:
    """Change the item's delivery to ``channel``; with ``outcome``, also record an attempt."""
    outcome = fields.pop("outcome", None)
    at = fields.pop("at", None)
    with transaction(engine) as session:
        delivery = session.scalar(
            select(Delivery)
            .join(Channel, Channel.id == Delivery.channel_id)
            .where(Delivery.item_id == item_id, Channel.key == channel)
        )
        assert delivery is not None
        for name, value in fields.items():
            setattr(delivery, name, value)
        if outcome is not None:
            session.add(
                DeliveryAttempt(
                    delivery_id=delivery.id,
                    attempt=1,
                    started_at=at,
                    finished_at=at,
                    outcome=outcome,
                    error=fields.get("last_error"),
                )
            )
        return delivery.id


def test_channels_show_state_and_today(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    now = clock.now
    first, second = approved_item(engine, now), approved_item(engine, now, "Second")
    set_delivery(engine, first, "news_en", status="sent", sent_at=now, outcome="sent", at=now)
    set_delivery(
        engine,
        second,
        "news_en",
        status="failed",
        last_error="ChannelGone: gone",
        error_kind="ChannelGone",
        outcome="failed",
        at=now + dt.timedelta(minutes=1),
    )
    set_delivery(
        engine,
        first,
        "news_es",
        status="pending",
        due_at=now + dt.timedelta(minutes=5),
        last_error="RateLimited: slow down (retry after 300 s)",
        error_kind="RateLimited",
        outcome="retry",
        at=now,
    )
    page = client.get("/channels").text
    news_en = page.split('id="channel-news_en"')[1].split("</tr>")[0]
    assert "failing" in news_en and "<td>1</td>" in news_en  # one sent and one failed today
    assert '<a href="/deliveries?channel=news_en">1</a>' in news_en
    news_es = page.split('id="channel-news_es"')[1].split("</tr>")[0]
    assert "rate-limited" in news_es and "Español (es)" in news_es
    assert "every item" in page and "#news" in page and "(instant)" in page
    clock.advance(days=1)
    client.sign_in(ADMIN, PASSWORD)
    later = client.get("/channels").text.split('id="channel-news_en"')[1].split("</tr>")[0]
    assert "<td>0</td>" in later and "/deliveries?channel=" not in later  # a new day


def test_a_switched_off_channel_is_paused(engine: Engine) -> None:
    settings = settings_with(lambda data: data["channels"]["news_es"].update(enabled=False))
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    with ConsoleClient(console_app(settings, engine)) as client:
        client.sign_in(ADMIN, PASSWORD)
        row = client.get("/channels").text.split('id="channel-news_es"')[1].split("</tr>")[0]
        assert "paused" in row and "switched off" in row


def test_send_only_channels_say_so_with_the_platforms_own_name(engine: Engine) -> None:
    def add_places(data: dict[str, Any]) -> None:
        news = data["channels"]["news_en"]
        for key, platform in (("teams_news", "teams"), ("alerts", "apprise"), ("mx", "matrix")):
            data["channels"][key] = {**news, "platform": platform, "title": key}

    settings = settings_with(add_places)
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    # the item reached Teams; its correction was refused there, as a send-only channel must
    clock = SteppingClock()
    item_id = approved_item(engine, clock.now)
    set_delivery(engine, item_id, "teams_news", status="sent", outcome="sent", at=clock.now)
    with transaction(engine) as session:
        teams = session.scalar(select(Channel).where(Channel.key == "teams_news"))
        assert teams is not None
        refused = Delivery(
            channel_id=teams.id,
            kind="correction",
            status="failed",
            due_at=clock.now,
            created_at=clock.now,
            dedup_key="correction:test",
            last_error="BadPayload: ... send-only ...",
        )
        session.add(refused)
        session.flush()
        session.add(
            DeliveryAttempt(
                delivery_id=refused.id,
                channel_id=teams.id,
                attempt=1,
                started_at=clock.now,
                finished_at=clock.now,
                outcome="failed",
                error=refused.last_error,
            )
        )
    with ConsoleClient(console_app(settings, engine)) as client:
        client.sign_in(ADMIN, PASSWORD)
        page = client.get("/channels").text
    rows = {
        key: page.split(f'id="channel-{key}"')[1].split("</tr>")[0]
        for key in ("teams_news", "alerts", "mx", "news_en")
    }
    assert "Microsoft Teams" in rows["teams_news"] and "Apprise" in rows["alerts"]
    assert "Matrix" in rows["mx"]
    for key in ("teams_news", "alerts"):
        assert "send-only: no edits or retractions" in rows[key]
    assert "state-working" in rows["teams_news"] and "failing" not in rows["teams_news"]
    for key in ("mx", "news_en"):
        assert "send-only" not in rows[key]


def test_the_dry_run_says_why(engine: Engine, client: ConsoleClient, clock: SteppingClock) -> None:
    item_id = approved_item(engine, clock.now)
    page = client.get(f"/channels?item={item_id}").text
    assert page.count("<td>matched</td>") == 2 and "<strong>yes</strong>" in page
    assert "Youth budget in Cascais" in page and "<!doctype html>" in page
    fragment = client.get(f"/channels?item={item_id}", headers={"HX-Request": "true"}).text
    assert fragment.startswith('<div id="dry-run"') and "<html" not in fragment
    assert fragment.count("<td>matched</td>") == 2
    assert "There is no item 999" in client.get("/channels?item=999").text


def test_the_dry_run_reuses_the_routers_reasons(engine: Engine, clock: SteppingClock) -> None:
    settings = settings_with(lambda data: data["routes"][0]["match"].update(languages=["es"]))
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    item_id = approved_item(engine, clock.now)
    with ConsoleClient(console_app(settings, engine)) as client:
        client.sign_in(ADMIN, PASSWORD)
        page = client.get(f"/channels?item={item_id}").text
        assert "languages: needs one of [&#39;es&#39;], item has [&#39;en&#39;]" in page
        assert "<strong>yes</strong>" not in page


def test_failed_and_dead_deliveries_are_listed_and_filtered(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    now = clock.now
    first, second = approved_item(engine, now), approved_item(engine, now, "Second")
    set_delivery(
        engine,
        first,
        "news_en",
        status="failed",
        last_error="ChannelGone: gone",
        error_kind="ChannelGone",
    )
    set_delivery(
        engine,
        second,
        "news_es",
        status="dead",
        last_error="Timeout: no answer in 30 s (gave up after 8 attempts)",
        error_kind="Timeout",
    )
    set_delivery(engine, second, "news_en", status="sent", sent_at=now)
    page = client.get("/deliveries").text
    assert page.count('<tr id="delivery-') == 2
    assert "The channel, chat or account no longer exists." in page
    assert "did not answer in time" in page and "Given up after 8 attempts." in page
    assert f'<a href="/items/{first}">Youth budget in Cascais</a>' in page
    only_es = client.get("/deliveries?channel=news_es").text
    assert only_es.count('<tr id="delivery-') == 1 and "Second" in only_es
    assert client.get("/deliveries?status=sent").text.count('<tr id="delivery-') == 1
    assert client.get("/deliveries?status=dead").text.count('<tr id="delivery-') == 1


def test_retry_one_and_all_failed(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    now = clock.now
    first, second = approved_item(engine, now), approved_item(engine, now, "Second")
    one = set_delivery(engine, first, "news_en", status="failed", attempts=3, last_error="x")
    set_delivery(engine, second, "news_en", status="dead", attempts=8, last_error="x")
    set_delivery(engine, second, "news_es", status="failed", attempts=1, last_error="x")
    token = csrf_token(client.get("/deliveries").text)
    response = client.post(
        f"/deliveries/{one}/retry", data={"csrf_token": token, "back": "/deliveries"}
    )
    assert response.headers["location"] == "/deliveries"
    assert f"Delivery {one} will be sent again shortly." in client.follow(response).text
    refused = client.post("/deliveries/retry-all", data={"csrf_token": token})
    assert "Tick the box" in client.follow(refused).text
    some = client.post(
        "/deliveries/retry-all", data={"csrf_token": token, "confirm": "yes", "channel": "news_es"}
    )
    assert "1 delivery will be sent again shortly." in client.follow(some).text
    rest = client.post("/deliveries/retry-all", data={"csrf_token": token, "confirm": "yes"})
    assert "1 delivery will be sent again shortly." in client.follow(rest).text
    with transaction(engine) as session:
        rows = session.scalars(select(Delivery).where(Delivery.item_id.in_([first, second])))
        assert {(d.status, d.attempts) for d in rows} == {("pending", 0)}
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-3:] == ["retry", "retry-all", "retry-all"]
    assert "Nothing failed" in client.get("/deliveries").text


def test_editors_neither_see_nor_retry_deliveries(engine: Engine, clock: SteppingClock) -> None:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EDITOR, PASSWORD, role="editor")
    item_id = approved_item(engine, clock.now)
    failed = set_delivery(engine, item_id, "news_en", status="failed", last_error="x")
    with ConsoleClient(console_app(settings, engine)) as editor:
        editor.sign_in(EDITOR, PASSWORD)
        item_page = editor.get(f"/items/{item_id}").text
        assert f"/deliveries/{failed}/retry" not in item_page and "failed" in item_page
        for path in ("/deliveries", "/channels"):
            assert editor.get(path).status_code == 403, path
        token = csrf_token(item_page)
        response = editor.post(f"/deliveries/{failed}/retry", data={"csrf_token": token})
        assert response.status_code == 403
    with transaction(engine) as session:
        assert session.get(Delivery, failed).status == "failed"  # type: ignore[union-attr]


def test_the_item_page_links_to_the_posted_message(engine: Engine, clock: SteppingClock) -> None:
    settings = settings_with(
        lambda data: data["channels"]["news_en"].update(platform="telegram", target="@oidp_news")
    )
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    item_id = approved_item(engine, clock.now)
    set_delivery(engine, item_id, "news_en", status="sent", platform_message_id="42")
    with ConsoleClient(console_app(settings, engine)) as client:
        client.sign_in(ADMIN, PASSWORD)
        assert 'href="https://t.me/oidp_news/42"' in client.get(f"/items/{item_id}").text
    with ConsoleClient(console_app(settings, engine, standins={"telegram": object()})) as demo:
        demo.sign_in(ADMIN, PASSWORD)
        page = demo.get(f"/items/{item_id}").text
        assert 'href="/standins#standin-telegram"' in page and "See it in the sandbox" in page


def channel(platform: str, target: str) -> Channel:
    return Channel(key="c", platform=platform, target=target)


@pytest.mark.parametrize(
    ("platform", "target", "pid", "base_url", "url"),
    [
        (
            "slack",
            "C0NEWS",
            "C0NEWS:1700000000.123456",
            None,
            "https://slack.com/archives/C0NEWS/p1700000000123456",
        ),
        (
            "slack",
            "C0NEWS",
            "1700000000.123456",
            None,
            "https://slack.com/archives/C0NEWS/p1700000000123456",
        ),
        ("telegram", "@oidp_latam", "17", None, "https://t.me/oidp_latam/17"),
        ("telegram", "-1001234567", "17", None, None),  # a private chat has no public link
        ("mastodon", "oidp", "1101", "https://social.coop", "https://social.coop/@oidp/1101"),
        ("mastodon", "@iopd@mastodon.social", "1101", None, "https://mastodon.social/@iopd/1101"),
        (
            "bluesky",
            "oidp.net",
            "at://did:plc:abc/app.bsky.feed.post/3k2",
            None,
            "https://bsky.app/profile/did:plc:abc/post/3k2",
        ),
        ("mailchimp", "list", "campaign-1", None, None),
        ("slack", "C0NEWS", None, None, None),
    ],
)
def test_message_urls(
    platform: str, target: str, pid: str | None, base_url: str | None, url: str | None
) -> None:
    assert message_url(channel(platform, target), pid, base_url=base_url) == url


def test_errors_in_words_come_from_the_error_kind() -> None:
    assert error_in_words(None) == ""
    assert "slow down" in error_in_words("rate limited (retry after 3 s)", "RateLimited")
    assert "may not post" in error_in_words("invalid_auth", "Forbidden")
    assert "refused the message" in error_in_words("msg_too_long", "BadPayload")
    assert "worker stopped" in error_in_words("lease expired: the worker...", "LeaseExpired")
    assert error_in_words("KeyError: 'x'", "Unexpected") == "An unexpected error."
    # The words come from the kind, never from parsing the platform's text.
    assert error_in_words("RateLimited: but the kind says otherwise", "Forbidden") == (
        error_in_words("x", "Forbidden")
    )


def test_the_worker_records_the_error_kind_and_the_database_refuses_unknown_states(
    engine: Engine,
) -> None:
    from sqlalchemy.exc import IntegrityError

    from hub.core.bus import outbox
    from hub.core.bus.outbox import Result
    from hub.core.bus.states import AttemptOutcome, DeliveryStatus
    from hub.core.bus.worker import error_kind_of
    from hub.core.errors import RateLimited

    assert error_kind_of(RateLimited(3.0)) == "RateLimited"
    assert error_kind_of(KeyError("x")) == "Unexpected"
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    with transaction(engine) as session:
        sync_config(session, example_settings())
        channel_id = session.scalars(select(Channel.id)).first()
        session.add(Delivery(channel_id=channel_id, kind="alert", dedup_key="k", due_at=now))
    with engine.begin() as conn:
        [claim] = outbox.claim_due(conn, token="w/1", now=now, limit=5, lease_seconds=60)
        failed = Result(claim, AttemptOutcome.FAILED, now, now, error="403", error_kind="Forbidden")
        outbox.record_results(conn, [failed])
    with transaction(engine) as session:
        stored = session.scalars(select(Delivery)).one()
        assert (stored.status, stored.error_kind) == (DeliveryStatus.FAILED, "Forbidden")
    for column, value in (("status", "sending"), ("kind", "newsletter")):
        with pytest.raises(IntegrityError), transaction(engine) as session:
            session.add(Delivery(channel_id=channel_id, kind="alert", dedup_key=value, due_at=now))
            session.flush()
            session.execute(update(Delivery).values({column: value}))


def test_deliveries_come_fifty_a_page_newest_first(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    for number in range(26):
        item_id = approved_item(engine, clock.now, f"Item {number}")
        for key in ("news_en", "news_es"):
            set_delivery(engine, item_id, key, status="failed", last_error="x")
    first = client.get("/deliveries").text
    assert first.count('<tr id="delivery-') == 50 and "Item 25" in first
    older = first.split("before=")[1].split('"')[0]
    rest = client.get(f"/deliveries?before={older}").text
    assert rest.count('<tr id="delivery-') == 2 and "Item 0<" in rest
    assert "Older deliveries" not in rest


def test_an_error_stored_with_a_token_is_shown_redacted(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    """A row written before the ledger redacted errors: the console still hides the token."""
    token = "987654321:AAH-stored-before-the-fix-0123456789abcd"
    item = approved_item(engine, clock.now)
    error = f"BadPayload: echo of https://api.telegram.org/bot{token}/sendMessage"
    set_delivery(
        engine, item, "news_en", status="failed", last_error=error, error_kind="BadPayload"
    )
    for path in ("/deliveries", f"/items/{item}"):
        page = client.get(path).text
        assert "echo of https://api.telegram.org/bot" in page
        assert "stored-before-the-fix" not in page

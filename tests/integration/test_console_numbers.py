"""The console's numbers match what was sent (issue 14, "what the secretariat sees misleads").

Each test builds the situation through the hub's own code paths (the assistant
answering into a chat, the outbox claiming and recording, the composer pushing
to the Mailchimp stand-in) at moments taken from the injected clock, then reads
the figures the dashboard and the Channels page show. The clock is placed where
a day in the deployment's time zone (Europe/Madrid in the example settings) and
a UTC day disagree, and on the day clocks go forward.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select

from bots.answering import ChatQuestion, answer_into_chat
from hub.core.assistant.assistant import Assistant
from hub.core.bus.outbox import Result, claim_due, record_results
from hub.core.bus.states import AttemptOutcome
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Channel, Delivery, Item
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)
from newsletters.standin import MailchimpStandIn

ADMIN, PASSWORD = "admin@example.org", "correct horse battery"
ZONE = ZoneInfo("Europe/Madrid")  # example_settings()'s [hub] timezone

MOMENTS = [
    # half past midnight in Madrid: the UTC day is still yesterday
    dt.datetime(2026, 11, 23, 0, 30, tzinfo=ZONE),
    # the day clocks go forward: 23 hours from midnight to midnight
    dt.datetime(2027, 3, 28, 12, 0, tzinfo=ZONE),
    # a quarter to midnight on a summer evening
    dt.datetime(2026, 7, 1, 23, 45, tzinfo=ZONE),
]


def local_day(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Midnight of ``now``'s day in Madrid and the next midnight, in UTC."""
    day = now.astimezone(ZONE).date()
    start = dt.datetime.combine(day, dt.time(), tzinfo=ZONE)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=ZONE)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def settings_with_mailchimp(standin: MailchimpStandIn | None = None) -> Settings:
    data = example_settings().model_dump()
    secrets = {"HUB_SECRET_KEY": TEST_SECRET_KEY}
    if standin is not None:
        data["channels"]["newsletter"] = {
            "platform": "mailchimp",
            "target": standin.list_id,
            "base_url": standin.base_url,
            "token_env": "MAILCHIMP_API_KEY",
        }
        secrets["MAILCHIMP_API_KEY"] = standin.api_key
    return Settings.model_validate({**data, "secrets": secrets})


def open_console(engine: Engine, settings: Settings, clock: SteppingClock) -> ConsoleClient:
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    client = ConsoleClient(console_app(settings, engine, clock=clock))
    assert client.sign_in(ADMIN, PASSWORD).status_code == 303
    return client


def send_due(engine: Engine, at: dt.datetime, *, fail: bool = False) -> int:
    """What a worker does at ``at``: claim every due delivery and record it sent (or failed)."""
    with engine.begin() as conn:
        claims = claim_due(
            conn, token=f"test/{uuid.uuid4().hex}", now=at, limit=100, lease_seconds=60
        )
        results = [
            Result(c, AttemptOutcome.FAILED, at, at, error="Forbidden: the member blocked the bot")
            if fail
            else Result(c, AttemptOutcome.SENT, at, at, platform_message_id=f"m{c.id}")
            for c in claims
        ]
        record_results(conn, results)
    return len(claims)


def post_item(engine: Engine, channel: str, at: dt.datetime, title: str) -> None:
    """An approved item queued to one channel at ``at`` (what the router writes)."""
    with transaction(engine) as session:
        item = Item(title=title, language="en", status="approved", approved_at=at)
        session.add(item)
        session.flush()
        channel_id = session.scalar(select(Channel.id).where(Channel.key == channel))
        assert channel_id is not None
        session.add(
            Delivery(
                item_id=item.id, channel_id=channel_id, status="pending", due_at=at, created_at=at
            )
        )


def ask(engine: Engine, assistant: Assistant, settings: Settings, n: int, at: dt.datetime) -> None:
    """A member asks the assistant in a chat; the answer is queued as a private reply."""
    question = ChatQuestion("memory", f"event-{n}", "Who are you?", reply_to=f"member-{n}")
    assert answer_into_chat(engine, assistant, settings, question, at) is not None


def row_of(page: str, marker: str) -> str:
    """The table row that starts with ``marker``, its cells' labels for phones left out."""
    plain = re.sub(r' data-label="[^"]*"', "", page)
    return plain.split(marker)[1].split("</tr>")[0]


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.isoformat())
def test_sent_today_counts_posts_of_the_local_day_and_replies_apart(
    engine: Engine, moment: dt.datetime
) -> None:
    now = moment.astimezone(dt.UTC)
    start, end = local_day(now)
    settings = example_settings()
    clock = SteppingClock(now)
    with open_console(engine, settings, clock) as client:
        with transaction(engine) as session:
            assistant = Assistant.from_session(session, use_lingua=False)
        # Today: one post to #news, six answers and one failed answer to members, all
        # booked under news_en (the first memory channel: the replies' account).
        post_item(engine, "news_en", start, "Today's post")
        send_due(engine, start + dt.timedelta(seconds=1))
        for n in range(6):
            ask(engine, assistant, settings, n, now)
        send_due(engine, now)
        ask(engine, assistant, settings, 6, now)
        send_due(engine, now, fail=True)
        # Not today: a post just before midnight, one at the next midnight (a worker whose
        # clock runs ahead, or data written in the future), and one sent a week ago.
        for at, title in (
            (start - dt.timedelta(seconds=1), "Yesterday's post"),
            (end, "Tomorrow's post"),
            (start - dt.timedelta(days=7), "Last week's post"),
        ):
            post_item(engine, "news_en", at, title)
            send_due(engine, at)

        dashboard = client.get("/").text
        # queued, due, sending, held, sent today, failed today, replies to members
        row = row_of(dashboard, "<tr><td>news_en</td>")
        cells = '<td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td class="">0</td>'
        assert row.startswith(cells), row
        assert "Replies to members" in dashboard
        assert '>6 <span class="muted">(1 failed)</span>' in row

        channels = client.get("/channels").text
        row = row_of(channels, 'id="channel-news_en"')
        columns = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
        sent, failed, replies = columns[5], columns[6], columns[7]
        assert (sent, failed) == ("1", "0"), columns
        assert replies.startswith("6 ") and "(1 failed)" in replies, replies


def test_the_day_bounds_follow_the_deployment_zone_not_utc(engine: Engine) -> None:
    """The same ledger read at two moments of one UTC day that are two Madrid days."""
    before_midnight = dt.datetime(2026, 11, 22, 23, 50, tzinfo=ZONE).astimezone(dt.UTC)
    clock = SteppingClock(before_midnight)
    with open_console(engine, example_settings(), clock) as client:
        post_item(engine, "news_es", before_midnight, "Late news")
        send_due(engine, before_midnight)
        assert ">news_es</td>" in client.get("/").text
        counted = row_of(client.get("/channels").text, 'id="channel-news_es"')
        assert "<td>1</td>" in counted
        clock.advance(minutes=20)  # 00:10 in Madrid, still 23:10 of the same UTC day
        row = row_of(client.get("/").text, "<tr><td>news_es</td>")
        assert row.startswith("<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>"), row


# --- Mailchimp --------------------------------------------------------------------------


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn() as server:
        yield server


def post(client: ConsoleClient, url: str, **data: str) -> str:
    token = csrf_token(client.get("/newsletter").text)
    response = client.post(url, data={"csrf_token": token, **data})
    assert response.status_code == 303, response.text
    return client.follow(response).text


def mailchimp_row(client: ConsoleClient) -> str:
    return row_of(client.get("/channels").text, 'id="channel-newsletter"')


def test_mailchimp_campaigns_and_test_sends_are_attempts_counted_apart(
    engine: Engine, standin: MailchimpStandIn
) -> None:
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE).astimezone(dt.UTC)
    clock = SteppingClock(now)
    standin.state.clock = clock  # the stand-in's "in the future" is the console's
    settings = settings_with_mailchimp(standin)
    with open_console(engine, settings, clock) as client:
        assert "No attempt recorded yet." in mailchimp_row(client)
        with transaction(engine) as session:
            session.add(
                Item(
                    title="Youth budget in Cascais",
                    language="en",
                    status="approved",
                    approved_at=now - dt.timedelta(days=3),
                )
            )
        month = now.astimezone(ZONE).date().replace(day=1)
        composer = post(
            client,
            "/newsletter/drafts",
            language="en",
            start=str(month),
            end=str(now.astimezone(ZONE).date()),
        )
        assert "Youth budget in Cascais" in composer
        with transaction(engine) as session:
            from hub.core.models import NewsletterEdition

            edition_id = session.scalars(select(NewsletterEdition.id)).one()
        url = f"/newsletter/{edition_id}"
        post(client, f"{url}/approve", back=url)
        for _ in range(2):
            assert "Test of edition" in post(client, f"{url}/test", to="proof@example.org")
        assert len(standin.state.tests) == 2

        row = mailchimp_row(client)
        assert "No attempt recorded yet." not in row and "Working." in row
        cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
        assert cells[5].startswith("0 ") and "+ 2 test sends" in cells[5], cells
        assert cells[6] == "0"

        # Mailchimp refuses to schedule (compliance hold): a failed attempt, the channel fails.
        standin.state.compliance_hold = True
        tomorrow = now.astimezone(ZONE).date() + dt.timedelta(days=1)
        refused = post(client, f"{url}/schedule", day=str(tomorrow), time="09:00")
        assert "Mailchimp did not take edition" in refused
        row = mailchimp_row(client)
        assert "failing" in row and '">1</a>' in row  # one failed today, linked
        standin.state.compliance_hold = False
        assert "scheduled for" in post(client, f"{url}/schedule", day=str(tomorrow), time="09:00")
        assert "Working." in mailchimp_row(client)

        # The next morning Mailchimp sends it; reading the report books the campaign as sent
        # at Mailchimp's send time, today. Yesterday's tests and failure are not today's.
        clock.advance(days=1, hours=1)
        client.sign_in(ADMIN, PASSWORD)  # yesterday's console session has expired
        send_time = dt.datetime.combine(tomorrow, dt.time(9), tzinfo=ZONE).astimezone(dt.UTC)
        campaign = next(iter(standin.state.campaigns.values()))
        campaign.update(status="sent", send_time=send_time.isoformat(), emails_sent=300)
        assert "The report was read from Mailchimp." in post(client, f"{url}/report")
        row = mailchimp_row(client)
        cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
        assert (cells[5], cells[6]) == ("1", "0"), cells
        dashboard_row = row_of(client.get("/").text, "<tr><td>newsletter</td>")
        assert dashboard_row.startswith("<td>0</td><td>0</td><td>0</td><td>0</td><td>1</td>")

    with transaction(engine) as session:
        booked = session.scalars(select(Delivery).order_by(Delivery.id)).all()
        kinds = [(d.kind, d.status) for d in booked]
        assert kinds == [("campaign", "sent"), ("test_send", "sent"), ("test_send", "sent")]
        assert booked[0].sent_at == send_time
        assert booked[0].platform_message_id == campaign["id"]


def test_a_campaign_sent_now_from_the_command_line_is_sent_today(
    engine: Engine, standin: MailchimpStandIn
) -> None:
    from hub.core.bus.status import bus_status, day_bounds
    from newsletters.compose import approve, draft_edition
    from newsletters.publish import account_from_settings, push_edition

    now = dt.datetime(2026, 12, 31, 23, 30, tzinfo=ZONE).astimezone(dt.UTC)  # 22:30 UTC
    standin.state.clock = lambda: now
    standin.state.add_subscriber("reader@example.org", LANGUAGE="en")  # someone to send to
    settings = settings_with_mailchimp(standin)
    with transaction(engine) as session:
        sync_config(session, settings)
        session.add(Item(title="Year's end", language="en", status="approved", approved_at=now))
        session.flush()
        edition = draft_edition(
            session,
            "en",
            dt.date(2026, 12, 1),
            dt.date(2026, 12, 31),
            timezone=settings.hub.timezone,
        )
        approve(edition, "ana")
        edition_id = edition.id
    push_edition(
        engine,
        edition_id,
        account_from_settings(settings),
        now=now,
        network="IOPD",
        test_to=["proof@example.org"],
        send_now=True,
    )
    start, end = day_bounds(now, settings.hub.timezone)
    with engine.connect() as conn:
        figures = {c.channel: c for c in bus_status(conn, now, start, end).channels}
    assert (figures["newsletter"].sent_today, figures["newsletter"].tests_today) == (1, 1)
    with engine.connect() as conn:  # an hour later it is next year in Madrid
        later = now + dt.timedelta(hours=1)
        figures = {
            c.channel: c
            for c in bus_status(conn, later, *day_bounds(later, "Europe/Madrid")).channels
        }
    assert (figures["newsletter"].sent_today, figures["newsletter"].tests_today) == (0, 0)


def test_the_thirty_day_chart_counts_posts_not_replies(engine: Engine) -> None:
    from hub.core.stats import deliveries_per_day

    now = dt.datetime(2026, 10, 14, 12, 0, tzinfo=dt.UTC)
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
        assistant = Assistant.from_session(session, use_lingua=False)
    post_item(engine, "news_en", now, "A post")
    for n in range(3):
        ask(engine, assistant, settings, n, now)
    send_due(engine, now)
    ask(engine, assistant, settings, 3, now)
    send_due(engine, now, fail=True)
    with transaction(engine) as session:
        today = deliveries_per_day(session, now)["news_en"][-1]
    assert (today.day, today.first, today.second) == (now.date(), 1, 0)

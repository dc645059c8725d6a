"""A retracted item leaves the Mailchimp campaigns that have not gone out yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from hub.core.models import Item, NewsletterEdition
from hub.core.moderation import decisions as moderation
from newsletters.compose import approve, draft_edition
from newsletters.mailchimp import MailchimpAccount
from newsletters.publish import push_edition, refresh_campaigns
from newsletters.standin import MailchimpStandIn

START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)
WRONG, RIGHT = "Dakar seminar moved to May", "Porto Alegre opens its youth budget"


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn(clock=lambda: NOW) as server:
        server.state.add_subscriber("reader@example.org", LANGUAGE="en")  # someone to send to
        yield server


def pushed_edition(
    engine: Engine, account: MailchimpAccount, schedule: dt.datetime | None = None
) -> tuple[int, dict[str, int], str]:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        ids: dict[str, int] = {}
        for title in (WRONG, RIGHT):
            item = Item(
                title=title,
                link=f"https://oidp.net/{len(ids)}",
                language="en",
                tags=[],
                status="approved",
                approved_at=NOW - dt.timedelta(days=10),
            )
            session.add(item)
            session.flush()
            ids[title] = item.id
        edition = draft_edition(session, "en", START, END)
        approve(edition, "secretariat@oidp.net")
        edition_id = edition.id
    pushed = push_edition(engine, edition_id, account, now=NOW, network="IOPD", schedule=schedule)
    return edition_id, ids, pushed.campaign_id


def retract(engine: Engine, item_id: int) -> None:
    with Session(engine) as session, session.begin():
        item = session.get(Item, item_id)
        assert item is not None
        moderation.retract(session, item, by="ana@oidp.net", reason="wrong date", now=NOW)


def test_a_pushed_campaign_is_rebuilt_without_the_retracted_item(engine, standin) -> None:
    account = MailchimpAccount(standin.api_key, standin.base_url, standin.list_id)
    edition_id, ids, campaign = pushed_edition(engine, account)
    assert WRONG in standin.state.contents[campaign]["html"]
    retract(engine, ids[WRONG])
    [result] = refresh_campaigns(engine, ids[WRONG], account, now=NOW, network="IOPD")
    assert (result.edition_id, result.outcome) == (edition_id, "rebuilt")
    html = standin.state.contents[campaign]["html"]
    assert WRONG not in html and RIGHT in html
    assert list(standin.state.campaigns) == [campaign]  # the same campaign, updated
    assert refresh_campaigns(engine, ids[RIGHT] + 100, account, now=NOW, network="IOPD") == []


def test_a_scheduled_campaign_is_rebuilt_and_scheduled_again_for_its_time(engine, standin) -> None:
    account = MailchimpAccount(standin.api_key, standin.base_url, standin.list_id)
    when = NOW + dt.timedelta(days=2)
    edition_id, ids, campaign = pushed_edition(engine, account, schedule=when)
    retract(engine, ids[WRONG])
    [result] = refresh_campaigns(engine, ids[WRONG], account, now=NOW, network="IOPD")
    assert result.outcome.startswith("rebuilt and scheduled again for")
    assert WRONG not in standin.state.contents[campaign]["html"]
    assert standin.state.campaigns[campaign]["status"] == "schedule"
    with Session(engine) as session:
        edition = session.get(NewsletterEdition, edition_id)
        assert edition is not None
        assert edition.status == "scheduled" and edition.scheduled_for == when


def test_a_sent_campaign_is_reported_as_not_recallable(engine, standin) -> None:
    account = MailchimpAccount(standin.api_key, standin.base_url, standin.list_id)
    edition_id, ids, campaign = pushed_edition(engine, account)
    push_edition(engine, edition_id, account, now=NOW, network="IOPD", send_now=True)
    retract(engine, ids[WRONG])
    [result] = refresh_campaigns(engine, ids[WRONG], account, now=NOW, network="IOPD")
    assert "cannot be recalled" in result.outcome
    assert WRONG in standin.state.contents[campaign]["html"]  # what went out stays as it was

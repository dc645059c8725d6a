"""An item belongs to one newsletter edition per language, and periods are local days.

The rule (newsletters.compose): an item's period is the day it was approved
(else published) in the deployment's time zone (Europe/Madrid here), and an
item in an edition of a language that went to Mailchimp is not offered again
to another edition of that language. Months are taken from the test's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Item, NewsletterEdition
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)
from newsletters.compose import add_months
from newsletters.standin import MailchimpStandIn

EDITOR, PASSWORD = "editor@example.org", "correct horse battery"
ZONE = ZoneInfo("Europe/Madrid")


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZONE).astimezone(dt.UTC)


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn() as server:
        yield server


def settings_for(standin: MailchimpStandIn) -> Settings:
    data = example_settings().model_dump()
    data["channels"]["newsletter"] = {
        "platform": "mailchimp",
        "target": standin.list_id,
        "base_url": standin.base_url,
        "token_env": "MAILCHIMP_API_KEY",
    }
    secrets = {"HUB_SECRET_KEY": TEST_SECRET_KEY, "MAILCHIMP_API_KEY": standin.api_key}
    return Settings.model_validate({**data, "secrets": secrets})


def post(client: ConsoleClient, url: str, **data: str) -> str:
    token = csrf_token(client.get("/newsletter").text)
    response = client.post(url, data={"csrf_token": token, **data})
    assert response.status_code == 303, response.text[:300]
    return client.follow(response).text


def drafted(client: ConsoleClient, engine: Engine, start: dt.date, end: dt.date) -> int:
    post(client, "/newsletter/drafts", language="en", start=str(start), end=str(end))
    with transaction(engine) as session:
        return session.scalars(
            select(NewsletterEdition.id).where(
                NewsletterEdition.period_start == start, NewsletterEdition.period_end == end
            )
        ).one()


def titles_in(engine: Engine, edition_id: int) -> set[str]:
    with transaction(engine) as session:
        edition = session.get(NewsletterEdition, edition_id)
        assert edition is not None
        rows = session.scalars(select(Item.title).where(Item.id.in_(edition.item_order or [-1])))
        return set(rows)


@pytest.mark.parametrize("day_of_month", [2, 15])
def test_each_item_is_in_one_edition_of_its_local_month(
    engine: Engine, standin: MailchimpStandIn, day_of_month: int
) -> None:
    # The clock: a winter month (Madrid is UTC+1), some days in; months follow from it.
    now = local(dt.date(2027, 2, day_of_month), 9)
    clock = SteppingClock(now)
    standin.state.clock = clock
    this_month = now.astimezone(ZONE).date().replace(day=1)
    last_month = add_months(this_month, -1)
    last_end = this_month - dt.timedelta(days=1)
    settings = settings_for(standin)
    with transaction(engine) as session:
        sync_config(session, settings)

        def add(title: str, approved: dt.datetime, published: dt.datetime | None = None) -> None:
            published_at = published or approved
            session.add(
                Item(
                    title=title,
                    language="en",
                    status="approved",
                    approved_at=approved,
                    published_at=published_at,
                    link="https://oidp.net/x",
                )
            )

        add("Mid last month", local(last_month + dt.timedelta(days=9), 10))
        add("Pushed in the fortnight", local(last_month + dt.timedelta(days=3), 10))
        # 00:30 in Madrid on the 1st is 23:30 UTC on the last day of last month.
        add("Just after local midnight", local(this_month, 0, 30))
        # Written by its source last month, approved by the secretariat this month.
        add("Late approval", local(this_month, 11), published=local(last_end - dt.timedelta(2), 8))
    add_user(engine, EDITOR, PASSWORD, role="editor")
    with ConsoleClient(console_app(settings, engine, clock=clock)) as client:
        assert client.sign_in(EDITOR, PASSWORD).status_code == 303
        # A fortnightly edition of last month's first half went to Mailchimp.
        fortnight = drafted(client, engine, last_month, last_month + dt.timedelta(days=13))
        assert titles_in(engine, fortnight) == {"Mid last month", "Pushed in the fortnight"}
        url = f"/newsletter/{fortnight}"
        post(client, f"{url}/approve", back=url)
        assert "created in Mailchimp" in post(client, f"{url}/push")

        whole_last = drafted(client, engine, last_month, last_end)
        this = drafted(client, engine, this_month, this_month + dt.timedelta(days=27))
        assert titles_in(engine, whole_last) == set()  # both went out in the fortnight
        assert titles_in(engine, this) == {"Just after local midnight", "Late approval"}
        # The composer does not offer them again either, not even among the left out.
        composer = client.get(f"/newsletter/{whole_last}").text
        assert "Mid last month" not in composer and "Pushed in the fortnight" not in composer
        assert "Just after local midnight" not in composer and "Late approval" not in composer
        # In another language the items are still free (once translated): the rule is per
        # language, so the Spanish composer lists them among the left out.
        post(client, "/newsletter/drafts", language="es", start=str(last_month), end=str(last_end))
        with transaction(engine) as session:
            spanish = session.scalars(
                select(NewsletterEdition.id).where(NewsletterEdition.language == "es")
            ).one()
        assert "Mid last month" in client.get(f"/newsletter/{spanish}").text


def test_a_draft_refreshed_after_another_edition_went_out_drops_its_items(
    engine: Engine, standin: MailchimpStandIn
) -> None:
    now = local(dt.date(2027, 5, 3), 9)  # summer time: UTC+2
    clock = SteppingClock(now)
    standin.state.clock = clock
    this_month = now.astimezone(ZONE).date().replace(day=1)
    last_month = add_months(this_month, -1)
    settings = settings_for(standin)
    with transaction(engine) as session:
        sync_config(session, settings)
        late_evening = local(last_month + dt.timedelta(days=20), 23, 30)
        session.add(
            Item(title="Shared news", language="en", status="approved", approved_at=late_evening)
        )
    add_user(engine, EDITOR, PASSWORD, role="editor")
    with ConsoleClient(console_app(settings, engine, clock=clock)) as client:
        assert client.sign_in(EDITOR, PASSWORD).status_code == 303
        monthly = drafted(client, engine, last_month, this_month - dt.timedelta(days=1))
        weekly = drafted(
            client, engine, last_month + dt.timedelta(days=15), last_month + dt.timedelta(days=21)
        )
        assert titles_in(engine, monthly) == titles_in(engine, weekly) == {"Shared news"}
        url = f"/newsletter/{weekly}"
        post(client, f"{url}/approve", back=url)
        post(client, f"{url}/push")
        again = drafted(client, engine, last_month, this_month - dt.timedelta(days=1))
        assert again == monthly and titles_in(engine, monthly) == set()

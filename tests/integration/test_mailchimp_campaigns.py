"""The real mailchimp-marketing client against the stand-in: one campaign per edition, ever."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
import requests

from hub.core.errors import RateLimited, Timeout
from hub.core.models import NewsletterEdition
from newsletters.demo import demo_content
from newsletters.errors import (
    AlreadySent,
    ComplianceProblem,
    InvalidMergeFields,
    MailchimpError,
    NotApproved,
)
from newsletters.mailchimp import Campaigns, MailchimpAccount, call, make_client
from newsletters.render import RenderedEdition, render_edition
from newsletters.standin import MailchimpStandIn

NOW = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn() as server:
        server.state.add_subscriber("lectora@example.org", LANGUAGE="es")  # a reader to send to
        yield server


@pytest.fixture
def account(standin: MailchimpStandIn) -> MailchimpAccount:
    return MailchimpAccount(standin.api_key, standin.base_url, standin.list_id, timeout=10)


@pytest.fixture
def campaigns(account: MailchimpAccount) -> Campaigns:
    return Campaigns(make_client(account), account)


@pytest.fixture
def rendered() -> RenderedEdition:
    return render_edition(demo_content("es", items=5))


def approved_edition(status: str = "approved") -> NewsletterEdition:
    return NewsletterEdition(
        id=42,
        language="es",
        period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2026, 11, 30),
        status=status,
        subject="Boletín",
        intro="",
        item_order=[],
        report={},
    )


def test_pushing_again_updates_the_same_campaign(standin, campaigns, rendered):
    edition = approved_edition()
    recorded: list[str | None] = []
    first = campaigns.push(
        edition,
        rendered,
        subject="Boletín",
        record=lambda: recorded.append(edition.mailchimp_campaign_id),
    )
    assert recorded == [first] and edition.mailchimp_campaign_id == first
    second = campaigns.push(edition, rendered, subject="Boletín, corregido")
    assert second == first
    assert list(standin.state.campaigns) == [first]
    assert len(standin.requests_to("POST", "/campaigns")) == 1
    assert len(standin.requests_to("PATCH", f"/campaigns/{first}")) == 1
    campaign = standin.state.campaigns[first]
    assert campaign["settings"]["subject_line"] == "Boletín, corregido"
    condition = campaign["recipients"]["segment_opts"]["conditions"][0]
    assert (condition["field"], condition["op"], condition["value"]) == ("LANGUAGE", "is", "es")
    assert standin.state.contents[first]["html"] == rendered.html
    assert standin.state.contents[first]["plain_text"] == rendered.text


def test_an_edition_that_is_not_approved_never_reaches_mailchimp(standin, campaigns, rendered):
    with pytest.raises(NotApproved):
        campaigns.push(approved_edition(status="draft"), rendered, subject="x")
    with pytest.raises(NotApproved):
        campaigns.send(approved_edition(status="draft"), NOW)
    assert standin.received == []


def test_a_test_send_goes_to_the_given_addresses_only(standin, campaigns, rendered):
    edition = approved_edition()
    campaign_id = campaigns.push(edition, rendered, subject="Boletín")
    campaigns.send_test(edition, ["ana@oidp.net", " bo@oidp.net "])
    assert standin.state.tests == [
        {"campaign_id": campaign_id, "emails": ["ana@oidp.net", "bo@oidp.net"]}
    ]
    assert standin.state.sends == []
    with pytest.raises(ValueError):
        campaigns.send_test(edition, [])


def test_schedule_then_push_again_unschedules_updates_and_can_reschedule(
    standin, campaigns, rendered
):
    edition = approved_edition()
    campaign_id = campaigns.push(edition, rendered, subject="Boletín")
    when = dt.datetime(2031, 1, 5, 9, 15, tzinfo=dt.UTC)
    campaigns.schedule(edition, when)
    assert edition.status == "scheduled" and edition.scheduled_for == when
    assert standin.state.campaigns[campaign_id]["status"] == "schedule"
    campaigns.push(edition, rendered, subject="Boletín v2")
    assert standin.state.campaigns[campaign_id]["status"] == "save"
    assert edition.status == "approved"
    campaigns.schedule(edition, when + dt.timedelta(minutes=15))
    assert standin.state.campaigns[campaign_id]["send_time"] == "2031-01-05T09:30:00+00:00"
    with pytest.raises(ValueError, match="quarter hour"):
        campaigns.schedule(edition, when + dt.timedelta(minutes=7))


def test_a_repeated_send_sends_once(standin, campaigns, rendered):
    edition = approved_edition()
    campaign_id = campaigns.push(edition, rendered, subject="Boletín")
    assert campaigns.send(edition, NOW) is True
    assert edition.status == "sent" and edition.sent_at == NOW
    assert campaigns.send(edition, NOW) is False
    assert standin.state.sends == [campaign_id]
    with pytest.raises(AlreadySent):
        campaigns.push(edition, rendered, subject="too late")


def test_the_report_is_pulled_into_the_edition(standin, campaigns, rendered):
    edition = approved_edition()
    campaign_id = campaigns.push(edition, rendered, subject="Boletín")
    campaigns.send(edition, NOW)
    standin.state.report_overrides[campaign_id] = {
        "emails_sent": 120,
        "unsubscribed": 2,
        "opens": {"opens_total": 90, "unique_opens": 60, "open_rate": 0.5},
        "clicks": {"clicks_total": 30, "unique_subscriber_clicks": 18, "click_rate": 0.15},
    }
    report = campaigns.pull_report(edition, NOW)
    assert edition.report == report
    assert (report["emails_sent"], report["unique_opens"], report["unique_clicks"]) == (120, 60, 18)
    assert report["unsubscribed"] == 2 and report["campaign_id"] == campaign_id


def test_unknown_merge_tags_in_the_content_are_refused_clearly(standin, campaigns):
    broken = RenderedEdition(
        html="<p>Hola *|FOO|* <a href='*|UNSUB|*'>baja</a></p>", text="*|FOO|*"
    )
    with pytest.raises(InvalidMergeFields, match=r"\*\|FOO\|\*"):
        campaigns.push(approved_edition(), broken, subject="x")


def test_a_compliance_hold_is_a_clear_error(standin, campaigns, rendered):
    edition = approved_edition()
    campaigns.push(edition, rendered, subject="x")
    standin.state.compliance_hold = True
    with pytest.raises(ComplianceProblem, match="compliance"):
        campaigns.send(edition, NOW)
    assert edition.status == "approved"


def test_a_wrong_api_key_is_refused(standin):
    bad = MailchimpAccount("wrong-us1", standin.base_url, standin.list_id)
    with pytest.raises(MailchimpError, match="API key"):
        call(make_client(bad).ping.get)


def _hold_connections(standin: MailchimpStandIn, count: int) -> list[threading.Thread]:
    def ping() -> None:
        requests.get(standin.base_url + "/ping", auth=("any", standin.api_key), timeout=30)

    standin.hold()
    threads = [threading.Thread(target=ping) for _ in range(count)]
    for thread in threads:
        thread.start()
    for _ in range(2000):
        if standin.in_flight >= count:
            break
        threading.Event().wait(0.01)
    assert standin.in_flight == count
    return threads


def test_an_eleventh_simultaneous_connection_is_rate_limited(standin, account):
    threads = _hold_connections(standin, 10)
    try:
        with pytest.raises(RateLimited, match="10 simultaneous"):
            call(make_client(account).ping.get)
    finally:
        standin.release()
        for thread in threads:
            thread.join(30)
    assert call(make_client(account).ping.get)["health_status"]


def test_no_answer_in_time_is_a_timeout(standin):
    impatient = MailchimpAccount(standin.api_key, standin.base_url, standin.list_id, timeout=0.2)
    standin.hold()
    try:
        with pytest.raises(Timeout, match="did not answer"):
            call(make_client(impatient).ping.get)
    finally:
        standin.release()

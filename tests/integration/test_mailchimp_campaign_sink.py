"""A campaign sent through the bus is never sent twice: the sink reads its status first.

A worker killed after Mailchimp accepted the send and before the hub recorded
it leaves the delivery in doubt; the next attempt (a new sink, in another
process) reads the campaign's status, finds ``sent`` and returns the receipt
without a second send. Against the Mailchimp stand-in and the real
``mailchimp-marketing`` client.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import pytest

from hub.core.errors import BadPayload, Forbidden
from hub.core.ports import ChannelInfo, Message
from newsletters.sink import CampaignNotReady, mailchimp_sink
from newsletters.standin import MailchimpStandIn
from newsletters.standin_state import subscriber_hash


@pytest.fixture
def standin():
    with MailchimpStandIn(list_id="chaos01") as server:
        yield server


SETTINGS = {"subject_line": "News", "from_name": "IOPD", "reply_to": "news@oidp.net"}


def subscribe(standin: MailchimpStandIn, email: str, language: str, status: str) -> None:
    body = {
        "email_address": email,
        "status_if_new": status,
        "merge_fields": {"LANGUAGE": language},
    }
    answer, _ = standin.state.put_member("chaos01", subscriber_hash(email), body=body)
    assert answer == 200


def campaign(
    standin: MailchimpStandIn, language: str = "en", settings: dict[str, str] | None = None
) -> str:
    subscribe(standin, "reader@example.org", "en", "subscribed")
    condition = {"condition_type": "TextMerge", "field": "LANGUAGE", "op": "is", "value": language}
    segment = {"match": "all", "conditions": [condition]}
    body = {
        "type": "regular",
        "recipients": {"list_id": "chaos01", "segment_opts": segment},
        "settings": SETTINGS if settings is None else settings,
    }
    status, created = standin.state.create_campaign(body=body)
    assert status == 200
    standin.state.set_content(created["id"], body={"html": "<p>Hi</p>", "plain_text": "Hi"})
    return str(created["id"])


def send(standin: MailchimpStandIn, campaign_id: str, **fields: Any) -> str:
    channel = ChannelInfo("newsletter", "mailchimp", "chaos01", base_url=standin.base_url)
    sink = mailchimp_sink(channel, standin.api_key)
    message = replace(
        Message(
            delivery_id=9, kind="campaign", title="Edition", extra={"campaign_id": campaign_id}
        ),
        **fields,
    )
    return asyncio.run(sink.send(message)).platform_message_id


def calls(standin: MailchimpStandIn) -> list[tuple[str, str, int]]:
    return [(r.method, r.path.rsplit("/", 1)[-1], r.status) for r in standin.received]


def test_a_campaign_is_sent_once_after_reading_its_status(standin):
    campaign_id = campaign(standin)
    assert send(standin, campaign_id) == campaign_id
    assert standin.state.sends == [campaign_id]
    assert calls(standin) == [
        ("GET", campaign_id, 200),
        ("GET", "send-checklist", 200),
        ("POST", "send", 204),
    ]


def test_a_retry_after_a_crash_finds_the_campaign_sent_and_does_not_send_again(standin):
    campaign_id = campaign(standin)
    send(standin, campaign_id)  # accepted; the worker is killed before recording it
    assert send(standin, campaign_id, attempt=2, in_doubt=True) == campaign_id
    assert standin.state.sends == [campaign_id]
    assert [c for c in calls(standin) if c[0] == "POST"] == [("POST", "send", 204)]


def test_a_send_racing_past_the_status_read_takes_mailchimps_refusal_as_the_receipt(standin):
    campaign_id = campaign(standin)
    channel = ChannelInfo("newsletter", "mailchimp", "chaos01", base_url=standin.base_url)
    sink = mailchimp_sink(channel, standin.api_key)
    reads = iter(["save", "sent"])  # the first read comes before the other sender's send
    real_status = sink._status

    def racing_status(campaign_id: str) -> str:
        status = next(reads)
        if status == "save":
            standin.state.campaign_action(campaign_id, "send", body=None)  # the other sender
            return status
        return real_status(campaign_id)

    sink._status = racing_status  # type: ignore[method-assign]
    message = Message(9, "campaign", "Edition", extra={"campaign_id": campaign_id})
    assert asyncio.run(sink.send(message)).platform_message_id == campaign_id
    assert standin.state.sends == [campaign_id]


def test_a_campaign_delivery_needs_a_campaign_and_a_key(standin):
    channel = ChannelInfo("newsletter", "mailchimp", "chaos01", base_url=standin.base_url)
    with pytest.raises(BadPayload, match="campaign_id"):
        asyncio.run(mailchimp_sink(channel, standin.api_key).send(Message(1, "campaign", "x")))
    with pytest.raises(Forbidden, match="API key"):
        message = Message(1, "campaign", "x", extra={"campaign_id": campaign(standin)})
        asyncio.run(mailchimp_sink(channel, None).send(message))
    with pytest.raises(BadPayload, match="not found"):
        send(standin, "nosuchcampaign")


# What Mailchimp's send checklist refuses; POST /campaigns/{id}/actions/send answers
# 400 "Your Campaign is not ready to send." (mailchimp.com/developer/marketing/api/
# campaigns/send-campaign/ and .../api/checklist/ for the checklist's shape).
NOT_READY = [
    pytest.param("pt", SETTINGS, "Recipients", id="a-language-with-no-subscribed-reader"),
    pytest.param("en", {**SETTINGS, "subject_line": ""}, "Subject line", id="no-subject"),
    pytest.param("en", {**SETTINGS, "from_name": ""}, "From name", id="no-sender-name"),
    pytest.param("en", {**SETTINGS, "reply_to": ""}, "From email", id="no-reply-to"),
]


@pytest.mark.parametrize(("language", "settings", "reason"), NOT_READY)
def test_a_campaign_that_is_not_ready_is_held_with_the_reason_not_sent(
    standin: MailchimpStandIn, language: str, settings: dict[str, str], reason: str
) -> None:
    subscribe(standin, "newcomer@example.org", "pt", "pending")  # pending is not a reader
    campaign_id = campaign(standin, language, settings)
    status, checklist = standin.state.send_checklist(campaign_id)
    assert status == 200 and checklist["is_ready"] is False
    with pytest.raises(CampaignNotReady, match=f"held, not sent.*{reason}"):
        send(standin, campaign_id)
    assert standin.state.sends == []
    assert not [c for c in calls(standin) if c[0] == "POST"]
    refused = standin.state.campaign_action(campaign_id, "send", body=None)
    assert refused[0] == 400 and refused[1]["detail"] == "Your Campaign is not ready to send."


def test_a_schedule_without_a_time_is_refused_like_mailchimp_not_a_crash(
    standin: MailchimpStandIn,
) -> None:
    status, body = standin.state.campaign_action(campaign(standin), "schedule", body={})
    assert status == 400 and body["title"] == "Invalid Resource"
    assert body["errors"][0]["field"] == "schedule_time"

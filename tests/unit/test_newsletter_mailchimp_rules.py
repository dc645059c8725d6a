"""Pure Mailchimp rules: error mapping, webhook parsing, the operations a member sync sends."""

from __future__ import annotations

import json

import pytest
import requests
from mailchimp_marketing.api_client import ApiClientError

from hub.core.errors import RateLimited, Timeout
from hub.core.models import Member
from newsletters.audience import member_operations, parse_webhook, syncable, tags
from newsletters.errors import (
    ComplianceProblem,
    InvalidMergeFields,
    MailchimpError,
    MailchimpUnavailable,
)
from newsletters.mailchimp import MailchimpAccount, make_client, map_error


def problem(status: int, title: str, detail: str, **extra) -> ApiClientError:
    body = {
        "type": "https://mailchimp.com/x",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": "",
        **extra,
    }
    return ApiClientError(text=json.dumps(body), status_code=status)


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (
            problem(
                400,
                "Invalid Resource",
                "Your merge fields were invalid.",
                errors=[{"field": "FOO", "message": "does not exist"}],
            ),
            InvalidMergeFields,
            "FOO: does not exist",
        ),
        (problem(400, "Invalid merge fields", "uses *|FOO|*"), InvalidMergeFields, "*|FOO|*"),
        (
            problem(400, "Member In Compliance State", "a@b.org is in compliance state"),
            ComplianceProblem,
            "subscribe again themselves",
        ),
        (problem(403, "Compliance Related", "under review"), ComplianceProblem, "under review"),
        (problem(429, "Too Many Requests", "limit of 10"), RateLimited, "10 simultaneous"),
        (problem(401, "API Key Invalid", "wrong"), MailchimpError, "API key"),
        (problem(404, "Resource Not Found", "gone"), MailchimpError, "not found"),
        (problem(503, "Service Unavailable", "later"), MailchimpUnavailable, "503"),
        (ApiClientError(requests.ReadTimeout("read timed out")), Timeout, "did not answer"),
        (ApiClientError(requests.ConnectionError("refused")), MailchimpUnavailable, "cannot reach"),
        (
            ApiClientError(
                text={"title": "Bad Request", "detail": "already sent"}, status_code=400
            ),
            MailchimpError,
            "already sent",
        ),
    ],
)
def test_mailchimp_errors_become_hub_errors_that_say_why(error, kind, words):
    mapped = map_error(error)
    assert isinstance(mapped, kind)
    assert words in str(mapped)


def test_a_rate_limit_says_how_long_to_wait():
    mapped = map_error(problem(429, "Too Many Requests", "slow down"))
    assert isinstance(mapped, RateLimited) and mapped.retry_after > 0


def test_the_client_is_pointed_at_the_base_url_and_the_key_is_never_shown():
    account = MailchimpAccount("secretkey123-us21", "http://127.0.0.1:9/3.0/", "list1")
    client = make_client(account)
    assert client.api_client.host == "http://127.0.0.1:9/3.0"
    assert client.api_client.server == "us21"
    assert "secretkey123" not in repr(account)
    odd = make_client(MailchimpAccount("k-us2", "http://mc-server.local/3.0", "l"))
    assert odd.api_client.server == "server"  # the client's replace() is then a no-op


def test_a_sync_sends_status_if_new_pending_and_never_a_status():
    member = Member(
        id=7,
        organisation="Ajuntament",
        contact_name="Ana",
        email="Ana@Example.org",
        language="ca",
        region="europe",
        member_type="city",
        topics=["youth"],
    )
    put, tag = member_operations(member, "list1")
    body = json.loads(put["body"])
    assert put["method"] == "PUT" and put["path"].startswith("/lists/list1/members/")
    assert body["status_if_new"] == "pending" and "status" not in body
    assert body["merge_fields"]["LANGUAGE"] == "ca" and body["merge_fields"]["ORG"] == "Ajuntament"
    assert tag["path"] == put["path"] + "/tags"
    assert {t["name"] for t in json.loads(tag["body"])["tags"]} == set(tags(member))
    assert "topic:youth" in tags(member) and "region:europe" in tags(member)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"email": "a@b.org"}, True),
        ({"email": "a@b.org", "newsletter_status": "subscribed"}, True),
        ({"email": "a@b.org", "newsletter_status": "unsubscribed"}, False),
        ({"email": "a@b.org", "newsletter_status": "cleaned"}, False),
        ({"email": None}, False),
    ],
)
def test_members_known_to_have_left_are_not_sent_at_all(fields, expected):
    assert syncable(Member(organisation="O", **fields)) is expected


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            "type=unsubscribe&fired_at=2026-11-22+10%3A00%3A00&data%5Baction%5D=unsub"
            "&data%5Bemail%5D=ana%40example.org&data%5Blist_id%5D=a1",
            ("ana@example.org", "unsubscribed"),
        ),
        (
            "type=subscribe&data%5Bemail%5D=b%40example.org&data%5Bmerges%5D%5BLANGUAGE%5D=es",
            ("b@example.org", "subscribed"),
        ),
        (
            "type=cleaned&data%5Bemail%5D=c%40example.org&data%5Breason%5D=hard",
            ("c@example.org", "cleaned"),
        ),
        (
            "type=profile&data%5Bemail%5D=d%40example.org&data%5Bmerges%5D%5BLANGUAGE%5D=fr",
            ("d@example.org", None),
        ),
    ],
)
def test_a_webhook_payload_becomes_the_change_to_apply(payload, expected):
    change = parse_webhook(payload)
    assert change is not None
    assert (change.email, change.status) == expected


def test_webhook_email_changes_languages_and_noise():
    change = parse_webhook(
        {"type": "upemail", "data[old_email]": "a@x.org", "data[new_email]": "b@x.org"}
    )
    assert change is not None and (change.email, change.new_email) == ("a@x.org", "b@x.org")
    profile = parse_webhook(
        "type=profile&data%5Bemail%5D=d%40x.org&data%5Bmerges%5D%5BLANGUAGE%5D=fr"
    )
    assert profile is not None and profile.language == "fr"
    assert parse_webhook("type=campaign&data%5Bid%5D=1") is None
    assert parse_webhook("hello") is None
    assert parse_webhook({"type": "unsubscribe"}) is None

"""Audience sync against the stand-in: batches, double opt-in, and nobody resubscribed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.models import Member
from newsletters.audience import (
    apply_changes,
    apply_webhook,
    pull_changes,
    subscribe_member,
    sync_members,
)
from newsletters.errors import ComplianceProblem
from newsletters.mailchimp import MailchimpAccount, call, make_client
from newsletters.standin import MailchimpStandIn
from newsletters.standin_state import StandInState, subscriber_hash

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)  # the stand-in's clock: any date


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn(clock=lambda: NOW) as server:
        yield server


@pytest.fixture
def client(standin: MailchimpStandIn):
    return make_client(MailchimpAccount(standin.api_key, standin.base_url, standin.list_id))


def member(index: int, **fields: object) -> Member:
    values: dict[str, object] = {
        "id": index,
        "organisation": f"City {index}",
        "contact_name": f"Contact {index}",
        "email": f"m{index}@example.org",
        "language": "es",
        "region": "latin-america",
        "member_type": "city",
        "topics": ["youth"],
    }
    values.update(fields)
    return Member(**values)


def no_wait(_seconds: float) -> None:
    return None


def test_members_go_in_batches_as_pending_with_merge_fields_and_tags(standin, client):
    members = [member(i) for i in range(1, 26)]
    done: list[int] = []
    report = sync_members(
        client, standin.list_id, members, per_batch=10, sleep=no_wait, progress=done.append
    )
    assert (report.members, report.operations, len(report.batches)) == (25, 50, 3)
    assert report.errored == 0 and done == [10, 20, 25]
    assert len(standin.requests_to("POST", "/batches")) == 3
    assert standin.requests_to("PUT", "/members/") == []  # everything went through batches
    stored = standin.state.members[subscriber_hash("m3@example.org")]
    assert stored["status"] == "pending"
    assert stored["merge_fields"]["LANGUAGE"] == "es" and stored["merge_fields"]["ORG"] == "City 3"
    assert {t["name"] for t in stored["tags"]} >= {
        "region:latin-america",
        "type:city",
        "topic:youth",
    }
    assert "m3@example.org" in standin.state.confirmations


def test_a_member_who_unsubscribed_in_mailchimp_is_never_resubscribed(standin, client):
    ana = member(1, newsletter_status="subscribed")
    assert ana.email is not None
    sync_members(client, standin.list_id, [ana], sleep=no_wait)
    standin.state.members[subscriber_hash(ana.email)]["status"] = "unsubscribed"  # in Mailchimp
    ana.organisation = "City 1, renamed"
    report = sync_members(client, standin.list_id, [ana], sleep=no_wait)
    stored = standin.state.members[subscriber_hash(ana.email)]
    assert stored["status"] == "unsubscribed"
    assert stored["merge_fields"]["ORG"] == "City 1, renamed"  # data still updated
    assert report.errored == 0


def test_members_known_to_have_unsubscribed_are_not_sent(standin, client):
    report = sync_members(
        client,
        standin.list_id,
        [member(1, newsletter_status="unsubscribed"), member(2, email=None), member(3)],
        sleep=no_wait,
    )
    assert (report.members, report.skipped) == (1, 2)
    assert list(standin.state.members) == [subscriber_hash("m3@example.org")]


def test_failed_operations_are_reported_not_raised():
    with MailchimpStandIn(state=StandInState(merge_fields=("FNAME",))) as standin:
        client = make_client(MailchimpAccount(standin.api_key, standin.base_url, standin.list_id))
        report = sync_members(client, standin.list_id, [member(1), member(2)], sleep=no_wait)
    assert report.errored == 4  # two PUTs refused, so two tag posts find no member
    assert any("merge fields were invalid" in error for error in report.errors)


def test_a_pull_brings_unsubscribes_back_to_the_members(standin, client, engine):
    with Session(engine) as session, session.begin():
        session.add_all([member(1, id=None), member(2, id=None, newsletter_status="subscribed")])
    with Session(engine) as session:
        members = list(session.scalars(select(Member)))
    sync_members(client, standin.list_id, members, sleep=no_wait)
    standin.state.confirm("m1@example.org")
    since = NOW - dt.timedelta(hours=1)
    standin.state.members[subscriber_hash("m2@example.org")]["status"] = "unsubscribed"
    changes = pull_changes(client, standin.list_id, since, page_size=1)
    assert {c.email: c.status for c in changes} == {
        "m1@example.org": "subscribed",
        "m2@example.org": "unsubscribed",
    }
    with Session(engine) as session, session.begin():
        assert apply_changes(session, changes) == 2
    with Session(engine) as session:
        statuses = {m.email: m.newsletter_status for m in session.scalars(select(Member))}
    assert statuses == {"m1@example.org": "subscribed", "m2@example.org": "unsubscribed"}
    later = pull_changes(client, standin.list_id, NOW + dt.timedelta(hours=1))
    assert later == []


def test_a_webhook_unsubscribe_is_applied_to_the_member(engine):
    with Session(engine) as session, session.begin():
        session.add(member(1, id=None, email="Ana@Example.org", newsletter_status="subscribed"))
    payload = "type=unsubscribe&data%5Bemail%5D=ana%40example.org"
    with Session(engine) as session, session.begin():
        assert apply_webhook(session, payload) is True
        assert session.scalars(select(Member)).one().newsletter_status == "unsubscribed"
    with Session(engine) as session, session.begin():
        assert apply_webhook(session, payload) is False  # already applied
        assert apply_webhook(session, "type=campaign&data%5Bid%5D=1") is False


def test_asking_to_subscribe_from_chat_is_a_double_opt_in(standin, client):
    newcomer = member(1)
    assert subscribe_member(client, standin.list_id, newcomer) == "pending"
    assert newcomer.newsletter_status == "pending"
    assert standin.state.confirmations == ["m1@example.org"]

    standin.state.confirm("m1@example.org")
    assert subscribe_member(client, standin.list_id, newcomer) == "subscribed"

    standin.state.members[subscriber_hash("m1@example.org")]["status"] = "unsubscribed"
    assert subscribe_member(client, standin.list_id, newcomer) == "pending"  # asked again
    assert standin.state.confirmations == ["m1@example.org", "m1@example.org"]

    standin.state.members[subscriber_hash("m1@example.org")]["status"] = "cleaned"
    with pytest.raises(ComplianceProblem, match="cleaned"):
        subscribe_member(client, standin.list_id, newcomer)


def test_the_standin_refuses_to_resubscribe_as_mailchimp_does(standin, client):
    sync_members(client, standin.list_id, [member(1)], sleep=no_wait)
    standin.state.members[subscriber_hash("m1@example.org")]["status"] = "unsubscribed"
    with pytest.raises(ComplianceProblem, match="compliance state"):
        call(
            client.lists.update_list_member,
            standin.list_id,
            subscriber_hash("m1@example.org"),
            {"status": "subscribed"},
        )


@pytest.mark.parametrize(
    "email",
    [
        "fooboo@example.com",  # refused by Mailchimp in JustFixNYC/tenants2#1554
        "showpeta@yopmail.com",  # VingtCinq/python-mailchimp#183
        "nl2@trash-mail.com",  # mailchimp/mc-magento2#476
        "someone@host.test",  # RFC 6761 reserved names
        "no-at-sign.example.org",
        "two@@example.org",
        "dot@less",
    ],
)
def test_an_address_that_looks_fake_is_refused_with_mailchimps_body(email: str) -> None:
    state = StandInState()
    body = {"email_address": email, "status_if_new": "pending"}
    status, reply = state.put_member(state.list_id, subscriber_hash(email), body=body)
    assert status == 400 and reply["title"] == "Invalid Resource"
    assert reply["detail"] == f"{email} looks fake or invalid, please enter a real email address."
    assert state.members == {}


def test_a_sync_reports_fake_addresses_and_adds_the_others(standin, client):
    members = [member(1), member(2, email="fooboo@example.com"), member(3)]
    report = sync_members(client, standin.list_id, members, sleep=no_wait)
    assert report.errored == 2  # the member, then its tags (no such member: 404)
    assert "member-2: Invalid Resource fooboo@example.com looks fake or invalid" in report.errors[0]
    assert set(standin.state.members) == {
        subscriber_hash("m1@example.org"),
        subscriber_hash("m3@example.org"),
    }


def test_a_required_merge_field_left_empty_is_refused() -> None:
    """ibericode/mailchimp-for-wordpress#545: "Your merge fields were invalid." with
    LNAME "Please enter a value" when the audience requires LNAME."""
    state = StandInState()
    state.required_merge_fields = {"ORG"}
    email = "ana@example.org"
    body = {"email_address": email, "status_if_new": "pending", "merge_fields": {"FNAME": "Ana"}}
    status, reply = state.put_member(state.list_id, subscriber_hash(email), body=body)
    assert status == 400 and reply["detail"] == "Your merge fields were invalid."
    assert reply["errors"] == [{"field": "ORG", "message": "Please enter a value"}]
    body["merge_fields"] = {"FNAME": "Ana", "ORG": "Porto Alegre"}
    assert state.put_member(state.list_id, subscriber_hash(email), body=body)[0] == 200
    emptied = {"merge_fields": {"ORG": ""}}
    assert state.patch_member(state.list_id, subscriber_hash(email), body=emptied)[0] == 400

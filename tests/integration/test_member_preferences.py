"""The members' own preferences page, reached by a signed link, against the Mailchimp stand-in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.members.links import (
    LINK_LIFETIME,
    member_of_token,
    preferences_token,
    preferences_url,
)
from hub.core.models import Member
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    console_app,
    csrf_token,
)
from newsletters.standin import MailchimpStandIn
from newsletters.standin_state import subscriber_hash

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
EMAIL = "ana@girona.cat"


def settings_with(standin: MailchimpStandIn) -> Settings:
    return Settings.model_validate(
        {
            "hub": {
                "name": "Test hub",
                "languages": ["en", "es", "ca"],
                "public_url": "https://hub.example.org",
            },
            "channels": {
                "news_en": {"platform": "memory", "target": "news-en"},
                "newsletter": {
                    "platform": "mailchimp",
                    "target": standin.list_id,
                    "base_url": standin.base_url,
                    "token_env": "MAILCHIMP_API_KEY",
                },
            },
            "secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY, "MAILCHIMP_API_KEY": standin.api_key},
        }
    )


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn() as server:
        yield server


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(NOW)


@pytest.fixture
def client(engine: Engine, standin: MailchimpStandIn, clock: SteppingClock) -> Iterator[Any]:
    settings = settings_with(standin)
    with transaction(engine) as session:
        sync_config(session, settings)
    app = console_app(settings, engine, clock=clock)
    with ConsoleClient(app, base_url="https://hub.example.org") as client:
        yield client


def add_member(engine: Engine, **values: object) -> int:
    with transaction(engine) as session:
        member = Member(
            **{
                "organisation": "Ajuntament de Girona",
                "email": EMAIL,
                "language": "es",
                "topics": ["climate"],
                **values,
            }
        )
        session.add(member)
        session.flush()
        return member.id


def load(engine: Engine, member_id: int) -> Member:
    with transaction(engine) as session:
        found = session.get(Member, member_id)
        assert found is not None
        session.expunge(found)
        return found


def link(member_id: int, at: dt.datetime = NOW) -> str:
    return f"/preferences/{preferences_token(TEST_SECRET_KEY, member_id, at)}"


def test_tokens_name_their_member_and_expire() -> None:
    token = preferences_token(TEST_SECRET_KEY, 42, NOW)
    assert member_of_token(TEST_SECRET_KEY, token, NOW + dt.timedelta(days=89)) == 42
    assert member_of_token(TEST_SECRET_KEY, token, NOW + LINK_LIFETIME + dt.timedelta(1)) is None
    assert member_of_token("another-secret-key-of-enough-length-000", token, NOW) is None
    payload, signature = token.split(".")
    assert member_of_token(TEST_SECRET_KEY, payload + "." + signature[::-1], NOW) is None


def test_the_signed_link_shows_the_page_in_the_members_language(
    engine: Engine, client: ConsoleClient
) -> None:
    member_id = add_member(engine)
    page = client.get(link(member_id), headers={"accept-language": "en"})
    assert page.status_code == 200
    assert '<html lang="es">' in page.text and "Ajuntament de Girona" in page.text
    assert 'value="climate" checked' in page.text and 'value="youth">' in page.text
    catalan = client.get(link(add_member(engine, email="pau@lleida.cat", language="ca"))).text
    assert '<html lang="ca">' in catalan
    french = client.get(link(add_member(engine, email="anne@dakar.sn", language="fr"))).text
    assert '<html lang="fr">' in french and "Vos préférences" in french
    german = add_member(engine, email="jonas@bonn.de", language="de")  # not a network language
    fallback = client.get(link(german)).text
    assert '<html lang="en">' in fallback and "Your preferences" in fallback


def test_tampered_expired_and_erased_links_are_refused(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    member_id = add_member(engine)
    good = link(member_id)
    other = add_member(engine, email="pau@lleida.cat")
    forged = good.replace(
        good.split("/")[-1].split(".")[0], link(other).split("/")[-1].split(".")[0]
    )
    for url in (forged, good[:-2] + "xx", "/preferences/nonsense"):
        response = client.get(url)
        assert response.status_code == 404 and "not valid any more" in response.text, url
    clock.advance(days=91)
    assert client.get(good).status_code == 404
    fresh = link(member_id, clock.now)
    assert client.get(fresh).status_code == 200
    with transaction(engine) as session:
        erased = session.get(Member, member_id)
        assert erased is not None
        erased.erased_at = clock.now
    assert client.get(fresh).status_code == 404


def test_saving_updates_the_member_and_the_mailchimp_audience(
    engine: Engine, client: ConsoleClient, standin: MailchimpStandIn
) -> None:
    member_id = add_member(engine)
    url = link(member_id)
    token = csrf_token(client.get(url).text)
    saved = client.post(
        url,
        data={
            "csrf_token": token,
            "language": "ca",
            "topics": ["youth", "gender"],
            "channels": ["telegram"],
            "newsletter": "on",
        },
    )
    assert saved.status_code == 303
    # the member just chose Catalan: the page answers in it
    assert "Confirma la teva subscripció" in client.follow(saved).text
    member = load(engine, member_id)
    assert member.topics == ["gender", "youth"] and member.language == "ca"
    assert member.channels == ["telegram", "email"]
    assert member.newsletter_status == "pending" and member.last_seen_at == NOW
    contact = standin.state.members[subscriber_hash(EMAIL)]
    assert contact["status"] == "pending" and EMAIL in standin.state.confirmations
    assert contact["merge_fields"]["TOPICS"] == "gender, youth"
    assert contact["merge_fields"]["LANGUAGE"] == "ca"
    prefs = contact["merge_fields"]["PREFS_URL"]
    assert prefs.startswith("https://hub.example.org/preferences/")
    assert member_of_token(TEST_SECRET_KEY, prefs.rsplit("/", 1)[1], NOW) == member_id
    assert {t["name"] for t in contact["tags"]} == {"lang:ca", "topic:gender", "topic:youth"}

    standin.state.confirm(EMAIL)
    token = csrf_token(client.get(url).text)
    off = client.post(url, data={"csrf_token": token, "language": "ca", "topics": ["youth"]})
    assert "Desat. Gràcies!" in client.follow(off).text  # in the Catalan the member chose
    member = load(engine, member_id)
    assert member.newsletter_status == "unsubscribed" and member.channels == []
    assert standin.state.members[subscriber_hash(EMAIL)]["status"] == "unsubscribed"
    assert {t["name"] for t in contact["tags"]} == {"lang:ca", "topic:youth"}
    with transaction(engine) as session:
        actors = list(session.scalars(select(AuditEntry.actor)))
    assert actors == [f"member:{member_id} (preferences page)"] * 2


def test_a_mailchimp_failure_keeps_the_choices_and_says_so(
    engine: Engine, client: ConsoleClient, standin: MailchimpStandIn
) -> None:
    member_id = add_member(engine, newsletter_status="cleaned")
    standin.state.members[subscriber_hash(EMAIL)] = {
        "id": subscriber_hash(EMAIL),
        "email_address": EMAIL,
        "status": "cleaned",
        "merge_fields": {},
        "tags": [],
        "language": "",
        "list_id": standin.list_id,
    }
    url = link(member_id)
    page = client.get(url).text
    assert 'id="newsletter" name="newsletter" value="on" disabled' in page
    with transaction(engine) as session:
        found = session.get(Member, member_id)
        assert found is not None
        found.newsletter_status = "subscribed"  # the hub has not heard of the bounce yet
    token = csrf_token(page)
    saved = client.post(url, data={"csrf_token": token, "language": "es", "newsletter": "on"})
    said = client.follow(saved).text  # the member just chose Spanish: the page speaks it
    assert '<html lang="es">' in said
    assert "no se ha podido cambiar la suscripción al boletín" in said
    member = load(engine, member_id)
    assert member.topics == [] and member.last_seen_at == NOW


def test_saving_needs_the_csrf_token(engine: Engine, client: ConsoleClient) -> None:
    member_id = add_member(engine)
    url = link(member_id)
    client.get(url)
    refused = client.post(url, data={"language": "en", "topics": ["youth"]})
    assert refused.status_code == 403
    member = load(engine, member_id)
    assert member.topics == ["climate"] and member.last_seen_at is None


def test_the_link_is_absolute_with_a_public_url(standin: MailchimpStandIn) -> None:
    url = preferences_url(settings_with(standin), 7, NOW)
    assert url is not None and url.startswith("https://hub.example.org/preferences/")


def test_the_audience_sync_carries_each_members_link(standin: MailchimpStandIn) -> None:
    from newsletters.audience import sync_members
    from newsletters.mailchimp import MailchimpAccount, make_client

    settings = settings_with(standin)
    members = [
        Member(id=3, organisation="Girona", email=EMAIL, language="ca", topics=[]),
        Member(id=4, organisation="Lleida", email="info@lleida.cat", topics=[]),
    ]
    client = make_client(MailchimpAccount(standin.api_key, standin.base_url, standin.list_id))
    report = sync_members(
        client,
        standin.list_id,
        members,
        poll_every=0.01,
        links=lambda member: preferences_url(settings, member.id, NOW),
    )
    assert report.members == 2 and report.errored == 0
    for member in members:
        assert member.email is not None
        fields = standin.state.members[subscriber_hash(member.email)]["merge_fields"]
        token = fields["PREFS_URL"].rsplit("/", 1)[1]
        assert member_of_token(TEST_SECRET_KEY, token, NOW) == member.id

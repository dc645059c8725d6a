"""The newsletter composer in the console: draft, compose, preview, test, push, schedule, report.

Mailchimp is the loopback stand-in, reached the way ``hub newsletter push``
reaches it (the account of ``[channels.newsletter]``). The signed-in user is
an editor: newsletters are an editor's work.
"""

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
from hub.core.models import Item, Member, NewsletterEdition, Source
from hub.web.newsletter_send_views import addresses_of, scheduled_time
from hub.web.newsletter_views import moved
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

EMAIL, PASSWORD = "editor@example.org", "correct horse battery"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
START, END = "2026-11-01", "2026-11-30"


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, 10, tzinfo=dt.UTC)


def settings_for(mailchimp_base_url: str | None, api_key: str = "", list_id: str = "") -> Settings:
    """The example deployment, with a Mailchimp channel when a base URL is given."""
    data = example_settings().model_dump()
    secrets = {"HUB_SECRET_KEY": TEST_SECRET_KEY}
    if mailchimp_base_url:
        data["channels"]["newsletter"] = {
            "platform": "mailchimp",
            "target": list_id,
            "base_url": mailchimp_base_url,
            "token_env": "MAILCHIMP_API_KEY",
        }
        secrets["MAILCHIMP_API_KEY"] = api_key
    return Settings.model_validate({**data, "secrets": secrets})


def seed(engine: Engine, settings: Settings) -> dict[str, int]:
    """November's items: two from the network, one from a member, one only in Spanish."""
    with transaction(engine) as session:
        sync_config(session, settings)
        feed = session.scalar(select(Source).where(Source.key == "news_feed"))
        assert feed is not None
        member = Member(organisation="Ajuntament de Girona", email="g@example.org", topics=[])
        session.add(member)
        session.flush()

        def add(title: str, day: int, **fields: Any) -> Item:
            values = {"status": "approved", "language": "en", "tags": [], "source_id": feed.id}
            made = Item(
                title=title,
                link=f"https://oidp.net/{day}",
                published_at=at(day),
                approved_at=at(day),
                **values | fields,
            )
            session.add(made)
            return made

        items = {
            "lyon": add("Citizens' assembly in Lyon", 10),
            "cascais": add("Youth budget in Cascais", 12),
            "girona": add("Girona opens its budget", 8, member_id=member.id, source_id=None),
            "rosario": add("Presupuesto participativo en Rosario", 15, language="es"),
            "pending": add("Not yet approved", 16, status="pending"),
        }
        session.flush()
        return {key: item.id for key, item in items.items()}


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(NOW)


@pytest.fixture
def standin(clock: SteppingClock) -> Iterator[MailchimpStandIn]:
    # One clock for the console and the platform: Mailchimp refuses schedules in its past.
    with MailchimpStandIn(clock=clock) as server:
        yield server


def signed_in(engine: Engine, settings: Settings, clock: SteppingClock) -> ConsoleClient:
    add_user(engine, EMAIL, PASSWORD, role="editor")
    client = ConsoleClient(console_app(settings, engine, clock=clock))
    assert client.sign_in(EMAIL, PASSWORD).status_code == 303
    return client


@pytest.fixture
def world(
    engine: Engine, standin: MailchimpStandIn, clock: SteppingClock
) -> Iterator[tuple[ConsoleClient, dict[str, int]]]:
    standin.state.clock = clock  # Mailchimp's "in the future" is the console's, not the real date
    settings = settings_for(standin.base_url, standin.api_key, standin.list_id)
    ids = seed(engine, settings)
    with signed_in(engine, settings, clock) as client:
        yield client, ids


def post(client: ConsoleClient, url: str, **data: str) -> Any:
    """A form post with the page's CSRF token; returns the page the redirect leads to."""
    token = csrf_token(client.get("/newsletter").text)
    response = client.post(url, data={"csrf_token": token, **data})
    assert response.status_code == 303, (response.status_code, response.text[:300])
    return client.follow(response)


def draft(client: ConsoleClient, language: str = "en") -> int:
    page = post(client, "/newsletter/drafts", start=START, end=END, language=language)
    assert page.status_code == 200
    return int(str(page.url).rstrip("/").rsplit("/", 1)[1])


def edition(engine: Engine, edition_id: int) -> NewsletterEdition:
    with transaction(engine) as session:
        found = session.get(NewsletterEdition, edition_id)
        assert found is not None
        session.expunge(found)
        return found


def audited(engine: Engine, action: str) -> list[str | None]:
    with transaction(engine) as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        return [f"{r.actor} {r.target} {r.detail}" for r in rows]


# --- pure helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "item", "step", "expected"),
    [
        ([1, 2, 3], 2, -1, [2, 1, 3]),
        ([1, 2, 3], 2, 1, [1, 3, 2]),
        ([1, 2, 3], 1, -1, [1, 2, 3]),  # first stays first
        ([1, 9, 2], 2, -1, [2, 9, 1]),  # 9 is in another section: skipped over
        ([1, 9, 2], 1, 1, [2, 9, 1]),
    ],
)
def test_an_item_moves_past_its_neighbour_in_the_same_section(
    order: list[int], item: int, step: int, expected: list[int]
) -> None:
    sections = {1: "network", 2: "network", 3: "network", 9: "members"}
    assert moved(order, item, step, sections) == expected


def test_a_schedule_is_read_in_the_deployment_time_zone_and_checked() -> None:
    when = scheduled_time("2026-11-24", "09:00", "Europe/Madrid", NOW)
    assert when == dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
    summer = scheduled_time("2027-07-01", "09:15", "Europe/Madrid", NOW)
    assert summer == dt.datetime(2027, 7, 1, 7, 15, tzinfo=dt.UTC)
    for day, time, words in [
        ("2026-11-24", "09:10", "quarter hour"),
        ("2026-11-22", "09:00", "has passed"),
        ("24/11/2026", "09:00", "YYYY-MM-DD"),
    ]:
        with pytest.raises(ValueError, match=words):
            scheduled_time(day, time, "Europe/Madrid", NOW)


def test_test_addresses_are_checked() -> None:
    assert addresses_of("a@example.org, b@example.org") == ["a@example.org", "b@example.org"]
    for bad in ("", "not-an-address", "a@example.org, <x>@y.z"):
        with pytest.raises(ValueError):
            addresses_of(bad)


# --- drafting and composing -----------------------------------------------------------


def test_an_editor_drafts_the_period_and_sees_it_by_section(
    engine: Engine, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, ids = world
    assert "Draft the edition" in client.get("/newsletter").text
    edition_id = draft(client)
    stored = edition(engine, edition_id)
    assert stored.status == "draft" and stored.language == "en"
    assert stored.item_order == [ids["girona"], ids["cascais"], ids["lyon"]]
    page = client.get(f"/newsletter/{edition_id}").text
    assert page.index("News from members") < page.index("Girona opens") < page.index("Cascais")
    assert "Presupuesto participativo en Rosario" in page and "needs a translation" in page
    assert "Not yet approved" not in page
    assert "Draft the Español (es) edition" in page  # the other languages of the period
    assert [f"{EMAIL} edition:{edition_id} en 2026-11-01..2026-11-30"] == audited(
        engine, "draft_edition"
    )
    every = post(client, "/newsletter/drafts", start=START, end=END, language="all")
    assert "Drafted 3 editions" in every.text


def test_each_language_edition_of_the_period_is_one_click_away(
    engine: Engine, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, ids = world
    english = draft(client)
    assert "Draft the Español (es) edition" in client.get(f"/newsletter/{english}").text
    spanish = draft(client, "es")
    assert edition(engine, spanish).item_order == [ids["rosario"]]
    page = client.get(f"/newsletter/{spanish}").text
    assert f'<a href="/newsletter/{english}">English (en)</a>' in page
    assert page.count("needs a translation first") == 3  # the English items, left out
    assert page.count('<iframe sandbox="allow-same-origin" ') == 2


def test_a_draft_with_a_bad_period_is_refused_in_words(
    world: tuple[ConsoleClient, dict[str, int]],
) -> None:
    client, _ids = world
    page = post(client, "/newsletter/drafts", start=END, end=START, language="en")
    assert "The period ends before it starts." in page.text
    page = post(client, "/newsletter/drafts", start="soon", end=END, language="en")
    assert "First day must be a date" in page.text
    page = post(client, "/newsletter/drafts", start=START, end=END, language="xx")
    assert "Choose one of the deployment" in page.text


def test_items_move_within_their_section_are_removed_and_added_back(
    engine: Engine, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, ids = world
    edition_id = draft(client)
    base = f"/newsletter/{edition_id}/items"
    post(client, f"{base}/{ids['lyon']}/move", direction="up")
    assert edition(engine, edition_id).item_order == [ids["girona"], ids["lyon"], ids["cascais"]]
    # Girona is alone in its section: moving it down changes nothing.
    post(client, f"{base}/{ids['girona']}/move", direction="down")
    assert edition(engine, edition_id).item_order == [ids["girona"], ids["lyon"], ids["cascais"]]
    page = post(client, f"{base}/{ids['cascais']}/remove")
    assert "Removed “Youth budget in Cascais”" in page.text
    assert edition(engine, edition_id).item_order == [ids["girona"], ids["lyon"]]
    # htmx sends the same form with its header and follows the redirect itself.
    token = csrf_token(client.get("/newsletter").text)
    response = client.post(
        f"{base}/{ids['cascais']}/add", data={"csrf_token": token}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 303
    assert edition(engine, edition_id).item_order == [ids["girona"], ids["lyon"], ids["cascais"]]
    refused = post(client, f"{base}/{ids['rosario']}/add")
    assert "has no text in en yet: translate it first" in refused.text
    refused = post(client, f"{base}/{ids['pending']}/add")
    assert "Only the period&#39;s approved items can be added." in refused.text
    assert len(audited(engine, "reorder_edition")) == 2
    assert audited(engine, "remove_from_edition") and audited(engine, "add_to_edition")


def test_subject_and_introduction_reach_the_preview_and_undo_an_approval(
    engine: Engine, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, _ids = world
    edition_id = draft(client)
    post(client, f"/newsletter/{edition_id}/approve", back=f"/newsletter/{edition_id}")
    assert edition(engine, edition_id).status == "approved"
    page = post(
        client,
        f"/newsletter/{edition_id}/text",
        subject="November in the network",
        intro="Dear members,\n\nA month of <b>assemblies</b>.",
    )
    assert "Saved the subject and the introduction." in page.text
    stored = edition(engine, edition_id)
    assert (stored.status, stored.approved_by, stored.subject) == (
        "draft",
        None,
        "November in the network",
    )
    preview = client.get(f"/newsletter/{edition_id}/preview").text
    assert "A month of &lt;b&gt;assemblies&lt;/b&gt;." in preview and "<b>assemblies" not in preview
    assert audited(engine, "edit_edition") == [
        f"{EMAIL} edition:{edition_id} subject and introduction"
    ]


def test_a_translation_written_in_the_composer_lets_the_item_in(
    engine: Engine, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, ids = world
    edition_id = draft(client)
    url = f"/newsletter/{edition_id}/items/{ids['rosario']}"
    refused = post(client, f"{url}/translation", title="  ", summary="")
    assert "The translation needs a title." in refused.text
    page = post(
        client,
        f"{url}/translation",
        title="Participatory budget in Rosario",
        summary="Neighbourhoods <script>x</script> vote.",
    )
    assert "Saved the en text" in page.text
    post(client, f"{url}/add")
    assert edition(engine, edition_id).item_order[-1] == ids["rosario"]
    preview = client.get(f"/newsletter/{edition_id}/preview").text
    assert "Participatory budget in Rosario" in preview and "<script>x" not in preview
    spanish = post(client, f"/newsletter/{edition_id}/items/{ids['lyon']}/translation", title="x")
    assert "Saved the en text" not in spanish.text  # Lyon is written in English: refused
    assert audited(engine, "translate") == [f"{EMAIL} item:{ids['rosario']} en"]


def test_the_preview_may_be_framed_by_the_console_only_and_is_sandboxed(
    world: tuple[ConsoleClient, dict[str, int]],
) -> None:
    client, _ids = world
    edition_id = draft(client)
    composer = client.get(f"/newsletter/{edition_id}")
    # the console's origin (its pictures load behind its sign-in), never scripts or forms
    assert composer.text.count('<iframe sandbox="allow-same-origin" ') == 2
    assert "allow-scripts" not in composer.text and "allow-forms" not in composer.text
    assert "frame-ancestors 'none'" in composer.headers["content-security-policy"]
    assert composer.headers["x-frame-options"] == "DENY"
    preview = client.get(f"/newsletter/{edition_id}/preview")
    policy = preview.headers["content-security-policy"]
    assert "frame-ancestors 'self'" in policy and "sandbox allow-same-origin" in policy
    assert "allow-scripts" not in policy and "allow-forms" not in policy
    assert "script-src" not in policy and "default-src 'none'" in policy
    assert preview.headers["x-frame-options"] == "SAMEORIGIN"
    assert "Youth budget in Cascais" in preview.text
    # Mailchimp's merge tags read as in a member's copy, not as *|IF:...|* syntax
    assert "*|" not in preview.text and "Update your preferences" in preview.text
    assert "(the audience's postal address)" in preview.text


# --- Mailchimp ------------------------------------------------------------------------


def test_nothing_goes_to_mailchimp_before_approval(
    engine: Engine, standin: MailchimpStandIn, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, _ids = world
    edition_id = draft(client)
    url = f"/newsletter/{edition_id}"
    for action, data in [
        ("push", {}),
        ("test", {"to": "me@example.org"}),
        ("schedule", {"day": "2026-11-24", "time": "09:00"}),
    ]:
        page = post(client, f"{url}/{action}", **data)
        assert "is a draft: approve it before it goes to Mailchimp" in page.text, action
    assert standin.state.campaigns == {} and standin.received == []
    assert edition(engine, edition_id).mailchimp_campaign_id is None


def test_test_push_schedule_and_report_through_the_mailchimp_standin(
    engine: Engine, standin: MailchimpStandIn, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, _ids = world
    edition_id = draft(client)
    url = f"/newsletter/{edition_id}"
    post(client, f"{url}/approve", back=url)

    page = post(client, f"{url}/test", to="proof@example.org")
    campaign_id = edition(engine, edition_id).mailchimp_campaign_id
    assert campaign_id and "Test of edition" in page.text and "proof@example.org" in page.text
    assert standin.state.tests == [{"campaign_id": campaign_id, "emails": ["proof@example.org"]}]
    default = post(client, f"{url}/test")  # no address given: the user's own
    assert EMAIL in default.text and standin.state.tests[-1]["emails"] == [EMAIL]

    page = post(client, f"{url}/push")
    assert f"Campaign {campaign_id} updated in Mailchimp." in page.text
    assert list(standin.state.campaigns) == [campaign_id]
    assert "Youth budget in Cascais" in standin.state.contents[campaign_id]["html"]

    refused = post(client, f"{url}/schedule", day="2026-11-24", time="09:05")
    assert "quarter hour" in refused.text
    page = post(client, f"{url}/schedule", day="2026-11-24", time="09:00")
    assert "scheduled for 24 Nov 2026 09:00 (08:00 UTC)" in page.text
    stored = edition(engine, edition_id)
    assert stored.status == "scheduled"
    assert stored.scheduled_for == dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC)
    assert standin.state.campaigns[campaign_id]["status"] == "schedule"
    refused = post(client, f"{url}/text", subject="Late change", intro="")
    assert "can no longer be changed" in refused.text

    too_soon = post(client, f"{url}/report")
    assert "Mailchimp has no report for edition" in too_soon.text
    # Mailchimp sends at the scheduled time and counts what followed.
    standin.state.campaigns[campaign_id].update(
        status="sent", send_time="2026-11-24T08:00:00+00:00", emails_sent=400
    )
    standin.state.report_overrides[campaign_id] = {
        "opens": {"unique_opens": 180, "open_rate": 0.45, "opens_total": 300},
        "clicks": {"unique_subscriber_clicks": 42, "click_rate": 0.105, "clicks_total": 60},
        "bounces": {"hard_bounces": 3, "soft_bounces": 7},
        "unsubscribed": 2,
    }
    page = post(client, f"{url}/report").text
    assert "The report was read from Mailchimp." in page
    assert "180 (45 %)" in page and "42 (10 %)" in page and "hard: 3, soft: 7" in page
    stored = edition(engine, edition_id)
    assert stored.status == "sent" and stored.sent_at == dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC)
    assert stored.report["unsubscribed"] == 2 and stored.report["emails_sent"] == 400

    refused = post(client, f"{url}/push")
    assert "Mailchimp did not take edition" in refused.text and "was sent" in refused.text
    for action in ("test_edition", "push_edition", "schedule_edition", "report_edition"):
        assert audited(engine, action), action


def test_mailchimp_refusals_are_shown_in_words(
    engine: Engine, standin: MailchimpStandIn, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, _ids = world
    edition_id = draft(client)
    url = f"/newsletter/{edition_id}"
    post(client, f"{url}/approve", back=url)
    post(client, f"{url}/push")
    standin.state.compliance_hold = True
    page = post(client, f"{url}/schedule", day="2026-11-24", time="10:00")
    assert "Mailchimp did not take edition" in page.text and "compliance" in page.text
    assert edition(engine, edition_id).status == "approved"
    assert audited(engine, "schedule_edition") == []


def test_without_a_mailchimp_channel_the_console_says_so(
    engine: Engine, clock: SteppingClock
) -> None:
    settings = settings_for(None)
    seed(engine, settings)
    with signed_in(engine, settings, clock) as client:
        edition_id = draft(client)
        post(client, f"/newsletter/{edition_id}/approve", back=f"/newsletter/{edition_id}")
        page = post(client, f"/newsletter/{edition_id}/push")
        assert page.status_code == 200
        assert "Mailchimp is not configured" in page.text and "[channels.newsletter]" in page.text


def test_an_unreachable_mailchimp_is_an_error_in_words_not_a_crash(
    engine: Engine, clock: SteppingClock
) -> None:
    settings = settings_for("http://127.0.0.1:9/3.0", "key-us1", "list1")
    seed(engine, settings)
    with signed_in(engine, settings, clock) as client:
        edition_id = draft(client)
        post(client, f"/newsletter/{edition_id}/approve", back=f"/newsletter/{edition_id}")
        page = post(client, f"/newsletter/{edition_id}/test", to="me@example.org")
        assert "cannot reach Mailchimp" in page.text


def test_every_composer_action_refuses_a_post_without_the_csrf_token(
    engine: Engine, standin: MailchimpStandIn, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, ids = world
    edition_id = draft(client)
    before = edition(engine, edition_id)
    url, item = f"/newsletter/{edition_id}", f"/newsletter/{edition_id}/items/{ids['lyon']}"
    for action in [
        "/newsletter/drafts",
        f"{url}/text",
        f"{url}/approve",
        f"{item}/move",
        f"{item}/remove",
        f"{item}/add",
        f"{item}/translation",
        f"{url}/test",
        f"{url}/push",
        f"{url}/schedule",
        f"{url}/report",
    ]:
        response = client.post(
            action, data={"start": START, "end": END, "language": "es", "intro": "x", "title": "t"}
        )
        assert response.status_code == 403, action
        assert "could not be accepted" in response.text
    after = edition(engine, edition_id)
    assert (after.status, after.item_order, after.intro) == (
        before.status,
        before.item_order,
        before.intro,
    )
    assert standin.received == []
    with transaction(engine) as session:
        assert (
            session.scalar(select(NewsletterEdition).where(NewsletterEdition.language == "es"))
            is None
        )


def test_retracting_an_item_takes_it_out_of_the_pushed_campaign(
    engine: Engine, standin: MailchimpStandIn, world: tuple[ConsoleClient, dict[str, int]]
) -> None:
    client, ids = world
    edition_id = draft(client)
    url = f"/newsletter/{edition_id}"
    post(client, f"{url}/approve", back=url)
    post(client, f"{url}/push")
    campaign = edition(engine, edition_id).mailchimp_campaign_id
    assert campaign is not None
    assert "Youth budget in Cascais" in standin.state.contents[campaign]["html"]
    token = csrf_token(client.get(f"/items/{ids['cascais']}").text)
    response = client.post(
        f"/items/{ids['cascais']}/retract", data={"csrf_token": token, "reason": "wrong city"}
    )
    page = client.follow(response).text
    assert f"Newsletter edition {edition_id} (en): rebuilt." in page
    html = standin.state.contents[campaign]["html"]
    assert "Youth budget in Cascais" not in html and "Citizens' assembly in Lyon" in html

"""News written in the console and in the members' form becomes items through ingest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Delivery, Item, ItemOrigin
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

EMAIL, PASSWORD = "editor@example.org", "correct horse battery"
NEWS = {
    "title": "Participatory budgeting opens in Porto Alegre",
    "text": "The city council opened the new cycle of participatory budgeting.\n\n"
    "Assemblies meet in every district <b>this month</b>.",
    "link": "https://example.org/porto-alegre-pb",
    "image_url": "https://example.org/pb.jpg",
    "language": "",
}


@pytest.fixture
def app(engine: Engine):
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EMAIL, PASSWORD)
    return console_app(settings, engine, clock=SteppingClock())


@pytest.fixture
def member(app) -> Iterator[ConsoleClient]:
    with ConsoleClient(app) as client:
        yield client


@pytest.fixture
def editor(app) -> Iterator[ConsoleClient]:
    with ConsoleClient(app) as client:
        client.sign_in(EMAIL, PASSWORD)
        yield client


def items(engine: Engine) -> list[Item]:
    with transaction(engine) as session:
        return list(session.scalars(select(Item).order_by(Item.id)))


def test_a_member_submission_waits_for_moderation(
    engine: Engine, member: ConsoleClient, editor: ConsoleClient
) -> None:
    response = member.submit("/submit-news", "/submit-news", NEWS)
    assert response.status_code == 303
    assert "will review your news" in member.follow(response).text
    [item] = items(engine)
    assert item.status == "pending" and item.language == "en"
    assert item.link == NEWS["link"] and item.image_url == NEWS["image_url"]
    assert "<p>Assemblies meet in every district &lt;b&gt;this month&lt;/b&gt;.</p>" in (
        item.summary_html
    )
    with transaction(engine) as session:
        origin = session.scalars(select(ItemOrigin)).one()
        assert origin.platform == "web" and origin.external_id.startswith("web:")
    assert NEWS["title"] in editor.get("/moderation").text


def test_the_secretariat_publishes_at_once_from_its_trusted_source(
    engine: Engine, editor: ConsoleClient
) -> None:
    response = editor.submit("/submit", "/submit", {**NEWS, "source": "console", "language": "ca"})
    page = editor.follow(response).text
    assert "Published" in page
    [item] = items(engine)
    assert item.status == "approved" and item.language == "ca"
    with transaction(engine) as session:
        assert len(session.scalars(select(Delivery)).all()) == 2
    assert "news_es" in page


def test_filing_for_a_member_goes_to_moderation(engine: Engine, editor: ConsoleClient) -> None:
    editor.submit("/submit", "/submit", {**NEWS, "source": "web_form"})
    [item] = items(engine)
    assert item.status == "pending"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "  "}, "A title is needed."),
        ({"link": "javascript:alert(1)"}, "The link must be a full web address"),
        ({"image_url": "data:image/png;base64,AAAA"}, "The image must be a full web address"),
        ({"language": "xx"}, "The language must be one of en, es, ca."),
    ],
)
def test_bad_submissions_are_explained_and_kept(
    engine: Engine, member: ConsoleClient, change: dict[str, str], message: str
) -> None:
    response = member.submit("/submit-news", "/submit-news", {**NEWS, **change})
    assert response.status_code == 400
    assert message in response.text
    assert NEWS["text"].split("\n")[0] in response.text  # what was typed is not lost
    assert items(engine) == []


def test_the_same_story_twice_is_one_item(engine: Engine, member: ConsoleClient) -> None:
    member.submit("/submit-news", "/submit-news", NEWS)
    again = {**NEWS, "link": NEWS["link"] + "?utm_source=newsletter", "title": "Same story"}
    member.submit("/submit-news", "/submit-news", again)
    [item] = items(engine)
    with transaction(engine) as session:
        origins = session.scalars(select(ItemOrigin).where(ItemOrigin.item_id == item.id)).all()
        assert len(origins) == 2


def test_the_members_form_is_throttled(engine: Engine, member: ConsoleClient) -> None:
    from hub.web.submit_views import MEMBER_LIMIT

    for number in range(MEMBER_LIMIT):
        news = {**NEWS, "title": f"News {number}", "link": f"https://example.org/{number}"}
        news["text"] = f"Story number {number} about something else entirely, {number * 7}."
        assert member.submit("/submit-news", "/submit-news", news).status_code == 303
    refused = member.submit("/submit-news", "/submit-news", {**NEWS, "link": ""})
    assert refused.status_code == 429
    assert len(items(engine)) == MEMBER_LIMIT

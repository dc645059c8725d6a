"""Composition rules: sections, languages and translations, the secretariat's order, approval."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.models import Award, AwardStep, Event, Item, ItemTranslation, NewsletterEdition
from newsletters.compose import (
    add_months,
    approve,
    default_order,
    edition_content,
    edition_slug,
    item_languages,
    reorder,
    require_approved,
    section_of,
    set_intro,
)
from newsletters.errors import AlreadySent, NotApproved

NOV = dt.datetime(2026, 11, 10, 9, tzinfo=dt.UTC)


def item(item_id: int, language: str = "en", **fields: object) -> Item:
    values: dict[str, object] = {
        "title": f"Item {item_id}",
        "link": f"https://oidp.net/news/{item_id}",
        "summary_html": f"<p>Summary {item_id}</p>",
        "summary_text": "",
        "status": "approved",
        "tags": [],
        "published_at": NOV,
        "approved_at": NOV,
    }
    values.update(fields)
    made = Item(id=item_id, language=language, **values)
    made.translations = []
    return made


def edition(language: str = "en", order: list[int] | None = None, status: str = "draft"):
    return NewsletterEdition(
        id=1,
        language=language,
        period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2026, 11, 30),
        status=status,
        subject="Subject",
        intro="",
        item_order=order or [],
    )


@pytest.mark.parametrize(
    ("fields", "member_sources", "expected"),
    [
        ({"tags": ["publication"], "member_id": 3}, (), "publications"),
        ({"tags": ["Award"]}, (), "awards"),
        ({"member_id": 3}, (), "members"),
        ({"source_id": 9}, (9,), "members"),
        ({"source_id": 9}, (), "network"),
        ({}, (), "network"),
    ],
)
def test_an_item_goes_to_the_section_its_origin_and_tags_say(fields, member_sources, expected):
    assert section_of(item(1, **fields), member_sources) == expected


def test_an_item_appears_in_its_language_and_every_language_it_is_translated_to():
    news = item(1, "es")
    news.translations = [ItemTranslation(language="fr", title="Titre", summary_html="<p>Fr</p>")]
    assert item_languages(news) == {"es", "fr"}
    for language, shown in (("es", True), ("fr", True), ("en", False)):
        content = edition_content(edition(language, [1]), [news])
        assert (content.item_count == 1) is shown, language


def test_the_translation_text_is_shown_in_the_translated_edition():
    news = item(1, "es", title="Título")
    news.translations = [ItemTranslation(language="fr", title="Titre", summary_html="<p>Fr</p>")]
    french = edition_content(edition("fr", [1]), [news])
    spanish = edition_content(edition("es", [1]), [news])
    assert french.sections[0].entries[0].title == "Titre"
    assert french.sections[0].entries[0].summary_html == "<p>Fr</p>"
    assert spanish.sections[0].entries[0].title == "Título"


def test_sections_follow_the_fixed_order_and_items_the_secretariats_order():
    items = [item(1), item(2, member_id=5), item(3, tags=["publication"]), item(4)]
    content = edition_content(edition("en", [4, 3, 2, 1]), items)
    assert [s.key for s in content.sections] == ["members", "network", "publications"]
    network = next(s for s in content.sections if s.key == "network")
    assert [e.item_id for e in network.entries] == [4, 1]


def test_items_left_out_of_the_order_or_no_longer_approved_are_not_shown():
    items = [item(1), item(2, status="declined"), item(3)]
    content = edition_content(edition("en", [1, 2]), items)
    assert [e.item_id for s in content.sections for e in s.entries] == [1]


def test_the_draft_order_is_by_section_then_newest_first():
    older = item(1, published_at=NOV - dt.timedelta(days=3))
    newer = item(2, published_at=NOV)
    member = item(3, member_id=1, published_at=NOV - dt.timedelta(days=9))
    assert default_order([older, newer, member]) == [3, 2, 1]


def test_events_ahead_and_award_steps_get_their_sections_in_the_editions_language():
    event = Event(
        id="conf",
        kind="conference",
        name={"en": "Conference", "es": "Conferencia"},
        theme={},
        description={},
        starts_on=dt.date(2027, 1, 10),
        city="Grenoble",
    )
    award = Award(id="aw", name={"en": "Distinction"}, url="https://oidp.net/award")
    step = AwardStep(
        id=1,
        step="call",
        starts_on=dt.date(2026, 11, 20),
        ends_on=dt.date(2027, 1, 30),
        description={"es": "convocatoria abierta"},
    )
    step.award = award
    content = edition_content(edition("es"), [], events=[event], award_steps=[step])
    assert [s.key for s in content.sections] == ["events", "awards"]
    assert content.sections[0].entries[0].title == "Conferencia"
    assert content.sections[1].entries[0].title == "Distinction: convocatoria abierta"


def test_nothing_is_pushed_without_a_persons_approval():
    draft = edition()
    with pytest.raises(NotApproved, match="approve it first"):
        require_approved(draft)
    approve(draft, "secretariat@oidp.net")
    require_approved(draft)
    assert draft.approved_by == "secretariat@oidp.net"


def test_an_approval_needs_a_name_and_a_sent_edition_cannot_be_approved_or_edited():
    with pytest.raises(ValueError, match="needs the name"):
        approve(edition(), "  ")
    sent = edition(status="sent")
    with pytest.raises(AlreadySent):
        approve(sent, "someone")
    with pytest.raises(AlreadySent):
        reorder(sent, [1])


def test_editing_an_approved_edition_takes_the_approval_back():
    approved = edition(status="approved")
    set_intro(approved, "Dear members,\n\nthis month...")
    assert approved.status == "draft"
    with pytest.raises(NotApproved):
        require_approved(approved)
    with pytest.raises(ValueError, match="only once"):
        reorder(approved, [1, 1])


def test_months_are_added_with_the_day_clamped_and_slugs_name_the_period():
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert (
        edition_slug("ca", dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == "newsletter-2026-11-ca"
    )
    assert edition_slug("en", dt.date(2026, 11, 15), dt.date(2026, 12, 14)) == (
        "newsletter-20261115-20261214-en"
    )

"""Roundups: grouped held items with counts and links, never empty, one per period, nothing lost."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update

from hub.core.bus.router import approve_item
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Award, AwardStep, Delivery, Event, Item, Source
from hub.core.schedule.roundups import MAX_ITEMS, build_roundup, run_roundup

NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
SETTINGS = Settings.model_validate(
    {
        "hub": {"languages": ["en", "es"], "timezone": "Europe/Madrid"},
        "sources": {"site": {"kind": "feed", "url": "https://example.org/feed"}},
        "channels": {
            "news": {"platform": "memory", "target": "#news"},
            "weekly": {"platform": "memory", "target": "#weekly", "mode": "digest"},
            "semanal": {
                "platform": "memory",
                "target": "#semanal",
                "mode": "digest",
                "language": "es",
            },
        },
        "routes": [{"name": "all", "to": ["news", "weekly", "semanal"]}],
    }
)


def approve(engine, title: str, *, tags=(), countries=(), at: dt.datetime = NOW) -> int:
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        source = session.scalar(select(Source).where(Source.key == "site"))
        assert source is not None
        item = Item(
            title=title,
            link=f"https://example.org/{title.replace(' ', '-').lower()}",
            source_id=source.id,
            language="en",
            tags=list(tags),
            countries=list(countries),
        )
        session.add(item)
        session.flush()
        approve_item(session, item, SETTINGS, by="test", now=at)
        return item.id


def statuses(engine, channel: str) -> dict[str, int]:
    from hub.core.models import Channel

    with transaction(engine) as session:
        rows = session.execute(
            select(Delivery.status, func.count())
            .join(Channel, Channel.id == Delivery.channel_id)
            .where(Channel.key == channel)
            .group_by(Delivery.status)
        ).all()
    return dict(rows)


def roundup(engine, channel="weekly", key="2026-W48", now=NOW, **kwargs):
    with transaction(engine) as session:
        return run_roundup(session, SETTINGS, channel, "week", now, period_key=key, **kwargs)


def test_groups_by_topic_with_counts_links_and_events_at_the_end(engine):
    approve(engine, "Budget vote in Porto Alegre", tags=["participatory-budgeting"])
    approve(engine, "Budget school opens", tags=["participatory-budgeting"])
    approve(engine, "Youth council elected", tags=["youth"])
    approve(engine, "A note without tags")
    with transaction(engine) as session:
        session.add(
            Event(
                id="conf-25",
                kind="conference",
                name={"en": "25th IOPD Conference", "es": "25ª Conferencia"},
                starts_on=dt.date(2027, 3, 10),
                city="Barcelona",
            )
        )
        session.add(
            Event(
                id="ical-conf-25",
                kind="conference",
                name={"en": "25th IOPD Conference"},
                starts_on=dt.date(2027, 3, 10),
                city="Barcelona",
            )
        )
        award = Award(id="distinction-2027", name={"en": "IOPD Distinction"})
        award.steps.append(
            AwardStep(
                step="call_for_entries",
                starts_on=dt.date(2026, 11, 1),
                ends_on=dt.date(2026, 12, 15),
            )
        )
        session.add(award)
    result = roundup(engine)
    assert result.delivery_id is not None
    text = result.roundup.text()
    assert text.splitlines()[0] == "Weekly roundup · Nov 23, 2026"
    assert "4 new items" in text
    assert text.index("Participatory budgeting (2)") < text.index("Youth (1)")
    assert text.index("Youth (1)") < text.index("Other news (1)")
    assert "https://example.org/budget-school-opens" in text
    assert text.index("Next events") > text.index("Other news")
    assert text.count("25th IOPD Conference, Barcelona") == 1  # calendar and seed: one line
    assert "IOPD Distinction (closes Dec 15, 2026)" in text
    with transaction(engine) as session:
        delivery = session.get(Delivery, result.delivery_id)
        assert delivery is not None
        assert (delivery.kind, delivery.dedup_key, delivery.status) == (
            "roundup",
            "roundup:weekly:2026-W48",
            "pending",
        )
        assert delivery.payload["title"] == "Weekly roundup · Nov 23, 2026"
        assert (
            '<a href="https://example.org/budget-vote-in-porto-alegre">' in delivery.payload["html"]
        )
        covered = session.scalars(
            select(Delivery).where(
                Delivery.status == "digested", Delivery.channel_id == delivery.channel_id
            )
        ).all()
        assert len(covered) == 4
        assert {d.payload["roundup_delivery_id"] for d in covered} == {result.delivery_id}
    assert statuses(engine, "weekly") == {"digested": 4, "pending": 1}
    assert statuses(engine, "semanal") == {"held": 4}  # another channel keeps its own
    assert statuses(engine, "news") == {"pending": 4}  # immediate channels are untouched


def test_in_the_channels_language_and_by_country(engine):
    approve(engine, "Vote in Lisbon", countries=["PT"])
    approve(engine, "Vote in Porto", countries=["PT"])
    approve(engine, "Vote in Dakar", countries=["SN"])
    result = roundup(engine, channel="semanal", group_by="country")
    text = result.roundup.text()
    assert text.startswith("Resumen semanal · 23 nov 2026")
    assert "3 noticias nuevas" in text
    assert "Portugal (2)" in text and "Senegal (1)" in text


def test_html_escapes_titles_and_links(engine):
    approve(engine, 'Tags <script>alert(1)</script> & "quotes"')
    result = roundup(engine)
    html = result.roundup.html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in html


def test_never_an_empty_roundup(engine, caplog):
    caplog.set_level("INFO", logger="hub.core.schedule.roundups")
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
    result = roundup(engine)
    assert result.outcome == "skipped: nothing to report"
    assert result.delivery_id is None
    assert statuses(engine, "weekly") == {}
    assert "skipped: no held items" in caplog.text


def test_one_roundup_per_channel_and_period(engine):
    approve(engine, "First")
    first = roundup(engine)
    approve(engine, "Second", at=NOW + dt.timedelta(minutes=5))
    again = roundup(engine, now=NOW + dt.timedelta(minutes=10))
    assert again.delivery_id == first.delivery_id
    assert again.outcome.startswith("skipped: the 2026-W48 roundup is already queued")
    assert statuses(engine, "weekly") == {"digested": 1, "pending": 1, "held": 1}
    following = roundup(engine, key="2026-W49", now=NOW + dt.timedelta(days=7))
    assert following.delivery_id != first.delivery_id
    assert [e.title for e in following.roundup.entries] == ["Second"]


def test_items_held_back_go_into_the_next_roundup(engine):
    for number in range(MAX_ITEMS + 2):
        approve(engine, f"Item {number:02d}", at=NOW - dt.timedelta(minutes=100 - number))
    first = roundup(engine)
    assert len(first.roundup.entries) == MAX_ITEMS
    assert statuses(engine, "weekly") == {"digested": MAX_ITEMS, "held": 2, "pending": 1}
    # The platform kept rate-limiting the roundup until it ran out of attempts:
    with transaction(engine) as session:
        session.execute(
            update(Delivery).where(Delivery.id == first.delivery_id).values(status="dead")
        )
    following = roundup(engine, key="2026-W49", now=NOW + dt.timedelta(days=7))
    titles = [e.title for e in following.roundup.entries]
    assert titles[:2] == ["Item 00", "Item 01"]  # oldest first: nothing starves
    assert len(titles) == MAX_ITEMS
    assert statuses(engine, "weekly")["held"] == 2
    third = roundup(engine, key="2026-W50", now=NOW + dt.timedelta(days=14))
    assert len(third.roundup.entries) == 2
    with transaction(engine) as session:
        covered = session.scalars(select(Delivery).where(Delivery.status == "digested")).all()
        by_roundup = {d.payload["roundup_delivery_id"] for d in covered}
    assert by_roundup == {following.delivery_id, third.delivery_id}


def test_dry_run_build_marks_nothing(engine):
    approve(engine, "Only one")
    with transaction(engine) as session:
        built = build_roundup(session, SETTINGS, "weekly", "week", NOW)
    assert built.period_key == "2026-W48"
    assert len(built.entries) == 1
    assert statuses(engine, "weekly") == {"held": 1}


@pytest.mark.parametrize("language", ["en", "es", "fr", "ca", "pt"])
def test_section_words_exist_in_every_working_language(language):
    from hub.core.schedule.roundups import WORDS

    assert set(WORDS[language]) == set(WORDS["en"])
    assert "{count}" in WORDS[language]["count"] and "{date}" in WORDS[language]["closes"]


def test_a_long_roundup_stays_within_its_budget_and_keeps_its_ending(engine):
    from hub.core.schedule.roundups import HTML_BUDGET

    with transaction(engine) as session:
        session.add(
            Event(
                id="conf-25",
                kind="conference",
                name={"en": "25th IOPD Conference"},
                starts_on=dt.date(2027, 3, 10),
                city="Barcelona",
            )
        )
    long = "A participatory budgeting story told at great length " * 3
    for number in range(25):
        approve(engine, f"{number:02d} {long}", at=NOW - dt.timedelta(minutes=60 - number))
    first = roundup(engine)
    assert len(first.roundup.html()) <= HTML_BUDGET
    kept = len(first.roundup.entries)
    assert 1 <= kept < 25
    assert first.roundup.text().rstrip().endswith("25th IOPD Conference, Barcelona")
    assert statuses(engine, "weekly")["held"] == 25 - kept
    following = roundup(engine, key="2026-W49", now=NOW + dt.timedelta(days=7))
    assert following.roundup.entries[0].title.startswith(f"{kept:02d} ")

"""Calendar events that are conferences are stored as conferences, and the assistant finds them.

The calendars are written relative to the test's clock, so the "next"
conference is next on any date the suite runs.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, select

from hub.core.assistant.assistant import Assistant
from hub.core.db import MIGRATIONS, transaction, upgrade
from hub.core.ingest.calendar import is_conference, parse_calendar, store_events
from hub.core.models import Event, Source

NOW = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("title", "categories", "expected"),
    [
        ("IOPD Annual Conference (demo)", [], True),
        ("XXVI Conferencia del OIDP", [], True),
        ("Conférence régionale d'Afrique", [], True),
        ("Conferència anual de l'OIDP", [], True),
        ("Conferência Internacional em Cascais", [], True),
        ("CONFERENCIA SIN TILDES", [], True),
        ("Cicle de conferències", [], True),
        ("Conferências regionais", [], True),
        ("IOPD 2027, Porto Alegre", ["CONFERENCE", "Climate"], True),
        ("Porto Alegre 2027", ["Conférence"], True),
        ("Webinar: presupuestos participativos", ["Webinar"], False),
        ("Videoconference with the board", [], False),
        ("Meeting of conferencistas", [], False),
    ],
)
def test_conference_words_in_five_languages(
    title: str, categories: list[str], expected: bool
) -> None:
    assert is_conference(title, categories) is expected


def _day(offset: int) -> str:
    return (NOW.date() + dt.timedelta(days=offset)).strftime("%Y%m%d")


def calendar(*, decidim: bool = False) -> bytes:
    """Four events ahead of NOW: a conference said only by CATEGORIES, one said by its
    title in Catalan, a seminar, and a cancelled conference sooner than all of them."""
    prodid = "-//Decidim//Meetings//EN" if decidim else "-//IOPD//Website agenda//EN"
    events = [
        ("porto@oidp.net", _day(200), "IOPD 2027 in Porto Alegre", "CATEGORIES:CONFERENCE,Climate"),
        ("girona@oidp.net", _day(260), "Conferència de l'OIDP a Girona", ""),
        ("seminar@oidp.net", _day(30), "Seminar on youth budgets", "CATEGORIES:Seminar"),
        ("old@oidp.net", _day(10), "Conference that was called off", "STATUS:CANCELLED"),
    ]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}"]
    for uid, day, title, extra in events:
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTART;VALUE=DATE:{day}", f"SUMMARY:{title}"]
        lines += [extra] if extra else []
        lines += ["END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode()


def kinds(engine: Engine) -> dict[str, str]:
    with transaction(engine) as session:
        return {e.external_uid or e.id: e.kind for e in session.scalars(select(Event))}


def next_conference(engine: Engine) -> str:
    with transaction(engine) as session:
        assistant = Assistant.from_session(session, use_lingua=False)
    return assistant.answer("When is the next conference?", now=NOW, lang="en").answer


@pytest.mark.parametrize("decidim", [False, True], ids=["agenda", "decidim"])
def test_conferences_from_a_calendar_answer_the_next_conference(
    engine: Engine, decidim: bool
) -> None:
    parsed = parse_calendar(calendar(decidim=decidim), now=NOW)
    with transaction(engine) as session:
        source = Source(key="agenda", kind="ical", url="https://oidp.net/agenda.ics")
        session.add(source)
        session.flush()
        store_events(session, source, parsed.events, now=NOW, kind=parsed.kind)
    assert kinds(engine) == {
        "porto@oidp.net": "conference",
        "girona@oidp.net": "conference",
        "seminar@oidp.net": parsed.kind,
        "old@oidp.net": "cancelled",
    }
    answer = next_conference(engine)
    assert "Porto Alegre" in answer, answer
    assert "Seminar" not in answer and "called off" not in answer


def test_migration_0010_makes_stored_calendar_conferences_conferences(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    command.downgrade(config, "0009")
    starts = NOW.date() + dt.timedelta(days=180)
    with transaction(engine) as session:
        source = Source(key="agenda", kind="ical", url="https://oidp.net/agenda.ics")
        session.add(source)
        session.flush()

        # the events table as it stood at 0009 (the model has columns added since)
        events_0009 = sa.table(
            "events",
            *(sa.column(name) for name in ("id", "kind", "source_id", "external_uid")),
            *(sa.column(name, sa.JSON()) for name in ("name", "theme", "description", "topics")),
            sa.column("starts_on", sa.Date()),
            sa.column("date_precision"),
            *(
                sa.column(n, sa.DateTime(timezone=True))
                for n in ("edited_at", "created_at", "updated_at")
            ),
        )

        def add(uid: str | None, name: dict[str, str], kind: str = "event", **more: object) -> None:
            source_id = source.id if uid else None
            row = {
                "id": uid or name["en"],
                "kind": kind,
                "name": name,
                "theme": {},
                "description": {},
                "topics": [],
                "starts_on": starts,
                "date_precision": "day",
                "source_id": source_id,
                "external_uid": uid,
                "edited_at": None,
                "created_at": NOW,
                "updated_at": NOW,
            }
            session.execute(sa.insert(events_0009).values({**row, **more}))

        add("conf@oidp.net", {"pt": "Conferência do OIDP em Porto Alegre"})
        add("meet@oidp.net", {"es": "Conferencias de Decidim"}, kind="meeting")
        add("webinar@oidp.net", {"en": "Webinar on climate"})
        add("edited@oidp.net", {"en": "Conference call of the board"}, edited_at=NOW)
        add(None, {"en": "Conference of mayors (seed)"}, kind="seminar")
    upgrade(engine)
    assert kinds(engine) == {
        "conf@oidp.net": "conference",
        "meet@oidp.net": "conference",
        "webinar@oidp.net": "event",
        "edited@oidp.net": "event",  # a person chose the kind in the console
        "Conference of mayors (seed)": "seminar",  # not from a calendar
    }
    assert "Porto Alegre" in next_conference(engine)

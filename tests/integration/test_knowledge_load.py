"""Loading the knowledge files into the database: complete, idempotent, and careful in removing."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.assistant import Assistant
from hub.core.db import transaction
from hub.core.knowledge import LoadReport, load_directory, sync
from hub.core.models import Award, AwardStep, Event, KnowledgeEntry, Source

SEEDS = Path(__file__).resolve().parents[2] / "config" / "knowledge"


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge files that a test may edit."""
    return Path(shutil.copytree(SEEDS, tmp_path / "knowledge"))


LOADED = dt.datetime(2019, 3, 1, 8, 0, tzinfo=dt.UTC)
"""The injected clock's time of a load, far from today (so a real-clock stamp shows)."""


def load(engine: Engine, folder: Path, now: dt.datetime = LOADED) -> LoadReport:
    with transaction(engine) as session:
        return sync(session, load_directory(folder), now=now)


def utc(value: dt.datetime) -> dt.datetime:
    """A stored time as an aware UTC datetime (SQLite hands it back naive)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every column of every knowledge row, in a stable order."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with Session(engine) as session:
        for model in (Event, Award, AwardStep, KnowledgeEntry):
            columns = list(model.__table__.columns)
            rows = session.execute(select(*columns).order_by(*model.__table__.primary_key)).all()
            tables[model.__tablename__] = [tuple(row) for row in rows]
    return tables


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_loading_twice_changes_nothing(engine: Engine) -> None:
    knowledge = load_directory(SEEDS)
    first = load(engine, SEEDS)
    assert first.created == knowledge.count() and first.updated == first.removed == 0
    before = snapshot(engine)
    second = load(engine, SEEDS)
    assert (second.created, second.updated, second.removed) == (0, 0, 0)
    assert second.unchanged == knowledge.count()
    assert snapshot(engine) == before
    assert len(before["events"]) == len(knowledge.events)
    assert len(before["award_steps"]) == len(knowledge.award_steps)


def test_loaded_rows_carry_dates_places_names_and_sources(engine: Engine) -> None:
    load(engine, SEEDS)
    with Session(engine) as session:
        cascais = session.get(Event, "conference-13-cascais-2013")
        assert cascais is not None
        assert (cascais.starts_on, cascais.ends_on) == (dt.date(2013, 7, 2), dt.date(2013, 7, 5))
        assert (cascais.city, cascais.country, cascais.number) == ("Cascais", "PT", 13)
        assert cascais.name["ca"] == "13a Conferència de l'OIDP"
        assert cascais.source_doc == "001_590569e220b4d742.txt"
        award = session.get(Award, "iopd-award-2020")
        assert award is not None
        dated = [s for s in award.steps if s.starts_on is not None]
        assert [(s.step, s.starts_on, s.date_precision) for s in dated] == [
            ("preparation", dt.date(2020, 1, 1), "month"),
            ("call_for_candidacies", dt.date(2020, 2, 1), "month"),
            ("evaluation", dt.date(2020, 4, 1), "month"),
        ]
        dakar = session.get(KnowledgeEntry, "office-africa-dakar")
        assert dakar is not None
        assert dakar.data["founded"] == "2012-12-01" and dakar.data["origin"] == "seed"
        document = session.get(KnowledgeEntry, "doc-work-plan-2020")
        assert document is not None and document.kind == "source_document"


def test_an_organiser_is_stored_and_answered_in_each_language(engine: Engine) -> None:
    """The English name in ``organiser`` (search, API, console), the others beside it; the
    assistant built from the database names the organiser in the asker's language."""
    load(engine, SEEDS)
    with Session(engine) as session:
        madrid = session.get(Event, "conference-15-madrid")
        assert madrid is not None
        assert madrid.organiser == "City Council of Madrid"
        assert madrid.organiser_names["es"] == "Ayuntamiento de Madrid"
        assert "en" not in madrid.organiser_names
        assistant = Assistant.from_session(session)
    answer = assistant.answer("¿Quién organiza la 15.ª conferencia del OIDP?", now=LOADED)
    assert "Ayuntamiento de Madrid" in answer.answer and "City Council" not in answer.answer


def test_an_edited_record_is_updated_and_only_it(engine: Engine, knowledge_dir: Path) -> None:
    load(engine, knowledge_dir)
    edit(
        knowledge_dir / "events.yaml",
        "Second Democracine Film Festival",
        "2nd Democracine Festival",
    )
    report = load(engine, knowledge_dir)
    assert (report.updated, report.created, report.removed) == (1, 0, 0)
    assert report.tables["events"].updated == 1
    with Session(engine) as session:
        event = session.get(Event, "democracine-festival-2-2013")
        assert event is not None and event.name["en"] == "2nd Democracine Festival"


def test_removed_seed_records_go_and_calendar_events_stay(
    engine: Engine, knowledge_dir: Path
) -> None:
    load(engine, knowledge_dir)
    with transaction(engine) as session:
        source = Source(key="city-calendar", kind="ical", url="http://127.0.0.1/cal.ics")
        session.add(source)
        session.flush()
        session.add_all(
            [
                Event(
                    id="calendar-seminar",
                    kind="seminar",
                    name={"en": "From a feed"},
                    source_id=source.id,
                    source_doc="001_590569e220b4d742.txt",
                ),
                Event(id="console-event", kind="seminar", name={"en": "Typed in the console"}),
                KnowledgeEntry(id="console-faq", kind="faq", name={"en": "Q"}, data={}),
            ]
        )
    edit(knowledge_dir / "events.yaml", "  - id: cemr-congress-2020\n", "  - id: cemr-congress\n")
    awards = knowledge_dir / "awards.yaml"
    text = awards.read_text(encoding="utf-8")
    start = text.index("  - award: iopd-award-2020\n    step: fundraising")
    awards.write_text(text[:start], encoding="utf-8")
    edit(knowledge_dir / "faq.yaml", "  - id: faq-membership-fee\n", "  - id: faq-fees\n")

    report = load(engine, knowledge_dir)
    assert report.tables["events"].removed == 1 and report.tables["events"].created == 1
    assert report.tables["award_steps"].removed == 1
    assert report.tables["knowledge_entries"].removed == 1
    with Session(engine) as session:
        ids = set(session.scalars(select(Event.id)))
        assert "cemr-congress" in ids and "cemr-congress-2020" not in ids
        assert {"calendar-seminar", "console-event"} <= ids
        assert session.get(KnowledgeEntry, "console-faq") is not None
        assert session.get(KnowledgeEntry, "faq-membership-fee") is None
        steps = session.scalars(
            select(AwardStep.step).where(AwardStep.award_id == "iopd-award-2020")
        )
        assert "fundraising" not in set(steps)


def test_an_id_a_calendar_source_owns_is_left_to_it(engine: Engine) -> None:
    with transaction(engine) as session:
        source = Source(key="city-calendar", kind="ical", url="http://127.0.0.1/cal.ics")
        session.add(source)
        session.flush()
        session.add(
            Event(id="cemr-congress-2020", kind="seminar", name={"en": "Feed"}, source_id=source.id)
        )
    report = load(engine, SEEDS)
    assert report.skipped == ["cemr-congress-2020"]
    assert report.tables["events"].created == len(load_directory(SEEDS).events) - 1
    with Session(engine) as session:
        event = session.get(Event, "cemr-congress-2020")
        assert event is not None and event.name == {"en": "Feed"}


def test_removing_an_award_removes_its_steps(engine: Engine, knowledge_dir: Path) -> None:
    load(engine, knowledge_dir)
    awards = knowledge_dir / "awards.yaml"
    text = awards.read_text(encoding="utf-8")
    head, steps = text.split("award_steps:\n")
    head = (
        head[: head.index("  - id: iopd-distinction-9\n")]
        + head[head.index("  - id: iopd-award-2020\n") :]
    )
    kept_steps = "\n".join(
        block for block in steps.split("\n\n") if "award: iopd-distinction-9" not in block
    )
    awards.write_text(head + "award_steps:\n" + kept_steps, encoding="utf-8")
    report = load(engine, knowledge_dir)
    assert report.tables["awards"].removed == 1
    with Session(engine) as session:
        assert session.get(Award, "iopd-distinction-9") is None
        assert not session.scalars(
            select(AwardStep).where(AwardStep.award_id == "iopd-distinction-9")
        ).all()


def test_cli_load_prints_counts_and_a_bad_file_exits_2(
    database_url: str,
    knowledge_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from hub.cli import main

    argv = ["hub", "knowledge", "load", "--dir", str(knowledge_dir), "--database-url", database_url]
    monkeypatch.setattr(sys, "argv", argv)
    for _ in range(2):
        with pytest.raises(SystemExit) as exited:
            main()
        assert exited.value.code == 0
    out = capsys.readouterr().out
    count = load_directory(knowledge_dir).count()
    assert f"{count} created, 0 updated, 0 unchanged, 0 removed" in out
    assert f"0 created, 0 updated, {count} unchanged, 0 removed" in out

    edit(knowledge_dir / "events.yaml", "starts_on: 2013-07-02", "starts_on: 2013-02-30")
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "events.yaml:" in err and "[events[conference-13-cascais-2013].starts_on]" in err
    assert "Traceback" not in err


def test_a_load_stamps_what_it_writes_with_the_injected_clock(
    engine: Engine, knowledge_dir: Path
) -> None:
    load(engine, knowledge_dir)
    later = LOADED + dt.timedelta(days=4000, hours=5)
    awards = knowledge_dir / "awards.yaml"
    text = awards.read_text(encoding="utf-8")
    start = text.index("  - award: iopd-award-2020\n    step: fundraising")
    awards.write_text(text[:start], encoding="utf-8")
    edit(knowledge_dir / "events.yaml", "  - id: cemr-congress-2020\n", "  - id: cemr-congress\n")

    report = load(engine, knowledge_dir, now=later)
    assert report.tables["award_steps"].removed == 1
    with Session(engine) as session:
        changed = session.get(Award, "iopd-award-2020")
        assert changed is not None
        assert utc(changed.updated_at) == later  # its steps changed: it moves with them
        assert utc(changed.created_at) == LOADED
        others = session.scalars(select(Award).where(Award.id != "iopd-award-2020")).all()
        assert others and {utc(award.updated_at) for award in others} == {LOADED}
        renamed = session.get(Event, "cemr-congress")
        assert renamed is not None
        assert utc(renamed.created_at) == utc(renamed.updated_at) == later

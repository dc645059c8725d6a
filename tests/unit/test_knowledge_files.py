"""The knowledge files: the shipped seed knowledge, and the problems bad files produce."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.core.errors import KnowledgeError, Problem
from hub.core.knowledge import KnowledgeSet, load_directory
from hub.core.knowledge.schema import AwardRecord, EventRecord

SEEDS = Path(__file__).resolve().parents[2] / "config" / "knowledge"
D2013, D2013_CA, D2014 = (
    "001_590569e220b4d742.txt",
    "002_207945d301b73275.txt",
    "000_36e48aeb099bc43c.txt",
)
D2020, DOGP = "003_8dd2232855d37b51.txt", "004_d5d17dee9e3c6597.txt"

HEADER = f"""\
documents:
  - id: doc-test
    file: {D2013}
    title: {{en: Test document}}
    language: en
"""


@pytest.fixture(scope="module")
def seeds() -> KnowledgeSet:
    return load_directory(SEEDS)


def problems_of(tmp_path: Path, files: dict[str, str]) -> list[Problem]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_directory(tmp_path)
    return caught.value.problems


def event_yaml(**fields: str) -> str:
    record = {
        "id": "ev",
        "kind": "conference",
        "name": "{en: A conference}",
        "source_doc": D2013,
        **fields,
    }
    lines = "".join(f"    {key}: {value}\n" for key, value in record.items() if value != "")
    return HEADER + "events:\n  - " + lines[4:]


# --- the shipped seed knowledge -----------------------------------------------------------


def test_every_dated_event_of_the_documents_is_there(seeds: KnowledgeSet) -> None:
    by_id = {event.id: event for event in seeds.events}
    expected = {
        # id: (starts_on, ends_on, precision, city, country)
        "members-meeting-porto-alegre-2011-11": ("2011-11-11", None, "day", "Porto Alegre", "BR"),
        "members-session-porto-alegre-2012": ("2012-06-11", None, "day", "Porto Alegre", "BR"),
        "website-launch-2012-07": ("2012-07-01", None, "month", None, None),
        "conference-13-cascais-2013": ("2013-07-02", "2013-07-05", "day", "Cascais", "PT"),
        "members-session-cascais-2013": ("2013-07-02", None, "day", "Cascais", "PT"),
        "pb-conference-chicago-2013": ("2013-05-03", "2013-05-05", "day", "Chicago", "US"),
        "informed-cities-forum-berlin-2013": ("2013-06-06", "2013-06-07", "day", "Berlin", "DE"),
        "uclg-congress-rabat-2013": ("2013-10-01", "2013-10-04", "day", "Rabat", "MA"),
        "pb-conference-san-francisco-2014": (
            "2014-09-24",
            "2014-09-27",
            "day",
            "San Francisco",
            "US",
        ),
        "world-urban-forum-10-abu-dhabi-2020": (
            "2020-02-08",
            "2020-02-13",
            "day",
            "Abu Dhabi",
            "AE",
        ),
        "iopd-seminar-1-2020": ("2020-03-01", None, "month", None, None),
        "cemr-congress-2020": ("2020-05-01", None, "month", None, None),
        "iopd-seminar-2-2020": ("2020-06-01", None, "month", None, None),
        "conference-20-abidjan-2020": ("2020-07-20", "2020-07-22", "day", "Cocody, Abidjan", "CI"),
        "global-forum-modern-direct-democracy-2020": ("2020-09-01", None, "month", None, None),
        "iberian-pb-meeting-cascais-2020": ("2020-10-01", None, "month", "Cascais", "PT"),
        "ogp-local-roundup-2023-11": ("2023-11-01", None, "month", None, None),
    }
    for event_id, (starts, ends, precision, city, country) in expected.items():
        event = by_id[event_id]
        assert event.starts_on == dt.date.fromisoformat(starts), event_id
        assert event.ends_on == (dt.date.fromisoformat(ends) if ends else None), event_id
        assert event.precision == precision, event_id
        assert (event.city, event.country) == (city, country), event_id
    theme = by_id["conference-13-cascais-2013"].theme
    assert theme["en"] == "Citizenship for Sustainability"
    assert theme["ca"] == "Ciutadania per a la sostenibilitat"  # the Catalan plan's own words
    assert all("(Citizenship for Sustainability)" in theme[k] for k in ("es", "fr", "pt"))
    assert by_id["members-session-cascais-2013"].time == "16:00-20:00"
    assert by_id["conference-15-madrid"].starts_on is None
    assert by_id["conference-15-madrid"].precision == "unknown"


def test_award_editions_and_the_2020_steps(seeds: KnowledgeSet) -> None:
    editions = {award.id: (award.edition, award.year) for award in seeds.awards}
    assert editions == {
        "iopd-distinction-7-2013": (7, 2013),
        "iopd-distinction-9": (9, None),
        "iopd-award-2020": (None, 2020),
    }
    steps = {
        s.step: (s.starts_on, s.precision)
        for s in seeds.award_steps
        if s.award == "iopd-award-2020"
    }
    assert steps["preparation"] == (dt.date(2020, 1, 1), "month")
    assert steps["call_for_candidacies"] == (dt.date(2020, 2, 1), "month")
    assert steps["evaluation"] == (dt.date(2020, 4, 1), "month")
    assert steps["results"] == (None, "unknown")


def test_offices_working_groups_priorities_and_ogp_facts(seeds: KnowledgeSet) -> None:
    by_kind: dict[str, dict[str, object]] = {}
    for entry in seeds.entries:
        by_kind.setdefault(entry.kind, {})[entry.id] = entry
    offices = by_kind["office"]
    assert offices["office-latin-america-porto-alegre"].data["founded"] == dt.date(2012, 6, 1)  # type: ignore[attr-defined]
    assert offices["office-africa-dakar"].data["city"] == "Dakar"  # type: ignore[attr-defined]
    assert len(offices) == 5
    assert len(by_kind["working_group"]) == 4
    assert len(by_kind["thematic_priority"]) == 6
    assert {"priority-a-communication", "priority-d-learning"} <= set(by_kind["strategic_priority"])
    assert len([e for e in by_kind["work_plan_task"] if e.startswith("task-2020-")]) == 22
    circle = by_kind["ogp_local"]["ogp-circle-inclusion"]
    assert circle.data["members"] == ["Bogotá", "Aragón"]  # type: ignore[attr-defined]
    assert by_kind["ogp_local"]["ogp-local-commitments-limit"].data["max_commitments"] == 5  # type: ignore[attr-defined]
    for faq in by_kind["faq"].values():
        assert faq.body["en"]  # type: ignore[attr-defined]


def test_every_record_names_a_seed_document_and_catalan_is_given(seeds: KnowledgeSet) -> None:
    files = {D2013, D2013_CA, D2014, D2020, DOGP}
    assert seeds.document_files() == files
    records = [*seeds.events, *seeds.awards, *seeds.award_steps, *seeds.entries]
    assert all(record.source_doc in files for record in records)
    named: list[EventRecord | AwardRecord] = [*seeds.events, *seeds.awards]
    from_2013 = [r for r in named if r.source_doc == D2013]
    assert from_2013 and all("ca" in r.name for r in from_2013)


# --- problems ---------------------------------------------------------------------------


def test_impossible_date_names_file_key_and_line(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, {"events.yaml": event_yaml(starts_on="2013-02-30")})
    assert problem.file == str(tmp_path / "events.yaml")
    assert problem.key == "events[ev].starts_on"
    assert problem.line == 11
    assert "2013-02-30" in problem.message and "day is out of range" in problem.message


@pytest.mark.parametrize(
    ("fields", "key", "needle"),
    [
        ({"starts_on": "2013-07-05", "ends_on": "2013-07-02"}, "events[ev].ends_on", "before"),
        ({"starts_on": "2013", "ends_on": ""}, "events[ev].starts_on", "YYYY-MM-DD"),
        ({"starts_on": "2013-07-02T10:00:00"}, "events[ev].starts_on", "not a date and time"),
        ({"starts_on": "2013-07-02", "date_precision": "month"}, "events[ev].starts_on", "1st"),
        ({"date_precision": "month"}, "events[ev].date_precision", "without starts_on"),
        ({"colour": "red"}, "events[ev].colour", "unknown key 'colour' (did you mean 'country'?)"),
        ({"number": "thirteen"}, "events[ev].number", "integer"),
        ({"kind": "party"}, "events[ev].kind", "'party'"),
        ({"name": "{en: A, xx: B}"}, "events[ev].name.xx", "unknown language code 'xx'"),
        ({"name": "{ca: Una}"}, "events[ev].name", "English"),
        ({"country": "Portugal"}, "events[ev].country", "unknown country code"),
        ({"source_doc": "nowhere.txt"}, "events[ev].source_doc", "not a registered document"),
        ({"also_in": "[nowhere.txt]"}, "events[ev].also_in[0]", "not a registered document"),
        ({"id": "Bad Id"}, "events[Bad Id].id", "pattern"),
    ],
)
def test_each_mistake_is_one_located_problem(
    tmp_path: Path, fields: dict[str, str], key: str, needle: str
) -> None:
    [problem] = problems_of(tmp_path, {"events.yaml": event_yaml(**fields)})
    assert problem.key == key
    assert needle in problem.message
    assert problem.line is not None and problem.line >= 7


def test_country_no_is_norway_not_false(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text(event_yaml(country="NO"), encoding="utf-8")
    assert load_directory(tmp_path).events[0].country == "NO"


def test_duplicate_id_across_files_points_at_both(tmp_path: Path) -> None:
    second = (
        "entries:\n  - id: ev\n    kind: faq\n    name: {en: Q}\n    source_doc: " + D2013 + "\n"
    )
    [problem] = problems_of(tmp_path, {"a.yaml": event_yaml(), "b.yaml": second})
    assert problem.file == str(tmp_path / "b.yaml")
    assert (problem.key, problem.line) == ("entries[0].id", 2)
    assert f"already used at {tmp_path / 'a.yaml'}:7" in problem.message


def test_award_step_needs_its_award_and_one_step_per_name(tmp_path: Path) -> None:
    text = HEADER + (
        "awards:\n  - id: prize\n    name: {en: Prize}\n    source_doc: " + D2013 + "\n"
        "award_steps:\n"
        "  - {award: prize, step: call, source_doc: " + D2013 + "}\n"
        "  - {award: prize, step: call, source_doc: " + D2013 + "}\n"
        "  - {award: missing, step: call, source_doc: " + D2013 + "}\n"
    )
    problems = problems_of(tmp_path, {"awards.yaml": text})
    assert [(p.key, p.line) for p in problems] == [
        ("award_steps[1].step", 12),
        ("award_steps[2].award", 13),
    ]
    assert "no award with id 'missing'" in problems[1].message


def test_all_problems_of_all_files_are_reported_at_once(tmp_path: Path) -> None:
    problems = problems_of(
        tmp_path,
        {
            "a.yaml": event_yaml(starts_on="2013-02-30", colour="red"),
            "b.yaml": "entries:\n  - id: x\n    kind: faq\n    kind: office\n",
            "c.yaml": "events: [\n",
        },
    )
    where = sorted((Path(p.file).name, p.line) for p in problems)
    assert ("a.yaml", 11) in where and ("a.yaml", 12) in where
    assert ("b.yaml", 4) in where  # a key written twice
    assert any(
        name == "c.yaml" and "invalid YAML" in p.message
        for p in problems
        for name in [Path(p.file).name]
    )


def test_invalid_date_inside_data_is_caught(tmp_path: Path) -> None:
    text = HEADER + (
        "entries:\n  - id: office\n    kind: project\n    name: {en: Office}\n"
        "    data: {founded: 2012-13-01}\n    source_doc: " + D2013 + "\n"
    )
    [problem] = problems_of(tmp_path, {"n.yaml": text})
    assert (problem.key, problem.line) == ("entries[office].data.founded", 10)


def test_cli_exits_2_with_one_paragraph_per_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hub.cli import main

    (tmp_path / "events.yaml").write_text(event_yaml(starts_on="2013-02-30"), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["hub", "knowledge", "check", "--dir", str(tmp_path)])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{tmp_path / 'events.yaml'}:11 [events[ev].starts_on]: invalid date '2013-02-30'" in err


def test_cli_check_and_list_on_the_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hub.cli import main

    shutil.copytree(SEEDS, tmp_path / "knowledge")
    monkeypatch.setattr(
        sys,
        "argv",
        ["hub", "knowledge", "list", "--dir", str(tmp_path / "knowledge"), "--kind", "office"],
    )
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 5 and all(line.startswith("office") for line in out)


def office_yaml(data: str) -> str:
    return HEADER + (
        "entries:\n  - id: office-x\n    kind: office\n    name: {en: Office}\n"
        f"    data: {data}\n    source_doc: {D2013}\n"
    )


@pytest.mark.parametrize(
    ("data", "key", "needle"),
    [
        ("{status: founded, region: Africa, founded: 2012-12-01}", "data", "city and country"),
        ("{status: open, region: Africa}", "data.status", "'founded' or 'planned'"),
        ("{status: planned, region: Asia, town: Dakar}", "data.town", "unknown key for an office"),
        ("{status: planned, region: Asia, country: Senegal}", "data.country", "unknown country"),
    ],
)
def test_office_data_is_checked(tmp_path: Path, data: str, key: str, needle: str) -> None:
    [problem] = problems_of(tmp_path, {"n.yaml": office_yaml(data)})
    assert problem.key == f"entries[office-x].{key}"
    assert needle in problem.message
    assert problem.line == 10


def test_a_country_anywhere_in_data_must_be_a_code(tmp_path: Path) -> None:
    text = HEADER + (
        "entries:\n  - id: ogp-x\n    kind: ogp_local\n    name: {en: X}\n"
        "    data:\n      topic: example\n      place: {city: Monterrey, country: Mexico}\n"
        f"    source_doc: {D2013}\n"
    )
    [problem] = problems_of(tmp_path, {"n.yaml": text})
    assert (problem.key, problem.line) == ("entries[ogp-x].data.place.country", 12)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_real_date_loads_as_itself(day: dt.date) -> None:
    from hub.core.knowledge.schema import EventRecord

    for written in (day, day.isoformat()):
        record = EventRecord.model_validate(
            {
                "id": "e",
                "kind": "seminar",
                "name": {"en": "S"},
                "source_doc": "d",
                "starts_on": written,
            }
        )
        assert record.starts_on == day


@given(st.integers(2000, 2030), st.integers(1, 12), st.integers(29, 35))
def test_impossible_days_are_refused(year: int, month: int, day: int) -> None:
    from pydantic import ValidationError

    from hub.core.knowledge.schema import EventRecord

    written = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        real = dt.date(year, month, day)
    except ValueError:
        real = None
    record = {
        "id": "e",
        "kind": "seminar",
        "name": {"en": "S"},
        "source_doc": "d",
        "starts_on": written,
    }
    if real is None:
        with pytest.raises(ValidationError, match="invalid date"):
            EventRecord.model_validate(record)
    else:
        assert EventRecord.model_validate(record).starts_on == real


BOMB = "\n".join(  # "billion laughs": 9**8 copies of one string from 70 lines of YAML
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefg", "bcdefgh", strict=True)]
    + ["entries: [*h]"]
)


def test_an_alias_bomb_is_refused_at_its_anchors_without_expanding(tmp_path: Path) -> None:
    # found by probing: `hub knowledge check` (and every start of the hub) ran for minutes,
    # walking and validating 43 million copies
    problems = problems_of(tmp_path, {"faq.yaml": BOMB})
    assert [p.line for p in problems] == list(range(1, 9))
    assert all("used as an alias" in p.message and p.file.endswith("faq.yaml") for p in problems)


def test_a_python_tag_is_a_located_problem_not_a_traceback(tmp_path: Path) -> None:
    text = 'entries:\n  - !!python/object/apply:os.system ["echo no"]\n'
    [problem] = problems_of(tmp_path, {"faq.yaml": text})
    assert (problem.line, problem.file.endswith("faq.yaml")) == (2, True)
    assert "could not determine a constructor" in problem.message


def test_a_knowledge_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_bytes(b"# notes\nentries:\n  - id: caf\xe9\n")
    with pytest.raises(KnowledgeError) as caught:
        load_directory(tmp_path)
    [problem] = caught.value.problems
    assert (problem.line, problem.message) == (
        3,
        "not UTF-8: byte 0xe9 at column 12; save the file as UTF-8",
    )

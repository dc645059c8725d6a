"""The knowledge pages: list, create and edit events, awards, steps and FAQ; the iCal feed.

The database holds the seed knowledge of ``config/knowledge`` (as ``hub
knowledge load`` writes it); the console is driven through its ASGI app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy import Engine, func, select

from hub.core.accounts import AuditEntry
from hub.core.assistant import Assistant
from hub.core.assistant.store import ask_and_record
from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.knowledge.revision import revision
from hub.core.models import Award, AwardStep, Channel, Event, KnowledgeEntry, Source
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
ADMIN, EDITOR, PASSWORD = "admin@example.org", "editor@example.org", "correct horse battery"
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
SEED_EVENT = "conference-20-abidjan-2020"
SEED_FAQ = "faq-how-to-join-the-iopd"
LANGS = ("en", "es", "fr", "ca", "pt")

NEW_CONFERENCE = {
    "id": "",
    "kind": "conference",
    "name_en": "21st IOPD Conference, Lisbon; with workshops",
    "name_pt": "21.ª Conferência do OIDP, Lisboa",
    "number": "21",
    "date_precision": "day",
    "starts_on": "2027-06-14",
    "ends_on": "2027-06-16",
    "time": "",
    "venue": "Centro Cultural de Belém",
    "city": "Lisbon",
    "country": "pt",
    "organiser_en": "Lisbon City Council",
    "organiser_pt": "Câmara Municipal de Lisboa",
    "url": "https://example.org/iopd-2027",
    "description_en": "Three days on participatory budgets,\nwith citizens' assemblies.",
}


@pytest.fixture
def clock() -> SteppingClock:
    """The console's clock: still unless a test moves it."""
    return SteppingClock(NOW)


@pytest.fixture
def client(engine: Engine, clock: SteppingClock) -> Iterator[ConsoleClient]:
    with transaction(engine) as session:
        sync(session, load_directory(KNOWLEDGE), now=NOW)
    add_user(engine, ADMIN, PASSWORD, role="admin", name="Ada")
    add_user(engine, EDITOR, PASSWORD, role="editor", name="Eli")
    app = console_app(example_settings(), engine, clock=clock)
    with ConsoleClient(app) as client:
        yield client


def signed_in(client: ConsoleClient, email: str = ADMIN) -> ConsoleClient:
    assert client.sign_in(email, PASSWORD).status_code == 303
    return client


def audit_of(engine: Engine, target: str) -> list[AuditEntry]:
    with transaction(engine) as session:
        query = select(AuditEntry).where(AuditEntry.target == target).order_by(AuditEntry.id)
        return list(session.scalars(query))


def test_the_list_shows_events_by_kind_awards_with_steps_and_faq(client: ConsoleClient) -> None:
    page = signed_in(client).get("/knowledge")
    assert page.status_code == 200
    assert "20th IOPD Conference" in page.text
    assert "IOPD Best Practice Award 2020" in page.text
    assert "call for candidacies: 2020-02</li>" in page.text  # a step, as precise as known
    assert 'href="/knowledge/awards/iopd-award-2020"' in page.text
    assert f'href="/knowledge/faq/{SEED_FAQ}"' in page.text
    assert 'href="/events.ics"' in page.text
    for link in ("/knowledge/events/new", "/knowledge/awards/new", "/knowledge/faq/new"):
        assert f'href="{link}"' in page.text
    seminars = client.get("/knowledge?kind=seminar").text
    assert "Seminar" in seminars
    assert f'href="/knowledge/events/{SEED_EVENT}"' not in seminars
    assert f'href="/knowledge/events/{SEED_EVENT}"' in client.get("/knowledge?kind=conference").text


def test_an_event_form_with_mistakes_says_what_is_wrong_and_keeps_what_was_typed(
    engine: Engine, client: ConsoleClient
) -> None:
    signed_in(client)
    typed = {
        **NEW_CONFERENCE,
        "name_en": "",
        "name_es": "<script>alert(1)</script> Conferencia",
        "starts_on": "2027-02-30",
        "ends_on": "2026-01-01",
        "country": "XX",
        "url": "javascript:alert(1)",
        "kind": "party",
    }
    page = client.submit("/knowledge/events/new", "/knowledge/events/new", typed)
    assert page.status_code == 400
    html = page.text
    assert 'id="name_en-error">Give the title in English at least.' in html
    assert 'id="starts_on-error">There is no such date: 2027-02-30.' in html
    assert 'id="country-error">Use the two-letter country code' in html
    assert 'id="url-error">Give a full web address' in html
    assert 'id="kind-error">Choose what kind of event this is.' in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt; Conferencia"' in html  # kept, escaped
    assert "<script>alert(1)" not in html
    assert 'value="Centro Cultural de Belém"' in html
    with transaction(engine) as session:
        assert session.scalar(select(Event).where(Event.city == "Lisbon")) is None

    month = {**NEW_CONFERENCE, "date_precision": "month", "starts_on": "2027-06-14"}
    page = client.submit("/knowledge/events/new", "/knowledge/events/new", month)
    assert "Write the date as 2027-06" not in page.text  # the example is fixed, not the input
    assert "Write the date as 2026-05 (the precision is “month”)." in page.text


def test_creating_and_editing_an_event_is_sanitised_audited_and_marked(
    engine: Engine, client: ConsoleClient
) -> None:
    signed_in(client)
    typed = {**NEW_CONFERENCE, "name_es": "<b>Conferencia</b> de Lisboa\u200b"}
    created = client.submit("/knowledge/events/new", "/knowledge/events/new", typed)
    assert created.status_code == 303
    assert "created" in client.follow(created).text
    event_id = "21st-iopd-conference-lisbon-with-workshops"
    with transaction(engine) as session:
        event = session.get(Event, event_id)
        assert event is not None
        assert event.name["es"] == "Conferencia de Lisboa"
        assert event.name["pt"] == "21.ª Conferência do OIDP, Lisboa"
        assert (event.starts_on, event.ends_on) == (dt.date(2027, 6, 14), dt.date(2027, 6, 16))
        assert (event.country, event.number, event.source_doc) == ("PT", 21, None)
        assert event.organiser == "Lisbon City Council"  # the English name, as search reads it
        assert event.organiser_names == {"pt": "Câmara Municipal de Lisboa"}
        assert event.edited_by == ADMIN and event.edited_at == NOW
    [entry] = audit_of(engine, f"event:{event_id}")
    assert (entry.actor, entry.action) == (ADMIN, "knowledge: create event")

    form = client.get(f"/knowledge/events/{event_id}").text
    assert "Added in the console." in form
    assert 'value="Câmara Municipal de Lisboa"' in form
    edited = client.submit(
        f"/knowledge/events/{event_id}",
        f"/knowledge/events/{event_id}",
        {
            **NEW_CONFERENCE,
            "city": "Lisboa",
            "date_precision": "month",
            "starts_on": "2027-06",
            "ends_on": "2027-07",
        },
    )
    assert edited.status_code == 303
    with transaction(engine) as session:
        event = session.get(Event, event_id)
        assert event is not None
        assert (event.city, event.date_precision) == ("Lisboa", "month")
        assert (event.starts_on, event.ends_on) == (dt.date(2027, 6, 1), dt.date(2027, 7, 1))
    assert "date_precision" in audit_of(engine, f"event:{event_id}")[-1].detail  # type: ignore[operator]


def test_a_seed_event_edited_here_keeps_its_origin_and_survives_a_load(
    engine: Engine, client: ConsoleClient
) -> None:
    signed_in(client)
    form = client.get(f"/knowledge/events/{SEED_EVENT}").text
    assert "From the seed document" in form
    assert "keeps your version" in form
    with transaction(engine) as session:
        event = session.get(Event, SEED_EVENT)
        assert event is not None
        source_doc, old_name, other_names = event.source_doc, event.name["en"], dict(event.name)
    values = {
        "kind": "conference",
        "name_en": "20th IOPD Conference (online and in Abidjan)",
        "date_precision": "day",
        "starts_on": "2020-07-20",
        "ends_on": "2020-07-22",
        "city": "Abidjan",
        "country": "CI",
    }
    response = client.submit(
        f"/knowledge/events/{SEED_EVENT}", f"/knowledge/events/{SEED_EVENT}", values
    )
    assert response.status_code == 303
    with transaction(engine) as session:
        report = sync(session, load_directory(KNOWLEDGE), now=NOW)
    assert report.kept == [f"events:{SEED_EVENT}"]
    with transaction(engine) as session:
        event = session.get(Event, SEED_EVENT)
        assert event is not None
        assert event.source_doc == source_doc
        assert event.name["en"] == "20th IOPD Conference (online and in Abidjan)"
        kept = {code: text for code, text in other_names.items() if code not in LANGS}
        assert kept.items() <= event.name.items()  # languages the form does not show are kept
    page = client.get(f"/knowledge/events/{SEED_EVENT}").text
    assert "a later “hub knowledge load” keeps this version" in page
    with transaction(engine) as session:
        sync(session, load_directory(KNOWLEDGE), now=NOW, replace_edits=True)
    with transaction(engine) as session:
        event = session.get(Event, SEED_EVENT)
        assert event is not None
        assert (event.name["en"], event.edited_at) == (old_name, None)


def test_an_award_edition_and_its_steps(engine: Engine, client: ConsoleClient) -> None:
    signed_in(client, EDITOR)
    award = {"id": "iopd-award-2027", "name_en": "IOPD Award 2027", "edition": "18", "year": "2027"}
    created = client.submit("/knowledge/awards/new", "/knowledge/awards/new", award)
    assert created.headers["location"] == "/knowledge/awards/iopd-award-2027"
    new_step = "/knowledge/awards/iopd-award-2027/steps/new"
    bad = client.submit(new_step, new_step, {"step": "Call Opens", "starts_on": "2027-02-01"})
    assert bad.status_code == 400
    assert "lower-case letters, digits and underscores" in bad.text
    assert 'value="Call Opens"' in bad.text
    step = {
        "step": "call",
        "date_precision": "day",
        "starts_on": "2027-02-01",
        "ends_on": "2027-03-31",
        "description_en": "Candidacies are open.",
        "description_fr": "Les candidatures sont ouvertes.",
    }
    assert client.submit(new_step, new_step, step).status_code == 303
    twice = client.submit(new_step, new_step, step)
    assert "already has a step with this name" in twice.text
    with transaction(engine) as session:
        row = session.scalar(select(AwardStep).where(AwardStep.award_id == "iopd-award-2027"))
        assert row is not None
        assert (row.step, row.ends_on, row.edited_by) == ("call", dt.date(2027, 3, 31), EDITOR)
        step_id = row.id
    address = f"/knowledge/awards/iopd-award-2027/steps/{step_id}"
    edited = client.submit(address, address, {**step, "step": "renamed", "ends_on": "2027-04-15"})
    assert edited.status_code == 303
    with transaction(engine) as session:
        row = session.get(AwardStep, step_id)
        assert row is not None
        assert (row.step, row.ends_on) == ("call", dt.date(2027, 4, 15))  # names stay
        assert session.get(Award, "iopd-award-2027") is not None
    page = client.get("/knowledge/awards/iopd-award-2027").text
    assert "2027-02-01 – 2027-04-15" in page
    actions = [e.action for e in audit_of(engine, "award_step:iopd-award-2027/call")]
    assert actions == ["knowledge: create award step", "knowledge: edit award step"]


def test_a_faq_entry_in_five_languages(engine: Engine, client: ConsoleClient) -> None:
    signed_in(client, EDITOR)
    typed = {"id": ""}
    for code in LANGS:
        typed[f"question_{code}"] = f"Can observers attend the assembly? ({code})"
        typed[f"answer_{code}"] = f"Yes, observers are welcome & may speak. ({code})"
    incomplete = {**typed, "answer_fr": ""}
    page = client.submit("/knowledge/faq/new", "/knowledge/faq/new", incomplete)
    assert page.status_code == 400
    assert 'id="answer_fr-error">Give both the question and the answer' in page.text
    assert 'value="Can observers attend the assembly? (pt)"' in page.text
    assert client.submit("/knowledge/faq/new", "/knowledge/faq/new", typed).status_code == 303
    with transaction(engine) as session:
        entry = session.get(KnowledgeEntry, "can-observers-attend-the-assembly-en")
        assert entry is not None
        assert sorted(entry.name) == sorted(entry.body) == sorted(LANGS)
        assert entry.body["ca"] == "Yes, observers are welcome & may speak. (ca)"
        assert (entry.kind, entry.data["origin"]) == ("faq", "console")
    listed = client.get("/knowledge").text
    assert "ca, en, es, fr, pt" in listed
    clash = client.submit("/knowledge/faq/new", "/knowledge/faq/new", {**typed, "id": SEED_EVENT})
    assert 'id="id-error">This id is already used' in clash.text  # one namespace, as in the files


def test_the_assistant_answers_from_the_console_edit(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    """A save by the console moves the knowledge revision the assistant watches (the newest
    change time, on the console's clock: it moves between two saves, as time does)."""
    with transaction(engine) as session:
        assistant = Assistant.from_session(session, use_lingua=False)

    def ask(text: str) -> str:
        with transaction(engine) as session:
            answer = ask_and_record(
                session,
                assistant,
                text,
                platform="telegram",
                reply_to="1",
                member_id=None,
                now=NOW,
                lang="en",
            )
            return answer.answer

    assert "Lisbon" not in ask("When is the next IOPD conference?")
    signed_in(client)
    clock.advance(seconds=1)
    client.submit("/knowledge/events/new", "/knowledge/events/new", NEW_CONFERENCE)
    assert "21st IOPD Conference, Lisbon" in ask("When is the next IOPD conference?")

    values = client.get(f"/knowledge/faq/{SEED_FAQ}").text
    assert "From the seed document" in values
    form = {
        "question_en": "How can my city join the IOPD?",
        "answer_en": "Write to join@example.org.",
    }
    clock.advance(seconds=1)
    response = client.submit(f"/knowledge/faq/{SEED_FAQ}", f"/knowledge/faq/{SEED_FAQ}", form)
    assert response.status_code == 303
    assert "join@example.org" in ask("How can my city join the IOPD?")


def test_the_calendar_feed_is_public_and_holds_the_events_known_to_the_day(
    engine: Engine, client: ConsoleClient
) -> None:
    signed_in(client)
    client.submit("/knowledge/events/new", "/knowledge/events/new", NEW_CONFERENCE)
    client.submit(
        "/knowledge/events/new",
        "/knowledge/events/new",
        {
            **NEW_CONFERENCE,
            "id": "assembly-2027",
            "name_en": "Assembly",
            "date_precision": "month",
            "starts_on": "2027-09",
            "ends_on": "",
        },
    )
    with ConsoleClient(client.app) as anonymous:
        response = anonymous.get("/events.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "set-cookie" not in response.headers
    feed = Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in feed.walk("VEVENT")}
    with transaction(engine) as session:
        rows = session.scalars(select(Event).where(Event.starts_on.is_not(None))).all()
        by_day = {f"{e.id}@iopd-hub.invalid" for e in rows if e.date_precision == "day"}
        assert any(e.date_precision != "day" for e in rows)
    assert set(events) == by_day
    assert "assembly-2027@iopd-hub.invalid" not in events
    lisbon = events["21st-iopd-conference-lisbon-with-workshops@iopd-hub.invalid"]
    assert str(lisbon["summary"]) == NEW_CONFERENCE["name_en"]  # ';' and ',' escaped and back
    assert lisbon.decoded("dtstart") == dt.date(2027, 6, 14)
    assert lisbon.decoded("dtend") == dt.date(2027, 6, 17)  # all-day: the day after the last
    assert str(lisbon["location"]) == "Centro Cultural de Belém, Lisbon, PT"
    assert "participatory budgets,\nwith citizens' assemblies." in str(lisbon["description"])
    assert b"budgets\\,\\nwith" in response.content
    spanish = Calendar.from_ical(client.get("/events.ics?lang=pt").content)
    assert "21.ª Conferência do OIDP, Lisboa" in {str(e["summary"]) for e in spanish.walk("VEVENT")}


def test_knowledge_pages_need_a_session_and_posts_need_the_csrf_token(
    engine: Engine, client: ConsoleClient
) -> None:
    assert client.get("/knowledge").status_code == 303
    assert client.get("/knowledge/events/new").headers["location"].startswith("/login")
    signed_in(client, EDITOR)
    assert client.post("/knowledge/events/new", data=NEW_CONFERENCE).status_code == 403
    forged = {**NEW_CONFERENCE, "csrf_token": "forged"}
    assert client.post(f"/knowledge/events/{SEED_EVENT}", data=forged).status_code == 403
    assert client.post("/knowledge/faq/new", data={"question_en": "x"}).status_code == 403
    with transaction(engine) as session:
        assert session.scalar(select(Event).where(Event.city == "Lisbon")) is None
        assert session.get(Event, SEED_EVENT).edited_at is None  # type: ignore[union-attr]


def test_an_event_a_calendar_owns_is_shown_not_edited(
    engine: Engine, client: ConsoleClient
) -> None:
    with transaction(engine) as session:
        source = Source(key="partners", kind="calendar", url="https://example.org/cal.ics")
        session.add(source)
        session.flush()
        session.add(
            Event(
                id="ical-partners-1",
                kind="event",
                name={"en": "Partner forum"},
                starts_on=dt.date(2027, 1, 10),
                source_id=source.id,
                external_uid="1@example.org",
            )
        )
    signed_in(client)
    page = client.get("/knowledge/events/ical-partners-1")
    assert "comes from the calendar feed “partners”" in page.text
    assert 'action="/knowledge/events/ical-partners-1"' not in page.text
    refused = client.submit(
        "/knowledge", "/knowledge/events/ical-partners-1", {**NEW_CONFERENCE, "city": "Elsewhere"}
    )
    assert "change it at its source" in client.follow(refused).text
    with transaction(engine) as session:
        event = session.get(Event, "ical-partners-1")
        assert event is not None
        assert (event.city, event.edited_at) == (None, None)


def test_every_console_save_moves_the_revision_the_assistant_watches(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    """The revision is the newest change time: a save moves it as the console's clock
    moves, as it does between two people's saves (a still clock would hide the second)."""
    signed_in(client)

    def current() -> tuple[object, ...]:
        with transaction(engine) as session:
            return revision(session)

    seen = [current()]
    with transaction(engine) as session:
        step = session.scalar(select(AwardStep).where(AwardStep.award_id == "iopd-award-2020"))
        assert step is not None
        address = f"/knowledge/awards/iopd-award-2020/steps/{step.id}"
    for form in (
        {"date_precision": "month", "starts_on": "2020-02"},
        {"date_precision": "month", "starts_on": "2020-03"},
    ):
        clock.advance(seconds=1)
        assert client.submit(address, address, form).status_code == 303
        seen.append(current())
    clock.advance(seconds=1)
    faq = f"/knowledge/faq/{SEED_FAQ}"
    client.submit(faq, faq, {"question_en": "How to join?", "answer_en": "Write to us."})
    seen.append(current())
    assert len(set(seen)) == len(seen)


def test_a_step_saved_here_dates_its_award_by_the_console_s_clock(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    """The award's ``updated_at`` (what readers of the awards watch) is the console's time of
    the save, as the step's ``edited_at`` is: it was the real clock's."""
    far = dt.datetime(2041, 3, 4, 5, 6, 7, tzinfo=dt.UTC)  # no day the suite runs on
    clock.now = far
    signed_in(client, EDITOR)
    with transaction(engine) as session:
        step = session.scalars(
            select(AwardStep).where(AwardStep.award_id == "iopd-award-2020").limit(1)
        ).one()
        edit = f"/knowledge/awards/iopd-award-2020/steps/{step.id}"
    new = "/knowledge/awards/iopd-award-2020/steps/new"
    for address, form in (
        (edit, {"date_precision": "month", "starts_on": "2020-02"}),
        (new, {"step": "ceremony", "date_precision": "day", "starts_on": "2020-11-19"}),
    ):
        clock.advance(hours=1)
        assert client.submit(address, address, form).status_code == 303, address
        with transaction(engine) as session:
            steps = select(func.max(AwardStep.edited_at)).where(
                AwardStep.award_id == "iopd-award-2020"
            )
            assert session.scalar(steps) == clock.now
            assert session.get_one(Award, "iopd-award-2020").updated_at == clock.now, address


def test_a_reply_saved_as_knowledge_answers_the_next_paraphrase(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    """Issue 22, step 7: handoff, the secretariat's reply, one click to keep it, then the
    next member who asks the same thing in other words (and, once translated, in another
    language) is answered from it without a handoff."""
    with transaction(engine) as session:
        session.add(Channel(key="telegram_assistant", platform="telegram", target="@bot"))
        assistant = Assistant.from_session(session, use_lingua=False)

    def ask(text: str) -> Any:
        with transaction(engine) as session:
            return ask_and_record(
                session,
                assistant,
                text,
                platform="telegram",
                reply_to="7",
                member_id=None,
                now=NOW,
            )

    first = ask("¿El OIDP tiene una cuenta de Instagram?")
    assert first.handoff and first.question_id is not None
    signed_in(client, EDITOR)
    reply = "Sí: la cuenta del OIDP en Instagram es @oidp_example, con noticias de la red."
    sent = client.submit("/questions", f"/questions/{first.question_id}/reply", {"reply": reply})
    assert sent.status_code == 303
    queue = client.get("/questions").text
    assert f'action="/questions/{first.question_id}/save"' in queue

    saved = client.submit("/questions", f"/questions/{first.question_id}/save", {})
    entry_id = f"faq-question-{first.question_id}"
    assert saved.status_code == 303 and saved.headers["location"] == f"/knowledge/faq/{entry_id}"
    with transaction(engine) as session:
        entry = session.get(KnowledgeEntry, entry_id)
        assert entry is not None and entry.kind == "faq"
        assert entry.body == {"es": reply}
        assert (entry.edited_by, entry.data["replied_by"]) == (EDITOR, EDITOR)
    assert "Kept as an FAQ entry." in client.get("/questions").text
    again = client.submit("/questions", f"/questions/{first.question_id}/save", {})
    assert again.status_code == 303 and again.headers["location"] == "/questions"

    paraphrase = ask("¿Hay una cuenta de Instagram del OIDP?")
    assert not paraphrase.handoff and paraphrase.sources == [entry_id]
    assert "@oidp_example" in paraphrase.answer and paraphrase.language == "es"

    translated = {
        "question_es": "¿El OIDP tiene una cuenta de Instagram?",
        "answer_es": reply,
        "question_en": "Does the IOPD have an Instagram account?",
        "answer_en": "Yes: the IOPD's Instagram account is @oidp_example, with the network's news.",
        "question_fr": "L'OIDP a-t-il un compte Instagram ?",
        "answer_fr": "Oui : le compte Instagram de l'OIDP est @oidp_example.",
    }
    clock.advance(seconds=1)  # the next save, later: the revision moves with it
    edited = client.submit(f"/knowledge/faq/{entry_id}", f"/knowledge/faq/{entry_id}", translated)
    assert edited.status_code == 303
    french = ask("Est-ce que l'OIDP a un compte Instagram ?")
    assert not french.handoff and french.sources == [entry_id]
    assert french.answer.startswith("Oui") and french.language == "fr"


def test_an_faq_heading_is_edited_on_its_form(engine: Engine, client: ConsoleClient) -> None:
    """What an FAQ answer is about (``data.heading``, the name a sentence gives it, since its
    own name is a question) shows and saves per language on the FAQ form; emptied in every
    language it goes, and a record's own form (named by its name) never touches it."""
    signed_in(client, EDITOR)
    form = client.get(f"/knowledge/faq/{SEED_FAQ}").text
    assert 'id="heading_en"' in form and 'value="Membership of the IOPD"' in form
    with transaction(engine) as session:
        entry = session.get(KnowledgeEntry, SEED_FAQ)
        assert entry is not None
        typed = {f"question_{c}": entry.name.get(c, "") for c in LANGS}
        typed |= {f"answer_{c}": entry.body.get(c, "") for c in LANGS}
        kept = dict(entry.data)
    typed |= {f"heading_{c}": f"Joining the network ({c})" for c in LANGS}
    saved = client.submit(f"/knowledge/faq/{SEED_FAQ}", f"/knowledge/faq/{SEED_FAQ}", typed)
    assert saved.status_code == 303
    with transaction(engine) as session:
        entry = session.get(KnowledgeEntry, SEED_FAQ)
        assert entry is not None
        assert entry.data["heading"] == {c: f"Joining the network ({c})" for c in LANGS}
        assert {k: v for k, v in entry.data.items() if k != "heading"} == {
            k: v for k, v in kept.items() if k != "heading"
        }  # the rest of the entry's data (questions, related, origin) as it was
    edits = audit_of(engine, f"faq:{SEED_FAQ}")
    assert edits and "heading" in (edits[-1].detail or "")

    emptied = {**typed, **{f"heading_{c}": "" for c in LANGS}}
    client.submit(f"/knowledge/faq/{SEED_FAQ}", f"/knowledge/faq/{SEED_FAQ}", emptied)
    with transaction(engine) as session:
        entry = session.get(KnowledgeEntry, SEED_FAQ)
        assert entry is not None and "heading" not in entry.data

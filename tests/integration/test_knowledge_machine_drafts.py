"""Every kind of knowledge record gains its missing languages from the Knowledge pages:
an event, an award edition and its step, an office (any entry, not only the FAQ). The
drafts are marked machine-translated, shown as such on the record's form, editable there;
the assistant then answers from them in the member's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from hub.core.assistant import Assistant
from hub.core.assistant.store import ask_and_record
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Award, AwardStep, Event, KnowledgeEntry
from hub.core.translation.drafts import machine_languages
from hub.translation.standin import LibreTranslateStandIn, serving
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
ADMIN, PASSWORD = "admin@example.org", "correct horse battery"
MISSING = ["ca", "es", "fr", "pt"]


@pytest.fixture
def standin() -> Iterator[LibreTranslateStandIn]:
    with serving(LibreTranslateStandIn()) as server:
        yield server


def with_translation(settings: Settings, url: str) -> Settings:
    section = settings.translation.model_copy(update={"engine": "libretranslate", "url": url})
    hub = settings.hub.model_copy(update={"languages": ["en", "es", "fr", "ca", "pt"]})
    return settings.model_copy(
        update={"translation": section, "hub": hub, "path": "config/hub.toml"}
    )


def seed(engine: Engine) -> int:
    with transaction(engine) as session:
        session.add(
            Event(
                id="seminar-dakar",
                kind="seminar",
                name={"en": "Seminar in Dakar"},
                description={"en": "Citizen participation and the climate."},
                starts_on=dt.date(2027, 3, 4),
            )
        )
        award = Award(
            id="distinction-2027",
            name={"en": "IOPD Distinction 2027"},
            description={"en": "Best practice in citizen participation.", "es": "Buena práctica."},
        )
        award.steps.append(AwardStep(step="call", description={"en": "Call for candidacies"}))
        session.add(award)
        session.add(
            KnowledgeEntry(
                id="office-africa",
                kind="office",
                name={"en": "Regional office for Africa"},
                body={"en": "The regional office for Africa is in Dakar."},
                data={"origin": "console"},
            )
        )
        session.flush()
        return award.steps[0].id


def ask(engine: Engine) -> str:
    """A member's question in Portuguese, answered from the records as they are now."""
    with transaction(engine) as session:
        assistant = Assistant.from_session(session, use_lingua=False)
        answer = ask_and_record(
            session,
            assistant,
            "Onde fica o escritório regional para a África?",
            platform="telegram",
            reply_to="1",
            member_id=None,
            now=NOW,
            lang="pt",
        )
    return answer.answer


def test_every_kind_of_record_gains_its_missing_languages_marked_and_editable(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    step_id = seed(engine)
    english = ask(engine)  # no Portuguese yet: English, and the answer says so once
    assert english.startswith("(Este registo só existe em inglês.) Regional office for Africa:")
    add_user(engine, ADMIN, PASSWORD, role="admin", name="Ada")
    app = console_app(
        with_translation(example_settings(), standin.url), engine, clock=SteppingClock(NOW)
    )
    pages = {
        "event": "/knowledge/events/seminar-dakar",
        "award": "/knowledge/awards/distinction-2027",
        "step": f"/knowledge/awards/distinction-2027/steps/{step_id}",
        "office": "/knowledge/entries/office-africa",
    }
    with ConsoleClient(app) as client:
        assert client.sign_in(ADMIN, PASSWORD).status_code == 303
        listed = client.get("/knowledge").text
        assert "Regional office for Africa" in listed and pages["office"] in listed
        fields = {"event": 2, "award": 2, "step": 1, "office": 1}  # marked text fields shown
        for name, page in pages.items():
            assert "Draft the missing languages by machine" in client.get(page).text
            done = client.submit(page, f"{page}/translate", {})
            assert done.status_code == 303, page
            shown = client.get(page).text
            marks = shown.count("· machine-translated") + shown.count('badge">machine-translated')
            assert marks == len(MISSING) * fields[name], page
        office_page = client.get(pages["office"]).text
        assert 'value="[pt] Regional office for Africa"' in office_page  # editable in the form
        written = {
            "question_en": "Regional office for Africa",
            "answer_en": "The regional office for Africa is in Dakar.",
            "question_fr": "Bureau régional pour l'Afrique",
            "answer_fr": "Le bureau régional pour l'Afrique est à Dakar.",
        }
        for code in ("ca", "es", "pt"):
            written[f"question_{code}"] = f"[{code}] Regional office for Africa"
            written[f"answer_{code}"] = f"[{code}] The regional office for Africa is in Dakar."
        saved = client.submit(pages["office"], pages["office"], written)
        assert saved.status_code == 303

    with transaction(engine) as session:
        event = session.get_one(Event, "seminar-dakar")
        assert event.name["fr"] == "[fr] Seminar in Dakar"
        assert event.description["pt"] == "[pt] Citizen participation and the climate."
        assert machine_languages(event) == MISSING
        award = session.get_one(Award, "distinction-2027")
        assert award.description["es"] == "Buena práctica."  # a person's words are kept
        assert award.name["es"] == "[es] OIDP Distinción 2027"  # the glossary's own terms
        assert machine_languages(award) == MISSING
        step = session.get_one(AwardStep, step_id)
        assert step.description["ca"] == "[ca] Call for candidacies"
        assert award.updated_at == NOW  # the step's drafts date their award by the console
        assert machine_languages(step) == MISSING
        office = session.get_one(KnowledgeEntry, "office-africa")
        assert office.body["fr"] == "Le bureau régional pour l'Afrique est à Dakar."
        assert machine_languages(office) == ["ca", "es", "pt"]  # French is a person's now
        assert office.edited_by == ADMIN
    assert ask(engine).startswith("[pt] Regional office for Africa:")  # the drafted name


def test_a_calendar_s_event_is_not_drafted_here(
    engine: Engine, standin: LibreTranslateStandIn
) -> None:
    from hub.core.models import Source

    with transaction(engine) as session:
        source = Source(key="cal", kind="ical", url="https://example.org/cal.ics")
        session.add(source)
        session.flush()
        session.add(Event(id="from-feed", kind="seminar", name={"en": "X"}, source_id=source.id))
    add_user(engine, ADMIN, PASSWORD, role="admin", name="Ada")
    app = console_app(
        with_translation(example_settings(), standin.url), engine, clock=SteppingClock(NOW)
    )
    with ConsoleClient(app) as client:
        client.sign_in(ADMIN, PASSWORD)
        page = "/knowledge/events/from-feed"
        client.submit(page, f"{page}/translate", {})
    with transaction(engine) as session:
        assert session.get_one(Event, "from-feed").name == {"en": "X"}
    assert standin.requests == []

"""The knowledge pages: events, award editions and their steps, FAQ entries, other records
and the seed documents' titles and descriptions.

What the secretariat changes here is what the member assistant answers from:
the bots' assistant compares the knowledge tables' revision before each
answer (:meth:`hub.core.assistant.Assistant.refresh`) and rebuilds its index when
it moved, so an edit is answered from on the next question.

Every create and edit marks the record as edited in the console
(``edited_at``, ``edited_by``) and is written to the audit log. A record that
came from the seed files keeps its ``source_doc``; a later ``hub knowledge
load`` keeps the console's version of a marked record (``--replace-console-edits``
takes the files' version back). Events a calendar source owns are shown but not
edited here: the next poll of that calendar would replace the edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from starlette.responses import Response

from hub.core.knowledge.loader import ORIGIN, document_titles, title_in
from hub.core.knowledge.schema import EVENT_KINDS
from hub.core.models import Award, AwardStep, Event, KnowledgeEntry, Source, Timestamped
from hub.core.translation.drafts import KnowledgeRecord, machine_languages, set_machine_languages
from hub.web.i18n import _, current_language
from hub.web.knowledge_forms import (
    LANGUAGES,
    PRECISIONS,
    Checked,
    award_values,
    event_values,
    faq_values,
    kind_labels,
    merged,
    read_award,
    read_event,
    read_faq,
    read_step,
    show_day,
    step_values,
)
from hub.web.page import Page, Refused

FAQ_KIND = "faq"
TRANSLATED = ("name", "description", "body")
"""Columns holding text per language: the form's languages are replaced, others kept."""


# --- the list -------------------------------------------------------------------------


def knowledge_page(page: Page) -> Response:
    """Events (filtered by kind), award editions with their steps, FAQ entries."""
    kind = page.param("kind")
    query = select(Event).order_by(Event.starts_on.desc().nulls_last(), Event.id)
    if kind:
        query = query.where(Event.kind == kind)
    events = list(page.db.scalars(query))
    kinds = sorted(set(EVENT_KINDS) | set(page.db.scalars(select(Event.kind).distinct())))
    awards = list(
        page.db.scalars(
            select(Award)
            .options(selectinload(Award.steps))
            .order_by(Award.year.desc().nulls_last(), Award.id)
        )
    )
    faqs = list(
        page.db.scalars(
            select(KnowledgeEntry)
            .where(KnowledgeEntry.kind == FAQ_KIND)
            .order_by(KnowledgeEntry.id)
        )
    )
    records = list(
        page.db.scalars(
            select(KnowledgeEntry)
            .where(KnowledgeEntry.kind != FAQ_KIND)  # a document's title and description too
            .order_by(KnowledgeEntry.kind, KnowledgeEntry.id)
        )
    )
    not_in_feed = page.db.scalar(
        select(func.count())
        .select_from(Event)
        .where(Event.starts_on.is_not(None), Event.date_precision != "day")
    )
    return page.render(
        "knowledge.html",
        events=events,
        kind=kind,
        kinds=kinds,
        kind_labels=kind_labels(),
        awards=awards,
        faqs=faqs,
        records=records,
        machine_languages=machine_languages,
        not_in_feed=not_in_feed or 0,
        calendars=_calendar_names(page),
        show_day=show_day,
        document_title=_document_title(page),
    )


def _document_title(page: Page) -> Callable[[str], str]:
    """A seed document's title in the reader's language, from its file name."""
    titles = document_titles(page.db)
    language = current_language()
    return lambda file: title_in(titles.get(file, {}), language, file)


def _calendar_names(page: Page) -> dict[int, str]:
    rows = page.db.execute(select(Source.id, Source.key, Source.title))
    return {row[0]: row[2] or row[1] for row in rows}


# --- saving ---------------------------------------------------------------------------


def _apply(row: Any, clean: dict[str, Any]) -> list[str]:
    """Set the columns that differ; the names of those that did (for the audit log).

    A language whose text a person changed is theirs now: its machine-translated mark
    goes (an unchanged machine draft keeps it, saved or not)."""
    changed: list[str] = []
    rewritten: set[str] = set()
    for name, value in clean.items():
        if name == "id":
            continue
        if name in TRANSLATED:
            before = dict(getattr(row, name) or {})
            value = merged(before, value)
            rewritten |= {c for c in {*value, *before} if value.get(c) != before.get(c)}
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    if rewritten and isinstance(row, KnowledgeEntry | Event | Award | AwardStep):
        machine = set(machine_languages(row))
        if machine & rewritten:
            set_machine_languages(row, machine - rewritten)
    return changed


def _apply_faq(entry: KnowledgeEntry, clean: dict[str, Any]) -> list[str]:
    """:func:`_apply` for an FAQ entry, whose heading (what the answer is about, the name a
    sentence gives it) lives in its data: the form's languages replace the kept ones, and a
    heading left empty in every language goes."""
    clean = dict(clean)
    typed = clean.pop("heading", {})
    changed = _apply(entry, clean)
    data = dict(entry.data or {})
    before = data.get("heading") if isinstance(data.get("heading"), dict) else {}
    heading = merged(before, typed)
    if heading != before:
        if heading:
            data["heading"] = heading
        else:
            data.pop("heading", None)
        entry.data = data
        changed.append("heading")
    return changed


def _taken_ids(page: Page) -> set[str]:
    """Ids in use: one namespace for events, awards and entries, as in the seed files
    (the assistant looks a record up by id alone)."""
    taken: set[str] = set()
    for model in (Event, Award, KnowledgeEntry):
        taken.update(page.db.scalars(select(model.id)))
    return taken


def _mark(page: Page, row: Any) -> None:
    """Who changed ``row`` and when, by the page's clock; a timestamped row's change time too
    (the knowledge revision the assistants watch is the newest of them, so it must not come
    from another clock than the loader's)."""
    row.edited_at = page.now
    row.edited_by = page.user.email
    if isinstance(row, Timestamped):
        if row.created_at is None:
            row.created_at = page.now
        row.updated_at = page.now


def _audit(page: Page, action: str, target: str, changed: list[str]) -> None:
    detail = ", ".join(changed) if changed else "no field changed"
    page.audit(action, target[:80], detail)


def _form(
    page: Page, template: str, checked: Checked | None, values: dict[str, str], **context: Any
) -> Response:
    """The form again: with the typed values and the errors when ``checked`` failed."""
    errors = checked.errors if checked is not None else {}
    if errors:
        page.flashes.append(("error", _("Please correct the fields marked below.")))
    return page.render(
        template,
        status=400 if errors else 200,
        values=checked.values if checked is not None else values,
        errors=errors,
        languages=LANGUAGES,
        precisions=PRECISIONS,
        show_day=show_day,
        document_title=_document_title(page),
        translating=page.settings.translation.engine is not None,
        **context,
    )


# --- events ---------------------------------------------------------------------------


def _event(page: Page) -> Event:
    event = page.db.get(Event, page.request.path_params["event_id"])
    if event is None:
        raise Refused(_("There is no such event (it may have been removed)."), "/knowledge")
    return event


def _event_form(page: Page, event: Event | None, checked: Checked | None = None) -> Response:
    values = event_values(event) if event is not None else {"kind": "", "date_precision": "day"}
    calendar = _calendar_names(page).get(event.source_id) if event and event.source_id else None
    return _form(
        page,
        "knowledge_event.html",
        checked,
        values,
        event=event,
        machine=machine_languages(event) if event is not None else [],
        kinds=EVENT_KINDS,
        kind_labels=kind_labels(),
        calendar=calendar,
    )


def event_new_form(page: Page) -> Response:
    return _event_form(page, None)


def event_edit_form(page: Page) -> Response:
    return _event_form(page, _event(page))


def event_create(page: Page) -> Response:
    """A new event, written by the secretariat (no seed document: loads never remove it)."""
    checked = read_event(page.field, taken=_taken_ids(page))
    if not checked.ok:
        return _event_form(page, None, checked)
    event = Event(id=checked.clean["id"], name={}, description={}, theme={}, topics=[])
    page.db.add(event)
    changed = _apply(event, checked.clean)
    _mark(page, event)
    _audit(page, "knowledge: create event", f"event:{event.id}", changed)
    return page.redirect("/knowledge", _("Event “%(name)s” created.") % {"name": event.name["en"]})


def event_edit(page: Page) -> Response:
    event = _event(page)
    if event.source_id is not None:
        raise Refused(
            _("This event comes from a calendar feed: change it at its source."),
            f"/knowledge/events/{event.id}",
        )
    checked = read_event(page.field, taken=None)
    if not checked.ok:
        return _event_form(page, event, checked)
    changed = _apply(event, checked.clean)
    _mark(page, event)
    _audit(page, "knowledge: edit event", f"event:{event.id}", changed)
    return page.redirect("/knowledge", _("Event “%(name)s” saved.") % {"name": event.name["en"]})


# --- award editions -------------------------------------------------------------------


def _award(page: Page) -> Award:
    award = page.db.get(Award, page.request.path_params["award_id"])
    if award is None:
        raise Refused(_("There is no such award edition."), "/knowledge")
    return award


def _award_form(page: Page, award: Award | None, checked: Checked | None = None) -> Response:
    values = award_values(award) if award is not None else {}
    machine = machine_languages(award) if award is not None else []
    return _form(page, "knowledge_award.html", checked, values, award=award, machine=machine)


def award_new_form(page: Page) -> Response:
    return _award_form(page, None)


def award_edit_form(page: Page) -> Response:
    return _award_form(page, _award(page))


def award_create(page: Page) -> Response:
    checked = read_award(page.field, taken=_taken_ids(page))
    if not checked.ok:
        return _award_form(page, None, checked)
    award = Award(id=checked.clean["id"], name={}, description={})
    page.db.add(award)
    changed = _apply(award, checked.clean)
    _mark(page, award)
    _audit(page, "knowledge: create award", f"award:{award.id}", changed)
    return page.redirect(
        f"/knowledge/awards/{award.id}",
        _("Award edition “%(name)s” created; add its steps below.") % {"name": award.name["en"]},
    )


def award_edit(page: Page) -> Response:
    award = _award(page)
    checked = read_award(page.field, taken=None)
    if not checked.ok:
        return _award_form(page, award, checked)
    changed = _apply(award, checked.clean)
    _mark(page, award)
    _audit(page, "knowledge: edit award", f"award:{award.id}", changed)
    return page.redirect(
        f"/knowledge/awards/{award.id}",
        _("Award edition “%(name)s” saved.") % {"name": award.name["en"]},
    )


# --- award steps ----------------------------------------------------------------------


def _step(page: Page, award: Award) -> AwardStep:
    step = page.db.get(AwardStep, int(page.request.path_params["step_id"]))
    if step is None or step.award_id != award.id:
        raise Refused(_("There is no such step."), f"/knowledge/awards/{award.id}")
    return step


def _step_form(
    page: Page, award: Award, step: AwardStep | None, checked: Checked | None = None
) -> Response:
    values = step_values(step) if step is not None else {"date_precision": "day"}
    machine = machine_languages(step) if step is not None else []
    return _form(
        page, "knowledge_step.html", checked, values, award=award, step=step, machine=machine
    )


def step_new_form(page: Page) -> Response:
    return _step_form(page, _award(page), None)


def step_edit_form(page: Page) -> Response:
    award = _award(page)
    return _step_form(page, award, _step(page, award))


def _save_step(page: Page, award: Award, step: AwardStep | None) -> Response:
    """Create or edit a step; a step's name is kept once made (loads match steps by it)."""
    others = [s.step for s in award.steps if s is not step]
    named = step.step if step is not None else None
    checked = read_step(
        lambda name: named if name == "step" and named else page.field(name), taken=others
    )
    if not checked.ok:
        return _step_form(page, award, step, checked)
    action = "knowledge: edit award step" if step else "knowledge: create award step"
    if step is None:
        step = AwardStep(award_id=award.id, step=checked.clean["step"], description={})
        award.steps.append(step)
    changed = _apply(step, checked.clean)
    _mark(page, step)
    award.updated_at = page.now  # readers watch the awards' revision (hub.core.knowledge.revision)
    _audit(page, action, f"award_step:{award.id}/{step.step}", changed)
    return page.redirect(
        f"/knowledge/awards/{award.id}", _("Step “%(step)s” saved.") % {"step": step.step}
    )


def step_create(page: Page) -> Response:
    return _save_step(page, _award(page), None)


def step_edit(page: Page) -> Response:
    award = _award(page)
    return _save_step(page, award, _step(page, award))


# --- FAQ entries ----------------------------------------------------------------------


def _faq(page: Page) -> KnowledgeEntry:
    entry = page.db.get(KnowledgeEntry, page.request.path_params["entry_id"])
    if entry is None or entry.kind != FAQ_KIND:
        raise Refused(_("There is no such FAQ entry."), "/knowledge")
    return entry


def _entry(page: Page) -> KnowledgeEntry:
    """Any knowledge entry the assistant answers from (an office, a working group, a
    project, a priority, an FAQ answer...) or a seed document's record: its title and
    description per language (the form's name and text), the translations marked as the
    FAQ's are. The assistant answers a document's name in the asker's language but finds the
    document by its English and its own language only, whatever is edited here."""
    entry = page.db.get(KnowledgeEntry, page.request.path_params["entry_id"])
    if entry is None:
        raise Refused(_("There is no such knowledge record."), "/knowledge")
    return entry


def _faq_form(page: Page, entry: KnowledgeEntry | None, checked: Checked | None = None) -> Response:
    values = faq_values(entry) if entry is not None else {}
    seed = entry is not None and (entry.data or {}).get("origin") == ORIGIN
    machine = machine_languages(entry) if entry is not None else []
    kind = entry.kind if entry is not None else FAQ_KIND
    if entry is None:
        base = "/knowledge/faq/new"
    else:  # an FAQ entry keeps its address; any other entry is a record of its kind
        base = f"/knowledge/{'faq' if kind == FAQ_KIND else 'entries'}/{entry.id}"
    return _form(
        page,
        "knowledge_faq.html",
        checked,
        values,
        entry=entry,
        seed=seed,
        machine=machine,
        record_kind=kind,
        base=base,
    )


def entry_edit_form(page: Page) -> Response:
    return _faq_form(page, _entry(page))


def entry_edit(page: Page) -> Response:
    """Save any entry's names and texts per language (the FAQ form's fields)."""
    entry = _entry(page)
    checked = read_faq(page.field, taken=None)
    if not checked.ok:
        return _faq_form(page, entry, checked)
    if entry.kind == FAQ_KIND:
        changed = _apply_faq(entry, checked.clean)
    else:  # a record is named by its name: the heading is the FAQ's
        changed = _apply(entry, {k: v for k, v in checked.clean.items() if k != "heading"})
    _mark(page, entry)
    _audit(page, "knowledge: edit entry", f"entry:{entry.id}", changed)
    return page.redirect("/knowledge", _("Record “%(id)s” saved.") % {"id": entry.id})


def faq_new_form(page: Page) -> Response:
    return _faq_form(page, None)


def faq_edit_form(page: Page) -> Response:
    return _faq_form(page, _faq(page))


def faq_create(page: Page) -> Response:
    checked = read_faq(page.field, taken=_taken_ids(page))
    if not checked.ok:
        return _faq_form(page, None, checked)
    entry = KnowledgeEntry(
        id=checked.clean["id"], kind=FAQ_KIND, name={}, body={}, data={"origin": "console"}
    )
    page.db.add(entry)
    changed = _apply_faq(entry, checked.clean)
    _mark(page, entry)
    _audit(page, "knowledge: create FAQ", f"faq:{entry.id}", changed)
    return page.redirect("/knowledge", _("FAQ entry “%(id)s” created.") % {"id": entry.id})


def faq_edit(page: Page) -> Response:
    entry = _faq(page)
    checked = read_faq(page.field, taken=None)
    if not checked.ok:
        return _faq_form(page, entry, checked)
    changed = _apply_faq(entry, checked.clean)
    _mark(page, entry)
    _audit(page, "knowledge: edit FAQ", f"faq:{entry.id}", changed)
    return page.redirect("/knowledge", _("FAQ entry “%(id)s” saved.") % {"id": entry.id})


def _translate(page: Page, record: KnowledgeRecord, back: str, target: str) -> Response:
    """Draft the record's missing languages by machine (marked machine-translated), so the
    assistant answers in every language; the editor reviews them on the record's form."""
    from hub.core.translation.drafts import draft_record_languages
    from hub.wiring import translation_service

    service = translation_service(page.settings, page.console.engine, page.console.clock)
    if service is None:
        return page.redirect(
            back, _("Machine translation is off (hub.toml, [translation])."), "error"
        )
    languages = page.settings.hub.languages
    report = draft_record_languages(
        page.db, record, languages, service, prefer=page.settings.hub.default_language
    )
    if report.drafted:
        _mark(page, record)
        _audit(page, "knowledge: machine drafts", target, report.drafted)
        if isinstance(record, AwardStep):
            record.award.updated_at = page.now  # the awards' revision, as saving a step does
    words = []
    if report.drafted:
        words.append(
            _("Machine-translated drafts (%(engine)s): %(languages)s. Check them.")
            % {"engine": service.name, "languages": ", ".join(report.drafted)}
        )
    if report.untranslated:
        reasons = "; ".join(f"{k}: {v}" for k, v in report.untranslated.items())
        words.append(_("Not translated: %(reasons)s") % {"reasons": reasons})
    if not words:
        words.append(_("Every language is there already."))
    return page.redirect(back, " ".join(words), "error" if report.untranslated else "ok")


def faq_translate(page: Page) -> Response:
    entry = _faq(page)
    return _translate(page, entry, f"/knowledge/faq/{entry.id}", f"faq:{entry.id}")


def entry_translate(page: Page) -> Response:
    entry = _entry(page)
    return _translate(page, entry, f"/knowledge/entries/{entry.id}", f"entry:{entry.id}")


def event_translate(page: Page) -> Response:
    event = _event(page)
    back = f"/knowledge/events/{event.id}"
    if event.source_id is not None:
        raise Refused(_("This event comes from a calendar feed: change it at its source."), back)
    return _translate(page, event, back, f"event:{event.id}")


def award_translate(page: Page) -> Response:
    award = _award(page)
    return _translate(page, award, f"/knowledge/awards/{award.id}", f"award:{award.id}")


def step_translate(page: Page) -> Response:
    award = _award(page)
    step = _step(page, award)
    back = f"/knowledge/awards/{award.id}/steps/{step.id}"
    return _translate(page, step, back, f"award_step:{award.id}/{step.step}")


TRANSLATE_ROUTES: list[tuple[str, Callable[[Page], Response]]] = [
    ("/knowledge/events/{event_id}/translate", event_translate),
    ("/knowledge/awards/{award_id}/translate", award_translate),
    ("/knowledge/awards/{award_id}/steps/{step_id:int}/translate", step_translate),
    ("/knowledge/faq/{entry_id}/translate", faq_translate),
    ("/knowledge/entries/{entry_id}/translate", entry_translate),
]
"""Where each kind of record's "Draft the missing languages by machine" button posts."""


ROUTES: list[tuple[str, Callable[[Page], Response], Callable[[Page], Response]]] = [
    ("/knowledge/events/new", event_new_form, event_create),
    ("/knowledge/events/{event_id}", event_edit_form, event_edit),
    ("/knowledge/awards/new", award_new_form, award_create),
    ("/knowledge/awards/{award_id}", award_edit_form, award_edit),
    ("/knowledge/awards/{award_id}/steps/new", step_new_form, step_create),
    ("/knowledge/awards/{award_id}/steps/{step_id:int}", step_edit_form, step_edit),
    ("/knowledge/faq/new", faq_new_form, faq_create),
    ("/knowledge/faq/{entry_id}", faq_edit_form, faq_edit),
    ("/knowledge/entries/{entry_id}", entry_edit_form, entry_edit),
]
"""Each form's address with its GET (show) and POST (save) views, in matching order."""

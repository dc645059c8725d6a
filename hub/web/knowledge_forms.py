"""The knowledge forms read and checked: events, award editions, award steps, FAQ entries.

Each ``read_*`` function takes what the user typed (a ``field(name)`` getter)
and returns a :class:`Checked`: the typed values, to show again, a message in
words for every field that is wrong, and the column values when nothing is.
Text is stored as plain text: tags and entities are resolved and invisible
characters removed here, and the templates escape it when they show it. The
rules are the seed files' (:mod:`hub.core.knowledge.schema`), so a record edited in
the console is one the files could have held.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pycountry

from hub.core.ingest.sanitise import cap, clean_title, html_to_text, tidy_text
from hub.core.knowledge.schema import EVENT_KINDS
from hub.web.i18n import _
from hub.web.render import web_url

LANGUAGES = ("en", "es", "fr", "ca", "pt")
"""The languages the knowledge forms offer for every translated text."""
PRECISIONS = ("day", "month", "year")
NAME_LIMIT = 300
TEXT_LIMIT = 5000
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
_STEP = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?$")
_DATE_FORMS = {"day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}(-01)?$", "year": r"^\d{4}$"}
RESERVED_IDS = frozenset({"new"})
"""Ids that would collide with the console's own addresses (``/knowledge/events/new``)."""

Field = Callable[[str], str]


@dataclass
class Checked:
    """A form as read: what was typed, what is wrong (field -> message), the clean values."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    clean: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


# --- plain values ---------------------------------------------------------------------


def one_line(raw: str, limit: int = NAME_LIMIT) -> str:
    """A name or a place as one line of plain text."""
    return clean_title(raw, limit) if raw else ""


def paragraphs(raw: str) -> str:
    """A description or an answer as plain text, paragraphs kept."""
    text = html_to_text(raw) if ("<" in raw or "&" in raw) else raw
    return cap(tidy_text(unicodedata.normalize("NFC", text)), TEXT_LIMIT)


def slug(text: str) -> str:
    """An id made from a title: ``Conferència Cascais 2013`` -> ``conferencia-cascais-2013``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:80].strip("-")


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free."""
    used = set(taken) | RESERVED_IDS
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def show_day(day: dt.date | None, precision: str) -> str:
    """A date written no more precisely than known: 2026-05-14, 2026-05 or 2026."""
    if day is None:
        return ""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def read_day(text: str, precision: str) -> dt.date:
    """The date ``text`` names at ``precision`` (a month's or year's first day); ValueError says how
    to write it."""
    examples = {"day": "2026-05-14", "month": "2026-05", "year": "2026"}
    if not re.match(_DATE_FORMS[precision], text):
        raise ValueError(
            _("Write the date as %(example)s (the precision is “%(precision)s”).")
            % {"example": examples[precision], "precision": precision_label(precision)}
        )
    parts = [int(part) for part in text.split("-")] + [1, 1]
    year, month, day = parts[0], parts[1], parts[2]
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(_("There is no such date: %(date)s.") % {"date": text}) from None


def precision_label(precision: str) -> str:
    labels = {"day": _("day"), "month": _("month"), "year": _("year")}
    return labels.get(precision, precision)


def kind_labels() -> dict[str, str]:
    """Every event kind with its name in the console's language."""
    return {
        "conference": _("IOPD conference"),
        "internal_session": _("Members' session"),
        "session": _("Session or workshop"),
        "seminar": _("Seminar"),
        "external_event": _("External event"),
        "call": _("Call"),
        "agenda_item": _("Agenda item"),
        "milestone": _("Milestone"),
        "roundup": _("News roundup"),
        # kinds a calendar feed gives the events it brings (see hub.core.ingest.calendar)
        "event": _("Event"),
        "meeting": _("Meeting"),
    }


# --- shared readers -------------------------------------------------------------------


def _translations(
    get: Field, prefix: str, values: dict[str, str], clean: Callable[[str], str]
) -> dict[str, str]:
    """``prefix_en``, ``prefix_es``... as a language -> text mapping (empty ones left out)."""
    found: dict[str, str] = {}
    for language in LANGUAGES:
        typed = get(f"{prefix}_{language}")
        values[f"{prefix}_{language}"] = typed
        text = clean(typed)
        if text:
            found[language] = text
    return found


def merged(old: dict[str, str] | None, new: dict[str, str]) -> dict[str, str]:
    """The form's languages replaced by what was typed; other languages the record holds kept."""
    kept = {code: text for code, text in (old or {}).items() if code not in LANGUAGES}
    return {**kept, **new}


def _new_id(get: Field, checked: Checked, fallback: str, taken: Iterable[str]) -> None:
    """The id typed, or one made from the English name; checked for form and uniqueness."""
    typed = get("id")
    checked.values["id"] = typed
    taken = set(taken)
    if not typed:
        base = slug(fallback)
        if base:
            checked.clean["id"] = unique_id(base, taken)
        return
    if not _SLUG.match(typed) or typed in RESERVED_IDS:
        checked.errors["id"] = _(
            "Use lower-case letters, digits and hyphens only (like cascais-2013)."
        )
    elif typed in taken:
        checked.errors["id"] = _("This id is already used; choose another.")
    else:
        checked.clean["id"] = typed


def _dates(get: Field, checked: Checked) -> None:
    """Start and end at a precision: both optional, the end not before the start."""
    precision = get("date_precision") or "day"
    checked.values["date_precision"] = precision
    if precision not in PRECISIONS:
        checked.errors["date_precision"] = _("Choose day, month or year.")
        return
    days: dict[str, dt.date | None] = {}
    for name in ("starts_on", "ends_on"):
        typed = get(name)
        checked.values[name] = typed
        days[name] = None
        if typed:
            try:
                days[name] = read_day(typed, precision)
            except ValueError as exc:
                checked.errors[name] = str(exc)
    starts, ends = days["starts_on"], days["ends_on"]
    if ends is not None and starts is None and "starts_on" not in checked.errors:
        checked.errors["starts_on"] = _("Give the start date too (or leave both empty).")
    if starts and ends and ends < starts:
        checked.errors["ends_on"] = _("The end is before the start.")
    checked.clean.update(
        starts_on=starts,
        ends_on=ends,
        date_precision=precision if starts else "day",
    )


def _english_required(checked: Checked, name: str, texts: dict[str, str], message: str) -> None:
    if "en" not in texts:
        checked.errors[f"{name}_en"] = message


def _whole_number(
    get: Field, checked: Checked, name: str, low: int, high: int, message: str
) -> None:
    typed = get(name)
    checked.values[name] = typed
    checked.clean[name] = None
    if not typed:
        return
    if typed.isdigit() and low <= int(typed) <= high:
        checked.clean[name] = int(typed)
    else:
        checked.errors[name] = message


def _link(get: Field, checked: Checked) -> None:
    typed = get("url")
    checked.values["url"] = typed
    checked.clean["url"] = None
    if typed:
        if web_url(typed) is None or len(typed) > 2000:
            checked.errors["url"] = _("Give a full web address starting with https:// or http://.")
        else:
            checked.clean["url"] = typed


# --- events ---------------------------------------------------------------------------


def event_values(event: Any) -> dict[str, str]:
    """A stored event as the form shows it."""
    values = {
        "id": event.id,
        "kind": event.kind,
        "number": str(event.number or ""),
        "date_precision": event.date_precision or "day",
        "starts_on": show_day(event.starts_on, event.date_precision),
        "ends_on": show_day(event.ends_on, event.date_precision),
        "time": event.time or "",
        "city": event.city or "",
        "country": event.country or "",
        "venue": event.venue or "",
        "organiser_en": event.organiser or "",
        "url": event.url or "",
    }
    for language in LANGUAGES:
        values[f"name_{language}"] = (event.name or {}).get(language, "")
        values[f"description_{language}"] = (event.description or {}).get(language, "")
        if language != "en":
            values[f"organiser_{language}"] = (event.organiser_names or {}).get(language, "")
    return values


def read_event(get: Field, *, taken: Iterable[str] | None) -> Checked:
    """An event form; ``taken`` (the ids in use) when creating, None when editing."""
    checked = Checked(values={})
    names = _translations(get, "name", checked.values, one_line)
    _english_required(checked, "name", names, _("Give the title in English at least."))
    checked.clean["name"] = names
    checked.clean["description"] = _translations(get, "description", checked.values, paragraphs)
    if taken is not None:
        _new_id(get, checked, names.get("en", ""), taken)
        if "id" not in checked.clean and "id" not in checked.errors:
            checked.errors["id"] = _("Give an id, or an English title to make one from.")
    kind = get("kind")
    checked.values["kind"] = kind
    if kind not in EVENT_KINDS:
        checked.errors["kind"] = _("Choose what kind of event this is.")
    checked.clean["kind"] = kind
    _whole_number(get, checked, "number", 1, 1000, _("The number is a whole number (like 12)."))
    _dates(get, checked)
    time = get("time")
    checked.values["time"] = time
    if time and not _TIME.match(time):
        checked.errors["time"] = _("Write the time as 18:30 or 18:30-20:00.")
    checked.clean["time"] = time or None
    for name, limit in (("city", 120), ("venue", 300)):
        checked.values[name] = get(name)
        checked.clean[name] = one_line(get(name), limit) or None
    organisers = _translations(get, "organiser", checked.values, one_line)
    if organisers and "en" not in organisers:
        checked.errors["organiser_en"] = _("Give the organiser in English too.")
    checked.clean["organiser"] = organisers.pop("en", None)
    checked.clean["organiser_names"] = organisers
    _country(get, checked)
    _link(get, checked)
    return checked


def _country(get: Field, checked: Checked) -> None:
    typed = get("country")
    checked.values["country"] = typed
    code = typed.upper()
    checked.clean["country"] = code or None
    if code and (
        not re.fullmatch(r"[A-Z]{2}", code) or pycountry.countries.get(alpha_2=code) is None
    ):
        checked.errors["country"] = _("Use the two-letter country code (ES, PT, BR...).")


# --- awards and their steps -----------------------------------------------------------


def award_values(award: Any) -> dict[str, str]:
    values = {
        "id": award.id,
        "edition": str(award.edition or ""),
        "year": str(award.year or ""),
        "url": award.url or "",
    }
    for language in LANGUAGES:
        values[f"name_{language}"] = (award.name or {}).get(language, "")
        values[f"description_{language}"] = (award.description or {}).get(language, "")
    return values


def read_award(get: Field, *, taken: Iterable[str] | None) -> Checked:
    """An award edition's form; ``taken`` when creating, None when editing."""
    checked = Checked(values={})
    names = _translations(get, "name", checked.values, one_line)
    _english_required(checked, "name", names, _("Give the name in English at least."))
    checked.clean["name"] = names
    checked.clean["description"] = _translations(get, "description", checked.values, paragraphs)
    if taken is not None:
        _new_id(get, checked, names.get("en", ""), taken)
        if "id" not in checked.clean and "id" not in checked.errors:
            checked.errors["id"] = _("Give an id, or an English name to make one from.")
    _whole_number(get, checked, "edition", 1, 1000, _("The edition is a whole number (like 17)."))
    _whole_number(get, checked, "year", 1990, 2100, _("The year is between 1990 and 2100."))
    _link(get, checked)
    return checked


def step_values(step: Any) -> dict[str, str]:
    values = {
        "step": step.step,
        "date_precision": step.date_precision or "day",
        "starts_on": show_day(step.starts_on, step.date_precision),
        "ends_on": show_day(step.ends_on, step.date_precision),
    }
    for language in LANGUAGES:
        values[f"description_{language}"] = (step.description or {}).get(language, "")
    return values


def read_step(get: Field, *, taken: Iterable[str]) -> Checked:
    """An award step's form; ``taken`` are the other steps' names of the same award."""
    checked = Checked(values={})
    name = get("step")
    checked.values["step"] = name
    if not _STEP.match(name):
        checked.errors["step"] = _(
            "Name the step with lower-case letters, digits and underscores (like call_opens)."
        )
    elif name in set(taken):
        checked.errors["step"] = _("This award already has a step with this name.")
    checked.clean["step"] = name
    _dates(get, checked)
    checked.clean["description"] = _translations(get, "description", checked.values, paragraphs)
    return checked


# --- FAQ entries ----------------------------------------------------------------------


def faq_values(entry: Any) -> dict[str, str]:
    values = {"id": entry.id}
    for language in LANGUAGES:
        values[f"question_{language}"] = (entry.name or {}).get(language, "")
        values[f"answer_{language}"] = (entry.body or {}).get(language, "")
        values[f"heading_{language}"] = _heading(entry).get(language, "")
    return values


def _heading(entry: Any) -> dict[str, str]:
    """What an FAQ answer is about, as a title per language (``data.heading``): the name a
    sentence uses for the entry, since its own name is a question."""
    heading = (entry.data or {}).get("heading")
    return dict(heading) if isinstance(heading, dict) else {}


def read_faq(get: Field, *, taken: Iterable[str] | None) -> Checked:
    """A FAQ entry's form: the question (``name``), its answer (``body``) and what it is about
    (``heading``, kept in the entry's data) per language."""
    checked = Checked(values={})
    questions = _translations(get, "question", checked.values, one_line)
    answers = _translations(get, "answer", checked.values, paragraphs)
    _english_required(checked, "question", questions, _("Give the question in English at least."))
    _english_required(checked, "answer", answers, _("Give the answer in English at least."))
    for language in LANGUAGES:
        if (language in questions) != (language in answers) and language != "en":
            missing = "answer" if language in questions else "question"
            checked.errors[f"{missing}_{language}"] = _(
                "Give both the question and the answer in this language, or neither."
            )
    checked.clean.update(name=questions, body=answers)
    checked.clean["heading"] = _translations(get, "heading", checked.values, one_line)
    if taken is not None:
        _new_id(get, checked, questions.get("en", ""), taken)
        if "id" not in checked.clean and "id" not in checked.errors:
            checked.errors["id"] = _("Give an id, or an English question to make one from.")
    return checked

"""The records a knowledge file may hold, as strict pydantic models.

A knowledge file is a YAML mapping with up to five lists: ``documents`` (the
sources every record cites), ``events``, ``awards``, ``award_steps`` and
``entries`` (undated knowledge: offices, working groups, priorities, OGP Local
facts, FAQ answers). Unknown keys are refused, so a misspelt key is an error
and not a silently lost fact. What one record cannot check alone (ids unique
across files, a step's award, a cited document) is checked in
:mod:`hub.core.knowledge.files`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    model_validator,
)

Precision = Literal["day", "month", "year"]

EVENT_KINDS = (
    "conference",  # the IOPD's annual conference
    "internal_session",  # a members' session, assembly or extraordinary meeting
    "session",  # a session or workshop inside a larger event
    "seminar",  # an IOPD seminar
    "external_event",  # someone else's conference or forum the IOPD attends
    "call",  # a call (for sessions, for a seat) that is not an award step
    "agenda_item",  # a piece of the secretariat's work the agenda dates
    "milestone",  # something that happened once (a launch)
    "roundup",  # an edition of a news roundup
)
ENTRY_KINDS = (
    "organisation",  # what the IOPD is, its secretariat, its relations
    "office",  # a regional office (founded or planned)
    "working_group",
    "strategic_priority",  # a work plan's strategic lines or priorities
    "thematic_priority",
    "work_plan",  # a work plan as a whole
    "work_plan_task",  # one task or action of a work plan
    "project",
    "ogp_local",  # a fact about OGP Local
    "faq",  # a short answer to a question members ask
)

_SLUG = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, Field(pattern=_SLUG, max_length=120)]
StepName = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=40)]
Text = Annotated[str, Field(min_length=1)]
_TIME = r"^([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> Any:
    """Accept a YAML date or an ISO ``YYYY-MM-DD`` string; say plainly what is wrong."""
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if not _ISO_DATE.match(value.strip()):
            raise ValueError(f"invalid date {value!r}: write it as YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"invalid date {value!r}: {exc}") from None
    raise ValueError(f"invalid date {value!r}: write it as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_parse_date), Strict()]


def _check_language(code: str) -> str:
    if not re.fullmatch(r"[a-z]{2}", code) or pycountry.languages.get(alpha_2=code) is None:
        raise ValueError(f"unknown language code {code!r} (use ISO 639-1: en, es, ca, fr, pt...)")
    return code


def _check_country(code: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", code) or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"unknown country code {code!r} (use ISO 3166 alpha-2: ES, PT, BR...)")
    return code


LanguageCode = Annotated[str, AfterValidator(_check_language)]
CountryCode = Annotated[str, AfterValidator(_check_country)]
Translations = dict[LanguageCode, Text]


def _needs_english(value: dict[str, str]) -> dict[str, str]:
    if "en" not in value:
        raise ValueError("give the name in English (en) at least")
    return value


Name = Annotated[Translations, AfterValidator(_needs_english)]


FIELD_PREFIX = re.compile(r"^(?:Value error, )?\[([\w.]+)\] ")


def field_error(field: str, message: str) -> ValueError:
    """A record-level error that names the key it is about (see ``FIELD_PREFIX``)."""
    return ValueError(f"[{field}] {message}")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source_doc: Text
    """The file name of the document this record comes from."""
    also_in: list[Text] = Field(default_factory=list)
    """Other documents that say the same thing (a translation, a later plan)."""
    note: Text | None = None
    """For readers of the file: what the document leaves implicit (an implied year...)."""
    translated: list[LanguageCode] = Field(default_factory=list)
    """Languages of the name and texts the hub translated (not the document's own words);
    for entries the loader keeps it in ``data.translated``, where the FAQ writes it."""


class _Dated(_Record):
    """Shared by events and award steps: a start, an optional end, and how precise."""

    starts_on: IsoDate | None = None
    ends_on: IsoDate | None = None
    date_precision: Precision | None = None

    @model_validator(mode="after")
    def _dates_agree(self) -> _Dated:
        if self.starts_on is None:
            if self.ends_on is not None:
                raise field_error("ends_on", "ends_on is given without starts_on")
            if self.date_precision is not None:
                raise field_error("date_precision", "date_precision is given without starts_on")
            return self
        if self.ends_on is not None and self.ends_on < self.starts_on:
            message = f"ends_on {self.ends_on} is before starts_on {self.starts_on}"
            raise field_error("ends_on", message)
        precision = self.date_precision or "day"
        if precision == "month" and self.starts_on.day != 1:
            message = "with date_precision month, starts_on must be the 1st of the month"
            raise field_error("starts_on", message)
        if precision == "year" and (self.starts_on.month, self.starts_on.day) != (1, 1):
            raise field_error("starts_on", "with date_precision year, starts_on must be YYYY-01-01")
        return self

    @property
    def precision(self) -> str:
        """The stored precision: as given, ``day`` for a dated record, ``unknown`` if undated."""
        if self.starts_on is None:
            return "unknown"
        return self.date_precision or "day"


class DocumentRecord(BaseModel):
    """A source document that records cite by its file name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    file: Text
    title: Name
    language: LanguageCode
    dated: IsoDate | None = None
    description: Translations = Field(default_factory=dict)
    note: Text | None = None
    translated: list[LanguageCode] = Field(default_factory=list)
    """Languages of the title and description the hub translated (not the document's own
    words); the loader keeps it in ``data.translated``, as for entries. The assistant answers
    with every language but English and the document's own and finds the document by those
    two only (:class:`hub.core.assistant.index.Said`)."""


class EventRecord(_Dated):
    """A dated event: conference, seminar, members' session, external forum, call..."""

    id: Slug
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    number: Annotated[int, Field(ge=1)] | None = None
    name: Name
    theme: Translations = Field(default_factory=dict)
    description: Translations = Field(default_factory=dict)
    time: Annotated[str, Field(pattern=_TIME)] | None = None
    city: Text | None = None
    country: CountryCode | None = None
    venue: Text | None = None
    organiser: Name | Text | None = None
    """Who organises it: one name (as older files write it), or a name per language with
    English at least, so an answer in Spanish names the Ayuntamiento de Madrid."""
    url: Text | None = None
    topics: list[Slug] = Field(default_factory=list)

    @property
    def organiser_names(self) -> dict[str, str]:
        """The organiser by language (a single name is the English one); empty if none."""
        if self.organiser is None:
            return {}
        if isinstance(self.organiser, str):
            return {"en": self.organiser}
        return dict(self.organiser)


class AwardRecord(_Record):
    """One edition of an award."""

    id: Slug
    edition: Annotated[int, Field(ge=1)] | None = None
    year: Annotated[int, Field(ge=1990, le=2100)] | None = None
    name: Name
    description: Translations = Field(default_factory=dict)
    url: Text | None = None


class AwardStepRecord(_Dated):
    """A step of an award edition (preparation, call, evaluation, results)."""

    award: Slug
    step: StepName
    description: Translations = Field(default_factory=dict)


class EntryRecord(_Record):
    """Undated knowledge; ``data`` holds whatever structure the kind needs."""

    id: Slug
    kind: Literal[ENTRY_KINDS]  # type: ignore[valid-type]
    name: Name
    body: Translations = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_data(self) -> EntryRecord:
        for key in ("origin", "note", "also_in"):
            if key in self.data:
                message = f"data.{key} is set by the loader; use the record's own key"
                raise field_error("data", message)
        for path, value in _values_named("country", self.data, ("data",)):
            try:
                _check_country(value if isinstance(value, str) else repr(value))
            except ValueError as exc:
                raise field_error(".".join(path), str(exc)) from None
        if self.kind == "office":
            try:
                OfficeData.model_validate(self.data)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(["data", *(str(part) for part in first["loc"])])
                message = str(first["msg"]).removeprefix("Value error, ")
                if first["type"] == "extra_forbidden":
                    message = (
                        f"unknown key for an office (allowed: {', '.join(OfficeData.model_fields)})"
                    )
                raise field_error(where, message) from None
        return self


class OfficeData(BaseModel):
    """What ``data`` holds for a regional office, so the assistant can rely on it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Literal["founded", "planned"]
    region: Text
    city: Text | None = None
    country: CountryCode | None = None
    founded: IsoDate | None = None
    founded_precision: Precision | None = None
    planned_in: list[Annotated[int, Field(ge=1990, le=2100)]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _founded_has_date_and_place(self) -> OfficeData:
        if self.status == "founded" and None in (self.founded, self.city, self.country):
            raise ValueError("a founded office needs founded (a date), city and country")
        return self


def _values_named(
    name: str, value: Any, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every value stored under the key ``name`` anywhere inside ``value``."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == name:
                yield (*path, str(key)), item
            else:
                yield from _values_named(name, item, (*path, str(key)))
    elif isinstance(value, list):
        for item in value:
            yield from _values_named(name, item, path)


class KnowledgeFile(BaseModel):
    """The top level of one knowledge file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    documents: list[DocumentRecord] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)
    awards: list[AwardRecord] = Field(default_factory=list)
    award_steps: list[AwardStepRecord] = Field(default_factory=list)
    entries: list[EntryRecord] = Field(default_factory=list)

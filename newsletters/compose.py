"""Composing a newsletter edition: which items, in which language, in which sections and order.

An edition (:class:`hub.core.models.NewsletterEdition`) is one language and one
period. Its items are the period's approved items that exist in that
language: written in it, or translated to it (an :class:`ItemTranslation`).

Which period an item belongs to: the day it was approved (when it became
the network's news), or the day it was published when it has no approval
time, as a day of the deployment's time zone (``[hub] timezone``). One
moment per item, so consecutive periods never share an item. And an item
belongs to one edition per language: once it is in an edition of that
language that went to Mailchimp (pushed, scheduled or sent), no other
edition of that language offers it again (:func:`offered_items`), whatever
its period; an edition drafted before that keeps what a person approved.
The draft proposes an order (by section, newest first); the secretariat may
reorder or drop items through ``item_order`` and write the introduction.
Events ahead and award steps come from the knowledge tables, not from items.

The pure part (:func:`edition_content`) takes model objects and returns an
:class:`EditionContent` the renderer needs; the database part loads those
objects and keeps editions. Nothing leaves without approval: see
:func:`approve` and :func:`require_approved`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from hub.core.config.settings import NetworkName, name_in
from hub.core.models import (
    Award,
    AwardStep,
    Event,
    Item,
    ItemTranslation,
    NewsletterEdition,
    Source,
)
from hub.core.translation.drafts import DraftReport, draft_item_translations
from hub.core.translation.service import Translated, TranslationService
from newsletters.errors import AlreadySent, EditionNotFound, NotApproved

SECTIONS = ("members", "network", "events", "awards", "publications")
"""Section keys in the order they appear in an edition."""

EVENTS_AHEAD_MONTHS = 3
EDITABLE = ("draft", "approved")


@dataclass(frozen=True)
class EntryPicture:
    """An item's picture as the e-mail shows it: where it is (Mailchimp's copy, or the
    console's own route in a preview), its shown size and its alt text (plain text)."""

    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class Entry:
    """One thing shown in an edition: an item, an event or an award step.

    ``summary_html`` is untrusted (member or feed HTML) and is sanitised by the
    renderer; everything else is plain text, escaped by the template.
    """

    title: str
    summary_html: str = ""
    summary_text: str = ""
    link: str | None = None
    image_url: str | None = None
    when: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    item_id: int | None = None
    machine_from: str | None = None
    """The item's own language when its text here is a machine draft no person edited:
    the e-mail says it was machine-translated."""
    picture: EntryPicture | None = None
    """The item's checked picture, once it has a place the e-mail may show it from (the
    feed's own ``image_url`` is never shown: the hub did not check it)."""


@dataclass(frozen=True)
class Section:
    key: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class EditionContent:
    """Everything the renderer needs for one edition in one language."""

    language: str
    period_start: dt.date
    period_end: dt.date
    subject: str
    intro: str
    sections: tuple[Section, ...]
    slug: str
    network_name: str = "IOPD"
    website: str | None = None
    intro_machine: bool = False
    """The introduction is a machine draft no person has rewritten: the e-mail says so."""

    @property
    def item_count(self) -> int:
        return sum(1 for s in self.sections for e in s.entries if e.item_id is not None)


def edition_slug(language: str, period_start: dt.date, period_end: dt.date) -> str:
    """The edition's name in URLs and UTM campaigns: ``newsletter-2026-11-en``."""
    if (period_start.year, period_start.month) == (period_end.year, period_end.month):
        return f"newsletter-{period_end:%Y-%m}-{language}"
    return f"newsletter-{period_start:%Y%m%d}-{period_end:%Y%m%d}-{language}"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- which items, in which language and section ---------------------------------------


def item_languages(item: Item) -> set[str]:
    """The languages an item can be shown in: its own and those it is translated to."""
    languages = {t.language for t in item.translations}
    if item.language:
        languages.add(item.language)
    return languages


def section_of(item: Item, member_source_ids: Iterable[int] = ()) -> str:
    """Where an item goes: publications, awards, news from members, or from the network."""
    tags = {t.lower() for t in item.tags or ()}
    if "publication" in tags:
        return "publications"
    if "award" in tags:
        return "awards"
    if item.member_id is not None or (
        item.source_id is not None and item.source_id in set(member_source_ids)
    ):
        return "members"
    return "network"


def _moment(item: Item) -> dt.datetime:
    return item.published_at or item.approved_at or dt.datetime.min.replace(tzinfo=dt.UTC)


def default_order(items: Sequence[Item], member_source_ids: Iterable[int] = ()) -> list[int]:
    """The order a draft proposes: by section, then newest first."""
    member_sources = set(member_source_ids)
    rank = {key: index for index, key in enumerate(SECTIONS)}

    def key(item: Item) -> tuple[int, float, int]:
        return (rank[section_of(item, member_sources)], -_moment(item).timestamp(), item.id)

    return [item.id for item in sorted(items, key=key)]


def entry_for(item: Item, language: str) -> Entry:
    """The item as shown in ``language``: the translation's text when it is not the original."""
    title, summary_html, summary_text = item.title, item.summary_html, item.summary_text
    machine_from: str | None = None
    if item.language != language:
        for translation in item.translations:
            if translation.language == language:
                title = translation.title
                summary_html = translation.summary_html
                summary_text = translation.summary_text
                machine_from = item.language if translation.machine else None
                break
    when = item.published_at.date() if item.published_at else None
    return Entry(
        title=title,
        summary_html=summary_html or "",
        summary_text=summary_text or "",
        link=item.link,
        image_url=item.image_url,
        when=when,
        item_id=item.id,
        machine_from=machine_from,
    )


def with_pictures(content: EditionContent, pictures: Mapping[int, EntryPicture]) -> EditionContent:
    """``content`` with each item's picture from ``pictures`` (pure)."""
    sections = tuple(
        replace(
            section,
            entries=tuple(
                replace(entry, picture=pictures.get(entry.item_id))
                if entry.item_id is not None
                else entry
                for entry in section.entries
            ),
        )
        for section in content.sections
    )
    return replace(content, sections=sections)


def _localized(text: dict[str, str] | None, language: str, fallback: str = "en") -> str:
    if not text:
        return ""
    return text.get(language) or text.get(fallback) or next(iter(text.values()), "")


def event_entries(events: Iterable[Event], language: str) -> list[Entry]:
    entries = []
    for event in sorted(events, key=lambda e: (e.starts_on or dt.date.max, e.id)):
        place = ", ".join(part for part in (event.city, event.country) if part) or None
        entries.append(
            Entry(
                title=_localized(event.name, language) or event.id,
                summary_text=_localized(event.theme, language)
                or _localized(event.description, language),
                link=event.url,
                when=event.starts_on,
                until=event.ends_on,
                place=place,
            )
        )
    return entries


def award_entries(steps: Iterable[AwardStep], language: str) -> list[Entry]:
    entries = []
    for step in sorted(steps, key=lambda s: (s.starts_on or dt.date.max, s.id or 0)):
        award_name = _localized(step.award.name, language) or step.award_id
        description = _localized(step.description, language)
        entries.append(
            Entry(
                title=f"{award_name}: {description}" if description else award_name,
                link=step.award.url,
                when=step.starts_on,
                until=step.ends_on,
            )
        )
    return entries


def edition_content(
    edition: NewsletterEdition,
    items: Iterable[Item],
    *,
    events: Iterable[Event] = (),
    award_steps: Iterable[AwardStep] = (),
    member_source_ids: Iterable[int] = (),
    network_name: NetworkName = "IOPD",
    website: str | None = None,
) -> EditionContent:
    """The edition's sections in the secretariat's order (pure: no database).

    Only items listed in ``edition.item_order``, approved and available in the
    edition's language are shown, in that order, each in its section.
    """
    language = edition.language
    member_sources = set(member_source_ids)
    by_id = {
        item.id: item
        for item in items
        if item.status == "approved" and language in item_languages(item)
    }
    grouped: dict[str, list[Entry]] = {key: [] for key in SECTIONS}
    for item_id in edition.item_order:
        item = by_id.get(item_id)
        if item is not None:
            grouped[section_of(item, member_sources)].append(entry_for(item, language))
    grouped["events"].extend(event_entries(events, language))
    grouped["awards"].extend(award_entries(award_steps, language))
    sections = tuple(Section(key, tuple(grouped[key])) for key in SECTIONS if grouped[key])
    return EditionContent(
        language=language,
        period_start=edition.period_start,
        period_end=edition.period_end,
        subject=edition.subject or name_in(network_name, language),
        intro=edition.intro or "",
        sections=sections,
        slug=edition_slug(language, edition.period_start, edition.period_end),
        network_name=name_in(network_name, language),
        website=website,
        intro_machine=bool(edition.intro)
        and f"intro:{language}" in (edition.report or {}).get("machine_translated", []),
    )


# --- the database side ----------------------------------------------------------------


GONE = ("scheduled", "sent")
"""Edition statuses that mean the campaign is out of the secretariat's hands."""


def day_bounds(
    start: dt.date, end: dt.date, timezone: str = "UTC"
) -> tuple[dt.datetime, dt.datetime]:
    """The period from ``start``'s midnight to the midnight after ``end``, in ``timezone``,
    as aware UTC times (the upper bound excluded)."""
    zone = ZoneInfo(timezone)
    low = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return low.astimezone(dt.UTC), high.astimezone(dt.UTC)


def period_items(
    session: Session, start: dt.date, end: dt.date, *, timezone: str = "UTC"
) -> list[Item]:
    """Approved items whose moment (approval, else publication) falls in the period: days of
    ``timezone`` (the deployment's), both ends included."""
    low, high = day_bounds(start, end, timezone)
    moment = func.coalesce(Item.approved_at, Item.published_at)
    query = (
        select(Item)
        .where(Item.status == "approved")
        .where(moment >= low, moment < high)
        .options(selectinload(Item.translations))
        .order_by(Item.id)
    )
    return list(session.scalars(query))


def items_in_editions_gone(
    session: Session, language: str, *, besides: int | None = None
) -> set[int]:
    """Items already in an edition of ``language`` (other than ``besides``) that went to
    Mailchimp: pushed (it has a campaign), scheduled or sent."""
    query = select(NewsletterEdition.item_order).where(
        NewsletterEdition.language == language,
        or_(
            NewsletterEdition.status.in_(GONE),
            NewsletterEdition.mailchimp_campaign_id.is_not(None),
        ),
    )
    if besides is not None:
        query = query.where(NewsletterEdition.id != besides)
    return {item_id for order in session.scalars(query) for item_id in order or ()}


def offered_items(
    session: Session,
    language: str,
    start: dt.date,
    end: dt.date,
    *,
    timezone: str = "UTC",
    edition_id: int | None = None,
) -> list[Item]:
    """The period's approved items an edition of ``language`` may hold: those of
    :func:`period_items` not already in another edition of that language that went to
    Mailchimp (in any language of their own: the composer offers a translation)."""
    taken = items_in_editions_gone(session, language, besides=edition_id)
    return [i for i in period_items(session, start, end, timezone=timezone) if i.id not in taken]


def member_source_ids(session: Session) -> set[int]:
    """Sources that belong to a member: their items are news from members."""
    return set(session.scalars(select(Source.id).where(Source.member_id.is_not(None))))


def events_ahead(session: Session, period_end: dt.date) -> list[Event]:
    """Events starting after the period and within the next three months."""
    horizon = add_months(period_end, EVENTS_AHEAD_MONTHS)
    query = select(Event).where(Event.starts_on > period_end, Event.starts_on <= horizon)
    return list(session.scalars(query.order_by(Event.starts_on, Event.id)))


def award_steps_in_window(session: Session, start: dt.date, end: dt.date) -> list[AwardStep]:
    """Award steps that overlap the period or the three months after it."""
    horizon = add_months(end, EVENTS_AHEAD_MONTHS)
    step_end = AwardStep.ends_on
    query = (
        select(AwardStep)
        .join(Award)
        .where(AwardStep.starts_on.is_not(None), AwardStep.starts_on <= horizon)
        .where(or_(step_end >= start, step_end.is_(None) & (AwardStep.starts_on >= start)))
        .options(selectinload(AwardStep.award))
        .order_by(AwardStep.starts_on, AwardStep.id)
    )
    return list(session.scalars(query))


def draft_edition(
    session: Session,
    language: str,
    start: dt.date,
    end: dt.date,
    *,
    subject: str | None = None,
    timezone: str = "UTC",
    translator: TranslationService | None = None,
    intro_from: str | None = None,
) -> NewsletterEdition:
    """Propose (or refresh) the draft edition of ``language`` for the period (days of
    ``timezone``, the deployment's).

    With ``translator``, the period's items not yet in ``language`` get a machine
    draft of their translation (marked with the engine, for the composer to check),
    and an empty introduction a draft of the ``intro_from`` edition's; what the
    engine does not translate stays out, its reason in ``report["untranslated"]``.

    A draft that exists keeps the secretariat's order for the items it has and
    gets new items appended (an item that went out in another edition since is
    dropped); an approved, scheduled or sent edition is left as it is.
    """
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    edition = session.scalars(
        select(NewsletterEdition).where(
            NewsletterEdition.language == language,
            NewsletterEdition.period_start == start,
            NewsletterEdition.period_end == end,
        )
    ).first()
    offered = offered_items(
        session, language, start, end, timezone=timezone, edition_id=edition.id if edition else None
    )
    machine = DraftReport()
    if translator is not None:
        missing = [i for i in offered if language not in item_languages(i)]
        draft_item_translations(session, missing, language, translator, machine)
    items = [i for i in offered if language in item_languages(i)]
    proposed = default_order(items, member_source_ids(session))
    if edition is None:
        edition = NewsletterEdition(
            language=language,
            period_start=start,
            period_end=end,
            status="draft",
            subject=subject,
            intro="",
            item_order=proposed,
            report={},
        )
        session.add(edition)
    elif edition.status == "draft":
        available = set(proposed)
        kept = [item_id for item_id in edition.item_order if item_id in available]
        edition.item_order = kept + [item_id for item_id in proposed if item_id not in set(kept)]
        if subject:
            edition.subject = subject
    if translator is not None and edition.status == "draft":
        _draft_intro(session, edition, translator, intro_from, machine)
        edition.report = {
            **(edition.report or {}),
            "machine_translated": sorted(
                set((edition.report or {}).get("machine_translated", [])) | set(machine.drafted)
            ),
            "untranslated": machine.untranslated,
        }
    session.flush()
    return edition


def _draft_intro(
    session: Session,
    edition: NewsletterEdition,
    translator: TranslationService,
    source: str | None,
    report: DraftReport,
) -> None:
    """An empty introduction gets a machine draft of the ``source`` edition's."""
    if edition.intro or source is None or source == edition.language:
        return
    original = session.scalar(
        select(NewsletterEdition.intro).where(
            NewsletterEdition.language == source,
            NewsletterEdition.period_start == edition.period_start,
            NewsletterEdition.period_end == edition.period_end,
        )
    )
    if not original:
        return
    [outcome] = translator.translate([original], source, edition.language, session=session)
    if isinstance(outcome, Translated):
        edition.intro = outcome.text
        report.drafted.append(f"intro:{edition.language}")
    else:
        report.untranslated[f"intro:{edition.language}"] = outcome.reason


def load_edition(session: Session, edition_id: int) -> NewsletterEdition:
    edition = session.get(NewsletterEdition, edition_id)
    if edition is None:
        raise EditionNotFound(f"no newsletter edition with id {edition_id}")
    return edition


def load_content(
    session: Session,
    edition: NewsletterEdition,
    *,
    network_name: NetworkName = "IOPD",
    website: str | None = None,
) -> EditionContent:
    """The edition's content read from the database."""
    items = session.scalars(
        select(Item)
        .where(Item.id.in_(edition.item_order or [-1]))
        .options(selectinload(Item.translations))
    )
    return edition_content(
        edition,
        list(items),
        events=events_ahead(session, edition.period_end),
        award_steps=award_steps_in_window(session, edition.period_start, edition.period_end),
        member_source_ids=member_source_ids(session),
        network_name=network_name,
        website=website,
    )


def _require_editable(edition: NewsletterEdition) -> None:
    if edition.status not in EDITABLE:
        raise AlreadySent(f"edition {edition.id} is {edition.status}; it can no longer be changed")


def reorder(edition: NewsletterEdition, item_ids: Sequence[int]) -> None:
    """Set the secretariat's order (and selection); editing an approved edition un-approves it."""
    _require_editable(edition)
    if len(set(item_ids)) != len(item_ids):
        raise ValueError("an item may appear only once in an edition")
    edition.item_order = list(item_ids)
    edition.status, edition.approved_by = "draft", None


def set_intro(edition: NewsletterEdition, intro: str, subject: str | None = None) -> None:
    """Write the editorial introduction (plain text; blank lines separate paragraphs)."""
    _require_editable(edition)
    if intro.strip() != edition.intro:  # a person's words now, no longer a machine draft
        report = dict(edition.report or {})
        drafted = list(report.get("machine_translated", []))
        if f"intro:{edition.language}" in drafted:
            drafted.remove(f"intro:{edition.language}")
            edition.report = {**report, "machine_translated": drafted}
    edition.intro = intro.strip()
    if subject is not None:
        edition.subject = subject.strip() or None
    edition.status, edition.approved_by = "draft", None


def set_translation(
    session: Session,
    item: Item,
    language: str,
    title: str,
    summary_html: str = "",
    summary_text: str = "",
) -> ItemTranslation:
    """Add or replace the item's text in ``language``; the item then appears in that edition."""
    if language == item.language:
        raise ValueError(f"item {item.id} is written in {language}; edit the item itself")
    for translation in item.translations:
        if translation.language == language:
            translation.title = title
            translation.summary_html = summary_html
            translation.summary_text = summary_text
            translation.machine = None  # a person's words now, no longer a machine draft
            break
    else:
        translation = ItemTranslation(
            language=language, title=title, summary_html=summary_html, summary_text=summary_text
        )
        item.translations.append(translation)
    session.flush()
    return translation


def approve(edition: NewsletterEdition, approved_by: str) -> None:
    """A person approves the edition: only then may it be pushed to Mailchimp."""
    if edition.status != "draft" and edition.status != "approved":
        raise AlreadySent(f"edition {edition.id} is already {edition.status}")
    if not approved_by.strip():
        raise ValueError("an approval needs the name or email of the person approving")
    edition.status, edition.approved_by = "approved", approved_by.strip()


def require_approved(edition: NewsletterEdition) -> None:
    """Raise :class:`NotApproved` unless a person approved the edition (or it went already)."""
    if edition.status not in ("approved", "scheduled", "sent"):
        raise NotApproved(
            f"edition {edition.id} ({edition.language}) is a {edition.status}: "
            f"approve it first (hub newsletter approve {edition.id})"
        )

"""Machine drafts where the hub needs a language it lacks: an item's translations, a
knowledge record's missing languages. Each draft is marked with its engine
(``ItemTranslation.machine``) or as machine-translated (a knowledge entry's
``data.translated``, an event's, award's or step's ``translated``) and is a draft:
a person approves it with the item, edits it or deletes it. A text the engine did not
translate is left out, with the reason returned, and nothing else waits on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.bus.router import languages_to_translate
from hub.core.config.settings import Settings
from hub.core.models import (
    Award,
    AwardStep,
    Event,
    Item,
    ItemTranslation,
    KnowledgeEntry,
    Member,
    Source,
)
from hub.core.translation.service import Translated, TranslationService


@dataclass
class DraftReport:
    """What was drafted (language or ``item:language``) and what was not, with why."""

    drafted: list[str] = field(default_factory=list)
    untranslated: dict[str, str] = field(default_factory=dict)


def draft_item_translations(
    session: Session,
    items: Iterable[Item],
    language: str,
    service: TranslationService,
    report: DraftReport | None = None,
) -> DraftReport:
    """Draft ``items``' title and summary in ``language`` where they have no text in it."""
    report = report if report is not None else DraftReport()
    for item in items:
        have = {t.language for t in item.translations}
        if item.language is None or item.language == language or language in have:
            continue
        where = f"{item.id}:{language}"
        title, html, text = (
            service.translate([item.title], item.language, language, session=session)
            + service.translate(
                [item.summary_html], item.language, language, format="html", session=session
            )
            + service.translate([item.summary_text], item.language, language, session=session)
        )
        failed = [o for o in (title, html, text) if not isinstance(o, Translated)]
        if failed or not isinstance(title, Translated):
            report.untranslated[where] = getattr(failed[0], "reason", "not translated")
            continue
        assert isinstance(html, Translated) and isinstance(text, Translated)
        item.translations.append(
            ItemTranslation(
                language=language,
                title=title.text[:500],
                summary_html=html.text,
                summary_text=text.text,
                machine=service.name,
            )
        )
        report.drafted.append(where)
    session.flush()
    return report


TEXT_FIELDS: dict[type, tuple[str, ...]] = {
    KnowledgeEntry: ("name", "body"),
    Event: ("name", "theme", "description"),
    Award: ("name", "description"),
    AwardStep: ("description",),
}
"""Each knowledge record's texts kept per language (a JSON object keyed by language)."""

KnowledgeRecord = KnowledgeEntry | Event | Award | AwardStep


def machine_languages(record: KnowledgeRecord) -> list[str]:
    """The languages of ``record`` a machine (or the hub) translated: not checked by a person."""
    if isinstance(record, KnowledgeEntry):
        return sorted((record.data or {}).get("translated", []))
    return sorted(record.translated or [])


def set_machine_languages(record: KnowledgeRecord, languages: set[str]) -> None:
    """Mark exactly ``languages`` of ``record`` as machine-translated."""
    if isinstance(record, KnowledgeEntry):
        record.data = {**(record.data or {}), "translated": sorted(languages)}
    else:
        record.translated = sorted(languages)


def draft_record_languages(
    session: Session,
    record: KnowledgeRecord,
    languages: Sequence[str],
    service: TranslationService,
    prefer: str = "en",
) -> DraftReport:
    """Draft each text of a knowledge record (an entry of any kind, an event, an award
    edition, a step) in each of ``languages`` it lacks, from ``prefer``'s texts (else the
    first language that has every text the record has), marking each language drafted as
    machine-translated (:func:`machine_languages`) as the seed files do. What a person
    wrote in a language is kept; only its missing texts are drafted."""
    report = DraftReport()
    fields = TEXT_FIELDS[type(record)]
    texts = {name: dict(getattr(record, name) or {}) for name in fields}
    present = [name for name in fields if any(texts[name].values())]
    have = sorted({code for name in present for code, text in texts[name].items() if text})
    complete = [c for c in (prefer, *have) if present and all(texts[n].get(c) for n in present)]
    if not complete:
        report.untranslated["*"] = "the record has no language with every one of its texts"
        return report
    source = complete[0]
    machine = set(machine_languages(record))
    for language in languages:
        missing = [name for name in present if not texts[name].get(language)]
        if not missing:
            continue
        originals = [texts[name][source] for name in missing]
        outcomes = service.translate(originals, source, language, session=session)
        reasons = [o.reason for o in outcomes if not isinstance(o, Translated)]
        if reasons:
            report.untranslated[language] = reasons[0]
            continue
        for name, outcome in zip(missing, outcomes, strict=True):
            assert isinstance(outcome, Translated)
            texts[name][language] = outcome.text
        machine.add(language)
        report.drafted.append(language)
    if report.drafted:
        for name in present:
            setattr(record, name, texts[name])
        set_machine_languages(record, machine)
        session.flush()
    return report


draft_entry_languages = draft_record_languages
"""The FAQ page's and the demo's name for it."""


def draft_for_routes(
    session: Session, item: Item, settings: Settings, service: TranslationService
) -> DraftReport:
    """Draft ``item`` in the languages its ``translate = true`` routes need, for the
    moderator to see beside it and approve with it."""
    source_key = (
        session.scalar(select(Source.key).where(Source.id == item.source_id))
        if item.source_id is not None
        else None
    )
    member = session.get(Member, item.member_id) if item.member_id else None
    report = DraftReport()
    for language in sorted(languages_to_translate(item, settings, source_key, member)):
        draft_item_translations(session, [item], language, service, report)
    return report


def draft_pending(
    engine: Engine, settings: Settings, service: TranslationService, *, limit: int = 20
) -> DraftReport:
    """Draft the languages that ``translate = true`` routes need for items waiting for a
    moderator, oldest first, each in its own transaction; the round stops at the
    first failure (the engine is down or refusing: the next round tries again), so
    a dead engine costs one time-out a round, not one an item."""
    report = DraftReport()
    with Session(engine) as session:
        waiting = list(
            session.scalars(
                select(Item.id)
                .where(Item.status == "pending", Item.language.is_not(None))
                .order_by(Item.id)
            )
        )
    done = 0
    for item_id in waiting:
        if done >= limit:
            break
        with Session(engine, expire_on_commit=False) as session, session.begin():
            item = session.get(Item, item_id)
            if item is None or item.status != "pending":
                continue
            one = draft_for_routes(session, item, settings, service)
        if not one.drafted and not one.untranslated:
            continue
        done += 1
        report.drafted += one.drafted
        report.untranslated.update(one.untranslated)
        if one.untranslated:
            break
    return report

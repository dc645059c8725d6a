"""Machine translation in the demo: a member's Spanish news drafted in French and approved,
knowledge given its missing languages, and the marked posts the stand-ins received."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.models import Event, Item, KnowledgeEntry, utcnow
from hub.demo.run import DemoWorld
from hub.wiring import translation_service

DEMO_SPANISH_NEWS = (
    "Dakar acoge un encuentro africano de presupuestos participativos",
    "Alcaldes de Senegal, Mali y Costa de Marfil comparten en Dakar lo que aprendieron "
    "de sus presupuestos participativos con la OIDP.",
)
"""A member's news in Spanish about Africa: the French channel's route says translate = true."""


def demo_translation(engine: Engine, settings: Settings) -> list[str]:
    """Machine translation drafts, as a person sees them: a Spanish item drafted in French
    for the African channel and approved by a moderator, a knowledge entry given its
    missing languages. Deliveries are left for :func:`deliver_all`."""
    from hub.core.models import ItemTranslation
    from hub.core.moderation.decisions import approve
    from hub.core.translation.drafts import (
        draft_entry_languages,
        draft_pending,
        draft_record_languages,
    )
    from hub.web.news_intake import Submission, submit_news

    service = translation_service(settings, engine)
    web_form = next(
        (key for key, s in settings.sources.items() if s.kind == "web" and s.enabled), None
    )
    if service is None or web_form is None:
        return ["translation: off in this configuration"]
    now = utcnow()
    title, text = DEMO_SPANISH_NEWS
    with Session(engine) as session, session.begin():
        submission = Submission(title=title, text=text, language="es")
        submit_news(session, settings, web_form, submission, now=now, platform="web")
        item_id = session.scalar(select(Item.id).where(Item.title == title))
    report = draft_pending(engine, settings, service)
    lines = [f"translation ({service.name}): drafted {', '.join(report.drafted) or 'nothing'}"]
    lines += [f"  not translated {k}: {v}" for k, v in report.untranslated.items()]
    with Session(engine) as session, session.begin():
        item = session.get(Item, item_id)
        assert item is not None
        for draft in session.scalars(
            select(ItemTranslation).where(ItemTranslation.item_id == item_id)
        ):
            lines.append(
                f"  {draft.language}: {draft.title}  (machine-translated, {draft.machine})"
            )
        approve(session, item, settings, by="demo moderator", now=now)
        lines.append(f"  approved by a moderator with its translation: {item.title}")
    with Session(engine) as session, session.begin():
        entries = session.scalars(select(KnowledgeEntry).order_by(KnowledgeEntry.id))
        entry = next(
            (
                e
                for e in entries
                if (e.body or {}).get(settings.hub.default_language)
                and any(not (e.body or {}).get(c) for c in settings.hub.languages)
            ),
            None,
        )
        if entry is None:  # every seed record has its five languages: one written in English
            entry = english_only_faq(session, settings)
        drafted = draft_entry_languages(
            session, entry, settings.hub.languages, service, settings.hub.default_language
        )
        gained = ", ".join(drafted.drafted) or "nothing"
        lines.append(f"  knowledge {entry.id} gained {gained} (marked translated)")
        events = select(Event).where(Event.source_id.is_(None))
        lacking = [
            event
            for event in session.scalars(events.order_by(Event.starts_on.desc(), Event.id))
            if any(
                t and not set(settings.hub.languages) <= set(t)
                for t in (event.name, event.theme, event.description)
            )
        ]
        if not lacking:  # the seed knowledge has its five languages: one written in English
            lacking = [english_only_event(session, settings, now)]
        event = lacking[0]
        drafted = draft_record_languages(
            session, event, settings.hub.languages, service, settings.hub.default_language
        )
        gained = ", ".join(drafted.drafted) or "nothing"
        lines.append(f"  knowledge event {event.id} gained {gained} (marked translated)")
    return lines


def english_only_faq(session: Session, settings: Settings) -> KnowledgeEntry:
    """An FAQ entry the secretariat wrote in its default language only, as the console's FAQ
    form allows (the seed records all have their five languages)."""
    language = settings.hub.default_language
    entry = KnowledgeEntry(
        id="faq-demo-where-to-send-photos",
        kind="faq",
        name={language: "Where can we send photos of our participatory budgeting assembly?"},
        body={language: "Send them to the Technical Secretariat with your news item."},
        data={"origin": "console"},
    )
    session.add(entry)
    session.flush()
    return entry


def english_only_event(session: Session, settings: Settings, now: dt.datetime) -> Event:
    """An event the secretariat wrote in its default language only, as the console's event
    form allows: a past online seminar, so it changes no answer about what is coming."""
    language = settings.hub.default_language
    event = Event(
        id="demo-seminar-youth-budgets",
        kind="seminar",
        name={language: "OIDP online seminar: participatory budgets with young people"},
        description={
            language: "Cities share how young people propose and vote projects in "
            "participatory budgets."
        },
        starts_on=(now - dt.timedelta(days=20)).date(),
        organiser="IOPD Technical Secretariat",
    )
    session.add(event)
    session.flush()
    return event


def machine_posts(world: DemoWorld) -> list[str]:
    """The posts the stand-ins hold that carry a machine translation (marked ``[xx]``)."""
    from bots.formatting import machine_mark_texts

    marks = sorted(machine_mark_texts(), key=len, reverse=True)
    lines = []
    for platform, standin in world.standins.items():
        for post in standin.posts():
            if post.text.lstrip().startswith("[") and "] " in post.text[:8]:
                first = post.text.strip().splitlines()[0]
                lines.append(f"  {platform} {post.channel} received: {first[:90]}")
                mark = next((words for words in marks if words in post.text), None)
                lines.append(f"    marked for readers: {mark or 'NOT MARKED'}")
    return lines

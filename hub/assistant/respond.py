"""Answers from the index for each intent, worded by ``phrases.yaml``.

Each ``_intent`` function returns a :class:`Reply`: the text, the ids of the
records it used, and whether the question must go to the secretariat
(nothing in the knowledge answers it, or the part asked about is missing).
Nothing here invents: every fact comes from a record, and a missing fact is
said to be missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from babel import Locale

from hub.assistant.dates import Period, covered, day_words, period_words, when
from hub.assistant.index import AwardView, EntryView, EventView, KnowledgeIndex, StepView, text_in
from hub.assistant.tables import Tables
from hub.assistant.understand import Query

MAX_LISTED = 8
NOT_NEXT = frozenset({"agenda_item"})


@dataclass
class Target:
    """What a reminder is about: a dated record and the day it starts."""

    record_id: str
    label: str
    day: dt.date
    when: str


@dataclass
class Reply:
    text: str
    sources: list[str] = field(default_factory=list)
    handoff: bool = False
    target: Target | None = None


@dataclass
class Context:
    index: KnowledgeIndex
    tables: Tables
    language: str
    today: dt.date

    def phrase(self, key: str, **values: object) -> str:
        return self.tables.phrase(key, self.language, **values)

    def handoff(self, *before: str, sources: list[str] | None = None) -> Reply:
        text = " ".join([*before, self.phrase("handoff")])
        return Reply(text, sources or [], handoff=True)


# --- naming things --------------------------------------------------------------------


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def event_name(ctx: Context, event: EventView) -> str:
    if ctx.language in event.name:
        return event.name[ctx.language]
    if event.kind == "conference" and event.number:
        return ctx.phrase(
            "conference_name", number=event.number, ordinal=_english_ordinal(event.number)
        )
    return text_in(event.name, ctx.language)[0]


def place(ctx: Context, city: str | None, country: str | None) -> str | None:
    names = Locale.parse(ctx.language).territories
    parts = [p for p in (city, names.get(country) if country else None) if p]
    return ", ".join(parts) or None


def describe(ctx: Context, event: EventView) -> str:
    """``20th IOPD Conference (20–22 July 2020, Cocody, Abidjan, Côte d’Ivoire)``."""
    details = [
        d
        for d in (
            when(event.starts_on, event.ends_on, event.precision, ctx.language),
            place(ctx, event.city, event.country),
        )
        if d
    ]
    text = event_name(ctx, event) + (f" ({', '.join(details)})" if details else "")
    return text + (f" {event.url}" if event.url else "")


def listing(ctx: Context, header: str, events: list[EventView]) -> str:
    lines = [header, *(f"• {describe(ctx, e)}" for e in events[:MAX_LISTED])]
    if len(events) > MAX_LISTED:
        lines.append(ctx.phrase("and_more", count=len(events) - MAX_LISTED))
    return "\n".join(lines)


def entry_text(ctx: Context, entry: EntryView) -> str:
    """The entry's text in the language (its own, the assistant's, or marked as English)."""
    own = ctx.tables.record_texts.get(entry.id, {})
    if ctx.language in entry.body:
        text = entry.body[ctx.language]
    elif ctx.language in own:
        text = own[ctx.language]
    else:
        text, used = text_in(entry.body, ctx.language)
        text = ctx.phrase("in_english", text=text) if used != ctx.language else text
    url = entry.data.get("url")
    return f"{text} {url}" if isinstance(url, str) and url not in text else text


# --- events ---------------------------------------------------------------------------


def upcoming(ctx: Context, kinds: frozenset[str] | None = None) -> list[EventView]:
    """Dated events not yet over, soonest first (day- and month-precise before year-precise)."""
    found = []
    for event in ctx.index.events:
        span = event.span
        if span is None or event.kind in NOT_NEXT or (kinds and event.kind not in kinds):
            continue
        if span[1] >= ctx.today:
            found.append(event)
    return sorted(found, key=lambda e: (e.precision == "year", e.starts_on, e.id))


def next_event(ctx: Context, query: Query, kinds: frozenset[str] | None = None) -> Reply:
    key = "next_conference" if kinds else "next_event"
    found = upcoming(ctx, kinds)
    if found:
        first = found[0]
        return Reply(
            ctx.phrase(key, event=describe(ctx, first)), [first.id], target=_target(ctx, first)
        )
    past = [e for e in ctx.index.events if e.span and (not kinds or e.kind in kinds)]
    before = [ctx.phrase("none_upcoming", today=day_words(ctx.today, ctx.language))]
    if past:
        last = max(past, key=lambda e: e.starts_on or dt.date.min)
        before.append(ctx.phrase("last_known", event=describe(ctx, last)))
        return ctx.handoff(*before, sources=[last.id])
    return ctx.handoff(*before)


def matching_events(ctx: Context, query: Query) -> list[EventView]:
    """Events meeting every filter the question gives: period, place, topic, conferences only."""
    period = query.period
    found = []
    for event in ctx.index.events:
        if "conference" in query.concepts and event.kind != "conference":
            continue
        if query.city and not (event.city and query.city in event.city):
            continue
        if query.country and not query.city and event.country != query.country:
            continue
        if query.topic and query.topic not in event.topics:
            continue
        if period is not None:
            span = event.span
            if span is None or (event.precision == "year" and period.kind != "year"):
                continue
            if not period.overlaps(*span):
                continue
        found.append(event)
    return found


def _qualifiers(ctx: Context, query: Query, but: str) -> str:
    """What else narrowed a listing, for its header: " (2013)", " (Berlin)"."""
    extra = []
    if but != "period" and query.period is not None:
        seasons = ctx.tables.words_for("seasons", ctx.language)
        extra.append(period_words(query.period, ctx.language, seasons))
    if but != "place" and (query.city or query.country):
        extra.append(query.city or place(ctx, None, query.country) or "")
    if but != "topic" and query.topic:
        extra.append(ctx.tables.topic_label(query.topic, ctx.language))
    return f" ({', '.join(extra)})" if extra else ""


def events_in(ctx: Context, query: Query, period: Period) -> Reply:
    found = matching_events(ctx, query)
    seasons = ctx.tables.words_for("seasons", ctx.language)
    words = period_words(period, ctx.language, seasons) + _qualifiers(ctx, query, "period")
    if not found:
        return ctx.handoff(ctx.phrase("no_events_in", period=words))
    key = "conferences_in" if "conference" in query.concepts else "events_in"
    return Reply(listing(ctx, ctx.phrase(key, period=words), found), [e.id for e in found])


def events_at(ctx: Context, query: Query) -> Reply:
    if query.unknown_place:
        return ctx.handoff(ctx.phrase("no_events_at", place=query.unknown_place))
    found = matching_events(ctx, query)
    where = (query.city or place(ctx, None, query.country) or "") + _qualifiers(ctx, query, "place")
    if not found:
        return ctx.handoff(ctx.phrase("no_events_at", place=where))
    return Reply(listing(ctx, ctx.phrase("events_at", place=where), found), [e.id for e in found])


def events_on(ctx: Context, query: Query) -> Reply:
    found = matching_events(ctx, query)
    label = ctx.tables.topic_label(query.topic or "", ctx.language)
    if not found:
        return ctx.handoff()
    header = ctx.phrase("events_on", topic=label + _qualifiers(ctx, query, "topic"))
    return Reply(listing(ctx, header, found), [e.id for e in found])


def conference(ctx: Context, query: Query) -> Reply:
    candidates = [e for e in ctx.index.events if e.kind == "conference"]
    if query.unknown_place and query.number is None and query.year is None:
        return ctx.handoff(ctx.phrase("no_such_record"))
    if query.number is not None:
        candidates = [e for e in candidates if e.number == query.number]
    elif query.year is not None:
        candidates = [e for e in candidates if e.starts_on and e.starts_on.year == query.year]
    elif query.city:
        candidates = [e for e in candidates if e.city and query.city in e.city]
    elif query.country:
        candidates = [e for e in candidates if e.country == query.country]
    if not candidates:
        return ctx.handoff(ctx.phrase("no_such_record"))
    event = candidates[0]
    parts = [describe(ctx, event) + "."]
    missing = False
    theme = event.theme.get(ctx.language) or event.theme.get("en")
    if theme:
        parts.append(ctx.phrase("theme", theme=theme))
    elif "theme" in query.concepts:
        parts.append(ctx.phrase("theme_unknown"))
        missing = True
    if event.span is None:
        parts.append(ctx.phrase("date_unknown"))
        missing = missing or "when" in query.concepts
    if not event.city and "where" in query.concepts:
        parts.append(ctx.phrase("place_unknown"))
        missing = True
    if missing:
        return ctx.handoff(*parts, sources=[event.id])
    return Reply(" ".join(parts), [event.id], target=_target(ctx, event))


def _target(ctx: Context, event: EventView) -> Target | None:
    if event.starts_on is None or event.precision == "year":
        return None
    written = when(event.starts_on, event.ends_on, event.precision, ctx.language) or ""
    return Target(event.id, event_name(ctx, event), event.starts_on, written)


# --- awards ---------------------------------------------------------------------------


def choose_award(ctx: Context, query: Query) -> AwardView | None:
    awards = ctx.index.awards
    if query.number is not None:
        return next((a for a in awards if a.edition == query.number), None)
    if query.year is not None:
        return next((a for a in awards if a.year == query.year), None)
    dated = [a for a in awards if a.year or a.first_date]

    def year(a: AwardView) -> int:
        return a.year or (a.first_date.year if a.first_date else 0)

    coming = sorted((a for a in dated if year(a) >= ctx.today.year), key=year)
    if coming:
        return coming[0]
    return max(dated, key=year) if dated else None


def award_name(ctx: Context, award: AwardView) -> str:
    if ctx.language in award.name:
        return award.name[ctx.language]
    generic = ctx.phrase("award_generic")
    return f"{generic} {award.year}" if award.year else text_in(award.name, ctx.language)[0]


def _step(award: AwardView, names: list[str]) -> StepView | None:
    return next((award.steps[n] for n in names if n in award.steps), None)


def award(ctx: Context, query: Query) -> Reply:
    if "winner" in query.concepts:
        return ctx.handoff(ctx.phrase("no_winners"))
    faq = ctx.index.entries.get("faq-best-practice-award")
    chosen = choose_award(ctx, query)
    if chosen is None:
        return ctx.handoff(ctx.phrase("no_such_record"))
    name = award_name(ctx, chosen)
    aspect = next(
        (a for a in ("results", "evaluation", "close", "open") if a in query.concepts), None
    )
    if (
        aspect is None
        and "candidacy" in query.concepts
        and not query.concepts & {"apply", "criteria"}
    ):
        aspect = "open"
    if aspect:
        return _award_step(ctx, query, chosen, name, aspect)
    if faq is not None and query.concepts & {"apply", "criteria"}:
        text = entry_text(ctx, faq)
        sources = [faq.id]
        step = _step(chosen, ctx.tables.award_steps["open"])
        if "apply" in query.concepts and step and step.starts_on:
            text += " " + _step_sentence(ctx, chosen, name, step)
            sources.append(chosen.id)
        return Reply(text, sources)
    parts = [ctx.phrase("award_edition", award=name, year=chosen.year or "?")]
    dated = [s for s in chosen.steps.values() if s.starts_on]
    if dated:
        steps = ctx.tables.words_for("steps", ctx.language)
        parts.append(ctx.phrase("award_steps_intro"))
        for s in sorted(dated, key=lambda s: s.starts_on or dt.date.min):
            written = when(s.starts_on, s.ends_on, s.precision, ctx.language)
            parts.append(f"• {steps.get(s.step, s.step)}: {written}")
    return Reply("\n".join(parts), [chosen.id])


def _is_past(step: StepView, today: dt.date) -> bool:
    """True when the step is over by ``today`` (a month-precise step lasts all month)."""
    assert step.starts_on is not None
    return covered(step.starts_on, step.ends_on, step.precision)[1] < today


def _step_sentence(ctx: Context, award_: AwardView, name: str, step: StepView) -> str:
    label = ctx.tables.words_for("steps", ctx.language).get(step.step, step.step)
    written = when(step.starts_on, step.ends_on, step.precision, ctx.language)
    return ctx.phrase("award_step", step=label, award=name, when=written)


def _award_step(ctx: Context, query: Query, chosen: AwardView, name: str, aspect: str) -> Reply:
    step = _step(chosen, ctx.tables.award_steps[aspect])
    label = ctx.tables.words_for("steps", ctx.language)
    if step is None or step.starts_on is None:
        step_name = label.get(step.step, step.step) if step else aspect
        text = ctx.phrase("step_undated", step=step_name.lower(), award=name)
        return ctx.handoff(text, sources=[chosen.id])
    parts = [_step_sentence(ctx, chosen, name, step)]
    if aspect == "close" and step.ends_on is None and step.precision != "day":
        parts.append(ctx.phrase("no_close_day"))
    written = when(step.starts_on, step.ends_on, step.precision, ctx.language) or ""
    target = Target(
        chosen.id, f"{label.get(step.step, step.step)} ({name})", step.starts_on, written
    )
    if _is_past(step, ctx.today):
        parts.append(ctx.phrase("step_past"))
        if query.year is None and query.number is None:
            return ctx.handoff(*parts, sources=[chosen.id])
    return Reply(" ".join(parts), [chosen.id], target=target)


# --- the network ----------------------------------------------------------------------


def offices(ctx: Context, query: Query) -> Reply:
    all_offices = ctx.index.by_kind.get("office", [])
    named = {f.value for f in ctx.tables.record_words.find(query.tokens)}
    chosen = [o for o in all_offices if o.id in named]
    shown = chosen or all_offices
    founded = [o for o in shown if o.data.get("status") == "founded"]
    planned = [o for o in shown if o.data.get("status") != "founded"]
    if chosen:
        sentences = [
            ctx.phrase(
                "office_founded",
                name=text_in(o.name, ctx.language)[0],
                city=o.data.get("city"),
                when=_founded(ctx, o),
            )
            for o in founded
        ]
        sentences += [
            ctx.phrase(
                "office_planned",
                name=text_in(o.name, ctx.language)[0],
                years="/".join(str(y) for y in o.data.get("planned_in", [])),
            )
            for o in planned
        ]
        text = " ".join(sentences)
    else:
        text = ctx.phrase(
            "offices",
            founded="; ".join(f"{o.data.get('city')} ({_founded(ctx, o)})" for o in founded),
            planned=", ".join(str(o.data.get("region")) for o in planned),
        )
    return Reply(text, [o.id for o in founded + planned])


def _founded(ctx: Context, office: EntryView) -> str | None:
    day = _date(office.data.get("founded"))
    return when(day, None, str(office.data.get("founded_precision", "day")), ctx.language)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def entry_list(ctx: Context, kind: str, header: str) -> Reply:
    entries = ctx.index.by_kind.get(kind, [])
    if not entries:
        return ctx.handoff()
    lines = [ctx.phrase(header), *(f"• {text_in(e.name, ctx.language)[0]}" for e in entries)]
    return Reply("\n".join(lines), [e.id for e in entries])


def ogp_local(ctx: Context, query: Query) -> Reply:
    record_id = next((r for c, r in ctx.tables.ogp.items() if c in query.concepts), "ogp-local")
    entry = ctx.index.entries.get(record_id)
    if entry is None:
        return ctx.handoff()
    if record_id == "ogp-local-circles":
        circles = [
            e
            for e in ctx.index.by_kind.get("ogp_local", [])
            if e.data.get("topic") == "circle" and "theme" in e.data
        ]
        listed = "; ".join(
            f"{c.data['theme']} ({', '.join(c.data.get('members', []))})" for c in circles
        )
        return Reply(
            ctx.phrase("ogp_circles", circles=listed), [entry.id, *(c.id for c in circles)]
        )
    if record_id == "ogp-local-commitments-limit" and "max_commitments" in entry.data:
        return Reply(ctx.phrase("ogp_commitments", count=entry.data["max_commitments"]), [entry.id])
    if record_id == "ogp-local-how-to-join" and "email" in entry.data:
        visit = " / ".join(entry.data.get("visit", []))
        text = ctx.phrase(
            "ogp_join", visit=visit, slack=entry.data.get("slack"), email=entry.data["email"]
        )
        return Reply(text, [entry.id])
    return Reply(entry_text(ctx, entry), [entry.id])


def faq(ctx: Context, query: Query) -> Reply:
    record_id = next((r for c, r in ctx.tables.faq.items() if c in query.concepts), None)
    entry = ctx.index.entries.get(record_id) if record_id else None
    if entry is None:
        return ctx.handoff()
    return Reply(entry_text(ctx, entry), [entry.id])


def respond(ctx: Context, query: Query) -> Reply:
    """The reply to ``query`` (whose intent is already chosen)."""
    handlers: dict[str, Callable[[], Reply]] = {
        "next_event": lambda: next_event(ctx, query),
        "next_conference": lambda: next_event(ctx, query, frozenset({"conference"})),
        "events_by_date": lambda: (
            events_in(ctx, query, query.period) if query.period else next_event(ctx, query)
        ),
        "events_by_place": lambda: events_at(ctx, query),
        "events_by_topic": lambda: events_on(ctx, query),
        "conference": lambda: conference(ctx, query),
        "award": lambda: award(ctx, query),
        "offices": lambda: offices(ctx, query),
        "working_groups": lambda: entry_list(ctx, "working_group", "working_groups"),
        "thematic_priorities": lambda: entry_list(ctx, "thematic_priority", "thematic"),
        "ogp_local": lambda: ogp_local(ctx, query),
        "faq": lambda: faq(ctx, query),
    }
    handler = handlers.get(query.intent)
    return handler() if handler else ctx.handoff()

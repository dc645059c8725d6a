"""Answers about the award, the regional offices, working groups, priorities, OGP Local, FAQ.

A missing fact is said to be missing and handed off: the award's results
(undated), its winners (never in the knowledge), a past call presented as
the latest known and not as coming.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.context import Context, Reply, Target, entry_text
from hub.core.assistant.dates import covered, when
from hub.core.assistant.index import AwardView, EntryView, StepView, text_in
from hub.core.assistant.understand import Query


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
            text += " " + _step_sentence(ctx, name, step)
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


def _step_sentence(ctx: Context, name: str, step: StepView) -> str:
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
    parts = [_step_sentence(ctx, name, step)]
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

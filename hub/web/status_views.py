"""The dashboard, the sources' status, and the health endpoints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hub.core.accounts import AuditEntry
from hub.core.bus import ledger_days
from hub.core.bus.status import bus_status, day_bounds
from hub.core.db import is_current
from hub.core.models import (
    Delivery,
    Item,
    MailboxMessage,
    Member,
    NewsletterEdition,
    Question,
    Source,
)
from hub.core.schedule.periods import next_due
from hub.web.charts import dashboard_charts
from hub.web.i18n import _
from hub.web.page import Console, Page, Refused, whole_number

AUDIT_PAGE = 100


def _count(page: Page, query: object) -> int:
    return int(page.db.scalar(query) or 0)  # type: ignore[call-overload]


def dashboard(page: Page) -> Response:
    """Queue counts, failing sources, the latest items and actions."""
    # Before the page's own session writes anything (its sign-in may be touched): the
    # seal takes SQLite's write lock in a transaction of its own.
    ledger_days.seal(page.console.engine, page.now)
    d = Delivery
    counts = {
        "pending_items": _count(page, select(func.count()).where(Item.status == "pending")),
        "deliveries_pending": _count(
            page, select(func.count()).where(d.status.in_(("pending", "in_flight")))
        ),
        "deliveries_failed": _count(
            page, select(func.count()).where(d.status.in_(("failed", "dead")))
        ),
        "open_questions": _count(
            page,
            select(func.count()).where(Question.handoff.is_(True), Question.status == "open"),
        ),
    }
    failing = list(
        page.db.scalars(
            select(Source)
            .where(Source.consecutive_failures > 0, Source.enabled.is_(True))
            .order_by(Source.consecutive_failures.desc(), Source.key)
        )
    )
    latest = list(page.db.scalars(select(Item).order_by(Item.id.desc()).limit(10)))
    actions = list(page.db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(10)))
    start, end = day_bounds(page.now, page.settings.hub.timezone)
    channels = bus_status(page.db.connection(), page.now, day_start=start, day_end=end).channels
    charts = [(t, Markup(svg)) for t, svg in dashboard_charts(page.db, page.now, gettext=_)]
    return page.render(
        "dashboard.html",
        counts=counts,
        failing=failing,
        latest=latest,
        actions=actions,
        channels=channels,
        charts=charts,
        upcoming=upcoming_runs(page),
        editions=scheduled_editions(page),
    )


@dataclass(frozen=True)
class UpcomingRun:
    """When a schedule fires next (roundups, newsletter drafts, audience syncs, reminders)."""

    key: str
    kind: str
    channel: str | None
    fires_at: dt.datetime


def upcoming_runs(page: Page) -> list[UpcomingRun]:
    """Every enabled schedule's next firing, soonest first."""
    runs = [
        UpcomingRun(
            key,
            schedule.kind,
            schedule.channel,
            next_due(schedule, page.now, page.settings.hub.timezone).fires_at,
        )
        for key, schedule in page.settings.schedules.items()
        if schedule.enabled
    ]
    return sorted(runs, key=lambda run: (run.fires_at, run.key))


def scheduled_editions(page: Page) -> list[NewsletterEdition]:
    """Newsletter editions not sent yet, with a send time or waiting for approval or push."""
    query = (
        select(NewsletterEdition)
        .where(NewsletterEdition.sent_at.is_(None))
        .where(NewsletterEdition.status != "sent")
        .order_by(
            NewsletterEdition.scheduled_for.is_(None),
            NewsletterEdition.scheduled_for,
            NewsletterEdition.id.desc(),
        )
        .limit(10)
    )
    return list(page.db.scalars(query))


def audit_page(page: Page) -> Response:
    """Who did what, newest first, 100 at a time."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    before = whole_number(page.param("before"))
    if before is not None:
        query = query.where(AuditEntry.id < before)
    entries = list(page.db.scalars(query.limit(AUDIT_PAGE + 1)))
    older = entries[AUDIT_PAGE - 1].id if len(entries) > AUDIT_PAGE else None
    return page.render("audit.html", entries=entries[:AUDIT_PAGE], older=older)


def sources_page(page: Page) -> Response:
    """Every source with its last success, last error in words, failures and next fetch,
    and its owner: the member told when it breaks, whose feed is fetched from public
    addresses only (set here, unless ``hub.toml`` names one)."""
    sources = list(page.db.scalars(select(Source).order_by(Source.enabled.desc(), Source.key)))
    owner_ids = {s.member_id for s in sources if s.member_id is not None}
    members = page.db.scalars(select(Member).where(Member.id.in_(owner_ids)))
    owners = {m.id: m for m in members}
    configured = {
        key: source.member for key, source in page.settings.sources.items() if source.member
    }
    return page.render(
        "sources.html",
        sources=sources,
        owners=owners,
        configured=configured,
        mail=mail_counts(page.db, [s.id for s in sources if s.kind == "mailbox"]),
    )


def mail_counts(db: Session, source_ids: list[int]) -> dict[int, dict[str, int]]:
    """What each mailbox source made of the mail it read, by outcome (``item``, ``held``,
    ``question``, ``ignored``, ``refused``, ``duplicate``)."""
    counts: dict[int, dict[str, int]] = {key: {} for key in source_ids}
    if not source_ids:
        return counts
    rows = db.execute(
        select(MailboxMessage.source_id, MailboxMessage.outcome, func.count())
        .where(MailboxMessage.source_id.in_(source_ids))
        .group_by(MailboxMessage.source_id, MailboxMessage.outcome)
    )
    for source_id, outcome, number in rows:
        counts[source_id][outcome] = number
    return counts


OWNED_KINDS = ("feed", "ical")


def set_owner(page: Page) -> Response:
    """Attach a feed to a member (by email address, id or organisation), or detach it."""
    key = str(page.request.path_params["key"])
    source = page.db.scalar(select(Source).where(Source.key == key))
    if source is None or source.kind not in OWNED_KINDS:
        raise Refused(_("There is no such feed."), "/sources")
    configured = page.settings.sources.get(key)
    if configured is not None and configured.member:
        raise Refused(
            _("hub.toml names this feed's owner (%(member)s): change it there.")
            % {"member": configured.member},
            "/sources",
        )
    reference = page.field("owner").strip()
    if not reference:
        source.member_id = None
        page.audit("source_owner", f"source:{key}", None)
        return page.redirect("/sources", _("%(source)s has no owner now.") % {"source": key})
    member = find_member(page, reference)
    if member is None:
        raise Refused(
            _("No member has the address, id or name %(reference)s.") % {"reference": reference},
            "/sources",
        )
    source.member_id = member.id
    source.owner_told_failing = False
    page.audit("source_owner", f"source:{key}", f"member:{member.id}")
    told = _(
        "%(member)s owns %(source)s now: they are told when it breaks and recovers, "
        "and it is fetched from public addresses only."
    ) % {"member": member.organisation, "source": key}
    return page.redirect("/sources", told)


def find_member(page: Page, reference: str) -> Member | None:
    """The member ``reference`` names: an id, an email address (any case) or an organisation."""
    alive = Member.erased_at.is_(None)
    number = whole_number(reference)
    if number is not None:
        found = page.db.get(Member, number)
        if found is not None and found.erased_at is None:
            return found
    if "@" in reference:
        named = func.lower(Member.email) == reference.lower()
    else:
        named = func.lower(Member.organisation) == reference.lower()
    return page.db.scalars(select(Member).where(named, alive).order_by(Member.id)).first()


async def no_icon(request: Request) -> Response:
    """Browsers ask for an icon; answer "none" rather than a 404 in every log."""
    return Response(status_code=204, headers={"cache-control": "max-age=86400"})


async def healthz(request: Request) -> Response:
    """Alive: the process answers (no database involved)."""
    return JSONResponse({"status": "ok"})


def _ready(console: Console) -> tuple[bool, dict[str, object]]:
    try:
        with console.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = is_current(console.engine)
    except Exception as exc:
        return False, {"database": "unreachable", "error": type(exc).__name__}
    return current, {"database": "ok", "migrations": "current" if current else "behind"}


async def readyz(request: Request) -> Response:
    """Ready: the database answers, is at the newest migration, and every role runs (else 503).

    The roles are those of the ``hub serve`` process that set ``app.state.hub_process``
    (an object with ``running_roles() -> {role: running}``); without one, only the
    database is checked.
    """
    ready, details = await run_in_threadpool(_ready, request.app.state.console)
    process = getattr(request.app.state, "hub_process", None)
    if process is not None and callable(getattr(process, "running_roles", None)):
        roles = dict(process.running_roles())
        details["roles"] = roles
        ready = ready and all(roles.values())
    body = {"status": "ok" if ready else "unavailable", **details}
    return JSONResponse(body, status_code=200 if ready else 503)

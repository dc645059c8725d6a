"""The secretariat's newsletter tasks end to end, for the CLI, the console and the scheduler.

Each function takes an engine, a :class:`MailchimpAccount` and the clock,
opens its own session and commits at the points where a crash must not
lose what Mailchimp already did (a new campaign's id is committed the
moment it exists, so a retry updates that campaign instead of making a
second).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from hub.core.config.settings import NetworkName, Settings, name_in
from hub.core.errors import RateLimited, Timeout
from hub.core.metrics import count_newsletter_push
from hub.core.models import Member, NewsletterEdition, ScheduledRun
from hub.core.translation.service import TranslationService
from newsletters.audience import Links, SyncReport, apply_changes, pull_changes, sync_members
from newsletters.compose import (
    approve,
    draft_edition,
    load_content,
    load_edition,
    require_approved,
    with_pictures,
)
from newsletters.errors import AlreadySent, MailchimpError, NewsletterError
from newsletters.i18n import counted, default_subject, machine_mark
from newsletters.ledger import book_campaign, book_test
from newsletters.mailchimp import Campaigns, MailchimpAccount, make_client
from newsletters.pictures import item_ids_of, known_pictures, stored_pictures, uploaded_pictures
from newsletters.render import RenderedEdition, render_edition

PULL_JOB = "audience_pull"
PULL_OVERLAP = dt.timedelta(minutes=5)
"""A pull reads back this far before the last one: applying a change twice is harmless."""


def mailchimp_channel(settings: Settings) -> str:
    """The key of the deployment's Mailchimp channel (``newsletter`` by convention)."""
    keys = [key for key, channel in settings.channels.items() if channel.platform == "mailchimp"]
    if not keys:
        raise NewsletterError(
            f'{settings.path}: no channel with platform = "mailchimp"; add [channels.newsletter]'
        )
    return "newsletter" if "newsletter" in keys else keys[0]


def account_from_settings(
    settings: Settings,
    *,
    base_url: str | None = None,
    list_id: str | None = None,
    reply_to: str | None = None,
) -> MailchimpAccount:
    """The Mailchimp account of ``[channels.newsletter]``; options override the file."""
    key = mailchimp_channel(settings)
    channel = settings.channels[key]
    api_key = settings.secret(key)
    if not api_key:
        raise NewsletterError(
            f"{settings.path} [channels.{key}]: set the environment variable "
            f"{channel.token_env or 'MAILCHIMP_API_KEY'} to the Mailchimp API key"
        )
    host = urlsplit(settings.hub.public_url or "").hostname or "example.org"
    return MailchimpAccount(
        api_key=api_key,
        base_url=base_url or channel.base_url or "https://server.api.mailchimp.com/3.0",
        list_id=list_id or channel.target,
        from_name=settings.hub.network_name(),
        reply_to=reply_to or f"newsletter@{host}",
    )


def draft_editions(
    engine: Engine,
    start: dt.date,
    end: dt.date,
    languages: Iterable[str],
    network: NetworkName,
    *,
    timezone: str = "UTC",
    translator: TranslationService | None = None,
    intro_from: str | None = None,
) -> list[NewsletterEdition]:
    """A draft edition per language for the period (existing drafts refreshed); the period's
    days are those of ``timezone`` (the deployment's ``[hub] timezone``). With
    ``translator``, missing translations of the items and of the ``intro_from``
    edition's introduction are drafted by machine (see :func:`draft_edition`)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        editions = []
        for language in languages:
            edition = draft_edition(
                session,
                language,
                start,
                end,
                timezone=timezone,
                translator=translator,
                intro_from=intro_from,
            )
            if not edition.subject:
                edition.subject = default_subject(network, end, language)
            editions.append(edition)
    return editions


def previous_period(today: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The last whole day, week (Monday to Sunday) or month before ``today``."""
    if period == "day":
        day = today - dt.timedelta(days=1)
        return day, day
    if period == "week":
        monday = today - dt.timedelta(days=today.weekday() + 7)
        return monday, monday + dt.timedelta(days=6)
    if period == "month":
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    raise ValueError(f"unknown period {period!r} (day, week or month)")


def draft_scheduled(
    engine: Engine,
    settings: Settings,
    now: dt.datetime,
    period: str = "month",
    translator: TranslationService | None = None,
) -> list[NewsletterEdition]:
    """What the ``newsletter_draft`` schedule runs: drafts of the period just ended, one per
    language of the deployment. A person still has to approve each one."""
    today = now.astimezone(ZoneInfo(settings.hub.timezone)).date()
    start, end = previous_period(today, period)
    default = settings.hub.default_language
    return draft_editions(
        engine,
        start,
        end,
        sorted(settings.hub.languages, key=lambda code: code != default),
        settings.hub.network_names(),
        timezone=settings.hub.timezone,
        translator=translator,
        intro_from=default,
    )


def build_edition(
    engine: Engine,
    edition_id: int,
    network: NetworkName,
    website: str | None = None,
    *,
    picture_route: Callable[[int], str] | None = None,
) -> tuple[NewsletterEdition, RenderedEdition]:
    """Render an edition from the database (any status: this is the preview).

    Pictures: with ``picture_route`` (the console's preview), the hub's stored
    pictures at that route; without, only the copies already in Mailchimp's file
    manager (the public archive of sent editions). Nothing is uploaded here.
    """
    with Session(engine, expire_on_commit=False) as session:
        edition = load_edition(session, edition_id)
        content = load_content(session, edition, network_name=network, website=website)
        ids = item_ids_of(content)
        if picture_route is not None:
            content = with_pictures(content, stored_pictures(session, ids, picture_route))
        else:
            content = with_pictures(content, known_pictures(session, ids))
    return edition, render_edition(content)


@dataclass
class PushResult:
    campaign_id: str
    created: bool
    size: int
    notes: tuple[str, ...] = ()
    tested: list[str] = field(default_factory=list)
    scheduled_for: dt.datetime | None = None
    sent: bool | None = None
    pictures_uploaded: int = 0
    """Pictures uploaded to Mailchimp's file manager by this push (0: all there already)."""


def push_edition(
    engine: Engine,
    edition_id: int,
    account: MailchimpAccount,
    *,
    now: dt.datetime,
    network: NetworkName,
    website: str | None = None,
    test_to: Iterable[str] = (),
    schedule: dt.datetime | None = None,
    send_now: bool = False,
) -> PushResult:
    """Hand an approved edition to Mailchimp; test, schedule or send it if asked."""
    with Session(engine, expire_on_commit=False) as session:
        edition = load_edition(session, edition_id)
        require_approved(edition)
        sender = account
        if not isinstance(network, str):  # from the network as the edition's readers know it
            sender = replace(account, from_name=name_in(network, edition.language))
        client = make_client(sender)
        campaigns = Campaigns(client, sender)
        content = load_content(session, edition, network_name=network, website=website)
        pictures = uploaded_pictures(session, client, item_ids_of(content), now)
        content = with_pictures(content, pictures.pictures)
        rendered = render_edition(content)
        subject = edition.subject or default_subject(network, edition.period_end, edition.language)
        had_campaign = bool(edition.mailchimp_campaign_id)
        preview = counted("preheader", content.item_count, edition.language)
        with _booked(session, edition, "push", now):
            campaign_id = campaigns.push(
                edition, rendered, subject=subject, preview_text=preview, record=session.commit
            )
        result = PushResult(
            campaign_id,
            not had_campaign,
            rendered.size,
            rendered.notes + pictures.notes,
            pictures_uploaded=pictures.uploaded,
        )
        tests = [address for address in test_to if address.strip()]
        if tests:
            with _booked(session, edition, "test", now, tests=tests):
                campaigns.send_test(edition, tests)
            result.tested = tests
        if schedule is not None:
            with _booked(session, edition, "schedule", now):
                campaigns.schedule(edition, schedule)
            result.scheduled_for = edition.scheduled_for
        if send_now:
            with _booked(session, edition, "send", now):
                result.sent = campaigns.send(edition, now)
    count_newsletter_push(edition.language)
    return result


@dataclass(frozen=True)
class CampaignRefresh:
    """What :func:`refresh_campaigns` did to one edition's campaign."""

    edition_id: int
    language: str
    outcome: str


def editions_with(session: Session, item_id: int) -> list[NewsletterEdition]:
    """The editions that list ``item_id`` and have a Mailchimp campaign, oldest first.

    ``item_order`` is JSON: the few editions with a campaign are filtered here.
    """
    query = (
        select(NewsletterEdition)
        .where(NewsletterEdition.mailchimp_campaign_id.is_not(None))
        .order_by(NewsletterEdition.id)
    )
    return [e for e in session.scalars(query) if item_id in (e.item_order or [])]


def refresh_campaigns(
    engine: Engine,
    item_id: int,
    account: MailchimpAccount,
    *,
    now: dt.datetime,
    network: NetworkName,
    website: str | None = None,
) -> list[CampaignRefresh]:
    """After ``item_id`` was retracted or edited: push again every campaign that carries it
    and has not gone out, so Mailchimp holds the edition as it reads now (a retracted
    item is no longer in it; an edited one has its new text).

    A scheduled campaign is scheduled again for the same time (Mailchimp refuses
    changes to a scheduled campaign, so pushing unschedules it first). A sent one
    cannot be recalled: its outcome says so, for the item's page. A Mailchimp
    failure is the outcome of that edition, not an exception: the others still go.
    """
    with Session(engine, expire_on_commit=False) as session:
        editions = editions_with(session, item_id)
    results: list[CampaignRefresh] = []
    for edition in editions:
        if edition.status == "sent":
            when = f" on {edition.sent_at:%Y-%m-%d}" if edition.sent_at else ""
            outcome = f"sent{when}: an email cannot be recalled"
            results.append(CampaignRefresh(edition.id, edition.language, outcome))
            continue
        again = edition.scheduled_for if edition.status == "scheduled" else None
        if again is not None and again <= now:
            again = None  # its time has passed: Mailchimp says whether it went
        try:
            push_edition(
                engine,
                edition.id,
                account,
                now=now,
                network=network,
                website=website,
                schedule=again,
            )
        except AlreadySent:
            outcome = "sent already: an email cannot be recalled"
        except (*BOOKED_ERRORS, NewsletterError) as exc:
            outcome = f"not updated: {exc}"
        else:
            outcome = (
                f"rebuilt and scheduled again for {again:%Y-%m-%d %H:%M} UTC"
                if again
                else "rebuilt"
            )
        results.append(CampaignRefresh(edition.id, edition.language, outcome))
    return results


BOOKED_ERRORS = (MailchimpError, RateLimited, Timeout)
"""What Mailchimp answering badly looks like: booked as a failed attempt. The hub's own
refusals (not approved, already sent, a malformed time) never reached Mailchimp's audience
and are not attempts."""


@contextmanager
def _booked(
    session: Session,
    edition: NewsletterEdition,
    action: str,
    now: dt.datetime,
    *,
    tests: Sequence[str] = (),
) -> Iterator[None]:
    """Run one Mailchimp call, then book it in the delivery ledger and commit (see
    :mod:`newsletters.ledger`); a failed call is booked with Mailchimp's words and re-raised."""
    try:
        yield
    except BOOKED_ERRORS as exc:
        session.rollback()  # what the failed call left half-done is not kept, as before
        edition = load_edition(session, edition.id)
        if tests:
            book_test(session, edition, tests, now=now, error=str(exc))
        else:
            book_campaign(session, edition, now=now, action=action, error=str(exc))
        session.commit()
        raise
    if tests:
        book_test(session, edition, tests, now=now)
    else:
        book_campaign(session, edition, now=now, action=action)
    session.commit()


def pull_report(
    engine: Engine, edition_id: int, account: MailchimpAccount, now: dt.datetime
) -> dict[str, object]:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        edition = load_edition(session, edition_id)
        report = Campaigns(make_client(account), account).pull_report(edition, now)
        book_campaign(session, edition, now=now)  # a scheduled campaign that went is now sent
        return report


def sync_audience(
    engine: Engine,
    account: MailchimpAccount,
    *,
    progress: Callable[[int], None] = lambda done: None,
    poll_every: float = 1.0,
    links: Links | None = None,
) -> tuple[int, SyncReport]:
    """Send every member to the audience; returns (members in the hub, the sync's report).

    ``links`` gives each member's preferences link (the ``PREFS_URL`` merge field).
    """
    with Session(engine, expire_on_commit=False) as session:
        members = list(session.scalars(select(Member).order_by(Member.id)))
    report = sync_members(
        make_client(account),
        account.list_id,
        members,
        progress=progress,
        poll_every=poll_every,
        links=links,
    )
    return len(members), report


def pull_audience(
    engine: Engine, account: MailchimpAccount, now: dt.datetime, since: dt.datetime | None = None
) -> tuple[int, int]:
    """Read what changed in Mailchimp since the last pull; returns (changes, members changed)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        if since is None:
            since = session.scalar(
                select(func.max(ScheduledRun.started_at)).where(
                    ScheduledRun.job == PULL_JOB, ScheduledRun.finished_at.is_not(None)
                )
            )
        if since is not None:  # Mailchimp's times have whole seconds: overlap, changes repeat
            since -= PULL_OVERLAP
        changes = pull_changes(make_client(account), account.list_id, since)
        changed = apply_changes(session, changes)
        session.add(
            ScheduledRun(
                job=PULL_JOB,
                period_key=now.strftime("%Y-%m-%dT%H:%M:%S.%f"),
                started_at=now,
                finished_at=now,
                outcome=f"{len(changes)} changes, {changed} members changed",
            )
        )
    return len(changes), changed


# --- members from a spreadsheet -------------------------------------------------------

CSV_COLUMNS = (
    "organisation",
    "contact_name",
    "email",
    "language",
    "country",
    "region",
    "member_type",
    "topics",
)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    problems: list[str] = field(default_factory=list)


def import_members_csv(engine: Engine, path: Path, languages: Iterable[str]) -> ImportReport:
    """Create or update members from a CSV with a header row (matched on email).

    Columns: organisation, email (required), contact_name, language, country,
    region, member_type, topics (separated by ``;``). A bad row is reported
    with its line number and skipped.
    """
    allowed = set(languages)
    report = ImportReport()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = {"organisation", "email"} - set(reader.fieldnames or [])
        if missing:
            raise NewsletterError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        with Session(engine, expire_on_commit=False) as session, session.begin():
            existing = {(m.email or "").lower(): m for m in session.scalars(select(Member))}
            for row in reader:
                line = reader.line_num
                email = (row.get("email") or "").strip()
                organisation = (row.get("organisation") or "").strip()
                language = (row.get("language") or "en").strip().lower() or "en"
                if "@" not in email or not organisation:
                    report.problems.append(f"{path}:{line}: needs an organisation and an email")
                    continue
                if allowed and language not in allowed:
                    report.problems.append(
                        f"{path}:{line}: language {language!r} is not one "
                        f"of {', '.join(sorted(allowed))}"
                    )
                    continue
                member = existing.get(email.lower())
                if member is None:
                    member = Member(email=email, organisation=organisation, topics=[])
                    session.add(member)
                    existing[email.lower()] = member
                    report.created += 1
                else:
                    report.updated += 1
                member.organisation = organisation
                member.contact_name = (row.get("contact_name") or "").strip() or None
                member.language = language
                member.country = (row.get("country") or "").strip().upper()[:2] or None
                member.region = (row.get("region") or "").strip() or None
                member.member_type = (row.get("member_type") or "").strip() or None
                member.topics = [
                    t.strip() for t in (row.get("topics") or "").split(";") if t.strip()
                ]
    return report


# --- the demo -------------------------------------------------------------------------


def newsletter_demo(
    engine: Engine,
    settings: Settings,
    now: dt.datetime,
    *,
    test_to: str = "secretariat@example.org",
    translator: TranslationService | None = None,
) -> list[str]:
    """``hub demo``'s newsletter step, one line per language for the terminal.

    Drafts this month's edition in every language, approves each as
    "hub demo" (a real deployment waits for a person), pushes it to the
    configured Mailchimp (the stand-in in the demo) and sends a test.
    Editions without items are drafted but not pushed. With ``translator``, the
    items missing in a language are drafted by machine (the line counts them).
    """
    today = now.astimezone(ZoneInfo(settings.hub.timezone)).date()
    default = settings.hub.default_language
    editions = draft_editions(
        engine,
        today.replace(day=1),
        today,
        sorted(settings.hub.languages, key=lambda code: code != default),
        settings.hub.network_names(),
        timezone=settings.hub.timezone,
        translator=translator,
        intro_from=default,
    )
    account = account_from_settings(settings)
    lines = []
    for edition in editions:
        label = f"newsletter [{edition.language}] edition {edition.id}"
        if not edition.item_order:
            lines.append(f"{label}: no items this month, not pushed")
            continue
        with Session(engine, expire_on_commit=False) as session, session.begin():
            stored = load_edition(session, edition.id)
            if stored.status == "draft":
                approve(stored, "hub demo")
        result = push_edition(
            engine,
            edition.id,
            account,
            now=now,
            network=settings.hub.network_names(),
            website=settings.hub.public_url,
            test_to=[test_to],
        )
        machine = len((edition.report or {}).get("machine_translated", []))
        drafted = f", {machine} machine-translated" if machine else ""
        if machine:
            with Session(engine) as session:
                content = load_content(session, load_edition(session, edition.id))
            marked = [e for s in content.sections for e in s.entries if e.machine_from]
            if marked:
                words = machine_mark(marked[0].machine_from, edition.language)
                drafted += f" ({len(marked)} marked in the e-mail: “{words}”)"
        lines.append(
            f"{label}: {len(edition.item_order)} items, campaign {result.campaign_id} "
            f"({result.size / 1024:.1f} KB), test sent to {test_to}{drafted}"
        )
    return lines

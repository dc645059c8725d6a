"""Writing news: the secretariat's form (source ``console``) and the members' form (``web``).

The secretariat's form can also file a piece on a member's behalf through the
members' source, so that it waits for moderation like theirs. The members'
form needs no sign-in; it is throttled per address (each post is written before the
posts are counted, so parallel posts count each other), capped per day for the whole
form whatever the address, and carries a honeypot field that people never see and
bots fill in. It speaks any of the
network's five languages: the one its ``lang`` parameter names, else the
signed-in user's, else the one the browser asks for (``Accept-Language``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, func, select, text
from sqlalchemy.orm import Session
from starlette.responses import Response

from hub.core.accounts import AuditEntry
from hub.core.models import Member
from hub.web.i18n import MEMBER_LANGUAGES, _, current_language, use_language
from hub.web.member_import import email_problem
from hub.web.news_intake import Submission, SubmissionError, submit_news
from hub.web.page import Page, Refused

MEMBER_LIMIT = 20
MEMBER_WINDOW = dt.timedelta(hours=1)
MEMBER_DAILY_CAP = 100  # posts a day through the form from all addresses together
HONEYPOT = "website"  # hidden from people by the stylesheet (.trap); bots fill it in
FORM_LOCK = 0x6875625F666F726D  # "hub_form": the advisory lock that orders the form's claims


def claim_member_post(engine: Engine, ip: str, now: dt.datetime) -> bool:
    """Write this post's row and commit it, then count: posts arriving together count
    each other, so however many come at once at most the limits pass. A refused
    post's row is removed. True when the post may go on.

    Counting "rows up to mine" needs ids in commit order. SQLite has one writer at a
    time, so it gives that; PostgreSQL hands out sequence values in insert order and
    makes rows visible in commit order, so a row with a lower id could commit after a
    higher one had counted without it (21 of 40 passed a limit of 20 on a loaded
    machine). There the claims take a transaction-scoped advisory lock first."""
    with Session(engine) as session, session.begin():
        if engine.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FORM_LOCK})
        row = AuditEntry(
            at=now, actor="member (web form)", action="member_submit", target=f"ip:{ip}"
        )
        session.add(row)
        session.flush()
        claimed = row.id
    recent = select(func.count()).select_from(AuditEntry)
    recent = recent.where(AuditEntry.action == "member_submit", AuditEntry.id <= claimed)
    with Session(engine) as session, session.begin():
        from_here = session.scalar(
            recent.where(AuditEntry.target == f"ip:{ip}", AuditEntry.at > now - MEMBER_WINDOW)
        )
        today = session.scalar(recent.where(AuditEntry.at > now - dt.timedelta(days=1)))
        if (from_here or 0) > MEMBER_LIMIT or (today or 0) > MEMBER_DAILY_CAP:
            session.execute(delete(AuditEntry).where(AuditEntry.id == claimed))
            return False
    return True


def _source_of_kind(page: Page, kind: str) -> str | None:
    for key, source in page.settings.sources.items():
        if source.kind == kind and source.enabled:
            return key
    return None


def _submission(page: Page) -> Submission:
    return Submission(
        title=page.field("title"),
        text=page.field("text"),
        link=page.field("link") or None,
        image_url=page.field("image_url") or None,
        image_alt=page.field("image_alt")[:1500],
        language=page.field("language") or None,
    )


def _values(page: Page) -> dict[str, str]:
    names = ("title", "text", "link", "image_url", "image_alt", "language", "source", "email")
    return {name: page.field(name) for name in names}


def _form(page: Page, template: str, status: int = 200, **extra: object) -> Response:
    return page.render(
        template,
        status=status,
        languages=page.settings.hub.languages,
        values=_values(page) if page.form is not None else {},
        **extra,
    )


def submit_form(page: Page) -> Response:
    """The secretariat's form: publish as the secretariat, or file for moderation."""
    return _form(page, "submit.html", sources=_choices(page))


def _choices(page: Page) -> list[tuple[str, str]]:
    choices = []
    console = _source_of_kind(page, "console")
    if console:
        trusted = page.settings.sources[console].trusted
        label = _("The secretariat (published at once)") if trusted else _("The secretariat")
        choices.append((console, label))
    web = _source_of_kind(page, "web")
    if web:
        choices.append((web, _("A member, through the web form (waits for moderation)")))
    return choices


def submit(page: Page) -> Response:
    choices = dict(_choices(page))
    source = page.field("source")
    if source not in choices:
        page.flashes.append(("error", _("Choose who the news is from.")))
        return _form(page, "submit.html", status=400, sources=list(choices.items()))
    try:
        result = submit_news(
            page.db, page.settings, source, _submission(page), now=page.now, platform="console"
        )
    except SubmissionError as exc:
        page.flashes.append(("error", str(exc)))
        return _form(page, "submit.html", status=400, sources=list(choices.items()))
    item = result.item
    page.audit("submit", f"item:{item.id}", f"{result.outcome} via {source}")
    return page.redirect(f"/items/{item.id}", _outcome_words(result.outcome, result.approved))


def _outcome_words(outcome: str, approved: bool) -> str:
    if outcome == "merged":
        return _("This story was already in the hub: the submission was added to it.")
    if outcome == "unchanged":
        return _("This submission had already been received.")
    if approved:
        return _("Published: the news is on its way to the channels.")
    return _("Received: the news waits in the moderation queue.")


def _member_language(page: Page) -> str:
    """The language of the members' form: ``?lang=``, else the one its
    :func:`~hub.web.page.member_view` route chose (the user's, else the browser's)."""
    asked = page.param("lang")
    return asked if asked in MEMBER_LANGUAGES else current_language()


def member_form(page: Page) -> Response:
    """The members' public form."""
    with use_language(_member_language(page), MEMBER_LANGUAGES) as language:
        if _source_of_kind(page, "web") is None:
            raise Refused(_("The members' news form is not enabled in this deployment."), "/login")
        return _form(page, "member_submit.html", form_language=language)


def member_submit(page: Page) -> Response:
    with use_language(_member_language(page), MEMBER_LANGUAGES) as language:
        return _member_submit(page, language)


def _member_by_email(page: Page, email: str) -> int | None:
    """The member who gave this address (kept with the item; told of the decision)."""
    if not email:
        return None
    return page.db.scalar(
        select(Member.id).where(
            func.lower(Member.email) == email.lower(), Member.erased_at.is_(None)
        )
    )


def _member_submit(page: Page, language: str) -> Response:
    back = f"/submit-news?lang={language}"
    source = _source_of_kind(page, "web")
    if source is None:
        raise Refused(_("The members' news form is not enabled in this deployment."), "/login")
    if page.field(HONEYPOT):
        # a person never sees the field: answer as if received, keep nothing
        return page.redirect(
            back, _("Thank you: the secretariat will review your news before it is published.")
        )
    page.db.commit()  # nothing of this request is pending while the post is claimed
    if not claim_member_post(page.console.engine, page.client_ip, page.now):
        page.flashes.append(("error", _("Too many submissions from your network; try later.")))
        return _form(page, "member_submit.html", status=429, form_language=language)
    email = page.field("email").strip()
    problem = email_problem(email) if email else None
    if problem:
        page.flashes.append(("error", problem))
        return _form(page, "member_submit.html", status=400, form_language=language)
    try:
        result = submit_news(
            page.db,
            page.settings,
            source,
            _submission(page),
            now=page.now,
            platform="web",
            reply_to=email or None,
            member_id=_member_by_email(page, email),
        )
    except SubmissionError as exc:
        page.flashes.append(("error", str(exc)))
        return _form(page, "member_submit.html", status=400, form_language=language)
    page.audit("submit", f"item:{result.item.id}", f"{result.outcome} via {source}")
    return page.redirect(
        back, _("Thank you: the secretariat will review your news before it is published.")
    )

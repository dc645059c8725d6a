"""The members pages (admins only): the list, a CSV import, one member's record and
preferences, who has gone quiet, and the privacy requests (export, erasure).

Members' personal data is an admin's business: every route here is an
``admin_view``. Export and erasure reuse :mod:`hub.core.members.privacy`, as ``hub export``
and ``hub erase`` do, and are written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.sql import Select
from starlette.responses import Response

from hub.core.errors import HubError
from hub.core.members.links import CHANNELS, preferences_url, topics
from hub.core.members.privacy import erase_member, export_member
from hub.core.models import Member
from hub.web.feed_text import writable
from hub.web.i18n import _
from hub.web.member_import import ImportRefused, email_problem, import_members
from hub.web.page import UPLOAD_LIMIT, Page, Refused, whole_number
from hub.wiring import has_newsletter_audience, mailchimp_eraser

PER_PAGE = 100
INACTIVE_DAYS = 180
NEWSLETTER_ON = ("subscribed", "pending")


# --- the list -----------------------------------------------------------------------


def _filters(page: Page) -> dict[str, str]:
    return {name: page.param(name) for name in ("q", "language", "region", "newsletter")}


def _filtered(query: Select[Any], filters: dict[str, str]) -> Select[Any]:
    if filters["q"]:
        words = filters["q"].lower()  # % and _ are searched for as themselves
        query = query.where(
            or_(
                func.lower(Member.organisation).contains(words, autoescape=True),
                func.lower(func.coalesce(Member.contact_name, "")).contains(words, autoescape=True),
                func.lower(func.coalesce(Member.email, "")).contains(words, autoescape=True),
            )
        )
    if filters["language"]:
        query = query.where(Member.language == filters["language"])
    if filters["region"]:
        query = query.where(Member.region == filters["region"])
    if filters["newsletter"] == "on":
        query = query.where(Member.newsletter_status.in_(NEWSLETTER_ON))
    elif filters["newsletter"] == "off":
        query = query.where(
            or_(Member.newsletter_status.is_(None), Member.newsletter_status.not_in(NEWSLETTER_ON))
        )
    return query


def _page_number(page: Page) -> int:
    wanted = page.param("page")
    number = whole_number(wanted, high=100_000)
    return number if number else 1


def members_list(page: Page) -> Response:
    """Members, searched and filtered, with the CSV import form."""
    filters = _filters(page)
    number = _page_number(page)
    total = page.db.scalar(_filtered(select(func.count()).select_from(Member), filters)) or 0
    members = page.db.scalars(
        _filtered(select(Member), filters)
        .order_by(func.lower(Member.organisation), Member.id)
        .offset((number - 1) * PER_PAGE)
        .limit(PER_PAGE)
    ).all()
    regions = page.db.scalars(
        select(Member.region).where(Member.region.is_not(None)).distinct().order_by(Member.region)
    ).all()
    return page.render(
        "members.html",
        members=members,
        total=total,
        filters=filters,
        page_number=number,
        more=number * PER_PAGE < total,
        languages=page.settings.hub.languages,
        regions=regions,
        newsletter_on=NEWSLETTER_ON,
        upload_mb=UPLOAD_LIMIT // (1024 * 1024),
    )


# --- the CSV import -----------------------------------------------------------------


def import_csv(page: Page) -> Response:
    """Check every row of the uploaded file; import the good ones, say what is wrong with others."""
    data = page.upload("file", back="/members")
    if data is None:
        raise Refused(_("Choose a CSV file to import."), "/members")
    try:
        result = import_members(page.db, data, page.settings.hub.languages)
    except ImportRefused as refused:
        raise Refused(str(refused), "/members") from None
    page.audit(
        "members_import",
        "members",
        f"{result.created} created, {result.updated} updated, {len(result.refused)} refused",
    )
    return page.render("members_import.html", result=result)


# --- one member ---------------------------------------------------------------------


def _member(page: Page) -> Member:
    member = page.db.get(Member, int(page.request.path_params["member_id"]))
    if member is None:
        raise Refused(_("There is no such member."), "/members")
    return member


@dataclass
class MemberForm:
    """The edit form's values, and what is wrong with them."""

    values: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)


TEXT_FIELDS = {
    "organisation": 300,
    "contact_name": 200,
    "email": 320,
    "region": 40,
    "member_type": 40,
    "slack_user_id": 40,
}


def _form_of(member: Member) -> MemberForm:
    values: dict[str, Any] = {name: getattr(member, name) or "" for name in TEXT_FIELDS}
    values.update(
        language=member.language,
        country=member.country or "",
        telegram_chat_id="" if member.telegram_chat_id is None else str(member.telegram_chat_id),
        preferred_platform=member.preferred_platform or "",
        topics=list(member.topics or []),
        channels=list(CHANNELS if member.channels is None else member.channels),
    )
    return MemberForm(values)


def _read_form(page: Page, member: Member) -> MemberForm:
    form = page.form
    assert form is not None
    values: dict[str, Any] = {name: page.field(name) for name in TEXT_FIELDS}
    values.update(
        language=page.field("language"),
        country=page.field("country").upper(),
        telegram_chat_id=page.field("telegram_chat_id"),
        preferred_platform=page.field("preferred_platform"),
        topics=[str(t) for t in form.getlist("topics")],
        channels=[str(c) for c in form.getlist("channels")],
    )
    checked = MemberForm(values)
    errors = checked.errors
    for name, limit in TEXT_FIELDS.items():
        if len(values[name]) > limit:
            errors[name] = _("At most %(n)s characters.") % {"n": limit}
    if not values["organisation"]:
        errors["organisation"] = _("The organisation is needed.")
    if values["email"]:
        problem = email_problem(values["email"])
        if problem:
            errors["email"] = problem
        elif _email_taken(page, values["email"], member.id):
            errors["email"] = _("Another member has this e-mail address.")
    if values["language"] not in page.settings.hub.languages:
        errors["language"] = _("Choose one of the hub's languages.")
    country = values["country"]
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        errors["country"] = _("A two-letter country code (ES, BR...), or nothing.")
    chat = values["telegram_chat_id"]
    if chat and not chat.lstrip("-").isdigit():
        errors["telegram_chat_id"] = _("A Telegram chat id is a number.")
    if values["preferred_platform"] not in ("", *CHANNELS):
        errors["preferred_platform"] = _("Choose a platform from the list.")
    if set(values["topics"]) - set(topics()):
        errors["topics"] = _("Choose topics from the list.")
    if set(values["channels"]) - set(CHANNELS):
        errors["channels"] = _("Choose channels from the list.")
    return checked


def _email_taken(page: Page, email: str, member_id: int) -> bool:
    other = page.db.scalar(
        select(Member.id).where(func.lower(Member.email) == email.lower(), Member.id != member_id)
    )
    return other is not None


def _apply(member: Member, values: dict[str, Any]) -> None:
    for name in TEXT_FIELDS:
        setattr(member, name, values[name] or None)
    member.organisation = values["organisation"]
    member.language = values["language"]
    member.country = values["country"] or None
    chat = values["telegram_chat_id"]
    member.telegram_chat_id = int(chat) if chat else None
    member.preferred_platform = values["preferred_platform"] or None
    member.topics = [t for t in topics() if t in values["topics"]]
    chosen = [c for c in CHANNELS if c in values["channels"]]
    member.channels = None if len(chosen) == len(CHANNELS) else chosen


def _preferences_link(page: Page, member: Member) -> str | None:
    """The member's signed preferences link, issued now, as an address to send them.

    Absolute on ``hub.public_url`` when one is set, else on the address the console is
    reached at. None for an erased member, or without ``HUB_SECRET_KEY`` to sign it.
    """
    if member.erased_at is not None:
        return None
    link = preferences_url(page.settings, member.id, page.now)
    if link is not None and link.startswith("/"):
        link = str(page.request.base_url).rstrip("/") + link
    return link


def _detail(page: Page, member: Member, form: MemberForm, status: int = 200) -> Response:
    link = _preferences_link(page, member)
    return page.render(
        "member.html",
        status=status,
        member=member,
        form=form,
        languages=page.settings.hub.languages,
        all_topics=topics(),
        all_channels=CHANNELS,
        platforms=CHANNELS,
        preferences_link=link,
    )


def member_page(page: Page) -> Response:
    """One member: the edit form, their preferences, and the privacy requests."""
    member = _member(page)
    return _detail(page, member, _form_of(member))


def member_save(page: Page) -> Response:
    member = _member(page)
    if member.erased_at is not None:
        raise Refused(
            _("This member's data was erased; there is nothing to edit."), page.request.url.path
        )
    form = _read_form(page, member)
    if form.errors:
        page.flashes.append(("error", _("Nothing was saved: please correct the marked fields.")))
        return _detail(page, member, form, status=400)
    before = {name: getattr(member, name) for name in (*TEXT_FIELDS, "language", "topics")}
    _apply(member, form.values)
    changed = sorted(name for name, value in before.items() if getattr(member, name) != value)
    page.audit("member_edit", f"member:{member.id}", ", ".join(changed) or None)
    return page.redirect(
        f"/members/{member.id}",
        _("Saved. The Mailchimp audience gets the changes at the next “hub members sync”."),
    )


# --- who has gone quiet -------------------------------------------------------------


def inactive_page(page: Page) -> Response:
    """Members who have not written to the hub for some days (never erased ones)."""
    wanted = page.param("days")
    number = whole_number(wanted, high=3650)
    days = number if number else INACTIVE_DAYS
    since = page.now - dt.timedelta(days=days)
    members = page.db.scalars(
        select(Member)
        .where(Member.erased_at.is_(None))
        .where(or_(Member.last_seen_at.is_(None), Member.last_seen_at < since))
        .order_by(Member.last_seen_at.is_not(None), Member.last_seen_at, Member.organisation)
    ).all()
    return page.render("members_inactive.html", members=members, days=days)


# --- privacy requests ---------------------------------------------------------------


def export_json(page: Page) -> Response:
    """Everything the hub holds about the member, as a JSON download (a privacy request)."""
    member = _member(page)
    try:
        data = export_member(page.db, member.id)
    except HubError as exc:
        raise Refused(str(exc), "/members") from None
    page.audit("member_export", f"member:{member.id}")
    body = writable(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n"
    name = f"member-{member.id}-{page.now:%Y%m%d}.json"
    return Response(
        body,
        media_type="application/json; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def erase_form(page: Page) -> Response:
    """The confirm step before an erasure: what goes, what stays."""
    member = _member(page)
    return page.render(
        "member_erase.html", member=member, mailchimp=_mailchimp_bound(page) is not None
    )


def _mailchimp_bound(page: Page) -> Any:
    """Mailchimp's permanent delete bound to this deployment, or None if it has no audience."""
    eraser = mailchimp_eraser()
    settings = page.settings
    if not has_newsletter_audience(settings):
        return None
    return lambda email: eraser(settings, email)


def erase(page: Page) -> Response:
    member = _member(page)
    back = f"/members/{member.id}/erase"
    if page.field("confirm") != "yes":
        raise Refused(_("Tick the box to confirm that the member asked for erasure."), back)
    try:
        report = erase_member(page.db, member.id, page.now, mailchimp=_mailchimp_bound(page))
    except HubError as exc:
        raise Refused(
            _("Nothing was erased: %(error)s. Try again later.") % {"error": exc}, back
        ) from None
    detail = (
        f"{report.questions} questions, {report.items} items kept anonymous; "
        f"{report.replies} replies, {report.inbox_events} events emptied; "
        f"{report.reminders} reminders deleted; mailchimp: {report.mailchimp}; "
        f"reason: {page.field('reason')[:200] or '-'}"
    )
    page.audit("member_erase", f"member:{member.id}", detail)
    return page.redirect(
        f"/members/{member.id}",
        _("The member's personal data was erased. Mailchimp: %(mailchimp)s.")
        % {"mailchimp": report.mailchimp},
    )

"""The members' form to register their own feed (``/submit-feed``), with its owner's address.

No account: like the news form, it is public, throttled by address and in the
member's language. The feed becomes a source of the member who gave the address
(:func:`hub.core.config.catalog.register_member_feed`): it is fetched from public
addresses only, its items wait for the secretariat, and its owner is told on their
platform when it breaks and when it recovers. The Sources page lists it with its owner.
"""

from __future__ import annotations

from sqlalchemy import func, select
from starlette.responses import Response

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import FeedRegistrationError, register_member_feed
from hub.core.ingest.sanitise import clean_title, usable_base
from hub.web.i18n import MEMBER_LANGUAGES, _, current_language, use_language
from hub.web.member_import import email_problem
from hub.web.page import Page
from hub.web.submit_views import MEMBER_LIMIT, MEMBER_WINDOW

FIELDS = ("url", "title", "email")


def _language(page: Page) -> str:
    asked = page.param("lang")
    return asked if asked in MEMBER_LANGUAGES else current_language()


def _form(page: Page, language: str, status: int = 200) -> Response:
    values = {name: page.field(name) for name in FIELDS} if page.form is not None else {}
    return page.render("member_feed.html", status=status, values=values, form_language=language)


def feed_form(page: Page) -> Response:
    """The form, in the member's language."""
    with use_language(_language(page), MEMBER_LANGUAGES) as language:
        return _form(page, language)


def feed_register(page: Page) -> Response:
    with use_language(_language(page), MEMBER_LANGUAGES) as language:
        return _register(page, language)


def _problem(page: Page) -> str | None:
    url, title, email = (page.field(name).strip() for name in FIELDS)
    if not url or usable_base(url) is None:
        return _("The feed must be a full web address starting with https://.")
    if not clean_title(title):
        return _("A title is needed.")
    if not email:
        return _("Give the address of the feed's owner: they are told when it breaks.")
    return email_problem(email)


def _register(page: Page, language: str) -> Response:
    recent = page.db.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.action == "member_feed", AuditEntry.target == f"ip:{page.client_ip}")
        .where(AuditEntry.at > page.now - MEMBER_WINDOW)
    )
    if (recent or 0) >= MEMBER_LIMIT:
        page.flashes.append(("error", _("Too many submissions from your network; try later.")))
        return _form(page, language, status=429)
    problem = _problem(page)
    if problem:
        page.flashes.append(("error", problem))
        return _form(page, language, status=400)
    try:
        source = register_member_feed(
            page.db,
            url=page.field("url").strip(),
            title=clean_title(page.field("title")),
            owner_email=page.field("email").strip(),
        )
    except FeedRegistrationError:
        page.flashes.append(("error", _("This feed is already known to the hub.")))
        return _form(page, language, status=400)
    page.audit("member_feed", f"ip:{page.client_ip}", f"source {source.key}")
    page.audit("member_feed", f"source:{source.key}", f"owner member:{source.member_id}")
    return page.redirect(
        f"/submit-feed?lang={language}",
        _(
            "Thank you: your feed is registered. Its news waits for the secretariat, "
            "and you are told if it stops working."
        ),
    )

"""Newsletter editions: the list, drafting, the composer, previews and approval.

The composition and rendering live in ``newsletters/`` (which talks to
Mailchimp; it ships in the same wheel as the console, which imports it as the
application layer it is). Every change goes through ``newsletters.compose`` so the
console keeps the CLI's rules: editing an approved edition un-approves it,
and a scheduled or sent edition no longer changes. Sending (test, push,
schedule, report) is in :mod:`hub.web.newsletter_send_views`.

Composer forms work as plain posts answered by a redirect; with htmx they
swap ``<main>`` in place (the ``hx-*`` attributes in the template), which
also reloads the preview frames.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Concatenate, ParamSpec
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from hub.core.errors import HubError
from hub.core.ingest.sanitise import clean_summary, clean_title
from hub.core.models import Item, ItemTranslation, NewsletterEdition
from hub.core.moderation.submissions import plain_to_html
from hub.web.feed_text import writable
from hub.web.i18n import _, ngettext
from hub.web.page import Page, Refused, safe_next
from hub.wiring import NEWSLETTER_PLATFORMS, translation_service
from newsletters import compose, publish
from newsletters.render import RenderedEdition

PREVIEW_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'unsafe-inline'",  # e-mail HTML carries its CSS inline
        "img-src https: http: data:",
        # no scripts or forms, whatever the HTML says; the console's origin only so that
        # the pictures (the console's own /items/{id}/picture, behind its sign-in) load
        "sandbox allow-same-origin",
        "frame-ancestors 'self'",  # only the console's own composer may frame it
    ]
)
INTRO_LIMIT = 5000
SUBJECT_LIMIT = 150  # what Mailchimp keeps of a subject line
P = ParamSpec("P")


def composer_url(edition: NewsletterEdition | int) -> str:
    edition_id = edition if isinstance(edition, int) else edition.id
    return f"/newsletter/{edition_id}"


def load_edition(page: Page) -> NewsletterEdition:
    edition = page.db.get(NewsletterEdition, int(page.request.path_params["edition_id"]))
    if edition is None:
        raise Refused(_("There is no such edition."), "/newsletter")
    return edition


def release_database(page: Page) -> None:
    """End the request's transaction before ``newsletters.publish`` opens its own sessions:
    on SQLite a second writer would otherwise wait for this one until it times out."""
    page.db.commit()


# --- the list and new drafts ----------------------------------------------------------


def editions_page(page: Page) -> Response:
    """Every edition, newest period first, with a form to draft the next one."""
    editions = list(
        page.db.scalars(
            select(NewsletterEdition)
            .order_by(NewsletterEdition.period_start.desc(), NewsletterEdition.language)
            .limit(100)
        )
    )
    today = page.now.astimezone(ZoneInfo(page.settings.hub.timezone)).date()
    start, end = publish.previous_period(today, "month")
    return page.render(
        "newsletter.html",
        editions=editions,
        languages=page.settings.hub.languages,
        default_start=start,
        default_end=end,
    )


def _day(page: Page, name: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(page.field(name))
    except ValueError:
        raise Refused(
            _("%(field)s must be a date (YYYY-MM-DD).") % {"field": label}, "/newsletter"
        ) from None


def draft_new(page: Page) -> Response:
    """Draft (or refresh) the period's edition in one language or all, as ``hub newsletter
    draft`` does: the period's approved items in that language, in the proposed order."""
    start, end = _day(page, "start", _("First day")), _day(page, "end", _("Last day"))
    if end < start:
        raise Refused(_("The period ends before it starts."), "/newsletter")
    choice = page.field("language")
    languages = list(page.settings.hub.languages)
    if choice != "all":
        if choice not in languages:
            raise Refused(_("Choose one of the deployment's languages."), "/newsletter")
        languages = [choice]
    release_database(page)
    default = page.settings.hub.default_language
    try:
        translator = translation_service(page.settings, page.console.engine, page.console.clock)
        editions = publish.draft_editions(
            page.console.engine,
            start,
            end,
            sorted(languages, key=lambda code: code != default),
            page.settings.hub.network_names(),
            timezone=page.settings.hub.timezone,
            translator=translator,
            intro_from=default,
        )
    except (HubError, ValueError) as exc:
        raise Refused(
            _("The draft could not be made: %(reason)s") % {"reason": exc}, "/newsletter"
        ) from None
    for edition in editions:
        page.audit("draft_edition", f"edition:{edition.id}", f"{edition.language} {start}..{end}")
    first = editions[0]
    return page.redirect(
        composer_url(first),
        ngettext(
            "Drafted %(count)s edition for %(start)s to %(end)s.",
            "Drafted %(count)s editions for %(start)s to %(end)s.",
            len(editions),
        )
        % {"count": len(editions), "start": start, "end": end},
    )


# --- the composer ---------------------------------------------------------------------


@dataclass
class ComposedItem:
    """One item as the composer shows it."""

    item: Item
    section: str
    translation: ItemTranslation | None
    available: bool
    """The item has a text in the edition's language (its own, or a translation)."""
    first: bool = False
    last: bool = False

    @property
    def shown(self) -> bool:
        """It will appear in the e-mail: approved and in the edition's language."""
        return self.available and self.item.status == "approved"


@dataclass
class Composition:
    """The edition's items by section in its order, and the period's items left out."""

    sections: list[tuple[str, list[ComposedItem]]] = field(default_factory=list)
    left_out: list[ComposedItem] = field(default_factory=list)


def _items(page: Page, ids: Sequence[int]) -> dict[int, Item]:
    query = select(Item).where(Item.id.in_(list(ids) or [-1]))
    return {i.id: i for i in page.db.scalars(query.options(selectinload(Item.translations)))}


def _offered(page: Page, edition: NewsletterEdition) -> list[Item]:
    """The period's approved items (days of the deployment's time zone) not already in
    another edition of this language that went to Mailchimp."""
    return list(
        compose.offered_items(
            page.db,
            edition.language,
            edition.period_start,
            edition.period_end,
            timezone=page.settings.hub.timezone,
            edition_id=edition.id,
        )
    )


def composition(page: Page, edition: NewsletterEdition) -> Composition:
    """What the composer lists: the edition's items, then the period's other approved items."""
    period = _offered(page, edition)
    by_id = {item.id: item for item in period}
    by_id.update(_items(page, [i for i in edition.item_order if i not in by_id]))
    member_sources = compose.member_source_ids(page.db)

    def composed(item: Item) -> ComposedItem:
        translation = next((t for t in item.translations if t.language == edition.language), None)
        return ComposedItem(
            item,
            compose.section_of(item, member_sources),
            translation,
            edition.language in compose.item_languages(item),
        )

    grouped: dict[str, list[ComposedItem]] = {key: [] for key in compose.SECTIONS}
    for item_id in edition.item_order:
        if item_id in by_id:
            entry = composed(by_id[item_id])
            grouped[entry.section].append(entry)
    result = Composition()
    for key in compose.SECTIONS:
        if grouped[key]:
            grouped[key][0].first, grouped[key][-1].last = True, True
            result.sections.append((key, grouped[key]))
    chosen = set(edition.item_order)
    rest = [item for item in period if item.id not in chosen]
    order = compose.default_order(rest, member_sources)
    result.left_out = [composed(by_id[item_id]) for item_id in order]
    return result


def sibling_editions(page: Page, edition: NewsletterEdition) -> dict[str, NewsletterEdition]:
    """The same period's edition in each language (the composer links between them)."""
    query = select(NewsletterEdition).where(
        NewsletterEdition.period_start == edition.period_start,
        NewsletterEdition.period_end == edition.period_end,
    )
    return {e.language: e for e in page.db.scalars(query)}


def composer_page(page: Page) -> Response:
    """One edition: its items by section, subject and introduction, previews, sending."""
    edition = load_edition(page)
    zone = ZoneInfo(page.settings.hub.timezone)
    return page.render(
        "newsletter_compose.html",
        edition=edition,
        composition=composition(page, edition),
        siblings=sibling_editions(page, edition),
        languages=page.settings.hub.languages,
        editable=edition.status in compose.EDITABLE,
        approved=edition.status in ("approved", "scheduled", "sent"),
        default_day=(page.now.astimezone(zone) + dt.timedelta(days=1)).date(),
        standin=any(page.console.standins.get(p) is not None for p in NEWSLETTER_PLATFORMS),
        report_read_at=_report_time(edition),
    )


def _report_time(edition: NewsletterEdition) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str((edition.report or {}).get("pulled_at")))
    except ValueError:
        return None


def _changed(page: Page, edition: NewsletterEdition, message: str) -> Response:
    return page.redirect(composer_url(edition), message)


def _compose_call(
    edition: NewsletterEdition,
    action: Callable[Concatenate[NewsletterEdition, P], None],
    *args: P.args,
    **kwargs: P.kwargs,
) -> None:
    """Run a ``newsletters.compose`` change; its refusal (already sent...) shown in words."""
    try:
        action(edition, *args, **kwargs)
    except (HubError, ValueError) as exc:
        raise Refused(
            _("Edition %(id)s cannot be changed: %(reason)s") % {"id": edition.id, "reason": exc},
            composer_url(edition),
        ) from None


def save_text(page: Page) -> Response:
    """The subject and the introduction (editing un-approves an approved edition)."""
    edition = load_edition(page)
    subject, intro = page.field("subject"), page.field("intro")
    if len(subject) > SUBJECT_LIMIT:
        raise Refused(
            _("The subject may have at most %(n)s characters.") % {"n": SUBJECT_LIMIT},
            composer_url(edition),
        )
    if len(intro) > INTRO_LIMIT:
        raise Refused(
            _("The introduction may have at most %(n)s characters.") % {"n": INTRO_LIMIT},
            composer_url(edition),
        )
    _compose_call(edition, compose.set_intro, intro, clean_title(subject))
    page.audit("edit_edition", f"edition:{edition.id}", "subject and introduction")
    return _changed(page, edition, _("Saved the subject and the introduction."))


def moved(order: Sequence[int], item_id: int, step: int, section: dict[int, str]) -> list[int]:
    """``order`` with ``item_id`` swapped with its neighbour in the same section (``step``
    -1 is up, +1 down); the e-mail groups items by section, so only that order shows."""
    result = list(order)
    index = result.index(item_id)
    other = index + step
    while 0 <= other < len(result) and section.get(result[other]) != section.get(item_id):
        other += step
    if 0 <= other < len(result):
        result[index], result[other] = result[other], result[index]
    return result


def _item_in(page: Page, edition: NewsletterEdition) -> Item:
    item = page.db.get(Item, int(page.request.path_params["item_id"]))
    if item is None:
        raise Refused(_("There is no such item."), composer_url(edition))
    return item


def move_item(page: Page) -> Response:
    """Move an item up or down within its section."""
    edition = load_edition(page)
    item = _item_in(page, edition)
    if item.id not in edition.item_order:
        raise Refused(_("The item is not in this edition."), composer_url(edition))
    step = -1 if page.field("direction") == "up" else 1
    member_sources = compose.member_source_ids(page.db)
    sections = {
        i.id: compose.section_of(i, member_sources)
        for i in _items(page, edition.item_order).values()
    }
    _compose_call(edition, compose.reorder, moved(edition.item_order, item.id, step, sections))
    page.audit(
        "reorder_edition", f"edition:{edition.id}", f"item {item.id} {'up' if step < 0 else 'down'}"
    )
    return _changed(page, edition, _("Moved “%(title)s”.") % {"title": item.title})


def remove_item(page: Page) -> Response:
    """Leave an item out of the edition (it stays listed below, to add back)."""
    edition = load_edition(page)
    item = _item_in(page, edition)
    order = [i for i in edition.item_order if i != item.id]
    _compose_call(edition, compose.reorder, order)
    page.audit("remove_from_edition", f"edition:{edition.id}", f"item {item.id}")
    return _changed(
        page, edition, _("Removed “%(title)s” from the edition.") % {"title": item.title}
    )


def add_item(page: Page) -> Response:
    """Put one of the period's approved items (in the edition's language) at the end of its
    section."""
    edition = load_edition(page)
    item = _item_in(page, edition)
    period = {i.id for i in _offered(page, edition)}
    if item.id not in period:
        raise Refused(_("Only the period's approved items can be added."), composer_url(edition))
    if edition.language not in compose.item_languages(item):
        raise Refused(
            _("“%(title)s” has no text in %(language)s yet: translate it first.")
            % {"title": item.title, "language": edition.language},
            composer_url(edition),
        )
    if item.id not in edition.item_order:
        _compose_call(edition, compose.reorder, [*edition.item_order, item.id])
    page.audit("add_to_edition", f"edition:{edition.id}", f"item {item.id}")
    return _changed(page, edition, _("Added “%(title)s” to the edition.") % {"title": item.title})


def translate_item(page: Page) -> Response:
    """Write the item's title and summary in the edition's language (an ItemTranslation,
    as on the item's page); it changes what this edition shows, so the edition is un-approved."""
    edition = load_edition(page)
    item = _item_in(page, edition)
    back = composer_url(edition)
    if edition.status not in compose.EDITABLE:
        raise Refused(
            _("Edition %(id)s is %(status)s; it can no longer change.")
            % {"id": edition.id, "status": edition.status},
            back,
        )
    if item.language == edition.language:
        raise Refused(_("The item is written in that language: edit the item itself."), back)
    title = clean_title(page.field("title"))
    if not title:
        raise Refused(_("The translation needs a title."), back)
    summary = clean_summary(plain_to_html(page.field("summary")), item.link)
    compose.set_translation(
        page.db, item, edition.language, title, summary_html=summary.html, summary_text=summary.text
    )
    edition.status, edition.approved_by = "draft", None
    page.audit("translate", f"item:{item.id}", edition.language)
    return _changed(
        page,
        edition,
        _("Saved the %(language)s text of “%(title)s”.")
        % {"language": edition.language, "title": item.title},
    )


def approve_edition(page: Page) -> Response:
    """A person approves the edition; only an approved edition may go to Mailchimp."""
    edition = load_edition(page)
    back = safe_next(page.field("back") or "/newsletter")
    try:
        compose.approve(edition, page.user.email)
    except (HubError, ValueError) as exc:
        raise Refused(
            _("Edition %(id)s cannot be approved: %(reason)s") % {"id": edition.id, "reason": exc},
            back,
        ) from None
    page.audit("approve_edition", f"edition:{edition.id}", edition.language)
    return page.redirect(
        back,
        _("Edition %(id)s (%(language)s) approved: it may now be pushed to Mailchimp.")
        % {"id": edition.id, "language": edition.language},
    )


# --- previews -------------------------------------------------------------------------


def rendered_edition(page: Page, edition: NewsletterEdition) -> RenderedEdition:
    try:
        _edition, rendered = publish.build_edition(
            page.console.engine,
            edition.id,
            page.settings.hub.network_names(),
            page.settings.hub.public_url,
            picture_route=lambda item_id: f"/items/{item_id}/picture",
        )
    except HubError as exc:
        raise Refused(
            _("Edition %(id)s cannot be previewed: %(reason)s") % {"id": edition.id, "reason": exc},
            "/newsletter",
        ) from None
    return rendered


def preview_html(page: Page) -> Response:
    """The edition's e-mail HTML, sandboxed: inline styles allowed, nothing else active;
    only the console's own pages may frame it (the composer's desktop and phone views)."""
    rendered = rendered_edition(page, load_edition(page))
    headers = {"content-security-policy": PREVIEW_POLICY, "x-frame-options": "SAMEORIGIN"}
    return HTMLResponse(writable(as_a_member_sees_it(rendered.html)), headers=headers)


_MERGE_CONDITION = re.compile(
    r"\*\|IF:[A-Z0-9_]+\|\*(.*?)(?:\*\|ELSE:\|\*.*?)?\*\|END:IF\|\*", re.S
)
_MERGE_TAG = re.compile(r"\*\|[A-Z0-9_:]+\|\*")


def as_a_member_sees_it(html: str) -> str:
    """The e-mail with Mailchimp's merge tags resolved the way a member's copy reads:
    conditions take their first branch, links become inert, the postal address a note."""
    html = _MERGE_CONDITION.sub(r"\1", html)
    html = html.replace("*|LIST:ADDRESSLINE|*", _("(the audience's postal address)"))
    return _MERGE_TAG.sub("#", html)


def preview_text(page: Page) -> Response:
    """The plain-text part, as text-only mail clients show it."""
    rendered = rendered_edition(page, load_edition(page))
    return PlainTextResponse(writable(rendered.text))

"""Items: the list with filters, one item with its deliveries, and the actions on one item.

Every action goes through :mod:`hub.core.moderation.decisions` (approval through the
router, which writes the deliveries in this request's transaction) and is
written to the audit log. The queue and its bulk actions are in
:mod:`hub.web.moderation_views`, deliveries in :mod:`hub.web.delivery_views`.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, String, cast, func, literal_column, or_, select
from starlette.responses import Response

from hub.core.accounts import AuditEntry
from hub.core.ingest.pictures import set_alt
from hub.core.ingest.sanitise import clean_summary, clean_title
from hub.core.models import (
    EDIT_KINDS,
    Channel,
    Delivery,
    DeliveryAttempt,
    Item,
    ItemOrigin,
    ItemPicture,
    ItemTranslation,
    NewsletterEdition,
    Source,
)
from hub.core.moderation import decisions as moderation
from hub.core.moderation.corrections import correction_prefix, posted, retraction_prefix
from hub.core.moderation.submissions import plain_to_html
from hub.web.delivery_views import error_in_words, link_for
from hub.web.i18n import _, ngettext
from hub.web.notices import NOTICES
from hub.web.page import Page, Refused, whole_number
from hub.web.platform_previews import platform_previews

PAGE_SIZE = 50
ALT_LIMIT = 1500  # the longest description a platform takes (Mastodon's)
STATUSES = ("pending", "approved", "declined", "retracted")


def _item(page: Page) -> Item:
    item = page.db.get(Item, int(page.request.path_params["item_id"]))
    if item is None:
        raise Refused(_("There is no such item (it may have been removed)."), "/items")
    return item


def source_titles(page: Page) -> dict[int, str]:
    rows = page.db.execute(select(Source.id, Source.key, Source.title))
    return {row[0]: row[2] or row[1] for row in rows}


def search_words(text: str) -> list[str]:
    """The words of a free-text search, lowercased (at most eight; % and _ taken literally)."""
    return [word.lower() for word in text.split()[:8]]


def matches_word(word: str) -> ColumnElement[bool]:
    """An item whose title, text or link, or a translation's title or text, holds ``word``."""
    translated = select(ItemTranslation.item_id).where(
        or_(
            func.lower(ItemTranslation.title).contains(word, autoescape=True),
            func.lower(ItemTranslation.summary_text).contains(word, autoescape=True),
        )
    )
    return or_(
        func.lower(Item.title).contains(word, autoescape=True),
        func.lower(Item.summary_text).contains(word, autoescape=True),
        func.lower(func.coalesce(Item.link, "")).contains(word, autoescape=True),
        Item.id.in_(translated),
    )


def items_list(page: Page) -> Response:
    """Items, newest first, filtered by status, source, language and tag, and searched (``q``)."""
    names = ("status", "source", "language", "tag", "delivery", "q")
    filters = {name: page.param(name) for name in names}
    query = select(Item).order_by(Item.id.desc())
    for word in search_words(filters["q"]):
        query = query.where(matches_word(word))
    if filters["status"] in STATUSES:
        query = query.where(Item.status == filters["status"])
    if filters["source"]:
        query = query.join(Source, Source.id == Item.source_id).where(
            Source.key == filters["source"]
        )
    if filters["language"]:
        query = query.where(Item.language == filters["language"])
    if filters["tag"]:
        tag = moderation.tag_slug(filters["tag"])
        query = query.where(cast(Item.tags, String).like(f'%"{tag}"%'))
    if filters["delivery"] == "failed":
        failed = select(Delivery.item_id).where(Delivery.status.in_(("failed", "dead")))
        query = query.where(Item.id.in_(failed))
    before = whole_number(page.param("before"))
    if before is not None:
        query = query.where(Item.id < before)
    items = list(page.db.scalars(query.limit(PAGE_SIZE + 1)))
    more = len(items) > PAGE_SIZE
    items = items[:PAGE_SIZE]
    keys = list(page.db.scalars(select(Source.key).order_by(Source.key)))
    return page.render(
        "items.html",
        items=items,
        filters=filters,
        statuses=STATUSES,
        source_keys=keys,
        languages=page.settings.hub.languages,
        sources=source_titles(page),
        older=items[-1].id if more and items else None,
        back=str(page.request.url.path)
        + ("?" + page.request.url.query if page.request.url.query else ""),
    )


def item_detail(page: Page) -> Response:
    """One item: its text, where it came from, where it went and how that went."""
    item = _item(page)
    origins = page.db.execute(
        select(ItemOrigin, Source.key)
        .join(Source, Source.id == ItemOrigin.source_id)
        .where(ItemOrigin.item_id == item.id)
        .order_by(ItemOrigin.id)
    ).all()
    listed = select(Delivery, Channel).join(Channel, Channel.id == Delivery.channel_id)
    edits = or_(
        Delivery.dedup_key.startswith(correction_prefix(item.id), autoescape=True),
        Delivery.dedup_key.startswith(retraction_prefix(item.id), autoescape=True),
    )
    # Two lookups, each by its index: the item's own rows, then its corrections and
    # retractions among the few rows of ix_deliveries_edits (an OR would read the ledger).
    edit_kinds = Delivery.kind.in_([literal_column(f"'{k}'") for k in EDIT_KINDS])
    found = {
        row[0].id: row
        for query in (listed.where(Delivery.item_id == item.id), listed.where(edit_kinds, edits))
        for row in page.db.execute(query).all()
    }
    deliveries = [found[key] for key in sorted(found)]
    ids = [d.id for d, _channel in deliveries]
    attempts: dict[int, list[DeliveryAttempt]] = {i: [] for i in ids}
    if ids:
        for attempt in page.db.scalars(
            select(DeliveryAttempt)
            .where(DeliveryAttempt.delivery_id.in_(ids))
            .order_by(DeliveryAttempt.id)
        ):
            attempts[attempt.delivery_id].append(attempt)
    history = list(
        page.db.scalars(
            select(AuditEntry)
            .where(AuditEntry.target == f"item:{item.id}")
            .order_by(AuditEntry.id.desc())
            .limit(20)
        )
    )
    return page.render(
        "item.html",
        item=item,
        picture=page.db.get(ItemPicture, item.id),
        origins=origins,
        deliveries=deliveries,
        attempts=attempts,
        links={d.id: link_for(page, d, c) for d, c in deliveries},
        errors={d.id: error_in_words(d.last_error, d.error_kind) for d, _channel in deliveries},
        history=history,
        editions=newsletter_copies(page, item),
        previews=platform_previews(page.db, page.settings, item, page.now)
        if item.status in ("pending", "approved")
        else [],
        sources=source_titles(page),
        channels=page.settings.channels,
        languages=[code for code in page.settings.hub.languages if code != item.language],
        back=f"/items/{item.id}",
    )


PICTURE_HEADERS = {
    # the stored bytes were re-encoded by the hub; still, the browser is told to read them
    # as the image they are and nothing else
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, max-age=300",
}


def picture_file(page: Page) -> Response:
    """The item's stored picture (re-encoded, without metadata), for the console's pages."""
    item = _item(page)
    picture = page.db.get(ItemPicture, item.id)
    if picture is None or picture.data is None or picture.source_url != item.image_url:
        return Response(status_code=404)
    return Response(picture.data, media_type=picture.mime or "image/jpeg", headers=PICTURE_HEADERS)


def picture_alt(page: Page) -> Response:
    """Give the item's picture its description (alt text), read by screen readers and sent
    with the picture to Mastodon and Bluesky."""
    item = _item(page)
    back = back_to(page, f"/items/{item.id}")
    if not item.image_url:
        raise Refused(_("This item has no picture."), back)
    alt = page.field("alt").strip()
    if len(alt) > ALT_LIMIT:
        raise Refused(
            _("The description is too long (at most %(limit)s characters).")
            % {"limit": f"{ALT_LIMIT:,}"},
            back,
        )
    set_alt(page.db.connection(), item.id, item.image_url, alt)
    page.audit("picture_alt", f"item:{item.id}")
    return page.redirect(back, _("Saved the picture's description."))


def newsletter_copies(page: Page, item: Item) -> list[tuple[NewsletterEdition, str]]:
    """Each newsletter edition listing the item, with what became of the item's copy there."""
    editions = page.db.scalars(select(NewsletterEdition).order_by(NewsletterEdition.id))
    copies = []
    for edition in editions:
        if item.id not in (edition.item_order or []):
            continue
        if edition.status == "sent":
            when = edition.sent_at.strftime("%Y-%m-%d") if edition.sent_at else ""
            fate = _("sent %(when)s: an e-mail cannot be recalled") % {"when": when}
        elif item.status == "retracted":
            fate = _("not sent: the item is left out when the edition is pushed again")
        elif edition.mailchimp_campaign_id:
            fate = _("in Mailchimp campaign %(id)s, not sent yet") % {
                "id": edition.mailchimp_campaign_id
            }
        else:
            fate = _("in the draft, not in Mailchimp yet")
        copies.append((edition, fate))
    return copies


def back_to(page: Page, default: str) -> str:
    back = page.field("back")
    return back if back.startswith("/") and not back.startswith("//") else default


def approve(page: Page) -> Response:
    """Approve the item; the router writes its deliveries in the same transaction."""
    item = _item(page)
    decision = moderation.approve_and_notify(
        page.db, item, page.settings, by=page.user.email, now=page.now, notices=NOTICES
    )
    words = approved_words(page, item, decision.deliveries, decision.told)
    return page.redirect(back_to(page, "/moderation"), words)


def approved_words(page: Page, item: Item, deliveries: list[Delivery], told: int) -> str:
    """“Approved “title”: 2 deliveries (news_en, news_es).” and whether members are told."""
    where = ", ".join(sorted(set(_channel_keys(page, deliveries)))) or _("no channel")
    count = len(deliveries)
    said = ngettext(
        "Approved “%(title)s”: %(n)s delivery (%(where)s).",
        "Approved “%(title)s”: %(n)s deliveries (%(where)s).",
        count,
    ) % {"title": item.title, "n": count, "where": where}
    return said + told_words(told)


def told_words(count: int) -> str:
    """Whether the members who sent the item are told (empty when nobody is)."""
    if not count:
        return ""
    if count == 1:
        return " " + _("The member is told.")
    return " " + ngettext("%(n)s submitter is told.", "%(n)s submitters are told.", count) % {
        "n": count
    }


def _channel_keys(page: Page, deliveries: list[Delivery]) -> list[str]:
    ids = [d.channel_id for d in deliveries]
    if not ids:
        return []
    return list(page.db.scalars(select(Channel.key).where(Channel.id.in_(ids))))


def decline(page: Page) -> Response:
    """Decline the item with a reason the member can be told."""
    item = _item(page)
    reason = page.field("reason")
    back = back_to(page, "/moderation")
    if not reason:
        raise Refused(
            _("Say why “%(title)s” is declined: the member is told.") % {"title": item.title}, back
        )
    try:
        decision = moderation.decline_and_notify(
            page.db, item, reason=reason, by=page.user.email, now=page.now, notices=NOTICES
        )
    except moderation.ModerationError as exc:
        raise Refused(str(exc), back) from None
    return page.redirect(
        back, _("Declined “%(title)s”.") % {"title": item.title} + told_words(decision.told)
    )


def edit_form(page: Page) -> Response:
    item = _item(page)
    if item.status == "retracted":
        raise Refused(_("A retracted item is no longer edited."), f"/items/{item.id}")
    return page.render(
        "edit.html",
        item=item,
        to_correct=len(posted(page.db, item)) if item.status == "approved" else 0,
        languages=page.settings.hub.languages,
        values={
            "title": item.title,
            "summary_html": item.summary_html,
            "link": item.link or "",
            "image_url": item.image_url or "",
            "language": item.language or "",
            "tags": ", ".join(item.tags or []),
        },
    )


def edit(page: Page) -> Response:
    """Change title, summary, link, image, language and tags; text is sanitised again."""
    item = _item(page)
    if item.status == "retracted":
        raise Refused(_("A retracted item is no longer edited."), f"/items/{item.id}")
    language = page.field("language")
    if language and language not in page.settings.hub.languages:
        raise Refused(
            _("Unknown language %(code)r.") % {"code": language}, f"/items/{item.id}/edit"
        )
    try:
        moderation.edit(
            item,
            title=page.field("title"),
            summary_html=page.field("summary_html"),
            link=page.field("link") or None,
            image_url=page.field("image_url") or None,
            language=language or None,
        )
        moderation.retag(item, tags=[t for t in page.field("tags").split(",") if t.strip()])
    except moderation.ModerationError as exc:
        raise Refused(str(exc), f"/items/{item.id}/edit") from None
    item.updated_at = page.now
    corrections = moderation.correct_posted(page.db, item, by=page.user.email, now=page.now)
    page.audit(
        "edit", f"item:{item.id}", f"{len(corrections)} corrections" if corrections else None
    )
    saved = _("Saved “%(title)s”.") % {"title": item.title} + corrected_words(len(corrections))
    campaigns = refresh_newsletters(page, item.id) if item.status == "approved" else ""
    return page.redirect(back_to(page, f"/items/{item.id}"), saved + campaigns)


def corrected_words(count: int) -> str:
    """How many posted messages an edit corrects (empty when none)."""
    if not count:
        return ""
    return " " + ngettext(
        "%(n)s posted message will be corrected.", "%(n)s posted messages will be corrected.", count
    ) % {"n": count}


def retract(page: Page) -> Response:
    """Withdraw an approved item: cancel what is not sent, delete what was posted."""
    item = _item(page)
    back = f"/items/{item.id}"
    reason = page.field("reason")
    try:
        retractions = moderation.retract(
            page.db, item, by=page.user.email, reason=reason, now=page.now
        )
    except moderation.ModerationError as exc:
        raise Refused(str(exc), back) from None
    page.audit("retract", f"item:{item.id}", reason or None)
    count = len(retractions)
    deleted = ngettext(
        "%(n)s posted message will be deleted.", "%(n)s posted messages will be deleted.", count
    ) % {"n": count}
    retracted = _("Retracted “%(title)s”.") % {"title": item.title}
    campaigns = refresh_newsletters(page, item.id)
    return page.redirect(back, retracted + (" " + deleted if count else "") + campaigns)


def refresh_newsletters(page: Page, item_id: int) -> str:
    """Rebuild the Mailchimp campaigns not sent yet that carry the item (after a retraction
    or an edit), and say what happened to each; empty when no campaign carries it.

    Commits the request's transaction first: the campaigns are rebuilt from what it wrote.
    """
    from hub.core.errors import HubError
    from hub.web.newsletter_views import release_database
    from newsletters import publish

    if not publish.editions_with(page.db, item_id):
        return ""
    release_database(page)
    try:
        account = publish.account_from_settings(page.settings)
    except HubError as exc:
        return " " + _("The newsletter campaigns carrying it were not updated: %(reason)s") % {
            "reason": exc
        }
    results = publish.refresh_campaigns(
        page.console.engine,
        item_id,
        account,
        now=page.now,
        network=page.settings.hub.network_names(),
        website=page.settings.hub.public_url,
    )
    return "".join(
        " "
        + _("Newsletter edition %(id)s (%(language)s): %(outcome)s.")
        % {"id": r.edition_id, "language": r.language, "outcome": r.outcome}
        for r in results
    )


def merge(page: Page) -> Response:
    """Make another item (the same story in another language) this item's translation."""
    from hub.core.moderation.stories import merge_stories

    item = _item(page)
    back = f"/items/{item.id}#translations"
    raw = page.field("other").strip()
    number = whole_number(raw)
    other = page.db.get(Item, number) if number is not None else None
    if other is None:
        raise Refused(_("There is no item number %(number)s.") % {"number": raw}, back)
    try:
        added = merge_stories(
            page.db, item, other, settings=page.settings, by=page.user.email, now=page.now
        )
    except moderation.ModerationError as exc:
        raise Refused(str(exc), back) from None
    page.audit("merge", f"item:{item.id}", f"item:{other.id}")
    merged = _("Item %(other)s is now this story's %(language)s version.") % {
        "other": other.id,
        "language": other.language,
    }
    routed = " " + _("%(n)s more channels will get it.") % {"n": len(added)} if added else ""
    return page.redirect(back, merged + routed)


def split(page: Page) -> Response:
    """Take one language version out of this item into an item of its own (pending)."""
    from hub.core.moderation.stories import split_story

    item = _item(page)
    back = f"/items/{item.id}#translations"
    try:
        alone = split_story(page.db, item, page.field("language"), now=page.now)
    except moderation.ModerationError as exc:
        raise Refused(str(exc), back) from None
    page.audit("split", f"item:{item.id}", f"item:{alone.id}")
    return page.redirect(
        f"/items/{alone.id}", _("This is now an item of its own, waiting for a decision.")
    )


def translate(page: Page) -> Response:
    """Add or replace the item's title and summary in another language (for the newsletter)."""
    item = _item(page)
    back = f"/items/{item.id}#translations"
    language = page.field("language")
    if language not in page.settings.hub.languages:
        choices = ", ".join(page.settings.hub.languages)
        raise Refused(_("Choose one of %(languages)s.") % {"languages": choices}, back)
    if language == item.language:
        raise Refused(_("The item is written in that language: edit the item itself."), back)
    title = clean_title(page.field("title"))
    if not title:
        raise Refused(_("The translation needs a title."), back)
    summary = clean_summary(plain_to_html(page.field("summary")), item.link)
    found = next((t for t in item.translations if t.language == language), None)
    if found is None:
        found = ItemTranslation(language=language, title=title)
        item.translations.append(found)
    found.title, found.summary_html, found.summary_text = title, summary.html, summary.text
    found.machine = None  # a person's words now, no longer a machine draft
    page.audit("translate", f"item:{item.id}", language)
    return page.redirect(
        back,
        _("Saved the %(language)s text of “%(title)s”.")
        % {"language": language, "title": item.title},
    )

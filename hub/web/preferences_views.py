"""The members' own page: their topics, language, channels and newsletter, by a signed link.

No password: the link (see :mod:`hub.core.members.links`) names the member and expires;
the form still carries the anonymous CSRF token, so another site cannot make
a member's browser save choices. The page speaks the member's language, any of
the network's five (:data:`~hub.web.i18n.MEMBER_LANGUAGES`); a link that is not
valid is answered in the language the browser asks for (a
:func:`~hub.web.page.member_view` route).

Where the choices go: topics, language and channels are kept on the member
(the secretariat sees them in the console) and reach the Mailchimp audience
as merge fields and tags (``topic:…``, ``lang:…``), which newsletter segments
use; the newsletter choice subscribes (with Mailchimp's confirmation e-mail)
or unsubscribes. A digest period sends the member, on the chat platform they
chose, the period's items on their topics in their language with the events
coming up (:mod:`hub.core.schedule.digests`); their time zone places their
reminders on their own clock. The network's shared channels show the same news
to everyone; the page says so.
"""

from __future__ import annotations

import zoneinfo
from functools import cache

from starlette.responses import Response

from hub.core.errors import HubError
from hub.core.members.links import (
    CHANNELS,
    SECRET_KEY_ENV,
    mark_seen,
    member_of_token,
    preferences_url,
    topics,
)
from hub.core.models import Member
from hub.core.schedule.digests import PERIODS as DIGEST_PERIODS
from hub.web.i18n import MEMBER_LANGUAGES, _, use_language
from hub.web.page import Page
from hub.wiring import has_newsletter_audience
from newsletters import audience, mailchimp, publish

NEWSLETTER_ON = ("subscribed", "pending")


@cache
def time_zones() -> frozenset[str]:
    """The IANA time zones a member may choose (``zoneinfo.available_timezones``)."""
    return frozenset(zoneinfo.available_timezones())


def _member(page: Page) -> Member | None:
    """The member the link names, if the link is genuine, fresh, and the member not erased.

    Without ``HUB_SECRET_KEY`` in the settings no link was ever signed, so none is genuine.
    """
    secret = page.settings.secrets.get(SECRET_KEY_ENV)
    if not secret:
        return None
    token = str(page.request.path_params["token"])
    member_id = member_of_token(secret, token, page.now)
    member = page.db.get(Member, member_id) if member_id is not None else None
    if member is None or member.erased_at is not None:
        return None
    return member


def _refused(page: Page) -> Response:
    return page.render("preferences_invalid.html", status=404)  # in the browser's language


def _show(page: Page, member: Member, status: int = 200) -> Response:
    with use_language(member.language, MEMBER_LANGUAGES):
        return page.render(
            "preferences.html",
            status=status,
            member=member,
            all_topics=topics(),
            languages=page.settings.hub.languages,
            platforms=[c for c in CHANNELS if c != "email"],
            channels=CHANNELS if member.channels is None else member.channels,
            newsletter=(member.newsletter_status or "") in NEWSLETTER_ON,
            can_subscribe=bool(member.email) and member.newsletter_status != "cleaned",
            digest_periods=DIGEST_PERIODS,
            default_timezone=page.settings.hub.timezone,
        )


def preferences_page(page: Page) -> Response:
    """A member's own choices, from the link in the newsletter or the bots."""
    member = _member(page)
    return _refused(page) if member is None else _show(page, member)


def preferences_save(page: Page) -> Response:
    member = _member(page)
    if member is None:
        return _refused(page)
    form = page.form
    assert form is not None
    wanted_topics = {str(t) for t in form.getlist("topics")}
    wanted_channels = {str(c) for c in form.getlist("channels")}
    language = page.field("language")
    newsletter = page.field("newsletter") == "on" and bool(member.email)
    digest = page.field("digest")
    zone = page.field("timezone").strip()
    with use_language(member.language, MEMBER_LANGUAGES):
        if (
            language not in page.settings.hub.languages
            or not wanted_topics <= set(topics())
            or digest not in ("", *DIGEST_PERIODS)
        ):
            page.flashes.append(("error", _("Please choose from the lists.")))
            return _show(page, member, status=400)
        if zone and zone not in time_zones():
            page.flashes.append(
                ("error", _("Please give a time zone such as Europe/Madrid or America/Sao_Paulo."))
            )
            return _show(page, member, status=400)
    member.digest = digest or None
    member.timezone = zone or None
    old_tags = audience.tags(member)
    was_on = (member.newsletter_status or "") in NEWSLETTER_ON
    member.topics = [t for t in topics() if t in wanted_topics]
    member.language = language
    chosen = [c for c in CHANNELS if c in wanted_channels or (c == "email" and newsletter)]
    member.channels = None if len(chosen) == len(CHANNELS) else chosen
    mark_seen(page.db, member.id, page.now)
    problem = _to_mailchimp(page, member, newsletter, was_on, old_tags)
    page.audit(
        "member_preferences",
        f"member:{member.id}",
        f"topics {len(member.topics)}, language {member.language}, "
        f"channels {','.join(chosen)}, newsletter {'on' if newsletter else 'off'}, "
        f"digest {member.digest or 'none'}, time zone {member.timezone or 'default'}"
        + (f"; mailchimp: {problem}" if problem else ""),
        actor=f"member:{member.id} (preferences page)",
    )
    with use_language(member.language, MEMBER_LANGUAGES):
        if problem:
            words = _(
                "Your choices are saved, but the newsletter could not be changed just now; "
                "please try again later."
            )
            return page.redirect(page.request.url.path, words, "error")
        if newsletter and not was_on:
            words = _("Saved. Please confirm your subscription with the e-mail we have sent you.")
        else:
            words = _("Saved. Thank you!")
        return page.redirect(page.request.url.path, words)


def _to_mailchimp(
    page: Page, member: Member, newsletter: bool, was_on: bool, old_tags: list[str]
) -> str | None:
    """Bring the member's audience contact up to date; what went wrong, or None.

    Nothing to do without a Mailchimp channel, without an e-mail address, or
    for a member who neither is nor wants to be subscribed.
    """
    settings = page.settings
    if not member.email or not (newsletter or was_on):
        return None
    if not has_newsletter_audience(settings):
        return None
    try:
        account = publish.account_from_settings(settings)
        audience.save_preferences(
            mailchimp.make_client(account),
            account.list_id,
            member,
            newsletter=newsletter,
            dropped_tags=old_tags,
            prefs_url=preferences_url(settings, member.id, page.now),
        )
    except HubError as exc:
        return str(exc)
    return None

"""An approved edition to Mailchimp from the console: a test, the push, the schedule, the report.

Each action goes the way ``hub newsletter push`` goes (``newsletters.publish``
with the Mailchimp account of ``[channels.newsletter]``; in the demo that is
the Mailchimp stand-in), so the approval rules are the package's: nothing is
pushed, tested or scheduled before a person approved the edition. Whatever
Mailchimp or the configuration refuses is shown in words on the composer and
nothing is half-recorded: ``newsletters.publish`` commits the campaign id the
moment it exists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from starlette.responses import Response

from hub.core.errors import HubError
from hub.core.models import NewsletterEdition
from hub.web.i18n import _, format_when
from hub.web.newsletter_views import composer_url, load_edition, release_database
from hub.web.page import Page, Refused
from newsletters import publish
from newsletters.mailchimp import MailchimpAccount

EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
MAX_TEST_ADDRESSES = 5


def _account(page: Page, back: str) -> MailchimpAccount:
    """The deployment's Mailchimp account, or a refusal saying what to configure."""
    try:
        return publish.account_from_settings(page.settings)
    except HubError as exc:
        raise Refused(
            _("Mailchimp is not configured: %(reason)s") % {"reason": exc}, back
        ) from None


def _require_approved(edition: NewsletterEdition, back: str) -> None:
    if edition.status not in ("approved", "scheduled", "sent"):
        raise Refused(
            _("Edition %(id)s is a %(status)s: approve it before it goes to Mailchimp.")
            % {"id": edition.id, "status": edition.status},
            back,
        )


def _push(
    page: Page,
    edition: NewsletterEdition,
    *,
    test_to: Iterable[str] = (),
    schedule: dt.datetime | None = None,
) -> publish.PushResult:
    """``publish.push_edition`` for the edition; Mailchimp's refusals become a message."""
    back = composer_url(edition)
    _require_approved(edition, back)
    account = _account(page, back)
    release_database(page)
    try:
        return publish.push_edition(
            page.console.engine,
            edition.id,
            account,
            now=page.now,
            network=page.settings.hub.network_names(),
            website=page.settings.hub.public_url,
            test_to=test_to,
            schedule=schedule,
        )
    except (HubError, ValueError) as exc:
        raise Refused(
            _("Mailchimp did not take edition %(id)s: %(reason)s")
            % {"id": edition.id, "reason": exc},
            back,
        ) from None


def addresses_of(text: str) -> list[str]:
    """The addresses a test goes to (separated by commas); a malformed one is refused."""
    addresses = [a.strip() for a in text.split(",") if a.strip()]
    bad = [a for a in addresses if not EMAIL.match(a)]
    if bad:
        raise ValueError(_("%(address)s is not an e-mail address.") % {"address": bad[0]})
    if not addresses:
        raise ValueError(_("Give the address the test goes to."))
    if len(addresses) > MAX_TEST_ADDRESSES:
        raise ValueError(_("At most %(n)s addresses per test.") % {"n": MAX_TEST_ADDRESSES})
    return addresses


def send_test(page: Page) -> Response:
    """Push the edition (create or update its campaign) and send it as a test; the audience
    receives nothing."""
    edition = load_edition(page)
    try:
        addresses = addresses_of(page.field("to") or page.user.email)
    except ValueError as exc:
        raise Refused(str(exc), composer_url(edition)) from None
    result = _push(page, edition, test_to=addresses)
    page.audit("test_edition", f"edition:{edition.id}", ", ".join(addresses))
    return page.redirect(
        composer_url(edition),
        _("Test of edition %(id)s sent to %(to)s (campaign %(campaign)s).")
        % {"id": edition.id, "to": ", ".join(result.tested), "campaign": result.campaign_id},
    )


def push(page: Page) -> Response:
    """Create the edition's Mailchimp campaign, or update the one it has."""
    edition = load_edition(page)
    result = _push(page, edition)
    verb = "created" if result.created else "updated"
    page.audit("push_edition", f"edition:{edition.id}", f"campaign {result.campaign_id} {verb}")
    message = (
        _("Campaign %(campaign)s created in Mailchimp.")
        if result.created
        else _("Campaign %(campaign)s updated in Mailchimp.")
    )
    for note in result.notes:
        page.flashes.append(("info", note))
    return page.redirect(composer_url(edition), message % {"campaign": result.campaign_id})


def scheduled_time(day: str, time: str, timezone: str, now: dt.datetime) -> dt.datetime:
    """The moment a person typed (in the deployment's time zone) in UTC, checked the way
    Mailchimp checks it: on a quarter hour, in the future."""
    try:
        local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time))
    except ValueError:
        raise ValueError(_("Give a date (YYYY-MM-DD) and a time (HH:MM).")) from None
    if local.minute % 15 or local.second or local.microsecond:
        raise ValueError(_("Mailchimp sends on the quarter hour only (:00, :15, :30, :45)."))
    moment = local.replace(tzinfo=ZoneInfo(timezone)).astimezone(dt.UTC)
    if moment <= now:
        raise ValueError(_("That time has passed: choose a time in the future."))
    return moment


def schedule(page: Page) -> Response:
    """Push the edition and schedule its campaign for a date and time of the deployment's
    time zone."""
    edition = load_edition(page)
    zone = page.settings.hub.timezone
    try:
        when = scheduled_time(page.field("day"), page.field("time"), zone, page.now)
    except ValueError as exc:
        raise Refused(str(exc), composer_url(edition)) from None
    result = _push(page, edition, schedule=when)
    page.audit("schedule_edition", f"edition:{edition.id}", when.isoformat())
    local = when.astimezone(ZoneInfo(zone))
    return page.redirect(
        composer_url(edition),
        _("Edition %(id)s is scheduled for %(local)s (%(utc)s UTC), campaign %(campaign)s.")
        % {
            "id": edition.id,
            "local": format_when(local, local.tzinfo or dt.UTC),
            "utc": when.strftime("%H:%M"),
            "campaign": result.campaign_id,
        },
    )


def fetch_report(page: Page) -> Response:
    """Read the sent campaign's report (opens, clicks, bounces, unsubscribes) from Mailchimp
    into the edition."""
    edition = load_edition(page)
    back = composer_url(edition)
    if not edition.mailchimp_campaign_id:
        raise Refused(_("The edition has no campaign yet: push it first."), back)
    account = _account(page, back)
    release_database(page)
    try:
        publish.pull_report(page.console.engine, edition.id, account, page.now)
    except HubError as exc:
        raise Refused(
            _("Mailchimp has no report for edition %(id)s: %(reason)s")
            % {"id": edition.id, "reason": exc},
            back,
        ) from None
    page.audit("report_edition", f"edition:{edition.id}", edition.mailchimp_campaign_id)
    return page.redirect(back, _("The report was read from Mailchimp."))

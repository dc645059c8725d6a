"""Editions as Mailchimp campaigns, through the official ``mailchimp-marketing`` client.

One edition is one regular campaign, segmented to the audience members whose
``LANGUAGE`` merge field is the edition's language. The campaign id is kept
on the edition, so pushing again updates that campaign and never creates a
second one; before a send the campaign's status is read, so sending twice
sends once. Mailchimp's errors become :mod:`newsletters.errors` types whose
message says what to do.

The client builds URLs as ``host + path`` with the literal ``server`` in the
host replaced by the data centre; :func:`make_client` sets the host to the
configured base URL (the real ``https://us21.api.mailchimp.com/3.0`` or a
stand-in's ``http://127.0.0.1:PORT/3.0``) and a data centre that cannot
rewrite it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import requests
from mailchimp_marketing import Client
from mailchimp_marketing.api_client import ApiClientError

from hub.core.errors import HubError
from hub.core.models import NewsletterEdition
from newsletters.compose import require_approved
from newsletters.errors import (
    AlreadySent,
    ComplianceProblem,
    InvalidMergeFields,
    MailchimpError,
    MailchimpRateLimited,
    MailchimpTimeout,
    MailchimpUnavailable,
)
from newsletters.render import RenderedEdition

LANGUAGE_MERGE_FIELD = "LANGUAGE"
RATE_LIMIT_WAIT = 10.0
"""Seconds to wait after a 429 (Mailchimp sends no Retry-After)."""

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class MailchimpAccount:
    """Where and as whom to talk to Mailchimp: read from ``[channels.newsletter]``."""

    api_key: str
    base_url: str
    list_id: str
    from_name: str = "IOPD"
    reply_to: str = "newsletter@example.org"
    timeout: float = 30.0

    def __repr__(self) -> str:  # never show the key
        return f"MailchimpAccount(base_url={self.base_url!r}, list_id={self.list_id!r})"


def make_client(account: MailchimpAccount) -> Client:
    """A ``mailchimp_marketing.Client`` whose requests go to ``account.base_url``."""
    base_url = account.base_url.rstrip("/")
    if "server" in base_url:  # the client would rewrite it: use a no-op data centre
        server = "server"
    else:
        datacentre = account.api_key.rsplit("-", 1)[-1] if "-" in account.api_key else ""
        server = datacentre or "us1"
    client = Client()
    client.set_config({"api_key": account.api_key, "server": server, "timeout": account.timeout})
    client.api_client.host = base_url
    return client


# --- errors ---------------------------------------------------------------------------


def _detail(text: Any) -> dict[str, Any]:
    if isinstance(text, dict):
        return text
    if isinstance(text, str):
        try:
            parsed = json.loads(text)
        except ValueError:
            return {"detail": text}
        return parsed if isinstance(parsed, dict) else {"detail": text}
    return {"detail": str(text)}


def map_error(exc: ApiClientError) -> HubError:
    """The hub error for a failed Mailchimp call, with a message a person can act on."""
    if exc.status_code is None:  # the client wraps transport errors with no status
        cause = exc.text
        if isinstance(cause, requests.Timeout):
            return MailchimpTimeout(
                "Mailchimp did not answer in time; the request may have "
                "taken effect: check the campaign before retrying"
            )
        if isinstance(cause, requests.ConnectionError):
            return MailchimpUnavailable("cannot reach Mailchimp (connection failed)")
        return MailchimpUnavailable(f"Mailchimp request failed: {type(cause).__name__}")
    status = int(exc.status_code)
    body = _detail(exc.text)
    title = str(body.get("title") or "")
    detail = str(body.get("detail") or "")
    fields = "; ".join(
        f"{e.get('field')}: {e.get('message')}" for e in body.get("errors") or [] if e
    )
    said = f"{title}: {detail}" if title and detail else title or detail or f"HTTP {status}"
    if fields:
        said += f" ({fields})"
    lowered = f"{title} {detail}".lower()
    if status == 429:
        return MailchimpRateLimited(
            RATE_LIMIT_WAIT, f"Mailchimp rate limit (at most 10 simultaneous connections): {said}"
        )
    if "merge field" in lowered:
        return InvalidMergeFields(
            f"invalid merge fields: {said}. Use only merge tags the audience defines "
            "(audience > settings > merge fields) or Mailchimp's own (*|UNSUB|*, ...)",
            status=status,
            title=title,
        )
    if "compliance" in lowered:
        return ComplianceProblem(
            f"compliance: {said}. Mailchimp will not (re)subscribe or send here; a member "
            "who unsubscribed must subscribe again themselves",
            status=status,
            title=title,
        )
    if status in (401, 403):
        return MailchimpError(
            f"Mailchimp refused the API key or the action: {said}", status=status, title=title
        )
    if status == 404:
        return MailchimpError(f"not found in Mailchimp: {said}", status=status, title=title)
    if status >= 500:
        return MailchimpUnavailable(
            f"Mailchimp had a problem ({status}): {said}", status=status, title=title
        )
    return MailchimpError(f"Mailchimp refused ({status}): {said}", status=status, title=title)


def call(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run one client call; a failure becomes the mapped hub error."""
    try:
        return action(*args, **kwargs)
    except ApiClientError as exc:
        raise map_error(exc) from exc


# --- campaigns ------------------------------------------------------------------------


def campaign_settings(
    edition: NewsletterEdition, account: MailchimpAccount, subject: str, preview_text: str
) -> dict[str, Any]:
    return {
        "subject_line": subject[:150],
        "preview_text": preview_text[:150],
        "title": f"Newsletter {edition.period_start}..{edition.period_end} "
        f"{edition.language} (edition {edition.id})",
        "from_name": account.from_name,
        "reply_to": account.reply_to,
        "auto_footer": False,
        "inline_css": False,
    }


def recipients(edition: NewsletterEdition, account: MailchimpAccount) -> dict[str, Any]:
    """The audience, narrowed to members whose LANGUAGE merge field is the edition's."""
    return {
        "list_id": account.list_id,
        "segment_opts": {
            "match": "all",
            "conditions": [
                {
                    "condition_type": "TextMerge",
                    "field": LANGUAGE_MERGE_FIELD,
                    "op": "is",
                    "value": edition.language,
                }
            ],
        },
    }


class Campaigns:
    """An edition's campaign: push (create or update), test, schedule, send, report."""

    def __init__(self, client: Client, account: MailchimpAccount) -> None:
        self.client = client
        self.account = account

    def status(self, campaign_id: str) -> str:
        found = call(self.client.campaigns.get, campaign_id, fields=["id", "status"])
        return str(found["status"])

    def push(
        self,
        edition: NewsletterEdition,
        rendered: RenderedEdition,
        *,
        subject: str,
        preview_text: str = "",
        record: Callable[[], None] = lambda: None,
    ) -> str:
        """Create the edition's campaign, or update the one it has, and set its content.

        ``record`` is called as soon as a new campaign's id is on the edition,
        so the caller can commit it before anything else can fail.
        """
        require_approved(edition)
        settings = campaign_settings(edition, self.account, subject, preview_text)
        body = {"recipients": recipients(edition, self.account), "settings": settings}
        campaign_id = edition.mailchimp_campaign_id
        if campaign_id:
            status = self.status(campaign_id)
            if status in ("sent", "sending"):
                raise AlreadySent(f"campaign {campaign_id} of edition {edition.id} was {status}")
            if status == "schedule":  # Mailchimp refuses changes to a scheduled campaign
                call(self.client.campaigns.unschedule, campaign_id)
                edition.status, edition.scheduled_for = "approved", None
            call(self.client.campaigns.update, campaign_id, body)
        else:
            created = call(self.client.campaigns.create, {"type": "regular", **body})
            campaign_id = str(created["id"])
            edition.mailchimp_campaign_id = campaign_id
            record()
        call(
            self.client.campaigns.set_content,
            campaign_id,
            {"html": rendered.html, "plain_text": rendered.text},
        )
        return campaign_id

    def _campaign_of(self, edition: NewsletterEdition) -> str:
        if not edition.mailchimp_campaign_id:
            raise MailchimpError(
                f"edition {edition.id} has no campaign yet: push it first "
                f"(hub newsletter push {edition.id})"
            )
        return edition.mailchimp_campaign_id

    def send_test(self, edition: NewsletterEdition, emails: Iterable[str]) -> None:
        """Send the campaign as a test to ``emails`` (the audience receives nothing)."""
        addresses = [e.strip() for e in emails if e.strip()]
        if not addresses:
            raise ValueError("a test send needs at least one email address")
        call(
            self.client.campaigns.send_test_email,
            self._campaign_of(edition),
            {"test_emails": addresses, "send_type": "html"},
        )

    def schedule(self, edition: NewsletterEdition, when: dt.datetime) -> None:
        """Schedule the campaign for ``when`` (aware, on a quarter hour, as Mailchimp wants)."""
        require_approved(edition)
        if when.tzinfo is None:
            raise ValueError("the schedule time needs a time zone")
        if when.minute % 15 or when.second or when.microsecond:
            raise ValueError(f"Mailchimp schedules on the quarter hour only (got {when:%H:%M})")
        campaign_id = self._campaign_of(edition)
        status = self.status(campaign_id)
        if status in ("sent", "sending"):
            edition.status = "sent"
            raise AlreadySent(f"campaign {campaign_id} was already {status}")
        if status == "schedule":
            call(self.client.campaigns.unschedule, campaign_id)
        utc = when.astimezone(dt.UTC)
        call(
            self.client.campaigns.schedule,
            campaign_id,
            {"schedule_time": utc.strftime("%Y-%m-%dT%H:%M:%S+00:00")},
        )
        edition.status, edition.scheduled_for = "scheduled", utc

    def send(self, edition: NewsletterEdition, now: dt.datetime) -> bool:
        """Send now, unless the campaign already went: True if this call sent it."""
        require_approved(edition)
        campaign_id = self._campaign_of(edition)
        status = self.status(campaign_id)
        if status in ("sent", "sending"):
            edition.status = "sent"
            return False
        if status == "schedule":
            call(self.client.campaigns.unschedule, campaign_id)
        call(self.client.campaigns.send, campaign_id)
        edition.status, edition.sent_at = "sent", now
        return True

    def pull_report(self, edition: NewsletterEdition, now: dt.datetime) -> dict[str, Any]:
        """Opens, clicks, bounces and unsubscribes of the sent campaign, stored in
        ``edition.report``. Mailchimp reports only on a campaign that went, so a scheduled
        edition with a report is marked sent (at Mailchimp's send time)."""
        campaign_id = self._campaign_of(edition)
        found = call(self.client.reports.get_campaign_report, campaign_id)
        opens = found.get("opens") or {}
        clicks = found.get("clicks") or {}
        bounces = found.get("bounces") or {}
        report = {
            "campaign_id": campaign_id,
            "emails_sent": found.get("emails_sent", 0),
            "unique_opens": opens.get("unique_opens", 0),
            "opens_total": opens.get("opens_total", 0),
            "open_rate": opens.get("open_rate", 0.0),
            "unique_clicks": clicks.get("unique_subscriber_clicks", clicks.get("unique_clicks", 0)),
            "clicks_total": clicks.get("clicks_total", 0),
            "click_rate": clicks.get("click_rate", 0.0),
            "hard_bounces": bounces.get("hard_bounces", 0),
            "soft_bounces": bounces.get("soft_bounces", 0),
            "unsubscribed": found.get("unsubscribed", 0),
            "pulled_at": now.isoformat(),
        }
        edition.report = report
        if edition.status != "sent":
            edition.status, edition.sent_at = "sent", _sent_time(found.get("send_time"), now)
        return report


def _sent_time(value: Any, fallback: dt.datetime) -> dt.datetime:
    """Mailchimp's ``send_time`` (ISO 8601), or ``fallback`` when it gives none."""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return fallback
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

"""Members to the Mailchimp audience and back, never resubscribing anyone.

Sync: each member becomes a ``PUT /lists/{id}/members/{hash}`` with
``status_if_new="pending"`` (Mailchimp's double opt-in for newcomers) and
*no* ``status``, so a member who unsubscribed in Mailchimp stays
unsubscribed whatever the hub holds; merge fields carry organisation,
contact, language, region, member type and topics (and ``PREFS_URL``, the
member's own signed preferences link, when the caller passes ``links``: the
audience must then define a ``PREFS_URL`` text merge field, which the
newsletter footer uses), and a ``POST .../tags`` sets the tags. Operations go
in batches (``POST /batches``), polled until finished. Members the hub knows
unsubscribed or cleaned are not sent at all.

Back: :func:`pull_changes` reads members changed since a moment
(``since_last_changed``), :func:`parse_webhook` turns Mailchimp's
form-encoded webhook into the same :class:`MemberChange`, and
:func:`apply_changes` writes them to ``Member.newsletter_status``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import tarfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import requests
from mailchimp_marketing import Client
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.models import Member
from newsletters.errors import ComplianceProblem, MailchimpError
from newsletters.mailchimp import call, make_client
from newsletters.standin_state import subscriber_hash

log = logging.getLogger(__name__)

NOT_SENT = ("unsubscribed", "cleaned")
"""Newsletter statuses for which a sync leaves the member out altogether."""
MEMBERS_PER_BATCH = 500
PREFS_URL = "PREFS_URL"
Links = Callable[[Member], str | None]
"""The member's preferences link (see :func:`hub.core.members.links.preferences_url`), or None."""
STATUSES = ("subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived")


def merge_fields(member: Member, prefs_url: str | None = None) -> dict[str, str]:
    """The member's merge fields (the audience must define these tags)."""
    fields = {
        "FNAME": (member.contact_name or "")[:255],
        "ORG": (member.organisation or "")[:255],
        "LANGUAGE": member.language or "en",
        "REGION": member.region or "",
        "MTYPE": member.member_type or "",
        "TOPICS": ", ".join(member.topics or [])[:255],
    }
    if prefs_url:
        fields[PREFS_URL] = prefs_url[:255]
    return fields


def tags(member: Member) -> list[str]:
    """Tags for segments: ``region:…``, ``type:…``, ``topic:…``, ``lang:…``."""
    found = [f"lang:{member.language or 'en'}"]
    if member.region:
        found.append(f"region:{member.region}")
    if member.member_type:
        found.append(f"type:{member.member_type}")
    found += [f"topic:{topic}" for topic in member.topics or []]
    return found


def member_body(member: Member, prefs_url: str | None = None) -> dict[str, Any]:
    """The PUT body: adds a newcomer as pending, updates anyone else's data, never status."""
    assert member.email
    return {
        "email_address": member.email.strip(),
        "status_if_new": "pending",
        "merge_fields": merge_fields(member, prefs_url),
        "language": member.language or "en",
    }


def member_operations(
    member: Member, list_id: str, links: Links | None = None
) -> list[dict[str, Any]]:
    """The batch operations that bring one member up to date in the audience."""
    assert member.email
    path = f"/lists/{list_id}/members/{subscriber_hash(member.email)}"
    tag_body = {"tags": [{"name": name, "status": "active"} for name in tags(member)]}
    return [
        {
            "method": "PUT",
            "path": path,
            "operation_id": f"member-{member.id}",
            "body": json.dumps(member_body(member, links(member) if links else None)),
        },
        {
            "method": "POST",
            "path": path + "/tags",
            "operation_id": f"tags-{member.id}",
            "body": json.dumps(tag_body),
        },
    ]


def syncable(member: Member) -> bool:
    return bool(
        member.email
        and member.erased_at is None
        and (member.newsletter_status or "") not in NOT_SENT
    )


@dataclass
class SyncReport:
    members: int = 0
    skipped: int = 0
    operations: int = 0
    batches: list[str] = field(default_factory=list)
    errored: int = 0
    errors: list[str] = field(default_factory=list)


def _chunks(items: Sequence[Member], size: int) -> Iterator[Sequence[Member]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def sync_members(
    client: Client,
    list_id: str,
    members: Iterable[Member],
    *,
    per_batch: int = MEMBERS_PER_BATCH,
    poll_every: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    progress: Callable[[int], None] = lambda done: None,
    links: Links | None = None,
) -> SyncReport:
    """Send members to the audience in batches and wait for Mailchimp to finish them.

    ``progress`` is called with the number of members whose batch finished.
    Errors of single operations (an invalid address...) are collected in the
    report, not raised: one bad member does not stop the rest.
    """
    report = SyncReport()
    chosen: list[Member] = []
    for member in members:
        if syncable(member):
            chosen.append(member)
        else:
            report.skipped += 1
    pending: list[tuple[str, int]] = []
    for chunk in _chunks(chosen, per_batch):
        operations = [op for member in chunk for op in member_operations(member, list_id, links)]
        started = call(client.batches.start, {"operations": operations})
        pending.append((str(started["id"]), len(chunk)))
        report.batches.append(str(started["id"]))
        report.operations += len(operations)
    done = 0
    for batch_id, count in pending:
        status = call(client.batches.status, batch_id)
        while status.get("status") != "finished":
            sleep(poll_every)
            status = call(client.batches.status, batch_id)
        errored = int(status.get("errored_operations") or 0)
        if errored:
            report.errored += errored
            report.errors += _batch_errors(str(status.get("response_body_url") or ""))
        done += count
        progress(done)
    report.members = len(chosen)
    return report


def _batch_errors(url: str, limit: int = 50) -> list[str]:
    """The failed operations of a finished batch, read from its results archive."""
    if not url:
        return []
    try:
        response = requests.get(url, timeout=30)
        response.raise_for_status()
        results: list[dict[str, Any]] = []
        with tarfile.open(fileobj=io.BytesIO(response.content), mode="r:gz") as archive:
            for entry in archive.getmembers():
                handle = archive.extractfile(entry) if entry.isfile() else None
                if handle is not None:
                    results += json.loads(handle.read() or b"[]")
    except (requests.RequestException, tarfile.TarError, ValueError) as exc:
        return [f"could not read the batch results: {type(exc).__name__}"]
    errors: list[str] = []
    for result in results:
        if int(result.get("status_code", 200)) < 400 or len(errors) >= limit:
            continue
        try:
            said = json.loads(result.get("response") or "{}")
        except ValueError:
            said = {}
        errors.append(
            f"{result.get('operation_id')}: {said.get('title', '')} "
            f"{said.get('detail', '')}".strip()
        )
    return errors


# --- changes coming back ------------------------------------------------------------


@dataclass(frozen=True)
class MemberChange:
    """Something Mailchimp says changed for one address."""

    email: str
    status: str | None = None
    new_email: str | None = None
    language: str | None = None
    kind: str = "profile"


def pull_changes(
    client: Client, list_id: str, since: dt.datetime | None, *, page_size: int = 1000
) -> list[MemberChange]:
    """Members changed in Mailchimp since ``since`` (all when None), as changes."""
    changes: list[MemberChange] = []
    offset = 0
    while True:
        kwargs: dict[str, Any] = {"count": page_size, "offset": offset}
        if since is not None:
            kwargs["since_last_changed"] = since.astimezone(dt.UTC).strftime(
                "%Y-%m-%dT%H:%M:%S+00:00"
            )
        page = call(client.lists.get_list_members_info, list_id, **kwargs)
        members = page.get("members") or []
        for found in members:
            language = (found.get("merge_fields") or {}).get("LANGUAGE") or None
            changes.append(
                MemberChange(
                    email=found["email_address"],
                    status=found.get("status"),
                    language=language,
                    kind="pull",
                )
            )
        offset += len(members)
        if not members or offset >= int(page.get("total_items") or 0):
            return changes


def parse_webhook(payload: str | Mapping[str, str]) -> MemberChange | None:
    """Mailchimp's form-encoded webhook (``type=unsubscribe&data[email]=…``) as a change.

    Pure: a web endpoint passes the request body (or its parsed form) and
    applies the result with :func:`apply_changes`. ``None`` for events that
    change no member (``campaign``) or payloads that are not Mailchimp's.
    """
    form = (
        dict(parse_qsl(payload, keep_blank_values=True))
        if isinstance(payload, str)
        else dict(payload)
    )
    kind = form.get("type", "")
    email = (form.get("data[email]") or "").strip()
    if kind == "upemail":
        old, new = form.get("data[old_email]", "").strip(), form.get("data[new_email]", "").strip()
        return MemberChange(email=old, new_email=new, kind=kind) if old and new else None
    if not email:
        return None
    language = form.get("data[merges][LANGUAGE]") or None
    status = {"subscribe": "subscribed", "unsubscribe": "unsubscribed", "cleaned": "cleaned"}.get(
        kind
    )
    if kind in ("subscribe", "unsubscribe", "cleaned", "profile"):
        return MemberChange(email=email, status=status, language=language, kind=kind)
    return None


def apply_changes(session: Session, changes: Iterable[MemberChange]) -> int:
    """Write changes to the members they concern; returns how many members changed."""
    changed = 0
    for change in changes:
        member = session.scalars(
            select(Member).where(func.lower(Member.email) == change.email.lower())
        ).first()
        if member is None:
            continue
        before = (member.newsletter_status, member.email, member.language)
        if change.status in STATUSES:
            member.newsletter_status = change.status
        if change.new_email and _may_take(session, member, change.new_email):
            member.email = change.new_email
        if change.language and len(change.language) == 2 and change.language.isalpha():
            member.language = change.language.lower()
        changed += before != (member.newsletter_status, member.email, member.language)
    session.flush()
    return changed


MAX_EMAIL = 320
"""``members.email``'s length (RFC 5321's 64 + 1 + 255)."""


def _may_take(session: Session, member: Member, new_email: str) -> bool:
    """Whether ``member`` may change to ``new_email``: an address (one ``@``, no spaces, at
    most 320 characters) no other member holds. Another member's address failed the unique
    index and the whole webhook answered 500, on every retry; the change is logged and left
    for the secretariat instead."""
    local, at, domain = new_email.partition("@")
    looks = bool(local and at and domain) and "@" not in domain
    looks = looks and len(new_email) <= MAX_EMAIL and not any(c.isspace() for c in new_email)
    if not looks:
        log.warning(
            "mailchimp: member %s not moved to %r: not an e-mail address", member.id, new_email[:80]
        )
        return False
    holder = session.scalars(
        select(Member.id).where(
            func.lower(Member.email) == new_email.lower(), Member.id != member.id
        )
    ).first()
    if holder is not None:
        log.warning(
            "mailchimp: member %s not moved to %s: member %s holds that address",
            member.id,
            new_email,
            holder,
        )
        return False
    return True


def apply_webhook(session: Session, payload: str | Mapping[str, str]) -> bool:
    """What a web endpoint does with a Mailchimp webhook POST: True if a member changed.

    (Mailchimp checks the URL with a GET first; the endpoint answers it 200.)
    """
    change = parse_webhook(payload)
    return change is not None and apply_changes(session, [change]) > 0


def subscribe_member(client: Client, list_id: str, member: Member) -> str:
    """A member asked (from chat) to receive the newsletter: Mailchimp's double opt-in.

    A newcomer, or someone who had unsubscribed, is put in ``pending`` and
    Mailchimp emails a confirmation link; a subscribed member stays as is.
    Returns the member's status in Mailchimp, also kept in ``newsletter_status``.
    """
    if not member.email:
        raise MailchimpError(f"member {member.id} has no email address to subscribe")
    path_hash = subscriber_hash(member.email)
    try:
        current = call(client.lists.get_list_member, list_id, path_hash)
    except MailchimpError as exc:
        if exc.status != 404:
            raise
        current = None
    if current is None:
        found = call(client.lists.set_list_member, list_id, path_hash, member_body(member))
    elif current.get("status") == "unsubscribed":
        found = call(client.lists.update_list_member, list_id, path_hash, {"status": "pending"})
    elif current.get("status") == "cleaned":
        raise ComplianceProblem(
            f"{member.email} bounced and was cleaned from the audience; "
            "Mailchimp will not send to it again: ask for another address"
        )
    else:
        found = current
    member.newsletter_status = str(found.get("status"))
    return member.newsletter_status


def save_preferences(
    client: Client,
    list_id: str,
    member: Member,
    *,
    newsletter: bool,
    dropped_tags: Iterable[str] = (),
    prefs_url: str | None = None,
) -> str:
    """A member changed their own preferences: bring their audience contact up to date.

    ``newsletter=True`` subscribes them through Mailchimp's double opt-in
    (:func:`subscribe_member`: a newcomer or someone who had unsubscribed gets
    a confirmation e-mail) and updates their merge fields; ``False`` marks
    them unsubscribed (a contact the audience never held is left alone).
    Tags follow their topics and language; ``dropped_tags`` (the tags of their
    old choices) are made inactive. Returns the newsletter status now kept in
    ``member.newsletter_status``.
    """
    if not member.email:
        raise MailchimpError(f"member {member.id} has no email address for the newsletter")
    path_hash = subscriber_hash(member.email)
    if newsletter:
        subscribe_member(client, list_id, member)
        call(client.lists.set_list_member, list_id, path_hash, member_body(member, prefs_url))
    else:
        try:
            call(
                client.lists.update_list_member,
                list_id,
                path_hash,
                {"status": "unsubscribed", "merge_fields": merge_fields(member, prefs_url)},
            )
        except MailchimpError as exc:
            if exc.status != 404:
                raise
            member.newsletter_status = "unsubscribed"
            return member.newsletter_status
        member.newsletter_status = "unsubscribed"
    current = tags(member)
    body = {
        "tags": [{"name": name, "status": "active"} for name in current]
        + [
            {"name": n, "status": "inactive"}
            for n in dict.fromkeys(dropped_tags)
            if n not in current
        ]
    }
    call(client.lists.update_list_member_tags, list_id, path_hash, body)
    return member.newsletter_status or ""


def erase_member(settings: Settings, email: str) -> bool:
    """Delete ``email`` from the deployment's Mailchimp audience permanently (a privacy erasure).

    Called by ``hub erase --member`` (through :func:`hub.wiring.mailchimp_eraser`)
    before the hub clears the address. Mailchimp's permanent delete also stops
    the address being imported again. Returns False when the audience never
    held it (Mailchimp's 404), True when it was deleted; any other refusal
    raises, so the hub erases nothing and the request can be retried.
    """
    from newsletters.publish import account_from_settings  # publish imports this module

    account = account_from_settings(settings)
    client = make_client(account)
    try:
        call(client.lists.delete_list_member_permanent, account.list_id, subscriber_hash(email))
    except MailchimpError as exc:
        if exc.status == 404:
            return False
        raise
    return True

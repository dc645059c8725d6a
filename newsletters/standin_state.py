"""What the Mailchimp stand-in knows and does: campaigns, audience members, batches, reports.

:class:`StandInState` answers one request at a time (method, path, query,
JSON body) with a status and a JSON body in Mailchimp's shapes, including
its error shape ``{"type", "title", "status", "detail", "instance"}``. The
HTTP server (:mod:`newsletters.standin`) and batch operations both go
through :meth:`StandInState.handle`, so a batch's PUT behaves exactly like a
direct PUT.

Rules kept from Mailchimp because the hub relies on them:
- PUT on a member adds it with ``status_if_new`` or updates it; an existing
  member's status changes only if ``status`` is given;
- (re)subscribing a member who unsubscribed or was cleaned is refused with
  "Member In Compliance State";
- unknown merge fields (in member data or campaign content) are refused;
- a sent campaign cannot be changed or sent again; a scheduled one must be
  unscheduled before it is changed;
- a campaign that is not ready is not sent: no subject line, sender name,
  reply-to address or content, or recipients that match no subscribed
  member (400 "Your Campaign is not ready to send.", as Mailchimp answers
  POST /campaigns/{id}/actions/send; GET /campaigns/{id}/send-checklist says
  why with ``is_ready`` and ``items`` of ``type``, ``id``, ``heading`` and
  ``details``, the shape of mailchimp.com/developer/marketing/api/checklist/.
  Mailchimp does not publish the items' words: these are the stand-in's);
- a new member whose address "looks fake or invalid" is refused (400 Invalid
  Resource, "<address> looks fake or invalid, please enter a real email
  address."). Mailchimp publishes no rule for it: the stand-in refuses an
  address that is not one (no single @, no dot in the domain, spaces), a
  domain reserved for examples and tests (RFC 2606/6761: example.com, which
  Mailchimp refused in JustFixNYC/tenants2#1554, and the .test, .example,
  .invalid and .localhost names) and the throwaway-mail domains it was seen
  refusing (yopmail.com in VingtCinq/python-mailchimp#183, trash-mail.com in
  mailchimp/mc-magento2#476). example.org and example.net are accepted only
  because the hub's tests and demo use them: Mailchimp may well refuse them;
- a member left without a value for a required merge field is refused (400
  Invalid Resource, "Your merge fields were invalid.", errors of ``field`` and
  "Please enter a value", as logged in ibericode/mailchimp-for-wordpress#545);
  no field is required in a new audience, so none is unless a test says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsletters.standin_files import FileManager

Reply = tuple[int, Any]

DEFAULT_MERGE_FIELDS = (
    "FNAME",
    "LNAME",
    "ORG",
    "LANGUAGE",
    "REGION",
    "MTYPE",
    "TOPICS",
    "PREFS_URL",
)
BUILTIN_TAGS = {
    "UNSUB",
    "UPDATE_PROFILE",
    "EMAIL",
    "ARCHIVE",
    "MC_PREVIEW_TEXT",
    "MC_SUBJECT",
    "REWARDS",
    "REWARDS_TEXT",
    "ABOUT_LIST",
    "FORWARD",
    "CURRENT_YEAR",
    "UNIQID",
}
BUILTIN_PREFIXES = ("LIST:", "DATE:", "HTML:", "MC:", "IF:", "ELSEIF:", "END:", "ELSE:")
MERGE_TAG = re.compile(r"\*\|([^|*]{1,80})\|\*")
FAKE_DOMAINS = frozenset({"example.com", "yopmail.com", "trash-mail.com"})
RESERVED_TLDS = ("test", "example", "invalid", "localhost")


def looks_fake(email: str) -> bool:
    """Whether the stand-in refuses ``email`` as Mailchimp's "looks fake or invalid"."""
    local, at, domain = email.strip().lower().rpartition("@")
    if not at or not local or "@" in local or any(c.isspace() for c in email.strip()):
        return True
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels):
        return True
    return domain in FAKE_DOMAINS or labels[-1] in RESERVED_TLDS


def subscriber_hash(email: str) -> str:
    """Mailchimp's id of a member: the MD5 of the lower-cased address."""
    return hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()


def problem(status: int, title: str, detail: str, instance: str = "", **extra: Any) -> Reply:
    slug = title.lower().replace(" ", "-")
    body = {
        "type": f"https://mailchimp.com/developer/marketing/docs/errors/#{slug}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    return status, body


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


@dataclass
class Batch:
    id: str
    operations: list[dict[str, Any]]
    status: str = "pending"
    finished: int = 0
    errored: int = 0
    results: list[dict[str, Any]] = field(default_factory=list)
    submitted_at: str = ""
    completed_at: str = ""


class StandInState:
    """The stand-in's memory; every method answers like the Mailchimp Marketing API."""

    def __init__(
        self,
        list_id: str = "standin01",
        merge_fields: tuple[str, ...] = DEFAULT_MERGE_FIELDS,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.list_id = list_id
        self.merge_fields = set(merge_fields)
        self.required_merge_fields: set[str] = set()
        """Merge fields the audience marks required (none in a new audience)."""
        self.clock = clock
        self.members: dict[str, dict[str, Any]] = {}
        self.campaigns: dict[str, dict[str, Any]] = {}
        self.contents: dict[str, dict[str, str]] = {}
        self.tests: list[dict[str, Any]] = []
        self.sends: list[str] = []
        self.confirmations: list[str] = []
        """Addresses sent a double opt-in confirmation (members put in ``pending``)."""
        self.batches: dict[str, Batch] = {}
        self.deleted_permanently: set[str] = set()
        """Subscriber hashes erased for good: Mailchimp refuses to re-import them."""
        self.report_overrides: dict[str, dict[str, Any]] = {}
        self.compliance_hold = False
        from newsletters.standin_files import FileManager  # it answers in this module's shapes

        self.file_manager: FileManager = FileManager(clock)
        self.operations_processed = 0
        self._ids = itertools.count(1)
        # Callable[..., Reply]: each handler takes its path's groups positionally (none to three,
        # as the pattern captures) and query= and body= by keyword; no one signature fits them all
        self._routes: list[tuple[str, re.Pattern[str], Callable[..., Reply]]] = [
            ("GET", re.compile(r"/ping"), self.ping),
            ("POST", re.compile(r"/campaigns"), self.create_campaign),
            ("GET", re.compile(r"/campaigns/(\w+)"), self.get_campaign),
            ("PATCH", re.compile(r"/campaigns/(\w+)"), self.update_campaign),
            ("PUT", re.compile(r"/campaigns/(\w+)/content"), self.set_content),
            ("GET", re.compile(r"/campaigns/(\w+)/content"), self.get_content),
            ("GET", re.compile(r"/campaigns/(\w+)/send-checklist"), self.send_checklist),
            (
                "POST",
                re.compile(r"/campaigns/(\w+)/actions/(test|schedule|unschedule|send)"),
                self.campaign_action,
            ),
            ("GET", re.compile(r"/lists/(\w+)/members"), self.list_members),
            ("GET", re.compile(r"/lists/(\w+)/members/(\w+)"), self.get_member),
            ("PUT", re.compile(r"/lists/(\w+)/members/(\w+)"), self.put_member),
            ("PATCH", re.compile(r"/lists/(\w+)/members/(\w+)"), self.patch_member),
            ("POST", re.compile(r"/lists/(\w+)/members/(\w+)/tags"), self.member_tags),
            (
                "POST",
                re.compile(r"/lists/(\w+)/members/(\w+)/actions/delete-permanent"),
                self.delete_member_permanent,
            ),
            ("GET", re.compile(r"/reports/(\w+)"), self.report),
            ("POST", re.compile(r"/file-manager/files"), self.file_manager.upload),
            ("GET", re.compile(r"/file-manager/files/(\w+)"), self.file_manager.get),
        ]

    def new_id(self) -> str:
        return hashlib.sha1(f"{next(self._ids)}".encode()).hexdigest()[:10]

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> Reply:
        """Answer one API request (``path`` without the ``/3.0`` prefix)."""
        path = "/" + path.strip("/")
        for route_method, pattern, handler in self._routes:
            found = pattern.fullmatch(path)
            if found and route_method == method:
                return handler(*found.groups(), query=query, body=body)
        if any(p.fullmatch(path) for _, p, _ in self._routes):
            return problem(405, "Method Not Allowed", f"{method} is not allowed on {path}", path)
        return problem(
            404, "Resource Not Found", "The requested resource could not be found.", path
        )

    # --- misc -------------------------------------------------------------------------

    def ping(self, **_: Any) -> Reply:
        return 200, {"health_status": "Everything's Chimpy!"}

    def _no_list(self, list_id: str) -> Reply | None:
        if list_id != self.list_id:
            return problem(404, "Resource Not Found", f"No audience with id {list_id}.")
        return None

    # --- campaigns --------------------------------------------------------------------

    def _campaign(self, campaign_id: str) -> dict[str, Any] | None:
        return self.campaigns.get(campaign_id)

    def create_campaign(self, *, body: Any, **_: Any) -> Reply:
        if not isinstance(body, dict) or body.get("type") not in ("regular", "plaintext"):
            return problem(
                400,
                "Invalid Resource",
                "The campaign type is missing or invalid.",
                errors=[{"field": "type", "message": "required"}],
            )
        list_id = (body.get("recipients") or {}).get("list_id")
        if list_id and list_id != self.list_id:
            return problem(400, "Invalid Resource", f"No audience with id {list_id}.")
        campaign_id = self.new_id()
        campaign = {
            "id": campaign_id,
            "web_id": int(campaign_id[:6], 16),
            "type": body["type"],
            "status": "save",
            "create_time": _iso(self.clock()),
            "send_time": "",
            "emails_sent": 0,
            "recipients": body.get("recipients") or {},
            "settings": body.get("settings") or {},
            "tracking": body.get("tracking") or {},
        }
        self.campaigns[campaign_id] = campaign
        return 200, campaign

    def get_campaign(self, campaign_id: str, **_: Any) -> Reply:
        campaign = self._campaign(campaign_id)
        if campaign is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        return 200, campaign

    def _locked(self, campaign: dict[str, Any]) -> Reply | None:
        if campaign["status"] in ("sent", "sending"):
            return problem(400, "Bad Request", "This campaign has already been sent.")
        if campaign["status"] == "schedule":
            return problem(
                400, "Bad Request", "This campaign is scheduled; unschedule it before changing it."
            )
        return None

    def update_campaign(self, campaign_id: str, *, body: Any, **_: Any) -> Reply:
        campaign = self._campaign(campaign_id)
        if campaign is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        refused = self._locked(campaign)
        if refused:
            return refused
        for key in ("recipients", "settings", "tracking"):
            if isinstance(body, dict) and key in body:
                campaign[key] = {**campaign[key], **body[key]}
        return 200, campaign

    def invalid_merge_tags(self, *texts: str) -> list[str]:
        found = {m.group(1).strip() for text in texts for m in MERGE_TAG.finditer(text or "")}
        return sorted(
            tag
            for tag in found
            if tag not in BUILTIN_TAGS
            and tag not in self.merge_fields
            and not tag.startswith(BUILTIN_PREFIXES)
        )

    def set_content(self, campaign_id: str, *, body: Any, **_: Any) -> Reply:
        campaign = self._campaign(campaign_id)
        if campaign is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        refused = self._locked(campaign)
        if refused:
            return refused
        html, text = str(body.get("html") or ""), str(body.get("plain_text") or "")
        invalid = self.invalid_merge_tags(html, text)
        if invalid:
            tags = ", ".join(f"*|{tag}|*" for tag in invalid)
            return problem(
                400,
                "Invalid merge fields",
                f"Your content uses merge fields this audience does not have: {tags}",
            )
        self.contents[campaign_id] = {"html": html, "plain_text": text}
        return 200, {"html": html, "plain_text": text}

    def get_content(self, campaign_id: str, **_: Any) -> Reply:
        if campaign_id not in self.contents:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        return 200, self.contents[campaign_id]

    def checklist_problems(self, campaign: dict[str, Any]) -> list[dict[str, Any]]:
        """The send checklist's errors for a campaign (empty when it is ready)."""
        settings = campaign.get("settings") or {}
        missing = [
            (1, "Subject line", "subject_line", "Your campaign has no subject line."),
            (2, "From name", "from_name", "Your campaign has no sender name."),
            (3, "From email", "reply_to", "Your campaign has no reply-to address."),
        ]
        items = [
            {"type": "error", "id": number, "heading": heading, "details": details}
            for number, heading, key, details in missing
            if not str(settings.get(key) or "").strip()
        ]
        if campaign["id"] not in self.contents:
            missing_content = "Your campaign has no content."
            items.append(
                {"type": "error", "id": 4, "heading": "Content", "details": missing_content}
            )
        if not self.recipients_of(campaign):
            nobody = "Your recipients match no subscribed contact."
            items.append({"type": "error", "id": 5, "heading": "Recipients", "details": nobody})
        return items

    def send_checklist(self, campaign_id: str, **_: Any) -> Reply:
        campaign = self._campaign(campaign_id)
        if campaign is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        items = self.checklist_problems(campaign)
        return 200, {"is_ready": not items, "items": items}

    def campaign_action(self, campaign_id: str, action: str, *, body: Any, **_: Any) -> Reply:
        campaign = self._campaign(campaign_id)
        if campaign is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        if action == "unschedule":
            if campaign["status"] != "schedule":
                return problem(400, "Bad Request", "This campaign is not scheduled.")
            campaign["status"] = "save"
            return 204, None
        if campaign["status"] in ("sent", "sending"):
            return problem(400, "Bad Request", "This campaign has already been sent.")
        if campaign_id not in self.contents:
            return problem(400, "Bad Request", "The campaign has no content yet.")
        if action == "test":
            emails = (body or {}).get("test_emails") or []
            if not emails:
                return problem(400, "Invalid Resource", "test_emails is required.")
            self.tests.append({"campaign_id": campaign_id, "emails": list(emails)})
            return 204, None
        if self.compliance_hold:
            return problem(
                403,
                "Compliance Related",
                "This account is under compliance review and cannot send campaigns.",
            )
        if action == "schedule":
            if campaign["status"] == "schedule":
                return problem(400, "Bad Request", "This campaign is already scheduled.")
            try:
                when = dt.datetime.fromisoformat(str((body or {}).get("schedule_time", "")))
            except ValueError:
                return problem(
                    400,
                    "Invalid Resource",
                    "The resource submitted could not be validated.",
                    errors=[{"field": "schedule_time", "message": "Schedule time is required."}],
                )
            if when.minute % 15 or when.second:
                return problem(
                    400,
                    "Invalid Resource",
                    "Schedule time must be on the quarter-hour (:00, :15, :30, :45).",
                )
            if when <= self.clock():
                return problem(400, "Invalid Resource", "Schedule time must be in the future.")
            campaign["status"], campaign["send_time"] = "schedule", _iso(when)
            return 204, None
        if self.checklist_problems(campaign):
            return problem(400, "Bad Request", "Your Campaign is not ready to send.")
        campaign["status"], campaign["send_time"] = "sent", _iso(self.clock())
        campaign["emails_sent"] = len(self.recipients_of(campaign))
        self.sends.append(campaign_id)
        return 204, None

    def recipients_of(self, campaign: dict[str, Any]) -> list[dict[str, Any]]:
        """Subscribed members matching the campaign's TextMerge ``is`` conditions."""
        conditions = ((campaign.get("recipients") or {}).get("segment_opts") or {}).get(
            "conditions"
        ) or []
        chosen = []
        for member in self.members.values():
            if member["status"] != "subscribed":
                continue
            fields = member["merge_fields"]
            if all(fields.get(c.get("field")) == c.get("value") for c in conditions):
                chosen.append(member)
        return chosen

    def report(self, campaign_id: str, **_: Any) -> Reply:
        campaign = self._campaign(campaign_id)
        if campaign is None or campaign["status"] != "sent":
            return problem(404, "Resource Not Found", "No report: the campaign was not sent.")
        sent = campaign["emails_sent"]
        data = {
            "id": campaign_id,
            "campaign_title": campaign["settings"].get("title", ""),
            "list_id": self.list_id,
            "emails_sent": sent,
            "unsubscribed": sent // 50,
            "send_time": campaign["send_time"],
            "bounces": {
                "hard_bounces": sent // 100,
                "soft_bounces": sent // 40,
                "syntax_errors": 0,
            },
            "opens": {
                "opens_total": sent * 3 // 4,
                "unique_opens": sent * 2 // 5,
                "open_rate": round(0.4 if sent else 0.0, 4),
            },
            "clicks": {
                "clicks_total": sent // 5,
                "unique_clicks": sent // 8,
                "unique_subscriber_clicks": sent // 10,
                "click_rate": round(0.1 if sent else 0.0, 4),
            },
        }
        data.update(self.report_overrides.get(campaign_id, {}))
        return 200, data

    # --- audience ---------------------------------------------------------------------

    def _check_merge_fields(self, fields: Any) -> Reply | None:
        unknown = sorted(set(fields or {}) - self.merge_fields)
        if unknown:
            return problem(
                400,
                "Invalid Resource",
                "Your merge fields were invalid.",
                errors=[
                    {"field": name, "message": "This merge field does not exist."}
                    for name in unknown
                ],
            )
        return None

    def _check_required(self, fields: dict[str, Any]) -> Reply | None:
        empty = sorted(f for f in self.required_merge_fields if not str(fields.get(f) or ""))
        if empty:
            return problem(
                400,
                "Invalid Resource",
                "Your merge fields were invalid.",
                errors=[{"field": name, "message": "Please enter a value"} for name in empty],
            )
        return None

    def _compliance(self, member: dict[str, Any], wanted: str | None) -> Reply | None:
        refused = {"subscribed": ("unsubscribed", "cleaned"), "pending": ("cleaned",)}
        if member["status"] in refused.get(wanted or "", ()):
            return problem(
                400,
                "Member In Compliance State",
                f"{member['email_address']} is already a list member in compliance "
                "state due to unsubscribe, bounce, or compliance review.",
            )
        return None

    def list_members(self, list_id: str, *, query: dict[str, str], **_: Any) -> Reply:
        missing = self._no_list(list_id)
        if missing:
            return missing
        members = sorted(self.members.values(), key=lambda m: (m["last_changed"], m["id"]))
        if query.get("status"):
            members = [m for m in members if m["status"] == query["status"]]
        if query.get("since_last_changed"):
            since = dt.datetime.fromisoformat(query["since_last_changed"])
            members = [m for m in members if dt.datetime.fromisoformat(m["last_changed"]) > since]
        count = min(int(query.get("count", 10)), 1000)
        offset = int(query.get("offset", 0))
        page = members[offset : offset + count]
        return 200, {"members": page, "list_id": list_id, "total_items": len(members)}

    def get_member(self, list_id: str, member_hash: str, **_: Any) -> Reply:
        missing = self._no_list(list_id)
        if missing:
            return missing
        member = self.members.get(member_hash)
        if member is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        return 200, member

    def _touch(self, member: dict[str, Any]) -> None:
        member["last_changed"] = _iso(self.clock())

    def put_member(self, list_id: str, member_hash: str, *, body: Any, **_: Any) -> Reply:
        missing = self._no_list(list_id)
        if missing:
            return missing
        body = body if isinstance(body, dict) else {}
        email = str(body.get("email_address") or "")
        if not email or subscriber_hash(email) != member_hash:
            return problem(
                400, "Invalid Resource", "The email address does not match the subscriber hash."
            )
        refused = self._check_merge_fields(body.get("merge_fields"))
        if refused:
            return refused
        member = self.members.get(member_hash)
        if member is None and member_hash in self.deleted_permanently:
            return problem(  # the real body, as logged in ibericode/mailchimp-for-wordpress#771
                400,
                "Forgotten Email Not Subscribed",
                f"{email} was permanently deleted and cannot be re-imported. "
                "The contact must re-subscribe to get back on the list.",
            )
        fields = {**(member or {}).get("merge_fields", {}), **(body.get("merge_fields") or {})}
        refused = self._check_required(fields)
        if refused:
            return refused
        if member is None and looks_fake(email):
            return problem(
                400,
                "Invalid Resource",
                f"{email} looks fake or invalid, please enter a real email address.",
            )
        if member is None:
            status = body.get("status") or body.get("status_if_new")
            if status not in ("subscribed", "pending", "unsubscribed", "cleaned", "transactional"):
                return problem(
                    400, "Invalid Resource", "status_if_new is required for a new member."
                )
            member = {
                "id": member_hash,
                "email_address": email,
                "unique_email_id": member_hash[:10],
                "list_id": list_id,
                "status": status,
                "merge_fields": {},
                "tags": [],
                "language": "",
                "timestamp_opt": _iso(self.clock()),
            }
            self.members[member_hash] = member
            if status == "pending":
                self.confirmations.append(email)
        else:
            refused = self._compliance(member, body.get("status"))
            if refused:
                return refused
            if body.get("status"):
                self._set_status(member, body["status"])
        member["merge_fields"] = {**member["merge_fields"], **(body.get("merge_fields") or {})}
        if body.get("language"):
            member["language"] = body["language"]
        self._touch(member)
        return 200, member

    def patch_member(self, list_id: str, member_hash: str, *, body: Any, **_: Any) -> Reply:
        missing = self._no_list(list_id)
        if missing:
            return missing
        member = self.members.get(member_hash)
        if member is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        body = body if isinstance(body, dict) else {}
        refused = (
            self._check_merge_fields(body.get("merge_fields"))
            or self._check_required({**member["merge_fields"], **(body.get("merge_fields") or {})})
            or self._compliance(member, body.get("status"))
        )
        if refused:
            return refused
        if body.get("status"):
            self._set_status(member, body["status"])
        member["merge_fields"] = {**member["merge_fields"], **(body.get("merge_fields") or {})}
        self._touch(member)
        return 200, member

    def delete_member_permanent(self, list_id: str, member_hash: str, **_: Any) -> Reply:
        """``POST .../actions/delete-permanent``: gone for good (a privacy erasure)."""
        missing = self._no_list(list_id)
        if missing:
            return missing
        if self.members.pop(member_hash, None) is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        self.deleted_permanently.add(member_hash)
        return 204, None

    def add_subscriber(self, email: str, **merge_fields: str) -> dict[str, Any]:
        """Arrange a subscribed member (as a confirmed sign-up would leave one)."""
        body = {"email_address": email, "status_if_new": "subscribed", "merge_fields": merge_fields}
        status, member = self.put_member(self.list_id, subscriber_hash(email), body=body)
        if status != 200:
            raise ValueError(f"the stand-in refused {email}: {member}")
        return dict(member)

    def _set_status(self, member: dict[str, Any], status: str) -> None:
        if status == "pending" and member["status"] != "pending":
            self.confirmations.append(member["email_address"])
        member["status"] = status

    def confirm(self, email: str) -> None:
        """The member clicked the double opt-in link: pending becomes subscribed."""
        member = self.members[subscriber_hash(email)]
        if member["status"] == "pending":
            member["status"] = "subscribed"
            self._touch(member)

    def member_tags(self, list_id: str, member_hash: str, *, body: Any, **_: Any) -> Reply:
        missing = self._no_list(list_id)
        if missing:
            return missing
        member = self.members.get(member_hash)
        if member is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        names = {t["name"] for t in member["tags"]}
        for tag in (body or {}).get("tags") or []:
            if tag.get("status") == "inactive":
                names.discard(tag["name"])
            else:
                names.add(tag["name"])
        member["tags"] = [{"id": index, "name": n} for index, n in enumerate(sorted(names), 1)]
        return 204, None

    # --- batches ----------------------------------------------------------------------

    def start_batch(self, body: Any) -> Reply:
        operations = (body or {}).get("operations")
        if not isinstance(operations, list):
            return problem(400, "Invalid Resource", "operations is required.")
        batch = Batch(self.new_id(), operations, submitted_at=_iso(self.clock()))
        self.batches[batch.id] = batch
        return 200, self.batch_body(batch, "")

    def run_batch(self, batch_id: str) -> None:
        """Carry out a batch's operations in order, each through :meth:`handle`."""
        batch = self.batches[batch_id]
        batch.status = "started"
        for operation in batch.operations:
            raw = operation.get("body")
            try:
                body = json.loads(raw) if isinstance(raw, str) and raw else raw
            except ValueError:
                status, reply = problem(400, "Invalid Resource", "The body is not valid JSON.")
            else:
                query = {k: str(v) for k, v in (operation.get("params") or {}).items()}
                status, reply = self.handle(
                    str(operation.get("method", "GET")).upper(),
                    str(operation.get("path", "")),
                    query,
                    body,
                )
            batch.finished += 1
            self.operations_processed += 1
            if status >= 400:
                batch.errored += 1
            batch.results.append(
                {
                    "status_code": status,
                    "operation_id": operation.get("operation_id"),
                    "response": json.dumps(reply) if reply is not None else "",
                }
            )
        batch.status, batch.completed_at = "finished", _iso(self.clock())

    def batch_body(self, batch: Batch, results_url: str) -> dict[str, Any]:
        return {
            "id": batch.id,
            "status": batch.status,
            "total_operations": len(batch.operations),
            "finished_operations": batch.finished,
            "errored_operations": batch.errored,
            "submitted_at": batch.submitted_at,
            "completed_at": batch.completed_at,
            "response_body_url": results_url if batch.status == "finished" else "",
        }

"""Members from a CSV file uploaded in the console: every row checked, good rows upserted.

Columns (a header row names them, in any order): ``organisation`` and
``email`` are required; ``contact_name``, ``language``, ``country``,
``member_type`` and ``topics`` (separated by ``;``) may be empty. A row is
matched to a member by e-mail address (case does not matter). A bad row is
refused as a whole, with its line number and what is wrong in words; the
other rows are still imported. The region follows the country when the
hub's country table knows it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.ingest.tags import default_tagger
from hub.core.members.links import topics
from hub.core.models import Member
from hub.web.i18n import _

REQUIRED = ("organisation", "email")
OPTIONAL = ("contact_name", "language", "country", "member_type", "topics")
EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
LIMITS = {"organisation": 300, "contact_name": 200, "email": 320, "member_type": 40}
MAX_ROWS = 20_000


class ImportRefused(Exception):
    """The file as a whole cannot be read (encoding, header); nothing was imported."""


@dataclass
class MemberRow:
    """One checked row, ready to be written."""

    line: int
    organisation: str
    email: str
    contact_name: str | None
    language: str
    country: str | None
    member_type: str | None
    topics: list[str]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    refused: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    """The file's text: UTF-8, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            _("The file is not UTF-8 text (byte %(at)s). Save it as “CSV UTF-8” and try again.")
            % {"at": exc.start + 1}
        ) from None


def email_problem(email: str) -> str | None:
    """What is wrong with an e-mail address, in words; None if it looks usable."""
    if not email:
        return _("the e-mail address is missing")
    if len(email) > LIMITS["email"] or not EMAIL.match(email):
        return _("“%(email)s” is not an e-mail address") % {"email": email}
    return None


def check_row(
    line: int, row: dict[str, str], languages: Sequence[str], known_topics: Iterable[str]
) -> tuple[MemberRow | None, list[str]]:
    """The row as a member, or None and every problem found in it."""
    value = {name: (row.get(name) or "").strip() for name in REQUIRED + OPTIONAL}
    problems = []
    if not value["organisation"]:
        problems.append(_("the organisation is missing"))
    found = email_problem(value["email"])
    if found:
        problems.append(found)
    for name, limit in LIMITS.items():
        if len(value[name]) > limit:
            problems.append(
                _("%(column)s is longer than %(limit)s characters")
                % {"column": name, "limit": limit}
            )
    language = value["language"].lower() or languages[0]
    if language not in languages:
        problems.append(
            _("the language “%(language)s” is not one of %(languages)s")
            % {"language": value["language"], "languages": ", ".join(languages)}
        )
    country = value["country"].upper()
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        problems.append(
            _("the country “%(country)s” is not a two-letter code (ES, BR...)")
            % {"country": value["country"]}
        )
    chosen = [t.strip().lower() for t in value["topics"].split(";") if t.strip()]
    unknown = [t for t in chosen if t not in set(known_topics)]
    if unknown:
        problems.append(_("unknown topics: %(topics)s") % {"topics": ", ".join(unknown)})
    if problems:
        return None, problems
    return MemberRow(
        line=line,
        organisation=value["organisation"],
        email=value["email"],
        contact_name=value["contact_name"] or None,
        language=language,
        country=country or None,
        member_type=value["member_type"] or None,
        topics=list(dict.fromkeys(chosen)),
    ), []


def read_rows(text: str, languages: Sequence[str]) -> tuple[list[MemberRow], list[str]]:
    """The good rows and a sentence per refused row; raises :class:`ImportRefused`."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportRefused(
            _("The first line must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    reader.fieldnames = header
    known = topics()
    rows: list[MemberRow] = []
    refused: list[str] = []
    seen: dict[str, int] = {}
    try:
        for number, raw in enumerate(reader):
            if number >= MAX_ROWS:
                raise ImportRefused(
                    _("The file has more than %(n)s rows; split it.") % {"n": MAX_ROWS}
                )
            line = reader.line_num
            if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
                continue  # a blank line
            row, problems = check_row(line, raw, languages, known)
            if row is not None and row.email.lower() in seen:
                problems = [
                    _("the same e-mail address is on line %(line)s")
                    % {"line": seen[row.email.lower()]}
                ]
                row = None
            if row is None:
                refused.append(
                    _("Line %(line)s: %(problems)s.")
                    % {"line": line, "problems": "; ".join(problems)}
                )
                continue
            seen[row.email.lower()] = line
            rows.append(row)
    except csv.Error as exc:
        raise ImportRefused(
            _("Line %(line)s cannot be read as CSV: %(error)s.")
            % {"line": reader.line_num, "error": exc}
        ) from None
    return rows, refused


def upsert(session: Session, rows: Iterable[MemberRow]) -> tuple[int, int]:
    """Create or update the members of ``rows`` (matched on e-mail); returns (created, updated)."""
    regions = default_tagger().regions
    known = {
        (m.email or "").lower(): m
        for m in session.scalars(select(Member).where(Member.email.is_not(None)))
    }
    created = updated = 0
    for row in rows:
        member = known.get(row.email.lower())
        if member is None:
            member = Member(email=row.email, organisation=row.organisation, topics=[])
            session.add(member)
            known[row.email.lower()] = member
            created += 1
        else:
            updated += 1
        member.organisation = row.organisation
        member.contact_name = row.contact_name
        member.language = row.language
        if row.country != member.country or row.country in regions:
            member.region = regions.get(row.country or "")
        member.country = row.country
        member.member_type = row.member_type
        member.topics = row.topics
    session.flush()
    return created, updated


def import_members(session: Session, data: bytes, languages: Sequence[str]) -> ImportResult:
    """Check every row of the uploaded file and write the good ones, in the caller's transaction."""
    rows, refused = read_rows(decode(data), languages)
    created, updated = upsert(session, rows)
    return ImportResult(created=created, updated=updated, refused=refused)

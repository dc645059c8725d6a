"""The hub's nouns as SQLAlchemy 2.0 typed models.

One item is stored once; every place it went is a :class:`Delivery`. Text
shown in several languages is a JSON object keyed by language code
(``{"en": "...", "es": "..."}``). Times are stored in UTC.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from hub.core.bus.states import (
    DEFAULT_MAX_ATTEMPTS,
    AttemptOutcome,
    DeliveryKind,
    DeliveryStatus,
    sql_in,
)
from hub.core.clock import clock_in, clock_of
from hub.core.clock import utcnow as utcnow  # the machine's clock, where callers took it from

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Translations = dict[str, str]
"""Text by language code, e.g. ``{"en": "Award", "es": "Premio"}``."""


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment in time, always handed back as an aware UTC datetime.

    SQLite keeps no time zone: values are stored as naive UTC and made aware
    again on the way out, so comparisons behave the same on both databases.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware UTC datetime")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        dict[str, str]: JSON,
        list[str]: JSON,
        list[int]: JSON,
        dt.datetime: UTCDateTime(),
    }


def stamp(context: Any) -> dt.datetime:
    """A row's own time stamp (a column default, ``onupdate``): the time on the clock of
    the engine the row is written through (:mod:`hub.core.clock`), not the machine's."""
    return clock_in(getattr(context, "execution_options", None))()


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(default=stamp, server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=stamp, server_default=func.now(), onupdate=stamp
    )


# --- people ---------------------------------------------------------------------------


class User(Timestamped, Base):
    """A person of the secretariat who signs in to the console."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="editor")
    language: Mapped[str] = mapped_column(String(5), default="en", server_default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[dt.datetime | None]
    # the second factor (hub.web.twofactor): TOTP secret (None: off), the time step of
    # the last code accepted (never twice), SHA-256 hashes of the recovery codes left
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    recovery_codes: Mapped[list[str] | None] = mapped_column(JSON)


class Member(Timestamped, Base):
    """An organisation of the network and its contact person."""

    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation: Mapped[str] = mapped_column(String(300))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    language: Mapped[str] = mapped_column(String(2), default="en")
    country: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(40))
    member_type: Mapped[str | None] = mapped_column(String(40))
    topics: Mapped[list[str]] = mapped_column(default=list)
    slack_user_id: Mapped[str | None] = mapped_column(String(40), index=True)
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    preferred_platform: Mapped[str | None] = mapped_column(String(20))
    newsletter_status: Mapped[str | None] = mapped_column(String(20))
    channels: Mapped[list[str] | None]
    """The platforms the member wants news on (``slack``, ``telegram``, ``email``); None: all."""
    last_seen_at: Mapped[dt.datetime | None]
    """When the member last wrote to the hub (a question, a submission, their preferences page)."""
    erased_at: Mapped[dt.datetime | None]
    digest: Mapped[str | None] = mapped_column(String(10))
    """The member's personal digest period (``day``, ``week``, ``month``); None: no digest."""
    timezone: Mapped[str | None] = mapped_column(String(64))
    """The member's IANA time zone (their choice or their platform's); None: the deployment's."""


# --- what comes in --------------------------------------------------------------------


class Source(Timestamped, Base):
    """A place news comes from; configured sources are mirrored here with their status."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(String(300))
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    interval_minutes: Mapped[int] = mapped_column(Integer, default=15)
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_fetched_at: Mapped[dt.datetime | None]
    last_success_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_problems: Mapped[list[str]] = mapped_column(default=list)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    next_fetch_at: Mapped[dt.datetime | None]
    owner_told_failing: Mapped[bool] = mapped_column(Boolean, default=False)


class Item(Timestamped, Base):
    """One piece of news, stored once whatever number of places it came from."""

    __tablename__ = "items"
    # The dashboard's items per source and day, read for its 30 days only.
    __table_args__ = (
        Index("ix_items_created_at_source_id", "created_at", "source_id"),
        Index("ix_items_source_id_status", "source_id", "status"),  # /metrics' items
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(500))
    link: Mapped[str | None] = mapped_column(Text)
    link_key: Mapped[str | None] = mapped_column(String(500), index=True)
    summary_html: Mapped[str] = mapped_column(Text, default="")
    summary_text: Mapped[str] = mapped_column(Text, default="")
    image_url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(2))
    tags: Mapped[list[str]] = mapped_column(default=list)
    countries: Mapped[list[str]] = mapped_column(default=list)
    regions: Mapped[list[str]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[dt.datetime | None]
    approved_at: Mapped[dt.datetime | None]
    approved_by: Mapped[str | None] = mapped_column(String(320))
    decline_reason: Mapped[str | None] = mapped_column(Text)
    origins: Mapped[list[ItemOrigin]] = relationship(back_populates="item")
    translations: Mapped[list[ItemTranslation]] = relationship(
        back_populates="item", cascade="all, delete-orphan"
    )


class ItemPicture(Base):
    """An item's picture, fetched once from ``items.image_url`` through the SSRF guard.

    ``data`` is the re-encoded picture (:func:`hub.core.pictures.prepare`: no EXIF,
    at most 4096 pixels a side), or NULL with ``error`` saying why there is none
    (not fetched, not an image, a decompression bomb); the posts then go as text.
    ``source_url`` is the URL it came from: a new ``image_url`` is fetched again.
    ``alt`` is the description people with screen readers hear (from the feed, the
    submitter or a moderator; the title when empty). Kept in the database, not in a
    folder: a backup of the database is a backup of the pictures, and every worker on
    every machine reads the same rows.
    """

    __tablename__ = "item_pictures"
    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    source_url: Mapped[str] = mapped_column(Text)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    mime: Mapped[str | None] = mapped_column(String(40))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    alt: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[dt.datetime | None]


class PictureUpload(Base):
    """Where a platform keeps its own copy of an item's picture, uploaded once.

    The newsletter's pictures go to Mailchimp's file manager when an edition is
    pushed; the URL it answers is kept here, so a second push or a later edition
    uses it instead of uploading again. ``source_url`` is the item's ``image_url``
    the picture came from: once the item has another, the upload no longer counts.
    ``width`` and ``height`` are the uploaded copy's.
    """

    __tablename__ = "picture_uploads"
    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    target: Mapped[str] = mapped_column(String(40), primary_key=True)
    source_url: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[dt.datetime]


class ItemOrigin(Base):
    """Where an item was seen: a feed entry, a Slack or Telegram submission, a form."""

    __tablename__ = "item_origins"
    __table_args__ = (UniqueConstraint("source_id", "external_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(500))
    platform: Mapped[str | None] = mapped_column(String(20))
    reply_to: Mapped[str | None] = mapped_column(String(200))
    seen_at: Mapped[dt.datetime] = mapped_column(default=stamp, server_default=func.now())
    language: Mapped[str | None] = mapped_column(String(2))
    """Set when this origin's entry is the item's translation into that language (0012)."""
    item: Mapped[Item] = relationship(back_populates="origins")


class ItemTranslation(Base):
    """An item's title and summary in another language."""

    __tablename__ = "item_translations"
    __table_args__ = (UniqueConstraint("item_id", "language"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(2))
    title: Mapped[str] = mapped_column(String(500))
    summary_html: Mapped[str] = mapped_column(Text, default="")
    summary_text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str | None] = mapped_column(String(64))
    """The fingerprint of the feed entry it came from; None when a person wrote it (0012)."""
    link: Mapped[str | None] = mapped_column(Text)
    """The story's page in this language, when the entry it came from had one (0012)."""
    machine: Mapped[str | None] = mapped_column(String(40))
    """The engine that drafted it (``libretranslate``...): a machine translation, shown
    as such; None when a person wrote it or it came from a feed (0013)."""
    item: Mapped[Item] = relationship(back_populates="translations")


@event.listens_for(Session, "before_flush")
def _translation_changes_item(session: Session, _context: Any, _instances: Any) -> None:
    """A translation added, edited or removed is a change of its item: ``updated_at`` moves,
    so whatever is keyed on it (the news feeds' ETag and Last-Modified) sees the new text."""
    items: dict[int, Item] = {}
    for row in (*session.new, *session.dirty, *session.deleted):
        if not isinstance(row, ItemTranslation):
            continue
        if row in session.dirty and not session.is_modified(row):
            continue  # a value set to what it already was
        owners = [row.item, *inspect(row).attrs.item.history.deleted]  # moved or orphaned too
        if row.item is None and row.item_id is not None:  # added by id, not by relationship
            owners.append(session.get(Item, row.item_id))
        items.update((id(owner), owner) for owner in owners if isinstance(owner, Item))
    if not items:
        return
    now = clock_of(session.get_bind(Item))()
    for item in items.values():
        item.updated_at = now


# --- what goes out --------------------------------------------------------------------


class Channel(Timestamped, Base):
    """A place the hub posts to; configured channels are mirrored here."""

    __tablename__ = "channels"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    platform: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(2))
    mode: Mapped[str] = mapped_column(String(20), default="immediate")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class Route(Base):
    """A routing rule as configured (mirrored for the console and the delivery ledger)."""

    __tablename__ = "routes"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    match: Mapped[dict[str, Any]] = mapped_column(default=dict)
    channels: Mapped[list[str]] = mapped_column(default=list)
    mode: Mapped[str | None] = mapped_column(String(20))


EDIT_KINDS = (DeliveryKind.CORRECTION.value, DeliveryKind.RETRACTION.value)
"""Deliveries that edit or remove a message already posted."""
EDITS = f"kind IN ({', '.join(repr(k) for k in EDIT_KINDS)})"
"""The partial index ``ix_deliveries_edits``'s terms."""


class Delivery(Base):
    """One message to one channel: the outbox row the workers claim.

    ``status`` and ``kind`` take the values of :mod:`hub.core.bus.states`, which draws
    the transitions (every one of them done by :mod:`hub.core.bus.outbox`).
    ``error_kind`` says why the last attempt failed (an error class such as
    ``RateLimited``), ``last_error`` the platform's words. ``leased_by``
    (``"<worker>/<batch>"``) is the fencing token of the current lease: a worker records
    a result only while the row still carries its own token, so one whose lease was
    taken over cannot overwrite the new owner's.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("item_id", "channel_id"),
        UniqueConstraint("dedup_key"),
        Index("ix_deliveries_status_due_at", "status", "due_at"),
        Index("ix_deliveries_status_lease_until", "status", "lease_until"),
        # The console's sent figures (today, the last hour, the days not sealed yet) read
        # sent rows by time from this index alone. Rows enter it when they are sent (the
        # claim, with sent_at still NULL, never touches it); status leads because SQLite's
        # planner otherwise prefers the status index, and is no predicate because
        # PostgreSQL would then drop it from the index condition and read every entry.
        Index(
            "ix_deliveries_sent",
            "status",
            "sent_at",
            "channel_id",
            "kind",
            postgresql_where=text("sent_at IS NOT NULL"),
            sqlite_where=text("sent_at IS NOT NULL"),
        ),
        # An item's page finds its corrections and retractions (item_id NULL, the item in
        # the dedup key) among these few rows, not the whole ledger.
        Index(
            "ix_deliveries_edits",
            "dedup_key",
            postgresql_where=text(EDITS),
            sqlite_where=text(EDITS),
        ),
        CheckConstraint(sql_in("status", DeliveryStatus), name="status"),
        CheckConstraint(sql_in("kind", DeliveryKind), name="kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), default=DeliveryKind.ITEM)
    dedup_key: Mapped[str | None] = mapped_column(String(200))
    route: Mapped[str | None] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(20), default="immediate")
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=DEFAULT_MAX_ATTEMPTS)
    due_at: Mapped[dt.datetime] = mapped_column(default=stamp, server_default=func.now())
    lease_until: Mapped[dt.datetime | None]
    leased_by: Mapped[str | None] = mapped_column(String(100))
    platform_message_id: Mapped[str | None] = mapped_column(Text)
    """The platform's id for the message; for a thread, every part's id, space-separated
    (``hub.core.ports.part_ids``), written part by part while it is posted."""
    last_error: Mapped[str | None] = mapped_column(Text)
    error_kind: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(default=stamp, server_default=func.now())
    sent_at: Mapped[dt.datetime | None]


def _channel_of_delivery(context: Any) -> int | None:
    """An attempt inserted without ``channel_id`` takes its delivery's."""
    delivery_id = context.get_current_parameters().get("delivery_id")
    query = select(Delivery.channel_id).where(Delivery.id == delivery_id)
    found = context.connection.scalar(query)
    return int(found) if found is not None else None


class DeliveryAttempt(Base):
    """One try at a delivery: when, how long, and what happened."""

    __tablename__ = "delivery_attempts"
    __table_args__ = (
        CheckConstraint(sql_in("outcome", AttemptOutcome), name="outcome"),
        # A channel's latest attempt (the Channels page's state) is one index lookup.
        Index("ix_delivery_attempts_channel_id_id", "channel_id", "id"),
        # Failures and rate limits by time: a successful attempt never enters it.
        Index(
            "ix_delivery_attempts_unsuccessful",
            "finished_at",
            postgresql_where=text("outcome <> 'sent'"),
            sqlite_where=text("outcome <> 'sent'"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(Integer, index=True)
    """No foreign key: a trigger removes a removed delivery's attempts (migration 0026)."""
    channel_id: Mapped[int] = mapped_column(Integer, default=_channel_of_delivery)
    """The delivery's channel, copied at insert (the outbox passes it; else it is looked up).
    No foreign key of its own: the delivery's tie it to the channel (migration 0025)."""
    attempt: Mapped[int] = mapped_column(Integer)
    worker: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime]
    outcome: Mapped[str] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)


class DeliveryDay(Base):
    """One UTC day of one channel's ledger, per kind: written once the day is over.

    ``sent`` counts deliveries sent that day (by ``sent_at``), ``failed`` deliveries with
    an attempt that gave up that day (each once), ``rate_limited`` attempts a platform
    answered with a rate limit. :mod:`hub.core.bus.ledger_days` seals the days and reads
    them with the open days' rows.
    """

    __tablename__ = "delivery_days"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    rate_limited: Mapped[int] = mapped_column(Integer, default=0)


class LedgerSeal(Base):
    """How far :class:`DeliveryDay` reaches: every UTC day up to ``through`` is in it."""

    __tablename__ = "ledger_seals"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    through: Mapped[dt.date] = mapped_column(Date)


class RateBucket(Base):
    """A token bucket shared by every worker of a deployment (one row per limit key)."""

    __tablename__ = "rate_buckets"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[dt.datetime]
    paused_until: Mapped[dt.datetime | None]


class ScheduledRun(Base):
    """A periodic job that has fired for a period; the unique pair makes it fire once."""

    __tablename__ = "scheduled_runs"
    __table_args__ = (UniqueConstraint("job", "period_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(100))
    period_key: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[dt.datetime] = mapped_column(default=stamp, server_default=func.now())
    finished_at: Mapped[dt.datetime | None]
    outcome: Mapped[str | None] = mapped_column(Text)


# --- knowledge ------------------------------------------------------------------------


class ConsoleEdited:
    """Who last wrote a knowledge record in the console, and when (migration 0009).

    Set on every console create or edit; ``hub knowledge load`` keeps such a row
    instead of overwriting it with the seed files' version.
    """

    edited_at: Mapped[dt.datetime | None]
    edited_by: Mapped[str | None] = mapped_column(String(320))


class Event(Timestamped, ConsoleEdited, Base):
    """A dated event: a conference, a seminar, an assembly, an external meeting.

    ``date_precision`` says how much of ``starts_on`` the source knew: ``day``,
    ``month`` (the day is the 1st) or ``year``.
    """

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    number: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[dict[str, str]] = mapped_column(default=dict)
    theme: Mapped[dict[str, str]] = mapped_column(default=dict)
    description: Mapped[dict[str, str]] = mapped_column(default=dict)
    starts_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10), default="day")
    time: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(2))
    venue: Mapped[str | None] = mapped_column(String(300))
    organiser: Mapped[str | None] = mapped_column(String(300))
    organiser_names: Mapped[dict[str, str]] = mapped_column(default=dict, server_default="{}")
    """The organiser in the other languages, ``organiser`` being its English name (0024)."""
    url: Mapped[str | None] = mapped_column(Text)
    topics: Mapped[list[str]] = mapped_column(default=list)
    source_doc: Mapped[str | None] = mapped_column(String(200))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    external_uid: Mapped[str | None] = mapped_column(String(500))
    translated: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    """Languages of its texts a machine or the hub translated, not a person (0024)."""


class Award(Timestamped, ConsoleEdited, Base):
    """One edition of an award (the IOPD Distinction for Best Practice...)."""

    __tablename__ = "awards"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    edition: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[dict[str, str]] = mapped_column(default=dict)
    description: Mapped[dict[str, str]] = mapped_column(default=dict)
    url: Mapped[str | None] = mapped_column(Text)
    source_doc: Mapped[str | None] = mapped_column(String(200))
    translated: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    """Languages of its texts a machine or the hub translated, not a person (0024)."""
    steps: Mapped[list[AwardStep]] = relationship(
        back_populates="award", cascade="all, delete-orphan", order_by="AwardStep.starts_on"
    )


class AwardStep(ConsoleEdited, Base):
    """A dated step of an award edition: preparation, call, evaluation, results."""

    __tablename__ = "award_steps"
    __table_args__ = (UniqueConstraint("award_id", "step"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    award_id: Mapped[str] = mapped_column(ForeignKey("awards.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(40))
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10), default="day")
    description: Mapped[dict[str, str]] = mapped_column(default=dict)
    source_doc: Mapped[str | None] = mapped_column(String(200))
    translated: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    """Languages of its texts a machine or the hub translated, not a person (0024)."""
    award: Mapped[Award] = relationship(back_populates="steps")


class KnowledgeEntry(Timestamped, ConsoleEdited, Base):
    """Undated knowledge: a regional office, a working group, a priority, an FAQ answer."""

    __tablename__ = "knowledge_entries"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[dict[str, str]] = mapped_column(default=dict)
    body: Mapped[dict[str, str]] = mapped_column(default=dict)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    source_doc: Mapped[str | None] = mapped_column(String(200))


# --- newsletter and assistant ---------------------------------------------------------


class NewsletterEdition(Timestamped, Base):
    """One edition of the newsletter in one language."""

    __tablename__ = "newsletter_editions"
    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(String(2))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    subject: Mapped[str | None] = mapped_column(String(300))
    intro: Mapped[str] = mapped_column(Text, default="")
    item_order: Mapped[list[int]] = mapped_column(default=list)
    approved_by: Mapped[str | None] = mapped_column(String(320))
    mailchimp_campaign_id: Mapped[str | None] = mapped_column(String(100))
    scheduled_for: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    report: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Question(Timestamped, Base):
    """A member's question to the assistant, and the secretariat's reply if handed off."""

    __tablename__ = "questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    platform: Mapped[str] = mapped_column(String(20))
    reply_to: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(2))
    intent: Mapped[str | None] = mapped_column(String(60))
    confidence: Mapped[float | None] = mapped_column(Float)
    answer: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[list[str]] = mapped_column(default=list)
    handoff: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="answered", index=True)
    reply_text: Mapped[str | None] = mapped_column(Text)
    replied_by: Mapped[str | None] = mapped_column(String(320))
    replied_at: Mapped[dt.datetime | None]


class MailboxMessage(Timestamped, Base):
    """One message a ``mailbox`` source read, kept so it is read once and answered in thread.

    ``(source_id, uidvalidity, uid)`` is the IMAP server's name for the message (RFC 3501
    2.3.1.1: a UID means the same message while the folder's UIDVALIDITY stays the same);
    ``message_id`` catches the same message met again under a new UIDVALIDITY. ``outcome``
    says what the hub made of it (``item``, ``question``, ``held``, ``ignored``,
    ``refused``) and ``reason`` why, in words the secretariat reads on the source's page.
    ``references`` is the thread a reply continues (RFC 5322 3.6.4).
    """

    __tablename__ = "mailbox_messages"
    __table_args__ = (UniqueConstraint("source_id", "uidvalidity", "uid"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(500), index=True)
    sender: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(String(500))
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    references: Mapped[str | None] = mapped_column(Text)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"), index=True
    )


class Reminder(Base):
    """A member's request to be reminded of a dated record, sent where they asked from."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_status_remind_at", "status", "remind_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    platform: Mapped[str] = mapped_column(String(20))
    reply_to: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2))
    record_id: Mapped[str] = mapped_column(String(120))
    label: Mapped[str] = mapped_column(Text)
    when_text: Mapped[str] = mapped_column(String(200))
    remind_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(20), default="pending")
    sent_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=stamp, server_default=func.now())


# --- platform ingress -----------------------------------------------------------------


class InboxEvent(Base):
    """An event a platform sent the hub (a Slack event, a Telegram update), kept
    durably before the platform is answered and processed by the inbox worker.

    ``status`` moves pending -> done, or -> failed with ``next_attempt_at`` for a
    retry (``dead`` after the last attempt). The (platform, event_key) pair makes
    a platform's retry of the same event a no-op.
    """

    __tablename__ = "inbox_events"
    __table_args__ = (
        UniqueConstraint("platform", "event_key"),
        Index("ix_inbox_events_status_next_attempt_at", "status", "next_attempt_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    event_key: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[dt.datetime]
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[dt.datetime]
    lease_until: Mapped[dt.datetime | None]
    processed_at: Mapped[dt.datetime | None]


class BotConversation(Base):
    """A multi-step conversation with a member in one chat (the ``/submit`` form),
    kept in the database so a restart does not lose it."""

    __tablename__ = "bot_conversations"
    __table_args__ = (UniqueConstraint("platform", "chat_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    chat_key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    step: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[dt.datetime]


# --- machine translation --------------------------------------------------------------


class TranslationCacheEntry(Base):
    """What an engine made of one text, so no text is paid for twice.

    ``text_hash`` is the SHA-256 of the text as sent (its glossary terms already
    placeholders), so the key is (text, source, target, engine).
    """

    __tablename__ = "translation_cache"
    __table_args__ = (UniqueConstraint("text_hash", "source", "target", "engine"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(8))
    target: Mapped[str] = mapped_column(String(8))
    engine: Mapped[str] = mapped_column(String(40))
    translation: Mapped[str] = mapped_column(Text)
    characters: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=stamp, server_default=func.now())

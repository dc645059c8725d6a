"""The REST API's bodies as pydantic models: what it answers and what it takes.

The OpenAPI document's ``components.schemas`` are these models' JSON Schemas
(pydantic writes JSON Schema 2020-12, the dialect of OpenAPI 3.1), and every
response is one of these models dumped as JSON, so the document and the
responses cannot drift apart; the tests check each response against the
document all the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    """A request body: unknown fields are refused, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class DeliveryOut(BaseModel):
    """One message to one channel, and how it went."""

    id: int
    item_id: int | None
    channel: str = Field(description="The channel's key in hub.toml.")
    kind: str = Field(description="item, roundup, alert, reply, correction or retraction.")
    status: str = Field(description="pending, in_flight, held, sent, failed or dead.")
    attempts: int
    max_attempts: int
    due_at: dt.datetime
    sent_at: dt.datetime | None
    platform_message_id: str | None
    error_kind: str | None
    last_error: str | None
    url: str | None = Field(description="Where the sent message can be seen, if anywhere.")


class ItemOut(BaseModel):
    """One piece of news."""

    id: int
    title: str
    summary_html: str = Field(description="Sanitised HTML.")
    summary_text: str
    link: str | None
    image_url: str | None
    language: str | None
    tags: list[str]
    countries: list[str]
    regions: list[str]
    status: Literal["pending", "approved", "declined", "retracted"]
    source: str | None = Field(description="The key of the source it first came from.")
    published_at: dt.datetime | None
    approved_at: dt.datetime | None
    approved_by: str | None
    decline_reason: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class ItemDetail(ItemOut):
    """One item with every delivery it has (its corrections and retractions included)."""

    deliveries: list[DeliveryOut]


class ItemList(BaseModel):
    items: list[ItemOut]
    next: str | None = Field(description="The address of the next (older) page, if any.")


class ItemCreate(Body):
    """News handed to the hub as one of its configured sources people write into."""

    source: str = Field(description="A source of kind console or web (see GET /sources).")
    title: str = Field(max_length=500)
    text: str = Field(default="", description="Plain text; blank lines separate paragraphs.")
    link: str | None = None
    image_url: str | None = None
    language: str | None = Field(default=None, description="One of the hub's languages.")


class ItemCreated(BaseModel):
    item: ItemOut
    outcome: Literal["created", "merged", "unchanged"] = Field(
        description="created; merged (the same story was already in the hub: this became "
        "one more origin of it); unchanged (the same submission was already received)."
    )


class Decline(Body):
    reason: str = Field(default="", max_length=2000)


class DeliveryList(BaseModel):
    deliveries: list[DeliveryOut]
    next: str | None


class EventOut(BaseModel):
    """A dated event of the knowledge base."""

    id: str
    kind: str
    number: int | None
    name: dict[str, str] = Field(description="The name by language code.")
    description: dict[str, str]
    starts_on: dt.date | None
    ends_on: dt.date | None
    date_precision: Literal["day", "month", "year"]
    time: str | None
    city: str | None
    country: str | None
    venue: str | None
    organiser: str | None
    url: str | None
    from_calendar: bool = Field(description="True when a calendar feed supplies it.")


class EventList(BaseModel):
    events: list[EventOut]


class EventCreate(Body):
    """A new event, checked by the same rules as the console's form."""

    id: str | None = Field(default=None, description="Made from the English name if omitted.")
    kind: str
    name: dict[str, str] = Field(description="By language code; English is required.")
    description: dict[str, str] = Field(default_factory=dict)
    number: int | None = None
    starts_on: str | None = Field(
        default=None, description="2026-11-20, or 2026-11 / 2026 with date_precision."
    )
    ends_on: str | None = None
    date_precision: Literal["day", "month", "year"] = "day"
    time: str | None = Field(default=None, description="18:30 or 18:30-20:00.")
    city: str | None = None
    country: str | None = Field(default=None, description="Two-letter country code.")
    venue: str | None = None
    organiser: str | None = None
    url: str | None = None


class QuestionOut(BaseModel):
    """A member's question to the assistant, and the secretariat's reply if handed off."""

    id: int
    platform: str
    text: str
    language: str | None
    answer: str | None
    handoff: bool
    status: str = Field(description="answered, open (waits for the secretariat) or replied.")
    reply_text: str | None
    replied_by: str | None
    replied_at: dt.datetime | None
    created_at: dt.datetime


class QuestionList(BaseModel):
    questions: list[QuestionOut]
    next: str | None


class Answer(Body):
    reply: str = Field(min_length=1, max_length=4000)


class ChannelOut(BaseModel):
    key: str
    platform: str
    target: str
    language: str | None
    mode: str
    enabled: bool


class ChannelList(BaseModel):
    channels: list[ChannelOut]


class SourceOut(BaseModel):
    key: str
    kind: str
    url: str | None
    title: str | None
    trusted: bool
    enabled: bool
    last_success_at: dt.datetime | None
    last_error: str | None
    consecutive_failures: int


class SourceList(BaseModel):
    sources: list[SourceOut]


class ProblemOut(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[dict[str, str]] | None = Field(
        default=None, description="For a body that fails validation: one per field."
    )


MODELS: list[type[BaseModel]] = [
    ItemOut,
    ItemDetail,
    ItemList,
    ItemCreate,
    ItemCreated,
    Decline,
    DeliveryOut,
    DeliveryList,
    EventOut,
    EventList,
    EventCreate,
    QuestionOut,
    QuestionList,
    Answer,
    ChannelOut,
    ChannelList,
    SourceOut,
    SourceList,
    ProblemOut,
]

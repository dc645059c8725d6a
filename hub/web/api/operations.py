"""Every endpoint of the REST API, as one table: the routes and the OpenAPI document
are both made from it (:func:`hub.web.api.create_api`, :mod:`hub.web.api.openapi`)."""

from __future__ import annotations

from hub.web.api import items_api as items
from hub.web.api import records_api as records
from hub.web.api import schemas as s
from hub.web.api.framework import PAGE_BEFORE, PAGE_LIMIT, Operation, Query

PROBLEMS_READ = {401: s.ProblemOut, 403: s.ProblemOut, 429: s.ProblemOut}
NOT_FOUND = {404: s.ProblemOut}
INVALID = {415: s.ProblemOut, 422: s.ProblemOut}

OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "GET",
        "/items",
        "listItems",
        "List items, newest first",
        items.list_items,
        "read",
        {200: s.ItemList, 422: s.ProblemOut, **PROBLEMS_READ},
        query=(
            Query(
                "status",
                "pending, approved, declined or retracted.",
                {"type": "string", "enum": list(items.ITEM_STATUSES)},
            ),
            Query("source", "A source's key."),
            Query("language", "A language code (en, es...)."),
            Query("tag", "A topic tag."),
            Query("region", "A region code."),
            PAGE_BEFORE,
            PAGE_LIMIT,
        ),
    ),
    Operation(
        "POST",
        "/items",
        "createItem",
        "Hand the hub a piece of news as one of its sources",
        items.create_item,
        "write",
        {201: s.ItemCreated, 200: s.ItemCreated, **INVALID, **PROBLEMS_READ},
        body=s.ItemCreate,
        description="As the console's form: the text is cleaned, its language detected and "
        "tagged, a story already in the hub gets one more origin (200, outcome merged), and "
        "a trusted source's item is approved and routed at once.",
    ),
    Operation(
        "GET",
        "/items/{item_id}",
        "getItem",
        "Read one item with its deliveries",
        items.read_item,
        "read",
        {200: s.ItemDetail, **NOT_FOUND, **PROBLEMS_READ},
    ),
    Operation(
        "POST",
        "/items/{item_id}/approve",
        "approveItem",
        "Approve an item: its deliveries are written at once",
        items.approve_item,
        "moderate",
        {200: s.ItemDetail, 409: s.ProblemOut, **NOT_FOUND, **PROBLEMS_READ},
    ),
    Operation(
        "POST",
        "/items/{item_id}/decline",
        "declineItem",
        "Decline an item with a reason the member is told",
        items.decline_item,
        "moderate",
        {200: s.ItemDetail, 409: s.ProblemOut, **INVALID, **NOT_FOUND, **PROBLEMS_READ},
        body=s.Decline,
    ),
    Operation(
        "GET",
        "/deliveries",
        "listDeliveries",
        "List deliveries, newest first (admins)",
        items.list_deliveries,
        "read",
        {200: s.DeliveryList, 422: s.ProblemOut, **PROBLEMS_READ},
        admin_role=True,
        query=(
            Query(
                "status",
                "pending, in_flight, held, sent, failed or dead.",
                {"type": "string", "enum": list(items.DELIVERY_STATUSES)},
            ),
            Query("channel", "A channel's key."),
            Query("item", "An item's id.", {"type": "integer"}),
            PAGE_BEFORE,
            PAGE_LIMIT,
        ),
    ),
    Operation(
        "GET",
        "/deliveries/{delivery_id}",
        "getDelivery",
        "Read one delivery (admins)",
        items.read_delivery,
        "read",
        {200: s.DeliveryOut, **NOT_FOUND, **PROBLEMS_READ},
        admin_role=True,
    ),
    Operation(
        "POST",
        "/deliveries/{delivery_id}/retry",
        "retryDelivery",
        "Send a failed or dead delivery again (admins)",
        items.retry_delivery,
        "admin",
        {200: s.DeliveryOut, 409: s.ProblemOut, **NOT_FOUND, **PROBLEMS_READ},
        admin_role=True,
    ),
    Operation(
        "GET",
        "/events",
        "listEvents",
        "List the knowledge base's events by date",
        records.list_events,
        "read",
        {200: s.EventList, 422: s.ProblemOut, **PROBLEMS_READ},
        query=(
            Query(
                "from",
                "Only events starting on this day or later.",
                {"type": "string", "format": "date"},
            ),
        ),
    ),
    Operation(
        "POST",
        "/events",
        "createEvent",
        "Add an event to the knowledge base",
        records.create_event,
        "write",
        {201: s.EventOut, **INVALID, **PROBLEMS_READ},
        body=s.EventCreate,
    ),
    Operation(
        "GET",
        "/questions",
        "listQuestions",
        "List members' questions to the assistant, newest first",
        records.list_questions,
        "read",
        {200: s.QuestionList, 422: s.ProblemOut, **PROBLEMS_READ},
        query=(
            Query(
                "status",
                "answered, open (waits for the secretariat) or replied.",
                {"type": "string", "enum": list(records.QUESTION_STATUSES)},
            ),
            Query("handoff", "true: only those handed to the secretariat.", {"type": "boolean"}),
            PAGE_BEFORE,
            PAGE_LIMIT,
        ),
    ),
    Operation(
        "POST",
        "/questions/{question_id}/answer",
        "answerQuestion",
        "Reply to a handed-off question; the member gets the reply",
        records.answer_question,
        "write",
        {200: s.QuestionOut, 409: s.ProblemOut, **INVALID, **NOT_FOUND, **PROBLEMS_READ},
        body=s.Answer,
    ),
    Operation(
        "GET",
        "/channels",
        "listChannels",
        "List the channels the hub posts to (admins)",
        records.list_channels,
        "read",
        {200: s.ChannelList, **PROBLEMS_READ},
        admin_role=True,
    ),
    Operation(
        "GET",
        "/sources",
        "listSources",
        "List the sources news comes from (admins)",
        records.list_sources,
        "read",
        {200: s.SourceList, **PROBLEMS_READ},
        admin_role=True,
    ),
)

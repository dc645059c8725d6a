"""Rows kept from before the inputs refused bad text do not take the console or the API down.

A JSON column (an item's ``tags``, an event's ``name``, a knowledge entry's ``body``)
stores a lone surrogate (``"\\ud800"``) as the escape JSON writes for it and reads it
back as a lone surrogate, which no UTF-8 encoder writes: every signed-in page and API
answer holding such a row failed with a 500 (/items, /knowledge, /api/v1/events...).
Each response is now written where it is built (:meth:`hub.web.page.Page.render`,
:class:`hub.web.api.framework.WritableJSON`) with the lone surrogate as U+FFFD.

The rows are written directly, as an old release or a hand-made SQL statement left them,
and every GET route of the console and of the API is asked for, with its path filled in
from those rows: a page added later is covered without naming it here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, select
from starlette.routing import Route

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.members.links import preferences_token
from hub.core.models import (
    Award,
    AwardStep,
    Channel,
    Delivery,
    Event,
    Item,
    KnowledgeEntry,
    Member,
    NewsletterEdition,
    Question,
    User,
)
from hub.web.api import PREFIX as API
from hub.web.api.operations import OPERATIONS
from hub.web.api.tokens import create_token
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    example_settings,
)

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
LONE, LOW = "\ud800", "\udfff"  # a high surrogate with no low one after it, and the reverse
ADMIN, PASSWORD = "admin@example.org", "correct horse battery"
PARAM = re.compile(r"{(\w+)(?::\w+)?}")

NOT_ROWS = {
    "/mailchimp/webhook/{secret}": "Mailchimp's check of the webhook's address: shows no row",
}
"""GET routes not asked for, and why (every other route's path must be filled in)."""


SHOWN = {
    "/moderation": ["climate\ufffd", "Budgets in Cascais"],
    "/items": ["climate\ufffd", "energy\ufffd", "Budgets in Cascais"],
    "/items/{item_id:int}": ["climate\ufffd", "Budgets in Cascais"],
    "/items/{item_id:int}/edit": ["climate\ufffd", "Budgets in Cascais"],
    "/knowledge": ["Lisbon \ufffdseminar", "Distinction \ufffd", "Office \ufffd", "Why \ufffd"],
    "/knowledge/events/{event_id}": ["Lisbon \ufffdseminar", "Two days\ufffd of assemblies"],
    "/knowledge/awards/{award_id}": ["Distinction \ufffd"],
    "/knowledge/awards/{award_id}/steps/{step_id:int}": ["Call \ufffd opens"],
    "/knowledge/faq/{entry_id}": ["Why \ufffd", "Because \ufffd"],
    "/knowledge/entries/{entry_id}": ["Why \ufffd", "Because \ufffd"],
    f"{API}/items": ["climate\ufffd", "energy\ufffd", "Budgets\x01 in Cascais"],
    f"{API}/items/{{item_id}}": ["climate\ufffd", "Budgets\x01 in Cascais"],
    f"{API}/events": ["Lisbon \ufffdseminar", "Two days\ufffd of assemblies"],
}
"""What the pages and API answers showing the rows must show: U+FFFD where the
surrogate was; in HTML the control character left out, in JSON kept (escaped)."""


@dataclass
class Rows:
    """The ids the routes' paths are filled in with, and the API token."""

    params: dict[str, str]
    token: str


@pytest.fixture
def rows(engine: Engine) -> Rows:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
        pending = Item(
            title="Budgets\x01 in Cascais", language="en", tags=[f"climate{LONE}"],
            status="pending",
        )  # fmt: skip
        approved = Item(
            title="Award call open", language="en", tags=[f"energy{LOW}"], status="approved",
            approved_at=NOW, published_at=NOW,
        )  # fmt: skip
        award = Award(id="distinction-2027", name={"en": f"Distinction {LONE}"}, description={})
        faq = KnowledgeEntry(
            id="faq-why", kind="faq", name={"en": f"Why {LONE}"}, body={"en": f"Because {LONE}"},
            data={"note": f"kept {LONE}"},
        )  # fmt: skip
        member = Member(organisation="Cascais", email="m@example.org", topics=[f"mobility{LONE}"])
        session.add_all(
            [
                pending,
                approved,
                award,
                faq,
                member,
                Event(
                    id="lisbon-2027", kind="seminar", name={"en": f"Lisbon {LONE}seminar"},
                    description={"en": f"Two days{LOW} of assemblies"},
                    starts_on=dt.date(2027, 1, 10), topics=[f"budgets{LONE}"],
                ),
                KnowledgeEntry(id="office-lisbon", kind="office", name={"en": f"Office {LONE}"},
                               body={"en": f"Rua {LONE}"}, data={}),
                Question(platform="slack", text="When is the call?", sources=[f"faq-why{LONE}"],
                         handoff=True, status="open"),
            ]
        )  # fmt: skip
        session.flush()
        step = AwardStep(award_id=award.id, step="call", description={"en": f"Call {LONE} opens"})
        channel = session.scalars(select(Channel).where(Channel.key == "news_en")).one()
        delivery = Delivery(
            item_id=pending.id, channel_id=channel.id, payload={"text": f"climate{LONE}"}
        )
        edition = NewsletterEdition(
            language="en", period_start=dt.date(2026, 11, 1), period_end=dt.date(2026, 11, 30),
            item_order=[approved.id, pending.id],
        )  # fmt: skip
        session.add_all([step, delivery, edition])
        session.flush()
        question = session.scalars(select(Question.id)).one()
        params = {
            "item_id": pending.id,
            "event_id": "lisbon-2027",
            "award_id": award.id,
            "step_id": step.id,
            "entry_id": faq.id,
            "member_id": member.id,
            "edition_id": edition.id,
            "delivery_id": delivery.id,
            "question_id": question,
            "token": preferences_token(TEST_SECRET_KEY, member.id, NOW),
        }
    add_user(engine, ADMIN, PASSWORD, role="admin")
    with transaction(engine) as session:
        user = session.scalars(select(User).where(User.email == ADMIN)).one()
        token, _row = create_token(session, user, "bad text", ["read"], now=NOW)
    return Rows({name: str(value) for name, value in params.items()}, token)


@pytest.fixture
def client(engine: Engine, rows: Rows) -> Iterator[ConsoleClient]:
    app = console_app(example_settings(), engine, clock=SteppingClock(NOW))
    with ConsoleClient(app) as client:
        assert client.sign_in(ADMIN, PASSWORD).status_code == 303
        yield client


def console_routes(client: ConsoleClient) -> list[str]:
    return [
        route.path
        for route in client.app.routes  # type: ignore[attr-defined]
        if isinstance(route, Route) and "GET" in (route.methods or ())
    ]


def filled(path: str, params: dict[str, str]) -> str:
    return PARAM.sub(lambda found: params[found.group(1)], path)


def answered(client: ConsoleClient, path: str, **options: object) -> tuple[int, str]:
    """The status and the strictly decoded body; a crash as a 500 with its error."""
    try:
        response = client.get(path, **options)
    except UnicodeEncodeError as error:  # the test client raises what the app raised
        return 500, repr(error)
    return response.status_code, response.content.decode("utf-8")


def test_every_console_page_writes_a_lone_surrogate_as_the_replacement_character(
    client: ConsoleClient, rows: Rows
) -> None:
    routes = console_routes(client)
    unknown = {
        path
        for path in routes
        if path not in NOT_ROWS and any(p not in rows.params for p in PARAM.findall(path))
    }
    assert not unknown, f"fill in these routes' parameters (or say why not): {unknown}"
    failed: dict[str, str] = {}
    for path in routes:
        if path in NOT_ROWS:
            continue
        status, body = answered(client, filled(path, rows.params))
        if status >= 500:
            failed[path] = body
        for shown in SHOWN.get(path, []):
            assert status == 200 and shown in body, (path, status, shown)
    assert not failed, failed
    assert {path for path in SHOWN if not path.startswith(API)} <= set(routes)


def test_every_api_read_writes_a_lone_surrogate_as_the_replacement_character(
    client: ConsoleClient, rows: Rows
) -> None:
    keys = {"/channels/{key}": "news_en", "/sources/{key}": "console"}
    reads = [op for op in OPERATIONS if op.method == "GET"]
    auth = {"authorization": f"Bearer {rows.token}"}
    for op in reads:
        path = filled(op.path, {**rows.params, "key": keys.get(op.path, "")})
        status, body = answered(client, API + path, headers=auth)
        assert status == 200, (op.path, status, body)
        json.loads(body)
        for shown in SHOWN.get(API + op.path, []):
            assert json.dumps(shown, ensure_ascii=False)[1:-1] in body, (op.path, shown)
    assert {path for path in SHOWN if path.startswith(API)} <= {API + op.path for op in reads}

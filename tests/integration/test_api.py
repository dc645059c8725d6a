"""The REST API (/api/v1): tokens, scopes and roles, every endpoint, problems, the rate limit.

Every API response in these tests goes through :class:`api_contract.ApiClient`, which
checks it against the OpenAPI document served at /api/v1/openapi.json; the last test
checks that every documented (operation, status) pair of success was exercised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from api_contract import ApiClient
from openapi_spec_validator import validate
from sqlalchemy import Engine, select, update

from hub.core.accounts import ApiToken, AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Channel, Delivery, Event, Item, Question, User
from hub.web.api.operations import OPERATIONS
from hub.web.api.tokens import TokenError, create_token, digest
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

ADMIN, EDITOR, PASSWORD = "admin@example.org", "editor@example.org", "correct horse battery"
LIMIT = 5
# The last test reads what the others saw: make test keeps a file on one worker (loadfile).
EXERCISED: set[tuple[str, str, int]] = set()
START = SteppingClock().now
"""When each test's console clock starts; tokens are made then, and nothing reads the real
clock, so the tests pass on any date."""


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(START)


@pytest.fixture
def limit() -> int:
    """Requests a minute per token (the rate-limit test sets a small one)."""
    return 1000


@pytest.fixture
def api(engine: Engine, clock: SteppingClock, limit: int) -> Iterator[ApiClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    add_user(engine, EDITOR, PASSWORD, role="editor")
    app = console_app(settings, engine, clock=clock, api_rate_limit=limit)
    with ConsoleClient(app) as client:
        checked = ApiClient(client)
        yield checked
        EXERCISED.update(checked.checked)


def token_for(engine: Engine, email: str, *scopes: str, now: dt.datetime = START) -> str:
    with transaction(engine) as session:
        user = session.scalar(select(User).where(User.email == email))
        assert user is not None
        token, _row = create_token(session, user, f"{email} {scopes}", list(scopes), now=now)
    return token


def pending_item(engine: Engine, title: str = "Participatory budget in Cascais", **fields) -> int:
    with transaction(engine) as session:
        item = Item(**({"title": title, "language": "en", "status": "pending"} | fields))
        session.add(item)
        session.flush()
        return item.id


# --- the document ------------------------------------------------------------------


def test_the_document_is_public_valid_openapi_31_and_names_every_route(api: ApiClient) -> None:
    response = api.call("GET", "/openapi.json", token=None)
    assert response.status_code == 200
    doc = response.json()
    validate(doc)  # raises on an invalid OpenAPI 3.1 document
    assert doc["openapi"].startswith("3.1")
    documented = {(method.upper(), path) for path, ops in doc["paths"].items() for method in ops}
    assert {(op.method, op.path) for op in OPERATIONS} <= documented
    ids = [op["operationId"] for ops in doc["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))


def test_the_document_is_rendered_for_people(api: ApiClient) -> None:
    page = api.client.get("/api/v1/docs", headers={"accept-language": "es"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="es">' in page.text
    for op in OPERATIONS:
        assert f'id="op-{op.operation_id}"' in page.text
    assert 'id="problem-too-many-requests"' in page.text and 'id="schema-ItemOut"' in page.text
    assert "<script>" not in page.text


# --- tokens -------------------------------------------------------------------------


def test_no_token_a_wrong_one_and_a_revoked_one_are_401_problems(
    api: ApiClient, engine: Engine
) -> None:
    for token in (None, "hub_not-a-real-token", "Basic abc"):
        response = api.call("GET", "/items", token=token)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
        body = response.json()
        assert body["status"] == 401 and body["instance"] == "/api/v1/items"
        assert body["type"].endswith("#problem-unauthorized")
    token = token_for(engine, EDITOR, "read")
    assert api.call("GET", "/items", token=token).status_code == 200
    with transaction(engine) as session:
        session.execute(update(ApiToken).values(revoked_at=START))
    assert api.call("GET", "/items", token=token).status_code == 401


def test_tokens_are_kept_hashed_and_a_deactivated_users_stop_working(
    api: ApiClient, engine: Engine, clock: SteppingClock
) -> None:
    token = token_for(engine, EDITOR, "read")
    with transaction(engine) as session:
        row = session.scalar(select(ApiToken))
        assert row is not None
        assert row.token_hash == digest(token) and token not in (row.prefix, row.token_hash)
        assert token.startswith(row.prefix) and len(row.prefix) < 10
    clock.advance(minutes=5)
    assert api.call("GET", "/items", token=token).status_code == 200
    with transaction(engine) as session:  # its use is stamped by the console's clock
        assert session.scalars(select(ApiToken.last_used_at)).one() == clock.now
    with transaction(engine) as session:
        session.execute(update(User).where(User.email == EDITOR).values(active=False))
    assert api.call("GET", "/items", token=token).status_code == 401


def test_a_console_session_cookie_is_no_api_credential(api: ApiClient, engine: Engine) -> None:
    assert api.client.sign_in(ADMIN, PASSWORD).status_code == 303
    item_id = pending_item(engine)
    response = api.call("POST", "/items/{item_id}/approve", token=None, path={"item_id": item_id})
    assert response.status_code == 401
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None and item.status == "pending"


def test_scopes_and_roles_bound_what_a_token_does(api: ApiClient, engine: Engine) -> None:
    item_id = pending_item(engine)
    reader = token_for(engine, EDITOR, "read")
    response = api.call("POST", "/items/{item_id}/approve", token=reader, path={"item_id": item_id})
    assert response.status_code == 403 and "'moderate'" in response.json()["detail"]
    editor_all = token_for(engine, EDITOR, "read", "write", "moderate")
    # the deliveries, channels and sources are admins' pages in the console too
    for template in ("/deliveries", "/channels", "/sources"):
        assert api.call("GET", template, token=editor_all).status_code == 403
    with transaction(engine) as session:
        editor = session.scalar(select(User).where(User.email == EDITOR))
        assert editor is not None
        with pytest.raises(TokenError, match="may not give the scope admin"):
            create_token(session, editor, "too much", ["read", "admin"], now=START)
    admin_token = token_for(engine, ADMIN, "read", "admin")
    assert api.call("GET", "/channels", token=admin_token).status_code == 200
    with transaction(engine) as session:  # demoted: the token loses what the role lost
        session.execute(update(User).where(User.email == ADMIN).values(role="editor"))
    assert api.call("GET", "/channels", token=admin_token).status_code == 403


@pytest.mark.parametrize("limit", [LIMIT])
def test_each_token_has_its_own_rate_limit_per_minute(
    api: ApiClient, engine: Engine, clock: SteppingClock
) -> None:
    token = token_for(engine, EDITOR, "read")
    remaining = []
    for _ in range(LIMIT):
        response = api.call("GET", "/items", token=token)
        assert response.status_code == 200
        assert response.headers["ratelimit-limit"] == str(LIMIT)
        remaining.append(int(response.headers["ratelimit-remaining"]))
    assert remaining == list(range(LIMIT - 1, -1, -1))
    refused = api.call("GET", "/items", token=token)
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
    assert refused.json()["type"].endswith("#problem-too-many-requests")
    other = token_for(engine, ADMIN, "read")
    assert api.call("GET", "/items", token=other).status_code == 200
    clock.advance(seconds=59)
    assert api.call("GET", "/items", token=token).status_code == 429
    clock.advance(seconds=1)
    assert api.call("GET", "/items", token=token).status_code == 200


def test_unknown_paths_and_methods_are_problems(api: ApiClient, engine: Engine) -> None:
    token = token_for(engine, EDITOR, "read")
    missing = api.client.get("/api/v1/nothing", headers={"authorization": f"Bearer {token}"})
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    wrong = api.client.request("DELETE", "/api/v1/items")
    assert wrong.status_code == 405 and wrong.json()["status"] == 405
    absent = api.call("GET", "/items/{item_id}", token=token, path={"item_id": 999})
    assert absent.status_code == 404 and "999" in absent.json()["detail"]
    huge = 10**30  # past any integer column: a 404, not the database's overflow
    assert (
        api.call("GET", "/items/{item_id}", token=token, path={"item_id": huge}).status_code == 404
    )
    assert api.call("GET", "/items", token=token, params={"before": str(huge)}).status_code == 422


# --- items --------------------------------------------------------------------------


def test_items_are_created_as_a_source_listed_filtered_and_read(
    api: ApiClient, engine: Engine
) -> None:
    writer = token_for(engine, EDITOR, "read", "write")
    body = {
        "source": "web_form",
        "title": "Youth assemblies in Lyon",
        "text": "The city opens ten neighbourhood assemblies.\n\nEveryone may come.",
        "link": "https://example.org/lyon",
        "language": "en",
    }
    created = api.call("POST", "/items", token=writer, json=body)
    assert created.status_code == 201, created.text
    item = created.json()["item"]
    assert created.json()["outcome"] == "created" and item["status"] == "pending"
    assert (
        item["source"] == "web_form"
        and created.headers["location"] == f"/api/v1/items/{item['id']}"
    )
    again = api.call(
        "POST", "/items", token=writer, json=body | {"title": "Youth assemblies in Lyon!"}
    )
    assert again.status_code == 200 and again.json()["outcome"] == "merged"
    trusted = api.call(
        "POST", "/items", token=writer, json={"source": "console", "title": "Award call open"}
    )
    assert trusted.json()["item"]["status"] == "approved"  # the secretariat's source is trusted
    pending_item(engine, "Budget in Porto Alegre", language="pt")
    listed = api.call("GET", "/items", token=writer, params={"status": "pending"}).json()
    assert {i["title"] for i in listed["items"]} == {
        "Youth assemblies in Lyon",
        "Budget in Porto Alegre",
    }
    by_language = api.call("GET", "/items", token=writer, params={"language": "pt"}).json()
    assert [i["title"] for i in by_language["items"]] == ["Budget in Porto Alegre"]
    by_source = api.call("GET", "/items", token=writer, params={"source": "console"}).json()
    assert [i["title"] for i in by_source["items"]] == ["Award call open"]
    first = api.call("GET", "/items", token=writer, params={"limit": "2"}).json()
    assert len(first["items"]) == 2 and first["next"]
    rest = api.client.get(first["next"], headers={"authorization": f"Bearer {writer}"}).json()
    seen = [i["id"] for i in first["items"] + rest["items"]]
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 3 and rest["next"] is None
    one = api.call("GET", "/items/{item_id}", token=writer, path={"item_id": item["id"]}).json()
    assert one["title"] == "Youth assemblies in Lyon" and one["deliveries"] == []
    with transaction(engine) as session:
        actors = session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "submit"))
        assert all(a.startswith(f"{EDITOR} (API token ") for a in actors)


def test_a_bad_item_gets_one_problem_saying_what_is_wrong(api: ApiClient, engine: Engine) -> None:
    writer = token_for(engine, EDITOR, "write")
    cases = [
        ({"source": "web_form"}, "#/title"),
        ({"source": "web_form", "title": "x", "colour": "red"}, "#/colour"),
        ({"source": "news_feed", "title": "A feed's item"}, "#/source"),
    ]
    for body, pointer in cases:
        response = api.call("POST", "/items", token=writer, json=body)
        assert response.status_code == 422, body
        assert pointer in [e["pointer"] for e in response.json()["errors"]]
    bad_link = api.call(
        "POST", "/items", token=writer, json={"source": "web_form", "title": "x", "link": "nope"}
    )
    assert bad_link.status_code == 422 and "https://" in bad_link.json()["detail"]
    not_json = api.call("POST", "/items", token=writer, content=b"title=x")
    assert not_json.status_code == 415
    assert api.call("POST", "/items", token=None, content=b"title=x").status_code == 401
    big = {"source": "web_form", "title": "x", "text": "a" * 300_000}
    too_large = api.call("POST", "/items", token=writer, json=big)
    assert too_large.status_code == 422 and "larger than 256 KB" in too_large.json()["detail"]
    broken = api.call(
        "POST", "/items", token=writer, content=b"{", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422 and "not valid JSON" in broken.json()["detail"]
    assert (
        api.call(
            "GET", "/items", token=token_for(engine, EDITOR, "read"), params={"status": "lost"}
        ).status_code
        == 422
    )
    with transaction(engine) as session:
        assert session.scalars(select(Item)).all() == []


def test_a_nul_or_a_lone_surrogate_in_a_body_is_a_422_at_its_pointer(
    api: ApiClient, engine: Engine
) -> None:
    # found by probing a running hub: an event named "\\ud800" was stored, and from then on
    # GET /events and the public /events.ics failed with a 500 for everyone; a NUL in a
    # decline reason was a 500 on PostgreSQL
    admin = token_for(engine, ADMIN, "read", "write", "moderate", "admin")
    json_type = {"content-type": "application/json"}
    event = (
        rb'{"kind": "seminar", "name": {"en": "Lisbon \ud800 seminar"}, "starts_on": "2027-01-10"}'
    )
    refused = api.call("POST", "/events", token=admin, content=event, headers=json_type)
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"pointer": "#/name/en", "detail": "holds a lone surrogate: send the text without it"}
    ]
    item_id = pending_item(engine)
    reason = rb'{"reason": "off \u0000 topic"}'
    declined = api.call(
        "POST",
        "/items/{item_id}/decline",
        token=admin,
        path={"item_id": item_id},
        content=reason,
        headers=json_type,
    )
    assert declined.status_code == 422
    assert declined.json()["detail"] == (
        "#/reason holds a NUL character (\\u0000): send the text without it"
    )
    key = rb'{"kind": "seminar", "name": {"e\u0000n": "x"}, "starts_on": "2027-01-10"}'
    bad_key = api.call("POST", "/events", token=admin, content=key, headers=json_type)
    assert bad_key.status_code == 422 and bad_key.json()["errors"][0]["pointer"] == "#/name/en"
    with transaction(engine) as session:
        assert session.scalars(select(Event)).all() == []
        item = session.get(Item, item_id)
        assert item is not None and item.status == "pending"
    assert api.client.get("/events.ics").status_code == 200


def test_an_editor_approves_and_declines_as_in_the_console(api: ApiClient, engine: Engine) -> None:
    moderator = token_for(engine, EDITOR, "moderate")
    first, second = pending_item(engine), pending_item(engine, "Another story")
    approved = api.call(
        "POST", "/items/{item_id}/approve", token=moderator, path={"item_id": first}
    )
    assert approved.status_code == 200
    body = approved.json()
    assert body["status"] == "approved" and body["approved_by"].startswith(EDITOR)
    assert sorted(d["channel"] for d in body["deliveries"]) == ["news_en", "news_es"]
    assert {d["status"] for d in body["deliveries"]} == {"pending"}
    again = api.call("POST", "/items/{item_id}/approve", token=moderator, path={"item_id": first})
    assert len(again.json()["deliveries"]) == 2  # the outbox's (item, channel) pair holds
    no_reason = api.call(
        "POST", "/items/{item_id}/decline", token=moderator, path={"item_id": second}, json={}
    )
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["pointer"] == "#/reason"
    declined = api.call(
        "POST",
        "/items/{item_id}/decline",
        token=moderator,
        path={"item_id": second},
        json={"reason": "Not about participation."},
    )
    assert declined.json()["status"] == "declined"
    assert declined.json()["decline_reason"] == "Not about participation."
    conflict = api.call(
        "POST",
        "/items/{item_id}/decline",
        token=moderator,
        path={"item_id": first},
        json={"reason": "too late"},
    )
    assert conflict.status_code == 409 and "approved" in conflict.json()["detail"]
    with transaction(engine) as session:
        actions = session.execute(select(AuditEntry.action, AuditEntry.actor)).all()
        assert ("approve", f"{EDITOR} (API token 1)") in actions
        assert ("decline", f"{EDITOR} (API token 1)") in actions


# --- deliveries ---------------------------------------------------------------------


def test_an_admin_lists_reads_and_retries_deliveries(api: ApiClient, engine: Engine) -> None:
    admin = token_for(engine, ADMIN, "read", "moderate", "admin")
    item_id = pending_item(engine)
    api.call("POST", "/items/{item_id}/approve", token=admin, path={"item_id": item_id})
    with transaction(engine) as session:
        failed_id = session.scalar(
            select(Delivery.id).join(Channel).where(Channel.key == "news_es")
        )
        session.execute(
            update(Delivery)
            .where(Delivery.id == failed_id)
            .values(
                status="dead", attempts=5, last_error="chat not found", error_kind="ChannelGone"
            )
        )
    listed = api.call("GET", "/deliveries", token=admin, params={"item": str(item_id)}).json()
    assert len(listed["deliveries"]) == 2
    dead = api.call("GET", "/deliveries", token=admin, params={"status": "dead"}).json()
    assert [d["id"] for d in dead["deliveries"]] == [failed_id]
    one = api.call("GET", "/deliveries/{delivery_id}", token=admin, path={"delivery_id": failed_id})
    assert one.json()["error_kind"] == "ChannelGone" and one.json()["channel"] == "news_es"
    retried = api.call(
        "POST", "/deliveries/{delivery_id}/retry", token=admin, path={"delivery_id": failed_id}
    )
    assert retried.status_code == 200
    assert retried.json()["status"] == "pending" and retried.json()["attempts"] == 0
    twice = api.call(
        "POST", "/deliveries/{delivery_id}/retry", token=admin, path={"delivery_id": failed_id}
    )
    assert twice.status_code == 409 and "only failed ones" in twice.json()["detail"]
    gone = api.call("GET", "/deliveries/{delivery_id}", token=admin, path={"delivery_id": 9999})
    assert gone.status_code == 404
    reader = token_for(engine, ADMIN, "read")
    refused = api.call(
        "POST", "/deliveries/{delivery_id}/retry", token=reader, path={"delivery_id": failed_id}
    )
    assert refused.status_code == 403


# --- events, questions, channels, sources -------------------------------------------


def test_events_are_listed_and_created_by_the_consoles_rules(
    api: ApiClient, engine: Engine
) -> None:
    writer = token_for(engine, EDITOR, "read", "write")
    created = api.call(
        "POST",
        "/events",
        token=writer,
        json={
            "kind": "conference",
            "name": {"en": "IOPD Conference 2027", "es": "Conferencia OIDP 2027"},
            "starts_on": "2027-11-20",
            "ends_on": "2027-11-22",
            "city": "Lisboa",
            "country": "pt",
        },
    )
    assert created.status_code == 201, created.text
    event = created.json()
    assert event["id"] == "iopd-conference-2027" and event["country"] == "PT"
    assert event["name"]["es"] == "Conferencia OIDP 2027" and not event["from_calendar"]
    bad = api.call(
        "POST",
        "/events",
        token=writer,
        json={"kind": "party", "name": {"es": "Sin inglés"}, "starts_on": "2027-13-40"},
    )
    assert bad.status_code == 422
    pointers = {e["pointer"] for e in bad.json()["errors"]}
    assert {"#/kind", "#/name/en", "#/starts_on"} <= pointers
    listed = api.call("GET", "/events", token=writer, params={"from": "2027-01-01"}).json()
    assert [e["id"] for e in listed["events"]] == ["iopd-conference-2027"]
    later = api.call("GET", "/events", token=writer, params={"from": "2028-01-01"}).json()
    assert later["events"] == []
    with transaction(engine) as session:
        stored = session.get(Event, "iopd-conference-2027")
        assert stored is not None and stored.edited_by == EDITOR


def test_handed_off_questions_are_listed_and_answered(api: ApiClient, engine: Engine) -> None:
    with transaction(engine) as session:
        question = Question(
            platform="memory",
            reply_to="U123",
            text="¿Cuándo es la asamblea?",
            language="es",
            handoff=True,
            status="open",
        )
        session.add(question)
        session.flush()
        question_id = question.id
    writer = token_for(engine, EDITOR, "read", "write")
    listed = api.call("GET", "/questions", token=writer, params={"status": "open"}).json()
    assert [q["id"] for q in listed["questions"]] == [question_id]
    answered = api.call(
        "POST",
        "/questions/{question_id}/answer",
        token=writer,
        path={"question_id": question_id},
        json={"reply": "En marzo."},
    )
    assert answered.status_code == 200
    assert answered.json()["status"] == "replied" and answered.json()["replied_by"] == EDITOR
    again = api.call(
        "POST",
        "/questions/{question_id}/answer",
        token=writer,
        path={"question_id": question_id},
        json={"reply": "Otra vez."},
    )
    assert again.status_code == 409
    with transaction(engine) as session:
        reply = session.scalar(select(Delivery).where(Delivery.kind == "reply"))
        assert reply is not None and reply.payload["text"] == "En marzo."


def test_channels_and_sources_are_read_by_admins(api: ApiClient, engine: Engine) -> None:
    admin = token_for(engine, ADMIN, "read")
    channels = api.call("GET", "/channels", token=admin).json()["channels"]
    assert [c["key"] for c in channels] == ["news_en", "news_es"]
    one = api.call("GET", "/channels/{key}", token=admin, path={"key": "news_es"}).json()
    assert one["language"] == "es" and one["platform"] == "memory"
    assert api.call("GET", "/channels/{key}", token=admin, path={"key": "nope"}).status_code == 404
    feed = api.call("GET", "/sources/{key}", token=admin, path={"key": "news_feed"}).json()
    assert feed["kind"] == "feed" and feed["url"] == "https://example.org/feed.rss"
    assert api.call("GET", "/sources/{key}", token=admin, path={"key": "nope"}).status_code == 404
    sources = api.call("GET", "/sources", token=admin).json()["sources"]
    assert {s["key"]: s["trusted"] for s in sources} == {
        "console": True,
        "news_feed": False,
        "web_form": False,
    }


def test_requests_made_at_once_are_each_counted(api: ApiClient, engine: Engine) -> None:
    """Twenty requests counted in parallel sessions against a limit of 5: exactly 5 pass."""
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy.orm import Session

    from hub.web.api.tokens import count_request, find_bearer

    token = token_for(engine, EDITOR, "read")
    now = START

    def one(_: int) -> bool:
        with Session(engine) as session:
            bearer = find_bearer(session, token)
            assert bearer is not None
            allowed = count_request(session, bearer.token, now, limit=5).allowed
            session.commit()
            return allowed

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(20)))
    assert answers.count(True) == 5
    with transaction(engine) as session:
        row = session.scalar(select(ApiToken))
        assert row is not None and row.window_count == 20


def test_every_documented_success_was_exercised() -> None:
    """Run last in this file: each operation's documented 2xx answers were seen and checked."""
    if not EXERCISED:
        pytest.skip("run with the rest of this file")
    wanted = {
        (op.method, op.path, status) for op in OPERATIONS for status in op.answers if status < 300
    }
    assert wanted <= EXERCISED, sorted(wanted - EXERCISED)

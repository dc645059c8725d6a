"""The API's events, questions, channels and sources.

A new event is checked by the console's own form rules
(:func:`hub.web.knowledge_forms.read_event`, the seed files' rules) and marked as
written by the token's user, so ``hub knowledge load`` keeps it; a reply to a
handed-off question goes through the assistant's
:func:`~hub.core.assistant.store.answer_reply`, as the console's Questions page does.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from hub.core.accounts import AuditEntry
from hub.core.assistant.store import answer_reply
from hub.core.errors import HubError
from hub.core.models import Award, Channel, Event, KnowledgeEntry, Question, Source
from hub.web.api.framework import Call, Reply, before_id, next_page, page_size
from hub.web.api.problems import Problem
from hub.web.api.schemas import (
    Answer,
    ChannelList,
    ChannelOut,
    EventCreate,
    EventList,
    EventOut,
    QuestionList,
    QuestionOut,
    SourceList,
    SourceOut,
)
from hub.web.knowledge_forms import LANGUAGES, read_event

QUESTION_STATUSES = ("answered", "open", "replied")


def _audit(call: Call, action: str, target: str, detail: str | None = None) -> None:
    call.db.add(
        AuditEntry(at=call.now, actor=call.actor[:320], action=action, target=target, detail=detail)
    )


def event_out(event: Event) -> EventOut:
    return EventOut(
        id=event.id,
        kind=event.kind,
        number=event.number,
        name=dict(event.name or {}),
        description=dict(event.description or {}),
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        date_precision=event.date_precision or "day",  # type: ignore[arg-type]
        time=event.time,
        city=event.city,
        country=event.country,
        venue=event.venue,
        organiser=event.organiser,
        url=event.url,
        from_calendar=event.source_id is not None,
    )


def list_events(call: Call) -> Reply:
    """Events by date (undated last), optionally from a day on (``from=2026-11-01``)."""
    query = select(Event).order_by(Event.starts_on.is_(None), Event.starts_on, Event.id)
    since = call.param("from")
    if since:
        try:
            day = dt.date.fromisoformat(since)
        except ValueError:
            raise Problem("invalid-request", "from must be a day as 2026-11-20") from None
        query = query.where(Event.starts_on >= day)
    return Reply(EventList(events=[event_out(e) for e in call.db.scalars(query)]))


def _form_fields(body: EventCreate) -> dict[str, str]:
    """The body as the console's event form would have sent it."""
    fields = {
        "id": body.id or "",
        "kind": body.kind,
        "number": "" if body.number is None else str(body.number),
        "date_precision": body.date_precision,
        "starts_on": body.starts_on or "",
        "ends_on": body.ends_on or "",
        "time": body.time or "",
        "city": body.city or "",
        "country": body.country or "",
        "venue": body.venue or "",
        "organiser": body.organiser or "",
        "url": body.url or "",
    }
    for language in LANGUAGES:
        fields[f"name_{language}"] = body.name.get(language, "")
        fields[f"description_{language}"] = body.description.get(language, "")
    return fields


def _pointer(field: str) -> str:
    for prefix in ("name_", "description_"):
        if field.startswith(prefix):
            return f"#/{prefix[:-1]}/{field[len(prefix) :]}"
    return f"#/{field}"


def create_event(call: Call) -> Reply:
    body: EventCreate = call.body
    others = set(body.name) | set(body.description)
    unknown = sorted(others - set(LANGUAGES))
    if unknown:
        raise Problem(
            "invalid-request",
            f"texts are kept in {', '.join(LANGUAGES)} only (not {', '.join(unknown)})",
        )
    fields = _form_fields(body)
    taken: set[str] = set()
    for model in (Event, Award, KnowledgeEntry):
        taken.update(call.db.scalars(select(model.id)))
    checked = read_event(lambda name: fields.get(name, "").strip(), taken=taken)
    if not checked.ok:
        errors = [
            {"pointer": _pointer(name), "detail": message}
            for name, message in sorted(checked.errors.items())
        ]
        raise Problem("invalid-request", "the event is not valid", errors=errors)
    event = Event(id=checked.clean["id"], name={}, description={}, theme={}, topics=[])
    for name, value in checked.clean.items():
        setattr(event, name, value)
    event.edited_at, event.edited_by = call.now, call.bearer.user.email
    call.db.add(event)
    _audit(call, "knowledge: create event", f"event:{event.id}"[:80], "API")
    call.db.flush()
    return Reply(event_out(event), 201, {"location": f"/api/v1/events/{event.id}"})


def question_out(question: Question) -> QuestionOut:
    return QuestionOut(
        id=question.id,
        platform=question.platform,
        text=question.text,
        language=question.language,
        answer=question.answer,
        handoff=question.handoff,
        status=question.status,
        reply_text=question.reply_text,
        replied_by=question.replied_by,
        replied_at=question.replied_at,
        created_at=question.created_at,
    )


def list_questions(call: Call) -> Reply:
    """Questions, newest first; ``status=open`` gives those waiting for the secretariat."""
    size = page_size(call)
    query = select(Question).order_by(Question.id.desc())
    status = call.param("status")
    if status:
        if status not in QUESTION_STATUSES:
            raise Problem(
                "invalid-request", f"status must be one of {', '.join(QUESTION_STATUSES)}"
            )
        query = query.where(Question.status == status)
    if call.param("handoff") in ("true", "1"):
        query = query.where(Question.handoff.is_(True))
    before = before_id(call)
    if before is not None:
        query = query.where(Question.id < before)
    rows = list(call.db.scalars(query.limit(size + 1)))
    return Reply(
        QuestionList(
            questions=[question_out(q) for q in rows[:size]], next=next_page(call, rows, size)
        )
    )


def answer_question(call: Call) -> Reply:
    """Reply to a handed-off question: the member gets it where they asked from."""
    question = call.db.get(Question, call.path_int("question_id"))
    if question is None or not question.handoff:
        raise Problem(
            "not-found", f"there is no question {call.path_int('question_id')} in the queue"
        )
    if question.status != "open":
        raise Problem("conflict", f"question {question.id} was already answered")
    body: Answer = call.body
    text = body.reply.strip()
    if not text:
        raise Problem(
            "invalid-request",
            "write a reply first",
            errors=[{"pointer": "#/reply", "detail": "the reply is empty"}],
        )
    try:
        answer_reply(call.db, question.id, text, by=call.bearer.user.email, now=call.now)
    except HubError as exc:
        raise Problem("conflict", f"the reply was not sent: {exc}") from None
    _audit(call, "reply", f"question:{question.id}", "API")
    call.db.flush()
    return Reply(question_out(question))


def channel_out(c: Channel) -> ChannelOut:
    return ChannelOut.model_validate(c, from_attributes=True)


def source_out(s: Source) -> SourceOut:
    return SourceOut.model_validate(s, from_attributes=True)


def list_channels(call: Call) -> Reply:
    rows = call.db.scalars(select(Channel).order_by(Channel.key))
    return Reply(ChannelList(channels=[channel_out(c) for c in rows]))


def read_channel(call: Call) -> Reply:
    key = call.request.path_params["key"]
    channel = call.db.scalar(select(Channel).where(Channel.key == key))
    if channel is None:
        raise Problem("not-found", f"there is no channel {key!r}")
    return Reply(channel_out(channel))


def list_sources(call: Call) -> Reply:
    rows = call.db.scalars(select(Source).order_by(Source.key))
    return Reply(SourceList(sources=[source_out(s) for s in rows]))


def read_source(call: Call) -> Reply:
    key = call.request.path_params["key"]
    source = call.db.scalar(select(Source).where(Source.key == key))
    if source is None:
        raise Problem("not-found", f"there is no source {key!r}")
    return Reply(source_out(source))

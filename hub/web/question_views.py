"""The assistant's handoff queue: questions it could not answer, and the secretariat's reply.

The reply is recorded and queued to the member by the assistant's
``answer_reply`` (``hub.core.assistant.store``), on the platform they asked from. A
replied question can be kept, with one click, as an FAQ entry
(``save_reply_as_knowledge``): the next member asking the same thing is answered
from it.
"""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import Response

from hub.core.assistant.store import answer_reply, save_reply_as_knowledge
from hub.core.errors import HubError
from hub.core.models import KnowledgeEntry, Member, Question
from hub.web.i18n import _
from hub.web.page import Page, Refused


def questions_page(page: Page) -> Response:
    """Open handoffs, oldest first, and the latest replies."""
    open_questions = page.db.execute(
        select(Question, Member)
        .outerjoin(Member, Member.id == Question.member_id)
        .where(Question.handoff.is_(True), Question.status == "open")
        .order_by(Question.id)
    ).all()
    replied = list(
        page.db.scalars(
            select(Question)
            .where(Question.handoff.is_(True), Question.status != "open")
            .order_by(Question.id.desc())
            .limit(10)
        )
    )
    saved = set(page.db.scalars(select(KnowledgeEntry.id).where(KnowledgeEntry.kind == "faq")))
    return page.render(
        "questions.html",
        open_questions=open_questions,
        replied=replied,
        saved={q.id for q in replied if f"faq-question-{q.id}" in saved},
    )


def reply(page: Page) -> Response:
    """Send the secretariat's reply to the member through the assistant."""
    question = page.db.get(Question, int(page.request.path_params["question_id"]))
    if question is None or not question.handoff:
        raise Refused(_("There is no such question in the queue."), "/questions")
    if question.status != "open":
        raise Refused(
            _("Question %(id)s was already answered.") % {"id": question.id}, "/questions"
        )
    text = page.field("reply")
    if not text:
        raise Refused(_("Write a reply first."), "/questions")
    try:
        answer_reply(page.db, question.id, text, by=page.user.email, now=page.now)
    except HubError as exc:
        raise Refused(_("The reply was not sent: %(why)s") % {"why": exc}, "/questions") from None
    page.audit("reply", f"question:{question.id}")
    return page.redirect("/questions", _("Reply to question %(id)s sent.") % {"id": question.id})


def save_as_knowledge(page: Page) -> Response:
    """Keep a replied question and its reply as an FAQ entry, then open it for translations."""
    question_id = int(page.request.path_params["question_id"])
    try:
        entry = save_reply_as_knowledge(page.db, question_id, by=page.user.email, now=page.now)
    except HubError as exc:
        raise Refused(_("Not saved: %(why)s") % {"why": exc}, "/questions") from None
    page.audit("knowledge: save reply", f"question:{question_id}", f"faq:{entry.id}")
    return page.redirect(
        f"/knowledge/faq/{entry.id}",
        _("Saved as FAQ entry “%(id)s”: add its other languages here.") % {"id": entry.id},
    )

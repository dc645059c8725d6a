"""The assistant's handoff queue: questions it could not answer, and the secretariat's reply.

The reply is recorded and queued to the member by the assistant's
``answer_reply`` (``hub.core.assistant.store``), on the platform they asked from.
"""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import Response

from hub.core.assistant.store import answer_reply
from hub.core.errors import HubError
from hub.core.models import Member, Question
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
    return page.render(
        "questions.html",
        open_questions=open_questions,
        replied=replied,
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

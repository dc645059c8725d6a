"""The Sources page shows what a mailbox source made of its mail, and why it refused some."""

from __future__ import annotations

from sqlalchemy import Engine

from hub.core.db import transaction
from hub.core.models import MailboxMessage, Source
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

EMAIL, PASSWORD = "admin@example.org", "correct horse battery"


def test_the_sources_page_counts_a_mailboxs_mail_by_outcome(engine: Engine) -> None:
    with transaction(engine) as session:
        source = Source(
            key="secretariat_mail",
            kind="mailbox",
            url="imaps://imap.example.org",
            last_problems=["message 3 from x@example.org: refused: malformed MIME (StartBoundary)"],
        )
        session.add(source)
        session.flush()
        outcomes = ["item", "item", "question", "held", "ignored", "ignored", "ignored", "refused"]
        session.add_all(
            MailboxMessage(source_id=source.id, uidvalidity=7, uid=uid, outcome=outcome)
            for uid, outcome in enumerate(outcomes, 1)
        )
    add_user(engine, EMAIL, PASSWORD, role="admin")
    app = console_app(example_settings(), engine, clock=SteppingClock())
    with ConsoleClient(app) as client:
        client.sign_in(EMAIL, PASSWORD)
        page = client.get("/sources").text
    assert (
        "Mail read: 2 news, 1 questions, 1 held (unknown sender), 3 ignored (automatic), "
        "1 refused" in page
    )
    assert "refused: malformed MIME (StartBoundary)" in page

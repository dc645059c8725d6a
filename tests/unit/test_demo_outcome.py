"""What ``hub demo`` reports about its members' conversations: a failed role or no answer
at all is a failure with one line saying what failed; some late answers are not."""

from __future__ import annotations

import pytest

from hub.demo.conversations import Conversations


@pytest.mark.parametrize(
    ("conversations", "problem"),
    [
        (Conversations([], asked=6, answered=6), None),
        (Conversations([], asked=6, answered=1), None),
        (Conversations([], asked=0, answered=0), None),  # no stand-in can play a member
        (
            Conversations([], asked=6, answered=0),
            "none of the 6 questions got an answer in time",
        ),
        (
            Conversations([], 6, 0, {"bots": "[Errno 2] No such file: 'intents.yaml'"}),
            "the bots role stopped on an error: [Errno 2] No such file: 'intents.yaml'",
        ),
        (
            Conversations([], 6, 3, {"bots": "boom", "worker": "database is locked"}),
            "the bots role stopped on an error: boom; "
            "the worker role stopped on an error: database is locked",
        ),
    ],
)
def test_the_demo_names_what_failed(conversations: Conversations, problem: str | None) -> None:
    assert conversations.problem() == problem

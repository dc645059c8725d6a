"""Security finding (issue 16): Mailchimp merge tags in what members send.

A link or image address carrying ``*|EMAIL|*`` would make Mailchimp put each
reader's address into it, and send it to the submitter's server when the
e-mail opens. Intake refuses such addresses with a reason, whatever the
channel (the web form, Telegram and Slack all go through
``submission_candidate``); the renderer's side is in test_newsletter_render.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.mergetags import carries_merge_tag
from hub.core.moderation.submissions import SubmissionError, submission_candidate

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

CASES = [
    ("https://oidp.net/news/1", False),
    ("https://oidp.net/a|b", False),
    ("https://oidp.net/*star*", False),
    ("https://collect.example/?e=*|EMAIL|*", True),
    ("https://collect.example/?e=*%7CEMAIL%7C*", True),
    ("https://collect.example/?e=*%7cEMAIL%7c*", True),
    ("https://collect.example/?e=*%257CEMAIL%257C*", True),
    ("https://collect.example/?e=*&#124;EMAIL&#124;*", True),
    ("https://collect.example/?e=*&vert;EMAIL&vert;*", True),
    ("https://collect.example/?e=%2A%7CEMAIL%7C%2A", True),
    ("https://collect.example/?e=*%" + "25" * 4 + "7CEMAIL|*", True),  # five times encoded
]


@pytest.mark.parametrize(("url", "tagged"), CASES)
def test_merge_tag_syntax_is_found_in_any_encoding(url: str, tagged: bool) -> None:
    assert carries_merge_tag(url) is tagged


@pytest.mark.parametrize("field", ["link", "image_url"])
def test_intake_refuses_an_address_with_a_merge_tag_and_says_why(field: str) -> None:
    address = "https://collect.example/p?e=*%7CEMAIL%7C*"
    with pytest.raises(SubmissionError, match="Mailchimp merge tags"):
        if field == "link":
            submission_candidate(external_id="web:1", title="Forum", now=NOW, link=address)
        else:
            submission_candidate(external_id="web:1", title="Forum", now=NOW, image_url=address)


def test_intake_keeps_an_ordinary_address() -> None:
    candidate = submission_candidate(
        external_id="web:2", title="Forum", link="https://oidp.net/forum", now=NOW
    )
    assert candidate.link == "https://oidp.net/forum"

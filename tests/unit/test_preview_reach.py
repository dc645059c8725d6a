"""``hub preview`` says whether the item's picture goes with the post (and how), and
what parts a long post becomes, from each sink's own functions."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from typer.testing import CliRunner

from bots.limits import TELEGRAM
from bots.mastodon.format import status_length, thread_statuses
from bots.telegram.format import part_texts
from bots.telegram.thread import shown_length
from hub.cli import _register, app
from hub.core.ports import Message

SHORT = {
    "title": "Porto Alegre opens its youth budget",
    "link": "https://oidp.net/en/news/porto-alegre",
    "summary_text": "Young people vote on a share of the city's budget.",
    "language": "en",
    "image_url": "https://oidp.net/media/pa.jpg",
}
SENTENCE = "The assembly met in the school hall and voted on twelve proposals for the district. "
LONG = {**SHORT, "summary_text": "\n\n".join(SENTENCE * 8 for _ in range(9))}


def run(tmp_path: Path, item: dict[str, Any], *args: str) -> str:
    _register()
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    result = CliRunner().invoke(app, ["preview", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "pa.png"
    Image.new("RGB", (1600, 900), (20, 90, 160)).save(path, format="PNG")
    return path


def line(output: str, name: str) -> str:
    [found] = re.findall(rf"^{name}: (.*)$", output, flags=re.M)
    return found


def message(item: dict[str, Any], **extra: Any) -> Message:
    return Message(
        delivery_id=0,
        kind="item",
        title=item["title"],
        text=item["summary_text"],
        link=item["link"],
        language="en",
        extra=extra,
    )


def test_a_short_item_goes_with_the_hubs_copy_as_each_sink_uploads_it(tmp_path, picture):
    args = ("--picture", str(picture), "--alt", "Young people voting")
    telegram = run(tmp_path, SHORT, "-p", "telegram", *args)
    assert line(telegram, "picture").startswith(
        "uploaded: sendPhoto with the hub's copy (1600 x 900"
    )
    assert line(telegram, "parts").startswith("1 message")
    mastodon = run(tmp_path, SHORT, "-p", "mastodon", *args)
    assert line(mastodon, "picture").startswith("uploaded: POST /api/v2/media (1600 x 900")
    bluesky = run(tmp_path, SHORT, "-p", "bluesky", *args)
    # the post has a link: the picture is its card's thumb, shrunk to 2000 px a side at most
    assert line(bluesky, "picture").startswith("uploaded: uploadBlob (1600 x 900")
    assert "the link card's thumb" in line(bluesky, "picture")
    no_link = {key: value for key, value in SHORT.items() if key != "link"}
    bare = run(tmp_path, no_link, "-p", "bluesky", *args)
    assert "an image embed with its alt text" in line(bare, "picture")


def test_without_a_checked_copy_only_the_url_platforms_show_a_picture(tmp_path):
    telegram = run(tmp_path, SHORT, "-p", "telegram")
    assert line(telegram, "picture").startswith(f"URL: sendPhoto with {SHORT['image_url']}")
    mastodon = run(tmp_path, SHORT, "-p", "mastodon")
    assert line(mastodon, "picture").startswith("none: the hub holds no checked copy")
    plain = {key: value for key, value in SHORT.items() if key != "image_url"}
    assert line(run(tmp_path, plain, "-p", "mastodon"), "picture") == "none"


def test_a_long_item_on_telegram_is_a_thread_and_its_picture_is_dropped_with_the_reason(
    tmp_path, picture
):
    output = run(tmp_path, LONG, "-p", "telegram", "--picture", str(picture), "--parts")
    expected = part_texts(message(LONG))  # the sink's own splitter
    assert len(expected) > 1
    assert line(output, "picture").startswith(
        f"dropped: the text continues as a thread of {len(expected)} text messages"
    )
    lengths = " / ".join(f"{shown_length(text):,}" for text in expected)
    assert line(output, "parts") == (
        f"a thread of {len(expected)} ({lengths} characters shown, after entities)"
    )
    assert all(shown_length(text) <= TELEGRAM.text for text in expected)
    assert output.count("--- part ") == len(expected)
    assert expected[-1] in output


def test_a_thread_route_on_mastodon_shows_each_status_and_says_the_picture_stays_behind(
    tmp_path, picture
):
    flat = run(tmp_path, LONG, "-p", "mastodon")
    assert line(flat, "parts").startswith("1 message")
    output = run(tmp_path, LONG, "-p", "mastodon", "--thread", "--picture", str(picture))
    statuses = thread_statuses(message(LONG, thread=True))
    assert len(statuses) > 1
    lengths = " / ".join(f"{status_length(status):,}" for status in statuses)
    assert f"a thread of {len(statuses)} ({lengths} characters as Mastodon" in output
    assert line(output, "picture").startswith("dropped: on a thread = true route")


def test_a_platform_that_names_a_url_says_so(tmp_path):
    output = run(tmp_path, SHORT, "-p", "webhook")
    assert line(output, "picture").startswith(("URL: the request names", "none"))


def test_an_unreadable_picture_file_is_refused_in_words(tmp_path):
    bad = tmp_path / "page.jpg"
    bad.write_bytes(b"<!doctype html><html>not a picture</html>")
    _register()
    path = tmp_path / "item.json"
    path.write_text(json.dumps(SHORT), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["preview", str(path), "-p", "telegram", "--picture", str(bad)]
    )
    assert result.exit_code != 0
    assert "not an image" in str(result.exception) + result.output


def test_a_picture_too_big_to_fit_is_dropped_with_its_reason(tmp_path):
    narrow = tmp_path / "strip.png"
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 100), (200, 10, 10)).save(buffer, format="PNG")
    narrow.write_bytes(buffer.getvalue())
    output = run(tmp_path, SHORT, "-p", "telegram", "--picture", str(narrow))
    # Telegram refuses sides' ratio over 20, which no resize changes: the post goes as text
    assert line(output, "picture").startswith("dropped: the picture is 4000 x 100")
    assert "ratio" in line(output, "picture")

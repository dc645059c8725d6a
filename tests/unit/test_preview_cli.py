"""``hub preview``: the JSON contract ``[{"method", "path", "body"}]`` per platform."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.errors import ProblemsError

ITEM = {
    "title": "IOPD Award 2027: call <open>",
    "link": "https://oidp.net/en/award.php?y=2027&l=en",
    "summary_html": "<p>Cities may apply <b>until 31 March</b> &amp; win.</p>",
    "language": "en",
    "tags": ["award", "participatory budgeting"],
}
PATHS = {
    "slack": "/chat.postMessage",
    "telegram": "/sendMessage",
    "mastodon": "/api/v1/statuses",
    "bluesky": "/xrpc/com.atproto.repo.createRecord",
    "discord": "/webhooks/{webhook_id}/{token}?wait=true",
    "webhook": "/hub",
    "teams": "{webhook_url}",
}


def preview(tmp_path: Path, item: Any, *args: str) -> Any:
    _register()
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    return CliRunner().invoke(app, ["preview", str(path), *args])


def preview_json(tmp_path: Path, item: Any, *args: str) -> list[dict[str, Any]]:
    result = preview(tmp_path, item, "--json", *args)
    assert result.exit_code == 0, result.output
    requests: list[dict[str, Any]] = json.loads(result.stdout)
    return requests


@pytest.mark.parametrize("platform", sorted(PATHS))
def test_json_is_a_list_of_method_path_body(tmp_path: Path, platform: str) -> None:
    requests = preview_json(tmp_path, ITEM, "--platform", platform)
    assert [sorted(r) for r in requests] == [["body", "method", "path"]] * len(requests)
    assert requests[-1]["method"] == "POST"
    assert requests[-1]["path"] == PATHS[platform]
    assert isinstance(requests[-1]["body"], dict)


def test_telegram_preview_is_what_the_sink_sends(tmp_path: Path) -> None:
    [request] = preview_json(
        tmp_path, ITEM, "--platform", "telegram", "--target", "-100123", "--thread-id", "4"
    )
    body = request["body"]
    assert body["chat_id"] == -100123 and body["message_thread_id"] == 4
    assert body["parse_mode"] == "HTML"
    assert body["text"].startswith("<b>IOPD Award 2027: call &lt;open&gt;</b>\n\nCities may apply")
    assert body["text"].endswith(
        '<a href="https://oidp.net/en/award.php?y=2027&amp;l=en">Read more</a>'
    )


def test_slack_preview_from_plain_text_and_image(tmp_path: Path) -> None:
    item = {**ITEM, "summary_html": None, "summary_text": "a < b", "image_url": "https://x/p.png"}
    [request] = preview_json(tmp_path, item, "--platform", "slack", "--target", "C0NEWS")
    body = request["body"]
    assert body["channel"] == "C0NEWS"
    kinds = [block["type"] for block in body["blocks"]]
    assert kinds == ["header", "image", "section", "context", "section"]
    assert body["blocks"][2]["text"]["text"] == "a &lt; b"


def test_human_output_names_the_call(tmp_path: Path) -> None:
    result = preview(tmp_path, ITEM, "--platform", "telegram")
    assert result.exit_code == 0
    assert result.stdout.startswith("POST /sendMessage\n{")


def test_unknown_platform_exits_2_and_lists_the_installed(tmp_path: Path) -> None:
    result = preview(tmp_path, ITEM, "--platform", "myspace")
    assert result.exit_code == 2
    assert "slack" in result.output and "telegram" in result.output


@pytest.mark.parametrize(
    ("item", "key"),
    [
        ({"link": "https://x"}, "title"),
        ({**ITEM, "tags": "award"}, "tags"),
        ({**ITEM, "link": 3}, "link"),
        (["not", "an", "object"], ""),
    ],
)
def test_bad_items_name_the_key(tmp_path: Path, item: Any, key: str) -> None:
    result = preview(tmp_path, item, "--platform", "slack")
    assert isinstance(result.exception, ProblemsError)
    assert [p.key for p in result.exception.problems][:1] == [key]


def test_a_list_or_an_ingest_report_previews_every_item(tmp_path: Path) -> None:
    second = {**ITEM, "title": "Second"}
    listed = preview_json(tmp_path, [ITEM, second], "--platform", "mastodon")
    report = preview_json(tmp_path, {"ok": True, "items": [ITEM, second]}, "--platform", "mastodon")
    assert listed == report
    assert [r["body"]["status"].split("\n")[0] for r in listed] == [ITEM["title"], "Second"]


def test_an_empty_report_is_a_problem(tmp_path: Path) -> None:
    result = preview(tmp_path, {"ok": True, "items": []}, "--platform", "slack")
    assert isinstance(result.exception, ProblemsError)


def test_discord_preview_is_one_embed_without_the_token(tmp_path: Path) -> None:
    [request] = preview_json(tmp_path, ITEM, "--platform", "discord", "--target", "1100")
    assert request["path"] == "/webhooks/1100/{token}?wait=true"
    [embed] = request["body"]["embeds"]
    assert embed["title"] == "IOPD Award 2027: call \\<open>"
    assert embed["description"] == "Cities may apply **until 31 March** & win."
    assert embed["footer"] == {"text": "#award #participatory_budgeting"}
    assert request["body"]["allowed_mentions"] == {"parse": []}


def test_webhook_preview_is_the_created_event(tmp_path: Path) -> None:
    [request] = preview_json(tmp_path, ITEM, "--platform", "webhook")
    body = request["body"]
    assert (body["event"], body["title"], body["link"]) == (
        "message.created",
        ITEM["title"],
        ITEM["link"],
    )
    assert body["html"] == ITEM["summary_html"]


def test_matrix_preview_is_the_put_with_the_deliverys_transaction_id(tmp_path: Path) -> None:
    [request] = preview_json(tmp_path, ITEM, "--platform", "matrix", "--target", "!n:oidp.net")
    assert request["method"] == "PUT"
    assert request["path"] == "/_matrix/client/v3/rooms/%21n%3Aoidp.net/send/m.room.message/hub-0"
    body = request["body"]
    assert (body["msgtype"], body["format"]) == ("m.text", "org.matrix.custom.html")
    assert "<b>until 31 March</b> &amp; win." in body["formatted_body"]
    assert body["body"].startswith("IOPD Award 2027: call <open>\n\nCities may apply")


def test_teams_preview_is_an_adaptive_card_without_the_webhook_url(tmp_path: Path) -> None:
    [request] = preview_json(tmp_path, ITEM, "--platform", "teams")
    [attachment] = request["body"]["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["body"][1]["text"] == "Cities may apply **until 31 March** & win."
    assert card["actions"][0]["url"] == ITEM["link"]


def test_apprise_preview_is_the_notification_without_the_url(tmp_path: Path) -> None:
    [request] = preview_json(tmp_path, ITEM, "--platform", "apprise")
    assert (request["method"], request["path"]) == ("NOTIFY", "{apprise_url}")
    assert request["body"]["title"] == ITEM["title"]
    assert request["body"]["body"].startswith("Cities may apply until 31 March & win.")

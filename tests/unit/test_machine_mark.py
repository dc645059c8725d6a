"""A machine translation nobody edited says so on every platform: the shared mark
(``bots.formatting.machine_mark``) in the post's language, linked to the original where
the platform has links, placed by each platform's formatter within its limits."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from bots.bluesky import format as bluesky
from bots.discord import format as discord
from bots.formatting import machine_mark, utf16_len
from bots.limits import TELEGRAM
from bots.mastodon import format as mastodon
from bots.slack import format as slack
from bots.telegram import format as telegram
from bots.webhook import format as webhook
from hub.core.ports import ChannelInfo, Message

NOW = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
ORIGINAL = "https://oidp.net/es/noticias/dakar"
FRENCH_PAGE = "https://oidp.net/fr/actualites/dakar"
FRENCH = "Traduit automatiquement de l'espagnol"


def message(**fields: Any) -> Message:
    base: dict[str, Any] = {
        "delivery_id": 7,
        "kind": "item",
        "title": "[fr] Séminaire à Dakar",
        "html": "<p>[fr] La participation citoyenne face au climat</p>",
        "link": FRENCH_PAGE,
        "language": "fr",
        "tags": ("climat",),
        "machine_from": "es",
        "original_link": ORIGINAL,
    }
    return Message(**(base | fields))


def bodies(platform: str, msg: Message) -> list[dict[str, Any]]:
    channel = ChannelInfo("africa", platform, "@oidp_afrique", "fr")
    if platform == "telegram":
        requests = telegram.requests_for(msg, channel)
    elif platform == "slack":
        requests = slack.requests_for(msg, channel)
    elif platform == "mastodon":
        requests = mastodon.requests_for(msg, channel)
    elif platform == "bluesky":
        requests = bluesky.requests_for(msg, channel, now=NOW)
    elif platform == "discord":
        requests = discord.requests_for(msg, channel)
    else:
        requests = webhook.requests_for(msg, channel)
    return [dict(request.body) for request in requests]


PLATFORMS = ["telegram", "slack", "mastodon", "bluesky", "discord", "webhook"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_platform_marks_a_machine_translation_in_the_channel_s_language(
    platform: str,
) -> None:
    marked = json.dumps(bodies(platform, message()), ensure_ascii=False)
    assert FRENCH in marked
    assert ORIGINAL in marked  # the original is one click away
    plain = json.dumps(bodies(platform, message(machine_from=None)), ensure_ascii=False)
    assert FRENCH not in plain and ORIGINAL not in plain


def test_each_platform_links_the_mark_itself_to_the_original() -> None:
    [tg] = bodies("telegram", message())
    assert f'<i><a href="{ORIGINAL}">{FRENCH}</a></i>' in tg["text"]
    [sl] = bodies("slack", message())
    contexts = [b["elements"][0]["text"] for b in sl["blocks"] if b["type"] == "context"]
    assert f"_<{ORIGINAL}|{FRENCH}>_" in contexts
    [bs] = bodies("bluesky", message())
    record = bs["record"]
    encoded = record["text"].encode()
    linked = {
        encoded[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(): f["features"][0]
        for f in record["facets"]
    }
    assert linked[FRENCH] == {"$type": bluesky.LINK, "uri": ORIGINAL}
    [dc] = bodies("discord", message())
    assert dc["embeds"][0]["author"] == {"name": FRENCH, "url": ORIGINAL}
    [wh] = bodies("webhook", message())
    expected = {"from": "es", "label": FRENCH, "original_link": ORIGINAL}
    assert wh["machine_translated"] == expected
    [md] = bodies("mastodon", message())
    assert f"{FRENCH} {ORIGINAL}" in md["status"]


def test_mastodon_does_not_repeat_the_link_when_the_post_already_points_at_the_original() -> None:
    [status] = bodies("mastodon", message(link=ORIGINAL))
    assert status["status"].count(ORIGINAL) == 1
    assert f"{FRENCH}\n\n{ORIGINAL}" in status["status"]


def test_the_mark_is_in_the_post_s_language_and_names_the_source_language() -> None:
    words = {
        lang: mark.text
        for lang in ("en", "es", "fr", "ca", "pt")
        if (mark := machine_mark(message(language=lang, machine_from="ca"))) is not None
    }
    assert words == {
        "en": "Machine-translated from Catalan",
        "es": "Traducido automáticamente del catalán",
        "fr": "Traduit automatiquement du catalan",
        "ca": "Traduït automàticament del català",
        "pt": "Traduzido automaticamente do catalão",
    }
    unknown = machine_mark(message(language="pt", machine_from="de"))
    assert unknown is not None and unknown.text == "Tradução automática"
    unsafe = machine_mark(message(original_link="javascript:alert(1)"))
    assert unsafe is not None and unsafe.link is None


def test_a_long_telegram_post_keeps_its_mark_and_its_limit() -> None:
    long = message(html="<p>" + "mot " * 2000 + "</p>")
    text = telegram.render(long, TELEGRAM.text)
    assert utf16_len(text) <= TELEGRAM.text
    assert FRENCH in text and text.rstrip().endswith("</a>")

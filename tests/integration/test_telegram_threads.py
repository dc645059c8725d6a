"""A long Telegram post continues as a thread (python-telegram-bot against the stand-in).

The stand-in refuses a message over 4,096 characters of shown text and a reply to a
message it does not hold, as the Bot API does; every part is checked with
``bots.telegram.html.parse(strict=True)`` for balanced HTML.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from bots.limits import TELEGRAM
from bots.telegram.format import part_texts
from bots.telegram.html import parse
from bots.telegram.sink import telegram_sink
from bots.telegram.standin import TelegramStandIn
from bots.telegram.thread import shown_length, split_html
from hub.core.ports import ChannelInfo, Message

TOKEN = "123456:stand-in-token"
CHANNEL_ID = -1001000000001
T = TypeVar("T")

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")


def long_html(paragraphs: int = 14) -> str:
    """Paragraphs of sentences with bold, links and escaped characters across them."""
    sentence = (
        "Participatory budgets in <b>Porto Alegre &amp; Lisbon</b> grew <i>again</i>. "
        '<a href="https://oidp.net/x?a=1&amp;b=2">The report</a> says 3 &lt; 5 cities. '
    )
    return "".join(f"<p>{sentence * 6} Paragraph {n}.</p>" for n in range(paragraphs))


def item(html: str, **fields: Any) -> Message:
    base: dict[str, Any] = {"delivery_id": 7, "kind": "item", "title": "A long report"}
    return Message(**{**base, "html": html, "link": "https://oidp.net/report", **fields})


def run(test: Callable[[TelegramStandIn], Awaitable[T]]) -> T:
    async def main() -> T:
        async with TelegramStandIn((TOKEN,)) as standin:
            standin.add_chat(CHANNEL_ID, type="channel", username="iopd_news")
            return await test(standin)

    return asyncio.run(main())


def channel(standin: TelegramStandIn) -> ChannelInfo:
    return ChannelInfo("tg", "telegram", str(CHANNEL_ID), base_url=standin.url)


@pytest.mark.parametrize("limit", [2000, 700, 120, 40])
def test_every_part_is_balanced_and_within_the_limit(limit: int) -> None:
    whole = "<b>Title</b>\n\n" + "".join(
        f'<blockquote><b>Bold {n} &amp; more</b> words <a href="https://e.org/{n}">'
        f"link text {n}</a>. Next sentence here!\n\n</blockquote>"
        for n in range(60)
    )
    parts = split_html(whole, limit)
    assert len(parts) > 1
    shown = [parse(part, strict=True)[0] for part in parts]
    assert all(len(text.encode("utf-16-le")) // 2 <= limit for text in shown)
    # nothing lost, nothing repeated: the parts' words are the whole's words
    assert " ".join(shown).split() == parse(whole)[0].split()


def test_cuts_fall_at_paragraphs_then_sentences() -> None:
    paragraph = "One sentence here. " * 20
    whole = "\n\n".join(paragraph.strip() for _ in range(6))
    for part in split_html(whole, 1000):
        assert part.endswith("here."), part[-30:]
    sentences = split_html("Short one. " * 200, 500)
    assert all(part.endswith(".") for part in sentences)


def test_a_post_within_the_limit_is_one_message() -> None:
    assert len(part_texts(item("<p>Short.</p>"))) == 1
    parts = part_texts(item(long_html()))
    assert len(parts) >= 2
    assert all(shown_length(part) <= TELEGRAM.text for part in parts)


def test_a_long_post_arrives_in_full_as_a_reply_chain() -> None:
    async def body(standin: TelegramStandIn) -> None:
        sink = telegram_sink(channel(standin), TOKEN)
        await sink.start()
        recorded: list[tuple[str, ...]] = []

        async def progress(ids: tuple[str, ...]) -> None:
            recorded.append(ids)

        message = item(long_html(), progress=progress)
        receipt = await sink.send(message)
        await sink.close()
        ids = receipt.platform_message_id.split()
        assert len(ids) >= 2
        assert recorded[-1] == tuple(ids) and [len(r) for r in recorded] == list(
            range(1, len(ids) + 1)
        )
        held = [standin.stored[(CHANNEL_ID, int(i))] for i in ids]
        assert held[0].reply_to is None
        assert [m.reply_to for m in held[1:]] == [int(i) for i in ids[:-1]]
        assert all(len(m.text) <= TELEGRAM.text for m in held)
        whole = " ".join(m.text for m in held)
        assert "Paragraph 13." in whole and "Paragraph 0." in whole

    run(body)


def test_a_crash_mid_thread_posts_only_the_parts_not_recorded() -> None:
    async def body(standin: TelegramStandIn) -> None:
        sink = telegram_sink(channel(standin), TOKEN)
        await sink.start()
        first = await sink.send(item(long_html(20)))
        ids = first.platform_message_id.split()
        assert len(ids) >= 3
        # the worker died after recording the first two parts: the next attempt has them
        for part in ids[2:]:
            standin.stored[(CHANNEL_ID, int(part))].deleted = True
        sends = sum(1 for r in standin.received if r.method == "sendMessage")
        message = item(long_html(20), posted=tuple(ids[:2]), attempt=2, in_doubt=True)
        again = await sink.send(message)
        await sink.close()
        new_sends = sum(1 for r in standin.received if r.method == "sendMessage") - sends
        assert new_sends == len(ids) - 2
        again_ids = again.platform_message_id.split()
        assert again_ids[:2] == ids[:2]
        assert standin.stored[(CHANNEL_ID, int(again_ids[2]))].reply_to == int(ids[1])

    run(body)


def test_an_edit_updates_every_part_and_a_retraction_deletes_every_part() -> None:
    async def body(standin: TelegramStandIn) -> None:
        sink = telegram_sink(channel(standin), TOKEN)
        await sink.start()
        sent = (await sink.send(item(long_html(14)))).platform_message_id
        n = len(sent.split())
        edited_html = long_html(14).replace("grew", "shrank")
        edit = item(edited_html, kind="correction", edit_of=sent, delivery_id=8)
        same = (await sink.send(edit)).platform_message_id
        assert same == sent
        assert all("shrank" in standin.stored[(CHANNEL_ID, int(i))].text for i in sent.split())
        # shorter: the parts left over are deleted; longer: new parts reply to the last
        shorter = (await sink.send(replace(edit, html=long_html(3)))).platform_message_id
        assert shorter.split() == sent.split()[: len(shorter.split())] and len(shorter.split()) < n
        gone = sent.split()[len(shorter.split()) :]
        assert all(standin.stored[(CHANNEL_ID, int(i))].deleted for i in gone)
        longer = await sink.send(replace(edit, html=long_html(20), edit_of=shorter))
        grown = longer.platform_message_id.split()
        assert grown[: len(shorter.split())] == shorter.split() and len(grown) > n
        assert standin.stored[(CHANNEL_ID, int(grown[-1]))].reply_to == int(grown[-2])
        retraction = item("", kind="retraction", edit_of=longer.platform_message_id)
        await sink.send(retraction)
        await sink.close()
        assert all(standin.stored[(CHANNEL_ID, int(i))].deleted for i in grown)

    run(body)


def test_the_standin_refuses_a_reply_to_a_message_it_does_not_hold() -> None:
    async def body(standin: TelegramStandIn) -> None:
        sink = telegram_sink(channel(standin), TOKEN)
        await sink.start()
        with pytest.raises(Exception, match=r"(?i)message to be replied not found"):
            await sink.bot.send_message(
                CHANNEL_ID,
                "hello",
                reply_parameters={"message_id": 999},  # type: ignore[arg-type]
            )
        await sink.close()

    run(body)

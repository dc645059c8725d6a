"""How many records of a kind the assistant holds ("how many working groups do you know
of?", "¿cuántas oficinas tienes registradas?", "combien de bureaux connaissez-vous ?"):
asked of the assistant's own records, not of the world, the count is of the records listed,
said as such ("I have records of 4: …"), never as how many there are (issue 22).

A how-many question without such words asks how many there are, which only a record
writing the count answers (:mod:`answers_counts`); a count of the world no record writes
(members, attendees) is handed off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.reading import Reading

HELD: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("do", "you", "have", "records", "of"),
        ("do", "you", "have", "a", "record", "of"),
        ("do", "you", "have", "on", "record"),
        ("have", "you", "got", "records", "of"),
        ("do", "you", "have", "in", "your", "records"),
        ("are", "in", "your", "records"),
        ("do", "you", "know", "of"),
        ("do", "you", "know", "about"),
        ("are", "you", "aware", "of"),
    ),
    "es": (
        ("tienes", "registradas"),
        ("tienes", "registrados"),
        ("tiene", "registradas"),
        ("tiene", "registrados"),
        ("teneis", "registradas"),
        ("teneis", "registrados"),
        ("en", "tus", "registros"),
        ("en", "sus", "registros"),
        ("en", "vuestros", "registros"),
        ("conoces",),
        ("conoce", "usted"),
        ("conoceis",),
    ),
    "fr": (
        ("connaissez", "vous"),
        ("connais", "tu"),
        ("vous", "connaissez"),
        ("tu", "connais"),
        ("dans", "vos", "dossiers"),
        ("dans", "tes", "dossiers"),
        ("dans", "vos", "archives"),
        ("avez", "vous", "en", "memoire"),
        ("avez", "vous", "des", "traces"),
    ),
    "ca": (
        ("tens", "registrades"),
        ("tens", "registrats"),
        ("teniu", "registrades"),
        ("teniu", "registrats"),
        ("als", "teus", "registres"),
        ("als", "vostres", "registres"),
        ("coneixes",),
        ("coneixeu",),
    ),
    "pt": (
        ("tens", "registadas"),
        ("tens", "registados"),
        ("tem", "registadas"),
        ("tem", "registados"),
        ("tem", "registradas"),
        ("tem", "registrados"),
        ("nos", "teus", "registos"),
        ("nos", "seus", "registos"),
        ("nos", "seus", "registros"),
        ("conheces",),
        ("voce", "conhece"),
        ("voces", "conhecem"),
    ),
}
"""The words, normalised, that ask what the assistant itself holds, in the five languages:
a verb of having or knowing in the second person, or "in your records"."""

ITEM = "•"
"""How a list answer opens each record it lists."""


def held_span(words: list[str], language: str) -> tuple[int, int] | None:
    """Where ``words`` ask what the assistant holds (start, end), or None."""
    for phrase in HELD.get(language, ()):
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == phrase:
                return start, start + size
    return None


def listed_count(reply: Reply) -> int:
    """How many records a list answer lists, one per item line; 0 when it lists none or
    is cut short (its own closing line says the total)."""
    lines = reply.text.splitlines()
    items = [line for line in lines if line.lstrip().startswith(ITEM)]
    if not items or not lines[-1].lstrip().startswith(ITEM):
        return 0
    return len(items)


def held_counted(
    ctx: Context, reading: Reading, decide: Callable[[Context, Reading], Decision]
) -> Decision | None:
    """Asked how many records of a kind the assistant holds ("how many working groups do
    you know of?"): the records of that kind listed (``decide`` answering the question as
    a list, without the words asking what is held), opened by how many they are ("I have
    records of 4."); None when the question asks no such thing or no list of them is
    answered (how many there are is then asked, of the records)."""
    span = held_span(reading.words, ctx.language)
    if span is None:
        return None
    kept = reading.words[: span[0]] + reading.words[span[1] :]
    listing = replace(
        reading, qtype="list", words=kept, content=[w for w in reading.content if w in kept]
    )
    decision = decide(ctx, listing)
    count = listed_count(decision.reply) if not decision.reply.handoff else 0
    if not count:
        return None
    reply = decision.reply
    text = f"{ctx.phrase('records_held', count=count)} {reply.text}"
    return Decision(
        Reply(text, reply.sources, target=reply.target), "how_many", decision.confidence
    )

"""The network's going to an event, said as a clause around the event's name, set aside.

Members name an event by the network's relation to it: "the UCLG congress the OIDP is
attending this autumn", "the PB conference the secretariat is going to", "o OIDP vai ao
WUF 10?", "le congrès où le Secrétariat se rend". Who goes is no topic: no record names
the network as the one attending in those words, so the clause's words would only pull
the ranking away from the event, or leave the question handed off. The clause (one of the
network's words, then a verb of going or attending, with the small words around them) is
taken out of the words searched for and kept as context, where it still helps rank.

The words are the vocabulary's (``attending``, and ``network_words`` for the network's
own names), in the five languages.
"""

from __future__ import annotations

import re
from functools import cache

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary, network_words

REACH = 5
"""At most this many small words and verbs after the goer make up the clause ("the
secretariat is also going to")."""
_TOKEN = re.compile(r"[^\W_]+")
_OPENS = frozenset(".?!¿¡:«\"'")
"""Marks after which a capital opens a sentence or a quote, no name."""
BEFORE = 2
"""At most this many small words before the goer belong to the clause ("that the")."""


@cache
def _words() -> dict[str, frozenset[str]]:
    data = load_vocabulary().sections.get("attending") or {}
    said = network_words()
    out = {
        key: frozenset(w for p in data.get(key, []) for w in normalise(str(p)).split())
        for key in ("goers", "links", "verbs", "after")
    }
    out["goers"] = out["goers"] | said["words"] | said["nouns"] | {said["acronym"]}
    return out


def attending_span(words: list[str]) -> tuple[int, int] | None:
    """The first clause of the network going to something in ``words``, as (start, end),
    end excluded; None when the words say none."""
    table = _words()
    goers, links, verbs, after = table["goers"], table["links"], table["verbs"], table["after"]
    after_one = [[w] for w in after]  # "va al", "going to": a link going to a place
    for g, word in enumerate(words):
        if word not in goers:
            continue
        last = None
        for i in range(g + 1, min(len(words), g + 1 + REACH)):
            if words[i] in verbs and (words[i] not in links or words[i + 1 : i + 2] in after_one):
                last = i
            elif words[i] not in links and words[i] not in after:
                break
        if last is None:  # "¿a qué congreso va el OIDP?": the verb before the goer
            first = _verb_before(words, g)
            if first is not None:
                return first, g + 1
            continue
        end = last + 1
        while end < len(words) and words[end] in after and end - last <= 2:
            end += 1
        start = g
        while start > 0 and g - start < BEFORE and words[start - 1] in links:
            start -= 1
        return start, end
    return None


def _verb_before(words: list[str], goer: int) -> int | None:
    """Where the verb of going before the goer at ``goer`` starts its clause, only small
    words between them; None when there is none."""
    table = _words()
    first = None
    for i in range(goer - 1, max(-1, goer - 1 - REACH), -1):
        if words[i] in table["verbs"] and i < goer - 1:  # "va el OIDP", not "PARTICIPATE
            first = i  # OIDP": a name
        elif words[i] not in table["links"]:
            break
    return first


def attending_aside(words: list[str], text: str) -> tuple[list[str], str]:
    """``words`` and ``text`` without the clause of the network going to the event they
    name; as they are when they say none, or when nothing but the clause would be left."""
    span = attending_span(words)
    if span is None:
        return words, text
    start, end = span
    left = words[:start] + words[end:]
    if not _names(text) & set(left):  # "the external events the secretariat attends": the
        return words, text  # relation is what is asked, no event is named
    return left, _without(text, words[start:end])


def _names(text: str) -> set[str]:
    """The words of ``text`` written as a name: in capitals ("UCLG", "WUF"), with a digit
    ("20e", "10"), or capitalised after the sentence's first word ("Rabat")."""
    out: set[str] = set()
    for i, m in enumerate(_TOKEN.finditer(text)):
        word = m.group()
        if (
            sum(c.isupper() for c in word) >= 2
            or any(c.isdigit() for c in word)
            or (i > 0 and word[0].isupper() and text[: m.start()].rstrip()[-1:] not in _OPENS)
        ):
            out.update(normalise(word).split())
    return out


def _without(text: str, clause: list[str]) -> str:
    """``text`` with the words of ``clause`` cut where they run in it, as written; as it is
    when they do not run in it (a word written apart, or in two)."""
    tokens = [(m.start(), m.end(), normalise(m.group())) for m in _TOKEN.finditer(text)]
    said = [t for _, _, t in tokens]
    for i in range(len(said) - len(clause) + 1):
        if said[i : i + len(clause)] == clause:
            cut = text[: tokens[i][0]] + text[tokens[i + len(clause) - 1][1] :]
            return " ".join(cut.split())
    return text


__all__ = ["attending_aside", "attending_span"]

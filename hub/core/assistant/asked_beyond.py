"""Requests no record answers, told by words near each other rather than by one phrase.

"the e-mails of all the members", "el correo de la presidencia": a contact asked of a
person or of the members; "o OIDP paga as viagens dos representantes?": a trip paid for;
"quins governs són ara mateix membres?": the members as they are now. The records hold the
network's contact channel, fund no member's travel and say who may join, never who has:
any record sharing a word would be an invented answer, so the question is handed off.

Each chain of the vocabulary's ``beyond_chains`` is word sets in order, each word within
``reach`` words of the one before ("paga as viagens", "correos electrónicos de todos los
miembros"). "Quins governs poden ser membres?" (who may join) has no "are" and is answered.
"""

from __future__ import annotations

from functools import cache

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

Chain = tuple[int, tuple[frozenset[str], ...]]


@cache
def chains(section: str) -> tuple[Chain, ...]:
    """The word chains of the vocabulary's ``section`` (``beyond_chains``, and the
    ``beside_requests`` of :mod:`~hub.core.assistant.requests_beside`)."""
    data = load_vocabulary().sections.get(section) or []
    return tuple(
        (
            int(chain["reach"]),
            tuple(frozenset(normalise(str(w)) for w in words) for words in chain["sets"]),
        )
        for chain in data
    )


def chain_found(words: list[str], section: str) -> tuple[str, ...]:
    """The words of ``words`` (normalised) holding one of the chains of the vocabulary's
    ``section``, the first chain that holds; none when no chain does."""
    for reach, sets in chains(section):
        found = _found(words, reach, sets)
        if found:
            return found
    return ()


def _found(words: list[str], reach: int, sets: tuple[frozenset[str], ...]) -> tuple[str, ...]:
    """The words of the first run of ``words`` holding ``sets`` in order, each within
    ``reach`` of the one before; none when no run does."""
    for start, word in enumerate(words):
        if word not in sets[0]:
            continue
        run = [start]
        for wanted in sets[1:]:
            after = run[-1] + 1
            nxt = next(
                (i for i in range(after, after + reach) if i < len(words) and words[i] in wanted),
                None,
            )
            if nxt is None:
                break
            run.append(nxt)
        if len(run) == len(sets):
            return tuple(words[i] for i in run)
    return ()


def asked_beyond(words: list[str]) -> tuple[str, ...]:
    """The words of ``words`` (normalised) asking what no record holds, by one of the
    vocabulary's ``beyond_chains``; none when they ask nothing so."""
    return chain_found(words, "beyond_chains")

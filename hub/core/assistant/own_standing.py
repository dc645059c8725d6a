"""Whether the asker's own body is a member (issue 22): "is my city a member of the IOPD?",
"¿nuestro ayuntamiento ya es miembro?", "notre commune est-elle membre ?", "el meu
ajuntament és membre?", "a minha câmara é membro do OIDP?".

The records hold no list of members, only the kinds of bodies that may join and some
examples; what the asker's own body is, they cannot know. Answered from the membership
record, such a question is told "yes" because local governments are members: an invented
answer. It is handed off, saying plainly that the records hold no list of members.

Unchanged: whether a kind of body may be a member ("can my city be a member?", "pode a
minha ONG ser membro?": eligibility, answered from the kinds admitted), how to join, and any
question not asking yes or no.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.lists_unheld import no_member_list, standing_words
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary
from hub.core.assistant.vocabulary_file import load_vocabulary

OWN_REACH = 2
"""At most this many words between "my/our" and the asker's noun ("our small city")."""


@cache
def _may_be() -> tuple[str, ...]:
    section = load_vocabulary().sections.get("own_standing") or {}
    return tuple(normalise(str(p)) for p in section.get("may_be") or [])


def _own_body(words: list[str], vocabulary: Vocabulary) -> int | None:
    """Where a possessive followed, within :data:`OWN_REACH` words, by a noun of a body
    ("mi ayuntamiento", "a nossa pequena câmara", "notre commune") starts; None if none."""
    return next(
        (
            i
            for i, w in enumerate(words)
            if w in vocabulary.possessives
            and any(x in vocabulary.askers for x in words[i + 1 : i + 2 + OWN_REACH])
        ),
        None,
    )


def own_standing_asked(
    ctx: Context, reading: Reading, decision: Decision, vocabulary: Vocabulary
) -> Decision | None:
    """A handoff saying the records hold no list of members when ``decision`` answers
    whether the asker's own body is a member; None when it is kept."""
    if decision.reply.sources and decision.reply.handoff:  # a handoff saying why: kept
        return None
    if not (reading.polar or reading.qtype == "yesno"):
        return None
    words = reading.words
    members, eligibility = standing_words()
    own = _own_body(words, vocabulary)
    if own is None or not any(w in members for w in words[own + 1 :]):  # the body is the
        return None  # subject ("is my city a member"), not "do members of my team pay"
    said = f" {' '.join(words)} "
    if any(f" {p} " in said for p in (*eligibility, *_may_be())):  # "can my city be one?"
        return None
    reply = ctx.handoff(no_member_list(ctx.language))
    return replace(decision, reply=reply, confidence=min(decision.confidence, 0.3))

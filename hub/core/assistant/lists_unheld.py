"""Lists and counts of members the records do not hold whole (issue 22): "all the cities
that joined this year", "a complete list of the members doing Y", "which members besides
A", "every member in region Z", "how many members does X have".

The knowledge holds members only as examples (a programme's member examples, a roundup's
items), never as a membership list: answering such a question with the examples as if they
were the list, or with another record (a members' meeting, how to join, a roundup's count of
news), invents. The question is handed off, saying plainly that the records hold no complete
list, with the examples known of the place asked (none named in the question as set aside)
listed as examples and cited.

Unchanged: a question asking for an example or some of the members, or for their kinds
("what kinds of members"); a list the records hold as a whole, a record whose ``members``
field lists them (a circle's members); and, when no word asks the whole list, an answer
citing an example itself ("which members from Brazil led a discussion there?"); a yes/no
question ("must every member choose a body?"); a handoff citing a record, which says why.

Read from the vocabulary's ``lists_unheld`` section (closed word sets per language).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.index import EntryView
from hub.core.assistant.place_names import demonyms
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

if TYPE_CHECKING:
    from hub.core.assistant.retrieval import Doc, Retriever

REACH = 5
"""How many words after a word opening what is asked ("which", "how many", "all") the noun
of a member may be ("which OGP Local members", "a complete list of the members")."""
JOINED_REACH = 6
"""How many words after the plural noun of a body a member noun or a phrase of joining may
be for the bodies to be asked as members ("which cities joined", "qué municipios de
Colombia están en")."""
UNCHANGED_INTENTS = frozenset({"out_of_scope", "contact", "cost"})
"""Answers left as they are: a request out of scope ("the e-mails of all the members"), a
contact or a price asked of members, which are no list."""
PROGRAMME_WORDS = frozenset({"ogp"})
"""The word naming the programme whose members the examples are (OGP Local's)."""

NAME_WORD = 3
"""Words of a record's name this short or shorter ("OGP", "de") say nothing of which."""

NAMED_SHARE = 0.66
"""Share of the long words of a record's name a question says to name the record."""

_WORD = re.compile(r"\w+")


@cache
def _section() -> dict[str, Any]:
    return dict(load_vocabulary().sections.get("lists_unheld") or {})


@cache
def _phrases(key: str) -> tuple[tuple[str, ...], ...]:
    """The section's phrases under ``key``, each as its normalised words."""
    found = {tuple(normalise(str(p)).split()) for p in _section().get(key) or []}
    return tuple(sorted(p for p in found if p))


@cache
def _said_words() -> frozenset[str]:
    """Every word of the section's phrases: they ask, they name no place ("s'han unit")."""
    keys = ("members", "places", "joined", "asking", "whole", "requests")
    return frozenset(w for k in keys for p in _phrases(k) for w in p)


def _sentence(key: str, language: str) -> str:
    """The section's sentence under ``key`` in ``language`` (English when it has none)."""
    said = _section().get(key) or {}
    return str(said.get(language) or said.get("en") or "")


def no_member_list(language: str) -> str:
    """The sentence saying the records hold no list of members, in ``language``."""
    return _sentence("none", language)


@cache
def standing_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The nouns of a member, and the phrases asking whether a kind may be one ("can be",
    "pode ser"), normalised: what :mod:`~hub.core.assistant.own_standing` reads."""
    members = frozenset(w for p in _phrases("members") for w in p)
    return members, tuple(" ".join(p) for p in _phrases("kinds"))


def _starts(words: list[str], key: str) -> list[int]:
    """The positions where a phrase of ``key`` starts in ``words``."""
    phrases = _phrases(key)
    return [i for i in range(len(words)) for p in phrases if tuple(words[i : i + len(p)]) == p]


def _ends(words: list[str], key: str) -> list[int]:
    """The positions just after each phrase of ``key`` found in ``words``."""
    phrases = _phrases(key)
    return [
        i + len(p) for i in range(len(words)) for p in phrases if tuple(words[i : i + len(p)]) == p
    ]


def members_asked(text: str) -> bool:
    """Whether ``text`` asks which or how many members there are: a member noun (or the
    plural noun of a body followed by a member noun or a phrase of joining) within
    :data:`REACH` words after a word opening what is asked, past ``between`` words only
    ("which OGP Local members"; "how many commitments can a member have" asks no members)."""
    words = _WORD.findall(normalise(text))
    members = set(_starts(words, "members"))
    joined = set(_starts(words, "joined"))
    bodies = {
        i
        for i in _starts(words, "places")
        if any(i < j <= i + JOINED_REACH for j in members | joined)
    }
    nouns = members | bodies
    heads = _ends(words, "asking") + _ends(words, "whole")
    heads += [e for e in _ends(words[:2], "requests") if e == 1]  # "list the cities..."
    passed = _between()
    return any(
        h <= n <= h + REACH and all(w in passed for w in words[h:n]) for h in heads for n in nouns
    )


@cache
def _between() -> frozenset[str]:
    """The words a question may say between what opens it and the member noun asked."""
    said = {w for p in _phrases("between") for w in p}
    return frozenset(said | set(demonyms()))


def whole_asked(text: str) -> bool:
    """Whether ``text`` says a word asking the whole list ("all", "complete", "besides")."""
    return bool(_starts(_WORD.findall(normalise(text)), "whole"))


def _aside(text: str) -> bool:
    """Whether ``text`` asks an example, some members, or their kinds."""
    words = _WORD.findall(normalise(text))
    return bool(_starts(words, "aside") or _starts(words, "kinds"))


def _example(doc: Doc) -> bool:
    topics = set(map(str, _section().get("example_topics") or []))
    record = doc.record
    return isinstance(record, EntryView) and str(record.data.get("topic")) in topics


def _lists_members(doc: Doc) -> bool:
    """Whether ``doc``'s record holds its members as a whole (a list in ``members``)."""
    record = doc.record
    return isinstance(record, EntryView) and isinstance(record.data.get("members"), list)


def _named_by(text: str, doc: Doc) -> bool:
    """Whether ``text`` names ``doc``'s record: :data:`NAMED_SHARE` of the long words of
    one of its names (its date left unsaid: "the Local Roundup")."""
    words = set(_WORD.findall(normalise(text)))
    for written in getattr(doc.record, "name", {}).values():
        own = [
            w for w in _WORD.findall(normalise(written)) if len(w) > NAME_WORD and not w.isdigit()
        ]
        if own and sum(w in words for w in own) >= NAMED_SHARE * len(own):
            return True
    return False


def _name(record: EntryView, language: str) -> str:
    return record.name.get(language) or record.name.get("en") or record.id


def _city_words(doc: Doc) -> set[str]:
    city = str(getattr(doc.record, "data", {}).get("city") or "")
    return set(_WORD.findall(normalise(city)))


def _examples(reading: Reading, retriever: Retriever, language: str) -> list[Doc]:
    """The examples of members of the programme the question names, in the places it names
    (any of them), none the question names itself (those it sets aside, "besides A")."""
    words = set(_WORD.findall(normalise(reading.text)))
    if not words & PROGRAMME_WORDS:
        return []  # the hub's own network: no record holds its members, even as examples
    found = [d for d in retriever.docs if _example(d)]
    named = [d for d in found if _city_words(d) and _city_words(d) <= words]
    aside = set().union(*map(_city_words, named)) if named else set()
    found = [d for d in found if d not in named]  # "besides Banggai": not listed again
    kept = [w for w in reading.words if normalise(w) not in aside | _said_words()]
    terms = retriever.query_terms(kept, language)
    places = [o for o in terms if o & retriever.place_terms]
    if places:  # "in Latin America": those in any place named
        found = [d for d in found if any(o & d.own_places for o in places)]
    return found


def members_unlisted(
    ctx: Context, reading: Reading, decision: Decision, retriever: Retriever
) -> Decision | None:
    """A handoff naming the examples known when ``decision`` answers (or hands off) a list
    or count of members the records do not hold; None when the decision is kept."""
    text = reading.text
    whole = whole_asked(text)
    if decision.intent in UNCHANGED_INTENTS or reading.polar or reading.qtype == "yesno":
        return None  # "must every member select a body?": a rule asked, no list
    if decision.reply.handoff and decision.reply.sources:
        return None  # "the cities of the project": its record's own handoff says why
    if not (reading.qtype in {"list", "how_many", "join"} or whole):
        return None
    if not members_asked(text) or _aside(text):
        return None
    cited = [d for d in retriever.docs if d.record_id in set(decision.reply.sources)]
    keys = {d.key for d in cited}
    if any(_lists_members(d) for d in retriever.docs if d in cited or keys & set(d.wholes)):
        return None  # "which members form the circles": their records list them
    wholes = {w for d in retriever.docs if _example(d) for w in d.wholes}
    if any(d.key in wholes and _named_by(text, d) for d in cited):
        return None  # "the cities in the roundup": the record named lists its own
    if not decision.reply.handoff and not whole and any(_example(d) for d in cited):
        return None  # "which members from Brazil led a discussion": that example says it
    examples = _examples(reading, retriever, ctx.language)
    sentence = _sentence("said" if examples else "none", ctx.language)
    listed = "; ".join(
        _name(d.record, ctx.language) for d in examples if isinstance(d.record, EntryView)
    )
    reply = ctx.handoff(sentence.format(examples=listed), sources=[d.record_id for d in examples])
    return replace(decision, reply=reply, confidence=min(decision.confidence, 0.3))

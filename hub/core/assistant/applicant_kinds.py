"""Whether a named kind of applicant may join the network or apply to the award: "is a
consultancy allowed to become a member?", "¿puede optar al premio una fundación?", "une
école peut-elle adhérer ?"; and who may, naming none ("quem pode concorrer ao prémio?").

Answered with the general text of membership or of the award, such a question is told yes
by a record that never said so. The kinds a message names are read from the vocabulary's
``applicant_kinds`` table (each kind's nouns, and the words by which a record states it
among those admitted: a university is stated by "research centres", a foundation by "civil
society organisations"), and so is the act asked (joining, applying) with the words of a
record on it (its members, its candidacies). The answer stands when a record it cites on
that act states every kind named (or, asked who may, some kind); when the records cited
state who may join but not that kind, or state nothing of who may apply (the award's), the
question is handed off, citing them.

Unchanged: a message naming no kind nor asking who may; a kind only as the asker's
background, not asked whether it may join or apply ("our foundation is applying: when does
the call close?"); asked how it joins ("comment une fondation adhère-t-elle ?"), which the
records' steps answer; a kind set aside ("not a ministry") or of another thing ("the role of
associations"); an answer already handed off.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

OPEN_REACH = 2
"""At most this many words from "open to" ("eligible") to the kind it admits ("open to
all NGOs")."""
WHO_REACH = 2
"""At most this many words from "who" to the word of permission ("who can", "who is
eligible"), and from it to the verb in a question asking who may ("who may be a member")."""
CONFIDENCE = 0.3
"""The confidence of the handoff: no record states the kind asked."""


@dataclass(frozen=True)
class ApplicantTable:
    """The ``applicant_kinds`` section as read once."""

    kinds: PhraseMatcher[str]
    """Each kind's nouns, valued by the kind's name."""
    stated: dict[str, dict[str, tuple[tuple[str, ...], ...]]]
    """Kind (or act) -> language -> the phrases (as words) a record states it by."""
    may: PhraseMatcher[str]
    open: PhraseMatcher[str]
    verbs: PhraseMatcher[str]
    """The joining and applying verbs, valued by their act ("join", "apply")."""
    nouns: PhraseMatcher[str]
    """The nouns naming an act anywhere ("membership"), valued by it."""
    acts: frozenset[str]
    who: frozenset[str]
    ways: frozenset[str]
    denied: PhraseMatcher[str]
    apart: PhraseMatcher[str]
    reach: int
    denied_reach: int
    said: dict[str, str]


@dataclass(frozen=True)
class Eligibility:
    """What a message asks of who may join or apply."""

    acts: frozenset[str]
    """The acts asked (joining, applying); empty when no word says which."""
    who: bool = False
    """Who may is asked, naming no kind ("who can apply?")."""


def _matcher(phrases: Iterable[Any], value: str) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add_all((normalise(str(p)) for p in phrases), value)
    return matcher


def _stated(spec: dict[str, Any]) -> dict[str, tuple[tuple[str, ...], ...]]:
    return {
        str(language): tuple(tuple(normalise(str(p)).split()) for p in phrases)
        for language, phrases in (spec.get("stated") or {}).items()
    }


@cache
def table() -> ApplicantTable:
    """The vocabulary's ``applicant_kinds`` section, read once."""
    section: dict[str, Any] = dict(load_vocabulary().sections.get("applicant_kinds") or {})
    kinds: PhraseMatcher[str] = PhraseMatcher()
    verbs: PhraseMatcher[str] = PhraseMatcher()
    nouns: PhraseMatcher[str] = PhraseMatcher()
    stated: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for kind, spec in (section.get("kinds") or {}).items():
        kinds.add_all((normalise(str(p)) for p in spec.get("said") or []), str(kind))
        stated[str(kind)] = _stated(spec)
    acts = section.get("acts") or {}
    for act, spec in acts.items():
        verbs.add_all((normalise(str(p)) for p in spec.get("verbs") or []), str(act))
        nouns.add_all((normalise(str(p)) for p in spec.get("nouns") or []), str(act))
        stated[str(act)] = _stated(spec)
    return ApplicantTable(
        kinds=kinds,
        stated=stated,
        may=_matcher(section.get("may") or [], "may"),
        open=_matcher(section.get("open") or [], "open"),
        verbs=verbs,
        nouns=nouns,
        acts=frozenset(map(str, acts)),
        who=frozenset(normalise(str(w)) for w in section.get("who") or []),
        ways=frozenset(normalise(str(w)) for w in section.get("ways") or []),
        denied=_matcher(section.get("denied") or [], "denied"),
        apart=_matcher(section.get("apart") or [], "apart"),
        reach=int(section.get("reach") or 6),
        denied_reach=int(section.get("denied_reach") or 3),
        said={str(k): str(v) for k, v in (section.get("said") or {}).items()},
    )


def eligibility_asked(words: list[str]) -> Eligibility | None:
    """What ``words`` ask of who may join or apply, or None when they ask neither: a word
    of permission followed, within ``reach`` words, by a joining or applying verb ("can a
    school apply", "pode uma empresa aderir"), no word asking how before it or between them
    ("how can a town join", "comment une mairie peut-elle adhérer"); or a word asking it of a
    kind just after it ("open to NGOs", "eligible universities"), or of who ("who is
    eligible"). The acts asked are those of the verb and of the nouns naming one anywhere
    ("can an NGO apply for membership?": joining too)."""
    spec = table()
    named = {f.value for f in spec.nouns.find(words, fuzzy=False)}
    kinds = [f.start for f in spec.kinds.find(words, fuzzy=False)]
    verbs = sorted((f.start, f.value) for f in spec.verbs.find(words, fuzzy=False))
    for said in spec.open.find(words, fuzzy=False):  # "open to NGOs", not "governo aberto"
        who = bool(spec.who.intersection(words[max(0, said.start - WHO_REACH) : said.start]))
        if who or any(said.end <= k <= said.end + OPEN_REACH for k in kinds):
            acts = {act for start, act in verbs if start >= said.end}
            return Eligibility(frozenset(acts | named), who=who)
    for modal in spec.may.find(words, fuzzy=False):
        after = [(v, act) for v, act in verbs if modal.end <= v <= modal.end + spec.reach]
        if not after:
            continue
        first, act = after[0]
        before = words[max(0, modal.start - WHO_REACH) : modal.start]
        if spec.ways.intersection(before + words[modal.end : first]):
            continue
        who = bool(spec.who.intersection(before[-1:])) and first <= modal.end + WHO_REACH
        return Eligibility(frozenset({act} | named), who=who)
    return None


def kinds_named(words: list[str]) -> set[str]:
    """The kinds of applicant ``words`` name, none set aside by a denial at most
    ``denied_reach`` words before it ("not a council", "que não é um governo local") nor
    said as what another thing is of ("the role of associations")."""
    spec = table()
    denials = [f.end for f in spec.denied.find(words, fuzzy=False)]
    apart = {f.end for f in spec.apart.find(words, fuzzy=False)}
    named: set[str] = set()
    for found in spec.kinds.find(words, fuzzy=False):
        if found.start in apart:  # "the role of (the) associations"
            continue
        if any(found.start - spec.denied_reach <= end <= found.start for end in denials):
            continue
        named.add(found.value)
    return named


def _record_words(
    record: EventView | AwardView | EntryView | None,
) -> dict[str, set[str]]:
    """The words of ``record``'s name and text, by the language they are written in."""
    if record is None:
        return {}
    text = record.body if isinstance(record, EntryView) else record.description
    both = {
        language: (record.name.get(language, ""), text.get(language, ""))
        for language in {*record.name, *text}
    }
    return {language: set(normalise(" ".join(said)).split()) for language, said in both.items()}


def states(written: dict[str, set[str]], said: str) -> bool:
    """Whether a record written in ``written`` (its words by language) states ``said``, a
    kind or an act: in one language, every word of one of its phrases in it starts a word of
    the record ("gobierno local": "gobiernos locales y regionales")."""
    phrases = table().stated.get(said, {})
    return any(
        all(any(w.startswith(stem) for w in words) for stem in phrase)
        for language, words in written.items()
        for phrase in phrases.get(language, ())
    )


def kind_unstated(ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
    """A handoff when ``decision`` answers whether a kind of applicant may join or apply
    (or who may) and no record it cites on that act states that kind (or any kind); None
    when the decision is kept."""
    if decision.reply.handoff or not decision.reply.sources:
        return None
    words = reading.message or normalise(reading.text).split()
    asked = eligibility_asked(words)
    named = kinds_named(words) if asked is not None else set()
    if asked is None or not (named or asked.who):
        return None
    cited = [_record_words(ctx.index.record(s)) for s in decision.reply.sources]
    on_act = [w for w in cited if not asked.acts or any(states(w, a) for a in asked.acts)]
    kinds = named or table().stated.keys() - table().acts
    if named and all(any(states(w, kind) for w in on_act) for kind in kinds):
        return None
    if not named and any(states(w, kind) for w in on_act for kind in kinds):
        return None  # "who may join?": the record says who
    spec = table()
    sentence = spec.said.get(ctx.language) or spec.said.get("en") or ""
    reply = ctx.handoff(sentence, sources=decision.reply.sources)
    return replace(decision, reply=reply, confidence=min(decision.confidence, CONFIDENCE))

"""Parties a record counts only vaguely, asked by name.

A record may say a thing was done with "several university institutions", "diferents
institucions universitàries", "plusieurs institutions universitaires": that there were some,
never which. Asked which ones ("avec quelles universités précisément ... ?", "which
universities ...?", "¿cuántas universidades ...?") or whether one named is among them ("la
universitat de Barcelona ha signat l'acord?"), its summary is no answer: the slot asked is
the slot answered (issue #22). What the record does say of them (its sentence) is said, then
that it names none, and the question is handed off.

The parties asked are the noun after a word asking which or how many ("quelles
universités"), or, asked yes or no, a noun naming one ("universitat de Barcelona",
"University of Porto"); the record's vague words are an indefinite quantifier
(:data:`VAGUE`) and the one or two words after it, one of which begins as the noun asked
does (:data:`LIKE_PREFIX` letters: "universités" and "universitaires").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.index import EntryView, text_in
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

VAGUE = frozenset(
    {
        *("several", "various", "different", "numerous", "multiple", "many", "some"),
        *("varios", "varias", "diversos", "diversas", "diferentes", "distintos", "distintas"),
        *("algunos", "algunas", "numerosos", "numerosas", "muchos", "muchas"),
        *("plusieurs", "divers", "diverses", "differents", "differentes", "certains"),
        *("certaines", "nombreux", "nombreuses", "quelques"),
        *("diferents", "alguns", "algunes", "nombrosos", "nombroses", "molts", "moltes"),
        *("varis", "varies"),
        *("algumas", "muitos", "muitas"),
    }
)
"""Indefinite quantifiers, in the five languages (normalised): "several", "diferents"."""
ASKING = frozenset(
    {
        *("which", "what", "many"),
        *("cuales", "cual", "que", "cuantos", "cuantas"),
        *("quelles", "quels", "quelle", "quel", "combien"),
        *("quines", "quins", "quina", "quin", "quants", "quantes"),
        *("quais", "qual", "quantos", "quantas"),
    }
)
"""Words asking which or how many of a kind, just before its noun ("quelles universités",
"how many cities", "combien de villes")."""
OF = frozenset({"of", "de", "d", "del", "du", "des", "do", "da", "dos", "das"})
"""Words between a kind and the name of one of its kind ("universitat de Barcelona"),
and between "combien" and its noun."""
NOUN_REACH = 2
"""How many words after a quantifier its noun may be ("several university institutions")."""
LIKE_PREFIX = 6
"""Letters a question's noun and a record's word must begin with alike to be one noun
("universit": "universités", "universitaires")."""
SLOTS = frozenset({"list", "which", "what", "how_many", "who"})
"""Slots asking which ones, how many, or who."""
WHICH_ONES = {
    "en": "which ones, by name",
    "es": "cuáles, por su nombre",
    "fr": "lesquels, nommément",
    "ca": "quins, pel seu nom",
    "pt": "quais, pelo nome",
}
"""What the records do not state, said in each language."""

HANDED_CONFIDENCE = 0.3
"""The most confidence a handoff of parties unnamed keeps (as a detail unstated does)."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def parties_asked(words: list[str], qtype: str) -> list[str]:
    """The nouns naming the parties asked of: after a word asking which or how many (a
    slot of :data:`SLOTS`), or, asked yes or no, before "of" and a name."""
    found = []
    for i, word in enumerate(words[:-1]):
        if qtype in SLOTS and word in ASKING:
            following = words[i + 1 :]
            while following and following[0] in OF:  # "combien de villes"
                following = following[1:]
            if following:
                found.append(following[0])
        elif qtype == "yesno" and i + 2 < len(words) and words[i + 1] in OF:
            found.append(word)  # "la universitat de barcelona"
    return [w for w in found if len(w) >= LIKE_PREFIX]


def vague_sentence(nouns: Iterable[str], doc: Doc, language: str) -> str | None:
    """The sentence of ``doc``'s text, in ``language`` or else English, counting one of
    ``nouns`` only with an indefinite quantifier; None when none does."""
    record = doc.record
    texts = record.body if isinstance(record, EntryView) else record.description
    text, _ = text_in(texts, language)
    asked = [n[:LIKE_PREFIX] for n in nouns]
    for sentence in _SENTENCE.split(text):
        said = normalise(sentence).split()
        for i, word in enumerate(said):
            if word not in VAGUE:
                continue
            after = said[i + 1 : i + 1 + NOUN_REACH]
            if any(w.startswith(prefix) for w in after for prefix in asked):
                return sentence.strip()
    return None


def unnamed_parties(
    words: list[str], qtype: str, docs: list[Doc], language: str
) -> tuple[str, str] | None:
    """What to say when the question asks parties by name and the answer's records count
    them only vaguely: the record's sentence and what it does not state. None otherwise."""
    nouns = parties_asked(words, qtype)
    if not nouns:
        return None
    for doc in docs:
        sentence = vague_sentence(nouns, doc, language)
        if sentence is not None:
            return sentence, WHICH_ONES.get(language, WHICH_ONES["en"])
    return None


def parties_named(ctx: Context, reading: Reading, decision: Decision, docs: list[Doc]) -> Decision:
    """``decision``, or, when it answers parties asked by name from records counting them
    only vaguely (:func:`unnamed_parties`), a handoff saying the record's sentence and that
    it names none, citing the same records."""
    reply = decision.reply
    if reply.handoff or not reply.sources:
        return decision
    sources = set(reply.sources)
    cited = [d for d in docs if d.record_id in sources]
    vague = unnamed_parties(reading.words, reading.qtype or "what", cited, ctx.language)
    if vague is None:
        return decision
    sentence, which = vague
    name = text_in(cited[0].record.name, ctx.language)[0]
    said = ctx.phrase("detail_unknown_of", detail=which, name=name)
    handed = ctx.handoff(sentence, said, sources=reply.sources)
    return Decision(handed, decision.intent, min(decision.confidence, HANDED_CONFIDENCE))

"""Whether a question names one record apart from the records of its family.

Records of one programme or document (the OGP Local deck's entries, a work plan's tasks) all
hold the family's words ("OGP Local", "plan"), so a question naming one of them ("the OGP Local
Slack", "OGP's mission") ranks its siblings close behind on those words alone, and the margin
the answer's confidence needs is never reached. :func:`named_apart` tells such a question: it
says a rare word of the best record's own name that no record ranked near it is named by.
Beside it, the ways such a record is still named when the usual checks would refuse it: a
place only it holds (:func:`place_names_it`), a kind's word the asker adds to its own name
or the kind of the event it is an item of (:func:`called_otherwise`), a year its event holds
(:func:`whole_holds`). And the names a question gives the thing asked, written with capitals
(:func:`titled_names`): the record answering must hold them, or be called by them wholly
(:func:`name_holder`); a name no record holds is handed off, never bridged by the other words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hub.core.assistant.asking import TITLE_CASE, _opens_sentence
from hub.core.assistant.index import EntryView
from hub.core.assistant.retrieval import STEMMERS, Doc, Retriever
from hub.core.assistant.text import normalise

APART_RARE = 5
"""A word of the record's name held by at most this many records names it (not a family's)."""
APART_NEAR = 0.5
"""Records scoring at least this share of the best are its rivals for the word."""
APART_MARGIN = 1.1
"""The record must still score this many times any other: ranked first by the words asked,
not moved there by a rule choosing among near ties."""
APART_SHARE = 0.5
"""The share of the record's own name (in its best language) the question must say."""
_INTRO_COLON = re.compile(r"\s?:\s")
EVENT_NAME_SHARE, EVENT_MARGIN = 0.75, 1.5
"""An event of another body is asked of by its own name when the question says this share of
one of its names and it scores this many times any other record."""
APART_COVERAGE, PLACE_COVERAGE = 0.4, 0.55
"""The share of the question (by rarity) the record must still hold; more when the word is a
place's name (Valencia, Bogotá), which names what happened there, not one record of it."""


def named_apart(
    best: Doc,
    ranked: Sequence[tuple[float, Doc]],
    terms: Sequence[set[str]],
    coverage: float,
    retriever: Retriever,
    qtype: str,
) -> bool:
    """True when ``best`` (first of ``ranked``) is the only record near the top whose own name
    holds a rare word the question says: the records close behind it are named by the family's
    words only ("how-to-join" may mention the Slack workspace; it is not named after it)."""
    postings, places = retriever.postings, retriever.place_terms
    if qtype == "yesno":  # whether it is so: only a record stating it answers
        return False
    if coverage < APART_COVERAGE or not ranked or ranked[0][1] is not best or not best.names:
        return False
    asked = set().union(*terms) if terms else set()
    if max(len(name & asked) / len(name) for name in best.names) < APART_SHARE:
        return False  # a rare word of a long name ("renewal" of an agreement) names no record
    score = ranked[0][0]
    others = [(s, d) for s, d in ranked if d.record_id != best.record_id]
    if others and max(s for s, _ in others) * APART_MARGIN > score:
        return False
    near = [d for s, d in others if s >= score * APART_NEAR]
    own = set().union(*best.names)
    return any(
        term in own
        and 0 < len(postings.get(term, ())) <= APART_RARE
        and (coverage >= PLACE_COVERAGE or term not in places)
        and not any(term in name for d in near for name in d.names)
        for options in terms
        for term in options
        if not term.startswith(("#", "y", "@", "^", "!"))
    )


def event_named(
    best: Doc, ranked: Sequence[tuple[float, Doc]], terms: Sequence[set[str]], retriever: Retriever
) -> bool:
    """True when ``best`` is an event the question calls by (nearly) its whole own name, or
    by its acronym, far ahead of any other record ("the World Urban Forum", "el Congreso de
    Municipios y Regiones de Europa"): the network named beside it ("in the IOPD calendar",
    "en la agenda del OIDP") is whose agenda holds it, not another body asked about."""
    if best.group != "event" or not ranked or ranked[0][1] is not best:
        return False
    score = ranked[0][0]
    if any(s * EVENT_MARGIN > score for s, d in ranked[1:] if d.record_id != best.record_id):
        return False
    return retriever.name_share(best, list(terms)) >= EVENT_NAME_SHARE


def after_intro(
    text: str, terms: Sequence[set[str]], retriever: Retriever, language: str
) -> list[set[str]]:
    """The words of ``terms`` said after the sentence's last colon, when words before it are
    left out ("Quick one from a research group: what is task 14 about?", "Chercheuse à
    Louvain : la priorité sur le tirage au sort, elle porte sur quoi ?"): what is asked, apart
    from who asks. Empty when there is no such colon or all is said on one side of it."""
    pieces = _INTRO_COLON.split(text)
    if len(pieces) < 2 or not pieces[-1].strip():
        return []
    said = retriever.query_terms(normalise(pieces[-1]).split(), language)
    after = set().union(*said) if said else set()
    focus = [o for o in terms if o & after]
    return focus if 0 < len(focus) < len(terms) else []


def place_names_it(best: Doc, held: Sequence[set[str]], retriever: Retriever) -> bool:
    """True when a place the question shares with ``best`` is its own city's name (not its
    country's), of its own name, and no other record holds it ("what did Banggai do?": the
    district's example, the only record of it), so the place names the record rather than
    where something of another kind was."""
    record = best.record
    city = record.data.get("city") if isinstance(record, EntryView) else None
    if not isinstance(city, str):
        return False
    own = set().union(*best.names) if best.names else set()
    named = {t for lang in STEMMERS for t in retriever.analyser.terms(city, lang)} & own
    return any(t in named and len(retriever.postings.get(t, ())) == 1 for o in held for t in o)


def called_otherwise(
    best: Doc, terms: Sequence[set[str]], kinds: Sequence[set[str]], retriever: Retriever
) -> bool:
    """True when the kinds the question names are those of the records ``best`` is part of (the
    roundup of its item), or when every other word the question says is of ``best``'s own
    name, one of them a rare one: the record is called by its own name, and the kind's word
    beside it ("the Bogota 50/50 project") is the asker's, not another record's kind."""
    wholes = [d for d in retriever.docs if d.key in best.wholes]
    if all(any(o & d.kind_terms for d in wholes) for o in kinds):  # "el índice del que habla
        return True  # el resumen de noviembre": an item of the roundup, called by its kind
    own = set().union(*best.names) if best.names else set()
    rest = [o for o in terms if all(o is not k for k in kinds)]
    return (
        bool(rest)
        and all(o & own for o in rest)
        and any(
            0 < len(retriever.postings.get(t, ())) <= APART_RARE and not t.startswith(("#", "y"))
            for o in rest
            for t in o & own
        )
    )


def whole_holds(best: Doc, options: set[str], retriever: Retriever) -> bool:
    """True when ``best``, or an event it is part of, holds one of ``options``: an edition or
    a year the question names is the record's own, or its event's (the roundup of 2023 its
    item is in)."""
    if any(best.terms.get(t) for t in options):
        return True
    return any(  # an event holding it: a work plan's years are not each of its lines'
        d.key in best.wholes and d.group == "event" and d.terms.keys() & options
        for d in retriever.docs
    )


_WORDS = re.compile(r"[^\W\d_]+")
ASKER_REACH = 3
"""A name this many words after a word of who asks ("council", "ajuntament") is the asker's."""
_OF = frozenset({"of", "de", "del", "d", "do", "da", "du", "des"})
"""The words joining a kind to the name after it ("la reunión de Lisboa", "reunió de Lisboa")."""


def titled_names(text: str, retriever: Retriever, language: str) -> list[set[str]]:
    """The terms of the names ``text`` gives the thing asked: words written with a capital
    inside a sentence, either beside another such word ("la Citizenship Academy") or naming a
    kind of record ("the Lisbon meeting", "la réunion de Lisbonne", "the Hamburg congress").
    A capitalised word standing alone is the asker's story ("our council in Valladolid"), not
    a name of the thing asked. Function words, months, weekdays and the places the records
    know (whether a record is held there is the places' own check) are no such names."""
    vocabulary = retriever.vocabulary
    text = _INTRO_COLON.split(text)[-1]  # "Question from a Reus officer: ...": who asks
    tokens = list(_WORDS.finditer(text))
    plain = [normalise(t.group()) for t in tokens]
    titled = [
        t.group()[:1].isupper() and not t.group().isupper() and len(t.group()) > 2 for t in tokens
    ]
    inside = [i for i, t in enumerate(tokens) if titled[i] and not _opens_sentence(text, t.start())]
    if len(inside) > TITLE_CASE * len(tokens):  # Written In Title Case: no names
        return []
    kinds = vocabulary.kind_words
    found: list[set[str]] = []
    for i in inside:
        word = plain[i]
        beside = (i > 0 and titled[i - 1]) or (i + 1 < len(tokens) and titled[i + 1])
        of_kind = (i + 1 < len(tokens) and plain[i + 1] in kinds) or (
            i > 1 and plain[i - 1] in _OF and plain[i - 2] in kinds
        )
        asker = vocabulary.askers.intersection(plain[max(0, i - ASKER_REACH) : i + 1])
        if (
            not (beside or of_kind)
            or asker  # "l'Ajuntament de Manlleu", "our council in Valladolid": the asker's own
            or not word
            or word in vocabulary.stopwords
            or vocabulary.months.knows(word)
            or vocabulary.weekdays.knows(word)
        ):
            continue
        for options in retriever.query_terms(word.split(), language):
            if options and options not in found and not options & retriever.place_terms:
                found.append(options)
    return found


def name_holder(
    ranked: Sequence[tuple[float, Doc]], names: Sequence[set[str]], retriever: Retriever
) -> Doc | None:
    """The record of ``ranked`` the names said call: the best if it holds them or some of
    them (a name said in part or in other words: "el Índice de la Ciudad de la Niñez"); a
    record ranked near it whose whole own name they say ("la Citizenship Academy": the
    academy, not the meeting whose text mentions it); the best still when another record
    holds them (the asker's subject: "la Secretaria Tècnica"). None when no record holds any
    of them: the thing named is no record's ("the Lisbon meeting"), and a neighbour sharing
    the other words is no answer."""
    if not ranked or not names:
        return ranked[0][1] if ranked else None
    said = set().union(*names)
    score, best = ranked[0]
    whole = (
        next(  # not when its own name says some of them (a part of a longer name)
            (
                d
                for s, d in ranked
                if s >= score * APART_NEAR and any(n and n <= said for n in d.names)
            ),
            None,
        )
        if not said & set().union(*best.names)
        else None
    )
    if whole is not None:
        return whole
    if all(any(best.terms.get(t) for t in options) for options in names):
        return best
    if any(best.terms.get(t) for t in said) or any(
        all(any(d.terms.get(t) for t in options) for options in names) for d in retriever.docs
    ):
        return best
    return None

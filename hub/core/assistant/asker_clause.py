"""The clause in which a member says who they are, before what they ask.

Members typing fast, or dictating, write no punctuation: "we r a city council in peru what
is the group where they write the new statutes", "som un ajuntament petit q es el grup
on...". The asker's own clause runs into the question; it is cut off where the first
question word begins, once its chat shortcuts are written out ("r", "q", "im", "vcs": the
closed table of :attr:`Vocabulary.shortcuts`), so that neither the asker's city nor a
relative "where" further on is read as what is asked.
"""

from __future__ import annotations

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

_LEADS = frozenset(
    {"in", "at", "from", "en", "a", "al", "de", "dans", "na", "no", "em", "do", "da"}
    | {"the", "el", "la", "le", "les", "els", "o", "os", "as"}
)
"""Words that may come before the asker's possessive at a clause's opening: a preposition
("in our town", "na nossa camara") or an article ("la meva associacio", "o nosso municipio")."""
_PEOPLE = frozenset(
    {"mayor", "councillor", "councilor", "councillors", "director", "boss", "manager"}
    | {"colleague", "colleagues", "team", "alcalde", "alcaldesa", "concejal", "concejala"}
    | {"concejales", "jefe", "jefa", "directora", "companero", "companera", "companeros"}
    | {"equipo", "maire", "elu", "elue", "elus", "elues", "directeur", "directrice", "chef"}
    | {"collegue", "collegues", "adjoint", "adjointe", "equipe", "alcaldessa", "regidor"}
    | {"regidora", "regidors", "company", "companya", "companys", "equip", "autarca"}
    | {"vereador", "vereadora", "vereadores", "chefe", "diretor", "colega", "colegas"}
    | {"equipa", "local", "municipal", "regional", "locales", "municipales", "regionales"}
    | {"locale", "municipale", "regionale", "locaux", "locals", "municipals", "regionals"}
    | {"locais", "municipais", "regionais"}
)
"""Askers' words that are a person ("our mayor wants...": someone else's wish, told) or
only qualify a noun: a clause opening with them is no introduction of the asker's body."""
QUESTION_AFTER = 2
"""A question word further in than this is where the asker's clause ends."""
_KEPT_SHORT = frozenset({"usa", "eau"})
"""Shortcuts that are also words of another language, left as written here."""


def spelt_out(clause: str, vocabulary: Vocabulary) -> tuple[list[str], list[int]]:
    """The clause's normalised words with chat shortcuts written out, and for each word the
    index of the whitespace token of ``clause`` it comes from."""
    table = vocabulary.shortcuts or {}
    words: list[str] = []
    origin: list[int] = []
    for at, token in enumerate(clause.split()):
        for word in normalise(token).split():
            long = table.get(word) if word not in _KEPT_SHORT else None
            labelled = len(word) == 1 and bool(words) and words[-1] in vocabulary.kind_words
            written = list(long) if long and not labelled else [word]  # "priority C": a label
            words.extend(written)
            origin.extend([at] * len(written))
    return words, origin


def introduces(clause: str, vocabulary: Vocabulary) -> bool:
    """The clause opens by saying who asks ("we're a small NGO", "somos un ayuntamiento",
    "we r a town", "our city is in Kenya", "na nossa camara...": the body asking, not one
    of its people)."""
    words, _ = spelt_out(clause, vocabulary)
    if any(item.start <= 1 for item in vocabulary.introductions.find(words, fuzzy=False)):
        return True
    opening = words[1:2] if words[:1] and words[0] in _LEADS else words[:1]
    return bool(opening) and opening[0] in vocabulary.possessives and _body(words, vocabulary)


def _body(words: list[str], vocabulary: Vocabulary) -> bool:
    """The word after the opening possessive is the asker's body ("our city", "la meva
    associacio"), not a person of it."""
    at = 1 + (words[0] in _LEADS)
    return at < len(words) and words[at] in vocabulary.askers and words[at] not in _PEOPLE


def asker_then_question(clause: str, vocabulary: Vocabulary) -> list[str]:
    """A clause saying who asks that goes on to ask ("we're a town near Porto and our mayor
    wants to know in which month...", "im from a small town in chile what is...") is split
    where its question word begins."""
    if not introduces(clause, vocabulary):
        return [clause]
    words, origin = spelt_out(clause, vocabulary)
    starts = [
        item.start
        for item in [
            *vocabulary.types.find(list(words), fuzzy=False),
            *vocabulary.question_words.find(list(words), fuzzy=False),
        ]
        if item.start > QUESTION_AFTER
    ]
    if not starts:
        return [clause]
    cut = origin[min(starts)]
    if cut == 0 or (min(starts) and origin[min(starts) - 1] == cut):
        return [clause]  # the question word is inside a token ("c'est", written "c"): kept
    tokens = clause.split()
    return [" ".join(tokens[:cut]), " ".join(tokens[cut:])]

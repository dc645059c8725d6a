"""The words by which a list question asks for what the assistant holds, in the five
languages: "the editions you have on record", "quels bureaux compte l'OIDP", "¿qué
ediciones tenéis registradas?", "quais prémios o OIDP já teve?", "I would be grateful for
a list of...". They say the records asked are all those of the kind the question names;
no record is judged by whether its text holds them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from hub.core.assistant.field_lists import NAMING_A_FIELD

HOLDING = frozenset(
    {
        # English: knowing, keeping on record, having, using
        "know",
        "knows",
        "known",
        "record",
        "records",
        "recorded",
        "registered",
        "file",
        "have",
        "has",
        "had",
        "hold",
        "holds",
        "keep",
        "use",
        "uses",
        "used",
        # Spanish
        "conoces",
        "conoceis",
        "conocen",
        "conoce",
        "registro",
        "registros",
        "registrado",
        "registrados",
        "registrada",
        "registradas",
        "teneis",
        "tienes",
        "tiene",
        "tienen",
        "tenido",
        "tuvo",
        "tuvieron",
        "consta",
        "constan",
        "usa",
        "usan",
        "utiliza",
        "utilizan",
        # French
        "connaissez",
        "connais",
        "connait",
        "enregistre",
        "enregistres",
        "enregistree",
        "enregistrees",
        "registre",
        "registres",
        "avez",
        "compte",
        "comptez",
        "comptait",
        "utilise",
        "utilisent",
        # Catalan
        "coneixes",
        "coneixeu",
        "coneix",
        "registrat",
        "registrats",
        "registrades",
        "teniu",
        "tens",
        "tingut",
        "consten",
        "utilitza",
        "utilitzen",
        # Portuguese
        "conhece",
        "conheces",
        "conhecem",
        "registo",
        "registos",
        "registados",
        "registadas",
        "teve",
        "tiveram",
        "tido",
        "constam",
        "usam",
        "utilizam",
    }
)
"""Verbs and nouns saying what the network or the assistant has, knows, keeps on record or
uses ("the award editions you have records of", "quels bureaux régionaux compte l'OIDP",
"quais canais o OIDP usa"): asked for a list, they ask for every record of the kind."""
REQUESTING = frozenset(
    {
        "grateful",
        "appreciate",
        "indicarme",
        "indicarnos",
        "indicar",
        "indiquer",
        "indiquez",
        "indicar-me",
        "indicarem",
        "estimados",
        "estimadas",
    }
)
"""Words of a polite request around a list question ("I would be grateful for a list
of...", "¿podrían indicarme cuáles...?", "Estimados, ..."): they ask, they name nothing."""
RANKING = frozenset(
    {
        "big",
        "main",
        "major",
        "key",
        "principales",
        "grandes",
        "principaux",  # French "principales", "grandes": written as the Spanish
        "grands",
        "principals",
        "grans",
        "principais",
    }
)
"""Adjectives of rank around a list's kind ("the 4 big strategic priorities", "les grands
axes", "as principais prioridades"): every record of the kind is asked, none is narrower."""
ASKING_FOR_ALL = HOLDING | REQUESTING | NAMING_A_FIELD | RANKING


def without_holding_words(
    words: list[str],
    idf: Mapping[str, float],
    terms: Callable[[str], list[str]],
    editions: frozenset[str],
) -> list[str] | None:
    """``words`` less those asking for what is held (:data:`ASKING_FOR_ALL`, and the words
    for a recurring thing's ``editions``: "the award editions", "les éditions du prix", each
    of its records is one); None when
    such words are said and no word left has ``terms`` some record holds (in ``idf``: as
    written, no fuzzy match of a name): the question asks what is held of a kind no record
    is ("quelles franchises connaissez-vous ?", "¿qué becas tenéis registradas?"); and when
    a field of each record is named (:data:`NAMING_A_FIELD`: "which cities hosted...") and a
    word left is no record's, the kind it names is none the records hold."""
    kept = [w for w in words if w not in ASKING_FOR_ALL and w not in editions]
    if len(kept) == len(words):
        return words
    if any(w in NAMING_A_FIELD for w in words) and any(
        not any(t in idf for t in terms(w)) for w in kept if terms(w)
    ):  # "which cities hosted the congress of firefighters?": a field of a kind no record is
        return None
    return kept if any(t in idf for w in kept for t in terms(w)) else None

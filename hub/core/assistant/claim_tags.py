"""A claim put to be confirmed or corrected: a statement closed by a tag asking for a yes
("l'OIDP travaille avec CGLU depuis 2010, non ?", "it's in Montreal, right?", "é em
Lisboa, não é?", "la conferència és a Cascais, oi?") or by a word offering it instead of
another ("elle est pas à Lisbonne plutôt ?"). The tag only asks for a yes or no: it names
nothing asked about, and it denies nothing ("isn't it?", "¿no?", "n'est-ce pas ?").

Tags are small closed sets per language, written normalised (no accents, no punctuation).
A tag of one everyday word ("no", "non", "right", "sim") is a tag only after a comma or an
opening "¿" ("..., ¿no?"); a tag no statement ends with otherwise ("n'est-ce pas", "oi",
"né", "plutôt", "isn't it") is one wherever it closes the question.
"""

from __future__ import annotations

import re

from hub.core.assistant.text import normalise

TAGS: dict[str, tuple[str, ...]] = {
    "en": (
        *("right", "correct", "true", "yes", "no", "yeah", "ok", "eh"),
        *("is that right", "is that correct", "is that so", "am i right"),
        *("isn t it", "is it not", "aren t they", "aren t there", "isn t there"),
        *("wasn t it", "weren t they", "wasn t there", "didn t it", "didn t they"),
        *("doesn t it", "don t they", "hasn t it", "haven t they", "hasn t he"),
    ),
    "es": (
        *("no", "verdad", "cierto", "si", "eh", "a que si", "no es cierto"),
        *("no es verdad", "no es asi", "es asi", "es correcto", "correcto"),
    ),
    "fr": (
        *("non", "oui", "hein", "vrai", "pas vrai", "exact", "c est exact"),
        *("n est ce pas", "c est ca", "c est bien ca", "c est bien cela", "c est cela"),
        *("c est juste", "c est correct", "je me trompe"),
    ),
    "ca": (
        *("oi", "no", "veritat", "cert", "eh", "oi que si", "oi que no", "correcte"),
        *("no es aixi", "es aixi", "no es veritat", "no es cert", "ok"),
    ),
    "pt": (
        *("nao", "ne", "certo", "verdade", "sim", "nao e", "nao foi", "nao e isso"),
        *("e isso", "nao e verdade", "correto", "confere", "nao e assim", "e assim"),
    ),
}
"""Tags closing a claim to ask for a yes or no, in each language, normalised."""

EVERYDAY = frozenset(
    {"no", "non", "nao", "si", "sim", "oui", "yes", "yeah", "ok", "eh", "right", "true"}
    | {"correct", "correcto", "correcte", "correto", "cierto", "cert", "certo", "exact"}
    | {"vrai", "verdade", "verdad", "veritat", "e isso", "es aixi", "es asi", "confere"}
)
"""Tags that are everyday words closing many a statement ("no", "right", "vrai"): a tag
only after a comma or an opening "¿"."""

RATHER: dict[str, tuple[str, ...]] = {
    "en": ("rather", "instead"),
    "es": ("mas bien", "en cambio"),
    "fr": ("plutot", "plutot non"),
    "ca": ("mes aviat", "mes be"),
    "pt": ("ou melhor", "em vez disso"),
}
"""Words closing a claim offered instead of another ("elle est pas à Lisbonne plutôt ?",
"¿no es en Madrid más bien?"): the claim is asked, yes or no, as a tag asks it."""

_ALL_TAGS = frozenset(t for tags in (*TAGS.values(), *RATHER.values()) for t in tags)
_LONGEST = max(len(t.split()) for t in _ALL_TAGS)
_LAST_CLAUSE = re.compile(r"[,;¿¡]\s*([^,;¿¡]*?)[\W_]*$")
"""The last clause after a comma or an opening "¿" ("..., ¿verdad?": "verdad")."""


def claim_tag(focus: str) -> int:
    """How many words close ``focus`` as a tag asking a yes or no of the claim before them
    (:data:`TAGS`, :data:`RATHER`); 0 when none does, or nothing comes before the tag."""
    words = normalise(focus).split()
    clause = _LAST_CLAUSE.search(focus)
    if clause is not None:
        tail = normalise(clause.group(1))
        if tail in _ALL_TAGS and len(tail.split()) < len(words):
            return len(tail.split())
    for size in range(min(_LONGEST, len(words) - 1), 0, -1):
        tail = " ".join(words[-size:])
        if tail in _ALL_TAGS and tail not in EVERYDAY:
            return size
    return 0


RATHER_TAGS = frozenset(t for tags in RATHER.values() for t in tags)
"""Every language's words of "rather", normalised."""

RHETORICAL_NEGATIONS = frozenset({"pas", "ne", "n", "no", "not", "nao", "t"})
"""Negations a claim offered instead of another is asked with ("elle (n')est pas à Lisbonne
plutôt ?", "¿no es en Lisboa más bien?"): they deny nothing, "rather" asks the claim."""


def rhetorical(words: list[str], tag: range) -> set[int]:
    """Where the negations are in a claim closed by "rather" (:data:`RATHER`): they ask the
    claim, and name nothing asked about; none when another tag closes it."""
    if " ".join(words[tag.start : tag.stop]) not in RATHER_TAGS:
        return set()
    return {i for i in range(tag.start) if words[i] in RHETORICAL_NEGATIONS}

"""Kinds of organisation asked about in a question on joining ("can an NGO join?", "une
université peut-elle adhérer ?"): the kind is what is asked, said as the records name the
members they admit; and the programme a joining question names (OGP Local or the IOPD),
which decides between their records on joining."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hub.core.assistant.retrieval import Doc

CIVIL_SOCIETY = frozenset(
    {"ngo", "ngos", "ong", "ongs", "association", "associations", "nonprofit", "nonprofits"}
    | {"collective", "collectives"}
    | {"asociacion", "asociaciones", "entidad", "entidades", "colectivo", "colectivos"}
    | {"assoc", "collectif", "collectifs", "associacio", "associacions", "entitat", "entitats"}
    | {"collectiu", "collectius", "associacao", "associacoes", "entidade", "entidades"}
    | {
        "coletivo",
        "coletivos",
        "foundation",
        "foundations",
        "fundacion",
        "fundaciones",
        "fondation",
    }
    | {"fondations", "fundacio", "fundacions", "fundacao", "fundacoes", "cooperative"}
    | {"cooperativa"}
)
"""Nouns of a civil-society organisation in the five languages (an association, an NGO, a
foundation, a collective, a cooperative)."""
RESEARCH = frozenset(
    {"university", "universities", "universidad", "universidades", "universite", "universites"}
    | {"universitat", "universitats", "universidade"}
)
"""Nouns of a research body (a university) in the five languages."""
KIND_NOUNS = {"civil_society": CIVIL_SOCIETY, "research": RESEARCH}
"""Each kind of organisation by its name, and the nouns saying it."""
KIND_WORDS: dict[str, dict[str, list[str]]] = {
    "civil_society": {
        "en": ["civil", "society"],
        "es": ["sociedad", "civil"],
        "fr": ["societe", "civile"],
        "ca": ["societat", "civil"],
        "pt": ["sociedade", "civil"],
    },
    "research": {
        "en": ["research", "centres"],
        "es": ["centros", "investigacion"],
        "fr": ["centres", "recherche"],
        "ca": ["centres", "recerca"],
        "pt": ["centros", "investigacao"],
    },
}
"""Each kind as the records name the members they admit ("civil society organisations",
"research centres"), in the five languages."""


NOT_JOINING = frozenset({"of", "de", "d", "del", "des", "du", "do", "da", "dos", "das"})
"""Words before a kind's noun saying it is not who joins ("the role of associations")."""
NEGATIONS = frozenset({"not", "no", "non", "ni", "nao", "pas", "nor", "neither"})
"""Words denying a kind just after them ("not a formal NGO", "no somos asociación")."""
NEGATED_WITHIN = 3
"""At most this many words from a negation to the kind's noun it denies."""


def kinds_asked(words: list[str], told: Collection[int], joining: int) -> tuple[str, ...]:
    """The kinds of organisation the question asks can join: a kind's noun before the
    joining verb (at ``joining``: "can an NGO join", "une association peut-elle adhérer"),
    not said as the asker's own ("our NGO", "we are an association": ``told``), nor as
    what another thing is of ("le rôle des associations"), nor denied ("not an NGO").
    One after it is the alternative the asker doubts ("or is it only for universities?")."""
    return tuple(
        kind
        for kind, nouns in KIND_NOUNS.items()
        if any(
            w in nouns
            and i not in told
            and (not i or words[i - 1] not in NOT_JOINING)
            and not NEGATIONS.intersection(words[max(0, i - NEGATED_WITHIN) : i])
            for i, w in enumerate(words[:joining])
        )
    )


def kind_words(kinds: Collection[str], language: str) -> list[str]:
    """The records' words for ``kinds`` in ``language`` ("sociedad civil"): words around
    the question, breaking ties (as what is asked, they drew the network's own description
    above its record on joining)."""
    return [w for kind in kinds for w in KIND_WORDS[kind].get(language, KIND_WORDS[kind]["en"])]


PROGRAMMES = {"ogp": "ogp", "iopd": "iopd", "oidp": "iopd"}
"""The programmes a member may ask to join, by the word naming each (the IOPD by either
acronym; "the observatory" is read as its acronym before this)."""
OTHER_PROGRAMME = 0.8
"""Share of its score a record keeps when it names no programme the question names."""
MEMBERS_SLOTS = frozenset({"join", "cost"})
"""Slots asking how to join a programme or what it costs."""


def programme_named(
    ranked: list[tuple[float, Doc]],
    terms: list[set[str]],
    around: list[set[str]],
    kinds: Collection[str] = (),
) -> list[tuple[float, Doc]]:
    """Asked how to join one programme ("how does our town join OGP Local?", "can an NGO
    join the IOPD?"), the records naming it rank first: one naming no programme the
    question names keeps :data:`OTHER_PROGRAMME` of its score. The question naming none,
    the words around it may ("we're into OGP Local. How do we join the programme?").
    Naming neither, a kind of organisation asking to join (``kinds``) asks the hub's own
    network; otherwise naming both, or neither, changes nothing."""
    said = {PROGRAMMES[t] for options in terms for t in options if t in PROGRAMMES} or {
        PROGRAMMES[t] for options in around for t in options if t in PROGRAMMES
    }
    if not said and kinds:  # "can NGOs join?": the hub's own network, as nothing else is named
        said = {"iopd"}
    if len(said) != 1:
        return ranked
    named = {t for t, programme in PROGRAMMES.items() if programme in said}
    fitted = [
        (s if any(d.terms.get(t) for t in named) else s * OTHER_PROGRAMME, d) for s, d in ranked
    ]
    return sorted(fitted, key=lambda item: -item[0])

"""The words by which a list question narrows or widens what it lists, in the five
languages: records set aside ("besides climate", "à part le climat"), those that exist now
rather than planned ("the offices actually opened", "neste momento"), and the document
its records are written in ("the groups the plan mentions"); with the readings of them.
"""

from __future__ import annotations

import re

from hub.core.assistant.index import EntryView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

EXCLUDING = (
    ("besides",),
    ("apart", "from"),
    ("aside", "from"),
    ("other", "than"),
    ("except",),
    ("excluding",),
    ("ademas", "de"),
    ("ademas", "del"),
    ("aparte", "de"),
    ("aparte", "del"),
    ("excepto",),
    ("salvo",),
    ("a", "part"),
    ("mis", "a", "part"),
    ("en", "dehors", "de"),
    ("en", "dehors", "du"),
    ("sauf",),
    ("hormis",),
    ("outre",),
    ("a", "part", "de"),
    ("a", "part", "del"),
    ("a", "mes", "de"),
    ("a", "mes", "del"),
    ("excepte",),
    ("llevat", "de"),
    ("llevat", "del"),
    ("alem", "de"),
    ("alem", "do"),
    ("alem", "da"),
    ("alem", "dos"),
    ("alem", "das"),
    ("exceto",),
    ("not", "the"),
    ("no", "los"),
    ("no", "las"),
    ("pas", "les"),
    ("no", "els"),
    ("no", "les"),
    ("nao", "os"),
    ("nao", "as"),
)
"""Words that set records aside from a list ("besides climate and gender", "à part le
climat", "además del clima", "a part de", "além do", "(not the planned ones)", "(no las
previstas)"), in the five languages."""
ARTICLES = frozenset(
    [
        "the",
        "a",
        "an",
        "el",
        "la",
        "los",
        "las",
        "lo",
        "le",
        "les",
        "l",
        "un",
        "una",
        "une",
        "des",
        "du",
        "de",
        "del",
        "al",
        "els",
        "o",
        "os",
        "as",
        "da",
        "do",
        "das",
        "dos",
        "d",
    ]
)
JOINING = frozenset({"and", "or", "y", "e", "et", "ou", "i", "o", "ni"})
EXISTING = frozenset(
    {
        "actually",
        "really",
        "existing",
        "exist",
        "exists",
        "operating",
        "running",
        "opened",
        "existen",
        "existentes",
        "realmente",
        "abiertas",
        "abiertos",
        "funcionan",
        "existent",
        "existants",
        "existantes",
        "vraiment",
        "ouverts",
        "ouvertes",
        "fonctionnent",
        "existeixen",
        "existents",
        "realment",
        "obertes",
        "oberts",
        "funcionen",
        "existem",
        "abertos",
        "abertas",
        "funcionam",
    }
)
"""Words asking for the records of a kind that exist, not those only planned ("the offices
it actually has", "les bureaux ouverts", "os escritórios que existem"), in the five
languages: a record whose status is planned is not listed, and the words are no trait the
listed records must hold (a planned office's text says it has not opened)."""
NOW = (
    ("now",),
    ("right", "now"),
    ("currently",),
    ("at", "the", "moment"),
    ("at", "present"),
    ("today",),
    ("ahora",),
    ("actualmente",),
    ("en", "este", "momento"),
    ("hoy", "en", "dia"),
    ("maintenant",),
    ("actuellement",),
    ("en", "ce", "moment"),
    ("a", "l", "heure", "actuelle"),
    ("ara",),
    ("actualment",),
    ("en", "aquest", "moment"),
    ("ara", "mateix"),
    ("agora",),
    ("atualmente",),
    ("neste", "momento"),
    ("no", "momento"),
    ("de", "momento"),
    ("hoje", "em", "dia"),
)
"""Words by which a list question asks for the records of a kind as they stand now ("the
regional offices it has at the moment", "actuellement", "neste momento"), in the five
languages: like :data:`EXISTING`, those that exist, not those only planned, and no trait
the listed records must hold."""
PLANNED_WORDS = frozenset(
    {
        "planned",
        "projected",
        "foreseen",
        "previsto",
        "prevista",
        "previstos",
        "previstas",
        "planeado",
        "planeada",
        "planeados",
        "planeadas",
        "proyectado",
        "proyectada",
        "proyectados",
        "proyectadas",
        "prevu",
        "prevue",
        "prevus",
        "prevues",
        "projete",
        "projetee",
        "projetes",
        "projetees",
        "planifie",
        "planifiee",
        "planifies",
        "planifiees",
        "previst",
        "previstes",
        "projectat",
        "projectada",
        "projectats",
        "projectades",
        "planificat",
        "planificada",
        "planificats",
        "planificades",
        "planejado",
        "planejada",
        "planejados",
        "planejadas",
        "projetado",
        "projetada",
        "projetados",
        "projetadas",
    }
)
"""Words saying a record is only planned ("the planned offices", "les bureaux prévus",
"previstes", "projetados"), in the five languages: said after a word that sets records aside
("not the planned ones", "pas les bureaux prévus"), they ask for those that exist, like
:data:`EXISTING`."""
PLANNED_PHRASES = (
    ("in", "planning"),
    ("en", "proyecto"),
    ("en", "projet"),
    ("en", "projecte"),
    ("em", "projeto"),
)
"""Phrases saying a record is only planned ("en projet", "en proyecto", "em projeto"); like
:data:`PLANNED_WORDS`, a kind's word in them ("projet") names no kind listed."""
MENTIONING = frozenset(
    {
        "mention",
        "mentions",
        "mentioned",
        "include",
        "includes",
        "included",
        "contain",
        "contains",
        "feature",
        "features",
        "featured",
        "menciona",
        "mencionan",
        "mencionados",
        "mencionadas",
        "recoge",
        "recogen",
        "incluye",
        "incluidos",
        "figuran",
        "contiene",
        "mentionne",
        "mentionnes",
        "mentionnees",
        "cite",
        "inclut",
        "figurent",
        "contient",
        "recense",
        "esmenta",
        "esmentats",
        "recull",
        "inclou",
        "figuren",
        "conte",
        "refere",
        "referem",
        "referidos",
        "inclui",
        "figuram",
        "contem",
    }
)
"""Words by which a list question says its records are in a document ("the working groups
the plan mentions", "recull el pla", "refere o plano"): where they are written, never a
trait the listed records must hold."""
PLANNED = "planned"
"""The status of a record that only a plan foresees (an office not opened)."""
CLAUSE_END = re.compile(r"[,;:.?!¿¡()\n]")


def planned_record(doc: Doc) -> bool:
    """A record only a plan foresees (an office not opened)."""
    record = doc.record
    return isinstance(record, EntryView) and record.data.get("status") == PLANNED


def existing_words(reading: Reading) -> list[str]:
    """The words by which a question asks for the records that exist now: those of
    :data:`EXISTING`, of the phrases of :data:`NOW` ("at the moment": all three), and the
    planned ones it sets aside (:data:`PLANNED_WORDS`, :data:`PLANNED_PHRASES` after a word
    of :data:`EXCLUDING`: "not the planned ones", "pas les bureaux en projet")."""
    words = list(reading.words)
    found = [w for w in words if w in EXISTING]
    for clause in CLAUSE_END.split(reading.text):
        said = normalise(clause).split()
        for start in range(len(said)):
            for phrase in NOW:
                if tuple(said[start : start + len(phrase)]) == phrase:
                    found += [w for w in phrase if w in words and w not in found]
    for aside in aside_clauses(reading):
        for start, word in enumerate(aside):
            if word in PLANNED_WORDS and word in words and word not in found:
                found.append(word)
            for phrase in PLANNED_PHRASES:
                if tuple(aside[start : start + len(phrase)]) == phrase:
                    found += [w for w in phrase if w in words and w not in found]
    return found


def set_aside_markers(reading: Reading) -> list[tuple[tuple[str, ...], list[str]]]:
    """Each clause's first words that set records aside (:data:`EXCLUDING`: "not the", "pas
    les", "no las", "não os", "besides"; the longest that matches), with the words after
    them to the end of the clause."""
    found: list[tuple[tuple[str, ...], list[str]]] = []
    for clause in CLAUSE_END.split(reading.text):
        words = normalise(clause).split()
        for start in range(len(words)):
            marker = max(
                (m for m in EXCLUDING if tuple(words[start : start + len(m)]) == m),
                key=len,
                default=None,
            )
            if marker is not None:
                found.append((marker, words[start + len(marker) :]))
                break
    return found


def aside_clauses(reading: Reading) -> list[list[str]]:
    """The words after a word that sets records aside, to the end of its clause: each
    clause's (:func:`set_aside_markers`)."""
    return [after for _, after in set_aside_markers(reading)]


def bare(options: set[str]) -> set[str]:
    """Terms without the mark of a word read loosely (``?obert``: ``obert``)."""
    return {t.lstrip("?") for t in options}

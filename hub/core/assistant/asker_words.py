"""The asker's own words in a question, set aside from what it asks about: who asks and
where from ("we're a small NGO in Lyon"), the asker's verbs, a place noun framing a name,
the network's congress, the relation a "who" question asks.
"""

from __future__ import annotations

import re

from hub.core.assistant.asking import _OF, _opens_sentence, names_anything
from hub.core.assistant.member_kinds import KIND_NOUNS
from hub.core.assistant.place_names import country_matcher
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary import Vocabulary


def _asker_verbs_aside(words: list[str], vocabulary: Vocabulary, used: set[int]) -> None:
    """The asker's verbs ("appear", "came out of", "se llama") set aside, when the question
    still names something without them."""
    found = {
        i
        for item in vocabulary.asker_verbs.find(list(words), fuzzy=False)
        for i in range(item.start, item.end)
    }
    rest = [w for i, w in enumerate(words) if i not in found and i not in used]
    if found and names_anything(" ".join(rest), vocabulary):
        used.update(found)


PLACE_NOUNS = frozenset(
    {"city", "town", "municipality", "ciudad", "municipio", "ville", "commune"}
    | {"ciutat", "municipi", "cidade", "municipio", "concelho"}
)
"""Nouns saying a place named after them is a city ("the city of Bogotá", "la ville de
Lyon", "a cidade de Braga"): what is asked about is the place, by its name."""
_WRITTEN = re.compile(r"[^\W\d_]+")


def _place_nouns_aside(words: list[str], focus: str, used: set[int]) -> None:
    """Set aside a place noun and its "of" before a name written with a capital ("the city
    of Bogotá", "la ciudad de Córdoba"): the name says the place, the noun frames it (no
    record about Bogotá needs to say "city"). Not "the city council", nor "our city"."""
    names = {
        normalise(m.group())
        for m in _WRITTEN.finditer(focus)
        if m.group()[:1].isupper() and not _opens_sentence(focus, m.start())
    }
    for i in range(len(words) - 2):
        if words[i] in PLACE_NOUNS and words[i + 1] in _OF and words[i + 2] in names:
            used.update((i, i + 1))


CONGRESS = {
    "congress": "conference",
    "congreso": "conferencia",
    "congres": "conference",
    "congresso": "conferencia",
}
"""A congress, as members call the network's own conference ("le 13e congrès de l'OIDP")."""
NETWORK = frozenset({"oidp", "iopd"})
_OWNER_LINK = frozenset({"of", "the", "de", "l", "del", "do", "da", "s"})


def _network_congress_named(words: list[str]) -> None:
    """The network holds conferences, not congresses: a congress it owns ("the IOPD
    congress", "el congreso del OIDP", "congrès de l'OIDP", "congresso do OIDP") is its
    conference. Another body's congress ("the UCLG congress") stays one."""
    for i, word in enumerate(words):
        if word not in CONGRESS:
            continue
        after = i + 1
        while after < len(words) and after - i <= 3 and words[after] in _OWNER_LINK:
            after += 1
        owned = after < len(words) and after > i + 1 and words[after] in NETWORK
        if owned or (i and words[i - 1] in NETWORK):
            words[i] = CONGRESS[word]


ARTICLES = frozenset({"a", "an", "un", "una", "une", "um", "uma"})
"""An article before an asker's noun opens its description ("a mid-size municipality")."""
_OF_ASKER = frozenset({"de", "d", "del"})
_ASKER_ADJECTIVES = frozenset(
    f"{root}{ending}"
    for root in ("local", "municipal", "regional")
    for ending in ("", "e", "es", "s", "is")
) | {"locaux", "municipaux", "regionaux", "locais"}
"""Askers' words that are adjectives ("local", "municipales"): they open no description,
and may be a name's ("OGP Local")."""

OPEN_WORDS = frozenset(
    {"open", "abierto", "abierta", "ouvert", "ouverte", "obert", "oberta", "aberto", "aberta"}
)
"""The adjective of open government in the five languages: an asker's noun beside it
("the open government challenge", "el reto de gobierno abierto", "le défi du gouvernement
ouvert") is a name's word, no one who would join."""


ABOUT = frozenset({"about", "sobre", "sur", "concernant", "acerca"})
"""Words opening what the thing a member shares is about ("news about our PB process")."""


def _shared_topic(words: list[str], vocabulary: Vocabulary) -> set[int]:
    """The positions of what a member's own news or proposal is about ("una noticia de mi
    ciudad sobre presupuestos participativos, ¿cómo la comparto?"): up to the question word,
    the topic of what they would send, not of the record saying how to send it."""
    found: set[int] = set()
    for i, word in enumerate(words):
        if word not in ABOUT:
            continue
        end = next(
            (j for j in range(i + 1, len(words)) if vocabulary.question_words.knows(words[j])),
            None,
        )
        if end is not None:  # the question follows: what comes before it is the asker's
            found.update(range(i, end))
    return found


INTRODUCED_WITHIN = 4
"""At most this many words between "we are" and the asker's noun ("we're a small rural
municipality")."""
_FROM_ASKER = frozenset({"de", "d", "del", "in", "en", "em", "near", "from", "no", "na", "du"})
"""Words after an asker's noun that say where the asker is ("del Vallès", "near Lisbon")."""


OUR_PLACE = frozenset(
    {"region", "country", "area", "continent", "pais", "zona", "regiao", "pays", "regio"}
)
"""Nouns of a place that, after "our" ("an office in our region", "en nuestro país"), mean
where the asker said they are."""


def _askers_place(words: list[str], message: list[str], vocabulary: Vocabulary) -> list[str]:
    """The country the asker named in their message ("our municipality in Senegal..."),
    when the question asks about "our region" or "our country": the place it means."""
    ours = any(
        w in vocabulary.possessives and i + 1 < len(words) and words[i + 1] in OUR_PLACE
        for i, w in enumerate(words)
    )
    if not ours:
        return []
    found = country_matcher().find(list(message), fuzzy=False)
    return [w for f in found for w in message[f.start : f.end]]


HERE = frozenset({"here", "aqui", "ici", "aca"})
"""Words meaning where the asker is ("when was the office here created")."""
PLACE_WORDS = 3
"""At most this many words name the place an asker says they are in ("Porto Alegre")."""


def _introduced_place(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """The place a member says they are in when introducing themself ("sou vereadora em
    Porto Alegre", "we're a council in Cascais"): the words after the asker's noun and "in"
    or "de", up to a function word."""
    for intro in vocabulary.introductions.find(list(words), fuzzy=False):
        for j in range(intro.end, min(len(words), intro.end + INTRODUCED_WITHIN)):
            if words[j] in vocabulary.askers and j + 1 < len(words):
                if words[j + 1] not in _FROM_ASKER:
                    break
                place = []
                for word in words[j + 2 : j + 2 + PLACE_WORDS]:
                    if word in vocabulary.stopwords:
                        break
                    place.append(word)
                return place
    return []


def _introduced_asker(words: list[str], vocabulary: Vocabulary) -> set[int]:
    """The positions of the words a member introduces themself with ("we're a municipality
    near Lisbon", "som un ajuntament del Vallès", "sou vereadora em Porto Alegre" is not one:
    no asker's noun): the opening words, the asker's noun and the one place word after it.
    Who asks is no part of what is asked, nor a place a record must be held in."""
    found: set[int] = set()
    for intro in vocabulary.introductions.find(list(words), fuzzy=False):
        end = intro.end
        noun = next(
            (
                j
                for j in range(end, min(len(words), end + INTRODUCED_WITHIN))
                if words[j] in vocabulary.askers and words[j] not in _ASKER_ADJECTIVES
            ),
            None,
        )
        if noun is None:
            continue
        found.update(range(intro.start, noun + 1))
        if noun + 2 < len(words) and words[noun + 1] in _FROM_ASKER:
            place = words[noun + 2]
            if place not in vocabulary.stopwords and place not in vocabulary.kind_words:
                found.update({noun + 1, noun + 2})
    return found


def _asker_words(words: list[str], vocabulary: Vocabulary) -> set[int]:
    """The positions of the words describing who would join or pay: each asker's noun
    ("municipality", "association", any noun of a kind of member, :data:`KIND_NOUNS`,
    "col·lectiu", "colectivo"), the words between an article and it ("a mid-size
    municipality"), a "de" complement after it ("une association de quartier") and the words
    describing the asker's group ("sin personería jurídica", "vecinal": the vocabulary's
    ``asker_described``)."""
    found: set[int] = set()
    kinds = frozenset().union(*KIND_NOUNS.values())  # "a collective", "una fundació": a kind
    for i, word in enumerate(words):
        if word not in vocabulary.askers and word not in kinds:
            continue
        if OPEN_WORDS & set(words[max(0, i - 1) : i + 2]):  # "gobierno abierto": a name
            continue
        if word in _ASKER_ADJECTIVES:  # "a OGP Local": a name's word, unless it qualifies
            nouns = {w for w in words[max(0, i - 1) : i + 2] if w != word}  # an asker's noun
            if nouns & vocabulary.askers - _ASKER_ADJECTIVES:  # ("local government")
                found.add(i)
            continue
        found.add(i)
        start = next((j for j in range(i - 1, max(-1, i - 4), -1) if words[j] in ARTICLES), None)
        if start is not None:
            found.update(range(start + 1, i))
        if i + 2 < len(words) and words[i + 1] in _OF_ASKER:
            following = words[i + 2]
            if following not in vocabulary.stopwords and following not in vocabulary.kind_words:
                found.update({i + 1, i + 2})
    for described in vocabulary.asker_described.find(list(words), fuzzy=False):
        found.update(range(described.start, described.end))  # "sin personería jurídica"
    return found


def _relation_aside(
    words: list[str],
    verbs_of: PhraseMatcher[str],
    vocabulary: Vocabulary,
    used: set[int],
    context: list[str],
) -> None:
    """In a question asking who, a verb saying how someone stands to the thing ("qui
    accueille le secrétariat", "quem liderou o debate") is the slot asked, answered from the
    record's own fields, not its topic: set aside for the words around the question (a
    record whose text says it still ranks a little first). Unless it is all the question
    says besides one name ("who runs the IOPD"): then it tells which record is meant."""
    verbs = verbs_of.find(list(words), set(used), fuzzy=False)
    if not verbs:
        return
    said = {i for verb in verbs for i in range(verb.start, verb.end)}
    units = {
        i for u in vocabulary.units.find(list(words), fuzzy=False) for i in range(u.start, u.end)
    }
    rest = {  # "who runs the IOPD day to day": a day names nothing
        w
        for i, w in enumerate(words)
        if i not in used | said | units and w not in vocabulary.stopwords and len(w) > 2
    }
    if len(rest) < 2:
        return
    used.update(said)
    context.extend(words[i] for i in sorted(said))


_INVERSION = re.compile(
    r"(?<![^\W\d_])([^\W\d_]+)-(?:t-)?(?:il|elle|on|ils|elles)\b", re.IGNORECASE
)
"""A French question's verb joined to its subject pronoun ("donne-t-elle", "envisage-t-il",
"qu'attend-on"). It starts only where a word starts: tried at every letter of a long word
with no hyphen, it took time quadratic in its length (a 40,000-letter message: a minute)."""
IMPERSONAL = frozenset(
    {"reste", "restait", "restera", "faut", "fallait", "faudra", "agit", "semble", "manque"}
)
"""French verbs whose "il" is no subject ("combien de temps reste-t-il", "faut-il"): the verb
is what is asked (time left, a need), not how the asker phrases it, and joined to "il" it is no
subject-verb inversion (no yes/no of its own: "faut-il un organe de suivi ?" asks what is
required, which the record stating the requirement answers)."""


def _inverted_aside(
    focus: str, words: list[str], vocabulary: Vocabulary, used: set[int], context: list[str]
) -> None:
    """The verb of a French inversion ("quelles villes la présentation donne-t-elle en
    exemple ?") is how the asker phrases the question, not its topic: set aside for the words
    around the question, with its "t" and pronoun, unless it is all the question says besides
    one name (as for the verbs of :func:`_relation_aside`)."""
    verbs = {normalise(m.group(1)) for m in _INVERSION.finditer(focus)} - IMPERSONAL
    if not verbs:
        return
    said = {
        i
        for i, w in enumerate(words[:-1])
        if w in verbs
        and i not in used
        and w not in vocabulary.stopwords  # "est-elle": a function word already
        and words[i + 1] in {"t", "il", "elle", "on", "ils", "elles"}
    }
    rest = {
        w
        for i, w in enumerate(words)
        if i not in used | said and w not in vocabulary.stopwords and len(w) > 2
    }
    if not said or len(rest) < 2:
        return
    used.update(said)
    context.extend(words[i] for i in sorted(said))

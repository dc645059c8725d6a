"""The slot a question asks (when, where, who, what, join, cost, list, yes/no, ...) from its
question words and phrases, whether it is a yes/no question or a claim stated, and whether
a ranking is asked (out of scope).
"""

from __future__ import annotations

import re

from hub.core.assistant.asking import NOUN_ARTICLES, _question_word, slot_named
from hub.core.assistant.message_parts import _CLAUSE
from hub.core.assistant.text import Found, normalise
from hub.core.assistant.vocabulary import TYPE_ORDER, WHOLE_LIST, Vocabulary

SUPERLATIVE_ARTICLES = frozenset(
    {"the", "el", "la", "los", "las", "le", "les", "els", "o", "a", "os", "as"}
)
SUPERLATIVES = frozenset(
    {"best", "mejor", "mejores", "meilleur", "meilleure", "meilleurs", "meilleures"}
    | {"millor", "millors", "melhor", "melhores"}
)
"""Ranking words after an article ("the best city", "el mejor partido", "le meilleur
logiciel", "la millor ciutat", "o melhor prefeito"): the question asks a judgement, which
no record makes (the records rank nothing), unless the words begin the name of a kind of
record ("the best practice award")."""
COMPARATIVES = frozenset(
    {"better", "worse", "mejor", "mejores", "peor", "peores", "mieux", "pire", "pires"}
    | {"millor", "millors", "pitjor", "pitjors", "melhor", "melhores", "pior", "piores"}
)
THAN = frozenset({"than", "que", "qu", "do"})
"""Comparing words before "than" ("better than", "mejor que", "mieux que", "millor que",
"melhor do que"), or after "vaut" ("vaut mieux"): the question asks which of two is
better, a judgement no record makes, as a superlative asks a ranking."""
MANNER_NOUNS = frozenset(
    {"way", "ways", "manera", "maneras", "forma", "formas", "facon", "moyen", "maneira"}
    | {"maneiras", "formes", "manere"}
)
"""Nouns after a superlative that ask how, not which ("the best way to join")."""
CONSUMING = frozenset(
    {"when", "founded", "where", "who", "theme", "what", "list", "how_many", "contact", "duration"}
)
"""Question types whose phrases are only question words (set aside before retrieval)."""
CONCEPTS = frozenset({"cost", "join", "subscribe", "share"})
"""Question types that are also what is asked about: their words, in any language, are one
retrieval term (``@cost``), which the records holding any of them also carry."""
PUBLISH = frozenset({"publish", "post", "publicar", "publier"})
"""The share verbs the network does too (it publishes results): with "when", a date asked."""


JUDGED_IN = ("en", "es", "fr", "ca", "pt")
"""A ranking asked is out of scope in every language."""


def _judgement_asked(words: list[str], vocabulary: Vocabulary) -> bool:
    """An article, a superlative and a noun ("a melhor cidade", "the best mayor"), or a
    comparative before "than" ("better than elections", "mieux que"): a ranking is asked,
    which the records never give; not a kind's own name ("the best
    practice award": its words are a phrase of the vocabulary's kinds) nor a manner ("the
    best way to join", which asks how)."""
    kinds = {
        normalise(phrase)
        for family in vocabulary.kinds.values()
        for phrases in family.values()
        for phrase in phrases
    }
    for i, word in enumerate(words):  # "better than", "vaut mieux": which of two
        before = words[i - 1] if i else ""
        compared = before == "vaut" or bool(THAN & set(words[i + 1 : i + 3]))
        if word in COMPARATIVES and before not in SUPERLATIVE_ARTICLES and compared:
            return True
    for i in range(1, len(words) - 1):
        if words[i] not in SUPERLATIVES or words[i - 1] not in SUPERLATIVE_ARTICLES:
            continue
        following = words[i + 1]
        if following in MANNER_NOUNS:
            continue
        if any(k.startswith(f"{words[i]} {following[:4]}") for k in kinds):
            continue
        return True
    return False


def _qtype(
    words: list[str],
    vocabulary: Vocabulary,
    used: set[int],
    names: frozenset[str] = frozenset(),
    places: frozenset[int] = frozenset(),
    last_clause: int | None = None,
) -> str | None:
    """The slot asked. Only the words of pure question phrases (when, where, what is) are
    set aside: the words that say what is asked about (a fee, joining, members, a kind of
    record) stay for retrieval. A yes/no phrase ("is there", "does the") asks yes or no only
    where a question starts, not inside one ("when is the next...")."""
    aside, seen = set(used), set(used)
    found = vocabulary.types.find(words, seen, fuzzy=False)
    kept = set()
    concepts: dict[str, set[int]] = {}
    concept_words: dict[str, set[int]] = {}
    for item in found:
        if item.value == "yesno" and (
            item.start > 1 or (item.start == 1 and _question_word(words[0], vocabulary))
        ):  # "how is the IOPD funded", "where is the office": not yes or no
            continue
        if all(words[i] in names for i in range(item.start, item.end)):
            continue  # "what is PARTICIPATE?": a name's word, not the slot asked
        if all(i in places for i in range(item.start, item.end)):
            continue  # "Costa de Marfil": a country's name
        if _noun_homograph(words, item.start, item.end, vocabulary):
            continue  # "el congreso de la costa oeste": a coast, no cost asked
        if _before_year(words, item.start, item.end):
            continue  # "los ODM post 2015": after 2015, nothing posted
        if item.value == "who" and _relative_qui(words, item.start, vocabulary):
            continue  # "les bureaux qui existent": the offices that exist, no one asked
        kept.add(item.value)
        if item.value in CONSUMING or item.value in CONCEPTS:
            end = item.end
            if item.value in CONCEPTS and _qualified(words, end, vocabulary):
                end -= 1  # "devenir membre promoteur": a kind of member, named by both words
            taken = {i for i in range(item.start, end) if words[i] not in vocabulary.kind_words}
            used.update(taken)
            if item.value in CONCEPTS:
                concepts.setdefault(item.value, set()).update(range(item.start, item.end))
                concept_words.setdefault(item.value, set()).update(taken)
    if last_clause is not None:
        _clause_asks(words, vocabulary, found, kept, used, last_clause, concepts, concept_words)
    first = next((i for i in range(len(words)) if i not in aside), 0)
    if not kept:  # "the organiser of the 15th conference?", "la ville de la 13e conférence ?"
        kept.update(_noun_phrase_asks(words, first, vocabulary, used))
    opening = {item.value for item in found if item.start == first and item.value in kept}
    if opening & OPENED or (
        first < len(words) and not opening and _question_word(words[first], vocabulary)
    ):  # "what is...", "which...", or a bare question word ("¿qué creó...?")
        for item in found:  # "what did Madrid set up so people can see who is lobbying":
            if (  # a question word inside a clause of the question asks nothing
                item.value in EMBEDDED
                and any(i not in aside for i in range(first + 1, item.start))  # not "explain
                # (in plain words) where": the hedge between is no clause
                and _question_word(words[item.start], vocabulary)
                and item.value not in opening
                and words[item.start - 1] not in CONJUNCTIONS
            ):
                kept.discard(item.value)
    if not kept - {"what", "founded"} and _plural_asked(words, first, vocabulary):
        kept.add("list")  # "what working groups were created", "¿qué proyectos aparecen?"
    asking = any(_question_word(w, vocabulary) or w in vocabulary.possessives for w in words)
    if not kept - {"what", "yesno"} and asking:  # "com ens podem apuntar", not "qui forma
        # part", nor "¿la Academia forma parte del encuentro?" (whether a thing is in one)
        for item in vocabulary.conjugations.find(words, set(seen), fuzzy=False):
            kept.add(item.value)
            used.update(range(item.start, item.end))
    published = {i for item in found if item.value == "share" for i in range(item.start, item.end)}
    if "when" in kept and published and all(words[i] in PUBLISH for i in published):
        kept.discard("share")  # "when will they publish the results": the network publishes,
        # on a date; the member sends nothing ("when do we send proposals" still shares)
    asked_by = {  # types asked by a question word ("where can I read"), not a noun alone
        item.value
        for item in found
        if item.value in kept
        and any(_question_word(words[i], vocabulary) for i in range(item.start, item.end))
    }
    if "yesno" in kept and asked_by - {"yesno"} and len(asked_by - {"yesno"}) == 1:
        kept.discard("yesno")  # "is the observatory running a workshop there? what's the
        # topic": the question word's answer says the yes too
    if {"join", "subscribe"} <= kept:  # "how do I join the mailing list": subscribing,
        kept.discard("join")  # the more particular of the two
    if "where" in kept and _origin(words, found):
        kept.discard("where")  # "de onde vem a prioridade?", "where does the money come
        # from": an origin, which a record tells in words, not a place
    dated = [item for item in found if item.value == "when"]
    if dated and "when" not in asked_by and asked_by & {"where", "who"}:
        kept.discard("when")  # "the call on violence data - where can I read it": English
        # "data" (a date in Catalan and Portuguese) is no slot beside a question word's
    if "founded" in kept:  # "when was it founded", but "what groups were created"
        kept.discard("founded")
        which = bool(words) and bool(vocabulary.question_words.find(words[:1], fuzzy=False))
        placed = bool(asked_by & {"where", "who"})  # "..., quelle ville a créé un registre ?":
        # which city is asked, its founding verb says what it did, not a date
        if not kept & {"list", "what", "yesno"} and not which and not placed:
            kept.add("when")  # not "¿se ha creado un grupo...?": whether, not when
    return next((t for t in TYPE_ORDER if t in kept), None)


def _noun_phrase_asks(
    words: list[str], first: int, vocabulary: Vocabulary, used: set[int]
) -> set[str]:
    """The slot a question that opens with a noun phrase headed by a slot noun asks ("the
    organiser of the 15th conference?", "la ciudad de la 13.ª conferencia?", what a polite
    request wraps: "Could you give me | the host of...?"), as if its question word were
    said: who, for a role, where, for a place, when, for a time or a deadline (a place's or a
    time's noun is set aside: no record needs to say "city"). A role's noun stays, to name
    the field asked (``who_verbs``)."""
    slot = slot_named(words, first, vocabulary)
    if slot is None:
        return set()
    if slot in {"where", "when"}:
        used.add(first + 1)
    return {slot}


TERSE_WORDS = 6
"""Words at most in a question of nouns alone ("2019 conference city?", "foro autoridades
perifericas lugar"): longer ones say what they ask with a verb or a question word."""


def terse_slot_asks(words: list[str], vocabulary: Vocabulary, used: set[int]) -> set[str]:
    """The slot a terse question of nouns asks by its last word, when that is a slot's noun
    ("seminar 1 venue?", "conferencia abidjan lugar", "abidjan conference organiser?"), as
    if its question word were said, though its question mark reads it as a claim asked. Not
    when a question word or a yes/no phrase is in it (their own phrase asks), nor a noun after
    a word the vocabulary reads as a function word: "this year", "aquest any", "el mes" name
    a period, not the slot asked."""
    if not 2 <= len(words) <= TERSE_WORDS or any(_question_word(w, vocabulary) for w in words):
        return set()
    if vocabulary.polar.find(words, fuzzy=False):  # "did it change city?": whether it did
        return set()
    last = len(words) - 1
    if words[last - 1] in vocabulary.stopwords or words[last - 1] in NOUN_ARTICLES:
        return set()
    for found in vocabulary.slot_nouns.find(words[last:], fuzzy=False):
        if found.value in {"where", "when"}:
            used.add(last)
        return {found.value}
    return set()


def _last_clause(focus: str, words: list[str]) -> int | None:
    """Where in ``words`` the question's last clause begins, when a comma sets it after
    another ("el fòrum que l'OIDP ajuda a difondre, on es fa?"), or None."""
    clauses = [c for c in _CLAUSE.split(focus) if normalise(c).split()]
    if len(clauses) < 2:
        return None
    tail = normalise(clauses[-1]).split()[:2]
    for i in range(len(words) - len(tail), 0, -1):
        if words[i : i + len(tail)] == tail:
            return i
    return None


def _clause_asks(
    words: list[str],
    vocabulary: Vocabulary,
    found: list[Found[str]],
    kept: set[str],
    used: set[int],
    start: int,
    concepts: dict[str, set[int]],
    concept_words: dict[str, set[int]],
) -> None:
    """A last clause opening with a question word of a slot (where, when, who) asks that
    slot; a concept named only in the clause before it ("the forum the IOPD helps to share,
    where is it held?", "el premi al qual ens podem inscriure, quan tanca?") is its topic."""
    opens = [
        item
        for item in found
        if item.value in EMBEDDED
        and item.start in (start, start + 1)
        and (item.start == start or words[start] in CONJUNCTIONS)
        and _question_word(words[item.start], vocabulary)
    ]
    if not opens:
        return
    for concept, at in concepts.items():
        if concept in kept and max(at) < start:
            kept.discard(concept)
            used.difference_update(concept_words[concept])


RELATIVE_QUI = frozenset({"qui"})
NOUN_DETERMINERS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette"}
    | {"ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"}
    | {"el", "els", "uns", "unes", "aquest", "aquests", "aquesta", "aquestes"}
)
"""Words that open a noun phrase in French and Catalan ("les bureaux", "els grups")."""
RELATIVE_REACH = 4


def _relative_qui(words: list[str], start: int, vocabulary: Vocabulary) -> bool:
    """French "qui" right after a noun phrase joins a clause to it ("les bureaux qui
    existent", "des prix qui récompensent"): English "which", not "who". A noun phrase is
    a word no stopword after a determiner a few words back; "savoir qui", "à qui", "c'est
    qui" still ask who."""
    if words[start] not in RELATIVE_QUI or start < 2:
        return False
    before = words[start - 1]
    if not before.isalpha() or len(before) < 3 or before in vocabulary.stopwords:
        return False
    return any(w in NOUN_DETERMINERS for w in words[max(0, start - RELATIVE_REACH) : start - 1])


def _noun_homograph(words: list[str], start: int, end: int, vocabulary: Vocabulary) -> bool:
    """The slot word at ``start`` is a verb's form used as the noun it spells ("la costa
    oeste", "a costa leste": a coast): a determiner before it or a direction after it."""
    if end - start != 1 or words[start] not in vocabulary.verb_homographs:
        return False
    before = words[start - 1] if start else ""
    after = words[end] if end < len(words) else ""
    return before in vocabulary.noun_markers or after in vocabulary.directions


YEAR_PREPOSITIONS = frozenset({"post", "pre"})
"""Latin prepositions the five languages write before a year ("the MDGs post 2015", "los ODM
post-2015", "pré-2015"), spelt like a slot's verb ("post" a message)."""


def _before_year(words: list[str], start: int, end: int) -> bool:
    """The slot word at ``start`` is a preposition right before a year, no verb."""
    after = words[end] if end < len(words) else ""
    return (
        end - start == 1
        and words[start] in YEAR_PREPOSITIONS
        and len(after) == 4
        and after.isdigit()
    )


CONJUNCTIONS = frozenset({"and", "or", "y", "o", "e", "ou", "et", "i"})
OPENED = frozenset({"what", "list", "theme"})
"""Slots asked by a question word opening the question ("what", "which", "qué", "quel")..."""
EMBEDDED = frozenset({"who", "where", "when"})
"""...that a question word of these slots further in does not take over ("what did Madrid
set up so people can see who is lobbying", "quel outil permet de savoir où..."), unless a
conjunction joins it ("which city, and when?")."""


PLURAL_ASKERS = frozenset({"what", "which", "que"})
"""Question words asking one thing or several: the noun after them tells ("what working
groups", "¿qué proyectos...?", "que projetos"). French, Catalan and Portuguese say it in
the question word too ("quels", "quins", "quais": list words already)."""


def _plural_asked(words: list[str], first: int, vocabulary: Vocabulary) -> bool:
    """The question opens with "what"/"qué" and a plural noun (an English, Spanish or
    Portuguese plural ends in s), not a verb ("what does", "qué es")."""
    if first + 1 >= len(words) or words[first] not in PLURAL_ASKERS:
        return False

    def noun(word: str) -> bool:
        return (
            len(word) > 3
            and word.isalpha()
            and word not in vocabulary.stopwords
            and not vocabulary.polar.knows(word)
            and not vocabulary.types.knows(word)
        )

    one, two = words[first + 1], words[first + 2] if first + 2 < len(words) else ""
    if not noun(one):
        return False
    return one.endswith("s") or (noun(two) and two.endswith("s"))  # "what working groups"


WHERE_WORDS = frozenset({"donde", "ou", "on", "onde"})
"""The question word "where" itself (not "de qué país", a place asked)."""


def _origin(words: list[str], found: list[Found[str]]) -> bool:
    """Where something comes from is asked: "from where" in the Romance languages ("de
    dónde", "d'où", "d'on", "de onde") or English "where ... come from"."""
    wheres = [item.start for item in found if item.value == "where"]
    if any(i > 0 and words[i - 1] in {"de", "d"} and words[i] in WHERE_WORDS for i in wheres):
        return True
    return "from" in words and bool({"come", "comes", "came"} & set(words))


def _qualified(words: list[str], end: int, vocabulary: Vocabulary) -> bool:
    """The concept's phrase ends in a noun another word qualifies right after it ("become a
    member promoter", "devenir membre promoteur"): that noun names what is asked too."""
    if end >= len(words) or end < 2:
        return False
    noun, after = words[end - 1], words[end]
    return (
        ("member", "en") in vocabulary.synonyms.get(noun, ())  # a word for a member
        and after.isalpha()
        and len(after) > 3
        and after not in vocabulary.stopwords
        and not vocabulary.question_words.knows(after)
        and not vocabulary.types.knows(after)
    )


def _polar(
    words: list[str],
    vocabulary: Vocabulary,
    qtype: str | None,
    *,
    opens_with_and: bool = False,
    inverted: bool = False,
    aside: frozenset[int] = frozenset(),
) -> bool:
    """A verb opens the question ("is membership free?", "can a city join?"), or one is in
    it and it has no question word ("la 13a conferencia fue en Cascais?"), or, ``inverted``,
    a French verb joined to its subject pronoun is ("un plan dure-t-il deux ans ?", "y
    aura-t-il une session ?": French asks yes or no by inverting any verb). The greetings
    and fillers ``aside`` neither open it ("hey, is X in a circle?" opens with "is") nor
    ask it ("can you tell me which...": a request, what follows it is asked)."""
    found = vocabulary.polar.find(list(words), fuzzy=False)
    first = next((i for i in range(len(words)) if i not in aside), 0)
    asking = [
        f for f in vocabulary.question_words.find(list(words), fuzzy=False) if f.start not in aside
    ]
    if opens_with_and:
        found = [item for item in found if item.start != 0]
    if any(item.start == 0 for item in found) and not (
        0 in aside and any(f.start == first for f in asking)
    ):  # not "can you tell me | which...", "¿me puedes decir | qué...?"
        return True
    if first and not asking and any(item.start == first for item in found):
        return True  # "hey, is Scotland in a circle? (which one)": the verb after a greeting
    return (
        qtype is None
        and (bool(found) or inverted)
        and not vocabulary.question_words.find(list(words), fuzzy=False)
    )


_ASKED = re.compile(r"\?[\W_]*$")


def _stated(focus: str, words: list[str], vocabulary: Vocabulary, aside: frozenset[int]) -> bool:
    """The question is a statement asked: it ends with "?" and has no question word
    anywhere, nor asks the assistant for anything ("il a ouvert finalement ?", "A
    conferência foi cancelada?", "¿Madrid creó un registro?"). Spanish, French, Catalan and
    Portuguese ask yes or no this way, with no verb first; "¿sabes cuándo...?" asks when."""
    if not _ASKED.search(focus):
        return False
    if vocabulary.question_words.find(list(words), fuzzy=False):
        return False  # even one set aside as a filler: "..., which one?" asks which
    return not any(
        w in REQUEST_PRONOUNS or w in WHICH_ALONE for i, w in enumerate(words) if i not in aside
    )


def _claimed(
    words: list[str], vocabulary: Vocabulary, qtype: str | None, aside: frozenset[int]
) -> bool:
    """Stated, the question claims the slot it was read as rather than asking it: a verb
    of founding ("Madrid creó un registro?", not a date asked), or a place word inside the
    statement ("el plan para la sede... se presenta en Bogotá?"), not heading it ("¿la sede
    de la conferencia?": the place asked, elliptically), nor a noun phrase heading the
    question ("la ville de la 13e conférence ?": the place asked)."""
    found = vocabulary.types.find(list(words), fuzzy=False)
    first = next((i for i in range(len(words)) if i not in aside), 0)
    if qtype in {"when", "where"} and slot_named(words, first, vocabulary) == qtype:
        return False  # "la ville de la 13e conférence ?", "the year the office opened?"
    if qtype == "when":
        return not any(f.value == "when" for f in found)
    if qtype == "where":
        return all(f.start > first + 1 for f in found if f.value == "where")
    return False


WHICH_ALONE = frozenset(
    {"which", "cual", "cuales", "qual", "quais", "lequel", "laquelle", "lesquels", "lesquelles"}
    | {"quin", "quina", "quins", "quines"}
)
ONE = frozenset({"one", "ones", "uno", "una", "um", "uma"})


def _trailing_which(words: list[str]) -> int:
    """Where a bare "which (one)?" closing a yes/no question begins ("is X in a circle?
    which one", "¿...? ¿cuál?", "...? qual?", "... ? lequel ?"), or 0 when none does."""
    end = len(words) - 1 if words and words[-1] in ONE else len(words)
    if end < 4 or words[end - 1] not in WHICH_ALONE:
        return 0
    return end - 1


REQUEST_PRONOUNS = frozenset({"you", "u", "me", "us", "vous", "nous", "tu", "nos", "em", "ens"})
"""Who is asked to do something, or for whom, between "can" and the verb ("can you list",
"pode-me listar")."""


def _opens_with_items(words: list[str], vocabulary: Vocabulary, aside: frozenset[int]) -> bool:
    """The question opens with the items of a list in the plural, no verb before them
    ("Steps of the OGP cycle?", "Àmbits de l'Open Gov Challenge?", "áreas do Open Gov
    Challenge?"): a noun phrase asking for the list, though a word in it spells a yes/no
    verb of another language (the Portuguese "do" is English "do")."""
    first = next((i for i in range(len(words)) if i not in aside), len(words))
    found = vocabulary.enumerations.find(list(words), fuzzy=False)
    return any(f.start == first and f.value != WHOLE_LIST for f in found)


def _asked_to_list(words: list[str], vocabulary: Vocabulary) -> bool:
    """The yes/no verb opening the question asks the assistant to list ("can you list the
    tasks?", "pode listar os escritórios?"): a request, answered by the list, not yes."""
    opening = [f.end for f in vocabulary.polar.find(list(words), fuzzy=False) if f.start == 0]
    found = vocabulary.types.find(list(words), fuzzy=False)
    listing = [f.start for f in found if f.value == "list"]
    return any(
        end <= start and all(w in REQUEST_PRONOUNS for w in words[end:start])
        for end in opening
        for start in listing
    )

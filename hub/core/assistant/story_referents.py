"""The named thing a long message's question points back to, found in the asker's story.

Members tell a story first ("our mayor is flying to Morocco for the UCLG summit this autumn
and I need to book hotels before the council meeting next week") and then ask a question
that names nothing of its own ("When exactly is it?", "Quand a lieu l'événement ?",
"Quan és aquest esdeveniment?", "Quando é o evento?"). The question decides the slot; the
story only supplies what the question leaves open: the thing named there, by a kind's word
with a name beside it (an acronym, a capitalised word, a number: "the UCLG summit this
autumn", "la cumbre de CGLU este otoño", "the PB conference in Chicago"). The rest of the
story (a country flown to, the asker's own council meeting, which names nothing) is not
what is asked, so it never joins the question.
"""

from __future__ import annotations

import re

from hub.core.assistant.asking import _opens_sentence, names_anything
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

GATHERINGS = frozenset(
    {
        *("summit", "summits", "congress", "forum", "meeting", "conference", "festival"),
        *("cumbre", "congreso", "foro", "encuentro", "jornadas", "conferencia"),
        *("sommet", "congres", "rencontre", "journees", "conference"),
        *("cimera", "trobada", "jornades", "conferencia"),
        *("cimeira", "congresso", "encontro", "jornadas", "conferencia"),
    }
)
"""Words naming a gathering that are no kind of the records' own ("summit", "cimera",
"trobada"): with a name beside them in the story, they name what a bare question asks of."""
GENERIC = frozenset({"one", "thing", "cosa", "chose", "coisa"})
"""Words a question points back with that name no kind ("that one", "la cosa")."""
STORY_SENTENCES = 3
"""A question points back at most this many sentences before it."""
CONNECTORS = frozenset(
    {"of", "in", "at", "de", "del", "d", "en", "a", "al", "du", "des", "da", "do", "em"}
    | {"na", "no", "dels", "das", "dos", "per", "l", "la", "el", "le", "o", "the", "on"}
)
"""Words joining a gathering's word to its name ("the conference in Chicago", "la cumbre de
CGLU", "a cimeira da CGLU")."""
TIME_OPENERS = frozenset(
    {"this", "next", "este", "esta", "proximo", "proxima", "ce", "cet", "cette", "prochain"}
    | {"prochaine", "aquest", "aquesta", "proper", "propera", "in", "en", "em", "el"}
)
"""Words opening a time that belongs to the name ("the UCLG summit this autumn", "la
cimera de CGLU aquesta tardor")."""
ARTICLES = frozenset(
    {"the", "el", "la", "los", "las", "le", "les", "l", "els", "o", "os", "as", "lo"}
    | {"al", "au", "aux", "na", "nas", "no", "nos", "ao", "aos"}
)
"""Definite articles (alone or joined to a preposition: "al", "au", "na"), which open the
name of a thing the asker speaks of ("the next annual IOPD conference", "la reunión
extraordinaria"); what follows "a" or "uma" is one of many."""
NAME_WORDS = 4
"""At most this many words between an article and a name ("the internal members' session")."""
NAME_REACH = 3
"""At most this many words of a name before a gathering's word ("the 4th UCLG")."""
_TOKEN = re.compile(r"[^\W_]+")
_NAMED_TOKEN = re.compile(r"\d|[A-Z]{2,}|^[A-ZÀ-Ý][a-zà-ÿ]")


def asks_of_a_thing_told(question: str, vocabulary: Vocabulary) -> bool:
    """The question names nothing but a pronoun, a demonstrative or a kind's word ("When
    exactly is it?", "Quand a lieu l'événement ?", "Quan és aquest esdeveniment?"): no name
    of its own, no number, no acronym, no capitalised word inside it."""
    if re.search(r"\d|\b[A-Z]{2,}\b", question):
        return False
    if any(
        not _opens_sentence(question, m.start())
        for m in re.finditer(r"\b[A-ZÀ-Ý][a-zà-ÿ]+", question)
    ):
        return False
    kinds = kind_words(vocabulary)
    left = [w for w in normalise(question).split() if w not in kinds and w not in GENERIC]
    return not names_anything(" ".join(left), vocabulary)


def named_in_story(
    question: str, story: list[str], vocabulary: Vocabulary, pointed: tuple[str, str]
) -> tuple[str, str] | None:
    """The thing the question asks of, named in the story before it, and the sentence
    naming it: the nearest phrase of the nearest sentence (at most :data:`STORY_SENTENCES`
    back) where a
    gathering's or a kind's word stands beside a name; the kind the question says, if any,
    must be that thing's. None when the story names none, or when ``pointed``, the thing
    the sentence before names apart from the asker's plans, is that name ("We intend to
    send two councillors to | the next annual IOPD conference."): it is read as it is."""
    kinds = kind_words(vocabulary) - _event_words(vocabulary)
    asked = {w for w in normalise(question).split() if w in kinds}
    for sentence in reversed(story[-STORY_SENTENCES:]):
        for name in reversed(_named_phrases(sentence, vocabulary)):
            if asked <= set(normalise(name).split()):
                same = pointed[0] and pointed[1].rstrip(" .!;") == name
                return None if same else (name, sentence)
    return None


def _named_phrases(sentence: str, vocabulary: Vocabulary) -> list[str]:
    """The phrases of the sentence naming a thing: a gathering's or a kind's word with the
    name words around it, holding an acronym, a number or a capitalised word inside the
    sentence ("the UCLG summit this autumn", "the PB conference in Chicago")."""
    tokens = list(_TOKEN.finditer(sentence))
    words = [normalise(t.group()) for t in tokens]
    if any(len(w.split()) != 1 for w in words):
        return []
    heads = kind_words(vocabulary) | GATHERINGS
    found = []
    for i, word in enumerate(words):
        if word not in heads or word in _event_words(vocabulary):
            continue
        start = i
        while start > 0 and i - start < NAME_REACH and _names(tokens, start - 1, sentence):
            start -= 1
        start = _article_before(words, start, vocabulary)
        end = i + 1
        while end < len(words):
            if _names(tokens, end, sentence):
                end += 1
            elif (
                words[end] in CONNECTORS
                and end + 1 < len(words)
                and _names(tokens, end + 1, sentence)
            ):
                end += 2
            else:
                break
        named = [k for k in range(start, end) if k != i and _names(tokens, k, sentence)]
        if not named and word in GATHERINGS:  # "la cumbre de líderes locales y regionales
            end = _described_until_name(tokens, words, end, sentence)  # de CGLU"
        if end == i + 1 and not named:
            continue
        end = _time_after(words, end, vocabulary)
        found.append(sentence[tokens[start].start() : tokens[end - 1].end()])
    return found


DESCRIBING_WORDS = 6
"""At most this many words describing a gathering between its word and its name ("summit
of local and regional leaders of UCLG")."""


def _described_until_name(
    tokens: list[re.Match[str]], words: list[str], end: int, sentence: str
) -> int:
    """The name's end moved past the words describing a gathering, in one clause, to a name
    after a joining word ("cumbre | de líderes locales y regionales | de CGLU"); ``end``
    when no name follows them."""
    for k in range(end + 1, min(end + DESCRIBING_WORDS + 1, len(words))):
        if re.search(r"[,;:.!?()]", sentence[tokens[k - 1].end() : tokens[k].start()]):
            return end
        if words[k - 1] in CONNECTORS and _names(tokens, k, sentence):
            return k + 1
    return end


def _article_before(words: list[str], start: int, vocabulary: Vocabulary) -> int:
    """The name's start moved back to the article opening it, over the words describing
    the thing ("the internal members' session", "la reunió interna de membres"): at most
    :data:`NAME_WORDS` words, none of them a function word."""
    j = start - 1
    while j >= max(start - NAME_WORDS, 0) and words[j] not in ARTICLES:
        describes = words[j] in vocabulary.frequencies or vocabulary.next_last.find(
            [words[j]], fuzzy=False
        )
        if words[j] in vocabulary.stopwords and not describes:  # "the next annual IOPD"
            return start
        j -= 1
    return j if j >= 0 and words[j] in ARTICLES else start


def _names(tokens: list[re.Match[str]], k: int, sentence: str) -> bool:
    """The token is a name's word: a number, an acronym, a capitalised word not opening the
    sentence."""
    written = tokens[k].group()
    if not _NAMED_TOKEN.search(written):
        return False
    return bool(re.search(r"\d|[A-Z]{2,}", written)) or not _opens_sentence(
        sentence, tokens[k].start()
    )


def _time_after(words: list[str], end: int, vocabulary: Vocabulary) -> int:
    """The name's end moved past a time said right after it ("this autumn", "aquesta
    tardor", "en mayo")."""
    if end < len(words) and words[end] in TIME_OPENERS:
        rest = words[end + 1 : end + 3]
        for matcher in (vocabulary.seasons, vocabulary.months, vocabulary.periods):
            hits = [f for f in matcher.find(list(rest), fuzzy=False) if f.start == 0]
            if hits:
                return end + 1 + max(f.end for f in hits)
    return end


def kind_words(vocabulary: Vocabulary) -> frozenset[str]:
    """The kinds' names of one word ("conference", "esdeveniment", "evento")."""
    return frozenset(
        name
        for kind in vocabulary.kinds.values()
        for names in kind.values()
        for name in names
        if " " not in name
    )


def _event_words(vocabulary: Vocabulary) -> frozenset[str]:
    """The words naming any event ("event", "événement", "acte"): no kind of their own."""
    return frozenset(name for names in vocabulary.kinds.get("event", {}).values() for name in names)


def names_a_time(texts: list[str], vocabulary: Vocabulary) -> bool:
    """The texts name a time ("next month", "in October", "this summer")."""
    words = normalise(" ".join(texts)).split()
    return any(
        matcher.find(list(words), fuzzy=False)
        for matcher in (vocabulary.periods, vocabulary.months, vocabulary.seasons)
    )

""" "What does <record> say about <topic>?": the topic must be in the record answered.

A member naming a record and asking what it says about a topic ("what does task 7 say about
crowdfunding?", "què diu la tasca 7 sobre el micromecenatge?", "que dit la priorité 5 sur les
jeunes ?") is answered by that record only if it says something about the topic: a record
chosen by its number or its year alone, that never names the topic, answers another
question, so the question is handed off. The topic is the words after "about" ("sobre",
"sur") that follows a verb of saying; it is in a record when any of its words is one of the
record's terms, in any of its languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from hub.core.assistant.retrieval import Doc

SAY_VERBS = frozenset(
    {"say", "says", "said", "state", "states", "mention", "mentions"}
    | {"dice", "dicen", "dijo", "menciona", "preve", "contempla", "establece"}
    | {"dit", "disent", "prevoit", "mentionne", "indique"}
    | {"diu", "diuen", "preveu", "menciona", "estableix"}
    | {"diz", "dizem", "disse", "menciona", "estabelece"}
)
"""Verbs by which a question asks what a record says (normalised, five languages)."""

ABOUT = frozenset({"about", "sobre", "sur"})
"""The word that opens the topic asked ("about", "sobre", "sur")."""

SAY_REACH = 10
"""How many words the record's name may take between the verb and "about"."""


def topic_words(words: list[str]) -> list[str]:
    """The words of the topic a question asks a record about, after a verb of saying and
    its "about"; none when the question asks no such thing."""
    for i, word in enumerate(words):
        if word not in SAY_VERBS:
            continue
        for j in range(i + 1, min(len(words), i + 1 + SAY_REACH)):
            if words[j] in ABOUT:
                return words[j + 1 :]
    return []


def topic_unsaid(
    words: list[str],
    cited: Iterable[Doc],
    terms_of: Callable[[list[str]], list[set[str]]],
) -> bool:
    """The question asks what a record says about a topic and no record cited holds any
    word of it (``terms_of`` makes a word list's query terms); a topic of numbers and years
    alone ("about 2019") is no topic to check."""
    topic = [
        options
        for options in terms_of(topic_words(words))
        if not any(t.startswith(("#", "y")) and t[1:].isdigit() for t in options)
    ]
    docs = list(cited)
    if not topic or not docs:
        return False
    return not any(options & set(doc.terms) for doc in docs for options in topic)

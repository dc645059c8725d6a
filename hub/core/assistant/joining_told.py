"""A question asking only the steps of joining, after a sentence saying what is to be joined.

Members often say first what they want to join, then ask the way in a question of its own:
"Notre commune souhaite rejoindre OGP Local. Quelle est la démarche à suivre ?", "O meu
município quer aderir. Que passos devemos seguir?", "We'd like to join the network. What
is the procedure?". The question names nothing but the steps (a word of the join slot's
parts: the steps, the procedure, what to do), so read alone it is no join question and
names no record; the sentence before it holds both the joining verb and the thing joined.
Such a message is read as one question: the sentence saying the joining, then the question
asking its steps ("notre commune souhaite rejoindre OGP Local, quelle est la démarche à
suivre ?"), which the join slot answers from the record stating how to join that thing.

A question that names anything besides the steps ("what are the steps of the action
plan?") or a story that says no joining is left as it was read.
"""

from __future__ import annotations

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

JOIN = "join"
"""The concept (and slot) of joining in the vocabulary's types and slot parts."""
TOLD_WORDS = 30
"""A story longer than this (words) is the asker's own: no sentence of joining to read with
the question."""
FILLERS = frozenset(
    {
        # en
        "we",
        "i",
        "us",
        "do",
        "does",
        "should",
        "must",
        "need",
        "needs",
        "have",
        "has",
        "take",
        "then",
        "now",
        "exactly",
        "please",
        # es
        "debemos",
        "debo",
        "tenemos",
        "tengo",
        "hay",
        "hacer",
        "hacemos",
        "seguimos",
        "entonces",
        "exactamente",
        # fr
        "faut",
        "il",
        "devons",
        "dois",
        "doit",
        "faire",
        "suivons",
        "alors",
        "exactement",
        "nous",
        "je",
        "on",
        # ca
        "hem",
        "he",
        "cal",
        "fer",
        "seguim",
        "doncs",
        "exactament",
        # pt
        "devemos",
        "devo",
        "temos",
        "tenho",
        "fazer",
        "fazemos",
        "entao",
        "exatamente",
    }
)
"""Words of the five languages a question of the steps is written with, naming nothing
asked: who would follow them, that they must or should ("que devemos seguir", "qu'est-ce
qu'il faut faire", "what should we do then")."""


def joining_told(focus: str, around: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """``focus`` and ``around`` as one question when the focus asks only the steps of joining
    and ``around`` says the joining (see the module); else both as they were."""
    if not around:
        return focus, around
    asked = normalise(focus).split()
    told = normalise(around).split()
    if not asked or len(told) > TOLD_WORDS:
        return focus, around
    parts = vocabulary.slot_parts.get(JOIN)
    if parts is None or _says_joining(asked, vocabulary) or not _says_joining(told, vocabulary):
        return focus, around
    used: set[int] = set()
    if not parts.find(asked, used, fuzzy=False):
        return focus, around
    rest = [
        w
        for i, w in enumerate(asked)
        if i not in used
        and w not in FILLERS
        and w not in vocabulary.stopwords
        and not vocabulary.question_words.knows(w)
    ]
    if rest:  # "what are the steps of the action plan?": it names what it asks of
        return focus, around
    return f"{around.strip().rstrip('.!;:')}, {focus.strip()}", ""


def _says_joining(words: list[str], vocabulary: Vocabulary) -> bool:
    """A phrase of joining itself (not subscribing, nor another slot) is among ``words``."""
    return any(f.value == JOIN for f in vocabulary.types.find(list(words), fuzzy=False))

"""The question proper, after a clause about something else (issue 22).

Members open a question with a clause that is not what they ask: a topic set aside for
later ("Before we think about the award: does it cost anything to become a member?",
"Antes de presentarnos al premio queremos ser miembros: ¿...?", "À part le prix, ...?"), or
an "if"-clause of their own plans ("If our session proposal for the 2020 conference is
accepted, where would we present it?", "Se a nossa sessão for aceite para a Conferência
..., onde a apresentaremos?"). Read with the question, the set-aside topic pulls in its own
record, and the plan makes the question look like one about the asker's proposal, which no
record holds: a question the records answer is handed off.

Both are tried only once the whole message is handed off
(:meth:`~hub.core.assistant.assistant.Assistant._answered`):

- :func:`set_aside` gives the question after a leading clause opened by "before", "apart
  from", "leaving aside" and their like in the five languages, ended by a colon, a dash, a
  semicolon or a comma; the question must ask and say, in words of its own, what it is about;
- :func:`planned_place` gives, for an "if"-clause of the asker's plans (their own session,
  project or proposal, "our", "nuestra", "notre", "ens", "nossa") followed by a short
  "where" or "when" question pointing back to it ("where would we present it?"), the same
  question asked of the event the plan is for, the words after the clause's last
  preposition ("for the 2020 conference"): "where is the 2020 conference?".

A conditional asking anything else ("if we win, will you pay our trip?") is left as it is,
and so are two real questions in one message (answered as before, part by part).
"""

from __future__ import annotations

import re

from hub.core.assistant.asking import asks
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

_SET_ASIDE_OPENERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(o.split())
    for o in (
        # en
        "before",
        "apart from",
        "aside from",
        "leaving aside",
        "setting aside",
        # es
        "antes de",
        "antes del",
        "aparte de",
        "aparte del",
        "dejando de lado",
        "dejando aparte",
        # fr
        "avant de",
        "avant d",
        "avant le",
        "avant la",
        "avant l",
        "a part",
        "en dehors de",
        "en dehors du",
        # ca
        "abans de",
        "abans del",
        "abans d",
        "a part de",
        "a part del",
        "deixant de banda",
        "deixant de costat",
        # pt
        "antes do",
        "antes da",
        "a parte",
        "alem de",
        "alem do",
        "alem da",
        "deixando de lado",
    )
)
"""What opens a clause setting a topic aside before the question (normalised words)."""

_OTHER = frozenset(
    {
        "other", "others", "else", "another", "more",
        "otro", "otra", "otros", "otras", "mas",
        "autre", "autres", "plus",
        "altre", "altra", "altres", "mes",
        "outro", "outra", "outros", "outras", "mais",
    }
)  # fmt: skip
"""Words by which the question asks beyond what "apart from" set aside ("apart from climate,
what other priorities...?"): the clause is then part of the question, and kept."""

_CLAUSE_END = re.compile(r"\s*(?::|;|—|–|\s-\s|,)\s*")
"""Where a leading clause ends."""
OWN_WORDS = 2
"""Words of its own (not function words) a question after a set-aside clause holds."""
MAX_CLAUSE_WORDS = 14
"""A leading clause longer than this is no preamble: it is read with the question."""

_IF = frozenset({"if", "si", "se", "s"})
"""What opens a condition, in the five languages ("s'il" normalised is "s il")."""
_ASKER = frozenset(
    {
        "our", "we", "my", "us",
        "nuestra", "nuestro", "nuestras", "nuestros", "nos", "mi", "mis",
        "notre", "nous", "ma", "mon", "mes",
        "nostra", "nostre", "nostres", "ens", "meva", "meu",
        "nossa", "nosso", "nossas", "nossos", "minha",
    }
)  # fmt: skip
"""Words saying the condition is about the asker's own plans."""
_PLACE_WORDS = {"where": frozenset({"where", "donde", "ou", "on", "onde"})}
_PLACE_WORDS["when"] = frozenset({"when", "cuando", "quand", "quan", "quando"})
_BACK = frozenset(
    {"it", "them", "la", "lo", "las", "los", "le", "les", "l", "el", "els", "a", "o", "as", "os"}
)
"""Object pronouns by which the question points back to what the condition planned."""
_ENCLITIC = re.compile(r"\w+-(?:la|lo|las|los|a|o|as|os)\b")
"""A verb with its pronoun attached ("apresentá-la", "presentar-la")."""
_FOR = frozenset(
    {"for", "at", "to", "para", "en", "a", "al", "pour", "au", "aux", "per", "em", "na", "no"}
)
"""The prepositions after which the condition names the event the plan is for."""
_VERB_AFTER = frozenset({"is", "are", "was", "were", "gets", "get", "be", "goes"})
"""An English clause's verb after the event named ("for the conference is accepted")."""
MAX_QUESTION_WORDS = 6
"""A question after a condition longer than this asks something of its own."""

_ASKED = {
    "where": {
        "en": "where is {}?",
        "es": "¿dónde es {}?",
        "fr": "où a lieu {} ?",
        "ca": "on és {}?",
        "pt": "onde é {}?",
    },
    "when": {
        "en": "when is {}?",
        "es": "¿cuándo es {}?",
        "fr": "quand a lieu {} ?",
        "ca": "quan és {}?",
        "pt": "quando é {}?",
    },
}
"""The slot asked of the event the asker's plan is for, in each language."""


def _leading_clause(text: str) -> tuple[str, str] | None:
    """The message's first clause and the rest, parted where the clause ends."""
    found = _CLAUSE_END.search(text)
    if found is None:
        return None
    clause, rest = text[: found.start()], text[found.end() :]
    if not clause.strip() or not rest.strip():
        return None
    return clause, rest


def set_aside(text: str, vocabulary: Vocabulary) -> str | None:
    """The question after a leading clause setting a topic aside, or None."""
    words = normalise(text).split()
    if not any(tuple(words[: len(o)]) == o for o in _SET_ASIDE_OPENERS):
        return None
    parted = _leading_clause(text)
    if parted is None:
        return None
    clause, rest = parted
    if len(normalise(clause).split()) > MAX_CLAUSE_WORDS:
        return None
    if _OTHER & set(normalise(rest).split()):
        return None
    if not asks(rest, vocabulary, anywhere=True) or not _says_enough(rest, vocabulary):
        return None
    return rest.strip()


def _says_enough(question: str, vocabulary: Vocabulary) -> bool:
    """Whether a question says what it is about without the clause before it: at least
    :data:`OWN_WORDS` words of its own ("what are the requirements?" asks of the topic
    set aside, and is left with it)."""
    own = [w for w in normalise(question).split() if len(w) > 2 and w not in vocabulary.stopwords]
    return len(own) >= OWN_WORDS


def planned_place(text: str, language: str) -> str | None:
    """The "where" or "when" asked of the event an "if"-clause of the asker's plans is for,
    as a question in ``language``; None when the message is not such."""
    parted = _leading_clause(text)
    if parted is None:
        return None
    clause, rest = parted
    words = normalise(clause).split()
    if not words or words[0] not in _IF or not _ASKER & set(words):
        return None
    asked = normalise(rest).split()
    if not asked or len(asked) > MAX_QUESTION_WORDS:
        return None
    slot = next((s for s, opening in _PLACE_WORDS.items() if asked[0] in opening), None)
    if slot is None:
        return None
    if not (_BACK & set(asked[1:]) or _ENCLITIC.search(rest.lower())):
        return None
    tokens = clause.split()
    at = max((i for i, t in enumerate(tokens) if normalise(t) in _FOR), default=-1)
    if at < 1:
        return None
    event = tokens[at + 1 :]
    for i, token in enumerate(event):
        if normalise(token) in _VERB_AFTER:
            event = event[:i]
            break
    if len(event) < 2 or not _ASKER.isdisjoint(normalise(" ".join(event)).split()):
        return None
    template = _ASKED[slot].get(language, _ASKED[slot]["en"])
    return template.format(" ".join(event))

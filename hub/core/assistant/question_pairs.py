"""A message asking two questions, parted into its first question and the second.

Members often ask two things in one message, one sentence each, often as a list ("1.
Quando é X? 2. E o Y?", "• cal pagar alguna quota? • quant costa l'hotel?", "qui organise ce
congrès ? et est-ce que l'OIDP paie les repas ?"). Read together, the second question's
words count against every record: a question the records answer is handed off with one they
do not, or only the first is answered. :func:`split_questions` parts such a message into its
first question (with everything around it) and the second, which
:class:`~hub.core.assistant.assistant.Assistant` answers one after the other, as it does a
message's aside (:mod:`~hub.core.assistant.asides`); a part the records do not answer is
passed to the secretariat.

The second question is one of:

- a question of its own (its own slot, something named): read with the first question as
  its context ("¿En qué mes se abre la convocatoria del Premio 2020? ¿Y en qué mes es la
  evaluación?": the award's evaluation);
- an elliptic one ("E o Encontro Ibérico?", "I la convocatòria?", "et le 2 ?"): "and", a
  name and no slot of its own; it asks the first question's slot of what it names;
- "and the others?" ("¿y las demás?", "d'autres ?"): "and" and nothing named, it asks the
  first question again, which is read without it.

A second question naming nothing but its slot ("When does the call open?") asks of what the
first names and stays with it (the message is read whole, as before).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from hub.core.assistant.asides import JOINING, Aside
from hub.core.assistant.asking import _opens_sentence, asks, names_anything
from hub.core.assistant.message_parts import _names_something
from hub.core.assistant.reading import read
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary
from hub.core.assistant.vocabulary_file import load_vocabulary

_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=\?)(?=[^\s?.!)\]])|\s*\n\s*")
"""Where a sentence ends: after a full stop, a question or exclamation mark (a question
mark even with no space after it), or at a line break (a list's items)."""
_BULLET = re.compile(r"^(?:[-•*·–—]|\(?\d{1,2}[.)])\s+")
"""A list item's mark opening a line ("• ", "- ", "1. ", "2) ")."""
_QUESTION_MARK = re.compile(r"[?¿]")
_FIGURE = re.compile(r"\d")
_WRITTEN_NAME = re.compile(r"[^\W_]+")


def split_questions(text: str, vocabulary: Vocabulary, today: dt.date) -> Aside | None:
    """The message parted into its first question and a second one, or None when it asks
    fewer than two, when its first is out of scope ("will the IOPD cover my flight? and the
    per diem?": all of it is), or when its second only asks more of what the first names
    ("¿Cuánto cuesta? ¿Hay una cuota anual?", "when is it? which exact day?"). A second
    question out of scope ("and the hotel?") is passed on, never answered."""
    lines = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    listed = [bool(_BULLET.match(s)) for s in lines]
    sentences = [_BULLET.sub("", s) for s in lines]
    marked = any(_QUESTION_MARK.search(s) for s in sentences)
    asking = [
        i
        for i, s in enumerate(sentences)
        if _asks(s, vocabulary) and not (marked and s.endswith("."))
    ]  # where the member marks questions, a sentence ending in a full stop states
    if asking[:1] == [0] and read(sentences[0], vocabulary, today).qtype is None:
        asking = asking[1:]  # "Oi gente, tudo bem? ...": opening the message, a greeting
    if len(asking) < 2:
        return None
    first, second = asking[0], asking[1]
    opening = read(sentences[first], vocabulary, today)
    if opening.out_of_scope:  # "will the IOPD cover my flight? and the per diem?": all of it
        return None
    question = sentences[second]
    main = "\n".join(s for i, s in enumerate(sentences) if i != second)
    words = normalise(question).split()
    joined = bool(words) and words[0] in JOINING
    named = names_anything(question, vocabulary) or bool(_FIGURE.search(question))
    own = read(question, vocabulary, today)
    tied = not (_FIGURE.search(question) or _names_something(question, vocabulary))
    asked = _with_names(question, sentences[first]) if tied else question
    if _conditional(words):  # "¿Hay cuota? Si no, ¿qué piden a cambio?": asked of what the
        # first names, answered or passed on apart, and the first read without it
        return Aside(main, asked, sentences[first], tied=tied, out_of_scope=own.out_of_scope)
    if own.qtype is not None:
        apart = joined or listed[second] or not tied
        if not (apart and named and own.content):
            return None  # "¿Hay una cuota anual?": more of what the first asks
        return Aside(main, asked, sentences[first], tied=tied, out_of_scope=own.out_of_scope)
    if not joined:
        return None
    if not named:  # "¿y las demás?": the first question asked again
        return Aside(main, "", sentences[first])
    slot = opening.qtype
    if slot is None:
        return None
    elliptic = re.sub(r"^\W*[^\W_]+\W*", "", asked)  # "E o Encontro Ibérico?": without "E"
    return Aside(main, elliptic, sentences[first], slot, tied, own.out_of_scope)


def _with_names(question: str, first: str) -> str:
    """The second question with the names the first writes (capitalised inside it, an
    acronym, a figure) said in it: "I la convocatòria?" after "...del Premi OIDP 2020?"
    asks of the call of that award ("I la convocatòria Premi OIDP 2020?"); an ellipsis
    leaves out the names, and says the common noun it asks of."""
    names = [
        m.group()
        for m in _WRITTEN_NAME.finditer(first)
        if m.group().isdigit()
        or (len(m.group()) > 1 and m.group().isupper())
        or (m.group()[0].isupper() and not _opens_sentence(first, m.start()))
    ]
    if not names:
        return question
    body = question.rstrip(" ?!.")
    return f"{body} {' '.join(names)}{question[len(body) :]}"


def _conditional(words: list[str]) -> bool:
    """The question opens on the first one's answer ("if not, ...", "si no, ...", "sinon",
    "se sim, ..."): it asks only after the first, which is read without it."""
    said = " ".join(words)
    return any(said == p or said.startswith(p + " ") for p in _conditionals())


@cache
def _conditionals() -> tuple[str, ...]:
    """The vocabulary's ``conditionals``, every language's, normalised."""
    section = load_vocabulary().sections.get("conditionals") or {}
    return tuple(normalise(str(p)) for phrases in section.values() for p in phrases or [])


def _asks(sentence: str, vocabulary: Vocabulary) -> bool:
    """The sentence asks: a question mark after a word, or a question word opening it."""
    if _QUESTION_MARK.search(sentence):
        return bool(re.search(r"[^\W_]", sentence))
    return asks(sentence, vocabulary, opens=True)

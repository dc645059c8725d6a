"""A long message's second request, set apart from its question.

Members often ask one thing and, in a sentence of its own opened by a word turning to
another matter, a second ("... where is the secretariat based? Also, could you send me the
phone number of the person who runs it?", "Y otra cosa, ¿...?", "Já agora, ...?"). Read
together, the second request's words count against every record, and a question the
records answer is handed off with it. :func:`split_aside` parts such a message into its
question (with everything around it) and the aside, which
:class:`~hub.core.assistant.assistant.Assistant` answers one after the other.

Only a sentence that asks, opened by one of the vocabulary's ``asides`` ("also", "by the
way", "por cierto", "au passage", "per cert", "já agora") or following one that is only such
words ("P.S."), after a sentence that asks, is an aside; one that names nothing of its own
("Also, when does it close?") asks about the question before it and stays with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hub.core.assistant.asking import asks, names_anything
from hub.core.assistant.message_parts import LONG
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

_SENTENCE = re.compile(r"(?<=[.!?¡\n])\s+")
"""Where a sentence ends: after a full stop, a question or exclamation mark, or a line
break (not before a Spanish "¿", which opens the sentence it is in)."""
_QUESTION_MARK = re.compile(r"[?¿]")
_TOKEN = re.compile(r"[^\W_]+")
JOINING = frozenset({"and", "oh", "ah", "y", "e", "et", "i"})
"""A word that may come before the turn ("And by the way", "E, já agora", "Ah, e...")."""


@dataclass(frozen=True)
class Aside:
    main: str
    """The message without its aside: its question and what is around it, as written."""
    aside: str
    """The aside's request, as written, without the words turning to it; empty when it only
    asks the question again ("...? And the others?")."""
    around: str = ""
    """What the aside is read with, as its context (a second question's first question:
    :mod:`~hub.core.assistant.question_pairs`)."""
    slot: str | None = None
    """The slot the aside asks when it says none of its own ("E o Encontro Ibérico?": the
    first question's)."""
    tied: bool = False
    """The aside names nothing by name and asks of what the question names ("y hay que
    inscribirse antes?"): only a record the question's answer cites answers it."""
    out_of_scope: bool = False
    """The aside asks what no record answers ("and the hotel?", "qui paga el sopar?"): it is
    passed on, never answered."""


def split_aside(text: str, vocabulary: Vocabulary) -> Aside | None:
    """The message parted into its question and a second request, or None when it holds
    no aside (a short message, no turning word opening a sentence that asks after one that
    asks, or an aside naming nothing of its own)."""
    if len(text) <= LONG:
        return None
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    turned = False  # the sentence before was only a turn ("P.S.", "Also:")
    for i, sentence in enumerate(sentences):
        words = normalise(sentence).split()
        end = _turn_end(words, vocabulary)
        if end is None and turned:
            end = 0
        turned = end is not None and end >= len(words)
        if end is None or turned or not i:
            continue
        rest = _as_written(sentence, words, end)
        if not _requests(rest, vocabulary):
            continue
        if not names_anything(rest, vocabulary):
            return None  # "Also, when does it close?": asks of the question before
        if not any(_requests(s, vocabulary, anywhere=True) for s in sentences[:i]):
            continue  # nothing asked before it: the turn opens the question itself
        following = sentences[i + 1 :]
        more = 0
        while more < len(following) and _requests(following[more], vocabulary):
            more += 1  # "By the way, is anyone in Lisbon? And in Porto?": the aside's too
        aside = " ".join([rest, *following[:more]])
        opening = [_unturned(s, vocabulary) for s in sentences[:i]]
        main = " ".join([*opening, *following[more:]])
        return Aside(main=main, aside=aside)
    return None


def _unturned(sentence: str, vocabulary: Vocabulary) -> str:
    """The sentence without the turning words opening it ("Oh, and one more thing: is there
    a fee?": the question the message asks first, turned to all the same)."""
    words = normalise(sentence).split()
    end = _turn_end(words, vocabulary)
    return sentence if end is None or end >= len(words) else _as_written(sentence, words, end)


def _turn_end(words: list[str], vocabulary: Vocabulary) -> int | None:
    """Where the words turning to another matter that open ``words`` end ("Also, could
    you...": 1), or None when no such words open them."""
    end, turned = 0, False
    while end < len(words):  # "Also, unrelated, ...": one turn after another
        found = [f.end for f in vocabulary.asides.find(words[end:], fuzzy=False) if f.start == 0]
        if found:
            end, turned = end + max(found), True
        elif words[end] in JOINING and not turned:
            end += 1  # "And by the way", "E, já agora"
        else:
            break
    return end if turned else None


def _as_written(sentence: str, words: list[str], start: int) -> str:
    """The sentence from its word ``start`` on, as written (its accents still tell the
    language), or normalised where the text's tokens and its words disagree."""
    tokens = list(_TOKEN.finditer(sentence))
    if len(tokens) != len(words):
        return " ".join(words[start:])
    return sentence[tokens[start].start() :].strip() if start else sentence


def _requests(sentence: str, vocabulary: Vocabulary, anywhere: bool = False) -> bool:
    """The sentence asks: a question mark, or a question word opening it (or, with
    ``anywhere``, in it: "Gostava de saber, ao certo, onde fica...")."""
    if _QUESTION_MARK.search(sentence):
        return True
    return asks(sentence, vocabulary, anywhere=anywhere, opens=not anywhere)


def asks_anything(text: str, vocabulary: Vocabulary) -> bool:
    """Some sentence of ``text`` asks: a question mark after a word, or a question word
    opening it. A part of a message that only tells (who writes, what they plan) and thanks
    asks nothing: answered the rest, there is nothing left to pass to the secretariat."""
    for sentence in _SENTENCE.split(text):
        if not re.search(r"[^\W_]", sentence):
            continue
        if _QUESTION_MARK.search(sentence) or asks(sentence, vocabulary, opens=True):
            return True
    return False

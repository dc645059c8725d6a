"""The chat around a member's question that names nothing asked: an @mention of the
assistant or a colleague ("hi @assistant", "gracias @maria"), a link pasted beside it, and a
self-description said with "here" opening the message ("small NGO here 👋 does it cost
anything?", "soy nueva aquí, ¿...?").

Left in, a mention's name ("assistant", "maria"), a link's letters ("bit", "ly") or the
asker's "small" are words no record holds, and each counts against every record at the
weight of the rarest word: a question the records answer is handed off.
:func:`without_chatter` takes them out before the message is read. The question's own
words are kept as written, so a question whose topic the records do not hold is still
handed off.
"""

from __future__ import annotations

import re

from hub.core.assistant.asking import asks
from hub.core.assistant.mail_headers import without_mail_headers
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

_MENTION = re.compile(r"(?<![\w@.])@[^\W_][\w.-]*\w|(?<![\w@.])@\w")
"""An @mention ("@assistant", "@maria.lopez"): an @ opening a word (in an e-mail address,
"info@oidp.net", it follows a letter and is kept)."""
_LINK = re.compile(r"\((?:https?://|www\.)[^\s()]+\)|\b(?:https?://|www\.)\S+", re.IGNORECASE)
"""A pasted link ("https://bit.ly/OGPLocal23", "www.oidp.net/en"), with its brackets."""
_LABELLED_LINK = re.compile(r"<((?:https?://|mailto:|www\.)[^|<>\s]*)\|([^<>\n]+)>", re.IGNORECASE)
"""A chat link written with its label (Slack's ``<https://...|OGP Local>``): the label is
what the member names, and is read as a name marked as one (« OGP Local »); a label that is
itself an address (``<https://oidp.net|oidp.net>``) is the link."""
_ADDRESS = re.compile(r"^\S+\.\S+$")
_BARE_LINK = re.compile(r"<((?:https?://|mailto:|www\.)[^|<>\s]*)>", re.IGNORECASE)
"""A chat link without a label (``<https://...>``): the address alone."""
_AFTER_LINK = "\n\n"
"""What a link is read as: the end of the sentence telling what it is ("saw this in the
roundup https://... who picked up the prize?"), which is the asker's story, not the
question; a link in brackets is only left out ("le plan 2020 (https://...) et...")."""
_MARK = "\u2026"
"""What a mention is replaced by: a mark that names nothing, so that the clause it stood in
keeps its length (a long clause before a colon is read as the asker's story)."""
_PICTURES = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\ufe0f\u200d"
_HERE_INTRODUCED = re.compile(
    rf"^(?P<clause>[^,.;:!?¿¡\n]{{1,60}}?\b(?:here|aqu[ií]|ac[aá]|ici)\b)"
    rf"\s*(?:[,.;:!]+|[{_PICTURES}]+)\s*(?=\S)",
    re.IGNORECASE,
)
"""A message opening with who asks, said with "here" ("small NGO here,", "new here!", "Tom
from Bristol here.", "soy nueva aquí,", "nouvelle ici !", "sou nova aqui,") before its
question."""
HERE_INTRODUCED_WORDS = 6
_LAUGHTER = re.compile(
    r"(?<![\w'’-])(?:l+o+l+|lmf?ao+|rofl|x+d+|m+d+r+|p+t+d+r+|k{3,}|(?:rs){2,}"
    r"|(?:ha){2,}h?|(?:ah){2,}|(?:ja){2,}j?|(?:je){2,}|(?:he){2,}|(?:hi){2,}|(?:ji){2,}"
    r"|(?:hue){2,}|(?:js){2,})(?![\w'’-])",
    re.IGNORECASE,
)
"""Laughter typed in a chat ("lol", "haha", "jajaja", "mdr", "kkkk", "rsrs", "xD"): it names
nothing, but as a word no record holds it counts against every record ("does it cost
anything to be a member lol" was handed off). Written laughter of the five languages' chat
(English "lol"/"haha", Spanish "jaja", French "mdr"/"ptdr", Portuguese "kkk"/"rsrs"), whole
words only: "rs" alone (Rio Grande do Sul) and "ha" (hectare) are kept."""
"""At most this many words say who is here; a longer clause is no self-description."""


_ONE_FOR_ONE = re.compile(r"(?<![\w'’-])(any|some|every|no)1(?![\w'’-])", re.IGNORECASE)
"""English chat's "1" for "one" ("any1 know...?", "some1 told me"), written out before the
words are read: read later, "any1" is a name and its edition ("wuf10")."""


def without_chatter(text: str, vocabulary: Vocabulary) -> str:
    """``text`` without a pasted e-mail's headers (:mod:`mail_headers`), its laughter,
    @mentions and links, and without a self-description
    with "here" opening it ("small NGO here 👋 does it cost anything?"): one that asks
    nothing. English chat's "any1" is written "anyone"."""
    said = text = without_mail_headers(text)  # a pasted e-mail: the question it carries
    text = _ONE_FOR_ONE.sub(r"\1one", _LAUGHTER.sub("", text))
    if "@" in text:
        text = _MENTION.sub(_MARK, text)
    if "<" in text:  # "<https://...|OGP Local>": « OGP Local »
        text = _BARE_LINK.sub(r"\1", _LABELLED_LINK.sub(_label, text))
    if "www." in text or "://" in text:
        text = _LINK.sub(lambda m: "" if m.group().startswith("(") else _AFTER_LINK, text)
    opening = _HERE_INTRODUCED.match(text)
    if opening is not None:
        clause = opening.group("clause")
        if len(normalise(clause).split()) <= HERE_INTRODUCED_WORDS and not asks(
            clause, vocabulary, anywhere=True
        ):
            text = text[opening.end() :]
    return text if text == said else _tidy(text)


def _label(link: re.Match[str]) -> str:
    address, label = link.group(1), link.group(2).strip()
    return address if _ADDRESS.match(label) else f"« {label} »"


def _tidy(text: str) -> str:
    """Spaces collapsed within lines, line breaks kept (they end sentences)."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip()


ANNOUNCING = frozenset(
    {"question", "query", "one", "pregunta", "consulta", "duda", "dubte", "pergunta", "duvida"}
)
"""Nouns naming the question itself, as a member announces it ("quick one", "una pregunta",
"question rapide", "uma dúvida")."""
SENT_FROM = frozenset({"from", "desde", "des", "depuis", "de", "da", "do", "del", "du"})
"""Words saying where the question comes from ("from our finance dept", "des de Figueres")."""
SENT_FOR = frozenset({"before", "antes", "avant", "abans", "for", "para", "pour", "per", "pra"})
"""Words saying what the question is for or what comes after it ("quick one before I book my
train", "una pregunta para la nota de prensa", "question rapide avant de réserver", "una
consulta abans de venir", "uma dúvida para o relatório"): the asker's plans, no topic."""
DEFINITE = frozenset({"the", "la", "el", "le", "l", "a", "o"})
"""Articles before a question noun that make it the question of something ("la question de
la cotisation", "the question of the fee"): a topic, not an announcement."""
ANNOUNCED_WITHIN = 4
"""At most this many words (a greeting, an adjective) before the question's noun."""


def announced_from(words: list[str]) -> bool:
    """The words announce the question and say who sends it ("quick one from our finance
    dept", "pregunta des de Figueres", "question rapide depuis Yaoundé") or what it is for
    ("quick one before I book my train", "una pregunta para la nota de prensa"): the
    asker's preamble, no part of what is asked."""
    for i, word in enumerate(words[:ANNOUNCED_WITHIN]):
        if word not in ANNOUNCING:
            continue
        if i and words[i - 1] in DEFINITE:
            return False
        return any(w in SENT_FROM or w in SENT_FOR for w in words[i + 1 : i + 3])
    return False

"""A detail the asker guesses about a record they name, which the record contradicts.

"Who suggested the Global PB Hub — was it Gianpaolo Baiocchi?", "the climate action
circle is Buenos Aires and Madrid, yes?", "Bogotá's 60/40 parity initiative": the guess
(a person, the members, a figure) is read as part of the record's name, no record holds
it, and the question is handed off. Read without the guess, the question names its record
alone; when the record then states the slot the guess filled, with another value of the
same kind (another name, another figure), the answer gives the record's value and says
plainly, first, that the guess differs.

A guess is looked for only where askers put one (:func:`guesses`): the names of a short
clause offered after the question ("..., el Ayuntamiento de Barcelona?", "? Buenos Aires
and Rosario?"), a list of names closing a claim ("... is Buenos Aires and Madrid, yes?")
and a share ("60/40", "30%"). A year or a count is no guess here: it names an edition or
a period more often than it guesses a figure. The question stays handed off when, without
the guess, no record answers it surely (the guess was all that named one, or the record
states nothing of that slot), when the answer holds the guess itself, or when it gives no
other value of the guess's kind (:func:`contradicted`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from hub.core.assistant.text import normalise

# Words joining names into one guess, the five languages' "and" (a list of names) and a
# name's lower-case particles: "Buenos Aires and Madrid", "Ayuntamiento de Barcelona"
_AND = frozenset({"and", "y", "e", "et", "i"})  # a list of names: the members guessed
_JOINERS = _AND | {"or", "o", "ou", "de", "del", "da", "do", "das", "dos", "d'", "la", "le"}
# Words before a name making it what a question asks of, not a claim about the record:
# "the meetings of Porto Alegre and Cascais", "les réunions à Porto Alegre et Cascais"
_OBJECT_OF = _JOINERS | {"of", "in", "at", "from", "en", "em", "no", "na", "à", "a", "au", "aux"}
_OBJECT_OF |= {"des", "du", "dels", "al", "entre", "between", "with", "con", "com", "amb", "avec"}
# Where a message's clauses part: "... plan — was it X?", "...? ¿X?", "..., el X?"
_SEPARATORS = re.compile(r"\s+[—–-]\s+|[?¿]+\s*(?=\S)|,\s+|:\s+|;\s+")
_TOKEN = re.compile(r"[\w'’./·%-]+", re.UNICODE)
_FIGURE = re.compile(r"^\d+(?:[.,/]\d+)*%?$")  # "60/40", "100", "2010", "26,6%"
_OFFERED_WORDS = 7  # an offered clause is short: "¿o fue Gianpaolo Baiocchi?"

# The sentence saying the guess differs, opening the answer, in the asker's language
DIFFERS: dict[str, str] = {
    "en": "Not {guess}: the records say otherwise.",
    "es": "No, {guess} no: los registros dicen otra cosa.",
    "fr": "Non, pas {guess} : les registres disent autre chose.",
    "ca": "No, {guess} no: els registres diuen una altra cosa.",
    "pt": "Não, {guess} não: os registos dizem outra coisa.",
}


@dataclass(frozen=True)
class Guess:
    """A detail offered in ``text``: ``said`` as written, ``asked`` the question without
    it, ``kind`` "name" or "figure"."""

    said: str
    asked: str
    kind: str


def differs_sentence(guess: Guess, language: str) -> str:
    """The sentence opening the answer: the guess is not what the records say."""
    return DIFFERS.get(language, DIFFERS["en"]).format(guess=guess.said)


def guesses(text: str, place_words: set[str], common: Collection[str]) -> list[Guess]:
    """The details ``text`` may guess, most likely first, each with the question read
    without it. A run's ``common`` words (a capitalised "C'était", "Was") are no name."""
    found: list[Guess] = []
    parts = [p for p in _SEPARATORS.split(text.strip()) if p.strip(" ?¿!¡.")]
    if not parts:  # "?", ""
        return []
    offered = parts[-1] if len(parts) >= 2 and text.rstrip().endswith("?") else ""
    tokens = _TOKEN.findall(offered)
    if offered and len(tokens) <= _OFFERED_WORDS:  # "— was it Gianpaolo Baiocchi?"
        runs = _name_runs(offered, common)
        named = {w for run in runs for w in _TOKEN.findall(run)}
        others = [t for t in tokens if t not in named and not _plain(t, common)]
        for run in runs if len(others) <= 1 else []:  # "? La mairie de Barcelone ?"
            if _is_place(run, place_words) or len(_TOKEN.findall(run)) >= 2:
                found.append(Guess(run, _without(text, run, tail=True), "name"))
    closing = _closing_run(parts[-2] if len(parts) >= 2 and _is_tag(parts[-1]) else parts[-1])
    if closing is not None and any(w.lower() in _AND for w in closing.split()):
        found.append(Guess(closing, _without(text, closing), "name"))  # "is A and B, yes?"
    for token in _TOKEN.findall(text):  # "60/40", "30%": a share that is no ordinal
        figure = token.strip(".,")
        if _FIGURE.match(figure) and _form(figure) in {"ratio", "share"}:
            found.append(Guess(figure, _without(text, figure), "figure"))
    seen: set[str] = set()
    unique = []
    for guess in found:
        if guess.asked not in seen and guess.asked.strip(" ?¿!¡.,"):
            seen.add(guess.asked)
            unique.append(guess)
    return unique


def _is_place(run: str, place_words: set[str]) -> bool:
    """Whether every word of a name run is a place's: "Buenos Aires and Madrid"."""
    words = [w for w in normalise(run).split() if w not in _JOINERS]
    return bool(words) and all(w in place_words for w in words)


def contradicted(guess: Guess, answer: str, question: str, place_words: set[str]) -> bool:
    """Whether ``answer`` (to the question without the guess) gives another value of the
    guess's kind, and not the guess: another figure of the same form, or a name the
    question does not write (a place, when the guess is one)."""
    said = normalise(guess.said)
    if guess.kind == "figure":
        figures = [t.strip(".,+") for t in _TOKEN.findall(answer)]
        same_form = [f for f in figures if _FIGURE.match(f) and _form(f) == _form(guess.said)]
        return bool(same_form) and guess.said not in same_form
    if f" {said} " in f" {normalise(answer)} ":
        return False
    asked = set(normalise(question).split())
    place = _is_place(guess.said, place_words)
    for run in _name_runs(answer):
        words = [w for w in normalise(run).split() if w not in _JOINERS]
        if not words or all(w in asked for w in words):
            continue
        if not place or any(w in place_words for w in words):
            return True
    return False


def _form(figure: str) -> str:
    """A figure's form: "60/40" a ratio, "2010" a year, "100" a count."""
    if "/" in figure:
        return "ratio"
    if figure.endswith("%"):
        return "share"
    digits = figure.replace(".", "").replace(",", "")
    if len(digits) == 4 and digits[:2] in {"19", "20"}:
        return "year"
    return "count"


def _is_tag(part: str) -> bool:
    """A closing tag asking for agreement ("yes?", "¿no?", "non ?", "oi?"): a short part
    without a name."""
    return len(_TOKEN.findall(part)) <= 2 and not _name_runs(part)


def _closing_run(clause: str) -> str | None:
    """The names closing a claim ("... is Buenos Aires and Madrid"), when a claim comes
    before them, not a preposition making them what is asked of."""
    tokens = _TOKEN.findall(clause.strip(" ?¿!¡."))
    end = len(tokens)
    start = end
    while start > 0 and (_capital(tokens[start - 1]) or tokens[start - 1].lower() in _JOINERS):
        start -= 1
    while start < end and tokens[start].lower() in _JOINERS:
        start += 1
    if start == end or start < 2 or tokens[start - 1].lower() in _OBJECT_OF:
        return None  # "las reuniones de Porto Alegre y de Cascais": no claim, a place asked of
    return " ".join(tokens[start:end])


def _name_runs(text: str, common: Collection[str] = ()) -> list[str]:
    """Runs of capitalised words, with the particles and "and"s between them, within one
    line and no punctuation: "Gianpaolo Baiocchi", "Buenos Aires and Rosario"."""
    runs: list[str] = []
    current: list[str] = []
    end = 0
    for match in [*_TOKEN.finditer(text), None]:
        token = match.group() if match is not None else ""
        if match is None or text[end : match.start()].strip(" "):
            _close(current, runs, common)  # "• Porto Alegre\n• Dakar": two names
        end = match.end() if match is not None else end
        if token and (_capital(token) or (current and token.lower() in _JOINERS)):
            current.append(token)
        else:
            _close(current, runs, common)
    return runs


def _close(current: list[str], runs: list[str], common: Collection[str]) -> None:
    """The run in ``current`` ended: kept without its plain words at either end."""
    while current and _plain(current[0], common):
        current.pop(0)
    while current and (current[-1].lower() in _JOINERS or _plain(current[-1], common)):
        current.pop()
    if current:
        runs.append(" ".join(current))
    current.clear()


def _plain(token: str, common: Collection[str]) -> bool:
    """A joiner, or a word of everyday language written with a capital."""
    words = normalise(token).split()
    return token.lower() in _JOINERS or (bool(words) and all(w in common for w in words))


def _capital(token: str) -> bool:
    """A capitalised word, not an acronym of one letter nor a figure."""
    return token[:1].isupper() and any(c.islower() for c in token[1:]) if token else False


def _without(text: str, said: str, *, tail: bool = False) -> str:
    """``text`` without ``said`` (with ``tail``, without the short clause holding it)."""
    if tail:
        joined = text[: text.rfind(said)]
        at = max(joined.rfind(separator) for separator in ("—", "–", " - ", "?", ",", ":", ";"))
        if at > 0:
            return joined[:at].rstrip(" ¿") + "?"
    return " ".join(text.replace(said, " ").split())

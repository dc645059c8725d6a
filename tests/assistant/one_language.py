"""Find English in the assistant's answers to questions asked in another language.

Usage: ``.venv/bin/python tests/assistant/one_language.py [--show] [--every-language]``:
answers every question of ``tests/assistant/*_questions.jsonl`` whose language is not
English, and counts, per language, the answers (not handed off) that hold an English word.
``--every-language`` also asks every question for an answer in each other language (as a
member whose language is set); ``--show`` prints each such answer with its English words.

A word of an answer is English when it is a word of the English side of the knowledge
(any English text of a record: name, theme, description, body, organiser; or an English
answer phrase of :mod:`hub.core.assistant.phrases`) or an English function word (the
``stop-words`` package's English list), and is none of the answer language's own words:
its texts in the knowledge, its phrase catalogue, its function words (the same package),
its names of countries, languages and months (Babel) and the cities the vocabulary names
in it. So the proper names that the language writes as English does ("OGP Local", "Slack")
are its own words, and an English organiser, theme or phrase left in the answer is found.
A record's English text in brackets after its translation is the documents' own name for
it, as "Barcelone (Barcelona)" is a city's: it is left out, not counted.

An answer that falls back to English says so once (the catalogue's ``english_note`` or
``only_in_note``): it is counted apart, as *marked*, and never as mixing languages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.units import format_unit
from stop_words import get_stop_words

from hub.core.assistant import Assistant
from hub.core.assistant.analyser import STEMMERS
from hub.core.assistant.answers_spans import UNITS
from hub.core.assistant.evaluation import Answering
from hub.core.assistant.phrases import PHRASES
from hub.core.assistant.place_names import city_name
from hub.core.assistant.tables import load_tables
from hub.core.knowledge import KnowledgeSet, load_directory
from hub.core.translations import catalogue

SETS = Path(__file__).resolve().parent
ROOT = SETS.parent.parent
KNOWLEDGE = ROOT / "config" / "knowledge"
OTHER_LANGUAGES = ("es", "fr", "ca", "pt")
STOPWORD_LANGUAGE = STEMMERS  # the stop-words package names languages as Snowball does
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LINK = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:com|org|net|cat|es|pt|fr)\b\S*")
_QUOTE = re.compile(r"['’]")
_BRACKETS = re.compile(r"\(([^()]+)\)")


def words(text: str) -> Iterator[str]:
    """The words of ``text``, lower case, links and e-mail addresses left out; a word with an
    apostrophe also gives its parts ("l'OIDP": "l", "oidp")."""
    for match in _WORD.finditer(_LINK.sub(" ", text)):
        word = match.group().lower()
        yield word
        if _QUOTE.search(word):
            yield from (part for part in _QUOTE.split(word) if part)


def _texts(value: Any, language: str) -> Iterator[str]:
    """Every text in ``language`` of a record's translated fields (``{"en": ..., ...}``)."""
    if isinstance(value, dict):
        if isinstance(value.get(language), str):
            yield value[language]
        for item in value.values():
            if isinstance(item, dict | list):
                yield from _texts(item, language)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, language)


def knowledge_texts(knowledge: KnowledgeSet, language: str) -> Iterator[str]:
    """The knowledge's texts in ``language``; in English also the one-language organisers."""
    records: Iterable[Any] = [
        *knowledge.events,
        *knowledge.awards,
        *knowledge.award_steps,
        *knowledge.entries,
        *knowledge.documents,
    ]
    for record in records:
        yield from _texts(record.model_dump(mode="json"), language)
        organiser = getattr(record, "organiser", None)
        if language == "en" and isinstance(organiser, str):
            yield organiser


def _cities(value: Any) -> Iterator[str]:
    """Every ``city`` an entry's data names (an office's, an OGP Local example's)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "city" and isinstance(item, str):
                yield item
            else:
                yield from _cities(item)
    elif isinstance(value, list):
        for item in value:
            yield from _cities(item)


def _unbracketed(text: str, originals: frozenset[str]) -> str:
    """``text`` without the English originals it gives in brackets after a translation."""
    return _BRACKETS.sub(lambda m: "" if m.group(1) in originals else m.group(), text)


@cache
def stopwords(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in get_stop_words(STOPWORD_LANGUAGE[language]))


@dataclass
class Lexicon:
    """The English words to look for and each language's own words."""

    english: frozenset[str]
    own: dict[str, frozenset[str]]
    originals: frozenset[str] = frozenset()
    """The knowledge's English texts whole: one in brackets is an original name."""

    @classmethod
    def build(cls, knowledge: KnowledgeSet) -> Lexicon:
        english = {w for t in knowledge_texts(knowledge, "en") for w in words(t)}
        english |= {w for t in PHRASES.values() for w in words(t)}
        english |= {w for w in stopwords("en") if _WORD.fullmatch(w)}
        cities = {c for e in knowledge.events if e.city for c in e.city.split(",")}
        cities |= {c for e in knowledge.entries for c in _cities(e.data)}
        originals = frozenset(knowledge_texts(knowledge, "en"))
        own: dict[str, frozenset[str]] = {}
        locale_dir = load_tables().locale_dir
        for language in OTHER_LANGUAGES:
            book = catalogue(locale_dir, language)
            texts = (_unbracketed(t, originals) for t in knowledge_texts(knowledge, language))
            found = {w for t in texts for w in words(t)}  # an original in brackets is no own word
            found |= {w for k, t in PHRASES.items() for w in words(str(book.pgettext(k, t)))}
            found |= stopwords(language)
            locale = Locale.parse(language)
            for names in (locale.territories, locale.languages):
                found |= {w for name in names.values() for w in words(name)}
            for width in ("wide", "abbreviated"):
                found |= {w for m in locale.months["format"][width].values() for w in words(m)}
            for unit in UNITS.values():  # "soit 1 an", "dura 6 dies": Babel's own words
                for count in (1, 2):
                    found |= set(words(format_unit(count, unit, length="long", locale=language)))
            found |= {w for c in cities for w in words(city_name(c.strip(), language))}
            found |= {w for c in cities for w in words(c)}  # "València (Valencia)": a name
            own[language] = frozenset(found)
        return cls(frozenset(english), own, originals)

    def english_in(self, text: str, language: str) -> list[str]:
        """The English words of ``text``, an answer in ``language``, in order, once each."""
        text = _unbracketed(text, self.originals)
        own = self.own[language]
        seen: dict[str, None] = {}
        for word in words(text):
            if word in self.english and word not in own and len(word) > 1:
                seen.setdefault(word, None)
        return list(seen)


def fallback_marks(language: str) -> tuple[str, ...]:
    """The words an answer in ``language`` opens a fallback to another language with."""
    book = catalogue(load_tables().locale_dir, language)
    marks = []
    for key in ("english_note", "only_in_note"):
        said = str(book.pgettext(key, PHRASES[key]))
        head = said.split("{", 1)[0].strip()
        if head:
            marks.append(head)
    return tuple(marks)


@dataclass
class Finding:
    question: str
    language: str
    answer: str
    english: list[str]
    marked: bool


@dataclass
class Measure:
    answers: Counter[str] = field(default_factory=Counter)
    mixed: Counter[str] = field(default_factory=Counter)
    """Answers with English the answer does not announce, per language."""
    marked: Counter[str] = field(default_factory=Counter)
    """Answers that fall back to English and say so, per language."""
    findings: list[Finding] = field(default_factory=list)


def questions() -> Iterator[dict[str, Any]]:
    for path in sorted(SETS.glob("*_questions.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def asked(every_language: bool) -> Iterator[tuple[dict[str, Any], str, str | None]]:
    """Each case with the language its answer must be in and the ``lang`` to ask with: the
    non-English questions as asked; with ``every_language`` also every question (English
    ones too) asked for an answer in each other language, as a member's setting asks."""
    for case in questions():
        if case.get("language") in OTHER_LANGUAGES:
            yield case, case["language"], case.get("lang")
        if every_language:
            for language in OTHER_LANGUAGES:
                if language != case.get("language"):
                    yield case, language, language


def measure(assistant: Answering, lexicon: Lexicon, every_language: bool = False) -> Measure:
    """Answer every non-English question of the sets (``every_language``: every question in
    every other language); count the answers holding English."""
    result = Measure()
    marks = {language: fallback_marks(language) for language in OTHER_LANGUAGES}
    for case, language, lang in asked(every_language):
        now = dt.date.fromisoformat(case["now"])
        answer = assistant.answer(case["question"], now=now, lang=lang)
        if answer.handoff:
            continue
        result.answers[language] += 1
        english = lexicon.english_in(answer.answer, language)
        if not english:
            continue
        marked = any(mark in answer.answer for mark in marks[language])
        (result.marked if marked else result.mixed)[language] += 1
        result.findings.append(Finding(case["question"], language, answer.answer, english, marked))
    return result


def main(argv: list[str]) -> None:
    knowledge = load_directory(KNOWLEDGE)
    assistant = Assistant.from_knowledge(knowledge)
    result = measure(assistant, Lexicon.build(knowledge), "--every-language" in argv)
    for language in OTHER_LANGUAGES:
        print(
            f"{language}  answers {result.answers[language]:4}  with English "
            f"{result.mixed[language]:3}  marked fallback {result.marked[language]:3}"
        )
    print(
        f"all answers {sum(result.answers.values()):4}  with English "
        f"{sum(result.mixed.values()):3}  marked fallback {sum(result.marked.values()):3}"
    )
    if "--show" in argv:
        for f in result.findings:
            mark = "marked" if f.marked else "MIXED"
            print(f"\n[{f.language} {mark}] {f.question}\n  -> {f.answer}\n  english: {f.english}")


if __name__ == "__main__":
    main(sys.argv[1:])

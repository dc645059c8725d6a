"""Yes or no to the year a question claims something began ("l'OIDP travaille avec CGLU
depuis 2010, non ?", "has the IOPD worked with UCLG since 2006?", "col·labora amb CGLU des
del 2010?"): the record of it that states the year it began (its ``since`` or founding
field) answers, "yes" when it is the year claimed and "no" otherwise, with the sentence of
its text writing that year (or the year alone when no sentence writes it). A later year
than the one it began is no "no" (it went on then too, "since 2010" of one since 2006): the
record's year alone corrects it.

Only a record holding the words the question names beside the year (but one verb, which
it may write in its own words: "travaille", "collabore") and stating a year it began
answers; records of those words stating different years leave the question to the other
ways of answering.
"""

from __future__ import annotations

import re

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision
from hub.core.assistant.answers_entries import _since
from hub.core.assistant.answers_yesno_period import PeriodClaims
from hub.core.assistant.asking import clause_opens_asking
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.dates import when
from hub.core.assistant.index import EntryView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.yesno import _texts, sentences

SINCE: dict[str, tuple[str, ...]] = {
    "en": ("since",),
    "es": ("desde",),
    "fr": ("depuis",),
    "ca": ("des de", "des del", "desde"),
    "pt": ("desde",),
}
"""Words saying from when something has gone on, normalised ("des del" is Catalan's
"since" before a year)."""

BEFORE_YEAR = frozenset({"el", "l", "any", "o", "ano", "de", "del", "the", "year", "lo", "an"})
"""Words between "since" and its year ("des de l'any 2010", "desde o ano de 2010")."""

LONG: dict[str, tuple[str, ...]] = {
    "en": ("for long", "for a long time", "for a while", "for years", "since when"),
    "es": ("desde hace mucho", "hace mucho", "desde hace tiempo", "hace tiempo", "desde cuando"),
    "fr": ("depuis longtemps", "depuis quand", "longtemps"),
    "ca": ("fa temps", "fa molt", "de fa anys", "fa anys", "des de quan"),
    "pt": ("ha muito", "faz tempo", "ha tempo", "ha anos", "desde quando"),
}
"""Words asking whether something has gone on long, with no year ("for long?", "depuis
longtemps ?", "des de fa temps?", "há muito tempo?"): how long is a judgement no record
makes, but the year it began is its statement, answered without a yes or no."""

WITH = frozenset({"with", "avec", "con", "amb", "com"})
"""The word after the verb of a claim that two bodies work together ("bosse avec CGLU")."""

LONG_TIME = ("time", "tiempo", "temps", "tempo", "anys", "anos", "years")
"""The words of time that follow :data:`LONG` ("hace mucho tiempo"): no topic asked."""

YEAR_REACH = 3
"""At most this many of :data:`BEFORE_YEAR` between "since" and the year."""

SINCE_RANKS = 8
"""How many of the best-ranked records the year claimed is sought in."""

UNSTATED = 1
"""Of the other words the question asks about, this many the record may not write: the
verb the claim is made with ("travaille avec" of a record saying "collabore avec", one of
the vocabulary's ``with_verbs``), never a word naming what is asked about."""

_YEAR = re.compile(r"(?:19|20)\d\d")


class SinceAnswers(PeriodClaims):
    """Yes or no to "has X gone on since YEAR?", from the year X's record states it began."""

    def _since_claimed(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """The yes or no, with the sentence writing the year it began, of the best-ranked
        record stating that year and holding the other words asked; None when the question
        claims no year with "since", or no such record answers, or two disagree."""
        claim = _claimed_since(list(reading.words)) or _claimed_long(list(reading.words))
        if claim is None:
            return None
        year, said = claim
        stems = set().union(*self.retriever.query_terms([*said, *LONG_TIME], ctx.language))
        stems |= {f"y{year}"} if year is not None else set()
        others = [
            o
            for o in terms
            if not o & stems
            and not o & self._home_terms
            and any(t in self.retriever.idf for t in o)
        ]
        if not others:  # "since 2010?" and nothing named that began then
            return None
        verb_at: set[int] = set()  # "works with", "collabore avec": the verb of the claim
        self.retriever.vocabulary.with_verbs.find(list(reading.words), verb_at, fuzzy=False)
        verb_at |= {  # "bosse avec": the word before "with" is the claim's verb too
            i - 1 for i, w in enumerate(reading.words) if i and w in WITH
        }
        verbs = set().union(
            *self.retriever.query_terms([reading.words[i] for i in verb_at], ctx.language)
        )
        if any(  # "with the World Bank": a word no record writes names what none states
            not o & stems and not o & self._home_terms and not o & verbs
            for o in terms
            if not any(t in self.retriever.idf for t in o)
        ):
            return None
        found: list[tuple[Doc, int]] = []
        for _, doc in self.retriever.search(others)[:SINCE_RANKS]:
            began, _ = _since(doc.record.data) if isinstance(doc.record, EntryView) else (None, "")
            if began is None or any(d.record_id == doc.record_id for d, _ in found):
                continue
            unstated = [o for o in others if not self._states([doc], o)]
            if any(not o & verbs for o in unstated):  # "the World Bank": no verb, unsaid
                continue
            if len(unstated) <= UNSTATED and len(unstated) < len(others):
                found.append((doc, began.year))
        if not found or len({y for _, y in found}) != 1:
            return None
        doc, began_in = found[0]
        text = _sentence_of(doc, ctx.language, began_in)
        if text is None and isinstance(doc.record, EntryView):
            begun, precision = _since(doc.record.data)
            written = when(begun, None, precision, ctx.language) if begun else str(began_in)
            text = ctx.phrase("entry_since", name=self._name(ctx, doc), when=written)
        else:
            text = ctx.phrase("what_is", name=self._name(ctx, doc), text=text)
        asks_which = clause_opens_asking(reading.text, self.retriever.vocabulary, after_short=True)
        if year is not None and year <= began_in and not asks_which:  # "con qué red...?": no
            text = ctx.phrase("yes" if began_in == year else "no", text=text)
        reply = Reply(text, [d.record_id for d, _ in found])
        return Decision(reply, "yesno", MIN_CONFIDENCE, stated=True)


def _claimed_since(words: list[str]) -> tuple[int, list[str]] | None:
    """The year said after "since" ("depuis 2010", "des de l'any 2010") and the words that
    say it; None when the question says none."""
    for i in range(len(words)):
        for phrase in {p for forms in SINCE.values() for p in forms}:
            size = len(phrase.split())
            if words[i : i + size] != phrase.split():
                continue
            j = i + size
            while j < len(words) and j - i - size < YEAR_REACH and words[j] in BEFORE_YEAR:
                j += 1
            if j < len(words) and _YEAR.fullmatch(words[j]):
                return int(words[j]), words[i:j]
    return None


def _claimed_long(words: list[str]) -> tuple[None, list[str]] | None:
    """The words asking whether something has gone on long (:data:`LONG`), with no year
    claimed; None when the question says none."""
    for i in range(len(words)):
        for phrase in {p for forms in LONG.values() for p in forms}:
            if words[i : i + len(phrase.split())] == phrase.split():
                return None, phrase.split()
    return None


def _sentence_of(doc: Doc, language: str, year: int) -> str | None:
    """The sentence of ``doc``'s text in ``language`` writing ``year``, trimmed to the
    clause saying it ("The IOPD has collaborated with UCLG since 2006"); None if none."""
    for sentence in sentences(_texts(doc, language)):
        for clause in re.split(r"\s*;\s*", sentence):
            if str(year) in clause:
                return clause.rstrip(" .") + "."
    return None

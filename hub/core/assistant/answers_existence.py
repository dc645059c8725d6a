"""Yes to whether something exists or belongs ("is there an OGP Local example about gender
violence?", "hi ha algun exemple a Indonèsia?", "São Paulo participa em algum círculo?",
"can social movements become members?"), from the one record that writes every word asked.

A question asks so when it says one of the closed words of existence or belonging in its
language (:data:`EXISTENCE_WORDS`: "is there", "any", "take part", "part of", "become"...);
those words frame the question and are not sought in the record. Every other word asked
must be written by one record in the question's language: its name, its prose, what it is
known as (an "OGP Local example") or the name of the whole it is part of. The best-ranked
record doing so answers "yes" with the sentence of it holding most of the words asked (the
city, the figure, the name that settles it), and is cited. A word no record writes ("an
example in Kenya?") leaves the question handed off: no record states that it exists, and
none states that it does not. Dates, figures and "still" are other questions' business.
"""

from __future__ import annotations

from functools import cached_property

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision
from hub.core.assistant.answers_parts import PartAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView, text_in
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.yesno import _texts, sentences

SHORT_PROSE = 400
"""A record's prose up to this many characters is quoted whole (the figure settling it)."""

EXISTENCE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "there any exist exists existing take takes taking part participate participates"
        " participating belong belongs become becomes join joins include includes included"
        " among have has member members".split()
    ),
    "es": frozenset(
        "hay algun alguna algunos algunas existe existen forma forman parte participa"
        " participan pertenece pertenecen hacerse ser incluye incluyen incluido incluida"
        " entre tiene tienen miembro miembros".split()
    ),
    "fr": frozenset(
        "y a il existe existent fait font partie participe participent appartient"
        " appartiennent devenir inclut incluent comprend comprennent parmi un une des t elle membre membres".split()
    ),
    "ca": frozenset(
        "hi ha algun alguna alguns algunes existeix existeixen forma formen part participa"
        " participen pertany pertanyen fer-se ser inclou inclouen entre te tenen membre membres".split()
    ),
    "pt": frozenset(
        "ha algum alguma alguns algumas existe existem faz fazem parte participa participam"
        " pertence pertencem tornar-se tornar ser inclui incluem entre tem membro membros".split()
    ),
}
"""The words that ask whether something exists or belongs, per language (normalised)."""

CUES: dict[str, frozenset[str]] = {
    "en": frozenset({"there", "any", "exist", "exists", "part", "participate", "belong", "have"})
    | frozenset({"has"}),
    "es": frozenset({"hay", "algun", "alguna", "existe", "parte", "participa", "pertenece"})
    | frozenset({"tiene", "tienen"}),
    "fr": frozenset({"existe", "partie", "participe", "appartient", "y", "t"}),
    "ca": frozenset({"hi", "algun", "alguna", "existeix", "part", "participa", "pertany"})
    | frozenset({"te", "tenen"}),
    "pt": frozenset({"ha", "algum", "alguma", "existe", "parte", "participa", "pertence"})
    | frozenset({"tem"}),
}
"""Of :data:`EXISTENCE_WORDS`, those that alone make a question one of existence or
belonging ("become" needs a member word: :data:`BECOMING`)."""

BECOMING: dict[str, frozenset[str]] = {
    "en": frozenset({"become", "join"}),
    "es": frozenset({"hacerse"}),
    "fr": frozenset({"devenir"}),
    "ca": frozenset({"fer-se"}),
    "pt": frozenset({"tornar-se", "tornar"}),
}
"""Verbs of becoming a member: "can social movements become members?"."""


class ExistenceAnswers(PartAnswers):
    """Yes to "is there / is it part of / can X be...", from the record that writes it."""

    def _polar_rescued(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        return super()._polar_rescued(ctx, reading, ranked, terms) or self._existence_held(
            ctx, reading, ranked, terms
        )

    @cached_property
    def _existence_terms(self) -> dict[str, set[str]]:
        """The terms of :data:`EXISTENCE_WORDS` in each language."""
        analyser = self.retriever.analyser
        return {
            lang: set(analyser.terms_of(sorted(words), lang))
            for lang, words in EXISTENCE_WORDS.items()
        }

    def _asks_existence(self, reading: Reading, language: str) -> bool:
        words = set(normalise(reading.text).replace("?", " ").split())
        if words & CUES.get(language, frozenset()):
            return True
        return bool(words & BECOMING.get(language, frozenset()))

    def _existence_held(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes, with the record's settling sentence, when the question asks whether
        something exists or belongs and one of the best-ranked records writes every other
        word asked; else None (handed off by the caller)."""
        language = ctx.language
        if (
            not ranked
            or reading.still
            or reading.period is not None
            or language not in EXISTENCE_WORDS
            or not self._asks_existence(reading, language)
        ):
            return None
        framing = self._existence_terms[language]
        if any(any(t[:1] in "#y@" and t[1:2].isdigit() for t in o) for o in terms):
            return None  # "over 600?", "in 2020?": figures and years are asked otherwise
        asked = [o for o in terms if not o & framing and not o & self._home_terms]
        if len(asked) < 2:  # "is there a conference?": nothing that settles which one
            return None
        doc = ranked[0][1]  # the record the question is about, not one mentioning a word
        named = self._existence_named(doc, language)
        rest = [o for o in asked if not o & named]
        if rest and not all(self.statements.holds(doc, o, language) for o in rest):
            return None
        return self._existence_yes(ctx, doc, rest)

    def _existence_named(self, doc: Doc, language: str) -> set[str]:
        """The terms ``doc`` is called by in ``language``: its name, what it is known as
        ("ejemplo de OGP Local") and the name of the whole it is part of."""
        record = doc.record
        said = [text_in(record.name, language)[0]] if record.name.get(language) else []
        if isinstance(record, EntryView):
            known = record.data.get("known_as")
            if isinstance(known, dict) and isinstance(known.get(language), str):
                said.append(known[language])
        words = normalise(" ".join(said).replace("\u2019", " ").replace("'", " ")).split()
        return set(self.retriever.analyser.terms_of(words, language)) | self._whole_terms(doc)

    def _existence_yes(self, ctx: Context, doc: Doc, rest: list[set[str]]) -> Decision | None:
        """Yes, the record's name and its prose: whole when short, else the one sentence
        holding every word asked that its name does not (none: no statement of it)."""
        analyser = self.retriever.analyser
        prose = " ".join(_texts(doc, ctx.language).split())
        best_sentence = prose if len(prose) <= SHORT_PROSE else ""
        for sentence in sentences(prose):
            held = set(analyser.terms_of(normalise(sentence).split(), ctx.language))
            if all(o & held for o in rest):
                best_sentence = best_sentence or sentence.strip()
                break
        else:
            if rest:  # the words asked are spread over its prose: no one statement
                return None
        name = self._name(ctx, doc)
        if not best_sentence:
            return None
        text = ctx.phrase("yes", text=ctx.phrase("what_is", name=name, text=best_sentence))
        return Decision(Reply(text, [doc.record_id]), "yesno", MIN_CONFIDENCE, stated=True)

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


def _closed(*lines: str) -> frozenset[str]:
    """A closed word set written as lines of words."""
    return frozenset(" ".join(lines).split())


SHORT_PROSE = 400
"""A record's prose up to this many characters is quoted whole (the figure settling it)."""

EXISTENCE_WORDS: dict[str, frozenset[str]] = {
    "en": _closed(
        "there any exist exists existing take takes taking part participate participates",
        "participating belong belongs become becomes join joins include includes included",
        "among have has member members one anybody anyone somebody someone created",
    ),
    "es": _closed(
        "hay algun alguna algunos algunas ningun ninguna existe existen forma forman parte",
        "participa participan pertenece pertenecen hacerse hacer ser incluye incluyen incluido",
        "incluida entre tiene tienen miembro miembros uno alguien creado creada",
    ),
    "fr": _closed(
        "y a il existe existent fait font partie participe participent appartient",
        "appartiennent devenir inclut incluent comprend comprennent parmi un une des t",
        "elle membre membres aucun aucune quelqu cree creee",
    ),
    "ca": _closed(
        "hi ha algun alguna alguns algunes cap existeix existeixen forma formen part participa",
        "participen pertany pertanyen fer se ser inclou inclouen entre te tenen membre",
        "membres un una algu creat creada",
    ),
    "pt": _closed(
        "ha algum alguma alguns algumas nenhum nenhuma existe existem faz fazem parte",
        "participa participam pertence pertencem tornar se ser inclui incluem entre tem",
        "membro membros um uma alguem criado criada",
    ),
}
"""The words that ask whether something exists or belongs, per language (normalised)."""

THERE_IS: dict[str, frozenset[str]] = {
    "en": frozenset({"there", "any", "exist", "exists", "created"}),
    "es": frozenset({"hay", "algun", "alguna", "ninguna", "ningun", "existe", "creado", "creada"}),
    "fr": frozenset({"existe", "y", "aucun", "aucune", "cree", "creee"}),
    "ca": frozenset({"hi", "algun", "alguna", "cap", "existeix", "creat", "creada"}),
    "pt": frozenset({"ha", "algum", "alguma", "nenhum", "nenhuma", "existe", "criado", "criada"}),
}
"""Words asking whether something exists ("is there...", "¿hay algún...?")."""

BELONGING: dict[str, frozenset[str]] = {
    "en": frozenset({"part", "participate", "belong", "belongs"}),
    "es": frozenset({"parte", "participa", "pertenece"}),
    "fr": frozenset({"partie", "participe", "appartient"}),
    "ca": frozenset({"part", "participa", "pertany"}),
    "pt": frozenset({"parte", "participa", "pertence"}),
}
"""Words asking whether something belongs to a whole named after them ("São Paulo
participa em algum círculo?"): the whole must be what the record is called, not a word
of its prose ("named beside the Cascais meeting" is no part of it)."""

HAVING: dict[str, frozenset[str]] = {
    "en": frozenset({"have", "has"}),
    "es": frozenset({"tiene", "tienen"}),
    "fr": frozenset({"t"}),
    "ca": frozenset({"te", "tenen"}),
    "pt": frozenset({"tem"}),
}
"""Words asking whether something has one of a kind ("Bogotá a-t-elle un exemple ?"): the
kind asked must be what the record is (an example, an office), not a word of its name
("new statutes": a working group drafting them is no statutes)."""

BECOMING: dict[str, frozenset[str]] = {
    "en": frozenset({"become", "join"}),
    "es": frozenset({"hacerse"}),
    "fr": frozenset({"devenir"}),
    "ca": frozenset({"fer"}),
    "pt": frozenset({"tornar"}),
}
"""Verbs of becoming a member: "can social movements become members?"."""


ONE_OF: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset({"one"}), frozenset({"of"})),
    "es": (frozenset({"uno", "una"}), frozenset({"de", "del", "los", "las"})),
    "fr": (frozenset({"un", "une"}), frozenset({"des", "de", "d"})),
    "ca": (frozenset({"un", "una"}), frozenset({"dels", "de", "les", "d"})),
    "pt": (frozenset({"um", "uma"}), frozenset({"dos", "das", "de", "do", "da"})),
}
""""One of" ("is Monterrey one of the examples?", "l'un des cercles", "un dels exemples"):
belonging to the whole or kind named after it, as :data:`BELONGING`."""


IS_IN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset({"is", "are"}), frozenset({"in"})),
    "es": (frozenset({"esta", "estan"}), frozenset({"en", "dentro"})),
    "fr": (frozenset({"est", "sont"}), frozenset({"dans"})),
    "ca": (frozenset({"esta", "estan"}), frozenset({"al", "als", "a", "en", "dins"})),
    "pt": (frozenset({"esta", "estao"}), frozenset({"no", "na", "nos", "nas", "em", "dentro"})),
}
""""Is in" ("Aragó està al cercle?", "¿Bogotá está en el círculo?"): belonging to the whole
named after it. In English the verb opens the question and "in" comes after its subject
("is Aragón in the inclusion circle?"), never after "is there"."""


def _belonging_at(words: list[str], language: str) -> int | None:
    """Where the question says it asks belonging ("part of", "one of", "is in"), else None."""
    ones, ofs = ONE_OF[language]
    verbs, ins = IS_IN[language]
    for i, word in enumerate(words):
        if word in BELONGING[language]:
            return i
        if word in ones and i + 1 < len(words) and words[i + 1] in ofs:
            return i + 1
        if language != "en" and word in verbs and i + 1 < len(words) and words[i + 1] in ins:
            return i + 1
    if language == "en" and words[:1] and words[0] in verbs and words[1:2] != ["there"]:
        return next((i for i, w in enumerate(words) if w in ins), None)
    return None


HEAD_AFTER = frozenset({"of", "on", "for", "in", "to", "with", "about", "from", "at", "and"})
"""English words after the noun a name is headed by ("working group on...")."""
HEAD_BEFORE = frozenset({"el", "la", "les", "le", "los", "las", "l", "o", "a", "os", "as", "els"})
"""Articles before the noun a name is headed by ("La plateforme...")."""


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

    def _existence_checked(
        self, reading: Reading, language: str, doc: Doc, asked: list[set[str]], named: set[str]
    ) -> bool:
        """The question asks existence or belonging in a way ``doc`` answers: "is there"
        or "become" of any record; "part of" only of the record called by the whole named
        after the cue; "has a..." only of a record of the kind asked."""
        words = normalise(reading.text).replace("?", " ").split()
        said = set(words)
        belonging = _belonging_at(words, language)
        if belonging is not None:
            after = words[belonging + 1 :]
            container = set(self.retriever.analyser.terms_of(after, language))
            return all(o & named for o in asked if o & container)
        if said & (THERE_IS[language] | BECOMING[language]):
            return True
        if said & HAVING[language]:
            kinds = doc.kind_terms | self._existence_known(doc, language)
            kinds |= self._existence_head(doc, language)
            return any(o & kinds for o in asked)
        return False

    def _existence_head(self, doc: Doc, language: str) -> set[str]:
        """The terms of the noun ``doc``'s name is headed by ("PARTICIPATE OIDP online
        platform", "Plataforma en línea..."; "Working group on new statutes": a group): what
        the record is, as its kind is. English puts it last before a preposition, the other
        languages first; after a colon ("Buenos Aires, Argentina: Children's City Index"), the
        part naming what it is, never its city."""
        record = doc.record
        said = text_in(record.name, language)[0] if record.name.get(language) else ""
        words = [w for w in normalise(said.split(":")[-1]).split() if w.isalpha()]
        if language == "en":
            cut = next((i for i, w in enumerate(words) if w in HEAD_AFTER), len(words))
            head = words[:cut][-1:]
        else:
            head = [w for w in words if w not in HEAD_BEFORE][:1]
        return set(self.retriever.analyser.terms_of(head, language)) - doc.own_places

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
        if not self._existence_checked(reading, language, doc, asked, named):
            return None
        rest = [o for o in asked if not o & named]
        if rest and not all(self.statements.holds(doc, o, language) for o in rest):
            return None
        return self._existence_yes(ctx, doc, rest)

    def _existence_named(self, doc: Doc, language: str) -> set[str]:
        """The terms ``doc`` is called by in ``language``: its name, what it is known as
        ("ejemplo de OGP Local") and the name of the whole it is part of."""
        record = doc.record
        said = text_in(record.name, language)[0] if record.name.get(language) else ""
        words = normalise(said).split()
        own = set(self.retriever.analyser.terms_of(words, language))
        places = doc.own_places  # "an example from Asia?": Banggai's Indonesia lies in it
        return own | places | self._existence_known(doc, language) | self._whole_terms(doc)

    def _existence_known(self, doc: Doc, language: str) -> set[str]:
        """The terms of what ``doc`` is known as in ``language`` ("exemple d'OGP Local")."""
        record = doc.record
        known = record.data.get("known_as") if isinstance(record, EntryView) else None
        if not isinstance(known, dict) or not isinstance(known.get(language), str):
            return set()
        words = normalise(known[language].replace("\u2019", " ").replace("'", " ")).split()
        return set(self.retriever.analyser.terms_of(words, language))

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

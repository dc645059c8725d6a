"""Yes or no from the sentence of a record that states it.

A yes/no question ("does the secretariat pay for publishing the results?", "la secretaria es
fa càrrec de la publicació?") is answered only where one sentence of the record the question
found holds what it asks: the words it asks about beyond the record's own name, its kind,
its place and the words that only frame a yes/no question ("have", "include", "already").
That sentence is the answer, opened with "No." when a clause holding the question's words
denies it (a negation in it); otherwise the sentence alone, cited, is the answer (words in
one clause, "organised by the city with the support of the secretariat", are no plain yes to
"does the secretariat organise it"). A sentence saying that the documents do not say
something states nothing. When no sentence holds the question's words, the question is
handed off: a yes is never guessed from a record that is only related.

A sentence holds the words its record's other languages write in the same sentence, and a
stem that begins one of its words ("municip" of "municipale"). Necessity ("must"), winning
("won", "le dieron"), taking part ("involved", "envolvido"), being part of something ("part
of a circle": "members of the circle are...") and lasting ("dura um mandato") are concepts a
sentence states in its own words. The figures and years asked are checked (:class:`Stated`): a
sentence stating them is a yes with it, one stating another year a no with it; a figure compared
("more than eight?") is answered by the figure stated; a sentence saying none of their sort
states nothing about them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass

from hub.core.assistant.dates import month_names
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.retrieval import Doc, Retriever
from hub.core.assistant.text import normalise
from hub.core.assistant.yesno_words import (
    AHEAD,
    ALREADY,
    AT_ONCE,
    BELONGING,
    COMPARED,
    COMPARING,
    CONGRESS,
    DOCUMENTS,
    FOUNDING,
    FRAMING,
    HELD,
    LASTING,
    LASTING_FOR,
    LIMIT_WORDS,
    LIMITS,
    LOCATED,
    MEMBERS,
    MEMBERSHIP,
    NECESSITY,
    NECESSITY_PHRASES,
    NOW,
    NUMBERS,
    OPENING,
    OVER,
    PLANNING,
    RECEIVING,
    SCHEDULING,
    TAKING_PART,
    UNNUMBERED,
)

NEGATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "cannot", "nor", "neither"}),
    "es": frozenset({"no", "nunca", "ni", "tampoco", "jamas"}),
    "fr": frozenset({"ne", "pas", "jamais", "ni", "aucun", "aucune"}),
    "ca": frozenset({"no", "mai", "ni", "tampoc", "cap"}),
    "pt": frozenset({"nao", "nunca", "nem", "jamais", "nenhum", "nenhuma"}),
}
"""Words that make a sentence deny what it says (normalised: no accents)."""

_TAG = re.compile(
    r"(?:,\s*[¿]?\s*[\w'’]+(?:[\s-]+[\w'’]+){0,3}|\b(?:or|o|ou)\s+(?:not|no|non|não|nao))"
    r"\s*[?!.]*\s*$|\bn['’]est[\s-]ce\s+pas\b",
    re.IGNORECASE,
)
"""A question's tag ("..., isn't it?", "..., ¿no?", "n'est-ce pas", "..., oi?") or its "or not"
at the end: it asks for a yes or no and denies nothing."""


def denies_itself(question: str, language: str) -> bool:
    """The question denies what it asks ("is it true members don't pay?", "¿no hay cuota?",
    "les membres ne paient pas ?"): a bare "Yes." or "No." to it says the opposite of what
    it means to half of those who read it, so the answer states the record's sentence alone.
    A tag ("..., isn't it?") or "or not" denies nothing."""
    words = normalise(_TAG.sub(" ", question)).split()
    negations = NEGATIONS.get(language, frozenset())
    if language == "en":  # "don't", "isn't", "can't": "don t" once normalised
        negations = negations | {"t"}
    if language == "fr":
        negations = negations | {"n"}  # "n'est", "n'ont"
    return bool(set(words) & negations)


MIN_PLAIN = 2
"""A sentence answers only a question asking at least this many of its own words (not a
concept such as a cost): one word in common is a sentence about something related."""

MIN_ASKED_FOR_SLACK = 4
"""With at least this many words asked, one of them may be missing from the sentence (a
synonym the record words otherwise: "es fa càrrec" for "assumeix")."""

MIN_PREFIX = 6
"""A stem at least this long that begins a word of the record's is that word's kin
("municip" of "municipale"): the record states it."""

SAME = "same"
OTHER = "other"
UNSAID = "unsaid"
VALUE_ORDER = (UNSAID, OTHER, SAME)
"""What a sentence says of a figure or year asked, worst first: nothing of its sort, another
one of its sort ("2013" for "2012"), the one asked."""

MUST = "@must"
TAKE_PART = "@take_part"
LASTS = "@lasts"
"""The concept of lasting a time (:data:`LASTING_FOR`), in the question and a sentence."""
PART_OF = "@part_of"
"""The concept of being part of something (:data:`BELONGING`, :data:`MEMBERS`): a sentence
must state it, the one word of a question it never lets go missing."""
"""The concept of taking part (:data:`TAKING_PART`), in the question and a sentence."""
RECEIVE = "@receive"
"""The concept of winning or receiving (:data:`RECEIVING`), in the question and a sentence."""
"""The concept of necessity, in the question and in a sentence."""
CONCEPTS = frozenset({MUST, RECEIVE, TAKE_PART, PART_OF, LASTS})
"""The concepts a sentence states in its own words."""
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_CLAUSE = re.compile(r"[,;:()]")


@dataclass(frozen=True)
class Stated:
    """The sentence of a record that answers a yes/no question, and whether it denies."""

    sentence: str
    denies: bool
    """A clause holding the question's words denies it ("which does not pay for...")."""
    value: str = ""
    """Of the figures and years asked: :data:`SAME` (the sentence says them), :data:`OTHER`
    (it says another of the same sort: "2012" asked, "2013" said) or "" (none asked)."""
    comparing: bool = False
    """The question compares ("more than five"): the figure stated is no plain yes or no."""


class Statements:
    """Finds, in a record's text, the sentence that states what a yes/no question asks."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        analyser = retriever.analyser
        self._framing = {analyser.stem(w, lang) for lang, ws in FRAMING.items() for w in ws} | {
            w for ws in FRAMING.values() for w in ws
        }
        self._framing |= {analyser.stem(w, lang) for lang, ws in HELD.items() for w in ws}
        self._framing |= {analyser.stem(w, lang) for lang, ws in AT_ONCE.items() for w in ws}
        self._framing |= {w for ws in AT_ONCE.values() for w in ws}
        self._framing |= {w for ws in HELD.values() for w in ws}
        self._documents = {analyser.stem(w, lang) for w in DOCUMENTS for lang in NEGATIONS}
        self.over = {analyser.stem(w, lang) for lang, ws in OVER.items() for w in ws}
        self.over_words = {w for ws in OVER.values() for w in ws}
        self.over |= self.over_words
        self._necessity = {analyser.stem(w, lang) for lang, ws in NECESSITY.items() for w in ws}
        self._necessity |= {w for ws in NECESSITY.values() for w in ws}
        self._comparing = {analyser.stem(w, lang) for w in COMPARING for lang in NEGATIONS}
        self._comparing |= set(COMPARING)
        self._framing |= self._comparing
        self._framing |= set(COMPARING)
        self.membership = {analyser.stem(w, lang) for lang, ws in MEMBERSHIP.items() for w in ws}
        self.membership |= {w for ws in MEMBERSHIP.values() for w in ws} | self._framing
        self.opening = {analyser.stem(w, lang) for lang, ws in OPENING.items() for w in ws}
        self.opening |= {w for ws in OPENING.values() for w in ws}
        self.planning = {w for ws in PLANNING.values() for w in ws}
        self.planning_terms = {analyser.stem(w, lang) for lang, ws in PLANNING.items() for w in ws}
        self.planning_terms |= self.planning
        self.ahead = {analyser.stem(w, lang) for lang, ws in AHEAD.items() for w in ws}
        self.ahead |= {w for ws in AHEAD.values() for w in ws}
        self.ahead_words = {w for ws in AHEAD.values() for w in ws}
        self.now = {analyser.stem(w, lang) for lang, ws in NOW.items() for w in ws}
        self.now |= {w for ws in NOW.values() for w in ws}
        self.today_words = {w for ws in (*NOW.values(), *ALREADY.values()) for w in ws}
        self.already_words = {w for ws in ALREADY.values() for w in ws}
        """The words asking whether something has happened by today ("already", "yet")."""
        """The question's own words asking of the asker's today (:data:`ALREADY`)."""
        self.scheduling = {analyser.stem(w, lang) for lang, ws in SCHEDULING.items() for w in ws}
        self.scheduling |= {w for ws in SCHEDULING.values() for w in ws}
        self.congress = {analyser.stem(w, lang) for lang, ws in CONGRESS.items() for w in ws}
        self.congress |= {w for ws in CONGRESS.values() for w in ws}
        self.founding = {analyser.stem(w, lang) for lang, ws in FOUNDING.items() for w in ws}
        self.founding |= {w for ws in FOUNDING.values() for w in ws} | self.opening
        self.located = {analyser.stem(w, lang) for lang, ws in LOCATED.items() for w in ws}
        self.located |= {w for ws in LOCATED.values() for w in ws}
        self.receiving = {w for ws in RECEIVING.values() for w in ws}  # the words: their
        self.taking_part = {w for ws in TAKING_PART.values() for w in ws}  # stems are nouns'
        self.belonging = {w for ws in BELONGING.values() for w in ws}
        self.lasting_for = {w for ws in LASTING_FOR.values() for w in ws}
        self.members = {w for ws in MEMBERS.values() for w in ws}
        # too ("particip" of "participativo", "premi")
        self.lasting = {analyser.stem(w, lang) for lang, ws in LASTING.items() for w in ws}
        self.lasting |= {w for ws in LASTING.values() for w in ws}
        """Terms that only frame a yes/no question about a record (see
        :meth:`~hub.core.assistant.answers_yesno.YesNoAnswers._polar_rescued`)."""
        self._months = {
            w
            for lang in NEGATIONS
            for name in month_names(lang).values()
            for w in normalise(name).split()
        }
        self._numbers: dict[str, str] = {}
        for words in NUMBERS.values():
            for n, w in enumerate(words, start=1):
                if w in UNNUMBERED:
                    continue  # also an article ("un miembro") or "new" ("el nou web")
                self._numbers[w] = f"#{n}"  # the word only: a stem is another word's too

    def opening_asked(self, words: list[str]) -> bool:
        """The question asks whether something opened, not whether it is planned to: an
        opening word with no word of intention in the two words before it (short words
        aside: "prévoit-il d'ouvrir", "plans to open"), nor part of a record's name ("Open
        Gov Challenge")."""
        return any(
            w in self.opening
            and not set([v for v in words[:i] if len(v) > 2][-2:]) & self.planning
            and not self._in_name(words[i : i + 2])
            for i, w in enumerate(words)
        )

    def plan_said(self, words: list[str], language: str) -> bool:
        """The question says the thing was planned, anywhere in it ("the office they were
        planning", "la oficina que se planeaba"): the asker knows the plan already."""
        stem = self.retriever.analyser.stem
        return any(w in self.planning or stem(w, language) in self.planning_terms for w in words)

    def planning_asked(self, words: list[str]) -> bool:
        """The question asks whether something is planned to open: an opening word with a
        word of intention in the two words before it ("prévoit d'ouvrir", "plans to open")."""
        return any(
            w in self.opening
            and bool(set([v for v in words[:i] if len(v) > 2][-2:]) & self.planning)
            and not self._in_name(words[i : i + 2])
            for i, w in enumerate(words)
        )

    def _in_name(self, words: list[str]) -> bool:
        """The two words are both in one record's own name ("Open Gov Challenge")."""
        if len(words) < 2:
            return False
        stems = [{self.retriever.analyser.stem(w, lang) for lang in NEGATIONS} | {w} for w in words]
        return any(all(s & name for s in stems) for d in self.retriever.docs for name in d.names)

    def asked(
        self,
        doc: Doc,
        terms: list[set[str]],
        skip: set[str],
        words: Sequence[str] = (),
        language: str = "en",
    ) -> list[set[str]]:
        """The question's words a sentence must hold: not the record's own name, kind or
        place, nor a number, nor a word that only frames the question, nor ``skip``."""
        own = set().union(*doc.names, doc.own_places) if doc.names else set(doc.own_places)
        stem = self.retriever.analyser.stem
        said = set(words)  # the question's words of a concept, as its terms may be
        receiving = {t for w in said & self.receiving for t in (w, stem(w, language))}
        taking_part = {t for w in said & self.taking_part for t in (w, stem(w, language))}
        belonging = {t for w in said & self.belonging for t in (w, stem(w, language))}
        lasting = {t for w in said & self.lasting_for for t in (w, stem(w, language))}
        out = []
        for options in terms:
            if self.value(options) is not None:  # a figure or a year: see :meth:`values`
                continue
            if self._unnumbered(options):  # "nous": the word, not the figure 9
                options = {t for t in options if not (t[0] == "#" and t[1:].isdigit())}
            plain = {t for t in options if not t.startswith("@")}
            if plain & self._necessity:  # "obligatoire": a sentence saying "doivent"
                out.append({MUST})
                continue
            if plain & receiving:  # "le dieron un premio": a sentence saying "recibió"
                out.append({RECEIVE})
                continue
            if plain & taking_part:  # "envolvido": a sentence saying "colabora"
                out.append({TAKE_PART})
                continue
            if plain & belonging:  # "part of a circle": a sentence saying "members of"
                out.append({PART_OF})
                continue
            if plain & lasting:  # "dura um mandato?": a sentence saying it lasts
                out.append({LASTS})
                continue
            if plain and (
                plain & own
                or plain & skip
                or plain & self._framing
                or any(t[0] in "#y" and t[1:].isdigit() for t in plain)
            ):
                continue
            out.append(options)
        if said & self.lasting_for and {LASTS} not in out:  # "dure-t-il un mandat ?": the
            out.append({LASTS})  # verb joined to its pronoun is no term, still asked
        if {MUST} not in out and (
            said & self._necessity
            or any(f" {p} " in f" {' '.join(words)} " for p in NECESSITY_PHRASES)
        ):  # "must members select...?", "doivent-ils...": a stopword, or a verb joined to
            out.append({MUST})  # its pronoun, is no term; the duty is still asked
        return out

    def _names_another(self, doc: Doc, asked: list[set[str]]) -> bool:
        """Every word asked, beyond ``doc``'s own name, is in the name of one other record:
        the question is about that record ("is the technical secretariat in Madrid?", asked
        of the Madrid conference), and a sentence of ``doc`` mentioning it states nothing
        about it."""
        return any(
            d.record_id != doc.record_id and all(o & _name_terms(d) for o in asked)
            for d in self.retriever.docs
            if d.names
        )

    def value(self, options: set[str]) -> str | None:
        """The figure (``#5``, from "5" or "cinco") or year (``y2012``) a question's word is,
        or None: not a word that is also another (:data:`UNNUMBERED`: "nous estatuts")."""
        if self._unnumbered(options):
            return None
        for t in sorted(options):
            if t[0] in "#y" and t[1:].isdigit():
                return t
            if t in self._numbers:
                return self._numbers[t]
        return None

    def holds(self, doc: Doc, options: set[str], language: str) -> bool:
        """The record writes the word in ``language`` (its name, theme or prose): a word
        of another language's text that stems alike ("reportée" and the English "report")
        is not what it states."""
        record = doc.record
        parts = [record.name.get(language, ""), _texts(doc, language)]
        if isinstance(record, EventView):
            parts += [record.theme.get(language, ""), record.organiser_names.get(language, "")]
        words = normalise(" ".join(parts)).split()
        held = set(self.retriever.analyser.terms_of(words, language))
        return bool(options & held) or _kin(options, held)  # "municipalité": "municipale"

    def _held(self, words: list[str], language: str) -> set[str]:
        """The terms of a sentence's words, figures in words as figures ("cinco": ``#5``),
        but no figure of a date ("2–5 July", "le 20 juillet"): a day is no count."""
        near = {j for i, w in enumerate(words) if w in self._months for j in range(i - 3, i + 2)}
        return {
            t
            for i, w in enumerate(words)
            for t in self.retriever.analyser.terms_of([w], language)
            + ([self._numbers[w]] if w in self._numbers else [])
            if not (i in near and t[0] == "#")
        }

    def _called(self, doc: Doc, terms: list[set[str]], skip: set[str]) -> bool:
        """The question says at least two words of the record's own name beyond ``skip``
        (the network's, the kinds') and framing ("OGP Local commitments", of the
        commitments' limit; not "an IOPD conference", of the 20th)."""
        own = _name_terms(doc) - skip - self._framing
        return len([o for o in terms if o & own and not o & skip]) >= MIN_PLAIN

    def _unnumbered(self, options: set[str]) -> bool:
        """The word is one of :data:`UNNUMBERED` ("nous" in "nous estatuts"), not also a
        number word of another language ("sete", whose stem is "set")."""
        return bool(options & UNNUMBERED) and not options & self._numbers.keys()

    def values(self, doc: Doc, terms: list[set[str]]) -> list[str]:
        """The figures and years the question asks about that are not the record's own name
        ("the 2013 work plan", "the 13th conference")."""
        own = set().union(*doc.names) if doc.names else set()
        out = []
        for options in terms:
            value = self.value(options)
            if value is not None and not options & own and value not in own:
                out.append(value)
        return out

    def find(
        self,
        doc: Doc,
        terms: list[set[str]],
        language: str,
        skip: set[str],
        dated: frozenset[str] = frozenset(),
        words: Sequence[str] = (),
        named: Set[str] = frozenset(),
    ) -> Stated | None:
        """The sentence of ``doc`` in ``language`` holding the words the question asks, and
        what it says of the figures and years asked (:class:`Stated`): a year among
        ``dated`` (those the record's dates state) is said by each of its sentences.
        ``words`` are the question's own (its "more than" are no terms); ``named`` the
        names of the wholes ``doc`` is part of (its work plan), whose year it states too and
        whose edition is its own."""
        asked = self.asked(doc, terms, skip, words, language)
        limited = any(p in f" {' '.join(words)} " for p in LIMITS)
        if limited:  # "up", "até" of "up to", "até 10": no word a sentence must hold
            asked = [o for o in asked if not o & LIMIT_WORDS]
        values = self.values(doc, terms)
        dated = dated | {t for t in named if t[0] in "#y" and t[1:].isdigit()}  # its whole's
        # ("does the 2013 plan include...": the part of it states the 2013)
        plain = [o for o in asked if o & CONCEPTS or not any(t.startswith("@") for t in o)]
        comparing = (
            any(o & self._comparing for o in terms)
            or bool(set(words) & COMPARED.get(language, frozenset()))
            or limited  # "up to 10 commitments", "até 10": a limit asked
        )
        own = _name_terms(doc) | set(named)
        if any(v not in own and any(t[0] == v[0] and t[1:].isdigit() for t in own) for v in values):
            return None  # "the 8th Distinction" of the 9th's record, "the 2014 plan" of the
            # 2013 plan's: another edition named, of which this record states nothing
        limit = (  # "more than five commitments?": the sentence stating the 5 answers it
            not plain and len(values) == 1 and values[0][0] == "#" and comparing
        )
        counted = bool(values) and all(v[0] == "#" for v in values)  # figures, no years
        called = bool(values) and not plain and self._called(doc, terms, skip)  # "5 commitments"
        # of the limit's record: the figure alone is asked of the record the question names
        one_name = (  # "is Scotland in one of the circles?": one name asked of a record the
            len(plain) == 1 and not values and self._called(doc, terms, skip)
        )  # question calls by its own name, which a sentence writes as a name
        if len(plain) + len(values) < MIN_PLAIN and not limit and not called and not one_name:
            return None  # one word in common ("prize") is a related sentence, not a statement
        if not plain and not limit and not called:
            return None  # a figure alone in common is no statement about it
        said = [o for o in plain if not o & CONCEPTS]
        belongs = any(PART_OF in o for o in plain)  # "is Scotland part of a circle?": a
        # place asked to be among a record's members is a statement the record makes
        if said and not limit and not belongs and all(o & self.retriever.place_terms for o in said):
            return None  # "mandatory ... in Cascais?": a place alone asked is no statement
        if len(said) >= MIN_PLAIN and self._names_another(doc, said):
            return None  # "is the technical secretariat in Madrid?": a mention, no statement
        idf = self.retriever.idf
        top = max(idf.values(), default=1.0)
        weights = [max((idf[t] for t in o if t in idf), default=top) for o in asked]
        best: tuple[float, int, str, list[set[str]], str] | None = None
        own_sentences = sentences(_texts(doc, language))
        variants = [  # the record's other languages, sentence for sentence
            v
            for lang in NEGATIONS
            if lang != language and len(v := sentences(_texts(doc, lang))) == len(own_sentences)
        ]
        for i, sentence in enumerate(own_sentences):
            words = normalise(sentence).split()
            held = self._held(words, language) | dated
            for variant in variants:  # "estrenar" of "nou web estrenat", "nueva web": the
                held |= self._held(normalise(variant[i]).split(), language)  # same sentence
            said_value = _said(values, held)
            if (
                one_name
                and len(plain) + len(values) < MIN_PLAIN
                and not plain[0] & {RECEIVE, TAKE_PART}  # "won a prize?" of its prize's
                and not _as_name(
                    sentence, plain[0], lambda w: self.retriever.analyser.terms_of([w], language)
                )
            ):
                continue
            if called and said_value != SAME and not (said_value == OTHER and counted):
                continue  # "a conference in 2027?": another year is no "no" (another may be);
                # another count stated ("8 commitments?": 5) is the record's own, said alone
            if values and said_value == UNSAID and not limit:
                continue  # "launched in 2012?": a sentence not saying when states nothing
            concepts = {
                f"@{f.value}" for f in self.retriever.vocabulary.types.find(words, fuzzy=False)
            }
            if set(words) & self._necessity or any(
                f" {p} " in f" {' '.join(words)} " for p in NECESSITY_PHRASES
            ):
                concepts.add(MUST)
            if set(words) & self.receiving:
                concepts.add(RECEIVE)
            if set(words) & self.taking_part:
                concepts.add(TAKE_PART)
            if set(words) & self.members:
                concepts.add(PART_OF)
            if set(words) & self.lasting_for:
                concepts.add(LASTS)
            got = [bool(o & held or o & concepts) or _kin(o, held) for o in asked]
            share = sum(w for w, g in zip(weights, got, strict=True) if g) / (sum(weights) or 1)
            missing = got.count(False)
            if missing and not (missing == 1 and len(asked) >= MIN_ASKED_FOR_SLACK):
                continue
            if any(PART_OF in o and not g for o, g in zip(asked, got, strict=True)):
                continue  # "cited beside" the whole asked: no part of it
            rank = (share, VALUE_ORDER.index(said_value))
            if best is None or rank > best[:2]:
                found = [o for o, g in zip(asked, got, strict=True) if g]
                best = (*rank, sentence, found, said_value)
        if best is None:
            return None
        _, _, sentence, found, said_value = best
        negations = NEGATIONS.get(language, frozenset())
        denies = False
        for clause in _CLAUSE.split(sentence):
            words = normalise(clause).split()
            held = set(self.retriever.analyser.terms_of(words, language))
            if not any(o & held for o in found):
                continue
            if set(words) & negations:
                if held & self._documents:
                    return None  # "the documents do not say it opened": no statement
                denies = True
        return Stated(sentence.strip(), denies, said_value if values else "", comparing)


def _as_name(sentence: str, options: set[str], terms: Callable[[str], list[str]]) -> bool:
    """The sentence writes the word asked capitalised, past its first word: a name."""
    return any(w[:1].isupper() and set(terms(normalise(w))) & options for w in sentence.split()[1:])


def _kin(options: set[str], held: set[str]) -> bool:
    """A stem asked of at least :data:`MIN_PREFIX` letters begins a word held ("municip" of
    "municipale", "organis" of "organisation"): the same word in another form."""
    return any(len(t) >= MIN_PREFIX and h.startswith(t) for t in options for h in held)


def _said(values: list[str], held: set[str]) -> str:
    """What a sentence holding ``held`` says of the figures and years asked."""
    if all(v in held for v in values):
        return SAME
    if any(
        v not in held and len([h for h in held if h[0] == v[0] and h[1:].isdigit()]) == 1
        for v in values
    ):
        return OTHER  # one other of its sort: several ("2013 ... 2014") answer no one
    return UNSAID


def _name_terms(doc: Doc) -> set[str]:
    return set().union(*doc.names) if doc.names else set()


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _texts(doc: Doc, language: str) -> str:
    """The record's own prose in ``language`` only (an answer never mixes languages)."""
    record = doc.record
    if isinstance(record, EntryView):
        return record.body.get(language, "")
    if isinstance(record, EventView):
        return record.description.get(language, "")
    if isinstance(record, AwardView):
        if doc.step and doc.step in record.steps:
            return record.steps[doc.step].description.get(language, "")
        return record.description.get(language, "")
    return ""

"""How to join a thing, answered only from a record that states how to join that thing.

Asked how to join, apply to or take part in something ("¿cómo me apunto al grupo de trabajo
sobre los nuevos estatutos?", "como participo en el reto de gobierno abierto?"), the
question names what is to be joined, its *object*: the network, OGP Local, the award, the
Open Gov Challenge, a working group, an OGP Local Circle. The record ranked first for the
question is that object's, or a record stating how to join it. A record states how to join
when its own words say joining (its ``@join`` concept: "How to join OGP Local", "Ways to
participate in the Open Gov Challenge", the FAQ on the network's membership). The object's
own record saying nothing of joining (a working group's description, the list of OGP Local
Circles) is no answer: the record whose name holds the object's whole name and says joining
answers ("Ways to participate in the Open Gov Challenge" for "The Open Gov Challenge"), or
one the object's data lists as related; with none, the question is handed off, saying the
records do not state how to join it.
"""

from __future__ import annotations

from hub.core.assistant.alike import related, same_address, stating_alike
from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView
from hub.core.assistant.reading import SLOT_OF, Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

JOINING = "@join"
"""The concept term of joining: a record holding it says, in its own words, how to join."""
NAMED_SHARE = 0.5
"""Share of a record's own name a question must say to ask about that record itself."""
OTHER_SLOTS = frozenset({"when", "where", "list", "how_many", "cost", "yesno"})
"""Slots that, asked beside joining, are what the question asks ("in which events does the
secretariat take part", "when does the call open"): no way to join is asked."""
JOINING_CONCEPTS = frozenset({"join", *SLOT_OF})
"""The concepts of joining: joining itself and those asked as it (subscribing)."""
OTHER_WAYS = frozenset({"@subscribe"})
"""Concepts asked as joining that are their own fact (subscribing to the newsletter): the
records stating them are found by them, not by the object named."""


class JoinAnswers(SlotAnswers):
    """The join slot answered only from a record stating how to join the object asked."""

    def _joined(
        self,
        ctx: Context,
        reading: Reading,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
        decision: Decision,
    ) -> Decision:
        """The way to join (:meth:`_joined_way`); asked where to write as well ("mail de OGP
        Local pa unirnos?"), the records writing the address its answer gives are cited
        beside it (OGP Local's contact beside the page on how to join it)."""
        joined = self._joined_way(ctx, reading, terms, ranked, decision)
        reply = joined.reply
        chosen = self._entry_of(reply.sources[:1])
        if reply.handoff or chosen is None or "contact" not in self._slots_beside(reading):
            return joined
        entries = (d for d in self.retriever.docs if d.group == "entry")
        alike = [i for i in same_address(chosen, entries) if i not in reply.sources]
        if not alike:
            return joined
        cited = Reply(reply.text, [*reply.sources, *alike], target=reply.target)
        return Decision(cited, joined.intent, joined.confidence)

    def _joined_way(
        self,
        ctx: Context,
        reading: Reading,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
        decision: Decision,
    ) -> Decision:
        """``decision`` when its record states how to join (or the question names that
        record by its joining word: "le registre des lobbies", "PARTICIPATE OIDP"); else the
        answer from a record stating how to join the record answered, or a handoff."""
        asked = set().union(*terms) if terms else set()
        slots = self._slots_beside(reading)
        if self._asks_joining_part(reading):  # "how do we join? is there a form?": the yes or
            slots.discard("yesno")  # no asks of the way to join, which its record states
            slots.discard("list")  # "¿qué hay que hacer... a quién escribimos?": its parts
        if "contact" in slots:  # "quel mail pour adhérer...": the "which" asks the address
            slots.discard("list")
        if JOINING not in asked or asked & OTHER_WAYS or reading.polar or slots & OTHER_SLOTS:
            return decision  # "in which events does it take part", "forma parte...?"
        if decision.reply.handoff:
            return self._join_rescued(ctx, reading, terms, ranked, decision) or decision
        chosen = self._entry_of(decision.reply.sources[:1])
        named_after = self._named_after(chosen) if chosen is not None else []
        if chosen is not None and named_after and not self._named_by_slot(reading, chosen):
            reply = self._slot(ctx, reading, "join", named_after[0])  # "OGP is inviting
            return Decision(reply, decision.intent, decision.confidence)  # reformers to
        if (  # join OGP Local": how, its page "How to join OGP Local" says
            chosen is None
            or self._about_joining(chosen)
            or self._alike_to_joining(chosen)
            or self._named_by_slot(reading, chosen)
        ):
            return decision
        wholes = [d for d in self.retriever.docs if d.key in chosen.wholes]
        ways = [w for t in [chosen, *wholes] for w in self._ways_to_join(t)]
        if ways:  # "como participo en el reto de gobierno abierto": its ways to participate,
            # also asked with words of one of its areas ("participate in the challenge")
            reply = self._slot(ctx, reading, "join", ways[0])
            return Decision(reply, decision.intent, decision.confidence)
        if chosen.terms.get(JOINING) and self._asked_by_name(ctx, reading, chosen):
            return decision  # its own text says how to join it (the Slack, the award's FAQ)
        name = self._label(ctx, chosen)
        reply = ctx.handoff(ctx.phrase("join_unknown_of", name=name), sources=[chosen.record_id])
        return Decision(reply, decision.intent, min(decision.confidence, 0.3))

    def _join_rescued(
        self,
        ctx: Context,
        reading: Reading,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
        decision: Decision,
    ) -> Decision | None:
        """A join question handed off for words no record of joining holds ("notre commune
        au Maroc", "my city is thinking of", "aimerait"): who asks and how, not what is
        joined. The first-ranked entry is the object; the record stating how to join it (the
        object itself when it says joining) answers, when together they hold every word of
        the question that names something (a word of a record's name, no place: "Slack",
        "Circles", "statutes"). None when no such record is found."""
        if not ranked or ranked[0][1].group != "entry" or self._asks_when(reading):
            return None  # "l'appel ouvre quand": the award's call, not how to apply
        parts = self.retriever.vocabulary.slot_parts.get("join")
        if "who" in self._slots_beside(reading) and not (parts and parts.find(reading.words)):
            return None  # "quem pode ser membro": who may, not how to ("on écrit à qui")
        target = ranked[0][1]
        ways = [] if self._about_joining(target) else self._ways_to_join(target)
        if ways:  # "OGP is inviting new reformers to join OGP Local" says joining, not how:
            way = ways[0]  # the record on how to join it answers
        elif self._about_joining(target) or (
            target.terms.get(JOINING) and self._asked_by_name(ctx, reading, target)
        ):
            way = target
        else:
            return None
        naming = [
            o
            for o in terms
            if JOINING not in o
            and o & self._own_name_terms
            and not o & self.retriever.place_terms
            and self._weighty(o)
        ]
        if not naming or not all(
            any(d.terms.get(t) for t in o for d in (target, way)) for o in naming
        ):
            return None
        reply = self._slot(ctx, reading, "join", way)
        if reply.handoff:
            return None
        asking = [w for w in reading.words if self.retriever.vocabulary.question_words.knows(w)]
        how = set().union(*self.retriever.query_terms(asking, ctx.language))  # "comment"
        said = [o for o in terms if not o & how]
        alike = stating_alike(way, said, self.retriever.docs, self._home_terms, self._weighty)
        sources = [*reply.sources, *(i for i in alike if i not in reply.sources)]
        reply = Reply(reply.text, sources, target=reply.target)
        return Decision(reply, decision.intent, max(decision.confidence, MIN_CONFIDENCE))

    @property
    def _own_name_terms(self) -> set[str]:
        """The terms of every record's own names."""
        if not hasattr(self, "_own_name_cache"):
            self._own_name_cache: set[str] = set().union(
                *(n for d in self.retriever.docs for n in d.names)
            )
        return self._own_name_cache

    def _slots_beside(self, reading: Reading) -> set[str]:
        """The slots the question's words ask besides joining ("which", "when", "who")."""
        found = self.retriever.vocabulary.types.find(list(reading.words), fuzzy=False)
        return {f.value for f in found} - JOINING_CONCEPTS

    def _join_topic(self, words: list[str]) -> list[str]:
        """A join question's words without its question words: "comment", "com", "how"
        ask the way to join and name nothing, not the FAQ whose title opens with "Comment"
        ("Comment rejoindre OGP Local" for "comment rejoindre un cercle local")."""
        questions = self.retriever.vocabulary.question_words
        return [w for w in words if not questions.knows(w)]

    def _asks_joining_part(self, reading: Reading) -> bool:
        """The question names a part of joining itself (a form, the requirements, where to
        write: ``slot_parts`` of join), as a yes/no beside it may ("¿hay un formulario?")."""
        parts = self.retriever.vocabulary.slot_parts.get("join")
        return parts is not None and bool(parts.find(list(reading.words), fuzzy=False))

    def _entry_of(self, record_ids: list[str]) -> Doc | None:
        """The entry (a record of knowledge, no event nor award) of the first id cited."""
        if not record_ids:
            return None
        return next(
            (d for d in self.retriever.docs if d.record_id == record_ids[0] and d.group == "entry"),
            None,
        )

    def _alike_to_joining(self, doc: Doc) -> bool:
        """``doc`` writes the address a record stating how to join writes (OGP Local's
        contact, the page on how to join it): writing there is the way to join. Or it says
        joining in its text and a record about joining lists it as related, or it that one
        (the network's membership, beside the FAQ on joining it): both state it."""
        joining = [d for d in self.retriever.docs if d.group == "entry" and d.terms.get(JOINING)]
        if same_address(doc, joining):
            return True
        return bool(doc.terms.get(JOINING)) and any(
            related(doc, d) for d in joining if self._about_joining(d)
        )

    def _named_by_slot(self, reading: Reading, doc: Doc) -> bool:
        """A word the reading took for the joining slot is written in ``doc``'s own name
        ("le registre des lobbies de Madrid", "the PARTICIPATE OIDP platform"): the
        question names the record by it, it asks no way to join ("participo" is no word of
        "Democracia Participativa")."""
        vocabulary = self.retriever.vocabulary
        record = doc.record
        names = record.name if isinstance(record, EntryView) else {}
        own = {w for name in names.values() for w in normalise(name).split()}
        content = set(reading.content)
        written = {*reading.words, *normalise(reading.text).split()}  # "registre", read as
        return any(  # "register"
            word in own
            for word in written
            if word not in content
            and word not in vocabulary.askers
            and word not in self.retriever.analyser.stopwords
            and not vocabulary.question_words.knows(word)
            and len(word) > 2
        )

    def _ways_to_join(self, target: Doc) -> list[Doc]:
        """The records about joining ``target``: entries whose name says joining and holds
        one of ``target``'s names whole ("Ways to participate in the Open Gov Challenge"
        for "The Open Gov Challenge", "How to join OGP Local" for "OGP Local"), or that
        ``target``'s data lists as related; those saying it most first."""
        names = [n for n in target.names if n]
        called = _acronyms(target)
        ways = [
            d
            for d in self.retriever.docs
            if d.group == "entry"
            and d is not target
            and self._about_joining(d)
            and (
                related(target, d)
                or any(n <= own for n in names for own in d.names)
                or self._joins_by_acronym(d, called)
            )
        ]
        return sorted(ways, key=lambda d: -d.terms[JOINING])

    def _named_after(self, target: Doc) -> list[Doc]:
        """The records on how to join ``target`` named after it ("How to join OGP Local"
        for "OGP Local"), when ``target``'s own name says no joining: its text may say
        joining ("OGP is inviting new reformers to join OGP Local"), they say how. A record
        one of them lists as related (the network's membership beside the FAQ on joining
        it) states it alike and answers itself."""
        if self._about_joining(target):
            return []
        names = [n for n in target.names if n]
        return [
            w
            for w in self._ways_to_join(target)
            if not related(target, w) and any(n <= own for n in names for own in w.names)
        ]

    def _joins_by_acronym(self, doc: Doc, called: set[str]) -> bool:
        """``doc``'s own name says joining itself, no other way in (subscribing), and holds
        one of the acronyms the body is called by ("Adhesión al OIDP" for the International
        Observatory on Participatory Democracy (IOPD)): it states how to join that body."""
        if not called:
            return False
        record = doc.record
        names = record.name.values() if isinstance(record, EntryView) else ()
        types = self.retriever.vocabulary.types
        for name in names:
            words = normalise(name).split()
            concepts = {f.value for f in types.find(words, fuzzy=False)}
            if "join" in concepts and not concepts & {*SLOT_OF} and called & set(words):
                return True
        return False

    def _about_joining(self, doc: Doc) -> bool:
        """``doc``'s own name says joining ("How to join OGP Local", "Formas de participar
        en el Open Gov Challenge"): it is about how to join what its name names."""
        if not hasattr(self, "_about_joining_cache"):
            self._about_joining_cache: dict[str, bool] = {}
        found = self._about_joining_cache.get(doc.key)
        if found is None:
            record = doc.record
            names = record.name.values() if isinstance(record, EntryView) else ()
            types = self.retriever.vocabulary.types
            found = any(
                f.value in JOINING_CONCEPTS
                for name in names
                for f in types.find(normalise(name).split(), fuzzy=False)
            )
            self._about_joining_cache[doc.key] = found
        return found

    def _asked_by_name(self, ctx: Context, reading: Reading, doc: Doc) -> bool:
        """The question says at least half of ``doc``'s own name, its question words and
        joining verb aside ("el Slack de OGP Local" of "Espacio de Slack de OGP Local"): the
        record is what is asked, not a neighbour whose text mentions joining in passing (an
        area of the Open Gov Challenge asked how to take part in the challenge)."""
        questions = self.retriever.vocabulary.question_words
        said = [w for w in reading.content if not questions.knows(w) and w != JOINING]
        terms = self.retriever.query_terms(said, ctx.language)  # the joining verb aside
        return self.retriever.name_share(doc, terms) >= NAMED_SHARE


def _acronyms(doc: Doc) -> set[str]:
    """The acronyms a body's record says it is called by (its data's ``acronyms``: IOPD,
    OIDP), in the lower case questions are read in."""
    record = doc.record
    found = record.data.get("acronyms") if isinstance(record, EntryView) else None
    if not isinstance(found, dict):
        return set()
    return {normalise(str(a)) for a in found.values() if a}

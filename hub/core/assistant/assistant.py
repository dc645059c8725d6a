"""The member assistant's API: ``Assistant.answer(text, now=...) -> Answer``.

Front-ends (the Slack and Telegram listeners, ``hub ask``) build one
:class:`Assistant` per process and call :meth:`Assistant.answer` for each
question; it reads no database and no clock. Storing the question, handing it
off and reminders are in :mod:`hub.core.assistant.store`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from hub.core.assistant.asides import Aside, asks_anything, split_aside
from hub.core.assistant.award_ahead import award_ahead
from hub.core.assistant.chatter import without_chatter
from hub.core.assistant.context import Context, Reply, Target, noted_once
from hub.core.assistant.guesses import contradicted, differs_sentence, guesses
from hub.core.assistant.index import AwardView, EntryView, EventView, KnowledgeIndex
from hub.core.assistant.language import Message, QuestionLanguage
from hub.core.assistant.message_parts import points_back
from hub.core.assistant.parts_unstated import main_unstated, missing_said, slot_of_part
from hub.core.assistant.question_pairs import split_questions
from hub.core.assistant.question_proper import planned_place, set_aside
from hub.core.assistant.reading import read
from hub.core.assistant.reminding import REMIND_AT, Remindable, remindable, upcoming
from hub.core.assistant.requests_beside import with_request_beside
from hub.core.assistant.retrieval import HOME
from hub.core.assistant.retrieval_cache import retrieval_for
from hub.core.assistant.slot_pairs import SlotPair, split_slots
from hub.core.assistant.tables import LANGUAGES, Tables, load_tables
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary
from hub.core.assistant.vocabulary_file import load_vocabulary, network_words
from hub.core.assistant.yesno import denies_itself
from hub.core.knowledge import KnowledgeSet, load_directory
from hub.core.knowledge.revision import Revision, revision

DATED_SLOTS = frozenset({"when", "what", "yesno"})
"""Slots a "remind me" asks a reminder of, when its answer is a dated record ("remind me
when the call opens", "remind me of the conference"); asked another slot ("can you remind
me which two priorities the assembly set?"), with no date to remind of, it recalls: the
answer stands, never handed off for a reminder no one asked."""

GUESS_CONFIDENCE = 0.45  # read without its guess, a question answered less surely is
# not about the record it named


class HasLanguage(Protocol):
    language: str


@dataclass(frozen=True)
class ReminderRequest:
    """A reminder the member asked for; :func:`~hub.core.assistant.store.ask_and_record`
    stores it."""

    record_id: str
    label: str
    when: str
    remind_at: dt.datetime


@dataclass
class Answer:
    """One answer. :meth:`as_json` is the ``hub ask --json`` contract (exactly six keys)."""

    answer: str
    language: str
    intent: str
    confidence: float
    handoff: bool
    sources: list[str]
    records: list[EventView | AwardView | EntryView] = field(default_factory=list)
    question_language: str | None = None
    reminder: ReminderRequest | None = None
    offer: Remindable | None = None
    """A reminder the member could ask for (a "remind me" button): the answer's dated
    record, when it is not past and no reminder was set by this question."""
    passed_on: str | None = None
    """The part of a message the records do not answer, passed to the secretariat while the
    rest is answered ("..., and by the way, will anyone be in Lisbon?"): the answer is no
    handoff (the member has it), but the stored question waits for the secretariat."""
    question_id: int | None = None
    """The stored question's id, once :func:`hub.core.assistant.store.ask_and_record` saved it."""

    def as_json(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "language": self.language,
            "intent": self.intent,
            "confidence": self.confidence,
            "handoff": self.handoff,
            "sources": list(self.sources),
        }


class Assistant:
    """Answers members' questions by retrieval over an in-memory :class:`KnowledgeIndex`."""

    def __init__(
        self,
        index: KnowledgeIndex,
        tables: Tables | None = None,
        *,
        use_lingua: bool = True,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.revision: Revision | None = None
        """The knowledge tables' :func:`~hub.core.knowledge.revision.revision` the index was
        built from; None when it came from files (then :meth:`refresh` does nothing)."""
        self.tables = tables or load_tables()
        self.vocabulary = vocabulary or load_vocabulary()
        self._build(index)
        self.languages = (
            QuestionLanguage.with_lingua(self.vocabulary.votes)
            if use_lingua
            else QuestionLanguage(self.vocabulary.votes)
        )

    @classmethod
    def from_knowledge(cls, knowledge: KnowledgeSet | Path | str, **options: Any) -> Assistant:
        """From knowledge files (a folder or a loaded set): ``hub ask`` without a database."""
        if not isinstance(knowledge, KnowledgeSet):
            knowledge = load_directory(Path(knowledge))
        return cls(KnowledgeIndex.from_knowledge(knowledge), **options)

    @classmethod
    def from_session(cls, session: Session, **options: Any) -> Assistant:
        """From the database (three queries, once); :meth:`refresh` keeps it current."""
        stamp = revision(session)
        assistant = cls(KnowledgeIndex.from_session(session), **options)
        assistant.revision = stamp
        return assistant

    def _build(self, index: KnowledgeIndex) -> None:
        self.index = index
        self._links: dict[str, list[str]] | None = None
        self._network_terms: set[str] = set()
        self.retriever, self.responder = retrieval_for(index, self.vocabulary)

    def reload(self, session: Session) -> None:
        """Rebuild the index from the database (after ``hub knowledge load`` or a calendar poll)."""
        self.revision = revision(session)
        self._build(KnowledgeIndex.from_session(session))

    def refresh(self, session: Session) -> bool:
        """Rebuild the index if the knowledge tables changed since it was built (one query).

        The console, ``hub knowledge load`` and calendar polls write from other
        processes; calling this before answering makes their changes visible at once.
        """
        if self.revision is None or revision(session) == self.revision:
            return False
        self.reload(session)
        return True

    def help(self, language: str = "en") -> str:
        """What the assistant can be asked, in ``language`` (for ``/help``)."""
        return self.tables.phrase("help", language if language in LANGUAGES else "en")

    def answer(
        self,
        text: str,
        *,
        now: dt.datetime | dt.date,
        lang: str | None = None,
        member: HasLanguage | None = None,
    ) -> Answer:
        """Answer ``text`` as of ``now``, in ``lang`` if given, else in the question's language.

        A message asking one thing and, set apart, another (:func:`split_aside`) is answered
        part by part: the question, then the aside; an aside the records do not answer is
        passed to the secretariat (:attr:`Answer.passed_on`) while the question is answered.
        A question pointing back to the sentence before it (:func:`points_back`) is read
        with that sentence first, and read alone when that reading hands it off. A question
        asking two slots at once (:func:`split_slots`: "when and where...?") is answered
        slot by slot (:meth:`_both_slots`). A request no record answers made beside the
        question (:mod:`requests_beside`) hands the message on with the answer; the award
        asked of a year after its last edition on record (:mod:`award_ahead`) is handed off.
        """
        found = self._answered(text, now=now, lang=lang, member=member)
        today = now.date() if isinstance(now, dt.datetime) else now
        if not found.handoff and award_ahead(
            text, found.sources, self.vocabulary, self.index, today
        ):
            handoff = self.tables.phrase("handoff", found.language)  # the next edition
            return replace(found, answer=handoff, handoff=True, sources=[], records=[])
        return with_request_beside(found, text, self.tables)

    def _answered(
        self,
        text: str,
        *,
        now: dt.datetime | dt.date,
        lang: str | None,
        member: HasLanguage | None,
    ) -> Answer:
        text = without_chatter(text, self.vocabulary)  # "hi @assistant, ...": no topic
        today = now.date() if isinstance(now, dt.datetime) else now
        aside = split_aside(text, self.vocabulary) or split_questions(text, self.vocabulary, today)
        if aside is not None:
            parted = self._parted(aside, now=now, lang=lang, member=member)
            if parted is not None:
                return parted
        if points_back(text, self.vocabulary):  # "...heard of an app for pregnant women.
            # Which town was that?": read with what "that" points to, else as it is
            pointed = self._whole(text, now=now, lang=lang, member=member, antecedent=True)
            if not pointed.handoff:
                return pointed
        pair = split_slots(text, self.vocabulary)
        if pair is not None:
            both = self._both_slots(pair, now=now, lang=lang, member=member)
            if both is not None:
                return both
        whole = self._whole(text, now=now, lang=lang, member=member)
        proper = whole.handoff and (
            set_aside(text, self.vocabulary) or planned_place(text, whole.language)
        )
        if proper:  # "Before we think about X: ...?", "If our session ..., where ...?"
            found = self._whole(proper, now=now, lang=whole.language, member=member)
            if not found.handoff:
                return replace(found, question_language=whole.question_language)
        if whole.handoff:  # "who suggested X — was it Y?": X's record, saying Y is not
            return self._guessed(text, whole, now=now, member=member) or whole
        return whole

    def _guessed(
        self, text: str, whole: Answer, *, now: dt.datetime | dt.date, member: HasLanguage | None
    ) -> Answer | None:
        """A handed-off question guessing a detail of the record it names (:mod:`guesses`),
        answered from that record: first that the guess differs, then what the record says.
        None when no record, read without the guess, gives another value in its place."""
        places = self.retriever.place_words
        for guess in guesses(text, places, self.vocabulary.stopwords):
            found = self._whole(guess.asked, now=now, lang=whole.language, member=member)
            if found.handoff or found.confidence < GUESS_CONFIDENCE:
                continue
            if not contradicted(guess, found.answer, guess.asked, places):
                continue
            told = found.answer
            for key in ("yes", "no"):  # "Yes. The circle: ...": the guess was not agreed
                opening = self.tables.phrase(key, whole.language, text="").strip()
                if told.startswith(opening + " "):
                    told = told[len(opening) :].lstrip()
            said = differs_sentence(guess, whole.language)
            return replace(
                found, answer=f"{said} {told}", question_language=whole.question_language
            )
        return None

    def _both_slots(
        self,
        pair: SlotPair,
        *,
        now: dt.datetime | dt.date,
        lang: str | None,
        member: HasLanguage | None,
    ) -> Answer | None:
        """A question asking two slots of one thing (:func:`split_slots`), each answered:
        both said, one sentence each (once when one answer holds the other), every record
        cited; a slot the records do not state is said to be missing and passed on alone.
        None when neither is answered (the question is handed off whole)."""
        first = self._whole(pair.first, now=now, lang=lang, member=member)
        second = self._whole(pair.second, now=now, lang=first.language, member=member)
        if first.handoff and second.handoff:
            return None
        if first.handoff or second.handoff:
            answered, unstated = (second, first) if first.handoff else (first, second)
            if not set(unstated.sources) & set(answered.sources):
                return None  # the unanswered part found another record, or none: one question
            handoff = self.tables.phrase("handoff", first.language)
            missing = " ".join(unstated.answer.replace(handoff, " ").split())
            asked = pair.second if answered is first else pair.first
            today = now.date() if isinstance(now, dt.datetime) else now
            slot = slot_of_part(  # "..., elle a lieu où ?": the reading leaves a closing
                asked,  # "où" (also "or"), the answer's decision asked where
                first.language,
                read(asked, self.vocabulary, today, speller=self.retriever.speller).qtype,
                unstated.intent,
            )
            stated = self._states_slot(answered.answer, slot)
            note = self.tables.phrase("passed_on" if stated else "handoff", first.language)
            text = " ".join(t for t in (answered.answer, missing, note) if t)
            cited = set(answered.sources)
            return replace(
                answered,
                answer=text,
                handoff=not stated,
                question_language=first.question_language,
                passed_on=asked if stated else None,
                sources=[*answered.sources, *(s for s in unstated.sources if s not in cited)],
                records=[*answered.records, *(r for r in unstated.records if r.id not in cited)],
            )
        cited = set(first.sources)
        if second.answer in first.answer:
            text = first.answer
        elif first.answer in second.answer:
            text = second.answer
        else:
            text = f"{first.answer} {second.answer}"
        return replace(
            first,
            answer=text,
            sources=[*first.sources, *(s for s in second.sources if s not in cited)],
            records=[*first.records, *(r for r in second.records if r.id not in cited)],
        )

    def _parted(
        self,
        aside: Aside,
        *,
        now: dt.datetime | dt.date,
        lang: str | None,
        member: HasLanguage | None,
    ) -> Answer | None:
        """The message's question and its aside answered one after the other, in the
        question's language: what the records answer is said, and a part they do not answer
        is passed to the secretariat in the same reply. None when neither part is answered
        (the whole message is handed off, as one)."""
        first = self._whole(aside.main, now=now, lang=lang, member=member)
        if not aside.aside:  # "...? And the others?": the question, asked again
            return None if first.handoff else first
        second = self._whole(
            aside.aside,
            now=now,
            lang=first.language,
            member=member,
            around=aside.around,
            slot=aside.slot,
        )
        if not second.handoff and (
            aside.out_of_scope
            or second.answer in first.answer  # "...? And the hotel?": nothing more said
            or (aside.tied and not set(second.sources) & set(first.sources))
        ):  # a hotel, a slot the first answer gave, another record than the question's
            second = replace(second, handoff=True)
        if first.handoff and second.handoff:
            return None
        if main_unstated(first.handoff, first.sources, second.handoff, second.sources):
            handoff = self.tables.phrase("handoff", first.language)  # "where is it? it is
            missing = missing_said(first.answer, handoff)  # supported, no?": no place given
            text = " ".join(t for t in (second.answer, missing, handoff) if t)
            return replace(
                second, answer=text, handoff=True, question_language=first.question_language
            )
        if first.handoff or second.handoff:
            answered, passed = (second, aside.main) if first.handoff else (first, aside.aside)
            if not asks_anything(passed, self.vocabulary):  # "Por cierto, ¿cuándo abre...?
                return replace(answered, question_language=first.question_language)  # Mil
                # gracias": the rest of the message tells, thanks, asks nothing to pass on
            note = self.tables.phrase("passed_on", first.language)
            return replace(
                answered,
                answer=f"{answered.answer} {note}",
                question_language=first.question_language,
                passed_on=passed,
            )
        cited = set(first.sources)
        return replace(
            first,
            answer=f"{first.answer}\n{second.answer}",
            sources=[*first.sources, *(s for s in second.sources if s not in cited)],
            records=[*first.records, *(r for r in second.records if r.id not in cited)],
        )

    def _states_slot(self, text: str, slot: str) -> bool:
        """Whether the answer to one slot also says the other slot asked, which its own
        question left unanswered: a place (asked where) or a month (asked when) in it, no
        one (asked who); a slot of what something is or does is in what the record says.
        Not said, the question is handed off with what the records state."""
        words = normalise(text).split()
        if slot == "where":
            return any(w in self.retriever.place_words for w in words)
        if slot == "when":
            return bool(self.vocabulary.months.find(words, fuzzy=False))
        return slot not in {"who", "yesno", "cost", "how_many", "contact"}

    def _whole(
        self,
        text: str,
        *,
        now: dt.datetime | dt.date,
        lang: str | None,
        member: HasLanguage | None,
        antecedent: bool = False,
        around: str = "",
        slot: str | None = None,
    ) -> Answer:
        """``text`` answered as one question (with ``antecedent``, a question pointing back
        read with the sentence it points to; a message's second question read with
        ``around``, its first, as context, asking ``slot`` when it says none)."""
        today = now.date() if isinstance(now, dt.datetime) else now
        preferred = getattr(member, "language", None)
        reading = read(
            text,
            self.vocabulary,
            today,
            antecedent,
            self.retriever.speller,
            around_text=around,
            slot=slot,
        )
        places = self.retriever.place_words  # "Buenos Aires" is no Spanish
        voters = [w for w in [*reading.words, *reading.context] if w not in places]
        message = Message(text, [w for w in reading.message if w not in places])
        asked_in = self.languages.detect(reading.text or text, voters, preferred, message)
        language = lang if lang in LANGUAGES else asked_in
        ctx = Context(self.index, self.tables, language, today)
        decision = self.responder.decide(ctx, reading)
        reply, intent, reminder = decision.reply, decision.intent, None
        cited = [self.index.record(i) for i in reply.sources]
        recall = reply.target is None and (
            (bool(cited) and all(isinstance(r, EntryView) for r in cited))
            or intent not in DATED_SLOTS  # "can you remind me which two priorities...": no date
        )
        if reading.remind and not reply.handoff and not recall:  # "remind me what X is" recalls
            reply, reminder = self._reminder(ctx, reply)
            intent = "reminder"
        if not reply.handoff and denies_itself(reading.text or text, language):
            reply = self._unpolar(ctx, reply)
        sources = reply.sources
        if not reply.handoff and intent == "who":  # the body named is who was asked
            sources = [*sources, *self._linked_named(reply.sources, reply.text, language)]
        records = [r for r in map(self.index.record, sources) if r is not None]
        offer = None
        if reply.target is not None and reminder is None and not reply.handoff:
            target = reply.target
            offer = self.remindable(target.record_id, target.step, language=language, today=today)
        return Answer(
            answer=noted_once(ctx, reply.text, records),
            language=language,
            intent=intent,
            confidence=decision.confidence,
            handoff=reply.handoff,
            sources=sources,
            records=records,
            question_language=asked_in,
            reminder=reminder,
            offer=offer,
        )

    @staticmethod
    def _unpolar(ctx: Context, reply: Reply) -> Reply:
        """``reply`` without its opening "Yes." or "No." (:func:`denies_itself`)."""
        for key in ("yes", "no"):
            opening = ctx.phrase(key, text="").strip()
            if reply.text.startswith(opening + " "):
                rest = reply.text[len(opening) :].lstrip()
                return replace(reply, text=rest[:1].upper() + rest[1:])
        return reply

    def _linked_named(self, cited: list[str], text: str, language: str) -> list[str]:
        """Asked who, the records a cited record's data names ("defined_by: 2020 General
        Assembly", a working group's id) whose own name the answer says ("définie par
        l'Assemblée générale de 2020"): they are the body the answer gives, so it cites them.
        The network's own name, in most names, is not needed ("the 2020 General Assembly")."""
        if self._links is None:  # built once per index (reload builds a new one)
            self._links = self._data_links()
        analyser = self.retriever.analyser
        said = set(analyser.terms(text, language))
        network = self._network_terms
        found: list[str] = []
        for record_id in cited:
            for linked in self._links.get(record_id, ()):
                record = self.index.record(linked)
                name = getattr(record, "name", {}).get(language, "") if record else ""
                wanted = set(analyser.terms(name, language)) - network
                if wanted and wanted <= said and linked not in cited and linked not in found:
                    found.append(linked)
        return found

    def _data_links(self) -> dict[str, list[str]]:
        """Record id -> the records its data names, by id or by English name."""
        analyser = self.retriever.analyser
        home = self.index.record(HOME)
        home_names = getattr(home, "name", {}) if home is not None else {}
        self._network_terms = {
            t for lang, n in home_names.items() for t in analyser.terms(n, lang)
        } | {analyser.stem(network_words()["acronym"], "en")}
        by_name: dict[frozenset[str], str] = {}
        records: list[EntryView | EventView] = [
            *self.index.entries.values(),
            *self.index.events_by_id.values(),
        ]
        for record in records:
            english = record.name.get("en", "")
            terms = frozenset(set(analyser.terms(english, "en")) - self._network_terms)
            if terms:
                by_name.setdefault(terms, record.id)
        links: dict[str, list[str]] = {}
        for entry in self.index.entries.values():
            for value in entry.data.values():
                if not isinstance(value, str):
                    continue
                terms = frozenset(set(analyser.terms(value, "en")) - self._network_terms)
                linked = value if self.index.record(value) is not None else by_name.get(terms)
                if linked is not None and linked != entry.id:
                    links.setdefault(entry.id, []).append(linked)
        return links

    def remindable(
        self, record_id: str, step: str | None, *, language: str, today: dt.date
    ) -> Remindable | None:
        """What a reminder of ``record_id`` (``step`` of an award) would be about now, named
        in ``language``; None when there is nothing to remind of (unknown, undated, past)."""
        language = language if language in LANGUAGES else "en"
        return remindable(self.index, self.tables, record_id, step, language=language, today=today)

    def upcoming(self, *, language: str, today: dt.date, limit: int = 3) -> list[Remindable]:
        """The next events and award steps a reminder can be set for (``/remind``)."""
        language = language if language in LANGUAGES else "en"
        return upcoming(self.index, self.tables, language=language, today=today, limit=limit)

    def _reminder(self, ctx: Context, about: Reply) -> tuple[Reply, ReminderRequest | None]:
        """A reminder for the answer's dated target, the day before it."""
        target: Target | None = about.target
        if target is None:
            return ctx.handoff(about.text, sources=about.sources), None
        remind_at = dt.datetime.combine(target.day - dt.timedelta(days=1), REMIND_AT)
        values = {"target": target.label, "when": target.when}
        if remind_at.date() < ctx.today:
            return Reply(ctx.phrase("reminder_past", **values), about.sources), None
        text = ctx.phrase("reminder_set", day=_day(remind_at, ctx.language), **values)
        request = ReminderRequest(target.record_id, target.label, target.when, remind_at)
        return Reply(text, about.sources), request


def _day(moment: dt.datetime, language: str) -> str:
    from hub.core.assistant.dates import day_words

    return day_words(moment.date(), language)

"""Questions about **the next / the last** of something: the first one not yet over, or the
latest one over, relative to the asker's now, handed off after the last known one, when an
undated edition may come first, or when the one chosen says none of what is asked.
"""

from __future__ import annotations

import datetime as dt
import re

from hub.core.assistant.answers_base import Decision, _numbered
from hub.core.assistant.award_editions import step_words_beside_home
from hub.core.assistant.context import Context, Reply, describe, event_name, place
from hub.core.assistant.event_narrowing import UNACCOUNTED, EventNarrowing
from hub.core.assistant.index import EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

_SENTENCE = re.compile(r"[.!?¿¡\n]+")

_TOKEN = re.compile(r"\w+")

NEXT_HORIZON = dt.timedelta(days=2 * 365)
"""How far ahead the records can tell the next event of a kind: the network plans a year or
two ahead (the 2013, 2014-2015 and 2020 work plans), so a next one known only years after
"now" (the one roundup of 2023, asked in 2012) says nothing of those held before it."""


class NextLastAnswers(EventNarrowing):
    """The next or the last of something, relative to the asker's now."""

    def _relative(
        self,
        ctx: Context,
        reading: Reading,
        ranked: list[tuple[float, Doc]],
        kind_terms: set[str],
        content: list[set[str]],
        terms: list[set[str]],
    ) -> Decision:
        steps = [d for d in self.retriever.docs if d.group == "step"]
        step_words = [  # "call" names an event's kind too, and an award's step
            c
            for c in terms
            if any(d.terms.get(t) and t not in d.kind_terms for d in steps for t in c)
        ]
        step_words = step_words_beside_home(step_words, self._home_terms)  # "OIDP": no step
        award_asked = any(d.group in {"step", "award"} for _, d in ranked[:1]) or bool(
            kind_terms & self._award_only_terms
        )  # "the next award call": the award's, never a conference's call for sessions
        pool = self._events() + (steps if award_asked else [])
        weighty = [c for c in content if self._weighty(c)]
        if award_asked:
            other = [  # "the next distinction ceremony": a step no edition has
                c
                for c in content
                if self._weighty(c)
                and not _numbered(c)
                and not any(d.terms.get(t) for d in steps for t in c)
            ]
            if other and not step_words:
                return Decision(ctx.handoff(), "when", 0.2)
            pool = [d for d in steps if not step_words or self.coverage(d, step_words) > 0]
        else:
            kind_words = [o & kind_terms for o in terms if o & kind_terms]
            pool = self._narrow(pool, ranked, kind_terms, weighty, kind_words)
        dated: list[tuple[tuple[dt.date, dt.date], Doc]] = []
        for doc in pool:
            span = self.span(doc)
            if span is not None:
                dated.append((span, doc))
        if not dated or self._unaccounted([d for _, d in dated], weighty):
            return Decision(ctx.handoff(), "when", 0.2)
        if not award_asked and self._kind_qualified(
            ctx, reading, [d for _, d in dated], kind_terms
        ):  # "the next online seminar": no seminar of the records is online
            return Decision(ctx.handoff(), "when", 0.2)
        if reading.relative == "last":
            past = [(s, d) for s, d in dated if s[1] < ctx.today]
            if not past:
                return Decision(ctx.handoff(), "when", 0.3)
            _, doc = max(past, key=lambda item: (item[0][0], item[1].key))
            if self._capital_unheld(ctx, reading, doc) or self._says_none_of(doc, weighty):
                return Decision(ctx.handoff(), "when", 0.2)  # "the last Eurocities assembly"
            asked = self._slot_of_relative(ctx, reading, doc)
            if asked is not None:  # "where was the last conference": its place, or a handoff
                return asked
            return Decision(self._when(ctx, doc), "when", 0.8)
        coming = [(s, d) for s, d in dated if s[1] >= ctx.today]
        if not coming:
            last = max(dated, key=lambda item: (item[0][0], item[1].key))[1]
            before = [ctx.phrase("none_upcoming", today=_day(ctx))]
            before.append(ctx.phrase("last_known", event=self._label(ctx, last)))
            return Decision(ctx.handoff(*before, sources=[last.record_id]), "when", 0.3)
        precise_first = sorted(
            coming, key=lambda item: (self._vagueness(item[1]) > 1, item[0][0], item[1].key)
        )
        start, doc = precise_first[0][0][0], precise_first[0][1]
        between = self._undated_before(ctx, doc, pool)
        if between is not None:  # the edition before it has no date: it may be the next one
            name = event_name(ctx, between)
            where = place(ctx, between.city, between.country)
            text = ctx.phrase("date_unknown_of", name=name)
            if where:
                text = f"{name}{ctx.phrase('place_in', place=where)}. {text}"
                if reading.qtype == "where":  # the place asked is stated; only the date is not
                    return Decision(Reply(text, [between.id]), "where", 0.6)
            return Decision(ctx.handoff(text, sources=[between.id]), "when", 0.3)
        if start > ctx.today + NEXT_HORIZON:  # the next known is years away: not the next
            return Decision(ctx.handoff(sources=[doc.record_id]), "when", 0.2)
        if self._capital_unheld(ctx, reading, doc):  # "the next assembly of Eurocities"
            return Decision(ctx.handoff(), "when", 0.2)
        if self._says_none_of(doc, weighty):  # "the next local elections": not the next
            return Decision(ctx.handoff(), "when", 0.2)  # event, which says none of it
        asked = self._slot_of_relative(ctx, reading, doc)
        if asked is not None:  # "who organises the next conference": its organiser
            return asked
        reply = self._when(ctx, doc)
        if not reply.handoff and isinstance(doc.record, EventView):  # said as the next one
            key = "next_conference" if doc.kind == "conference" else "next_event"
            text = ctx.phrase(key, event=describe(ctx, doc.record))
            reply = Reply(text, reply.sources, target=reply.target)
        return Decision(reply, "when", 0.85 if not reply.handoff else 0.3)

    def _capital_unheld(self, ctx: Context, reading: Reading, doc: Doc) -> bool:
        """The question writes a name with a capital inside a sentence ("the next general
        assembly of Eurocities", "el próximo encuentro de la Red de Ciudades") that the
        event picked as the next or the last does not hold: it asks about another body's
        event, which the records do not have, not about the next event of the network. A
        kind's word, a place and the network's own acronym are not such names."""
        content = set(reading.content)
        retriever = self.retriever
        skipped = self._every_kind | retriever.place_terms | self._home_terms
        for sentence in _SENTENCE.split(reading.text):
            for k, token in enumerate(_TOKEN.findall(sentence)):
                word = normalise(token)
                if k == 0 or not token[:1].isupper() or word not in content:
                    continue
                near = retriever.query_terms([word], ctx.language)
                if not near or near[0] & skipped or _numbered(near[0]):
                    continue
                if not any(doc.terms.get(t) for t in near[0]):
                    return True
        return False

    def _says_none_of(self, doc: Doc, weighty: list[set[str]]) -> bool:
        """Two or more words that narrow what the question asks the next or last of ("the
        next local elections", "who to vote for"), known to the records or not, that the
        event chosen does not hold: it was chosen for being next, not for what is asked."""
        unheld = [o for o in weighty if not _numbered(o) and not any(doc.terms.get(t) for t in o)]
        return len(unheld) >= UNACCOUNTED

    def _slot_of_relative(self, ctx: Context, reading: Reading, doc: Doc) -> Decision | None:
        """Asked who or where of the next or last event, that slot of it: its organiser, or
        its place, handed off when the record states no place (never its date alone). An
        event without an organiser keeps its date answer: French "qu'est-ce qui" (what) is
        read as who, so that case is left to the reading."""
        qtype = reading.qtype
        record = doc.record
        if qtype not in {"who", "where"} or not isinstance(record, EventView):
            return None
        if qtype == "who" and not record.organiser:
            return None  # "qu'est-ce qui vient" is read as who: its date, as before
        reply = self._event_slot(ctx, qtype, doc, record)
        if reply.handoff:
            return Decision(reply, qtype, 0.3)
        if qtype == "where":
            return None  # the date sentence says the place
        return Decision(reply, qtype, 0.8)

    def _undated_before(self, ctx: Context, chosen: Doc, pool: list[Doc]) -> EventView | None:
        """An undated edition of the chosen event's kind numbered before it and after every
        edition already over: then which one comes next is not known."""
        event = chosen.record
        if not isinstance(event, EventView) or not event.number:
            return None
        same = [d for d in pool if isinstance(d.record, EventView) and d.kind == chosen.kind]
        over = [self.span(d) for d in same]
        last_over = max((s[0].year for s in over if s is not None and s[1] < ctx.today), default=0)
        past = [
            d.record.number or 0
            for d, s in zip(same, over, strict=True)
            if s is not None and s[1] < ctx.today and isinstance(d.record, EventView)
        ]
        for doc in same:
            other = doc.record
            assert isinstance(other, EventView)
            number = other.number or 0
            era = self.era(doc)
            if other.span is not None or not max(past, default=0) < number < event.number:
                continue
            if era is not None and last_over > era:  # one of its kind is over since: it was too
                continue
            return other
        return None

    def _vagueness(self, doc: Doc) -> int:
        record = doc.record
        if isinstance(record, EventView):
            return {"day": 0, "month": 1, "year": 2}.get(record.precision, 3)
        return 1


def _day(ctx: Context) -> str:
    from hub.core.assistant.dates import day_words

    return day_words(ctx.today, ctx.language)

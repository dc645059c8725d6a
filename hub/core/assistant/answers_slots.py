"""The slot a question asks of one record (when, where, who, what its theme is): an
event's dates and place, an award's steps and description, an entry's fields. A past
event or award step is said to be past; a date the record does not state is never made up.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from hub.core.assistant.answers_base import award_name
from hub.core.assistant.answers_spans import SpanAnswers
from hub.core.assistant.award_editions import who_runs_step
from hub.core.assistant.context import Context, Reply, Target, event_name, organiser_of, place
from hub.core.assistant.dates import covered, when
from hub.core.assistant.index import AwardView, EntryView, EventView, StepView, text_in
from hub.core.assistant.money_stated import step_money
from hub.core.assistant.place_asked import AND_WORDS, WHERE_WORDS
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

LANGUAGES = ("en", "es", "fr", "ca", "pt")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WHEN_WORDS = frozenset({"when", "cuando", "quand", "quan", "quando"})
"""The question words of when; joined to those of where (:data:`WHERE_WORDS`) by one of
:data:`AND_WORDS`, they ask both slots."""
TAKING_PART = frozenset({"join", "share"})
"""Slots asking how to take part in something (register, apply, send a proposal): an
event's or an award step's dates answer them only when the question asks when too."""

CITY_NOUNS = frozenset({"city", "town", "ciudad", "ville", "ciutat", "cidade"})
WHICH = frozenset({"which", "what", "que", "quelle", "quel", "quina", "quin", "qual"})
"""Asked where in which city ("quelle ville", "en qué ciudad"): a record stating only its
country does not answer it."""


def _city_of(record: EventView | AwardView | EntryView) -> bool:
    """The record states its city (an event's, an entry's field)."""
    if isinstance(record, EventView):
        return bool(record.city)
    return isinstance(record, EntryView) and isinstance(record.data.get("city"), str)


class SlotAnswers(SpanAnswers):
    """The slot asked of one event, award or entry."""

    def _slot(self, ctx: Context, reading: Reading, qtype: str, doc: Doc) -> Reply:
        record = doc.record
        spanned = self._span_reply(ctx, reading, doc) if qtype == "duration" else None
        if spanned is not None:  # "how many days is it", "cuánto falta": counted from dates
            return spanned
        if qtype == "duration":  # an event's dates say how long it lasts; an entry's text
            qtype = "what" if isinstance(record, EntryView) else "when"
        if reading.hour and qtype == "when" and not getattr(record, "time", None):
            name = self._label(ctx, doc)  # a date is no answer to "at what time"
            return ctx.handoff(ctx.phrase("time_unknown_of", name=name), sources=[doc.record_id])
        if (
            qtype in TAKING_PART
            and isinstance(record, EventView | AwardView)
            and not self._asks_when(reading)
        ):  # "how do I register for the forum?": its dates are no way to take part
            return ctx.handoff(sources=[doc.record_id])
        words = list(reading.words)
        asked_city = any(  # "which city", "quelle ville": not "la ville de Bogotá"
            w in WHICH and after in CITY_NOUNS for w, after in pairwise(words)
        )
        if qtype == "where" and asked_city and not _city_of(record):
            return ctx.handoff(sources=[doc.record_id])  # "which city": its country is none
        if isinstance(record, EventView):
            if qtype == "who" and self._found_by_organiser(ctx, reading, doc, record):
                return ctx.handoff()  # "who is UCLG": not who organises its event
            reply = self._event_slot(ctx, qtype, doc, record)
            if reply.handoff and qtype == "who" and self._role_described(ctx, reading, doc):
                text = text_in(record.description, ctx.language)[0]  # "who represents the
                name = event_name(ctx, record)  # IOPD there": "the Secretariat represents..."
                reply = Reply(ctx.phrase("what_is", name=name, text=text), [record.id])
        elif isinstance(record, AwardView):
            reply = self._award_slot(ctx, reading, qtype, doc, record)
        else:
            said = self.retriever.query_terms(reading.words, ctx.language)
            own_question = self.retriever.name_share(doc, said) >= 0.99
            city = record.data.get("city")
            if qtype == "where" and isinstance(city, str) and _says_all(reading, city):
                qtype = "what"  # "where can Monterrey's call be read": not in Monterrey
            reply = self._entry_slot(ctx, qtype, doc, record, own_question)
            if (
                qtype == "when"
                and not reply.handoff
                and not record.data.get("city")
                and not record.data.get("country")
                and _also_asks_where(reading.words)
            ):  # "when was the plan approved, and where?": the place is not stated
                body, _ = text_in(record.body, ctx.language)
                if any(w in self.retriever.place_words for w in normalise(body).split()):
                    text = f"{reply.text} {body}"  # unless its text says it ("in Cascais")
                    return Reply(text, reply.sources, target=reply.target)
                name = text_in(record.name, ctx.language)[0]
                text = f"{reply.text} {ctx.phrase('place_unknown_of', name=name)}"
                return ctx.handoff(text, sources=reply.sources)
            coarse = _entry_precision(record) if qtype == "when" and reading.day else None
            if coarse is not None and not reply.handoff:  # "which day was it set up?": a
                missing = "year_only_dates" if coarse == "year" else "month_only_day"
                text = f"{reply.text} {ctx.phrase(missing)}"  # month is no day, said so
                return ctx.handoff(text, sources=reply.sources)
            return reply
        if reading.day and qtype == "when" and not reply.handoff and _no_day(doc):
            missing = ctx.phrase("year_only_dates" if _year_only(doc) else "month_only_day")
            text = f"{reply.text} {missing}"  # the month is no day: said, then handed off
            return ctx.handoff(text, sources=reply.sources)
        if reading.day and qtype == "when" and not reply.handoff and _session_in_span(doc):
            return ctx.handoff(reply.text, sources=reply.sources)  # its conference's days
        asks_date = bool(self.retriever.vocabulary.date.find(list(reading.words), fuzzy=False))
        if (
            qtype == "when"
            and not reply.handoff
            and _year_only(doc)
            and (asks_date or reading.closing or self._year_says_nothing(reading, doc))
        ):
            text = f"{reply.text} {ctx.phrase('year_only_dates')}"  # the year is no date
            return ctx.handoff(text, sources=reply.sources)
        if (
            qtype == "when"
            and not reply.handoff
            and isinstance(record, EventView)
            and not place(ctx, record.city, record.country)
            and _asks_when_and_where(reading.words)
        ):  # "when and where is it?": its date alone answers half, the place is not stated
            name = event_name(ctx, record)
            text = f"{reply.text} {ctx.phrase('place_unknown_of', name=name)}"
            return ctx.handoff(text, sources=reply.sources)
        if reading.closing and qtype == "when" and not reply.handoff and _month_only(doc):
            text = f"{reply.text} {ctx.phrase('no_close_day')}"  # never a closing day made up
            reply = Reply(text, reply.sources, target=reply.target)
        return reply

    def _asks_when(self, reading: Reading) -> bool:
        """The question asks a date beside its slot ("when can we register?", "until what
        day can we apply?"), by a word of when, of the day or of a deadline."""
        if reading.day or reading.closing:
            return True
        found = self.retriever.vocabulary.types.find(list(reading.words), fuzzy=False)
        return any(f.value == "when" for f in found)

    def _found_by_organiser(
        self, ctx: Context, reading: Reading, doc: Doc, event: EventView
    ) -> bool:
        """Asked who, the event answered holds no word of the question but its organiser's
        name ("Quem é a CGLU?", "who is UCLG exactly?"): who that body is, is asked, and
        "organised by UCLG" tells the question back. Asked who organises the congress, the
        event's own word ("congress") is said too, and its organiser answers."""
        if not event.organiser:
            return False
        analyser = self.retriever.analyser
        names = " ".join([event.organiser, *event.organiser_names.values()])
        organiser = {t for lang in LANGUAGES for t in analyser.terms(names, lang)}
        said = self.retriever.query_terms(list(reading.content), ctx.language)
        held = [o for o in said if any(doc.terms.get(t) for t in o)]
        return bool(held) and all(o & organiser for o in held)

    def _year_says_nothing(self, reading: Reading, doc: Doc) -> bool:
        """A record dated by its year alone, asked when, where the question already says
        that year ("when is the 2019 conference? the exact date", "this year's assembly"):
        the year is all the record states, and the asker has it."""
        span = self.span(doc)
        if span is None:
            return False
        period = reading.period
        said = {reading.year} if reading.year else set()
        if period is not None and period.kind == "year":
            said.add(period.start.year)
        if span[0].year not in said:
            return False
        named = {int(m.group()) for n in doc.record.name.values() for m in _YEAR.finditer(n)}
        return not named - said  # "the 2013 call for the seat of the presidency, for which
        # year?": the year its name holds (2014), which the asker does not say, is asked

    def _event_slot(self, ctx: Context, qtype: str, doc: Doc, event: EventView) -> Reply:
        name = event_name(ctx, event)
        if qtype == "where":
            where = place(ctx, event.city, event.country)
            if not where:
                return ctx.handoff(ctx.phrase("place_unknown_of", name=name), sources=[event.id])
            dated = self._when(ctx, doc)
            return Reply(dated.text, dated.sources, target=dated.target)  # the place is said
        if qtype == "who":
            if not event.organiser:
                return ctx.handoff(ctx.phrase("organiser_unknown", name=name), sources=[event.id])
            organiser, used = organiser_of(ctx, event)
            text = ctx.phrase("organised_by", name=name, organiser=organiser)
            if used != ctx.language:
                text = ctx.phrase("english_note", text=text)
            return Reply(text, [event.id])
        if qtype == "theme":
            theme, used = text_in(event.theme, ctx.language)
            if not theme:  # "Workshop: Participation in access to basic services": its title
                theme, used = _subtitle(text_in(event.name, ctx.language))
                name = name.partition(":")[0].strip() if theme else name
            if not theme:
                return ctx.handoff(ctx.phrase("theme_unknown_of", name=name), sources=[event.id])
            text = ctx.phrase("theme_of", name=name, theme=theme)
            if used != ctx.language:
                text = ctx.phrase("english_note", text=text)
            return Reply(text, [event.id])
        if qtype in {"what", "list", "how_many"}:  # a count is in what the event's text says
            dated = self._when(ctx, doc)
            parts = [dated.text]  # a missing date is said; what the event is, is answered
            own_theme = event.theme.get(ctx.language)
            if own_theme:
                parts.append(ctx.phrase("theme_is", theme=own_theme))
            elif event.theme.get("en"):
                theme_is = ctx.phrase("theme_is", theme=event.theme["en"])
                parts.append(ctx.phrase("english_note", text=theme_is))
            description = event.description.get(ctx.language)
            if description:
                parts.append(description)
            return Reply(" ".join(parts), [event.id])
        return self._when(ctx, doc)

    def _when(self, ctx: Context, doc: Doc) -> Reply:
        """The date sentence for an event or an award step: past said to be past."""
        record = doc.record
        if isinstance(record, AwardView):
            return self._step_when(ctx, doc, record)
        assert isinstance(record, EventView)
        name = event_name(ctx, record)
        written = when(record.starts_on, record.ends_on, record.precision, ctx.language)
        where = place(ctx, record.city, record.country)
        place_text = ctx.phrase("place_in", place=where) if where else ""
        if written is None:
            text = ctx.phrase("date_unknown_of", name=f"{name}{place_text}")  # named once
            return ctx.handoff(text, sources=[record.id])
        prep = "on_day" if record.precision == "day" else "in_month"
        written = ctx.phrase(prep, when=written)
        event_time = getattr(record, "time", None)
        if event_time:
            written += ctx.phrase("time_of_day", time=event_time)
        span = record.span
        past = span is not None and span[1] < ctx.today
        key = "took_place" if past else "takes_place"
        text = ctx.phrase(key, name=name, when=written, place=place_text)
        if record.url:
            text += " " + ctx.phrase("more_at", url=record.url)
        target = None
        if record.starts_on and record.precision != "year":
            plain = when(record.starts_on, record.ends_on, record.precision, ctx.language) or ""
            target = Target(record.id, name, record.starts_on, plain)
        return Reply(text, [record.id], target=target)

    def _step_when(self, ctx: Context, doc: Doc, award: AwardView) -> Reply:
        name = award_name(ctx, award)
        if doc.step is None:
            dated = sorted(
                (s for s in award.steps.values() if s.starts_on),
                key=lambda s: s.starts_on or dt.date.min,
            )
            if not dated:
                return ctx.handoff(ctx.phrase("date_unknown_of", name=name), sources=[award.id])
            lines = [_step_sentence(ctx, award, s) for s in dated]
            return Reply(" ".join(lines), [award.id])
        step = award.steps[doc.step]
        labels = ctx.tables.words_for("steps", ctx.language)
        if step.starts_on is None:
            label = labels.get(step.step, step.step).lower()
            return ctx.handoff(
                ctx.phrase("step_undated", step=label, award=name), sources=[award.id]
            )
        text = _step_sentence(ctx, award, step)
        span = covered(step.starts_on, step.ends_on, step.precision)
        if span[1] < ctx.today:
            later = [a for a in self._awards() if (a.year or 0) > (award.year or 0)]
            if not later:
                return ctx.handoff(text, ctx.phrase("step_past"), sources=[award.id])
        written = when(step.starts_on, step.ends_on, step.precision, ctx.language) or ""
        target = Target(
            award.id,
            f"{labels.get(step.step, step.step)} ({name})",
            step.starts_on,
            written,
            step.step,
        )
        return Reply(text, [award.id], target=target)

    def _award_slot(
        self, ctx: Context, reading: Reading, qtype: str, doc: Doc, award: AwardView
    ) -> Reply:
        if qtype == "who" and not self._description_says(ctx, reading, doc, award):
            return ctx.handoff(ctx.phrase("no_winners"), sources=[award.id])
        if qtype == "cost":  # "is there prize money?": the step stating the money says it
            named = self._names_own_step(ctx, reading, doc.step)
            asks = not reading.polar and bool(
                self.retriever.vocabulary.question_words.find(reading.words, fuzzy=False)
            )
            money = step_money(ctx, award, doc.step, reading.words, named=named, asks=asks)
            if money is not None:
                return money
        if (
            doc.step is not None
            and qtype in {"what", "list"}
            and not self._names_a_step(ctx, reading)
        ):
            return ctx.handoff(sources=[award.id])  # "the award's criteria": no step's date
        described = text_in(award.description, ctx.language)  # "who opens the call of the
        said = described[0] if described[1] == ctx.language else ""  # 7th": who runs it
        runs = who_runs_step(qtype, reading.relation, doc.step, said, self.retriever.vocabulary)
        if (qtype == "when" or doc.step is not None) and not runs:
            reply = self._when(ctx, doc)
            if qtype == "who" and not reply.handoff:  # "who calls it": a call's date is no who
                return ctx.handoff(sources=[award.id])
            step = award.steps.get(doc.step) if doc.step is not None else None
            if (
                qtype == "when"
                and reply.handoff
                and step is not None
                and step.starts_on
                and award.year in _years_said(reading)
            ):  # "in which month of 2020 was it": that edition's past step, no later one
                return Reply(_step_sentence(ctx, award, step), [award.id])
            return reply
        stages = self.retriever.vocabulary.stages
        if qtype in {"list", "what"} and any(w in stages for w in reading.words):
            steps = self._when(ctx, doc)  # "the stages of the 2020 award": its dated steps
            if not steps.handoff:
                return steps
        name = award_name(ctx, award)
        text, used = text_in(award.description, ctx.language)
        body = ctx.phrase("what_is", name=name, text=text) if text else name
        if used != ctx.language and text:
            body = ctx.phrase("english_note", text=body)
        return Reply(body, [award.id])

    def _names_own_step(self, ctx: Context, reading: Reading, step: str | None) -> bool:
        """The question says a word of ``step``'s own family ("money" of the fundraising)."""
        if step is None:
            return False
        vocabulary = self.retriever.vocabulary
        family = vocabulary.steps.get(vocabulary.step_family(step), {})
        analyser = self.retriever.analyser
        own = {
            t for lang, phrases in family.items() for p in phrases for t in analyser.terms(p, lang)
        }
        said = self.retriever.query_terms(reading.words, ctx.language)
        return any(o & own for o in said)

    def _names_a_step(self, ctx: Context, reading: Reading) -> bool:
        """The question says a word of an award step (call, deadline, results, convocatoria,
        plazo...): a step's date is what it asks. Asked what the award's criteria are or how
        to enter it, with no step named, a step's date answers a question not asked."""
        if not hasattr(self, "_step_terms_cache"):
            analyser = self.retriever.analyser
            self._step_terms_cache: set[str] = {
                term
                for family in self.retriever.vocabulary.steps.values()
                for language, phrases in family.items()
                for phrase in phrases
                for term in analyser.terms(phrase, language)
            }
        said = self.retriever.query_terms(reading.words, ctx.language)
        return any(o & self._step_terms_cache for o in said)

    def _role_described(self, ctx: Context, reading: Reading, doc: Doc) -> bool:
        """Asked who plays a part at an event that names no organiser ("who represents the
        IOPD there?", "quién modera la sesión?"), its description, in the asker's language,
        says the very role asked (the ``role`` detail of vocabulary.yaml), not only in its own
        name (a call to elect the presidency names no president): it answers."""
        record = doc.record
        if not isinstance(record, EventView) or ctx.language not in record.description:
            return False
        own = set().union(*doc.names) if doc.names else set()  # "la presidència": its name
        asked = [(d, s - own) for d, s in self.details.asked(reading.words, ctx.language, "who")]
        return any(d.name == "role" and s and self.details.states(d, s, [doc]) for d, s in asked)

    def _description_says(self, ctx: Context, reading: Reading, doc: Doc, award: AwardView) -> bool:
        """Asked who does something the award's own description says who does ("who calls
        the 7th Distinction": the Secretariat calls for entries; "who manages it", when the
        description says in a verb of running it who does), not who won it."""
        text, used = text_in(award.description, ctx.language)
        if not text or used != ctx.language:
            return False
        if reading.relation in RUNNING:  # "qui gestiona la Distinció": it says who runs it
            verbs = self.retriever.vocabulary.who_verbs.find(normalise(text).split(), fuzzy=False)
            if any(v.value in RUNNING for v in verbs):
                return True
        analyser = self.retriever.analyser
        own = set().union(*doc.names) if doc.names else set()
        said = {t for w in reading.content for t in analyser.terms(w, ctx.language)} - own
        said -= self._home_terms
        return bool(said & set(analyser.terms(text, ctx.language)))


RUNNING = frozenset({"led_by", "organiser"})
"""The relations of running a thing (vocabulary.yaml ``who_verbs``), not of winning it."""


def _says_all(reading: Reading, text: str) -> bool:
    """The question says every word of ``text`` (a record's city): telling it back is no
    answer."""
    words = normalise(text).split()
    return bool(words) and all(w in reading.words for w in words)


def _years_said(reading: Reading) -> set[int]:
    """The years the question says, written out or as a year period ("in 2020")."""
    said = {reading.year} if reading.year else set()
    period = reading.period
    if period is not None and period.kind == "year":
        said.add(period.start.year)
    return said


def _asks_when_and_where(words: list[str]) -> bool:
    """The question joins the question words of when and where ("when and where", "¿dónde
    y cuándo?", "quan i on"): both slots are asked."""
    for first, joined, second in zip(words, words[1:], words[2:], strict=False):
        if joined in AND_WORDS and {first, second} & WHEN_WORDS and {first, second} & WHERE_WORDS:
            return True
    return False


def _also_asks_where(words: list[str]) -> bool:
    """Where is asked beside when: joined to it ("when and where") or closing the question
    after a joining word ("on what date was it approved, and where?", "quan va ser, i on?")."""
    closing = len(words) >= 2 and words[-2] in AND_WORDS and words[-1] in WHERE_WORDS
    return closing or _asks_when_and_where(words)


def _month_only(doc: Doc) -> bool:
    """The date of the event or award step is a month with no closing day of its own."""
    record = doc.record
    if isinstance(record, AwardView):
        step = record.steps.get(doc.step) if doc.step else None
        return step is not None and step.precision == "month" and step.ends_on is None
    if isinstance(record, EventView):
        return record.precision == "month" and record.ends_on is None
    return False


def _entry_precision(record: EntryView) -> str | None:
    """The precision, month or year, of the date an entry states (set up, approved, agreed,
    dated) when it is that coarse: asked which day, the record does not give it. None when
    it gives a day or no date at all."""
    for key in ("founded", "approved_on", "agreed_at", "date"):
        if record.data.get(key) is not None:
            found = str(record.data.get(f"{key}_precision", "day"))
            return found if found in {"month", "year"} else None
    if any(k == "since" or k.endswith("_since") for k in record.data):
        return "year"
    return None


def _no_day(doc: Doc) -> bool:
    """The event or award step is dated by its month or year only, not by a day."""
    record = doc.record
    if isinstance(record, AwardView):
        step = record.steps.get(doc.step) if doc.step else None
        return step is not None and step.precision in {"month", "year"}
    if isinstance(record, EventView):
        return record.precision in {"month", "year"}
    return False


def _session_in_span(doc: Doc) -> bool:
    """A session (hours long) dated by several days: those of the meeting it is part of,
    so its own day is not known."""
    record = doc.record
    return (
        isinstance(record, EventView)
        and "session" in record.kind
        and record.starts_on is not None
        and record.ends_on is not None
        and record.ends_on > record.starts_on
    )


def _year_only(doc: Doc) -> bool:
    """The event or award step is dated by its year alone (no month, no day)."""
    record = doc.record
    if isinstance(record, AwardView):
        step = record.steps.get(doc.step) if doc.step else None
        return step is not None and step.precision == "year"
    if isinstance(record, EventView):
        return record.precision == "year"
    return False


def _step_sentence(ctx: Context, award: AwardView, step: StepView) -> str:
    label = ctx.tables.words_for("steps", ctx.language).get(step.step, step.step)
    written = when(step.starts_on, step.ends_on, step.precision, ctx.language)
    return ctx.phrase("award_step", step=label, award=award_name(ctx, award), when=written)


def _subtitle(named: tuple[str, str]) -> tuple[str, str]:
    """The part of an event's name after its colon ("OIDP workshop: Participation as a New
    Form of Governance"): a titled event states its topic in its name."""
    name, language = named
    head, colon, tail = name.partition(":")
    return (
        (tail.strip(), language)
        if colon and head.strip() and len(tail.split()) >= 2
        else ("", language)
    )

"""The who, where and what of a network entry (an office, a project, a working group, a
priority...), from its fields and its own text; what it does not state is handed off.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from babel import Locale

from hub.core.assistant.answers_base import Decision, ResponderBase, _years
from hub.core.assistant.context import Context, Reply, place
from hub.core.assistant.dates import when
from hub.core.assistant.index import EntryView, text_in
from hub.core.assistant.offered_answers import GUESS_WORDS, OR_WORDS, alternatives
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.knowledge.loader import DOCUMENT_KIND

WHOLE_NAME = 6
"""A record without a text whose name has this many words states what it is by its name
("Renewal of the collaboration agreement with UCLG to host the Technical Secretariat")."""
WHO_KEYS = frozenset(
    {
        "led_by",
        "hosted_by",
        "received_by",
        "organisation",
        "partners",
        "defined_by",
        "members",
        "organiser",
    }
)
"""Fields of an entry that name who is behind it."""
NAMELESS_KINDS = frozenset(
    {"office", "working_group", "work_plan_task", "strategic_priority", "thematic_priority"}
)
"""Kinds whose texts never name the person in charge: without a field of :data:`WHO_KEYS`,
who runs one (or holds a post it mentions) is handed off (its text is not the answer). On
the development and held-out sets, no "who" answered from a task or a priority's text was
right ("the president" answered with a task, "the communication officer" with a priority)."""
_YES_NO = re.compile(r"^(yes|no|sí|si|non|oui|não|sim)[.,]\s+", re.IGNORECASE)
"""An FAQ answer's opening yes or no (it answers the FAQ's own question, not a rewording)."""
_WEB = re.compile(r"\b[\w-]+\.(?:com|org|net|int)\b")
_CLAUSE = re.compile(r"[,;:.?!¿¡()\n]+")

TIMED_FIELDS = frozenset(
    {
        "year",
        "years",
        "project_years",
        "planned_in",
        "agreed_at",
        "approved_at",
        "approved_on",
        "work_plan",
        "example_edition",
    }
)
"""Fields placing a record in a time of its own (a plan's, a year's, a planned opening): such
a record is no standing one. A start ("since", "founded") still holds today."""


class EntryAnswers(ResponderBase):
    """The who, where and what of a network entry."""

    def decide(self, ctx: Context, reading: Reading) -> Decision:
        raise NotImplementedError  # the responder's

    def _standing(self, doc: Doc) -> bool:
        """A record that holds whatever the date: knowledge (a FAQ, a body, a programme),
        not part of a dated whole, with no field placing it in a time of its own."""
        return (
            doc.group == "entry"
            and not doc.wholes
            and isinstance(doc.record, EntryView)
            and not TIMED_FIELDS & set(doc.record.data)
            and doc.kind != DOCUMENT_KIND
        )

    def _guesses_aside(self, ctx: Context, reading: Reading, qtype: str) -> Decision | None:
        """What a standing thing is, asked with guesses after it ("c'est quoi l'OIDP ? Une
        ONG, un réseau de villes ?", "what is OGP Local, a programme or a network?", "¿qué
        es el OIDP, una ONG o una red?") and handed off because the guesses' words are not
        all in its record: the guesses are answers offered, not what is asked. Asked
        again with the asking clause only, answered from a standing record only."""
        if qtype not in {"what", "who"} or (qtype == "who" and reading.relation is not None):
            return None
        clauses = [normalise(c).split() for c in _CLAUSE.split(reading.text)]
        clauses = [c for c in clauses if c]
        questions = self.retriever.vocabulary.question_words
        asking = next(
            (i for i, c in enumerate(clauses) if questions.find(list(c), fuzzy=False)), None
        )
        if asking is None:
            return None
        guesses = clauses[asking + 1 :]
        if (
            not guesses
            or any(  # French "où" is written "ou": between guesses it is "or"
                c[f.start] not in OR_WORDS
                for c in guesses
                for f in questions.find(list(c), fuzzy=False)
            )
            or any(len(part) > GUESS_WORDS for c in guesses for part in alternatives(c))
            or not (len(guesses) >= 2 or any(OR_WORDS.intersection(c) for c in guesses))
        ):
            return None
        kept = set(clauses[asking])
        content = [w for w in reading.content if w in kept or w.startswith("@")]
        if content == reading.content:
            return None
        untimed = replace(
            reading,
            words=[w for w in reading.words if w in kept],
            content=content,
            context=[],
        )
        if not untimed.words:
            return None
        decision = self.decide(ctx, untimed)
        if decision.reply.handoff or not decision.reply.sources:
            return None
        first = decision.reply.sources[0]  # records agreeing with it may follow
        return decision if self._all_standing({first}) else None

    def _all_standing(self, record_ids: set[str]) -> bool:
        """Every record of ``record_ids`` is known and a standing one."""
        docs = [d for d in self.retriever.docs if d.record_id in record_ids]
        return bool(docs) and all(self._standing(d) for d in docs)

    def _office(self, ctx: Context, office: EntryView) -> str:
        name = text_in(office.name, ctx.language)[0]
        if office.data.get("status") == "founded":
            founded = _date(office.data.get("founded"))
            written = when(
                founded, None, str(office.data.get("founded_precision", "day")), ctx.language
            )
            return ctx.phrase(
                "office_founded", name=name, city=office.data.get("city"), when=written
            )
        years = "/".join(str(y) for y in office.data.get("planned_in", []))
        return ctx.phrase("office_planned", name=name, years=years)

    def _says_where(self, entry: EntryView) -> bool:
        """The entry's own text names a place the records know, or a web address, or the
        entry has a web address of its own (a dashboard, a deck): where it is, or where it
        is found, said in its words and its link."""
        if isinstance(entry.data.get("url"), str):
            return True
        places = self.retriever.place_words
        for body in entry.body.values():
            if _WEB.search(body):
                return True
            if any(len(w) >= 4 and w in places for w in normalise(body).split()):
                return True
        return False

    def _entry_fact(self, ctx: Context, qtype: str, name: str, entry: EntryView) -> Reply:
        """Where or since when, from the entry's own fields; what it does not state is said
        and handed off (its text is not an answer to another slot)."""
        if qtype == "where":
            city = entry.data.get("city")
            country = entry.data.get("country")
            where = place(
                ctx, city if isinstance(city, str) else None, _str(country) if country else None
            )
            url = entry.data.get("url")
            online = ctx.phrase("more_at", url=url) if isinstance(url, str) else ""
            if where:  # where it is, and where it is found online ("where are its rules?")
                text = ctx.phrase("entry_place", name=name, place=where)
                return Reply(f"{text} {online}".strip(), [entry.id])
            return ctx.handoff(ctx.phrase("place_unknown_of", name=name), sources=[entry.id])
        began, precision = _since(entry.data)
        written = when(began, None, precision, ctx.language) if began else None
        if written:
            return Reply(ctx.phrase("entry_since", name=name, when=written), [entry.id])
        span = _years(entry.data)
        if span is not None:  # "implemented from 2004 to 2007": the years it ran
            return Reply(
                ctx.phrase("entry_years", name=name, start=span[0], end=span[1]), [entry.id]
            )
        return ctx.handoff(ctx.phrase("date_unknown_of", name=name), sources=[entry.id])

    def _entry_slot(
        self, ctx: Context, qtype: str, doc: Doc, entry: EntryView, own_question: bool = True
    ) -> Reply:
        """The slot asked of an entry; ``own_question`` False when the question is not the
        FAQ's own wording (then the FAQ's opening yes or no is left out)."""
        if qtype == "who" and entry.kind in NAMELESS_KINDS and not WHO_KEYS & set(entry.data):
            name = text_in(entry.name, ctx.language)[0]  # no one is named: its text is no answer
            return ctx.handoff(ctx.phrase("who_unknown_of", name=name), sources=[entry.id])
        if entry.kind == "office":
            said = self._office(ctx, entry)
            if qtype in {"where", "when"} and entry.data.get("status") != "founded":
                return ctx.handoff(said, sources=[entry.id])  # planned: no place, no date
            return Reply(said, [entry.id])
        name = text_in(entry.name, ctx.language)[0]
        city = entry.data.get("city")
        if qtype == "where" and not isinstance(city, str) and self._says_where(entry):
            qtype = "what"  # its text says where: "based in Barcelona", "ogplocal.slack.com"
        if qtype in {"where", "when"} and entry.kind != "faq":
            return self._entry_fact(ctx, qtype, name, entry)
        body, used = text_in(entry.body, ctx.language)
        if not body:
            text = ctx.phrase("what_is", name=name, text="").rstrip(": ") + "."
            _, colon, said = name.partition(":")
            if colon and said.strip() and qtype in {"what", "list"}:  # "Task 22: Development
                return Reply(text, [entry.id])  # of the platform" says what the task is
            if qtype == "what" and len(name.split()) >= WHOLE_NAME:  # an action the plan
                return Reply(text, [entry.id])  # states in its name is what it is
            return ctx.handoff(text, sources=[entry.id])
        if entry.kind == "faq" and not own_question:
            body = _YES_NO.sub("", body, count=1)  # its "No." answers its own question only
        text = body if entry.kind == "faq" else ctx.phrase("what_is", name=name, text=body)
        if used == "en" and ctx.language != "en":
            text = ctx.phrase("english_note", text=text)
        elif used != ctx.language:  # a reply kept in the member's own language only
            language = Locale.parse(ctx.language).languages.get(used, used)
            text = ctx.phrase("only_in_note", language=language, text=text)
        url = entry.data.get("url")
        if isinstance(url, str) and url not in text:
            text += " " + ctx.phrase("more_at", url=url)
        return Reply(text, [entry.id])


def _since(data: dict[str, object]) -> tuple[dt.date | None, str]:
    """The date a record states it began (founded, approved, since a year), and its precision."""
    for key in ("founded", "approved_on", "agreed_at"):
        found = _date(data.get(key))
        if found is not None:
            return found, str(data.get(f"{key}_precision", "day"))
    for key, value in data.items():
        if (key == "since" or key.endswith("_since")) and isinstance(value, int):
            return dt.date(value, 1, 1), "year"
    return None, "unknown"


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None

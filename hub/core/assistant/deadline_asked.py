"""A deadline asked of records that give none: said what they state, then handed off.

"Quina és la data límit per inscriure's al congrés?", "the deadline to join OGP Local this
year?", "prazo para propor uma sessão na conferência": the records date the congress and
the conference (their own days), state how to join, and give no closing date to register,
to join or to propose a session. Answering with the event's days or the joining rules
makes a deadline up. Only an award's dated steps and a call (an event of the ``call``
kind, whose date is that of the call itself) date what closes, or a record whose own text
writes a deadline.

- A deadline noun ("deadline", "fecha límite", "date limite", "data límit", "prazo") asks a
  closing date: an answer citing none of those records is handed off, with what it says.
- "Until when" ("hasta cuándo", "jusqu'à quand", "fins quan", "até quando") also asks how
  long an event runs ("el foro, ¿hasta cuándo?": its last day answers), so it hands off
  only an answer whose records give no date at all (a rule, a how-to).

A noun of a span of time ("a corto plazo", "a longo prazo", "a curt termini") asks none.
"""

from __future__ import annotations

from collections.abc import Iterable

from hub.core.assistant.context import Context
from hub.core.assistant.index import AwardView, EntryView, EventView, text_in
from hub.core.assistant.text import normalise

Record = EventView | AwardView | EntryView

DEADLINE_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("deadline", "deadlines", "closing date", "due date", "cut off date", "cutoff date"),
    "es": ("fecha limite", "plazo", "plazos", "fecha de cierre"),
    "fr": ("date limite", "date butoir", "delai", "delais", "date de cloture"),
    "ca": ("data limit", "termini", "terminis", "data de tancament"),
    "pt": ("data limite", "prazo", "prazos", "data de encerramento"),
}
"""Nouns naming the date something closes, in each language, accents dropped."""

UNTIL_WHEN: dict[str, tuple[str, ...]] = {
    "en": ("until when", "till when", "by when", "until what date", "by what date"),
    "es": ("hasta cuando", "hasta que dia", "hasta que fecha"),
    "fr": ("jusqu a quand", "jusqu a quelle date", "jusqu au quand"),
    "ca": ("fins quan", "fins a quan", "fins a quina data", "fins quin dia"),
    "pt": ("ate quando", "ate que dia", "ate que data"),
}
"""Phrases asking until when, in each language, accents dropped."""

SPAN_ADJECTIVES = frozenset(
    {
        *("short", "long", "medium"),
        *("corto", "largo", "mediano", "medio"),
        *("court", "long", "moyen"),
        *("curt", "llarg", "mitja"),
        *("curto", "longo", "medio"),
    }
)
"""Adjectives making a deadline noun a span of time ("a corto plazo", "a longo prazo")."""

CALL_KINDS = frozenset({"call"})
"""Event kinds whose date is that of a call, the closest a record comes to a deadline."""


def _phrases(table: dict[str, tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for words in table.values() for p in words)


_NOUNS = _phrases(DEADLINE_NOUNS)
_UNTIL = _phrases(UNTIL_WHEN)


def _said(words: list[str], phrases: tuple[tuple[str, ...], ...], *, spans: bool) -> bool:
    """One of ``phrases`` is said in ``words``; with ``spans``, not after an adjective
    making it a span of time."""
    for i in range(len(words)):
        for phrase in phrases:
            if tuple(words[i : i + len(phrase)]) != phrase:
                continue
            before = words[i - 1] if i else ""
            if spans and before in SPAN_ADJECTIVES:
                continue
            return True
    return False


def deadline_asked(words: list[str]) -> str | None:
    """How a deadline is asked in ``words`` (normalised): ``noun`` by a deadline noun,
    ``until`` by "until when", None when none is."""
    if _said(words, _NOUNS, spans=True):
        return "noun"
    if _said(words, _UNTIL, spans=False):
        return "until"
    return None


def _writes_deadline(texts: Iterable[str]) -> bool:
    return any(_said(normalise(t).split(), _NOUNS, spans=True) for t in texts)


def dates_closing(record: Record) -> bool:
    """The record dates what closes: an award (its steps), a call, or a record whose own
    text writes a deadline."""
    if isinstance(record, AwardView):
        return True
    if isinstance(record, EventView):
        return record.kind in CALL_KINDS or _writes_deadline(record.description.values())
    return _writes_deadline([*record.body.values(), *map(str, record.data.values())])


def _dated(record: Record) -> bool:
    """The record gives a date of its own (an event's days, an entry's date)."""
    if isinstance(record, EventView):
        return record.starts_on is not None
    if isinstance(record, EntryView):
        return any(record.data.get(k) for k in ("date", "founded", "approved_on", "agreed_at"))
    return True


def deadline_unstated(words: list[str], records: list[Record]) -> bool:
    """A deadline is asked (:func:`deadline_asked`) and the ``records`` an answer cites
    give none: by a noun, none dates what closes; by "until when", none is dated at all."""
    how = deadline_asked(words)
    if how is None or not records:
        return False
    if any(dates_closing(r) for r in records):
        return False
    return how == "noun" or not any(_dated(r) for r in records)


NAMED = {
    "en": "a deadline",
    "es": "una fecha límite",
    "fr": "de date limite",
    "ca": "cap data límit",
    "pt": "um prazo",
}
"""What is missing, said in each language after "the documents do not state"."""


def deadline_missing(ctx: Context, records: list[Record]) -> str:
    """That the first record cited states no deadline, in the question's language."""
    name = text_in(records[0].name, ctx.language)[0]
    detail = NAMED.get(ctx.language, NAMED["en"])
    return ctx.phrase("detail_unknown_of", detail=detail, name=name)

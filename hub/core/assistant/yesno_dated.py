"""A yes or no from a dated record says which one it is: its dates and place.

A yes/no question about an event or an award edition ("did the secretariat represent the
network at the Chicago conference?", "la Distinció 7 era l'any 2013?") is settled by the
record's own fields as much as by its sentence: the event the question means is the one held
then and there, the edition the one of that year. An answer made of the record's sentence
alone ("The Technical Secretariat presents and represents the IOPD there") leaves the asker
to trust that the record is the one meant; the record's date and place, in a sentence of
their own, let them see it. An answer already writing the record's year dates it.

A work plan's task is the other side of dates: it says what the plan means to do, so it
settles "does the 2013 plan include renewing the agreement?" but not "has the secretariat
already renewed it?" (:mod:`hub.core.assistant.done_asked`).
"""

from __future__ import annotations

from collections.abc import Callable

from hub.core.assistant.answers_base import award_name
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import AwardView, EventView
from hub.core.assistant.retrieval import Doc


def stating_its_date(
    ctx: Context, doc: Doc, text: str, when: Callable[[Context, Doc], Reply]
) -> str:
    """``text``, answering of ``doc``, followed by the record's own date sentence (``when``
    of an event: its dates and place, past said to be past; an award edition's year) unless
    ``text`` already writes the record's year. A record without a date is left as it is."""
    record = doc.record
    if isinstance(record, EventView):
        if record.starts_on is None or str(record.starts_on.year) in text:
            return text
        dated = when(ctx, doc)
        return text if dated.handoff else f"{text} {dated.text}"
    if isinstance(record, AwardView) and doc.step is None:
        if record.year is None or str(record.year) in text:
            return text
        edition = ctx.phrase("award_edition", award=award_name(ctx, record), year=record.year)
        return f"{text} {edition}"
    return text

"""A cheap fingerprint of the knowledge tables, so long-running readers notice changes.

The bots build the assistant's in-memory index once; the console, ``hub
knowledge load`` and calendar polls change the tables afterwards from other
processes. :func:`revision` is one query (a count and the newest change time
per table); a reader keeps the value it built from and rebuilds when the value
differs. An award step has no ``updated_at``: the console and the loader move
its award's ``updated_at`` whenever they change a step, and a step edited in
the console also moves ``award_steps.edited_at``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub.core.models import Award, AwardStep, Event, KnowledgeEntry

Revision = tuple[Any, ...]


def revision(session: Session) -> Revision:
    """Counts and newest change times of events, awards, award steps and entries."""
    columns = []
    for model, changed in (
        (Event, Event.updated_at),
        (Award, Award.updated_at),
        (AwardStep, AwardStep.edited_at),
        (KnowledgeEntry, KnowledgeEntry.updated_at),
    ):
        columns.append(select(func.count()).select_from(model).scalar_subquery())
        columns.append(select(func.max(changed)).scalar_subquery())
    row = session.execute(select(*columns)).one()
    return tuple(row)

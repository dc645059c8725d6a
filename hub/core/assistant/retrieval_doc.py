"""What a record is to the index: a :class:`Doc`, and the weights its fields count with.

Kept apart from the building (:mod:`~hub.core.assistant.retrieval_index`) and the ranking
(:mod:`~hub.core.assistant.retrieval`) because most answering modules only read a ``Doc``
and need neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from hub.core.assistant.index import AwardView, EntryView, EventView

GLOSS = re.compile(r"\([^)]*\)")
"""A gloss in brackets after a name ("Círculos locales de OGP (Local Circles)")."""

HOME = "iopd"
"""The record of the hub's own network, whose name most records say."""
NAME_WEIGHT, ALIAS_WEIGHT, KIND_WEIGHT, BODY_WEIGHT = 3, 2, 1, 1


@dataclass
class Doc:
    """One record (or one award step) as the index sees it."""

    key: str
    record_id: str
    group: str  # event | award | step | entry
    kind: str
    record: EventView | AwardView | EntryView
    step: str | None = None
    terms: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    length: float = 0.0
    unwritten: float = 0.0
    """The weight of the terms the record holds without writing them (the regions its country
    lies in): no part of its length, so a record is not the shorter for lying nowhere."""
    names: list[set[str]] = field(default_factory=list)
    """The terms of the record's own name, one set per language."""
    kind_terms: set[str] = field(default_factory=set)
    """Terms that only say what kind of record this is (conference, office...)."""
    wholes: list[str] = field(default_factory=list)
    """The keys of the records this one is part of (the challenge of one of its areas)."""
    own_places: set[str] = field(default_factory=set)
    """Terms of the record's own city and country (not places its text only mentions)."""
    initials: set[str] = field(default_factory=set)
    """The initials of its name's word pairs (``^pb``), held apart from its length."""

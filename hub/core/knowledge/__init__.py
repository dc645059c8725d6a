"""The hub's seed knowledge: events, awards and facts read from ``config/knowledge/*.yaml``.

Two calls make the public API, used by ``hub knowledge load``, the assistant
and the demo:

- :func:`load_directory` reads and validates a folder of YAML files into a
  :class:`KnowledgeSet`, or raises :class:`~hub.core.errors.KnowledgeError`
  naming file, key and line of every problem;
- :func:`sync` makes the database hold that set and returns a
  :class:`LoadReport` (created, updated, unchanged, removed); running it
  twice changes nothing the second time.
"""

from __future__ import annotations

from hub.core.knowledge.files import KnowledgeSet, load_directory
from hub.core.knowledge.loader import LoadReport, TableReport, sync

__all__ = ["KnowledgeSet", "LoadReport", "TableReport", "load_directory", "sync"]

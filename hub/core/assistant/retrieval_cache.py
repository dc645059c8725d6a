"""One BM25 index per knowledge revision per process, whoever asks for it.

Building the :class:`~hub.core.assistant.retrieval.Retriever` takes about a second (every
record's fields, in five languages, stemmed and weighed); reading the knowledge from the
database takes milliseconds. The console, the bots and the reminders each build their own
:class:`~hub.core.assistant.assistant.Assistant`, and a test suite builds hundreds: those
that read the same knowledge share the retriever built first. Both it and the responder
are read-only once built (nothing writes to them while answering), so sharing one between
assistants and threads is safe.

The key is a digest of everything the index holds (``repr`` of its frozen views, which
spells out every field), so knowledge that changed in any field is built afresh; the
vocabulary must be the very same object. The last few are kept.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import NamedTuple

from hub.core.assistant.answering import Responder
from hub.core.assistant.index import KnowledgeIndex
from hub.core.assistant.record_or_period import document_years
from hub.core.assistant.retrieval import Retriever
from hub.core.assistant.vocabulary import Vocabulary

KEPT = 4
"""Knowledge revisions kept built (a few megabytes each)."""


class Built(NamedTuple):
    vocabulary: Vocabulary
    retriever: Retriever
    responder: Responder


_built: OrderedDict[bytes, Built] = OrderedDict()
_lock = threading.Lock()


def fingerprint(index: KnowledgeIndex) -> bytes:
    """A digest of every record the index holds, field by field."""
    spelt = repr((index.events, index.awards, sorted(index.entries.items())))
    return hashlib.blake2b(spelt.encode("utf-8"), digest_size=16).digest()


def retrieval_for(index: KnowledgeIndex, vocabulary: Vocabulary) -> tuple[Retriever, Responder]:
    """The retriever and responder of ``index`` with ``vocabulary``: built once per process."""
    key = fingerprint(index)
    with _lock:
        found = _built.get(key)
        if found is not None and found.vocabulary is vocabulary:
            _built.move_to_end(key)
            return found.retriever, found.responder
    retriever = Retriever(index, vocabulary)
    responder = Responder(retriever, document_years(index.document_titles()))
    with _lock:
        _built[key] = Built(vocabulary, retriever, responder)
        _built.move_to_end(key)
        while len(_built) > KEPT:
            _built.popitem(last=False)
    return retriever, responder

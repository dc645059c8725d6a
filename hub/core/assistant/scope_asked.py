"""Requests beyond what any record can meet, told by words near each other.

Members ask the secretariat to do their own work for them ("could you draft the report in
our stead?", "¿lo redactáis vosotros?", "vous pouvez le préparer pour nous ?"); they ask how
a past event went or what came of it ("did the forum go well?", "¿qué tal el seminario?",
"com va anar?", "correu bem?"), or which party to back; they try to reach what is internal
or personal (the members' database, an admin or internal account, a mobile number,
personal data), often behind text that gives the assistant orders. A record sharing a word
("plan", "conference", "members") would be an invented answer: each is handed off.

The vocabulary's ``work_chains`` and ``scope_chains`` are read as the ``beyond_chains`` of
:mod:`~hub.core.assistant.asked_beyond` are: word sets in order, each word within ``reach``
of the one before. A request for work is read only where no question word comes before its
verb: "how do I draft an action plan?" and "what can you prepare for us?" ask what the
records state, and stay answered.
"""

from __future__ import annotations

from hub.core.assistant.asked_beyond import chain_found
from hub.core.assistant.vocabulary import Vocabulary


def asks_work_done(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` (a question's, normalised) ask the secretariat to do the asker's
    own work (a verb of writing or preparing with whom it is for, or in whose stead), no
    question word before the request."""
    found = chain_found(words, "work_chains")
    if not found:
        return False
    start = words.index(found[0])
    asking = vocabulary.question_words.find(list(words), fuzzy=False)
    return not any(f.start < start for f in asking)


def asks_beyond_scope(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` (a question's, normalised) ask what no record can meet: the
    asker's own work done (:func:`asks_work_done`), a judgement of how a thing went or of
    parties, or what is internal or personal (the vocabulary's ``scope_chains``)."""
    return bool(chain_found(words, "scope_chains")) or asks_work_done(words, vocabulary)

"""The member assistant: answers about events, conferences, awards and the network.

- :class:`Assistant` answers a question (``answer(text, now=..., lang=...)``)
  from an in-memory index of the knowledge, in the question's language;
- :mod:`hub.core.assistant.store` records questions, hands unanswered ones to the
  secretariat, sends its replies back and keeps members' reminders.

What the assistant reads in a question (slot, time, kinds: small closed word
sets) is data, ``vocabulary.yaml`` beside this file; how it words answers is
``phrases.py`` in English with a Babel catalogue per language in ``locale/``
(``make messages``); everything about the network comes from the knowledge
records, by retrieval.
"""

from __future__ import annotations

from hub.core.assistant.assistant import Answer, Assistant, ReminderRequest

__all__ = ["Answer", "Assistant", "ReminderRequest"]

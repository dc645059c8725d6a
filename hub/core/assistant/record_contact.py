"""The contact asked of a record: an e-mail address from a record whose own name is what the
question names, or a web address its data gives; another body's address is never given.
"""

from __future__ import annotations

import re

from hub.core.assistant.alike import record_text, same_address, written_for
from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_lists import ListAnswers
from hub.core.assistant.answers_since import SinceAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView
from hub.core.assistant.reading import Reading
from hub.core.assistant.record_choice import RecordChoice
from hub.core.assistant.retrieval import Doc

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")

_WEB_ADDRESS = re.compile(r"(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?")
"""A web address written alone in a record's data field (``ogplocal.slack.com``)."""


class ContactAnswers(RecordChoice, SinceAnswers, ListAnswers):
    """The address asked of the body a question names."""

    def _contact(
        self,
        ctx: Context,
        best: Doc,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
        confidence: float,
        said: list[set[str]] | None = None,
        around: list[set[str]] | None = None,
    ) -> Decision:
        """An e-mail address, from a record that states one and whose own name is what the
        question names (OGP Local's contact); another body's address is never given. Of
        several, the one whose own name says more of the question ("the e-mail of OGP
        Local": its contact, named "contact (e-mail)", not how to join it). A question naming
        no body ("to which address should we write?") asks the address of the one the
        message names around it ("Our mayor wishes to join OGP Local.")."""
        asked = self._names_said(terms) or self._names_said(around or [])
        words = set().union(*said) if said else set()
        found = [
            doc
            for _, doc in ranked[:10]
            if _EMAIL.search(record_text(doc.record))
            and asked
            and all(o & set().union(*doc.names) for o in asked)
        ]
        if found:
            doc = max(found, key=lambda d: len(set().union(*d.names) & words))  # first of ties
            reply = self._slot(ctx, Reading(text="", words=[]), "what", doc)
            alike = [i for i in same_address(doc, found) if i not in reply.sources]
            return Decision(Reply(reply.text, [*reply.sources, *alike]), "contact", confidence)
        ranks = [d for _, d in ranked]  # "the email of the local open gov programme": the
        family = written_for(best, asked, self.retriever.docs, ranks, words)
        if family:  # records of the body ranked first, named by its name, writing its address
            reply = self._slot(ctx, Reading(text="", words=[]), "what", family[0])
            alike = [i for i in same_address(family[0], family) if i not in reply.sources]
            return Decision(Reply(reply.text, [*reply.sources, *alike]), "contact", confidence)
        online = [  # "l'adresse du Slack": the address the question names is a web address
            doc
            for _, doc in ranked[:10]
            if asked
            and all(o & set().union(*doc.names) for o in asked)
            and any(o & _address_terms(doc) for o in asked)
        ]
        if online:
            reply = self._slot(ctx, Reading(text="", words=[]), "what", online[0])
            return Decision(reply, "contact", confidence)
        name = self._name(ctx, best)
        reply = ctx.handoff(ctx.phrase("email_unknown_of", name=name), sources=[best.record_id])
        return Decision(reply, "contact", min(confidence, 0.3))

    def _names_said(self, terms: list[set[str]]) -> list[set[str]]:
        """The words of ``terms`` that are proper names of the records (no kind, no concept)."""
        names = self._name_terms
        return [
            o
            for o in terms
            if o & names and not o & self._every_kind and not any(t.startswith("@") for t in o)
        ]


def _address_terms(doc: Doc) -> set[str]:
    """The words of the web addresses a record's data gives (``slack: ogplocal.slack.com``:
    "ogplocal", "slack", "com"): a question naming one of them asks that address."""
    record = doc.record
    if not isinstance(record, EntryView):
        return set()
    found: set[str] = set()
    for value in record.data.values():
        if isinstance(value, str) and _WEB_ADDRESS.fullmatch(value.strip()):
            found.update(w for w in re.split(r"[^a-z0-9]+", value.lower()) if len(w) > 2)
    return found

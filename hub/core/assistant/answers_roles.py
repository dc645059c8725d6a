"""Who does something in the network ("who runs the network day to day?", "¿quién vigila
el plan de acción de un miembro de OGP Local?", "qui s'encarrega del butlletí?", "qui doit
mettre en œuvre le plan 2020 ?"): a record's own prose says which body runs, manages,
calls, carries out or monitors what is asked, and that sentence answers.

Only a question asking who with a verb of a role (:data:`ROLE_WORDS`, five languages) is read
so, and only when the other ways of answering handed it off. Every other word the question
weighs (the newsletter, the 2020 plan, an OGP Local member's action plan) must be held by one
sentence of a record, in the question's language, that also says a role, or by that
record's own name (the secretariat's sentences say "the network", its name the IOPD). A
question naming something no such sentence holds (a body's director, one member's chosen
monitor, who translated a document) is left handed off: no sentence holds all it asks.
Among the records with such a sentence, the one the question ranks highest answers.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import Decision, ResponderBase
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.yesno import _texts, sentences

ROLE_CONFIDENCE = 0.6
MAX_CITED = 3
BODY_KINDS = frozenset({"organisation"})
"""Kinds of record that are bodies: a sentence naming one says who holds a role."""
ROLE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "run",
            "runs",
            "manage",
            "manages",
            "managed",
            "charge",
            "carry",
            "carries",
            "carried",
            "monitor",
            "monitors",
            "monitoring",
            "oversee",
            "oversees",
            "convene",
            "convenes",
            "implement",
            "implements",
            "implementing",
            "keeps",
            "maintains",
            "handles",
        ]
    ),
    "es": frozenset(
        [
            "lleva",
            "llevan",
            "gestiona",
            "gestionan",
            "gestionar",
            "encarga",
            "encargado",
            "encargada",
            "ejecuta",
            "ejecutan",
            "convoca",
            "convocan",
            "convocar",
            "convocatoria",
            "vigila",
            "vigilan",
            "sigue",
            "seguimiento",
            "mantiene",
            "supervisa",
            "supervisar",
        ]
    ),
    "fr": frozenset(
        [
            "gere",
            "gerent",
            "gerer",
            "tourner",
            "charge",
            "occupe",
            "suit",
            "suivre",
            "surveille",
            "lance",
            "execute",
            "oeuvre",
            "tient",
            "convoque",
            "fonctionner",
        ]
    ),
    "ca": frozenset(
        [
            "gestiona",
            "gestionar",
            "encarrega",
            "executa",
            "executen",
            "convoca",
            "convocar",
            "convocatoria",
            "segueix",
            "seguiment",
            "vigila",
            "funcionar",
            "dur",
            "terme",
            "mante",
        ]
    ),
    "pt": frozenset(
        [
            "gere",
            "gerem",
            "executa",
            "executado",
            "encarregado",
            "encarregada",
            "acompanha",
            "monitoriza",
            "monitorizacao",
            "convoca",
            "mantem",
        ]
    ),
}
"""Words of a role a body holds, by language (runs, manages, carries out, monitors, calls, keeps),
written as the questions' words are read (lower case, no accents)."""


class RoleAnswers(ResponderBase):
    """Answers who holds a role from the record sentence that says it (see the module)."""

    def _role_rescued(self, ctx: Context, reading: Reading, decision: Decision) -> Decision:
        """A who-question the other ways handed off, answered by the record sentence that
        says who holds the role it asks (``decision`` itself when none does)."""
        if reading.qtype != "who" or not decision.reply.handoff:
            return decision
        if not ROLE_WORDS.get(ctx.language, frozenset()).intersection(reading.words):
            return decision
        terms = self.retriever.unbind(self.retriever.query_terms(reading.content, ctx.language))
        ranked = self.retriever.search(terms)
        return self._role_stated(ctx, terms, ranked, reading.period is not None) or decision

    def _role_stated(
        self,
        ctx: Context,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
        timed: bool = False,
    ) -> Decision | None:
        """The record sentence saying who holds the role the question asks of what it
        names; None when no sentence holds all it names. Unless the question says a time
        (``timed``), a standing record (an entry) is preferred to one edition's."""
        analyser = self.retriever.analyser
        idf = self.retriever.idf
        role = {
            t for w in ROLE_WORDS.get(ctx.language, ()) for t in analyser.terms(w, ctx.language)
        }
        asked = [o for o in terms if not o & role]
        if not asked or any(not any(t in idf for t in o) for o in asked):
            return None  # "who runs the Barcelona marathon?": a word no record holds asks
            # of something else than the records' bodies
        rank = {id(d): s for s, d in ranked}
        bodies = self._role_bodies
        found: list[tuple[tuple[bool, bool, bool, float], Doc, str]] = []
        for doc in self.retriever.docs:
            name = set().union(*doc.names) if doc.names else set()
            for sentence in sentences(_texts(doc, ctx.language)):
                said = set(analyser.terms(sentence, ctx.language))
                if said & role and all(o & (said | name) for o in asked):
                    named = doc.kind in BODY_KINDS or any(b <= said for b in bodies)
                    standing = timed or isinstance(doc.record, EntryView)
                    key = (bool(name & role), named, standing, rank.get(id(doc), 0.0))
                    found.append((key, doc, sentence.strip()))
                    break
        if not found:
            return None
        found.sort(key=lambda item: (*(not k for k in item[0][:3]), -item[0][3]))
        best, doc, sentence = found[0]
        cited = [d.record_id for k, d, _ in found if k[:3] == best[:3]][:MAX_CITED]
        title = doc.record.name.get(ctx.language) or doc.record.name.get("en", "")
        text = f"{title}: {sentence}" if title else sentence
        return Decision(Reply(text, list(dict.fromkeys(cited))), "who", ROLE_CONFIDENCE)

    @property
    def _role_bodies(self) -> list[set[str]]:
        """The terms of each body's own name (the network's name aside), in each language:
        a sentence holding one of them says who holds the role."""
        cached: list[set[str]] | None = getattr(self, "_role_bodies_cache", None)
        if cached is None:
            home = self._home_terms
            cached = [
                name - home
                for d in self.retriever.docs
                if d.kind in BODY_KINDS
                for name in d.names
                if name - home
            ]
            self._role_bodies_cache = cached
        return cached


__all__ = ["ROLE_WORDS", "RoleAnswers"]

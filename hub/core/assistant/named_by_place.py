"""A body named by its kind and its own place ("the Dakar office", "l'oficina de Dakar",
"o escritório de Dakar"), not by its name ("African Platform"): every word a question says
of it is a word of its kind, of its own place or of its name, and it says both a kind word
and a word of its place. The caller makes sure no other body of that kind is of that place.
"""

from __future__ import annotations

from hub.core.assistant.retrieval import Doc


def named_by_own_place(doc: Doc, terms: list[set[str]], framing: set[str]) -> bool:
    """Whether ``terms`` (the question's words but those asking when it was set up) name
    ``doc`` by a word of its kind and one of its own place, and say nothing else of it but
    words of its name or ``framing`` (the network's own words)."""
    names = set().union(*doc.names) if doc.names else set()
    kind = doc.kind_terms
    own = doc.own_places
    if not any(o & kind for o in terms) or not any(o & own for o in terms):
        return False
    return all(o & (kind | own | names | framing) for o in terms)

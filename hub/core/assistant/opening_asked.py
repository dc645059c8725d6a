"""The word "how" opening a question, set aside from the words naming its topic.

"Comment l'OIDP est-il financé ?" opens with "comment" as "¿Cómo se financia el OIDP?"
opens with "cómo" and "Com es finança l'OIDP?" with "com". Those are function words, but
French "comment" is also a word the records write (the French names of the FAQ, "Comment
partager...", and English "comment"), so retrieval kept it as a topic word no record on
funding holds, and the French question was handed off where the Spanish, Catalan and
Portuguese ones are answered. Opening the question, "how" asks the manner and names
nothing. The other question words stay: "pourquoi" matches a record named by its why
("Pourquoi le gouvernement ouvert local compte"), and "quanto está o euro" is handed off
for the rate it asks, which no record holds.
"""

from __future__ import annotations

HOW = frozenset({"how", "como", "comment", "com"})
""""How" in the five languages, normalised (Spanish and Portuguese write it alike)."""


def opening_how(words: list[str]) -> set[int]:
    """The position of the "how" that opens ``words`` (the question's normalised words):
    {0}, or empty when another word opens it."""
    return {0} if words and words[0] in HOW else set()

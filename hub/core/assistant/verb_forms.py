"""The other forms of the join and subscribe verbs that the vocabulary writes as infinitives.

``vocabulary.yaml`` lists "apuntarme", "entrar no", "participar"; askers write "com s'apunta",
"entra no", "participa". Kept apart from :mod:`~hub.core.assistant.vocabulary`, which builds
its matcher of conjugations from these forms once, because it is word-making, not loading.
"""

from __future__ import annotations

import re

from hub.core.assistant.text import normalise

CONJUGATED = ("join", "subscribe")
"""Concepts whose verbs are also found in other persons than those listed ("entra no", "com
ens podem apuntar"): askers say "we join", "my city joins", "how does one join"."""
ROMANCE = ("es", "ca", "pt")
_INFINITIVE = re.compile(r"^(\w+?)([aei])r(?:me|se|nos|te)?$")
_CLITIC = frozenset({"me", "se", "nos", "te"})
BARE_THIRD = 7
"""Letters from which a bare verb's third person is read as it ("participa", "postula"):
shorter ones are also nouns or other words ("junta", "suma", "une")."""


def conjugated(phrase: str) -> list[str]:
    """Other forms of a phrase opening with an infinitive: the bare infinitive of
    "apuntarme" ("apuntar") and, when a preposition follows ("entrar no"), the present's
    third persons and first plural ("entra no", "entram no", "entramos no"); alone, a long
    verb's third persons ("participa", "participan"), unless reflexive."""
    tokens = normalise(phrase).split()
    reflexive = bool(tokens) and not tokens[0].endswith("r")  # "apuntarme", "inscribirse"
    if tokens and len(tokens) > 1 and tokens[1] in _CLITIC:  # "unir se": the infinitive
        tokens = [tokens[0], *tokens[2:]]
        reflexive = True
    found = _INFINITIVE.match(tokens[0]) if tokens else None
    if found is None:
        return []
    stem, vowel = found.groups()
    rest = tokens[1:]
    forms = [f"{stem}{vowel}r"]
    third = f"{stem}{'a' if vowel == 'a' else 'e'}"
    if rest:
        forms += [third, f"{third}n", f"{third}m", f"{stem}{vowel}mos", f"{stem}em", f"{stem}im"]
    elif not reflexive and len(third) >= BARE_THIRD:  # "um município participa como?":
        forms += [third, f"{third}n", f"{third}m"]  # how one joins ("integrarse" is no
        # "integra": the secretariat integrates members, they join)
    if reflexive:  # "¿cómo se apunta un ayuntamiento?", "com s'apunta", "inscreve-se"
        forms += [f"se {third}", f"se {third}n", f"s {third}", f"{third} se", f"{third}m se"]
    return [" ".join([form, *rest]) for form in forms]

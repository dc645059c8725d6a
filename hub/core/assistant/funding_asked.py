"""Whether a question with a money word asks how something is funded, not what it costs.

"How is the IOPD financed if members pay no quotas?", "¿cómo se financia el OIDP si no hay
cuota?", "comment l'OIDP est-il financé ?": the money words ("pay", "quotas", "cuota") are
said around the question, and what is asked is the funding, which a record tells in words
(how the network is funded), not a price. A verb of financing (a closed set, below,
in the five languages, written without accents as :func:`~hub.core.assistant.text.normalise`
writes them) makes the question ask what, not cost.
"""

from __future__ import annotations

FUNDING_WORDS = frozenset(
    {
        *("funded", "financed"),
        *("financia", "financian", "financiado", "financiada", "financiados", "financiadas"),
        *("financiar", "financiara", "financiaran"),
        *("finance", "financee", "financees", "financer", "financera", "financeront"),
        *("financa", "financen", "financat", "financada", "financats", "financades"),
        *("financar", "financiat", "financiam", "financiarao"),
    }
)
"""Verbs of financing: financed, financia, financé, finançat, financiado... Not the nouns
("le financement participatif", crowdfunding, "pourrait payer quoi ?": what it pays for)."""


def funding_asked(words: list[str]) -> bool:
    """The question's normalised ``words`` say how something is financed."""
    return not FUNDING_WORDS.isdisjoint(words)

"""The work plan a question names by its year, and whether the knowledge holds that plan.

"What does the 2019 work plan say about gender?", "què diu el pla de treball del 2019
sobre gènere?": the question asks what one document says. When the network's knowledge
holds no plan of that year, any record that matches the rest of the question (the 2019
conference, whose text says "gener", January, the Catalan stem of "gènere") answers a
question nobody asked, so the question is handed off. A plan of a year on record (2013,
2014-2015, 2020) is left to the ordinary answer, and so is an OGP action plan ("the 2023
action plan", "plan de acción 2023"), which is no work plan of the network.
"""

from __future__ import annotations

from collections.abc import Iterable

from hub.core.assistant.retrieval import Doc

PLAN_NOUNS = frozenset({"plan", "pla", "plano", "workplan"})
"""The noun of a plan in the five languages (normalised): the anchor a year is read from."""

PLAN_LINKS = (
    frozenset({"de", "del", "do", "da", "d", "du", "of", "for", "per", "pour", "para"})
    | frozenset({"the", "el", "la", "l", "o", "a"})
    | frozenset({"work", "trabajo", "travail", "treball", "trabalho"})
    | frozenset({"year", "ano", "any", "annee", "anno"})
)
"""Words between a plan's noun and its year ("pla de treball del 2019", "plan for the year
2019"): the year they lead to is the plan's."""

OTHER_PLANS = frozenset({"action", "accion", "accio", "acao", "actions", "strategic"})
"""A word beside the noun that makes it another kind of plan (an OGP action plan)."""

LINK_REACH = 4
"""How many linking words may stand between a plan's noun and its year."""


def plan_years_on_record(docs: Iterable[Doc]) -> frozenset[int]:
    """The years of the network's work plans the knowledge holds (2013, 2014, 2015, 2020)."""
    return frozenset(
        int(term[1:])
        for doc in docs
        if doc.kind == "work_plan"
        for name in doc.names
        for term in name
        if term.startswith("y") and term[1:].isdigit()
    )


def named_plan_years(words: list[str]) -> set[int]:
    """The years the question gives a plan ("the 2019 work plan", "plan de trabajo del
    2019", "plano 2019"), from its normalised words; none for an action plan."""
    years: set[int] = set()
    for i, word in enumerate(words):
        if word not in PLAN_NOUNS:
            continue
        before = words[i - 1] if i else ""
        if before in OTHER_PLANS:
            continue
        if before == "work" and i > 1:
            before = words[i - 2]
        if (year := _year(before)) is not None:
            years.add(year)
            continue
        for later in words[i + 1 : i + 2 + LINK_REACH]:
            if (year := _year(later)) is not None:
                years.add(year)
                break
            if later not in PLAN_LINKS:
                break
    return years


def unheld_plan_year(words: list[str], held: frozenset[int]) -> int | None:
    """A year the question gives a work plan when no plan it names is one on record."""
    named = named_plan_years(words)
    if not named or named & held:
        return None
    return min(named)


def _year(word: str) -> int | None:
    return int(word) if len(word) == 4 and word.isdigit() and word[:2] in {"19", "20"} else None

"""Lists of the records a work plan marks new, or found already there ("the new working
groups of the 2014-2015 plan", "quins grups de treball nous crea el pla d'aquest any?",
"les groupes de travail qui existaient déjà"): a record whose data ``status`` says "new
in 2014-2015" (or "existing in 2014-2015") is new (or already there) in the plan of those
years. A list question that names the record's kind whole and says a word of that status
in its own language (:data:`STATUS_WORDS`) gets every record of that kind and status of
the plan it means: the plan of the years it gives, else the plan in force on the asker's
day ("the current plan"); the plan's own part on that kind (the 2014-2015 priority
"Working groups", which states the same list) is cited with them. A question that names
one record ("the group on the new statutes") is no list: the kind is then said in the
singular, and a "what" question must say it in the plural.
"""

from __future__ import annotations

import re

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_lists import ListAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

STATUS_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "new": {
        "en": frozenset({"new", "newly"}),
        "es": frozenset({"nuevo", "nuevos", "nueva", "nuevas"}),
        "fr": frozenset(
            {"nouveau", "nouveaux", "nouvel", "nouvelle", "nouvelles", "inedit", "inedits"}
        ),
        "ca": frozenset({"nou", "nous", "nova", "noves"}),
        "pt": frozenset({"novo", "novos", "nova", "novas"}),
    },
    "existing": {
        "en": frozenset({"existing", "existed"}),
        "es": frozenset({"existente", "existentes", "existia", "existian"}),
        "fr": frozenset({"existant", "existants", "existait", "existaient"}),
        "ca": frozenset({"existent", "existents", "existia", "existien"}),
        "pt": frozenset({"existente", "existentes", "existia", "existiam"}),
    },
}
"""The words, by language, that ask for the records of a status in a plan."""

_STATUS = re.compile(r"^(new|existing) in (\d{4})(?:-(\d{4}))?")


def plan_status(doc: Doc) -> tuple[str, tuple[int, int]] | None:
    """The status a record's data gives it in a plan, with that plan's first and last
    year ("new in 2014-2015": ``("new", (2014, 2015))``); None when it gives none."""
    data = getattr(doc.record, "data", None) or {}
    found = _STATUS.match(str(data.get("status", "")))
    if found is None:
        return None
    first = int(found.group(2))
    return found.group(1), (first, int(found.group(3) or first))


def _plan_label(years: tuple[int, int]) -> str:
    first, last = years
    return str(first) if first == last else f"{first}-{last}"


def plan_meant(ctx: Context, reading: Reading, years: tuple[int, int]) -> bool:
    """The plan of ``years`` (first and last) is the one the question gives by its years,
    or, when it gives none, the one in force on the asker's day ("the current plan")."""
    first, last = years
    if reading.period is not None:
        return reading.period.start.year <= last and reading.period.end.year >= first
    return first <= ctx.today.year <= last


class PlanStatusLists(ListAnswers):
    """The records of a kind a plan marks new, or already there."""

    def _plan_status_listed(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        kind_terms: set[str],
        terms: list[set[str]],
    ) -> Decision | None:
        """The records of the kind named whose status in the plan meant is the one asked
        (see the module); None when the question says no such status, names no such kind,
        or means no plan that marks any."""
        if qtype not in {"list", "what"} or not kind_terms:
            return None
        said_words = set(reading.words)
        statuses = {
            status
            for status, words in STATUS_WORDS.items()
            if said_words & words.get(ctx.language, frozenset())
        }
        if not statuses or (qtype == "what" and not self._kind_in_plural(reading)):
            return None
        said = set().union(*terms) if terms else set(kind_terms)
        plans: dict[tuple[int, int], list[Doc]] = {}
        for doc in self.retriever.docs:
            marked = plan_status(doc)
            if (
                marked is None
                or marked[0] not in statuses
                or doc.group != "entry"
                or not self._kind_of(doc) & kind_terms
                or not self._kind_said_whole(doc.kind, said)
                or not plan_meant(ctx, reading, marked[1])
            ):
                continue
            plans.setdefault(marked[1], []).append(doc)
        if len(plans) != 1:
            return None
        ((years, docs),) = plans.items()
        decision = self._listed(ctx, docs, 0.75, terms)
        cited = list(decision.reply.sources)
        cited += [p for p in self._plan_parts_on(docs, years) if p not in cited]
        return Decision(Reply(decision.reply.text, cited), decision.intent, decision.confidence)

    def _plan_parts_on(self, docs: list[Doc], years: tuple[int, int]) -> list[str]:
        """The parts of the plan of ``years`` named by the listed records' kind alone (the
        2014-2015 priority "Working groups")."""
        kinds = set().union(*(d.kind_terms for d in docs))
        label = _plan_label(years)
        return [
            d.record_id
            for d in self.retriever.docs
            if d.group == "entry"
            and str((getattr(d.record, "data", None) or {}).get("work_plan", "")) == label
            and any(name and name <= kinds for name in d.names)
        ]

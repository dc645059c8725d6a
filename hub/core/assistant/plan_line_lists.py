"""Lists of the tasks of one line of a work plan, the line named by its topic ("the
actions for visibility in the 2013 plan", "quines accions fa l'OIDP per guanyar
visibilitat segons el pla 2013?", "que ações tem o plano 2013 para a visibilidade?"): a
task's data gives its plan (``work_plan``) and the label of its line (``priority``), a
line's data its plan and ``label``. A list question (a "what" one only when it names the
tasks' kind in the plural) that says a narrowing word of one line's name (not of another
line of that plan) gets that line's tasks, the line cited first: it states them too. The
plan is the one of the years the question gives, else the one in force on the asker's
day. A question that says no line's word ("the tasks of the 2013 plan") or the words of
two lines is left to the rest.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_lists import ListAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.plan_status_lists import plan_meant
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc


def _data(doc: Doc) -> dict[str, object]:
    data = getattr(doc.record, "data", None)
    return data if isinstance(data, dict) else {}


def _plan_years(label: str) -> tuple[int, int] | None:
    """The first and last year of a plan's label ("2014-2015", "2013")."""
    parts = label.split("-")
    if not all(p.isdigit() and len(p) == 4 for p in parts) or len(parts) > 2:
        return None
    return int(parts[0]), int(parts[-1])


class PlanLineLists(ListAnswers):
    """The tasks of the line of a plan a question names by its topic."""

    def _line_tasks_listed(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        kind_terms: set[str],
        terms: list[set[str]],
    ) -> Decision | None:
        """The tasks of the one line the question names (see the module); None when it
        names the tasks of no line, or of more than one."""
        if qtype not in {"list", "what"} or not kind_terms:
            return None
        if qtype == "what" and not self._kind_in_plural(reading):
            return None
        said = set().union(*terms) if terms else set(kind_terms)
        home = self._home_terms
        narrowing = [o for o in terms if not o & kind_terms and not o & home and self._weighty(o)]
        if not narrowing:
            return None
        best: list[tuple[Doc, list[Doc]]] = []
        most = 0
        for line in self.retriever.docs:
            plan = str(_data(line).get("work_plan", ""))
            label = _data(line).get("label")
            years = _plan_years(plan)
            if line.kind != "strategic_priority" or label is None or years is None:
                continue
            if not plan_meant(ctx, reading, years):
                continue
            named = set().union(*line.names) if line.names else set()
            hits = sum(1 for o in narrowing if o & named)
            if not hits or hits < most:
                continue
            tasks = [
                d
                for d in self.retriever.docs
                if d.group == "entry"
                and str(_data(d).get("work_plan", "")) == plan
                and str(_data(d).get("priority", "")) == str(label)
                and self._kind_of(d) & kind_terms
                and self._kind_said_whole(d.kind, said)
            ]
            if len(tasks) < 2:
                continue
            if hits > most:
                best, most = [], hits
            best.append((line, tasks))
        if len(best) != 1:
            return None
        line, tasks = best[0]
        decision = self._listed(ctx, tasks, 0.75, terms)
        header, _, rest = decision.reply.text.partition("\n")
        text = f"{self._name(ctx, line)} — {header.split(' — ')[-1]}\n{rest}"
        cited = [line.record_id] + [i for i in decision.reply.sources if i != line.record_id]
        return Decision(Reply(text, cited), decision.intent, decision.confidence)

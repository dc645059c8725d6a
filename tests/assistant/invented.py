"""List the invented answers of every question set, by class, and sweep the confidence.

Usage: ``.venv/bin/python tests/assistant/invented.py [--sets A,B] [--show] [--sweep]``.

An answer is invented (see :mod:`hub.core.assistant.evaluation`) when the case must be
handed off and is answered, or when it is answered with a wrong record or fact. The class
is read from the case and the answer alone (no question's words):

- ``yes/no question``: any invented answer to a yes/no question (their own class);
- ``out of scope answered``: the case is a must-handoff out-of-scope request;
- ``not stated, answered``: any other must-handoff case answered (a slot or a fact the
  records do not state: a deadline's day, a sum, the names behind "several");
- ``yes/no`` answered as yes or no when the case is not a yes/no question;
- ``period list for a record``: a period's events listed where one record was asked;
- ``wrong record``: none of the records the case needs is cited;
- ``part of a list``: some of the records needed cited, not all;
- ``right record, wrong fact``: the records are right, a fact the case needs is missing;
- ``wrong language``: right otherwise, in another language.

``--sweep`` prints, over the tuning sets, what a floor on the answers' ``confidence`` would
leave: answered, right, invented, precision and coverage per floor (the code's own floor is
``MIN_CONFIDENCE`` in :mod:`hub.core.assistant.answers_base`; answers under it are handed off
already, so floors under it change nothing).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scores import ROOT, sets

from hub.core.assistant import Assistant
from hub.core.assistant.assistant import Answer
from hub.core.assistant.evaluation import problems

FLOORS = (0.0, 0.32, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
TUNING = ("eval", *(f"heldout{n}" for n in range(4, 12)))
"""The sets the confidence floor is fitted on (the older ones were designed against)."""


def invented_class(case: dict[str, Any], answer: Answer, wrong: list[str]) -> str | None:
    """The class of an invented answer; None when the answer is not invented."""
    if answer.handoff or not (case["handoff"] or wrong):
        return None
    kind = case.get("type", case.get("intent", "?"))
    if kind == "yesno":
        return "yes/no question"
    if case["handoff"]:
        scope = kind in {"oos", "out_of_scope"}
        return "out of scope answered" if scope else "not stated, answered"
    if answer.intent == "yesno" and kind != "yesno":
        return "yes/no for another question"
    needed = set(case.get("sources", [])) | set(case.get("sources_any") or [])
    cited = set(answer.sources)
    if needed and not needed & cited:
        if answer.intent == "list" and len(cited) >= 2 and case.get("type") != "list":
            return "period list for a record"
        return "wrong record"
    if any(w.startswith(("sources missing", "none of")) for w in wrong):
        return "part of a list"
    if any(w.startswith("fact missing") for w in wrong):
        return "right record, wrong fact"
    return "wrong language"


def main(argv: list[str]) -> None:
    assistant = Assistant.from_knowledge(ROOT / "config" / "knowledge")
    chosen = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else None
    show = "--show" in argv
    answered: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    totals: Counter[str] = Counter()
    for name, (cases, split) in sets().items():
        if chosen is not None and name not in chosen:
            continue
        classes: Counter[str] = Counter()
        lines = []
        for case in cases:
            if split is not None and case.get("split") != split:
                continue
            totals[name] += 1
            now = dt.date.fromisoformat(case["now"])
            answer = assistant.answer(case["question"], now=now, lang=case.get("lang"))
            wrong = problems(answer, case)
            kind = invented_class(case, answer, wrong)
            if not answer.handoff:
                answered[name].append((answer.confidence, kind is not None))
            if kind is None:
                continue
            classes[kind] += 1
            lines.append(
                f"  - {kind} [{case['language']} {case.get('type', '?')} {answer.confidence:.2f}]"
                f" {case['question'][:140]!r} ({case['now']}) -> {answer.sources[:3]}"
                f" {answer.answer[:100]!r}\n      why: {'; '.join(wrong)}"
            )
        summary = ", ".join(f"{k} {n}" for k, n in classes.most_common())
        print(f"{name:12} invented {sum(classes.values()):3}  {summary}")
        if show:
            print("\n".join(lines))
    if "--sweep" in argv:
        sweep(answered, totals)


def sweep(answered: dict[str, list[tuple[float, bool]]], totals: dict[str, int]) -> None:
    """Per floor applied to the answers' ``confidence``, over the tuning sets: the answers
    left, right and invented among them, precision (right share of those answered) and
    coverage (answered share of all questions)."""
    print("\nfloor  answered  right  invented  precision  coverage   (tuning: eval, heldout4-11)")
    total = sum(totals.get(name, 0) for name in TUNING)
    for floor in FLOORS:
        kept = [inv for name in TUNING for c, inv in answered.get(name, []) if c >= floor]
        right = sum(1 for inv in kept if not inv)
        precision = right / len(kept) if kept else 0.0
        coverage = len(kept) / total if total else 0.0
        print(
            f"{floor:5.2f}  {len(kept):8}  {right:5}  {len(kept) - right:8}  "
            f"{precision:9.3f}  {coverage:8.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])

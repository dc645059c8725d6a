"""Score the member assistant on every question set, one line per set.

Usage: ``.venv/bin/python tests/assistant/scores.py [--wrong SET]``. Each line gives the
set, its accuracy, the questions right of all and the invented answers (answered when the
case must be handed off, or answered with a wrong record or fact). ``--wrong SET`` prints
that set's failures after the table.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hub.core.assistant import Assistant
from hub.core.assistant.evaluation import Report, evaluate, read_cases

SETS = Path(__file__).resolve().parent
ROOT = SETS.parent.parent
FRESH = sorted(p.stem for p in SETS.glob("tune_extra*_questions.jsonl"))


def sets() -> dict[str, tuple[list[dict[str, Any]], str | None]]:
    dev = read_cases(SETS / "dev_questions.jsonl")
    found: dict[str, tuple[list[dict[str, Any]], str | None]] = {
        "dev tune": (dev, "tune"),
        "dev report": (dev, "report"),
    }
    for name in (
        "eval",
        "heldout",
        "heldout2",
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
        "heldout12",
        "heldout13",
        "heldout14",
        "heldout15",
        "heldout16",
        "heldout17",
        "heldout18",
        "heldout19",
        "heldout20",
        "heldout21",
        "heldout22",
        "heldout23",
        "heldout24",
        "heldout25",
        "heldout26",
        "heldout27",
        "heldout28",
        "heldout29",
        "heldout30",
        "heldout31",
        "heldout32",
        "heldout33",
        "heldout34",
        "heldout35",
        "heldout36",
        "heldout37",
        "heldout38",
        "heldout39",
        "heldout42",
        "heldout43",
        "heldout44",
        "heldout45",
        "heldout46",
        "heldout47",
        "heldout48",
        "heldout49",
        "heldout50",
        "heldout51",
        "heldout52",
        "heldout53",
        "heldout54",
        "heldout55",
        "heldout56",
        "heldout57",
        "heldout58",
        "heldout59",
        "heldout60",
        "heldout61",
        "heldout62",
        "heldout63",
        "heldout64",
        "heldout65",
        "heldout66",
        "heldout67",
        "heldout68",
        "heldout69",
        "heldout70",
        "heldout71",
        "heldout72",
        "heldout73",
    ):
        found[name] = (read_cases(SETS / f"{name}_questions.jsonl"), None)
    found["tune_extra*"] = ([c for n in FRESH for c in read_cases(SETS / f"{n}.jsonl")], None)
    return found


def main(argv: list[str]) -> None:
    assistant = Assistant.from_knowledge(ROOT / "config" / "knowledge")
    show = argv[argv.index("--wrong") + 1] if "--wrong" in argv else None
    reports: dict[str, Report] = {}
    for name, (cases, split) in sets().items():
        report = evaluate(assistant, cases, split=split)
        reports[name] = report
        total = sum(report.total.values())
        right = sum(report.right.values())
        languages = " ".join(f"{k} {report.accuracy(k):.2f}" for k in sorted(report.total))
        print(
            f"{name:12} {report.accuracy():.3f}  {right:4}/{total:<4} "
            f"invented {len(report.invented):3}  {languages}"
        )
    if show is not None:
        for case, wrong, answer in reports[show].wrong:
            kind = case.get("type", case.get("intent", "?"))
            print(
                f"- [{case['language']} {kind}] {case['question']!r} ({case['now']}): {wrong}\n"
                f"    {answer[:200]!r}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])

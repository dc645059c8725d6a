"""Scoring the assistant against an evaluation set (one JSON object per line).

A case: ``question``, ``now`` (YYYY-MM-DD), optional ``lang``, and what a right
answer has: ``language``, ``handoff``, ``sources`` (ids that must all be
cited), ``sources_any`` (ids of which one must be cited), ``facts`` (texts
that must appear, compared without accents, case or punctuation) and, in the
older sets, ``intent`` (checked only when ``check_intent``: the retrieval
assistant names the slot asked, not the old tables' intents). A case is right
only when all of these hold. Cases of the development set also carry
``type`` (the slot asked) and ``split`` (``tune`` or ``report``).

An answer is *invented* when the case must be handed off and is answered, or
when it is answered (not handed off) with a wrong record or fact.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from hub.core.assistant.assistant import Answer, Assistant
from hub.core.assistant.text import normalise


class Answering(Protocol):
    """What :func:`evaluate` asks questions of: an :class:`Assistant`, or :class:`AnswersOnce`."""

    def answer(self, text: str, *, now: dt.datetime | dt.date, lang: str | None = None) -> Answer:
        """The answer to ``text`` as of ``now``, in ``lang`` if given."""
        ...


class AnswersOnce:
    """An assistant's answers, each question asked once: the test suite scores every set in
    several tests (the floors, the answers' language), and asking the same question of the
    same assistant at the same ``now`` in the same ``lang`` gives the same answer, so the
    first one is kept and handed to every later asker. Nothing may change a kept answer."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self._kept: dict[tuple[str, type, dt.date, str | None], Answer] = {}

    def answer(self, text: str, *, now: dt.datetime | dt.date, lang: str | None = None) -> Answer:
        key = (text, type(now), now, lang)
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = self.assistant.answer(text, now=now, lang=lang)
        return found


def read_cases(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def problems(answer: Answer, case: dict[str, Any], check_intent: bool = False) -> list[str]:
    """What is wrong with ``answer`` for ``case`` (empty when it is right)."""
    found = []
    if answer.language != case["language"]:
        found.append(f"language {answer.language} != {case['language']}")
    if check_intent and "intent" in case and answer.intent != case["intent"]:
        found.append(f"intent {answer.intent} != {case['intent']}")
    if answer.handoff != case["handoff"]:
        found.append(f"handoff {answer.handoff} != {case['handoff']}")
    missing = set(case.get("sources", [])) - set(answer.sources)
    if missing:
        found.append(f"sources missing {sorted(missing)}")
    one_of = case.get("sources_any")
    if one_of and not set(one_of) & set(answer.sources):
        found.append(f"none of {sorted(one_of)} cited")
    text = f" {normalise(answer.answer)} "
    for fact in case.get("facts", []):
        if f" {normalise(fact)} " not in text:
            found.append(f"fact missing {fact!r}")
    return found


@dataclass
class Report:
    total: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    total_by_type: Counter[str] = field(default_factory=Counter)
    right_by_type: Counter[str] = field(default_factory=Counter)
    invented: list[str] = field(default_factory=list)
    """Must-handoff questions answered as if the knowledge held the answer."""
    wrong: list[tuple[dict[str, Any], list[str], str]] = field(default_factory=list)

    def accuracy(self, language: str | None = None) -> float:
        if language is None:
            total, right = sum(self.total.values()), sum(self.right.values())
        else:
            total, right = self.total[language], self.right[language]
        return right / total if total else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "overall": round(self.accuracy(), 4),
            "per_language": {k: round(self.accuracy(k), 4) for k in sorted(self.total)},
            "per_type": {
                k: round(self.right_by_type[k] / self.total_by_type[k], 4)
                for k in sorted(self.total_by_type)
            },
            "questions": sum(self.total.values()),
            "invented": len(self.invented),
        }


def evaluate(
    assistant: Answering,
    cases: list[dict[str, Any]],
    *,
    split: str | None = None,
    check_intent: bool = False,
) -> Report:
    """Score ``cases`` (only those of ``split`` when given)."""
    report = Report()
    for case in cases:
        if split is not None and case.get("split") != split:
            continue
        now = dt.date.fromisoformat(case["now"])
        answer = assistant.answer(case["question"], now=now, lang=case.get("lang"))
        language = case["language"]
        kind = case.get("type", case.get("intent", "?"))
        report.total[language] += 1
        report.total_by_type[kind] += 1
        wrong = problems(answer, case, check_intent)
        if not answer.handoff and (case["handoff"] or wrong):
            report.invented.append(case["question"])
        if wrong:
            report.wrong.append((case, wrong, answer.answer))
        else:
            report.right[language] += 1
            report.right_by_type[kind] += 1
    return report

"""``hub bench ask``: how long the member assistant takes per answer, and to start.

Start-up is measured in its parts: reading and validating the knowledge
files, building the in-memory index, loading the tables and the language
detector (lingua's models). Then ``count`` questions (the built-in mix below,
or a JSONL file of ``{"question", "now", "lang"}``, cycled) are answered one
after another in this process; the latency of each answer gives p50, p95,
p99 and the maximum. Nothing touches a database.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import time
from pathlib import Path
from typing import Any

from hub.bench import percentile

QUESTIONS = [
    ("When is the next conference?", None),
    ("whats the next event", None),
    ("What events are there next month?", None),
    ("What's on in the spring?", None),
    ("Where was the 13th conference?", None),
    ("When does the award call open?", None),
    ("how many commitments can an OGP local member have", None),
    ("What is the budget of the secretariat?", None),
    ("cuando es la proxima conferencia", None),
    ("cuando abre la convocatoria del premio", None),
    ("eventos el mes que viene", None),
    ("que oficinas regionales tiene el OIDP", None),
    ("quand est la prochaine conférence", None),
    ("quel était le thème de la XIIIe conférence", None),
    ("comment m'abonner à la newsletter", None),
    ("evenements a Rabat", None),
    ("quan és la propera conferència", None),
    ("quins grups de treball hi ha", None),
    ("recorda'm quan obre la convocatòria del premi", None),
    ("esdeveniments a la primavera", None),
    ("quando é a próxima conferência", None),
    ("quais são as prioridades temáticas", None),
    ("eventos no Brasil", None),
    ("quem ganhou o prêmio de 2019", None),
    ("next event", "es"),
]
NOWS = [dt.date(2013, 1, 31), dt.date(2014, 3, 1), dt.date(2020, 1, 15), dt.date(2020, 5, 20)]


def _cases(path: Path | None) -> list[tuple[str, dt.date, str | None]]:
    if path is None:
        return [(q, NOWS[i % len(NOWS)], lang) for i, (q, lang) in enumerate(QUESTIONS * 4)]
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            now = dt.date.fromisoformat(case["now"]) if case.get("now") else dt.date.today()
            cases.append((case["question"], now, case.get("lang")))
    return cases


def run_ask_bench(
    knowledge: Path, count: int = 1000, questions: Path | None = None
) -> dict[str, Any]:
    """Start-up costs (ms) and per-answer latency (ms) over ``count`` answers."""
    from hub.core.assistant import Assistant
    from hub.core.assistant.index import KnowledgeIndex
    from hub.core.assistant.tables import load_tables
    from hub.core.knowledge import load_directory

    started = time.perf_counter()
    knowledge_set = load_directory(knowledge)
    loaded = time.perf_counter()
    index = KnowledgeIndex.from_knowledge(knowledge_set)
    indexed = time.perf_counter()
    tables = load_tables()
    tabled = time.perf_counter()
    assistant = Assistant(index, tables)
    ready = time.perf_counter()

    cases = _cases(questions)
    latencies, handoffs = [], 0
    for i in range(count):
        text, now, lang = cases[i % len(cases)]
        t0 = time.perf_counter()
        answer = assistant.answer(text, now=now, lang=lang)
        latencies.append((time.perf_counter() - t0) * 1000)
        handoffs += answer.handoff
    ms = 1000.0
    return {
        "answers": count,
        "distinct_questions": len(cases),
        "startup_ms": {
            "knowledge_files": round((loaded - started) * ms, 1),
            "index": round((indexed - loaded) * ms, 1),
            "tables": round((tabled - indexed) * ms, 1),
            "assistant_and_language_models": round((ready - tabled) * ms, 1),
            "total": round((ready - started) * ms, 1),
        },
        "latency_ms": {
            "p50": round(percentile(latencies, 0.50), 3),
            "p95": round(percentile(latencies, 0.95), 3),
            "p99": round(percentile(latencies, 0.99), 3),
            "max": round(max(latencies), 3),
            "first": round(latencies[0], 3),
        },
        "handoffs": handoffs,
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def render_ask_bench(result: dict[str, Any]) -> str:
    start, lat = result["startup_ms"], result["latency_ms"]
    return "\n".join(
        [
            f"start-up      {start['total']:>8.1f} ms  (knowledge files {start['knowledge_files']}"
            f" ms, index {start['index']} ms, tables {start['tables']} ms, assistant and"
            f" language models {start['assistant_and_language_models']} ms)",
            f"answers       {result['answers']:>8}     ({result['distinct_questions']} distinct,"
            f" {result['handoffs']} handed off)",
            f"latency p50   {lat['p50']:>8.3f} ms",
            f"latency p95   {lat['p95']:>8.3f} ms",
            f"latency p99   {lat['p99']:>8.3f} ms",
            f"latency max   {lat['max']:>8.3f} ms  (first answer {lat['first']} ms)",
            f"peak memory   {result.get('peak_memory_mb', 0):>8.1f} MB (resident, this process)",
        ]
    )

"""``hub ask --batch`` with hostile lines, found by probing the command as a user runs it.

One bad line (not JSON, a number for the question, ``"now": 5``) stopped the
whole batch, with a traceback, after some answers were already printed; a
``"now"`` that was not a string was a ``TypeError``. Each line now gets its
own answer or its own error, the rest go on, and the exit status says some
lines failed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.db import make_engine
from hub.core.models import Question

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
GOOD = {"question": "where was the 13th conference", "now": "2020-01-15"}
LINES = [
    json.dumps(GOOD),
    "not json at all",
    "",
    json.dumps({"question": 5}),
    json.dumps(["a list"]),
    json.dumps({"question": "hola", "now": 5}),
    json.dumps({"question": "hola", "now": "yesterday"}),
    json.dumps({"question": "hola", "lang": ["en"]}),
    json.dumps({"question": "hola", "lang": "xx"}),
    r'{"question": "where was the \ud800 13th \u0000 conference", "now": "2020-01-15"}',
    "[" * 100_000,
    json.dumps({"question": "x" * 1_000_000, "now": "2020-01-15"}),
    json.dumps(GOOD),
]
ERRORS = {  # line number in the file -> what its error says
    2: "not JSON",
    4: "question as a string",
    5: "question as a string",
    6: "'now' must be a string, not int",
    7: "'yesterday' is not a date",
    8: "'lang' must be a string, not list",
    9: "'xx': use one of en, es, fr, ca, pt",
    11: "not JSON",
}


def run(batch: Path, *extra: str) -> tuple[int, list[dict[str, object]], str]:
    _register()
    args = ["ask", "--batch", str(batch), "--json", "--knowledge", str(KNOWLEDGE), *extra]
    result = CliRunner().invoke(app, args)
    return result.exit_code, [json.loads(x) for x in result.stdout.splitlines()], result.stderr


def test_each_line_gets_its_own_answer_or_error_and_the_rest_go_on(tmp_path: Path) -> None:
    batch = tmp_path / "questions.jsonl"
    batch.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    code, out, err = run(batch)
    assert code == 1  # some lines were not asked: a script must notice
    assert len(out) == len([line for line in LINES if line.strip()])
    errors = {x["line"]: x["error"] for x in out if "error" in x}
    assert errors.keys() == ERRORS.keys()
    for number, said in ERRORS.items():
        assert said in str(errors[number]), (number, errors[number])
        assert f"{batch}:{number}: " in err
    answers = [x for x in out if "answer" in x]
    assert len(answers) == 4
    assert answers[0]["sources"] == answers[-1]["sources"] == ["conference-13-cascais-2013"]
    assert answers[1]["sources"] == ["conference-13-cascais-2013"]  # NUL and \ud800 dropped
    assert f"{batch}: 8 of 12 lines not asked" in err


def test_a_good_batch_still_exits_0(tmp_path: Path) -> None:
    batch = tmp_path / "questions.jsonl"
    batch.write_text(json.dumps(GOOD) + "\n\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    code, out, _ = run(batch)
    assert code == 0
    assert [x["sources"] for x in out] == [["conference-13-cascais-2013"]] * 2


def test_a_question_with_nul_and_a_lone_surrogate_is_recorded(
    tmp_path: Path, database_url: str
) -> None:
    batch = tmp_path / "questions.jsonl"
    batch.write_text(r'{"question": "budget \u0000 of the \udfff secretariat"}' + "\n")
    code, out, err = run(batch, "--record", "--database-url", database_url)
    assert code == 0, err
    assert out[0]["handoff"] is True
    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert connection.scalars(select(Question.text)).all() == [
            "budget  of the \ufffd secretariat"
        ]
    engine.dispose()


def test_an_unreadable_batch_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "hub", "ask", "--batch", str(missing), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: cannot read {missing}: [Errno 2] No such file or directory: '{missing}'"
    ]

"""``hub ask``: ask the member assistant a question, or a file of questions.

Works without a database: the knowledge comes from the knowledge folder
(``knowledge/`` beside the config, or ``--knowledge DIR``). With ``--record``
(and a database configured) each question is stored, and unanswered ones go
to the secretariat's queue in the console, as if asked on a platform.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from hub.cli.app import app, runtime
from hub.core.bodies import storable_text
from hub.core.errors import HubError

LANGUAGES = ("en", "es", "fr", "ca", "pt")


def _day(value: str | None, where: str = "--now") -> dt.datetime:
    """``YYYY-MM-DD`` as noon UTC of that day (today when None)."""
    if value is None:
        return dt.datetime.now(dt.UTC)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        message = f"{value!r} is not a date: write YYYY-MM-DD"
        raise typer.BadParameter(message, param_hint=where) from None
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.UTC)


def _language(value: str | None, where: str = "--lang") -> str | None:
    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(f"{value!r}: use one of {', '.join(LANGUAGES)}", param_hint=where)
    return value


class BadLine(ValueError):
    """One batch line that cannot be asked; the message says why."""


def _read_batch(path: Path) -> list[tuple[int, dict[str, Any] | BadLine]]:
    """The batch file's lines by number: ``{"question": ..., "now": optional, "lang":
    optional}``, or the :class:`BadLine` saying what is wrong with that line (the others are
    still asked). Blank lines are skipped but counted, so numbers are the file's lines."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        raise HubError(f"cannot read {path}: {error}") from None
    cases: list[tuple[int, dict[str, Any] | BadLine]] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            cases.append((number, _case(line)))
    return cases


def _case(line: str) -> dict[str, Any] | BadLine:
    try:
        case = json.loads(line)
    except json.JSONDecodeError as error:
        return BadLine(f"not JSON ({error.msg} at column {error.colno})")
    except RecursionError:
        return BadLine("not JSON (nested too deeply)")
    if not isinstance(case, dict) or not isinstance(case.get("question"), str):
        return BadLine('expected {"question": "...", ...} with the question as a string')
    for key in ("now", "lang"):
        if case.get(key) is not None and not isinstance(case[key], str):
            return BadLine(f"{key!r} must be a string, not {type(case[key]).__name__}")
    # a lone surrogate (\ud800) or a NUL could be neither printed nor stored
    return {**case, "question": storable_text(case["question"])}


@app.command("ask")
def ask_command(
    ctx: typer.Context,
    question: Annotated[
        str | None, typer.Argument(help="The question, in any of en/es/fr/ca/pt.")
    ] = None,
    now: Annotated[
        str | None, typer.Option(help="Today for the answer, YYYY-MM-DD (default: today).")
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Answer in this language (en, es, fr, ca, pt).")
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help='Print {"answer", "language", "intent", "confidence", "handoff", "sources"}.',
        ),
    ] = False,
    batch: Annotated[
        Path | None,
        typer.Option(
            help='A JSONL file, one {"question": ..., "now": ..., "lang": ...} per line; '
            "one answer per line."
        ),
    ] = None,
    knowledge: Annotated[
        Path | None,
        typer.Option(help="The knowledge folder (default: knowledge/ beside the config)."),
    ] = None,
    from_db: Annotated[
        bool, typer.Option("--from-db", help="Read the knowledge from the database instead.")
    ] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="Store each question in the database (needs one configured); questions the "
            "assistant cannot answer then reach the secretariat's queue. Without it nothing "
            "is stored and a handoff is only reported.",
        ),
    ] = False,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
    ] = None,
) -> None:
    """Ask the member assistant; it answers in the question's language from the knowledge.

    Needs no database: the knowledge comes from the knowledge files. Handoffs are
    recorded (for the secretariat's queue) only with --record and a database.
    """
    from hub.core.assistant import Assistant

    if (question is None) == (batch is None):
        raise typer.BadParameter("give either a QUESTION or --batch FILE")
    cases = (
        _read_batch(batch)
        if batch
        else [(0, {"question": storable_text(question or ""), "now": now, "lang": _language(lang)})]
    )
    engine = None
    if record or from_db:
        engine = runtime(ctx).engine(database_url)
        ctx.call_on_close(engine.dispose)
    if from_db:
        from hub.core.db import transaction

        assert engine is not None
        with transaction(engine) as session:
            assistant = Assistant.from_session(session)
    else:
        folder = knowledge or runtime(ctx).config_path.parent / "knowledge"
        assistant = Assistant.from_knowledge(folder)

    failed = 0
    for number, case in cases:
        if batch is None:
            assert isinstance(case, dict)
            _ask_one(assistant, case, now, lang, "--now", engine, record=record, as_json=as_json)
            continue
        # A batch answers every line it can: a bad line gets its own error, in the output
        # (with --json, {"line": n, "error": ...} in its place) and on stderr, and the rest go on.
        try:
            if isinstance(case, BadLine):
                raise case
            _ask_one(
                assistant, case, now, lang, f"line {number}", engine, record=record, as_json=as_json
            )
        except (BadLine, typer.BadParameter) as error:
            failed += 1
            reason = error.message if isinstance(error, typer.BadParameter) else str(error)
            _bad_line(batch, number, reason, as_json=as_json)
        except HubError as error:  # the database refused one question (--record): say which
            failed += 1
            _bad_line(batch, number, str(error), as_json=as_json)
    if failed:
        typer.echo(f"{batch}: {failed} of {len(cases)} lines not asked (see above)", err=True)
        raise typer.Exit(1)


def _bad_line(batch: Path, number: int, reason: str, *, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"line": number, "error": reason}, ensure_ascii=False))
    typer.echo(f"{batch}:{number}: {reason}", err=True)


def _ask_one(
    assistant: Any,
    case: dict[str, Any],
    now: str | None,
    lang: str | None,
    where: str,
    engine: Any,
    *,
    record: bool,
    as_json: bool,
) -> None:
    when = _day(case.get("now") or now, where)
    language = _language(case.get("lang") or lang, where)
    if record:
        from hub.core.assistant.store import ask_and_record
        from hub.core.db import transaction

        assert engine is not None
        with transaction(engine) as session:
            answer = ask_and_record(
                session,
                assistant,
                case["question"],
                platform="cli",
                reply_to=None,
                member_id=None,
                now=when,
                lang=language,
            )
    else:
        answer = assistant.answer(case["question"], now=when, lang=language)
    if as_json:
        typer.echo(json.dumps(answer.as_json(), ensure_ascii=False))
    else:
        typer.echo(answer.answer)
        from hub.core.assistant.store import needs_secretariat

        waiting = needs_secretariat(answer)
        note = (
            "handed to the secretariat"
            if waiting and record
            else ("needs the secretariat (use --record to queue it)" if waiting else "")
        )
        meta = f"[{answer.language} · {answer.intent} · {answer.confidence:.2f}"
        meta += f" · {', '.join(answer.sources) or 'no sources'}{' · ' + note if note else ''}]"
        typer.echo(meta, err=True)

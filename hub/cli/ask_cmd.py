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


def _read_batch(path: Path) -> list[dict[str, Any]]:
    """The batch file's lines: ``{"question": ..., "now": optional, "lang": optional}``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise HubError(f"cannot read {path}: {error}") from None
    cases = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as error:
            raise HubError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(case, dict) or not isinstance(case.get("question"), str):
            raise HubError(f'{path}:{number}: expected {{"question": "...", ...}}')
        cases.append(case)
    return cases


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
        else [{"question": question, "now": now, "lang": _language(lang)}]
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

    for number, case in enumerate(cases, 1):
        where = f"line {number}" if batch else "--now"
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
            note = (
                "handed to the secretariat"
                if answer.handoff and record
                else ("needs the secretariat (use --record to queue it)" if answer.handoff else "")
            )
            meta = f"[{answer.language} · {answer.intent} · {answer.confidence:.2f}"
            meta += f" · {', '.join(answer.sources) or 'no sources'}{' · ' + note if note else ''}]"
            typer.echo(meta, err=True)

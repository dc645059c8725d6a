"""``hub preview``: show the exact API requests a platform's sink would send for an item.

Each platform's preview function (``bots/preview.py``) is wired by name in
``hub.wiring.PREVIEWS``. Nothing is sent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from hub.cli.app import app
from hub.core.errors import Problem, ProblemsError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import PREVIEWS

TEXT_KEYS = ("title", "link", "summary_html", "summary_text", "language", "image_url")


def message_from_item(item: Any, source: str) -> Message:
    """A hub Message from an item as ``hub ingest --json`` prints it; problems name the key."""
    if not isinstance(item, dict):
        raise ProblemsError([Problem(source, "", "the item must be a JSON object")])
    problems = [
        Problem(source, key, "must be a string")
        for key in TEXT_KEYS
        if item.get(key) is not None and not isinstance(item[key], str)
    ]
    if not str(item.get("title") or "").strip():
        problems.append(Problem(source, "title", "is required"))
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        problems.append(Problem(source, "tags", "must be a list of strings"))
    if problems:
        raise ProblemsError(problems)
    return Message(
        delivery_id=int(item.get("id") or 0) if str(item.get("id") or "0").isdigit() else 0,
        kind="item",
        title=item["title"],
        text=item.get("summary_text") or "",
        html=item.get("summary_html") or "",
        link=item.get("link"),
        image_url=item.get("image_url"),
        language=item.get("language"),
        tags=tuple(tags),
    )


def items_in(data: Any, source: str) -> list[tuple[Any, str]]:
    """One item, a list of items, or a ``hub ingest --dry-run --json`` report's items."""
    if isinstance(data, dict) and "title" not in data and isinstance(data.get("items"), list):
        data = data["items"]
    if isinstance(data, list):
        if not data:
            raise ProblemsError([Problem(source, "items", "there is no item to preview")])
        return [(item, f"{source} (item {number})") for number, item in enumerate(data, 1)]
    return [(data, source)]


def _read_item(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProblemsError([Problem(str(path), "", f"cannot read: {exc.strerror}")]) from None
    except json.JSONDecodeError as exc:
        raise ProblemsError([Problem(str(path), "", f"not JSON: {exc.msg}", exc.lineno)]) from None


@app.command("preview")
def preview_command(
    item_file: Annotated[
        Path,
        typer.Argument(
            metavar="ITEM.json",
            help="An item as JSON, a list of items, or a `hub ingest --dry-run --json` report.",
        ),
    ],
    platform: Annotated[str, typer.Option("--platform", "-p", help="slack, telegram, ...")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of requests.")] = False,
    target: Annotated[str, typer.Option("--target", help="Channel, chat or account.")] = "",
    thread_id: Annotated[int | None, typer.Option("--thread-id", help="Forum topic.")] = None,
) -> None:
    """Print the exact API requests the platform's sink would send for ITEM.json; sends nothing."""
    previews = PREVIEWS
    if platform not in previews:
        known = ", ".join(sorted(previews)) or "none"
        typer.echo(f"Error: {platform!r} has no preview (installed: {known})", err=True)
        raise typer.Exit(2)
    preview = previews[platform]
    requests = []
    for item, where in items_in(_read_item(item_file), str(item_file)):
        message = message_from_item(item, where)
        channel = ChannelInfo(
            key="preview",
            platform=platform,
            target=target,
            language=message.language,
            thread_id=thread_id,
        )
        requests += preview(message, channel)
    if as_json:
        typer.echo(json.dumps(requests, ensure_ascii=False, indent=2))
        return
    for request in requests:
        typer.echo(f"{request['method']} {request['path']}")
        typer.echo(json.dumps(request["body"], ensure_ascii=False, indent=2))

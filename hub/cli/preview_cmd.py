"""``hub preview``: show the exact API requests a platform's sink would send for an item.

Each platform's preview function (``bots/preview.py``) is wired by name in
``hub.wiring.PREVIEWS``. Nothing is sent. The clock is read once, here at the edge, and
every preview is made at that ``now`` (a Bluesky post's ``createdAt``).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hub.cli.app import app
from hub.core.errors import Problem, ProblemsError
from hub.core.ports import ChannelInfo, Message

if TYPE_CHECKING:
    from hub.core.ports import Picture

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
    picture: Annotated[
        Path | None,
        typer.Option(
            "--picture",
            help="An image file as the item's picture (checked and re-encoded as the hub does).",
        ),
    ] = None,
    alt: Annotated[str, typer.Option("--alt", help="The picture's alt text.")] = "",
    thread: Annotated[
        bool, typer.Option("--thread", help="As on a route with thread = true.")
    ] = False,
    parts: Annotated[
        bool, typer.Option("--parts", help="Print the text of each part of a thread.")
    ] = False,
) -> None:
    """Print the exact API requests the platform's sink would send for ITEM.json, then
    whether the item's picture goes with it and the parts a long post becomes; sends
    nothing."""
    from hub.core.models import utcnow
    from hub.wiring import PREVIEWS, reach

    previews = PREVIEWS
    if platform not in previews:
        known = ", ".join(sorted(previews)) or "none"
        typer.echo(f"Error: {platform!r} has no preview (installed: {known})", err=True)
        raise typer.Exit(2)
    preview = previews[platform]
    now = utcnow()
    stored = _picture(picture, alt) if picture is not None else None
    requests = []
    reaches = []
    for item, where in items_in(_read_item(item_file), str(item_file)):
        message = message_from_item(item, where)
        if stored is not None:
            message = replace(message, picture=replace(stored, alt=alt or message.title))
        if thread:
            message = replace(message, extra={**message.extra, "thread": True})
        channel = ChannelInfo(
            key="preview",
            platform=platform,
            target=target,
            language=message.language,
            thread_id=thread_id,
        )
        sent = preview(message, channel, now)
        requests += sent
        reaches.append((where, reach(platform, message, channel, sent, now)))
    if as_json:
        typer.echo(json.dumps(requests, ensure_ascii=False, indent=2))
        return
    for request in requests:
        typer.echo(f"{request['method']} {request['path']}")
        typer.echo(json.dumps(request["body"], ensure_ascii=False, indent=2))
    for where, found in reaches:
        typer.echo(f"-- {platform}, {where}")
        typer.echo(f"picture: {found.picture}")
        if found.lengths:
            shown = " / ".join(f"{length:,}" for length in found.lengths)
            kind = "1 message" if len(found.lengths) == 1 else f"a thread of {len(found.lengths)}"
            typer.echo(f"parts: {kind} ({shown} {found.unit})")
        if parts and found.parts:
            for number, text in enumerate(found.parts, 1):
                typer.echo(f"--- part {number} of {len(found.parts)}")
                typer.echo(text)


def _picture(path: Path, alt: str) -> Picture:
    """The image at ``path`` as the hub would store it (checked, upright, no metadata)."""
    from hub.core.pictures import PictureRefused, prepare

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProblemsError([Problem(str(path), "", f"cannot read: {exc.strerror}")]) from None
    try:
        return prepare(data, alt)
    except PictureRefused as exc:
        raise ProblemsError([Problem(str(path), "", str(exc))]) from None

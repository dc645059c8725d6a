"""Structured, redacted logs: one JSON object per line, or readable lines.

Configured once, at the CLI's edge (``hub serve``), by :func:`configure_logging`:
``HUB_LOG_FORMAT=json`` gives one JSON object per line (``ts``, ``level``,
``logger``, ``msg`` and the ids below); anything else gives readable lines.

Ids: a line about an item, a delivery or a channel carries its id. Pass them
with ``extra=`` (``log.info("sent", extra={"delivery": 12, "channel": "slack"})``;
``item_id``/``delivery_id``/``channel_id`` are accepted too), or set them for
a block of code with :func:`log_context`, which every line inside inherits.
A message template that names one (``"delivery %d: sink raised %r"``) gives
its argument as the id too, so older log calls carry ids without changes.

Redaction: secrets never reach a log line. Every formatted line, exception
text included, passes through :func:`redact`, which masks Slack tokens
(``xoxb-``, ``xoxp-``, ...), Telegram bot tokens (``123456:ABC...``),
Mailchimp API keys (``<32 hex>-us12``), ``Bearer`` credentials, passwords in
URLs (``postgresql://hub:secret@db`` -> ``postgresql://hub:***@db``), e-mail
addresses (members' and anyone's) and any literal secret value handed to
:func:`configure_logging` (the deployment's token environment variables).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

IDS = ("item", "delivery", "channel")
_ALIASES = {"item_id": "item", "delivery_id": "delivery", "channel_id": "channel"}
_context: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "hub_log_ids", default=None
)

PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bxox[abposre]-[A-Za-z0-9-]+"), "xox*-***"),
    (re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}"), "***telegram-token***"),
    (re.compile(r"\b[0-9a-f]{32}-us\d{1,3}\b"), "***mailchimp-key***"),
    (re.compile(r"(?i)\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 ***"),
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+@"), r"\1***@"),
    (re.compile(r"(?i)\b(password|passwd|secret|api_key|apikey|token)=([^\s&]+)"), r"\1=***"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"), "[email]"),
)
"""What is masked, in order (URL passwords before e-mail addresses, which they resemble)."""

_literal_secrets: list[str] = []


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every token, key, password and e-mail address masked."""
    for secret in (*secrets, *_literal_secrets):
        if secret and len(secret) >= 6:
            text = text.replace(secret, "***")
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


@contextlib.contextmanager
def log_context(**ids: Any) -> Iterator[None]:
    """Every log line inside the block carries these ids (``item``, ``delivery``, ``channel``)."""
    given = {_ALIASES.get(k, k): v for k, v in ids.items() if v is not None}
    merged = {**(_context.get() or {}), **given}
    token = _context.set(merged)
    try:
        yield
    finally:
        _context.reset(token)


_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
_NAMED_BEFORE = re.compile(r"\b(item|delivery|channel)\s*$", re.IGNORECASE)


def ids_in_message(record: logging.LogRecord) -> dict[str, Any]:
    """Ids named in the message template itself: ``"delivery %d: ..."`` with its argument.

    So lines written before this module (``log.warning("delivery %d failed", id)``)
    carry the id too; an explicit ``extra=`` wins over what is found here.
    """
    if not isinstance(record.msg, str) or not isinstance(record.args, tuple):
        return {}
    found: dict[str, Any] = {}
    position = 0
    for match in _PLACEHOLDER.finditer(record.msg):
        if match.group() == "%%":
            continue
        named = _NAMED_BEFORE.search(record.msg, 0, match.start())
        if named and position < len(record.args):
            found.setdefault(named.group(1).lower(), record.args[position])
        position += 1
    return found


def ids_of(record: logging.LogRecord) -> dict[str, Any]:
    """The ids a record is about: ``extra=``, then :func:`log_context`, then the message."""
    found = {**ids_in_message(record), **(_context.get() or {})}
    for name in (*IDS, *_ALIASES):
        value = getattr(record, name, None)
        if value is not None:
            found[_ALIASES.get(name, name)] = value
    return {name: found[name] for name in IDS if name in found}


class ContextFilter(logging.Filter):
    """Puts the ids on each record as ``record.hub_ids`` (for any formatter to use)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.hub_ids = ids_of(record)
        return True


class TextFormatter(logging.Formatter):
    """``2026-11-22 21:00:00 INFO hub.core.bus.worker sent [delivery=12]``, redacted."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        ids = getattr(record, "hub_ids", None) or ids_of(record)
        if ids:
            suffix = " ".join(f"{k}={v}" for k, v in ids.items())
            first, newline, rest = line.partition("\n")
            line = f"{first} [{suffix}]{newline}{rest}"
        return redact(line)


class JsonFormatter(logging.Formatter):
    """One JSON object per line, redacted."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        entry.update(getattr(record, "hub_ids", None) or ids_of(record))
        if record.exc_info:
            entry["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


_installed: list[logging.Handler] = []


def configure_logging(
    environ: Mapping[str, str],
    *,
    level: int | str = logging.INFO,
    stream: TextIO | None = None,
    secrets: Iterable[str] = (),
) -> logging.Handler:
    """Send every log line through one redacting handler on the root logger (idempotent).

    ``environ`` is read for ``HUB_LOG_FORMAT`` (``json`` or ``text``) and
    ``HUB_LOG_LEVEL``; ``secrets`` are literal values to mask wherever they
    appear (the settings' secrets, say).
    """
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
    _installed.clear()
    _literal_secrets[:] = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)
    handler = logging.StreamHandler(stream or sys.stderr)
    json_lines = environ.get("HUB_LOG_FORMAT", "").strip().lower() == "json"
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    handler.addFilter(ContextFilter())
    root.addHandler(handler)
    root.setLevel(environ.get("HUB_LOG_LEVEL", "").upper() or level)
    for noisy in ("httpx", "httpcore", "uvicorn.access", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _installed.append(handler)
    return handler

"""The hub's exceptions.

HubError
├── ConfigError            a deployment's configuration is wrong (file, key, line)
├── KnowledgeError         a knowledge file is wrong (file, key, line)
└── DeliveryError          a sink could not deliver a message
    ├── TransientError     worth retrying
    │   ├── RateLimited    the platform asked us to wait ``retry_after`` seconds
    │   └── Timeout        no answer in time; the message may or may not have left
    └── PermanentError     retrying will not help
        ├── ChannelGone    the channel, chat or account no longer exists
        ├── Forbidden      the hub may not post there
        └── BadPayload     the platform refused the message itself
"""

from __future__ import annotations

from dataclasses import dataclass


class HubError(Exception):
    """Something went wrong in the hub."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, located as precisely as we can."""

    file: str
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" [{self.key}]" if self.key else ""
        return f"{where}{key}: {self.message}"


def undecodable(file: str, exc: UnicodeDecodeError) -> Problem:
    """The problem of a file that is not UTF-8, at the line and column of its first bad byte
    (the decoder itself says only the byte's offset in the file)."""
    data = bytes(exc.object)
    before = data[: exc.start]
    column = exc.start - (before.rfind(b"\n") + 1) + 1
    bad = data[exc.start : exc.start + 1].hex()
    message = f"not UTF-8: byte 0x{bad} at column {column}; save the file as UTF-8"
    return Problem(file, "", message, before.count(b"\n") + 1)


class ProblemsError(HubError):
    """One or more problems in a file; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConfigError(ProblemsError):
    """The deployment configuration is invalid."""


class KnowledgeError(ProblemsError):
    """A knowledge file is invalid."""


class DeliveryError(HubError):
    """A sink could not deliver a message."""


class TransientError(DeliveryError):
    """A failure worth retrying later (5xx, network trouble)."""


class RateLimited(TransientError):
    """The platform asked us to wait before sending again."""

    def __init__(self, retry_after: float, message: str = "rate limited") -> None:
        self.retry_after = retry_after
        super().__init__(f"{message} (retry after {retry_after:g} s)")


class Timeout(TransientError):
    """The platform did not answer in time; the message may have been accepted."""


class PermanentError(DeliveryError):
    """A failure that retrying will not fix."""


class ChannelGone(PermanentError):
    """The channel, chat or account no longer exists."""


class Forbidden(PermanentError):
    """The hub is not allowed to post there (revoked token, kicked bot)."""


class BadPayload(PermanentError):
    """The platform refused the message itself (too long, invalid markup)."""

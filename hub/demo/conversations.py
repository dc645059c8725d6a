"""The demo's members asking the bot in five languages through the stand-ins, and what
came back (``hub demo``'s conversations)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from hub.core.config.settings import Settings
from hub.core.ports import MemberChat
from hub.demo.run import DemoWorld

if TYPE_CHECKING:
    from hub.runner import HubProcess

DEMO_QUESTIONS = (
    ("en", "What is the next event?"),
    ("es", "donde esta la oficina regional de america latina"),
    ("fr", "Quand a été créée la plateforme africaine ?"),
    ("ca", "On es va fer la 13a conferencia?"),
    ("pt", "Quais são as prioridades temáticas?"),
    ("fr", "Quel est le budget du secrétariat ?"),
)
"""What the demo's members ask, as people type (the last one the knowledge cannot answer)."""


@dataclass(frozen=True)
class Conversations:
    """What the demo's members asked, what came back, and the roles that failed meanwhile."""

    lines: list[str]
    asked: int
    answered: int
    failed_roles: dict[str, str] = field(default_factory=dict)
    """Role -> the error it stopped on."""

    def problem(self) -> str | None:
        """One line saying why the members got no answers, or None when the bots worked."""
        if self.failed_roles:
            return "; ".join(
                f"the {role} role stopped on an error: {error}"
                for role, error in self.failed_roles.items()
            )
        if self.asked and not self.answered:
            return f"none of the {self.asked} questions got an answer in time"
        return None


async def demo_conversations(
    engine: Engine, settings: Settings, world: DemoWorld, *, deadline_s: float = 45.0
) -> Conversations:
    """Members ask the bot in five languages through the stand-ins that can play them;
    the hub's bots and worker roles answer; returns the exchanges for the terminal."""
    from hub.runner import HubProcess

    chats = {p: s for p, s in world.standins.items() if isinstance(s, MemberChat)}
    if not chats:
        return Conversations(["assistant: no stand-in here can play a member"], 0, 0)
    asked = [
        (platform, chat, language, question, chat.member_says(question, language=language))
        for platform, chat in sorted(chats.items())
        for language, question in DEMO_QUESTIONS
    ]
    process = HubProcess(settings, engine, {"bots", "worker"})
    stop = asyncio.Event()
    running = asyncio.create_task(process.run(stop))
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline_s
    # The stand-ins hold replies in memory and signal nothing: look five times a second,
    # until every question is answered or the process stops (a role failed).
    while (  # noqa: ASYNC110
        loop.time() < end
        and not running.done()
        and not all(chat.replies(ref) for _, chat, _, _, ref in asked)
    ):
        await asyncio.sleep(0.2)
    stop.set()
    await running
    lines = []
    answered = 0
    for platform, chat, language, question, ref in asked:
        answers = chat.replies(ref)
        answered += bool(answers)
        lines.append(f"  {platform} member [{language}]: {question}")
        for answer in answers or ["(no answer in time)"]:
            first = answer.strip().splitlines()[0] if answer.strip() else "(empty)"
            lines.append(f"    bot: {first[:110]}")
    return Conversations(lines, len(asked), answered, _failed_roles(process))


def _failed_roles(process: HubProcess) -> dict[str, str]:
    """The roles of a stopped ``HubProcess`` that ended on an error, with that error."""
    failed = {}
    for task in process.tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            error = task.exception()
            failed[task.get_name().removeprefix("hub-")] = str(error) or type(error).__name__
    return failed

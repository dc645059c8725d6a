"""The hub's App Home tab in Slack: what a member sees when they open the app.

Published with ``views.publish`` when Slack sends ``app_home_opened`` (tab
``home``): the next events, the award calls open now, the member's own
pending reminders, and a button to their preferences page (a personal link,
so it is on the member's own tab only). Block Kit ``home`` view
(docs.slack.dev/surfaces/app-home): at most 100 blocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bots.i18n import N_, say
from hub.core.assistant.dates import when
from hub.core.config.settings import Settings
from hub.core.members.links import preferences_url
from hub.core.models import Award, AwardStep, Event, Member, Reminder

SHOWN = 5
"""How many events, calls and reminders each part lists."""
TEXTS = {
    "events": N_("Next events"),
    "no_events": N_("No event planned yet."),
    "calls": N_("Open award calls"),
    "no_calls": N_("No award call is open now."),
    "reminders": N_("Your reminders"),
    "no_reminders": N_("You have no reminder. Ask me about an event to set one."),
    "preferences": N_("My preferences"),
    "until": N_("until {date}"),
}


def _name(names: dict[str, str], language: str) -> str:
    return names.get(language) or names.get("en") or next(iter(names.values()), "")


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}


def home_view(
    session: Session,
    settings: Settings,
    member: Member | None,
    language: str,
    now: dt.datetime,
) -> dict[str, Any]:
    """The ``home`` view for ``member`` (None: someone the hub does not know)."""
    today = now.date()
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": settings.hub.network_name(language)[:150]},
        },
    ]

    events = session.scalars(
        select(Event).where(Event.starts_on >= today).order_by(Event.starts_on).limit(SHOWN)
    ).all()
    lines = [
        f"• *{_name(e.name, language)}* — "
        f"{when(e.starts_on, e.ends_on, e.date_precision, language) or ''}"
        f"{', ' + e.city if e.city else ''}"
        for e in events
    ]
    blocks += [
        {"type": "header", "text": {"type": "plain_text", "text": say(language, TEXTS["events"])}},
        _section("\n".join(lines) or say(language, TEXTS["no_events"])),
    ]

    calls = session.execute(
        select(AwardStep, Award)
        .join(Award, AwardStep.award_id == Award.id)
        .where(AwardStep.step.like("call%"), AwardStep.starts_on <= today)
        .where(AwardStep.ends_on >= today)
        .order_by(AwardStep.ends_on)
        .limit(SHOWN)
    ).all()
    lines = []
    for step, award in calls:
        assert step.ends_on is not None  # the query asked for it
        until = when(step.ends_on, None, step.date_precision, language) or ""
        deadline = say(language, TEXTS["until"], date=until)
        lines.append(f"• *{_name(award.name, language)}* — {deadline}")
    blocks += [
        {"type": "header", "text": {"type": "plain_text", "text": say(language, TEXTS["calls"])}},
        _section("\n".join(lines) or say(language, TEXTS["no_calls"])),
    ]

    if member is not None:
        reminders = session.scalars(
            select(Reminder)
            .where(Reminder.member_id == member.id, Reminder.status == "pending")
            .order_by(Reminder.remind_at)
            .limit(SHOWN)
        ).all()
        lines = [f"• {r.label} — {r.when_text}" for r in reminders]
        blocks += [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": say(language, TEXTS["reminders"])},
            },
            _section("\n".join(lines) or say(language, TEXTS["no_reminders"])),
        ]
        url = preferences_url(settings, member.id, now)
        if url is not None and url.startswith("http"):
            button = {
                "type": "button",
                "action_id": "hub_preferences",
                "url": url,
                "text": {"type": "plain_text", "text": say(language, TEXTS["preferences"])},
            }
            blocks.append({"type": "actions", "elements": [button]})
    return {"type": "home", "blocks": blocks[:100]}

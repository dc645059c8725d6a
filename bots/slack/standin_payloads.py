"""What Slack sends when a person uses the hub's Block Kit surfaces, for the stand-in to
post (signed, with :func:`bots.slack.standin.deliver`) or to send over Socket Mode.

Shapes from Slack's interaction payload reference
(docs.slack.dev/reference/interaction-payloads/view-interactions-payload and
.../block_actions-payload): a ``view_submission`` carries the view with the
entered values under ``view.state.values[block_id][action_id]`` (a text input's
``value``, a select's ``selected_option``); a ``block_actions`` click carries
the button (its ``action_id``, ``value``, ``block_id``) and the message it
belongs to (``container.channel_id``, ``container.message_ts``). Every
interaction comes with a fresh ``trigger_id`` (valid 3 seconds for
``views.open``).
"""

from __future__ import annotations

import secrets
from typing import Any


def trigger_id() -> str:
    """A new trigger id in Slack's form (``13345224609.738474920.8088930838d``)."""
    return f"{secrets.randbelow(10**11)}.{secrets.randbelow(10**9)}.{secrets.token_hex(5)}"


def view_submission(view: dict[str, Any], values: dict[str, str], user: str) -> dict[str, Any]:
    """The ``view_submission`` Slack sends when the member fills the modal and submits:
    ``view.state.values[block_id][action_id] = {"type": "plain_text_input", "value": ...}``
    (docs.slack.dev/reference/interaction-payloads/view-interactions-payload)."""
    state: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        value = values.get(block["block_id"])
        if element["type"] == "static_select":  # a choice is its option, or null
            option = next((o for o in element["options"] if o["value"] == value), None)
            entry = {"type": "static_select", "selected_option": option}
        else:
            entry = {"type": element["type"], "value": value}
        state[block["block_id"]] = {element["action_id"]: entry}
    return {
        "type": "view_submission",
        "team": {"id": "T0STANDIN", "domain": "iopd-standin"},
        "user": {"id": user, "username": "ana", "name": "ana", "team_id": "T0STANDIN"},
        "api_app_id": "A0STANDIN",
        "trigger_id": trigger_id(),
        "view": {**view, "id": "V00000001", "state": {"values": state}},
    }


def button_click(action: dict[str, Any], user: str, channel: str, ts: str) -> dict[str, Any]:
    """A ``block_actions`` payload for a button of a message in ``channel``."""
    return {
        "type": "block_actions",
        "team": {"id": "T0STANDIN", "domain": "iopd-standin"},
        "user": {"id": user, "username": "sec", "name": "sec", "team_id": "T0STANDIN"},
        "api_app_id": "A0STANDIN",
        "trigger_id": trigger_id(),
        "container": {"type": "message", "channel_id": channel, "message_ts": ts},
        "channel": {"id": channel},
        "actions": [{**action, "block_id": f"moderate:{action['value']}", "type": "button"}],
    }

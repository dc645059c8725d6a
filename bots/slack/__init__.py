"""Slack: Block Kit formatting, a slack_sdk sink and a Web API stand-in."""

NAME = "Slack"
"""How people call the platform (the console shows it, through ``hub.wiring.platform_name``)."""

"""Slack: Block Kit formatting, a slack_sdk sink and a Web API stand-in."""

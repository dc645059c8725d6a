"""Microsoft Teams: each item as an Adaptive Card posted to a channel's incoming webhook or
Workflows (Power Automate) URL, with httpx, and a stand-in.

Send-only: a webhook cannot edit or delete what it posted, so corrections and
retractions are refused with a sentence saying so (the console marks the channel)."""

NAME = "Microsoft Teams"
SEND_ONLY = True
"""No edits, no retractions: Teams webhooks only post."""

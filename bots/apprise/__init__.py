"""Apprise: notify-only services (ntfy, Gotify, Pushover, e-mail, Rocket.Chat, Zulip, any of
the services Apprise speaks) through one Apprise URL per channel, and a stand-in for its
``json://`` URLs.

Send-only: a notification cannot be edited or withdrawn once sent, so corrections and
retractions are refused with a sentence saying so (the console marks the channel)."""

NAME = "Apprise"
SEND_ONLY = True
"""No edits, no retractions: notifications only go out."""

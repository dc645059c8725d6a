"""Mastodon: plain-text statuses in the item's language, a Mastodon.py sink and a stand-in."""

NAME = "Mastodon"
"""How people call the platform (the console shows it, through ``hub.wiring.platform_name``)."""

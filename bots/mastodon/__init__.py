"""Mastodon: plain-text statuses in the item's language, a Mastodon.py sink and a stand-in."""

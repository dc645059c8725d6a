"""Bluesky: posts with UTF-8 byte facets and a link card, an atproto sink and a PDS stand-in."""

NAME = "Bluesky"
"""How people call the platform (the console shows it, through ``hub.wiring.platform_name``)."""

"""Bluesky: posts with UTF-8 byte facets and a link card, an atproto sink and a PDS stand-in."""

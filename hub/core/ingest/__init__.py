"""Ingestion: feeds and calendars fetched, parsed, cleaned, tagged, deduplicated and stored.

The pieces, in the order an entry meets them::

    fetch     bytes over HTTP (conditional GET, deadline, size cap, redirect limit)
    parse     XML guard, feedparser on the bytes, entries -> candidates with a stable id
    sanitise  allow-list HTML (nh3), absolute links, plain text, capped lengths
    language  detected language of the text
    tags      topics, countries and regions mentioned
    store     dedup by origin, by link and by near-identical text; approve if trusted
    poller    many sources at once, intervals, backoff, status, owner notices
"""

"""What HUB_SECRET_KEY must be: the console's check, which ``hub config check`` makes too.

Apart from the console's application (:mod:`hub.web.app`, which re-exports it) so that
``hub config check`` says what is wrong with the key without importing the whole console.
"""

from __future__ import annotations

import re

SECRET_KEY_ENV = "HUB_SECRET_KEY"
MIN_SECRET_LENGTH = 32

PLACEHOLDER = re.compile(r"change[-_ ]?me|replace[-_ ]?me|your[-_ ]?secret|\.\.\.", re.IGNORECASE)
MIN_DISTINCT = 12  # a random 32-character key has about 25 different characters


def secret_key_problem(key: str | None) -> str | None:
    """What is wrong with ``key`` as HUB_SECRET_KEY, or None: it must be set, 32
    characters or more, and random (not the example files' ``change-me...``, not
    ``aaaa...``): whoever knows it can sign a session cookie."""
    if not key:
        return "HUB_SECRET_KEY is missing"
    if len(key) < MIN_SECRET_LENGTH:
        return f"HUB_SECRET_KEY is shorter than {MIN_SECRET_LENGTH} characters"
    if PLACEHOLDER.search(key) or len(set(key)) < MIN_DISTINCT:
        return "HUB_SECRET_KEY looks like a placeholder, not a random string"
    return None

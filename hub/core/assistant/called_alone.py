"""Asked what something is, the one record called by what the question names.

"O que é o Democracine?": the festival's record is called so, and a work plan's task only
mentions the festival in its text; tied in rank, the record whose own name holds what the
question names is what is asked about, and the one mentioning it is not a rival.
"""

from __future__ import annotations

from collections.abc import Callable

from hub.core.assistant.retrieval import Doc


def called_alone(
    tied: list[Doc], terms: list[set[str]], narrows: Callable[[set[str]], bool]
) -> Doc | None:
    """Among ``tied`` records, the only one whose own name (in some language) holds one of
    the words the question names that ``narrows`` (not the network's own name, found almost
    everywhere); None when none or several are so called, or when one word named is in no
    tied record's name (what is asked is not any one of them by name)."""
    named = [o for o in terms if narrows(o)]
    if not named:
        return None
    called = [d for d in tied if any(o & n for o in named for n in d.names)]
    if len(called) != 1:
        return None
    return called[0]

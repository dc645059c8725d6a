"""A forwarded or quoted e-mail pasted into a chat, read as the question it carries.

The secretariat and members paste e-mails into Slack and Telegram: a forwarding separator
("---------- Forwarded message ---------", "-----Mensaje original-----"), header lines
("From: Ana <ana@...>", "Asunto: RV: taller", "Objet : TR: Informed Cities"), a reply's
attribution ("On Mon, 2 Mar 2026, Ana wrote:") and quoted lines ("> ¿En qué ciudad se
hará?"). Left in, the senders' names, the weekdays and the subject's words count against
every record as words no record holds, and the header's "Date:" reads as a date asked: a
question the records answer is handed off ("I have no record of that").

:func:`without_mail_headers` takes out the separators, the header lines and the attribution
lines, and the quote marks of quoted lines (their text is kept: the question is often the
quoted one). A header line is only taken out in a block of two or more (one line
"Subject: ..." alone may be the asker's own words), and never when it asks ("Subject: when
is the conference?"). The labels and words are the vocabulary's ``mail_headers`` section,
as the common mail programs write them in the five languages.
"""

from __future__ import annotations

import re
from functools import cache

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

HEADER_BLOCK = 2
"""Header lines at least, together, for them to be read as a pasted e-mail's header."""
_QUOTE = re.compile(r"^\s*(?:>\s*)+")
_RULE = re.compile(r"^\s*[-_=*]{3,}")
_LABEL = re.compile(r"^\s*\*{0,2}([^\W\d_][^:\n]{0,20}?)\s*\*{0,2}\s*:\s*(.*)$")
"""A line opening with a short label and a colon ("From:", "Objet :", "**De:**")."""


@cache
def _words() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    section = load_vocabulary().sections["mail_headers"]
    labels = frozenset(normalise(w) for ws in section["labels"].values() for w in ws)
    separators = tuple(normalise(w) for ws in section["separators"].values() for w in ws)
    wrote = tuple(normalise(w) for ws in section["wrote"].values() for w in ws)
    prefixes = frozenset(normalise(str(w)) for w in section["subject_prefixes"])
    return labels, separators, wrote, prefixes


def without_mail_headers(text: str) -> str:
    """``text`` without a pasted e-mail's separators, header block and attribution lines,
    its quoted lines unquoted and a subject's "Fwd:", "RE:", "TR:" left out; ``text``
    itself when it holds none."""
    if ":" not in text and ">" not in text and "---" not in text:
        return text
    labels, separators, wrote, prefixes = _words()
    lines = text.split("\n")
    header = [_is_header(line, labels) for line in lines]
    kept: list[str] = []
    for at, line in enumerate(lines):
        bare = _QUOTE.sub("", line)
        plain = normalise(bare)
        if _RULE.match(bare) or (plain and any(plain.startswith(s) for s in separators)):
            continue  # "-----Original Message-----", "Forwarded message:"
        if header[at] and _in_block(header, at):
            continue
        if plain and "?" not in bare and bare.rstrip().endswith(":") and _ends_with(plain, wrote):
            continue  # "On Mon, 2 Mar 2026, Ana <ana@...> wrote:"
        prefixed = _LABEL.match(bare)
        while prefixed and normalise(prefixed.group(1)) in prefixes:  # "Fwd: RE: question"
            bare = prefixed.group(2)
            prefixed = _LABEL.match(bare)
        kept.append(bare)
    out = "\n".join(kept).strip()
    return out if out else text


def _is_header(line: str, labels: frozenset[str]) -> bool:
    """A line "Label: value" whose label is a mail header's, asking nothing."""
    found = _LABEL.match(_QUOTE.sub("", line))
    return found is not None and "?" not in line and normalise(found.group(1)) in labels


def _in_block(header: list[bool], at: int) -> bool:
    """Whether the header line at ``at`` stands among at least :data:`HEADER_BLOCK` header
    lines in a row."""
    start = at
    while start > 0 and header[start - 1]:
        start -= 1
    end = at
    while end + 1 < len(header) and header[end + 1]:
        end += 1
    return end - start + 1 >= HEADER_BLOCK


def _ends_with(plain: str, endings: tuple[str, ...]) -> bool:
    return any(plain == e or plain.endswith(f" {e}") for e in endings)

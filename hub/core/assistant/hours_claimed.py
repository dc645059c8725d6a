"""A time of day a yes/no question claims, checked against the record's own time (issue 22).

"La sessió comença a les quatre de la tarda?", "does the session start at 4 pm?", "la
session commence à 16 h ?", "¿empieza a las 16:00?", "começa às quatro da tarde?" claim the
hour something starts. The words of the hour name nothing to retrieve (no record writes
"quatre de la tarda"): they are set aside, and the claim is checked against the time the
record cited states ("16:00-20:00"): its start hour agreeing is a yes, another hour a no,
with the record's own time either way; a record with no time hands the question off.

An hour is claimed only with a sign that it is one: minutes ("16:00", "16h30"), an hour's
word or letter ("16 h", "16 heures", "a les 4 hores", "4 o'clock"), "am"/"pm", or a part of
the day after it ("quatre de la tarda", "four in the afternoon"). A bare "a les 4" may be
a day of the month, an edition or a count: no hour is claimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HOUR_WORDS: dict[str, int] = {
    **dict.fromkeys(("one", "una", "uno", "une", "un", "uma"), 1),
    **dict.fromkeys(("two", "dos", "deux", "dues", "duas"), 2),
    **dict.fromkeys(("three", "tres", "trois"), 3),
    **dict.fromkeys(("four", "cuatro", "quatre", "quatro"), 4),
    **dict.fromkeys(("five", "cinco", "cinq", "cinc"), 5),
    **dict.fromkeys(("six", "seis", "sis"), 6),
    **dict.fromkeys(("seven", "siete", "sept", "set", "sete"), 7),
    **dict.fromkeys(("eight", "ocho", "huit", "vuit", "oito"), 8),
    **dict.fromkeys(("nine", "nueve", "neuf", "nou", "nove"), 9),
    **dict.fromkeys(("ten", "diez", "dix", "deu", "dez"), 10),
    **dict.fromkeys(("eleven", "once", "onze"), 11),
    **dict.fromkeys(("twelve", "doce", "douze", "dotze", "doze"), 12),
}
"""The hours of a clock as words, in the five languages (normalised: "trés" is "tres")."""

HOUR_NOUNS = frozenset(
    {"h", "hs", "hr", "hrs", "hora", "horas", "hores", "heure", "heures", "oclock", "clock"}
)
"""Words after a number making it an hour ("16 h", "a les 4 hores", "4 o'clock")."""
AFTERNOON = frozenset(
    {"afternoon", "evening", "night", "tarde", "noche", "tarda", "vespre", "nit", "soir"}
    | {"noite", "apres", "pm"}
)
"""Parts of the day after noon: an hour of the clock said with them is past twelve."""
MORNING = frozenset({"morning", "manana", "mati", "matin", "manha", "am"})
"""Parts of the day before noon."""
DAY_PART_REACH = 4
"""At most this many words from the hour to its part of the day ("four in the afternoon",
"quatre heures de l'après-midi")."""
DAY_PART_LINKS = frozenset(
    {"in", "the", "of", "de", "la", "del", "da", "do", "du", "l", "en", "el", "a", "na", "no"}
)
"""The only words between an hour and its part of the day ("de la tarda", "in the")."""
HOUR_PREPOSITIONS = frozenset({"at", "a", "as", "les", "las", "vers", "about", "around"})
"""Words before an hour said in words ("at four", "a les quatre", "às quatro", "à quatre")."""

_CLOCK = re.compile(r"(\d{1,2})(?:h(\d{2})?|(am|pm))$")
"""An hour written as one word: "16h", "16h30", "4pm"."""
_TIME = re.compile(r"(\d{1,2})[:h.](\d{2})")
"""A record's time as it writes it ("16:00-20:00", "9h30"): its start."""


@dataclass(frozen=True)
class HourClaimed:
    """The hour (0-23) a question claims, its minutes, and the indices of its words."""

    hour: int
    minutes: int
    at: frozenset[int]


def _part_of_day(words: list[str], after: int) -> tuple[str | None, int]:
    """Whether a part of the day follows ``after`` ("pm", "de la tarda", "in the
    morning"): "afternoon", "morning" or None, and the index it ends at."""
    for j in range(after, min(len(words), after + DAY_PART_REACH)):
        if words[j] in AFTERNOON:  # "apres midi": both words
            return "afternoon", j + (2 if words[j + 1 : j + 2] == ["midi"] else 1)
        if words[j] in MORNING:
            return "morning", j + 1
        if words[j] not in DAY_PART_LINKS:
            break  # "2 July in the afternoon": a day and a month, no hour
    return None, after


def hour_claimed(words: list[str]) -> HourClaimed | None:
    """The first hour of the clock ``words`` (normalised) claim, or None."""
    for i, word in enumerate(words):
        clock = _CLOCK.fullmatch(word)
        after = words[i + 1] if i + 1 < len(words) else ""
        minutes = 0
        if clock is not None:
            hour, minutes = int(clock.group(1)), int(clock.group(2) or 0)
            part = {"pm": "afternoon", "am": "morning"}.get(clock.group(3) or "")
            end = i + 1
            if part is None:
                part, end = _part_of_day(words, i + 1)
                end = end if part else i + 1
        elif word.isdigit() and len(word) <= 2:
            hour = int(word)
            if after.isdigit() and len(after) == 2:  # "16:00", normalised to "16 00"
                minutes, end = int(after), i + 2
            elif after in HOUR_NOUNS:
                end = i + 2
            else:
                end = i + 1
            part, ended = _part_of_day(words, end)
            if part is None and end == i + 1:
                continue  # "a les 4": a day, an edition, a count, no hour said
            end = max(end, ended)
        elif word in HOUR_WORDS and i and words[i - 1] in HOUR_PREPOSITIONS:
            hour = HOUR_WORDS[word]
            end = i + 2 if after in HOUR_NOUNS else i + 1
            part, ended = _part_of_day(words, end)
            if part is None and end == i + 1:
                continue  # "a les quatre": a count as likely as an hour
            end = max(end, ended)
        else:
            continue
        if hour > 23 or minutes > 59:
            continue
        if part == "afternoon" and hour < 12:
            hour += 12
        return HourClaimed(hour, minutes, frozenset(range(i, end)))
    return None


def time_stated(time: str | None) -> tuple[int, int] | None:
    """The hour and minutes a record's time starts at ("16:00-20:00": 16, 0), or None."""
    found = _TIME.search(time or "")
    return (int(found.group(1)), int(found.group(2))) if found else None

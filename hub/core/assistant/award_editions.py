"""Award editions asked "the next" before the first on record, and asked who runs one.

The class served (issue #22, fewer invented answers without losing right ones):

- "When is the next IOPD Distinction?", "¿cuándo será la próxima Distinción OIDP?", asked
  at a date before the first edition the records hold (in 2012, the 7th being in 2013):
  the next edition is the first one ahead of the asker, answered with its date. The
  network's own acronym ("IOPD", "OIDP") said beside the award is no word of one of its
  steps: it must not narrow the steps weighed to those whose text happens to say it (the
  9th edition's, undated, and the 2020 one's), which made an undated later edition the
  "next" one and the question was handed off. "The next" after the last edition is still
  handed off (the steps weighed are the same, all behind the asker).
- "Who organises the call of the 7th Distinction?", "quem abre a convocatória e gere a
  7.ª Distinção?": a who question asked of an award edition, or of one of its steps, is
  answered with who the edition's record says runs it (the Technical Secretariat calls and
  manages it), in the asker's language, instead of handing it off because a step's date
  is no who. Only when the edition's own description, in the asker's language, says so
  with a verb of running it (``who_verbs`` of the vocabulary: led_by, organiser); who
  won an edition (received_by) is not on record and is still handed off.
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

RUNNING = frozenset({"led_by", "organiser"})
"""The relations of running a thing (vocabulary.yaml ``who_verbs``), not of winning it."""


def step_words_beside_home(words: Iterable[set[str]], home: Set[str]) -> list[set[str]]:
    """The words naming an award's step, less those naming the network itself.

    ``words`` are the question's term options found in some step's text; an option holding
    the network's own acronym ("iopd", "oidp") names whose award it is, never which step.
    """
    return [options for options in words if not options & home]


def who_runs_step(
    qtype: str, relation: str | None, step: str | None, described: str, vocabulary: Vocabulary
) -> bool:
    """Whether a who question asked of an award step is answered with who runs its edition.

    ``relation`` is the verb's relation read in the question ("organise", "run", "manage":
    running; "win": received_by, never answered); ``described`` is the edition's
    description in the asker's language (empty when it has none there), which must say
    who runs it with a verb of running ("the Secretariat calls and manages"): a
    description merely naming the step ("call for candidacies") says no who.
    """
    if qtype != "who" or step is None or relation not in RUNNING or not described:
        return False
    verbs = vocabulary.who_verbs.find(normalise(described).split(), fuzzy=False)
    return any(v.value in RUNNING for v in verbs)

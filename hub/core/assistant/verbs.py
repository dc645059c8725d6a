"""Whether a question asks yes or no by its verb, and the verbs that only frame it.

English asks yes or no with a verb first ("did", "has", "must"); French by inverting its
subject ("a-t-il ouvert ?") or with "est-ce que"; Spanish, Catalan and Portuguese by a
statement with a question mark, its verb first or after its subject ("¿Abrió la oficina?",
"L'oficina es va obrir?", "O escritório abriu?"). The verb phrases of the question's
first kind are in :file:`vocabulary.yaml` (``polar``); this module holds the others:

- a verb of aspect before the verb asked ("did it end up opening", "¿llegó a abrirse?",
  "a-t-il fini par ouvrir ?", "ha arribat a obrir-se?", "chegou a abrir?") and the adverbs
  saying the same ("ever", "por fin", "enfin"): they ask whether something came to happen,
  and frame the question without naming what it is about (``aspect`` in the vocabulary);
- a verb in the past, told by its ending where the languages write one no noun has
  ("abrió", "abriu", "ganhou", "s'ha obert", "es va obrir", "a ouvert"): with no question
  word, a statement asked ("la oficina de Asia abrió?") is a yes/no question. A terse question
  of nouns ("Open Gov Challenge: areas?", "¿la sede de la conferencia?") has no such verb,
  and still asks what its nouns name.
"""

from __future__ import annotations

import re
from itertools import pairwise

from hub.core.assistant.text import Found, normalise
from hub.core.assistant.vocabulary import Vocabulary

_INFINITIVE = re.compile(r"[a-z]{2,}(?:ar|er|ir|re)(?:se|me|nos|te|lo|la|los|las)?")
"""A Romance infinitive, normalised, maybe with its pronoun joined ("abrirse"); the
pronoun written after a hyphen ("obrir-se") is a word of its own once normalised."""
_GERUND = re.compile(r"[a-z]{2,}ing")
"""An English "-ing" form after "end up" ("ended up opening")."""

_PAST = re.compile(
    r"[^\W\d_]{2,}(?:ó|aron|ieron)"  # Spanish: "abrió", "ganó", "abrieron"
    r"|[^\W\d_]{3,}(?:ou|iu|aram|eram|iram)",  # Portuguese: "chegou", "abriu", "abriram"
    re.IGNORECASE,
)
"""A verb in the past by its ending, as written (its accent kept): Spanish "-ó" and
"-aron"/"-ieron", Portuguese "-ou", "-iu" and "-aram"/"-eram"/"-iram". Nouns ending so are
few ("vou" and "sou" are verbs too; "Moscou" has a capital, as names do)."""
GOING = frozenset({"va", "van"})
"""Catalan's past: "va" or "van" and an infinitive ("es va obrir", "van crear")."""
HAVING = frozenset({"ha", "han"})
"""Catalan's and Spanish's perfect: "ha" or "han" and a participle ("s'ha obert", "ha
abierto", "han creado")."""
_PARTICIPLE = re.compile(r"[a-z]{2,}(?:at|ada|ats|ades|it|ida|its|ides|ut|uda|ert|erta|ado|ido)")
FRENCH_HAVING = frozenset({"a", "ont", "est", "sont"})
"""French's past: "a", "ont", "est" or "sont" and a participle (:data:`_FRENCH_PARTICIPLE`),
written in lower case (a name after "a" is a place: "a Paris")."""
_FRENCH_PARTICIPLE = re.compile(
    r"[^\W\d_]{2,}(?:é|ée|és|ées)|[^\W\d_]*(?:ert|erte|erts|ertes|çu|çue|ni|nie|eu|pu|fait)"
)
"""A French participle as written: its accented "-é" ("a été", "ont lancé") or an ending
no Spanish, Catalan or Portuguese word after their "a" has ("a ouvert", "a fini", "a reçu",
"a eu lieu"): not "a sede", "a Granada"."""
NOT_PARTICIPLES = frozenset({"través"})
"""Words ending as a French participle that follow "a" in Spanish and Catalan ("a través")."""


ASPECT_REACH = 4
"""The longest verb of aspect, in words ("ha llegado a", "es va arribar a")."""


def infinitive(word: str) -> bool:
    """``word`` is an infinitive (Romance, normalised) or an English "-ing" form."""
    return bool(_INFINITIVE.fullmatch(word) or _GERUND.fullmatch(word))


def aspect_aside(words: list[str], vocabulary: Vocabulary, used: set[int]) -> bool:
    """Set aside (in ``used``) the words asking whether something came to happen: a verb of
    aspect with an infinitive after it ("llegó a abrirse": "abrirse" stays, it is what is
    asked) and the adverbs saying the same ("ever", "por fin"). True when such a verb is
    found: the question asks whether, yes or no."""
    asked = False
    for item in vocabulary.aspect.find(list(words), set(used), fuzzy=False):
        if item.value == "verb":
            if item.end >= len(words) or not infinitive(words[item.end]):
                continue  # "llegó a más de 600": a figure reached, no aspect
            asked = True
        used.update(range(item.start, item.end))
    return asked


def after_aspect(words: list[str], i: int, vocabulary: Vocabulary) -> bool:
    """``words[i]`` is the infinitive a verb of aspect governs ("llegó a | abrirse", "chegou
    a | abrir"): a verb, not a place after "a" ("se tient-il à Nanterre")."""
    start = max(0, i - ASPECT_REACH)
    return infinitive(words[i]) and any(
        item.value == "verb" and start + item.end == i
        for item in vocabulary.aspect.find(words[start:i], fuzzy=False)
    )


def past_verb(text: str, words: list[str]) -> bool:
    """The question holds a verb in the past: a Spanish or Portuguese ending (:data:`_PAST`)
    on a word as written (its accent tells "abrió" from "abrio"; a capital past the first
    word is a name, "Moscou"), or an auxiliary and the verb after it (:data:`GOING`,
    :data:`HAVING`, :data:`FRENCH_HAVING`), ``words`` being the question normalised."""
    written = re.findall(r"[^\W\d_]+", text)
    if len(written) < 2:  # "Moscou ?": a name asked, no statement
        return False
    lowered = [w for i, w in enumerate(written) if i == 0 or not w[:1].isupper()]
    if any(_PAST.fullmatch(w) for w in lowered):
        return True
    if any(
        w.lower() in FRENCH_HAVING
        and after.islower()
        and after.lower() not in NOT_PARTICIPLES
        and _FRENCH_PARTICIPLE.fullmatch(after)
        for w, after in pairwise(written)
    ):
        return True
    return any(
        (w in GOING and bool(_INFINITIVE.fullmatch(after)))
        or (w in HAVING and bool(_PARTICIPLE.fullmatch(after)))
        for w, after in pairwise(words)
    )


DUTIES = frozenset(
    {("must",), ("should",), ("shall",), ("have", "to"), ("has", "to"), ("need", "to")}
    | {("debe",), ("deben",), ("tiene", "que"), ("tienen", "que"), ("hay", "que")}
    | {("doit",), ("doivent",), ("faut",)}
    | {("cal",), ("ha", "de"), ("han", "de")}
    | {("deve",), ("devem",), ("tem", "de"), ("tem", "que"), ("precisa",), ("precisam",)}
)
"""Verbs of a duty, normalised, as they open a question ("must members...?", "¿deben...?",
"doivent-ils...?", "cal...?", "han de...?", "têm de...?")."""
DUTY_REACH = 3
"""How many words into the question (beyond a greeting) a verb of a duty may open it:
"do members have to", "les membres doivent-ils"."""


def duty_asked(words: list[str], aside: frozenset[int] = frozenset()) -> bool:
    """The question opens asking whether something must be done: a verb of a duty
    (:data:`DUTIES`) in its first words. It asks yes or no of a duty, never for a list of
    the things named ("must members attend the seminars?")."""
    start = next((i for i in range(len(words)) if i not in aside), 0)
    return any(
        tuple(words[i : i + len(duty)]) == duty
        for i in range(start, min(len(words), start + DUTY_REACH + 1))
        for duty in DUTIES
    )


RELATIVE = frozenset({"que", "qui", "qu"})
"""Words that ask what or who, and also join a clause to a noun ("la oficina que se
planeaba", "o escritório que estava previsto", "le bureau qu'on prévoyait")."""
DETERMINERS = frozenset(
    {"el", "la", "los", "las", "un", "una", "le", "les", "l", "une", "des", "du"}
    | {"els", "uns", "unes", "o", "a", "os", "as", "um", "uma", "do", "da", "del"}
)
"""Words that open a noun phrase in the Romance languages."""
RELATIVE_REACH = 4
"""How many words before a relative pronoun its noun phrase's determiner may be."""
_JOINED = re.compile(r"([^\W\d_]+)[ \t]+(?:que\b|qui\b|qu['’])", re.IGNORECASE)
"""A word and the relative pronoun right after it, with no punctuation between them."""


def asks_other(text: str, words: list[str], vocabulary: Vocabulary) -> bool:
    """The question has a word asking something else than yes or no: a question word,
    unless it joins a clause to the noun written just before it in ``text`` ("¿abrió la
    oficina que se planeaba?": a noun, its determiner a few words back, then "que"). After
    a comma it opens a question of its own ("le roundup, qui a mené...?")."""
    joined = {normalise(m.group(1)) for m in _JOINED.finditer(text)}
    relatives: set[int] = set()
    for item in sorted(vocabulary.question_words.find(list(words), fuzzy=False), key=_start):
        at = item.start
        before = words[at - 1] if at else ""
        if at - 1 in relatives:
            continue  # "qu'on": the clause's subject (French "on"), not Catalan "where"
        relative = (
            words[at] in RELATIVE
            and item.end == at + 1
            and before in joined
            and len(before) >= 3
            and before not in vocabulary.stopwords
            and any(w in DETERMINERS for w in words[max(0, at - RELATIVE_REACH) : at - 1])
        )
        if not relative:
            return True
        relatives.add(at)
    return False


def _start(item: Found[str]) -> int:
    return item.start

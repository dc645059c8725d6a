"""The tense a question is asked in, for a season or a month it names without a year.

"Where was the conference in autumn?" asks of the last autumn begun, "where will it be in
autumn?" of the current or the coming one. Only the verb says which: the season's word is
the same. The word sets below are the auxiliaries and the commonest verbs of holding,
taking place and being, in their past and future forms, in the five languages, normalised
(no accents, apostrophes and hyphens as spaces): closed sets, since the question's words
are few and the forms that say the time of an event are few too.

Forms shared by two languages with different tenses are left out ("va" is Catalan's past
auxiliary and Spanish's "goes"); Catalan's past "va" + infinitive is its own phrase ("va
ser", "es va celebrar"), Spanish's future puts "a" between them ("va a ser").
"""

from __future__ import annotations

import re

from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.verbs import past_verb

PAST = {
    "en": [
        "was",
        "were",
        "did",
        "didn t",
        "had",
        "happened",
        "took place",
        "went",
        "has been",
        "have been",
        "held last",
        "attended",
        "hosted",
        "ended",
        "finished",
        "wasn t",
        "weren t",
    ],
    "es": [
        "fue",
        "fueron",
        "era",
        "eran",
        "hubo",
        "tuvo",
        "tuvieron",
        "tuvo lugar",
        "tuvieron lugar",
        "se celebro",
        "se celebraron",
        "celebro",
        "celebraron",
        "ha sido",
        "han sido",
        "estuvo",
        "estuvieron",
        "ocurrio",
        "hicieron",
        "hizo",
        "organizaron",
        "se hizo",
        "se realizo",
        "se realizaron",
        "se organizo",
        "organizo",
        "acogio",
        "asistio",
        "asistieron",
        "habia",
        "habian",
    ],
    "fr": [
        "etait",
        "etaient",
        "fut",
        "furent",
        "a eu lieu",
        "ont eu lieu",
        "a t elle eu lieu",
        "a t il eu lieu",
        "s est tenu",
        "s est tenue",
        "s est deroule",
        "s est deroulee",
        "s est elle tenue",
        "s est il tenu",
        "s est elle deroulee",
        "s est il deroule",
        "se sont tenus",
        "se sont tenues",
        "a ete",
        "ont ete",
        "avait",
        "avaient",
        "a accueilli",
        "a organise",
        "s est passe",
        "s est passee",
        "y avait",
    ],
    "ca": [
        "va ser",
        "van ser",
        "va tenir",
        "van tenir",
        "va tenir lloc",
        "van tenir lloc",
        "es va fer",
        "es van fer",
        "es va celebrar",
        "es van celebrar",
        "va fer",
        "van fer",
        "va haver",
        "es va organitzar",
        "va organitzar",
        "van organitzar",
        "va acollir",
        "ha estat",
        "han estat",
        "eren",
        "hi havia",
        "es va dur a terme",
        "es van dur a terme",
    ],
    "pt": [
        "foi",
        "foram",
        "eram",
        "houve",
        "teve",
        "tiveram",
        "teve lugar",
        "tiveram lugar",
        "aconteceu",
        "aconteceram",
        "decorreu",
        "decorreram",
        "se realizou",
        "realizou se",
        "realizou",
        "realizaram",
        "ocorreu",
        "esteve",
        "estiveram",
        "organizou",
        "organizaram",
        "fez",
        "fizeram",
        "acolheu",
        "tinha",
        "tinham",
        "havia",
    ],
}
"""Past forms: the question asks of a season or month already begun."""

FUTURE = {
    "en": ["will", "ll", "going to", "gonna", "won t", "is coming", "are coming"],
    "es": [
        "sera",
        "seran",
        "habra",
        "tendra",
        "tendran",
        "tendra lugar",
        "va a ser",
        "van a ser",
        "va a haber",
        "va a tener",
        "va a celebrarse",
        "se va a celebrar",
        "se celebrara",
        "se celebraran",
        "se hara",
        "se realizara",
        "estara",
        "estaran",
    ],
    "fr": [
        "sera",
        "seront",
        "aura",
        "auront",
        "aura lieu",
        "auront lieu",
        "aura t elle lieu",
        "aura t il lieu",
        "va avoir lieu",
        "vont avoir lieu",
        "se tiendra",
        "se tiendront",
        "se deroulera",
        "se derouleront",
        "va se tenir",
        "y aura t il",
        "y aura",
    ],
    "ca": [
        "sera",
        "seran",
        "hi haura",
        "haura",
        "tindra",
        "tindran",
        "tindra lloc",
        "es fara",
        "es faran",
        "es celebrara",
        "es celebraran",
        "estara",
        "estaran",
        "anira",
        "aniran",
    ],
    "pt": [
        "sera",
        "serao",
        "havera",
        "tera",
        "terao",
        "tera lugar",
        "vai ser",
        "vao ser",
        "vai haver",
        "vai ter",
        "vai ter lugar",
        "vai decorrer",
        "vai acontecer",
        "vai realizar se",
        "acontecera",
        "decorrera",
        "se realizara",
        "realizar se a",
        "estara",
        "estarao",
    ],
}
"""Future forms: the question asks of the current season or month, or the coming one."""

PRESENT = {
    "en": ["is", "are", "does", "do", "takes place", "is held", "are held"],
    "es": ["es", "son", "se celebra", "se celebran", "tiene lugar", "hay", "esta"],
    "fr": ["est", "sont", "a lieu", "ont lieu", "se tient", "se deroule", "y a t il"],
    "ca": ["es", "son", "te lloc", "es fa", "es celebra", "hi ha"],
    "pt": ["sao", "tem lugar", "decorre", "se realiza", "realiza se", "acontece"],
}
"""Present forms: with one of them and no past or future form, the question's ending-told
past (:func:`~hub.core.assistant.verbs.past_verb`) is not trusted ("quand a lieu...", where
"lieu" ends as a French participle). Portuguese "é" is left out: normalised, it is "e",
"and"."""

_TENSES: PhraseMatcher[int] = PhraseMatcher()
for _forms, _value in ((PAST, -1), (FUTURE, 1), (PRESENT, 0)):
    for _phrases in _forms.values():
        for _phrase in _phrases:
            _TENSES.add(normalise(_phrase), _value)


_WRITTEN = re.compile(r"[^\W\d_]+")


def tense(text: str, words: list[str], named: frozenset[str] = frozenset()) -> int:
    """-1 when the question's verbs are past, 1 when future, 0 when neither or both:
    ``words`` are ``text`` normalised. With no verb of the word sets, a past may still be
    told by its ending (:func:`~hub.core.assistant.verbs.past_verb`: "¿dónde se
    inauguró?"), the season or month ``named`` (normalised) left out: "estiu" ends as a
    Portuguese past."""
    said = {found.value for found in _TENSES.find(list(words), fuzzy=False)}
    if not said:
        kept = [w for w in _WRITTEN.findall(text) if normalise(w) not in named]
        return -1 if past_verb(" ".join(kept), [w for w in words if w not in named]) else 0
    said.discard(0)
    return next(iter(said)) if len(said) == 1 else 0

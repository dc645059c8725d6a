"""How long something is asked, in five languages: how long it **lasts** ("how many days
is the forum?", "¿cuántos días dura?", "combien de temps dure..."), how long is left
**until** it ("how long until...", "¿cuánto falta para...?", "dans combien de temps",
"quant falta per...", "quanto tempo falta para..."), or how long it has been **since** it
("how long ago was...", "hace cuántos años...", "il y a combien de temps", "fa quants
anys", "há quanto tempo existe..."). The answer is counted from the record's dates and the
asker's now (:mod:`~hub.core.assistant.answers_spans`), never read as a count of records
("how many days" counts no record).

The phrases are question words only, normalised (no accents, apostrophes as spaces): they
are set aside before retrieval, as the other question words are.
"""

from __future__ import annotations

from functools import cache

from hub.core.assistant.text import Found, PhraseMatcher

UNTIL, SINCE, LASTING = "until", "since", "lasting"

SPAN_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    UNTIL: {
        "en": (
            "how long until",
            "how long till",
            "how long before",
            "how long is it until",
            "how long is it till",
            "how long is it before",
            "how long to go",
            "how long left",
            "how much time until",
            "how much time till",
            "how much time before",
            "how much time is left",
            "how much time left",
            "how soon is",
            "how soon does",
            "how soon will",
            "how far away is",
            "how far off is",
            "how many days until",
            "how many days till",
            "how many days before",
            "how many days left",
            "how many days to go",
            "how many days are left",
            "how many weeks until",
            "how many weeks till",
            "how many weeks before",
            "how many weeks left",
            "how many weeks to go",
            "how many months until",
            "how many months till",
            "how many months before",
            "how many months left",
            "how many months to go",
        ),
        "es": (
            "cuanto falta",
            "cuanto tiempo falta",
            "cuanto le falta",
            "cuantos dias faltan",
            "cuantas semanas faltan",
            "cuantos meses faltan",
            "cuanto queda",
            "cuanto tiempo queda",
            "cuantos dias quedan",
            "cuantas semanas quedan",
            "cuantos meses quedan",
            "dentro de cuanto",
            "dentro de cuanto tiempo",
            "dentro de cuantos dias",
            "en cuanto tiempo",
            "en cuantos dias",
        ),
        "fr": (
            "dans combien de temps",
            "dans combien de jours",
            "dans combien de semaines",
            "dans combien de mois",
            "combien de temps avant",
            "combien de jours avant",
            "combien de semaines avant",
            "combien de mois avant",
            "combien de temps reste",
            "combien de temps restera",
            "combien de jours reste",
            "combien de jours restent",
            "combien de semaines restent",
            "combien de mois restent",
            "combien de temps d ici",
            "combien de jours d ici",
            "combien de temps jusqu",
            "combien de jours jusqu",
        ),
        "ca": (
            "quant falta",
            "quant de temps falta",
            "quant temps falta",
            "quant li falta",
            "quants dies falten",
            "quantes setmanes falten",
            "quants mesos falten",
            "quant queda",
            "quant de temps queda",
            "quants dies queden",
            "quantes setmanes queden",
            "quants mesos queden",
            "d aqui a quant",
            "d aqui a quant de temps",
            "d aqui a quants dies",
            "en quant de temps",
        ),
        "pt": (
            "quanto falta",
            "quanto tempo falta",
            "quanto lhe falta",
            "quantos dias faltam",
            "quantas semanas faltam",
            "quantos meses faltam",
            "quanto resta",
            "quanto tempo resta",
            "quantos dias restam",
            "quantas semanas restam",
            "quantos meses restam",
            "daqui a quanto tempo",
            "daqui a quantos dias",
            "dentro de quanto tempo",
            "em quanto tempo",
        ),
    },
    SINCE: {
        "en": (
            "how long ago",
            "how many years ago",
            "how many months ago",
            "how many weeks ago",
            "how many days ago",
            "how long has",
            "how long have",
            "how many years has",
            "how many years have",
            "how old is",
            "how old are",
            "for how long has",
            "for how long have",
        ),
        "es": (
            "hace cuanto",
            "hace cuanto tiempo",
            "hace cuantos anos",
            "hace cuantos meses",
            "hace cuantas semanas",
            "hace cuantos dias",
            "desde hace cuanto",
            "desde hace cuanto tiempo",
            "desde hace cuantos anos",
            "cuantos anos hace",
            "cuanto tiempo hace",
            "cuantos anos tiene",
            "cuantos anos lleva",
            "cuanto tiempo lleva",
            "cuanto lleva",
        ),
        "fr": (
            "il y a combien",
            "il y a combien de temps",
            "il y a combien d annees",
            "il y a combien d ans",
            "il y a combien de mois",
            "il y a combien de jours",
            "depuis combien de temps",
            "depuis combien d annees",
            "depuis combien d ans",
            "depuis combien de mois",
            "ca fait combien de temps",
            "cela fait combien de temps",
            "ca fait combien d annees",
            "ca fait combien d ans",
            "quel age a",
        ),
        "ca": (
            "fa quant",
            "fa quant de temps",
            "fa quant temps",
            "fa quants anys",
            "fa quants mesos",
            "fa quantes setmanes",
            "fa quants dies",
            "des de fa quant",
            "des de fa quant de temps",
            "des de fa quants anys",
            "quants anys fa",
            "quant de temps fa",
            "quants anys te",
            "quants anys porta",
            "quant de temps porta",
        ),
        "pt": (
            "ha quanto tempo",
            "ha quanto",
            "ha quantos anos",
            "ha quantos meses",
            "ha quantas semanas",
            "ha quantos dias",
            "faz quanto tempo",
            "faz quantos anos",
            "quantos anos faz",
            "quanto tempo faz",
            "quantos anos tem",
            "desde ha quanto tempo",
        ),
    },
    LASTING: {
        "en": (
            "how long",
            "how many days",
            "how many weeks",
            "how many hours",
            "for how many days",
            "how long does",
            "how long did",
            "how long will",
        ),
        "es": (
            "cuanto dura",
            "cuanto duro",
            "cuanto durara",
            "cuanto tiempo dura",
            "cuanto tiempo duro",
            "cuantos dias dura",
            "cuantos dias duro",
            "cuantos dias durara",
            "cuantas semanas dura",
            "cuantos dias son",
            "cuantos dias es",
            "cuantos dias tiene",
            "cuantos dias",
            "cuantas semanas",
            "durante cuantos dias",
            "que duracion",
            "cual es la duracion",
        ),
        "fr": (
            "combien de temps dure",
            "combien de temps a dure",
            "combien de temps durera",
            "combien de jours dure",
            "combien de jours a dure",
            "combien de jours durera",
            "combien de jours",
            "combien de semaines",
            "pendant combien de jours",
            "sur combien de jours",
            "quelle duree",
            "quelle est la duree",
        ),
        "ca": (
            "quant dura",
            "quant va durar",
            "quant durara",
            "quant de temps dura",
            "quants dies dura",
            "quants dies va durar",
            "quants dies durara",
            "quants dies",
            "quantes setmanes",
            "durant quants dies",
            "quina durada",
            "quina es la durada",
        ),
        "pt": (
            "quanto dura",
            "quanto durou",
            "quanto durara",
            "quanto tempo dura",
            "quanto tempo durou",
            "quantos dias dura",
            "quantos dias durou",
            "quantos dias durara",
            "quantos dias",
            "quantas semanas",
            "durante quantos dias",
            "qual a duracao",
            "qual e a duracao",
        ),
    },
}
"""The phrases asking each span, per language. A phrase of ``until`` or ``since`` wins over
one of ``lasting`` found in the same question ("how many days until": what is left)."""

ORDER = (UNTIL, SINCE, LASTING)

LINKS = frozenset(
    {"until", "till", "before", "to", "for", "para", "hasta", "avant", "jusqu", "per", "fins"}
    | {"ate", "antes", "abans"}
)
"""Words linking a span's phrase to what it is counted to ("how many days are left before
the conference", "quant queda fins a..."): question words too, set aside with it."""


@cache
def _matchers() -> dict[str, PhraseMatcher[str]]:
    matchers: dict[str, PhraseMatcher[str]] = {}
    for span, languages in SPAN_WORDS.items():
        matcher: PhraseMatcher[str] = PhraseMatcher()
        for language, phrases in languages.items():
            matcher.add_all(phrases, language)
        matchers[span] = matcher
    return matchers


def span_asked(words: list[str], used: set[int]) -> str | None:
    """The span ``words`` ask (:data:`UNTIL`, :data:`SINCE` or :data:`LASTING`), its words
    added to ``used``; None when they ask none."""
    for span in ORDER:
        found: list[Found[str]] = _matchers()[span].find(list(words), set(used), fuzzy=False)
        if found:
            for item in found:
                used.update(range(item.start, item.end))
                if words[item.end : item.end + 1] and words[item.end] in LINKS:
                    used.add(item.end)
            return span
    return None

"""Precision asked beyond what the record holds: what it states said, the rest handed off.

A question may ask a slot more precisely than a record gives it. Answering with what the
record holds as if it were the answer makes the finer fact up: the member thinks they know
the address, the deadline or the partners. Three ways of asking so, in the five languages:

- **a day asked of a year**: a deadline or "until when" (:mod:`deadline_asked`), or the
  closing words of the vocabulary, of an event, a call or an award step dated by its year
  only: a year dates nothing that closes. "When is the call?" is still answered with its
  year; a step dated by its month still answers its deadline with
  the month, saying the plan gives no closing day (``no_close_day``), as the question sets
  keep it; a deadline whose day the record gives is answered. The year or month the
  question already states, or "when exactly" and the dates of a record dated by its month
  or year, are no answer either (:mod:`~hub.core.assistant.date_no_finer`).
- **a place finer than a city**: an address ("the address", "l'adresse", "o endereço"),
  "the exact place", "which venue", or "where exactly" within the very city the records
  give ("where exactly in Cascais?": the asker has the city), when no cited record states
  an address (none gives a street). An e-mail or web address is another question, left as
  it is; "where is it?" and "where exactly?" alone are answered with the city (and the
  district where a record gives one), "Cascais or Lisbon, exactly?" with the one it is.
- **a detail of a record that says it has none**: partners, budget, results, criteria,
  duration asked of a record whose text says it is listed without details; or criteria,
  partners or a budget asked and answered with a date only (an award step's).

Each is answered with what the record says, in a whole sentence, then that the documents
do not give the finer fact, and handed off.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.date_no_finer import finer_date_missing
from hub.core.assistant.deadline_asked import deadline_asked
from hub.core.assistant.index import AwardView, EntryView, EventView, text_in
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import normalise

Record = EventView | AwardView | EntryView

EXACTLY = frozenset(
    {
        *("exactly", "precisely", "exact"),
        *("exactamente", "precisamente", "exacta", "exacto"),
        *("exactement", "precisement"),
        *("exactament", "precisament"),
        *("exatamente", "exactamente", "precisamente", "exata", "exato"),
    }
)
"""Adverbs (and adjectives) asking a slot to its finest ("when exactly", "où exactement")."""

WHERE_WORDS = frozenset({"where", "donde", "adonde", "onde", "aonde"})
OWN_WHERE = {"fr": "ou", "ca": "on"}
OR_WORDS = {"en": {"or"}, "es": {"o", "u"}, "fr": {"ou"}, "ca": {"o"}, "pt": {"ou"}}
"""Words offering places to choose from ("Cascais or Lisbon?"): a choice, no finer place."""
"""Question words of where, accents dropped; French "où" and Catalan "on" only
in their own language ("ou" is "or", "on" a preposition elsewhere)."""

ADDRESS_NOUNS = frozenset(
    {"address", "direccion", "domicilio", "adresse", "adreca", "endereco", "morada"}
)
"""Nouns of a postal address, in each language."""
NOT_POSTAL = frozenset(
    {
        *("email", "emails", "mail", "mails", "web", "website", "site", "url", "ip"),
        *("slack", "contact", "contacto", "contato", "contacte", "correo", "correos"),
        *("electronico", "electronica", "courriel", "courriels", "electronique", "mel"),
        *("electronic", "eletronico", "sitio", "pagina", "page", "internet", "online"),
        *("telegram", "whatsapp", "twitter", "instagram", "facebook", "linkedin"),
    }
)
"""Words making an address another one than a place's (an e-mail, a web page, a channel)."""
ADDRESS_BEFORE = frozenset(
    {
        *("the", "its", "their", "an", "what", "which", "postal", "street", "full", "exact"),
        *("physical", "su", "sus", "una", "cual", "que", "l", "son", "sa", "leur", "quelle"),
        *("votre", "une", "seva", "quina", "seu", "sua", "qual", "o", "a", "uma", "la"),
    }
)
"""Words right before an address noun making it the noun ("the address", "l'adresse"), not
a verb ("to address the issue", "on s'adresse à")."""
_WEB = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|int|gov|edu|info)\b|https?://")
"""A web address written in a record's text ("ogplocal.slack.com")."""
PLACE_PHRASES = (
    "exact place",
    "exact location",
    "exact venue",
    "which venue",
    "what venue",
    "lugar exacto",
    "sitio exacto",
    "ubicacion exacta",
    "lieu exact",
    "endroit exact",
    "emplacement exact",
    "lloc exacte",
    "ubicacio exacta",
    "local exato",
    "lugar exato",
    "localizacao exata",
)
"""Phrases asking a place finer than a city, accents dropped."""

UNDETAILED = (
    "without details",
    "no details",
    "sin detalles",
    "sans details",
    "sense detalls",
    "sem detalhes",
)
"""What a record says when it is listed without details, in each language."""
DETAIL_NOUNS = frozenset(
    {
        *("details", "partners", "partner", "budget", "results", "result", "criteria"),
        *("duration", "funding", "objectives", "goals", "outcomes", "participants"),
        *("detalles", "socios", "socio", "presupuesto", "resultados", "criterios"),
        *("duracion", "financiacion", "objetivos", "participantes"),
        *("details", "partenaires", "partenaire", "resultats", "criteres", "duree"),
        *("financement", "objectifs"),
        *("detalls", "socis", "soci", "pressupost", "resultats", "criteris", "durada"),
        *("financament", "objectius", "participants"),
        *("detalhes", "parceiros", "parceiro", "orcamento", "resultados", "criterios"),
        *("duracao", "financiamento", "objetivos", "participantes"),
    }
)
"""Nouns asking a detail of a thing beyond what it is, in each language."""
DATE_IS_NONE = frozenset(
    {
        *("criteria", "criterion", "partners", "budget"),
        *("criterios", "criterio", "socios", "presupuesto"),
        *("criteres", "critere", "partenaires", "budget"),
        *("criteris", "criteri", "socis", "pressupost"),
        *("criterios", "criterio", "parceiros", "orcamento"),
    }
)
"""Details a date never answers ("the criteria of the award": its evaluation's month)."""

PLACE_NAMED = {
    "en": "its exact address or venue (only the city)",
    "es": "su dirección o lugar exacto (solo la ciudad)",
    "fr": "son adresse ou son lieu exact (seulement la ville)",
    "ca": "la seva adreça o el lloc exacte (només la ciutat)",
    "pt": "o seu endereço ou local exato (só a cidade)",
}
DETAILS_NAMED = {
    "en": "those details",
    "es": "esos detalles",
    "fr": "ces détails",
    "ca": "aquests detalls",
    "pt": "esses detalhes",
}
"""What is missing, said in each language after "the documents do not state"."""


def _phrase_in(words: list[str], phrases: tuple[str, ...]) -> bool:
    said = f" {' '.join(words)} "
    return any(f" {p} " in said for p in phrases)


def day_asked(reading: Reading) -> bool:
    """The question asks the day something closes (a deadline, "until when", a closing
    word). "When exactly?" alone is no day asked: a year answers it
    (``test_assistant_day_precision``)."""
    return deadline_asked(reading.words) is not None or reading.closing


def _where_said(words: list[str], language: str) -> bool:
    own = OWN_WHERE.get(language)
    return bool(WHERE_WORDS.intersection(words)) or (own is not None and own in words)


def address_asked(words: list[str], language: str) -> bool:
    """The question asks a postal address or a place finer than its city."""
    if _phrase_in(words, PLACE_PHRASES):
        return True
    where = _where_said(words, language)
    for i, word in enumerate(words):
        if word not in ADDRESS_NOUNS:
            continue
        near = set(words[max(0, i - 3) : i + 4])
        if near & NOT_POSTAL:
            continue
        before = words[i - 1] if i else ""
        management = word == "direccion" and not where and before not in {"que", "cual"}
        if management and not near & EXACTLY:
            continue  # "la dirección del OIDP" is its management
        if before in ADDRESS_BEFORE or (i + 1 < len(words) and words[i + 1] in {"of", "for"}):
            return True
    return False


def _cited(ctx: Context, decision: Decision) -> list[Record]:
    return [r for r in map(ctx.index.record, decision.reply.sources) if r is not None]


def _coarse(ctx: Context, decision: Decision, cited: list[Record]) -> tuple[str, dt.date] | None:
    """The precision, ``month`` or ``year``, and the start of the date answered when it is
    that coarse: the award step the reply dates, or its one dated event; None when a day
    is given or nothing is dated."""
    target = decision.reply.target
    if target is not None and target.step is not None:
        award = ctx.index.record(target.record_id)
        if isinstance(award, AwardView) and target.step in award.steps:
            step = award.steps[target.step]
            return _coarse_of(step.precision, step.starts_on)
        return None
    events = [r for r in cited if isinstance(r, EventView)]
    if len(cited) == 1 and events and events[0].starts_on is not None:
        return _coarse_of(events[0].precision, events[0].starts_on)
    if len(cited) == 1 and isinstance(cited[0], AwardView) and target is None:
        steps = [s for s in cited[0].steps.values() if s.starts_on is not None]
        if len(steps) == 1:
            return _coarse_of(steps[0].precision, steps[0].starts_on)
    return None


def _coarse_of(precision: str, starts: dt.date | None) -> tuple[str, dt.date] | None:
    return (precision, starts) if precision in {"month", "year"} and starts else None


def _texts(record: Record) -> list[str]:
    if isinstance(record, EventView):
        return [*record.description.values(), *record.name.values()]
    if isinstance(record, AwardView):
        return [*record.description.values(), *record.name.values()]
    return [*record.body.values(), *record.name.values()]


def _undetailed(record: Record) -> bool:
    """The record's own text says it is listed without details."""
    return any(_phrase_in(normalise(t).split(), UNDETAILED) for t in _texts(record))


def _handed(ctx: Context, decision: Decision, *said: str) -> Decision:
    text = decision.reply.text
    extra = [s for s in said if s and s not in text]
    reply = ctx.handoff(text, *extra, sources=decision.reply.sources)
    return Decision(replace(reply, target=None), decision.intent, min(decision.confidence, 0.3))


def precision_unstated(ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
    """The answer given, handed off with what the records do not give, when the question
    asks its slot more precisely than they state it; None when it does not."""
    reply = decision.reply
    if reply.handoff or not reply.sources or decision.intent == "yesno":
        return None
    cited = _cited(ctx, decision)
    if not cited:
        return None
    words = reading.words
    name = text_in(cited[0].name, ctx.language)[0]
    dating = decision.intent in {"when", "what", "join", "share", "list"}
    coarse = _coarse(ctx, decision, cited) if dating else None
    # a month answers a deadline, saying it gives no day ("no_close_day"); a year gives none
    if coarse is not None and day_asked(reading) and coarse[0] == "year":
        return _handed(ctx, decision, ctx.phrase("year_only_dates"))
    missing = finer_date_missing(reading, *coarse) if coarse is not None else None
    if missing is not None:  # "when in 2020?" of a year, "when exactly?" of a month
        return _handed(ctx, decision, ctx.phrase(missing))
    finer = address_asked(words, ctx.language) or _city_told_back(
        words, reading.text, ctx.language, cited
    )
    if finer and not any(_gives_address(r) for r in cited):
        detail = PLACE_NAMED.get(ctx.language, PLACE_NAMED["en"])
        return _handed(ctx, decision, ctx.phrase("detail_unknown_of", detail=detail, name=name))
    asked = DETAIL_NOUNS.intersection(words)
    dated_only = reply.target is not None and decision.intent in {"what", "list"}
    if asked and (all(_undetailed(r) for r in cited) or (dated_only and asked & DATE_IS_NONE)):
        detail = DETAILS_NAMED.get(ctx.language, DETAILS_NAMED["en"])
        return _handed(ctx, decision, ctx.phrase("detail_unknown_of", detail=detail, name=name))
    return None


def _city_told_back(words: list[str], text: str, language: str, cited: list[Record]) -> bool:
    """Asked where exactly within the very city the records give ("where exactly in
    Cascais?"): telling the city back is no answer. "Where exactly?" alone is answered
    with the city (and the district, where a record gives one)."""
    if not (_where_said(words, language) and EXACTLY.intersection(words)):
        return False
    written = re.findall(r"\w+", text.lower())  # as typed: French "ou" (or), not "où"
    if OR_WORDS.get(language, {"or"}).intersection(written):
        return False
    cities = [r.city for r in cited if isinstance(r, EventView) and r.city]
    cities += [
        c
        for r in cited
        if isinstance(r, EntryView)
        for c in [r.data.get("city")]
        if isinstance(c, str)
    ]
    said = f" {' '.join(words)} "
    return bool(cities) and all(f" {normalise(c)} " in said for c in cities)


def _gives_address(record: Record) -> bool:
    """The record states an e-mail or web address (what an "address" may ask), or its
    data an address of its own."""
    if isinstance(record, EntryView):
        if any(k in record.data for k in ("address", "email", "url", "street")):
            return True
        return any("@" in t or _WEB.search(t) for t in record.body.values())
    return False

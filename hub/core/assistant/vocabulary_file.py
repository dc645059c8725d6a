"""``vocabulary.yaml`` parsed into a :class:`~hub.core.assistant.vocabulary.Vocabulary`, once
per process (:func:`load_vocabulary`), and the words naming the network itself read from it
(:func:`network_words`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from hub.core.assistant.dates import month_names, weekday_names
from hub.core.assistant.language_gaps import with_language_gaps
from hub.core.assistant.text import PhraseMatcher, normalise, read_yaml
from hub.core.assistant.verb_forms import CONJUGATED, ROMANCE, conjugated
from hub.core.assistant.vocabulary import (
    LANGUAGES,
    SILENT_TYPES,
    Vocabulary,
)

HERE = Path(__file__).parent


def _by_language(
    section: dict[str, dict[str, list[str]]],
    matcher: PhraseMatcher[Any],
    votes: dict[str, set[str]] | None,
    value: Any = None,
) -> None:
    for key, languages in section.items():
        for language, phrases in languages.items():
            for phrase in phrases:
                if not isinstance(phrase, str):
                    raise ValueError(f"vocabulary.yaml {key}.{language}: quote {phrase!r}")
                matcher.add(phrase, key if value is None else value)
                if votes is not None:
                    for word in normalise(phrase).split():
                        votes.setdefault(word, set()).add(language)


@cache
def network_words() -> dict[str, Any]:
    """Words naming the network itself ("the observatory"), those before or after which they
    name another body's, the acronym they stand for, and the nouns naming any network
    ("la red"), the hub's own only when nothing else is named."""
    data = load_vocabulary().sections.get("network_words") or {}
    return {
        "words": frozenset(normalise(str(w)) for w in data.get("words", [])),
        "not_after": frozenset(normalise(str(w)) for w in data.get("not_after", [])),
        "not_before": frozenset(normalise(str(w)) for w in data.get("not_before", [])),
        "acronym": normalise(str(data.get("acronym", ""))),
        "nouns": frozenset(normalise(str(w)) for w in data.get("nouns", [])),
    }


def _synonyms(
    groups: dict[str, dict[str, list[str]]],
) -> dict[str, frozenset[tuple[str, str]]]:
    """Each word of a group of synonyms -> every word of its group, with its language."""
    out: dict[str, frozenset[tuple[str, str]]] = {}
    for languages in groups.values():
        group = frozenset(
            (normalise(str(w)), language) for language, words in languages.items() for w in words
        )
        for word, _ in group:
            out[word] = out.get(word, frozenset()) | group
    return out


@cache
def load_vocabulary(path: Path = HERE / "vocabulary.yaml") -> Vocabulary:
    data = with_language_gaps(read_yaml(path))  # Catalan "vol", "triar" (language_gaps)
    votes: dict[str, set[str]] = {}
    types: PhraseMatcher[str] = PhraseMatcher()
    voting = {key: value for key, value in data["types"].items() if key not in SILENT_TYPES}
    _by_language(voting, types, votes)
    _by_language({"where": data["seat"]}, types, votes)  # "la sede": where it is based
    seat: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"seat": data["seat"]}, seat, None)
    _by_language({key: data["types"][key] for key in SILENT_TYPES}, types, None)
    conjugations: PhraseMatcher[str] = PhraseMatcher()
    for concept in CONJUGATED:
        for language in ROMANCE:
            for phrase in data["types"][concept].get(language, []):
                conjugations.add_all(conjugated(phrase), concept)
    next_last: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"next": data["next"], "last": data["last"]}, next_last, votes)
    periods: PhraseMatcher[tuple[str, int]] = PhraseMatcher()
    for unit, offsets in data["periods"].items():
        for offset, languages in offsets.items():
            _by_language({unit: languages}, periods, votes, (unit, int(offset)))
    seasons: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["seasons"], seasons, votes)
    for word, written in _synonyms(data.get("synonyms", {})).items():  # "membresía": Spanish
        votes.setdefault(word, set()).update(lang for w, lang in written if w == word)
    out: PhraseMatcher[str] = PhraseMatcher()
    spoken = [language for language in data["out_of_scope"] if language != "any"]
    for language, phrases in data["out_of_scope"].items():  # valued by their language
        for said_in in spoken if language == "any" else [language]:  # "any": in every one
            _by_language({said_in: {said_in: phrases}}, out, None)
        if language != "any":  # a one-word phrase votes: "telefon" (Catalan), "senha"; the
            for word in (normalise(str(p)) for p in phrases):  # words of longer ones are
                if word and " " not in word:  # often English names' ("Open Gov Challenge")
                    votes.setdefault(word, set()).add(language)
    for language, phrases in data["roster"].items():  # the roster asked
        _by_language({language: {language: phrases}}, out, None)
    injection: PhraseMatcher[str] = PhraseMatcher()
    injection.add_all(data["injection"], "injection")
    remind: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"remind": data["remind"]}, remind, votes)
    hour: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"hour": data["hour"]}, hour, None)
    day_parts: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"day_part": data["day_parts"]}, day_parts, None)
    polar: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"polar": data["polar"]}, polar, None)
    for language, phrases in data["polar"].items():  # "podem": Portuguese and Catalan
        for word in (normalise(str(p)) for p in phrases if " " not in str(p).strip()):
            votes.setdefault(word, set()).add(language)
    question_words: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"question": data["question_words"]}, question_words, votes)
    still: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"still": data["still"]}, still, None)
    aspect: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["aspect"], aspect, None)
    before: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"before": data["before"]}, before, None)
    closing: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"closing": data["closing"]}, closing, None)
    courtesies: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"courtesy": data["courtesies"]}, courtesies, votes)
    _by_language({"filler": data["fillers"]}, courtesies, None)  # "te" is not French
    _by_language({"hedge": data["hedges"]}, courtesies, None)
    introductions: PhraseMatcher[str] = PhraseMatcher()
    day: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"day": data["day"]}, day, None)
    date: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"date": data.get("date", {})}, date, None)
    starting: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"starting": data.get("starting", {})}, starting, None)
    _by_language({"introduction": data["introductions"]}, introductions, None)
    shortcuts: dict[str, tuple[str, ...]] = {}
    shortcut_languages: dict[str, set[str]] = {}
    for language, table in data["shortcuts"].items():
        for short, long in table.items():  # the first language's reading of one is kept
            shortcuts.setdefault(normalise(str(short)), tuple(normalise(str(long)).split()))
            shortcut_languages.setdefault(normalise(str(short)), set()).add(language)
    stopwords: set[str] = set()
    for language, words in data["stopwords"].items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml stopwords.{language}: quote {word!r}")
            stopwords.update(normalise(str(word)).split())
            votes.setdefault(normalise(str(word)), set()).add(language)
    for language, words in data.get("function_words", {}).items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml function_words.{language}: quote {word!r}")
            stopwords.update(normalise(word).split())
    months: PhraseMatcher[int] = PhraseMatcher(fuzzy_cutoff=86.0, fuzzy_min_length=5)
    for language in LANGUAGES:
        for number, name in month_names(language).items():
            if normalise(name) != "may":  # "may I..." is not a month, "in may" is
                months.add(name, number)
            for word in normalise(name).split():
                votes.setdefault(word, set()).add(language)
    for phrase, number in data.get("month_phrases", {}).items():
        months.add(str(phrase), int(number))
    ordinals: PhraseMatcher[int] = PhraseMatcher()
    for language, table in data["ordinals"].items():
        for word, number in table.items():
            ordinals.add(str(word), int(number))
            for part in normalise(str(word)).split():
                votes.setdefault(part, set()).add(language)
    for language, words in data["markers"].items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml markers.{language}: quote {word!r}")
            for part in normalise(word).split():
                votes.setdefault(part, set()).add(language)
    for kind in data["kinds"].values():
        for language, phrases in kind.items():
            for phrase in phrases:
                for word in normalise(phrase).split():
                    votes.setdefault(word, set()).add(language)
    names: PhraseMatcher[str] = PhraseMatcher()
    for kind_name, kind in data["kinds"].items():
        names.add_all((p for ps in kind.values() for p in ps if len(p.split()) > 1), kind_name)
    spans: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["spans"], spans, None)
    enumerations: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data.get("enumerations", {}), enumerations, None)
    units: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["units"], units, votes)
    month_parts: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["month_parts"], month_parts, None)
    month_words: PhraseMatcher[str] = PhraseMatcher()
    month_words.add_all((str(w) for w in data["month_words"]), "month")
    month_words.add_all((str(w) for w in data["year_said"]), "year")
    why: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"why": data["why"]}, why, None)
    then: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"then": data["then"]}, then, None)
    asides: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"aside": data["asides"]}, asides, None)
    to_know: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"to_know": data["to_know"]}, to_know, None)
    standing: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"standing": data.get("asker_described") or {}}, standing, None)
    reasons: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"reasons": data["reasons"]}, reasons, None)
    asker_verbs: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"asker_verbs": data["asker_verbs"]}, asker_verbs, None)
    slot_parts: dict[str, PhraseMatcher[str]] = {}
    for slot, languages in data.get("slot_parts", {}).items():
        _by_language({slot: languages}, slot_parts.setdefault(str(slot), PhraseMatcher()), None)
    framings: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"framings": data["framings"]}, framings, None)
    secondary: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"secondary": data.get("secondary", {})}, secondary, None)
    likeness: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"likeness": data["likeness"]}, likeness, None)
    who_verbs: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data.get("who_verbs", {}), who_verbs, None)  # valued by the field named
    places_times = {key: data["slot_nouns"][key] for key in ("where", "when")}
    roles = {k: v for k, v in data["slot_nouns"].items() if k not in places_times}
    _by_language(roles, who_verbs, None)  # "the organiser": the field, as "organised" names it
    slot_nouns: PhraseMatcher[str] = PhraseMatcher()
    _by_language(roles, slot_nouns, None, value="who")
    _by_language(places_times, slot_nouns, None)
    with_verbs: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"with": data.get("with_verbs", {})}, with_verbs, None)
    numbers = {
        normalise(str(word)): int(value)
        for table in data["numbers"].values()
        for word, value in table.items()
    }
    time_words = {
        word
        for section in (data["periods"].values(), [data["seasons"], data["units"]])
        for group in section
        for languages in group.values()
        for phrases in (languages.values() if isinstance(languages, dict) else [languages])
        for phrase in phrases
        for word in normalise(str(phrase)).split()
    }
    time_words.update(
        w
        for key in ("next", "last")
        for ps in data[key].values()
        for p in ps
        for w in normalise(str(p)).split()
    )
    weekdays: PhraseMatcher[int] = PhraseMatcher()
    for language in LANGUAGES:
        for number, name in weekday_names(language).items():
            weekdays.add(name, number)
            for word in normalise(name).split():
                votes.setdefault(word, set()).add(language)
    for word in data.get("loanwords", []):
        votes.pop(normalise(str(word)), None)
    return Vocabulary(
        weekdays=weekdays,
        spans=spans,
        units=units,
        numbers=numbers,
        spelt={
            str(language): {normalise(str(w)): int(v) for w, v in table.items() if int(v) >= 2}
            for language, table in data["numbers"].items()
        },
        month_parts=month_parts,
        month_words=month_words,
        year_before=frozenset(normalise(str(w)) for w in data["year_words"]["before"]),
        year_nouns=frozenset(normalise(str(w)).split()[-1] for w in data["year_words"]["nouns"]),
        content_verbs={
            str(language): frozenset(normalise(str(w)) for w in words)
            for language, words in data.get("content_verbs", {}).items()
        },
        why=why,
        then=then,
        asides=asides,
        to_know=to_know,
        reasons=reasons,
        framings=framings,
        secondary=secondary,
        asker_verbs=asker_verbs,
        verb_homographs=frozenset(normalise(w) for w in data["verb_homographs"]["words"]),
        noun_markers=frozenset(normalise(w) for w in data["verb_homographs"]["before"]),
        directions=frozenset(normalise(w) for w in data["verb_homographs"]["directions"]),
        likeness=likeness,
        who_verbs=who_verbs,
        slot_nouns=slot_nouns,
        with_verbs=with_verbs,
        past_words=frozenset(normalise(str(w)) for w in data["past_words"]),
        time_words=frozenset(w for w in time_words if len(w) >= 5),
        types=types,
        conjugations=conjugations,
        asker_described=standing,
        next_last=next_last,
        periods=periods,
        seasons=seasons,
        out_of_scope=out,
        injection=injection,
        order_verbs=frozenset(normalise(str(w)) for w in data["order_verbs"]),
        order_objects=frozenset(normalise(str(w)) for w in data["order_objects"]),
        remind=remind,
        hour=hour,
        day_parts=day_parts,
        polar=polar,
        question_words=question_words,
        still=still,
        aspect=aspect,
        before=before,
        closing=closing,
        courtesies=courtesies,
        ordinals=ordinals,
        months=months,
        kinds=data["kinds"],
        kind_qualifiers=data.get("kind_qualifiers", {}),
        steps=data["steps"],
        details=data.get("details", {}),
        sections=data,
        stopwords=frozenset(stopwords),
        votes={word: frozenset(langs) for word, langs in votes.items()},
        possessives=frozenset(normalise(str(w)) for w in data.get("possessives", [])),
        stages=frozenset(
            normalise(str(w)) for words in data.get("stages", {}).values() for w in words
        ),
        frequencies=frozenset(
            normalise(str(w)) for words in data.get("frequencies", {}).values() for w in words
        ),
        enumerations=enumerations,
        enumerated_items=data.get("enumerations", {}),
        editions=frozenset(normalise(str(w)) for w in data.get("editions", [])),
        numeral_lookalikes=frozenset(
            normalise(str(w))
            for words in data.get("numeral_lookalikes", {}).values()
            for w in words
        ),
        slot_parts=slot_parts,
        synonyms=_synonyms(data.get("synonyms", {})),
        cardinals={
            language: frozenset(normalise(str(w)) for w in words)
            for language, words in data.get("cardinals", {}).items()
        },
        askers=frozenset(
            normalise(str(w)) for words in data.get("askers", {}).values() for w in words
        ),
        shortcuts=shortcuts,
        shortcut_languages={k: frozenset(v) for k, v in shortcut_languages.items()},
        markers={
            language: frozenset(part for w in words for part in normalise(str(w)).split())
            for language, words in data["markers"].items()
        },
        introductions=introductions,
        day=day,
        date=date,
        starting=starting,
        names=names,
        seat=seat,
        kind_words=frozenset(
            word
            for kind in data["kinds"].values()
            for phrases in kind.values()
            for phrase in phrases
            for word in normalise(phrase).split()
        ),
    )

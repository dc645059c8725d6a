"""What one language lacks that the others have: the Catalan (then Portuguese) gap (issue 22).

Catalan questions were right less often than English or Spanish ones of the same kind, and
Portuguese ones next; the causes were in the language, not in any one question:

- function words missing from the vocabulary, so that a verb the question asks with was
  read as a topic word no record holds, and the question handed off: Catalan "vol", "vols"
  (wants, as Spanish "quiere" and Portuguese "quer", already function words: "què vol fer",
  "en quines regions vol obrir oficines"; and "volien", whose stem is "vol"), "veig" (I
  see), "dir" (to say: "em podeu dir"); Portuguese "fica" (is located: "fica em que
  cidade", as "está"), "vejo" (I see);
- plurals the Catalan Snowball stemmer cuts otherwise than their singular and too short for
  :data:`~hub.core.assistant.analyser.PLURAL_SUFFIXES`: "nous" (new) kept whole, "nou" too;
- words a language writes for one the records use ("triar" where the Catalan records write
  "escollir", as "elegir" is the Spanish records' word), given as synonyms.

The words are the ``language_gaps`` section of ``vocabulary.yaml``, per language:
``function_words`` (dropped like the section ``function_words``: they cast no vote for a
language), ``synonyms`` (groups, as the section ``synonyms``) and ``plurals`` (endings read
as their singular before stemming). :func:`with_language_gaps` merges the first two into
the file's sections as it is loaded; :func:`singular_endings` and :func:`singular` give the
analyser the third. A French "vol" (a flight) is out of scope by its own table, read before
function words are dropped. The section's comment says which words were measured and left
out (a word a record writes, whose dropping reorders records of every language).
"""

from __future__ import annotations

from typing import Any

from hub.core.assistant.text import normalise

SECTION = "language_gaps"
SHORTEST_STEM = 1
"""Letters a word keeps before a plural ending read as its singular ("nous" keeps "n"; the
ending alone, Catalan "ous" (eggs), is no plural of it)."""


def with_language_gaps(data: dict[str, Any]) -> dict[str, Any]:
    """The parsed ``vocabulary.yaml`` with the ``language_gaps`` section's function words
    and synonyms added to the file's own sections of those names (a new dict; the parsed
    one is left as it is)."""
    gaps = data.get(SECTION) or {}
    merged = dict(data)
    function_words: dict[str, list[str]] = {
        str(language): list(words) for language, words in data.get("function_words", {}).items()
    }
    for language, words in (gaps.get("function_words") or {}).items():
        function_words.setdefault(str(language), []).extend(str(w) for w in words)
    merged["function_words"] = function_words
    synonyms = dict(data.get("synonyms") or {})
    for key, languages in (gaps.get("synonyms") or {}).items():
        synonyms[f"{SECTION}_{key}"] = languages
    merged["synonyms"] = synonyms
    return merged


def singular_endings(sections: dict[str, Any]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per language, the plural endings read as their singular before stemming."""
    plurals = (sections.get(SECTION) or {}).get("plurals") or {}
    return {
        str(language): tuple((normalise(str(p)), normalise(str(s))) for p, s in pairs)
        for language, pairs in plurals.items()
    }


def singular(token: str, endings: tuple[tuple[str, str], ...]) -> str:
    """``token`` with its plural ending as the singular's ("participatius": "participatiu",
    "nous": "nou"); as it is when no ending fits or too little would be left before it."""
    for plural, one in endings:
        if token.endswith(plural) and len(token) >= len(plural) + SHORTEST_STEM:
            return token[: -len(plural)] + one
    return token

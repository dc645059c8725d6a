"""Requests for an act or a judgement that :mod:`polite_requests` does not read.

Members ask the secretariat to do something with clitic pronouns standing for what they
spoke of before ("¿nos lo podríais enviar?", "me'l podeu fer arribar?", "vous pouvez me la
renvoyer ?", "podem mandar-mo?"), or in the present tense, as one asks a person at a desk
("¿me los mandáis?", "em feu el certificat?", "vous m'envoyez le dossier ?", "vocês me
mandam?"); they ask what the network itself thinks ("qué piensa la red de...", "l'avis de
l'OIDP sur...") or what the secretariat thinks, in the plural ("¿qué opinan de...?"). No
record does or judges any of it: it is handed off, as :func:`asks_the_assistant` hands off
"could you register me" and "what do you think of".

Each request is read from the vocabulary's closed word sets (``acts_asked``), never from
phrases. A request to be told, shown or reminded ("¿me lo podéis decir?", "pouvez-vous me
le rappeler ?", "podeu dir-me on...") asks for an answer, not an act, and stays answered,
as do "how do I register" and "can you tell me when".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hub.core.assistant.polite_requests import GIVING, TELLING
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary
from hub.core.assistant.vocabulary_file import load_vocabulary

REACH = 3
"""At most this many words between a modal addressing the secretariat and the clitics of
the asker and the thing asked ("me la | podeu", "pouvez vous | me la", "podem mandar | mo")."""
ADDRESSEES = frozenset({"you", "u", "vous", "tu", "voce", "voces", "usted", "ustedes", "voste"})
"""The secretariat addressed between the modal and the verb ("pouvez-vous me la faire")."""
NETWORK_REACH = 3
"""At most this many words between a verb or noun of opinion and the network it is asked
of ("what does the | network | think", "la opinión de la | red")."""


@dataclass(frozen=True)
class ActWords:
    """The word sets of the vocabulary's ``acts_asked``, normalised."""

    modals: frozenset[str]
    asker: frozenset[str]
    objects: frozenset[str]
    joined: frozenset[tuple[str, ...]]
    enclitics: tuple[str, ...]
    telling: frozenset[str]
    present: frozenset[str]
    making: frozenset[str]
    indefinite: frozenset[str]
    told_documents: frozenset[str]
    opinion_verbs: frozenset[str]
    opinion_nouns: frozenset[str]
    opinion_addressed: frozenset[str]
    network: frozenset[str]


def _words(data: dict[str, list[str]], key: str) -> frozenset[str]:
    return frozenset(normalise(str(w)) for w in data.get(key) or [])


@cache
def act_words() -> ActWords:
    """The vocabulary's ``acts_asked`` sets, read once."""
    data = load_vocabulary().sections.get("acts_asked") or {}
    return ActWords(
        modals=_words(data, "modals"),
        asker=_words(data, "asker"),
        objects=_words(data, "objects"),
        joined=frozenset(tuple(normalise(str(w)).split()) for w in data.get("joined") or []),
        enclitics=tuple(sorted(_words(data, "enclitics"), key=len, reverse=True)),
        telling=_words(data, "telling") | TELLING | GIVING,
        present=_words(data, "present"),
        making=_words(data, "making"),
        indefinite=_words(data, "indefinite"),
        told_documents=_words(data, "told_documents"),
        opinion_verbs=_words(data, "opinion_verbs"),
        opinion_nouns=_words(data, "opinion_nouns"),
        opinion_addressed=_words(data, "opinion_addressed"),
        network=_words(data, "network"),
    )


def _clitics_at(words: list[str], i: int, said: ActWords) -> int:
    """How many words from ``i`` are the clitics of both the asker and the thing asked
    ("me la", "m ho", "ens el", "mo", "no lo"); 0 when they are not both there."""
    before = words[i - 1] if i else ""
    for joined in said.joined:  # after the modal or an infinitive: "podem mandar-mo"
        after_verb = before in said.modals or before.endswith("r")
        if tuple(words[i : i + len(joined)]) == joined and (len(joined) > 1 or after_verb):
            return len(joined)
    pair = words[i : i + 2]
    if len(pair) == 2 and pair[0] in said.asker and pair[1] in said.objects:
        return 2
    return 0


def _told(verb: str, said: ActWords) -> bool:
    """Whether ``verb`` asks to be told, shown or given an answer ("decir", "rappeler",
    "indicarmelo"), its joined clitics aside."""
    for ending in said.enclitics:
        if verb.endswith(ending) and len(verb) > len(ending) + 2:
            verb = verb[: -len(ending)]
            break
    return verb in said.telling or verb.rstrip("r") in said.telling


def asks_by_pronouns(words: list[str], said: ActWords | None = None) -> bool:
    """Whether ``words`` ask the secretariat, by a modal addressing it, to do something to
    a thing named only by a pronoun, for the asker ("¿nos lo podríais reenviar?", "me'l
    podeu fer arribar?", "pourriez-vous nous les renvoyer ?", "podem mandar-mo?",
    "¿pueden hacérmela?"); not to tell it ("¿me lo podéis decir?")."""
    said = said or act_words()
    for i, word in enumerate(words):
        if word not in said.modals:
            continue
        window = range(max(0, i - REACH), min(len(words), i + REACH + 1))
        if any(_clitics_at(words, at, said) for at in window):
            clitics = said.asker | said.objects | {w for j in said.joined for w in j}
            after = (w for w in words[i + 1 :] if w not in clitics | ADDRESSEES)
            verb = next(after, "")
            if verb and not _told(verb, said):
                return True
        verb = words[i + 1] if i + 1 < len(words) else ""
        if any(verb.endswith(e) for e in said.enclitics) and not _told(verb, said):
            return True
    return False


def asks_in_present(words: list[str], said: ActWords | None = None) -> bool:
    """Whether ``words`` ask the secretariat to act in the present tense that addresses it,
    the asker's clitic before the verb ("¿me los mandáis?", "em feu el certificat?", "vous
    m'envoyez le dossier ?", "vocês me mandam?"); a reflexive "¿cómo me inscribo?" asks
    how the asker does it, its verb no such form."""
    said = said or act_words()
    for i, word in enumerate(words):
        if word not in said.asker:
            continue
        at = i + 1
        if at < len(words) and words[at] in said.objects:  # "me lo arreglan"
            at += 1
        if at < len(words) and words[at] in said.present:
            return True
    return False


def asks_a_document(words: list[str], said: ActWords | None = None) -> bool:
    """Whether ``words`` ask the secretariat, by a modal addressing it, to make the asker a
    document ("¿nos podrían preparar un justificante?", "pouvez-vous m'établir une
    attestation ?", "em podeu fer un certificat?", "podem fazer-me uma declaração?"): a
    verb of making, the asker's clitic beside it or the modal, an indefinite article after."""
    said = said or act_words()
    for i, word in enumerate(words):
        if word not in said.modals:
            continue
        around = set(words[max(0, i - 2) : i + 4])
        for at in range(i + 1, min(len(words), i + 5)):
            verb = words[at]
            joined = next((verb[: -len(a)] for a in said.asker if verb.endswith(a)), "")
            if verb not in said.making and joined not in said.making:
                continue
            rest = [w for w in words[at + 1 : at + 3] if w not in said.asker]
            for_asker = bool(joined) or bool(said.asker & around) or said.asker & set(rest)
            made = words[at + 2 : at + 4]
            if (
                for_asker
                and rest[:1]
                and rest[0] in said.indefinite
                and not said.told_documents & set(made)
            ):  # "fer-nos un certificat", not "fer una llista de...": what the records hold
                return True
    return False


def asks_the_network_opinion(words: list[str], said: ActWords | None = None) -> bool:
    """Whether ``words`` ask what the network thinks ("what does the network think of",
    "qué piensa el OIDP", "l'avis du réseau sur", "a opinião da rede") or what the
    secretariat thinks, in the plural ("¿qué opinan de...?", "o que pensam?")."""
    said = said or act_words()
    for i, word in enumerate(words):
        if word in said.opinion_addressed:
            return True
        if word not in said.opinion_verbs | said.opinion_nouns:
            continue
        near = words[max(0, i - NETWORK_REACH) : i + NETWORK_REACH + 1]
        if said.network & set(near):
            return True
    return False


def asks_to_act(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` (a question's, normalised) ask the secretariat to act or to judge
    in a way :func:`~hub.core.assistant.polite_requests.asks_the_assistant` does not read:
    handed off in every language."""
    del vocabulary  # the sets are the vocabulary's own section, read once
    said = act_words()
    return (
        asks_by_pronouns(words, said)
        or asks_in_present(words, said)
        or asks_a_document(words, said)
        or asks_the_network_opinion(words, said)
    )

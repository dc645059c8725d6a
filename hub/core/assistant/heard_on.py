"""Where the asker saw or heard of a thing, set aside from what is asked ("saw it on twitter:
when is the Cascais conference?", "lo vi en la web", "j'ai vu sur LinkedIn qu'il y a…",
"he vist a Twitter que…", "vi no Instagram que…").

The medium (a social network, a website, a newsletter, "online") is no word of the record
asked about; left in, it counts against every record and the question is handed off, or
"online" asks whether the thing is held online. Only a medium right after a verb of seeing,
reading or hearing (with at most a pronoun, an article, a possessive or a preposition
between) is the asker's story; "is the conference online?" still asks it.
"""

from __future__ import annotations

HEARD = frozenset(
    {"saw", "seen", "read", "heard", "noticed", "spotted"}
    | {"vi", "visto", "vimos", "lei", "leido", "leimos", "escuche", "oi", "oido", "encontre"}
    | {"vu", "lu", "entendu", "remarque", "apercu", "croise"}
    | {"vist", "veure", "llegit", "llegir", "sentit", "sentir", "trobat"}
    | {"li", "lido", "lemos", "ouvi", "ouvido", "ouvimos", "encontrei", "vimos"}
)
"""Verbs of seeing, reading or hearing in the five languages, normalised, in the past
(Catalan's "vaig veure", "vaig llegir" by the infinitive after "vaig"). Not "found" nor
"trouve": "se trouve sur Slack" says where a thing is."""
PAST_HELPERS = frozenset({"vaig", "vam", "va", "van", "vas", "vau"})
"""Catalan's past: "vaig veure" (I saw); "veure" alone is to see ("on puc veure-ho?")."""
INFINITIVES = frozenset({"veure", "llegir", "sentir"})
CAN = frozenset(
    {"can", "could", "may", "to", "puedo", "podemos", "puede", "pueden", "peux", "puis"}
    | {"pouvons", "peut", "peuvent", "puc", "podem", "pot", "poden", "posso", "pode"}
)
"""Words before a verb that make it no story ("where can I read it online?", "on puc
veure-ho a la web?"): what the member wants to do, asked."""

MEDIA = frozenset(
    {"twitter", "facebook", "instagram", "linkedin", "whatsapp", "telegram", "youtube"}
    | {"tiktok", "mastodon", "bluesky", "slack", "online", "internet", "web", "website"}
    | {"site", "sitio", "pagina", "page", "blog", "newsletter", "boletin", "bulletin"}
    | {"butlleti", "boletim", "email", "mail", "correo", "courriel", "correu", "post"}
    | {"tweet", "feed", "redes", "reseaux", "xarxes", "social", "socials", "sociales"}
    | {"sociaux", "sociais", "media", "net", "rrss"}
)
"""Where news is seen: social networks, the web, a newsletter, mail (normalised)."""

BETWEEN = frozenset(
    {"it", "this", "that", "on", "in", "at", "from", "via", "through", "the", "your", "their"}
    | {"our", "a", "an", "lo", "la", "le", "les", "los", "las", "en", "por", "el"}
    | {"su", "sus", "vuestra", "vuestro", "tu", "sur", "dans", "par", "sa", "son", "ses"}
    | {"votre", "vos", "ton", "ta", "l", "hi", "ho", "al", "la", "vostra", "vostre", "teu"}
    | {"teva", "no", "na", "nos", "nas", "pelo", "pela", "o", "os", "as", "seu", "sua"}
    | {"vosso", "vossa", "um", "uma", "un", "une", "una", "les", "des", "de", "d", "del"}
)
"""Words that may stand between the verb and the medium ("saw it on your", "lo vi en la",
"vu sur le", "he vist a la", "vi no")."""
REACH = 4
"""At most this many words between the verb and the medium."""


def heard_span(words: list[str], i: int) -> range | None:
    """The words of "saw it on twitter" from the verb at ``i`` to the medium, if it names one."""
    if words[i] not in HEARD or (i and words[i - 1] in CAN):
        return None
    if words[i] in INFINITIVES and (not i or words[i - 1] not in PAST_HELPERS):
        return None
    for j in range(i + 1, min(i + REACH + 2, len(words))):
        if words[j] in MEDIA:
            end = j + 1
            while end < len(words) and words[end] in MEDIA:  # "redes sociales"
                end += 1
            return range(i, end)
        if words[j] not in BETWEEN:
            return None
    return None


THAT = frozenset({"that", "que", "qu", "about", "of", "sobre", "del", "de", "d", "do", "da"})
"""Words opening what the asker saw, heard or was told of ("I saw that", "vi que", "j'ai vu
qu'", "told us about", "me han hablado del", "m'han parlat de", "falaram-me do")."""
TOLD = frozenset(
    {"told", "mentioned", "hablado", "hablaron", "contado", "mencionado", "mencionaron"}
    | {"parle", "parlat", "explicat", "falaram", "falado", "contaram", "mencionaram", "heard"}
)
"""Verbs of being told of a thing, normalised ("told us about", "me han hablado de", "on
m'a parlé de", "m'han parlat de", "falaram-me de")."""
SUBJECTS = frozenset(
    {"i", "we", "ve", "have", "he", "hem", "vaig", "vam", "j", "ai", "avons", "nous", "on"}
    | {"a", "eu", "nos", "tinc", "tenho", "temos", "hemos", "me", "han", "m", "ens", "people"}
    | {"someone", "they", "us", "te", "ont", "se"}
)
"""Words of the asker and their auxiliary or pronoun before a verb of seeing or telling
("I", "I've", "he vist", "vaig", "j'ai", "me han", "on m'a", "m'han")."""
BETWEEN_THAT = frozenset({"us", "me", "nos", "ens", "m", "nous", "it"})
"""Pronouns between a verb of telling and what was told ("told us about", "falaram-me de")."""


def heard_that_span(words: list[str], i: int) -> range | None:
    """The words "I saw that", "he vist que", "j'ai lu qu'", "me han hablado del", "told us
    about" from the asker's own words before the verb at ``i`` to the word opening what
    they saw or were told: their story's frame, none of the thing they saw ("I saw that
    Bogotá has a gender parity project", "me han hablado del OIDP")."""
    if words[i] not in HEARD | TOLD:
        return None
    end = i + 1
    if end < len(words) and words[end] in BETWEEN_THAT:
        end += 1
    if end >= len(words) or words[end] not in THAT:
        return None
    start = i
    while start > 0 and i - start < 3 and words[start - 1] in SUBJECTS:
        start -= 1
    return range(start, end + 1)


def frames_a_report(words: list[str], i: int) -> bool:
    """The word at ``i`` opens what the asker saw or was told ("vi que", "he vist que",
    "lei que"): a conjunction there, not the question word it is spelt as."""
    return 0 < i < len(words) and words[i] in THAT and words[i - 1] in HEARD | TOLD


def heard_dropped(words: list[str]) -> list[str]:
    """``words`` without each verb of seeing or hearing and the medium it names, with the
    words between ("saw it on twitter", "lo vi en la web"), and without the frame of what
    the asker saw or was told ("I saw that", "he vist que"): the asker's story, no topic
    and no detail asked (the website of "lo vi en la web" asks for no web address)."""
    dropped: set[int] = set()
    for i in range(len(words)):
        span = heard_span(words, i) or heard_that_span(words, i)
        if span is not None:
            dropped.update(span)
    return [w for i, w in enumerate(words) if i not in dropped] if dropped else words

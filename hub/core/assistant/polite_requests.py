"""Polite, formal requests for an answer that open a sentence ("Could you please tell me
where...", "Le agradecería que me indicara quién...", "Auriez-vous l'amabilité de me dire
quand...", "Em podria indicar on...", "Poderia informar-me se..."): what follows them is
the question, the request itself names nothing.

A request is read from closed word sets, not from listed phrases, so that any polite
arrangement of them is one: a run of courtesy words (modal verbs, the formal "you",
gratitude and kindness, pronouns) holding a verb of telling or knowing ("tell", "indicar",
"préciser", "informar", "saber"), opening the sentence (or after a greeting) and followed
by a question word, or by "if"/"whether"/"si"/"se" before a yes/no question. Requests for
something the assistant cannot do ("could you register me", "pourriez-vous m'envoyer la
facture") hold no verb of telling and are left as they are, to be handed off.
"""

from __future__ import annotations

from hub.core.assistant.vocabulary import Vocabulary

TELLING = frozenset(
    {"tell", "telling", "know", "inform", "informing", "indicate", "confirm", "confirming"}
    | {"advise", "say", "clarify", "specify", "explain", "enquire", "inquire", "ask"}
    | {"decir", "decirme", "decirnos", "diga", "digame", "digan", "dijera", "dijese"}
    | {"indicar", "indicarme", "indicarnos", "indicara", "indicase", "indique", "indiqueme"}
    | {"indicaran", "indiquen", "informar", "informarme", "informarnos", "informara"}
    | {"informase", "informe", "informeme", "confirmar", "confirmarme", "confirmara"}
    | {"confirmase", "confirme", "aclarar", "aclararme", "aclarara", "aclare", "precisar"}
    | {"precisarme", "explicar", "explicarme", "explicara", "explique", "expliqueme"}
    | {"comunicar", "comunicarme", "comunicara", "saber", "conocer", "consultar"}
    | {"consultarle", "consultarles", "preguntar", "preguntarle", "preguntarles"}
    | {"dire", "dites", "indiquer", "indiquez", "preciser", "precisez", "confirmer"}
    | {"confirmez", "communiquer", "expliquer", "expliquez", "informer", "renseigner"}
    | {"savoir", "connaitre", "demander"}
    | {"dir", "digueu", "digui", "indiques", "indiqueu", "indiqui", "indiquessis", "informes"}
    | {"informeu", "informi", "confirmes", "confirmeu", "confirmi", "aclarir", "expliqui"}
    | {"coneixer", "sap", "indiquessiu", "diguessiu", "informessiu", "sabe"}
    | {"dizer", "digam", "dissesse", "indicasse", "indicassem", "esclarecer", "esclareca"}
    | {"esclarecesse", "explicasse", "informasse", "confirmasse", "conhecer", "perguntar"}
)
"""Verbs of telling or knowing, in the forms a polite request takes (infinitive, the formal
imperative, the subjunctive after "I'd be grateful if"), pronouns joined ("indíqueme")."""

COURTESY = frozenset(
    {"could", "can", "would", "will", "might", "may", "you", "please", "kindly", "mind"}
    | {"be", "so", "kind", "as", "to", "enough", "i", "d", "we", "grateful", "appreciate"}
    | {"it", "if", "very", "much", "most", "obliged", "me", "us", "let", "letting", "wish"}
    | {"like"}
    | {"podria", "podrian", "podrias", "puede", "pueden", "usted", "ustedes", "seria"}
    | {"serian", "tan", "amable", "amables", "tendria", "tendrian", "amabilidad"}
    | {"agradeceria", "agradeceriamos", "agradecere", "quisiera", "quisieramos"}
    | {"desearia", "deseariamos", "gustaria", "rogaria", "ruego", "pediria", "importaria"}
    | {"hacer", "el", "favor", "por", "le", "les", "nos", "que", "de", "la"}
    | {"pourriez", "pourrais", "pouvez", "vous", "m", "moi", "auriez", "aurais", "l"}
    | {"amabilite", "gentillesse", "obligeance", "d", "serais", "reconnaissant"}
    | {"reconnaissante", "bien", "vouloir", "veuillez", "voudriez", "souhaiterais"}
    | {"souhaiterions", "voudrais", "voudrions", "aimerais", "aimerions", "sauriez", "je"}
    | {"podries", "podrieu", "pot", "pots", "podeu", "em", "ens", "li", "voste", "vostes"}
    | {"tindria", "tindrieu", "amabilitat", "agrairia", "agrairiem", "voldria", "voldriem"}
    | {"agradaria", "desitjaria", "demanaria", "prego"}
    | {"poderia", "poderiam", "pode", "podem", "podia", "lhe", "o", "a", "senhor", "senhora"}
    | {"voce", "tao", "amavel", "teria", "bondade", "gentileza", "agradecia", "gostaria"}
    | {"gostava", "queria", "desejaria", "pedia", "pediria", "obsequio", "fazer"}
    | {"faria", "haria", "faca", "feu", "merci", "sabria", "saberia"}
)
"""Words a polite request is made of around its verb: modal verbs, the formal "you",
gratitude and kindness, the asker's and the addressee's pronouns, the particles joining
them ("tendría la amabilidad de", "je vous serais reconnaissant de bien vouloir")."""

WHETHER = frozenset({"whether", "if", "si", "se"})
"""Words after a request opening a yes/no question ("...tell me whether", "...indicar si")."""

OPENING = frozenset({"o", "lo", "ce"})
"""Words before a question word that open an indirect question ("o que", "lo que", "ce que")."""


def request_frame(words: list[str], vocabulary: Vocabulary) -> tuple[int, int] | None:
    """Where a polite request for an answer is in ``words`` (start, end), the question
    following it; None when the sentence opens with none. It opens the sentence, or follows
    a greeting ("Buenos días, ¿podría indicarme...?"); "if"/"whether"/"si" after it opens
    the yes/no question that follows."""
    starts = {0} | {f.end for f in vocabulary.courtesies.find(list(words), fuzzy=False)}
    asking = {f.start for f in vocabulary.question_words.find(list(words), fuzzy=False)}
    for start in sorted(starts):
        end = start
        while end < len(words) and (words[end] in COURTESY or words[end] in TELLING):
            end += 1
            if not TELLING & set(words[start:end]) or end >= len(words) - 1:
                continue
            after = words[end]  # the first question word after the verb: "decirme | qué
            if (  # se decidió", not "que se"; "si" stays with the yes/no question it opens
                end in asking
                or after in WHETHER
                or (after == "s" and words[end + 1] in {"il", "ils"})
                or (after in OPENING and end + 1 in asking)
            ):
                return start, end
    return None


ADDRESSED = frozenset(
    {"could", "can", "would", "will", "please", "kindly", "you"}
    | {"podria", "podrias", "puede", "puedes", "podeis", "podriais", "podrian", "pueden"}
    | {"usted", "ustedes", "pourriez", "pouvez", "peux", "pourrais", "voudriez", "veuillez"}
    | {"vous", "tu", "podries", "podrieu", "pots", "podeu", "voste", "poderia", "poderiam"}
    | {"pode", "podes", "voce", "voces"}
)
"""Words addressing the assistant with a request to do something ("could you", "¿podría
usted", "pouvez-vous", "em podríeu", "podes"); not "podem", which Catalan says of "we"."""

FIRST_PERSON = frozenset(
    {"me", "us", "my", "our", "nos", "mi", "mis", "nuestro", "nuestra", "nuestros"}
    | {"nuestras", "m", "moi", "nous", "mon", "ma", "mes", "notre", "em", "ens", "meu"}
    | {"meva", "meus", "meves", "nostre", "nostra", "nostres", "minha", "minhas", "nosso"}
    | {"nossa", "nossos", "nossas"}
)
"""The asker as the one the action is for ("register me", "m'envoyer", "a minha cidade")."""

_ACTING = (
    {"register", "enrol", "enroll", "sign", "send", "forward", "email", "mail", "add", "book"}
    | {"reserve", "pay", "subscribe", "unsubscribe", "remove", "delete", "invite", "call"}
    | {"inscribir", "apuntar", "registrar", "enviar", "mandar", "reenviar", "anadir"}
    | {"agregar", "reservar", "pagar", "suscribir", "incluir", "invitar", "llamar"}
    | {"inscrire", "envoyer", "transmettre", "ajouter", "reserver", "payer", "abonner"}
    | {"desabonner", "rembourser", "appeler", "inviter", "inscriure", "afegir", "subscriure"}
    | {"trucar", "convidar", "inscrever", "registar", "adicionar", "acrescentar", "assinar"}
    | {"subscrever", "marcar", "ligar", "encaminhar", "enviem", "envie", "inscreva"}
)
ACTING = frozenset(
    _ACTING | {verb + pronoun for verb in _ACTING for pronoun in ("me", "nos", "la", "lo")}
)
"""Verbs of doing something for the asker that the assistant cannot do (register, send,
book, pay), with Spanish pronouns joined ("inscribirme", "enviarnos"); not a reflexive
"inscribirse", which asks how one joins."""


MENTIONS = frozenset({"assistant", "asistente", "assistent", "assistente", "bot"})
"""The assistant named before a request to it ("@assistant please...")."""


def asks_an_action(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` open with a request for the assistant to do something for the
    asker ("could you register me", "¿podría inscribirnos?", "pourriez-vous m'envoyer la
    facture", "em podríeu enviar el certificat", "podes inscrever a minha cidade"): no record
    answers it, the secretariat does. A request to tell or explain is no such action."""
    starts = {0} | {f.end for f in vocabulary.courtesies.find(list(words), fuzzy=False)}
    if words[:1] and words[0] in MENTIONS:  # "@assistant please register me..."
        starts.add(1)
    for start in sorted(starts):
        end = start
        while end < len(words) and (words[end] in ADDRESSED or words[end] in FIRST_PERSON):
            end += 1
        if end == start or not ADDRESSED & set(words[start:end]) or end >= len(words):
            continue
        verb = words[end]
        for_asker = verb.endswith(("me", "nos")) or FIRST_PERSON & set(words[start : end + 4])
        if verb in ACTING and for_asker:
            return True
    return False

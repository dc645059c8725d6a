"""Polite, formal requests for an answer that open a sentence ("Could you please tell me
where...", "Le agradecería que me indicara quién...", "Auriez-vous l'amabilité de me dire
quand...", "Em podria indicar on...", "Poderia informar-me se..."): what follows them is
the question, the request itself names nothing.

A request is read from closed word sets, not from listed phrases, so that any polite
arrangement of them is one: a run of courtesy words (modal verbs, the formal "you",
gratitude and kindness, pronouns) holding a verb of telling or knowing ("tell", "indicar",
"préciser", "informar", "saber"), opening the sentence (or after a greeting) and followed
by a question word, or by "if"/"whether"/"si"/"se" before a yes/no question.

Requests no record answers are read here too (:func:`asks_the_assistant`), from the same
kind of closed word sets: an action for the asker ("could you register me", "je vous prie
d'inscrire notre commune", "apúntame al seminario", "me inscreve"), which the secretariat
takes, and the assistant's own opinion or advice ("what do you think of...", "vous pensez
quoi du...", "què et sembla", "vale a pena?", "should we join?"), which no record gives.
Both are handed off in every language.
"""

from __future__ import annotations

from hub.core.assistant.asking import slot_named
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

GIVING = frozenset(
    {"give", "giving", "dar", "darme", "darnos", "deme", "denme", "donner", "donnez"}
    | {"donar", "doneu", "doni", "donessis", "desse"}
)
"""Verbs of giving, which ask for an answer only before the noun of a slot ("could you give
me | the date of...", "pourriez-vous me donner | l'organisateur", "poderia dar-me | a
data"), not before a thing ("em podríeu donar el certificat": an action)."""

COURTESY = frozenset(
    {"could", "can", "would", "will", "might", "may", "you", "please", "kindly", "mind"}
    | {"be", "so", "kind", "as", "to", "enough", "i", "d", "we", "grateful", "appreciate"}
    | {"it", "if", "very", "much", "most", "obliged", "me", "us", "let", "letting", "wish"}
    | {"like"}
    | {"podria", "podrian", "podrias", "puede", "pueden", "usted", "ustedes", "seria"}
    | {"puedes", "podeis", "podriais"}
    | {"serian", "tan", "amable", "amables", "tendria", "tendrian", "amabilidad"}
    | {"agradeceria", "agradeceriamos", "agradecere", "quisiera", "quisieramos"}
    | {"desearia", "deseariamos", "gustaria", "rogaria", "ruego", "pediria", "importaria"}
    | {"hacer", "el", "favor", "por", "le", "les", "nos", "que", "de", "la"}
    | {"pourriez", "pourrais", "pouvez", "vous", "m", "moi", "nous", "auriez", "aurais", "l"}
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
REQUEST_WORDS = COURTESY | TELLING | GIVING
"""Words before a question word that open an indirect question ("o que", "lo que", "ce que")."""


def request_frame(words: list[str], vocabulary: Vocabulary) -> tuple[int, int] | None:
    """Where a polite request for an answer is in ``words`` (start, end), the question
    following it; None when the sentence opens with none. It opens the sentence, or follows
    a greeting ("Buenos días, ¿podría indicarme...?"); "if"/"whether"/"si" after it opens
    the yes/no question that follows, an article before a slot's noun the noun phrase that
    asks it ("Could you tell us | the theme of...?", "¿Me podría dar | la fecha...?")."""
    starts = {0} | {f.end for f in vocabulary.courtesies.find(list(words), fuzzy=False)}
    asking = {f.start for f in vocabulary.question_words.find(list(words), fuzzy=False)}
    for start in sorted(starts):
        end = start
        while end < len(words) and words[end] in REQUEST_WORDS:
            end += 1
            run = set(words[start:end])
            if not (TELLING | GIVING) & run or end >= len(words) - 1:
                continue
            if slot_named(words, end, vocabulary) is not None:  # "...give me | the date"
                return start, end
            if not TELLING & run:
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
    {"could", "can", "would", "will", "please", "kindly", "you", "u"}
    | {"podria", "podrias", "puede", "puedes", "podeis", "podriais", "podrian", "pueden"}
    | {"usted", "ustedes", "pourriez", "pouvez", "peux", "pourrais", "voudriez", "veuillez"}
    | {"vous", "tu", "podries", "podrieu", "pots", "podeu", "voste", "poderia", "poderiam"}
    | {"pode", "podes", "voce", "voces"}
)
"""Words addressing the assistant with a request to do something ("could you", "¿podría
usted", "pouvez-vous", "em podríeu", "podes"); not "podem", which Catalan says of "we"."""

PLEADING = frozenset(
    {"prie", "prions", "merci", "ruego", "rogamos", "prego", "preguem", "peco", "pedimos"}
    | {"solicito", "solicitamos"}
)
"""Verbs of pleading that address the assistant as "please" does ("je vous prie de",
"merci de", "le ruego que", "us prego que", "peço que")."""

LINKING = frozenset({"je", "de", "d", "que", "bien", "vouloir", "por", "favor", "to"})
"""Words joining a plea to the verb of the action ("je vous prie de bien vouloir")."""

FIRST_PERSON = frozenset(
    {"me", "us", "my", "our", "nos", "mi", "mis", "nuestro", "nuestra", "nuestros"}
    | {"nuestras", "m", "moi", "nous", "mon", "ma", "mes", "notre", "nos", "em", "ens", "meu"}
    | {"meva", "meus", "meves", "nostre", "nostra", "nostres", "minha", "minhas", "nosso"}
    | {"nossa", "nossos", "nossas", "ns"}
)
"""The asker as the one the action is for ("register me", "m'envoyer", "a minha cidade")."""

_ACTING = (
    {"register", "enrol", "enroll", "sign", "send", "forward", "email", "mail", "add", "book"}
    | {"reserve", "pay", "subscribe", "unsubscribe", "remove", "delete", "invite", "call"}
    | {"change", "update", "cancel"}
    | {"inscribir", "apuntar", "registrar", "enviar", "mandar", "reenviar", "anadir"}
    | {"agregar", "reservar", "pagar", "suscribir", "incluir", "invitar", "llamar"}
    | {"borrar", "eliminar", "cancelar", "cambiar"}
    | {"inscrire", "envoyer", "transmettre", "ajouter", "reserver", "payer", "abonner"}
    | {"desabonner", "rembourser", "appeler", "inviter", "enregistrer", "supprimer"}
    | {"desinscrire", "inscriure", "afegir", "subscriure", "trucar", "convidar", "apuntar"}
    | {"registrar", "esborrar", "donar", "inscrever", "registar", "adicionar", "acrescentar"}
    | {"assinar", "subscrever", "marcar", "ligar", "encaminhar", "enviem", "envie"}
    | {"inscreva", "apagar", "remover", "cancelar", "mudar", "alterar"}
)
ACTING = frozenset(
    _ACTING | {verb + pronoun for verb in _ACTING for pronoun in ("me", "nos", "la", "lo")}
)
"""Verbs of doing something for the asker that the assistant cannot do (register, send,
book, pay, take off a list), with Spanish pronouns joined ("inscribirme", "enviarnos"); not
a reflexive "inscribirse", which asks how one joins."""

_ORDERING = (
    {"inscribe", "apunta", "registra", "envia", "manda", "anade", "agrega", "reserva"}
    | {"borra", "borrad", "elimina", "eliminad", "suscribe", "da", "inscriba", "inscriban"}
    | {"apunte", "apunten", "registre", "registren", "envien", "manden", "reserven"}
    | {"inscris", "inscrivez", "envoie", "envoyez", "ajoute", "ajoutez", "reservez"}
    | {"supprime", "supprimez", "desabonne", "desabonnez", "desinscris", "desinscrivez"}
    | {"enregistre", "enregistrez", "transmets", "transmettez"}
    | {"inscriu", "inscriviu", "apunteu", "envieu", "afegeix", "afegiu", "reserveu"}
    | {"esborra", "esborreu", "dona", "doneu", "registreu"}
    | {"inscreve", "inscreva", "inscrevam", "regista", "registe", "envie", "mande"}
    | {"adiciona", "adicione", "reserve", "apaga", "apague", "remove", "remova", "cancela"}
    | {"register", "enrol", "enroll", "sign", "send", "email", "add", "book", "reserve"}
    | {"remove", "delete", "unsubscribe", "forward"}
)
ORDERING = frozenset(
    _ORDERING | {verb + pronoun for verb in _ORDERING for pronoun in ("me", "nos", "la", "lo")}
)
"""The same verbs as an order opening the sentence ("register us", "inscríbeme", "envoyez-
moi", "inscriu-me", "inscreve a minha câmara"), Spanish pronouns joined ("apúntame")."""

ARTICLES = frozenset({"a", "an", "the", "un", "una", "el", "la", "le", "les", "els", "o", "os"})
"""Articles after an order that names its object ("book a seat", "envoyez la facture")."""

MENTIONS = frozenset({"assistant", "asistente", "assistent", "assistente", "bot"})
"""The assistant named before a request to it ("@assistant please...")."""


def _openings(words: list[str], vocabulary: Vocabulary) -> dict[int, bool]:
    """Where a request may open ``words``, each with whether it opens plainly: the start,
    after a greeting or thanks, after the assistant's name (plainly), or after a filler
    ("bueno", "oye"), which may run into the question's own words ("qué pasos...")."""
    starts = {0: True}
    for found in vocabulary.courtesies.find(list(words), fuzzy=False):
        starts[found.end] = starts.get(found.end, False) or found.value != "filler"
    if words[:1] and words[0] in MENTIONS:  # "@assistant please register me..."
        starts[1] = True
    return dict(sorted(starts.items()))


def asks_an_action(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` open with a request for the assistant to do something for the
    asker ("could you register me", "¿podría inscribirnos?", "pourriez-vous m'envoyer la
    facture", "je vous prie d'inscrire notre commune", "em podríeu enviar el certificat",
    "podes inscrever a minha cidade") or an order to ("register us", "apúntame", "me
    inscreve", "book a seat"): no record answers it, the secretariat does. A request to
    tell or explain is no such action, nor a question how "we" register."""
    for start, plainly in _openings(words, vocabulary).items():
        end = start
        while end < len(words) and words[end] in ADDRESSED | PLEADING | FIRST_PERSON | LINKING:
            end += 1
        if end >= len(words):
            continue
        run, verb = set(words[start:end]), words[end]
        after = words[end + 1 : end + 6]
        for_asker = verb.endswith(("me", "nos")) or bool(FIRST_PERSON & (run | set(after)))
        if verb in ACTING and (ADDRESSED | PLEADING) & run and for_asker:
            return True
        ordered = verb in ORDERING and not run - FIRST_PERSON - PLEADING - LINKING
        named = plainly and bool(after[:1]) and after[0] in ARTICLES and verb in _ORDERING
        if ordered and (for_asker or named):
            return True
    return False


THINKING = frozenset(
    {"opinas", "piensas", "prefieres", "recomiendas", "aconsejas", "opinais", "pensais"}
    | {"penses", "pensez", "aimes", "aimez", "preferes", "preferez"}
    | {"recommandes", "recommandez", "conseilles", "conseillez"}
    | {"opines", "penseu", "prefereixes", "recomanes", "recomaneu"}
    | {"aconselles", "aconselleu", "achas", "acha", "acham", "achais", "pensas", "gostas"}
    | {"recomendas", "aconselhas"}
)
"""Verbs of thinking, liking or advising in the forms that address the assistant ("¿qué
opinas?", "vous pensez quoi", "què en penses", "o que achas"): its opinion is asked."""

BELIEVING = frozenset({"crees", "creeis", "creus", "creieu", "crois", "croyez"})
"""Verbs of believing addressing the assistant, which ask its opinion only before "que" or
"you" ("¿crees que...?", "crois-tu que"): the French "créés" is written as "crees"."""

THINKING_ADDRESSED = frozenset(
    {"think", "feel", "reckon", "like", "prefer", "recommend", "advise", "suggest", "believe"}
    | {"parece", "gusta", "gustan", "opina", "recomienda", "aconseja", "sembla", "agrada"}
    | {"agraden", "semble", "gosta", "recomenda", "aconselha", "pensa", "piensa", "cree"}
)
"""The same verbs in forms that address the assistant only beside "you" ("do you think",
"¿qué te parece?", "què us sembla", "você gosta")."""

YOU_SAID = frozenset(
    {"you", "u", "usted", "ustedes", "vous", "tu", "toi", "vosotros", "voste", "vostes"}
    | {"vosaltres", "voce", "voces", "vc", "ti"}
)
"""The assistant addressed by a pronoun of its own, before or after a verb of thinking ("do
you think", "opina usted", "crois-tu", "selon vous"); not an article ("selon le plan")."""
YOU = YOU_SAID | {"te", "le", "os", "t", "et", "us", "li", "lhe"}
"""The assistant addressed before a verb of thinking, its clitics too ("¿qué te parece?",
"què us sembla"), which after a verb are articles ("créé le bureau")."""

SAID_BY_ASKER = frozenset({"i", "je", "j", "yo", "jo", "eu", "nous", "se", "we"})
"""Subjects before a verb of thinking that make it the asker's own ("je crois que") or no
thinking at all ("onde se acha": where it is)."""

FRANKLY = frozenset(
    {"personally", "honestly", "really", "actually", "honest", "personal", "sincere"}
    | {"personalmente", "sinceramente", "sincera", "sincero", "personnellement", "perso"}
    | {"franchement", "personalment", "sincerament"}
)
"""Words of frankness that go with an opinion asked ("do you personally think", "honest
opinion", "opinião sincera")."""

OPINIONS = frozenset({"opinion", "opinions", "opinio", "opiniao", "view", "views", "take"})
OPINIONS_OF_YOURS = OPINIONS | {"thoughts", "avis"}
"""Nouns of an opinion, asked with "your" ("your view", "à votre avis", "en tu opinión") or
frankly ("honest opinion")."""

YOUR = frozenset(
    {"your", "ur", "tu", "su", "vuestra", "vuestro", "votre", "ton", "teva", "vostra"}
    | {"seva", "sua", "tua"}
)

ACCORDING = frozenset({"segun", "selon", "segons", "segundo"})
"""Words asking what holds by the assistant's lights ("según tú", "selon vous", "d'après
toi", "segons vostè", "segundo você")."""

WORTH = frozenset({"worth", "pena", "peine", "coup"})
"""What a thing is worth ("is it worth it", "vale la pena", "ça vaut le coup")."""
WORTH_VERBS = frozenset({"is", "it", "vale", "merece", "vaut", "val", "paga"})

IDEA = frozenset({"idea", "idee", "ideia"})
GOOD = frozenset({"good", "buena", "bonne", "bona", "boa", "bad", "mala", "mauvaise"})

SHOULD_WE = frozenset(
    {"should", "deberiamos", "deberia", "devrions", "devrais", "hauriem", "hauria"}
    | {"devemos", "deveriamos", "deviamos", "devia"}
)
JOINING = frozenset(
    {"join", "unirnos", "unir", "adherir", "adherirnos", "adherer", "entrar", "aderir"}
    | {"sumarnos"}
)
"""Whether the asker should join asks the assistant's advice ("should we join?",
"¿deberíamos unirnos?", "devrions-nous adhérer ?", "devemos aderir?")."""


def asks_an_opinion(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` ask the assistant's own opinion or advice ("what do you think of
    sortition", "¿qué opinas?", "vous pensez quoi du tirage au sort", "què et sembla", "o
    que você acha", "in your opinion", "is it worth it", "vale la pena?", "bonne idée ?",
    "should we join?"): no record judges, the secretariat may. Whether a thing is worth it,
    a good idea or to be joined is advice asked only where no question word comes before
    ("why is it worth joining?" asks what it brings)."""
    asking = [f.start for f in vocabulary.question_words.find(list(words), fuzzy=False)]
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        near = set(words[max(0, i - 2) : i + 2])
        if word in THINKING and before not in SAID_BY_ASKER:
            return True
        following = words[i + 1 : i + 2]
        if (
            word in BELIEVING
            and before not in SAID_BY_ASKER
            and (YOU_SAID | {"que"}) & set(following)
        ):
            return True
        according = word in ACCORDING or (word == "apres" and before == "d")
        if according and YOU_SAID & set(following):
            return True
        if word in THINKING_ADDRESSED and before not in SAID_BY_ASKER:
            previous = [w for w in words[max(0, i - 3) : i] if w not in FRANKLY]
            if YOU & set(previous[-1:]) or YOU_SAID & set(following):
                return True
        if word in OPINIONS_OF_YOURS and YOUR & set(words[max(0, i - 2) : i]):
            return True
        if word in OPINIONS and FRANKLY & near:
            return True
        if any(start < i for start in asking):
            continue
        if word in WORTH and (word == "worth" or WORTH_VERBS & set(words[max(0, i - 3) : i])):
            return True
        if word in IDEA and before in GOOD:
            return True
        if word in SHOULD_WE and JOINING & set(words[i + 1 : i + 4]):
            return True
    return False


def asks_the_assistant(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` ask the assistant itself to act or to judge
    (:func:`asks_an_action`, :func:`asks_an_opinion`): handed off in every language."""
    return asks_an_action(words, vocabulary) or asks_an_opinion(words, vocabulary)

"""The words by which a yes/no question frames what it asks, and by which a record's
sentence states it, in the five languages (normalised: no accents): words that only frame
a question ("have", "already", "true"), concepts a sentence says in its own words (must,
taking part, lasting, belonging), and the words of comparing and counting. Read by
:mod:`~hub.core.assistant.yesno`, which answers from the sentence stating what is asked.
"""

from __future__ import annotations

FRAMING: dict[str, list[str]] = {
    "en": [
        "have",
        "has",
        "had",
        "having",
        "include",
        "includes",
        "included",
        "including",
        "exist",
        "exists",
        "existed",
        "there",
        "any",
        "already",
        "yet",
        "still",
        "really",
        "actually",
        "ever",
        "currently",
        "true",
        "correct",
        "only",
        "time",
        "hold",
        "holds",
    ],
    "es": [
        "tener",
        "tiene",
        "tienen",
        "tenia",
        "tuvo",
        "incluir",
        "incluye",
        "incluyen",
        "incluia",
        "existir",
        "existe",
        "existen",
        "existia",
        "hay",
        "habia",
        "ya",
        "todavia",
        "aun",
        "realmente",
        "alguna",
        "alguno",
        "algun",
        "verdad",
        "cierto",
        "correcto",
        "solo",
        "solamente",
    ],
    "fr": [
        "avoir",
        "a",
        "ont",
        "avait",
        "inclure",
        "inclut",
        "incluent",
        "incluait",
        "exister",
        "existe",
        "existent",
        "existait",
        "deja",
        "encore",
        "vraiment",
        "actuellement",
        "vrai",
        "exact",
        "correct",
        "seulement",
    ],
    "ca": [
        "tenir",
        "te",
        "tenen",
        "tenia",
        "incloure",
        "inclou",
        "inclouen",
        "incloia",
        "existir",
        "existeix",
        "existeixen",
        "existia",
        "hi",
        "ha",
        "havia",
        "ja",
        "encara",
        "realment",
        "algun",
        "alguna",
        "veritat",
        "cert",
        "correcte",
        "nomes",
    ],
    "pt": [
        "ter",
        "tem",
        "teem",
        "tinha",
        "incluir",
        "inclui",
        "incluem",
        "incluia",
        "existir",
        "existe",
        "existem",
        "existia",
        "ha",
        "havia",
        "ja",
        "ainda",
        "realmente",
        "algum",
        "alguma",
        "verdade",
        "certo",
        "correto",
        "apenas",
    ],
}
"""Words that only frame a yes/no question (whether something has, includes, exists, is true,
only so, at a time): no record needs to say them for its sentence to answer."""

AT_ONCE: dict[str, list[str]] = {
    "en": ["same", "once", "simultaneously", "concurrently"],
    "es": ["vez", "mismo", "tiempo", "simultaneamente"],
    "fr": ["fois", "meme", "temps", "simultanement"],
    "ca": ["alhora", "vegada", "mateix", "temps", "simultaniament"],
    "pt": ["vez", "mesmo", "tempo", "simultaneamente"],
}
"""Words of "at the same time", "a la vez", "à la fois", "alhora", "ao mesmo tempo": they frame
how many at once, which a sentence says in its own words ("at any one point")."""

HELD: dict[str, list[str]] = {
    "en": ["held"],
    "es": ["hara", "haran", "celebrara", "celebraran", "realizara", "realizaran"],
    "fr": ["fera", "feront", "tiendra", "tiendront"],
    "ca": ["fara", "faran", "celebrara", "celebraran", "realitzara", "realitzaran"],
    "pt": ["fara", "farao", "realizara", "realizarao", "celebrara"],
}
"""Words asking whether something will be held ("es farà alguna sessió...?", "¿se hará una
sesión...?", "will a session be held...?"): they ask whether it exists, as "is there" does;
the record of it, holding every other word, states that."""

MEMBERSHIP: dict[str, list[str]] = {
    "en": ["one", "among", "part", "yes", "no"],
    "es": ["uno", "una", "entre", "parte", "si", "no"],
    "fr": ["un", "une", "parmi", "partie", "oui", "non"],
    "ca": ["un", "una", "entre", "part", "si", "no"],
    "pt": ["um", "uma", "entre", "parte", "sim", "nao"],
}
"""Words that frame whether something is one of a kind's records ("is X one of the areas",
"¿es X una de las prioridades?"), and the yes or no a member asks for: no record says them."""

LASTING: dict[str, list[str]] = {
    "en": [
        "run",
        "running",
        "ran",
        "active",
        "work",
        "working",
        "worked",
        "operate",
        "back",
        "collaborate",
        "collaborating",
        "last",
        "lasted",
    ],
    "es": [
        "funcionar",
        "funcionaba",
        "activo",
        "activa",
        "trabajar",
        "trabajaba",
        "colaborar",
        "colaboraba",
        "duro",
        "durar",
    ],
    "fr": [
        "fonctionner",
        "fonctionnait",
        "actif",
        "active",
        "travailler",
        "travaillait",
        "collaborer",
        "collaborait",
        "dure",
        "durer",
    ],
    "ca": [
        "funcionar",
        "funcionava",
        "actiu",
        "activa",
        "treballar",
        "treballava",
        "collabora",
        "collaborar",
        "collaborava",
        "durar",
        "durat",
    ],
    "pt": [
        "funcionar",
        "funcionava",
        "ativo",
        "ativa",
        "trabalhar",
        "trabalhava",
        "colaborar",
        "colaborava",
        "durou",
        "decorreu",
    ],
}
"""Words that ask whether something was going on at a time ("was the project still running
in 2009", "back in 2008"): the record's years answer them, no sentence need repeat them."""

OVER: dict[str, list[str]] = {
    "en": ["already", "over", "closed", "ended", "finished", "passed", "past", "happened"],
    "es": ["ya", "terminado", "terminada", "cerrado", "cerrada", "pasado", "pasada", "acabado"],
    "fr": ["deja", "termine", "terminee", "ferme", "fermee", "passe", "passee", "fini", "finie"],
    "ca": ["ja", "acabat", "acabada", "tancat", "tancada", "passat", "passada"],
    "pt": ["ja", "terminou", "terminado", "fechado", "fechada", "encerrado", "passou", "acabou"],
}
"""Words asking whether something dated is already over ("is the call already closed?",
"¿ya ha pasado?"): its dates against today answer them."""

OPENING: dict[str, list[str]] = {
    "en": ["open", "opened", "opens", "opening"],
    "es": ["abrir", "abrirse", "abierto", "abierta", "abre", "abrio", "abrieron", "abriera"],
    "fr": ["ouvrir", "ouvert", "ouverte", "ouvre", "ouvrira"],
    "ca": ["obrir", "obert", "oberta", "obre", "obris", "obrira"],
    "pt": ["abrir", "aberto", "aberta", "abre", "abriu", "abriram"],
}
"""Words asking whether something is open or opened ("is the call open yet?", "a-t-il
ouvert ?"): of a dated call, its dates against today answer; of an office only planned,
nothing does (the records say it was planned, not that it opened)."""

AHEAD: dict[str, list[str]] = {
    "en": ["ahead", "upcoming", "come", "coming", "future"],
    "es": ["venir", "pendiente", "pendientes", "futuro", "futura"],
    "fr": ["venir", "avenir", "futur", "future"],
    "ca": ["venir", "pendent", "pendents", "futur", "futura"],
    "pt": ["vir", "pendente", "pendentes", "futuro", "futura"],
}
"""Words asking whether something dated is still to come ("is the congress still ahead of
us?", "¿está aún por venir?", "c'est encore à venir ?"): its dates against today answer."""

NOW: dict[str, list[str]] = {
    "en": ["now", "moment", "currently", "presently"],
    "es": ["ahora", "momento", "actualmente"],
    "fr": ["maintenant", "moment", "actuellement"],
    "ca": ["ara", "moment", "actualment"],
    "pt": ["agora", "momento", "atualmente"],
}
"""Words placing a yes/no at the asker's today ("is the call open at the moment?", "¿está
abierta ahora?"): they frame the question, the dates of the record answer it."""

ALREADY: dict[str, list[str]] = {
    "en": ["already", "yet"],
    "es": ["ya"],
    "fr": ["deja"],
    "ca": ["ja"],
    "pt": ["ja"],
}
"""Words asking whether something has happened by the asker's today ("has it opened
yet?", "ja va obrir?"): with :data:`NOW` and the words of "still", they ask of today, which
a record dated by its documents does not state (it says the documents do not say it
opened, not that it is still unopened)."""

RECEIVING: dict[str, list[str]] = {
    "en": ["won", "win", "wins", "received", "receive"],
    "es": ["gano", "recibio", "recibido", "dieron", "obtuvo", "otorgaron"],
    "fr": ["recu", "gagne", "obtenu", "remporte"],
    "ca": ["guanyat", "guanyar", "rebut", "rebre", "obtingut"],
    "pt": ["ganhou", "recebeu", "recebido", "obteve"],
}
"""Words asking whether someone won or received something ("did Valencia win a prize?",
"¿le dieron un premio?"): of a record of a prize given to them, its being is the statement.
Not "premiado" nor "donat": they stem as the prize ("premi") and giving ("dona") is a cost's."""

TAKING_PART: dict[str, list[str]] = {
    "en": [
        "involved",
        "participate",
        "participates",
        "attend",
        "attends",
        "collaborate",
        "collaborates",
        "represents",
        "represent",
    ],
    "es": [
        "involucrado",
        "involucrada",
        "participa",
        "participar",
        "asiste",
        "colabora",
        "colaborar",
        "representa",
    ],
    "fr": [
        "implique",
        "impliquee",
        "participe",
        "participer",
        "assiste",
        "collabore",
        "collaborer",
        "represente",
    ],
    "ca": [
        "implicat",
        "implicada",
        "participa",
        "participar",
        "assisteix",
        "collabora",
        "collaborar",
        "representa",
    ],
    "pt": [
        "envolvido",
        "envolvida",
        "participa",
        "participar",
        "assiste",
        "colabora",
        "colaborar",
        "representa",
    ],
}
"""Words asking whether the network takes part in something ("está envolvido no festival?",
"is the secretariat involved?"): one concept, stated by a sentence saying it collaborates,
takes part in or represents the network there."""

LASTING_FOR: dict[str, list[str]] = {
    "en": ["lasts", "lasted"],  # not "last": "last year", "the last one"
    "es": ["dura", "duran", "duro", "durar"],
    "fr": ["dure", "durent", "durait", "durer"],
    "ca": ["dura", "duren", "durava", "durar"],
    "pt": ["dura", "duram", "durou", "durar"],
}
"""Words asking how long something lasts, yes or no ("does a plan last one term?", "o plano
dura um mandato?"): one concept, stated by a sentence saying it lasts, in its own words; the
verb is no word of the record's name ("Duração", "Durée"), though it stems alike."""

BELONGING: dict[str, list[str]] = {
    "en": ["part", "belong", "belongs", "belonged"],
    "es": ["parte", "pertenece", "pertenecen", "pertenecia"],
    "fr": ["partie", "appartient", "appartiennent", "appartenait"],
    "ca": ["part", "pertany", "pertanyen", "pertanyia"],
    "pt": ["parte", "pertence", "pertencem", "pertencia"],
}
"""Words asking whether one thing is part of another ("is Scotland part of a circle?",
"¿forma parte de...?", "fait-elle partie de...?", "faz parte de...?", "pertany a...?"): one
concept, stated by a sentence naming it among the other's members or parts
(:data:`MEMBERS`), not by one naming both side by side ("cited beside")."""

MEMBERS: dict[str, list[str]] = {
    "en": ["member", "members", "part", "parts", "include", "includes", "among", "within"],
    "es": ["miembro", "miembros", "parte", "partes", "incluye", "incluyen", "entre"],
    "fr": ["membre", "membres", "partie", "parties", "comprend", "inclut", "parmi"],
    "ca": ["membre", "membres", "part", "parts", "inclou", "inclouen", "entre"],
    "pt": ["membro", "membros", "parte", "partes", "inclui", "incluem", "entre"],
}
"""Words by which a sentence states that something is part of another ("Members of the
circle ... are Buenos Aires and Scotland")."""

PLANNING: dict[str, list[str]] = {
    "en": ["plan", "plans", "planned", "planning", "intend", "intends", "want", "wants"],
    "es": [
        *("planea", "planean", "preve", "previsto", "prevista", "piensa", "quiere"),
        *("planeaba", "preveia", "pensaba", "queria"),
    ],
    "fr": [
        *("prevoit", "prevu", "prevue", "envisage", "compte", "veut", "projette"),
        *("prevoyait", "envisageait", "comptait", "voulait", "projetait"),
    ],
    "ca": [
        *("preveu", "previst", "prevista", "planeja", "vol", "pensa"),
        *("preveia", "planejava", "volia", "pensava"),
    ],
    "pt": [
        *("preve", "previsto", "prevista", "planeia", "planeja", "pensa", "quer"),
        *("previa", "planeava", "planejava", "pensava", "queria"),
    ],
}
"""Words of an intention just before an opening word ("prévoit d'ouvrir", "plans to open"):
then whether it is planned is asked, which the record of a planned office states."""

SCHEDULING: dict[str, list[str]] = {
    "en": ["scheduled", "planned", "foreseen", "expected", "due", "programmed", "slated"],
    "es": ["previsto", "prevista", "programado", "programada", "planeado", "planeada"],
    "fr": ["prevu", "prevue", "programme", "programmee", "planifie", "planifiee"],
    "ca": ["previst", "prevista", "programat", "programada", "planificat", "planificada"],
    "pt": ["previsto", "prevista", "programado", "programada", "agendado", "agendada"],
}
"""Words saying a dated thing is expected for a time or place ("is the conference planned
for August?", "¿está prevista en Abidjan?"): they ask what its own dates and place state."""

CONGRESS: dict[str, list[str]] = {
    "en": ["congress", "congresses"],
    "es": ["congreso", "congresos"],
    "fr": ["congres"],
    "ca": ["congres", "congressos"],
    "pt": ["congresso", "congressos"],
}
"""Words calling a numbered conference a congress ("le 13e congrès de l'OIDP"): the network's
conference of that number is the one named."""

LOCATED: dict[str, list[str]] = {
    "en": ["based", "located", "situated", "seat", "headquartered", "headquarters", "sits"],
    "es": ["sede", "ubicada", "ubicado", "situada", "situado", "radica", "queda", "esta"],
    "fr": ["siege", "situe", "situee", "basee", "base", "trouve", "installe", "installee"],
    "ca": ["seu", "ubicada", "ubicat", "situada", "situat", "troba", "esta"],
    "pt": ["sede", "fica", "situado", "situada", "localizado", "localizada", "sediado", "esta"],
}
"""Words asking where something is ("is the secretariat based in...", "¿tiene su sede
en...?", "fica em..."): of a record with a place of its own, its place answers them."""

FOUNDING: dict[str, list[str]] = {
    "en": ["set", "up", "founded", "created", "established", "launched", "start", "started"],
    "es": ["creo", "creada", "creado", "crear", "fundo", "fundada", "fundado", "inauguro"],
    "fr": ["cree", "creee", "creer", "fonde", "fondee", "etabli", "etablie", "inaugure"],
    "ca": ["crear", "creada", "creat", "fundada", "fundat", "fundar", "inaugurar", "va"],
    "pt": ["criado", "criada", "criou", "criar", "fundado", "fundada", "inaugurado", "foi"],
}
"""Words asking when something was set up ("was the office created in 2013?"): of a record
stating the date it was founded, that date answers them."""

NECESSITY: dict[str, list[str]] = {
    "en": ["must", "mandatory", "obligatory", "compulsory", "required", "require", "requires"],
    "es": ["obligatorio", "obligatoria", "deben", "debe", "requiere", "requieren"],
    "fr": ["obligatoire", "obligatoirement", "doivent", "doit", "faut", "exige", "exigent"],
    "ca": ["obligatori", "obligatoria", "cal", "requereix", "requereixen"],
    "pt": ["obrigatorio", "obrigatoria", "devem", "deve", "exige", "exigem", "requer"],
}
"""Words saying something must be done: "is it mandatory to choose..." is stated by a
sentence saying members must (deben, doivent, han de, têm de) choose it."""

NECESSITY_PHRASES = (
    "have to",
    "has to",
    "tienen que",
    "tiene que",
    "hay que",
    "han de",
    "ha de",
    "han d",
    "ha d",
    "tem de",
    "tem que",
    "teem de",
    "il faut",
)
"""The same, in two words (normalised: no accents)."""

COMPARING = (
    *("more", "less", "fewer", "than", "mas", "menos", "plus", "moins", "que", "mes", "mais"),
    *("most", "maximum", "maxim", "maximo", "hasta", "jusqu", "fins"),
)
"""Words of a comparison ("more than five"): a sentence stating the limit need not repeat them."""

LIMITS = (" up to ", " ate ")
LIMIT_WORDS = frozenset({"up", "ate"})
"""A limit asked in words that are each other words ("up", "até" of a date): "up to 10"."""

COMPARED: dict[str, frozenset[str]] = {
    "en": frozenset({"more", "less", "fewer", "than"}),
    "es": frozenset({"mas", "menos"}),
    "fr": frozenset({"plus", "moins"}),
    "ca": frozenset({"mes", "menys"}),
    "pt": frozenset({"mais", "menos"}),
}
"""The same, as a question's own words (function words, no terms), per language."""

NUMBERS: dict[str, tuple[str, ...]] = {
    "en": ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "es": ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"),
    "fr": ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    "ca": ("un", "dos", "tres", "quatre", "cinc", "sis", "set", "vuit", "nou", "deu"),
    "pt": ("um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"),
}
"""Numbers written as words, one to ten: "five commitments" asks what "5 commitments" states."""

UNNUMBERED = frozenset({"un", "one", "uno", "um", "nou", "neuf", "set", "deu"})
"""Number words that are also other words: an article ("un miembro"), "new" ("el nou web",
"un site neuf"), "set" (English), "deu" (Portuguese "gave"). They are read as no number."""

DOCUMENTS = ("document", "documento", "documents", "documentos")
"""Words for the documents: "the documents do not say it opened" states no fact."""

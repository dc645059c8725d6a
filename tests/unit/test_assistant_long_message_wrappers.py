"""Long chat messages: a question the records answer, wrapped in who asks, hedges and asides.

- How the member wants the answer worded ("put simply", "ao certo", "concrètement", "en
  poques paraules", "de forma simples") is no topic a record must hold, and it does not stop
  the sentence after it from being the question ("Concretely, where is...?").
- A second request that the records cannot answer, set apart by a word that turns to
  something else ("also", "by the way", "por cierto", "au passage", "per cert", "já agora"),
  no longer hands off the whole message: the question the records answer is answered, and the
  same reply says, in the member's language, that the other part goes to the secretariat.
  The answer is no handoff (the member has it); :attr:`Answer.passed_on` holds the part the
  secretariat must answer.
- A long message whose only question is something the records do not state (a phone
  number, a hotel, an opinion, a detail the record lacks) is still handed off, in every
  language; so is one whose main question is unanswered, whatever its aside.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2024, 3, 1)
OGP_LOCAL = "ogp-local"
SECRETARIAT = "iopd-technical-secretariat"
FEE = "faq-membership-fee"
JOIN = "faq-how-to-join-the-iopd"
AFRICA = "office-africa-dakar"


HEDGED = [
    (
        "Hello everyone, I'm a policy officer at a county council in Wales and I've just"
        " inherited the open government file from a colleague who retired. Put simply, what"
        " is OGP Local? Thanks so much and enjoy the sunshine!",
        "en",
        OGP_LOCAL,
    ),
    (
        "Hi there, I look after resident panels in Leuven and our alderman keeps dropping the"
        " name in meetings. In simple terms, what is OGP Local? Cheers, and have a lovely"
        " weekend!",
        "en",
        OGP_LOCAL,
    ),
    (
        "Good afternoon! I'm a researcher at a university in Ghent writing about city"
        " networks. Roughly speaking, where is the African office of the IOPD? Kind regards",
        "en",
        AFRICA,
    ),
    (
        "Hola a todos, soy técnico de participación en un ayuntamiento de Navarra y estoy"
        " preparando un informe para el pleno. Dicho de forma sencilla, ¿qué es OGP Local?"
        " Muchas gracias y buen fin de semana.",
        "es",
        OGP_LOCAL,
    ),
    (
        "Buenas, escribo desde el área de participación de un municipio de Murcia. Nos"
        " interesa mucho la red. Concretamente, ¿dónde tiene su sede la Secretaría Técnica del"
        " OIDP? Un saludo",
        "es",
        SECRETARIAT,
    ),
    (
        "Bonjour à toutes et à tous, je travaille au service participation d'une commune près"
        " de Liège et je découvre le réseau. Concrètement, c'est quoi OGP Local ? Merci"
        " beaucoup et bonne journée !",
        "fr",
        OGP_LOCAL,
    ),
    (
        "Bonjour, je suis chargé de mission démocratie locale à Bordeaux et je prépare une"
        " note pour les élus. En termes simples, où se trouve le Secrétariat technique de"
        " l'OIDP ? Merci d'avance.",
        "fr",
        SECRETARIAT,
    ),
    (
        "Bon dia a tothom! Treballo a l'àrea de participació d'un ajuntament del Maresme i"
        " estic preparant un informe. Dit de manera senzilla, què és OGP Local? Moltes gràcies"
        " i bon cap de setmana!",
        "ca",
        OGP_LOCAL,
    ),
    (
        "Hola! Soc tècnica de participació d'un ajuntament de Lleida i la regidora em demana"
        " dades. Concretament, on té la seu la Secretaria Tècnica de l'OIDP? Gràcies",
        "ca",
        SECRETARIAT,
    ),
    (
        "Olá! Escrevo da Câmara Municipal de Évora, do gabinete de participação, e ando a"
        " preparar uma nota para o executivo. O que é, ao certo, o OGP Local? Obrigada e bom"
        " fim de semana!",
        "pt",
        OGP_LOCAL,
    ),
    (
        "Bom dia! Sou técnica de participação numa câmara perto do Porto. Queria perceber, de"
        " forma simples, como é que uma câmara municipal pode aderir ao OIDP? Obrigada e boa"
        " semana!",
        "pt",
        JOIN,
    ),
    (
        "Oi gente, tudo bem? Trabalho na prefeitura de Recife com participação social. Vocês"
        " poderiam me explicar direitinho onde fica o escritório do OIDP na África? Valeu,"
        " abraço!",
        "pt",
        AFRICA,
    ),
]


@pytest.mark.parametrize(("text", "language", "record"), HEDGED)
def test_how_the_answer_should_be_worded_is_no_topic(
    assistant: Assistant, text: str, language: str, record: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer
    assert answer.passed_on is None


ASIDES = [
    (
        "Hi! I coordinate citizen panels in Utrecht and I'm putting together a briefing for"
        " our aldermen. Where is the IOPD Technical Secretariat based? Also, could you send me"
        " the phone number of the person who runs it? Cheers",
        "en",
        SECRETARIAT,
        "Barcelona",
    ),
    (
        "Dear team, I run the participation desk of a mid-sized town in Ontario and our"
        " treasurer worries about costs. Does membership in the IOPD cost anything? By the way,"
        " will anyone from the secretariat be in Toronto this autumn? Thanks!",
        "en",
        FEE,
        "no fees",
    ),
    (
        "Hola, trabajo en la concejalía de participación de un ayuntamiento de Asturias."
        " ¿Ser miembro del OIDP tiene algún coste? Por cierto, ¿alguien del secretariado"
        " estará en Oviedo en marzo? Gracias!",
        "es",
        FEE,
        "cuotas",
    ),
    (
        "Buenas, soy del servicio de participación de un municipio de Jaén. ¿Dónde está la"
        " sede de la Secretaría Técnica del OIDP? Y otra cosa, ¿me podéis pasar el teléfono"
        " de la persona responsable? Un saludo",
        "es",
        SECRETARIAT,
        "Barcelona",
    ),
    (
        "Bonjour, notre mairie près de Lille réfléchit à adhérer au réseau. Où se trouve le"
        " Secrétariat technique de l'OIDP ? Au passage, quelqu'un du secrétariat sera-t-il à"
        " Paris en février ? Bonne journée",
        "fr",
        SECRETARIAT,
        "Barcelone",
    ),
    (
        "Bon dia, treballo en un ajuntament del Penedès i estem pensant d'entrar a la xarxa."
        " On té la seu la Secretaria Tècnica de l'OIDP? Per cert, algú del secretariat vindrà"
        " a Tarragona al maig? Salutacions",
        "ca",
        SECRETARIAT,
        "Barcelona",
    ),
    (
        "Bom dia! Escrevo da junta de freguesia de Setúbal. Onde fica a Secretaria Técnica do"
        " OIDP? Já agora, podem enviar-me o contacto telefónico da pessoa responsável?"
        " Cumprimentos",
        "pt",
        SECRETARIAT,
        "Barcelona",
    ),
    (
        "Oi pessoal, tudo bem? Sou da prefeitura de uma cidade no interior de Minas e a gente"
        " está pensando em entrar na rede. Ser membro do OIDP custa alguma coisa? Aliás,"
        " alguém da secretaria vai estar em Belo Horizonte em abril? Valeu!",
        "pt",
        FEE,
        "quotas",
    ),
]


ASIDES += [
    (
        "Hi team! Quick one from a ward office in Leeds: where is the IOPD office in Africa?"
        " Thanks a lot. P.S. Can you add my colleague Jan to the mailing list?",
        "en",
        AFRICA,
        "Dakar",
    ),
    (
        "Bonjour ! Je vous écris depuis la mairie de Tours. Où se trouve le bureau de l'OIDP en"
        " Afrique ? Merci. P.S. : pouvez-vous m'envoyer la liste des participants du dernier"
        " séminaire ?",
        "fr",
        AFRICA,
        "Dakar",
    ),
    (
        "Olá! Escrevo da Câmara de Beja. Onde fica o escritório do OIDP em África? Obrigado."
        " P.S.: podem enviar-me a lista de participantes do último seminário?",
        "pt",
        AFRICA,
        "Dakar",
    ),
    (
        "Hello, I'm with a civic lab in Oslo. Oh, and one more thing: is there a fee to join"
        " the IOPD? Also: who is the contact person for Scandinavia?",
        "en",
        FEE,
        "no fees",
    ),
    (
        "Oi, sou de um laboratório cívico em Recife. É preciso pagar quota pra entrar no OIDP?"
        " Ah, e aproveitando, quem é o contato de vocês para o Nordeste?",
        "pt",
        FEE,
        "quotas",
    ),
]


def assert_answered_and_passed_on(
    assistant: Assistant, text: str, language: str, record: str, fact: str
) -> None:
    """One part of ``text`` answered from ``record`` (saying ``fact``), the other passed on."""
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer
    assert answer.passed_on
    assert answer.answer.endswith(assistant.tables.phrase("passed_on", language))


@pytest.mark.parametrize(("text", "language", "record", "fact"), ASIDES)
def test_the_answered_part_is_answered_and_the_aside_passed_on(
    assistant: Assistant, text: str, language: str, record: str, fact: str
) -> None:
    assert_answered_and_passed_on(assistant, text, language, record, fact)


FIRST_PASSED = [
    (
        "Hola a tothom, estic organitzant un viatge de feina a Barcelona. Quin hotel barat em"
        " recomaneu a prop de l'oficina de l'OIDP? Per cert, on té la seu la Secretaria"
        " Tècnica? Gràcies per endavant!",
        "ca",
        SECRETARIAT,
        "Barcelona",
    ),
    (
        "Olá, sou vereadora numa câmara do norte de Portugal e preciso de uns dados. Qual é o"
        " número de telemóvel do presidente do OIDP? Já agora, onde fica o escritório do OIDP"
        " em África? Muito obrigada!",
        "pt",
        AFRICA,
        "Dakar",
    ),
    (
        "Hi, I'm on the participation team of a council near Cork. Which hotel near your"
        " office would you recommend for a study visit? By the way, does joining the IOPD"
        " cost anything? Thanks a million",
        "en",
        FEE,
        "no fees",
    ),
]


@pytest.mark.parametrize(("text", "language", "record", "fact"), FIRST_PASSED)
def test_an_aside_the_records_answer_is_answered_and_the_question_passed_on(
    assistant: Assistant, text: str, language: str, record: str, fact: str
) -> None:
    assert_answered_and_passed_on(assistant, text, language, record, fact)


HONEST = [
    (
        "Hello, I work for the mayor's office in Leeds and my boss asked me to find out some"
        " things before Monday. What is the personal mobile number of the IOPD president?"
        " Thanks and have a good weekend.",
        "en",
    ),
    (
        "Hi all, I'm new at the participation office of a town near Bristol. Put simply,"
        " which cheap hotel is closest to the IOPD office in Barcelona? Thank you very much!",
        "en",
    ),
    (
        "Good morning, I'm preparing our council's report on citizen engagement. In your"
        " opinion, which city has the best participatory budget in Europe? Many thanks.",
        "en",
    ),
    (
        "Hello from Bruges! I'm drafting a note for our aldermen. Concretely, how many staff"
        " members work at the African office of the IOPD? Also, is there a newsletter in"
        " Dutch? Thanks!",
        "en",
    ),
    (
        "Hola, soy concejala en un pueblo de Toledo y mi alcalde me pide datos. Concretamente,"
        " ¿cuál es el número de móvil del presidente del OIDP? Muchas gracias y un saludo.",
        "es",
    ),
    (
        "Buenos días, trabajo en un ayuntamiento de Valencia y estoy organizando un viaje."
        " ¿Qué hotel me recomendáis cerca de la oficina del OIDP en Barcelona? Gracias de"
        " antemano.",
        "es",
    ),
    (
        "Bonjour, je travaille à la mairie de Nantes et ma directrice me demande plusieurs"
        " choses. Concrètement, quel est le numéro de portable du président de l'OIDP ?"
        " Merci beaucoup et bonne journée.",
        "fr",
    ),
    (
        "Bonjour à tous, je prépare un rapport pour le conseil municipal. Selon vous, quelle"
        " ville a le meilleur budget participatif d'Afrique ? Au passage, bravo pour le site."
        " Merci d'avance !",
        "fr",
    ),
    (
        "Bon dia, soc regidora d'un poble de Girona. En poques paraules, quin és el número de"
        " mòbil del president de l'OIDP? Moltes gràcies i bona tarda.",
        "ca",
    ),
    (
        "Hola a tothom, estic organitzant un viatge de feina a Barcelona. Quin hotel barat em"
        " recomaneu a prop de l'oficina de l'OIDP? Per cert, hi haurà algú del secretariat a"
        " Tarragona al maig? Gràcies per endavant!",
        "ca",
    ),
    (
        "Olá, sou vereadora numa câmara do norte de Portugal e o presidente pediu-me uns"
        " dados. Qual é, ao certo, o número de telemóvel do presidente do OIDP? Muito obrigada"
        " e boa tarde.",
        "pt",
    ),
    (
        "Oi, boa tarde! Estou organizando uma viagem a Barcelona com a equipe da prefeitura."
        " Qual hotel barato vocês recomendam perto do escritório do OIDP? Obrigado desde já!",
        "pt",
    ),
    (
        "Bom dia, escrevo de uma junta de freguesia em Braga. Na vossa opinião, qual é a"
        " melhor cidade portuguesa em orçamento participativo? Já agora, parabéns pelo site!",
        "pt",
    ),
]


HONEST += [
    (
        "Olá, somos da Câmara de Sintra e vamos a Dacar em breve. Confirmam o número de"
        " telefone do escritório do OIDP em Dacar? Obrigada",
        "pt",
    ),
    (
        "Hola, somos del ayuntamiento de Badajoz y estamos reservando el viaje. ¿Me confirmáis"
        " cuál es el hotel oficial de la conferencia de Cascais? Gracias",
        "es",
    ),
    (
        "Bonjour, nous préparons notre venue depuis Bayonne. Vous me confirmez le nombre de"
        " participants inscrits à la conférence de Cascais ? Merci",
        "fr",
    ),
]


HONEST += [
    (
        "Dear IOPD team,\n\nMy name is Tom and I work for the city of Cork. Could you tell me"
        " the personal email address of the IOPD president?\n\nKind regards,\nTom Byrne",
        "en",
    ),
    (
        "Prezados,\n\nSou a Ana, da Prefeitura de Olinda. Gostaria de saber qual hotel vocês"
        " recomendam em Barcelona perto do escritório do OIDP.\n\nAtenciosamente,\nAna Lima",
        "pt",
    ),
    (
        "Caros colegas,\n\nSou o Paulo, da Câmara de Tomar. Gostaria de saber quantas pessoas"
        " trabalham no escritório do OIDP em Dacar.\n\nCom os melhores cumprimentos,\nPaulo",
        "pt",
    ),
]


@pytest.mark.parametrize(("text", "language"), HONEST)
def test_a_long_message_whose_question_the_records_lack_is_handed_off(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert answer.handoff, answer.answer


STAYING = [
    (
        "Hi, I'm with a small council in Cornwall and we are mapping international networks."
        " Where is the African office of the IOPD? Also, when was it set up? Thanks!",
        "en",
    ),
    (
        "Hola, soy técnica en un ayuntamiento de Huesca y preparo un mapa de redes. ¿Dónde"
        " está la oficina del OIDP en África? Por cierto, ¿cuándo se creó? ¡Gracias!",
        "es",
    ),
    (
        "Olá, trabalho numa câmara do Algarve e estou a mapear redes internacionais. Onde fica"
        " o escritório do OIDP em África? Já agora, quando foi criado? Obrigado!",
        "pt",
    ),
]


@pytest.mark.parametrize(("text", "language"), STAYING)
def test_an_aside_naming_nothing_of_its_own_asks_about_the_question_before(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [AFRICA]
    assert answer.passed_on is None
    assert "2012" in answer.answer


TOLD = [
    (
        "Hello, I work on participation in a Flemish town. How can a city join the IOPD? By"
        " the way, your new website looks great.",
        "en",
        JOIN,
    ),
    (
        "Bonjour, je travaille à la mairie d'Angers. Comment une ville peut-elle adhérer à"
        " l'OIDP ? Au passage, bravo pour la lettre d'information du mois dernier.",
        "fr",
        JOIN,
    ),
    (
        "Bon dia, treballo a l'Ajuntament de Manlleu. Com pot un ajuntament entrar a l'OIDP?"
        " Per cert, la sessió de la setmana passada va ser molt interessant.",
        "ca",
        JOIN,
    ),
]


@pytest.mark.parametrize(("text", "language", "record"), TOLD)
def test_an_aside_that_asks_nothing_is_not_passed_on(
    assistant: Assistant, text: str, language: str, record: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record]
    assert answer.passed_on is None


PERIOD = "ogp-local-action-plan-period"
ASKED_AROUND = [
    (
        "Bom dia a todos! Sou técnico superior numa câmara do distrito de Leiria e ando a"
        " preparar um relatório. Gostaria de saber onde é que fica a sede da Secretaria"
        " Técnica do OIDP. Muito obrigado!",
        "pt",
        SECRETARIAT,
    ),
    (
        "Boa tarde, pessoal! Aqui é da secretaria de governo de Natal. A gente tá montando uma"
        " apresentação pro prefeito e precisava saber quanto custa pra cidade virar membro do"
        " OIDP. Valeu demais!",
        "pt",
        FEE,
    ),
    (
        "Oi! Tudo certo? Trabalho numa ONG de Manaus que faz orçamento participativo nos"
        " bairros. Uma ONG como a nossa pode ser membro do OIDP ou é só para prefeituras?"
        " Abraços!",
        "pt",
        JOIN,
    ),
    (
        "Bom dia, sou assessora numa câmara dos Açores e o presidente ouviu falar disto numa"
        " reunião. Podiam explicar-me, de forma resumida, o que é o OGP Local? Cumprimentos",
        "pt",
        OGP_LOCAL,
    ),
    (
        "Olá! Escrevo de uma junta de freguesia do Porto. Alguém me sabe dizer quanto tempo"
        " dura um plano de ação do OGP Local? Obrigado e boa semana.",
        "pt",
        PERIOD,
    ),
    (
        "Hello from a borough council in Kent! We're comparing programmes for our members."
        " Can anyone tell me how long an OGP Local action plan lasts? Many thanks.",
        "en",
        PERIOD,
    ),
    (
        "Hola, escribo desde el servicio de participación de un ayuntamiento de Lugo."
        " ¿Alguien me sabe decir cuánto dura un plan de acción de OGP Local? Un saludo.",
        "es",
        PERIOD,
    ),
    (
        "Bonjour, je travaille pour une commune du Jura et je compare plusieurs programmes."
        " Sauriez-vous me dire combien de temps dure un plan d'action OGP Local ? Merci !",
        "fr",
        PERIOD,
    ),
    (
        "Bon dia, soc tècnic d'un ajuntament de la Garrotxa i estic comparant programes."
        " Algú em sap dir quant dura un pla d'acció d'OGP Local? Gràcies!",
        "ca",
        PERIOD,
    ),
]


@pytest.mark.parametrize(("text", "language", "record"), ASKED_AROUND)
def test_how_the_member_asks_is_no_topic(
    assistant: Assistant, text: str, language: str, record: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer


CASCAIS = "conference-13-cascais-2013"
CONFIRMED = [
    (
        "Hi all, our delegation from Porto is booking trains this week. Can you please"
        " confirm the dates of the Cascais conference? Thanks!",
        "en",
    ),
    (
        "Hola, somos del ayuntamiento de Badajoz y estamos reservando el tren. ¿Me confirmáis"
        " las fechas de la conferencia de Cascais? Gracias",
        "es",
    ),
    (
        "Bonjour, nous réservons nos billets depuis Bayonne cette semaine. Vous me confirmez"
        " les dates de la conférence de Cascais ? Merci",
        "fr",
    ),
    (
        "Hola, som de l'Ajuntament de Reus i estem reservant el tren. Em confirmeu les dates"
        " de la conferència de Cascais? Gràcies",
        "ca",
    ),
    (
        "Olá, somos da Câmara de Sintra e vamos marcar o comboio esta semana. Confirmam as"
        " datas da conferência de Cascais? Obrigada",
        "pt",
    ),
    (
        "Oi, aqui é da prefeitura de Santos, a gente vai comprar as passagens. Vocês confirmam"
        " as datas da conferência de Cascais? Valeu",
        "pt",
    ),
]


@pytest.mark.parametrize(("text", "language"), CONFIRMED)
def test_asked_to_confirm_the_member_is_told(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=dt.date(2013, 5, 13))
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [CASCAIS], answer.answer
    assert "2–5" in answer.answer


EXPLAINED_WHERE = [
    (
        "Hi! I coordinate citizen panels in Utrecht. Could you explain in plain words where the"
        " IOPD Technical Secretariat is based? Cheers",
        "en",
        "Barcelona",
    ),
    (
        "Hola, coordino los consejos de barrio de Elche. ¿Podrías explicarme en pocas palabras"
        " dónde está la Secretaría Técnica del OIDP? Gracias",
        "es",
        "Barcelona",
    ),
    (
        "Bonjour, je coordonne les conseils de quartier de Nancy. Pourriez-vous m'expliquer en"
        " quelques mots où se trouve le Secrétariat technique de l'OIDP ? Merci",
        "fr",
        "Barcelone",
    ),
    (
        "Olá, coordeno os conselhos de bairro de Braga. Podem explicar-me em poucas palavras"
        " onde fica a Secretaria Técnica do OIDP? Obrigado",
        "pt",
        "Barcelona",
    ),
]


@pytest.mark.parametrize(("text", "language", "place"), EXPLAINED_WHERE)
def test_a_hedge_between_the_request_and_its_question_word_keeps_the_slot(
    assistant: Assistant, text: str, language: str, place: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.intent == "where"
    assert answer.sources == [SECRETARIAT]
    assert place in answer.answer


LATIN_AMERICA = "office-latin-america-porto-alegre"
EMAILS = [
    (
        "Dear IOPD team,\n\nI hope this email finds you well. My name is Laura and I coordinate"
        " the citizen assemblies programme at the municipality of Aarhus.\n\nWe are considering"
        " membership and I would like to know whether there is an annual fee to join the"
        " network.\n\nBest regards,\nLaura Jensen\nCitizen Participation Unit",
        "en",
        FEE,
    ),
    (
        "Estimado equipo del OIDP:\n\nMe llamo Andrés y trabajo en la Dirección de"
        " Participación de la Alcaldía de Medellín.\n\nQuisiera saber dónde se encuentra la"
        " oficina regional del OIDP para América Latina.\n\nUn cordial saludo,\nAndrés Gómez",
        "es",
        LATIN_AMERICA,
    ),
    (
        "Madame, Monsieur,\n\nJe suis chargée de la démocratie participative à la Ville de"
        " Grenoble. Je souhaiterais savoir en quelle année a été créée la plateforme africaine"
        " de l'OIDP.\n\nVeuillez agréer mes salutations distinguées,\nClaire Martin",
        "fr",
        AFRICA,
    ),
    (
        "Benvolguts,\n\nSóc la Marta, tècnica de participació de l'Ajuntament de Vic. Voldria"
        " saber quant costa ser membre de l'OIDP.\n\nSalutacions cordials,\nMarta Puig",
        "ca",
        FEE,
    ),
    (
        "Caros colegas,\n\nChamo-me Rui e sou técnico na Câmara Municipal de Guimarães."
        " Gostaria de saber se a adesão ao OIDP tem algum custo.\n\nCom os melhores"
        " cumprimentos,\nRui Fernandes\nCâmara Municipal de Guimarães",
        "pt",
        FEE,
    ),
    (
        "Prezados,\n\nMeu nome é Carla e trabalho na Secretaria de Participação da Prefeitura"
        " de Belém. Gostaria de saber onde fica o escritório regional do OIDP para a América"
        " Latina.\n\nAtenciosamente,\nCarla Souza\nPrefeitura de Belém",
        "pt",
        LATIN_AMERICA,
    ),
]


@pytest.mark.parametrize(("text", "language", "record"), EMAILS)
def test_an_email_is_read_between_its_salutation_and_its_signature(
    assistant: Assistant, text: str, language: str, record: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer


BELIEVED = [
    (
        "Hello, I'm from a parish council near York. I think there is an IOPD office in"
        " Africa, if I remember correctly. Where is it exactly? Thanks!",
        "en",
    ),
    (
        "Hola, soy de un ayuntamiento de Soria. Creo que el OIDP tiene una oficina en África,"
        " si no me equivoco. ¿Dónde está exactamente? Gracias",
        "es",
    ),
    (
        "Bonjour, je viens d'une commune du Cantal. Je crois que l'OIDP a un bureau en"
        " Afrique, si je ne me trompe pas. Où se trouve-t-il ? Merci",
        "fr",
    ),
    (
        "Hola, sóc d'un ajuntament del Solsonès. Crec que l'OIDP té una oficina a l'Àfrica,"
        " si no m'equivoco. On és exactament? Gràcies",
        "ca",
    ),
    (
        "Olá, sou de uma junta de freguesia de Viana. Acho que o OIDP tem um escritório em"
        " África, se não me engano. Onde é que fica? Obrigada",
        "pt",
    ),
]


@pytest.mark.parametrize(("text", "language"), BELIEVED)
def test_what_the_member_believes_is_the_topic_of_the_question_after_it(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [AFRICA], answer.answer
    assert "Dakar" in answer.answer


QUICK = [
    (
        "Hola a todos, una pregunta rápida, ¿cuánto dura un plan de acción de OGP Local?"
        " Gracias y saludos desde Teruel.",
        "es",
    ),
    (
        "Bonjour à tous, une question rapide, combien de temps dure un plan d'action OGP Local ?"
        " Merci et bonne journée depuis Annecy.",
        "fr",
    ),
    (
        "Hola a tothom, una pregunta ràpida, quant dura un pla d'acció d'OGP Local? Gràcies i"
        " salutacions des de Berga.",
        "ca",
    ),
    (
        "Olá a todos, uma pergunta rápida, quanto tempo dura um plano de ação do OGP Local?"
        " Obrigada e cumprimentos de Tavira.",
        "pt",
    ),
]


@pytest.mark.parametrize(("text", "language"), QUICK)
def test_a_quick_question_announced_is_the_question(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=NOW)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [PERIOD], answer.answer

"""Slots answered from what a record states in its own fields, and slot words read by
class (issue 22): plural date and place phrases ask when and where in every language; a
question word is never read as a name; a titled event's topic is its title; a count a record
states in a field named for what is counted answers "how many"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.mark.parametrize(
    "question",
    [
        "the seminar in Berlin, on which days?",
        "¿en qué días es el seminario?",
        "le séminaire, c'est quels jours ?",
        "el seminari, quins dies són?",
        "o seminário é em que dias?",
    ],
)
def test_plural_day_phrases_ask_when(assistant: Assistant, question: str) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2020, 1, 1))
    assert reading.qtype == "when"


def test_question_asking_only_which_days_reads_the_sentence_before(assistant: Assistant) -> None:
    reading = read(
        "Nous allons au congrès de CGLU à Rabat. C'est quels jours ?",
        assistant.vocabulary,
        dt.date(2013, 5, 1),
    )
    assert reading.qtype == "when"
    assert "rabat" in reading.content


@pytest.mark.parametrize(("word", "language"), [("combien", "fr"), ("cuanto", "es")])
def test_a_question_word_is_never_read_as_a_name(
    assistant: Assistant, word: str, language: str
) -> None:
    assert assistant.retriever.query_terms([word], language) == []


def test_a_titled_event_states_its_topic_in_its_title(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Quel était le thème de l'atelier de l'OIDP à Rabat ?", now=dt.date(2013, 6, 1), lang="fr"
    )
    assert not answer.handoff
    assert "services de base" in answer.answer
    assert answer.sources == ["basic-services-workshop-rabat-2013"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("How many lobbies ended up in Madrid's register?", "en"),
        ("¿Cuántos lobbies hay en el registro de Madrid?", "es"),
        ("Quantos lobbies tem o registo de Madrid?", "pt"),
    ],
)
def test_a_count_stated_in_a_field_answers_how_many(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 2, 2), lang=language)
    assert not answer.handoff
    assert "600" in answer.answer
    assert answer.sources == ["ogp-example-madrid-lobby-registry"]


def test_a_field_of_one_word_numbers_the_record_and_counts_nothing(
    assistant: Assistant,
) -> None:
    doc = next(d for d in assistant.retriever.docs if d.key == "project-global-pb-hub")
    terms = assistant.retriever.query_terms(["tasks"], "en")
    assert assistant.responder.counted_field(doc, terms) is None


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is there a yearly fee for members of the IOPD?", "en"),
        ("¿Hay que pagar una cuota mensual al OIDP?", "es"),
        ("Y a-t-il une cotisation annuelle pour l'OIDP ?", "fr"),
        ("Cal pagar una quota anual a l'OIDP?", "ca"),
    ],
)
def test_how_often_a_fee_is_paid_is_part_of_the_cost_slot(
    assistant: Assistant, question: str, language: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2021, 1, 1))
    assert reading.qtype == "cost"
    assert not set(reading.content) & assistant.vocabulary.frequencies


@pytest.mark.parametrize(("word", "language"), [("socio", "es"), ("socios", "pt")])
def test_a_synonym_the_records_never_write_finds_the_word_they_do(
    assistant: Assistant, word: str, language: str
) -> None:
    retriever = assistant.retriever
    assert word not in retriever.raw_words
    (options,) = retriever.query_terms([word], language)
    member = {retriever.analyser.stem(w, language) for w in ("miembros", "membros")}
    assert options & member
    assert retriever.analyser.stem(word, language) not in options  # "soci" of "social": no kin


@pytest.mark.parametrize(
    ("question", "relation"),
    [
        ("who led the working session?", "led_by"),
        ("¿quién dirigió el debate?", "led_by"),
        ("qui a reçu le prix ?", "received_by"),
        ("qui organise le séminaire ?", "organiser"),
        ("qui acull la secretaria?", "hosted_by"),
        ("quem recebeu o prémio?", "received_by"),
        ("who represents the network there?", None),
        ("who is behind the forum in Berlin?", "led_by"),
        ("Valencia got a prize, who picked it up?", "received_by"),
        ("quem foi buscar o prémio de Valência?", "received_by"),
    ],
)
def test_a_who_verb_names_the_field_it_asks(
    assistant: Assistant, question: str, relation: str | None
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2024, 1, 1))
    assert reading.qtype == "who"
    assert reading.relation == relation


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Who headed the open government discussion at the IOPD conference?", "en"),
        ("¿Quiénes dirigieron el debate de gobierno abierto en la conferencia del OIDP?", "es"),
        ("Qui a mené la discussion sur le gouvernement ouvert à la conférence de l'OIDP ?", "fr"),
    ],
)
def test_the_record_stating_the_relation_asked_answers_who(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 2, 1), lang=language)
    assert not answer.handoff
    assert answer.sources == ["ogp-roundup-brazil-iopd-conference"]
    assert "Santa Catarina" in answer.answer


def test_where_a_resource_is_found_is_its_link(assistant: Assistant) -> None:
    answer = assistant.answer(
        "where can I see which policy areas OGP commitments are about?",
        now=dt.date(2024, 5, 5),
        lang="en",
    )
    assert not answer.handoff
    assert "opengovpartnership.org/data-dashboard" in answer.answer


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("the open data call in Monterrey: where do I find it?", "where"),
        ("who collects the data of the roundup?", "who"),
        ("qual é a data da conferência?", "when"),
    ],
)
def test_a_slot_noun_yields_to_a_question_word(
    assistant: Assistant, question: str, qtype: str
) -> None:
    assert read(question, assistant.vocabulary, dt.date(2024, 1, 1)).qtype == qtype


@pytest.mark.parametrize(
    "question",
    ["¿Cuáles son los costes de ser miembro?", "Quels sont les coûts ?", "Tem custos?"],
)
def test_cost_nouns_ask_the_cost(assistant: Assistant, question: str) -> None:
    assert read(question, assistant.vocabulary, dt.date(2024, 1, 1)).qtype == "cost"


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("una asociación de Quito nos pregunta dónde está la oficina", "where"),
        ("une mairie du Mali nous demande quand a lieu la conférence", "when"),
        ("uma câmara do Minho pergunta-nos quem organiza o seminário", "who"),
    ],
)
def test_a_question_reported_to_us_is_read_after_who_asks(
    assistant: Assistant, question: str, qtype: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2024, 1, 1))
    assert reading.qtype == qtype
    assert not {"quito", "mali", "minho"} & set(reading.content)


@pytest.mark.parametrize(
    ("question", "asker"),
    [
        ("Som un ajuntament del Maresme i volem anar al seminari: quins dies és?", "maresme"),
        ("Somos una asociación de Navarra: ¿qué días es el seminario?", "navarra"),
        ("We're a municipality near Leeds and want to go to the seminar, when is it?", "leeds"),
    ],
)
def test_who_asks_and_from_where_is_context(
    assistant: Assistant, question: str, asker: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2020, 1, 1))
    assert reading.qtype == "when"
    assert asker not in reading.content
    assert asker in reading.context
    assert any(w.startswith("semin") for w in reading.content)


@pytest.mark.parametrize(
    ("question", "language", "record"),
    [
        (
            "in which Indonesian place was the app for pregnant women made?",
            "en",
            "ogp-example-banggai-pregnancy-app",
        ),
        ("Valencia, ¿qué hizo en el roundup?", "es", "ogp-roundup-valencia-award"),
    ],
)
def test_the_record_held_in_the_place_named_is_the_one_answered(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 6, 6), lang=language)
    assert not answer.handoff
    assert answer.sources == [record]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("tengo una noticia de mi pueblo sobre la asamblea vecinal, ¿cómo la comparto?", "es"),
        ("j'ai une actualité sur notre budget participatif, comment la partager ?", "fr"),
    ],
)
def test_what_a_members_news_is_about_is_theirs(
    assistant: Assistant, question: str, language: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2024, 1, 1))
    assert reading.qtype == "share"
    assert not {"vecinal", "asamblea", "budget", "participatif"} & set(reading.content)
    answer = assistant.answer(question, now=dt.date(2024, 1, 1), lang=language)
    assert answer.sources == ["faq-submit-news"]


def test_the_askers_own_people_are_context(assistant: Assistant) -> None:
    reading = read(
        "our mayor wants to know when the next IOPD conference is",
        assistant.vocabulary,
        dt.date(2019, 1, 1),
    )
    assert "mayor" not in reading.content


def test_a_long_message_asks_from_its_slot_phrase(assistant: Assistant) -> None:
    question = (
        "Buenas tardes, estamos preparando la agenda del semestre y mi jefa me pide que"
        " revise varios datos, entre ellos, cosa urgente, en qué ciudad fue la conferencia"
        " de presupuestos participativos de 2013 en Estados Unidos."
    )
    reading = read(question, assistant.vocabulary, dt.date(2013, 9, 1))
    assert reading.qtype == "where"
    assert not {"agenda", "semestre", "urgente"} & set(reading.content)
    assert {"agenda", "semestre"} <= set(reading.context)
    answer = assistant.answer(question, now=dt.date(2013, 9, 1), lang="es")
    assert answer.sources == ["pb-conference-chicago-2013"]
    assert "Chicago" in answer.answer


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("qundo é a próxima conferência?", "when"),
        ("cuado es el seminario?", "when"),
        ("pourqoi l'OIDP existe-t-il ?", None),
    ],
)
def test_a_slip_in_a_long_question_word_is_that_word(
    assistant: Assistant, question: str, qtype: str | None
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2020, 1, 1))
    if qtype is not None:
        assert reading.qtype == qtype
    assert not {"qundo", "cuado", "pourqoi"} & set(reading.content)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Qu'est-ce que la priorité VIII du plan 2014-2015 ?", "fr"),
        ("what is priority VIII of the 2014-2015 plan?", "en"),
    ],
)
def test_a_roman_numeral_after_a_priority_labels_it(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 5, 5), lang=language)
    assert not answer.handoff
    assert answer.sources == ["work-plan-2014-priority-8-distinction"]


@pytest.mark.parametrize(
    "question",
    [
        "what is the last step of the OGP action plan cycle?",
        "¿cuál es la última etapa del ciclo del plan de acción de OGP?",
        "quelle est la dernière étape du cycle du plan d'action OGP ?",
    ],
)
def test_the_last_stage_of_a_process_is_no_latest_event(
    assistant: Assistant, question: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2024, 6, 6))
    assert reading.relative is None
    answer = assistant.answer(question, now=dt.date(2024, 6, 6))
    assert answer.sources == ["ogp-local-action-plan-cycle"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("exact date the 15th conference in Madrid starts?", "en"),
        ("¿fecha exacta de la 15.ª conferencia en Madrid?", "es"),
    ],
)
def test_an_exact_day_asked_is_a_date_and_none_is_stated(
    assistant: Assistant, question: str, language: str
) -> None:
    assert read(question, assistant.vocabulary, dt.date(2014, 5, 1)).qtype == "when"
    assert assistant.answer(question, now=dt.date(2014, 5, 1), lang=language).handoff


@pytest.mark.parametrize(
    "question", ["which city won the 7th distinction?", "quelle ville a gagné la 7e distinction ?"]
)
def test_which_place_won_asks_the_winner(assistant: Assistant, question: str) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2014, 1, 1))
    assert reading.qtype == "who"
    assert reading.relation == "received_by"
    assert assistant.answer(question, now=dt.date(2014, 1, 1)).handoff  # no winner stated


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("how can our city become a member promoter?", "en"),
        ("¿cómo puede mi ciudad hacerse miembro promotor?", "es"),
        ("comment devenir membre promoteur ?", "fr"),
    ],
)
def test_a_kind_of_member_named_in_the_joining_phrase_is_asked(
    assistant: Assistant, question: str, language: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2020, 6, 1))
    assert reading.qtype == "join"
    assert {"member", "miembro", "membre"} & set(reading.content)
    answer = assistant.answer(question, now=dt.date(2020, 6, 1), lang=language)
    assert not answer.handoff


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("what's the relationship between the IOPD and UCLG?", "en"),
        ("¿cuál es la relación entre el OIDP y CGLU?", "es"),
        ("quelle relation entre l'OIDP et CGLU ?", "fr"),
        ("quina és la relació de l'OIDP amb CGLU?", "ca"),
        ("qual a relação do OIDP com a CGLU?", "pt"),
    ],
)
def test_the_relation_of_two_bodies_is_the_record_of_both(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2019, 11, 19), lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "iopd-uclg-relation"


@pytest.mark.parametrize(
    "question",
    [
        "which cities are in the OGP Local inclusion circle?",
        "¿qué ciudades forman el círculo de inclusión de OGP Local?",
        "quines ciutats formen el cercle d'inclusió d'OGP Local?",
    ],
)
def test_which_cities_asks_the_list_not_a_word_of_it(assistant: Assistant, question: str) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2024, 6, 6))
    assert not {"cities", "ciudades", "ciutats"} & set(reading.content)
    answer = assistant.answer(question, now=dt.date(2024, 6, 6))
    assert answer.sources[0] == "ogp-circle-inclusion"
    assert "Bogot" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Où est basé le secrétariat technique de l'OIDP ?", "fr"),
        ("¿Dónde está basada la Secretaría Técnica del OIDP?", "es"),
        ("Onde está sediado o Secretariado Técnico do OIDP?", "pt"),
    ],
)
def test_where_something_is_based_asks_its_place(
    assistant: Assistant, question: str, language: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2020, 1, 1))
    assert reading.qtype == "where"
    assert not {"base", "basada", "sediado"} & set(reading.content)
    answer = assistant.answer(question, now=dt.date(2020, 1, 1), lang=language)
    assert "Barcelon" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("what's on the agenda in January?", "en"),
        ("¿qué actividades tiene el OIDP en enero?", "es"),
        ("o que está na agenda para janeiro?", "pt"),
    ],
)
def test_a_month_without_events_lists_the_secretariats_agenda(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2019, 12, 15), lang=language)
    assert not answer.handoff
    assert "conference-2019-minutes-2020-01" in answer.sources


def test_a_month_question_after_a_long_story_asks_the_month(assistant: Assistant) -> None:
    question = (
        "Bon dia, aquests dies hem canviat tot el departament i la nova regidora vol un"
        " informe de les xarxes internacionals, i he revisat correus i carpetes sense trobar"
        " res clar. La pregunta: quines activitats hi ha el mes que ve?"
    )
    reading = read(question, assistant.vocabulary, dt.date(2020, 2, 25))
    assert reading.period is not None and reading.period.start == dt.date(2020, 3, 1)
    assert reading.context == []
    answer = assistant.answer(question, now=dt.date(2020, 2, 25), lang="ca")
    assert answer.sources == ["iopd-seminar-1-2020"]


@pytest.mark.parametrize(
    ("question", "country"),
    [
        (
            "Our town is in Senegal and we want to take part. Is there an office in our region?",
            "senegal",
        ),
        ("Somos un municipio de Brasil. ¿Dónde está la oficina de nuestra región?", "brasil"),
    ],
)
def test_our_region_is_the_country_the_asker_named(
    assistant: Assistant, question: str, country: str
) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2014, 5, 20))
    assert country in reading.content


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("who carries out the 2020 work plan?", "en"),
        ("¿quién ejecuta el plan de trabajo 2020?", "es"),
        ("qui met en oeuvre le plan de travail 2020 ?", "fr"),
    ],
)
def test_who_carries_out_a_plan_is_asked_of_the_plan(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 2, 2), lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "work-plan-2020"


@pytest.mark.parametrize(
    "question",
    [
        "Sou vereador em Porto Alegre: quando abriu aqui o escritório regional do OIDP?",
        "Soy concejala en Porto Alegre: ¿cuándo se abrió aquí la oficina regional del OIDP?",
    ],
)
def test_here_is_where_the_asker_said_they_are(assistant: Assistant, question: str) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2015, 4, 4))
    assert {"porto", "alegre"} <= set(reading.content)
    answer = assistant.answer(question, now=dt.date(2015, 4, 4))
    assert answer.sources[0] == "office-latin-america-porto-alegre"


@pytest.mark.parametrize(
    "question",
    [
        "Which OGP Local circle is Bogotá part of?",
        "¿Con quién comparte Bogotá el círculo de inclusión?",
    ],
)
def test_a_record_whose_members_are_places_is_held_in_them(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 6, 6))
    assert not answer.handoff
    assert answer.sources[0] == "ogp-circle-inclusion"


def test_the_catalan_geminate_l_is_one_word() -> None:
    from hub.core.assistant.text import normalise

    assert normalise("Amb qui col·labora l'OIDP?") == "amb qui collabora l oidp"
    assert normalise("intel·ligència COL·LECTIVA") == "intelligencia collectiva"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("to join OGP Local, which address do we write to?", "en"),
        ("nous voulons rejoindre OGP Local, à quelle adresse ?", "fr"),
        ("queremos entrar en OGP Local, ¿a qué dirección?", "es"),
    ],
)
def test_which_address_asks_the_contact(assistant: Assistant, question: str, language: str) -> None:
    reading = read(question, assistant.vocabulary, dt.date(2024, 6, 6))
    assert not {"address", "adresse", "direccion"} & set(reading.content)
    answer = assistant.answer(question, now=dt.date(2024, 6, 6), lang=language)
    assert "local@opengovpartnership.org" in answer.answer


@pytest.mark.parametrize(("word", "language"), [("kids", "en"), ("miúdos", "pt"), ("gamins", "fr")])
def test_a_word_for_children_the_records_never_write_finds_theirs(
    assistant: Assistant, word: str, language: str
) -> None:
    from hub.core.assistant.text import normalise

    retriever = assistant.retriever
    (options,) = retriever.query_terms([normalise(word)], language)
    assert options & {retriever.analyser.stem("childhood", "en")}

"""The answer's language for short, accentless and formal messages: the asker's own.

Members on a phone write without accents, apostrophes or tildes ("on es fa la trobada",
"quando comeca a sessao", "nao consigo"), drop an English event name into their own
language, and formal messages open with a greeting and who writes before the question.
Catalan written so looks like Spanish, and Portuguese like Spanish or French, unless the
evidence reads the words only one of them writes, their spellings and the whole message.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

TODAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Catalan without accents or apostrophes
        ("quan comenca la convocatoria dels premis?", "ca"),
        ("on es fa la trobada anual", "ca"),
        ("qui porta la secretaria tecnica del OIDP", "ca"),
        ("el pressupost participatiu de Girona?", "ca"),  # -atiu
        ("la universitat organitza alguna trobada?", "ca"),  # -itat, "tz"
        ("el telefon de l oficina?", "ca"),
        ("com ens podem inscriure al Local Democracy Summit?", "ca"),
        ("hi ha alguna activitat a la ciutat de Girona aquest any", "ca"),
        ("tambe hi ha premis per a entitats?", "ca"),
        # Portuguese without tildes or cedillas
        ("quando comeca a sessao de abertura?", "pt"),
        ("nao consigo entrar na plataforma", "pt"),
        ("qual e a informacao sobre as inscricoes", "pt"),
        ("as organizacoes podem participar no Local Democracy Summit?", "pt"),
        ("voce sabe quando e a reuniao?", "pt"),
        ("os coletivos podem entrar?", "pt"),  # "podem" is Portuguese too
        ("nao tem votacao este ano?", "pt"),
        # Spanish, French and English, short and accentless, stay theirs
        ("cuando empieza la convocatoria", "es"),
        ("que es el Local Democracy Summit?", "es"),
        ("cuando abre el call for entries?", "es"),  # an English name in Spanish
        ("q es el call for papers del seminario?", "es"),
        ("quand commence la seance d ouverture", "fr"),
        ("c est quoi le Local Democracy Summit ?", "fr"),
        ("when does the call for the awards open?", "en"),
        # Formal messages: a greeting and who writes, then the question
        (
            "Benvolguts senyors, soc tecnic de l Ajuntament de Lleida. "
            "He perdut la contrasenya del compte. Me la podeu enviar?",
            "ca",
        ),
        (
            "Exmos. Senhores, sou vereadora na Camara de Braga. Perdi a senha "
            "da minha conta no portal. Podem envia-la?",
            "pt",
        ),
        (
            "Bon dia, soc regidora a Sabadell i tinc un dubte. When does the call open? Gracies",
            "ca",
        ),
        (
            "Estimados señores, soy técnica del Ayuntamiento de Sevilla. "
            "Olvidé la contraseña de mi cuenta. ¿Me la pueden enviar?",
            "es",
        ),
        (
            "Madame, Monsieur, je suis chargée de mission à la mairie de Lyon. "
            "J'ai oublié mon mot de passe. Pouvez-vous me l'envoyer ?",
            "fr",
        ),
    ],
)
@pytest.mark.parametrize("built", ["assistant", "lingua_assistant"])
def test_answer_in_the_askers_language(
    request: pytest.FixtureRequest, built: str, text: str, language: str
) -> None:
    """With the tables alone and as the hub runs it, lingua breaking the tables' ties."""
    assistant: Assistant = request.getfixturevalue(built)
    assert assistant.answer(text, now=TODAY).language == language

"""The members pages: list and filters, CSV import, edit, inactive members, export, erasure."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Member, Question
from hub.web.page import UPLOAD_LIMIT
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

ADMIN, EDITOR, PASSWORD = "admin@example.org", "editor@example.org", "correct horse battery"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def add_member(engine: Engine, **values: object) -> int:
    with transaction(engine) as session:
        member = Member(**{"organisation": "Girona", "topics": [], **values})
        session.add(member)
        session.flush()
        return member.id


def member(engine: Engine, member_id: int) -> Member:
    with transaction(engine) as session:
        found = session.get(Member, member_id)
        assert found is not None
        session.expunge(found)
        return found


def audit_actions(engine: Engine) -> list[tuple[str, str | None]]:
    with transaction(engine) as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(row.action, row.target) for row in rows]


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock(NOW))) as client:
        client.sign_in(ADMIN, PASSWORD)
        yield client


def test_the_list_searches_and_filters(engine: Engine, client: ConsoleClient) -> None:
    add_member(
        engine,
        organisation="Ajuntament de Girona",
        email="ana@girona.cat",
        language="ca",
        region="europe",
        newsletter_status="subscribed",
    )
    add_member(
        engine,
        organisation="Prefeitura de Porto Alegre",
        email="rui@poa.br",
        language="pt",
        region="latin-america",
        newsletter_status="unsubscribed",
    )
    add_member(engine, organisation="Ville de Grigny", contact_name="Zoé Martin", language="fr")
    page = client.get("/members").text
    assert "3 members" in page and "Ajuntament de Girona" in page
    found = client.get("/members", params={"q": "zoé"}).text
    assert "Ville de Grigny" in found and "Porto Alegre" not in found
    assert "Porto Alegre" in client.get("/members", params={"q": "POA.BR"}).text
    assert "No members match" in client.get("/members", params={"q": "%"}).text
    by_language = client.get("/members", params={"language": "ca"}).text
    assert "Girona" in by_language and "Grigny" not in by_language
    by_region = client.get("/members", params={"region": "latin-america"}).text
    assert "Porto Alegre" in by_region and "Girona" not in by_region
    on = client.get("/members", params={"newsletter": "on"}).text
    assert "Girona" in on and "Porto Alegre" not in on and "Grigny" not in on
    off = client.get("/members", params={"newsletter": "off"}).text
    assert "Girona" not in off and "Porto Alegre" in off and "Grigny" in off


CSV = (
    "\ufefforganisation,contact_name,email,language,country,member_type,topics\n"
    "Ajuntament de Girona,Ana Puig,ana@girona.cat,ca,es,city,climate; youth\n"
    "No address,Bea,not-an-address,en,GB,ngo,\n"
    "Ville de Grigny,Zoé,zoe@grigny.fr,xx,FR,city,\n"
    "Prefeitura de Porto Alegre,Rui,rui@poa.br,pt,BR,city,climate;astrology\n"
    "Copy of Girona,Ana,ANA@girona.cat,ca,ES,city,\n"
    "Cidade de Lisboa,,lx@lisboa.pt,es,PT,city,\n"
    ",,,,,,\n"
)


def upload(client: ConsoleClient, content: bytes, name: str = "members.csv") -> str:
    token = csrf_token(client.get("/members").text)
    response = client.post(
        "/members/import",
        data={"csrf_token": token},
        files={"file": (name, content, "text/csv")},
    )
    assert response.status_code in (200, 303), response.status_code
    return response.text if response.status_code == 200 else client.follow(response).text


def test_a_csv_import_upserts_good_rows_and_says_what_is_wrong_with_bad_ones(
    engine: Engine, client: ConsoleClient
) -> None:
    known = add_member(engine, organisation="Lisboa (old name)", email="LX@lisboa.pt")
    page = upload(client, CSV.encode("utf-8"))
    assert "Members imported" in page
    created, updated, refused = (int(n) for n in _counts(page))
    assert (created, updated, refused) == (1, 1, 4)
    assert "Line 3: “not-an-address” is not an e-mail address." in page
    assert "Line 4: the language “xx” is not one of en, es, ca." in page
    assert "Line 5: the language “pt” is not one of en, es, ca; unknown topics: astrology." in page
    assert "Line 6: the same e-mail address is on line 2." in page
    with transaction(engine) as session:
        members = {m.email: m for m in session.scalars(select(Member))}
    assert set(members) == {"ana@girona.cat", "LX@lisboa.pt"}  # no bad row was imported
    girona = members["ana@girona.cat"]
    assert girona.topics == ["climate", "youth"] and girona.country == "ES"
    assert girona.language == "ca" and girona.region == "europe"
    lisboa = members["LX@lisboa.pt"]
    assert lisboa.id == known and lisboa.organisation == "Cidade de Lisboa"
    assert ("members_import", "members") in audit_actions(engine)


def _counts(page: str) -> list[str]:
    import re

    return re.findall(r"<strong>(\d+)</strong>", page)


def test_a_file_that_is_not_utf8_or_lacks_columns_imports_nothing(
    engine: Engine, client: ConsoleClient
) -> None:
    latin1 = "organisation,email\nCiutat de Lleida,info@lleida.cat\nMàlaga,m@malaga.es\n"
    page = upload(client, latin1.encode("latin-1"))
    assert "The file is not UTF-8 text (byte " in page
    page = upload(client, b"name,mail\nGirona,ana@girona.cat\n")
    assert "missing: organisation, email" in page
    with transaction(engine) as session:
        assert session.scalars(select(Member)).first() is None


def test_uploads_are_capped_and_other_forms_take_no_files(
    engine: Engine, client: ConsoleClient
) -> None:
    token = csrf_token(client.get("/members").text)
    too_big = b"organisation,email\n" + b"x" * (UPLOAD_LIMIT + 200_000)
    response = client.post(
        "/members/import", data={"csrf_token": token}, files={"file": ("m.csv", too_big)}
    )
    assert response.status_code == 413 and "larger than 2 MB" in response.text
    just_over = b"organisation,email\n" + b"x" * (UPLOAD_LIMIT - 10)
    page = upload(client, just_over)
    assert "larger than 2 MB" in page
    elsewhere = client.post(
        "/account",
        data={"csrf_token": token, "language": "es"},
        files={"file": ("m.csv", b"organisation,email\n")},
    )
    assert elsewhere.status_code == 400


def test_a_member_is_edited_with_validation(engine: Engine, client: ConsoleClient) -> None:
    girona = add_member(engine, organisation="Girona", email="ana@girona.cat", language="ca")
    add_member(engine, organisation="Lleida", email="info@lleida.cat")
    url = f"/members/{girona}"
    page = client.get(url).text
    assert 'value="ana@girona.cat"' in page
    assert 'value="http://console.test/preferences/' in page  # their own link, to send them
    form = {
        "organisation": "Ajuntament de Girona",
        "contact_name": "Ana Puig",
        "email": "ana@girona.cat",
        "language": "es",
        "country": "es",
        "region": "europe",
        "member_type": "city",
        "slack_user_id": "U0ANA",
        "telegram_chat_id": "5550001",
        "preferred_platform": "telegram",
    }
    token = csrf_token(page)
    bad = client.post(
        url,
        data={
            **form,
            "csrf_token": token,
            "email": "INFO@lleida.cat",
            "telegram_chat_id": "x",
            "topics": ["climate", "magic"],
        },
    )
    assert bad.status_code == 400
    assert "Another member has this e-mail address." in bad.text
    assert "A Telegram chat id is a number." in bad.text
    assert "Choose topics from the list." in bad.text
    assert member(engine, girona).organisation == "Girona"
    saved = client.post(
        url,
        data={
            **form,
            "csrf_token": token,
            "topics": ["youth", "climate"],
            "channels": ["telegram", "email"],
        },
    )
    assert "Saved." in client.follow(saved).text
    after = member(engine, girona)
    assert after.organisation == "Ajuntament de Girona" and after.language == "es"
    assert after.country == "ES" and after.telegram_chat_id == 5550001
    assert after.topics == ["climate", "youth"] and after.channels == ["telegram", "email"]
    assert ("member_edit", f"member:{girona}") in audit_actions(engine)


def test_inactive_members_are_those_not_heard_from(engine: Engine, client: ConsoleClient) -> None:
    add_member(
        engine,
        organisation="Quiet since spring",
        email="a@x.org",
        last_seen_at=NOW - dt.timedelta(days=200),
    )
    add_member(engine, organisation="Never wrote", email="b@x.org")
    add_member(
        engine,
        organisation="Wrote last week",
        email="c@x.org",
        last_seen_at=NOW - dt.timedelta(days=7),
    )
    add_member(engine, organisation="Erased long ago", erased_at=NOW - dt.timedelta(days=400))
    page = client.get("/members/inactive").text
    assert "Quiet since spring" in page and "Never wrote" in page
    assert "Wrote last week" not in page and "Erased long ago" not in page
    assert page.index("Never wrote") < page.index("Quiet since spring")
    week = client.get("/members/inactive", params={"days": "5"}).text
    assert "Wrote last week" in week
    year = client.get("/members/inactive", params={"days": "365"}).text
    assert "Quiet since spring" not in year and "Never wrote" in year


def test_a_members_data_is_exported_as_json(engine: Engine, client: ConsoleClient) -> None:
    girona = add_member(engine, organisation="Girona", email="ana@girona.cat")
    with transaction(engine) as session:
        session.add(
            Question(
                member_id=girona,
                platform="telegram",
                text="¿Premios?",
                language="es",
                status="answered",
            )
        )
    response = client.get(f"/members/{girona}/export.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert "attachment" in response.headers["content-disposition"]
    data = json.loads(response.text)
    assert data["member"]["email"] == "ana@girona.cat"
    assert [q["text"] for q in data["questions"]] == ["¿Premios?"]
    assert ("member_export", f"member:{girona}") in audit_actions(engine)


def test_erasure_needs_the_confirm_step(engine: Engine, client: ConsoleClient) -> None:
    girona = add_member(
        engine,
        organisation="Girona",
        email="ana@girona.cat",
        contact_name="Ana",
        telegram_chat_id=555,
    )
    url = f"/members/{girona}/erase"
    page = client.get(url).text
    assert "cannot be undone" in page and "no Mailchimp audience" in page
    token = csrf_token(page)
    unconfirmed = client.post(url, data={"csrf_token": token})
    assert "Tick the box" in client.follow(unconfirmed).text
    assert member(engine, girona).email == "ana@girona.cat"
    done = client.post(url, data={"csrf_token": token, "confirm": "yes", "reason": "mail 12"})
    assert "personal data was erased" in client.follow(done).text
    erased = member(engine, girona)
    assert erased.email is None and erased.contact_name is None
    assert erased.telegram_chat_id is None and erased.erased_at is not None
    assert erased.organisation == "Girona"
    with transaction(engine) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "member_erase")).one()
        assert entry.actor == ADMIN and entry.target == f"member:{girona}"
        assert "mail 12" in (entry.detail or "") and "no Mailchimp audience" in (entry.detail or "")


def test_editors_get_403_on_every_members_page(engine: Engine, client: ConsoleClient) -> None:
    girona = add_member(engine, organisation="Girona", email="ana@girona.cat")
    add_user(engine, EDITOR, PASSWORD, role="editor")
    app = client.app
    with ConsoleClient(app, client_ip="192.0.2.20") as editor:
        editor.sign_in(EDITOR, PASSWORD)
        token = csrf_token(editor.get("/account").text)
        for url in (
            "/members",
            "/members/inactive",
            f"/members/{girona}",
            f"/members/{girona}/export.json",
            f"/members/{girona}/erase",
        ):
            assert editor.get(url).status_code == 403, url
        for url in (f"/members/{girona}", f"/members/{girona}/erase"):
            data = {"csrf_token": token, "confirm": "yes", "organisation": "X"}
            assert editor.post(url, data=data).status_code == 403, url
        imported = editor.post(
            "/members/import",
            data={"csrf_token": token},
            files={"file": ("m.csv", b"organisation,email\nX,x@x.org\n")},
        )
        assert imported.status_code == 403
    after = member(engine, girona)
    assert after.email == "ana@girona.cat" and after.organisation == "Girona"
    with transaction(engine) as session:
        assert session.scalars(select(Member).where(Member.email == "x@x.org")).first() is None


def test_erasure_deletes_the_contact_from_mailchimp_or_erases_nothing(engine: Engine) -> None:
    from newsletters.audience import subscribe_member
    from newsletters.mailchimp import MailchimpAccount, make_client
    from newsletters.standin import MailchimpStandIn
    from newsletters.standin_state import subscriber_hash

    girona = add_member(engine, organisation="Girona", email="ana@girona.cat")
    add_user(engine, ADMIN, PASSWORD, role="admin")
    with MailchimpStandIn() as standin:
        account = MailchimpAccount(standin.api_key, standin.base_url, standin.list_id)
        subscribe_member(make_client(account), standin.list_id, member(engine, girona))
        for key, erased in (("wrong-key-us1", False), (standin.api_key, True)):
            settings = example_settings().model_copy(deep=True)
            settings.channels["newsletter"] = settings.channels["news_en"].model_copy(
                update={
                    "platform": "mailchimp",
                    "target": standin.list_id,
                    "base_url": standin.base_url,
                    "token_env": "MAILCHIMP_API_KEY",
                }
            )
            secrets = {**settings.secrets, "MAILCHIMP_API_KEY": key}
            settings = settings.model_copy(update={"secrets": secrets})
            app = console_app(settings, engine, clock=SteppingClock(NOW))
            with ConsoleClient(app) as client:
                client.sign_in(ADMIN, PASSWORD)
                url = f"/members/{girona}/erase"
                page = client.get(url).text
                assert "deleted permanently from the Mailchimp audience" in page
                response = client.post(url, data={"csrf_token": csrf_token(page), "confirm": "yes"})
                said = client.follow(response).text
            held = subscriber_hash("ana@girona.cat") in standin.state.members
            assert held is not erased
            assert (member(engine, girona).email is None) is erased
            assert ("Nothing was erased" in said) is not erased

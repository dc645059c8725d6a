"""``hub erase --member`` deletes the contact permanently from the Mailchimp audience.

Against the Mailchimp stand-in: the permanent-delete action removes the
contact, a later sync cannot re-import it, an address the audience never
held is not an error, and a refused API key stops the erasure before the
hub clears anything (so the request can be retried).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.config.settings import Settings, load_settings
from hub.core.db import transaction
from hub.core.members.privacy import erase_member as erase_in_hub
from hub.core.models import Member, utcnow
from hub.wiring import mailchimp_eraser
from newsletters.audience import erase_member, subscribe_member
from newsletters.errors import MailchimpError
from newsletters.mailchimp import MailchimpAccount, make_client
from newsletters.standin import MailchimpStandIn
from newsletters.standin_state import subscriber_hash

EMAIL = "ana@girona.cat"


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn() as server:
        yield server


def write_config(tmp_path: Path, standin: MailchimpStandIn) -> Path:
    config = tmp_path / "hub.toml"
    config.write_text(
        '[hub]\nlanguages = ["en"]\n\n[channels.newsletter]\nplatform = "mailchimp"\n'
        f'target = "{standin.list_id}"\nbase_url = "{standin.base_url}"\n'
        'token_env = "MAILCHIMP_API_KEY"\n',
        encoding="utf-8",
    )
    return config


def settings_for(tmp_path: Path, standin: MailchimpStandIn, key: str) -> Settings:
    return load_settings(write_config(tmp_path, standin), {"MAILCHIMP_API_KEY": key})


def subscribe(standin: MailchimpStandIn, email: str = EMAIL) -> None:
    client = make_client(MailchimpAccount(standin.api_key, standin.base_url, standin.list_id))
    subscribe_member(client, standin.list_id, Member(id=1, organisation="Girona", email=email))


def test_the_hub_finds_the_eraser() -> None:
    assert mailchimp_eraser() is erase_member


def test_the_contact_is_deleted_permanently_and_cannot_come_back(
    tmp_path: Path, standin: MailchimpStandIn
) -> None:
    subscribe(standin)
    assert subscriber_hash(EMAIL) in standin.state.members
    assert erase_member(settings_for(tmp_path, standin, standin.api_key), EMAIL) is True
    assert subscriber_hash(EMAIL) not in standin.state.members
    calls = [(r.method, r.path) for r in standin.received]
    hashed = subscriber_hash(EMAIL)
    path = f"/lists/{standin.list_id}/members/{hashed}/actions/delete-permanent"
    assert ("POST", path) in calls
    with pytest.raises(MailchimpError, match="permanently deleted") as refused:
        subscribe(standin)  # Mailchimp refuses to re-import an erased address
    assert refused.value.title == "Forgotten Email Not Subscribed"  # Mailchimp's own title
    # Erasing again (a retried request) finds nothing and is not an error.
    assert erase_member(settings_for(tmp_path, standin, standin.api_key), EMAIL) is False


def test_a_refused_key_raises_so_the_hub_erases_nothing(
    engine: Engine, tmp_path: Path, standin: MailchimpStandIn
) -> None:
    subscribe(standin)
    settings = settings_for(tmp_path, standin, "wrong-key-us1")
    with transaction(engine) as session:
        member = Member(organisation="Girona", email=EMAIL)
        session.add(member)
        session.flush()
        member_id = member.id
    with pytest.raises(MailchimpError, match="API key"), transaction(engine) as session:
        erase_in_hub(session, member_id, utcnow(), mailchimp=lambda e: erase_member(settings, e))
    with transaction(engine) as session:
        kept = session.get(Member, member_id)
        assert kept is not None and kept.email == EMAIL
    assert subscriber_hash(EMAIL) in standin.state.members


def test_hub_erase_from_the_command_line_deletes_the_contact(
    engine: Engine,
    database_url: str,
    tmp_path: Path,
    standin: MailchimpStandIn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _register()
    subscribe(standin)
    with transaction(engine) as session:
        member = Member(organisation="Girona", email=EMAIL)
        session.add(member)
        session.flush()
        member_id = member.id
    monkeypatch.setenv("MAILCHIMP_API_KEY", standin.api_key)
    config = write_config(tmp_path, standin)
    erase = ["erase", "--member", str(member_id), "--yes", "--database-url", database_url]
    args = ["--config", str(config), *erase]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    assert "mailchimp: deleted permanently from the Mailchimp audience" in done.output
    assert subscriber_hash(EMAIL) not in standin.state.members


def test_hub_erase_with_the_shipped_configuration_erases_here_and_says_what_to_do_by_hand(
    engine: Engine, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """config/hub.toml ships [channels.newsletter] disabled and no key: docs/deploy.md says
    the member is erased locally and the report says to delete the contact by hand."""
    _register()
    monkeypatch.delenv("MAILCHIMP_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    config = tmp_path / "hub.toml"
    config.write_text(
        (Path(__file__).parents[2] / "config" / "hub.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    with transaction(engine) as session:
        member = Member(organisation="Girona", email=EMAIL)
        session.add(member)
        session.flush()
        member_id = member.id
    erase = ["erase", "--member", str(member_id), "--yes", "--database-url", database_url]
    done = CliRunner().invoke(app, ["--config", str(config), *erase])
    assert done.exit_code == 0, done.output
    assert "[channels.newsletter] is disabled" in done.output
    assert f"delete {EMAIL} permanently from the Mailchimp audience by hand" in done.output
    with transaction(engine) as session:
        erased = session.get(Member, member_id)
        assert erased is not None and erased.email is None and erased.erased_at is not None


def test_hub_erase_with_the_audience_enabled_but_no_key_erases_here_and_names_the_variable(
    engine: Engine, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register()
    monkeypatch.delenv("MAILCHIMP_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "hub.toml"
    config.write_text(
        '[hub]\nlanguages = ["en"]\n\n[channels.newsletter]\nplatform = "mailchimp"\n'
        'target = "a1b2c3"\ntoken_env = "MAILCHIMP_API_KEY"\n',
        encoding="utf-8",
    )
    with transaction(engine) as session:
        member = Member(organisation="Girona", email=EMAIL)
        session.add(member)
        session.flush()
        member_id = member.id
    erase = ["erase", "--member", str(member_id), "--yes", "--database-url", database_url]
    done = CliRunner().invoke(app, ["--config", str(config), *erase])
    assert done.exit_code == 0, done.output
    assert "MAILCHIMP_API_KEY of [channels.newsletter] is not set" in done.output

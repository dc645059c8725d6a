"""Console sign-in: passwords, throttling, CSRF, session timeouts, cookies and headers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from starlette.applications import Starlette
from starlette.routing import Route

from hub.core.db import transaction
from hub.core.models import Item, User
from hub.web import create_app
from hub.web.app import SecretKeyMissing
from hub.web.security import MAX_FAILURES
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def client(engine: Engine, clock: SteppingClock) -> Iterator[ConsoleClient]:
    add_user(engine, EMAIL, PASSWORD, role="admin")
    with ConsoleClient(console_app(example_settings(), engine, clock=clock)) as client:
        yield client


def test_wrong_password_and_unknown_address_are_refused_alike(client: ConsoleClient) -> None:
    wrong = client.sign_in(EMAIL, "not the password")
    unknown = client.sign_in("nobody@example.org", PASSWORD)
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert "Wrong e-mail address or password." in response.text
    assert client.get("/").status_code == 303


def test_right_password_opens_the_dashboard(client: ConsoleClient) -> None:
    response = client.sign_in(EMAIL.upper(), PASSWORD)
    assert response.status_code == 303 and response.headers["location"] == "/"
    page = client.get("/")
    assert page.status_code == 200
    assert "Dashboard" in page.text and "Welcome, Ana." in page.text


def test_pages_need_a_session_and_come_back_after_sign_in(client: ConsoleClient) -> None:
    response = client.get("/moderation")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/moderation"
    login = client.get(response.headers["location"])
    token = csrf_token(login.text)
    data = {"email": EMAIL, "password": PASSWORD, "next": "/moderation", "csrf_token": token}
    assert client.post("/login", data=data).headers["location"] == "/moderation"


def test_sign_in_is_throttled_per_address(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    for _ in range(MAX_FAILURES):
        assert client.sign_in(EMAIL, "guess").status_code == 401
    blocked = client.sign_in(EMAIL, PASSWORD)
    assert blocked.status_code == 429
    assert "try again in 15 minutes" in blocked.text
    app = client.app
    with ConsoleClient(app, client_ip="198.51.100.7") as elsewhere:
        assert elsewhere.sign_in(EMAIL, PASSWORD).status_code == 303
    clock.advance(minutes=15, seconds=1)
    assert client.sign_in(EMAIL, PASSWORD).status_code == 303


def test_a_success_resets_the_failure_count(client: ConsoleClient) -> None:
    for _ in range(MAX_FAILURES - 1):
        client.sign_in(EMAIL, "guess")
    assert client.sign_in(EMAIL, PASSWORD).status_code == 303
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/").text)})
    assert client.sign_in(EMAIL, "guess").status_code == 401
    assert client.sign_in(EMAIL, PASSWORD).status_code == 303


def _item(engine: Engine) -> int:
    with transaction(engine) as session:
        item = Item(title="Pending news", status="pending")
        session.add(item)
        session.flush()
        return item.id


def test_state_changes_without_the_csrf_token_are_refused(
    engine: Engine, client: ConsoleClient
) -> None:
    item_id = _item(engine)
    client.sign_in(EMAIL, PASSWORD)
    for data in ({}, {"csrf_token": "forged"}, {"csrf_token": ""}):
        response = client.post(f"/items/{item_id}/approve", data=data)
        assert response.status_code == 403
        assert "could not be accepted" in response.text
    with transaction(engine) as session:
        assert session.get(Item, item_id).status == "pending"  # type: ignore[union-attr]
    assert client.post("/login", data={"email": EMAIL, "password": PASSWORD}).status_code == 403


def test_every_post_route_checks_the_csrf_token(engine: Engine, client: ConsoleClient) -> None:
    client.sign_in(EMAIL, PASSWORD)
    app = client.app
    assert isinstance(app, Starlette)
    posts = [r for r in app.routes if isinstance(r, Route) and "POST" in (r.methods or ())]
    platform = app.state.platform_routes  # Slack and Telegram sign theirs instead
    assert len(posts) - len(platform) >= 10
    for route in posts:
        path = re.sub(r"\{\w+:int\}", "1", route.path)
        response = client.post(path, data={"title": "x", "reason": "x", "source": "console"})
        if route in platform:
            assert response.status_code in (400, 401, 503), route.path
        else:
            assert response.status_code == 403, route.path
    assert client.get("/").status_code == 200  # still signed in: logout was refused too


def test_idle_timeout_ends_the_session(client: ConsoleClient, clock: SteppingClock) -> None:
    client.sign_in(EMAIL, PASSWORD)
    clock.advance(hours=1, minutes=59)
    assert client.get("/").status_code == 200
    clock.advance(hours=1, minutes=59)
    assert client.get("/").status_code == 200
    clock.advance(hours=2)
    expired = client.get("/items")
    assert expired.status_code == 303
    assert "session has expired" in client.get(expired.headers["location"]).text


def test_absolute_timeout_ends_a_busy_session(client: ConsoleClient, clock: SteppingClock) -> None:
    client.sign_in(EMAIL, PASSWORD)
    for _ in range(11):
        clock.advance(hours=1)
        assert client.get("/").status_code == 200
    clock.advance(minutes=59)
    assert client.get("/").status_code == 200
    clock.advance(minutes=1)
    assert client.get("/").status_code == 303


def test_sign_out_revokes_the_cookie(client: ConsoleClient) -> None:
    client.sign_in(EMAIL, PASSWORD)
    cookies = dict(client.client.cookies)
    response = client.post("/logout", data={"csrf_token": csrf_token(client.get("/").text)})
    assert response.status_code == 303
    client.client.cookies.clear()
    for name, value in cookies.items():
        client.client.cookies.set(name, value)
    assert client.get("/").status_code == 303


def test_a_deactivated_user_is_signed_out(engine: Engine, client: ConsoleClient) -> None:
    from hub.core.models import User

    client.sign_in(EMAIL, PASSWORD)
    with transaction(engine) as session:
        session.scalars(select(User)).one().active = False
    assert client.get("/").status_code == 303
    assert client.sign_in(EMAIL, PASSWORD).status_code == 401


@pytest.mark.parametrize("path", ["/login", "/", "/healthz", "/static/console.css", "/missing"])
def test_security_headers_on_every_response(client: ConsoleClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_pages_carry_no_inline_script(client: ConsoleClient) -> None:
    pages = {"/login": client.get("/login").text.lower()}
    client.sign_in(EMAIL, PASSWORD)
    for path in ("/", "/moderation", "/items", "/submit", "/sources", "/questions", "/account"):
        pages[path] = client.get(path).text.lower()
    for path, text in pages.items():
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", text, re.S)
        assert scripts == [""], path  # only htmx, from /static, nothing inline
        assert '<script src="/static/htmx.min.js" defer>' in text, path
        assert "onclick" not in text and "style=" not in text and "hx-on" not in text, path


def test_cookies_are_secure_httponly_and_lax_behind_https(engine: Engine) -> None:
    add_user(engine, EMAIL, PASSWORD)
    app = console_app(example_settings(public_url="https://hub.example.org"), engine)
    with ConsoleClient(app, base_url="https://hub.example.org") as client:
        response = client.sign_in(EMAIL, PASSWORD)
        assert response.status_code == 303
        cookie = next(
            c for c in response.headers.get_list("set-cookie") if "hub_session" in c
        ).lower()
        assert cookie.startswith("__host-hub_session=")
        assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie
        assert "strict-transport-security" in response.headers
        assert client.get("/").status_code == 200


def test_plain_http_cookies_are_httponly_and_lax(client: ConsoleClient) -> None:
    response = client.sign_in(EMAIL, PASSWORD)
    cookie = next(c for c in response.headers.get_list("set-cookie") if "hub_session" in c)
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert "secure" not in cookie.lower()


def test_the_console_needs_a_secret_key(engine: Engine) -> None:
    settings = example_settings().model_copy(update={"secrets": {}})
    with pytest.raises(SecretKeyMissing, match="HUB_SECRET_KEY"):
        create_app(settings, engine)
    with pytest.raises(SecretKeyMissing):
        create_app(settings, engine, secret_key="short")
    # the example files' placeholder is 33 characters long, and was accepted
    for placeholder in ("change-me-to-32-random-characters", "x" * 64):
        with pytest.raises(SecretKeyMissing):
            create_app(settings, engine, secret_key=placeholder)


def test_an_address_trying_many_emails_backs_off_exponentially(
    client: ConsoleClient, clock: SteppingClock
) -> None:
    """Security finding: from one address, guesses spread over many e-mails went on
    at full speed up to the limit; past a few, each now waits twice as long."""
    from hub.web.security import BACKOFF_AFTER_ADDRESS, BACKOFF_BASE, backoff

    for number in range(BACKOFF_AFTER_ADDRESS):
        assert client.sign_in(f"guess{number}@example.org", "guess").status_code == 401
    assert client.sign_in("one-more@example.org", "guess").status_code == 401
    waits = []
    for number in range(4):
        assert client.sign_in(EMAIL, PASSWORD).status_code == 429  # even the right password
        wait = backoff(BACKOFF_AFTER_ADDRESS + 1 + number, BACKOFF_AFTER_ADDRESS)
        waits.append(wait)
        clock.advance(seconds=wait.total_seconds() - 0.5)
        assert client.sign_in(f"again{number}@example.org", "guess").status_code == 429
        clock.advance(seconds=0.5)
        assert client.sign_in(f"again{number}@example.org", "guess").status_code == 401
    assert waits == [BACKOFF_BASE * 2**n for n in range(4)]
    with ConsoleClient(client.app, client_ip="198.51.100.9") as elsewhere:
        assert elsewhere.sign_in(EMAIL, PASSWORD).status_code == 303


def test_one_account_from_many_addresses_backs_off_exponentially(
    client: ConsoleClient, clock: SteppingClock
) -> None:
    """Security finding: one account took about 262 guesses a minute from rotating
    addresses; past the first few each guess now waits twice as long as the last."""
    from hub.web.security import BACKOFF_AFTER, backoff

    def from_address(number: int, password: str) -> int:
        with ConsoleClient(client.app, client_ip=f"192.0.2.{number + 1}") as there:
            return there.sign_in(EMAIL, password).status_code

    for number in range(BACKOFF_AFTER + 1):
        assert from_address(number, "guess") == 401
    tried = BACKOFF_AFTER + 1
    for number in range(3):
        assert from_address(100 + number, "guess") == 429
        clock.advance(seconds=backoff(tried).total_seconds())
        assert from_address(100 + number, "guess") == 401
        tried += 1
    assert backoff(tried) == 8 * backoff(BACKOFF_AFTER + 1)
    clock.advance(seconds=backoff(tried).total_seconds())
    assert from_address(200, PASSWORD) == 303  # the owner, once the wait is over
    assert from_address(201, "guess") == 401  # and the count starts again


def test_editors_do_not_reach_admin_pages(engine: Engine) -> None:
    add_user(engine, "ed@example.org", PASSWORD, name="Ed", role="editor")
    with ConsoleClient(console_app(example_settings(), engine)) as editor:
        assert editor.sign_in("ed@example.org", PASSWORD).status_code == 303
        dashboard = editor.get("/").text
        assert 'href="/moderation"' in dashboard and 'href="/audit"' not in dashboard
        assert 'href="/sources"' not in dashboard
        for path in ("/audit", "/sources", "/standins"):
            response = editor.get(path)
            assert response.status_code == 403, path
            assert "for administrators" in response.text
        assert editor.get("/moderation").status_code == 200


def test_each_user_reads_the_console_in_their_language(client: ConsoleClient) -> None:
    client.sign_in(EMAIL, PASSWORD)
    account = client.get("/account")
    assert '<option value="es">Español</option>' in account.text
    saved = client.post("/account", data={"language": "es", "csrf_token": csrf_token(account.text)})
    assert saved.status_code == 303
    page = client.get("/account").text
    assert '<html lang="es">' in page and "Cerrar sesión" in page and "Guardado" in page
    refused = client.post("/account", data={"language": "xx", "csrf_token": csrf_token(page)})
    assert refused.status_code == 303
    assert "Elige uno de los idiomas" in client.get("/account").text


def test_the_sign_in_page_follows_the_browser_language(client: ConsoleClient) -> None:
    page = client.get("/login", headers={"accept-language": "es-ES,es;q=0.9,en;q=0.8"})
    assert '<html lang="es">' in page.text and "Contraseña" in page.text


def test_every_page_renders_in_spanish(engine: Engine, client: ConsoleClient) -> None:
    with transaction(engine) as session:
        user = session.scalars(select(User).where(User.email == EMAIL)).one()
        user.language = "es"
    client.sign_in(EMAIL, PASSWORD)
    pages = ["/", "/moderation", "/items", "/submit", "/deliveries", "/channels", "/sources"]
    pages += ["/questions", "/newsletter", "/knowledge", "/members", "/standins", "/audit"]
    pages += ["/account", "/members/inactive", "/knowledge/events/new", "/knowledge/faq/new"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="es">' in response.text and "Cerrar sesión" in response.text, path
    dashboard = client.get("/").text
    assert "Panel" in dashboard and "Envíos" in client.get("/deliveries").text
    assert "Preguntas por día" in dashboard and "aún no hay informe" in dashboard  # the charts


def test_catalan_is_offered_and_spoken(client: ConsoleClient) -> None:
    login = client.get("/login", headers={"accept-language": "ca-ES,ca;q=0.9,es;q=0.8"})
    assert '<html lang="ca">' in login.text and "Contrasenya" in login.text
    client.sign_in(EMAIL, PASSWORD)
    account = client.get("/account")
    assert '<option value="ca">Català</option>' in account.text
    client.post("/account", data={"language": "ca", "csrf_token": csrf_token(account.text)})
    page = client.get("/").text
    assert '<html lang="ca">' in page and "Tancar la sessió" in page


def test_failed_sign_ins_csrf_refusals_and_403s_are_logged(
    engine: Engine, client: ConsoleClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Security finding: none of these left a line in the log."""
    caplog.set_level("WARNING", logger="hub.web.security")
    assert client.sign_in(EMAIL, "guess").status_code == 401
    client.sign_in(EMAIL, PASSWORD)
    assert client.post(f"/items/{_item(engine)}/approve", data={}).status_code == 403
    add_user(engine, "editor2@example.org", PASSWORD, role="editor")
    with ConsoleClient(client.app, client_ip="198.51.100.20") as editor:
        editor.sign_in("editor2@example.org", PASSWORD)
        assert editor.get("/deliveries").status_code == 403
    lines = [r.getMessage() for r in caplog.records if r.name == "hub.web.security"]
    assert any(line.startswith(f"failed sign-in for {EMAIL} from 192.0.2.10") for line in lines)
    assert any(line.startswith("CSRF token refused: POST /items/") for line in lines)
    assert any(line.startswith("forbidden: GET /deliveries for user") for line in lines)


def test_old_sign_in_attempts_are_purged(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    """Security finding: login_attempts grew for ever (every address and e-mail tried)."""
    from sqlalchemy import func, select

    from hub.core.accounts import LoginAttempt

    for number in range(3):
        client.sign_in(f"someone{number}@example.org", "guess")
    clock.advance(days=1, seconds=1)
    assert client.sign_in(EMAIL, PASSWORD).status_code == 303
    with transaction(engine) as session:
        emails = session.scalars(select(LoginAttempt.email)).all()
        assert session.scalar(select(func.count()).select_from(LoginAttempt)) == 1
    assert emails == [EMAIL]

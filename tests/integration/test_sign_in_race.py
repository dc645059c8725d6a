"""Security finding (issue 16): the sign-in limit holds for parallel attempts.

The attempts were counted before the (slow) password check and written after
it, so 20 attempts sent at once found no failures and 18 reached a password
check past a limit of 5. Now each attempt is written first and counted with
the others; and one account tried from many addresses is limited too.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Literal

import httpx
from argon2 import PasswordHasher
from sqlalchemy import Engine

from hub.web.security import MAX_FAILURES, MAX_FAILURES_PER_ACCOUNT, HashingGate
from hub.web.testing import SteppingClock, add_user, csrf_token, example_settings

EMAIL = "ana@example.org"


class CountingHasher(PasswordHasher):
    """A fast argon2id that counts the password checks (and the most at once) and makes
    each take a while, so that parallel attempts overlap as with the real 0.3 s hash."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.checks = 0
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self._lock:
            self.checks += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            time.sleep(0.2)  # the window the race needs; real hashing takes longer
            return super().verify(hash, password)
        finally:
            with self._lock:
                self.running -= 1


def parallel_sign_ins(
    engine: Engine, count: int, addresses: int, gate: HashingGate | None = None
) -> tuple[list[int], CountingHasher]:
    """``count`` wrong sign-ins at once, from ``addresses`` client addresses in turn."""
    from hub.web import create_app

    hasher = CountingHasher()
    app = create_app(example_settings(), engine, password_hasher=hasher, clock=SteppingClock())
    if gate is not None:
        app.state.console.hashing = gate

    async def main() -> list[int]:
        clients = []
        for number in range(addresses):
            transport = httpx.ASGITransport(app=app, client=(f"198.51.100.{number + 1}", 5000))
            clients.append(httpx.AsyncClient(transport=transport, base_url="http://c.test"))
        forms = []
        for client in clients:
            token = csrf_token((await client.get("/login")).text)
            forms.append({"email": EMAIL, "password": "guess", "csrf_token": token})

        async def attempt(number: int) -> int:
            client = clients[number % addresses]
            response = await client.post("/login", data=forms[number % addresses])
            return response.status_code

        statuses = await asyncio.gather(*(attempt(n) for n in range(count)))
        for client in clients:
            await client.aclose()
        return list(statuses)

    return asyncio.run(main()), hasher


def test_twenty_parallel_attempts_from_one_address_check_at_most_five_passwords(
    engine: Engine,
) -> None:
    add_user(engine, EMAIL, "correct horse battery", role="admin")
    statuses, hasher = parallel_sign_ins(engine, 20, addresses=1)
    checks = hasher.checks
    assert checks <= MAX_FAILURES
    assert statuses.count(401) == checks and statuses.count(429) == 20 - checks


def test_one_account_from_rotating_addresses_is_limited_too(engine: Engine) -> None:
    add_user(engine, EMAIL, "correct horse battery", role="admin")
    count = MAX_FAILURES_PER_ACCOUNT + 10
    statuses, hasher = parallel_sign_ins(engine, count, addresses=count)
    assert hasher.checks <= MAX_FAILURES_PER_ACCOUNT
    assert statuses.count(429) >= 10


def test_password_checks_run_two_at_a_time_and_past_the_queue_are_refused(
    engine: Engine,
) -> None:
    """Security finding (issue 16): 40 parallel sign-ins hashed 40 passwords at once on
    the shared thread pool (1,250 MB, other requests stalled 4 s)."""
    add_user(engine, EMAIL, "correct horse battery", role="admin")
    statuses, hasher = parallel_sign_ins(engine, 12, addresses=12, gate=HashingGate(2, 2))
    assert hasher.most_at_once <= 2
    assert hasher.checks <= 12 and statuses.count(429) >= 1
    assert statuses.count(401) == hasher.checks


def test_attempts_written_together_let_the_first_ones_through_up_to_the_limit(
    engine: Engine,
) -> None:
    """The worst interleaving: twelve attempts all written before any of them counts.
    Counting every row, each saw twelve failures and all were refused, no password checked
    (``hub bench signin`` in CI); each now counts the rows written before its own, so
    the first five written are allowed and the rest refused."""
    from sqlalchemy.orm import Session

    from hub.core.accounts import LoginAttempt
    from hub.web.security import login_throttle

    now = SteppingClock()()
    with Session(engine) as session, session.begin():
        rows = [
            LoginAttempt(email=EMAIL, ip="198.51.100.1", at=now, succeeded=False) for _ in range(12)
        ]
        session.add_all(rows)
        session.flush()
        ids = sorted(row.id for row in rows)
    allowed = []
    with Session(engine) as session:
        for attempt_id in ids:
            throttle = login_throttle(
                session, EMAIL, "198.51.100.1", now, counted=1, exclude=attempt_id
            )
            allowed.append(throttle.allowed)
    assert allowed == [True] * MAX_FAILURES + [False] * (12 - MAX_FAILURES)

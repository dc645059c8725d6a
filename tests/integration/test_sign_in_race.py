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

import httpx
from argon2 import PasswordHasher
from sqlalchemy import Engine

from hub.web.security import MAX_FAILURES, MAX_FAILURES_PER_ACCOUNT
from hub.web.testing import SteppingClock, add_user, csrf_token, example_settings

EMAIL = "ana@example.org"


class CountingHasher(PasswordHasher):
    """A fast argon2id that counts the password checks and makes each take a while,
    so that parallel attempts overlap as they do with the real 0.3 s hash."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.checks += 1
        time.sleep(0.2)  # the window the race needs; real hashing takes longer
        return super().verify(hash, password)


def parallel_sign_ins(engine: Engine, count: int, addresses: int) -> tuple[list[int], int]:
    """``count`` wrong sign-ins at once, from ``addresses`` client addresses in turn."""
    from hub.web import create_app

    hasher = CountingHasher()
    app = create_app(example_settings(), engine, password_hasher=hasher, clock=SteppingClock())

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

    return asyncio.run(main()), hasher.checks


def test_twenty_parallel_attempts_from_one_address_check_at_most_five_passwords(
    engine: Engine,
) -> None:
    add_user(engine, EMAIL, "correct horse battery", role="admin")
    statuses, checks = parallel_sign_ins(engine, 20, addresses=1)
    assert checks <= MAX_FAILURES
    assert statuses.count(401) == checks and statuses.count(429) == 20 - checks


def test_one_account_from_rotating_addresses_is_limited_too(engine: Engine) -> None:
    add_user(engine, EMAIL, "correct horse battery", role="admin")
    count = MAX_FAILURES_PER_ACCOUNT + 10
    statuses, checks = parallel_sign_ins(engine, count, addresses=count)
    assert checks <= MAX_FAILURES_PER_ACCOUNT
    assert statuses.count(429) >= 10

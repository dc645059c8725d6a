"""Token buckets in the database: shared by every limiter on the same database."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.bus.ratelimit import LEASE_SECONDS, MAX_PUSH, DatabaseRateLimiter
from hub.core.db import make_engine
from hub.core.ports import RateLimit

T0 = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
BOT = RateLimit("tg:bot", rate=30.0, burst=30.0)
CHAT = RateLimit("tg:chat:1", rate=1.0, burst=1.0)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_all_or_nothing_across_keys(engine):
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    assert limiter.try_acquire([BOT, CHAT], T0) == 0.0
    wait = limiter.try_acquire([BOT, CHAT], T0)
    assert wait == 1.0  # the chat is empty; the bot's token was not spent
    other_chat = RateLimit("tg:chat:2", rate=1.0, burst=1.0)
    spent = sum(limiter.try_acquire([BOT, other_chat], T0) == 0.0 for _ in range(3))
    assert spent == 1
    assert limiter.try_acquire([BOT, CHAT], at(1.0)) == 0.0


def test_budget_is_shared_between_workers(database_url):
    first, second = make_engine(database_url), make_engine(database_url)
    try:
        a, b = (
            DatabaseRateLimiter(first, margin=1.0, stall_seconds=None),
            DatabaseRateLimiter(second, margin=1.0, stall_seconds=None),
        )
        taken = [lim.try_acquire([BOT], T0) == 0.0 for lim in (a, b) * 20]
        assert sum(taken) == 30
    finally:
        first.dispose()
        second.dispose()


def test_a_429_pauses_the_key_for_everyone_until_the_time_asked(database_url):
    first, second = make_engine(database_url), make_engine(database_url)
    try:
        a, b = (
            DatabaseRateLimiter(first, margin=1.0, stall_seconds=None),
            DatabaseRateLimiter(second, margin=1.0, stall_seconds=None),
        )
        a.pause([CHAT], at(12.5), T0)
        a.pause([CHAT], at(3.0), T0)  # a shorter pause never shortens a longer one
        assert b.try_acquire([CHAT], at(2.0)) == 10.5
        assert b.paused_until("tg:chat:1") == at(12.5)
        assert b.try_acquire([CHAT], at(13.5)) == 0.0
    finally:
        first.dispose()
        second.dispose()


def test_margin_keeps_below_the_declared_rate(engine):
    limiter = DatabaseRateLimiter(engine, margin=0.5, stall_seconds=None)
    limit = RateLimit("slow", rate=2.0, burst=1.0)
    assert limiter.try_acquire([limit], T0) == 0.0
    assert limiter.try_acquire([limit], T0) == 1.0


def test_a_slow_acquisition_counts_from_when_the_send_starts(engine):
    """The time the transaction took is forfeited: the next token comes that much later."""
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=0.0)
    assert limiter.try_acquire([CHAT], T0) == 0.0
    fresh = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=0.0)  # no local memory
    assert fresh.try_acquire([CHAT], at(1.0)) > 0.0


def test_a_hold_stops_this_process_at_once_and_a_pause_tells_the_others(database_url):
    first, second = make_engine(database_url), make_engine(database_url)
    try:
        a, b = (
            DatabaseRateLimiter(first, margin=1.0, stall_seconds=None),
            DatabaseRateLimiter(second, margin=1.0, stall_seconds=None),
        )
        a.hold([BOT, CHAT], at(4.0))  # the moment a 429 arrives, before any database call
        assert a.held_for([CHAT], at(1.0)) == 3.0
        assert a.held_for([RateLimit("tg:chat:2", rate=1.0)], at(1.0)) == 0.0
        assert a.try_acquire([BOT], at(1.0)) == 3.0  # answered without the database
        assert b.try_acquire([BOT], at(1.0)) == 0.0  # the others hear of it by pause()
        a.pause([BOT], at(4.0), at(1.0))
        assert b.try_acquire([BOT], at(2.0)) == 2.0
        assert a.held_for([BOT, CHAT], at(5.0)) == 0.0
    finally:
        first.dispose()
        second.dispose()


FAST = RateLimit("fast", rate=1000.0, burst=30.0)


def test_a_fast_budget_is_leased_for_the_demand_and_a_slow_one_never(engine):
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    for _ in range(3):  # the first sends take from the database and show the demand
        assert limiter.try_acquire([FAST], T0) == 0.0
        assert limiter.try_acquire([BOT], T0) == 0.0
    leased = limiter.leased("fast", T0)
    assert leased > 0 and limiter.leased("tg:bot", T0) == 0  # 30/s is worth no lease
    assert limiter.take_leased([FAST], T0) and not limiter.take_leased([BOT], T0)
    assert limiter.leased("fast", T0) == leased - 1
    assert not limiter.take_leased([FAST], at(LEASE_SECONDS))  # the lease has ended


def test_a_hold_forfeits_the_lease(engine):
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    for _ in range(3):
        limiter.try_acquire([FAST], T0)
    assert limiter.leased("fast", T0) > 0
    limiter.hold([FAST], at(2.0))
    assert limiter.leased("fast", T0) == 0 and not limiter.take_leased([FAST], at(0.5))


def test_leased_tokens_are_spent_from_the_shared_bucket(database_url):
    first, second = make_engine(database_url), make_engine(database_url)
    try:
        a, b = (
            DatabaseRateLimiter(first, margin=1.0, stall_seconds=None),
            DatabaseRateLimiter(second, margin=1.0, stall_seconds=None, lease_seconds=0),
        )
        taken = sum(a.try_acquire([FAST], T0) == 0.0 for _ in range(3))
        leased = a.leased("fast", T0)
        others = sum(b.try_acquire([FAST], T0) == 0.0 for _ in range(40))
        assert taken == 3 and leased > 0
        assert taken + leased + others == 30  # the burst, whoever holds the tokens
    finally:
        first.dispose()
        second.dispose()


def test_reservations_line_up_at_the_budget_pace_counted_from_their_moment(engine):
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    slow = RateLimit("tg:chat:9", rate=2.0, burst=1.0)
    grants = limiter.reserve_many([[slow]] * 3, T0, within=1.0)
    assert all(grant.taken for grant in grants)
    assert [(g.at - T0).total_seconds() for g in grants] == pytest.approx([0.0, 0.5, 1.0])
    # the next would leave 1.5 s from now, further ahead than `within`: nothing is taken
    [refused] = limiter.reserve_many([[slow]], T0, within=1.0)
    assert not refused.taken and refused.wait == pytest.approx(0.5)
    # asked at 1.2 s it leaves a full token after the last reservation (1.0 s), not at
    # the moment it asked: the bucket counted that token at its reservation
    [grant] = limiter.reserve_many([[slow]], at(1.2), within=1.0)
    assert grant.taken and (grant.at - T0).total_seconds() == pytest.approx(1.5)


def test_a_reservation_counts_from_when_its_rows_were_locked_plus_the_lead(engine):
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    # the caller read T0, then waited 0.3 s for another worker's lock
    [grant] = limiter.reserve_many([[CHAT]], T0, within=1.0, lead=0.1, clock=lambda: at(0.3))
    assert grant.taken and (grant.at - T0).total_seconds() == pytest.approx(0.4)
    [grant] = limiter.reserve_many([[CHAT]], at(0.5), within=1.0)
    assert grant.taken and (grant.at - T0).total_seconds() == pytest.approx(1.4)


def test_a_paused_budget_is_not_reserved_past_its_pause(engine):
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    limiter.pause([CHAT], at(0.5), T0)
    fresh = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    [grant] = fresh.reserve_many([[CHAT]], T0, within=1.0)
    assert not grant.taken and grant.wait == pytest.approx(0.5)


def test_a_fast_budget_is_taken_now_and_leased_even_with_a_lead(engine):
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    for _ in range(3):  # as the worker asks: a lead for slow budgets, the clock read again
        [grant] = limiter.reserve_many([[FAST]], T0, within=0.5, lead=0.05, clock=lambda: T0)
        assert grant.taken and grant.at == T0 and grant.wait == 0.0
    assert limiter.leased("fast", T0) > 0  # a reservation ahead would have leased nothing
    [slow] = limiter.reserve_many([[FAST, CHAT]], T0, within=0.5, lead=0.05, clock=lambda: T0)
    assert slow.taken and slow.wait == pytest.approx(0.05)  # a slow budget keeps its lead


def test_a_chat_not_ready_does_not_hold_back_the_bots_budget(engine):
    """A send whose chat frees only later is not reserved when its bot's tokens before
    that would go unspent: sends to other chats take them; it asks again just before."""
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None, lease_seconds=0)
    bot = RateLimit("tg:bot:7", rate=10.0, burst=1.0)
    busy, free = RateLimit("tg:chat:70", 1.0, 1.0), RateLimit("tg:chat:71", 1.0, 1.0)
    first, waiting = limiter.reserve_many([[bot, busy], [bot, busy]], T0, within=1.0)
    assert first.taken and first.at == T0
    # the busy chat frees at 1.0 s: a reservation then would let the bot's tokens of
    # 0.1-1.0 s go to nobody
    assert not waiting.taken and waiting.wait == pytest.approx(1.0)
    [other] = limiter.reserve_many([[bot, free]], T0, within=1.0)
    assert other.taken and (other.at - T0).total_seconds() == pytest.approx(0.1)
    # asked again just before its moment, it is reserved for it
    [again] = limiter.reserve_many([[bot, busy]], at(0.98), within=1.0)
    assert again.taken and (again.at - T0).total_seconds() == pytest.approx(1.0)


def test_a_pause_never_moves_a_reservation_back(engine):
    """A 429 paused a budget that already had a send reserved past the pause's end: the
    next reservation still comes a full token after that send, not after the pause."""
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None, lease_seconds=0)
    chat = RateLimit("tg:chat:80", rate=1.0, burst=1.0)
    limiter.reserve_many([[chat], [chat]], T0, within=1.0)  # sends at 0 s and 1.0 s
    limiter.pause([chat], at(0.5), T0)
    [grant] = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None).reserve_many(
        [[chat]], at(0.6), within=2.0
    )
    assert grant.taken and (grant.at - T0).total_seconds() == pytest.approx(2.0)


def test_a_grant_says_how_late_its_budgets_allow_it_to_leave(engine):
    """Half of what the margin leaves of each burst, the least of the budgets: a slow
    budget's late send is not forfeited (its token would take minutes to come back)."""
    limiter = DatabaseRateLimiter(engine, margin=0.97, stall_seconds=None, lease_seconds=0)
    account = RateLimit("md:account", rate=0.0268, burst=10.0)
    [alone] = limiter.reserve_many([[account]], T0, within=0.5)
    assert alone.taken and alone.late == pytest.approx(0.03 * 10 / 0.0268 / 2)
    bot = RateLimit("tg:bot:9", rate=29.1, burst=1.0)
    [both] = limiter.reserve_many([[bot, CHAT]], T0, within=0.5)
    assert both.taken and both.late == pytest.approx(0.03 / 29.1 / 2)  # the bot's, the least


def test_a_send_answered_late_pushes_its_budgets_back_for_every_worker(engine):
    """A send that may have reached the platform later than its moment, by more than its
    budget tolerates, moves the budget's clock forward by the excess: the next
    reservation, by this worker or another, leaves that much later."""
    limiter = DatabaseRateLimiter(engine, margin=0.97, stall_seconds=None, lease_seconds=0)
    bot = RateLimit("tg:bot:5", rate=29.0, burst=1.0)
    chat = RateLimit("tg:bot:5:chat:1", rate=1.0, burst=1.0)
    tolerance = limiter.tolerance(bot)
    assert tolerance == pytest.approx(0.015)  # half of the margin's 3% of a second
    for _ in range(10):  # the usual trip: 4 ms from the moment to the answer
        assert limiter.pushes([bot, chat], 0.004) == []
    # within the tolerance of the usual trip: nothing moves, no transaction
    assert limiter.pushes([bot, chat], 0.004 + tolerance * 0.9) == []
    [first] = limiter.reserve_many([[bot]], T0, within=0.5)
    pushes = limiter.pushes([bot, chat], 0.004 + tolerance + 0.030)
    assert [lim.key for lim, _ in pushes] == [bot.key, chat.key]
    assert [push for _, push in pushes] == pytest.approx([0.030, 0.030])
    limiter.push(pushes, T0)
    other = DatabaseRateLimiter(engine, margin=0.97, stall_seconds=None, lease_seconds=0)
    [grant] = other.reserve_many([[bot]], T0, within=0.5)
    pace = 1 / (29.0 * 0.97)
    assert grant.taken and (grant.at - first.at).total_seconds() == pytest.approx(
        pace + 0.030, abs=1e-5
    )


def test_a_push_is_capped_and_spares_leased_budgets(engine):
    """A send slow for its own reasons (a thread of several messages) pushes its budget
    back at most MAX_PUSH; a fast, leased budget never waits for a moment and is not
    pushed; a distant platform (a long trip every time) pushes nothing."""
    limiter = DatabaseRateLimiter(engine, margin=0.97, stall_seconds=None)
    slow = RateLimit("tg:bot:6", rate=29.0, burst=1.0)
    fast = RateLimit("fast:6", rate=10_000.0, burst=100.0)
    for _ in range(5):
        assert limiter.pushes([slow, fast], 0.300) == []  # 300 ms away, every time
    [(pushed, push)] = limiter.pushes([slow, fast], 60.0)
    assert pushed == slow and push == pytest.approx(MAX_PUSH)
    limiter.reserve_many([[slow]], T0, within=1.0)
    limiter.push([(slow, push)], at(5.0))  # idle since: its clock moves from now
    [grant] = limiter.reserve_many([[slow]], at(5.0), within=1.0)
    assert grant.taken and (grant.at - T0).total_seconds() == pytest.approx(5.0 + MAX_PUSH)


def test_sends_late_together_push_once(engine):
    """Sends held up by one stall of the host are each late by about as much: the first
    push already moves every reservation after them, the others add only what exceeds it."""
    limiter = DatabaseRateLimiter(engine, margin=0.97, stall_seconds=None, lease_seconds=0)
    bot = RateLimit("tg:bot:8", rate=29.0, burst=1.0)
    limiter.pushes([bot], 0.004)  # the usual trip
    [(_, first)] = limiter.pushes([bot], 0.104)
    assert first == pytest.approx(0.1 - limiter.tolerance(bot))
    assert limiter.pushes([bot], 0.100) == []
    [(_, more)] = limiter.pushes([bot], 0.124)
    assert more == pytest.approx(0.02)


def test_a_steady_sender_renews_its_lease_about_twice_a_lease_not_at_every_send(engine):
    """A renewal leases the demand beside the tokens that will still be there: counted
    against tokens about to end, renewals were too small to last (1,400 rounds here)."""
    limiter = DatabaseRateLimiter(engine, margin=1.0, stall_seconds=None)
    fast = RateLimit("steady", rate=100_000.0, burst=100_000.0)
    rounds = 0
    for step in range(3000):  # 500 sends a second for 6 s, as a worker sends them
        now = at(step * 0.002)
        if not limiter.take_leased([fast], now):
            assert limiter.try_acquire([fast], now) == 0.0
            rounds += 1
        elif limiter.running_low([fast], now):
            limiter.try_acquire_many([], now, renew=[fast])
            rounds += 1
    assert rounds <= 4 * 6

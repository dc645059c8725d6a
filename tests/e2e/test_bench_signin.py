"""``hub bench signin`` against a real web role: the limit holds for attempts at once.

No timing is asserted here (the bench prints /healthz's slowest answer and the peak
memory, to be read side by side on one machine)."""

from __future__ import annotations

from hub.bench.signin import render_signin, run_signin_bench


def test_parallel_wrong_sign_ins_against_a_real_server_check_at_most_the_limit() -> None:
    result = run_signin_bench(12)
    assert result.checked + result.refused == 12 and result.other == 0
    assert 1 <= result.checked <= result.limit
    assert result.healthz_answers >= 1
    assert "password checks" in render_signin(result)

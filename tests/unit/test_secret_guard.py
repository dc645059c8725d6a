"""The secret guard plugin (tests/secret_guard.py) fails a session whose output shows a secret.

Each case runs pytest in a subprocess on a small test file, with the plugin
registered the way tests/conftest.py registers it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from known_secrets import CONSOLE_TEST_KEY, SECRETS, TEST_SECRETS, leaks

TESTS = Path(__file__).parents[1]

LEAKY = """
import logging
import sys

from known_secrets import SECRETS


def test_prints_a_secret():
    print("token:", SECRETS["SLACK_BOT_TOKEN"])


def test_writes_one_to_stderr():
    sys.stderr.write("key " + SECRETS["MAILCHIMP_API_KEY"] + "\\n")


def test_logs_one():
    logging.getLogger("hub.test").warning("connecting with %s", SECRETS["TELEGRAM_BOT_TOKEN"])


def test_fails_showing_one():
    raise ValueError("refused token " + SECRETS["MASTODON_TOKEN"])
"""

CLEAN = """
from known_secrets import SECRETS


def test_uses_a_secret_without_showing_it():
    token = SECRETS["SLACK_BOT_TOKEN"]
    print("token of", len(token), "characters")
    assert token.startswith("xoxb-")


def test_names_a_secret_in_its_source_only():
    assert "xoxb-111111111111-222222222222-SeCrEtSlAcKtOkEn01" == SECRETS["SLACK_BOT_TOKEN"]
"""


def run_pytest(folder: Path, source: str) -> subprocess.CompletedProcess[str]:
    (folder / "conftest.py").write_text('pytest_plugins = ["secret_guard"]\n')
    (folder / "pytest.ini").write_text("[pytest]\n")
    (folder / "test_case.py").write_text(textwrap.dedent(source))
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(TESTS.parent)])}
    in_folder = ["-c", str(folder / "pytest.ini"), "--rootdir", str(folder)]
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *in_folder, str(folder)],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_a_secret_in_any_output_fails_the_session_and_names_the_test(tmp_path: Path) -> None:
    result = run_pytest(tmp_path, LEAKY)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "1 failed, 3 passed" in output  # three tests passed: the guard alone fails them
    for expected in [
        "SECRET LEAKED: test_case.py::test_prints_a_secret: SLACK_BOT_TOKEN in "
        "Captured stdout call",
        "SECRET LEAKED: test_case.py::test_writes_one_to_stderr: MAILCHIMP_API_KEY in "
        "Captured stderr call",
        "SECRET LEAKED: test_case.py::test_logs_one: TELEGRAM_BOT_TOKEN in Captured log call",
        "SECRET LEAKED: test_case.py::test_fails_showing_one: MASTODON_TOKEN in the failure "
        "text (call)",
    ]:
        assert expected in output, expected
    assert "secrets in test output" in output


def test_the_guard_alone_turns_a_passing_run_into_a_failure(tmp_path: Path) -> None:
    result = run_pytest(tmp_path, LEAKY.split("def test_writes_one_to_stderr")[0])
    assert "1 passed" in result.stdout
    assert result.returncode == 1
    assert "test_prints_a_secret: SLACK_BOT_TOKEN" in result.stdout
    # The summary names the secret; the value is only in the captured output nobody printed.
    assert SECRETS["SLACK_BOT_TOKEN"] not in result.stdout + result.stderr


def test_secrets_used_but_never_shown_pass(tmp_path: Path) -> None:
    result = run_pytest(tmp_path, CLEAN)
    assert result.returncode == 0, [line for line in result.stdout.splitlines() if not leaks(line)]
    assert "2 passed" in result.stdout and "SECRET LEAKED" not in result.stdout


def test_the_set_holds_distinctive_values_and_the_console_key() -> None:
    from hub.web.testing import TEST_SECRET_KEY

    assert TEST_SECRET_KEY == CONSOLE_TEST_KEY and CONSOLE_TEST_KEY in TEST_SECRETS.values()
    assert all(len(value) >= 16 for value in TEST_SECRETS.values())
    assert leaks("nothing here") == []
    assert leaks("cut: SeCrEtSlAc") == ["a fragment of a secret (SeC…)"]

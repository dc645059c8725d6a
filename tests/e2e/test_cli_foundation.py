"""The ``hub`` command as a user runs it: real processes, exit codes, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import known_secrets
import pytest

EXAMPLE = Path(__file__).parents[2] / "config" / "hub.toml"
SECRETS = {key: known_secrets.SECRETS[key] for key in ("SLACK_BOT_TOKEN", "TELEGRAM_BOT_TOKEN")}


def hub(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")}
    environ.pop("HUB_DATABASE_URL", None)
    environ.pop("HUB_SECRET_KEY", None)
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "hub", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_help_explains_each_command_in_one_line(tmp_path: Path) -> None:
    result = hub("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("config", "db", "knowledge", "demo", "serve"):
        assert f" {command} " in result.stdout, command


def test_config_check_reports_a_misspelled_key_with_its_line(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    broken = text.replace("trusted = true  ", "trustd = true  ", 1)
    line = text[: text.index("trusted = true  ")].count("\n") + 1
    config = tmp_path / "hub.toml"
    config.write_text(broken, encoding="utf-8")
    result = hub("config", "check", str(config), cwd=tmp_path, env=SECRETS)
    assert result.returncode == 2
    assert f"{config}:{line} [sources.website_news.trustd]: unknown key 'trustd'" in result.stderr
    assert "did you mean 'trusted'?" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_config_check_reads_secrets_from_dotenv(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "".join(f"{key}={value}\n" for key, value in SECRETS.items()), encoding="utf-8"
    )
    result = hub("config", "check", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout
    assert known_secrets.leaks(result.stdout + result.stderr) == []


def test_config_check_lists_every_missing_secret_and_exits_0(tmp_path: Path) -> None:
    # Only what sends needs the tokens: the file itself is fine, and says what is missing.
    result = hub("config", "check", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout
    assert result.stdout.count("is not set") == 6
    assert "SLACK_BOT_TOKEN" in result.stdout and "TELEGRAM_BOT_TOKEN" in result.stdout


def test_config_check_with_require_secrets_lists_every_missing_secret_and_exits_2(
    tmp_path: Path,
) -> None:
    result = hub("config", "check", str(EXAMPLE), "--require-secrets", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("is not set") == 6
    assert "HUB_SECRET_KEY is missing: the console will not start" in result.stderr
    assert "7 problems found" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("key", "said"),
    [
        (None, "HUB_SECRET_KEY is missing"),
        ("short", "HUB_SECRET_KEY is shorter than 32 characters"),
        ("change-me-to-32-random-characters", "looks like a placeholder"),  # compose.env.example
        ("a" * 40, "looks like a placeholder"),
    ],
)
def test_config_check_says_when_the_console_secret_key_will_not_do(
    tmp_path: Path, key: str | None, said: str
) -> None:
    """Security finding: `hub config check` said OK without HUB_SECRET_KEY."""
    env = {"HUB_SECRET_KEY": key} if key else {}
    result = hub("config", "check", str(EXAMPLE), "--require-secrets", cwd=tmp_path, env=env)
    assert result.returncode == 2 and said in result.stderr
    assert key is None or key not in result.stderr or len(key) < 8


def test_a_missing_config_file_exits_2(tmp_path: Path) -> None:
    result = hub("config", "check", "nowhere.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "nowhere.toml: file not found" in result.stderr


def test_db_upgrade_creates_the_sqlite_database_in_the_data_folder(tmp_path: Path) -> None:
    first = hub("-c", str(EXAMPLE), "db", "upgrade", cwd=tmp_path)  # no platform token needed
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "data" / "hub.db").exists()
    assert "mirrored (" in first.stdout
    second = hub("-c", str(EXAMPLE), "db", "upgrade", cwd=tmp_path, env=SECRETS)
    assert "already at" in second.stdout
    assert "already mirrored" in second.stdout


def test_a_usage_error_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = hub("db", "upgrade", "--nope", cwd=tmp_path)
    assert result.returncode == 2
    assert "No such option: --nope" in result.stderr
    assert "Traceback" not in result.stderr

"""The container image (``Dockerfile``) and ``deploy/compose.yaml`` hold together.

Where Docker's engine answers, the image is built and the stack started until every service
is healthy. Everywhere, the files are checked as ``docker compose config`` and the build
would: the compose file against the Compose Specification's JSON schema (as vendored by
check-jsonschema), then what the schema cannot know: each service has an image, each
dependency exists and can be waited for, each long-running service has a health check on a
path the console really serves, every secret the hub reads is passed through, each command
given to ``hub`` is a real command with real options, the database URL reaches the bundled
PostgreSQL, and the Dockerfile copies files that exist and are not ignored.
"""

from __future__ import annotations

import ast
import json
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from starlette.routing import Route
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.runner import parse_roles
from hub.web.testing import console_app, example_settings

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
COMPOSE = ROOT / "deploy" / "compose.yaml"
COMPOSE_ENV_EXAMPLE = ROOT / "deploy" / "compose.env.example"
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
PROBE = re.compile(r"http://127\.0\.0\.1:(\d+)(/[\w./-]*)")


# --- reading the files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), f"{COMPOSE} is not a mapping"
    return loaded


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return dict(compose["services"])


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` pairs, continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        whole = (pending + line).strip()
        pending = ""
        keyword, _, arguments = whole.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    return instructions


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return dockerfile_instructions(DOCKERFILE.read_text(encoding="utf-8"))


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    starts = [i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM"]
    return instructions[starts[-1] :]


def exec_form(instructions: list[tuple[str, str]], keyword: str) -> list[str]:
    """The last ``keyword`` of the final stage, which must be in exec (JSON) form."""
    found = [args for key, args in final_stage(instructions) if key == keyword]
    assert found, f"the Dockerfile's final stage has no {keyword}"
    value = json.loads(found[-1])
    assert isinstance(value, list) and all(isinstance(part, str) for part in value)
    return value


_VARIABLE = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<rest>.*))?\}")


def interpolate(value: str, env: Mapping[str, str]) -> str:
    """Compose's ``${VAR}``, ``${VAR:-default}`` and ``${VAR:?error}``, nested, as compose does.

    Raises ``LookupError`` with the file's message when a required variable is missing.
    """
    out, i = [], 0
    while i < len(value):
        if value.startswith("$$", i):
            out.append("$")
            i += 2
            continue
        if not value.startswith("${", i):
            out.append(value[i])
            i += 1
            continue
        depth, j = 0, i
        while j < len(value):  # the matching brace, skipping nested ${...}
            if value.startswith("${", j):
                depth, j = depth + 1, j + 2
                continue
            if value[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        match = _VARIABLE.fullmatch(value[i : j + 1])
        assert match, f"cannot read {value[i : j + 1]!r}"
        name, op, rest = match["name"], match["op"], match["rest"] or ""
        present = env.get(name)
        empty = present is None or (present == "" and op is not None and op.startswith(":"))
        if op in (":-", "-"):
            out.append(interpolate(rest, env) if empty else str(present))
        elif op in (":?", "?"):
            if empty:
                raise LookupError(interpolate(rest, env))
            out.append(str(present))
        else:
            out.append(present or "")
        i = j + 1
    return "".join(out)


def variables_in(text: str) -> set[str]:
    return set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)", text))


def hub_services(services: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The services that run this project's image (built from the Dockerfile)."""
    return {
        name: service
        for name, service in services.items()
        if isinstance(service.get("build"), dict)
        and (
            COMPOSE.parent
            / service["build"]["context"]
            / service["build"].get("dockerfile", "Dockerfile")
        ).resolve()
        == DOCKERFILE
    }


def option(args: list[str], name: str, default: str) -> str:
    return args[args.index(name) + 1] if name in args else default


def secrets_the_hub_reads() -> set[str]:
    """Every environment variable read as a secret: ``secrets.get(NAME)`` anywhere in the
    code (a literal or a module constant), and every ``token_env`` of the shipped config."""
    names: set[str] = set()
    for package in ("hub", "bots", "newsletters"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = {
                target.id: node.value.value
                for node in tree.body
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                for target in node.targets
                if isinstance(target, ast.Name) and isinstance(node.value.value, str)
            }
            for node in ast.walk(tree):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "get"
                    and isinstance(node.func.value, ast.Attribute)
                    and node.func.value.attr == "secrets"
                    and node.args
                ):
                    continue
                argument = node.args[0]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    names.add(argument.value)
                elif isinstance(argument, ast.Name) and argument.id in constants:
                    names.add(constants[argument.id])
    config = tomllib.loads((ROOT / "config" / "hub.toml").read_text(encoding="utf-8"))
    names |= {c["token_env"] for c in config.get("channels", {}).values() if "token_env" in c}
    names |= {s["password_env"] for s in config.get("sources", {}).values() if "password_env" in s}
    return names


def check_hub_command(arguments: list[str]) -> None:
    """``hub ARGUMENTS`` names a real command with real options and sensible values."""
    _register()
    result = CliRunner().invoke(app, [*arguments, "--help"])
    assert result.exit_code == 0, f"hub {shlex.join(arguments)}: {result.output}"
    if arguments[:1] == ["serve"]:
        parse_roles(option(arguments, "--role", "all"))
        assert 0 < int(option(arguments, "--port", "8000")) < 65536


def dockerignored(path: str, patterns: list[str]) -> bool:
    """Whether Docker leaves ``path`` (relative to the context) out of the build context."""

    def matches(pattern: str, candidate: str) -> bool:
        regex = re.escape(pattern.strip("/")).replace(r"\*\*/", "(?:.*/)?")
        regex = regex.replace(r"\*\*", ".*").replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        return re.fullmatch(regex, candidate) is not None

    parts = Path(path).parts
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    ignored = False
    for raw in patterns:
        negate = raw.startswith("!")
        pattern = raw[1:] if negate else raw
        if any(matches(pattern, prefix) for prefix in prefixes):
            ignored = not negate
    return ignored


# --- the compose file ---------------------------------------------------------------------


def test_the_compose_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    vendored = resources.files("check_jsonschema.builtin_schemas.vendor")
    schema = json.loads((vendored / "compose-spec.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    problems = [
        f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(compose)
    ]
    assert problems == []


def test_every_service_has_an_image_or_a_build(services: dict[str, dict[str, Any]]) -> None:
    assert services
    for name, service in services.items():
        assert service.get("image") or service.get("build"), f"service {name} has no image"
    assert set(hub_services(services)), "no service runs the image built from the Dockerfile"


def test_dependencies_exist_and_can_be_waited_for(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        for needed, how in (service.get("depends_on") or {}).items():
            assert needed in services, f"{name} depends on {needed}, which is not a service"
            condition = how.get("condition", "service_started")
            assert condition in CONDITIONS, f"{name} -> {needed}: unknown condition {condition}"
            if condition == "service_healthy":
                check = services[needed].get("healthcheck") or {}
                assert check.get("test") and not check.get("disable"), f"{needed}: no health check"
            if condition == "service_completed_successfully":
                assert services[needed].get("restart") in ("no", None), f"{needed} is no one-shot"


def test_the_database_is_migrated_before_any_hub_process_serves(
    services: dict[str, dict[str, Any]],
) -> None:
    hub = hub_services(services)
    migrations = {name for name, s in hub.items() if s.get("command") == ["db", "upgrade"]}
    assert len(migrations) == 1, "one service runs `hub db upgrade`"
    serving = {name: s for name, s in hub.items() if (s.get("command") or [""])[0] == "serve"}
    assert serving, "no service runs `hub serve`"
    for name, service in serving.items():
        waits = {
            needed
            for needed, how in service.get("depends_on", {}).items()
            if how.get("condition") == "service_completed_successfully"
        }
        assert waits & migrations, f"{name} starts without waiting for the migration"


def test_long_running_services_have_health_checks_on_real_console_paths(
    services: dict[str, dict[str, Any]],
) -> None:
    one_shots = {
        needed
        for service in services.values()
        for needed, how in (service.get("depends_on") or {}).items()
        if how.get("condition") == "service_completed_successfully"
    }
    app_routes = console_routes()
    for name, service in services.items():
        if name in one_shots:
            continue
        check = service.get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name} has no health check"
        if name not in hub_services(services):
            continue
        command = service["command"]
        assert "web" in parse_roles(option(command, "--role", "all")), f"{name}: nothing answers"
        probe = PROBE.search(" ".join(check["test"]))
        assert probe, f"{name}'s health check asks no console path: {check['test']}"
        assert probe[1] == option(command, "--port", "8000"), f"{name} probes another port"
        assert probe[2] in app_routes, f"{name} probes {probe[2]}, which the console lacks"


def console_routes() -> set[str]:
    """The paths the console answers with GET (no database is touched to list them)."""
    engine = create_engine("sqlite://")
    try:
        app_ = console_app(example_settings(), engine)
        return {r.path for r in app_.routes if isinstance(r, Route) and "GET" in (r.methods or ())}
    finally:
        engine.dispose()


def test_every_secret_the_hub_reads_is_passed_to_its_containers(
    services: dict[str, dict[str, Any]],
) -> None:
    wanted = secrets_the_hub_reads()
    assert {"HUB_SECRET_KEY", "HUB_DATABASE_URL"} <= wanted, "the scan found too little"
    for name, service in hub_services(services).items():
        environment = service.get("environment") or {}
        assert isinstance(environment, dict), f"{name}: environment as a mapping, please"
        missing = sorted(wanted - set(environment))
        assert missing == [], f"{name} is not given {missing}"
        for variable in wanted - {"HUB_DATABASE_URL"}:
            assert str(environment[variable]).startswith("${" + variable), (
                f"{name}: {variable} must come from the environment, not the file"
            )


def test_the_example_environment_names_every_variable_the_compose_file_reads() -> None:
    example = COMPOSE_ENV_EXAMPLE.read_text(encoding="utf-8")
    offered = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", example, flags=re.MULTILINE))
    assert variables_in(COMPOSE.read_text(encoding="utf-8")) - offered == set()


def test_the_hub_reaches_the_bundled_postgresql_unless_told_otherwise(
    services: dict[str, dict[str, Any]],
) -> None:
    password = secrets.token_urlsafe(12)
    for name, service in hub_services(services).items():
        template = service["environment"]["HUB_DATABASE_URL"]
        url = make_url(interpolate(template, {"POSTGRES_PASSWORD": password}))
        database = services[url.host or ""]
        database_env = database["environment"]
        assert url.get_backend_name() == "postgresql"
        assert (url.username, url.database) == (
            database_env["POSTGRES_USER"],
            database_env["POSTGRES_DB"],
        ), name
        assert url.password == password
        assert url.host in service.get("depends_on", {}), f"{name} starts before the database"
        own = "postgresql://hub:secret@db.example.org:5432/hub"
        assert interpolate(template, {"HUB_DATABASE_URL": own}) == own


def test_missing_secrets_stop_compose_with_a_sentence(services: dict[str, dict[str, Any]]) -> None:
    for service in hub_services(services).values():
        with pytest.raises(LookupError, match=r"HUB_SECRET_KEY.*deploy/\.env"):
            interpolate(service["environment"]["HUB_SECRET_KEY"], {})
    with pytest.raises(LookupError, match=r"POSTGRES_PASSWORD.*deploy/\.env"):
        interpolate(services["db"]["environment"]["POSTGRES_PASSWORD"], {})


def test_commands_given_to_hub_are_real(services: dict[str, dict[str, Any]]) -> None:
    for service in hub_services(services).values():
        check_hub_command(list(service.get("command") or []))


def test_bind_mounts_and_build_contexts_exist(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        if isinstance(service.get("build"), dict):
            assert (COMPOSE.parent / service["build"]["context"]).is_dir(), name
        for volume in service.get("volumes") or []:
            source = interpolate(volume, {}).split(":")[0]
            if source.startswith((".", "/")):
                assert (COMPOSE.parent / source).exists(), f"{name}: {source} does not exist"


# --- the Dockerfile -----------------------------------------------------------------------


def test_the_image_runs_python_3_11_slim_as_a_user_without_privileges(
    dockerfile: list[tuple[str, str]],
) -> None:
    assert all(args.split()[0] == "python:3.11-slim" for k, args in dockerfile if k == "FROM")
    users = [args for keyword, args in final_stage(dockerfile) if keyword == "USER"]
    assert users and users[-1] not in ("root", "0"), "the hub must not run as root"


def test_the_dockerfile_copies_files_that_exist_and_reach_the_build(
    dockerfile: list[tuple[str, str]],
) -> None:
    ignore = [
        line.strip()
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    copied: set[str] = set()
    for keyword, arguments in dockerfile:
        if keyword not in ("COPY", "ADD"):
            continue
        words = shlex.split(arguments)
        if any(word.startswith("--from") for word in words):
            continue  # from another stage, not from the checkout
        sources = [word for word in words if not word.startswith("--")][:-1]
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file in the checkout"
            files = [ROOT / source] if (ROOT / source).is_file() else (ROOT / source).rglob("*")
            for path in files:
                relative = path.relative_to(ROOT).as_posix()
                if "__pycache__" not in relative:
                    assert not dockerignored(relative, ignore), f"{relative} is .dockerignored"
            copied.add(Path(source).parts[0])
    # The wheel's packages, what it is built from, and the deployment's configuration.
    assert {"hub", "bots", "newsletters", "config", "pyproject.toml", "README.md"} <= copied


def test_the_image_starts_a_real_hub_command_as_pid_1(dockerfile: list[tuple[str, str]]) -> None:
    entrypoint, command = exec_form(dockerfile, "ENTRYPOINT"), exec_form(dockerfile, "CMD")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert entrypoint == ["hub"] and "hub" in scripts["scripts"]
    check_hub_command(command)
    assert option(command, "--host", "127.0.0.1") == "0.0.0.0", "reachable from outside"


def test_the_image_health_check_asks_the_console(dockerfile: list[tuple[str, str]]) -> None:
    checks = [args for keyword, args in final_stage(dockerfile) if keyword == "HEALTHCHECK"]
    assert checks, "the image has no HEALTHCHECK"
    probe = PROBE.search(checks[-1])
    assert probe, checks[-1]
    assert probe[1] == option(exec_form(dockerfile, "CMD"), "--port", "8000")
    assert probe[2] in console_routes()


def test_the_ignore_rules_read_as_docker_reads_them() -> None:
    rules = ["**/__pycache__", ".git", "data", "!data/keep", "*.egg-info"]
    assert dockerignored("hub/web/__pycache__/app.pyc", rules)
    assert dockerignored(".git/config", rules) and dockerignored("data/hub.db", rules)
    assert not dockerignored("data/keep", rules)
    assert dockerignored("iopd_hub.egg-info/PKG-INFO", rules)
    assert not dockerignored("hub/data.py", rules) and not dockerignored("config/hub.toml", rules)


def test_interpolation_reads_as_compose_reads_it() -> None:
    assert interpolate("${A:-x${B:-y}z}", {}) == "xyz"
    assert interpolate("${A:-x}", {"A": ""}) == "x" and interpolate("${A-x}", {"A": ""}) == ""
    assert interpolate("$${A}", {"A": "no"}) == "${A}"
    with pytest.raises(LookupError, match="say so"):
        interpolate("${A:?say so}", {"A": ""})


# --- with Docker's engine -----------------------------------------------------------------


def docker_engine() -> str | None:
    """Why Docker cannot build here, or None when it can."""
    if shutil.which("docker") is None:
        return "docker is not installed"
    for check in (["docker", "info"], ["docker", "compose", "version"]):
        done = subprocess.run(check, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            return f"`{shlex.join(check)}` failed: {(done.stderr or done.stdout).strip()[:200]}"
    return None


@pytest.fixture
def compose_project(tmp_path: Path) -> Iterator[tuple[list[str], int]]:
    """A compose project on a free port with fresh secrets and a config without platforms."""
    reason = docker_engine()
    if reason is not None:
        pytest.skip(f"Docker's engine is not available ({reason}); files checked without it")
    config = tmp_path / "config"
    (config / "knowledge").mkdir(parents=True)
    (config / "hub.toml").write_text(
        '[hub]\nname = "Compose test"\n\n[sources.console]\nkind = "console"\ntrusted = true\n',
        encoding="utf-8",
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env_file = tmp_path / "compose.env"
    env_file.write_text(
        f"POSTGRES_PASSWORD={secrets.token_urlsafe(16)}\n"
        f"HUB_SECRET_KEY={secrets.token_urlsafe(32)}\n"
        f"HUB_CONFIG_DIR={config}\nHUB_PORT={port}\n",
        encoding="utf-8",
    )
    project = f"hubtest{secrets.token_hex(4)}"
    base = ["docker", "compose", "--env-file", str(env_file), "-f", str(COMPOSE), "-p", project]
    try:
        yield base, port
    finally:
        subprocess.run([*base, "down", "--volumes", "--remove-orphans"], timeout=300)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_docker_builds_the_image_and_starts_every_service(
    compose_project: tuple[list[str], int],
) -> None:
    import httpx

    base, port = compose_project
    for step, seconds in ((["config", "--quiet"], 60), (["build"], 1500)):
        done = subprocess.run([*base, *step], capture_output=True, text=True, timeout=seconds)
        assert done.returncode == 0, done.stderr[-3000:]
    up = [*base, "up", "--detach", "--wait", "--wait-timeout", "300"]
    done = subprocess.run(up, capture_output=True, text=True, timeout=400)
    logs = subprocess.run([*base, "logs", "--no-color"], capture_output=True, text=True).stdout
    assert done.returncode == 0, done.stderr[-2000:] + logs[-4000:]
    ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
    assert ready.status_code == 200 and ready.json()["migrations"] == "current", ready.text
    assert set(ready.json()["roles"]) == {"web", "poller", "scheduler", "bots"}
    states = subprocess.run(
        [*base, "ps", "--all", "--format", "json"], capture_output=True, text=True
    ).stdout
    rows = [json.loads(line) for line in states.splitlines() if line.strip()]
    migrate = [row for row in rows if row.get("Service") == "migrate"]
    assert migrate and migrate[0].get("ExitCode") == 0, states


def test_the_edge_limits_how_long_reading_headers_may_take() -> None:
    """Security finding (issue 16): no header-read timeout. uvicorn has none of its own
    (only keep-alive), so both example proxies set one."""
    caddy = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert re.search(r"timeouts \{[^}]*read_header 10s", caddy)
    assert re.search(r"^\s*client_header_timeout 10s;", nginx, re.MULTILINE)

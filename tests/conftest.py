"""Shared fixtures.

``database_url`` gives a fresh, migrated database for each test: a SQLite file
always, and a PostgreSQL database cloned from a migrated template when
``HUB_TEST_DATABASE_URL`` names a server (CI always does). Tests that take
``engine`` or ``database_url`` therefore run once per backend.
"""

from __future__ import annotations

import itertools
import os
import queue
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from xdist.scheduler import LoadFileScheduling

from hub.core.db import make_engine, normalise_url, upgrade

if TYPE_CHECKING:
    from hub.core.assistant import Assistant
    from hub.core.assistant.evaluation import AnswersOnce
    from hub.core.assistant.vocabulary import Vocabulary

# secret_guard fails the session when any test's output shows one of tests/known_secrets.py's
# secrets; time_travel moves the whole process to another day (HUB_TEST_TRAVEL=+400d).
pytest_plugins = ["secret_guard", "time_travel"]

POSTGRES_URL = os.environ.get("HUB_TEST_DATABASE_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
_counter = itertools.count()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if POSTGRES_URL:
        return
    skip = pytest.mark.skip(reason="HUB_TEST_DATABASE_URL is not set")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


FIRST_FILES = ("tests/unit/test_assistant_eval.py", "tests/unit/test_assistant_one_language.py")
"""The files that answer every question set, one unit of work of ``--dist loadfile``, sent
first: they share their answers (``set_answers``), so they must run in the same process, and
they are the longest unit, which the other workers' files are then spread around."""


class SetsTogetherScheduling(LoadFileScheduling):
    """``--dist loadfile`` with :data:`FIRST_FILES` one unit, sent before any other."""

    def _split_scope(self, nodeid: str) -> str:
        scope: str = super()._split_scope(nodeid)
        return FIRST_FILES[0] if scope in FIRST_FILES else scope

    def _assign_work_unit(self, node: object) -> None:
        if FIRST_FILES[0] in self.workqueue:
            self.workqueue.move_to_end(FIRST_FILES[0], last=False)
        super()._assign_work_unit(node)


@pytest.hookimpl(optionalhook=True)  # a hook of xdist's: without it (-p no:xdist), unused
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """:class:`SetsTogetherScheduling` for ``--dist loadfile`` (``make test``), else xdist's."""
    if config.getvalue("dist") == "loadfile":
        return SetsTogetherScheduling(config, log)
    return None


PENDING_DROPS = 40
"""Clones waiting to be dropped before a test's teardown waits for the dropper (each is a
few megabytes on the server)."""


class PostgresDatabases:
    """Creates a migrated template database once, then one clone per test.

    PostgreSQL 15 checkpoints for each ``DROP DATABASE`` (about a second and a half on the
    CI machine, most of it waiting for the disk), so a clone no longer needed is dropped
    by a thread of its own while the next tests run (:meth:`drop_later`); :meth:`close`
    waits for the last drops and fails the session if one of them failed.
    """

    def __init__(self, server_url: str) -> None:
        self.server_url = make_url(normalise_url(server_url))
        self.admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        self.template = f"hub_tpl_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.template}"'))
        template_engine = make_engine(self.url_for(self.template))
        upgrade(template_engine)
        template_engine.dispose()
        self._waiting: queue.Queue[str | None] = queue.Queue(maxsize=PENDING_DROPS)
        self._failed: list[str] = []
        self._dropper = threading.Thread(target=self._drop_in_turn, name="drop-clones", daemon=True)
        self._dropper.start()

    def url_for(self, name: str) -> str:
        return self.server_url.set(database=name).render_as_string(hide_password=False)

    def create(self) -> str:
        name = f"hub_t_{os.getpid()}_{next(_counter)}"
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"'))
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_later(self, name: str) -> None:
        """Drop ``name`` on the dropper's thread (the caller waits only when it is behind)."""
        self._waiting.put(name)

    def _drop_in_turn(self) -> None:
        while (name := self._waiting.get()) is not None:
            try:
                self.drop(name)
            except Exception as exc:  # reported by close(), which fails the session
                self._failed.append(f"{name}: {exc}")

    def close(self) -> None:
        self._waiting.put(None)
        self._dropper.join()
        self.drop(self.template)
        self.admin.dispose()
        assert not self._failed, "clones not dropped:\n" + "\n".join(self._failed)


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    if not POSTGRES_URL:
        pytest.skip("HUB_TEST_DATABASE_URL is not set")
    databases = PostgresDatabases(POSTGRES_URL)
    yield databases
    databases.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test gets a copy (as PostgreSQL gets a clone)."""
    path = tmp_path_factory.mktemp("template") / "hub.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection closes: the WAL is folded into the file
    return path


def fresh_sqlite(template: Path, folder: Path) -> str:
    path = folder / "hub.db"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database at the newest migration, on each backend."""
    if request.param == "sqlite":
        yield fresh_sqlite(request.getfixturevalue("sqlite_template"), tmp_path)
        return
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    name = databases.create()
    yield databases.url_for(name)
    databases.drop_later(name)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a fresh migrated database (SQLite and PostgreSQL)."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    """An engine on a fresh migrated SQLite database only."""
    engine = make_engine(fresh_sqlite(sqlite_template, tmp_path))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    """The member assistant on the knowledge files, built once per test process, with the
    hub's own language evidence rather than lingua (a file that needs lingua, or a database,
    defines its own ``assistant``)."""
    from hub.core.assistant import Assistant

    return Assistant.from_knowledge(
        Path(__file__).parents[1] / "config" / "knowledge", use_lingua=False
    )


@pytest.fixture(scope="session")
def lingua_assistant() -> Assistant:
    """The member assistant on the knowledge files as the hub runs it (lingua deciding the
    language), built once per test process: building it takes most of a second, and every
    file asking it questions would otherwise build its own."""
    from hub.core.assistant import Assistant

    return Assistant.from_knowledge(Path(__file__).parents[1] / "config" / "knowledge")


@pytest.fixture(scope="session")
def set_answers(lingua_assistant: Assistant) -> AnswersOnce:
    """``lingua_assistant``'s answers, each question asked once per test process: the tests
    that go through every question set (the floors of ``test_assistant_eval.py``, the answers'
    language of ``test_assistant_one_language.py``) ask most questions alike, and an answer
    depends only on the question, its ``now`` and its ``lang``. Those files run in one process
    (``pytest_xdist_make_scheduler`` below)."""
    from hub.core.assistant.evaluation import AnswersOnce

    return AnswersOnce(lingua_assistant)


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    """The assistant's vocabulary (its word tables), loaded once per test process."""
    from hub.core.assistant.vocabulary_file import load_vocabulary

    return load_vocabulary()

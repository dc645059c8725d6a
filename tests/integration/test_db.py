"""The database layer on SQLite and PostgreSQL: migrations, time zones, the outbox's key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from hub.core.db import (
    current_revision,
    head_revision,
    is_current,
    make_engine,
    transaction,
    upgrade,
)
from hub.core.models import Base, Channel, Delivery, Item


def test_migrations_reach_head_and_create_every_model_table(engine: Engine) -> None:
    assert is_current(engine)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_upgrade_twice_is_harmless(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == head_revision()


def test_times_come_back_aware_and_in_utc(engine: Engine) -> None:
    madrid = dt.timezone(dt.timedelta(hours=1))
    with transaction(engine) as session:
        item = Item(title="t", published_at=dt.datetime(2026, 3, 1, 10, 0, tzinfo=madrid))
        session.add(item)
    with transaction(engine) as session:
        stored = session.get(Item, item.id)
        assert stored is not None
        assert stored.published_at == dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
        assert stored.published_at.tzinfo is not None
        assert stored.created_at.tzinfo is not None


def test_a_naive_time_is_refused(engine: Engine) -> None:
    with pytest.raises(Exception, match="naive datetime"), transaction(engine) as session:
        session.add(Item(title="t", published_at=dt.datetime(2026, 3, 1)))
        session.flush()


def test_one_delivery_per_item_and_channel(engine: Engine) -> None:
    with transaction(engine) as session:
        channel = Channel(key="c", platform="memory", target="x")
        item = Item(title="t")
        session.add_all([channel, item])
        session.flush()
        session.add(Delivery(item_id=item.id, channel_id=channel.id))
    with pytest.raises(IntegrityError), transaction(engine) as session:
        session.add(Delivery(item_id=item.id, channel_id=channel.id))
    with transaction(engine) as session:
        assert len(session.scalars(select(Delivery)).all()) == 1


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'hub.db'}")
    upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_the_models_match_the_migrations(engine: Engine) -> None:
    """Alembic's autogenerate finds nothing to do on a migrated database: every model,
    the console's tables included, is what the migrations made (tables, columns, types,
    nullability, indexes, uniques, foreign keys)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from hub.core import accounts

    assert accounts.WebSession.__tablename__ in Base.metadata.tables
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []

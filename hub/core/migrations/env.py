"""Alembic environment: runs on the engine the hub passes in (see hub.core.db.upgrade)."""

from alembic import context

from hub.core import accounts  # noqa: F401  (the console's tables join Base.metadata)
from hub.core.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` command line: build one from the URL option
    from hub.core.db import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///data/hub.db")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()

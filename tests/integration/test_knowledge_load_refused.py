"""A knowledge revision with a control character in it is refused whole, as any bad
revision is: ``hub knowledge load`` exits 2 naming the file, the key and the line, writes
nothing, and the knowledge loaded before stays in force for the assistant.

Before, a NUL written as it is stopped the load with a YAML ``ReaderError`` traceback, and
one written as ``"\\0"`` loaded (PostgreSQL then refused the row, SQLite kept it)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.models import KnowledgeEntry

SEEDS = Path(__file__).resolve().parents[2] / "config" / "knowledge"
QUESTION = "      en: What is the IOPD?\n"


def names(database_url: str) -> dict[str, dict[str, str]]:
    from hub.core.db import make_engine

    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            rows = session.execute(select(KnowledgeEntry.id, KnowledgeEntry.name))
            return {entry_id: dict(name) for entry_id, name in rows}
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "written", ["What is\x00 the IOPD, now?", '"What is\\0 the IOPD, now?"'], ids=["raw", "escape"]
)
def test_a_nul_in_a_new_revision_is_refused_and_the_old_knowledge_stays(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    written: str,
) -> None:
    from hub.cli import main

    folder = Path(shutil.copytree(SEEDS, tmp_path / "knowledge"))
    argv = ["hub", "knowledge", "load", "--dir", str(folder), "--database-url", database_url]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 0
    before = names(database_url)
    assert before["faq-what-is-the-iopd"]["en"] == "What is the IOPD?"
    capsys.readouterr()

    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    line = text[: text.index(QUESTION)].count("\n") + 1
    faq.write_text(text.replace(QUESTION, f"      en: {written}\n", 1), encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"faq.yaml:{line} [entries[faq-what-is-the-iopd].name.en]: " in err
    assert "control character (U+0000 NUL)" in err
    assert "Traceback" not in err and "\x00" not in err
    assert names(database_url) == before  # nothing written: the old knowledge is in force

"""The guard's verdicts kept between processes (kg/query/verdicts.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kg.query.base
import kg.query.verdicts
from kg.errors import WriteQueryRefused
from kg.query.base import prepare_query
from kg.query.catalog import load_catalog

REPO = Path(__file__).resolve().parents[2]
QUERY = "MATCH (o:Organization) RETURN o.name AS unit ORDER BY unit"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A verdict folder of this test's own; the in-process caches emptied before and after."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    kg.query.base._checked.cache_clear()
    kg.query.verdicts._known.clear()
    yield tmp_path
    kg.query.base._checked.cache_clear()
    kg.query.verdicts._known.clear()


def _new_process() -> None:
    kg.query.base._checked.cache_clear()
    kg.query.verdicts._known.clear()


def test_a_text_that_passed_is_not_parsed_again_in_a_new_process(cache, monkeypatch):
    prepare_query(QUERY, {}, 10, 1.0)
    assert kg.query.verdicts.verdict_file().read_text(encoding="ascii").count("\n") == 1
    _new_process()

    def no_parse(cypher):
        raise AssertionError(f"parsed again: {cypher}")

    monkeypatch.setattr(kg.query.base, "check_read_only", no_parse)
    monkeypatch.setattr(kg.query.base, "check_schema", no_parse)
    prepare_query(QUERY, {}, 10, 1.0)
    with pytest.raises(AssertionError, match="parsed again"):
        prepare_query(QUERY + " LIMIT 5", {}, 10, 1.0)  # another text is checked


def test_a_refused_text_is_never_kept_and_refused_every_time(cache):
    for _ in range(2):
        with pytest.raises(WriteQueryRefused):
            prepare_query("MATCH (n) DETACH DELETE n", {}, 10, 1.0)
        _new_process()
    assert not kg.query.verdicts.verdict_file().exists()


def test_another_guard_or_schema_reads_another_file(cache, monkeypatch):
    first = kg.query.verdicts.verdict_file()
    monkeypatch.setattr(kg.query.verdicts, "_guard_digest", lambda: "0" * 16)
    assert kg.query.verdicts.verdict_file() != first
    prepare_query(QUERY, {}, 10, 1.0)
    assert first.exists() is False and kg.query.verdicts.verdict_file().exists()


def test_the_file_name_follows_the_guards_code(cache, tmp_path):
    digest = kg.query.verdicts._guard_digest()
    assert len(digest) == 16 and kg.query.verdicts.verdict_file().name == f"checked-{digest}.txt"
    assert all(p.is_file() for p in kg.query.verdicts._GUARD_SOURCES)


def test_kg_cache_dir_set_empty_keeps_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _new_process()
    assert kg.query.verdicts.verdict_file() is None
    prepare_query(QUERY, {}, 10, 1.0)
    assert list(tmp_path.iterdir()) == []
    _new_process()


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert kg.query.verdicts.verdict_file().parent == tmp_path / "xdg" / "kg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert kg.query.verdicts.verdict_file().parent == tmp_path / "home" / ".cache" / "kg"


def test_a_folder_that_cannot_be_written_is_no_error(cache, monkeypatch):
    blocked = cache / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked / "kg"))
    _new_process()
    prepare_query(QUERY, {}, 10, 1.0)  # checked, not kept
    with pytest.raises(WriteQueryRefused):
        prepare_query("CREATE (n:Organization)", {}, 10, 1.0)


def test_every_canned_query_is_checked_once_across_processes(cache):
    code = ("from kg.query.base import prepare_query\nfrom kg.query.catalog import load_catalog\n"
            "for q in load_catalog().values(): prepare_query(q.cypher, {}, 10, 1.0)\n"
            "import sys; print('antlr4_cypher' in sys.modules)")
    env = {"KG_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr[-2000:] + second.stderr[-2000:]
    assert first.stdout.split() == ["True"] and second.stdout.split() == ["False"]  # the grammar never loaded
    lines = kg.query.verdicts.verdict_file().read_text(encoding="ascii").split()
    assert len(lines) == len(set(lines)) == len({q.cypher for q in load_catalog().values()})


def test_the_file_starts_again_past_its_size(cache, monkeypatch):
    monkeypatch.setattr(kg.query.verdicts, "MAX_KEPT", 3)
    texts = [f"MATCH (o:Organization) RETURN o.name AS unit LIMIT {n}" for n in range(1, 6)]
    for text in texts:
        prepare_query(text, {}, 10, 1.0)
    kept = kg.query.verdicts.verdict_file().read_text(encoding="ascii").split()
    assert len(kept) == 2  # three kept, then the fourth started the file again
    _new_process()
    assert [kg.query.verdicts.passed_before(t) for t in texts] == [False, False, False, True, True]

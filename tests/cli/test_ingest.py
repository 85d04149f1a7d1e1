"""python -m kg ingest: table or JSON Lines, summary line, exit status."""
from __future__ import annotations

import argparse

import orjson

from kg.cli import ingest

GOOD = "市统计局学习情况汇报\n今年集中学习12次。\n\n区团委学习计划\n全年学习12次。\n"


def _run(argv, capsys):
    p = argparse.ArgumentParser()
    ingest.add_arguments(p)
    code = ingest.run(p.parse_args([str(a) for a in argv]))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_and_summary(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    code, out, err = _run([f, tmp_path / "missing.txt"], capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[1].startswith("a.txt#1") and "市统计局学习情况汇报" in lines[1]
    assert lines[-1] == "1 files read, 2 documents, 1 files with errors"
    assert "missing.txt: no such file or directory" in err


def test_json_lines(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    code, out, err = _run(["--json", f], capsys)
    rows = [orjson.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["doc_id"] for r in rows] == ["a.txt#1", "a.txt#2"]
    assert {"title", "genre", "year", "source", "span", "sha256", "file_sha256", "encoding", "n_chars"} <= set(rows[0])
    assert "text" not in rows[0]
    assert err.strip().endswith("1 files read, 2 documents, 0 files with errors")


def test_exit_status(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert _run([tmp_path / "missing.txt"], capsys)[0] == 1
    assert _run(["--strict", f, tmp_path / "missing.txt"], capsys)[0] == 1
    assert _run(["--strict", f], capsys)[0] == 0


def test_skipped_files_get_a_note(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.xlsx").write_bytes(b"PK")
    code, out, err = _run([tmp_path], capsys)
    assert code == 0 and "note: skipped" in err and "b.xlsx" in err

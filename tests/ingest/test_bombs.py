"""Hostile files (made by tests/ingest/bombs.py at test time): each is its file's error line, memory stays bounded."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.ingest import bombs

from kg.errors import InputError
from kg.ingest import read_documents
from kg.ingest.readers import MAX_DOCX_UNPACKED, MAX_PDF_STREAM

REPO = Path(__file__).resolve().parents[2]
GOOD = "市统计局学习情况汇报\n今年集中学习12次。\n"
# Past each limit, yet quick to make: the command (python -m tests.ingest.bombs) measures the 1 GiB ones.
SMALL_BOMB = 200 * 1024 * 1024


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


CASES = [
    (lambda p: bombs.make_docx_zip_bomb(p, SMALL_BOMB), "bomb.docx", "MiB, over the 128 MiB limit (a zip bomb?)"),
    (lambda p: bombs.make_docx_many_members(p, 3_000), "parts.docx", "holds 3,017 parts, over the limit of 2,000"),
    (bombs.make_docx_billion_laughs, "laughs.docx", "declares a DTD"),
    (bombs.make_docx_nested_tables, "nested.docx", "past the parser's limits (Excessive depth in document: 256"),
    (bombs.make_docx_deep_xml, "deep.docx", "past the parser's limits (Excessive depth in document: 256"),
    (lambda p: bombs.make_pdf_flate_bomb(p, SMALL_BOMB), "bomb.pdf", "PDF stream over the 16 MiB limit"),
    (lambda p: bombs.make_pdf_many_pages(p, 6_000), "pages.pdf", "6,000 pages, over the limit of 5,000"),
]


@pytest.mark.parametrize("make, name, problem", CASES, ids=[c[1] for c in CASES])
def test_a_hostile_file_is_its_own_error_and_the_next_file_is_read(tmp_path, good, make, name, problem):
    bad = make(tmp_path / name)
    items = list(read_documents([bad, good]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(Path(e.path).name, problem in e.problem) for e in errors] == [(name, True)], [e.problem for e in errors]
    assert [d.doc_id for d in items if not isinstance(d, InputError)] == ["good.txt"]


def test_the_baselines_read(tmp_path):
    docs = list(read_documents([bombs.make_docx(tmp_path / "r.docx"), bombs.make_pdf(tmp_path / "r.pdf")]))
    assert [d.doc_id for d in docs] == ["r.docx", "r.pdf"]


def _peak_mb(path: Path) -> float:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child of a big test process
    # would report the parent's size.
    code = ("import re, sys\nfrom kg.ingest import read_documents\nlist(read_documents([sys.argv[1]]))\n"
            "print(int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) / 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=REPO, check=True)
    return float(out.stdout.strip())


@pytest.mark.parametrize("make, name", [(bombs.make_docx_zip_bomb, "bomb.docx"), (bombs.make_pdf_flate_bomb, "bomb.pdf")])
def test_reading_a_bomb_stays_far_below_its_unpacked_size(tmp_path, make, name):
    path = make(tmp_path / name, SMALL_BOMB)
    peak = _peak_mb(path)
    assert peak < (MAX_DOCX_UNPACKED + MAX_PDF_STREAM) / 2**20, f"{peak:.0f} MB"  # 144 MB; the bomb is 200 MiB


def test_any_exception_inside_a_reader_is_that_files_error_with_its_type(tmp_path, good, monkeypatch):
    import kg.ingest.readers

    def choke(path):
        raise RecursionError("maximum recursion depth exceeded while calling a Python object")

    monkeypatch.setitem(kg.ingest.readers.READERS, ".docx", choke)
    bad = bombs.make_docx(tmp_path / "r.docx")
    items = list(read_documents([bad, good]))
    assert [i.problem for i in items if isinstance(i, InputError)] == [
        "cannot read: RecursionError: maximum recursion depth exceeded while calling a Python object"]
    assert len(items) == 2


def test_a_build_over_every_bomb_saves_the_rest(tmp_path, good):
    from kg.build import build_store
    from kg.store import load_graph
    from tests.graph_helpers import vocab_extract

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for make, name, _ in CASES:
        make(folder / name)
    s = build_store([folder], graph_path=tmp_path / "g.pickle", jobs=2, extract_fn=vocab_extract)
    assert s.added == ["good.txt"] and sorted(Path(p).name for p, _ in s.errors) == sorted(c[1] for c in CASES)
    assert "Document:good.txt" in load_graph(tmp_path / "g.pickle")

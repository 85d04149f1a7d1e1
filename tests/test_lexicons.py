"""Every word list in data/lexicon is documented, loads, and is read by the program.

A lexicon that nothing reads is a rule an analyst edits in vain; one whose
loader is never run can hide a bad line until a user's build meets it. The
program's main paths (ingest, extract, build the graph, answer a question)
run here in a fresh interpreter that records every lexicon file it reads.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LEXICON = REPO / "data" / "lexicon"
FILES = sorted(p.name for p in LEXICON.glob("*.txt"))

_RECORD = textwrap.dedent("""
    import json, pathlib, sys
    import kg.lexicon
    read = set()
    lexicon = pathlib.Path(kg.lexicon.LEXICON_DIR).resolve()
    def record(path):
        path = pathlib.Path(path).resolve()
        if path.parent == lexicon:
            read.add(path.name)
    original_lines, original_read_text = kg.lexicon.iter_lines, pathlib.Path.read_text
    def iter_lines(path):
        record(path)
        return original_lines(path)
    def read_text(self, *a, **kw):
        record(self)
        return original_read_text(self, *a, **kw)
    kg.lexicon.iter_lines = iter_lines
    pathlib.Path.read_text = read_text

    from kg.build import update_graph
    from kg.graph import new_graph
    from kg.query.ask import ask
    from kg.query.engines import open_engine
    g = new_graph()
    update_graph(g, [sys.argv[1]], jobs=1)
    ask("哪些单位开展了读书班？", open_engine(graph=g))
    print(json.dumps(sorted(read)))
""")


@pytest.fixture(scope="module")
def files_read(samples_dir):
    out = subprocess.run([sys.executable, "-c", _RECORD, str(samples_dir)], capture_output=True, text=True,
                         cwd=REPO, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("name", FILES)
def test_every_lexicon_is_read_by_the_program(name, files_read):
    assert name in files_read, f"data/lexicon/{name} is not read by ingest, extract, build or questions"


@pytest.mark.parametrize("name", FILES)
def test_every_lexicon_opens_with_a_header_saying_what_it_is(name):
    first = next(line for line in (LEXICON / name).read_text(encoding="utf-8").splitlines() if line.strip())
    assert first.startswith("#"), f"data/lexicon/{name} has no header comment"

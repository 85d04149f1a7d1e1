"""The real corpus in ../shared: 33 documents with the gold titles (SCHEMA §1)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.document import Document
from kg.ingest import read_documents

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def corpus(shared_dir):
    items = list(read_documents([shared_dir / "corpus"]))
    gold = [json.loads(line) for line in (shared_dir / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return items, gold


def test_no_errors_and_33_documents(corpus):
    items, gold = corpus
    errors = [i for i in items if not isinstance(i, Document)]
    assert errors == []
    assert len(items) == len(gold) == 33


def test_documents_per_file_match_gold(corpus):
    items, gold = corpus
    found = Counter(Path(d.source).name for d in items)
    want = Counter(g["source"] for g in gold)
    assert found == want
    assert found["003_6c46de81eb12d8ae.txt"] == 29


def _path_id(g: dict) -> str:
    """The gold's id (file stem, #n) as the id ingest gives: the file's name, #n."""
    _, sep, n = g["doc_id"].partition("#")
    return g["source"] + sep + n


def test_titles_match_gold(corpus):
    items, gold = corpus
    by_id = {d.doc_id: d for d in items}
    for g in gold:
        doc = by_id[_path_id(g)]
        if g["title"]:
            assert (doc.title, doc.title_derived) == (g["title"], False), g["doc_id"]
        else:
            assert doc.title_derived, g["doc_id"]
            assert doc.title


def test_genres_match_gold(corpus):
    items, gold = corpus
    by_id = {d.doc_id: d for d in items}
    wrong = [(g["doc_id"], g["genre"], by_id[_path_id(g)].genre) for g in gold if by_id[_path_id(g)].genre != g["genre"]]
    assert wrong == []


def test_corpus_has_no_junk_left(corpus):
    items, _ = corpus
    for doc in items:
        assert "paidbegin" not in doc.text and "paidend" not in doc.text
        assert "素材库" not in doc.text and "代笔" not in doc.text
        assert len(doc.norm) == len(doc.text)


def test_spans_point_into_the_cleaned_file(corpus):
    items, _ = corpus
    by_file: dict[str, list[Document]] = {}
    for doc in items:
        by_file.setdefault(doc.source, []).append(doc)
    for docs in by_file.values():
        ends = [d.span for d in docs]
        assert all(a[1] < b[0] for a, b in zip(ends, ends[1:]))
        assert all(d.span[1] - d.span[0] == d.n_chars == len(d.text) for d in docs)
        assert len({d.file_sha256 for d in docs}) == 1

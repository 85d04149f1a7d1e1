import hashlib
import re

import docx
import pytest

from bench.corpus import change_files, plan_files, read_gold, write_corpus

MASK = re.compile(r"[*＊Xx×]+")


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    write_corpus(out, 120, seed=11)
    return out


def _file_text(path, encoding):
    if encoding == "docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_bytes().decode(encoding).replace("\r\n", "\n")


def test_same_seed_same_bytes_other_seed_other_corpus(corpus, tmp_path):
    write_corpus(tmp_path / "a", 120, seed=11)
    assert _digest(tmp_path / "a") == _digest(corpus)
    write_corpus(tmp_path / "b", 120, seed=12)
    assert _digest(tmp_path / "b") != _digest(corpus)


def test_gold_has_one_row_per_document_with_schema_fields(corpus):
    gold = read_gold(corpus / "gold.jsonl")
    assert len(gold) == 120 and len({g["doc_id"] for g in gold}) == 120
    for g in gold:
        assert {"doc_id", "source", "title", "genre", "reporting_org", "organizations", "organizations_optional",
                "slogans", "slogans_optional", "metrics", "activity_types"} <= set(g)
        assert all(isinstance(item, list) and item for item in g["organizations"])
    assert {g["genre"] for g in gold} >= {"汇报", "讲话", "发言", "计划", "党课", "心得"}


def test_every_file_decodes_in_its_encoding_and_holds_its_documents(corpus):
    files = read_gold(corpus / "files.jsonl")
    gold = {g["doc_id"]: g for g in read_gold(corpus / "gold.jsonl")}
    assert {f["encoding"] for f in files} == {"utf-8", "utf-8-sig", "gb18030", "utf-16", "docx"}
    for f in files:
        text = _file_text(corpus / "files" / f["path"], f["encoding"])
        assert not text.startswith("\ufeff")
        titles = [gold[d]["title"] for d in f["doc_ids"]]
        assert all(t in text for t in titles if t)
        positions = [text.index(t) for t in titles if t]
        assert positions == sorted(positions)


def _documents(corpus):
    """(doc_id, gold record, the document's text in its file) for every planted document."""
    gold = {g["doc_id"]: g for g in read_gold(corpus / "gold.jsonl")}
    for f in read_gold(corpus / "files.jsonl"):
        text = _file_text(corpus / "files" / f["path"], f["encoding"])
        titles = [gold[d]["title"] for d in f["doc_ids"]]
        for i, doc_id in enumerate(f["doc_ids"]):
            start = text.index(titles[i]) if titles[i] else 0
            end = text.index(titles[i + 1]) if i + 1 < len(titles) else len(text)
            yield doc_id, gold[doc_id], text[start:end]


def test_planted_truth_appears_in_its_document(corpus):
    n_checked = 0
    for doc_id, g, body in _documents(corpus):
        unmasked = MASK.sub("", body)
        for org in g["organizations"]:
            assert any(s in unmasked for s in org), (doc_id, org)
        assert any(s in unmasked for s in g["reporting_org"]), doc_id
        for slogan in g["slogans"]:
            assert slogan in body, (doc_id, slogan)
        for m in g["metrics"]:
            assert m["surface"] in body, (doc_id, m)
        for material in g["materials"]:
            assert material in body
        n_checked += 1
    assert n_checked == 120


def test_compilations_carry_junk_lines(corpus):
    files = read_gold(corpus / "files.jsonl")
    compilations = [f for f in files if f["n_docs"] > 1]
    assert compilations and sum(f["n_junk"] for f in compilations) > 0
    junk = ("##paidbegin##", "素材库", "您的位置：首页>", "代笔")
    texts = [_file_text(corpus / "files" / f["path"], f["encoding"]) for f in compilations]
    assert any(j in t for t in texts for j in junk)
    singles = [_file_text(corpus / "files" / f["path"], f["encoding"]) for f in files if f["n_docs"] == 1]
    assert not any(j in t for t in singles for j in junk)


def test_plan_spreads_documents_over_files():
    specs = plan_files(1000, 1)
    assert sum(s.n_docs for s in specs) == 1000
    assert any(s.n_docs > 1 for s in specs) and any(s.suffix == ".docx" for s in specs)


def test_change_rewrites_the_asked_share_and_keeps_names(tmp_path):
    write_corpus(tmp_path, 60, seed=5)
    before = _digest(tmp_path / "files")
    old_gold = {g["doc_id"]: g for g in read_gold(tmp_path / "gold.jsonl")}
    changed = change_files(tmp_path, 0.1)
    after = _digest(tmp_path / "files")
    assert set(before) == set(after)
    assert {n for n in before if before[n] != after[n]} == set(changed)
    n_files = len(read_gold(tmp_path / "files.jsonl"))
    assert len(changed) == -(-n_files // 10)
    new_gold = {g["doc_id"]: g for g in read_gold(tmp_path / "gold.jsonl")}
    assert set(new_gold) == set(old_gold)
    stems = {c.rsplit(".", 1)[0] for c in changed}
    assert any(new_gold[d] != old_gold[d] for d in new_gold if d.split("#")[0] in stems)
    assert all(new_gold[d] == old_gold[d] for d in new_gold if d.split("#")[0] not in stems)


def test_the_party_organ_speaking_for_the_unit_is_an_accepted_spelling(corpus):
    """The gold accepts every spelling the text gives of the reporting unit (市政府党组 too)."""
    seen = 0
    for doc_id, g, body in _documents(corpus):
        accepted = g["reporting_org"]
        for spelling in list(accepted):
            for organ in ("党组", "党委"):
                if spelling + organ in body and not spelling.endswith(("党组", "党委")):
                    assert spelling + organ in accepted, (doc_id, spelling + organ)
                    seen += 1
    assert seen, "no document's reporting unit speaks through its party organ"

"""Formats: committed fixtures (GBK, .docx, .pdf) and write/read round trips."""
from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from kg.ingest import read_file
from kg.ingest.readers import read_docx, read_pdf, read_txt

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def test_gbk_fixture():
    (doc,) = read_file(FIXTURES / "gbk_report.txt")
    assert doc.encoding == "gb18030"
    assert doc.title == "区团委青年理论学习小组2023年学习情况汇报"
    assert "共有**名青年同志参与" in doc.text and doc.year == 2023 and doc.genre == "汇报"


def test_docx_fixture_paragraphs_and_table_in_order():
    raw = read_docx(FIXTURES / "report.docx")
    lines = [ln for ln in raw.text.splitlines() if ln.strip()]
    assert lines[0] == "市妇联干部参加主题教育读书班心得体会"
    i_table = lines.index("学习内容\t形式\t次数")
    assert lines[i_table + 1] == "《习近平著作选读》\t集中学习\t4次"
    assert lines.index("二、在实践中检验学习成效") < i_table < lines.index("三、今后努力方向")
    (doc,) = read_file(FIXTURES / "report.docx")
    assert doc.genre == "心得" and doc.encoding == "docx"


def test_pdf_fixture_text_layer_reflowed():
    raw = read_pdf(FIXTURES / "report.pdf")
    assert "\x00" not in raw.text
    paras = [ln for ln in raw.text.splitlines() if ln.strip()]
    assert paras[0] == "区委宣传部关于开展党的创新理论宣讲工作情况的汇报"
    assert any(p.startswith("今年以来，区委宣传部") and p.endswith("现将有关情况汇报如下：") for p in paras)
    (doc,) = read_file(FIXTURES / "report.pdf")
    assert doc.genre == "汇报" and "覆盖党员群众2.3万人次" in doc.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_txt_round_trip(tmp_path, encoding):
    text = "县税务局学习情况汇报\n全年集中学习14次，走访纳税人1200余户次。"
    p = tmp_path / "r.txt"
    p.write_text(text, encoding=encoding)
    (doc,) = read_file(p)
    assert doc.text == text and read_txt(p).text == text


def test_docx_round_trip(tmp_path):
    import docx

    paras = ["街道党工委2024年理论学习计划", "", "一、学习重点", "坚持读原著、学原文、悟原理。"]
    d = docx.Document()
    for para in paras:
        d.add_paragraph(para)
    p = tmp_path / "plan.docx"
    d.save(p)
    assert read_docx(p).text == "\n".join(paras)


def test_jsonl_round_trip(tmp_path):
    records = [{"title": "2024年政府工作报告", "content": "各位代表：\n\n現在，我代表國務院報告工作。", "year": "2024",
                "url": "https://example.org/1"},
               {"content": "同志们：\n今天开会。\n谢谢大家！", "year": None}]
    p = tmp_path / "reports.jsonl"
    p.write_bytes(b"\n".join(orjson.dumps(r) for r in records))
    docs = read_file(p)
    assert [d.doc_id for d in docs] == ["reports.jsonl#1", "reports.jsonl#2"]
    assert docs[0].title == "2024年政府工作报告" and docs[0].year == 2024 and docs[0].genre == "汇报"
    assert docs[0].norm.endswith("现在，我代表国务院报告工作。") and docs[0].meta["url"] == "https://example.org/1"
    assert docs[1].title_derived and docs[1].year is None


def test_extra_corpus_jsonl(shared_dir):
    docs = []
    for path in sorted((shared_dir / "corpus-extra").glob("*.jsonl")):
        docs.extend(read_file(path))
    assert len(docs) == 88
    assert all(len(d.norm) == len(d.text) for d in docs)
    assert sum(d.year is not None for d in docs) >= 70

"""Bad input: each file gets one clear error, the rest of the run goes on."""
from __future__ import annotations

import os
import zipfile

import pytest

from kg.document import Document
from kg.errors import DecodeError, InputError
from kg.ingest import read_documents, read_file
from kg.ingest.clean import MAX_LINE_CHARS
from kg.ingest.readers import MAX_FILE_BYTES

GOOD = "市统计局学习情况汇报\n今年集中学习12次。\n"


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def _docs(items):
    return [i for i in items if isinstance(i, Document)]


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def _one_error(tmp_path, good, bad):
    items = list(read_documents([bad, good]))
    errors = _errors(items)
    assert len(errors) == 1 and len(_docs(items)) == 1
    assert str(bad) in str(errors[0])
    return errors[0]


def test_missing_path(tmp_path, good):
    err = _one_error(tmp_path, good, tmp_path / "nope.txt")
    assert err.problem == "no such file or directory"


def test_empty_file(tmp_path, good):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert _one_error(tmp_path, good, bad).problem == "empty file"


def test_whitespace_only_file(tmp_path, good):
    bad = tmp_path / "blank.txt"
    bad.write_text(" \n\u3000\n\n", encoding="utf-8")
    assert _one_error(tmp_path, good, bad).problem == "no text"


def test_binary_renamed_txt(tmp_path, good):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = _one_error(tmp_path, good, bad)
    assert isinstance(err, DecodeError) and "binary" in err.problem


def test_undecodable_bytes(tmp_path, good):
    bad = tmp_path / "garbage.txt"
    bad.write_bytes(bytes(range(0x80, 0x100)) * 20 + b"\x1b\x07\x08" * 50)
    err = _one_error(tmp_path, good, bad)
    assert isinstance(err, DecodeError) and "undecodable" in err.problem


def test_docx_that_is_not_a_zip(tmp_path, good):
    bad = tmp_path / "report.docx"
    bad.write_text("这其实是纯文本", encoding="utf-8")
    assert "not a zip" in _one_error(tmp_path, good, bad).problem


def test_zip_that_is_not_a_docx(tmp_path, good):
    bad = tmp_path / "other.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "hi")
    assert "not a readable .docx" in _one_error(tmp_path, good, bad).problem


def test_pdf_without_text_layer(tmp_path, good):
    from pypdf import PdfWriter

    bad = tmp_path / "scan.pdf"
    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    with open(bad, "wb") as f:
        w.write(f)
    assert _one_error(tmp_path, good, bad).problem == "no text layer (scanned?)"


def test_encrypted_pdf(tmp_path, good):
    from pypdf import PdfReader, PdfWriter

    src = PdfReader(os.path.join(os.path.dirname(__file__), "..", "fixtures", "ingest", "report.pdf"))
    w = PdfWriter()
    for page in src.pages:
        w.add_page(page)
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    bad = tmp_path / "locked.pdf"
    with open(bad, "wb") as f:
        w.write(f)
    assert "encrypted" in _one_error(tmp_path, good, bad).problem


def test_pdf_that_is_not_a_pdf(tmp_path, good):
    bad = tmp_path / "fake.pdf"
    bad.write_text("不是PDF文件", encoding="utf-8")
    assert "PDF" in _one_error(tmp_path, good, bad).problem


def test_one_huge_line_is_refused_quickly(tmp_path, good):
    bad = tmp_path / "oneline.txt"
    unit = "学习贯彻会议精神，".encode("utf-8")
    with open(bad, "wb") as f:
        for _ in range(50 * 2**20 // len(unit) + 1):
            f.write(unit)
    assert bad.stat().st_size > MAX_FILE_BYTES
    err = _one_error(tmp_path, good, bad)
    assert "MiB" in err.problem and "limit" in err.problem


def test_long_line_under_size_cap_is_refused(tmp_path, good):
    bad = tmp_path / "longline.txt"
    bad.write_text("学" * (MAX_LINE_CHARS + 1), encoding="utf-8")
    assert "characters" in _one_error(tmp_path, good, bad).problem


def test_only_junk_lines(tmp_path, good):
    bad = tmp_path / "junk.txt"
    bad.write_text("##paidbegin##\n【某某素材库】每天更新范文，开通会员一键下载\n您的位置：首页 > 范文\n##paidend##\n",
                   encoding="utf-8")
    assert "only junk" in _one_error(tmp_path, good, bad).problem


def test_folder_without_readable_files(tmp_path, good):
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "table.xlsx").write_bytes(b"PK")
    skipped = []
    items = list(read_documents([folder, good], on_skip=lambda p, why: skipped.append(p.name)))
    (err,) = _errors(items)
    assert "no readable files" in err.problem and skipped == ["table.xlsx"]
    assert len(_docs(items)) == 1


def test_symlink_loop(tmp_path, good):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    assert _one_error(tmp_path, good, loop).problem == "symlink loop"


def test_symlink_loop_inside_a_folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(folder, folder / "back")          # folder → itself: walked once
    os.symlink(folder / "x.txt", folder / "x.txt")  # file link → itself
    items = list(read_documents([folder], on_skip=lambda p, why: None))
    assert [d.source for d in _docs(items)] == [str(folder / "a.txt")]
    assert [e.problem for e in _errors(items)] == ["symlink loop"]


def test_unsupported_extension_given_explicitly(tmp_path, good):
    bad = tmp_path / "notes.md"
    bad.write_text("# 笔记", encoding="utf-8")
    assert "unsupported file type" in _one_error(tmp_path, good, bad).problem


def test_read_file_raises(tmp_path):
    with pytest.raises(InputError, match="empty file"):
        p = tmp_path / "e.txt"
        p.write_bytes(b"")
        read_file(p)


def test_bad_jsonl_line_names_the_line(tmp_path, good):
    bad = tmp_path / "records.jsonl"
    bad.write_text('{"title": "甲", "content": "正文。"}\n{broken\n', encoding="utf-8")
    err = _one_error(tmp_path, good, bad)
    assert err.path.endswith("records.jsonl:2") and "not JSON" in err.problem

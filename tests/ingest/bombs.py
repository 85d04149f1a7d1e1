"""Hostile input files, made at test time (never committed as binaries), and their peak memory.

Each ``make_*`` function writes one file of a kind that once took a build
down — a zip bomb, a billion laughs, tables nested hundreds deep, a PDF
compression bomb — and returns its path. The tests read them
(tests/ingest/test_bombs.py); this module's command measures the peak
memory of reading each one in a fresh process, for docs/reliability.md::

    .venv/bin/python -m tests.ingest.bombs
"""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

__all__ = ["BOMBS", "make_docx", "make_docx_zip_bomb", "make_docx_many_members", "make_docx_billion_laughs",
           "make_docx_nested_tables", "make_docx_deep_xml", "make_pdf", "make_pdf_flate_bomb",
           "make_pdf_many_pages"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARAGRAPH = "<w:p><w:r><w:t>市统计局开展集中学习12次。</w:t></w:r></w:p>"


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>').encode("utf-8")


def _base_docx_parts() -> dict[str, bytes]:
    import docx  # the test suite has python-docx: a real package to start from

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("市统计局学习情况汇报")
    document.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _write_docx(path: Path, document_xml, extra: dict | None = None) -> Path:
    """A real .docx whose word/document.xml is ``document_xml`` (bytes, or an iterable of chunks)."""
    parts = _base_docx_parts()
    parts.pop("word/document.xml")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            for chunk in ([document_xml] if isinstance(document_xml, bytes) else document_xml):
                fh.write(chunk)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def make_docx(path: Path) -> Path:
    """An ordinary one-paragraph report, the baseline."""
    return _write_docx(path, _document_xml("<w:p><w:r><w:t>市统计局学习情况汇报</w:t></w:r></w:p>" + _PARAGRAPH * 20))


def make_docx_zip_bomb(path: Path, size: int = 1 << 30) -> Path:
    """A ~1 MB .docx whose document.xml unpacks to ``size`` bytes of well-formed text (default 1 GiB)."""
    head, tail = _document_xml("<w:p><w:r><w:t>@</w:t></w:r></w:p>").split(b"@")
    unit = "学习".encode("utf-8") * 4096

    def chunks():
        yield head
        for _ in range(size // len(unit)):
            yield unit
        yield tail

    return _write_docx(path, chunks())


def make_docx_many_members(path: Path, members: int = 20_000) -> Path:
    """A .docx with tens of thousands of (tiny) parts."""
    return _write_docx(path, _document_xml(_PARAGRAPH),
                       {f"word/media/image{k}.png": b"\x89PNG" for k in range(members)})


def make_docx_billion_laughs(path: Path, levels: int = 9) -> Path:
    """A .docx whose document.xml defines entities that expand to 10**levels copies of one word."""
    entities = ['<!ENTITY lol0 "学习">'] + [
        f'<!ENTITY lol{k} "{"".join(f"&lol{k - 1};" for _ in range(10))}">' for k in range(1, levels + 1)]
    prolog = f"<!DOCTYPE w:document [{''.join(entities)}]>\n"
    return _write_docx(path, _document_xml(f"<w:p><w:r><w:t>&lol{levels};</w:t></w:r></w:p>", prolog))


def make_docx_nested_tables(path: Path, depth: int = 200) -> Path:
    """A .docx with a table in a cell of a table … ``depth`` deep."""
    inner = _PARAGRAPH
    open_tags = "<w:tbl><w:tr><w:tc>" * depth
    close_tags = "</w:tc></w:tr></w:tbl>" * depth
    return _write_docx(path, _document_xml(open_tags + inner + close_tags + _PARAGRAPH))


def make_docx_deep_xml(path: Path, depth: int = 100_000) -> Path:
    """A .docx whose document.xml nests one element ``depth`` deep (no table, just depth)."""
    return _write_docx(path, _document_xml("<w:p>" + "<w:r>" * depth + "</w:r>" * depth + "</w:p>"))


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of these numbered objects (1 is the catalog), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, compress: bool = True) -> bytes:
    body = zlib.compress(data, 9) if compress else data
    filt = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(body), filt) + body + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(content_ref: int, font_ref: int) -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content_ref, font_ref))


def make_pdf(path: Path, text: str = "Report on study sessions") -> Path:
    """An ordinary one-page PDF with a text layer, the baseline."""
    content = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               _page(4, 5), _stream(content), _FONT]
    path.write_bytes(_pdf(objects))
    return path


def make_pdf_flate_bomb(path: Path, size: int = 1 << 30) -> Path:
    """A PDF page whose content stream inflates to ``size`` bytes (default 1 GiB)."""
    comp = zlib.compressobj(9)
    unit = b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" * 1024
    body = b"".join(comp.compress(unit) for _ in range(size // len(unit))) + comp.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               _page(4, 5), stream, _FONT]
    path.write_bytes(_pdf(objects))
    return path


def make_pdf_many_pages(path: Path, pages: int = 20_000) -> Path:
    """A PDF of ``pages`` pages that all share one small content stream."""
    kids = b" ".join(b"%d 0 R" % (5 + k) for k in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               _stream(b"BT /F1 12 Tf 72 720 Td (page) Tj ET"), _FONT]
    objects += [_page(3, 4)] * pages
    path.write_bytes(_pdf(objects))
    return path


# name -> (maker, file name): what the tests and the measurement read.
BOMBS = {
    "docx baseline": (make_docx, "baseline.docx"),
    "docx zip bomb (1 GiB document.xml)": (make_docx_zip_bomb, "zipbomb.docx"),
    "docx with 20,000 parts": (make_docx_many_members, "members.docx"),
    "docx billion laughs (10^9)": (make_docx_billion_laughs, "laughs.docx"),
    "docx tables nested 200 deep": (make_docx_nested_tables, "nested.docx"),
    "docx XML nested 100,000 deep": (make_docx_deep_xml, "deep.docx"),
    "pdf baseline": (make_pdf, "baseline.pdf"),
    "pdf flate bomb (1 GiB stream)": (make_pdf_flate_bomb, "flatebomb.pdf"),
    "pdf with 20,000 pages": (make_pdf_many_pages, "pages.pdf"),
}


def _measure(path: Path) -> tuple[float, str]:
    """Peak resident memory (MB) of a fresh process reading ``path``, and what it made of it."""
    import subprocess
    import sys

    code = ("import re, sys\n"
            "from kg.ingest import read_documents\n"
            "items = list(read_documents([sys.argv[1]]))\n"
            "what = '; '.join(str(i.problem) if hasattr(i, 'problem') else f'document {i.doc_id}' for i in items)\n"
            "print(int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) / 1024)\n"
            "print(what[:160])\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2])
    if out.returncode:
        return float("nan"), f"crashed ({out.returncode}): {out.stderr.strip().splitlines()[-1:]}"
    peak, what = out.stdout.splitlines()[:2]
    return float(peak), what


if __name__ == "__main__":
    import tempfile

    print("| file | size | peak memory (MB) | result |")
    print("| --- | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory(prefix="kg-bombs-") as tmp:
        for label, (make, name) in BOMBS.items():
            path = make(Path(tmp) / name)
            peak, what = _measure(path)
            print(f"| {label} | {path.stat().st_size / 1e6:.2f} MB | {peak:.0f} | {what} |", flush=True)
            path.unlink()

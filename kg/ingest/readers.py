"""Read the text out of one file, by format: .txt, .docx, .pdf, .jsonl.

Each reader returns plain text (lines separated by ``\\n``, blank lines
where the source had paragraph breaks) and the encoding it used, or raises
:class:`~kg.errors.InputError` naming the file and the problem. Nothing
here splits or cleans: that is the same for every format.
"""
from __future__ import annotations

import io
import logging
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import orjson

from ..errors import InputError
from .decode import decode_bytes

__all__ = ["RawText", "read_raw", "read_txt", "read_docx", "read_pdf", "read_jsonl", "READERS", "MAX_FILE_BYTES"]

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 32 * 1024 * 1024


@dataclass
class RawText:
    """What a reader found: the file's text (or records) and how it was read."""

    text: str
    encoding: str
    file_bytes: bytes
    records: list[dict] | None = None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from err
    if size == 0:
        raise InputError(path, "empty file")
    if size > MAX_FILE_BYTES:
        raise InputError(path, f"file is {size / 2**20:.1f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB limit "
                               "for one report file", hint="split it into smaller files")
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from err


def read_txt(path: Path) -> RawText:
    """Decode a text file (UTF-8/UTF-16/GB18030/Big5, detected).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "r.txt"
    >>> _ = p.write_bytes("区团委学习计划".encode("gbk"))
    >>> raw = read_txt(p); raw.text, raw.encoding
    ('区团委学习计划', 'gb18030')
    """
    data = _read_bytes(path)
    text, encoding = decode_bytes(data, str(path))
    return RawText(text, encoding, data)


def read_docx(path: Path) -> RawText:
    """Paragraphs and table rows of a Word file, in document order.

    Empty paragraphs stay as blank lines (they separate documents in a
    compilation); a table row becomes one line, its cells joined by a tab.
    """
    data = _read_bytes(path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, "not a .docx file (not a zip archive)",
                         hint="an old .doc or a renamed file? save it as .docx or .txt")
    import docx  # lazy: python-docx (0.07 s) only when a .docx is read
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise InputError(path, f"not a readable .docx file: {err}", hint="open and re-save it in Word") from err
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.append("")
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                if cells:
                    lines.append("\t".join(cells))
            lines.append("")
        else:
            lines.append(block.text)
    return RawText("\n".join(lines), "docx", data)


_PDF_FINAL = re.compile(r"[。！？：；!?:;”」』）)]$")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’])")


def _fix_pdf_text(text: str) -> str:
    """Undo extraction artefacts: NULs from 2-byte ToUnicode maps, spaces between CJK glyphs."""
    return _CJK_GAP.sub("", text.replace("\x00", ""))


def _reflow_pdf_page(text: str) -> list[str]:
    """Join the lines a PDF wrapped mid-paragraph back into paragraphs."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    widths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    if not widths:
        return []
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 5 else widths[-1]
    out: list[str] = []
    joining = False
    for ln in lines:
        s = ln.strip()
        if not s:
            out.append("")
            joining = False
            continue
        if joining and out:
            out[-1] += s
        else:
            out.append(s)
        joining = len(s) >= full * 0.9 and len(widths) >= 5 and not _PDF_FINAL.search(s)
    return out


def read_pdf(path: Path) -> RawText:
    """The text layer of a PDF, lines wrapped by the layout joined back.

    A PDF without a text layer (a scan) or with a password is an error.
    """
    data = _read_bytes(path)
    from pypdf import PdfReader  # lazy: pypdf (0.15 s) only when a PDF is read
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as err:  # pypdf raises several types for unsupported crypto
                raise InputError(path, f"encrypted PDF: cannot open it ({err})",
                                 hint="save an unprotected copy") from err
            if not ok:
                raise InputError(path, "encrypted PDF (password required)", hint="save an unprotected copy")
        pages = [_fix_pdf_text(page.extract_text() or "") for page in reader.pages]
    except PdfReadError as err:
        raise InputError(path, f"not a readable PDF: {err}") from err
    if not any(p.strip() for p in pages):
        raise InputError(path, "no text layer (scanned?)", hint="run OCR first or supply the .docx/.txt")
    lines: list[str] = []
    for page in pages:
        lines.extend(_reflow_pdf_page(page))
    return RawText("\n".join(lines), "pdf", data)


def read_jsonl(path: Path) -> RawText:
    """JSON Lines of documents: each record with ``content`` or ``text``.

    ``title`` and ``year`` are taken when present; a record without text or
    a line that is not JSON is an error for the whole file, naming the line.
    """
    data = _read_bytes(path)
    text, encoding = decode_bytes(data, str(path))
    records: list[dict] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = orjson.loads(line)
        except orjson.JSONDecodeError as err:
            raise InputError(f"{path}:{n}", f"not JSON: {err}") from err
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{n}", "a record must be a JSON object")
        body = rec.get("content", rec.get("text"))
        if not isinstance(body, str):
            raise InputError(f"{path}:{n}", "record has no 'content' or 'text' string",
                             hint="each line must be an object with the report text in 'content' or 'text'")
        records.append(rec)
    if not records:
        raise InputError(path, "no records")
    return RawText("", encoding, data, records)


READERS = {".txt": read_txt, ".text": read_txt, ".docx": read_docx, ".pdf": read_pdf,
           ".jsonl": read_jsonl, ".ndjson": read_jsonl}


def read_raw(path: str | os.PathLike) -> RawText:
    """Read one file with the reader for its extension."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported file type {path.suffix or '(none)'!r}",
                         hint=f"readable: {' '.join(sorted(READERS))}")
    return reader(path)

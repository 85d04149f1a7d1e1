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
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import orjson

from ..errors import InputError
from .decode import decode_bytes

__all__ = ["RawText", "read_raw", "read_txt", "read_docx", "read_pdf", "read_jsonl", "READERS", "MAX_FILE_BYTES",
           "check_file", "open_report", "MAX_DOCX_PARTS", "MAX_DOCX_UNPACKED", "MAX_DOCX_XML_PART", "MAX_PDF_STREAM",
           "MAX_PDF_PAGES"]

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 32 * 1024 * 1024
# A .docx is a zip: its limits hold *before* anything is unpacked (zipfile never inflates a part past
# the size its directory declares, so declared sizes bound memory). A report's .docx has 10-40 parts
# and a few MiB of XML; images are stored, not compressed, so they count at their own size.
MAX_DOCX_PARTS = 2_000
MAX_DOCX_UNPACKED = 128 * 1024 * 1024
MAX_DOCX_XML_PART = 32 * 1024 * 1024
# A PDF stream (page content, font, image) may inflate to at most this; pages past the limit are not read.
MAX_PDF_STREAM = 16 * 1024 * 1024
MAX_PDF_PAGES = 5_000


@dataclass
class RawText:
    """What a reader found: the file's text (or records) and how it was read."""

    text: str
    encoding: str
    file_bytes: bytes
    records: list[dict] | None = None


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def check_file(path: str | os.PathLike, st: os.stat_result) -> InputError | None:
    """The reason a file must not be opened as a report, from its ``stat``; None when it may.

    Only regular files are reports: a FIFO blocks whoever opens it, a device
    (``/dev/zero`` behind a link) never ends. Size is checked here too, before
    anyone hashes or reads the file.

    >>> check_file("r.txt", os.stat("/dev/null")).problem
    'not a regular file: a character device'
    """
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a file")
        return InputError(path, f"not a regular file: {kind}",
                          hint="only regular files are read (a symbolic link counts as what it points to)")
    if st.st_size > MAX_FILE_BYTES:
        return InputError(path, f"file is {st.st_size / 2**20:.1f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB "
                                "limit for one report file", hint="split it into smaller files")
    return None


def open_report(path: str | os.PathLike) -> BinaryIO:
    """Open a report file for reading, after checking (on the open file) that it is one.

    The walk checked the path already; this checks what was actually opened
    (the file may have been swapped since), without blocking on a FIFO.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from err
    try:
        problem = check_file(path, os.fstat(fd))
    except OSError as err:
        os.close(fd)
        raise InputError(path, f"cannot read: {err.strerror or err}") from err
    if problem:
        os.close(fd)
        raise problem
    return os.fdopen(fd, "rb")


def _read_bytes(path: Path) -> bytes:
    with open_report(path) as fh:
        try:
            data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            raise InputError(path, f"cannot read: {err.strerror or err}") from err
    if not data:
        raise InputError(path, "empty file")
    if len(data) > MAX_FILE_BYTES:  # it grew since it was checked
        raise InputError(path, f"file is over the {MAX_FILE_BYTES // 2**20} MiB limit for one report file",
                         hint="split it into smaller files")
    return data


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


_DTD_MARKS = tuple(mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))


def _check_docx_zip(path: Path, data: bytes) -> None:
    """Refuse a zip bomb, a part flood or an XML part with a DTD before python-docx unpacks anything.

    Word never writes a DTD; entity definitions in one are how an XML file
    expands a few bytes into gigabytes (billion laughs). Element nesting is
    bounded by the XML parser itself (libxml2 stops at 256 levels): that
    failure is the file's error line like any other.
    """
    hint = "a damaged or crafted file? open and re-save it in Word"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_DOCX_PARTS:
                raise InputError(path, f".docx holds {len(infos):,} parts, over the limit of {MAX_DOCX_PARTS:,}",
                                 hint=hint)
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_DOCX_UNPACKED:
                raise InputError(path, f".docx unpacks to {unpacked / 2**20:,.0f} MiB, over the "
                                       f"{MAX_DOCX_UNPACKED // 2**20} MiB limit (a zip bomb?)", hint=hint)
            for info in infos:
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                if info.file_size > MAX_DOCX_XML_PART:
                    raise InputError(path, f".docx part {info.filename} unpacks to {info.file_size / 2**20:,.0f} "
                                           f"MiB, over the {MAX_DOCX_XML_PART // 2**20} MiB limit for one XML part",
                                     hint=hint)
                tail = b""
                with zf.open(info) as fh:
                    while chunk := fh.read(1 << 20):
                        window = tail + chunk
                        if any(mark in window for mark in _DTD_MARKS):
                            raise InputError(path, f".docx part {info.filename} declares a DTD (entity "
                                                   "definitions can expand without bound): refused", hint=hint)
                        tail = window[-32:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as err:
        raise InputError(path, f"not a readable .docx file: {err}", hint="open and re-save it in Word") from err


def read_docx(path: Path) -> RawText:
    """Paragraphs and table rows of a Word file, in document order.

    Empty paragraphs stay as blank lines (they separate documents in a
    compilation); a table row becomes one line, its cells joined by a tab.
    Zip bombs, part floods and XML with a DTD are refused before unpacking
    (:data:`MAX_DOCX_PARTS`, :data:`MAX_DOCX_UNPACKED`, :data:`MAX_DOCX_XML_PART`).
    """
    data = _read_bytes(path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, "not a .docx file (not a zip archive)",
                         hint="an old .doc or a renamed file? save it as .docx or .txt")
    _check_docx_zip(path, data)
    import docx  # lazy: python-docx (0.07 s) only when a .docx is read
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    from lxml.etree import XMLSyntaxError  # lazy: python-docx's XML parser, imported with it

    try:
        document = docx.Document(io.BytesIO(data))
    except XMLSyntaxError as err:  # libxml2's own limits: nesting past 256 levels, a text node past 10 MB, …
        raise InputError(path, f"not a readable .docx file: its XML is malformed or past the parser's limits "
                               f"({err})", hint="open and re-save it in Word") from err
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

    A PDF without a text layer (a scan) or with a password is an error; so
    is a stream that would inflate past :data:`MAX_PDF_STREAM` (a
    compression bomb) or more than :data:`MAX_PDF_PAGES` pages.
    """
    data = _read_bytes(path)
    # lazy: pypdf (0.15 s) only when a PDF is read
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PdfReadError

    limits = {name: MAX_PDF_STREAM for name in (
        "maximum_declared_stream_length", "array_based_stream_maximum_output_length", "jbig2_maximum_output_length",
        "lzw_maximum_output_length", "run_length_maximum_output_length", "zlib_maximum_output_length",
        "brotli_maximum_output_length", "image_maximum_buffer_size", "stream_decoding_work_maximum_length")}
    try:
        with apply_configuration(**limits):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except Exception as err:  # pypdf raises several types for unsupported crypto
                    raise InputError(path, f"encrypted PDF: cannot open it ({err})",
                                     hint="save an unprotected copy") from err
                if not ok:
                    raise InputError(path, "encrypted PDF (password required)", hint="save an unprotected copy")
            if len(reader.pages) > MAX_PDF_PAGES:
                raise InputError(path, f"PDF has {len(reader.pages):,} pages, over the limit of {MAX_PDF_PAGES:,}",
                                 hint="split it into smaller files")
            pages = [_fix_pdf_text(page.extract_text() or "") for page in reader.pages]
    except LimitReachedError as err:
        raise InputError(path, f"PDF stream over the {MAX_PDF_STREAM // 2**20} MiB limit once inflated "
                               f"(a compression bomb?): {err}", hint="re-save or print it to a new PDF") from err
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

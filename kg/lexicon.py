"""Word lists and tables under data/lexicon, as plain text an analyst can edit.

Two formats, both UTF-8, blank lines are ignored:

* word lists in jieba user-dictionary style: ``word [freq] [tag]``
  (freq a whole number, tag a short word such as ``nt``);
* tables: tab- or `` => ``-separated fields, a fixed number per line
  (e.g. ``alias => canonical`` or ``trigger<TAB>category``).

``#`` at the start of a line or after white space starts a comment.
A bad line raises :class:`~kg.errors.LexiconError` naming ``file:line``, so a
typo in a data file is found at start-up, not as a silent miss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import LexiconError

__all__ = ["LEXICON_DIR", "Entry", "read_wordlist", "read_table", "lexicon_path", "iter_lines"]

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"

_TABLE_SPLIT = re.compile(r"\t+|\s*=>\s*")
_COMMENT = re.compile(r"\s+#")


@dataclass(frozen=True)
class Entry:
    word: str
    freq: int | None = None
    tag: str | None = None
    line_no: int = 0


@lru_cache(maxsize=512)
def lexicon_path(name: str, directory: str | Path | None = None) -> Path:
    """Where lexicon ``name`` lives (``name`` with or without ``.txt``).

    Cached: some rules ask for their file per document, and building a Path
    costs more than the rule.
    """
    base = Path(directory) if directory else LEXICON_DIR
    return base / (name if name.endswith(".txt") else f"{name}.txt")


def iter_lines(path: Path):
    """``(line number, content)`` of a lexicon's lines, comments and blank lines left out.

    For readers of their own that report a bad line as ``file:line``.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise LexiconError(path, 0, "file not found") from err
    except UnicodeDecodeError as err:
        raise LexiconError(path, text_line(err), "not UTF-8") from err
    for n, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.split(raw.strip(), 1)[0].strip()
        if line and not line.startswith("#"):
            yield n, line


def text_line(err: UnicodeDecodeError) -> int:
    return err.object[: err.start].count(b"\n") + 1


def read_wordlist(path: str | Path) -> list[Entry]:
    """Read a jieba-style word list.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "w.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("# units\\n市妇联 1000 nt\\n读书班\\n")
    >>> [(e.word, e.freq, e.tag) for e in read_wordlist(p)]
    [('市妇联', 1000, 'nt'), ('读书班', None, None)]
    """
    path = Path(path)
    entries = []
    for n, line in iter_lines(path):
        parts = line.split()
        if len(parts) > 3:
            raise LexiconError(path, n, f"expected 'word [freq] [tag]', got {line!r}")
        word, freq, tag = parts[0], None, None
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            tag = rest.pop(0)
            if tag.isdigit() or not re.fullmatch(r"[A-Za-z_]{1,8}", tag):
                raise LexiconError(path, n, f"bad tag {tag!r} in {line!r}; a tag is a short latin word like nt")
        entries.append(Entry(word, freq, tag, n))
    return entries


def read_table(path: str | Path, columns: int, *, min_columns: int | None = None) -> list[tuple[str, ...]]:
    """Read a table of ``columns`` fields per line (tab or ``=>`` separated).

    Short rows are padded with ``""`` when ``min_columns`` allows them.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "t.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("市卫健委 => 市卫生健康委\\n")
    >>> read_table(p, 2)
    [('市卫健委', '市卫生健康委')]
    """
    path = Path(path)
    low = columns if min_columns is None else min_columns
    rows = []
    for n, line in iter_lines(path):
        parts = [p.strip() for p in _TABLE_SPLIT.split(line)]
        if not (low <= len(parts) <= columns) or not all(parts[:low]):
            raise LexiconError(path, n, f"expected {columns} fields separated by a tab or '=>', got {line!r}")
        rows.append(tuple(parts) + ("",) * (columns - len(parts)))
    return rows


@lru_cache(maxsize=None)
def cached_wordlist(path: str) -> tuple[Entry, ...]:
    return tuple(read_wordlist(path))

"""Drop junk lines and remember where paragraphs broke.

Material sites wrap reports in paywall markers and advert lines; web copies
bring navigation crumbs and bylines. The rules live in
``data/lexicon/junk_patterns.txt`` so an analyst can add one without code.
Blank and junk lines vanish from the cleaned text, but the splitter needs
to know that a line *stood after a break* (SCHEMA §1: a title follows a
blank line), so each kept line carries that flag and its line number in
the decoded file, which maps any cleaned offset back to the original.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError, LexiconError
from ..lexicon import lexicon_path, read_table

__all__ = [
    "Line", "JunkRules", "load_junk_rules", "clean_lines", "join_lines", "read_byline", "byline_roles", "is_byline", "MAX_LINE_CHARS",
    "MAX_JUNK_LINE_CHARS",
]

log = logging.getLogger(__name__)

MAX_LINE_CHARS = 200_000
# Advert and navigation lines are short; a long paragraph that mentions 会员
# in passing is prose, and skipping the search keeps cleaning fast.
MAX_JUNK_LINE_CHARS = 250
_STRIP_CHARS = " \t\r\n\f\v\u3000\u00a0\u200b\u200c\u200d\ufeff"


@dataclass(frozen=True)
class Line:
    """One kept line: its text, 1-based number in the decoded file, break flag."""

    text: str
    line_no: int
    after_break: bool


@dataclass(frozen=True)
class JunkRules:
    drop: tuple[re.Pattern, ...]
    strip: tuple[re.Pattern, ...]

    def clean(self, line: str) -> str | None:
        """The line without inline markers, or None when it is junk."""
        for pat in self.strip:
            if pat.search(line):
                line = pat.sub("", line).strip(_STRIP_CHARS)
        if not line:
            return None
        if len(line) > MAX_JUNK_LINE_CHARS:
            return line
        for pat in self.drop:
            if pat.search(line):
                return None
        return line


def load_junk_rules(path: str | Path | None = None) -> JunkRules:
    """Read junk rules (``KIND<TAB>PATTERN``); a bad line fails with file:line.

    >>> rules = load_junk_rules()
    >>> rules.clean("##paidbegin##（一）完善制度。"), rules.clean("【某某素材库】每天更新")
    ('（一）完善制度。', None)
    """
    return _load(str(path or lexicon_path("junk_patterns")))


@lru_cache(maxsize=8)
def _load(path: str) -> JunkRules:
    drop, strip = [], []
    raw_lines = Path(path).read_text(encoding="utf-8").splitlines()
    for kind, pattern in read_table(path, 2):
        line_no = next((n for n, raw in enumerate(raw_lines, 1) if pattern in raw), 0)
        if kind not in ("line", "strip"):
            raise LexiconError(path, line_no, f"unknown kind {kind!r}; use 'line' or 'strip'")
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise LexiconError(path, line_no, f"bad regular expression {pattern!r}: {err}") from err
        (drop if kind == "line" else strip).append(compiled)
    # One alternation is searched once per line instead of once per rule.
    combined = re.compile("|".join(f"(?:{p.pattern})" for p in drop), re.IGNORECASE) if drop else None
    return JunkRules((combined,) if combined else (), tuple(strip))


# A page's number as a PDF or Word copy leaves it between the halves of a sentence.
_PAGE_MARK = re.compile(r"^(?:第\s*\d{1,3}\s*页\s*[,，/]?\s*共\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页\s*[,，/]?\s*第\s*\d{1,3}\s*页"
                        r"|[-—－–]{1,2}\s*\d{1,3}\s*[-—－–]{1,2}|\d{1,3}\s*/\s*\d{1,3})$")


def _repeated_lines(lines: list[str]) -> frozenset[str]:
    """Short lines a file holds more than once, word for word: running headers are among them."""
    return frozenset(line for line, k in Counter(line for line in lines if 0 < len(line) <= 60).items() if k > 1)


def clean_lines(text: str, *, rules: JunkRules | None = None, path: str = "<text>",
                bylines: list | None = None) -> list[Line]:
    """Split decoded text into kept lines, junk and blank lines removed.

    A line over :data:`MAX_LINE_CHARS` characters is not a report (it is a
    dump or a binary that happened to decode): the file is refused. When
    ``bylines`` is a list, the fields of every dropped byline line
    (:func:`read_byline`) are appended to it as ``(line number, fields)``:
    junk to a reader, but a cue to who published the page.

    >>> [(l.text, l.line_no, l.after_break) for l in clean_lines("标题\\n\\n##paidend##\\n正文。\\n")]
    [('标题', 1, True), ('正文。', 4, True)]
    >>> page = "标题\\n正文的前半句，\\n第1页 共3页\\n某局党建材料汇编\\n后半句。\\n第2页 共3页\\n某局党建材料汇编\\n完。"
    >>> [(l.text, l.after_break) for l in clean_lines(page)]  # page numbers and a running header: no break
    [('标题', True), ('正文的前半句，', False), ('后半句。', False), ('完。', False)]
    >>> found = []
    >>> _ = clean_lines("标题\\n信息来源:某市审计局 发布日期:2023-01-06\\n正文。", bylines=found)
    >>> found
    [(2, {'信息来源': '某市审计局', '发布日期': '2023-01-06'})]
    """
    rules = rules or load_junk_rules()
    out: list[Line] = []
    brk = True
    raw_lines = text.splitlines()
    for n, raw in enumerate(raw_lines, 1):
        if len(raw) > MAX_LINE_CHARS:
            raise InputError(path, f"line {n} has {len(raw):,} characters (limit {MAX_LINE_CHARS:,}): "
                                   "not a report", hint="split the text into paragraphs")
    stripped = [raw.strip(_STRIP_CHARS) for raw in raw_lines]
    repeated = _repeated_lines(stripped)
    after_page = False
    for n, line in enumerate(stripped, 1):
        if _PAGE_MARK.match(line) or (after_page and (line in repeated or line.isdigit() and len(line) <= 3)):
            after_page = True  # a page's number and running header: no paragraph ends there
            continue
        after_page = False
        kept = rules.clean(line) if line else None
        if kept is not None and is_byline(kept):
            kept = None
        if kept is None:
            if bylines is not None and line:
                fields = read_byline(line)
                if fields:
                    bylines.append((n, fields))
            brk = True
            continue
        out.append(Line(kept, n, brk))
        brk = False
    return out


def join_lines(lines: list[Line]) -> str:
    """The cleaned text of ``lines``: one line each, joined by newlines.

    >>> join_lines(clean_lines("甲\\n\\n乙"))
    '甲\\n乙'
    """
    return "\n".join(line.text for line in lines)


@lru_cache(maxsize=None)
def _byline_labels(path: str) -> tuple[re.Pattern, dict]:
    rows = read_table(path, 2)
    roles = {label: role for label, role in rows}
    raw_lines = Path(path).read_text(encoding="utf-8").splitlines()
    for label, role in rows:
        if role not in ("source", "author", "editor", "other"):
            line_no = next((n for n, raw in enumerate(raw_lines, 1) if raw.strip().startswith(label)), 0)
            raise LexiconError(path, line_no, f"unknown role {role!r}; use source, author, editor or other")
    # a table's label may be spread over its cell (索 引 号, 文　　号)
    longer = "|".join(r"\s{0,2}".join(map(re.escape, label)) for label in sorted(roles, key=len, reverse=True)
                      if len(label) > 1)
    single = "|".join(re.escape(label) for label in roles if len(label) == 1)
    # Labels may be glued to the value before them (责任编辑:某单位作者:王华); a
    # one-character label (文:) only at the start or after a space.
    # WeChat pages set a label off with a bar (来源 | 某局).
    pattern = rf"({longer})\s*(?:[:：]|\s[|｜](?=\s))\s*" + (rf"|(?:^|(?<=\s))({single})\s*[:：]\s*" if single else "")
    return re.compile(pattern), roles


def read_byline(line: str, path: str | Path | None = None) -> dict[str, str]:
    """The labelled fields of a byline line (``data/lexicon/byline_fields.txt``), empty values dropped.

    >>> read_byline("【 字体:    稿件来源: 县人社局  作者: 余成科   时间:2023-06-19")
    {'稿件来源': '县人社局', '作者': '余成科', '时间': '2023-06-19'}
    >>> read_byline("责任编辑:校区机关党工委作者:王华发布时间:2024-06-28点击次数:")
    {'责任编辑': '校区机关党工委', '作者': '王华', '发布时间': '2024-06-28'}
    >>> read_byline("来源 | 区委机要保密局")
    {'来源': '区委机要保密局'}
    >>> read_byline("市统计局召开会议。")
    {}
    """
    pattern, _ = _byline_labels(str(path or lexicon_path("byline_fields")))
    hits = list(pattern.finditer(line))
    fields: dict[str, str] = {}
    for k, m in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(line)
        value = re.split(r"\s{2,}|[|｜•【\[]", line[m.end():end].strip(_STRIP_CHARS), maxsplit=1)[0].strip(_STRIP_CHARS)
        label = re.sub(r"\s", "", m.group(1) or m.group(2))
        if value and label not in fields:
            fields[label] = value
    return fields


def byline_roles(path: str | Path | None = None) -> dict[str, str]:
    """label → role (source, author, editor, other) of the byline lexicon (do not modify it)."""
    return _byline_labels(str(path or lexicon_path("byline_fields")))[1]


_BULLETS = re.compile(r"^[\s•·●▪◆◇■□\-—*【\[]+")
MAX_BYLINE_CHARS = 120
# A page's publication date and time before its byline fields (2024-06-18 09:32  来源：…).
_LEADING_DATE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s+")


def is_byline(line: str) -> bool:
    """Is ``line`` page furniture made of byline fields (``• 来源:法规科``,
    ``【 字体: 稿件来源: 县人社局 作者: 余成科``), whatever bullet or bracket leads it?

    >>> is_byline("• 来源:法规科"), is_byline("【 字体:    稿件来源: 县人社局  作者: 余成科")
    (True, True)
    >>> is_byline("2024-06-18 09:32    来源：区融媒体中心    通讯员 罗某")  # the date first
    True
    >>> is_byline("来源于群众的意见：要把学习抓实。"), is_byline("时间：2023年3月。会议听取了汇报，研究部署下一步工作。")
    (False, False)
    """
    if len(line) > MAX_BYLINE_CHARS:
        return False
    pattern, _ = _byline_labels(str(lexicon_path("byline_fields")))
    stripped = _LEADING_DATE.sub("", _BULLETS.sub("", line))
    first = pattern.match(stripped)
    if first is None:
        return False
    if len(stripped) - first.end() <= 30 and not re.search(r"[。；！？]", stripped):
        return True
    return len(pattern.findall(stripped)) >= 2 and not re.search(r"[。；！？]", stripped)

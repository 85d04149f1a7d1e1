"""Column widths for result tables, so the evidence column stays in view.

Left to itself the table sizes every column to its longest value: long
document ids and titles then push the evidence sentences, the column an
analyst reads, past the right edge. Widths here are estimated from the text
(a Chinese character is about twice as wide as a Latin one) and shrunk,
widest first, to fit the page; evidence keeps a readable minimum.
"""
from __future__ import annotations

__all__ = ["EVIDENCE_COLUMNS", "text_width", "fit_column_widths"]

EVIDENCE_COLUMNS = frozenset({"原文证据", "evidence"})
_CJK_PX, _LATIN_PX, _PADDING_PX = 14, 8, 24
_MIN_PX, _MAX_PX, _EVIDENCE_MIN_PX, _EVIDENCE_MAX_PX = 72, 360, 360, 640
_SAMPLE_ROWS = 50


def text_width(value) -> int:
    """Estimated pixels a cell needs for ``value`` (at the table's font size).

    >>> text_width("读书班"), text_width("2023")
    (66, 56)
    """
    text = "" if value is None else str(value)
    return _PADDING_PX + sum(_CJK_PX if ord(ch) >= 0x2E80 else _LATIN_PX for ch in text)


def fit_column_widths(columns: list[str], rows: list[list], *, budget: int = 960) -> dict[str, int]:
    """Pixel width per column: natural widths, the widest shrunk until the table fits ``budget``.

    >>> widths = fit_column_widths(["文档编号", "原文证据"], [["01_" + "长" * 40, "证据" * 60]], budget=700)
    >>> widths["原文证据"] >= 360, sum(widths.values()) <= 700
    (True, True)
    >>> fit_column_widths(["单位"], [["市妇联"]])
    {'单位': 72}
    """
    natural = {}
    for i, name in enumerate(columns):
        cells = [r[i] for r in rows[:_SAMPLE_ROWS] if i < len(r)]
        wide = name in EVIDENCE_COLUMNS
        want = max([text_width(name)] + [text_width(c) for c in cells])
        natural[name] = max(_EVIDENCE_MIN_PX if wide else _MIN_PX, min(want, _EVIDENCE_MAX_PX if wide else _MAX_PX))
    widths = dict(natural)
    excess = sum(widths.values()) - budget
    while excess > 0:
        floors = {n: (_EVIDENCE_MIN_PX if n in EVIDENCE_COLUMNS else _MIN_PX) for n in widths}
        shrinkable = [n for n in widths if widths[n] > floors[n]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda n: widths[n])
        others = [widths[n] for n in shrinkable if n != widest]
        target = max(floors[widest], widths[widest] - excess, max(others, default=floors[widest]))
        if target >= widths[widest]:
            target = widths[widest] - 1
        excess -= widths[widest] - target
        widths[widest] = target
    return widths

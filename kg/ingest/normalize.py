"""Fold text for matching without moving a single offset.

Extractors search ``Document.norm`` and report offsets into
``Document.text``; that only works if the folding maps one character to
one character. So every rule here is a per-character substitution:

* full-width ASCII letters, digits and the ideographic space → half-width;
* half-width ``, ; : ? ! ( )`` next to a CJK character → the full-width form
  (web copies mix both; rules and lexicons are written with the full-width);
  a lone ``.`` right after a CJK character and before CJK, a space or the
  end is a full stop ``。`` (some copies end every sentence so; 1.5 stays);
* traditional → simplified, per character, via OpenCC (old reports in the
  extra corpus are traditional); a character whose simplified form is not
  exactly one character is kept.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

__all__ = ["normalize_text", "fold_char", "is_cjk"]

log = logging.getLogger(__name__)

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_WIDTH = {c: chr(ord(c) - 0xFEE0) for c in map(chr, range(0xFF01, 0xFF5F)) if chr(ord(c) - 0xFEE0).isalnum()}
_WIDTH["\u3000"] = " "
_PUNCT_RE = re.compile(r"[,;:?!().]")
_FEW_FOLDS = 24


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph or CJK punctuation/full-width form.

    >>> is_cjk("中"), is_cjk("，"), is_cjk("a")
    (True, True, False)
    """
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2018 <= o <= 0x201D or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2FA1F)


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc  # lazy: optional at run time; without it only 繁→简 folding is lost
    except ImportError as err:  # pragma: no cover - opencc is in requirements
        log.warning("opencc missing (%s): traditional characters are not folded", err)
        return None
    return opencc.OpenCC("t2s")


_T2S: dict[str, str] = {}
# str.translate table: every character that folds to another one.
_TABLE: dict[int, str] = {ord(k): v for k, v in _WIDTH.items()}


def _simplify_chars(chars: set[str]) -> None:
    """Fill the per-character cache for characters not seen yet."""
    new = sorted(c for c in chars if c not in _T2S and ord(c) >= 0x80)
    if not new:
        return
    conv = _converter()
    if conv is None:
        _T2S.update((c, c) for c in new)
        return
    # One character per line: OpenCC's phrase table cannot join neighbours.
    out = conv.convert("\n".join(new)).split("\n")
    if len(out) != len(new):
        out = [conv.convert(c) for c in new]
    for c, s in zip(new, out):
        _T2S[c] = s if len(s) == 1 else c
        if _T2S[c] != c and c not in _WIDTH:
            _TABLE[ord(c)] = _T2S[c]


def fold_char(ch: str) -> str:
    """The matching form of one character (width and script only).

    >>> fold_char("Ａ"), fold_char("９"), fold_char("國")
    ('A', '9', '国')
    """
    if ch in _WIDTH:
        return _WIDTH[ch]
    if ord(ch) < 0x80:
        return ch
    _simplify_chars({ch})
    return _T2S[ch]


def normalize_text(text: str) -> str:
    """Return a copy of ``text`` of exactly the same length, folded for matching.

    >>> normalize_text("市统计局(试点):召开２０２３年會議,共12,000人")
    '市统计局（试点）：召开2023年会议，共12,000人'
    >>> normalize_text("制定本计划.集中学习1.5万人次.")
    '制定本计划。集中学习1.5万人次。'
    >>> len(normalize_text("ＡＢ，國")) == 4
    True
    """
    if not text:
        return text
    chars = set(text)
    _simplify_chars(chars)
    folds = [c for c in chars if ord(c) in _TABLE]
    if len(folds) > _FEW_FOLDS:
        folded = text.translate(_TABLE)
    else:  # a few str.replace scans cost less than translate's lookup of every character
        folded = text
        for c in folds:
            folded = folded.replace(c, _TABLE[ord(c)])
    pieces, last, n = [], 0, len(text)
    for m in _PUNCT_RE.finditer(text):
        i = m.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < n else ""
        if text[i] == ".":
            if not (before and is_cjk(before) and (not after or after.isspace() or (is_cjk(after) and after != "。"))):
                continue
            full = "。"
        elif (before and is_cjk(before)) or (after and is_cjk(after)):
            full = _HALF_TO_FULL[text[i]]
        else:
            continue
        pieces += (folded[last:i], full)
        last = i + 1
    if pieces:
        pieces.append(folded[last:])
        folded = "".join(pieces)
    assert len(folded) == len(text)
    return folded

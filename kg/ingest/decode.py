"""Turn the bytes of a text file into text, or say why they are not text.

Reports arrive as UTF-8 (with or without BOM), GB18030/GBK from older
Windows tools, UTF-16 from Word's "save as text", and now and then Big5.
We never decode with replacement characters: a file that only "decodes"
to garbage is an error for that file, because garbage would flow silently
into the graph. Strict UTF-8 is tried first because it almost never
accepts non-UTF-8 bytes; legacy encodings accept nearly anything, so their
result must also *look like* Chinese text (see :func:`text_plausibility`).
charset-normalizer is asked only when none of those fits.
"""
from __future__ import annotations

import codecs
import logging

from ..errors import DecodeError

__all__ = ["decode_bytes", "text_plausibility", "looks_binary"]

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY = ("gb18030", "big5")
MIN_PLAUSIBILITY = 0.9


def _good_char(ch: str) -> bool:
    o = ord(ch)
    if o < 0x80:
        return ch.isprintable() or ch in "\t\n\r\f"
    return (0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or 0x2000 <= o <= 0x206F or 0x2460 <= o <= 0x24FF or 0x2500 <= o <= 0x257F
            or 0x00A0 <= o <= 0x00FF or 0x25A0 <= o <= 0x25FF or 0x2100 <= o <= 0x218F
            or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x0370 <= o <= 0x04FF)


def text_plausibility(text: str, sample: int = 200_000) -> float:
    """Share of characters that belong in a Chinese report (0..1).

    Binary data or a wrong legacy decoding yields control characters,
    private-use and rare-block characters; real text scores near 1.

    >>> text_plausibility("市统计局召开会议。")
    1.0
    >>> text_plausibility("\\x00\\x01\\x02ab") < 0.5
    True
    """
    part = text[:sample]
    if not part:
        return 0.0
    return sum(map(_good_char, part)) / len(part)


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB (outside UTF-16/32) mean a binary file.

    >>> looks_binary(b"PK\\x03\\x04\\x00\\x00"), looks_binary("文本".encode())
    (True, False)
    """
    return b"\x00" in data[:8192]


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (NUL bytes seen), or ``None`` for binary data.

    The NUL bytes alone cannot tell the byte order, nor text from binary: a
    Chinese paragraph has a NUL only in its newlines and in 一 (U+4E00), so
    they may be few and on either side. Both orders are read and the one that
    looks like text wins (little-endian, Windows' "Unicode", on a tie).
    """
    best: tuple[float, str, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = text_plausibility(text)
        if score >= MIN_PLAUSIBILITY and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2]) if best else None


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise :class:`DecodeError`.

    >>> decode_bytes("学习情况汇报".encode("gbk"))
    ('学习情况汇报', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF8 + "汇报".encode())
    ('汇报', 'utf-8-sig')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc
            except UnicodeDecodeError as err:
                raise DecodeError(path, f"starts with a {enc} byte-order mark but byte {err.start} is not {enc}",
                                  hint="re-save the file as UTF-8") from err
    if looks_binary(data):
        found = _utf16_without_bom(data)
        if found:
            return found
        raise DecodeError(path, "binary file (NUL bytes), not text",
                          hint="only .txt, .docx, .pdf and .jsonl are read; is the extension wrong?")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_err = err
    best: tuple[float, str, str] | None = None
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = text_plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] < MIN_PLAUSIBILITY:
        guess = _ask_detector(data)
        if guess and (best is None or guess[0] > best[0]):
            best = guess
    if best is not None and best[0] >= MIN_PLAUSIBILITY:
        log.debug("%s: decoded as %s (plausibility %.3f)", path, best[2], best[0])
        return best[1], best[2]
    raise DecodeError(
        path,
        f"undecodable bytes: not UTF-8 (byte {utf8_err.start}: {data[utf8_err.start:utf8_err.start + 4]!r}), "
        "nor GB18030/Big5 text",
        hint="re-save the file as UTF-8",
    ) from utf8_err


def _ask_detector(data: bytes) -> tuple[float, str, str] | None:
    # lazy: the fallback detector (0.03-0.05 s to import), only for a file neither UTF-8 nor GB18030
    from charset_normalizer import from_bytes

    match = from_bytes(data[:1_000_000]).best()
    if match is None:
        return None
    try:
        text = data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text_plausibility(text), text, match.encoding

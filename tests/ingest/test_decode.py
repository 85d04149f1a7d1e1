"""Encoding detection: every accepted encoding, and refusal of garbage."""
from __future__ import annotations

import codecs
import logging

import pytest

from kg.errors import DecodeError
from kg.ingest.decode import MIN_PLAUSIBILITY, decode_bytes, looks_binary, text_plausibility

TEXT = "区团委青年理论学习小组2023年学习情况汇报\n全年开展集中学习12次，覆盖团员青年1.16万人次。\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
])
def test_round_trip_each_encoding(data, encoding):
    assert decode_bytes(data) == (TEXT, encoding)


def test_big5_traditional():
    trad = "政府工作報告\n各位代表：現在，我代表國務院向大會報告政府工作。\n" * 3
    text, enc = decode_bytes(trad.encode("big5"))
    assert text == trad and enc == "big5"


def test_first_bytes_that_look_like_an_executable_are_still_utf8():
    # 青年… starts with 0xE9 (an x86 jump), which makes `file` say "DOS executable"
    data = "青年检察干警在读书班上的交流研讨发言\n".encode("utf-8")
    assert data[0] == 0xE9 and decode_bytes(data)[1] == "utf-8"


def test_never_replacement_characters():
    with pytest.raises(DecodeError, match="undecodable"):
        decode_bytes(bytes(range(0x80, 0x100)) * 10 + b"\x01\x02\x03" * 100)


def test_nul_bytes_mean_binary():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"%PDF-1.4\n\x00\x00\xff\xfe binary")


def test_broken_utf16_after_bom():
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")


# --- UTF-16 without a byte-order mark ---------------------------------------------------------------------------

PARAGRAPH = "市统计局召开党组理论学习中心组会议，深入学习贯彻党的二十大精神，研究部署下一阶段工作。\n" * 5


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_with_few_ascii_characters(encoding):
    # Only the newlines have a NUL byte: a Chinese paragraph, not a binary file.
    assert decode_bytes(PARAGRAPH.encode(encoding)) == (PARAGRAPH, encoding)


def test_utf16_be_without_bom_where_yi_outnumbers_ascii():
    # 一 is U+4E00: in UTF-16-BE its NUL byte sits where little-endian text has its NULs.
    text = "一是学习一个专题，一月一次，一以贯之，一抓到底。\n"
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_utf16_without_bom_tie_goes_to_little_endian():
    # b"\x00\x4e" reads as 一 (LE) or N (BE), both plausible: Windows' "Unicode" is little-endian.
    assert decode_bytes(b"\x00\x4e" * 3) == ("一一一", "utf-16-le")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_at_the_plausibility_threshold(encoding):
    text = "学习情况汇报会议\nㄅ"  # nine of ten characters belong in a report: 0.9, the lowest accepted
    assert text_plausibility(text) == MIN_PLAUSIBILITY
    assert decode_bytes(text.encode(encoding)) == (text, encoding)


def test_utf32_with_bom():
    assert decode_bytes(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")) == (TEXT, "utf-32-le")
    assert decode_bytes(codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be")) == (TEXT, "utf-32-be")


# --- legacy encodings and the fallback detector ------------------------------------------------------------------

def test_simplified_text_that_big5_also_reads_is_gb18030():
    data = "党组理论学习会议工作汇报".encode("gbk")
    assert text_plausibility(data.decode("big5")) == 1.0  # Big5 reads it too, as nonsense
    assert decode_bytes(data) == ("党组理论学习会议工作汇报", "gb18030")


def test_gb18030_text_at_the_threshold_is_read_without_the_detector(monkeypatch):
    import charset_normalizer

    def no_detector(*args, **kwargs):
        raise AssertionError("the detector was asked although GB18030 fits")

    monkeypatch.setattr(charset_normalizer, "from_bytes", no_detector)
    text = "群众学习会议汇报\nㄅ"
    assert text_plausibility(text) == MIN_PLAUSIBILITY
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")
    assert decode_bytes(TEXT.encode("gbk")) == (TEXT, "gb18030")


def test_the_chosen_legacy_encoding_is_logged(caplog):
    with caplog.at_level(logging.DEBUG, logger="kg.ingest.decode"):
        decode_bytes("学习情况汇报".encode("gbk"), "report.txt")
    assert [r.getMessage() for r in caplog.records] == ["report.txt: decoded as gb18030 (plausibility 1.000)"]


def test_windows_traditional_chinese_outside_big5_goes_to_the_detector():
    # cp950 (Windows' Big5) has 裏 and 恒 where strict Big5 has none; GB18030 reads the bytes as kana and
    # private-use characters, so the detector's answer is taken.
    trad = "政府工作報告\n各位代表：現在，我代表國務院向大會報告政府工作。裏外一致，恒心不改。\n" * 3
    data = trad.encode("cp950")
    assert text_plausibility(data.decode("gb18030")) < MIN_PLAUSIBILITY
    text, encoding = decode_bytes(data)
    assert text == trad and encoding not in ("gb18030", "big5")


def test_an_encoding_outside_the_list_is_found_by_the_detector():
    russian = "Отчёт о работе за 2023 год. Проведено 12 занятий, участвовало 300 человек.\n" * 3
    assert decode_bytes(russian.encode("cp1251")) == (russian, "cp1251")


# --- what is refused, and how it is said -------------------------------------------------------------------------

def test_control_characters_that_gb18030_accepts_are_refused():
    data = b"\x01\x02\x03" * 100 + "啊".encode("gbk")
    with pytest.raises(DecodeError) as err:
        decode_bytes(data, "junk.txt")
    assert str(err.value) == ("junk.txt: undecodable bytes: not UTF-8 (byte 300: b'\\xb0\\xa1'), "
                              "nor GB18030/Big5 text Hint: re-save the file as UTF-8")


def test_binary_error_names_the_file_and_the_fix():
    with pytest.raises(DecodeError) as err:
        decode_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xd8 binary", "a.txt")
    assert str(err.value) == ("a.txt: binary file (NUL bytes), not text "
                              "Hint: only .txt, .docx, .pdf and .jsonl are read; is the extension wrong?")


def test_bom_error_names_the_file_the_byte_and_the_fix():
    with pytest.raises(DecodeError) as err:
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "w.txt")
    assert str(err.value) == ("w.txt: starts with a utf-16-le byte-order mark but byte 2 is not utf-16-le "
                              "Hint: re-save the file as UTF-8")


def test_a_bom_is_not_part_of_the_text():
    assert decode_bytes(codecs.BOM_UTF8 + "\ufeff汇报".encode()) == ("汇报", "utf-8-sig")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_text_after_a_bom_is_kept_whole_even_a_masked_name(encoding):
    # a published copy masks the unit's name at the very start: XX市委
    text, _ = decode_bytes("XX市委理论学习中心组：".encode(encoding))
    assert text == "XX市委理论学习中心组："


def test_the_undecodable_error_shows_four_bytes_from_the_first_bad_one():
    data = b"\x01\x02\x03" * 100 + b"\xff\xfe\xfd\xfc\xfb\xfa"
    with pytest.raises(DecodeError, match=r"\(byte 300: b'\\xff\\xfe\\xfd\\xfc'\), nor GB18030"):
        decode_bytes(data, "junk.txt")


# --- what counts as text -----------------------------------------------------------------------------------------

# The blocks a report is written in, first and last code point, and the code point after each block.
REPORT_BLOCKS = [
    (0x4E00, 0x9FFF, "CJK unified ideographs"), (0x3400, 0x4DBF, "CJK extension A"),
    (0xF900, 0xFAFF, "CJK compatibility ideographs"), (0x3000, 0x303F, "CJK punctuation"),
    (0xFF00, 0xFFEF, "full-width forms"), (0x2000, 0x206F, "general punctuation"),
    (0x2460, 0x24FF, "enclosed numbers ①"), (0x2500, 0x257F, "box drawing"), (0x00A0, 0x00FF, "Latin-1"),
    (0x25A0, 0x25FF, "geometric shapes ■"), (0x2100, 0x218F, "letter-like and number forms Ⅻ"),
    (0x0370, 0x04FF, "Greek and Cyrillic"),
]


# (ids in ASCII: pytest escapes explicit non-ASCII ids, and a second collection in one process, as mutmut
# makes, then no longer finds them)
@pytest.mark.parametrize("first, last, name", REPORT_BLOCKS, ids=[f"U+{b[0]:04X}" for b in REPORT_BLOCKS])
def test_report_blocks_are_text_to_their_edges(first, last, name):
    assert text_plausibility(chr(first) + chr(last)) == 1.0
    after = chr(last + 1)
    if not any(lo <= last + 1 <= hi for lo, hi, _ in REPORT_BLOCKS):
        assert text_plausibility(after) == 0.0


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x0b", "\x1b", "\x7f", "\x80", "\x9f", "\ue000", "ぁ", "ꀀ"])
def test_control_private_and_foreign_script_characters_are_not_text(ch):
    assert text_plausibility(ch) == 0.0


def test_ascii_text_and_its_whitespace_are_text():
    assert text_plausibility("Report 2023: 12 sessions.\t\n\r\f~") == 1.0


def test_plausibility_is_the_share_of_text_characters():
    assert text_plausibility("\x00\x01\x02ab") == pytest.approx(0.4)
    assert text_plausibility("") == 0.0


def test_a_long_text_is_judged_by_its_first_200000_characters():
    assert text_plausibility("学" * 200_000 + "\x00" * 100) == 1.0
    assert text_plausibility("学" * 10 + "\x00" * 10, sample=10) == 1.0


def test_nul_bytes_count_only_in_the_first_8_kib():
    assert looks_binary(b"a" * 8191 + b"\x00")
    assert not looks_binary(b"a" * 8192 + b"\x00")


def test_bytes_without_a_file_are_named_as_such_in_errors():
    with pytest.raises(DecodeError, match=r"^<bytes>: binary file"):
        decode_bytes(b"\x00\x01\x02 binary")

"""Encoding detection: every accepted encoding, and refusal of garbage."""
from __future__ import annotations

import codecs

import pytest

from kg.errors import DecodeError
from kg.ingest.decode import decode_bytes

TEXT = "区团委青年理论学习小组2023年学习情况汇报\n全年开展集中学习12次，覆盖团员青年1.16万人次。\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
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

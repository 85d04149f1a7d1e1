"""Slogans: quoted classification, unquoted lexicon hits, canonical forms."""
import pytest

from kg.document import Document
from kg.errors import LexiconError
from kg.extract.base import Context
from kg.extract.slogans import _lexicons, canonical_slogan, classify_quoted, extract_slogans, find_slogans


def slogans_of(text):
    ctx = Context.from_document(Document(doc_id="t", title="", text=text, norm=text))
    return ctx, extract_slogans(ctx)


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("“两个确立”", "两个确立"), ("学思想，强党性，重实践，建新功", "学思想、强党性、重实践、建新功"),
        ("10个明确", "十个明确"), ("14个坚持", "十四个坚持"), ("学思用贯通; 知信行统一", "学思用贯通、知信行统一"),
    ],
)
def test_canonical_form(raw, canonical):
    assert canonical_slogan(raw) == canonical


@pytest.mark.parametrize(
    "phrase, kind",
    [
        ("两个确立", "slogan"), ("三服务", "slogan"), ("三高四新", "slogan"), ("枫桥经验", "slogan"),
        ("方向盘", "metaphor"), ("组合拳", "metaphor"), ("第一粒扣子", "metaphor"), ("他山之石", "metaphor"),
        ("务实", "other"), ("学习理论最有效的办法是读原著。", "other"), ("一体化", "other"),
    ],
)
def test_classify_quoted(phrase, kind):
    assert classify_quoted(phrase) == kind


def test_unit_brand_is_not_a_slogan():
    assert classify_quoted("青出于蓝", after="品牌活动") == "brand"
    _, items = slogans_of("打造“青出于蓝”品牌活动，用好“方向盘”。")
    assert items == []


def test_unquoted_lexicon_slogans_are_found():
    _, items = slogans_of("增强四个意识、坚定四个自信，做到两个维护。")
    assert [(s["canonical"], s["quoted"]) for s in items] == [
        ("四个意识", False), ("四个自信", False), ("两个维护", False)
    ]


def test_unquoted_variant_spellings():
    found = {c for _, _, c, _ in find_slogans("深刻领会10个明确，坚持学思想，强党性，重实践，建新功")}
    assert found == {"十个明确", "学思想、强党性、重实践、建新功"}


def test_one_item_per_canonical_with_first_evidence():
    text = "牢记“两个确立”。再次强调两个确立。"
    _, items = slogans_of(text)
    assert len(items) == 1
    s = items[0]
    assert s["quoted"] is True and s["evidence"] == "牢记“两个确立”。"
    assert text[s["start"]:s["end"]] == s["evidence"]


def test_slogan_spans_left_for_metrics():
    ctx, _ = slogans_of("深刻认识两个确立的决定性意义。")
    [(a, b)] = ctx.found["slogan_spans"][0]
    assert ctx.sentences[0].norm[a:b] == "两个确立"


def test_longest_match_wins():
    assert [c for _, _, c, _ in find_slogans("严格落实中央八项规定精神")] == ["中央八项规定"]


def test_malformed_lexicon_line_names_file_and_line(tmp_path):
    for name in ("slogans", "metaphors", "slogan_reject"):
        (tmp_path / f"{name}.txt").write_text("# header\n两个确立\n", encoding="utf-8")
    (tmp_path / "metaphors.txt").write_text("# header\n方向盘 12 nt extra\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"metaphors.txt:2"):
        _lexicons(str(tmp_path))

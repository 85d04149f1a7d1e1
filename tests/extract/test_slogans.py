"""Slogans: quoted classification, the general formula rules, lexicon hits, canonical forms.

Every sentence here is invented; each rule has a case that takes and a case
that refuses.
"""
import pytest

from kg.document import Document
from kg.errors import LexiconError
from kg.extract.base import Context
from kg.extract.metrics import extract_metrics
from kg.extract.slogans import (
    _lexicons,
    canonical_slogan,
    classify_quoted,
    extract_slogans,
    find_slogans,
    is_numbered_formula,
)


def slogans_of(text):
    ctx = Context.from_document(Document(doc_id="t", title="", text=text, norm=text))
    return ctx, extract_slogans(ctx)


def canonicals(text):
    return [s["canonical"] for s in slogans_of(text)[1]]


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("“两个确立”", "两个确立"), ("学思想，强党性，重实践，建新功", "学思想、强党性、重实践、建新功"),
        ("10个明确", "十个明确"), ("14个坚持", "十四个坚持"), ("学思用贯通; 知信行统一", "学思用贯通、知信行统一"),
        ("“争一流 创品牌”", "争一流、创品牌"), ("〝八项制度〞", "八项制度"),
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


# --- numbered formulas: a numeral heading the parts, whatever follows -------

@pytest.mark.parametrize(
    "formula",
    ["三抓三提", "四联四促", "一访二议三落实", "一进二访", "一六八十", "双走访", "五个到位", "七项清单", "双联系、一帮扶"],
)
def test_numbered_formulas_of_a_locality_are_slogans(formula):
    assert is_numbered_formula(formula)
    assert classify_quoted(formula) == "slogan"


@pytest.mark.parametrize("after", ["专项行动，", "活动为抓手", "志愿服务活动", "工作法", "党员示范岗评比"])
def test_a_numbered_formula_stays_a_slogan_before_brand_words(after):
    assert classify_quoted("三抓三提", after=after) == "slogan"


@pytest.mark.parametrize(
    "phrase",
    ["五四", "三八", "七一", "九一八", "五四运动", "十九大", "二十届三中全会", "十二连增", "一企一档", "一把手"],
)
def test_dates_congresses_streaks_and_one_alone_are_not_numbered_formulas(phrase):
    assert not is_numbered_formula(phrase)


def test_dates_in_quotes_are_not_slogans():
    assert canonicals("在“五四”青年节前夕，举办庆“三八”妇女节活动，迎“七一”系列活动。") == []


def test_numbered_ordinary_words_are_rejected():
    assert canonicals("村“两委”班子和“三合一”场所、“两癌”筛查一并推进。") == []


def test_components_of_a_quoted_formula_are_not_slogans_of_their_own():
    text = "推行“三到两勤”工作法。“三到”即心到、眼到、脚到；“两勤”即勤问、勤记。"
    assert canonicals(text) == ["三到两勤"]


def test_numbered_formula_found_in_web_quote_styles():
    text = "坚持好“六项制度〞，落实好‘三项待遇’。"
    assert canonicals(text) == ["六项制度", "三项待遇"]


# --- multi-part formulas: parts in quotes, in a formula's context -----------

@pytest.mark.parametrize(
    "before, after",
    [
        ("全面贯彻", "的总要求，"), ("", "四点要求。"), ("牢固树立", "的工作思路，"), ("", "的服务精神，"),
        ("按照", "，扎实推进"), ("大力弘扬", "，"), ("严格执行", "，"),
    ],
)
def test_multipart_phrase_in_a_formula_context_is_a_slogan(before, after):
    assert classify_quoted("勤学习、善思考、重实践", after=after, before=before) == "slogan"


@pytest.mark.parametrize(
    "before, after",
    [
        ("找准", "，提出对策"), ("围绕", "作交流发言"), ("", "的工作理念"),
        ("贯彻总书记", "的重要指示精神"),  # a quoted saying, not a formula
        ("组织开展", "主题活动"),  # an activity's theme: the brand words win over 开展/按照
        ("按照", "主题党日活动"),
    ],
)
def test_multipart_phrase_without_a_formula_context_is_not(before, after):
    assert classify_quoted("勤学习、善思考、重实践", after=after, before=before) != "slogan"


def test_multipart_phrase_needs_short_plain_parts():
    assert classify_quoted("干部要勤于学习、更要善于思考和勇于实践", after="的要求") == "other"
    assert classify_quoted("党建+业务、党建+服务", after="的要求") == "other"


# --- named programmes: a short name and a suffix -----------------------------

@pytest.mark.parametrize("phrase", ["固本工程", "百县行工程", "溪口经验", "红岩村精神", "两路建设精神"])
def test_short_named_programmes_are_slogans(phrase):
    assert classify_quoted(phrase) == "slogan"


@pytest.mark.parametrize("phrase", ["机关作风提速工程", "红色引擎工程", "建设新时代创业精神", "经验"])
def test_long_or_bare_names_are_not(phrase):
    assert classify_quoted(phrase) == "other"


# --- the brand and metaphor lists still apply --------------------------------

def test_unit_brand_is_not_a_slogan():
    assert classify_quoted("青出于蓝", after="品牌活动") == "brand"
    _, items = slogans_of("打造“青出于蓝”品牌活动，用好“方向盘”。")
    assert items == []


# --- unquoted: the lexicon, written out or taken apart -----------------------

def test_unquoted_lexicon_slogans_are_found():
    _, items = slogans_of("增强四个意识、坚定四个自信，做到两个维护。")
    assert [(s["canonical"], s["quoted"]) for s in items] == [
        ("四个意识", False), ("四个自信", False), ("两个维护", False)
    ]


def test_unquoted_variant_spellings():
    found = {c for _, _, c, _ in find_slogans("深刻领会10个明确，坚持学思想，强党性，重实践，建新功")}
    assert found == {"十个明确", "学思想、强党性、重实践、建新功"}


@pytest.mark.parametrize(
    "text",
    [
        "全体党员坚持学党史、悟思想，办实事、开新局。",
        "全体党员坚持学党史 悟思想 办实事 开新局。",
        "全体党员坚持“学党史”“悟思想”“办实事”“开新局”。",
        "全体党员坚持学党史悟思想办实事开新局。",
    ],
)
def test_multipart_lexicon_slogan_with_any_separators(text):
    assert canonicals(text) == ["学党史、悟思想、办实事、开新局"]


def test_multipart_lexicon_slogan_taken_apart_is_found():
    text = ("一、在学思想上下功夫。支部集中研读原著。\n二、在强党性上见成效。开展党性分析。\n"
            "三、在重实践上求突破。围绕中心工作调研。\n四、在建新功上显担当。办成一批实事。")
    [item] = slogans_of(text)[1]
    assert item["canonical"] == "学思想、强党性、重实践、建新功" and item["quoted"] is False
    assert item["evidence"].startswith("一、在学思想上下功夫")


def test_a_slogan_is_not_assembled_from_common_words_or_far_apart_parts():
    # 预防为主, 综合治理 are ordinary words: 安全第一、预防为主、综合治理 only written out
    assert canonicals("坚持安全第一。落实预防为主。推进综合治理。") == []
    far = "先讲学思想。" + "日常工作照常推进。" * 200 + "再讲强党性、重实践、建新功。"
    assert "学思想、强党性、重实践、建新功" not in canonicals(far)


def test_study_method_is_not_a_slogan():
    assert canonicals("坚持读原著、学原文、悟原理，学深悟透。") == []


# --- unquoted N大X standing as its own phrase --------------------------------

def test_standing_big_formula_is_found():
    assert canonicals("今年的重点有两项：五大提升、六个融合。") == ["五大提升"]


@pytest.mark.parametrize(
    "text", ["深入学习党的二十大精神。", "九大以来，形势变化。", "我市创造了两大奇迹。", "建成全国第四大航空港。"]
)
def test_congresses_and_counts_in_a_clause_are_not(text):
    assert canonicals(text) == []


# --- evidence, spans, ties ----------------------------------------------------

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


def test_metrics_skip_the_numerals_of_a_rule_found_formula():
    ctx, items = slogans_of("全面落实“四联四促”工作机制，开展集中学习6次。")
    assert [s["canonical"] for s in items] == ["四联四促"]
    assert [(m["value"], m["unit"]) for m in extract_metrics(ctx)] == [(6, "次")]


def test_longest_match_wins():
    assert [c for _, _, c, _ in find_slogans("严格落实中央八项规定精神")] == ["中央八项规定"]


def test_lexicon_hit_inside_a_quoted_formula_is_not_a_second_slogan():
    assert canonicals("实施“百千万工程”。") == ["百千万工程"]


# --- the data files -----------------------------------------------------------

def _write_lexicons(tmp_path):
    for name in ("slogans", "metaphors", "slogan_reject"):
        (tmp_path / f"{name}.txt").write_text("# header\n两个确立\n", encoding="utf-8")
    (tmp_path / "slogan_contexts.txt").write_text("# header\n活动 => brand_after\n", encoding="utf-8")


def test_malformed_lexicon_line_names_file_and_line(tmp_path):
    _write_lexicons(tmp_path)
    (tmp_path / "metaphors.txt").write_text("# header\n方向盘 12 nt extra\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"metaphors.txt:2"):
        _lexicons(str(tmp_path))


def test_malformed_context_line_names_file_and_line(tmp_path):
    _write_lexicons(tmp_path)
    (tmp_path / "slogan_contexts.txt").write_text("# header\n活动 => brand_after\n经验 => named_suffix => x\n",
                                                  encoding="utf-8")
    with pytest.raises(LexiconError, match=r"slogan_contexts.txt:3"):
        _lexicons(str(tmp_path))


def test_every_context_role_is_used():
    lex = _lexicons()
    assert lex.brand_after and lex.formula_after and lex.formula_before and lex.formula_veto and lex.named_suffix
    assert lex.named_suffix["精神"] == 4


def test_unknown_context_role_names_file_and_line(tmp_path):
    _write_lexicons(tmp_path)
    (tmp_path / "slogan_contexts.txt").write_text("# header\n活动 => brand_aftr\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"slogan_contexts.txt:2.*unknown role"):
        _lexicons(str(tmp_path))


def test_quoted_list_of_lexicon_slogans_is_several_slogans():
    assert canonicals("坚决做到“两个维护、四个意识”。") == ["两个维护", "四个意识"]


def test_written_out_slogan_across_a_line_break():
    assert canonicals("坚持学思想、强党性、\n重实践、建新功。") == ["学思想、强党性、重实践、建新功"]


@pytest.mark.parametrize("text, want", [
    ("全镇锚定'两个确保“,围绕中心工作", {"两个确保"}),  # closed with an opening quote
    ("全面实现“三职一肩挑,村级组织更加有力", {"三职一肩挑"}),  # never closed
    ("利用在职党员“双报到平台,推行联户机制", {"双报到"}),  # the lost quote stood before the brand word
    ("他说：“我们要努力，把工作做好。”", set()),
    ("开展“青出于蓝”品牌活动", set()),
])
def test_quotes_mangled_on_the_way_to_the_web_page(text, want):
    assert {c for _, _, c, _ in find_slogans(text)} == want


def test_named_chief_systems_are_slogans():
    assert {c for _, _, c, _ in find_slogans("压实“田长制”责任，落实河长制")} == {"田长制", "河长制"}


def test_a_speechs_numbered_point_is_no_formula():
    assert not any(True for _ in find_slogans("工作中“三是加强学习,提高水平"))
    assert not is_numbered_formula("四是严格管理")

"""Metrics rules on inline sentences: what is a quantity, and what is not."""
import pytest

from kg.document import Document
from kg.extract.base import Context, iter_sentences
from kg.extract.metrics import extract_metrics, find_metrics
from kg.extract.slogans import extract_slogans


def metrics_of(text):
    return [
        (m["value"], m["unit"], m["approx"], m["masked"], m["subject"])
        for s in iter_sentences(text)
        for m in find_metrics(s)
    ]


def test_masked_figures():
    assert metrics_of("共有**名青年同志参与，形成调研报告XX篇，评出一等奖X篇。") == [
        (None, "名", False, True, "青年同志参与"),
        (None, "篇", False, True, "形成调研报告"),
        (None, "篇", False, True, "评出一等奖"),
    ]


def test_wan_multiplier_and_money_units():
    assert metrics_of("1.16万户企业享受加计扣除，贷款22.82亿元，成交8179.62万元。") == [
        (11600, "户", False, False, "企业享受加计扣除"),
        (22.82, "亿元", False, False, "贷款"),
        (8179.62, "万元", False, False, "成交"),
    ]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("发布理论学习信息200余篇", 200, "篇"), ("提出税务建议200多条", 200, "条"),
        ("森林覆盖率超过40%", 40, "%"), ("近30次重要媒体报道", 30, "次"), ("约50项制度", 50, "项"),
        ("每季度开展1次以上活动", 1, "次"), ("候诊时间缩短10分钟左右", 10, "分钟"),
    ],
)
def test_approximation_words(text, value, unit):
    [(v, u, approx, _, _)] = metrics_of(text)
    assert (v, u, approx) == (value, unit, True)


def test_exact_figure_is_not_approx():
    assert metrics_of("集中学习12次")[0][:3] == (12, "次", False)


def test_subject_before_the_figure():
    assert metrics_of("党组中心组开展集中学习12次。")[0][4].endswith("集中学习")


@pytest.mark.parametrize(
    "text",
    [
        "在第二批主题教育中", "学习十三届二次全会精神", "2023年10月份召开会议", "这是一次深刻的洗礼",
        "涌现出一批先进典型", "一篇一篇学、逐段逐句悟", "下面我讲以下五个方面", "我再强调四个方面",
        "每一个问题都需要面对", "尊敬的**部长", "要坚持三个重要原则：一是坚持稳", "建成“15分钟办税缴费圈”",
        "走进千家万户",
    ],
)
def test_not_metrics(text):
    assert metrics_of(text) == []


def test_chinese_numerals_count_in_frequency_and_duration():
    assert metrics_of("每周开展一次支部集中研学")[0][:2] == (1, "次")
    assert metrics_of("为期七天的读书班")[0][:2] == (7, "天")


def test_people_counted_in_wan_without_measure_word():
    assert metrics_of("在线收获6万学子点赞")[0][:2] == (60000, "人")


def _ctx(text):
    return Context.from_document(Document(doc_id="t", title="", text=text, norm=text))


def test_numbers_inside_slogans_are_rejected():
    ctx = _ctx("牢记两个确立，增强四个意识，开展学习3次。")
    ctx.found["slogans"] = extract_slogans(ctx)
    assert [(m["value"], m["unit"]) for m in extract_metrics(ctx)] == [(3, "次")]


def test_slogan_surfaces_block_without_spans():
    ctx = _ctx("坚定“两个确立”，学习2次。")
    ctx.found["slogans"] = [{"canonical": "两个确立", "quoted": True, "surface": "两个确立"}]
    assert [(m["value"], m["unit"]) for m in extract_metrics(ctx)] == [(2, "次")]


def test_offsets_slice_back_to_evidence():
    text = "一、主要做法\n共开展集中学习12次，参与300人次。"
    ctx = _ctx(text)
    items = extract_metrics(ctx)
    assert len(items) == 2
    for m in items:
        assert text[m["start"]:m["end"]] == m["evidence"]
        assert m["surface"] in m["evidence"]


@pytest.mark.parametrize(
    "text, value, approx",
    [("参学率达到百分之九十八。", 98, False), ("参训人员达到百分之九十五以上。", 95, True),
     ("达标率为百分之98.5。", 98.5, False), ("下降了百分之三十点五。", 30.5, False)],
)
def test_percent_in_words(text, value, approx):
    [(v, u, a, masked, _)] = metrics_of(text)
    assert (v, u, a, masked) == (value, "%", approx, False)


def test_percent_in_words_keeps_text_order():
    assert [m[:2] for m in metrics_of("开展宣讲12场，覆盖率百分之九十，整改5项。")] == [(12, "场"), (90, "%"), (5, "项")]


def test_points_after_arabic_digits_only():
    assert metrics_of("人均积分超过1.5万分。")[0][:3] == (15000, "分", True)
    assert metrics_of("这十分重要，占三分之一，要分别落实。") == []


@pytest.mark.parametrize("text, value, unit", [("追回资金1,860.5万元", 1860.5, "万元"), ("检查企业1,326家", 1326, "家"),
                                               ("开设课程20门", 20, "门"), ("办理贷款300笔", 300, "笔")])
def test_web_copy_figures_and_more_units(text, value, unit):
    assert metrics_of(text)[0][:2] == (value, unit)


def test_indefinite_tens_are_no_figure_and_shang_bai_is_approx():
    assert metrics_of("开展宣讲数十场，走访几百户。") == []
    assert metrics_of("接待来访群众上百人次。")[0][:3] == (100, "人次", True)


def test_second_figure_of_a_clause_counts_what_follows_the_first():
    assert [m[4] for m in metrics_of("评选出先进集体5个、优秀个人10名。")][1] == "优秀个人"


def test_long_clause_subject_starts_after_its_verb():
    assert metrics_of("到革命纪念馆开展主题党日活动3次。")[0][4] == "主题党日活动"


def test_a_long_subject_is_cut_at_a_word_boundary():
    (m,) = find_metrics(next(iter_sentences("全年组织党组理论学习中心组集中学习12次。")))
    assert m["subject"] == "理论学习中心组集中学习"
    (m,) = find_metrics(next(iter_sentences("着力解决基层统计人员不足等问题9个。")))
    assert m["subject"] == "基层统计人员不足等问题"


def test_a_figure_in_a_table_row_counts_the_row_label():
    (m,) = find_metrics(next(iter_sentences("《习近平著作选读》\t集中学习\t4次")))
    assert (m["value"], m["unit"], m["subject"]) == (4, "次", "《习近平著作选读》")


def test_lead_words_are_trimmed_after_a_long_subject_is_cut():
    (m,) = find_metrics(next(iter_sentences("市统计局党组理论学习中心组全年集中学习12次。")))
    assert m["subject"] == "集中学习"


def test_a_quoted_name_after_the_figure_belongs_to_the_subject():
    (m,) = find_metrics(next(iter_sentences("组建12支“店小二”服务团队，聚焦绿色产业。")))
    assert (m["value"], m["unit"], m["subject"]) == (12, "支", "组建“店小二”服务团队")

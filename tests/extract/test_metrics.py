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


# --- numerals that are not digit strings -------------------------------------------------------------------------


def test_an_approximate_numeral_is_a_range_not_a_concatenation():
    assert metrics_of("支部开展了一两次调研。") == [(1, "次", True, False, "支部调研")]
    assert metrics_of("二三十名青年参加了读书会。")[0][:3] == (20, "名", True)
    assert metrics_of("十几个支部联合开展主题党日。")[0][:3] == (10, "个", True)


def test_a_reduplicated_idiom_is_no_figure():
    assert metrics_of("会后大家三三两两地交流心得。") == []
    assert metrics_of("对照问题清单一一整改。") == []
    assert metrics_of("进一步统一几个方面的认识。") == []  # 一几 is no 十几


def test_a_bare_unit_is_one_of_it():
    assert metrics_of("百余名党员参加了活动。")[0][:3] == (100, "名", True)
    assert metrics_of("开展千场宣讲进基层。")[0][:3] == (1000, "场", False)


def test_large_compound_numerals():
    assert metrics_of("共计接待参观群众两万三千余人次。")[0][:3] == (23000, "人次", True)
    assert metrics_of("带动投资三亿五千万元。")[0][:2] == (350000000, "元")


def test_partly_masked_figures_are_masked():
    assert [m[:4] for m in metrics_of("共有1X名党员参加，开展学习XXXX次，举办读书班〔〕2期。")] == [
        (None, "名", False, True), (None, "次", False, True), (None, "期", False, True),
    ]


@pytest.mark.parametrize(
    "text, value, unit, approx",
    [("招募3至5名志愿者。", 3, "名", True), ("每个小组开展2-3次研讨。", 2, "次", True), ("开展两到三次走访。", 2, "次", True)],
)
def test_a_range_is_its_lower_bound(text, value, unit, approx):
    assert metrics_of(text)[0][:3] == (value, unit, approx)


def test_an_ordinal_range_is_no_figure():
    assert metrics_of("参加第1至3批次培训。") == []


# --- the 每-period rule -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, subject",
    [
        ("理论学习小组每两周开展一次专题学习。", "理论学习小组每两周专题学习"),
        ("坚持每月一次的集中学习。", "坚持每月集中学习"),
        ("每3个月开展1次集中研讨。", "每3个月集中研讨"),
        ("党小组半年一次总结交流。", "党小组半年总结交流"),
        ("每月组织党员集中一次学习。", "每月组织党员集中学习"),  # six characters between the period and 一
    ],
)
def test_a_frequency_is_one_time_with_its_period_in_the_subject(text, subject):
    assert metrics_of(text) == [(1, "次", False, False, subject)]


def test_each_frequency_of_a_list_keeps_its_own_period():
    subjects = [m[4] for m in metrics_of("坚持每月一次的集中学习、每季度一次的专题研讨、半年一次总结汇报。")]
    assert subjects == ["坚持每月集中学习", "每季度专题研讨", "半年总结汇报"]


def test_a_count_that_adds_up_events_leaves_the_period_out():
    [freq, total] = metrics_of("坚持每周一次集体学习，全年开展集体学习48次。")
    assert freq[:2] == (1, "次") and "每周" in freq[4]
    assert total[:2] == (48, "次") and "每" not in total[4] and "集体学习" in total[4]


def test_every_is_a_period_only_before_a_span_of_time():
    assert metrics_of("每到一处，都认真听取群众意见。") == []


# --- 一 as the article ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["组织党员开展了一次有意义的户外学习。", "一是开展一次入团宣誓。", "同群众想在一起、干在一起。"],
)
def test_one_after_a_verb_is_the_article(text):
    assert metrics_of(text) == []


@pytest.mark.parametrize(
    "text, unit", [("举办一期青年干部培训班。", "期"), ("开展一轮全覆盖走访。", "轮"), ("村里只有一名女党员。", "名"), ("为期一天的读书班。", "天")],
)
def test_one_is_a_count_as_an_installment_a_span_or_after_only(text, unit):
    assert metrics_of(text)[0][:2] == (1, unit)


# --- compound measure words -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit, approx",
    [
        ("开展宣讲活动20场次。", 20, "场次", False), ("党员干部上党课12课次。", 12, "课次", False),
        ("推送学习文章35篇次。", 35, "篇次", False), ("服务群众300人次。", 300, "人次", False),
        ("整改期限为3个月。", 3, "个月", False), ("专题辅导90分钟。", 90, "分钟", False),
        ("志愿服务持续了2个多小时。", 2, "个小时", True), ("走访企业120家次。", 120, "家次", False),
        ("共拟学习问答题43道。", 43, "道", False), ("支部连续3年开展该活动。", 3, "年", False),
        ("组织专 题学习 22 次，培训 1100 余人次。", 22, "次", False),
    ],
)
def test_compound_measure_words_are_taken_whole(text, value, unit, approx):
    assert metrics_of(text)[0][:3] == (value, unit, approx)


# --- what is not a figure -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月5日，支部召开党员大会。", "选举产生第十二届支部委员会。", "现将20xx年工作汇报如下。",
        "上午9时30分，会议正式开始。", "年满18周岁的青年均可报名。", "在全省排名前10位。",
        "发布日期：2024-03-05 浏览次数：1234次", "阅读：356次", "共计1799个字，预计阅读时长6分钟",
        "联系电话：0551-62223344", "根据X政办发〔2024〕3号文件要求。", "二支部学习讨论还不够深入。",
        "跳好“学习、对照、整改”三部曲。", "坚持好“八项制度〞，落实“两项待遇〞。",
        "学习《关于改进工作作风、密切联系群众的八项规定》。",
    ],
)
def test_dates_ranks_page_furniture_codes_and_names_are_not_figures(text):
    assert metrics_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "纪念馆展出300余幅图片、100多件实物。", "展厅内陈列珍贵文物120件、照片50张。", "全馆共分4个部分13个单元。",
        "大家参观了9个展厅。", "重点解读了条例的3编158条和六类违纪行为。", "逐条对《条例》中的8类行为进行分析。",
        "该条例共3编11章158条。",
    ],
)
def test_figures_describing_an_exhibit_or_a_studied_text_are_not_metrics(text):
    assert metrics_of(text) == []


def test_exhibit_sentences_still_count_the_visitors():
    assert metrics_of("组织40名党员到纪念馆参观展览。")[0][:2] == (40, "名")


def test_a_report_may_state_a_click_count_in_prose():
    assert metrics_of("推出微宣讲视频12期，网上点击量超过15万次。")[1][:3] == (150000, "次", True)
    assert metrics_of("组织党员阅读12本书。")[0][:2] == (12, "本")


@pytest.mark.parametrize("text", ["来源：本站 | 2024-03-05 | 阅读 236 次", "浏览量： 5210次", "点击数:88次"])
def test_a_view_counter_is_page_furniture(text):
    assert metrics_of(text) == []


@pytest.mark.parametrize(
    "text", ["我从五个重要的方面谈谈体会。", "会议分两个阶段进行。", "围绕三个关键字进行汇报。", "统筹六个主要方面。"],
)
def test_counts_of_the_speakers_own_points_are_outline(text):
    assert metrics_of(text) == []


@pytest.mark.parametrize("text", ["我们要当好三个角色。", "切实做到四个到位。", "践行五个牢牢把握。"])
def test_a_formula_after_a_verb_of_exhortation_is_no_figure(text):
    assert metrics_of(text) == []


def test_a_count_after_a_verb_of_exhortation_in_digits_is_a_figure():
    assert metrics_of("坚持12次集中学习。")[0][:2] == (12, "次")


def test_an_outline_count_before_a_comma_and_its_first_point():
    assert metrics_of("做到了3个结合，一是结合学习心得，二是结合工作实际。") == []


def test_approximation_word_before_percent_in_words():
    assert metrics_of("参学率近百分之九十。") == [(90, "%", True, False, "参学率")]
    assert metrics_of("满意度超过百分之八十五。")[0][:3] == (85, "%", True)
    assert metrics_of("覆盖率达百分之八九十。")[0][:3] == (80, "%", True)


# --- subjects -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, subject",
    [
        ("签订《党风廉政承诺书》1800余份。", 1800, "签订《党风廉政承诺书》"),
        ("目前已举办“周末讲堂”24期。", 24, "举办“周末讲堂”"),
        ("全市共有基层党组织1.2万个。", 12000, "全市共有基层党组织"),
    ],
)
def test_subject_keeps_a_quoted_name_and_a_noun_ending_in_a_trim_word(text, value, subject):
    (m,) = metrics_of(text)
    assert (m[0], m[4]) == (value, subject)


def test_subjects_of_a_list_of_figures():
    assert [m[4] for m in metrics_of("该局共有3个党支部、52名党员。")] == ["该局党支部", "党员"]
    assert [m[4] for m in metrics_of("评出一等奖2件、二等奖5件。")] == ["评出一等奖", "二等奖"]
    assert [m[4] for m in metrics_of("深入12个村、社区和36家企业调研。")][0] == "深入村、社区"


# --- whole documents ------------------------------------------------------------------------------------------------


def _doc_metrics(text):
    return [(m["value"], m["unit"]) for m in extract_metrics(_ctx(text))]


def test_a_page_that_repeats_a_sentence_counts_its_figures_once():
    line = "此次送温暖活动共走访慰问18个重点企业，48名劳模。"
    assert _doc_metrics(line + "\n" + line) == [(18, "个"), (48, "名")]


def test_short_repeated_rows_are_separate_facts():
    assert _doc_metrics("集中学习\t4次\n专题研讨\t4次") == [(4, "次"), (4, "次")]


def test_the_same_figure_of_the_same_thing_said_again_is_one_fact():
    assert _doc_metrics("区委组建4个巡察组开展巡察。随后，4个巡察组向被巡察单位反馈意见。") == [(4, "个")]
    assert _doc_metrics("1名同志被评为优秀党员，1名同志被批准为预备党员。") == [(1, "名"), (1, "名")]
    assert _doc_metrics("培育1家市级示范机构、1家市级智慧机构。") == [(1, "家"), (1, "家")]


def test_a_count_followed_by_its_outline_in_the_next_sentence():
    assert _doc_metrics("本次团日共开展了五项活动。一是开展入团宣誓。") == []
    assert _doc_metrics("全年开展集中学习12次。\n（一）完善制度。") == [(12, "次")]


# --- lexicons -------------------------------------------------------------------------------------------------------


def _lexicon_copy(tmp_path, name, extra):
    import shutil

    from kg.lexicon import LEXICON_DIR

    for f in LEXICON_DIR.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / f"{name}.txt", "a", encoding="utf-8") as fh:
        fh.write(extra)
    return str(tmp_path)


def test_a_context_word_with_an_unknown_tag_fails_with_file_and_line(tmp_path):
    from kg.errors import LexiconError

    directory = _lexicon_copy(tmp_path, "metric_context", "展示\texibit\n")
    lines = (tmp_path / "metric_context.txt").read_text(encoding="utf-8").splitlines()
    with pytest.raises(LexiconError, match=rf"metric_context.txt:{len(lines)}: unknown tag 'exibit'"):
        find_metrics(next(iter_sentences("开展学习12次。")), directory=directory)


def test_a_measure_word_with_an_unknown_tag_fails_with_file_and_line(tmp_path):
    from kg.errors import LexiconError

    directory = _lexicon_copy(tmp_path, "measure_words", "趟 trip\n")
    with pytest.raises(LexiconError, match=r"measure_words.txt:\d+: unknown tag 'trip'"):
        find_metrics(next(iter_sentences("开展学习12次。")), directory=directory)


def test_a_context_word_added_by_an_analyst_takes_effect(tmp_path):
    directory = _lexicon_copy(tmp_path, "metric_context", "转发量：\tpage\n")
    sentence = next(iter_sentences("转发量：1200次"))
    assert find_metrics(sentence) != []
    assert find_metrics(sentence, directory=directory) == []


@pytest.mark.parametrize("text, want", [
    ("全年粮食产量5万吨。", (5, "万吨", False, False)),
    ("粮食作物产量合计X万吨。", (None, "万吨", False, True)),
    ("共投入X万元。", (None, "万元", False, True)),
])
def test_a_listed_measure_in_wan_keeps_its_wan_as_written(text, want):
    assert [m[:4] for m in metrics_of(text)] == [want]


@pytest.mark.parametrize("text, want", [
    ("2月3日，三门峡市退役军人事务局召开会议。", []),
    ("十堰市组织3场培训。", [(3, "场")]),
    ("今年开设三门课程。", [(3, "门")]),
    ("三台县组织3场培训。", [(3, "场")]),  # the place name holds its level (三台县)
    ("今年新建三台设备。", [(3, "台")]),
])
def test_a_numeral_starting_a_place_name_is_no_figure(text, want):
    assert [m[:2] for m in metrics_of(text)] == want


def test_a_subject_starts_inside_an_open_parenthesis():
    (value, unit, _, _, subject), = metrics_of("全市中小学校（含民办学校32所）全部参加。")
    assert (value, unit) == (32, "所")
    assert subject.endswith("民办学校") and "（" not in subject and "中小学校" not in subject


@pytest.mark.parametrize("text", [
    "区人大三次会议胜利召开。",  # a session, not three meetings
    "升级到v1.2版。",  # a version number
    "围绕“学思想、强党性”3个方面开展研讨。",  # the quoted points of the speaker's outline
    "共有6学子点赞。",  # no measure word and no 万: not a head count
    "达到百分之十百。",  # no numeral
])
def test_more_things_that_are_not_figures(text):
    assert metrics_of(text) == []


def test_people_in_wan_need_the_wan():
    assert [(v, u) for v, u, *_ in metrics_of("共有6万学子点赞。")] == [(60000, "人")]


def test_a_percentage_in_words_inside_a_slogan_is_no_figure():
    sentence = next(iter_sentences("坚持百分之百的标准。"))
    assert find_metrics(sentence, blocked=[(2, 6)]) == []  # a slogan found there
    assert [m["value"] for m in find_metrics(sentence)] == [100]
    assert find_metrics(next(iter_sentences("坚持“百分之百”的标准。"))) == []  # a quoted name


def test_a_long_sentence_a_page_repeats_counts_once_a_short_one_twice():
    line = "全年开展集中学习12次，参训人员达到300人次。"
    assert _doc_metrics(line + "\n" + line) == [(12, "次"), (300, "人次")]
    assert _doc_metrics("集中学习12次。\n集中学习12次。") == [(12, "次"), (12, "次")]


def _found(ctx):
    return [(m["value"], m["unit"]) for m in extract_metrics(ctx)]


def test_slogans_block_their_figures_wherever_they_stand_in_the_sentence():
    text = "四个意识要牢记，增强四个意识，树牢四个意识，学习3次。"
    assert _found(_ctx(text)) == [(4, "个"), (3, "次")]  # no slogans known: 四个 reads as a count (said once)
    ctx = _ctx(text)
    ctx.found["slogans"] = [{"surface": "四个意识"}, {"canonical": "两个维护"}]  # an item without surface is skipped
    assert _found(ctx) == [(3, "次")]


def test_slogan_spans_the_slogan_step_gives_are_used_as_given():
    ctx = _ctx("四个意识要牢记，学习3次。")
    ctx.found["slogans"] = [{"surface": "四个意识"}]
    ctx.found["slogan_spans"] = {0: [(11, 13)]}  # per sentence index, as kg.extract.slogans leaves them
    assert _found(ctx) == [(4, "个")]


def _percents(text, blocked=()):
    return [(m["value"], m["approx"], m["surface"], m["subject"])
            for s in iter_sentences(text) for m in find_metrics(s, blocked=blocked)]


def test_percentages_in_words_keep_their_surface_approximation_and_decimals():
    assert _percents("约百分之九十的党员参加。") == [(90, True, "约百分之九十", "党员参加")]
    assert _percents("覆盖率达百分之九十八点五六以上。") == [(98.56, True, "百分之九十八点五六以上", "覆盖率")]


def test_one_percentage_set_aside_leaves_the_next_in_the_sentence():
    assert _percents("坚持百分之百的标准，完成率百分之九十。", blocked=[(2, 6)]) == [(90, False, "百分之九十", "完成率")]
    assert _percents("达到百分之十百，完成率百分之九十。") == [(90, False, "百分之九十", "完成率")]
    assert _percents("完成率百分之九十，坚持百分之百的标准。", blocked=[(11, 15)]) == [(90, False, "百分之九十", "完成率")]


@pytest.mark.parametrize("text, want", [
    ("学习《条例》中的8类行为。", []),  # a part of the titled text
    ("《条例》中的8类行为。", []),  # the title opens the sentence
    ("学习了《条例》，查摆问题8类。", [(8, "类")]),  # the title is in another clause
])
def test_a_count_in_the_clause_of_a_book_title_describes_the_text(text, want):
    assert [(v, u) for v, u, *_ in metrics_of(text)] == want


def test_an_outline_in_the_next_paragraph_leaves_the_count():
    assert _doc_metrics("共开展了五项活动。一是学习理论。") == []  # the speaker's own points
    assert _doc_metrics("共开展了五项活动。\n一是学习理论。") == [(5, "项")]  # a new paragraph: a count
    assert _doc_metrics("学习情况如下。共开展了五项活动。\n一是学习理论。") == [(5, "项")]


@pytest.mark.parametrize("text, subject", [
    ("主题活动（含线上）共开展12次。", "主题活动（含线上）"),  # a closed parenthesis stays in the subject
    ("主题活动(含线上)共开展12次。", "主题活动(含线上)"),
    ("全市学校(含民办学校32所)参加。", "含民办学校"),  # an open one starts it
    ("组织专 题学习 22 次。", "组织专题学习"),  # a web copy's spaces
    ("组织专\u3000题学习22次。", "组织专题学习"),
])
def test_subject_around_parentheses_and_spaces(text, subject):
    assert [m[4] for m in metrics_of(text)] == [subject]


def test_only_before_one_makes_it_a_count_at_the_start_of_a_sentence_too():
    assert [m[:2] for m in metrics_of("只有一名同志缺席。")] == [(1, "名")]


def test_a_percentage_in_words_has_the_subject_its_digits_would():
    words, digits = metrics_of("连续3年满意度达到百分之九十五。"), metrics_of("连续3年满意度达到95%。")
    assert words == digits and words[-1][4] == "连续3年满意度"  # 3年 is the period, not another figure


def test_a_slogan_next_to_a_percentage_in_words_leaves_it():
    assert _percents("坚持百分之九十的标准。", blocked=[(0, 2)]) == [(90, False, "百分之九十", "坚持标准")]
    assert _percents("坚持百分之九十的标准。", blocked=[(7, 9)]) == [(90, False, "百分之九十", "坚持标准")]


@pytest.mark.parametrize("text, want", [
    ("评选出4个“党员先锋岗”，另有4个“党员示范岗”。", [(4, "个"), (4, "个")]),  # a quoted thing: not known the same
    ("开展12次集中学习，组织12次集中研讨。", [(12, "次"), (12, "次")]),  # counts of events are never one fact
    ("设立4个巡察组，4个巡察组向40家单位反馈。", [(4, "个"), (40, "家")]),  # the same thing said again
])
def test_what_counts_as_the_same_figure_said_again(text, want):
    assert _doc_metrics(text) == want


@pytest.mark.parametrize("text, subjects", [
    ("评出一等奖2件和优秀奖5件。", ["评出一等奖", "优秀奖"]),  # a joiner right after the first figure
    ("评出一等奖2件及优秀奖5件。", ["评出一等奖", "优秀奖"]),
    ("评出一等奖2件与二等奖5件。", ["评出一等奖", "二等奖"]),
    ("表彰先进个人5名与会代表200名。", ["表彰先进个人", "与会代表"]),  # 与会 is a word, not 与 + 会
    ("评出一等奖2件、优秀5件。", ["评出一等奖", "优秀"]),  # two characters make an item of their own
    ("开展学习3次、研讨5次。", ["开展学习", "研讨"]),
])
def test_the_second_figure_of_a_list_counts_the_item_after_the_joiner(text, subjects):
    assert [m[4] for m in metrics_of(text)] == subjects


@pytest.mark.parametrize("text, subject", [
    ("活动（线上）（线下）共开展12次。", "活动（线上）（线下）"),  # two closed parentheses stay
    ("活动(线上)(线下)共开展12次。", "活动(线上)(线下)"),
    ("学校（含公办）（含民办学校32所）参加。", "含民办学校"),  # the last open one starts it
    ("学校(含公办)(含民办学校32所)参加。", "含民办学校"),
    ("（含民办学校32所）全部参加。", "含民办学校"),  # a clause that opens with a parenthesis
    ("(含民办学校32所)全部参加。", "含民办学校"),
])
def test_subject_after_several_parentheses(text, subject):
    assert [m[4] for m in metrics_of(text)] == [subject]


@pytest.mark.parametrize("text, figures", [
    ("查摆8类问题并学习《条例》。", [(8, "类")]),  # the title comes after the figure
    ("学习了《条例》，对照《准则》中的8类行为。", []),  # the nearer title, in the figure's clause
    ("学习《条例》《准则》中的8类行为。", []),
])
def test_a_title_counts_only_before_the_figure_in_its_clause(text, figures):
    assert [m[:2] for m in metrics_of(text)] == figures


# An analyst who asks why a figure is missing runs `kg -vv extract`: the debug log names the rule.
@pytest.mark.parametrize("text, figure, reason", [
    ("共有3名单位参加。", "3名", "measure word is part of a word"),
    ("三门峡市召开会议。", "三门", "part of a place name"),
    ("这项工作十分重要。", "十分", "not points"),
    ("9时30分开会。", "30分", "not points"),
    ("党员每3个月轮训。", "3个月", "a period, not a count"),
    ("数十名党员参加。", "十名", "indefinite (数十, 几百)"),
    ("主要抓了三个方面：一是学习。", "三个", "outline count"),
    ("突出六个主要方面工作。", "六个", "outline count"),
    ("编号A-12名", "12名", "part of a code"),
    ("第3期学员参加。", "3期", "ordinal"),  # 第 the sentence's first character
    ("获得前3名。", "3名", "ordinal"),
    ("9点30分开会。", "30分", "not points"),
    ("下设5分会。", "5分", "not points"),
    ("围绕“学、做”2个方面开展。", "2个", "outline count"),
    ("排名前10位。", "10位", "ordinal"),
    ("召开第三次会议。", "三次", "ordinal"),
    ("学习全国人大三次会议精神。", "三次", "session"),
    ("2023年召开会议。", "2023年", "a date, not a length of time"),
    ("学习了4个部分。", "4个", "a part of an exhibit, a text or a talk"),
    ("浏览次数：1234次", "1234次", "a web page's furniture"),
    ("责任编辑：王五 共3张", "3张", "a web page's furniture"),
    ("做到四个到位。", "四个", "a formula to live up to"),
    ("开展一次深刻的洗礼。", "一次", "idiom"),
    ("一个都不能少。", "一个", "idiom"),
    ("学习“三个代表”重要思想。", "三个", "inside a slogan, a quoted name or a title"),
    ("展厅展出图片200幅。", "200幅", "describes an exhibit"),
    ("逐条解读条例3条。", "3条", "describes a studied text"),
])
def test_the_debug_log_says_which_rule_left_a_figure_out(caplog, text, figure, reason):
    with caplog.at_level("DEBUG", logger="kg.extract.metrics"):
        assert metrics_of(text) == []
    assert f"not a metric ({reason}): {figure}" in caplog.messages


@pytest.mark.parametrize("text", [
    "全县三万余群众参与，开展活动12次。",  # a Chinese numeral without a measure word
    "投资5万，开展活动12次。",  # 万 without a measure word or a person
    "第1至3期学员，开展活动12次。",  # a range of ordinals, at the very start of the sentence
])
def test_a_figure_left_out_does_not_hide_the_next_one(text):
    assert [m[:2] for m in metrics_of(text)] == [(12, "次")]


def test_a_range_is_one_figure_whose_surface_spans_both_ends():
    (m,) = find_metrics(next(iter_sentences("招募3至5名志愿者。")))
    assert (m["value"], m["approx"], m["surface"]) == (3, True, "3至5名")


def test_a_measure_word_after_ge_duo_keeps_the_ge():
    assert metrics_of("学习2个多月。") == [(2, "个月", True, False, "学习")]


def test_a_sentence_whose_only_figure_is_a_percentage_in_words():
    assert [m[:2] for m in metrics_of("覆盖率达百分之九十五。")] == [(95, "%")]


def test_the_next_sentence_decides_an_outline_count_and_only_the_caller_sees_the_mark():
    sentence = next(iter_sentences("共开展了五项活动。"))
    assert find_metrics(sentence, following="一是学习理论") == []  # the speaker's five points
    (m,) = find_metrics(sentence)  # no next sentence: a count
    assert "_ends" not in m and m["value"] == 5
    (m,) = find_metrics(sentence, following=None)  # the caller decides later
    assert m["_ends"] is True


def test_the_debug_log_says_a_figure_said_again_is_one_fact(caplog):
    with caplog.at_level("DEBUG", logger="kg.extract.metrics"):
        found = [(m["value"], m["unit"]) for m in extract_metrics(_ctx("派出4个巡察组。4个巡察组向40家单位反馈问题。"))]
    assert found == [(4, "个"), (40, "家")]
    assert "not a metric (said before): 4个" in caplog.messages


def test_a_measure_word_added_by_an_analyst_takes_effect(tmp_path):
    directory = _lexicon_copy(tmp_path, "measure_words", "趟 amount\n")
    sentence = next(iter_sentences("走访群众100趟。"))
    assert find_metrics(sentence) == []
    assert [(m["value"], m["unit"]) for m in find_metrics(sentence, directory=directory)] == [(100, "趟")]


@pytest.mark.parametrize("joiner", ["和", "及", "与"])
def test_a_list_joined_by_a_word_gives_each_figure_its_own_thing(joiner):
    assert [m[4] for m in metrics_of(f"该局共有3个党支部{joiner}52名党员。")] == ["该局党支部", "党员"]


@pytest.mark.parametrize("text, subject", [
    ("12次。", ""),  # nothing names the thing: no subject, not the sentence
    ("学习强国\t4次", "学习强国"),  # a table row: its label
    ("学习 强国\t4次", "学习 强国"),  # the label is everything before the tab, spaces and all
])
def test_subject_of_a_bare_figure_and_of_a_table_row(text, subject):
    assert [m[4] for m in metrics_of(text)] == [subject]


@pytest.mark.parametrize("text, figure", [
    ("连续3年获评先进。", (3, "年", False)),  # a length of time at the sentence's start, not a date
    ("3至5名同志参加。", (3, "名", True)),  # a range at the sentence's start
])
def test_figures_at_the_very_start_of_a_sentence(text, figure):
    assert [m[:3] for m in metrics_of(text)] == [figure]


def test_an_approximation_word_added_by_an_analyst_counts_before_a_percentage_in_words(tmp_path):
    directory = _lexicon_copy(tmp_path, "approx_words", "大致\tbefore\n")
    sentence = next(iter_sentences("覆盖率大致百分之九十五。"))
    assert [(m["value"], m["approx"]) for m in find_metrics(sentence)] == [(95, False)]
    assert [(m["value"], m["approx"]) for m in find_metrics(sentence, directory=directory)] == [(95, True)]


@pytest.mark.parametrize("text, want", [
    ("全镇党员参学率超过九成。", (9, "成", True)),
    ("八成以上的整改事项已经销号。", (8, "成", True)),
    ("约三成群众通过线上渠道反映诉求。", (3, "成", True)),
])
def test_tenths_are_a_figure(text, want):
    assert [(v, u, a) for v, u, a, _, _ in metrics_of(text)] == [want]


@pytest.mark.parametrize("text", [
    "全市二十成员单位派员参加。",  # a count of members, not tenths
    "这套做法一成不变地坚持了下来。",
    "取得三成效、两成果的好局面。",
])
def test_cheng_inside_another_word_is_no_tenths(text):
    assert [u for _, u, _, _, _ in metrics_of(text)] == []


def test_going_through_items_one_by_one_is_no_studied_text():
    # 逐条跟踪 tracks a list of demands; 逐条学习《条例》 explains a text, whose 条 are its articles
    assert [(v, u) for v, u, _, _, _ in metrics_of("收集群众诉求58条，已办结41条，剩下的逐条跟踪、逐条销号。")] == [
        (58, "条"), (41, "条")]
    assert metrics_of("逐条学习《条例》3编158条。") == []

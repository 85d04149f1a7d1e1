"""Properties over arbitrary text: extraction never raises, offsets always hold."""

from hypothesis import HealthCheck, given, settings, strategies as st

from kg.document import Document
from kg.extract.activities import extract_activities
from kg.extract.base import Context
from kg.extract.metrics import extract_metrics
from kg.extract.slogans import extract_slogans

# Report-like alphabet so the rules actually fire, plus any Unicode at all.
_REPORT_CHARS = "一二两三四五十百千万亿零第届次名个项篇%％XX**＊年月“”\"、，。；：\n0123456789.集中学习读书班党课调研下一步要两个确立四个意识方向盘共约余多以上"
report_text = st.text(alphabet=st.sampled_from(list(_REPORT_CHARS)), max_size=200)
any_text = st.text(max_size=200)

_FIELDS = ("organizations", "activities", "metrics", "slogans", "materials")


def _check_offsets(text, items):
    for item in items:
        assert 0 <= item["start"] <= item["end"] <= len(text)
        assert text[item["start"]:item["end"]] == item["evidence"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(report_text, any_text), st.sampled_from(["汇报", "讲话", "计划", "党课"]))
def test_own_extractors_never_raise_and_offsets_hold(text, genre):
    from kg.ingest.normalize import normalize_text

    ctx = Context.from_document(Document(doc_id="p", title="", text=text, norm=normalize_text(text), genre=genre))
    for name, fn in (("slogans", extract_slogans), ("metrics", extract_metrics), ("activities", extract_activities)):
        ctx.found[name] = fn(ctx)
        _check_offsets(text, ctx.found[name])
    for m in ctx.found["metrics"]:
        assert (m["value"] is None) == m["masked"]


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(report_text, any_text))
def test_extract_never_raises_and_offsets_hold(text):
    from kg.extract import extract

    record = extract(text)
    for field in _FIELDS:
        items = record[field]
        assert isinstance(items, list)
        _check_offsets(text, [i for i in items if isinstance(i, dict) and "evidence" in i])


# Sentences built the way reports chain units: names (masked, abbreviated,
# with their bodies), connectors and activity phrases, in any order. The
# crash of `共青团XX市委与市卫生健康委联合举办读书班1期。` was of this shape.
_UNITS = ["共青团XX市委", "市卫生健康委", "市卫健委", "团县委", "县妇联", "区委组织部", "兴业银行**分行", "市委党校",
          "某县税务局", "X街道党工委", "镇党委", "后山村党支部", "局党组理论学习中心组", "共青团", "XX县委员会",
          "市委", "省委", "中共**市委宣传部", "市知识产权局青年理论学习小组", "我局", "本单位", "县总工会",
          "国网**供电公司党委", "市中心医院", "第一党支部", "机关退休第二党支部", "区党委和人民政府"]
_JOINS = ["与", "和", "及", "、", "联合", "会同", "同", "携手", "共青团", "", "，", "XX", "**"]
_ACTIONS = ["联合举办读书班1期", "开展集中学习12次", "召开座谈会", "举办专题党课", "开展主题党日活动",
            "深入基层调研", "组织观看警示片", "开展党建共建", "学习“两个确立”", "。", "；", "\n"]
unit_sentences = st.lists(st.one_of(st.sampled_from(_UNITS), st.sampled_from(_JOINS), st.sampled_from(_ACTIONS)),
                          min_size=1, max_size=14).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(unit_sentences)
def test_chains_of_units_never_raise(text):
    from kg.extract import extract

    record = extract(text)
    assert record["extraction_errors"] == []
    for field in _FIELDS:
        _check_offsets(text, [i for i in record[field] if isinstance(i, dict) and "evidence" in i])


_PLACE_UNITS = ["xx镇", "某乡", "XX街道", "经济技术开发区", "高新区", "某开发区"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_UNITS), st.sampled_from(_JOINS), st.sampled_from(_ACTIONS),
                          st.sampled_from(_PLACE_UNITS), report_text), min_size=1, max_size=14).map("".join))
def test_the_document_scan_keeps_exactly_the_sentences_that_may_name_a_unit(text):
    """One matcher pass over the document must agree with asking sentence by sentence."""
    from kg.extract.orgs.document import sentences_naming_units
    from kg.extract.orgs.mentions import may_name_unit
    from kg.extract.orgs.rules import load_org_rules
    from kg.ingest.normalize import normalize_text

    rules = load_org_rules()
    ctx = Context.from_document(Document(doc_id="p", title="", text=text, norm=normalize_text(text)))
    want = [s.index for s in ctx.sentences if may_name_unit(s.norm, rules)]
    assert [s.index for s in sentences_naming_units(ctx, rules)] == want

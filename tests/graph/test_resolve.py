"""Entity resolution rules (kg/graph/resolve.py), on inline names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import LexiconError
from kg.graph.names import normalize_org_name
from kg.graph.resolve import RELATIVE_FILE, OrgResolver, default_resolver


@pytest.mark.parametrize("raw, folded", [
    ("**市委", "市委"), ("XX市委", "市委"), ("ＸＸ市委", "市委"), ("＊＊市委", "市委"), ("市 委", "市委"),
    ("X市妇联", "市妇联"), ("兴业银行**分行", "兴业银行分行"), ("中共**市委", "市委"), ("市委", "市委"),
])
def test_normalize_folds_masks_width_and_spaces(raw, folded):
    assert normalize_org_name(raw) == folded


def test_latin_letters_in_a_name_are_not_masks():
    assert normalize_org_name("XBOX公司") == "XBOX公司"


def test_levels_of_government_never_merge():
    r = default_resolver()
    names = ["市委", "县委", "区委", "省委", "市纪委", "县纪委", "市委组织部", "县委组织部"]
    assert len({r.canonical(n) for n in names}) == len(names)


def test_alias_table_suffix_rule_and_aliases_kept():
    r = OrgResolver(suffix_aliases={"卫健委": "卫生健康委"})
    assert r.canonical("**市卫健委") == "市卫生健康委"
    assert r.canonical("县卫健委") == "县卫生健康委"
    assert r.aliases_of("县卫生健康委") == ["县卫健委"]


def test_merge_rules_win_and_chain():
    r = OrgResolver(merges={"市直机关工委": "市委直属机关工委", "市委直属机关工委": "市委市直机关工委"})
    assert r.canonical("XX市直机关工委") == "市委市直机关工委"


def test_split_vetoes_alias_table_merge():
    r = OrgResolver(suffix_aliases={"卫健委": "卫生健康委"}, splits={frozenset(("市卫健委", "市卫生健康委"))})
    assert r.canonical("市卫健委") == "市卫健委"
    assert r.canonical("县卫健委") == "县卫生健康委"


def test_fuzzy_merges_a_typo_but_never_a_level_character():
    r = OrgResolver(merges={"市林草局": "市林业和草原局"})
    assert r.canonical("市林业和草园局") == "市林业和草原局"  # 园/原: a typo
    assert r.canonical("县林业和草原局") == "县林业和草原局"  # 县/市: another unit
    assert OrgResolver(merges={"市林草局": "市林业和草原局"}, fuzzy=False).canonical("市林业和草园局") == "市林业和草园局"


def test_study_groups_and_organs_have_parents():
    r = default_resolver()
    assert r.parent("市知识产权局青年理论学习小组") == "市知识产权局"
    assert r.parent("局党组理论学习中心组") == "局党组"
    assert r.parent(r.canonical("XX市卫健委党组理论学习中心组")) == r.canonical("市卫健委党组")
    assert r.parent("青年理论学习小组") is None
    assert r.parent("市委") is None


def test_merges_file_format(tmp_path):
    p = tmp_path / "m.txt"
    p.write_text("# rules\nmerge\t甲局\t甲管理局\nsplit => 市委 => 县委\nsubunit\t学习小组\n", encoding="utf-8")
    r = OrgResolver.from_files(p, None)
    assert r.canonical("甲局") == "甲管理局"
    assert r.is_split("县委", "市委")
    assert r.parent("甲管理局学习小组") == "甲管理局"


@pytest.mark.parametrize("text, where", [
    ("merge\t甲\t乙\n# ok\nfuse\t甲\t乙\n", r"m\.txt:3:"),
    ("  # fuse\t甲\t乙 was a mistake\nfuse\t甲\t乙\n", r"m\.txt:2: .*got 'fuse 甲 乙'$"),  # past a comment quoting it
], ids=["after-a-good-row", "past-a-quoting-comment"])
def test_a_malformed_merge_row_names_file_and_line(tmp_path, text, where):
    p = tmp_path / "m.txt"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=where):
        OrgResolver.from_files(p, None)


def test_shipped_tables_load():
    r = OrgResolver.from_files()
    assert r.subunit_suffixes and r.splits


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="市县区委局党组理论学习中心组卫健委生康XX**妇联 草林原", min_size=1, max_size=14))
def test_canonical_is_idempotent(name):
    r = default_resolver()
    once = r.canonical(name)
    assert r.canonical(once) == once


def test_numbered_groups_and_bare_groups():
    r = default_resolver()
    assert r.parent("市委政法委第二青年理论学习小组") == "市委政法委"
    assert r.parent("青年学习小组") is None


def test_fuzzy_needs_the_same_first_and_last_character_and_a_long_name():
    r = OrgResolver(merges={"乙县税务稽查": "乙县税务局稽查处"})
    assert r.canonical("乙县税务局稽察处") == "乙县税务局稽查处"  # 察/查: a typo
    assert r.canonical("甲县税务局稽查处") == "甲县税务局稽查处"  # another county's office: first character
    r = OrgResolver(merges={"甲甲": "甲乙丙丁戊己"})
    assert r.canonical("甲乙丙庚戊己") == "甲乙丙丁戊己"  # one character inside a six-character name
    assert r.canonical("甲乙丙丁戊庚") == "甲乙丙丁戊庚"  # the last character
    assert r.canonical("庚乙丙丁戊己") == "庚乙丙丁戊己"  # the first character
    assert r.canonical("甲乙庚庚戊己") == "甲乙庚庚戊己"  # two characters
    assert r.canonical("甲乙丙丁戊己庚") == "甲乙丙丁戊己庚"  # one more character
    r = OrgResolver(merges={"甲甲": "甲乙丙丁戊"})
    assert r.canonical("甲乙庚丁戊") == "甲乙庚丁戊"  # five characters: too short to call a typo


@pytest.mark.parametrize("row", ["merge\t甲局", "split\t甲局", "subunit\t学习小组\t甲局", "fuse\t甲\t乙"])
def test_every_malformed_merge_row_names_file_line_and_row(tmp_path, row):
    p = tmp_path / "m.txt"
    p.write_text(f"# rules\nmerge\t丙局\t丙管理局\n\n{row}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"m\.txt:4: expected 'merge A B', 'split A B' or 'subunit SUFFIX', got '"):
        OrgResolver.from_files(p, None)


def test_the_longest_suffix_alias_and_subunit_suffix_decide():
    r = OrgResolver(suffix_aliases={"健委": "健康委", "卫健委": "卫生健康委"},
                    subunit_suffixes=("学习小组", "青年理论学习小组"))
    assert r.canonical("市卫健委") == "市卫生健康委"
    assert r.parent("市税务局青年理论学习小组") == "市税务局"


def test_aliases_of_lists_every_spelling_that_leads_to_a_name():
    r = OrgResolver(merges={"甲局": "甲管理局", "甲管理局": "甲市管理局", "乙局": "乙管理局"},
                    suffix_aliases={"卫健委": "卫生健康委"})
    assert r.aliases_of("甲市管理局") == ["甲局", "甲管理局"]
    assert r.aliases_of("乙管理局") == ["乙局"]
    assert r.aliases_of("市卫生健康委") == ["市卫健委"] and r.aliases_of("卫生健康委") == []


def test_fuzzy_looks_at_every_known_name_and_refuses_one_guarded_character():
    r = OrgResolver(merges={"甲": "甲乙丙丁戊己", "庚": "甲乙丙丁戊辛", "壬": "甲乙丙丙丙己丙", "癸": "甲癸丙丁戊己"})
    assert r.canonical("甲乙丙丁子己") == "甲乙丙丁戊己"  # found after names of another length or ending
    assert r.canonical("甲乙丙局戊己") == "甲乙丙局戊己"  # 局 against 丁: one guarded character is enough


def test_shipped_alias_file_spellings_and_defaults(tmp_path):
    aliases = tmp_path / "a.txt"
    aliases.write_text("卫健委 => 卫生健康委\n=甲院 => 甲研究院\n", encoding="utf-8")
    r = OrgResolver.from_files(tmp_path / "none.txt", aliases)
    assert r.canonical("县卫健委") == "县卫生健康委"  # a suffix alias
    assert r.canonical("甲院") == "甲研究院" and r.canonical("乙甲院") == "乙甲院"  # = : the whole name only
    merges = tmp_path / "m.txt"
    merges.write_text("merge\t市林草局\t市林业和草原局\n", encoding="utf-8")
    assert OrgResolver.from_files(merges, None).canonical("市林业和草园局") == "市林业和草原局"  # fuzzy by default


def test_the_longest_subunit_suffix_decides_whatever_the_characters():
    # 小组 sorts after 学习小组 character by character: only the length may decide
    r = OrgResolver(subunit_suffixes=("小组", "学习小组"))
    assert r.parent("市统计局学习小组") == "市统计局"


def test_a_unit_part_of_one_character_is_no_unit():
    # an analyst's rule for a bare 局 renames 局, never 局党组 (a relative name placed per document)
    r = OrgResolver(merges={"局": "市统计局"}, subunit_suffixes=("党组",))
    assert r.canonical("局") == "市统计局"
    assert r.canonical("局党组") == "局党组"


def test_a_rule_whose_name_folds_to_nothing_changes_nothing():
    assert OrgResolver(merges={"**": "市委"}).canonical("XX") == ""
    assert OrgResolver(suffix_aliases={"": "委"}).canonical("市政府") == "市政府"


def test_from_files_can_turn_fuzzy_matching_off(tmp_path):
    merges = tmp_path / "m.txt"
    merges.write_text("merge\t市林草局\t市林业和草原局\n", encoding="utf-8")
    r = OrgResolver.from_files(merges, None, fuzzy=False)
    assert r.canonical("市林业和草园局") == "市林业和草园局"
    assert r.canonical("市林草局") == "市林业和草原局"


def test_aliases_of_leaves_out_a_spelling_the_analyst_split_off():
    r = OrgResolver(suffix_aliases={"卫健委": "卫生健康委"}, splits={frozenset(("市卫健委", "市卫生健康委"))})
    assert r.aliases_of("市卫生健康委") == []
    assert r.aliases_of("县卫生健康委") == ["县卫健委"]


def test_another_county_is_never_read_as_a_typo():
    r = OrgResolver(merges={"乙县税务局稽查": "乙县税务局稽查处"})
    assert r.canonical("甲县税务局稽查处") == "甲县税务局稽查处"
    assert r.canonical("乙县税务局稽察处") == "乙县税务局稽查处"


def test_fuzzy_looks_past_a_known_name_one_guarded_character_away():
    # 市交通三输局 (two characters away) and 市交通乡榆局 (乡 against 运: guarded) sort
    # before 市交通运输局, the real typo's target
    r = OrgResolver(merges={"甲": "市交通三输局", "乙": "市交通运输局", "丙": "市交通乡榆局"})
    assert r.canonical("市交通运榆局") == "市交通运输局"


def test_a_unit_merged_into_its_own_study_group_is_refused_with_its_line(tmp_path):
    p = tmp_path / "m.txt"
    p.write_text("subunit\t党组\nmerge\t市统计局\t市统计局党组\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"m\.txt:2: the merge rules lead 市统计局 into its own subunit"):
        OrgResolver.from_files(p, None)
    with pytest.raises(ValueError, match="市统计局"):
        OrgResolver(merges={"市统计局": "乙局党组", "乙局": "市统计局党组"}, subunit_suffixes=("党组",)).canonical("市统计局")


def test_no_unit_is_its_own_parent():
    # a numbered group's unit part resolves to the group itself: it has no parent
    r = OrgResolver(merges={"市统计局": "市统计局第二党组"}, subunit_suffixes=("党组",))
    assert r.canonical("市统计局") == "市统计局第二党组"
    assert r.parent("市统计局第二党组") is None
    assert r.parent("乙局第二党组") == "乙局"


def test_a_split_of_two_study_groups_holds_when_their_units_merge():
    r = OrgResolver(suffix_aliases={"卫健委": "卫生健康委"}, subunit_suffixes=("党组", "理论学习中心组"),
                    splits={frozenset(("市卫健委党组", "市卫生健康委党组"))})
    assert r.canonical("市卫健委") == "市卫生健康委"  # the units still merge
    assert r.canonical("市卫健委党组") == "市卫健委党组"
    assert r.canonical("市卫健委党组理论学习中心组") == "市卫健委党组理论学习中心组"
    assert r.parent("市卫健委党组理论学习中心组") == "市卫健委党组"
    assert r.canonical("县卫健委党组") == "县卫生健康委党组"
    r = OrgResolver(suffix_aliases={"卫健委": "卫生健康委"}, subunit_suffixes=("党组",),
                    splits={frozenset(("市卫健委", "市卫生健康委"))})
    assert r.canonical("市卫健委党组") == "市卫健委党组"  # a split of the units holds for their groups


def test_a_loop_through_the_alias_files_whole_name_rows_is_refused_with_its_line(tmp_path):
    aliases = tmp_path / "a.txt"
    aliases.write_text("卫健委 => 卫生健康委\n=市统计局 => 市统计局党组\n", encoding="utf-8")
    merges = tmp_path / "m.txt"
    merges.write_text("subunit\t党组\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"a\.txt:2: the merge rules lead 市统计局 into its own subunit"):
        OrgResolver.from_files(merges, aliases)


def test_from_files_reads_the_relative_names_it_is_given(tmp_path):
    relative = tmp_path / "r.txt"
    relative.write_text(open(RELATIVE_FILE, encoding="utf-8").read(), encoding="utf-8")
    r = OrgResolver.from_files(None, None, relative_path=relative)
    assert r.relative.is_relative("局党组")
    assert r.place("局党组", "市统计局", "d1") == ("市统计局党组", None)
    assert not OrgResolver.from_files(None, None, relative_path=None).relative.is_relative("局党组")

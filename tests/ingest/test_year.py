"""Year of a document."""
from __future__ import annotations

from kg.ingest.year import find_year


def test_title_year_wins():
    assert find_year("2023年度学习情况汇报", "2022年、2021年、2021年") == 2023


def test_date_line_at_the_end():
    assert find_year("讲话", "会上回顾了2021年的工作。\n2024年1月5日") == 2024


def test_chinese_numeral_date_line():
    assert find_year("讲话", "正文。\n二〇二三年十月十二日") == 2023


def test_targets_and_range_ends_ignored():
    assert find_year("报告", "到2035年基本实现现代化，实施（2021—2025年）规划。") is None


def test_none_when_unstated():
    assert find_year("讲话", "同志们：今年以来，我们扎实开展学习。") is None


def test_a_congress_report_is_dated_by_its_congress_not_by_the_years_it_names():
    text = "同志们！\n中国共产党第十二次全国代表大会，现在开幕了。1949年以来……到2000年……1949年……2000年。"
    assert find_year("在中国共产党第十二次全国代表大会上的报告", text) == 1982
    assert find_year("某报告 (十五大)", "1949年，1949年。") == 1997
    assert find_year("报告", "同志们：\n我受十四届中央委员会委托，向大会作报告。到2010年，2010年。") == 1997


def test_a_session_of_the_national_peoples_congress_dates_its_resolution():
    title = "第九届全国人民代表大会第三次会议关于政府工作报告的决议"
    assert find_year(title, "会议听取了政府工作报告。1999年……1999年。") == 2000
    assert find_year("决议", "第二届全国人民代表大会第三次会议听取了报告。1958年以来……") == 1962


def test_a_dateline_under_the_title_wins_over_years_in_the_text():
    text = "政府工作报告\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n2018年……2018年……2018年。"
    assert find_year("", text) == 2019


def test_a_meeting_named_only_as_a_subject_does_not_date_a_report():
    assert find_year("学习贯彻中国共产党第二十次全国代表大会精神的心得", "学习了二十大报告。") is None


# The congresses and sessions of record (not computed by the code under test).
CONGRESS_YEARS = [1921, 1921, 1923, 1945, 1969, 1973, 1977, 1982, 1987, 1992, 1997, 2002, 2007, 2012, 2017, 2022]
RESOLUTION_YEARS = {2: 2025, 4: 2024, 6: 2023, 8: 2022, 10: 2021, 11: 2020, 13: 2019, 15: 2018, 17: 2017, 19: 2016,
                    21: 2015, 23: 2014, 25: 2013, 27: 2012, 29: 2011, 31: 2010, 33: 2009, 35: 2008, 37: 2007, 65: 1962}


def test_every_year_of_the_national_reports_is_right(shared_dir):
    import json

    from kg.ingest import read_file

    extra = shared_dir / "corpus-extra"
    congress = read_file(extra / "cpc_congress_reports.jsonl")
    assert [d.year for d in congress] == CONGRESS_YEARS
    records = [json.loads(line) for line in (extra / "government_work_reports.jsonl").read_text(encoding="utf-8").splitlines()]
    reports = read_file(extra / "government_work_reports.jsonl")
    assert len(congress) + len(reports) == 88
    for n, (doc, rec) in enumerate(zip(reports, records), 1):
        expected = int(rec["year"]) if rec.get("year") else RESOLUTION_YEARS[n]
        assert doc.year == expected, (doc.doc_id, doc.title)

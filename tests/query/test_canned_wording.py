"""Every word a canned query shows the analyst is Chinese (issue 16: "done 已开展 / planned 计划", "masked").

The header of each ``queries/*.cypher`` file is what the 查询 page shows: its
title, its description, its parameters' labels and choices, its summary
line and its columns (named through :data:`kg.views.labels.COLUMN_NAMES`).
The allow-list of names and what counts as code are in :mod:`tests.wording`.
"""
from __future__ import annotations

import re

import pytest

from kg.query.catalog import QUERIES_DIR, load_catalog, parse_query_file
from kg.views.labels import name_column
from tests.wording import english_words

CATALOG = load_catalog()
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def shown_texts(query) -> dict[str, str]:
    """What the page shows of a query's header, by where it comes from."""
    texts = {"title": query.title, "description": query.description,
             "summary": _PLACEHOLDER.sub(" ", query.summary)}  # {unit}, {top:unit}: filled with data
    for p in query.params:
        texts[f"param {p.name} label"] = p.label
        for value, words in p.choice_labels:
            texts[f"param {p.name} choice {value}"] = words
    for c in query.columns:
        texts[f"column {c}"] = name_column(c)
    return texts


def test_the_check_sees_the_english_the_issue_found(tmp_path):
    path = tmp_path / "old_wording.cypher"
    path.write_text("// title: 单位的活动\n"
                    "// description: 状态可选 done 已开展 / planned 计划；masked 为脱敏数字\n"
                    "// param: status list default=done choices=done|planned label=状态\n"
                    "// columns: unit, shown_as_is\n"
                    "MATCH (o:Organization) WHERE size($status) >= 0 RETURN o.name AS unit, 1 AS shown_as_is\n",
                    encoding="utf-8")
    texts = shown_texts(parse_query_file(path))
    found = {where: english_words(t) for where, t in texts.items() if english_words(t)}
    assert found == {"description": ["done", "planned", "masked"], "column shown_as_is": ["shown_as_is"]}
    # a listed choice without words would be shown as its raw value
    assert [p.choice_labels for p in parse_query_file(path).params] == [()]


@pytest.mark.parametrize("query_id", sorted(CATALOG))
def test_a_canned_query_shows_no_english(query_id):
    assert (QUERIES_DIR / f"{query_id}.cypher").is_file()
    found = {where: words for where, t in shown_texts(CATALOG[query_id]).items() if (words := english_words(t))}
    assert not found, found


@pytest.mark.parametrize("query_id", sorted(CATALOG))
def test_every_listed_choice_has_chinese_words(query_id):
    for p in CATALOG[query_id].params:
        if isinstance(p.choices, tuple):  # listed in the header (a source such as "units" is data)
            words = dict(p.choice_labels)
            assert set(words) == set(p.choices), f"{query_id}: {p.name}: choices without words"

"""No page shows English a Chinese analyst would not expect (issue 16: "Upload", "200MB per file", "NetworkX").

Every text an element shows is read from the page as AppTest sees it:
headings, markdown and captions, messages, metric cards, widget labels,
options (as formatted), placeholders and help texts, tabs and expanders,
links, buttons and table headers. Data is left out where it is only data:
table cells and the body of a report in the document view. The Cypher tab is
left out too: its schema panel lists the graph's labels, relationship types
and properties, which a Cypher user types as they are. The allow-list is in
:mod:`tests.wording`.
"""
from __future__ import annotations

import pytest

from tests.app.app_helpers import PAGES, open_app, sample_graph_file, use_graph  # noqa: F401
from tests.wording import english_words

_FIELDS = ("label", "body", "help", "placeholder", "options")


def ui_texts(at) -> list[str]:
    """Every piece of text the page's elements show, data cells and a report's body excepted."""
    out: list[str] = []
    for node in [*at.sidebar, *at.main]:
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = proto.WhichOneof("type") if hasattr(proto, "WhichOneof") and proto.DESCRIPTOR.oneofs_by_name.get(
            "type") else None
        if kind:  # a block (expander, tab…) or an element wrapper: read its inner message
            proto = getattr(proto, kind)
        for field, value in proto.ListFields() if hasattr(proto, "ListFields") else ():
            if field.name not in _FIELDS:
                continue
            for text in ([value] if isinstance(value, str) else list(value) if field.name == "options" else []):
                text = getattr(text, "label", text)  # options of some widgets are messages with a label
                if isinstance(text, str) and "class='kg-doc'" not in text:
                    out.append(text)
    for frame in list(at.dataframe) + list(at.table):
        out += [str(c) for c in frame.value.columns]
    return out


def english_on(at) -> dict[str, list[str]]:
    return {t[:60]: words for t in ui_texts(at) if (words := english_words(t))}


def test_the_reader_sees_what_a_user_sees(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    texts = ui_texts(open_app("app_pages/data.py"))
    # the uploader's label, the store switch as formatted, an expander-free page's subheaders, a help text
    assert any("单个文件不超过 200 MB" in t for t in texts), texts
    assert "本地图谱" in texts and "networkx" not in texts
    assert "3. 导出图谱" in texts and any("不会写入磁盘" in t for t in texts)
    assert english_words("networkx · Upload · 200MB per file") == ["networkx", "Upload", "per", "file"]


@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_english(page, sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert not english_on(at)


def test_an_answer_shows_no_english(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app("app_pages/ask.py", question="哪些单位开展了读书班？")
    assert not at.exception and at.success, "the question was answered"
    assert not english_on(at)


def test_a_missing_value_is_an_empty_cell_not_none(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app("app_pages/ask.py", question="市妇联开展了哪些活动？")
    assert not at.exception and at.dataframe, "the answer has a table"
    cells = [v for frame in at.dataframe for col in frame.value.columns for v in frame.value[col]]
    assert "" in cells, "the sample answer has an activity without a year"
    assert not [v for v in cells if v is None or v != v], "a cell shows None"

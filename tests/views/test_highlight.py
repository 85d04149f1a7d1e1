from kg.views.highlight import Highlight, collect_highlights, render_highlight_html, split_segments


def test_highlights_of_a_document(small_graph):
    text = small_graph.nodes["Document:a"]["text"]
    hs = collect_highlights(small_graph, "Document:a")
    got = {(text[h.start:h.end], h.kind) for h in hs}
    assert ("市妇联", "Organization") in got and ("市委党校", "Organization") in got
    assert ("四个意识", "Slogan") in got and ("3期", "Metric") in got and ("**次", "Metric") in got
    assert ("读书班", "Activity") in got and ("专题研讨", "Activity") in got
    # the title line mentions 市妇联 too: every occurrence is marked
    assert sum(1 for h in hs if h.kind == "Organization" and text[h.start:h.end] == "市妇联") == 2


def test_highlights_never_overlap(small_graph):
    hs = collect_highlights(small_graph, "Document:b")
    for a, b in zip(hs, hs[1:]):
        assert a.end <= b.start


def test_segments_rebuild_the_text():
    text = "市妇联举办读书班"
    hs = [Highlight(0, 3, "Organization", "市妇联", "o"), Highlight(5, 8, "Activity", "读书班", "a")]
    segments = split_segments(text, hs)
    assert "".join(piece for piece, _ in segments) == text
    assert [h.kind if h else None for _, h in segments] == ["Organization", None, "Activity"]


def test_html_escapes_text_and_marks_kinds():
    out = render_highlight_html("<i>市妇联\n读书班", [Highlight(3, 6, "Organization", "市妇联", "o")])
    assert out.startswith("&lt;i&gt;<mark class=\"kg-Organization\"")
    assert "title=\"单位：市妇联\"" in out and "<br>读书班" in out


def test_a_material_stored_without_its_book_marks_is_marked_where_the_text_writes_them():
    import networkx as nx

    text = "重点学习了《习近平谈治国理政》第四卷，做到学思用贯通。"
    g = nx.MultiDiGraph()
    g.add_node("Document:d", label="Document", doc_id="d", text=text)
    g.add_node("Material:m", label="Material", name="习近平谈治国理政第四卷")
    g.add_edge("Document:d", "Material:m", type="MENTIONS", doc_id="d", surface="习近平谈治国理政（第四卷）",
               start=0, end=len(text))
    (h,) = collect_highlights(g, "Document:d")
    assert (text[h.start:h.end], h.kind) == ("《习近平谈治国理政》第四卷", "Material")

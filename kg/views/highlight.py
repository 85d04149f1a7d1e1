"""A document's text with its extracted items marked, as safe HTML.

Analysts trust a fact when they can see the words it came from; the
document view marks every unit, activity, figure, slogan and material in
the running text, coloured by kind, and lists them beside it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .labels import LABEL_COLOURS, describe_node_name, name_label

__all__ = ["Highlight", "collect_highlights", "split_segments", "render_highlight_html", "HIGHLIGHT_KINDS"]

HIGHLIGHT_KINDS = ("Organization", "Activity", "Metric", "Slogan", "Material")


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # a node label from HIGHLIGHT_KINDS
    name: str  # the node's display name
    node: str  # the node id, to link to the explorer


def _find_all(text: str, needle: str, lo: int = 0, hi: int | None = None):
    hi = len(text) if hi is None else hi
    if not needle:
        return
    i = text.find(needle, lo, hi)
    while i != -1:
        yield i, i + len(needle)
        i = text.find(needle, i + len(needle), hi)


_MARKS = "《》〈〉（）()“”\"'‘’「」"


def _loose_pattern(needle: str) -> re.Pattern | None:
    """A pattern matching ``needle`` with book-title marks, brackets and quotes anywhere or nowhere.

    A material is stored as 习近平谈治国理政（第四卷） and written 《习近平谈治国理政》第四卷.

    >>> _loose_pattern("习近平谈治国理政（第四卷）").search("学习了《习近平谈治国理政》第四卷。").group(0)
    '《习近平谈治国理政》第四卷'
    """
    chars = [c for c in needle if c not in _MARKS]
    if len(chars) < 2:
        return None
    gap = "[" + re.escape(_MARKS) + "]*"
    return re.compile(gap + gap.join(map(re.escape, chars)) + gap.replace("*", "?"))


def collect_highlights(graph, doc_node: str, names=None) -> list[Highlight]:
    """Every marked span of one document, read from the graph.

    Units, slogans and materials are marked wherever the document spells
    them (its ``MENTIONS`` edges give the spellings); a spelling found
    nowhere (a material written with its book-title marks elsewhere) is
    looked for in its sentence with the marks ignored. Activities and
    figures are marked inside the sentence they were read from. With
    ``names`` (kg.views.display) the tooltips name units as a reader would.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> text = "市妇联举办读书班3期。市妇联增强四个意识。"
    >>> g.add_node("Document:d", label="Document", doc_id="d", text=text)
    >>> g.add_node("Organization:市妇联", label="Organization", name="市妇联", aliases=[])
    >>> _ = g.add_edge("Document:d", "Organization:市妇联", type="MENTIONS", doc_id="d", surface="市妇联")
    >>> g.add_node("Metric:d@0", label="Metric", doc_id="d", surface="3期", value=3.0, unit="期", start=0, end=11)
    >>> [(h.start, h.end, h.kind) for h in collect_highlights(g, "Document:d")]
    [(0, 3, 'Organization'), (8, 10, 'Metric'), (11, 14, 'Organization')]
    """
    attrs = graph.nodes[doc_node]
    text = attrs.get("text") or ""
    doc_id = attrs.get("doc_id")
    found: list[Highlight] = []
    for _, other, data in graph.out_edges(doc_node, data=True):
        if data.get("type") != "MENTIONS":
            continue
        other_attrs = graph.nodes[other]
        kind = other_attrs.get("label")
        if kind not in HIGHLIGHT_KINDS:
            continue
        stored = describe_node_name(other_attrs)
        name = names.node_name(other_attrs) if names is not None else stored
        needles = {data.get("surface"), stored, *(other_attrs.get("aliases") or ())}
        before = len(found)
        for needle in filter(None, needles):
            found.extend(Highlight(s, e, kind, name, other) for s, e in _find_all(text, needle))
        if len(found) == before:
            lo, hi = data.get("start") or 0, data.get("end") or len(text)
            for needle in filter(None, needles):
                pattern = _loose_pattern(needle)
                m = pattern.search(text, lo, hi) if pattern else None
                if m:
                    found.append(Highlight(m.start(), m.end(), kind, name, other))
                    break
    for node, node_attrs in graph.nodes(data=True):
        kind = node_attrs.get("label")
        if kind not in ("Activity", "Metric") or node_attrs.get("doc_id") != doc_id:
            continue
        needle = node_attrs.get("surface") if kind == "Metric" else node_attrs.get("name")
        lo, hi = node_attrs.get("start") or 0, node_attrs.get("end") or len(text)
        span = next(_find_all(text, needle or "", lo, hi), None)
        if span:
            found.append(Highlight(span[0], span[1], kind, describe_node_name(node_attrs), node))
    if names is not None:  # an activity's or figure's name may quote a unit's stored name
        found = [Highlight(h.start, h.end, h.kind, names.text(h.name), h.node) for h in found]
    return _drop_overlaps(found)


def _drop_overlaps(highlights: list[Highlight]) -> list[Highlight]:
    # Longest first at each position; a span overlapping a kept one is dropped.
    kept: list[Highlight] = []
    end = -1
    for h in sorted(set(highlights), key=lambda h: (h.start, -(h.end - h.start), h.kind)):
        if h.start >= end:
            kept.append(h)
            end = h.end
    return kept


def split_segments(text: str, highlights: list[Highlight]) -> list[tuple[str, Highlight | None]]:
    """Cut the text into plain and highlighted pieces, in order.

    >>> h = Highlight(2, 4, "Slogan", "四风", "Slogan:四风")
    >>> split_segments("纠治四风问题", [h])
    [('纠治', None), ('四风', Highlight(start=2, end=4, kind='Slogan', name='四风', node='Slogan:四风')), ('问题', None)]
    """
    segments: list[tuple[str, Highlight | None]] = []
    pos = 0
    for h in sorted(highlights, key=lambda h: h.start):
        if h.start < pos:
            continue
        if h.start > pos:
            segments.append((text[pos:h.start], None))
        segments.append((text[h.start:h.end], h))
        pos = h.end
    if pos < len(text):
        segments.append((text[pos:], None))
    return segments


def render_highlight_html(text: str, highlights: list[Highlight]) -> str:
    """The text as HTML, every highlight a coloured ``<mark>`` with a tooltip.

    Text is escaped, so a document containing ``<script>`` shows it as text.

    >>> render_highlight_html("<b>四风", [Highlight(3, 5, "Slogan", "四风", "Slogan:四风")])
    '&lt;b&gt;<mark class="kg-Slogan" style="background:#CC79A733;border-bottom:2px solid #CC79A7;padding:0 1px" title="提法：四风">四风</mark>'
    """
    parts = []
    for piece, h in split_segments(text, highlights):
        body = html.escape(piece).replace("\n", "<br>")
        if h is None:
            parts.append(body)
            continue
        colour = LABEL_COLOURS.get(h.kind, "#888888")
        title = html.escape(f"{name_label(h.kind)}：{h.name}", quote=True)
        parts.append(
            f'<mark class="kg-{h.kind}" style="background:{colour}33;border-bottom:2px solid {colour};'
            f'padding:0 1px" title="{title}">{body}</mark>'
        )
    return "".join(parts)

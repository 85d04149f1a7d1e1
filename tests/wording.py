"""What counts as English a Chinese analyst would not expect, for the tests of the app's and the queries' words.

Issue 16 found "done 已开展 / planned 计划" and "masked" in query descriptions,
"Upload" and "200MB per file" in the uploader and "NetworkX" in the sidebar.
:func:`english_words` returns the Latin-letter words of a text that are not
on :data:`ALLOWED`. The allow-list holds only names that have no Chinese
form an analyst would recognise better:

- ``Cypher``, ``Neo4j``: the query language the Cypher tab takes and the
  server the analyst connects to, named as their own tools name them;
- ``CSV``, ``Excel``, ``JSON Lines``, ``GraphML``, ``Gephi``, ``yEd``,
  ``neo4j-admin``: download and export formats and the programs that open
  them, as the files and programs call themselves;
- ``txt``, ``docx``, ``pdf``, ``jsonl``: the file types the uploader
  accepts, written as the file names end;
- ``MB``: the size unit (the upload limit, 200 MB);
- ``URI``: the Neo4j connection address, as the driver and Neo4j's own
  documents name it (the field reads 地址（URI）);
- ``XX``, ``xx``: the mark reports use for a hidden figure (XX篇), quoted
  where a description explains masked figures.

Code is not prose and is left out before words are read: HTML tags and
style sheets, a Cypher parameter written ``$name``, a node id's label
(``Organization:市妇联``, the form links and the hover text of a heading
use) and an absolute file path (the graph file the data page names, the
folder an example placeholder shows).
"""
from __future__ import annotations

import re

__all__ = ["ALLOWED", "english_words"]

ALLOWED = frozenset({
    "Cypher", "Neo4j",
    "CSV", "Excel", "JSON", "Lines", "GraphML", "Gephi", "yEd", "neo4j-admin",
    "txt", "docx", "pdf", "jsonl",
    "MB",
    "URI",
    "XX", "xx",
})

_HIDDEN = re.compile(r"<(style|script)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_NODE_ID = re.compile(r"\b[A-Z][A-Za-z]*:(?=\S)")
_PARAMETER = re.compile(r"\$[A-Za-z_]\w*")
_PATH = re.compile(r"(?<![\w/])/[\w.\-/]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*")


def english_words(text: str) -> list[str]:
    """The words of ``text`` in Latin letters that are neither allowed names nor code.

    >>> english_words("状态：done 已开展 / planned 计划；下载 CSV；$unit；/tmp/g/graph.pickle")
    ['done', 'planned']
    >>> english_words("<style>p { display: none; }</style><span style='color:#888'>单位</span> 200 MB")
    []
    >>> english_words("编号：Organization:市妇联；Organization 单位")
    ['Organization']
    """
    text = _TAG.sub(" ", _HIDDEN.sub(" ", text))
    text = _PATH.sub(" ", _NODE_ID.sub(" ", _PARAMETER.sub(" ", text)))
    return [w for w in _WORD.findall(text) if w not in ALLOWED]

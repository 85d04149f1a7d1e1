"""Materials (SCHEMA §3, §6): 《titles》 that a unit studied or read.

Why a clause rule: a 《title》 in a report is as often something the unit
made (制定了《…实施方案》), gave (作了题为《…》的报告) or was printed in
(被《…》一书收录) as something it read. What decides is the verb in the
clause before the title — 学习, 研读, 通读, 领学, 诵读 (``study_verbs.txt``)
— unless a making/giving word stands there too or right after the title
(``material_reject.txt``). Titles in one run (《A》《B》和《C》) share the
verb. A volume written after the title stays with it (《…》第四卷).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import lexicon_path, read_wordlist
from .base import Context, evidence_item, register

__all__ = ["extract_materials", "find_materials"]

_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_VOLUME = re.compile(r"^\s*([（(]?第[一二三四五六七八九十0-9]+卷[）)]?|[（(]?[上中下]册[）)]?)")
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")
_LEAD_CHARS = 14
_RUN_GLUE = re.compile(r"^[、，和及与以及\s]*$")


@lru_cache(maxsize=None)
def _words(name: str) -> tuple[str, ...]:
    return tuple(sorted((e.word for e in read_wordlist(lexicon_path(name))), key=len, reverse=True))


def find_materials(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every studied title in ``text`` (one sentence).

    >>> [m[0] for m in find_materials("小组成员诵读了《习近平谈治国理政》第四卷的内容")]
    ['习近平谈治国理政（第四卷）']
    >>> find_materials("制定了《关于青年理论学习小组学习的实施方案》")
    []
    >>> [m[0] for m in find_materials("分别作了题为《青春心向党》《奋斗正当时》等述学演讲")]
    []
    """
    study, reject = _words("study_verbs"), _words("material_reject")
    out = []
    prev_end, prev_ok = -1, False
    for m in _TITLE.finditer(text):
        if prev_end >= 0 and _RUN_GLUE.match(text[prev_end:m.start()]):
            ok = prev_ok
        else:
            clause_start = 0
            for c in _CLAUSE_END.finditer(text, 0, m.start()):
                clause_start = c.end()
            lead = text[max(clause_start, m.start() - _LEAD_CHARS):m.start()].replace("学习强国", "")
            ok = any(w in lead for w in study) and not any(w in lead for w in reject)
        after = text[m.end():m.end() + 8]
        name = m.group(1).strip()
        vol = _VOLUME.match(after)
        end = m.end()
        if vol:
            v = vol.group(1).strip("（）()")
            name = f"{name}（{v}）"
            end += vol.end()
        if ok and not any(after.startswith(w) or after.lstrip("一书").startswith(w) for w in reject if len(w) > 1):
            if name:
                out.append((name, m.start(), end))
        prev_end, prev_ok = end, ok
    return out


@register("materials")
def extract_materials(ctx: Context) -> list[dict]:
    """``[{name, evidence, start, end}]``: one item per studied title and sentence.

    >>> from kg.document import Document
    >>> doc = Document(doc_id="d", title="", text="深入学习《习近平谈治国理政》（第四卷）。印发《学习方案》。")
    >>> [m["name"] for m in extract_materials(Context.from_document(doc))]
    ['习近平谈治国理政（第四卷）']
    """
    out, seen = [], set()
    for sent in ctx.sentences:
        if "《" not in sent.norm:
            continue
        for name, _, _ in find_materials(sent.norm):
            key = (name, sent.index)
            if key not in seen:
                seen.add(key)
                out.append(evidence_item(sent, name=name))
    return out

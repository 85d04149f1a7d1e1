"""A refused or failed query explained in Chinese, the engine's English kept as the detail.

The guard, the parser and the engines speak English ("no viable alternative
at input …", "write clause 'DETACH' refused at 1:10 …"). An analyst reads the
Chinese line; a Neo4j user who wants the exact words opens the detail.
"""
from __future__ import annotations

import re

from ..errors import CypherSyntaxError, KGError, QueryRefused, QueryTimeout, WriteQueryRefused
from ..graph.schema import NODE_LABELS, REL_TYPES
from .labels import LABEL_NAMES, REL_NAMES

__all__ = ["explain_query_error"]

_AT = re.compile(r"at (\d+):(\d+)")
_WRITE = re.compile(r"'(.+?)' refused at (\d+):(\d+)")
_FUNCTION = re.compile(r"function (\S+\(\)) refused at (\d+):(\d+)")
_UNKNOWN = re.compile(r"unknown (node label|relationship type|property) '([^']+)'")


def _where(message: str) -> str:
    m = _AT.search(message)
    return f"第 {m.group(1)} 行第 {int(m.group(2)) + 1} 个字符附近" if m else ""


def explain_query_error(err: Exception) -> tuple[str, str]:
    """(Chinese explanation, English detail) for an error a query raised.

    >>> from kg.errors import WriteQueryRefused
    >>> explain_query_error(WriteQueryRefused("'DETACH DELETE n' refused at 1:10: queries here only read"))[0]
    '只允许只读查询：第 1 行第 11 个字符处的 DETACH DELETE n 会修改图谱或读写文件，已拒绝执行。请用 MATCH … RETURN … 查询。'
    >>> from kg.errors import QueryRefused
    >>> explain_query_error(QueryRefused("function range() refused at 1:12: not one of the functions"))[0]
    '第 1 行第 13 个字符处的函数 range() 不在允许的函数之列，已拒绝执行。'
    >>> explain_query_error(CypherSyntaxError("Cypher syntax error at 2:4: no viable alternative at input 'x'"))[0]
    'Cypher 语法错误（第 2 行第 5 个字符附近）：请检查括号、引号、逗号和关键字的拼写。'
    """
    detail = str(err)
    if isinstance(err, WriteQueryRefused):
        m = _WRITE.search(detail)
        if m:
            return (f"只允许只读查询：第 {m.group(2)} 行第 {int(m.group(3)) + 1} 个字符处的 {m.group(1)} 会修改图谱或读写文件，"
                    "已拒绝执行。请用 MATCH … RETURN … 查询。", detail)
        if "more than one statement" in detail:
            return "一次只能运行一条语句：请去掉中间的分号，分开运行。", detail
        return "只允许只读查询：这条语句会修改图谱或调用过程，已拒绝执行。请用 MATCH … RETURN … 查询。", detail
    if isinstance(err, QueryRefused):
        m = _FUNCTION.search(detail)
        if m:
            return (f"第 {m.group(2)} 行第 {int(m.group(3)) + 1} 个字符处的函数 {m.group(1)} 不在允许的函数之列，"
                    "已拒绝执行。", detail)
        return "这条查询用到了不允许的子句或函数，已拒绝执行。", detail
    if isinstance(err, CypherSyntaxError):
        if "empty query" in detail:
            return "请输入一条 Cypher 查询，例如 MATCH (o:Organization) RETURN o.name LIMIT 10。", detail
        if "unclosed" in detail:
            return f"Cypher 语法错误（{_where(detail)}）：有未闭合的引号、注释或反引号。", detail
        where = _where(detail)
        return f"Cypher 语法错误{'（' + where + '）' if where else ''}：请检查括号、引号、逗号和关键字的拼写。", detail
    if isinstance(err, QueryTimeout):
        return "查询超时：可以缩小查询范围（加条件或 LIMIT），或调高超时。", detail
    m = _UNKNOWN.search(detail)
    if m:
        kind, name = m.groups()
        if kind == "node label":
            known = "、".join(f"{label}（{LABEL_NAMES[label]}）" for label in NODE_LABELS)
            return f"图谱中没有节点类型「{name}」。节点类型有：{known}。", detail
        if kind == "relationship type":
            known = "、".join(f"{t}（{REL_NAMES[t]}）" for t in REL_TYPES)
            return f"图谱中没有关系类型「{name}」。关系类型有：{known}。", detail
        return f"图谱中没有属性「{name}」。各类节点的属性见左侧「图谱结构」。", detail
    if "does not exist" in detail and "function" in detail.lower():
        fn = re.search(r"function (\w+) does not exist", detail, re.I)
        name = fn.group(1) if fn else ""
        return f"内置引擎不支持函数 {name}。可改写查询，或连接 Neo4j 后再运行。", detail
    if isinstance(err, KGError):
        return "查询失败：请检查查询语句。", detail
    return "查询失败。", detail

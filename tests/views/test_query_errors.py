import pytest

from kg.errors import CypherSyntaxError, QueryError, WriteQueryRefused
from kg.query.guard import check_read_only
from kg.query.parse import check_schema, check_syntax
from kg.views.query_errors import explain_query_error


def _raised(fn, cypher):
    with pytest.raises(Exception) as info:
        fn(cypher)
    return info.value


@pytest.mark.parametrize("fn, cypher, words", [
    (check_syntax, "MATCH (n RETURN n", "Cypher 语法错误（第 1 行"),
    (check_read_only, "MATCH (n) DETACH DELETE n", "只允许只读查询：第 1 行第 11 个字符处的 DETACH"),
    (check_read_only, "MATCH (n) RETURN n; MATCH (m) RETURN m", "一次只能运行一条语句"),
    (check_schema, "MATCH (o:Organisation) RETURN o", "图谱中没有节点类型「Organisation」"),
    (check_schema, "MATCH ()-[:ECHO]->() RETURN 1", "图谱中没有关系类型「ECHO」"),
])
def test_the_engine_english_becomes_a_chinese_line_with_the_english_kept(fn, cypher, words):
    err = _raised(fn, cypher)
    assert isinstance(err, (CypherSyntaxError, WriteQueryRefused, QueryError))
    chinese, detail = explain_query_error(err)
    assert chinese.startswith(words), chinese
    assert detail == str(err) and "no viable alternative" not in chinese and "refused" not in chinese

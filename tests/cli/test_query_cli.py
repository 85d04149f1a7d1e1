"""kg/cli/query.py and kg/cli/ask.py end to end on the hand-made graph saved as a file."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "graph" / "small_graph.py"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    from kg.store import save_graph

    spec = importlib.util.spec_from_file_location("kg_test_small_graph_cli", FIXTURE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(save_graph(module.build_small_graph(), tmp_path_factory.mktemp("g") / "graph.pickle"))


def test_list_names_every_canned_query(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "units_by_activity" in out and "哪些单位开展了某类活动" in out and "unit=…(单位)" in out


def test_show_prints_the_file(capsys):
    assert main(["query", "slogan_reach", "--show"]) == 0
    assert capsys.readouterr().out.startswith("// title: 提法热度")


def test_canned_query_as_table(graph_file, capsys):
    assert main(["query", "units_by_activity", "--param", "category=读书班", "--graph", graph_file]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split()[:2] == ["unit", "doc_id"] and len(lines) == 4  # done only, by default
    assert "2 个单位开展了“读书班”（状态：已开展" in captured.err


def test_canned_query_as_json(graph_file, capsys):
    assert main(["query", "slogan_reach", "--param", "top=2", "--format", "json", "--graph", graph_file]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["query"] == "slogan_reach" and payload["params"] == {"top": 2}
    assert payload["rows"] == [["两个确立", 3, 3], ["四敢争先", 2, 2]]


def test_adhoc_cypher_as_csv_with_typed_params(graph_file, capsys):
    code = main(["query", "--cypher", "MATCH (d:Document) WHERE d.year = $y RETURN d.doc_id AS doc ORDER BY doc",
                 "--param", "y=2023", "--format", "csv", "--graph", graph_file])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff"), "a CSV without a byte-order mark shows Chinese as mojibake in Excel"
    assert list(csv.reader(io.StringIO(out[1:]))) == [["doc"], ["doc_a#1"], ["doc_a#2"], ["doc_e#1"]]


def test_canned_query_as_xlsx_and_csv_files(graph_file, tmp_path):
    from openpyxl import load_workbook

    xlsx, csv_file = tmp_path / "读书班.xlsx", tmp_path / "读书班.csv"
    for fmt, path in (("xlsx", xlsx), ("csv", csv_file)):
        assert main(["query", "units_by_activity", "--param", "category=读书班", "--param", "status=done,planned",
                     "--format", fmt, "--output", str(path), "--graph", graph_file]) == 0
    sheet = load_workbook(xlsx).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["unit", "doc_id"] and {r[0] for r in rows[1:]} == {"市卫生健康委", "市妇联", "市税务局"}
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [r[0] for r in csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig")))][1:] == [r[0] for r in rows[1:]]


def test_xlsx_is_refused_on_a_terminal(graph_file, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert main(["query", "slogan_reach", "--format", "xlsx", "--graph", graph_file]) != 0
    assert "--output" in capsys.readouterr().err


def test_row_cap_is_reported(graph_file, capsys):
    assert main(["query", "--cypher", "MATCH (a:Activity) RETURN a.id", "--limit", "2", "--graph", graph_file]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 4 and "截断" in captured.err


@pytest.mark.parametrize("argv, message", [
    (["query", "--cypher", "MATCH (n) DETACH DELETE n"], "'DETACH DELETE n' refused at 1:10"),
    (["query", "--cypher", "MATCH (n RETURN n"], "Cypher syntax error at 1:"),
    (["query", "--cypher", "MATCH (n:Person) RETURN n"], "unknown node label 'Person'"),
    (["query", "slogan_rech"], "did you mean slogan_reach"),
    (["query", "unit_profile"], "parameter 'unit' is required"),
    (["query", "slogan_reach", "--param", "top=many"], "'many' is not a int"),
    (["query"], "give a canned query NAME or --cypher"),
])
def test_errors_are_one_line_messages(graph_file, capsys, argv, message):
    assert main(argv + ["--graph", graph_file]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_missing_graph_file_says_how_to_build(tmp_path, capsys):
    assert main(["query", "masked_figures", "--graph", str(tmp_path / "none.pickle")]) == 2
    assert "python -m kg build" in capsys.readouterr().err


def test_ask_answers_and_shows_the_query(graph_file, capsys):
    assert main(["ask", "哪些单位开展了读书会？", "--graph", graph_file]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("理解为：找出单位；活动类别＝读书班；状态＝已开展。→ 查询“哪些单位开展了这些活动”\n"
                                   "2 个单位开展了“读书班”（状态：已开展")
    assert "查询：find_units" in captured.err and "category=读书班, mode='any', status=done" in captured.err
    assert main(["ask", "今年市妇联开展了哪些活动", "--graph", graph_file]) == 0
    assert "\n未能使用：“今年”" in capsys.readouterr().out


def test_ask_falls_back_with_exit_code_one(graph_file, capsys):
    assert main(["ask", "今天天气怎么样", "--graph", graph_file]) == 1
    out = capsys.readouterr().out
    assert out.startswith("理解为：没有识别出要问什么\n没能理解这个问题。可以这样问：") and "可以这样问" in out


def test_ask_as_json(graph_file, capsys):
    assert main(["ask", "市税务局报告了什么数据？", "--format", "json", "--graph", graph_file]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["query"] == "find_figures" and payload["params"]["unit"] == ["市税务局"]
    assert payload["understood"] == "理解为：列出数据；单位＝市税务局。→ 查询“按条件查数据”" and payload["unused"] == []
    assert len(payload["rows"]) == 2


def test_a_query_or_a_question_never_loads_the_builds_similarity_search():
    # datasketch (the passage links' MinHash) imports scipy: 0.45 s of a first `kg query`, which
    # needs neither. Asked in a fresh process, since this one has imported everything.
    code = ("import sys, kg.cli, kg.cli.query, kg.query.engines, kg.query.ask, kg.app.state; "
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"

import pytest
import json

from bench.measure import percentile, run_measured
from bench.run import format_markdown, format_table, score_predictions


def _result(n, scale):
    return {
        "n": n,
        "corpus": {"documents": n, "files": n // 2, "bytes": 3000 * n, "text_bytes_utf8": 2900 * n},
        "throughput": {"jieba_mb_s": 0.8, "extract_mb_s": 2.0, "ratio": 2.5, "read_mb_s": 40.0},
        "build_j1": {"seconds": 10.0 * scale, "peak_tree_rss_mb": 200.0 * scale},
        "build_jall": {"seconds": 6.0 * scale, "peak_tree_rss_mb": 300.0 * scale},
        "graph": {"nodes": 100 * n, "relationships": 300 * n, "build_seconds": 0.5 * scale},
        "queries": {"canned": {"a": {"p50_ms": 3.0, "p95_ms": 5.0, "rows": 2}, "b": {"error": "QueryError: x"}},
                    "questions": None, "engine_load_seconds": 0.3},
        "accuracy": {"documents_matched": n, "organizations": {"f1": 0.9}},
    }


def test_table_shows_each_size_and_the_growth_of_costs():
    text = format_table([_result(1000, 1), _result(10000, 12)])
    assert "N=1,000" in text and "N=10,000" in text
    build_row = next(line for line in text.splitlines() if "build --jobs 1 s" in line)
    assert "10.0" in build_row and "120.0" in build_row and "12.0" in build_row
    speedup_row = next(line for line in text.splitlines() if "speed-up" in line)
    assert "1.67×" in speedup_row
    assert "questions" not in text  # no figure, no row


def test_markdown_lists_every_canned_query_with_its_error():
    md = format_markdown([_result(1000, 1)])
    assert "| a | 3.0 | 5.0 | 2 |" in md
    assert "| b | QueryError: x | | |" in md


def test_percentile_interpolates():
    assert percentile(list(range(1, 101)), 95) == 95.05


def test_scorer_runs_on_planted_truth_when_present(shared_dir, tmp_path):
    from bench.corpus import read_gold, write_corpus

    write_corpus(tmp_path, 8, seed=2)
    gold = read_gold(tmp_path / "gold.jsonl")
    # a perfect prediction built from the gold itself scores 1.0 on every field it carries
    with open(tmp_path / "pred.jsonl", "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps({
                "doc_id": g["doc_id"], "source": g["source"], "title": g["title"],
                "reporting_org": g["reporting_org"][0],
                "organizations": [{"name": o[0], "aliases": o[1:]} for o in g["organizations"]],
                "slogans": [{"canonical": s} for s in g["slogans"]],
                "metrics": g["metrics"],
                "activities": [{"category": c} for c in g["activity_types"]],
            }, ensure_ascii=False) + "\n")
    summary = score_predictions(tmp_path / "gold.jsonl", tmp_path / "pred.jsonl")
    assert summary["documents_matched"] == 8
    for field in ("organizations", "slogans", "metrics", "activity_types"):
        assert summary[field]["f1"] == 1.0, field


def test_a_measured_step_reports_time_and_memory(tmp_path):
    from bench.corpus import write_corpus
    from bench.steps import step_build  # noqa: F401  (the step module imports cleanly)

    write_corpus(tmp_path / "c", 3, seed=4)
    result = run_measured(["build", str(tmp_path / "c" / "files"), "--graph", str(tmp_path / "g.pickle"),
                           "--jobs", "1"])
    assert result["added"] == 3 and result["wall_seconds"] > 0 and result["peak_rss_mb"] > 10


def test_snapshot_freezes_package_data_and_queries(tmp_path):
    from bench.run import snapshot_code

    dest = snapshot_code(tmp_path)
    for path in ("bench/steps.py", "kg/graph/build.py", "data/lexicon", "data/bench/organs.txt", "queries"):
        assert (dest / path).exists(), path
    assert not list(dest.rglob("__pycache__")) and not (dest / "bench" / "out").exists()


def test_repeated_builds_take_turns_and_keep_each_ones_fastest(monkeypatch, tmp_path):
    from bench import run

    times = iter([30.0, 20.0, 40.0, 25.0])
    calls = []

    def fake_step(name, args, log, timeout):
        calls.append(args[args.index("--jobs") + 1])
        return {"seconds": next(times)}

    monkeypatch.setattr(run, "_step", fake_step)
    res = {"build_j1": {"seconds": 50.0}, "build_jall": {"seconds": 35.0}}
    run._repeat_builds(res, tmp_path, tmp_path / "g.pickle", 2, 3, log=lambda m: None, timeout=None)
    assert calls == ["1", "2", "1", "2"]
    assert res["build_j1"] == {"seconds": 30.0, "seconds_runs": [50.0, 30.0, 40.0]}
    assert res["build_jall"] == {"seconds": 20.0, "seconds_runs": [35.0, 20.0, 25.0]}


def test_throughput_step_times_both_contenders_over_the_same_documents(tmp_path):
    from bench.corpus import write_corpus
    from bench.steps import step_throughput

    write_corpus(tmp_path / "c", 6, seed=3)
    pred = tmp_path / "pred.jsonl"
    r = step_throughput([str(tmp_path / "c" / "files")], str(pred))
    assert r["documents"] == 6 and r["file_errors"] == 0
    assert len(pred.read_text(encoding="utf-8").splitlines()) == 6
    assert r["jieba_tokens"] > 0 and sum(r["found"].values()) > 0
    assert r["ratio"] == pytest.approx(r["jieba_seconds"] / r["extract_seconds"])

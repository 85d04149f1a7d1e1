"""Extraction on several cores (kg/build/workers.py): order kept, work shared, abandoned work cancelled."""
from __future__ import annotations

import os
import time

from kg.build import extract_files, file_sha256


def _file_jobs(folder, n: int, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """``n`` small report files and their ``(path, sha256)`` extraction jobs."""
    paths = []
    for k in range(n):
        path = folder / f"{k:02d}.txt"
        path.write_text(f"第{k}份报告。{text}", encoding="utf-8")
        paths.append(str(path))
    return paths, [(p, file_sha256(p)) for p in paths]


def _slow_pid_extract(doc) -> dict:
    time.sleep(0.01)
    return {"doc_id": doc.doc_id, "pid": os.getpid()}


def test_parallel_extraction_shares_work_with_the_main_process_and_keeps_order(tmp_path):
    paths, jobs = _file_jobs(tmp_path, 40, "市妇联开展集中学习。")
    results = list(extract_files(jobs, workers=2, extract_fn=_slow_pid_extract))
    assert [r.path for r in results] == paths
    pids = {record["pid"] for r in results for _, record in r.docs}
    assert os.getpid() in pids and len(pids) == 2  # the main process took chunks, one worker the rest


def _traced_extract(doc) -> dict:
    time.sleep(0.01)
    with open(os.environ["KG_TEST_TRACE"], "a", encoding="utf-8") as fh:
        fh.write(doc.doc_id + "\n")
    return {"doc_id": doc.doc_id}


def test_an_abandoned_parallel_extraction_cancels_the_files_not_started(tmp_path, monkeypatch):
    trace = tmp_path / "trace.txt"
    monkeypatch.setenv("KG_TEST_TRACE", str(trace))
    paths, jobs = _file_jobs(tmp_path, 60, "")
    results = extract_files(jobs, workers=2, extract_fn=_traced_extract)
    first = next(results)
    results.close()  # the caller stops (an error, Ctrl-C): the pool shuts down without the rest
    assert first.path == paths[0]
    read = trace.read_text(encoding="utf-8").split()
    assert 0 < len(read) < 40, len(read)  # 20 chunks of 3: only those already under way were read

"""``python -m kg build`` (kg/cli/build.py): the local and the cluster build from the command line."""
from __future__ import annotations

import socket

import pytest
from tests.graph_helpers import graph_facts

from kg.cli import main
from kg.store import load_graph


def test_the_samples_on_a_cluster_give_the_graph_of_jobs_1(dask_cluster, samples_dir, tmp_path, capsys):
    local, remote = tmp_path / "local.pickle", tmp_path / "cluster.pickle"
    assert main(["build", str(samples_dir), "--graph", str(local), "--jobs", "1", "--no-progress"]) == 0
    assert main(["build", str(samples_dir), "--graph", str(remote), "--cluster", dask_cluster.address]) == 0
    err = capsys.readouterr().err
    assert f"extract on {dask_cluster.address}" in err and "11/11" in err  # the progress bar: files done/total
    assert graph_facts(load_graph(remote)) == graph_facts(load_graph(local))
    assert main(["build", str(samples_dir), "--graph", str(remote), "--cluster", dask_cluster.address]) == 0
    assert "(0 files read, 11 unchanged)" in capsys.readouterr().out


def test_the_progress_bar_counts_the_files_that_failed(samples_dir, tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("市妇联学习计划\n市妇联开展集中学习3次。\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    (folder / "empty.txt").write_bytes(b"")
    assert main(["build", str(folder), "--graph", str(tmp_path / "g.pickle"), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert "3/3" in captured.err and "errors=2" in captured.err
    assert "error: " in captured.out and "broken.pdf" in captured.out


def test_an_unreachable_scheduler_is_one_line_naming_its_address(samples_dir, tmp_path, capsys):
    pytest.importorskip("distributed", reason="dask.distributed is the optional cluster extra")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"  # nothing listens once it is closed
    code = main(["build", str(samples_dir), "--graph", str(tmp_path / "g.pickle"), "--cluster", address,
                 "--cluster-timeout", "1"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"kg build: error: cannot reach the Dask scheduler at {address}")
    assert not (tmp_path / "g.pickle").exists()


def test_jobs_and_cluster_exclude_each_other(samples_dir, capsys):
    with pytest.raises(SystemExit):
        main(["build", str(samples_dir), "--jobs", "2", "--cluster", "local:2"])
    assert "not allowed with argument" in capsys.readouterr().err

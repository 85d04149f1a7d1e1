"""Timing and memory helpers of the benchmark: percentiles, measured subprocesses.

Each heavy step runs in its own process so its peak memory is its own (a
process never gives memory back, so in-process figures would blur the
steps together); the parent samples the whole process tree's RSS, which
counts extraction workers too.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

__all__ = ["percentile", "run_measured", "machine_info", "StepFailed"]


class StepFailed(RuntimeError):
    """A measured step exited non-zero; carries the tail of its stderr."""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), linear between closest ranks.

    >>> percentile([1, 2, 3, 4], 50), percentile([5.0], 95), percentile([1, 2, 3, 4, 5], 95)
    (2.5, 5.0, 4.8)
    """
    if not values:
        raise ValueError("no values")
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _tree_rss(proc) -> tuple[int, int]:
    import psutil

    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0, 0
    total = biggest = 0
    for p in procs:
        try:
            rss = p.memory_info().rss
        except psutil.Error:
            continue
        total += rss
        biggest = max(biggest, rss)
    return total, biggest


def run_measured(args: list[str], *, timeout: float | None = None, env: dict | None = None,
                 cwd: str | os.PathLike | None = None) -> dict:
    """Run ``python -m bench.steps ARGS``; its JSON result plus wall time and peak RSS.

    ``peak_rss_mb`` is the largest single process, ``peak_tree_rss_mb`` the
    largest sum over the process and its workers (sampled every 100 ms).
    """
    import psutil

    cmd = [sys.executable, "-m", "bench.steps", *args]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                            env={**os.environ, **(env or {})})
    ps = psutil.Process(proc.pid)
    peak = {"tree": 0, "one": 0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            total, biggest = _tree_rss(ps)
            peak["tree"] = max(peak["tree"], total)
            peak["one"] = max(peak["one"], biggest)
            done.wait(0.1)  # a sample costs ~1.5 ms of CPU: more often would slow the step it measures

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        done.set()
        raise StepFailed(f"{' '.join(args[:2])}: gave up after {timeout:g} s")
    finally:
        done.set()
        sampler.join()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-8:]
        raise StepFailed(f"{' '.join(args[:2])} exited {proc.returncode}: " + " | ".join(tail))
    lines = [ln for ln in out.decode("utf-8").splitlines() if ln.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    result.update(wall_seconds=wall, peak_rss_mb=peak["one"] / 2**20, peak_tree_rss_mb=peak["tree"] / 2**20,
                  loadavg_before=load_before)
    return result


def machine_info() -> dict:
    """The facts a reader needs to compare figures: cores, memory, Python, load."""
    import platform

    import psutil

    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": platform.processor() or platform.machine(),
        "loadavg_1m": round(os.getloadavg()[0], 2),
    }

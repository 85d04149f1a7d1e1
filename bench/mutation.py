"""Mutation testing, one module at a time against its own test folder (run by hand, never in CI).

    python bench/mutation.py kg/ingest/decode.py              # mutate, test, tally (tests/ingest/)
    python bench/mutation.py kg/build/                        # each module of a package, one after another
    python bench/mutation.py kg/extract/metrics.py --rerun    # only re-check last run's survivors
    python bench/mutation.py kg/query/guard.py --show         # the survivors' diffs, to write tests from

Why: a test suite that passes says nothing about what it would catch. A
mutant is the module with one small change (an operator flipped, a constant
altered, a line dropped); a good suite fails on it. The score is the share of
mutants some test catches; the survivors show where a behaviour has no test.

How: mutmut (3.x) in a scratch copy of the working tree (``--work``, default
``/tmp/kg-mutation``), so the checkout is never touched. Each module is run
against the mirrored test folder (``kg/extract/orgs/names.py`` →
``tests/extract/``), without ``../shared`` (``KG_SHARED`` points nowhere: the
suite must catch a break on a machine without the corpus) and without the
Neo4j and browser tests. mutmut forks each mutant from one process that has
already imported everything, so a mutant in code that runs at import time or
whose result is cached looks like a survivor; every survivor is therefore run
again in a fresh process (``MUTANT_UNDER_TEST`` set, the whole test folder,
``-x``), and only what survives that counts. A mutant that makes the tests
time out counts as caught.

CPU: ``--jobs`` (default 1) is mutmut's parallelism; a module takes from a few
minutes (decode, 200 mutants) to about an hour (metrics, 700 mutants) on a
quiet core. Results go to ``<work>/<module>/result.json`` and a Markdown row is
printed for docs/testing.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTEST_ARGS = ["-p", "no:cacheprovider", "-m", "not neo4j and not browser", "-o", "addopts="]
CAUGHT = {"killed", "timeout", "caught by type check", "segfault", "suspicious"}
# mutmut's exit codes (mutmut/stats.py)
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          35: "suspicious", 36: "timeout", 37: "caught by type check", 24: "timeout", -24: "timeout",
          152: "timeout", 255: "timeout", -11: "segfault", -9: "segfault", None: "not checked"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mirrored_tests(module: str) -> str:
    """The test folder that mirrors a module: ``kg/a/b/c.py`` → ``tests/a/``.

    >>> mirrored_tests("kg/extract/orgs/names.py"), mirrored_tests("kg/ingest/decode.py")
    ('tests/extract/', 'tests/ingest/')
    """
    parts = Path(module).parts
    if len(parts) < 3 or parts[0] != "kg":
        raise SystemExit(f"{module}: expected a module under kg/<stage>/")
    return f"tests/{parts[1]}/"


def expand(target: str) -> list[str]:
    """A module, or every module of a package folder (``__init__.py`` left out)."""
    path = REPO / target
    if path.is_dir():
        return sorted(str(p.relative_to(REPO)) for p in path.rglob("*.py") if p.name != "__init__.py")
    if not path.is_file():
        raise SystemExit(f"{target}: no such module")
    return [target]


def copy_tree(dest: Path) -> None:
    """The working tree as it is (tracked and untracked, not ignored files), without .git."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                           check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = REPO / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def configure(dest: Path, module: str, tests: list[str]) -> None:
    extra = [p for p in ("data", "queries", "bench", "app_pages", "app.py", "tools") if (dest / p).exists()]
    with open(dest / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write(
            "\n[tool.mutmut]\n"
            'source_paths = ["kg"]\n'
            f"only_mutate = [{json.dumps(module)}]\n"
            f"also_copy = {json.dumps(extra)}\n"
            f"pytest_add_cli_args = {json.dumps(PYTEST_ARGS)}\n"
            f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
            "use_git_change_detection = false\n"
        )


# Collects the test folder twice in one process, as mutmut does (it collects, then runs each mutant's
# tests by node id in the same or a forked process), and prints the node ids the second collection lost:
# pytest escapes explicit non-ASCII ``ids=`` in place, so their tests are "not found" the second time,
# and mutmut counts every mutant they cover as killed.
_PREFLIGHT = """
import sys, pytest
class Ids:
    def __init__(self):
        self.ids = set()
    def pytest_collection_modifyitems(self, items):
        self.ids |= {item.nodeid for item in items}
first, second = Ids(), Ids()
args = ["--collect-only", "-q", *sys.argv[1:]]
pytest.main(args, plugins=[first])
pytest.main(args, plugins=[second])
print("\\n".join(sorted(first.ids - second.ids)), file=sys.stderr)
"""


def check_collection(dest: Path, tests: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-c", _PREFLIGHT, *PYTEST_ARGS, *tests], cwd=dest, capture_output=True,
                          text=True, env={**os.environ, "KG_SHARED": "/nonexistent"})
    lost = proc.stderr.strip()
    if lost:
        raise SystemExit(f"{' '.join(tests)}: these tests are not found when collected a second time in one process, so "
                         f"mutmut would count their mutants killed; give them ASCII ids=:\n{lost}")


def watch(proc: subprocess.Popen, hang: float) -> set[str]:
    """Wait for mutmut, killing any forked mutant asleep for ``hang`` seconds; their names.

    A mutant is forked from a process whose native libraries (the query
    engine) have started threads; a lock one of them held stays locked in
    the child, which then sleeps forever on it (no CPU, so mutmut's CPU-time
    limit never fires). A mutant that has used no CPU for ``hang`` seconds
    and waits on no process of its own is killed here and tested again in a
    fresh process.
    """
    import psutil

    hung: set[str] = set()
    seen: dict[int, tuple[float, float]] = {}  # pid -> (CPU seconds, when they last grew)
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        time.sleep(1)
        try:
            children = parent.children()
        except psutil.NoSuchProcess:
            break
        now = time.monotonic()
        for child in children:
            try:
                title = " ".join(child.cmdline())
                if not title.startswith("mutmut: "):
                    continue
                cpu = sum(child.cpu_times()[:2])
                last_cpu, since = seen.get(child.pid, (-1.0, now))
                if cpu != last_cpu or child.children():
                    seen[child.pid] = (cpu, now)
                elif now - since > hang:
                    hung.add(title.removeprefix("mutmut: ").strip())
                    child.kill()
            except psutil.NoSuchProcess:
                pass
    return hung


def statuses(dest: Path, module: str) -> dict[str, str]:
    meta = dest / "mutants" / (module + ".meta")
    data = json.loads(meta.read_text(encoding="utf-8"))
    return {name: STATUS.get(code, "suspicious") for name, code in data["exit_code_by_key"].items()}


def mirrored_test_file(module: str) -> list[str]:
    """The module's own test file when it exists (``kg/a/b.py`` → ``tests/a/test_b.py``), to be run first."""
    path = Path(mirrored_tests(module)) / ("test_" + Path(module).name)
    return [str(path)] if (REPO / path).is_file() else []


def rerun(dest: Path, name: str, tests: list[list[str]], timeout: float) -> str:
    """One mutant in fresh processes: the module's own test file, then (if it passed) the whole test folder.

    The own file first only makes a kill come sooner; a survivor has passed the whole folder.
    """
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "KG_SHARED": "/nonexistent"}
    for target in tests:
        try:
            proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", *PYTEST_ARGS, *target],
                                  cwd=dest / "mutants", env=env, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout"
        if proc.returncode not in (0, 5):
            return "killed"
    return {0: "survived", 5: "no tests"}[proc.returncode]


def save(result_file: Path, module: str, tests: list[str], status: dict[str, str], not_rerun: int = 0) -> dict:
    """Write the tally so far; a mutant not yet re-run in a fresh process counts as a survivor."""
    caught = sum(st in CAUGHT for st in status.values())
    result = {"module": module, "tests": " ".join(tests), "mutants": len(status), "caught": caught,
              "score": round(100 * caught / len(status), 1) if status else None,
              "survivors": sorted(n for n, st in status.items() if st not in CAUGHT),
              "not_rerun": not_rerun,
              "status": status}
    result_file.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def run_module(module: str, args) -> dict:
    tests = args.tests or [mirrored_tests(module)]
    dest = Path(args.work) / module.replace("/", "_").removesuffix(".py")
    result_file = dest / "result.json"
    mutmut = [sys.executable, "-m", "mutmut"]
    env = {**os.environ, "KG_SHARED": "/nonexistent"}
    if not args.rerun:
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        copy_tree(dest)
        configure(dest, module, tests)
        check_collection(dest, tests)
        started = time.monotonic()
        proc = subprocess.Popen([*mutmut, "run", "--max-children", str(args.jobs)], cwd=dest, env=env,
                                stdout=subprocess.DEVNULL)
        hung = watch(proc, args.hang)
        print(f"{module}: mutmut run took {time.monotonic() - started:.0f} s", file=sys.stderr)
        status = statuses(dest, module)
        for name in hung:  # killed by the watchdog, not by a test: decided by the re-run
            status[name] = "not checked"
    else:
        if _digest(dest / module) != _digest(REPO / module):
            raise SystemExit(f"{module} changed since its run: run it again without --rerun")
        # the rest of the working tree (tests, data, other modules) may have changed: copy it in again
        fresh = dest / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir()
        copy_tree(fresh)
        (fresh / module).unlink()
        shutil.copytree(fresh, dest / "mutants", dirs_exist_ok=True)
        shutil.rmtree(fresh)
        status = json.loads(result_file.read_text(encoding="utf-8"))["status"]
    # the test folder's own time sets the timeout of a re-run
    started = time.monotonic()
    base = subprocess.run([sys.executable, "-m", "pytest", "-q", *PYTEST_ARGS, *tests], cwd=dest / "mutants",
                          env={**env, "MUTANT_UNDER_TEST": ""}, capture_output=True, text=True, check=False)
    if base.returncode != 0:
        print(base.stdout[-3000:], file=sys.stderr)
        raise SystemExit(f"{module}: {' '.join(tests)} fail without any mutant (see above); fix them first")
    timeout = 10 * (time.monotonic() - started) + 30
    own = mirrored_test_file(module)
    ordered = [own, tests] if own and own != tests else [tests]
    pending = sorted(name for name, st in status.items() if st not in CAUGHT)
    result = save(result_file, module, tests, status, len(pending))
    for left, name in enumerate(pending, 1):
        status[name] = rerun(dest, name, ordered, timeout)
        # saved after each: an interrupted run leaves its tally so far; --rerun re-checks what is not caught
        result = save(result_file, module, tests, status, len(pending) - left)
    if args.show:
        for name in result["survivors"]:
            diff = subprocess.run([*mutmut, "show", name], cwd=dest, capture_output=True, text=True).stdout
            print(diff)
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modules", nargs="+", help="kg/… module paths or package folders")
    ap.add_argument("--tests", nargs="+", help="test folder or files (default: the mirrored folder); a narrower "
                    "selection for a module whose folder is too slow per mutant (say so in docs/testing.md)")
    ap.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default 1)")
    ap.add_argument("--work", default="/tmp/kg-mutation", help="scratch folder (default /tmp/kg-mutation)")
    ap.add_argument("--rerun", action="store_true", help="only re-check the last run's survivors with the current tests")
    ap.add_argument("--hang", type=float, default=15,
                    help="seconds without CPU after which a forked mutant is deemed hung and re-run fresh (default 15)")
    ap.add_argument("--show", action="store_true", help="print each survivor's diff")
    args = ap.parse_args(argv)
    rows = []
    for target in args.modules:
        for module in expand(target):
            r = run_module(module, args)
            rows.append(f"| {module} | {r['tests']} | {r['mutants']} | {r['mutants'] - r['caught']} | {r['score']} % |")
            print(rows[-1], flush=True)
    print("\n| module | tests | mutants | survivors | score |\n| --- | --- | --- | --- | --- |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()

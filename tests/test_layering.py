"""The layout keeps its promises: imports point down the stages, no two modules need each other,
and an import inside a function says why it is lazy.

Read from the source (ast), nothing is imported. The stages, lowest first; a module may import
its own stage and lower ones. app and cli are two entry points on one level: neither imports the
other. build runs ingest, extract, graph and store over files, so it sits above them, and above
query so that it may also prepare what query reads; views hold the app's logic.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"

STAGES = [
    {"errors"},  # shared leaves: the exceptions,
    {"document", "lexicon"},  # the document every stage passes on, the word lists' reader
    {"ingest"},
    {"extract"},
    {"graph"},
    {"store"},
    {"query"},
    {"build"},
    {"views"},
    {"app", "cli"},
]
TOP = {"__init__", "__main__"}  # kg's own face and `python -m kg`: above every stage
LAZY_MARK = "# lazy:"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def room(module: str) -> str:
    """The stage folder or top-level module of ``kg.x.y``: ``x`` (``__init__`` for kg itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def rank(module: str) -> int:
    name = room(module)
    if name in TOP:
        return len(STAGES)
    return next(i for i, stage in enumerate(STAGES) if name in stage)


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    is_package = MODULES[module].name == "__init__.py"
    base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str) -> list[tuple[str, int]]:
    """``(kg module imported, line)``: import statements anywhere, and a package face's lazy table."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            for alias in node.names:  # `from . import slogans` imports the module kg.extract.slogans
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in MODULES else target, node.lineno))
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_LAZY" for t in node.targets):
            found += [(c.value, c.lineno) for c in ast.walk(node.value)  # `_LAZY = {"name": "kg.graph.build"}`
                      if isinstance(c, ast.Constant) and isinstance(c.value, str) and c.value.startswith("kg.")]
    return [(name, line) for name, line in found if name == "kg" or name.startswith("kg.")]


def _known(name: str) -> str | None:
    # `kg.graph.build.add_document` in a lazy table names a module by its longest known prefix.
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def test_every_room_of_kg_has_a_stage():
    rooms = {room(m) for m in MODULES}
    placed = set().union(*STAGES) | TOP
    assert rooms <= placed, f"place {sorted(rooms - placed)} in STAGES (tests/test_layering.py)"


def test_imports_point_down_the_stages():
    wrong = []
    for module in MODULES:
        for name, line in imports_of(module):
            target = _known(name)
            if target is None or room(target) == room(module) or module == "kg":
                continue
            if rank(target) >= rank(module):
                wrong.append(f"{MODULES[module].relative_to(PACKAGE.parent)}:{line} imports {target} "
                             f"({room(module)} may not import {room(target)})")
    assert not wrong, "\n".join(wrong)


def _graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for module in MODULES:
        for name, _ in imports_of(module):
            target = _known(name)
            if target and target != module:
                edges[module].add(target)
    return edges


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_modules_import_each_other():
    circles = _circles(_graph())
    assert not circles, "modules that import each other (move what they share to a third): " + "; ".join(
        " <-> ".join(c) for c in circles)


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def _lazy_reason(lines: list[str], line: int) -> bool:
    # The import's own line, or the imports and comments right above it, say "# lazy: why".
    k = line - 1
    while k >= 0:
        text = lines[k].strip()
        if LAZY_MARK in lines[k]:
            return True
        if k != line - 1 and not (text.startswith(("#", "import ", "from "))):
            return False
        k -= 1
    return False


@pytest.mark.parametrize("module", sorted(MODULES))
def test_an_import_inside_a_function_says_why_it_is_lazy(module):
    source = MODULES[module].read_text(encoding="utf-8")
    lines = source.splitlines()
    where = MODULES[module].relative_to(PACKAGE.parent)
    functions = [f for f in ast.walk(ast.parse(source)) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
    inside = {node.lineno for f in functions for node in ast.walk(f) if isinstance(node, (ast.Import, ast.ImportFrom))}
    unexplained = [f"{where}:{n}: {lines[n - 1].strip()}" for n in sorted(inside) if not _lazy_reason(lines, n)]
    assert not unexplained, ("import at the top of the module, or say which heavy optional import this avoids "
                             f"with '{LAZY_MARK} …':\n" + "\n".join(unexplained))


def test_the_lazy_rule_reads_comments_and_import_blocks():
    lines = ["def f():", "    x = 1", "    # lazy: heavy", "    import a", "    import b", "    y = 2", "    import c"]
    assert [_lazy_reason(lines, n) for n in (4, 5, 7)] == [True, True, False]

"""The app's graph: built from the corpus on first start, cached, reloaded when it changes.

One graph serves every session (``st.cache_resource``). It is rebuilt when
the corpus changes (content fingerprint) and reloaded when the graph file
changes (e.g. after a build on the 数据 page). The Neo4j connection lives in
session state only: its password is never written to disk.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import streamlit as st

from ..build import build_store
from ..errors import ConfigError, GraphBusy
from ..query.engines import open_engine
from ..store import default_graph_path, load_graph
from ..views.facts import collect_facts
from ..views.fingerprint import content_fingerprint, list_corpus_files, stat_signature

__all__ = [
    "REPO",
    "corpus_dir",
    "graph_path",
    "get_graph",
    "graph_token",
    "get_facts",
    "build_into_graph",
    "neo4j_settings",
    "check_neo4j",
    "neo4j_engine",
    "configure_logging",
]

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent.parent
CORPUS_ENV = "KG_CORPUS"


def configure_logging() -> None:
    """Quiet jieba's start-up chatter; keep our warnings."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("jieba").setLevel(logging.WARNING)


def corpus_dir() -> Path | None:
    """The folder built on first start: ``$KG_CORPUS``, else ``data/samples``; None when set empty."""
    env = os.environ.get(CORPUS_ENV)
    if env is None:
        return REPO / "data" / "samples"
    return Path(env).expanduser() if env.strip() else None


def graph_path() -> Path:
    """The graph file, from the store's default (``$KG_GRAPH`` overrides)."""
    return default_graph_path()


@st.cache_resource(show_spinner=False)
def _registry() -> dict:
    return {"lock": threading.Lock(), "entries": {}}


@st.cache_data(show_spinner=False, max_entries=8)
def _fingerprint(signature: tuple) -> str:
    return content_fingerprint([Path(p) for p, _, _ in signature])


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def get_graph():
    """The current graph; builds the corpus first when it changed (with a progress bar)."""
    path = graph_path()
    corpus = corpus_dir()
    key = _fingerprint(stat_signature(list_corpus_files(corpus))) if corpus is not None else ""
    reg = _registry()
    with reg["lock"]:
        entry = reg["entries"].get(str(path))
        if entry and entry["corpus"] == key and entry["mtime"] == _mtime(path):
            return entry["graph"]
        built = key
        if corpus is not None and corpus.is_dir() and (entry is None or entry["corpus"] != key):
            try:
                _build_with_progress(corpus, first=not path.exists())
            except GraphBusy as err:  # a command-line build is writing it: show what is there, try again later
                st.warning(f"图谱文件正在被另一个构建写入，先显示现有图谱；稍后刷新页面即可看到更新。（{err}）",
                           icon=":material/hourglass_top:")
                built = None
        graph = load_graph(path, missing_ok=True)
        reg["entries"][str(path)] = {"corpus": built, "mtime": _mtime(path), "graph": graph}
        return graph


def _build_with_progress(corpus: Path, *, first: bool) -> None:
    # The progress box goes once the graph is ready, so it never sits above the page's title.
    box = st.empty()
    with box.container():
        label = "首次启动：正在从语料构建知识图谱……" if first else "语料或抽取规则有变化：正在更新知识图谱……"
        with st.status(label, expanded=True):
            summary = build_into_graph([corpus], prune=True, label="构建进度")
    box.empty()
    n = len(summary.added) + len(summary.updated) + len(summary.unchanged)
    st.toast(f"图谱已就绪：{n} 篇文档（{summary.seconds:.1f} 秒）", icon=":material/check_circle:")


def graph_token() -> str:
    """Changes whenever the loaded graph does; a cache key for what is derived from it."""
    path = graph_path()
    entry = _registry()["entries"].get(str(path)) or {}
    return f"{path}|{entry.get('mtime')}|{entry.get('corpus')}"


@st.cache_resource(show_spinner=False, max_entries=4)
def _facts_for(token: str, _graph):
    return collect_facts(_graph)


def get_facts(graph=None):
    """Flat fact tables of the current graph, computed once per graph."""
    graph = get_graph() if graph is None else graph
    return _facts_for(graph_token(), graph)


def build_into_graph(paths, *, prune: bool = False, store: str = "networkx", neo4j: dict | None = None,
                     label: str = "构建进度"):
    """Run :func:`kg.build.build_store` with a progress bar; returns its summary."""
    bar = st.progress(0.0, text=f"{label}：正在检查文件……")
    state = {"total": 0, "done": 0}

    def on_plan(total: int) -> None:
        state["total"] = total
        bar.progress(0.0, text=f"{label}：需要读取 {total} 个文件")

    def on_file(result) -> None:
        state["done"] += 1
        total = max(state["total"], state["done"])
        bar.progress(state["done"] / total, text=f"{label}：{state['done']}/{total} {Path(result.path).name}")

    started = time.perf_counter()
    summary = build_store(paths, store=store, graph_path=graph_path(), prune=prune, jobs=1, neo4j=neo4j,
                          progress=on_file, on_plan=on_plan)
    # The whole build as the user waited for it (loading, extraction, saving, syncing), not only its update step.
    summary.seconds = max(summary.seconds, time.perf_counter() - started)
    bar.progress(1.0, text=f"{label}：完成（{summary.seconds:.1f} 秒）")
    return summary


def neo4j_settings() -> dict | None:
    """The Neo4j connection the user entered in this session, if any."""
    return st.session_state.get("neo4j_settings")


def check_neo4j(settings: dict):
    """Connect with these settings (checking server, login, database); returns a query engine.

    The engine lives in this session's state only, like the password.
    """
    return open_engine("neo4j", neo4j={k: v for k, v in settings.items() if v})


def neo4j_engine():
    """The query engine on the Neo4j server this session connected to."""
    engine = st.session_state.get("neo4j_engine")
    if engine is None:
        settings = neo4j_settings()
        if not settings:
            raise ConfigError("没有连接 Neo4j", hint="在「数据」页填写 Neo4j 连接信息")
        engine = st.session_state["neo4j_engine"] = check_neo4j(settings)
    return engine

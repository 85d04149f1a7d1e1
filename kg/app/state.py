"""The app's graph: built from the corpus on first start, cached, reloaded when it changes.

One graph serves every session (``st.cache_resource``). It is rebuilt when
the corpus changes (content fingerprint) and reloaded when the graph file
changes (e.g. after a build on the 数据 page). Most pages never load the
graph itself: the dashboard's facts, the query pickers and the answers come
from the query database the build wrote beside the graph file
(:func:`get_engine`, opened in a tenth of a second, its canned queries
warmed up once the first page is drawn); only the pages that walk the
graph (图谱, 文档, 数据) load it (:func:`get_graph`). The Neo4j connection
lives in session state only: its password is never written to disk.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import streamlit as st

import orjson

from ..build import build_store, rules_digest
from ..errors import ConfigError, GraphBusy
from ..query.catalog import warm_up
from ..query.database import open_query_database
from ..query.engines import open_engine
from ..store import default_graph_path, load_graph
from ..store.digest import recorded_digest
from ..views.facts import Facts, collect_facts_from_engine
from ..views.insights import Insights, choices_for_timelines, summarize_insights
from ..views.fingerprint import content_fingerprint, list_corpus_files, stat_signature

__all__ = [
    "REPO",
    "corpus_dir",
    "graph_path",
    "ensure_graph",
    "get_graph",
    "get_engine",
    "warm_up_engine",
    "graph_token",
    "get_facts",
    "get_counts",
    "get_insights",
    "get_timeline_choices",
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


def _built_record(path: Path) -> Path:
    return path.with_name(path.name + ".corpus")


def _corpus_built(path: Path, corpus: Path, key: str) -> bool:
    """Whether the graph file is this corpus's build, under today's rules (recorded after it).

    Saves a fresh server the incremental build's check, which loads the
    whole graph; anything that does not match (another corpus, changed
    files or rules, a graph file replaced since) builds as before.
    """
    try:
        record = orjson.loads(_built_record(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    digest = recorded_digest(path)
    return (isinstance(record, dict) and digest is not None
            and record == {"corpus": str(corpus), "fingerprint": key, "rules": rules_digest(), "graph": digest})


def _record_built(path: Path, corpus: Path, key: str) -> None:
    digest = recorded_digest(path)
    if digest is None:
        return
    record = {"corpus": str(corpus), "fingerprint": key, "rules": rules_digest(), "graph": digest}
    try:
        _built_record(path).write_bytes(orjson.dumps(record))
    except OSError as err:
        log.warning("cannot note the corpus build beside %s: %s", path, err)


def ensure_graph() -> dict:
    """Bring the graph file up to date with the corpus (with a progress bar); its registry entry.

    The graph itself is not loaded here: see :func:`get_graph`.
    """
    path = graph_path()
    corpus = corpus_dir()
    key = _fingerprint(stat_signature(list_corpus_files(corpus))) if corpus is not None else ""
    reg = _registry()
    with reg["lock"]:
        entry = reg["entries"].get(str(path))
        if entry and entry["corpus"] == key and entry["mtime"] == _mtime(path):
            return entry
        built = key
        if corpus is not None and corpus.is_dir() and (entry is None or entry["corpus"] != key) \
                and not _corpus_built(path, corpus, key):
            try:
                _build_with_progress(corpus, first=not path.exists())
                _record_built(path, corpus, key)
            except GraphBusy as err:  # a command-line build is writing it: show what is there, try again later
                st.warning(f"图谱文件正在被另一个构建写入，先显示现有图谱；稍后刷新页面即可看到更新。（{err}）",
                           icon=":material/hourglass_top:")
                built = None
        entry = reg["entries"][str(path)] = {"corpus": built, "mtime": _mtime(path), "graph": None}
        return entry


def get_graph():
    """The current NetworkX graph (loaded once per version of the file), built first when the corpus changed."""
    entry = ensure_graph()
    with _registry()["lock"]:
        if entry["graph"] is None:
            entry["graph"] = load_graph(graph_path(), missing_ok=True)
        return entry["graph"]


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
    """Changes whenever the graph file does; a cache key for what is derived from it."""
    path = graph_path()
    entry = _registry()["entries"].get(str(path)) or {}
    return f"{path}|{entry.get('mtime')}|{entry.get('corpus')}"


@st.cache_resource(show_spinner=False, max_entries=2)
def _engine_for(token: str, path: str):
    if _mtime(Path(path)) is None:
        return None
    engine = open_query_database(path)
    engine.warmed = threading.Event()
    return engine


def get_engine():
    """The embedded engine over the graph file's query database (None while there is no graph file).

    Opened once per version of the graph file and shared by every session;
    the database was written by the build, so nothing is copied here.
    """
    ensure_graph()
    return _engine_for(graph_token(), str(graph_path()))


def warm_up_engine() -> None:
    """Warm the engine's canned queries up in the background, once per engine.

    Called after a page is drawn, so the warm-up never slows the first page
    but the analyst's first query finds the database pages read and the
    queries checked. ``KG_WARM_UP=0`` turns it off: a test session opens a
    hundred graphs, and each warm-up ran every canned query beside its test.
    """
    if os.environ.get("KG_WARM_UP", "1") == "0":
        return
    engine = get_engine()
    if engine is None or engine.warmed.is_set():
        return
    engine.warmed.set()
    # Not a daemon (which a thread started from Streamlit's script thread would be by default): a process
    # that exits waits for the warm-up (seconds at most); a thread stopped inside the engine aborts it.
    threading.Thread(target=warm_up, args=(engine,), name="kg-warm-up", daemon=False).start()


@st.cache_resource(show_spinner=False, max_entries=4)
def _facts_for(token: str, _engine) -> Facts:
    return Facts() if _engine is None else collect_facts_from_engine(_engine)


def get_facts() -> Facts:
    """Flat fact tables of the current graph, read from its query database once per version."""
    engine = get_engine()  # first: it brings the graph up to date, which the token then names
    return _facts_for(graph_token(), engine)


@st.cache_resource(show_spinner=False, max_entries=4)
def _counts_for(token: str, _engine) -> tuple[int, int]:
    if _engine is None:
        return 0, 0
    nodes = _engine.run_columns("MATCH (n) RETURN count(n) AS n")["n"][0]
    edges = _engine.run_columns("MATCH ()-[r]->() RETURN count(r) AS n")["n"][0]
    return nodes, edges


def get_counts() -> tuple[int, int]:
    """The graph's node and relationship counts, asked of the query database."""
    engine = get_engine()
    return _counts_for(graph_token(), engine)


@st.cache_resource(show_spinner=False, max_entries=4)
def _insights_for(token: str, _engine) -> Insights:
    return Insights(counts=dict.fromkeys(("passages", "problems", "planned_done", "planned_open"), 0)) \
        if _engine is None else summarize_insights(_engine)


def get_insights() -> Insights:
    """Shared passages, problems and plans counted in the query database, once per version of the graph."""
    engine = get_engine()
    return _insights_for(graph_token(), engine)


@st.cache_resource(show_spinner=False, max_entries=4)
def _timeline_choices_for(token: str, _engine) -> dict:
    return {"units": [], "slogans": [], "indicators": []} if _engine is None else choices_for_timelines(_engine)


def get_timeline_choices() -> dict:
    """The 计划与时间 page's pickers (units with dated facts, slogans, indicators), from the query database."""
    engine = get_engine()
    return _timeline_choices_for(graph_token(), engine)


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

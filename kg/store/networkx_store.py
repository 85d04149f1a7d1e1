"""The default store: one MultiDiGraph in one file, written atomically; a file is data, never code.

Format choice (measured, see docs/reliability.md and docs/graph-store.md):
the default file (``graph.pickle``) is a **pickle of plain data only** —
the graph's dicts of nodes, successors and predecessors, with no class or
function in it — read by an unpickler that refuses every global. So a
crafted file cannot run code: loading it raises :class:`~kg.errors.GraphError`
naming the file and what it asked for. It loads as fast as pickling the
graph object did (the C unpickler does the same work) and 2–4× faster than
orjson node-link JSON, with exact fidelity (ints stay ints, tuples stay
tuples). Node-link JSON (``*.json``, via orjson) is the portable choice,
picked by the file extension.

The file starts with the line ``KG-GRAPH data <version>``. A pickle of
graph objects written by kg before this format (``KG-GRAPH pickle 2``) is
refused with :class:`~kg.errors.OldGraphFormat` (loading it could run
code); ``kg build`` replaces such a file with a fresh build. Saving writes a
temporary file beside the target and renames it over the target
(``os.replace``), so a crash never leaves a half-written graph; a failed
write (a full disk) removes the temporary file and raises
:class:`~kg.errors.StoreError` naming the file.
"""
from __future__ import annotations

import errno
import gc
import io
import logging
import os
import pickle
import tempfile
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path

import networkx as nx
import orjson

from ..errors import GraphError, OldGraphFormat, StoreError
from ..graph.build import GRAPH_FORMAT_VERSION, derive_properties, new_graph
from .digest import recording_digest

__all__ = [
    "MAGIC",
    "FORMATS",
    "default_graph_path",
    "graph_format",
    "save_graph",
    "load_graph",
    "write_atomically",
    "remove_stale_temp_files",
]

log = logging.getLogger(__name__)

MAGIC = b"KG-GRAPH data "
# The container's version (the header line), not the graph schema's (g.graph["schema_version"]).
DATA_VERSION = 1
# Files written before graph files became data: a pickle of networkx objects, never loaded again.
_OLD_MAGIC = b"KG-GRAPH pickle "
# Older graph schemas load_graph brings up to date in memory (only derived properties differ).
_UPGRADABLE = (1, 2)
FORMATS = {".pickle": "pickle", ".pkl": "pickle", ".json": "json"}
# Our nodes and edges carry "id" and "key" properties of their own.
_LINK_NAMES = {"name": "_node", "key": "_key", "source": "_source", "target": "_target"}
_REPO = Path(__file__).resolve().parent.parent.parent
_REBUILD = "rebuild it with: python -m kg build PATH..."


def default_graph_path() -> Path:
    """Where the graph lives: ``$KG_GRAPH`` if set, else ``data/graph/graph.pickle``.

    >>> default_graph_path().name
    'graph.pickle'
    """
    env = os.environ.get("KG_GRAPH")
    return Path(env).expanduser() if env else _REPO / "data" / "graph" / "graph.pickle"


def graph_format(path: str | Path) -> str:
    """``pickle`` or ``json``, from the file extension.

    >>> graph_format("g.json"), graph_format("g.pickle")
    ('json', 'pickle')
    """
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise GraphError(f"{path}: unknown graph file type {ext or '(none)'!r}",
                         hint="use a .pickle (fast) or .json (portable) file name")
    return FORMATS[ext]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, chunks) -> None:
    """Write to a temp file beside ``path``, fsync, then rename over it.

    ``chunks``: byte strings, or a function that writes to the open file
    (a pickler streaming a large graph, without its bytes in memory at once).
    Whatever stops the write (a full disk, a signal, an error in ``chunks``)
    removes the temp file; a failure of the file system itself is a
    :class:`~kg.errors.StoreError` naming ``path``, not a traceback.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _write_error(path, err) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(chunks):
                chunks(fh)
            else:
                for chunk in chunks:
                    fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an export is for sharing
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(err, OSError):
            raise _write_error(path, err) from err
        raise


def remove_stale_temp_files(path: str | Path) -> list[Path]:
    """Remove the temp files a killed writer of ``path`` left beside it; returns them.

    A SIGKILL leaves no chance to clean up; the next writer does, holding the
    graph file's lock (:mod:`kg.store.lock`), so no live writer's file goes.
    """
    path = Path(path)
    gone = []
    for tmp in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        try:
            tmp.unlink()
            gone.append(tmp)
        except OSError as err:
            log.debug("cannot remove %s: %s", tmp, err)
    if gone:
        log.info("removed %d temp file(s) a killed writer left beside %s", len(gone), path)
    return gone


def _write_error(path: Path, err: OSError) -> StoreError:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreError(f"{path}: cannot write: the disk is full ({err.strerror})",
                          hint="free some space and run the command again; nothing was half-written")
    return StoreError(f"{path}: cannot write: {err.strerror or err}")


def save_graph(g: nx.MultiDiGraph, path: str | Path | None = None) -> Path:
    """Save ``g`` atomically; the format follows the extension. Returns the path.

    Every save of a graph file goes through here (the build, the app, the tests).

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "g.pickle")
    >>> g = new_graph(); g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    >>> load_graph(save_graph(g, p)).nodes["Slogan:四个意识"]["canonical"]
    '四个意识'
    """
    path = Path(path) if path else default_graph_path()
    fmt = graph_format(path)
    with recording_digest(path) as tap:  # what is derived from the file is keyed by this digest
        if fmt == "pickle":
            # The graph's own dicts, not the graph object: the file then names no class at all.
            state = (g.graph, g._node, g._succ, g._pred)

            def dump(fh) -> None:  # streamed: a 100k-document graph's 1.1 GB of bytes never sit in memory
                fh.write(MAGIC + str(DATA_VERSION).encode() + b"\n")
                pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)

            write_atomically(path, tap(dump))
        else:
            data = nx.node_link_data(g, edges="edges", **_LINK_NAMES)
            write_atomically(path, tap([orjson.dumps(data)]))
    if log.isEnabledFor(logging.INFO):  # counting edges walks the whole graph
        log.info("saved graph (%d nodes, %d edges) to %s", g.number_of_nodes(), g.number_of_edges(), path)
    return path


def load_graph(path: str | Path | None = None, *, missing_ok: bool = False) -> nx.MultiDiGraph:
    """Load the graph saved by :func:`save_graph`; a file that holds code is refused.

    A missing file raises :class:`~kg.errors.GraphError` with the command that
    builds it, or gives an empty graph when ``missing_ok``.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "evil.pickle")
    >>> _ = open(p, "wb").write(b"KG-GRAPH data 1\\n" + b"cos\\nsystem\\n(S'echo owned'\\ntR.")
    >>> load_graph(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: ...evil.pickle: refused: the file asks to load os.system, and a kg graph file holds only data Hint: ...
    """
    path = Path(path) if path else default_graph_path()
    fmt = graph_format(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as err:
        if missing_ok:
            return new_graph()
        raise GraphError(f"no graph at {path}", hint="build one with: python -m kg build data/samples") from err
    except OSError as err:
        raise GraphError(f"{path}: cannot read the graph file: {err.strerror or err}") from err
    if fmt == "pickle":
        g = _load_data_pickle(path, raw)
    else:
        g = _load_json(path, raw)
    version = g.graph.get("schema_version")
    if version in _UPGRADABLE:
        # Formats 1 and 2 lacked only derived summary properties: add them rather than ask for a rebuild.
        log.info("%s: graph format %s, deriving what format %s adds", path, version, GRAPH_FORMAT_VERSION)
        g.graph["schema_version"] = GRAPH_FORMAT_VERSION
        version = GRAPH_FORMAT_VERSION
        derive_properties(g)
    if version != GRAPH_FORMAT_VERSION:
        raise GraphError(f"{path}: graph schema version {version!r}, this program reads {GRAPH_FORMAT_VERSION}",
                         hint=_REBUILD)
    return g


@contextmanager
def _gc_paused():
    """No cyclic collection while a graph is read in.

    Reading creates millions of dicts and no garbage, yet each allocation
    burst triggers collections that walk the half-built graph again: at 10k
    documents they were 45 % of loading the pickle (2.3 s → 1.3 s without).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Refused(Exception):
    """A pickle asked for a global (a class or a function): never in a kg graph file."""


class _DataUnpickler(pickle.Unpickler):
    """The C unpickler, with every global refused: only str, numbers, lists, tuples, dicts, sets remain.

    Code runs from a pickle only through a callable it names (``GLOBAL``,
    ``STACK_GLOBAL``, ``INST``, ``OBJ``, the copyreg extension codes — all
    of which go through :meth:`find_class`) or through ``persistent_load``
    (refused by default). With neither, ``REDUCE`` and ``BUILD`` have
    nothing to call.
    """

    def find_class(self, module, name):
        raise _Refused(f"{module}.{name}")


def _load_data_pickle(path: Path, raw: bytes) -> nx.MultiDiGraph:
    head, sep, payload = raw.partition(b"\n")
    if sep and head.startswith(_OLD_MAGIC):
        raise OldGraphFormat(f"{path}: a graph file of an older kg (pickled Python objects, which can run "
                             "code when loaded); this version reads only graph files that hold plain data",
                             hint="rebuild it with: python -m kg build PATH... (the build replaces it)")
    if not sep or not head.startswith(MAGIC):
        raise GraphError(f"{path}: not a kg graph file (no 'KG-GRAPH data' header)", hint=_REBUILD)
    version = head[len(MAGIC):].decode("ascii", "replace")
    if version != str(DATA_VERSION):
        raise GraphError(f"{path}: graph file version {version!r} is unknown (this program reads "
                         f"{DATA_VERSION})", hint=_REBUILD)
    try:
        with _gc_paused():
            state = _DataUnpickler(io.BytesIO(payload)).load()
    except _Refused as err:
        log.warning("%s: refused a graph file that asks to load %s", path, err)
        raise GraphError(f"{path}: refused: the file asks to load {err}, and a kg graph file holds only data",
                         hint="it was not written by kg (or was altered): build the graph yourself with "
                              "python -m kg build PATH...") from None
    except Exception as err:  # a truncated or foreign pickle raises many kinds
        raise GraphError(f"{path}: graph file is corrupt ({type(err).__name__}: {err})", hint=_REBUILD) from err
    if not (isinstance(state, tuple) and len(state) == 4 and all(type(part) is dict for part in state)):
        raise GraphError(f"{path}: graph file is corrupt (not the four tables of a graph)", hint=_REBUILD)
    graph, node, succ, pred = state
    if not (node.keys() == succ.keys() == pred.keys()):
        raise GraphError(f"{path}: graph file is corrupt (nodes and edges disagree)", hint=_REBUILD)
    g = nx.MultiDiGraph()
    g.graph, g._node, g._adj, g._succ, g._pred = graph, node, succ, succ, pred
    return g


def _load_json(path: Path, raw: bytes) -> nx.MultiDiGraph:
    try:
        with _gc_paused():
            data = orjson.loads(raw)
            g = nx.MultiDiGraph()
            g.graph.update(data.get("graph", {}))
            for node in data["nodes"]:
                attrs = dict(node)
                g.add_node(attrs.pop("_node"), **attrs)
            # add_edge(key=...) would clash with our own "key" property: set attributes after.
            succ = g._succ
            for edge in data["edges"]:
                attrs = dict(edge)
                u, v, k = attrs.pop("_source"), attrs.pop("_target"), attrs.pop("_key")
                g.add_edge(u, v, key=k)
                succ[u][v][k].update(attrs)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
        raise GraphError(f"{path}: graph file is corrupt ({err})", hint=_REBUILD) from err
    return g

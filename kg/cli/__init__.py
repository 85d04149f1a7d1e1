"""``python -m kg COMMAND``: the command line over the pipeline.

Each command lives in its own module (``kg/cli/<command>.py``) exposing
``add_arguments(parser)`` and ``run(args) -> int``, and only the module of
the command given is imported: ``kg query`` does not pay for the build's
imports, nor ``kg build`` for the query engine's. Errors the program expects
(:class:`~kg.errors.KGError`) become one line on stderr, never a traceback;
so does a failure of the file system (a full disk: the file and the reason).
SIGTERM ends a command like Ctrl-C does, through its clean-up (temp files
removed, worker processes stopped).
"""
from __future__ import annotations

import argparse
import importlib
import logging
import signal
import sys

from ..errors import KGError

__all__ = ["main", "COMMANDS"]

COMMANDS = {
    "ingest": "read report files and list the documents found",
    "extract": "extract organizations, activities, metrics, slogans, materials (JSON Lines)",
    "build": "build or update the knowledge graph from report files",
    "export": "export the graph (GraphML, neo4j-admin CSV, Cypher script, JSON Lines)",
    "query": "run a canned or ad-hoc read-only Cypher query",
    "ask": "answer a question in plain Chinese",
}


def _parser(command: str | None) -> argparse.ArgumentParser:
    """The parser, with the arguments of ``command`` (the others are listed by name only)."""
    parser = argparse.ArgumentParser(prog="python -m kg", description="Work reports → knowledge graph.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        if name == command:
            module = importlib.import_module(f"{__name__}.{name}")
            p.description = (module.__doc__ or help_text).strip()
            module.add_arguments(p)
            p.set_defaults(_run=module.run)
    return parser


def _command_in(argv: list[str]) -> str | None:
    # The first word that is not an option: the only options before it are -v / --verbose.
    return next((a for a in argv if not a.startswith("-")), None)


def configure_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * min(verbosity, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # jieba logs to the "jieba" logger; setting its level needs no import of
    # jieba (0.3 s), which most commands never use.
    logging.getLogger("jieba").setLevel(max(level, logging.WARNING))


def _terminated(signum, frame):
    raise KeyboardInterrupt  # unwinds through every finally: temp files go, workers are told to stop


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(_command_in(argv)).parse_args(argv)
    configure_logging(args.verbose)
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread (a test runner's): leave signals alone
        previous = None
    try:
        return args._run(args) or 0
    except KGError as err:
        print(f"kg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:  # the file system refused (a full disk, a read-only folder): say where and why
        where = f"{err.filename}: " if err.filename else ""
        print(f"kg {args.command}: error: {where}{err.strerror or err}", file=sys.stderr)
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)

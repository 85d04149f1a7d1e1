"""Answer a question in plain Chinese: it picks a canned query, runs it, and says what it ran.

  python -m kg ask "哪些单位开展了读书班？"
"""
from __future__ import annotations

import sys

from ..query.ask import ask
from .query import add_store_arguments, open_engine_from_args, print_result

__all__ = ["add_arguments", "run"]


def add_arguments(p) -> None:
    p.add_argument("question", nargs="+", metavar="QUESTION", help="e.g. 哪些单位开展了读书班？")
    add_store_arguments(p)


def run(args) -> int:
    engine = open_engine_from_args(args)
    answer = ask(" ".join(args.question), engine, limit=args.limit, timeout=args.timeout)
    extra = {"question": answer.question, "understood": answer.understood, "unused": answer.unused,
             "summary": answer.summary, "query": answer.query_id, "params": answer.params,
             "fallback": answer.fallback, "suggestions": answer.suggestions}
    if args.format != "table":
        print_result(answer.result, args.format, extra, output=args.output)
        return 0 if not answer.fallback else 1
    print(answer.text)  # 理解为：…, 未能使用：… when a part went unused, then the answer
    print()
    print_result(answer.result, "table")
    if answer.fallback:
        return 1
    # as --param takes them: lists as a,b
    shown = ", ".join(f"{k}={','.join(map(str, v)) if isinstance(v, list) else repr(v)}"
                      for k, v in answer.params.items())
    print(f"\n查询：{answer.query_id}（{answer.title}）{shown}  [{answer.result.engine} "
          f"{answer.result.elapsed * 1000:.1f} ms]", file=sys.stderr)
    if answer.suggestions:
        print("也可以问：" + " / ".join(answer.suggestions), file=sys.stderr)
    return 0

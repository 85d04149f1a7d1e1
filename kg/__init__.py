"""kg: Chinese work reports → a knowledge graph analysts can question.

The data flows ingest → extract → graph → store → query → app; each stage is
a subpackage, and :mod:`kg.build` runs the first four over many files. The names below are the small public API; they are imported
lazily so ``import kg`` stays cheap (jieba's dictionary loads only when text
is first cut).
"""
from __future__ import annotations

import importlib

__all__ = ["read_documents", "extract", "extract_document", "build_graph", "KGError"]

_LAZY = {
    "read_documents": "kg.ingest",
    "extract": "kg.extract",
    "extract_document": "kg.extract",
    "build_graph": "kg.build",
    "KGError": "kg.errors",
}


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

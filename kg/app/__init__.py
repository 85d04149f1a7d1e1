"""The Streamlit layer: shared state and widgets for the pages in ``app_pages/``.

Everything here may call streamlit; the logic it shows lives in
:mod:`kg.views` and the pipeline packages, so it stays testable without it.
"""
from __future__ import annotations

__all__: list[str] = []

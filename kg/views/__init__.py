"""Pure logic behind the Streamlit app (no streamlit import here).

Each module computes what one part of the app shows — dashboard numbers,
a node's neighbourhood, highlighted document text, export bytes — so the
app stays a thin layer and all of it is testable without a browser.
"""
from __future__ import annotations

__all__: list[str] = []

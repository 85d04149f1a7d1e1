"""Widgets every page uses: paginated tables, downloads, the empty-graph message, chart styling."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from ..views.columns import fit_column_widths
from ..views.export import write_csv_bytes, write_xlsx_bytes
from ..views.paging import count_pages, page_bounds

__all__ = ["CJK_FONT", "style_chart", "show_table", "show_downloads", "require_documents", "PAGE_PATHS",
           "APP_ICON", "STORE_NAMES", "localize_streamlit"]

APP_ICON = Path(__file__).resolve().parent / "assets" / "icon.png"
STORE_NAMES = {"networkx": "本地图谱", "neo4j": "Neo4j 服务器"}

CJK_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'

# page files, as registered with st.navigation in app.py
PAGE_PATHS = {
    "dashboard": "app_pages/dashboard.py",
    "queries": "app_pages/queries.py",
    "ask": "app_pages/ask.py",
    "plans": "app_pages/plans.py",
    "explorer": "app_pages/explorer.py",
    "documents": "app_pages/documents.py",
    "data": "app_pages/data.py",
}


# Streamlit has no translation hook: the few English strings its widgets show are hidden here and,
# where a word is needed, given in Chinese (CSS-generated text, so nothing English is left on screen).
_LOCALIZE_CSS = """
<style>
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button > * { display: none; }
[data-testid="stFileUploaderDropzone"] button::after { content: "选择文件"; }
[data-testid="InputInstructions"] { display: none; }
</style>
"""


def localize_streamlit() -> None:
    """Hide Streamlit's English widget texts (upload box, "Press Enter to apply"); call once per run."""
    st.html(_LOCALIZE_CSS)


def style_chart(chart, *, height: int | None = None):
    """Chinese-capable fonts and a quiet look for an Altair chart."""
    if height:
        chart = chart.properties(height=height)
    chart = chart.configure(font=CJK_FONT).configure_axis(
        labelFont=CJK_FONT, titleFont=CJK_FONT, labelFontSize=12, titleFontSize=12, labelLimit=220
    ).configure_legend(labelFont=CJK_FONT, titleFont=CJK_FONT).configure_title(font=CJK_FONT, fontSize=14)
    return chart


def show_table(columns: list[str], rows: list[list], *, key: str, page_size: int = 50, height: int | None = None,
               links=(), link_text: str | None = None):
    """A table one page at a time, with a page picker when it needs more than one.

    Columns named in ``links`` hold links; ``link_text`` (a pattern) picks the text they show.
    """
    n = len(rows)
    pages = count_pages(n, page_size)
    page = 1
    if pages > 1:
        left, right = st.columns([1, 3])
        page = left.number_input(f"页码（共 {pages} 页）", min_value=1, max_value=pages, value=1, step=1,
                                 key=f"{key}_page")
        start, end = page_bounds(n, page, page_size)
        right.caption(f"共 {n} 行，显示第 {start + 1}–{end} 行")
    start, end = page_bounds(n, page, page_size)
    names = _unique(columns)
    frame = _blank_missing(pd.DataFrame([list(r) for r in rows[start:end]], columns=names))
    widths = fit_column_widths(names, [[_link_label(v) if c in links else v for c, v in zip(names, r)]
                                       for r in rows[start:end]])
    config = {c: (st.column_config.LinkColumn(c, width=w, display_text=link_text) if c in links
                  else st.column_config.Column(c, width=w)) for c, w in widths.items()}
    st.dataframe(frame, hide_index=True, width="stretch", height=height or "auto", key=f"{key}_frame",
                 column_config=config or None)


def _blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """A missing value shows as an empty cell, not Streamlit's English "None"."""
    for c in frame.columns:
        if frame[c].isna().any():
            frame[c] = [_cell_text(v) for v in frame[c]]
    return frame


def _cell_text(value) -> str:
    if value is None or value != value:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year or a count that pandas widened to float because a row lacks it
    return str(value)


def _link_label(value) -> str:
    text = str(value or "")
    return text.rsplit("#", 1)[-1]


def _unique(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for c in columns:
        seen[c] = seen.get(c, 0) + 1
        out.append(c if seen[c] == 1 else f"{c}_{seen[c]}")
    return out


def show_downloads(columns: list[str], rows: list[list], *, key: str, file_stem: str) -> None:
    """CSV (UTF-8 with BOM, opens in Excel) and XLSX download buttons."""
    left, right, _ = st.columns([1, 1, 3])
    left.download_button("下载 CSV", write_csv_bytes(columns, rows), file_name=f"{file_stem}.csv",
                         mime="text/csv", key=f"{key}_csv", icon=":material/download:")
    right.download_button("下载 Excel", write_xlsx_bytes(columns, rows), file_name=f"{file_stem}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}_xlsx", icon=":material/table_view:")


def require_documents(facts) -> None:
    """Stop the page with a helpful message when the graph has no documents yet."""
    if facts.is_empty:
        st.info("图谱中还没有文档。请到「数据」页上传报告文件（txt/docx/pdf）或填写文件夹路径，然后点击构建。",
                icon=":material/info:")
        st.page_link(PAGE_PATHS["data"], label="前往「数据」页", icon=":material/upload_file:")
        st.stop()

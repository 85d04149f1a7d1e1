"""Widgets every page uses: paginated tables, downloads, the empty-graph message, chart styling."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ..views.columns import fit_column_widths
from ..views.export import write_csv_bytes, write_xlsx_bytes
from ..views.paging import count_pages, page_bounds

__all__ = ["CJK_FONT", "style_chart", "show_table", "show_downloads", "require_documents", "PAGE_PATHS"]

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


def style_chart(chart, *, height: int | None = None):
    """Chinese-capable fonts and a quiet look for an Altair chart."""
    if height:
        chart = chart.properties(height=height)
    chart = chart.configure(font=CJK_FONT).configure_axis(
        labelFont=CJK_FONT, titleFont=CJK_FONT, labelFontSize=12, titleFontSize=12, labelLimit=220
    ).configure_legend(labelFont=CJK_FONT, titleFont=CJK_FONT).configure_title(font=CJK_FONT, fontSize=14)
    return chart


def show_table(columns: list[str], rows: list[list], *, key: str, page_size: int = 50, height: int | None = None):
    """A table one page at a time, with a page picker when it needs more than one."""
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
    frame = pd.DataFrame([list(r) for r in rows[start:end]], columns=names)
    widths = fit_column_widths(names, rows[start:end])
    config = {c: st.column_config.Column(c, width=w) for c, w in widths.items()}
    st.dataframe(frame, hide_index=True, width="stretch", height=height or "auto", key=f"{key}_frame",
                 column_config=config or None)


def _unique(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for c in columns:
        seen[c] = seen.get(c, 0) + 1
        out.append(c if seen[c] == 1 else f"{c}_{seen[c]}")
    return out


def show_downloads(columns: list[str], rows: list[list], *, key: str, file_stem: str) -> None:
    """CSV (UTF-8 with BOM, opens in Excel) and XLSX download buttons."""
    left, right, _ = st.columns([1, 1, 4])
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

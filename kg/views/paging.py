"""Pagination arithmetic for big tables (the app shows one page at a time)."""
from __future__ import annotations

__all__ = ["page_bounds", "count_pages"]


def count_pages(n_rows: int, page_size: int) -> int:
    """How many pages ``n_rows`` need; an empty table still has one page.

    >>> count_pages(0, 50), count_pages(50, 50), count_pages(51, 50)
    (1, 1, 2)
    """
    if page_size <= 0:
        raise ValueError(f"page_size must be positive, got {page_size}")
    return max(1, -(-n_rows // page_size))


def page_bounds(n_rows: int, page: int, page_size: int) -> tuple[int, int]:
    """Row slice [start, end) of a 1-based page, clamped to the table.

    >>> page_bounds(120, 3, 50)
    (100, 120)
    >>> page_bounds(120, 9, 50)
    (100, 120)
    """
    page = min(max(page, 1), count_pages(n_rows, page_size))
    start = (page - 1) * page_size
    return start, min(start + page_size, n_rows)

import pytest

from kg.views.paging import count_pages, page_bounds


@pytest.mark.parametrize("n, size, pages", [(0, 10, 1), (1, 10, 1), (10, 10, 1), (11, 10, 2), (1000, 50, 20)])
def test_count_pages(n, size, pages):
    assert count_pages(n, size) == pages


def test_bounds_cover_every_row_once():
    n, size = 237, 50
    covered = [i for p in range(1, count_pages(n, size) + 1) for i in range(*page_bounds(n, p, size))]
    assert covered == list(range(n))


def test_bad_page_size():
    with pytest.raises(ValueError):
        count_pages(5, 0)

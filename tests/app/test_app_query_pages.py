"""Every canned query's page on the samples, opened once each: what the analyst sees must hold.

- the page opens on the query its link names, without an exception;
- no English a Chinese analyst would not expect (:mod:`tests.wording`);
- a column headed as a count ("…数": 文档数, 活动数, 单位数, 次数, 数据条数…) holds numbers
  (issue 16: the unit profile's 文档数 column held titles).

One page run serves all three: each was its own test before, and the two
runs of every page were a tenth of the app tests' time.
"""
from __future__ import annotations

import pytest

from kg.query.catalog import load_catalog
from tests.app.app_helpers import open_app, sample_graph_file, use_graph  # noqa: F401
from tests.app.test_app_wording import english_on


@pytest.mark.parametrize("query_id", sorted(load_catalog()))
def test_every_canned_query_page(query_id, sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app("app_pages/queries.py", q=query_id)
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="q_id").value == query_id
    assert not english_on(at)
    for frame in at.dataframe:
        for header in frame.value.columns:
            if str(header).endswith("数"):
                cells = [v for v in frame.value[header] if v is not None]
                assert all(isinstance(v, (int, float)) or str(v).isdigit() for v in cells), (header, cells[:3])

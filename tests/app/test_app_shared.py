"""All seven pages on ../shared/corpus (33 real documents), built the way a first start builds."""
from __future__ import annotations

import pytest
from tests.app.app_helpers import PAGES, TITLES, metric_value, open_app, texts, use_graph  # noqa: F401

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def shared_graph_file(shared_dir, tmp_path_factory):
    from kg.build import build_store

    path = tmp_path_factory.mktemp("shared") / "graph.pickle"
    build_store([shared_dir / "corpus"], graph_path=path, jobs=1)
    return path


def test_every_page_on_the_shared_corpus(shared_graph_file, use_graph, open_app):
    use_graph(shared_graph_file)
    at = open_app()
    assert metric_value(at, "文档") == 33
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert texts(at.title) == [TITLES[page]]
        assert not at.error, (page, texts(at.error))
    at.switch_page("app_pages/queries.py").run()
    assert at.dataframe, "the default canned query answers on the real corpus"

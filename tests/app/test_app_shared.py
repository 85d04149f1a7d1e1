"""All seven pages on ../shared/corpus (33 real documents), built the way a first start builds:
no error, no hash-named file or unit shown by its hash, no English a Chinese analyst would not expect."""
from __future__ import annotations

import re

import pytest
from tests.app.app_helpers import PAGES, TITLES, metric_value, open_app, texts, use_graph  # noqa: F401
from tests.app.test_app_names import HASH_LIKE, visible_texts
from tests.app.test_app_wording import ui_texts
from tests.wording import english_words

# A file name in a tooltip (the document view's 来源文件) is the file's own name, hash or not.
FILE_NAME = re.compile(rf"[\w.-]*{HASH_LIKE.pattern}[\w.-]*")

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
        assert [t for t in visible_texts(at) if HASH_LIKE.search(t)] == [], page
        assert [w for t in ui_texts(at) for w in english_words(FILE_NAME.sub("", t))] == [], page
    at.switch_page("app_pages/queries.py").run()
    assert at.dataframe, "the default canned query answers on the real corpus"

"""The 数据 page: building from a folder and from uploads, per-file errors, Neo4j form, exports."""
from __future__ import annotations

import shutil

from tests.app.app_helpers import fixture_graph_file, metric_value, open_app, texts, use_graph  # noqa: F401


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_build_from_a_folder_lists_bad_files(tmp_path, samples_dir, use_graph, open_app):
    use_graph(None)
    corpus = tmp_path / "reports"
    corpus.mkdir()
    shutil.copy(next(samples_dir.glob("01_*.txt")), corpus)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    at = open_app("app_pages/data.py")
    at.text_input(key="data_folder").input(str(corpus)).run()
    _button(at, "构建该路径").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metric_value(at, "新增文档") == 1
    errors = at.dataframe[0].value
    assert list(errors["文件"].map(lambda p: p.rsplit("/", 1)[-1])) == ["broken.pdf"]
    at.switch_page("app_pages/dashboard.py").run()
    assert metric_value(at, "文档") == 1  # the new graph is picked up at once


def test_a_missing_folder_is_a_message(tmp_path, use_graph, open_app):
    use_graph(None)
    at = open_app("app_pages/data.py")
    at.text_input(key="data_folder").input(str(tmp_path / "nowhere")).run()
    _button(at, "构建该路径").click().run()
    assert not at.exception
    assert any("路径不存在" in t for t in texts(at.error))


def test_a_build_while_another_writes_the_graph_is_a_message_not_a_loss(tmp_path, samples_dir, use_graph, open_app):
    from kg.store.lock import graph_write_lock

    use_graph(tmp_path / "g" / "graph.pickle")
    corpus = tmp_path / "reports"
    corpus.mkdir()
    shutil.copy(next(samples_dir.glob("01_*.txt")), corpus)
    at = open_app("app_pages/data.py")
    at.text_input(key="data_folder").input(str(corpus)).run()
    with graph_write_lock(tmp_path / "g" / "graph.pickle"):  # as a command-line build would
        _button(at, "构建该路径").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("另一个构建正在写入图谱文件" in t and "being built by PID" in t for t in texts(at.warning))
    _button(at, "构建该路径").click().run()
    assert metric_value(at, "新增文档") == 1


def test_build_from_uploaded_files(tmp_path, samples_dir, use_graph, open_app):
    use_graph(None)
    at = open_app("app_pages/data.py")
    sample = next(samples_dir.glob("02_*.txt"))
    at.file_uploader(key="data_upload").set_value((sample.name, sample.read_bytes(), "text/plain"))
    at.run()
    _button(at, "构建上传的文件").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metric_value(at, "新增文档") == 1
    assert (tmp_path / "empty" / "uploads" / sample.name).exists()  # kept beside the graph file


def test_neo4j_password_is_masked_and_a_failed_connection_is_a_message(use_graph, open_app):
    use_graph(None)
    at = open_app("app_pages/data.py")
    password = at.text_input(key="neo4j_password")
    assert password.proto.type == password.proto.PASSWORD
    at.text_input(key="neo4j_uri").input("bolt://127.0.0.1:9")  # nothing listens on the discard port
    password.input("secret-不要保存")
    _button(at, "连接").click().run()
    assert not at.exception
    assert any("无法连接 Neo4j" in t for t in texts(at.error))
    assert "neo4j_settings" not in at.session_state


def test_export_downloads(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/data.py")
    at.selectbox(key="export_format").set_value("jsonl").run()
    _button(at, "生成导出文件").click().run()
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert any(label.startswith("下载 graph.jsonl") for label in labels), labels

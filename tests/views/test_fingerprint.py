import os

from kg.views.fingerprint import content_fingerprint, list_corpus_files, stat_signature


def test_fingerprint_changes_with_content_not_with_touch(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("市妇联学习情况汇报", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("不算", encoding="utf-8")
    files = list_corpus_files(tmp_path)
    assert files == [f]
    key, sig = content_fingerprint(files), stat_signature(files)
    os.utime(f, ns=(1, 1))
    assert stat_signature(files) != sig and content_fingerprint(files) == key
    f.write_text("市妇联学习情况汇报（修改）", encoding="utf-8")
    assert content_fingerprint(files) != key


def test_missing_folder_is_an_empty_corpus(tmp_path):
    assert list_corpus_files(tmp_path / "nope") == []


def test_the_app_watches_every_file_a_build_reads(tmp_path):
    from kg.ingest.walk import iter_files

    for name in ("a.txt", "b.text", "c.ndjson", "d.jsonl", "e.md"):
        (tmp_path / name).write_text("市妇联", encoding="utf-8")
    read = sorted(p for p in iter_files([tmp_path], on_skip=lambda path, why: None) if not isinstance(p, Exception))
    assert list_corpus_files(tmp_path) == read and (tmp_path / "b.text") in read

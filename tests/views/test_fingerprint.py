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

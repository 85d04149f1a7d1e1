"""The walk (kg/ingest/walk.py): files checked from their stat before anyone opens them; names relative to the folder."""
from __future__ import annotations

import os
import socket

import pytest

from kg.errors import InputError
from kg.ingest import read_documents
from kg.ingest.readers import MAX_FILE_BYTES
from kg.ingest.walk import iter_named_files

GOOD = "市统计局学习情况汇报\n今年集中学习12次。\n"


def _special_files(folder):
    """A FIFO, links to endless devices and a socket, each named like a report."""
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "random.docx").symlink_to("/dev/urandom")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.pdf"))
    return sock, {"pipe.txt": "a FIFO (named pipe)", "zero.txt": "a character device",
                  "random.docx": "a character device", "sock.pdf": "a socket"}


def test_fifos_devices_and_sockets_are_errors_at_once(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    sock, kinds = _special_files(folder)
    try:
        items = list(read_documents([folder, *(folder / name for name in kinds)]))
    finally:
        sock.close()
    errors = [i for i in items if isinstance(i, InputError)]
    assert sorted((os.path.basename(e.path), e.problem) for e in errors) == sorted(
        (name, f"not a regular file: {kind}") for name, kind in [*kinds.items(), *kinds.items()])
    assert [d.doc_id for d in items if not isinstance(d, InputError)] == ["good.txt"]


def test_an_oversized_file_is_refused_from_its_size_alone(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: no need to write the bytes
        fh.truncate(MAX_FILE_BYTES + 1)
    (err,) = list(iter_named_files([big]))
    assert isinstance(err, InputError) and "over the 32 MiB limit" in err.problem


def test_a_link_to_a_regular_file_is_read(tmp_path):
    (tmp_path / "real.txt").write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "link.txt").symlink_to(tmp_path / "real.txt")
    assert [name for _, name in iter_named_files([folder])] == ["link.txt"]


def test_names_are_paths_relative_to_the_folder_given(tmp_path):
    for rel in ("a/x.txt", "b/x.txt", "report.txt", "report.docx", "b/c/y.pdf"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    assert [name for _, name in iter_named_files([tmp_path])] == [
        "a/x.txt", "b/c/y.pdf", "b/x.txt", "report.docx", "report.txt"]
    assert [name for _, name in iter_named_files([tmp_path / "b"])] == ["c/y.pdf", "x.txt"]
    assert [name for _, name in iter_named_files([tmp_path / "b" / "x.txt"])] == ["x.txt"]


@pytest.mark.parametrize("rel", ["a/x.txt", "x.txt"])
def test_document_ids_are_the_names(tmp_path, rel):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD + "\n区团委学习计划\n全年学习12次。\n", encoding="utf-8")
    assert [d.doc_id for d in read_documents([tmp_path])] == [f"{rel}#1", f"{rel}#2"]

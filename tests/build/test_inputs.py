"""kg/build/inputs.py: hashing checks what it opened, so a file swapped after the walk cannot hang it."""
from __future__ import annotations

import os

import pytest

from kg.build.inputs import file_sha256, iter_keyed_files
from kg.errors import InputError


def test_hashing_a_fifo_is_an_error_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opened without blocking, refused on its fstat
    with pytest.raises(InputError, match="not a regular file: a FIFO"):
        file_sha256(tmp_path / "pipe.txt")


def test_hashing_a_device_is_an_error(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="a character device"):
        file_sha256(tmp_path / "zero.txt")


def test_keyed_files_carry_their_names(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    ((path, key, name),) = list(iter_keyed_files([tmp_path]))
    assert name == "sub/a.txt" and key == str(path.resolve())

"""core.paths: XDG folders read at each call, atomic writes that never leave half a file."""
from __future__ import annotations

import errno
import os
import stat
import time

import pytest

from core import paths
from core.paths import (atomic_write_bytes, atomic_writer, clean_stale_parts, user_cache_dir,
                        user_data_dir)


def test_cache_dir_follows_xdg_cache_home_at_each_call(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "first"))
    assert user_cache_dir() == tmp_path / "first" / "mlp-studio"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "second"))
    folder = user_cache_dir()
    assert folder == tmp_path / "second" / "mlp-studio"
    assert folder.is_dir()  # created on demand


def test_data_dir_follows_xdg_data_home_at_each_call(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = user_data_dir()
    assert folder == tmp_path / "data" / "mlp-studio"
    assert folder.is_dir()


@pytest.mark.parametrize("value", [None, "", "relative/path"])
def test_folders_fall_back_to_home_when_xdg_is_unset_or_relative(value, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in ("XDG_CACHE_HOME", "XDG_DATA_HOME"):
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value)
    assert user_cache_dir() == tmp_path / ".cache" / "mlp-studio"
    assert user_data_dir() == tmp_path / ".local" / "share" / "mlp-studio"


def test_atomic_write_creates_and_replaces_without_leftovers(tmp_path):
    target = tmp_path / "model.pt"
    atomic_write_bytes(target, b"first")
    atomic_write_bytes(target, b"second version")
    assert target.read_bytes() == b"second version"
    assert [p.name for p in tmp_path.iterdir()] == ["model.pt"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's private 0600


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "notes.bin"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_temp_file_is_named_after_the_target_in_the_same_folder(tmp_path):
    target = tmp_path / "digits.npz"
    with atomic_writer(target) as file:
        file.write(b"partial")
        names = [p.name for p in tmp_path.iterdir()]
        assert not target.exists()  # nothing at the final path until the block finishes
    assert len(names) == 1
    assert names[0].startswith("digits.npz.") and names[0].endswith(".part")
    assert names[0] != "digits.npz.part"  # random part: two writers never share a temp file
    assert target.read_bytes() == b"partial"


@pytest.mark.parametrize("broken", ["fsync", "replace"])
def test_failed_write_keeps_the_old_file_and_removes_the_temp(broken, tmp_path, monkeypatch):
    target = tmp_path / "model.pt"
    target.write_bytes(b"precious")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(paths.os, broken, disk_full)
    with pytest.raises(OSError) as caught:
        atomic_write_bytes(target, b"new" * 1000)
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["model.pt"]


def test_exception_inside_the_block_keeps_the_old_file(tmp_path):
    target = tmp_path / "model.pt"
    target.write_bytes(b"precious")
    with pytest.raises(KeyboardInterrupt):
        with atomic_writer(target) as file:
            file.write(b"half")
            raise KeyboardInterrupt  # even BaseException (Ctrl+C) must not leave a temp file
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["model.pt"]


def test_clean_stale_parts_removes_only_part_files(tmp_path):
    keep = [tmp_path / "train-images-idx3-ubyte.gz", tmp_path / "part.txt"]
    stale = [tmp_path / "a.gz.x1y2.part", tmp_path / "b.part"]
    for path in keep + stale:
        path.write_bytes(b"x")
    (tmp_path / "folder.part").mkdir()  # a folder that happens to end in .part is not ours
    removed = clean_stale_parts(tmp_path)
    assert sorted(removed) == sorted(stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.part", "part.txt",
                                                          "train-images-idx3-ubyte.gz"]


def test_clean_stale_parts_spares_young_files_when_asked(tmp_path):
    old, young = tmp_path / "old.part", tmp_path / "young.part"
    old.write_bytes(b"x")
    young.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert clean_stale_parts(tmp_path, min_age_s=600) == [old]
    assert young.exists()


def test_clean_stale_parts_of_a_missing_folder_does_nothing(tmp_path):
    assert clean_stale_parts(tmp_path / "absent") == []

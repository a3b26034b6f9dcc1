"""Where MLP Studio keeps its files, and how it writes them without ever leaving half a file.

The folders follow the XDG base-directory convention. The environment is read at every
call (never cached at import), so tests and users can redirect them at any time.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path
from typing import BinaryIO, Iterator

APP_FOLDER = "mlp-studio"
PART_SUFFIX = ".part"


def _xdg_dir(variable: str, fallback: str) -> Path:
    """The app's folder under $variable, or under ~/fallback; created if missing."""
    base = os.environ.get(variable, "")
    # the XDG spec says relative paths in these variables are invalid and must be ignored
    root = Path(base) if base and os.path.isabs(base) else Path.home() / fallback
    folder = root / APP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def user_cache_dir() -> Path:
    """Folder for files that can be fetched again (downloaded datasets)."""
    return _xdg_dir("XDG_CACHE_HOME", ".cache")


def user_data_dir() -> Path:
    """Folder for the user's own files (saved models, drawn digits)."""
    return _xdg_dir("XDG_DATA_HOME", os.path.join(".local", "share"))


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable; best effort, since some file systems refuse to open folders."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Write `path` through a temp file that replaces it only if the block finishes.

    The temp file `<name>.<random>.part` sits in the same folder, so `os.replace` is an
    atomic rename; on any exception it is removed and `path` is left as it was.
    """
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=PART_SUFFIX, dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        # mkstemp creates 0600; keep the permissions an ordinary write would have given
        os.chmod(temp, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one."""
    with atomic_writer(path) as file:
        file.write(data)


def clean_stale_parts(folder: Path, min_age_s: float = 0.0) -> list[Path]:
    """Remove leftover `*.part` temp files (older than `min_age_s`) from `folder`; returns them."""
    removed: list[Path] = []
    try:
        candidates = sorted(Path(folder).glob("*" + PART_SUFFIX))
    except OSError:
        return removed
    now = time.time()
    for part in candidates:
        try:
            if part.is_file() and now - part.stat().st_mtime >= min_age_s:
                part.unlink()
                removed.append(part)
        except OSError:  # vanished meanwhile or not ours to delete: leave it
            continue
    return removed

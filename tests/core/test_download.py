"""core.datasets.download against a local HTTP server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import gzip
import hashlib
import http.server
import os
import struct
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from core import datasets
from core.datasets import download, load_dataset, locate
from core.errors import DatasetError, DownloadCancelled, DownloadError
from core.paths import user_cache_dir

FILENAMES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


def _idx_gz(array: np.ndarray) -> bytes:
    header = struct.pack(f">I{array.ndim}I", 0x800 + array.ndim, *array.shape)
    return gzip.compress(header + array.astype(np.uint8).tobytes(), mtime=0)


def _fake_files() -> dict[str, bytes]:
    """Small but valid MNIST-style files: 24 training and 12 test images."""
    rng = np.random.default_rng(0)
    files = {}
    for split, n in (("train", 24), ("t10k", 12)):
        files[f"{split}-images-idx3-ubyte.gz"] = _idx_gz(rng.integers(0, 256, (n, 28, 28)))
        files[f"{split}-labels-idx1-ubyte.gz"] = _idx_gz(np.arange(n) % 10)
    return files


FILES = _fake_files()
MD5 = {name: hashlib.md5(data).hexdigest() for name, data in FILES.items()}
HTML = b"<!DOCTYPE html><html><body>Please log in to the hotel Wi-Fi</body></html>"


class FakeMirror(http.server.BaseHTTPRequestHandler):
    """Serves /<behaviour>/<file name>; the behaviour decides how the request goes wrong."""

    stop = threading.Event()
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.requests.append(self.path)
        behaviour, _, name = self.path.strip("/").partition("/")
        getattr(self, f"_{behaviour}")(name)

    def _good(self, name: str) -> None:
        self._send(200, FILES[name])

    def _403(self, name: str) -> None:
        self.send_error(403)

    def _404(self, name: str) -> None:
        self.send_error(404)

    def _503(self, name: str) -> None:
        self.send_error(503)

    def _html(self, name: str) -> None:
        self._send(200, HTML, "text/html; charset=utf-8")

    def _html_plain_text(self, name: str) -> None:  # a login page that is not even markup
        self._send(200, b"Login required.", "text/html")

    def _html_as_octets(self, name: str) -> None:  # a portal that even lies about the type
        self._send(200, HTML)

    def _corrupt(self, name: str) -> None:
        data = bytearray(FILES[name])
        data[len(data) // 2] ^= 0xFF
        self._send(200, bytes(data))

    def _truncated(self, name: str) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(FILES[name]) + 1000))
        self.end_headers()
        self.wfile.write(FILES[name][:100])
        self.close_connection = True

    def _loop(self, name: str) -> None:
        self.send_response(302)
        self.send_header("Location", self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stall(self, name: str) -> None:
        self.stop.wait(10)  # never answers

    def _drip(self, name: str) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(FILES[name])))
        self.end_headers()
        for byte in FILES[name]:
            if self.stop.wait(0.1):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:  # the client gave up, as it should
                return

    def _send(self, code: int, body: bytes, content_type: str = "application/octet-stream") -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients hanging up on a dripping server are expected here


@pytest.fixture
def server(monkeypatch):
    """Base URL of a local mirror; also installs the fake files' MD5 sums."""
    for variable in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setitem(datasets.CHECKSUMS, "MNIST", dict(MD5))
    FakeMirror.stop.clear()
    FakeMirror.requests = []
    httpd = QuietServer(("127.0.0.1", 0), FakeMirror)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    FakeMirror.stop.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def mirrors(base: str, *behaviours: str) -> list[str]:
    return [f"{base}/{behaviour}/" for behaviour in behaviours]


def names_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# ---------------------------------------------------------------- success

def test_good_mirror_after_bad_ones_gives_exactly_the_four_files(server, tmp_path):
    calls = []
    folder = download("MNIST", tmp_path, mirrors=mirrors(server, "403", "404", "503", "good"),
                      progress=lambda done, total: calls.append((done, total)))
    assert folder == tmp_path
    assert names_in(tmp_path) == sorted(FILENAMES)  # no .part left behind
    for name in FILENAMES:
        assert (tmp_path / name).read_bytes() == FILES[name]
    total = sum(len(data) for data in FILES.values())
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_downloaded_copy_is_found_and_loaded_from_the_cache(server, monkeypatch, tmp_path):
    monkeypatch.setattr(datasets, "SYSTEM_DIRS", {"MNIST": (), "Fashion-MNIST": ()})
    folder = download("MNIST", mirrors=mirrors(server, "good"))
    assert folder == user_cache_dir() / "MNIST"
    assert locate("MNIST") == folder
    data = load_dataset("MNIST")
    assert data.split_sizes == {"train": 22, "val": 2, "test": 12}
    assert "downloaded" in data.source


def test_verified_files_are_not_fetched_again(server, tmp_path):
    download("MNIST", tmp_path, mirrors=mirrors(server, "good"))
    FakeMirror.requests.clear()
    download("MNIST", tmp_path, mirrors=mirrors(server, "good"))
    assert FakeMirror.requests == []


# ---------------------------------------------------------------- failures (D-01 .. D-05)

def test_http_errors_on_every_mirror_give_one_readable_error(server, tmp_path):
    with pytest.raises(DownloadError) as caught:
        download("MNIST", tmp_path, mirrors=mirrors(server, "403", "404", "503"))
    message = str(caught.value)
    for code in ("HTTP 403", "HTTP 404", "HTTP 503"):
        assert code in message
    assert "train-images-idx3-ubyte.gz" in message and "Traceback" not in message
    assert names_in(tmp_path) == []


@pytest.mark.parametrize("behaviour", ["html", "html_plain_text", "html_as_octets"])
def test_a_web_page_instead_of_the_file_mentions_the_network(behaviour, server, tmp_path):
    with pytest.raises(DownloadError, match="captive portal .* network"):
        download("MNIST", tmp_path, mirrors=mirrors(server, behaviour))
    assert names_in(tmp_path) == []


def test_truncated_body_leaves_nothing_behind(server, tmp_path):
    with pytest.raises(DownloadError, match="cut short"):
        download("MNIST", tmp_path, mirrors=mirrors(server, "truncated"))
    assert names_in(tmp_path) == []


def test_checksum_mismatch_leaves_nothing_behind(server, tmp_path):
    with pytest.raises(DownloadError, match="checksum does not match"):
        download("MNIST", tmp_path, mirrors=mirrors(server, "corrupt"))
    assert names_in(tmp_path) == []


def test_redirect_loop_is_reported(server, tmp_path):
    with pytest.raises(DownloadError, match="redirect"):
        download("MNIST", tmp_path, mirrors=mirrors(server, "loop"))
    assert len(FakeMirror.requests) <= 6  # stopped by the redirect limit, not by the deadline
    assert names_in(tmp_path) == []


def test_slow_drip_server_is_abandoned_at_the_deadline(server, tmp_path):
    started = time.monotonic()
    with pytest.raises(DownloadError, match="at most 3 s"):
        download("MNIST", tmp_path, mirrors=mirrors(server, "drip", "good"), timeout=1, deadline=3)
    assert time.monotonic() - started < 5.5
    assert names_in(tmp_path) == []
    assert not any(path.startswith("/good/") for path in FakeMirror.requests)  # no time left for it


def test_stalled_server_times_out_then_next_mirror_is_used(server, tmp_path):
    started = time.monotonic()
    download("MNIST", tmp_path, mirrors=mirrors(server, "stall", "good"), timeout=0.3, deadline=30)
    assert names_in(tmp_path) == sorted(FILENAMES)
    assert time.monotonic() - started < 10  # one short timeout per file, not the whole deadline


def test_stalled_server_alone_gives_a_timeout_message(server, tmp_path):
    with pytest.raises(DownloadError, match="sent nothing for 0.3 s"):
        download("MNIST", tmp_path, mirrors=mirrors(server, "stall"), timeout=0.3, deadline=3)


# ---------------------------------------------------------------- files on disk (D-07 .. D-10)

def test_failed_redownload_keeps_a_verified_file_untouched(server, tmp_path):
    verified = tmp_path / "train-images-idx3-ubyte.gz"
    verified.write_bytes(FILES[verified.name])
    before = verified.stat()
    with pytest.raises(DownloadError) as caught:
        download("MNIST", tmp_path, mirrors=mirrors(server, "404"))
    after = verified.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (before.st_ino, before.st_mtime_ns,
                                                                before.st_size)
    assert verified.read_bytes() == FILES[verified.name]
    assert "train-labels-idx1-ubyte.gz" in str(caught.value)
    assert not any("train-images" in path for path in FakeMirror.requests)
    assert names_in(tmp_path) == [verified.name]


def test_cancel_mid_download_removes_the_temp_file(server, tmp_path):
    seen_parts = []

    def should_stop() -> bool:
        parts = [p.name for p in tmp_path.glob("*.part")]
        seen_parts.extend(parts)
        return len(seen_parts) >= 3  # after a few bytes of the first file have arrived

    with pytest.raises(DownloadCancelled, match="cancelled"):
        download("MNIST", tmp_path, mirrors=mirrors(server, "drip"), should_stop=should_stop)
    assert seen_parts and seen_parts[0].startswith("train-images-idx3-ubyte.gz.")
    assert names_in(tmp_path) == []


def test_corrupted_cached_file_is_detected_and_fetched_again(server, tmp_path):
    download("MNIST", tmp_path, mirrors=mirrors(server, "good"))
    damaged = tmp_path / "t10k-images-idx3-ubyte.gz"
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0x01  # a single bit flip on disk
    damaged.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match="damaged"):
        load_dataset("MNIST", folder=tmp_path)
    FakeMirror.requests.clear()
    download("MNIST", tmp_path, mirrors=mirrors(server, "good"))
    assert FakeMirror.requests == ["/good/t10k-images-idx3-ubyte.gz"]
    assert damaged.read_bytes() == FILES[damaged.name]


def test_stale_part_files_are_cleaned_at_the_start(server, tmp_path):
    stale = tmp_path / "train-images-idx3-ubyte.gz.k2j4.part"
    live = tmp_path / "t10k-images-idx3-ubyte.gz.a8b9.part"  # maybe another download running now
    stale.write_bytes(b"half a file")
    live.write_bytes(b"half a file")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    download("MNIST", tmp_path, mirrors=mirrors(server, "good"))
    assert not stale.exists() and live.exists()
    assert names_in(tmp_path) == sorted(FILENAMES + (live.name,))


# ---------------------------------------------------------------- guards

def test_downloads_are_disabled_by_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MLP_STUDIO_NO_DOWNLOAD", "1")
    monkeypatch.setattr(datasets.urllib.request.OpenerDirector, "open",
                        lambda *a, **k: pytest.fail("tried to reach the internet"))
    with pytest.raises(DownloadError, match="Downloads are disabled"):
        download("Fashion-MNIST", tmp_path)
    assert names_in(tmp_path) == []


def test_generated_datasets_cannot_be_downloaded(tmp_path):
    with pytest.raises(DatasetError, match="needs no download"):
        download("Spiral", tmp_path, mirrors=["http://127.0.0.1:9/"])


def test_the_published_checksums_are_the_ones_in_the_brief():
    assert datasets.CHECKSUMS["MNIST"]["train-images-idx3-ubyte.gz"] == "f68b3c2dcbeaaa9fbdd348bbdeb94873"
    assert datasets.CHECKSUMS["Fashion-MNIST"]["t10k-labels-idx1-ubyte.gz"] == \
        "bb300cfdad3c16e7a12a480ee83cd310"
    assert datasets.MIRRORS["MNIST"] == ("https://ossci-datasets.s3.amazonaws.com/mnist/",)


def test_a_full_disk_is_reported_as_a_saving_problem(server, tmp_path, monkeypatch):
    import errno

    from core import paths

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(paths.os, "fsync", disk_full)
    with pytest.raises(DownloadError, match="Could not save .*No space left"):
        download("MNIST", tmp_path, mirrors=mirrors(server, "good", "good"))
    assert FakeMirror.requests == ["/good/train-images-idx3-ubyte.gz"]  # no pointless retries
    assert names_in(tmp_path) == []


def test_an_unusable_destination_is_reported(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    with pytest.raises(DownloadError, match="Cannot create the folder"):
        download("MNIST", blocker, mirrors=["http://127.0.0.1:9/"])

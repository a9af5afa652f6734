"""sha256_file streams and agrees with hashlib."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingestion.hashing import sha256_bytes, sha256_file


def test_sha256_file_matches_hashlib(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # larger than one read chunk when chunk_size is small
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    expected = hashlib.sha256(data).hexdigest()
    assert sha256_file(path) == expected
    assert sha256_file(path, chunk_size=1000) == expected
    assert sha256_bytes(data) == expected


def test_sha256_of_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty"
    path.write_bytes(b"")
    assert sha256_file(path) == hashlib.sha256(b"").hexdigest()

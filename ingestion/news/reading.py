"""Reading an untrusted news file: size cap, emptiness, binary content, encoding, format sniffing.

Everything here decides about the file as a whole; a problem found here becomes one reject with
position "file".
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

EXTENSION_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of common binary formats that may carry no NUL byte near the start.
_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"PAR1", "Parquet"),
)
_SNIFF_BYTES = 64 * 1024
# Control characters other than tab/newline/CR/form feed; a text file has (almost) none.
_CONTROL = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class FileRejected(Exception):
    """The file as a whole cannot be read as news; the message is the reject reason."""


@dataclass
class RawFile:
    """A file's bytes after the whole-file checks passed."""

    data: bytes
    bom_encoding: str | None  # set when the file starts with a byte-order mark


def _human(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def read_checked(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawFile:
    """Read `path` if it is a plausible text file no larger than `max_bytes`.

    Raises FileRejected with the reason otherwise. The size is checked before reading (and again
    while reading, for files that grow or lie about their size), so an oversized file is never
    loaded into memory.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileRejected(f"cannot read file: {exc.strerror or exc}") from exc
    if not path.is_file():
        raise FileRejected("not a regular file")
    if size > max_bytes:
        raise FileRejected(
            f"file too large: {size} bytes ({_human(size)}) exceeds the cap of "
            f"{max_bytes} bytes ({_human(max_bytes)})"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FileRejected(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise FileRejected(
            f"file too large: more than {max_bytes} bytes ({_human(max_bytes)}) read, "
            "exceeds the cap"
        )
    if not data.strip():
        raise FileRejected("empty file" if not data else "empty file (whitespace only)")

    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom in ("utf-16", "utf-32"):
        # NUL bytes are normal in UTF-16/32, so check the decoded text instead.
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as exc:
            raise FileRejected(
                f"undecodable encoding: starts with a {bom.upper()} byte-order mark but "
                f"byte {exc.start} is invalid ({exc.reason})"
            ) from exc
        if not text.strip("\ufeff \t\r\n"):
            raise FileRejected("empty file (whitespace only)")
        _check_text_like(text.encode("utf-8", "surrogatepass"))
        return RawFile(data, bom)
    _check_text_like(data)
    return RawFile(data, bom)


def _check_text_like(data: bytes) -> None:
    head = data[:_SNIFF_BYTES]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            raise FileRejected(f"binary content: looks like a {name} file")
    nul = data.find(b"\x00")
    # JSON lines are judged line by line: one line with a stray NUL is that line's reject, not
    # the file's. Binary files do not start with "{", so this leniency costs no safety.
    json_lines = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    if nul >= 0 and not json_lines:
        raise FileRejected(f"binary content: NUL byte at offset {nul}")
    controls = len(_CONTROL.findall(head)) + head.count(b"\x00")
    if controls > max(4, len(head) * _MAX_CONTROL_SHARE):
        raise FileRejected(f"binary content: {controls} control bytes in the first {len(head)}")


def decode_text(raw: RawFile, *, html: bool = False) -> str:
    """The file as text: BOM, else UTF-8, else a declared HTML charset, else a detected one."""
    if raw.bom_encoding:
        return raw.data.decode(raw.bom_encoding)
    try:
        return raw.data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if html:
            match = _META_CHARSET.search(raw.data[:4096])
            if match:
                try:
                    return raw.data.decode(match.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass  # a wrong declaration is common; fall through to detection
        from charset_normalizer import from_bytes

        best = from_bytes(raw.data).best()
        if best is None or best.encoding is None:
            raise FileRejected(
                "undecodable encoding: not valid UTF-8 (byte "
                f"{utf8_error.start}: {utf8_error.reason}) and no other encoding detected"
            ) from utf8_error
        return str(best)


def sniff_format(data: bytes) -> str | None:
    """Guess the format from content: "jsonl", "html", "feed" or None."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = data[:8192].decode("utf-16", "ignore").encode("utf-8").lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = head.lower()
    if lower.startswith(b"{"):
        return "jsonl"
    if not lower.startswith(b"<"):
        return None
    if re.search(rb"<(?:rss|feed|rdf:rdf)[\s>]", lower):
        return "feed"
    if re.search(rb"<(?:!doctype\s+html|html|head|body)[\s>]", lower):
        return "html"
    return None


def detect_format(path: Path, data: bytes) -> str | None:
    """Format from the extension, confirmed or replaced by sniffing for unknown extensions."""
    by_extension = EXTENSION_FORMATS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    return sniff_format(data)

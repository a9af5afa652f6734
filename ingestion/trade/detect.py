"""Detect the format of a trade-statistics file from its content and dispatch to a parser.

The extension is only a hint: a gzip stream is recognised by its magic bytes, JSON by its first
non-blank character, delimited text by its header (Comtrade column names, Census CTY_CODE, GACC
Chinese headers after GB18030 decoding).
"""

from __future__ import annotations

import csv
import gzip
import json
import zlib
from pathlib import Path

import polars as pl

from ingestion.limits import JsonTooDeep, loads_limited, max_gunzip_bytes
from ingestion.schemas import ParseResult
from ingestion.trade import census, china_customs, comtrade
from ingestion.trade._common import file_reject

_HEAD = 65536


def _decode_head(raw: bytes) -> str:
    """Decode the start of a file: UTF-8 (with or without BOM), else GB18030 (superset of GBK)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the head window is not an encoding problem.
        if exc.start >= len(raw) - 4:
            return raw[: exc.start].decode("utf-8-sig")
    return raw.decode("gb18030", errors="replace")


def detect_format(path: Path) -> str:
    """Name the format of `path`: comtrade_csv, comtrade_tsv, comtrade_json, census_json,
    census_csv, china_customs_csv, or unknown (gzip is looked through)."""
    raw = _read_head(path)
    return _detect(raw)


def _read_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        raw = fh.read(_HEAD)
    if raw[:2] == b"\x1f\x8b":
        # Decompress only the start: enough to see the header.
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            raw = d.decompress(raw, _HEAD)
        except zlib.error:
            return b""
    return raw


def _detect(raw: bytes) -> str:
    text = _decode_head(raw).lstrip()
    if text.startswith("{"):
        return "comtrade_json"
    if text.startswith("["):
        return "census_json"
    first = text.split("\n", 1)[0].rstrip("\r")
    sep = "\t" if first.count("\t") > first.count(",") else ","
    names = {n.strip().lower() for n in next(csv.reader([first], delimiter=sep), [])}
    if {"cmdcode", "reportercode", "partnercode"} & names or {"freqcode", "flowcode"} <= names:
        return "comtrade_tsv" if sep == "\t" else "comtrade_csv"
    if "cty_code" in names or "cty_name" in names:
        return "census_csv"
    if any(h in first for h in ("数据年月", "商品编码", "贸易伙伴")):
        return "china_customs_csv"
    return "unknown"


def parse_trade_file(path: Path) -> ParseResult:
    """Parse one trade-statistics file of any supported format.

    Never raises for bad content: an unreadable or unrecognised file becomes one whole-file
    reject (position "file", records_in 1). For every result,
    `records_in == len(records) + len(rejects)`.
    """
    path = Path(path)
    try:
        raw = _read_head(path)
    except OSError as exc:
        return file_reject(f"cannot read file: {exc}")
    if not raw.strip():
        return file_reject("empty file")
    fmt = _detect(raw)
    is_gzip = path.open("rb").read(2) == b"\x1f\x8b"
    try:
        data: bytes | None = None
        if is_gzip or fmt in {"comtrade_json", "census_json", "census_csv", "china_customs_csv"}:
            data = _read_all(path, is_gzip)
            if data is None:
                cap = max_gunzip_bytes()
                return file_reject(
                    f"gzip file expands to more than {cap} bytes, the cap on decompressed size "
                    "(LEDGER_MAX_GUNZIP_BYTES); not loaded"
                )
        if fmt in {"comtrade_csv", "comtrade_tsv"}:
            sep = "\t" if fmt == "comtrade_tsv" else ","
            return comtrade.parse_comtrade_csv(path, separator=sep, data=data)
        assert data is not None or fmt == "unknown"
        if fmt in {"comtrade_json", "census_json"}:
            try:
                obj = loads_limited(data.decode("utf-8-sig"))  # type: ignore[union-attr]
            except JsonTooDeep as exc:
                return file_reject(str(exc))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                return file_reject(f"invalid JSON (truncated or corrupt?): {exc}", snippet=str(exc))
            if isinstance(obj, dict):
                return comtrade.parse_comtrade_json(obj)
            return census.parse_census_json(obj, name=path.name)
        if fmt == "census_csv":
            return census.parse_census_csv(data, name=path.name)  # type: ignore[arg-type]
        if fmt == "china_customs_csv":
            return china_customs.parse_china_customs_csv(data, name=path.name)  # type: ignore[arg-type]
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        return file_reject(f"cannot read file (corrupt compression?): {exc}")
    except pl.exceptions.PolarsError as exc:
        # Malformed delimited text the reader cannot tokenise (e.g. an unclosed quote).
        return file_reject(f"unreadable {fmt} file: {str(exc).splitlines()[0]}")
    first = _decode_head(raw).split("\n", 1)[0]
    return file_reject("unrecognised trade file format", snippet=first)


def _read_all(path: Path, is_gzip: bool) -> bytes | None:
    """The file's bytes, decompressed when gzipped; None when they exceed the gunzip cap.

    Decompression streams: at most the cap plus one byte is ever produced, so a small file that
    expands to gigabytes (a gzip bomb) costs no more memory than the cap.
    """
    if is_gzip:
        cap = max_gunzip_bytes()
        with gzip.open(path, "rb") as fh:
            data = fh.read(cap + 1)
        return None if len(data) > cap else data
    return path.read_bytes()

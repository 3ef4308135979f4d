"""Bytes to text for every reader: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252 and Latin-1; and the
tests that tell binary and empty inputs apart from text. Knows nothing about articles."""

from __future__ import annotations

import codecs

from eventline.ingest.reading import ReadError

# Control characters that never occur in text (tab, new line, carriage return and form feed are fine).
_CONTROL = frozenset(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | frozenset(range(0x10, 0x20)) - {0x1B}
SNIFF_BYTES = 8192


def looks_binary(head: bytes) -> bool:
    """True for bytes that are not text in any of the encodings we read (NUL bytes, many control bytes)."""
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b in _CONTROL)
    return control / len(head) > 0.05


def encoding_of_bom(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode_line(data: bytes) -> str:
    """One line or block of bytes: UTF-8 when it is valid UTF-8, else cp1252, else Latin-1 (never fails)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_bytes(data: bytes, what: str = "file") -> str:
    """Whole input to text. Raises ReadError for empty and binary inputs."""
    if not data.strip():
        raise ReadError(f"empty {what}")
    bom = encoding_of_bom(data[:4])
    if bom:
        text = data.decode(bom, errors="replace")
    else:
        if looks_binary(data[:SNIFF_BYTES]):
            raise ReadError(f"binary {what}, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Mixed inputs (a UTF-8 page with one cp1252 quote) are decoded line by line.
            text = "\n".join(decode_line(line) for line in data.split(b"\n"))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ReadError(f"empty {what}")
    return text

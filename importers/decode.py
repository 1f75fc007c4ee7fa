"""Bytes to text for article files: encodings, binary detection and size limits."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# News articles are tens of kilobytes; anything this large is a dump or a mistake, and
# splitting it would tie up the import for minutes.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

_CONTROL_BYTES = bytes(sorted(set(range(0, 32)) - {9, 10, 12, 13, 27}))


class ReadError(Exception):
    """A file or record that cannot be imported; the message is one line for the user."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    notice: str | None = None  # set when the text was read with a fallback


def describe_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def check_article_size(size: int, limit: int = MAX_ARTICLE_BYTES) -> None:
    if size > limit:
        raise ReadError(
            f"article is {describe_size(size)}, "
            f"over the {describe_size(limit)} limit for one article"
        )


def decode_text(data: bytes) -> DecodedText:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Text that is mostly valid UTF-8 keeps its UTF-8 reading with the bad bytes replaced, since
    falling back to Windows-1252 would garble every correct accented letter in it.
    """
    if not data.strip():
        raise ReadError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return DecodedText(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ReadError("invalid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), not text")
    sample = data[:8192]
    control_count = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if control_count > len(sample) * 0.05:
        raise ReadError("binary file (mostly control bytes), not text")
    try:
        return DecodedText(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return _decode_fallback(data, error)


def _decode_fallback(data: bytes, error: UnicodeDecodeError) -> DecodedText:
    lenient = data.decode("utf-8-sig", errors="replace")
    bad = lenient.count("\ufffd")
    has_valid_multibyte = any(ord(char) > 127 and char != "\ufffd" for char in lenient)
    if has_valid_multibyte:
        return DecodedText(
            lenient, f"invalid UTF-8 at byte {error.start}; {bad} bad byte(s) replaced with �"
        )
    return DecodedText(data.decode("cp1252", errors="replace"), "not UTF-8; read as Windows-1252")

"""Readers for each input format; each yields RawArticle (or RecordError for a bad record).

A problem with the whole file raises ReadError with a one-line reason.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from workbench.importers.decode import (
    MAX_ARTICLE_BYTES,
    ReadError,
    check_article_size,
    decode_text,
    describe_size,
)
from workbench.importers.html import extract_html_article, html_fragment_to_text
from workbench.importers.markdown import markdown_to_text
from workbench.importers.records import METADATA_KEYS, RawArticle, RecordError

ReadResult = Iterator[RawArticle | RecordError]

FORMATS = ("text", "markdown", "html", "jsonl", "json", "csv", "feed")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
# Multi-article files may be large; they are read record by record (feeds excepted).
MAX_FEED_BYTES = 64 * 1024 * 1024
_HEADER_KEYS = "|".join(METADATA_KEYS)
_HEADER_LINE = re.compile(rf"^({_HEADER_KEYS})\s*:\s*(.*)$", re.IGNORECASE)


def detect_format(path: Path, head: bytes) -> str:
    """The format by extension, else by sniffing the first bytes."""
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    sniffed = sniff_format(head)
    if sniffed:
        return sniffed
    if b"\x00" in head:
        raise ReadError("binary file (contains NUL bytes), not text")
    if path.suffix:
        raise ReadError(f"unknown file type '{path.suffix}' (use --format to choose one)")
    return "text"


def sniff_format(head: bytes) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in start else "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    return None


def read_file(path: Path, fmt: str | None = None) -> ReadResult:
    """Read the articles in one file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise ReadError(_os_reason(error)) from None
    fmt = fmt or detect_format(path, head)
    return _READERS[fmt](path)


def _os_reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReadError(
                f"file is {describe_size(size)}, over the {describe_size(limit)} limit"
                + (" for one article" if limit == MAX_ARTICLE_BYTES else "")
            )
        return path.read_bytes()
    except OSError as error:
        raise ReadError(_os_reason(error)) from None


def _decoded(path: Path, limit: int = MAX_ARTICLE_BYTES) -> tuple[str, list[str]]:
    decoded = decode_text(_read_bytes(path, limit))
    return decoded.text, [decoded.notice] if decoded.notice else []


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split optional ``key: value`` header lines (ended by a blank line) from the body."""
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if header:
                return header, "\n".join(lines[index + 1 :])
            break
        match = _HEADER_LINE.match(line.strip())
        if not match:
            break
        header[match.group(1).lower()] = match.group(2).strip()
    return {}, text


def read_text(path: Path) -> ReadResult:
    yield _plain_article(path, "text", lambda body: body)


def read_markdown(path: Path) -> ReadResult:
    yield _plain_article(path, "markdown", markdown_to_text)


def _plain_article(path: Path, importer: str, to_text: Callable[[str], str]) -> RawArticle:
    text, notices = _decoded(path)
    header, body = split_header(text.replace("\r\n", "\n").replace("\r", "\n"))
    body = to_text(body)
    if not body.strip():
        raise ReadError("no article text after the header")
    return RawArticle(text=body, origin=str(path), importer=importer, notices=notices, **header)


def read_html(path: Path) -> ReadResult:
    text, notices = _decoded(path)
    article = extract_html_article(text, origin=str(path))
    article.notices.extend(notices)
    yield article


def read_feed(path: Path) -> ReadResult:
    import feedparser  # imported here: only feed files pay for it

    data = _read_bytes(path, MAX_FEED_BYTES)
    if not data.strip():
        raise ReadError("empty file")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise ReadError(f"malformed feed XML ({_bozo_reason(parsed)})")
        if not parsed.get("version"):
            raise ReadError("not an RSS or Atom feed")
        raise ReadError("feed has no entries")
    feed_title = outlet_from_feed_title(parsed.feed.get("title"))
    # feedparser recovers entries from many broken feeds; keep them, but say the feed is broken.
    problem = _bozo_reason(parsed) if parsed.get("bozo") else None
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{path}#{number}"
        try:
            article = _feed_entry_article(entry, origin=origin, feed_title=feed_title)
        except (ValueError, ReadError) as error:
            yield RecordError(origin, str(error))
            continue
        if problem:
            article.notices.append(f"malformed feed XML ({problem}); entry recovered")
        yield article


_SECTION_SUFFIX = re.compile(r"\s+[-–—|:]\s+.*$")


def outlet_from_feed_title(title: str | None) -> str | None:
    """The outlet in a feed title: "Kyiv Morning Post – Defence & Industry" is a section feed
    of "Kyiv Morning Post", and its articles should count for the same source."""
    if not title:
        return None
    return _SECTION_SUFFIX.sub("", title.strip()) or title.strip()


def _bozo_reason(parsed: Any) -> str:
    return str(parsed.get("bozo_exception", "not well-formed")).splitlines()[0]


def _feed_entry_article(entry: Any, *, origin: str, feed_title: str | None) -> RawArticle:
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    text = html_fragment_to_text(html or "")
    if not text.strip():
        raise ValueError("feed entry has no text")
    check_article_size(len(text.encode("utf-8")))
    author = entry.get("author")
    return RawArticle(
        text=text,
        origin=origin,
        importer="feed",
        title=entry.get("title"),
        url=entry.get("link"),
        source=feed_title,
        published=entry.get("published") or entry.get("updated"),
        author=author,
    )


def read_jsonl(path: Path) -> ReadResult:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ReadError(_os_reason(error)) from None
    with handle:
        seen_any = False
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            seen_any = True
            yield _jsonl_record(raw_line, origin=f"{path}#{number}")
        if not seen_any:
            raise ReadError("empty file")


def _jsonl_record(raw_line: bytes, *, origin: str) -> RawArticle | RecordError:
    try:
        check_article_size(len(raw_line))
        record = json.loads(decode_text(raw_line).text)
    except ReadError as error:
        return RecordError(origin, str(error))
    except json.JSONDecodeError as error:
        return RecordError(origin, f"invalid JSON ({error.msg} at column {error.colno})")
    return _mapping_article(record, origin=origin, importer="jsonl")


def _mapping_article(record: object, *, origin: str, importer: str) -> RawArticle | RecordError:
    if not isinstance(record, dict):
        return RecordError(origin, "record is not a JSON object")
    try:
        article = RawArticle.from_mapping(record, origin=origin, importer=importer)
        check_article_size(len(article.text.encode("utf-8")))
    except (ValueError, ReadError) as error:
        return RecordError(origin, str(error))
    return article


def read_json(path: Path) -> ReadResult:
    text, _notices = _decoded(path, MAX_FEED_BYTES)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(f"invalid JSON ({error.msg} at line {error.lineno})") from None
    if isinstance(document, dict) and isinstance(document.get("articles"), list):
        document = document["articles"]
    records = document if isinstance(document, list) else [document]
    if not records:
        raise ReadError("no articles in the JSON file")
    for number, record in enumerate(records, start=1):
        yield _mapping_article(record, origin=f"{path}#{number}", importer="json")


def read_csv(path: Path) -> ReadResult:
    text, _notices = _decoded(path, MAX_FEED_BYTES)
    csv.field_size_limit(MAX_ARTICLE_BYTES + 1)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = [name.strip().lower() for name in reader.fieldnames or []]
    except csv.Error as error:
        raise ReadError(f"malformed CSV header ({error})") from None
    if "text" not in columns:
        raise ReadError("CSV header has no 'text' column")
    reader.fieldnames = columns
    try:
        # Origins number the records (a quoted cell may span several lines).
        for number, row in enumerate(reader, start=1):
            origin = f"{path}#{number}"
            if None in row:
                yield RecordError(origin, "row has more cells than the header")
                continue
            yield _mapping_article(dict(row), origin=origin, importer="csv")
    except csv.Error as error:
        raise ReadError(f"malformed CSV at line {reader.line_num} ({error})") from None


_READERS: dict[str, Callable[[Path], ReadResult]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "feed": read_feed,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
}

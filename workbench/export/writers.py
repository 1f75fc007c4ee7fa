"""Write export records (see records.py) as JSONL, JSON, CSV, Markdown or ClaimReview JSON-LD.

The formats are described in docs/export.md. Every writer is deterministic: the same records
give the same bytes (sorted keys, fixed column order, no clock). A file is written atomically:
to a temporary file beside the destination, moved over it only when complete.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

from workbench.config import config_path
from workbench.export.claimreview import (
    ClaimReviewSettings,
    ExportError,
    claim_reviews,
    source_key,
)

# ExportError is defined in claimreview.py (see there why) and re-exported as part of this API.
__all__ = ["CSV_COLUMNS", "FORMATS", "PROGRESS_EVERY", "ExportError", "write_export"]

FORMATS = ("jsonl", "json", "csv", "md", "claimreview")
PROGRESS_EVERY = 1000

# One column per record field, in reading order: the verdict first, then the claim, its
# article, what the machine found in it, its group and the review log.
CSV_COLUMNS = (
    "id", "verdict", "reviewer", "reviewed_at", "note", "evidence_url", "status",
    "disagreement", "text", "kind", "speaker", "context", "source", "published",
    "published_precision", "article_id", "article_url", "article_title", "article_content_hash",
    "char_start", "char_end", "checkworthiness", "reasons", "numbers", "dates", "group_id",
    "group_relation", "group_size", "group_sources", "suggested_outdated", "differing_spans",
    "group_members", "history", "revision", "schema_version",
)  # fmt: skip
# A spreadsheet runs a cell starting with one of these as a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Characters json.dumps leaves raw with ensure_ascii=False that split a line for some readers
# (str.splitlines, JavaScript before ES2019) or act on a terminal (C1 controls).
_LINE_BREAKING = re.compile("[\x7f-\x9f\u2028\u2029]")

# Built once: json.dumps with options builds a new encoder on every call, which shows at 100,000
# records (and CSV encodes five lists per record).
# check_circular off: records are plain trees built by records.py, and the check costs time.
_ONE_LINE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, check_circular=False).encode
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode

Writer = Callable[[Iterable[dict[str, Any]], TextIO], int]


def write_export(
    *,
    records: Iterable[dict[str, Any]],
    fmt: str,
    destination: Path | None,
    claimreview: ClaimReviewSettings | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the records to `destination` (None: stdout) and return how many were written.

    `progress` gets the number of records read so far every PROGRESS_EVERY records and once
    at the end. Any error leaves an existing destination as it was and no temporary file.
    """
    writer = _writer(fmt, claimreview)  # refuses a bad format or missing settings up front
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    counted = _Counted(records, progress)
    output = _stdout(encoding) if destination is None else _atomic_file(destination, encoding)
    try:
        with output as out:
            written = writer(counted, out)
    except OSError as error:
        reason = error.strerror or error
        raise ExportError(f"{destination or 'stdout'}: cannot write ({reason})") from None
    counted.report()
    return written


def _writer(fmt: str, claimreview: ClaimReviewSettings | None) -> Writer:
    if fmt == "claimreview":
        if claimreview is None:
            raise ExportError(
                "ClaimReview export needs the publishing organisation and a base URL: "
                f"set [claimreview] organisation and base_url in {config_path()}"
            )
        settings = claimreview
        return lambda records, out: _write_claimreview(records, out, settings)
    writers: dict[str, Writer] = {
        "jsonl": _write_jsonl,
        "json": _write_json,
        "csv": _write_csv,
        "md": _write_markdown,
    }
    if fmt not in writers:
        raise ExportError(f"unknown export format '{fmt}' (use {', '.join(FORMATS)})")
    return writers[fmt]


class _Counted:
    """The records, counted as they are read, with the progress callback on the way."""

    def __init__(
        self, records: Iterable[dict[str, Any]], progress: Callable[[int], None] | None
    ) -> None:
        self._records = records
        self._progress = progress
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for record in self._records:
            self.count += 1
            if self._progress and self.count % PROGRESS_EVERY == 0:
                self._progress(self.count)
            yield record

    def report(self) -> None:
        if self._progress and self.count % PROGRESS_EVERY:
            self._progress(self.count)


# ---- output: stdout or an atomically replaced file


@contextmanager
def _stdout(encoding: str) -> Iterator[TextIO]:
    """stdout in our encoding and without newline translation, so `-o -` and `-o FILE` give
    the same bytes."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stdout replaced by text-only capture takes the text as it is
        yield sys.stdout
        return
    out = io.TextIOWrapper(buffer, encoding=encoding, newline="")
    try:
        yield out
    finally:
        out.flush()
        out.detach()  # leave sys.stdout's buffer open


@contextmanager
def _atomic_file(destination: Path, encoding: str) -> Iterator[TextIO]:
    if destination.is_dir():
        raise ExportError(f"{destination}: is a folder; name a file to write")
    temporary = _create_temporary(destination)
    try:
        with temporary.open("w", encoding=encoding, newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())  # the data is on disk before the rename makes it visible
        if destination.exists():
            shutil.copymode(destination, temporary)  # keep the permissions the user gave it
        os.replace(temporary, destination)
    except BaseException:  # KeyboardInterrupt included: never leave a half file behind
        with suppress(FileNotFoundError):
            temporary.unlink()
        raise


def _create_temporary(destination: Path) -> Path:
    """An empty hidden file beside the destination (same filesystem, so os.replace is atomic),
    created with the usual permissions (0o666 less the umask), unlike mkstemp's 0o600."""
    while True:
        candidate = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.part")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return candidate
        except FileExistsError:
            continue


# ---- formats


def json_text(value: Any, indent: int | None = None) -> str:
    """Deterministic JSON (sorted keys, UTF-8 text) that is always one line per value."""
    if indent is None:
        text = _ONE_LINE_JSON(value)
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent)
    # isascii() is nearly free and settles most English text without the regex scan.
    if not text.isascii() and _LINE_BREAKING.search(text):
        text = _LINE_BREAKING.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


def _write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    written = 0
    for record in records:
        out.write(json_text(record))
        out.write("\n")
        written += 1
    return written


def _write_json(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    return _write_json_array((json_text(record) for record in records), out)


def _write_claimreview(
    records: Iterable[dict[str, Any]], out: TextIO, settings: ClaimReviewSettings
) -> int:
    reviews = claim_reviews(records, settings)
    # Indented inside the array as json.dumps(indent=2) would indent the whole list (JSON text
    # holds no raw newline inside a string, so every newline is layout).
    items = ("  " + json_text(review, indent=2).replace("\n", "\n  ") for review in reviews)
    return _write_json_array(items, out)


def _write_json_array(items: Iterable[str], out: TextIO) -> int:
    """A JSON array written item by item, so memory stays flat however many there are."""
    written = 0
    out.write("[")
    for item in items:
        out.write(",\n" if written else "\n")
        out.write(item)
        written += 1
    out.write("\n]\n" if written else "]\n")
    return written


def _write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: CRLF, quotes only as needed
    writer.writerow(CSV_COLUMNS)
    written = 0
    for record in records:
        writer.writerow(csv_row(record))
        written += 1
    return written


def csv_row(record: dict[str, Any]) -> list[str]:
    members = record["group"]["members"] if record.get("group") else None
    flat = {**record, "group_members": members, "reasons": "; ".join(record["reasons"])}
    return [csv_cell(flat.get(column)) for column in CSV_COLUMNS]


def csv_cell(value: Any) -> str:
    """Text for one cell: lists and objects as compact JSON, booleans as true/false, nothing
    for null, and text a spreadsheet would run as a formula behind an apostrophe."""
    if isinstance(value, str):  # the commonest cell first: this runs 35 times per record
        return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return _COMPACT_JSON(value)
    return str(value)


def _write_markdown(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    # Grouping needs every record first, so this one format holds the export in memory.
    held = list(records)
    out.write(render_markdown(held))
    return len(held)


# ---- Markdown report, for an editor: by group, conflicts first

RELATION_ORDER = ("conflicting", "outdated", "repeated")
RELATION_TITLES = {
    "conflicting": "Conflicting reports",
    "outdated": "Outdated by a later report",
    "repeated": "Repeated across reports",
}
# Characters that open Markdown markup anywhere in a line: CommonMark's emphasis, code, links,
# HTML, entities and headings, plus GitHub's tables, strikethrough and math.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~&$])")
_LIST_START = re.compile(r"^([-+])|^(\d+)([.)])")  # would open a list at the start of a line
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"\s+")
_PLAIN_WEB_URL = re.compile(r"https?://[^\s<>\\]+")


def md_escape(text: str | None) -> str:
    """Untrusted text as literal Markdown on one line: markup characters backslash-escaped,
    control characters shown as visible escapes (\\x1b), line breaks as spaces."""
    flat = _WHITESPACE.sub(" ", text or "").strip()
    escaped = _MARKUP.sub(r"\\\1", flat)
    escaped = _LIST_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", escaped)


def md_url(url: str | None) -> str:
    """A web URL as an autolink; anything else (javascript:, spaces, brackets) as plain text."""
    if url and _PLAIN_WEB_URL.fullmatch(url):
        return f"<{url}>"
    return md_escape(url)


def render_markdown(records: list[dict[str, Any]]) -> str:
    groups, singles = _md_sections(records)
    lines = ["# Claim export", "", _md_summary(records, len(groups)), ""]
    for members in groups:
        lines += _md_group(members)
    if singles:
        lines += ["## Claims reported once", ""]
        for record in singles:
            lines += _md_claim(record)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_sections(
    records: list[dict[str, Any]],
) -> tuple[list[list[dict[str, Any]]], list[dict[str, Any]]]:
    """Exported claims by group (conflicting, outdated, repeated, then any other relation;
    by group id within one), and the claims without a group of two or more."""
    by_group: dict[int, list[dict[str, Any]]] = {}
    singles = []
    for record in sorted(records, key=lambda record: record["id"]):
        if record.get("group"):
            by_group.setdefault(record["group"]["id"], []).append(record)
        else:
            singles.append(record)

    def rank(members: list[dict[str, Any]]) -> tuple[int, int]:
        group = members[0]["group"]
        relation = group["relation"]
        order = RELATION_ORDER.index(relation) if relation in RELATION_ORDER else 99
        return (order, group["id"])

    return sorted(by_group.values(), key=rank), singles


def _md_summary(records: list[dict[str, Any]], groups: int) -> str:
    counts: dict[str, int] = {}
    for record in records:
        counts[record["status"]] = counts.get(record["status"], 0) + 1
    statuses = ", ".join(f"{counts[status]} {status}" for status in sorted(counts))
    claims = "claim" if len(records) == 1 else "claims"
    grouped = "group" if groups == 1 else "groups"
    return (
        f"{len(records)} {claims} ({statuses or 'none'}); {groups} {grouped} of repeated reports."
    )


def _md_group(members: list[dict[str, Any]]) -> list[str]:
    group = members[0]["group"]
    title = RELATION_TITLES.get(group["relation"], md_escape(group["relation"]).capitalize())
    sources = {source_key(member) for member in group["members"]}
    lines = [
        f"## {title} · group {group['id']}",
        "",
        f"{len(group['members'])} reports from {len(sources)} sources; "
        f"{len(members)} of them in this export.",
        "",
        "Reported by:",
        "",
    ]
    lines += [f"- {_md_member(member)}" for member in group["members"]]
    lines += [""] + _md_differences(members)
    for record in members:
        lines += _md_claim(record)
    return lines


def _md_member(member: dict[str, Any]) -> str:
    parts = [
        f"claim {member['claim_id']}",
        md_escape(member.get("source")) or "unknown source",
        member.get("published") or "date unknown",
    ]
    if member.get("url"):
        parts.append(md_url(member["url"]))
    return " · ".join(parts)


def _md_differences(members: list[dict[str, Any]]) -> list[str]:
    """The conflicts spelled out: each differing span of an exported claim and why."""
    lines = []
    for record in members:
        for span in record.get("differing_spans") or []:
            quoted = md_escape(record["text"][span["start"] : span["end"]])
            lines.append(f"- claim {record['id']}: “{quoted}”: {md_escape(span.get('reason'))}")
    return ["What differs:", "", *lines, ""] if lines else []


def _md_claim(record: dict[str, Any]) -> list[str]:
    verdict = record.get("verdict") or "not reviewed"
    lines = [
        f"### Claim {record['id']} · {verdict.capitalize()}",
        "",
        f"> {md_escape(record['text'])}",
        "",
    ]
    source = [md_escape(record.get("source")) or "unknown source"]
    source.append(record.get("published") or "date unknown")
    if record.get("article_url"):
        source.append(md_url(record["article_url"]))
    lines.append(f"- Source: {' · '.join(source)}")
    if record.get("context"):
        lines.append(f"- Context: {md_escape(record['context'])}")
    if record.get("speaker"):
        lines.append(f"- Speaker: {md_escape(record['speaker'])}")
    lines += _md_verdict(record)
    if record.get("disagreement"):
        lines.append("- Reviewers disagree: merged verdicts differ; it needs a new decision.")
    if record.get("suggested_outdated"):
        lines.append("- Matching found a later report in its group that supersedes it.")
    return [*lines, ""]


def _md_verdict(record: dict[str, Any]) -> list[str]:
    if not record.get("verdict"):
        return []
    lines = [
        f"- Verdict: **{record['verdict']}** by {md_escape(record['reviewer'])}"
        f" on {(record.get('reviewed_at') or '')[:10]}"
    ]
    if record.get("note"):
        lines.append(f"- Note: {md_escape(record['note'])}")
    if record.get("evidence_url"):
        lines.append(f"- Evidence: {md_url(record['evidence_url'])}")
    if len(record.get("history") or []) > 1:
        steps = [_md_history_entry(entry) for entry in record["history"]]
        lines.append(f"- History: {' → '.join(steps)}")
    return lines


def _md_history_entry(entry: dict[str, Any]) -> str:
    action = f"undo to {entry['verdict']}" if entry.get("undo") else entry["verdict"]
    return f"{(entry.get('created_at') or '')[:10]} {action} ({md_escape(entry['reviewer'])})"

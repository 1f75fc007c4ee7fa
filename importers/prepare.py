"""From a RawArticle to the rows to store: clean-up, splitting, extraction and scoring.

Pure functions with no database access, so the expensive part of an import can be tested (and
benchmarked) on its own.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlparse

from workbench.importers.attribution import resolve_speakers
from workbench.importers.clean import clean_article
from workbench.importers.dates import ParsedDate, extract_dates, find_publication_date
from workbench.importers.dates import parse_date_value as parse_date_value
from workbench.importers.numbers import extract_numbers
from workbench.importers.records import RawArticle
from workbench.importers.scoring import score_checkworthiness
from workbench.importers.split import split_claims


@dataclass(frozen=True)
class ArticleDefaults:
    """Values from the command line that apply to every article of an import run."""

    source: str | None = None
    published: ParsedDate | None = None
    language: str | None = None


@dataclass
class PreparedArticle:
    title: str | None
    text: str
    url: str | None
    source: str | None
    domain: str | None
    author: str | None
    language: str | None
    published: ParsedDate | None
    content_hash: str
    importer: str
    origin: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def content_hash(raw: RawArticle) -> str:
    """Identity of an article's content as read, independent of our clean-up rules."""
    normalised = "\n".join(line.rstrip() for line in raw.text.strip().splitlines())
    payload = f"{(raw.title or '').strip()}\n\n{normalised}"
    return hashlib.sha256(payload.encode("utf-8", errors="surrogatepass")).hexdigest()


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def prepare_article(raw: RawArticle, defaults: ArticleDefaults) -> PreparedArticle:
    cleaned = clean_article(raw.text, raw.title)
    published = _publication_date(raw, defaults, cleaned.captions)
    domain = domain_of(raw.url)
    prepared = PreparedArticle(
        title=cleaned.title,
        text=cleaned.text,
        url=raw.url,
        source=defaults.source or raw.source or domain,
        domain=domain,
        author=raw.author,
        language=defaults.language or raw.language,
        published=published,
        content_hash=content_hash(raw),
        importer=raw.importer,
        origin=raw.origin,
    )
    prepared.claims = _claim_rows(cleaned.text, cleaned.title is not None, published)
    prepared.notices = list(raw.notices)
    return prepared


def _publication_date(
    raw: RawArticle, defaults: ArticleDefaults, captions: list[str]
) -> ParsedDate | None:
    # The command line wins over the file, the file's metadata over a date found in the text;
    # an unknown date stays unknown rather than becoming today.
    if defaults.published is not None:
        return defaults.published
    if raw.published:
        parsed = parse_date_value(raw.published)
        if parsed is not None:
            return parsed
        raw.notices.append(f"publication date '{raw.published}' not understood; ignored")
    for text in (*captions, raw.text):
        found = find_publication_date(text)
        if found is not None:
            return found
    return None


def _claim_rows(text: str, has_title: bool, published: ParsedDate | None) -> list[dict[str, Any]]:
    spans = split_claims(text, has_title=has_title)
    speakers = resolve_speakers([span.text for span in spans])
    reference = published.value if published is not None else None
    rows = []
    for ordinal, (span, speaker) in enumerate(zip(spans, speakers, strict=True)):
        reading = read_claim(span.text, span.kind, speaker, reference)
        rows.append(
            {
                "ordinal": ordinal,
                "text": span.text,
                "char_start": span.start,
                "char_end": span.end,
                "kind": span.kind,
                "context": span.context,
                "checkworthiness": reading.checkworthiness,
                # Serialised here, in the worker process (see pipeline.CLAIM_ROWS).
                "reasons": json.dumps(reading.reasons),
                "numbers": json.dumps(reading.numbers),
                "dates": json.dumps(reading.dates),
                "speaker": speaker,
            }
        )
    return rows


@dataclass(frozen=True)
class ClaimReading:
    """What is read from one claim's text: its figures, its dates and its check-worthiness."""

    numbers: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    checkworthiness: float
    reasons: list[str]


def read_claim(text: str, kind: str, speaker: str | None, reference: date | None) -> ClaimReading:
    """Read one claim; dates without a year are resolved against `reference` (the article's
    publication date). Used at import, and to read stored claims again (`reread_claims`)."""
    numbers = [mention.to_json() for mention in extract_numbers(text)]
    dates = [mention.to_json() for mention in extract_dates(text, reference)]
    score, reasons = score_checkworthiness(
        text,
        kind=kind,
        number_count=len(numbers),
        date_count=len(dates),
        has_speaker=speaker is not None,
    )
    return ClaimReading(numbers, dates, round(score, 3), reasons)

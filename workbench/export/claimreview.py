"""schema.org ClaimReview objects (JSON-LD) built from export records, checked before writing.

This module has no I/O: `writers.write_export` turns the objects into a file. It also defines
`ExportError`, which every export module raises; it lives here, at the bottom of the export
modules, so that writers.py can import (and re-export) it without an import cycle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbench.config import config_path

# Our rating scale: the higher the value, the better the claim holds up. "Outdated" sits between
# the two because the claim was true when published and has since been overtaken.
RATINGS = {
    "confirmed": (3, "Confirmed"),
    "outdated": (2, "Outdated"),
    "disputed": (1, "Disputed"),
}
BEST_RATING = 3
WORST_RATING = 1
# Google's guidance for claimReviewed: at most 75 characters.
CLAIM_REVIEWED_LIMIT = 75
ELLIPSIS = "…"

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHITESPACE = re.compile(r"\s+")


class ExportError(Exception):
    """An export that cannot be written; the message is one line fit to show a user."""


@dataclass(frozen=True)
class ClaimReviewSettings:
    organisation: str
    organisation_url: str | None
    base_url: str


def claimreview_settings(file_values: dict[str, Any]) -> ClaimReviewSettings:
    """Settings from the config file's ``[claimreview]`` table (organisation, base_url and the
    optional organisation_url)."""
    section = file_values.get("claimreview")
    section = section if isinstance(section, dict) else {}
    organisation = _text_setting(section, "organisation")
    base_url = _text_setting(section, "base_url")
    if not organisation or not base_url:
        raise ExportError(
            "ClaimReview export needs the publishing organisation and a base URL: "
            f"set [claimreview] organisation and base_url in {config_path()}"
        )
    organisation_url = section.get("organisation_url")
    for key, value in (("base_url", base_url), ("organisation_url", organisation_url)):
        if value is not None and not _is_web_url(value):
            raise ExportError(
                f"[claimreview] {key} must be an http(s) URL (in {config_path()}): {value!r}"
            )
    return ClaimReviewSettings(organisation, organisation_url, base_url.rstrip("/"))


def _text_setting(section: dict[str, Any], key: str) -> str:
    value = section.get(key)
    return value.strip() if isinstance(value, str) else ""


def _non_empty(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_web_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def claim_reviews(
    records: Iterable[dict[str, Any]], settings: ClaimReviewSettings
) -> Iterator[dict[str, Any]]:
    """One checked ClaimReview per reviewed record; unreviewed records have nothing to say."""
    for record in records:
        if record.get("verdict") not in RATINGS:
            continue
        review = claim_review(record, settings)
        problems = claimreview_problems(review)
        if problems:
            raise ExportError(f"claim {record.get('id')}: bad ClaimReview: {'; '.join(problems)}")
        yield review


def claim_review(record: dict[str, Any], settings: ClaimReviewSettings) -> dict[str, Any]:
    value, name = RATINGS[record["verdict"]]
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": name,
        "ratingValue": value,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }
    if record.get("note"):
        rating["ratingExplanation"] = record["note"]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{settings.base_url}/claims/{record['id']}",
        "claimReviewed": shorten(record["text"]),
        "reviewRating": rating,
        "itemReviewed": _claim(record),
        "author": _organisation(settings.organisation, settings.organisation_url),
        "datePublished": _review_day(record.get("reviewed_at")),
    }
    if record.get("evidence_url"):
        review["citation"] = record["evidence_url"]
    return review


def shorten(text: str, limit: int = CLAIM_REVIEWED_LIMIT) -> str:
    """The text on one line, cut at a word boundary with an ellipsis when it is too long."""
    flat = _WHITESPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    room = flat[: limit - len(ELLIPSIS) + 1]  # one extra: a space there is a word boundary
    cut = room.rfind(" ")
    head = room[:cut] if cut > 0 else room[: limit - len(ELLIPSIS)]
    return head.rstrip(" ,;:–—-") + ELLIPSIS


def _review_day(reviewed_at: str | None) -> str | None:
    return datetime.fromisoformat(reviewed_at).date().isoformat() if reviewed_at else None


def _organisation(name: str, url: str | None) -> dict[str, Any]:
    organisation = {"@type": "Organization", "name": name}
    if url:
        organisation["url"] = url
    return organisation


def _claim(record: dict[str, Any]) -> dict[str, Any]:
    appearances = [_creative_work(member) for member in _first_per_source(_members(record))]
    claim: dict[str, Any] = {"@type": "Claim", "text": record["text"], "appearance": appearances}
    if appearances:
        claim["firstAppearance"] = appearances[0]
    return claim


def _members(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Where the claim was reported: every member of its group, or its own article."""
    if record.get("group"):
        return list(record["group"]["members"])
    own = {
        "claim_id": record["id"],
        "source": record.get("source"),
        "url": record.get("article_url"),
        "published": record.get("published"),
    }
    return [own]


def _first_per_source(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each outlet's earliest report, earliest first (unknown dates last).

    An unknown outlet is told apart by its URL, so two unnamed sites stay two appearances."""
    ordered = sorted(members, key=_chronological)
    seen: set[tuple[str, Any]] = set()
    firsts = []
    for member in ordered:
        key = source_key(member)
        if key not in seen:
            seen.add(key)
            firsts.append(member)
    return firsts


def source_key(member: dict[str, Any]) -> tuple[str, Any]:
    if member.get("source"):
        return ("source", member["source"])
    if member.get("url"):
        return ("url", member["url"])
    return ("claim", member["claim_id"])


def _chronological(member: dict[str, Any]) -> tuple[bool, str, int]:
    published = member.get("published")
    return (published is None, published or "", member["claim_id"])


def _creative_work(member: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if member.get("url"):
        work["url"] = member["url"]
    if member.get("published"):
        work["datePublished"] = member["published"]
    if member.get("source"):
        work["publisher"] = _organisation(member["source"], None)
    return work


def claimreview_problems(review: dict[str, Any]) -> list[str]:
    """What a ClaimReview lacks or gets wrong (required fields and their types); [] if fine."""
    problems = _top_level_problems(review)
    problems += _rating_problems(review.get("reviewRating"))
    problems += _claim_problems(review.get("itemReviewed"))
    return problems


def _top_level_problems(review: dict[str, Any]) -> list[str]:
    problems = []
    if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
        problems.append("@context/@type must be https://schema.org / ClaimReview")
    claim_reviewed = review.get("claimReviewed")
    if not isinstance(claim_reviewed, str) or not 0 < len(claim_reviewed) <= CLAIM_REVIEWED_LIMIT:
        problems.append(f"claimReviewed must be 1 to {CLAIM_REVIEWED_LIMIT} characters")
    if not _is_web_url(review.get("url")):
        problems.append("url must be an http(s) URL")
    if not isinstance(review.get("datePublished"), str) or not _ISO_DAY.fullmatch(
        review["datePublished"]
    ):
        problems.append("datePublished must be a YYYY-MM-DD review date")
    author = review.get("author")
    if not isinstance(author, dict) or not _non_empty(author.get("name")):
        problems.append("author must be an Organization with a name")
    return problems


def _rating_problems(rating: Any) -> list[str]:
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        return ["reviewRating must be a Rating"]
    value = rating.get("ratingValue")
    if not isinstance(value, int) or not WORST_RATING <= value <= BEST_RATING:
        return [f"ratingValue must be a whole number from {WORST_RATING} to {BEST_RATING}"]
    if not _non_empty(rating.get("alternateName")):
        return ["reviewRating needs an alternateName"]
    return []


def _claim_problems(claim: Any) -> list[str]:
    if not isinstance(claim, dict) or claim.get("@type") != "Claim":
        return ["itemReviewed must be a Claim"]
    if not _non_empty(claim.get("text")):
        return ["itemReviewed.text must hold the claim"]
    appearances = claim.get("appearance")
    if not isinstance(appearances, list) or not appearances:
        return ["itemReviewed.appearance must list where the claim appeared"]
    if any(
        not isinstance(work, dict) or work.get("@type") != "CreativeWork" for work in appearances
    ):
        return ["every appearance must be a CreativeWork"]
    return []

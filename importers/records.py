"""What a reader hands to the import pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

METADATA_KEYS = ("title", "url", "source", "published", "language", "author")


@dataclass
class RawArticle:
    """One article as read from a file, before clean-up and splitting."""

    text: str
    origin: str  # the file, plus "#N" for the Nth record of a multi-article file
    importer: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # as written in the input; parsed by the pipeline
    language: str | None = None
    author: str | None = None
    notices: list[str] = field(default_factory=list)

    @classmethod
    def from_mapping(cls, record: dict[str, object], *, origin: str, importer: str) -> RawArticle:
        """Build from a JSON object or CSV row with a required ``text`` field."""
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ValueError("no 'text' field" if text is None else "'text' is empty or not text")
        article = cls(text=text, origin=origin, importer=importer)
        for key in METADATA_KEYS:
            setattr(article, key, _optional_str(record.get(key)))
        return article


@dataclass(frozen=True)
class RecordError:
    """A record of a multi-article file that could not be read; the others still import."""

    origin: str
    reason: str


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None

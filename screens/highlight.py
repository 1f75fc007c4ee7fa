"""Claim text as Content with its figures, dates and disagreeing spans highlighted.

Article text is untrusted: it becomes Content as plain text (never markup), and styles are
added by offset afterwards. Control characters are made visible first, so offsets are taken
on the original text and shifted where an escape widened it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from textual.content import Content

from workbench.output import visible

# Theme variables are resolved by Textual, so highlights follow the user's theme.
NUMBER_STYLE = "bold $accent"
DATE_STYLE = "underline $secondary"
DIFFERS_STYLE = "bold reverse $warning"
STATUS_STYLES: Mapping[str, str] = {
    "unreviewed": "",
    "confirmed": "$success",
    "disputed": "$error",
    "outdated": "$warning",
}


def claim_content(
    text: str,
    *,
    numbers: Sequence[Mapping[str, Any]] = (),
    dates: Sequence[Mapping[str, Any]] = (),
    differing: Sequence[Mapping[str, Any]] = (),
) -> Content:
    """The claim with figures bold, dates underlined and disagreeing spans reversed."""
    content, shift = _visible_content(text)
    for spans, style in ((numbers, NUMBER_STYLE), (dates, DATE_STYLE), (differing, DIFFERS_STYLE)):
        content = _stylize_spans(content, shift, spans, style, len(text))
    return content


def _visible_content(text: str) -> tuple[Content, list[int]]:
    """Content of the visible text, and for each original offset its offset in that text."""
    shift: list[int] = []
    pieces: list[str] = []
    position = 0
    for char in text:
        shift.append(position)
        shown = visible(char)
        pieces.append(shown)
        position += len(shown)
    shift.append(position)
    return Content("".join(pieces)), shift


def _stylize_spans(
    content: Content,
    shift: list[int],
    spans: Iterable[Mapping[str, Any]],
    style: str,
    length: int,
) -> Content:
    for span in spans:
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
            content = content.stylize(style, shift[start], shift[end])
    return content

"""Split stored article text (``CleanedArticle.text``) into claim spans with character offsets.

Structure. Each line is a paragraph (``CleanedArticle.text`` has one paragraph per line, blank
lines between them); a line that starts with a lowercase letter right after a line without
terminal punctuation continues it (hard-wrapped input). Consecutive bullet lines ("- ", "• ",
"* ", "– ", "1. ", "1) ") form one list paragraph, even across blank lines. When ``has_title``,
the first paragraph is the headline claim (unless it is longer than ``MAX_HEADLINE_CHARS``, in
which case it is not a headline and is split like any paragraph).

Sentences end at ``.``, ``!``, ``?``, ``…`` (plus closing quotes/brackets) followed by whitespace
and a capital letter, digit, opening quote or bracket, except

* after titles and month abbreviations ("Mr.", "Gen.", "Feb.", "Sept.") and "e.g.", "i.e.",
  "vs." — never a sentence end;
* after a single capital initial ("John F. Kennedy") — never;
* after "No.", "Vol.", "p." and currency abbreviations ("Rs.") when a digit follows ("No. 5",
  "Rs. 79,900");
* after dotted abbreviations ("U.S.", "U.K.", "a.m.") and company/name suffixes ("Inc.",
  "Co.", "Jr.") unless the next word is a typical sentence opener ("The", "He", "But", …) or a
  quote opens, so "U.K. Defense Secretary" stays together while "… in the U.S. The …" splits;
* inside a bracketed ellipsis "(...)" / "[…]";
* inside quotation marks. “ ” and ‘ ’ open and close; a straight " or ' opens after whitespace
  and closes after text; ’ or ' between letters is an apostrophe (Russia’s, Wednesday's) and a
  closing mark with no open quote is ignored (the plural possessive "members’"). A quote still
  open at the end of the paragraph suppresses splits only if it opened the paragraph (the news
  convention for a quotation continuing into the next paragraph); otherwise it is treated as a
  stray mark and its suppressed boundaries are restored.

Quotations. Splits inside a quotation are suppressed, so a multi-sentence quote stays one claim
with its inline attribution (“A. B,” she said.). In addition, within one paragraph, a sentence
that is wholly a quotation is merged into the previous sentence when that one carries a speech
verb ("stated Breton. “To this end, …”"), and a short attribution sentence ("Kallas said.") is
merged into the whole-quotation sentence before it. A claim is kind "quote" when it opens with a
quote mark or more than half of its characters are inside quotation marks; a sentence with a
short embedded quotation ("is “stepping up a gear”, she said") stays kind "sentence" because
what it asserts is mostly the reporter's paraphrase.

Not claims: heading-like paragraphs (no terminal punctuation and at most ``HEADING_MAX_WORDS``
words — clean.py keeps sub-headings in the body and this rule skips them), fragments under
``MIN_CLAIM_WORDS`` words (headlines excepted) and text that is only punctuation or bracketed
markup such as "[…]" or "[bold]".

Length cap. No claim is longer than ``MAX_CLAIM_CHARS``: a longer sentence (a run-on or a text
without punctuation) is cut at the last ";" or "," in the second half of the allowed window,
else at the last space there, else hard at the limit. Every step is a bounded look-around or a
single regex pass without nested quantifiers, so splitting is linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .attribution import SPEECH_VERB_RE

ClaimKind = Literal["headline", "sentence", "quote", "list_item"]

MAX_CLAIM_CHARS = 2000
MAX_HEADLINE_CHARS = 300
MIN_CLAIM_WORDS = 4
HEADING_MAX_WORDS = 8
# A short "Kallas said." sentence that may be glued onto the quotation before it.
ATTRIBUTION_MAX_WORDS = 10
# How far back from a period an abbreviation can start; longer tokens are ordinary words.
_ABBREVIATION_SCAN_CHARS = 24


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    start: int
    end: int
    text: str
    kind: ClaimKind
    context: str | None
    paragraph: int


_NON_SPACE_RE = re.compile(r"\S")
_BULLET_RE = re.compile(r"(?:[-•*–·▪]|\d{1,3}[.)])[ \t]+(?=\S)")
# Terminal punctuation with its closing quotes/brackets, or a quote mark that is not an
# apostrophe between two word characters.
# A full stop glued to the next sentence: a lower-case word of three letters or more before it,
# a capitalised word after ("adoption.The"). "U.S.The", "Node.js" and "e.g.The" do not match.
_GLUED_SENTENCE_RE = re.compile(r"[a-z]{3}\.[A-Z][a-z]")
_EVENT_RE = re.compile(r"[.!?…]+[”\"’')\]]*|[“”\"]|(?<!\w)[‘’']|[‘’'](?!\w)")
_QUOTE_MARK_RE = re.compile(r"[“”\"]|(?<!\w)[‘’']|[‘’'](?!\w)")
_BRACKET_MARKUP_RE = re.compile(r"\[[^\[\]\n]{0,40}\]")
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_DOTTED_ABBREVIATION_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")

_TERMINAL_CHARS = ".!?…"
_SENTENCE_END_CHARS = ".!?…:;\"”’')]"
_OPENING_QUOTES = "“\"‘'"
_STARTS_SENTENCE_CHARS = "“\"‘'(["
_NEVER_FINAL = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "prof", "st", "lt", "col", "maj", "capt",
     "sgt", "gov", "rev", "hon", "adm", "cmdr", "brig", "mt", "ft", "e.g", "i.e", "cf", "viz",
     "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
# Also currency abbreviations before an amount ("Rs. 79,900", "Rp. 5,000", "KSh. 200").
_NUMBERED = frozenset(
    {"no", "nos", "vol", "art", "fig", "p", "pp", "para", "rs", "rp", "ksh", "approx"}
)
_MAYBE_FINAL = frozenset({"inc", "co", "corp", "ltd", "llc", "plc", "jr", "sr", "bros"})
_SENTENCE_OPENERS = frozenset(
    {"The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those",
     "But", "And", "In", "On", "At", "As", "After", "Before", "While", "However", "Meanwhile",
     "Its", "His", "Her", "Their", "Our", "There", "According", "Last", "Earlier", "Later",
     "Since", "If", "When", "Some", "Many", "Both", "Yet", "So"}
)  # fmt: skip


def split_claims(text: str, has_title: bool = True) -> list[ClaimSpan]:
    """Claim spans of ``text`` in order; see the module docstring for the rules."""
    claims: list[ClaimSpan] = []
    lead_in: tuple[int, int] | None = None  # last sentence before a list: the items' context
    for paragraph, (start, end, is_list) in enumerate(_paragraphs(text, has_title)):
        if paragraph == 0 and has_title and not is_list and end - start <= MAX_HEADLINE_CHARS:
            claims.extend(_headline(text, start, end))
        elif is_list:
            context = None if lead_in is None else _context_text(text, *lead_in)
            claims.extend(_list_items(text, start, end, paragraph, context))
        else:
            segments = _sentence_segments(text, start, end)
            if segments:
                lead_in = segments[-1]
            if not _is_heading(text, start, end):
                claims.extend(_sentence_claims(text, segments, paragraph))
    return claims


# --- paragraphs -----------------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped of surrounding whitespace."""
    position = 0
    while position <= len(text):
        newline = text.find("\n", position)
        line_end = len(text) if newline == -1 else newline
        first = _NON_SPACE_RE.search(text, position, line_end)
        if first is not None:
            yield first.start(), first.start() + len(text[first.start() : line_end].rstrip())
        if newline == -1:
            return
        position = newline + 1


def _paragraphs(text: str, has_title: bool = False) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_list) per paragraph; a list paragraph spans all its bullet lines. A
    title is one line of its own: what follows never continues it ("placeholder image")."""
    current: tuple[int, int, bool] | None = None
    for line, (start, end) in enumerate(_lines(text)):
        is_bullet = _BULLET_RE.match(text, start, end) is not None
        if line == 1 and has_title and current is not None:
            yield current
            current = (start, end, is_bullet)
            continue
        if current is not None and _continues(text, current, start, is_bullet):
            current = (current[0], end, current[2])
            continue
        if current is not None:
            yield current
        current = (start, end, is_bullet)
    if current is not None:
        yield current


def _continues(text: str, current: tuple[int, int, bool], start: int, is_bullet: bool) -> bool:
    if current[2]:
        # A list keeps growing with bullets and with lowercase continuation lines of an item.
        return is_bullet or text[start].islower()
    # Hard-wrapped prose: the previous line stopped mid-sentence and this one goes on lowercase.
    return (
        not is_bullet and text[start].islower() and text[current[1] - 1] not in _SENTENCE_END_CHARS
    )


def _is_heading(text: str, start: int, end: int) -> bool:
    if text[end - 1] in _SENTENCE_END_CHARS or end - start > 200:
        return False
    return len(text[start:end].split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS


# --- claims of one paragraph ----------------------------------------------------------------


def _headline(text: str, start: int, end: int) -> Iterator[ClaimSpan]:
    span = _trimmed(text, start, end)
    if span is not None and _has_words(text[span[0] : span[1]]):
        yield ClaimSpan(span[0], span[1], text[span[0] : span[1]], "headline", None, 0)


def _context_text(text: str, start: int, end: int) -> str:
    """The lead-in sentence; a run-on one keeps only its last MAX_CLAIM_CHARS characters."""
    return text[max(start, end - MAX_CLAIM_CHARS) : end].strip()


def _list_items(
    text: str, start: int, end: int, paragraph: int, lead_in: str | None
) -> Iterator[ClaimSpan]:
    for item_start, item_end in _list_item_ranges(text, start, end):
        for piece_start, piece_end in _capped(text, item_start, item_end):
            piece = text[piece_start:piece_end]
            if _is_claim_sized(piece):
                yield ClaimSpan(piece_start, piece_end, piece, "list_item", lead_in, paragraph)


def _list_item_ranges(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Item text ranges (bullet markers excluded); continuation lines stay with their item."""
    item_start: int | None = None
    item_end = start
    for line_start, line_end in _lines_within(text, start, end):
        marker = _BULLET_RE.match(text, line_start, line_end)
        if marker is not None:
            if item_start is not None:
                yield item_start, item_end
            item_start = marker.end()
        item_end = line_end
    if item_start is not None:
        yield item_start, item_end


def _lines_within(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for line_start, line_end in _lines(text[start:end]):
        yield start + line_start, start + line_end


def _sentence_claims(
    text: str, segments: list[tuple[int, int]], paragraph: int
) -> Iterator[ClaimSpan]:
    for segment_start, segment_end in _merge_quotations(text, segments):
        for piece_start, piece_end in _capped(text, segment_start, segment_end):
            piece = text[piece_start:piece_end]
            if _is_claim_sized(piece):
                kind = _sentence_kind(text, piece_start, piece_end)
                yield ClaimSpan(piece_start, piece_end, piece, kind, None, paragraph)


def _sentence_kind(text: str, start: int, end: int) -> ClaimKind:
    if text[start] in _OPENING_QUOTES or 2 * _quoted_chars(text, start, end) > end - start:
        return "quote"
    return "sentence"


def _is_claim_sized(piece: str) -> bool:
    return len(piece.split(None, MIN_CLAIM_WORDS - 1)) >= MIN_CLAIM_WORDS and _has_words(piece)


def _has_words(piece: str) -> bool:
    """False for text that is only punctuation or bracketed markup like "[…]" or "[bold]"."""
    return _WORD_CHAR_RE.search(_BRACKET_MARKUP_RE.sub("", piece)) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return None
    trimmed_start = start + len(raw) - len(raw.lstrip())
    return trimmed_start, trimmed_start + len(stripped)


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span longer than MAX_CLAIM_CHARS at clause or word boundaries (module docstring)."""
    while end - start > MAX_CLAIM_CHARS:
        window_start, window_end = start + MAX_CLAIM_CHARS // 2, start + MAX_CLAIM_CHARS
        cut = max(
            text.rfind(";", window_start, window_end), text.rfind(",", window_start, window_end)
        )
        if cut != -1:
            cut += 1
        else:
            space = text.rfind(" ", window_start, window_end)
            cut = space if space != -1 else window_end
        piece = _trimmed(text, start, cut)
        if piece is not None:
            yield piece
        start = cut
    piece = _trimmed(text, start, end)
    if piece is not None:
        yield piece


# --- sentence boundaries --------------------------------------------------------------------


class _QuoteTracker:
    """Open quotation marks as a stack of kinds ("double" or "single") and their positions.
    A kind is open at most once, so the stack holds two marks at most; `is_open` is a plain
    list lookup because it runs for every quote mark (a million on a page of nothing else)."""

    __slots__ = ("kinds", "positions")

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.positions: list[int] = []

    @property
    def opener(self) -> int | None:
        """Position of the outermost open quotation mark."""
        return self.positions[0] if self.positions else None

    def is_open(self, kind: str) -> bool:
        return kind in self.kinds

    def open(self, kind: str, position: int) -> None:
        if kind not in self.kinds:
            self.kinds.append(kind)
            self.positions.append(position)

    def close(self, kind: str) -> None:
        if kind in self.kinds:
            depth = self.kinds.index(kind)
            del self.kinds[depth:], self.positions[depth:]

    def feed(self, text: str, position: int, low: int, high: int) -> None:
        """Update for the quote mark at ``position``; low/high bound the paragraph."""
        mark = text[position]
        before = text[position - 1] if position > low else " "
        after = text[position + 1] if position + 1 < high else " "
        kind = "double" if mark in '“”"' else "single"
        if mark in "“‘":
            if not after.isspace():
                self.open(kind, position)
        elif mark in "”’":
            self.close(kind)
        elif self.is_open(kind) and not before.isspace():
            self.close(kind)
        elif (before.isspace() or before in "([{“‘—–-\"'") and not after.isspace():
            if not (kind == "single" and after.isdigit()):  # '90s is not a quotation
                self.open(kind, position)
        elif self.is_open(kind):
            self.close(kind)

    def close_after_terminal(self, closers: str) -> None:
        for mark in closers:
            if mark in '”"':
                self.close("double")
            elif mark in "’'":
                self.close("single")


def _sentence_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed sentence ranges of one paragraph."""
    bounds = [start, *_boundaries(text, start, end), end]
    segments = []
    for index in range(len(bounds) - 1):
        segment = _trimmed(text, bounds[index], bounds[index + 1])
        if segment is not None:
            segments.append(segment)
    return segments


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Sentence cut positions inside text[start:end], in order."""
    quotes = _QuoteTracker()
    cuts: list[int] = []
    held: list[tuple[int, int]] = []  # (cut, position of the quote that suppressed it)
    for event in _EVENT_RE.finditer(text, start, end):
        position = event.start()
        if text[position] not in _TERMINAL_CHARS:
            quotes.feed(text, position, start, end)
            continue
        token = event.group()
        terminal = token.rstrip("”\"’')]")
        quotes.close_after_terminal(token[len(terminal) :])
        if not _ends_sentence(text, position, position + len(terminal), event.end(), start, end):
            continue
        opener = quotes.opener
        if opener is None:
            cuts.append(event.end())
        else:
            held.append((event.end(), opener))
    stray = quotes.opener
    if stray is not None and stray != start:
        # The quote never closed and did not open the paragraph: a stray mark, not a quotation.
        cuts = sorted(cuts + [cut for cut, opener in held if opener == stray])
    return cuts


def _ends_sentence(
    text: str, position: int, terminal_end: int, cut: int, low: int, high: int
) -> bool:
    """Whether the terminal punctuation text[position:terminal_end] ends a sentence at ``cut``."""
    if position - 3 >= low and cut < high and _GLUED_SENTENCE_RE.match(text, position - 3, cut + 2):
        return True  # "adoption.The SEC ...": a space lost between two sentences
    if cut >= high or not text[cut].isspace():
        return False
    following = _NON_SPACE_RE.search(text, cut, high)
    if following is None:
        return False
    next_char = text[following.start()]
    if not (next_char.isupper() or next_char.isdigit() or next_char in _STARTS_SENTENCE_CHARS):
        return False
    if position > low and text[position - 1] in "([":
        return False  # bracketed ellipsis "(...)" or "[…]"
    if text[position:terminal_end] != ".":
        return True
    word = _word_before(text, position, low)
    return word is None or not _is_abbreviation(word, text, following.start())


def _word_before(text: str, position: int, low: int) -> str | None:
    """The token ending at ``position`` without leading quotes/brackets; None if long."""
    scan_start = max(low, position - _ABBREVIATION_SCAN_CHARS)
    space = max(text.rfind(" ", scan_start, position), text.rfind("\n", scan_start, position))
    if space == -1 and scan_start != low:
        return None
    return text[space + 1 if space != -1 else low : position].lstrip("(“\"‘'[")


def _is_abbreviation(word: str, text: str, next_start: int) -> bool:
    lowered = word.lower()
    if lowered in _NEVER_FINAL or (len(word) == 1 and word.isupper()):
        return True
    next_char = text[next_start]
    if lowered in _NUMBERED:
        return next_char.isdigit()
    if lowered in _MAYBE_FINAL or _DOTTED_ABBREVIATION_RE.fullmatch(word):
        if next_char in _STARTS_SENTENCE_CHARS:
            return False
        next_word = _LETTERS_RE.match(text, next_start, next_start + 20)
        return next_word is None or next_word.group() not in _SENTENCE_OPENERS
    return False


# --- quotations -----------------------------------------------------------------------------


def _quoted_chars(text: str, start: int, end: int) -> int:
    """How many characters of text[start:end] lie inside quotation marks (marks included)."""
    quotes = _QuoteTracker()
    total = 0
    for mark in _QUOTE_MARK_RE.finditer(text, start, end):
        opener = quotes.opener
        quotes.feed(text, mark.start(), start, end)
        if opener is not None and quotes.opener is None:
            total += mark.end() - opener
    if quotes.opener is not None:
        total += end - quotes.opener
    return total


def _is_whole_quotation(text: str, start: int, end: int) -> bool:
    return (
        text[start] in _OPENING_QUOTES and _quoted_chars(text, start, end) * 10 >= (end - start) * 9
    )


def _is_short_attribution(text: str, start: int, end: int) -> bool:
    if text[start] in _OPENING_QUOTES or SPEECH_VERB_RE.search(text, start, end) is None:
        return False
    return len(text[start:end].split(None, ATTRIBUTION_MAX_WORDS)) <= ATTRIBUTION_MAX_WORDS


def _merge_quotations(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue whole-quotation sentences to the attribution beside them (module docstring)."""
    # Per merged claim: start, end, is it a whole quotation, does it carry a speech verb.
    merged: list[tuple[int, int, bool, bool]] = []
    for start, end in segments:
        whole_quote = _is_whole_quotation(text, start, end)
        if merged:
            previous_start, _, previous_whole_quote, previous_has_verb = merged[-1]
            if (whole_quote and previous_has_verb) or (
                previous_whole_quote and _is_short_attribution(text, start, end)
            ):
                # The merged claim is no longer a bare quotation: it is an attributed one.
                merged[-1] = (previous_start, end, False, True)
                continue
        has_verb = SPEECH_VERB_RE.search(text, start, end) is not None
        merged.append((start, end, whole_quote, has_verb))
    return [(start, end) for start, end, _, _ in merged]

"""One article in full, with every claim highlighted where it stands in the text.

The reviewer steps from claim to claim; the current one is shown reversed and kept in view.
Article text is untrusted: it becomes Content as plain text and styles are added by span,
never through markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Spacing
from textual.widgets import Footer, Header, Static

from workbench.db.engine import Database
from workbench.db.reading import ArticleClaimSpan, ArticleView, get_article_view
from workbench.output import visible
from workbench.screens.base import WorkbenchScreen
from workbench.screens.help import HelpScreen
from workbench.screens.highlight import STATUS_STYLES
from workbench.screens.messages import ArticleLoaded

# Every claim gets a subtle background so the reviewer sees where claims are; the status
# colour (from STATUS_STYLES) says how far each one's review has got.
CLAIM_BACKGROUND = "on $boost"
CURRENT_CLAIM_STYLE = "bold reverse"

# A blank line (possibly holding spaces) ends a paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


class ArticleScreen(WorkbenchScreen):
    CSS_PATH = Path(__file__).parent / "reading.tcss"
    BINDINGS = [
        Binding(
            "n,j,down",
            "next_claim",
            "Next claim",
            id="article.next",
            tooltip="Highlight the next claim in the text",
        ),
        Binding(
            "p,k,up",
            "previous_claim",
            "Previous claim",
            id="article.previous",
            tooltip="Highlight the previous claim in the text",
        ),
        Binding(
            "pagedown,space",
            "page_down",
            "Page down",
            show=False,
            id="article.page_down",
            tooltip="Scroll the article one page down",
        ),
        Binding(
            "pageup",
            "page_up",
            "Page up",
            show=False,
            id="article.page_up",
            tooltip="Scroll the article one page up",
        ),
        Binding(
            "question_mark",
            "show_help",
            "Keys",
            id="article.help",
            tooltip="List every key of this screen",
        ),
        Binding(
            "escape,q",
            "back",
            "Back",
            id="article.back",
            tooltip="Return to the previous screen",
        ),
    ]

    def __init__(self, database: Database, article_id: int, claim_id: int | None = None) -> None:
        super().__init__()
        self.database = database
        self.article_id = article_id
        self._requested_claim_id = claim_id
        self._article: ArticleView | None = None
        self._paragraphs: list[tuple[int, int]] = []
        self._paragraph_starts: list[int] = []
        self._paragraph_claims: list[list[ArticleClaimSpan]] = []
        self._current: int | None = None  # index into the article's claims

    @property
    def current_claim_id(self) -> int | None:
        """The highlighted claim; before the article has loaded, the one asked for."""
        if self._article is None:
            return self._requested_claim_id
        if self._current is None:
            return None
        return self._article.claims[self._current].claim_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content("Loading article…"), id="article-heading")
        # Not focusable: the arrow keys step through claims instead of scrolling.
        yield VerticalScroll(id="article-body", can_focus=False)
        yield Static(id="article-position")
        yield Footer()

    def on_mount(self) -> None:
        self.load_article()

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self) -> None:
        with self.database.session() as session:
            article = get_article_view(session=session, article_id=self.article_id)
        self.post_message(ArticleLoaded(article))

    @on(ArticleLoaded)
    async def show_article(self, message: ArticleLoaded) -> None:
        article = message.article
        self._article = article
        self._paragraphs = paragraph_ranges(article.text)
        self._paragraph_starts = [start for start, _ in self._paragraphs]
        self._paragraph_claims = claims_by_paragraph(self._paragraphs, article.claims)
        self._current = self._initial_claim_index(article)
        self.query_one("#article-heading", Static).update(heading_content(article))
        body = self.query_one("#article-body", VerticalScroll)
        await body.remove_children()
        await body.mount_all(
            Static(self._paragraph_content(index), classes="paragraph")
            for index in range(len(self._paragraphs))
        )
        self._show_position()
        self.call_after_refresh(self._scroll_to_current)

    def _initial_claim_index(self, article: ArticleView) -> int | None:
        if not article.claims:
            return None
        ids = [claim.claim_id for claim in article.claims]
        requested = self._requested_claim_id
        return ids.index(requested) if requested in ids else 0

    def _paragraph_content(self, index: int) -> Content:
        assert self._article is not None
        start, end = self._paragraphs[index]
        return paragraph_content(
            self._article.text,
            start,
            end,
            self._paragraph_claims[index],
            current_claim_id=self.current_claim_id,
        )

    def action_next_claim(self) -> None:
        self._move(1)

    def action_previous_claim(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if self._article is None or self._current is None:
            return
        target = self._current + step
        if not 0 <= target < len(self._article.claims):
            self.app.bell()
            return
        previous = self._article.claims[self._current]
        self._current = target
        # Only the paragraphs holding the old and the new current claim change.
        for claim in (previous, self._article.claims[target]):
            self._refresh_paragraphs_of(claim)
        self._show_position()
        self.call_after_refresh(self._scroll_to_current)

    def _paragraph_widgets(self) -> list[Static]:
        return list(self.query_one("#article-body").query_children(Static))

    def _refresh_paragraphs_of(self, claim: ArticleClaimSpan) -> None:
        widgets = self._paragraph_widgets()
        first, last = paragraphs_of(self._paragraph_starts, claim)
        for index in range(first, last + 1):
            widgets[index].update(self._paragraph_content(index))

    def _show_position(self) -> None:
        assert self._article is not None
        position = self.query_one("#article-position", Static)
        if self._current is None:
            position.update(Content("No claims were found in this article."))
            return
        claims = self._article.claims
        position.update(position_content(claims[self._current], self._current, len(claims)))

    def _scroll_to_current(self) -> None:
        if self._article is None or self._current is None or not self._paragraphs:
            return
        claim = self._article.claims[self._current]
        first, _ = paragraphs_of(self._paragraph_starts, claim)
        widget = self._paragraph_widgets()[first]
        start, end = self._paragraphs[first]
        width = widget.content_region.width
        if width <= 0:
            return
        top, height = claim_lines(self._article.text, start, end, claim, width)
        region = Region(0, widget.virtual_region.y + widget.styles.gutter.top + top, 1, height)
        body = self.query_one("#article-body", VerticalScroll)
        # A claim taller than the view is shown from its first line.
        taller = height >= body.scrollable_content_region.height
        body.scroll_to_region(
            region, animate=False, spacing=Spacing(1, 0, 1, 0), top=taller, x_axis=False
        )

    def action_page_down(self) -> None:
        self.query_one("#article-body", VerticalScroll).scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.query_one("#article-body", VerticalScroll).scroll_page_up(animate=False)

    def action_show_help(self) -> None:
        self.app.push_screen(HelpScreen(self))

    def action_back(self) -> None:
        self.app.pop_screen()


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of the text: the runs between blank lines."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            ranges.append((start, match.start()))
        start = match.end()
    if text[start:].strip() or not ranges:
        ranges.append((start, len(text)))
    return ranges


def paragraphs_of(starts: Sequence[int], claim: ArticleClaimSpan) -> tuple[int, int]:
    """The first and last paragraph (by their start offsets) the claim runs over."""
    last_char = max(claim.start, claim.end - 1)
    # An offset inside a paragraph break belongs to the paragraph before it.
    return (
        max(0, bisect_right(starts, claim.start) - 1),
        max(0, bisect_right(starts, last_char) - 1),
    )


def claims_by_paragraph(
    paragraphs: Sequence[tuple[int, int]], claims: Sequence[ArticleClaimSpan]
) -> list[list[ArticleClaimSpan]]:
    """For every paragraph, the claims that overlap it (a claim may run over several)."""
    starts = [start for start, _ in paragraphs]
    grouped: list[list[ArticleClaimSpan]] = [[] for _ in paragraphs]
    for claim in claims:
        first, last = paragraphs_of(starts, claim)
        for index in range(first, last + 1):
            grouped[index].append(claim)
    return grouped


def claim_style(claim: ArticleClaimSpan, *, current: bool) -> str:
    status_colour = STATUS_STYLES.get(claim.status, "")
    if current:
        return f"{CURRENT_CLAIM_STYLE} {status_colour}".strip()
    return f"{status_colour} {CLAIM_BACKGROUND}".strip()


def paragraph_content(
    text: str,
    start: int,
    end: int,
    claims: Sequence[ArticleClaimSpan],
    *,
    current_claim_id: int | None,
) -> Content:
    """text[start:end] with each claim styled by its status and the current claim reversed.

    Pieces are made visible one by one, so offsets never shift when a control character is
    shown as a wider escape.
    """
    pieces: list[Content] = []
    cursor = start
    for claim in claims:
        span_start, span_end = max(claim.start, cursor), min(claim.end, end)
        if span_start >= span_end:
            continue
        if span_start > cursor:
            pieces.append(Content(visible(text[cursor:span_start])))
        style = claim_style(claim, current=claim.claim_id == current_claim_id)
        pieces.append(Content.styled(visible(text[span_start:span_end]), style))
        cursor = span_end
    if cursor < end:
        pieces.append(Content(visible(text[cursor:end])))
    return Content("").join(pieces)


def claim_lines(
    text: str, start: int, end: int, claim: ArticleClaimSpan, width: int
) -> tuple[int, int]:
    """The first line of the claim within its paragraph wrapped at `width`, and its height.

    Wrapping is greedy, so a word's line depends only on the text before it: wrapping the
    paragraph up to the claim's first word puts that word on the last line.
    """
    claim_start = max(start, claim.start)
    first_word = re.match(r"\S*", text[claim_start:end])
    first_word_end = claim_start + (first_word.end() if first_word else 0)
    top = _line_count(text[start:first_word_end], width) - 1
    bottom = _line_count(text[start : min(end, claim.end)], width) - 1
    return max(0, top), max(1, bottom - top + 1)


def _line_count(text: str, width: int) -> int:
    return len(Content(visible(text)).wrap(width)) if text else 1


def heading_content(article: ArticleView) -> Content:
    title = Content.styled(visible(article.title or "(untitled)"), "bold")
    details = [
        article.source or "unknown source",
        article.published.isoformat() if article.published else "date unknown",
    ]
    if article.author:
        details.append(f"by {article.author}")
    if article.url:
        details.append(article.url)
    return Content.assemble(title, "\n", Content(visible(" · ".join(details))))


def position_content(claim: ArticleClaimSpan, index: int, total: int) -> Content:
    """ "Claim 3 of 12 · disputed · sentence · conflicting group" for the footer line."""
    parts: list[Content | str] = [
        f"Claim {index + 1} of {total} · ",
        Content.styled(claim.status, STATUS_STYLES.get(claim.status, "") or "bold"),
        f" · {claim.kind}",
    ]
    if claim.group_relation and claim.group_relation != "single":
        parts.append(f" · {claim.group_relation} group")
    return Content.assemble(*parts)

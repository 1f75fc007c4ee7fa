"""The review queue: claims waiting for review, a detail pane, and every verdict key.

Claims load a page at a time in a worker (a 100,000-claim database opens at once); a verdict
is written by a worker while the cursor has already moved on to the next claim to review.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static
from textual.worker import get_current_worker

from workbench.config import ReviewOptions
from workbench.db.engine import Database
from workbench.db.queries import (
    StaleClaimError,
    annotate_claim,
    collection_stats,
    count_queue,
    get_claim,
    get_claim_detail,
    get_group,
    mark_claim,
    review_queue,
    undo_last_review,
)
from workbench.db.views import ClaimDetail, ClaimView, CollectionStats, GroupView, QueueFilter
from workbench.matching.service import split_claim
from workbench.output import one_line, visible
from workbench.screens.base import WorkbenchScreen, fit_last_column, write_or_refuse
from workbench.screens.content_view import ContentView
from workbench.screens.corrections import ask_merge, run_correction
from workbench.screens.dialogs import ConfirmDialog, ExportDialog, FilterDialog, TextPrompt
from workbench.screens.highlight import claim_content
from workbench.screens.messages import (
    ClaimDetailLoaded,
    GroupChanged,
    QueueLoaded,
    VerdictRefused,
    VerdictSaved,
)

PAGE_SIZE = 100
# Load the next page when the cursor comes this close to the end of what is loaded.
PREFETCH_ROWS = 20
# Rich styles for table cells (Rich, unlike Content, does not know theme variables).
TABLE_STATUS_STYLES = {"confirmed": "green", "disputed": "red", "outdated": "yellow"}
STATUS_LABELS = {
    "unreviewed": "·",
    "confirmed": "✓ conf",
    "disputed": "✗ disp",
    "outdated": "⌛ old",
}


class QueueScreen(WorkbenchScreen):
    BINDINGS = [
        Binding("c", "verdict('confirmed')", "Confirm", id="queue.confirm",
                tooltip="Mark confirmed and move to the next claim"),
        Binding("d", "verdict('disputed')", "Dispute", id="queue.dispute",
                tooltip="Mark disputed and move to the next claim"),
        Binding("o", "verdict('outdated')", "Outdated", id="queue.outdated",
                tooltip="Mark outdated and move to the next claim"),
        Binding("u", "undo", "Undo", id="queue.undo", tooltip="Undo the last verdict"),
        Binding("n", "note", "Note", id="queue.note", tooltip="Add a note to the verdict"),
        Binding("e", "evidence", "Evidence", id="queue.evidence",
                tooltip="Add an evidence link to the verdict"),
        Binding("enter", "open_group", "Group", id="queue.group",
                tooltip="Open the claim's group"),
        Binding("a", "open_article", "Article", id="queue.article",
                tooltip="Read the claim in its article"),
        Binding("s", "split", "Split", id="queue.split",
                tooltip="Take the claim out of its group"),
        Binding("m", "merge", "Merge", id="queue.merge",
                tooltip="Merge another group into the claim's group"),
        Binding("/", "search", "Search", id="queue.search"),
        Binding("f", "filter", "Filter", id="queue.filter"),
        Binding("v", "overview", "Overview", id="queue.overview"),
        Binding("x", "export", "Export", id="queue.export",
                tooltip="Export the reviewed claims to a file"),
        Binding("escape", "cancel_export", "Cancel export", show=False,
                id="queue.cancel_export"),
        Binding("r", "reload", "Reload", id="queue.reload", tooltip="Load the queue again"),
        Binding("j,down", "cursor_down", "Down", show=False, id="queue.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="queue.up"),
        Binding("?", "help", "Help", id="queue.help"),
        Binding("q", "app.quit", "Quit", id="queue.quit"),
    ]  # fmt: skip

    def __init__(
        self,
        database: Database,
        reviewer: str,
        options: ReviewOptions,
        config_values: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.config_values = config_values or {}  # the config file, for export settings
        self.database = database
        self.reviewer = reviewer
        self.options = options
        self.filters = QueueFilter()
        self.claims: list[ClaimView] = []
        self.total = 0
        self.loading_page = False
        self.done_here: list[int] = []  # claim ids given a verdict in this session, for undo
        self.stats: CollectionStats | None = None
        self.reviewed = 0
        self.detail_from_verdict: int | None = None
        self.detail_claim_id: int | None = None  # the claim the detail pane shows

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="queue-summary"):
            yield Static("Loading…", id="summary")
            yield ProgressBar(id="progress", show_eta=False)
        yield Static(id="filter-line")
        with Vertical(id="queue-body"):
            yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
            yield ContentView(id="detail-pane")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#queue", DataTable)
        table.add_column("status", key="status", width=7)
        table.add_column("group", key="group", width=13)
        table.add_column("source", key="source", width=14)
        table.add_column("claim", key="claim")
        self.load_queue()

    def on_resize(self) -> None:
        fit_last_column(self.query_one("#queue", DataTable), "claim")

    # --- loading ------------------------------------------------------------------------

    def load_queue(self) -> None:
        self.claims, self.total = [], 0
        self._show_line(None)
        self.fetch_page(0, self.filters)

    @work(thread=True, exclusive=True, group="queue-page", exit_on_error=False)
    def fetch_page(self, offset: int, filters: QueueFilter) -> None:
        with self.database.session() as session:
            claims = review_queue(session=session, filters=filters, offset=offset, limit=PAGE_SIZE)
            total = count_queue(session=session, filters=filters) if offset == 0 else -1
            stats = collection_stats(session=session) if offset == 0 else None
        self.post_message(QueueLoaded(claims, offset, total, stats, filters))

    @on(QueueLoaded)
    def show_page(self, message: QueueLoaded) -> None:
        if message.filters != self.filters:
            return  # a page for a filter the reviewer has already changed
        table = self.query_one("#queue", DataTable)
        if message.offset == 0:
            table.clear()
            self.claims = []
            self.total = message.total
        known = {claim.id for claim in self.claims}
        for claim in message.claims:
            if claim.id not in known:
                self.claims.append(claim)
                table.add_row(*self._cells(claim), key=str(claim.id))
        self.loading_page = False
        if message.stats is not None:
            self._show_stats(message.stats)
        if message.offset == 0:
            self._show_current()

    def _cells(self, claim: ClaimView) -> tuple[Text, Text, Text, Text]:
        # Text(...) rather than str: DataTable reads a str cell as markup.
        if claim.disagreement and claim.status == "unreviewed":
            status = Text("⚠ split", style="bold magenta")  # reviewers disagreed
        else:
            label = STATUS_LABELS.get(claim.status, claim.status)
            status = Text(label, style=TABLE_STATUS_STYLES.get(claim.status, ""))
        return (
            status,
            Text(_group_label(claim)),
            Text(one_line(claim.source or "-", 14)),
            Text(one_line(claim.text, 400)),
        )

    def _show_stats(self, stats: CollectionStats) -> None:
        self.stats = stats
        self.reviewed = stats.claims - stats.by_status.get("unreviewed", 0)
        self._show_counts()

    def _show_counts(self) -> None:
        if self.stats is None:
            return
        self.query_one("#summary", Static).update(
            Content(
                f"{self.total} in queue · {self.reviewed}/{self.stats.claims} reviewed · "
                f"{self.stats.groups_by_relation.get('conflicting', 0)} conflicting groups"
            ),
            layout=False,  # a one-line bar of fixed size: no need to lay the screen out again
        )
        self.query_one("#progress", ProgressBar).update(
            total=max(self.stats.claims, 1), progress=self.reviewed
        )

    # --- the current claim ----------------------------------------------------------------

    @property
    def current(self) -> ClaimView | None:
        table = self.query_one("#queue", DataTable)
        if not self.claims or table.cursor_row is None or table.cursor_row >= len(self.claims):
            return None
        return self.claims[table.cursor_row]

    @on(DataTable.RowHighlighted, "#queue")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_current()
        near_end = event.cursor_row >= len(self.claims) - PREFETCH_ROWS
        if near_end and len(self.claims) < self.total and not self.loading_page:
            self.loading_page = True
            self.fetch_page(len(self.claims), self.filters)

    def _show_current(self) -> None:
        claim = self.current
        if claim is None:
            self.query_one("#detail-pane", ContentView).update(Content("Nothing to review here."))
            return
        if claim.id == self.detail_from_verdict:
            self.detail_from_verdict = None
            return  # the verdict's worker brings this detail
        # The pane is redrawn once, when the detail arrives (a few milliseconds): drawing a
        # partial version first doubled the layout work of every verdict-and-advance.
        self.fetch_detail(claim.id)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def fetch_detail(self, claim_id: int) -> None:
        with self.database.session() as session:
            message = _detail_message(session, claim_id)
        self.post_message(message)

    @on(ClaimDetailLoaded)
    def show_detail(self, message: ClaimDetailLoaded) -> None:
        current = self.current
        if current is None or current.id != message.detail.claim.id:
            return
        parts = [_claim_header(message.detail.claim, message.detail)]
        if message.group:
            parts.append(group_content(message.group, current.id))
        self.query_one("#detail-pane", ContentView).update(Content("").join(parts))
        self.detail_claim_id = current.id

    def _replace_claim(self, claim: ClaimView) -> None:
        for index, known in enumerate(self.claims):
            if known.id == claim.id:
                # Counted here rather than queried again: the stats queries scan every claim.
                self.reviewed += (claim.status != "unreviewed") - (known.status != "unreviewed")
                self.claims[index] = claim
                table = self.query_one("#queue", DataTable)
                for column, cell, old in zip(
                    ("status", "group", "source", "claim"),
                    self._cells(claim),
                    self._cells(known),
                    strict=True,
                ):
                    if cell != old:  # usually only the status changed
                        table.update_cell(str(claim.id), column, cell)
        current = self.current
        if current is not None and current.id == claim.id:
            self._show_current()

    # --- verdicts --------------------------------------------------------------------------

    def action_verdict(self, verdict: str) -> None:
        claim = self.current
        if claim is None:
            return
        following = self._next_index()
        next_id = self.claims[following].id if following is not None else None
        # The verdict's worker also loads the next claim's detail, so the screen redraws once
        # for both instead of once per message.
        self.detail_from_verdict = next_id
        self.save_verdict(claim, verdict, next_id)
        if following is not None:
            self.query_one("#queue", DataTable).move_cursor(row=following)

    def _next_index(self) -> int | None:
        """The next claim below that still needs review (or simply the next one)."""
        table = self.query_one("#queue", DataTable)
        start = (table.cursor_row or 0) + 1
        for index in range(start, len(self.claims)):
            candidate = self.claims[index]
            if candidate.status == "unreviewed" and candidate.id not in self.done_here:
                return index
        return start if start < len(self.claims) else None

    @work(thread=True, group="verdicts", exit_on_error=False)
    def save_verdict(self, claim: ClaimView, verdict: str, next_id: int | None = None) -> None:
        with self.database.session() as session:
            marked = partial(
                mark_claim, session=session, claim_id=claim.id, verdict=verdict,
                reviewer=self.reviewer, expected_revision=claim.revision,
            )  # fmt: skip
            if not write_or_refuse(self, session, claim.id, marked):
                return
            stored = get_claim(session=session, claim_id=claim.id)
            repeats = _unreviewed_repeats(session, stored)
            following = _detail_message(session, next_id) if next_id is not None else None
        self.post_message(VerdictSaved(stored, verdict, repeats=repeats, following=following))

    @on(VerdictSaved)
    def verdict_saved(self, message: VerdictSaved) -> None:
        with self.app.batch_update():
            self._verdict_saved(message)

    def _verdict_saved(self, message: VerdictSaved) -> None:
        if message.following is not None:
            self.show_detail(message.following)
        if message.action in ("confirmed", "disputed", "outdated"):
            self.done_here.append(message.claim.id)
        self._replace_claim(message.claim)
        self._show_counts()
        if message.repeats and self.options.apply_to_group != "never":
            self._offer_group_verdict(message.claim, message.action, message.repeats)
        elif message.applied_to:
            self.notify(f"Also marked {message.applied_to} repeated claim(s) {message.action}.")

    def _offer_group_verdict(
        self, claim: ClaimView, verdict: str, repeats: list[ClaimView]
    ) -> None:
        def answered(apply: bool | None) -> None:
            if apply:
                self.apply_to_repeats(repeats, verdict)

        if self.options.apply_to_group == "always":
            answered(True)
            return
        question = (
            f"Claim {claim.id} is repeated by {len(repeats)} other unreviewed claim(s) in group "
            f"{claim.group_id}. Mark them {verdict} too?"
        )
        self.app.push_screen(ConfirmDialog(question), answered)

    @work(thread=True, group="verdicts", exit_on_error=False)
    def apply_to_repeats(self, repeats: list[ClaimView], verdict: str) -> None:
        stored: list[ClaimView] = []
        with self.database.session() as session:
            for other in repeats:
                try:
                    mark_claim(
                        session=session,
                        claim_id=other.id,
                        verdict=verdict,
                        reviewer=self.reviewer,
                        expected_revision=other.revision,
                    )
                except StaleClaimError:
                    continue  # changed elsewhere meanwhile: leave it to its reviewer
                stored.append(get_claim(session=session, claim_id=other.id))
        for claim in stored:
            self.post_message(VerdictSaved(claim, "applied"))
        self.app.call_from_thread(self.notify, f"Marked {len(stored)} repeated claim(s) {verdict}.")

    @on(VerdictRefused)
    def verdict_refused(self, message: VerdictRefused) -> None:
        def answered(reload: bool | None) -> None:
            if reload:
                self._replace_claim(message.claim)

        self.app.push_screen(
            ConfirmDialog(
                f"{message.reason}: it is now {message.claim.status} "
                f"(revision {message.claim.revision}). Nothing was written. Reload it?",
                yes="Reload",
                no="Keep",
            ),
            answered,
        )

    def action_undo(self) -> None:
        if not self.done_here:
            self.notify("No verdict of this session to undo.", severity="warning")
            return
        claim_id = self.done_here.pop()
        self.undo_verdict(claim_id)
        for index, claim in enumerate(self.claims):
            if claim.id == claim_id:
                self.query_one("#queue", DataTable).move_cursor(row=index)

    @work(thread=True, group="verdicts", exit_on_error=False)
    def undo_verdict(self, claim_id: int) -> None:
        with self.database.session() as session:
            undo_last_review(session=session, claim_id=claim_id, reviewer=self.reviewer)
            stored = get_claim(session=session, claim_id=claim_id)
        self.post_message(VerdictSaved(stored, "undo"))

    def action_note(self) -> None:
        self._annotate("note", "Note on this claim's verdict")

    def action_evidence(self) -> None:
        self._annotate("evidence", "Evidence URL (https://…)")

    def _annotate(self, field: str, title: str) -> None:
        claim = self.current
        if claim is None:
            return

        def answered(value: str | None) -> None:
            if value is None or not value.strip():
                return
            value = value.strip()
            if field == "evidence" and not value.startswith(("http://", "https://")):
                self.notify("An evidence link starts with http:// or https://", severity="error")
                return
            self.save_annotation(claim, field, value)

        self.app.push_screen(TextPrompt(title), answered)

    @work(thread=True, group="verdicts", exit_on_error=False)
    def save_annotation(self, claim: ClaimView, field: str, value: str) -> None:
        values = {"note": value} if field == "note" else {"evidence_url": value}
        with self.database.session() as session:
            annotated = partial(
                annotate_claim, session=session, claim_id=claim.id, reviewer=self.reviewer,
                expected_revision=claim.revision, **values,
            )  # fmt: skip
            if not write_or_refuse(self, session, claim.id, annotated):
                return
            stored = get_claim(session=session, claim_id=claim.id)
        self.post_message(VerdictSaved(stored, field))

    # --- navigation ------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.query_one("#queue", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#queue", DataTable).action_cursor_up()

    def action_reload(self) -> None:
        self.load_queue()

    def action_search(self) -> None:
        def answered(text: str | None) -> None:
            if text is not None:
                self.filters = replace(self.filters, search=text.strip() or None)
                self.load_queue()

        self.app.push_screen(
            TextPrompt("Search claim text", value=self.filters.search or ""), answered
        )

    def action_filter(self) -> None:
        def answered(chosen: QueueFilter | None) -> None:
            if chosen is not None:
                self.filters = chosen
                self.load_queue()

        self.app.push_screen(FilterDialog(self.filters), answered)

    @on(DataTable.RowSelected, "#queue")
    def row_selected(self) -> None:
        # Enter on the table arrives as a selection (the table owns that key while focused).
        self.action_open_group()

    def action_open_group(self) -> None:
        claim = self.current
        if claim is None or claim.group_id is None:
            return
        from workbench.screens.group import GroupScreen

        self.app.push_screen(
            GroupScreen(self.database, claim.group_id, self.reviewer, self.options, claim.id),
            lambda _result: self.load_queue(),
        )

    def action_open_article(self) -> None:
        claim = self.current
        if claim is None:
            return
        from workbench.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(self.database, claim.article_id, claim_id=claim.id))

    def action_split(self) -> None:
        claim = self.current
        if claim is None or claim.group_id is None or claim.group_size < 2:
            self.notify("This claim is not grouped with another.", severity="warning")
            return
        run_correction(
            self, self.database, self.reviewer, split_claim,
            shown_group=claim.group_id, summary=f"claim {claim.id} split out", claim_id=claim.id,
        )  # fmt: skip

    def action_merge(self) -> None:
        claim = self.current
        if claim is not None and claim.group_id is not None:
            ask_merge(self, self.database, self.reviewer, claim.group_id)

    @on(GroupChanged)
    def group_changed(self, message: GroupChanged) -> None:
        self.notify(message.summary)
        self.load_queue()

    def action_export(self) -> None:
        def answered(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self.notify(f"Exporting to {choice[1]}… (escape cancels)")
                self.export_claims(*choice)

        self.app.push_screen(ExportDialog(), answered)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export_claims(self, file_format: str, path: str) -> None:
        from workbench.export.claimreview import claimreview_settings
        from workbench.export.records import ExportFilter, iter_export_records
        from workbench.export.writers import ExportError, write_export

        worker = get_current_worker()

        def progress(done: int) -> None:
            if worker.is_cancelled:
                # Raised inside the writer, which then removes its temporary file.
                raise ExportError("export cancelled; no file written")
            self.app.call_from_thread(
                self._show_line, f"exporting: {done:,} claims written · escape cancels"
            )

        try:
            claimreview = (
                claimreview_settings(self.config_values) if file_format == "claimreview" else None
            )
            with self.database.session() as session:
                written = write_export(
                    records=iter_export_records(session=session, filters=ExportFilter()),
                    fmt=file_format, destination=Path(path), claimreview=claimreview,
                    progress=progress,
                )  # fmt: skip
        except ExportError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        finally:
            self.app.call_from_thread(self._show_line, None)
        self.app.call_from_thread(self.notify, f"Exported {written} claim(s) to {path}")

    def _show_line(self, text: str | None) -> None:
        """The line under the header: the filter, or the progress of a long export."""
        shown = text if text is not None else f"showing: {self.filters.describe()}"
        self.query_one("#filter-line", Static).update(Content(shown))

    def action_cancel_export(self) -> None:
        self.workers.cancel_group(self, "export")

    def action_overview(self) -> None:
        from workbench.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(self.database))

    def action_help(self) -> None:
        from workbench.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))


def _detail_message(session: Session, claim_id: int) -> ClaimDetailLoaded:
    detail = get_claim_detail(session=session, claim_id=claim_id)
    group = None
    if detail.claim.group_id is not None and detail.claim.group_size > 1:
        group = get_group(session=session, group_id=detail.claim.group_id)
    return ClaimDetailLoaded(detail, group)


def _unreviewed_repeats(session: Session, claim: ClaimView) -> list[ClaimView]:
    """Other unreviewed members of a group whose members agree (relation "repeated")."""
    if claim.group_id is None or claim.group_size < 2 or claim.group_relation != "repeated":
        return []
    group = get_group(session=session, group_id=claim.group_id)
    return [m for m in group.members if m.id != claim.id and m.status == "unreviewed"]


def _group_label(claim: ClaimView) -> str:
    if claim.group_size < 2 or not claim.group_relation:
        return ""
    return f"{claim.group_relation[:11]} {claim.group_size}"


def _claim_header(claim: ClaimView, detail: ClaimDetail | None) -> Content:
    """The claim, highlighted, with where it comes from, its context and its review log."""
    published = claim.published.isoformat() if claim.published else "date unknown"
    parts: list[Content] = [
        claim_content(
            claim.text, numbers=claim.numbers, dates=claim.dates, differing=claim.differing_spans
        ).stylize("bold"),
        Content(
            f"\n{visible(claim.source or 'unknown source')} · {published} · "
            f"{visible(claim.article_title or '(untitled)')}\n"
            f"{claim.kind} · {claim.status} · priority {claim.checkworthiness:.2f}"
            + (f" · speaker {visible(claim.speaker)}" if claim.speaker else "")
        ),
    ]
    if claim.suggested_outdated:
        parts.append(
            Content.styled("\nA later report in its group supersedes this claim.", "$warning")
        )
    if detail is not None:
        before, after = detail.surrounding(220)
        parts.append(Content.styled("\n\nIn the article: ", "dim"))
        parts.append(Content("…" + visible(" ".join(before.split())) + " "))
        parts.append(Content.styled(visible(claim.text), "underline"))
        parts.append(Content(" " + visible(" ".join(after.split())) + "…"))
        if detail.reviews:
            parts.append(Content.styled("\n\nReview history", "bold"))
            for review in detail.reviews:
                extra = "".join(
                    f" · {label} {visible(value)}"
                    for label, value in (("note", review.note), ("evidence", review.evidence_url))
                    if value
                )
                undone = " (undo)" if review.reverts_review_id else ""
                parts.append(
                    Content(
                        f"\n{review.created_at:%Y-%m-%d %H:%M} {visible(review.reviewer)}: "
                        f"{review.verdict}{undone}{extra}"
                    )
                )
    return Content("").join(parts)


def group_content(group: GroupView, current_id: int | None) -> Content:
    """The members of a group by date, their differing figures highlighted."""
    header = (
        f"\nGroup {group.id}: {group.relation}, {group.size} claims from "
        f"{group.source_count} sources"
    )
    parts = [Content.styled(header, "bold")]
    if group.reason:
        parts.append(Content("\n" + visible(group.reason)))
    for member in group.members:
        published = member.published.isoformat() if member.published else "undated   "
        marker = "▶ " if member.id == current_id else "  "
        flag = " [outdated?]" if member.suggested_outdated else ""
        parts.append(
            Content(
                f"\n{marker}{published} {one_line(member.source or '-', 16):<16} "
                f"{member.status:<10}{flag} "
            )
        )
        parts.append(claim_content(member.text, differing=member.differing_spans))
    return Content("").join(parts)

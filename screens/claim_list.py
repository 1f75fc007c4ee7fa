"""The claim list: every stored claim, most check-worthy first, with a detail pane.

A first, minimal queue: the review screens build on it. Claims are loaded a page at a time
in a worker, so a database of any size opens at once.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from workbench.db.engine import Database
from workbench.db.queries import collection_stats, get_claim_detail, list_claims
from workbench.db.views import ClaimDetail, ClaimView, CollectionStats
from workbench.output import one_line, visible
from workbench.screens.base import WorkbenchScreen
from workbench.screens.messages import ClaimDetailLoaded, ClaimsLoaded

PAGE_SIZE = 200


class ClaimListScreen(WorkbenchScreen):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="claims.down"),
        Binding("k", "cursor_up", "Up", show=False, id="claims.up"),
        Binding("r", "reload", "Reload", tooltip="Load the claims again", id="claims.reload"),
        Binding("q", "app.quit", "Quit", id="claims.quit"),
    ]

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.loaded = 0
        self.total = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading claims…", id="summary")
        with Vertical(id="body"):
            yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
            yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#claims", DataTable)
        table.add_column("id", key="id", width=6)
        table.add_column("status", key="status", width=10)
        table.add_column("group", key="group", width=14)
        table.add_column("source", key="source", width=18)
        table.add_column("claim", key="claim")
        self.load_page(0)

    @work(thread=True, exclusive=True, group="claims", exit_on_error=False)
    def load_page(self, offset: int) -> None:
        with self.database.session() as session:
            claims = list_claims(session=session, limit=PAGE_SIZE, offset=offset)
            stats = collection_stats(session=session)
        self.post_message(ClaimsLoaded(claims, stats, offset))

    @on(ClaimsLoaded)
    def show_claims(self, message: ClaimsLoaded) -> None:
        table = self.query_one("#claims", DataTable)
        if message.offset == 0:
            table.clear()
        for claim in message.claims:
            # Text(...) rather than str: DataTable would read a str cell as markup.
            table.add_row(
                Text(str(claim.id)),
                Text(claim.status),
                Text(group_label(claim)),
                Text(one_line(claim.source or "-", 18)),
                Text(one_line(claim.text, 200)),
                key=str(claim.id),
            )
        self.loaded = message.offset + len(message.claims)
        self.total = message.stats.claims
        self.query_one("#summary", Static).update(Content(self._summary(message.stats)))

    def _summary(self, stats: CollectionStats) -> str:
        reviewed = stats.claims - stats.by_status.get("unreviewed", 0)
        return (
            f"{stats.claims} claims from {stats.articles} articles, {stats.sources} sources · "
            f"{reviewed} reviewed · showing {self.loaded}"
        )

    @on(DataTable.RowHighlighted, "#claims")
    def highlight(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.load_detail(int(event.row_key.value))
        if event.cursor_row >= self.loaded - 20 and self.loaded < self.total:
            self.load_page(self.loaded)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_detail(self, claim_id: int) -> None:
        with self.database.session() as session:
            detail = get_claim_detail(session=session, claim_id=claim_id)
        self.post_message(ClaimDetailLoaded(detail))

    @on(ClaimDetailLoaded)
    def show_detail(self, message: ClaimDetailLoaded) -> None:
        self.query_one("#detail", Static).update(detail_content(message.detail))

    def action_cursor_down(self) -> None:
        self.query_one("#claims", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#claims", DataTable).action_cursor_up()

    def action_reload(self) -> None:
        self.load_page(0)


def group_label(claim: ClaimView) -> str:
    """ "conflicting 3" for a claim in a group of three; blank for a claim on its own."""
    if claim.group_size < 2 or not claim.group_relation:
        return ""
    return f"{claim.group_relation} {claim.group_size}"


def detail_content(detail: ClaimDetail) -> Content:
    """The claim and where it comes from; article text is plain Content, never markup."""
    claim = detail.claim
    published = claim.published.isoformat() if claim.published else "date unknown"
    parts = [
        Content.styled(visible(claim.text), "bold"),
        Content("\n"),
        Content(
            f"{visible(claim.source or 'unknown source')} · {published} · "
            f"{visible(claim.article_title or '(untitled)')}"
        ),
        Content(f"\n{claim.kind} · {claim.status} · priority {claim.checkworthiness:.2f}"),
    ]
    if claim.speaker:
        parts.append(Content(f" · speaker {visible(claim.speaker)}"))
    if claim.group_size > 1:
        outdated = " · a later report supersedes it" if claim.suggested_outdated else ""
        parts.append(
            Content(
                f"\ngroup {claim.group_id}: {claim.group_relation}, {claim.group_size} claims "
                f"from {claim.group_sources} sources{outdated}"
            )
        )
    return Content("").join(parts)

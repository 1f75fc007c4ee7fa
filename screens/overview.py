"""Where the review stands: claims per source by status, disagreeing groups, today's work.

Counts come from one worker call (GROUP BY queries), so the screen opens at once on a large
collection; `r` loads them again.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from workbench.db.engine import Database
from workbench.db.reading import ALL_SOURCES, OverviewView, RecentReview, SourceCounts, get_overview
from workbench.output import one_line, visible
from workbench.screens.base import WorkbenchScreen
from workbench.screens.help import HelpScreen
from workbench.screens.highlight import STATUS_STYLES
from workbench.screens.messages import OverviewLoaded

# (column key, two-line label): labels are split so eight columns fit in 80 cells.
COUNT_COLUMNS = [
    ("claims", "\nclaims"),
    ("unreviewed", "unre-\nviewed"),
    ("confirmed", "con-\nfirmed"),
    ("disputed", "dis-\nputed"),
    ("outdated", "out-\ndated"),
    ("conflicting_groups", "confl.\ngroups"),
    ("outdated_groups", "outd.\ngroups"),
]
SOURCE_WIDTH = 22


class OverviewScreen(WorkbenchScreen):
    CSS_PATH = Path(__file__).parent / "reading.tcss"
    BINDINGS = [
        Binding(
            "r",
            "reload",
            "Reload",
            id="overview.reload",
            tooltip="Count the claims and reviews again",
        ),
        Binding(
            "question_mark",
            "show_help",
            "Keys",
            id="overview.help",
            tooltip="List every key of this screen",
        ),
        Binding(
            "escape,q",
            "back",
            "Back",
            id="overview.back",
            tooltip="Return to the previous screen",
        ),
    ]

    def __init__(self, database: Database, today: date | None = None) -> None:
        super().__init__()
        self.database = database
        # A fixed day makes the screen reproducible (tests, snapshots); otherwise today in UTC.
        self.fixed_today = today
        self.overview: OverviewView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="overview-sources", cursor_type="row", header_height=2)
        yield Static(Content("Counting…"), id="overview-today")
        with VerticalScroll(id="overview-recent", can_focus=False):
            yield Static(id="overview-recent-list")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#overview-sources", DataTable)
        table.add_column(Text("\nsource"), key="source", width=SOURCE_WIDTH)
        for key, label in COUNT_COLUMNS:
            table.add_column(Text(label, justify="right"), key=key)
        self.load_overview()

    def today(self) -> date:
        return self.fixed_today or datetime.now(UTC).date()

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def load_overview(self) -> None:
        with self.database.session() as session:
            overview = get_overview(session=session, today=self.today())
        self.post_message(OverviewLoaded(overview))

    @on(OverviewLoaded)
    def show_overview(self, message: OverviewLoaded) -> None:
        self.overview = message.overview
        table = self.query_one("#overview-sources", DataTable)
        table.clear()
        for counts in [message.overview.overall, *message.overview.sources]:
            table.add_row(*source_row(counts), key=counts.source)
        self.query_one("#overview-today", Static).update(today_content(message.overview))
        self.query_one("#overview-recent-list", Static).update(
            recent_content(message.overview.recent)
        )

    def action_reload(self) -> None:
        self.load_overview()

    def action_show_help(self) -> None:
        self.app.push_screen(HelpScreen(self))

    def action_back(self) -> None:
        self.app.pop_screen()


def source_row(counts: SourceCounts) -> list[Text]:
    """The table cells of one source: rich Text, since a str cell would be read as markup."""
    values = [
        counts.claims,
        counts.by_status.get("unreviewed", 0),
        counts.by_status.get("confirmed", 0),
        counts.by_status.get("disputed", 0),
        counts.by_status.get("outdated", 0),
        counts.groups_by_relation.get("conflicting", 0),
        counts.groups_by_relation.get("outdated", 0),
    ]
    style = "bold" if counts.source == ALL_SOURCES else ""
    name = Text(one_line(counts.source, SOURCE_WIDTH), style=style)
    return [name, *(Text(f"{value:,}", justify="right", style=style) for value in values)]


def today_content(overview: OverviewView) -> Content:
    """ "Reviewed today: 5 (by ana 3, bob 2)"."""
    summary = Content.assemble(
        Content.styled("Reviewed today: ", "bold"), Content(f"{overview.reviewed_today:,}")
    )
    if not overview.reviewers_today:
        return summary
    people = ", ".join(
        f"{visible(reviewer)} {count:,}" for reviewer, count in overview.reviewers_today.items()
    )
    return Content.assemble(summary, Content(f" (by {people})"))


def recent_content(recent: list[RecentReview]) -> Content:
    """One line per recent review, newest first; claim text wraps rather than scrolls."""
    if not recent:
        return Content("No reviews yet.")
    heading = Content.styled("Recent reviews", "bold")
    return Content("\n").join([heading, *(recent_line(review) for review in recent)])


def recent_line(review: RecentReview) -> Content:
    verdict = f"undo → {review.verdict}" if review.is_undo else review.verdict
    return Content.assemble(
        Content.styled(review.created_at.strftime("%Y-%m-%d %H:%M"), "$text-muted"),
        " ",
        Content.styled(verdict, STATUS_STYLES.get(review.verdict, "") or "bold"),
        Content(f" {visible(review.reviewer)} #{review.claim_id} "),
        Content(one_line(review.claim_text, 400)),
    )

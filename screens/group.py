"""One group: every member by date and source, verdicts per member, and fixing the matching.

Split takes the highlighted member out; merge joins another group into this one; suggested
matches involving the group's claims are accepted or rejected here. Each correction is a
stored decision that later regrouping keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from workbench.config import ReviewOptions
from workbench.db.engine import Database
from workbench.db.queries import (
    get_group,
    list_suggestions,
    mark_claim,
)
from workbench.db.views import ClaimView, GroupView, SuggestionView
from workbench.matching.service import accept_suggestion, reject_suggestion, split_claim
from workbench.output import one_line, visible
from workbench.screens.base import WorkbenchScreen, fit_last_column, write_or_refuse
from workbench.screens.corrections import ask_merge, run_correction
from workbench.screens.dialogs import ConfirmDialog
from workbench.screens.highlight import claim_content
from workbench.screens.messages import GroupChanged, GroupLoaded, VerdictRefused

_TABLE_STATUS = {"confirmed": "green", "disputed": "red", "outdated": "yellow"}


class GroupScreen(WorkbenchScreen):
    BINDINGS = [
        Binding("c", "verdict('confirmed')", "Confirm", id="group.confirm"),
        Binding("d", "verdict('disputed')", "Dispute", id="group.dispute"),
        Binding("o", "verdict('outdated')", "Outdated", id="group.outdated"),
        Binding("s", "split", "Split", id="group.split",
                tooltip="Take the highlighted claim out of this group"),
        Binding("m", "merge", "Merge", id="group.merge",
                tooltip="Merge another group into this one"),
        Binding("y", "accept", "Accept", id="group.accept",
                tooltip="Accept the highlighted suggested match"),
        Binding("N", "reject", "Reject", id="group.reject",
                tooltip="Reject the highlighted suggested match"),
        Binding("a", "open_article", "Article", id="group.article"),
        Binding("j", "cursor_down", "Down", show=False, id="group.down"),
        Binding("k", "cursor_up", "Up", show=False, id="group.up"),
        Binding("?", "help", "Help", id="group.help"),
        Binding("escape,q", "back", "Back", id="group.back"),
    ]  # fmt: skip

    def __init__(
        self,
        database: Database,
        group_id: int,
        reviewer: str,
        options: ReviewOptions,
        claim_id: int | None = None,
    ) -> None:
        super().__init__()
        self.database = database
        self.group_id = group_id
        self.reviewer = reviewer
        self.options = options
        self.focus_claim_id = claim_id
        self.group: GroupView | None = None
        self.suggestions: list[SuggestionView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading group…", id="group-title")
        with Vertical(id="group-body"):
            yield DataTable(id="members", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="member-pane"):
                yield Static(id="member-detail")
            yield Static("Suggested matches (y accept · N reject)", id="suggestions-title")
            yield DataTable(id="suggestions", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        members = self.query_one("#members", DataTable)
        members.add_column("published", key="published", width=10)
        members.add_column("source", key="source", width=16)
        members.add_column("status", key="status", width=10)
        members.add_column("claim", key="claim")
        suggestions = self.query_one("#suggestions", DataTable)
        if not self.options.blind:
            suggestions.add_column("score", key="score", width=5)
        suggestions.add_column("group", key="group", width=6)
        suggestions.add_column("suggested claim", key="claim")
        self.load_group()

    def on_resize(self) -> None:
        fit_last_column(self.query_one("#members", DataTable), "claim")
        fit_last_column(self.query_one("#suggestions", DataTable), "claim")

    @work(thread=True, exclusive=True, group="group", exit_on_error=False)
    def load_group(self) -> None:
        with self.database.session() as session:
            group = get_group(session=session, group_id=self.group_id)
            suggestions = list_suggestions(session=session, group_id=self.group_id, limit=None)
        self.post_message(GroupLoaded(group, suggestions))

    @on(GroupLoaded)
    def show_group(self, message: GroupLoaded) -> None:
        self.group, self.suggestions = message.group, message.suggestions
        group = message.group
        title = (
            f"Group {group.id}: {group.relation} · {group.size} claims "
            f"from {group.source_count} sources"
        )
        self.query_one("#group-title", Static).update(
            Content(title + (f" · {visible(group.reason)}" if group.reason else ""))
        )
        members = self.query_one("#members", DataTable)
        members.clear()
        for member in group.members:
            published = member.published.isoformat() if member.published else "undated"
            flag = "⌛ " if member.suggested_outdated else ""
            members.add_row(
                Text(published),
                Text(one_line(member.source or "-", 16)),
                Text(member.status, style=_TABLE_STATUS.get(member.status, "")),
                Text(flag + one_line(member.text, 400)),
                key=str(member.id),
            )
        self._show_suggestions()
        for index, member in enumerate(group.members):
            if member.id == self.focus_claim_id:
                members.move_cursor(row=index)
        self._show_member()

    def _show_suggestions(self) -> None:
        table = self.query_one("#suggestions", DataTable)
        table.clear()
        members = {member.id for member in self.group.members} if self.group else set()
        for suggestion in self.suggestions:
            other = suggestion.other if suggestion.claim.id in members else suggestion.claim
            cells = [Text(str(other.group_id or "-")), Text(one_line(other.text, 400))]
            if not self.options.blind:
                cells.insert(0, Text(f"{suggestion.score:.0f}"))
            table.add_row(*cells, key=str(suggestion.id))
        self.query_one("#suggestions-title", Static).update(
            Content(f"Suggested matches: {len(self.suggestions)} (y accept · N reject)")
        )

    @property
    def member(self) -> ClaimView | None:
        table = self.query_one("#members", DataTable)
        if self.group is None or table.cursor_row is None:
            return None
        if table.cursor_row >= len(self.group.members):
            return None
        return self.group.members[table.cursor_row]

    @property
    def suggestion(self) -> SuggestionView | None:
        table = self.query_one("#suggestions", DataTable)
        if (
            not self.suggestions
            or table.cursor_row is None
            or table.cursor_row >= len(self.suggestions)
        ):
            return None
        return self.suggestions[table.cursor_row]

    @on(DataTable.RowHighlighted, "#members")
    def member_highlighted(self) -> None:
        self._show_member()

    def _show_member(self) -> None:
        member = self.member
        if member is None:
            return
        published = member.published.isoformat() if member.published else "date unknown"
        parts = [
            claim_content(
                member.text,
                numbers=member.numbers,
                dates=member.dates,
                differing=member.differing_spans,
            ),
            Content(
                f"\n{visible(member.source or 'unknown source')} · {published} · "
                f"{visible(member.article_title or '(untitled)')} · {member.status}"
            ),
        ]
        for span in member.differing_spans:
            parts.append(Content.styled(f"\n≠ {visible(str(span.get('reason', '')))}", "$warning"))
        if member.suggested_outdated:
            parts.append(
                Content.styled("\nSuggested outdated: a later report supersedes it.", "$warning")
            )
        self.query_one("#member-detail", Static).update(Content("").join(parts))

    # --- verdicts on members ---------------------------------------------------------------

    def action_verdict(self, verdict: str) -> None:
        member = self.member
        if member is not None:
            self.save_verdict(member, verdict)
            self.query_one("#members", DataTable).action_cursor_down()

    @work(thread=True, group="group-verdicts", exit_on_error=False)
    def save_verdict(self, member: ClaimView, verdict: str) -> None:
        with self.database.session() as session:
            marked = partial(
                mark_claim, session=session, claim_id=member.id, verdict=verdict,
                reviewer=self.reviewer, expected_revision=member.revision,
            )  # fmt: skip
            if not write_or_refuse(self, session, member.id, marked):
                return
        self.post_message(GroupChanged(self.group_id, f"claim {member.id}: {verdict}"))

    @on(VerdictRefused)
    def refused(self, message: VerdictRefused) -> None:
        self.app.push_screen(
            ConfirmDialog(
                f"{message.reason}: it is now {message.claim.status}. Nothing was written. "
                "Reload the group?",
                yes="Reload",
                no="Keep",
            ),
            self._reload_if,
        )

    def _reload_if(self, reload: bool | None) -> None:
        if reload:
            self.load_group()

    # --- fixing the matching ----------------------------------------------------------------

    def action_split(self) -> None:
        member = self.member
        if member is not None:
            self._correct(split_claim, f"claim {member.id} split out", claim_id=member.id)

    def action_merge(self) -> None:
        ask_merge(self, self.database, self.reviewer, self.group_id)

    def action_accept(self) -> None:
        suggestion = self.suggestion
        if suggestion is not None:
            summary = f"suggestion {suggestion.id} accepted"
            self._correct(accept_suggestion, summary, suggestion_id=suggestion.id)

    def action_reject(self) -> None:
        suggestion = self.suggestion
        if suggestion is not None:
            summary = f"suggestion {suggestion.id} rejected"
            self._correct(reject_suggestion, summary, suggestion_id=suggestion.id)

    def _correct(self, action: Callable[..., Any], summary: str, **arguments: Any) -> None:
        run_correction(
            self, self.database, self.reviewer, action,
            shown_group=self.group_id, summary=summary, **arguments,
        )  # fmt: skip

    @on(GroupChanged)
    def changed(self, message: GroupChanged) -> None:
        self.notify(message.summary)
        self.group_id = message.group_id
        self.load_group()

    # --- navigation -------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.query_one("#members", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#members", DataTable).action_cursor_up()

    def action_open_article(self) -> None:
        member = self.member
        if member is None:
            return
        from workbench.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(self.database, member.article_id, claim_id=member.id))

    def action_help(self) -> None:
        from workbench.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_back(self) -> None:
        self.dismiss(None)

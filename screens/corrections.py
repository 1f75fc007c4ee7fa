"""Fixing the matching from any screen: split, merge, accept or reject, in a worker.

Both the queue and the group screen offer these; the database work and the merge prompt live
here once. The screen receives GroupChanged with the group the change left the claim in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.db.engine import Database
from workbench.matching.service import GroupingError, accept_suggestion, merge_groups
from workbench.screens.base import WorkbenchScreen
from workbench.screens.dialogs import TextPrompt
from workbench.screens.messages import GroupChanged


def run_correction(
    screen: WorkbenchScreen,
    database: Database,
    reviewer: str,
    action: Callable[..., Any],
    *,
    shown_group: int,
    summary: str,
    **arguments: Any,
) -> None:
    """Run a correction from `workbench.matching.service` in a worker and report back."""

    def work() -> None:
        with database.session() as session:
            try:
                result = action(session=session, reviewer=reviewer, **arguments)
            except GroupingError as error:
                session.rollback()
                screen.app.call_from_thread(screen.notify, str(error), severity="error")
                return
        # Accepting a suggestion may merge this group into the other one: follow it there.
        followed = result if action is accept_suggestion and isinstance(result, int) else None
        screen.post_message(GroupChanged(followed or shown_group, summary))

    screen.run_worker(work, thread=True, group="corrections", exit_on_error=False)


def ask_merge(screen: WorkbenchScreen, database: Database, reviewer: str, group_id: int) -> None:
    """Ask which group to merge into `group_id`, then merge it."""

    def answered(text: str | None) -> None:
        if text is None or not text.strip():
            return
        if not text.strip().isdigit():
            screen.notify(f"'{text.strip()}' is not a group number", severity="error")
            return
        other = int(text.strip())
        run_correction(
            screen, database, reviewer, merge_groups,
            shown_group=group_id, summary=f"group {other} merged into group {group_id}",
            group_id=group_id, other_group_id=other,
        )  # fmt: skip

    screen.app.push_screen(
        TextPrompt(f"Merge which group into group {group_id}? (group number)"), answered
    )

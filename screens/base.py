"""What every workbench screen shares: the one place worker errors become an error dialog."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session
from textual import on
from textual.screen import Screen
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey
from textual.worker import Worker, WorkerState

from workbench.db.queries import StaleClaimError, get_claim
from workbench.screens.error_dialog import ErrorDialog
from workbench.screens.messages import VerdictRefused


class WorkbenchScreen(Screen[None]):
    # Worker.StateChanged does not bubble, so each screen's workers report here; the app's own
    # workers use the same function.
    @on(Worker.StateChanged)
    def report_worker_error(self, event: Worker.StateChanged) -> None:
        show_worker_error(self, event)


def show_worker_error(node: object, event: Worker.StateChanged) -> None:
    from textual.app import App

    app = node if isinstance(node, App) else node.app  # type: ignore[attr-defined]
    if event.state == WorkerState.ERROR and event.worker.error is not None:
        error = event.worker.error
        app.push_screen(ErrorDialog("Something went wrong", f"{type(error).__name__}: {error}"))


def fit_last_column(table: DataTable, key: str) -> None:
    """Give column `key` exactly the width left over, so the table never scrolls sideways
    and its layout does not depend on when rows arrive (automatic widths grow with them)."""
    others = sum(
        column.width + 2 * table.cell_padding
        for column_key, column in table.columns.items()
        if column_key != ColumnKey(key)
    )
    column = table.columns[ColumnKey(key)]
    column.auto_width = False
    column.width = max(10, table.size.width - others - 2 * table.cell_padding - 2)
    table.refresh()


def write_or_refuse(
    screen: Screen[None], session: Session, claim_id: int, write: Callable[[], object]
) -> bool:
    """Run a review write in a worker. When the claim changed elsewhere since it was shown,
    roll back, tell the screen (VerdictRefused, shown as a dialog) and return False."""
    try:
        write()
    except StaleClaimError as error:
        session.rollback()
        stored = get_claim(session=session, claim_id=claim_id)
        screen.post_message(VerdictRefused(stored, str(error)))
        return False
    return True

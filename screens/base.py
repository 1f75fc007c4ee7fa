"""What every workbench screen shares: the one place worker errors become an error dialog."""

from __future__ import annotations

from textual import on
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from workbench.screens.error_dialog import ErrorDialog


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

"""The Textual application and the one factory that builds it from a database URL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on
from textual.app import App
from textual.worker import Worker

from workbench.config import ReviewOptions
from workbench.db.engine import Database, open_database
from workbench.screens import STYLESHEET
from workbench.screens.base import show_worker_error
from workbench.screens.commands import ScreenActions
from workbench.screens.queue import QueueScreen


class WorkbenchApp(App[None]):
    TITLE = "Claim Workbench"
    # The stylesheet lives with the screens package (installed as workbench.screens).
    CSS_PATH = STYLESHEET
    # Every binding of the screen in front is also a command-palette entry.
    COMMANDS = App.COMMANDS | {ScreenActions}

    def __init__(
        self,
        database: Database,
        *,
        reviewer: str,
        options: ReviewOptions | None = None,
        keymap: Mapping[str, str] | None = None,
        config_values: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.config_values = dict(config_values or {})
        self.database = database
        self.reviewer = reviewer
        self.options = options or ReviewOptions()
        if keymap:
            self.set_keymap(dict(keymap))

    def on_mount(self) -> None:
        self.sub_title = f"{self.database.url} · {self.reviewer}"
        self.push_screen(
            QueueScreen(self.database, self.reviewer, self.options, self.config_values)
        )

    @on(Worker.StateChanged)
    def report_worker_error(self, event: Worker.StateChanged) -> None:
        # Workers run with exit_on_error=False; their errors surface as a dialog, not a crash.
        show_worker_error(self, event)

    def on_unmount(self) -> None:
        self.database.close()


def create_app(
    database_url: str,
    *,
    reviewer: str,
    options: ReviewOptions | None = None,
    keymap: Mapping[str, str] | None = None,
    config_values: Mapping[str, Any] | None = None,
) -> WorkbenchApp:
    """Build the app on a database (opened and migrated here, not at import time)."""
    return WorkbenchApp(
        open_database(database_url),
        reviewer=reviewer,
        options=options,
        keymap=keymap,
        config_values=config_values,
    )

"""Small modal dialogs: a text prompt, a yes/no question and the queue filter.

Reusable widgets keep their layout in DEFAULT_CSS (the style guide's exception for modals).
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from workbench.db.views import QueueFilter

_DIALOG_CSS = """
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: 76; max-width: 100%; height: auto; border: thick $primary; background: $surface;
        padding: 1 2;
    }}
    {name} .dialog-title {{ text-style: bold; margin-bottom: 1; }}
    {name} .dialog-hint {{ color: $text-muted; margin-top: 1; }}
    {name} Horizontal {{ height: auto; }}
    {name} Horizontal > Label {{ width: 12; padding-top: 1; }}
    {name} Horizontal > Input, {name} Horizontal > Select {{ width: 1fr; }}
"""


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text; enter accepts, escape cancels (returns None)."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="TextPrompt")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, title: str, *, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("enter to save · escape to cancel", classes="dialog-hint")

    @on(Input.Submitted, "#prompt-input")
    def accept(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: y or enter for yes, n or escape for no."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="ConfirmDialog")
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), classes="dialog-title")
            with Horizontal():
                yield Button(f"{self.yes} (y)", variant="primary", id="confirm-yes")
                yield Button(f"{self.no} (n)", id="confirm-no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")


_ANY = "any"


class FilterDialog(ModalScreen[QueueFilter | None]):
    """Edit the queue filter: status, source, relation and a publication-date range."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="FilterDialog")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
    ]

    def __init__(self, current: QueueFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        statuses = ["unreviewed", "confirmed", "disputed", "outdated"]
        relations = ["conflicting", "outdated", "repeated", "single"]
        with Vertical():
            yield Static("Filter the queue", classes="dialog-title")
            with Horizontal():
                yield Label("Status")
                yield Select(
                    [(name, name) for name in [_ANY, *statuses]],
                    value=self.current.status or _ANY,
                    allow_blank=False,
                    id="filter-status",
                )
            with Horizontal():
                yield Label("Relation")
                yield Select(
                    [(name, name) for name in [_ANY, *relations]],
                    value=self.current.relation or _ANY,
                    allow_blank=False,
                    id="filter-relation",
                )
            with Horizontal():
                yield Label("Source")
                yield Input(
                    self.current.source or "",
                    placeholder="name or domain contains",
                    id="filter-source",
                )
            with Horizontal():
                yield Label("From")
                yield Input(
                    _iso(self.current.published_from), placeholder="YYYY-MM-DD", id="filter-from"
                )
            with Horizontal():
                yield Label("To")
                yield Input(
                    _iso(self.current.published_to), placeholder="YYYY-MM-DD", id="filter-to"
                )
            yield Static("", id="filter-error")
            with Horizontal():
                yield Button("Apply (ctrl+s)", variant="primary", id="filter-apply")
                yield Button("Clear", id="filter-clear")
                yield Button("Cancel", id="filter-cancel")

    @on(Button.Pressed, "#filter-apply")
    @on(Input.Submitted)
    def action_apply(self) -> None:
        try:
            chosen = self._chosen()
        except ValueError as error:
            self.query_one("#filter-error", Static).update(Content(str(error)))
            return
        self.dismiss(chosen)

    @on(Button.Pressed, "#filter-clear")
    def clear(self) -> None:
        self.dismiss(QueueFilter(status=None, search=self.current.search))

    @on(Button.Pressed, "#filter-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _chosen(self) -> QueueFilter:
        status = self.query_one("#filter-status", Select).value
        relation = self.query_one("#filter-relation", Select).value
        return QueueFilter(
            status=None if status == _ANY else str(status),
            relation=None if relation == _ANY else str(relation),
            source=self.query_one("#filter-source", Input).value.strip() or None,
            published_from=_parse_day(self.query_one("#filter-from", Input).value, "From"),
            published_to=_parse_day(self.query_one("#filter-to", Input).value, "To"),
            search=self.current.search,
        )


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _parse_day(text: str, label: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{label}: '{text}' is not a date like 2024-02-24") from None


EXPORT_EXTENSIONS = {
    "jsonl": ".jsonl",
    "json": ".json",
    "csv": ".csv",
    "md": ".md",
    "claimreview": ".claimreview.json",
}


class ExportDialog(ModalScreen[tuple[str, str] | None]):
    """Choose a format and a file for exporting the reviewed claims."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="ExportDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export the reviewed claims", classes="dialog-title")
            with Horizontal():
                yield Label("Format")
                yield Select(
                    [(name, name) for name in EXPORT_EXTENSIONS],
                    value="jsonl",
                    allow_blank=False,
                    id="export-format",
                )
            with Horizontal():
                yield Label("File")
                yield Input("verified-claims.jsonl", id="export-path")
            yield Static("enter to export · escape to cancel", classes="dialog-hint")

    @on(Select.Changed, "#export-format")
    def format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        stem = path.value
        for extension in sorted(EXPORT_EXTENSIONS.values(), key=len, reverse=True):
            stem = stem.removesuffix(extension)
        path.value = stem + EXPORT_EXTENSIONS[str(event.value)]

    @on(Input.Submitted, "#export-path")
    def accept(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss((str(self.query_one("#export-format", Select).value), event.value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)

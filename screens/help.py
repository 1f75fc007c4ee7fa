"""The keys of the screen in front, as they are bound now (after any keymap), in a modal.

The screen's own bindings come first, then the ones that work everywhere. The same actions are
offered in the command palette (workbench.screens.commands.ScreenActions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


@dataclass(frozen=True)
class KeyRow:
    keys: str  # every key bound to the action, as the footer shows them
    description: str
    tooltip: str
    binding_id: str | None = None  # the name to remap it by in the config file's [keymap]


@dataclass(frozen=True)
class KeySection:
    heading: str
    rows: list[KeyRow]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = Path(__file__).parent / "reading.tcss"
    BINDINGS = [
        Binding(
            "escape,q,question_mark",
            "close",
            "Close",
            id="help.close",
            tooltip="Close the list of keys",
        ),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.shown_screen = screen

    def compose(self) -> ComposeResult:
        sections = key_sections(self.shown_screen, self.app)
        with Vertical(id="help-box"):
            yield Static(Content("Keys"), id="help-title")
            # Focusable, so the arrow and page keys scroll a list longer than the terminal.
            with VerticalScroll(id="help-keys"):
                for section in sections:
                    yield Static(Content(section.heading), classes="help-heading")
                    for row in section.rows:
                        yield key_row_widget(row)
            yield Static(palette_note(self.app), id="help-palette")

    def action_close(self) -> None:
        self.dismiss(None)


def key_sections(screen: Screen[Any], app: App[Any]) -> list[KeySection]:
    """The screen's bindings, then the app-wide ones; a focused widget's own are left out."""
    active = list(screen.active_bindings.values())
    sections = [
        KeySection("This screen", key_rows(active, screen, app)),
        KeySection("Everywhere", key_rows(active, app, app)),
    ]
    return [section for section in sections if section.rows]


def key_rows(active: Iterable[ActiveBinding], node: DOMNode, app: App[Any]) -> list[KeyRow]:
    """One row per action of `node`, with every key now bound to it."""
    keys: dict[str, list[str]] = {}
    bindings: dict[str, Binding] = {}
    for entry in active:
        if entry.node is not node:
            continue
        # A keymap may split one binding into several keys; its id keeps them together.
        name = entry.binding.id or entry.binding.action
        keys.setdefault(name, []).append(app.get_key_display(entry.binding))
        bindings.setdefault(name, entry.binding)
    return [
        KeyRow(
            keys=" ".join(dict.fromkeys(keys[name])),
            description=binding.description or binding.action,
            tooltip=binding.tooltip,
            binding_id=binding.id,
        )
        for name, binding in bindings.items()
    ]


def key_row_widget(row: KeyRow) -> Horizontal:
    text = Content.styled(row.description, "bold")
    if row.tooltip:
        text = Content.assemble(text, Content.styled(f" — {row.tooltip}", "$text-muted"))
    if row.binding_id:
        text = Content.assemble(text, Content.styled(f"  [{row.binding_id}]", "italic $text-muted"))
    return Horizontal(
        Static(Content(row.keys), classes="help-key"),
        Static(text, classes="help-text"),
        classes="help-row",
    )


def palette_note(app: App[Any]) -> Content:
    if not app.ENABLE_COMMAND_PALETTE:
        return Content("")
    key = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette"))
    return Content(f"Every action is also in the command palette ({key}).")

"""Textual screens and widgets of the workbench; layout and theme are in the .tcss files here."""

from pathlib import Path

STYLESHEET = Path(__file__).resolve().parent / "app.tcss"

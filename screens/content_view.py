"""A scrollable view of one Content, redrawn without a screen layout pass.

A Static of automatic height inside a scroll container needs the whole screen laid out again
whenever its text changes; measured on the queue, that was half the time of a verdict. Here
the widget's size never depends on its text: the text is rendered to lines once per change
(or resize) and only the scroll extent changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

HEIGHT_STEP = 16


class ContentView(ScrollView, can_focus=True):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._content = Content("")
        self._strips: list[Strip] = []

    @property
    def content(self) -> Content:
        return self._content

    def update(self, content: Content) -> None:
        self._content = content
        self._render_strips()
        self.scroll_home(animate=False)

    def on_resize(self) -> None:
        self._render_strips()

    def _render_strips(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            self._strips = []
            return
        self._strips = Visual.to_strips(
            self, self._content, width, None, self.visual_style, pad=True
        )
        # A change of virtual size is a layout change for Textual, so the scroll extent moves
        # in steps: most texts then leave it as it was (at the cost of a few blank lines).
        height = -(-len(self._strips) // HEIGHT_STEP) * HEIGHT_STEP
        if self.virtual_size != Size(width, height):
            self.virtual_size = Size(width, height)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._strips):
            return self._strips[index]
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

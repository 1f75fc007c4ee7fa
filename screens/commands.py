"""The command palette lists the actions of the screen in front, named by their bindings.

Generated from the bindings rather than listed by hand, so a new binding is in the palette
the moment it exists, under the screen's name ("queue: Confirm", "group: Split").
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActions(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        prefix = type(screen).__name__.removesuffix("Screen").lower() or "screen"
        commands = []
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or active.node is not screen:
                continue
            title = f"{prefix}: {binding.description}"
            help_text = binding.tooltip or f"key {self.app.get_key_display(binding) or key}"
            commands.append((title, binding.action, help_text))
        # One entry per action even when several keys are bound to it.
        unique = {title: (title, action, help_text) for title, action, help_text in commands}
        return sorted(unique.values())

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.screen.run_action, action),
                    help=help_text,
                )

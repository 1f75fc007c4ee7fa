"""Showing untrusted article text in a terminal.

Article text may carry terminal escape sequences or other control characters; printed raw they
would move the cursor, recolour or retitle the user's terminal. They are shown as visible
escapes instead (the stored text keeps them as they were).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """The text with every control character (except newline and tab) shown as an escape."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def one_line(text: str, width: int) -> str:
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: max(1, width - 1)] + "…"

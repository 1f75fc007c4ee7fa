"""Markdown article bodies to plain text.

Only the syntax that wraps words is removed (headings, emphasis, links, images, code marks);
bracketed text that is not a link, such as "[…]" or "[bold]", is article text and stays.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*")
_CODE = re.compile(r"`([^`\n]+)`")
_BULLET = re.compile(r"^\s{0,3}[*+]\s+", re.MULTILINE)
_QUOTE_MARK = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.MULTILINE)


def markdown_to_text(markdown: str) -> str:
    text = _RULE.sub("", markdown)
    text = _HEADING.sub(r"\1", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda match: match.group(2) or match.group(3), text)
    text = _CODE.sub(r"\1", text)
    text = _BULLET.sub("- ", text)
    return _QUOTE_MARK.sub("", text)

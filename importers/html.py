"""HTML pages and fragments to plain article text.

Main-text extraction is trafilatura's job: it is maintained, benchmarked on news pages and
knows far more page layouts than rules of our own would. Feed entries are small fragments that
are already the article, so they only need their markup turned into paragraphs.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlparse

from workbench.importers.decode import ReadError, check_article_size
from workbench.importers.records import RawArticle

_BREAK = "\x00"  # marks a paragraph boundary while text is collected
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr"}


def extract_html_article(html: str, *, origin: str) -> RawArticle:
    import trafilatura  # imported here: start-up of quick commands should not pay for it

    # trafilatura logs its own parse failures; the pipeline reports them in one line instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    if "<" not in html:
        raise ReadError("not HTML (no tags)")
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ReadError("no article text found in the HTML")
    check_article_size(len(text.encode("utf-8")))
    url = getattr(document, "url", None)
    return RawArticle(
        text=text,
        origin=origin,
        importer="html",
        title=getattr(document, "title", None),
        url=url,
        source=getattr(document, "sitename", None) or _domain(url),
        published=getattr(document, "date", None),
        language=getattr(document, "language", None),
        author=getattr(document, "author", None),
    )


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname
    return host.removeprefix("www.") if host else None


def html_fragment_to_text(fragment: str) -> str:
    """Paragraph text of an HTML fragment (a feed entry's content), one paragraph per line."""
    if "<" not in fragment:
        return fragment.strip()
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    pieces: list[str] = []
    _collect_text(root, pieces)
    # Line breaks in the source are just white space; only block elements start a paragraph.
    lines = (" ".join(line.split()) for line in "".join(pieces).split(_BREAK))
    return "\n".join(line for line in lines if line)


def _collect_text(element: Any, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BLOCK_TAGS:
        pieces.append(_BREAK)
    if tag == "li":
        pieces.append("- ")
    if element.text:
        pieces.append(element.text.replace("\n", " "))
    for child in element:
        _collect_text(child, pieces)
        if child.tail:
            pieces.append(child.tail.replace("\n", " "))
    if tag in _BLOCK_TAGS:
        pieces.append(_BREAK)

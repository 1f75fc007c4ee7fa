"""prepare_article: the whole clean-up, split and extraction chain on arbitrary text."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.importers.prepare import ArticleDefaults, prepare_article
from workbench.importers.records import RawArticle

news_words = st.sampled_from(
    ["The", "EU", "said", "Feb.", "24", "U.K.", "$30.3", "billion", "euros", "“We", "are”", '"',
     "[bold]", "[/x]", "[…]", "\n", "\n\n", "- ", "2 min read", "Show More", ".", ",", "40%",
     "on", "Monday", "von der Leyen", "half a million", "\x1b[31m", "Kyiv", "office", "will"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(news_words, min_size=1, max_size=80).map(" ".join), st.booleans())
def test_every_claim_points_at_its_own_text(text: str, with_title: bool) -> None:
    raw = RawArticle(
        text=text, origin="prop", importer="text", title="A title here" if with_title else None
    )
    prepared = prepare_article(raw, ArticleDefaults())
    for row in prepared.claims:
        assert prepared.text[row["char_start"] : row["char_end"]] == row["text"]
        for mention in json.loads(row["numbers"]) + json.loads(row["dates"]):
            assert row["text"][mention["start"] : mention["end"]] == mention["text"]
        assert 0.0 <= row["checkworthiness"] <= 1.0


def test_stored_text_keeps_markup_and_escapes() -> None:
    text = "Officials said the post read [bold]yes[/bold] and [/x] with \x1b[2J inside it today."
    prepared = prepare_article(
        RawArticle(text=text, origin="m", importer="text", title="Markup"), ArticleDefaults()
    )
    assert text in prepared.text
    assert any("[bold]yes[/bold] and [/x]" in row["text"] for row in prepared.claims)

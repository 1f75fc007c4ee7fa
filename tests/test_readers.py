"""Each reader on good input, and every kind of bad input giving a one-line reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.importers.decode import ReadError, decode_text
from workbench.importers.readers import outlet_from_feed_title, read_file, split_header
from workbench.importers.records import RawArticle, RecordError

ARTICLE = (
    "The EU has delivered 28 billion euros in military aid to Ukraine, officials said.\n"
    "The office will open in Kyiv on Feb. 24, the Commission announced on Monday.\n"
)


def read_all(path: Path, fmt: str | None = None) -> list[RawArticle | RecordError]:
    return list(read_file(path, fmt))


def only_articles(items: list[RawArticle | RecordError]) -> list[RawArticle]:
    return [item for item in items if isinstance(item, RawArticle)]


def test_text_with_header(write_file) -> None:
    path = write_file(
        "a.txt",
        "title: Aid figures\nurl: https://www.outlet.example/a\nsource: Outlet\n"
        "published: 2024-02-24\nlanguage: en\nauthor: Jane Doe\n\n" + ARTICLE,
    )
    [article] = read_all(path)
    assert isinstance(article, RawArticle)
    assert (article.title, article.url, article.source) == (
        "Aid figures",
        "https://www.outlet.example/a",
        "Outlet",
    )
    assert (article.published, article.language, article.author) == ("2024-02-24", "en", "Jane Doe")
    assert article.text.startswith("The EU has delivered")
    assert article.importer == "text"


def test_text_without_header_keeps_first_line() -> None:
    header, body = split_header("Headline: a colon in a headline\nBody.\n")
    assert header == {}
    assert body.startswith("Headline: a colon")


def test_markdown_strips_syntax_but_keeps_bracketed_text(write_file) -> None:
    path = write_file(
        "a.md",
        "# EU aid reaches **28 billion** euros\n\nThe [Commission](https://x.example) said "
        "the aid [bold] text […] stays [/x].\n\n* first item here\n",
    )
    [article] = only_articles(read_all(path))
    assert article.text.splitlines()[0] == "EU aid reaches 28 billion euros"
    assert "The Commission said the aid [bold] text […] stays [/x]." in article.text
    assert "- first item here" in article.text


def test_html_uses_main_text_and_metadata(write_file) -> None:
    path = write_file(
        "page.html",
        """<!doctype html><html lang="en"><head><title>Aid | Outlet</title>
        <meta property="og:title" content="EU aid to Ukraine reaches 28 billion euros">
        <meta name="author" content="Jane Doe">
        <meta property="article:published_time" content="2024-05-07T09:00:00Z">
        <link rel="canonical" href="https://outlet.example/aid"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>EU aid to Ukraine reaches 28 billion euros</h1>
        <p>The European Union has delivered 28 billion euros of military aid so far, the
        Commission president said at a press conference in Kyiv on Saturday morning.</p>
        <p>Another 5 billion euros will come from a new fund for joint procurement of
        weapons, she added, speaking beside the Ukrainian president [bold].</p></article>
        <footer>Cookie settings. Subscribe to our newsletter.</footer></body></html>""",
    )
    [article] = only_articles(read_all(path))
    assert article.importer == "html"
    assert "28 billion euros of military aid" in article.text
    assert "[bold]" in article.text
    assert "Cookie settings" not in article.text
    assert article.author == "Jane Doe"
    assert article.published and article.published.startswith("2024-05-07")
    assert article.url == "https://outlet.example/aid"


def test_jsonl_records_and_bad_lines(write_file) -> None:
    good = {"text": ARTICLE, "title": "One", "source": "Outlet", "published": "2024-02-24"}
    path = write_file(
        "a.jsonl",
        json.dumps(good)
        + "\n\n{not json}\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps([1, 2])
        + "\n"
        + json.dumps({**good, "title": "Two"})
        + "\n",
    )
    items = read_all(path)
    assert [item.title for item in only_articles(items)] == ["One", "Two"]
    errors = [item for item in items if isinstance(item, RecordError)]
    assert [error.origin.rsplit("#", 1)[1] for error in errors] == ["3", "4", "5"]
    assert "invalid JSON" in errors[0].reason
    assert "no 'text' field" in errors[1].reason
    assert "not a JSON object" in errors[2].reason


def test_json_array(write_file) -> None:
    path = write_file("a.json", json.dumps([{"text": ARTICLE}, {"text": ARTICLE + "More."}]))
    assert len(only_articles(read_all(path))) == 2


def test_csv_with_quoted_multiline_cells(write_file) -> None:
    path = write_file(
        "a.csv",
        'Title,Text,Source,Published\n"Aid, again","Line one, with comma.\nLine two ""quoted"".",'
        "Outlet,2024-02-24\nSecond,Short text here for the second article.,Other,\n",
    )
    articles = only_articles(read_all(path))
    assert [article.title for article in articles] == ["Aid, again", "Second"]
    assert articles[0].text == 'Line one, with comma.\nLine two "quoted".'
    assert articles[1].published is None
    assert [article.origin.rsplit("#")[1] for article in articles] == ["1", "2"]


def test_feed_title_section_is_dropped_from_the_outlet_name() -> None:
    assert outlet_from_feed_title("Kyiv Morning Post – Defence & Industry") == "Kyiv Morning Post"
    assert outlet_from_feed_title("Reuters | World News") == "Reuters"
    assert outlet_from_feed_title("Post-Gazette") == "Post-Gazette"


def test_csv_without_text_column(write_file) -> None:
    path = write_file("a.csv", "title,body\nx,y\n")
    with pytest.raises(ReadError, match="no 'text' column"):
        read_all(path)


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Outlet Feed</title><link>https://outlet.example</link>
<item><title>Office opens</title><link>https://outlet.example/office</link>
<pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate>
<description><![CDATA[<p>The office is already working in Kyiv.</p><p>It links start-ups
with the armed forces [bold].</p>]]></description></item>
<item><title>Second</title><link>https://outlet.example/2</link>
<description>Plain text entry about 28 billion euros.</description></item>
</channel></rss>"""


def test_rss_feed_entries(write_file) -> None:
    path = write_file("feed.xml", FEED)
    articles = only_articles(read_all(path))
    assert [article.title for article in articles] == ["Office opens", "Second"]
    first = articles[0]
    assert first.source == "Outlet Feed"
    assert first.origin.endswith("feed.xml#1")
    assert first.url == "https://outlet.example/office"
    assert first.published == "Tue, 07 May 2024 09:00:00 GMT"
    assert first.text == (
        "The office is already working in Kyiv.\nIt links start-ups with the armed forces [bold]."
    )


def test_broken_feed_keeps_recovered_entries_with_a_notice(write_file) -> None:
    path = write_file("broken.rss", FEED.replace("</channel></rss>", "<item><title>cut"))
    articles = only_articles(read_all(path))
    assert [article.title for article in articles[:2]] == ["Office opens", "Second"]
    assert any("malformed feed XML" in notice for notice in articles[0].notices)


def test_atom_feed(write_file) -> None:
    path = write_file(
        "feed.atom",
        """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
        <title>Atom Outlet</title><id>urn:x</id><updated>2024-05-07T09:00:00Z</updated>
        <entry><title>Entry</title><id>urn:1</id><link href="https://a.example/1"/>
        <updated>2024-05-07T09:00:00Z</updated>
        <content type="html">&lt;p&gt;The office opened.&lt;/p&gt;</content></entry></feed>""",
    )
    [article] = only_articles(read_all(path))
    assert (article.title, article.source, article.text) == (
        "Entry",
        "Atom Outlet",
        "The office opened.",
    )


def test_format_sniffed_without_extension(write_file) -> None:
    assert only_articles(read_all(write_file("feedfile", FEED)))[0].importer == "feed"
    assert only_articles(read_all(write_file("notes", ARTICLE)))[0].importer == "text"


def test_format_can_be_forced(write_file) -> None:
    path = write_file("a.data", json.dumps({"text": ARTICLE}) + "\n")
    assert only_articles(read_all(path, "jsonl"))[0].importer == "jsonl"


# --- bad input: each is a ReadError (whole file) or RecordError (one record) with a reason ---


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file"),
        ("blob.txt", bytes(range(256)) * 4, "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        ("bad.json", b'{"text": "unterminated', "invalid JSON"),
        ("bad.xml", b"<?xml version='1.0'?><rss><channel><title>x</title><ite", "malformed"),
        (
            "empty-feed.rss",
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>",
            "feed has no entries",
        ),
        ("notafeed.xml", b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "not an RSS"),
        ("tags.html", b"<html><body><div></div></body></html>", "no article text"),
        ("doc.pdf", b"%PDF-1.4 some text", "unknown file type '.pdf'"),
        ("header-only.txt", b"title: Only a header\n\n", "no article text"),
    ],
)
def test_bad_files_raise_one_line_errors(
    write_file, name: str, content: bytes, reason: str
) -> None:
    path = write_file(name, content)
    with pytest.raises(ReadError) as raised:
        read_all(path)
    assert reason in str(raised.value)
    assert "\n" not in str(raised.value)


def test_huge_single_line_file_is_refused_without_reading_it(write_file, tmp_path: Path) -> None:
    path = tmp_path / "in" / "huge.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(b"word " * (10 * 1024 * 1024))  # 50 MB, one line
    with pytest.raises(ReadError, match=r"file is 50\.0 MB, over the 5\.0 MB limit"):
        read_all(path)


def test_huge_jsonl_record_fails_alone(write_file) -> None:
    big = json.dumps({"text": "x" * (6 * 1024 * 1024)})
    path = write_file("big.jsonl", big + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    items = read_all(path)
    assert isinstance(items[0], RecordError) and "over the 5.0 MB limit" in items[0].reason
    assert isinstance(items[1], RawArticle)


def test_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        read_all(tmp_path / "missing.txt")


def test_latin1_text_is_read_with_a_notice(write_file) -> None:
    path = write_file(
        "latin1.txt", "Café: the Commission said the aid was €28 billion.".encode("cp1252")
    )
    [article] = only_articles(read_all(path))
    assert article.text.startswith("Café")
    assert "€28 billion" in article.text
    assert article.notices == ["not UTF-8; read as Windows-1252"]


def test_mostly_utf8_with_bad_bytes_keeps_utf8_reading() -> None:
    decoded = decode_text("Zelenskyy’s office said ".encode() + b"\xff\xfe" + b" more text")
    assert decoded.text.startswith("Zelenskyy’s office")
    assert decoded.notice and "2 bad byte(s)" in decoded.notice


def test_markup_and_escape_sequences_are_kept_as_text(write_file) -> None:
    text = (
        "He posted [bold]now[/bold] and [/x] and [link=https://evil.example]here[/link] "
        "\x1b[31mred\x1b[0m […]."
    )
    path = write_file("markup.txt", text)
    [article] = only_articles(read_all(path))
    assert article.text == text


def test_csv_row_with_extra_cells_fails_alone(write_file) -> None:
    path = write_file("rows.csv", 'title,text\nok,"Fine text here."\nbad,"Some text.",extra\n')
    items = read_all(path)
    assert [item.title for item in only_articles(items)] == ["ok"]
    [error] = [item for item in items if isinstance(item, RecordError)]
    assert error.origin.endswith("#2") and "more cells than the header" in error.reason

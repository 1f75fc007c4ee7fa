from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.importers.clean import CleanedArticle, clean_article

# --- synthetic pages ----------------------------------------------------------------------------

PAGE = """News Feed

EU opens an office in Kyiv

3 min read
EU opens an office in Kyiv
By Jane Doe and John Roe
Officials pose in Kyiv on Feb. 24, 2024. (Photo: Jane Doe / Example News)

KYIV

The European Union will open an office in Kyiv, officials said on Monday.

Share
Advertisement

The office will employ 40 people [bold] and cost […] little [/x], they added.

Background

Officials listed three goals:
• Faster procurement of ammunition
• Joint production with Ukrainian firms
* Better training for soldiers

Avatar
Jane Doe

Staff Writer

More teaser news that is not part of this article at all.
"""


def test_page_chrome_is_dropped_and_body_kept() -> None:
    article = clean_article(PAGE)
    assert article.title == "EU opens an office in Kyiv"
    assert article.body.split("\n\n") == [
        "The European Union will open an office in Kyiv, officials said on Monday.",
        "The office will employ 40 people [bold] and cost […] little [/x], they added.",
        "Background",
        "Officials listed three goals:",
        "- Faster procurement of ammunition\n- Joint production with Ukrainian firms\n"
        "- Better training for soldiers",
    ]
    assert article.captions == [
        "Officials pose in Kyiv on Feb. 24, 2024. (Photo: Jane Doe / Example News)"
    ]
    assert article.dateline == "KYIV"
    for chrome in ("News Feed", "3 min read", "By Jane Doe and John Roe", "Share", "Avatar"):
        assert chrome in article.removed
    assert "More teaser news that is not part of this article at all." in article.removed


def test_text_joins_title_and_body() -> None:
    article = CleanedArticle("Headline", "Para one.\n\nPara two.", [], [])
    assert article.text == "Headline\n\nPara one.\n\nPara two."
    assert CleanedArticle(None, "Body only.", [], []).text == "Body only."
    assert CleanedArticle("Only a title", "", [], []).text == "Only a title"


def test_known_title_wins_and_its_repeat_is_dropped() -> None:
    raw = "EU Opens Office In Kyiv\nThe EU will open an office in Kyiv, officials said."
    article = clean_article(raw, title="EU opens office in Kyiv")
    assert article.title == "EU opens office in Kyiv"
    assert article.body == "The EU will open an office in Kyiv, officials said."
    assert article.removed == ["EU Opens Office In Kyiv"]


def test_first_line_that_is_a_sentence_is_not_a_title() -> None:
    raw = "The EU will open an office in Kyiv.\nIt will employ 40 people."
    article = clean_article(raw)
    assert article.title is None
    assert article.body == "The EU will open an office in Kyiv.\n\nIt will employ 40 people."


@pytest.mark.parametrize(
    "chrome",
    ["2 min read", "5 min read", "Reading time: 3 minutes", "Show More", "Show more",
     "Load more", "Video", "Tweet", "By Jane Doe", "Read more: Another story about drones",
     "Also read : Earthquake death toll rises to 632, buildings reduced to rubble",
     "ALSO READ | Another story", "See also: Another story", "placeholder image"],
)  # fmt: skip
def test_chrome_lines_between_paragraphs_are_dropped(chrome: str) -> None:
    raw = f"Title of the story here\nFirst real sentence of the body.\n{chrome}\nSecond one."
    article = clean_article(raw)
    assert article.body == "First real sentence of the body.\n\nSecond one."
    assert article.removed == [chrome]


@pytest.mark.parametrize(
    "end_marker",
    ["2 comments", "12 Comments", "Related", "Read more:", "More from Example News", "News Feed",
     "Avatar"],
)  # fmt: skip
def test_end_of_article_drops_the_rest(end_marker: str) -> None:
    raw = f"Title of the story here\nFirst real sentence.\n{end_marker}\nA teaser of other news."
    article = clean_article(raw)
    assert article.body == "First real sentence."
    assert article.removed == [end_marker, "A teaser of other news."]


def test_author_box_before_the_body_does_not_end_the_article() -> None:
    raw = "Avatar\nJane Doe\nStaff Writer\nThe EU will open an office in Kyiv, officials said."
    article = clean_article(raw)
    assert article.body == "The EU will open an office in Kyiv, officials said."
    assert article.removed == ["Avatar", "Jane Doe", "Staff Writer"]


@pytest.mark.parametrize(
    "caption",
    [
        "Leaders in Kyiv on Feb. 24, 2024. (President Volodymyr Zelensky / X)",
        "Soldiers at a range near Kharkiv. (Photo: Jane Doe)",
        "Photo: Jane Doe / Example News",
        "A drone on display at the forum. Getty Images",
    ],
)
def test_captions_move_out_of_the_body(caption: str) -> None:
    raw = f"Body sentence number one here.\n{caption}\nBody sentence number two here."
    article = clean_article(raw)
    assert article.captions == [caption]
    assert caption not in article.body


def test_figures_in_parentheses_are_not_captions() -> None:
    raw = "The EU delivered 28 billion euros ($30.3 billion)\nto Ukraine so far."
    assert clean_article(raw).captions == []


def test_subscription_notice_and_trackbacks_are_dropped() -> None:
    raw = (
        "A real sentence of the article body.\n"
        "Subscribe to our newsletter for more.\n"
        "[…] A trackback excerpt from another blog. […]\n"
        "[...] Another trackback excerpt. [...]\n"
        "Another real sentence with […] inside it stays."
    )
    article = clean_article(raw)
    assert article.body == (
        "A real sentence of the article body.\n\nAnother real sentence with […] inside it stays."
    )
    assert len(article.removed) == 3


def test_hard_wrapped_lines_are_joined() -> None:
    raw = "The EU will open an office\nin Kyiv, officials said.\nIt will employ 40 people."
    assert clean_article(raw).body == (
        "The EU will open an office in Kyiv, officials said.\n\nIt will employ 40 people."
    )


LINE_PIECES = [
    "News Feed", "Video", "2 min read", "By Jane Doe", "KYIV", "Avatar", "2 comments", "[…]",
    "- ", "• ", "1. ", "(Photo: X / Y)", "Related", "The EU met.", "officials said", "Kyiv",
    "Subscribe to our newsletter", "\n", "\n\n", " ", "a", "A", "The Brief ",
    "Photo by A/B", " | Photo Credit: ANI",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=60).map("".join), st.booleans())
def test_every_input_line_is_accounted_for(raw: str, with_title: bool) -> None:
    article = clean_article(raw, "A headline" if with_title else None)
    kept = "\n".join([article.text, *article.captions, *article.removed])
    for line in raw.splitlines():
        line = line.strip()
        if line:
            unlabelled = line.removeprefix("The Brief").strip()
            assert line in kept or line[2:].strip() in article.body or unlabelled in kept, line


def test_credit_lines_newsletter_promotions_and_a_glued_label_go() -> None:
    raw = (
        "Delta can sue CrowdStrike\n\n"
        "The Brief A Georgia judge ruled that Delta can proceed.\n\n"
        "Photo by Jim Ruymen/UPI\n\nCNA photo April 6, 2024\n\n"
        "Train movement resumed on June 4. | Photo Credit: ANI\n\n"
        "Subscribe free to our weekly newsletter for exclusive coverage from ITV News.\n\n"
        "Our weekly newsletter contains a hand-picked selection of news.\n\n"
        "Gurman wrote in his Power On newsletter that it ships.\n\n"
        "Photo by photo, the crowd rebuilt the wall over the summer.\n"
    )
    article = clean_article(raw)
    assert article.body.split("\n\n") == [
        "A Georgia judge ruled that Delta can proceed.",
        "Gurman wrote in his Power On newsletter that it ships.",
        "Photo by photo, the crowd rebuilt the wall over the summer.",
    ]
    assert article.captions == [
        "Photo by Jim Ruymen/UPI",
        "CNA photo April 6, 2024",
        "Train movement resumed on June 4. | Photo Credit: ANI",
    ]
    assert article.removed[0] == "The Brief" and len(article.removed) == 3


def test_an_embedded_post_keeps_its_words_and_loses_its_signature() -> None:
    passan = "— Jeff Passan (@JeffPassan) December 9, 2023"
    bno = "pic.twitter.com/MGs5xp8MAN — BNO News (@BNONews) June 18, 2024"
    mention = "The deal — as Passan (@JeffPassan) put it on Monday — is huge, he said May 2, 2024."
    raw = (
        "Ohtani joins the Dodgers\n\n"
        f"Ohtani's deal is for 10 years and $700 million. {passan}\n\n"
        f"Nvidia overtakes Microsoft at $3.3 trillion {bno}\n\n"
        f"{mention}\n"
    )
    article = clean_article(raw)
    assert article.body.split("\n\n") == [
        "Ohtani's deal is for 10 years and $700 million.",
        "Nvidia overtakes Microsoft at $3.3 trillion",
        mention,
    ]
    assert article.removed == [passan, bno]


def test_empty_input() -> None:
    article = clean_article("")
    assert (article.title, article.body, article.text) == (None, "", "")


# --- seeds: known body sentences survive, known chrome does not ---------------------------------

SEED_EXPECTATIONS = {
    "000": (
        ["The European Union will open an office for Defense Innovation in Kyiv",
         "This is EU solidarity in action", "500,000 ammunition rounds"],
        ["News Feed", "2 min read", "Avatar", "Elsa Court", "Audience Development Manager",
         "Sybiha", "a secure U.K.", "Show More", "(President Volodymyr Zelensky / X)"],
    ),
    "001": (
        ["In a bid to bolster defense cooperation", "stated Breton",
         "foster synergy between European and Ukrainian defense sectors."],
        [],
    ),
    "002": (
        ["An UE-Ukraine working group", "two million laps", "in the EU and with Ukraine,” said"],
        [],
    ),
    "003": (
        ["'It is clear, because Russia responds", "trained over 80,000 soldiers",
         "if it delivers real capabilities"],
        ["ISTANBUL", "Anadolu Agency website", "subscription options"],
    ),
    "004": (
        ["Background: Strengthening Defense Integration", "- Co-production agreements",
         "- Regulatory coordination to ease technology transfer",
         "expected to expand further in the coming years."],
        ["2 comments", "[…]", "The NSS warns", "Skeyes"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("seed", sorted(SEED_EXPECTATIONS))
def test_seed_body_survives_and_chrome_goes(seed_text, seed: str) -> None:
    article = clean_article(seed_text(seed))
    kept, dropped = SEED_EXPECTATIONS[seed]
    for fragment in kept:
        assert fragment in article.body, fragment
    for fragment in dropped:
        assert fragment not in article.text, fragment


def test_seed_000_caption_kept_for_date_search(seed_text) -> None:
    article = clean_article(seed_text("000"))
    assert article.title == "Von der Leyen: EU to open Defense Innovation office in Kyiv"
    assert article.text.count("Von der Leyen: EU to open Defense Innovation office") == 1
    assert len(article.captions) == 1
    assert "Feb. 24, 2024." in article.captions[0]


def test_seed_003_dateline_is_metadata(seed_text) -> None:
    article = clean_article(seed_text("003"))
    assert article.dateline == "ISTANBUL"
    assert article.title is not None and article.title.startswith("Broader support")


@pytest.mark.parametrize("seed", ["001", "002"])
def test_seed_without_headline_keeps_every_line(seed_text, seed: str) -> None:
    raw = seed_text(seed)
    article = clean_article(raw)
    assert article.title is None
    assert article.removed == [] and article.captions == []
    assert article.body.split("\n\n") == [line.strip() for line in raw.splitlines() if line.strip()]


def test_a_live_quote_after_a_company_name_is_cut_and_its_listing_kept() -> None:
    raw = (
        "Nvidia tops $4 trillion\n\n"
        "Nvidia (NVDA 4.08%) shares climbed 0.7% on Thursday.\n\n"
        "Apple (NASDAQ: AAPL) fell, while Tesla (NASDAQ: TSLA -1.25%) slid 3% (about $7).\n"
    )
    article = clean_article(raw)
    assert article.body.split("\n\n") == [
        "Nvidia shares climbed 0.7% on Thursday.",
        "Apple (NASDAQ: AAPL) fell, while Tesla slid 3% (about $7).",
    ]
    assert article.removed == ["(NVDA 4.08%)", "(NASDAQ: TSLA -1.25%)"]

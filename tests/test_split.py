from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.importers.clean import clean_article
from workbench.importers.split import MAX_CLAIM_CHARS, ClaimSpan, split_claims


def texts(text: str, has_title: bool = False) -> list[str]:
    return [span.text for span in split_claims(text, has_title=has_title)]


def assert_well_formed(text: str, spans: list[ClaimSpan]) -> None:
    previous_end = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert span.start >= previous_end
        previous_end = span.end


# --- sentence boundaries ------------------------------------------------------------------------


def test_plain_sentences_split() -> None:
    assert texts(
        "The EU met on Monday. Ministers agreed on a plan! Was it really enough? Nobody knows."
    ) == [
        "The EU met on Monday.",
        "Ministers agreed on a plan!",
        "Was it really enough?",
    ]  # "Nobody knows." is under four words


@pytest.mark.parametrize(
    "sentence",
    [
        "The office opened in Kyiv on Feb. 24 after a long delay.",
        "The talks resume in Sept. 2025 according to the plan.",
        "Mr. Smith met Dr. Jones and Gen. Syrskyi in Kyiv today.",
        "Sen. Smith and Rep. Doe met Prof. Lee at St. Michael's Monastery.",
        "The U.K. Defense Secretary met the U.S. President and U.N. staff.",
        "E.U. officials met John F. Kennedy Jr. at the airport.",
        "Some weapons, e.g. Drones and shells, are in short supply.",
        "Other items, i.e. Spare parts, etc. are also needed now.",
        "It was Ukraine vs. Russia at the No. 5 court on Tuesday.",
        "The iPhone 15 starts at Rs. 79,900 while the Plus costs Rs. 89,900 in India.",
        "The vote was at 9 a.m. after a short debate in Brussels.",
        "The EU delivered $30.3 billion and 2.5 million rounds.",
        '"We are surging investment (...) Ensuring the force is ready," he said.',
        "Acme Inc. Chief Executive Jane Doe and Foo Co. Officials met.",
    ],
)
def test_abbreviations_do_not_split(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_dotted_abbreviation_splits_before_a_sentence_opener() -> None:
    assert texts("The money came from the U.S. The EU added more funds later.") == [
        "The money came from the U.S.",
        "The EU added more funds later.",
    ]


def test_lowercase_after_period_does_not_split() -> None:
    sentence = "Deliveries start at 10 a.m. local time, officials said on Friday."
    assert texts(sentence) == [sentence]


def test_a_full_stop_glued_to_the_next_sentence_splits() -> None:
    assert texts("ETFs are expected to speed adoption.The SEC approved 11 funds on Wednesday.") == [
        "ETFs are expected to speed adoption.",
        "The SEC approved 11 funds on Wednesday.",
    ]
    for whole in ("Shares of Amazon.com rose on Friday.", "The money came from the U.S.The EU."):
        assert texts(whole) == [whole]


def test_splits_before_digit_and_quote() -> None:
    assert texts('The plan was agreed. 2024 was a record year. "It works," he said in Kyiv.') == [
        "The plan was agreed.",
        "2024 was a record year.",
        '"It works," he said in Kyiv.',
    ]


# --- quotations ---------------------------------------------------------------------------------


def test_multi_sentence_quote_with_attribution_is_one_claim() -> None:
    text = (
        "“We are working to set up the fund. This will bring another 5 billion euros,” she said. "
        "The plan was announced on Friday."
    )
    spans = split_claims(text, has_title=False)
    assert [s.text for s in spans] == [
        "“We are working to set up the fund. This will bring another 5 billion euros,” she said.",
        "The plan was announced on Friday.",
    ]
    assert [s.kind for s in spans] == ["quote", "sentence"]


def test_whole_quotation_joins_the_attribution_beside_it() -> None:
    text = (
        "“Our goal is to forge stronger bonds,” stated Breton. "
        "“To this end, the office will serve as a conduit.”\n\n"
        "“We will do more. We must act now.” Kallas said.\n\n"
        "The office opened in May. “Nobody expected this to happen so fast.”"
    )
    assert texts(text) == [
        "“Our goal is to forge stronger bonds,” stated Breton. "
        "“To this end, the office will serve as a conduit.”",
        "“We will do more. We must act now.” Kallas said.",
        "The office opened in May.",
        "“Nobody expected this to happen so fast.”",
    ]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "Russia’s attack came on Wednesday's night. The members’ votes were counted. It ended."
    assert texts(text) == [
        "Russia’s attack came on Wednesday's night.",
        "The members’ votes were counted.",
    ]


def test_single_quotes_and_straight_quotes() -> None:
    text = "'It is clear. Russia escalates,' says Kaja Kallas. \"We act. Now,\" he said in Kyiv."
    assert texts(text) == [
        "'It is clear. Russia escalates,' says Kaja Kallas.",
        '"We act. Now," he said in Kyiv.',
    ]


def test_stray_quote_mark_does_not_swallow_the_paragraph() -> None:
    text = 'The so-called "model was praised. Officials met on Monday. They agreed on it.'
    assert texts(text) == [
        'The so-called "model was praised.',
        "Officials met on Monday.",
        "They agreed on it.",
    ]


def test_quote_kind_rule() -> None:
    embedded = "The industry is “stepping up a gear” and production rose by 40%, she said."
    mostly_quoted = "He called it “the first world war of drones in the history of all wars”."
    assert [s.kind for s in split_claims(embedded, has_title=False)] == ["sentence"]
    assert [s.kind for s in split_claims(mostly_quoted, has_title=False)] == ["quote"]


# --- structure ----------------------------------------------------------------------------------


def test_a_title_is_never_continued_by_the_next_line() -> None:
    text = "Death toll rises as cleanup continues\n\nplaceholder image\n\nThe toll stood at 133."
    spans = split_claims(text)
    assert spans[0].text == "Death toll rises as cleanup continues"
    assert spans[-1].text == "The toll stood at 133."
    assert_well_formed(text, spans)


def test_headline_list_items_and_headings() -> None:
    text = (
        "EU backs Ukraine\n\n"
        "Policy Details\n\n"
        "Officials named several core areas of cooperation:\n\n"
        "- Co-production agreements between defense firms\n"
        "• Supply chain integration for critical parts\n"
        "* Standardization of military equipment\n"
        "1. Regulatory coordination for technology transfer\n"
        "- Drones\n\n"
        "The vote passed on Tuesday in Brussels."
    )
    spans = split_claims(text)
    assert [(s.kind, s.text, s.paragraph) for s in spans] == [
        ("headline", "EU backs Ukraine", 0),
        ("sentence", "Officials named several core areas of cooperation:", 2),
        ("list_item", "Co-production agreements between defense firms", 3),
        ("list_item", "Supply chain integration for critical parts", 3),
        ("list_item", "Standardization of military equipment", 3),
        ("list_item", "Regulatory coordination for technology transfer", 3),
        ("sentence", "The vote passed on Tuesday in Brussels.", 4),
    ]
    items = [s for s in spans if s.kind == "list_item"]
    assert {s.context for s in items} == {"Officials named several core areas of cooperation:"}
    assert_well_formed(text, spans)


def test_markup_and_short_fragments_are_skipped() -> None:
    text = "[…]\n\n[bold] [/x] [i] […]\n\nToo short here.\n\nThe text [bold] stays […] in a claim."
    assert texts(text) == ["The text [bold] stays […] in a claim."]


def test_without_title_the_first_paragraph_is_a_sentence() -> None:
    spans = split_claims("The EU will open an office in Kyiv.", has_title=False)
    assert [s.kind for s in spans] == ["sentence"]


def test_empty_and_blank_text() -> None:
    assert split_claims("") == []
    assert split_claims(" \n\n \t\n") == []


# --- robustness ---------------------------------------------------------------------------------


def test_long_sentence_is_capped_at_clause_boundaries() -> None:
    text = ("word " * 30 + "and more, ") * 100 + "end."
    spans = split_claims(text, has_title=False)
    assert len(spans) > 1
    assert all(len(s.text) <= MAX_CLAIM_CHARS for s in spans)
    assert all(s.text.endswith(",") for s in spans[:-1])
    assert_well_formed(text, spans)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 5_000_000,
        "word " * 1_000_000,
        "“" + "He said. It is. " * 60_000,
        '"' * 1_000_000,
        "’ ' ‘ " * 200_000,
        "U.S. " * 200_000,
        ". " * 500_000,
        "(" + "." * 1_000_000,
        "[…] " * 250_000,
        "- item\n" * 200_000,
    ],
    ids=["no-space", "no-punctuation", "open-quote", "straight-quotes", "singles", "dotted",
         "periods", "ellipsis", "markup", "bullets"],
)  # fmt: skip
def test_pathological_inputs_split_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    spans = split_claims(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"{elapsed:.1f}s for {len(text)} chars"
    assert all(len(s.text) <= MAX_CLAIM_CHARS for s in spans)


def test_time_grows_linearly_with_paragraph_size() -> None:
    sentence = "The EU said it had sent “40 shells. And more,” to Ukraine on Feb. 24, 2024. "

    def seconds(repeats: int) -> float:
        text = sentence * repeats
        started = time.perf_counter()
        split_claims(text)
        return time.perf_counter() - started

    small, large = seconds(2_000), seconds(16_000)
    assert large < 8 * small * 3 + 0.05  # 8x the input, generous slack for timer noise


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"aA1 .,!?:;\n\t-•*()[]…“”‘’\"'", "\n\n", "e.g.", "U.S.", "Feb.", "word", "Kyiv", "- "]
        ),
        max_size=120,
    ).map("".join),
    st.booleans(),
)
def test_spans_are_exact_ordered_and_disjoint_for_any_text(text: str, has_title: bool) -> None:
    assert_well_formed(text, split_claims(text, has_title=has_title))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_spans_are_well_formed_for_arbitrary_unicode(text: str, has_title: bool) -> None:
    assert_well_formed(text, split_claims(text, has_title=has_title))


# --- seeds, through the pipeline's clean-then-split ---------------------------------------------


def seed_claims(seed_text, seed: str) -> list[ClaimSpan]:
    article = clean_article(seed_text(seed))
    spans = split_claims(article.text, has_title=article.title is not None)
    assert_well_formed(article.text, spans)
    return spans


def test_seed_000(seed_text) -> None:
    spans = seed_claims(seed_text, "000")
    all_text = [s.text for s in spans]
    assert spans[0].kind == "headline"
    assert any(t.endswith("in Kyiv on Feb. 24.") for t in all_text)  # "Feb. 24" did not split
    assert not any(t.startswith("24") for t in all_text)
    fund = [t for t in all_text if "Ukraine Assistance Fund" in t]
    assert len(fund) == 1 and "This will bring another 5 billion euros" in fund[0]
    chrome = ["2 min read", "Show More", "News Feed", "Avatar", "Audience Development Manager",
              "Sybiha", "a secure U.K.", "Crimea", "Elsa Court"]  # fmt: skip
    for claim in all_text:
        assert not any(piece in claim for piece in chrome), claim
    assert len(spans) == 11


def test_seed_001_quote_continuation_stays_with_attribution(seed_text) -> None:
    spans = seed_claims(seed_text, "001")
    breton = [s for s in spans if "stated Breton" in s.text]
    assert len(breton) == 1 and "To this end" in breton[0].text
    assert breton[0].kind == "quote"


def test_seed_002_counts_are_sane(seed_text) -> None:
    spans = seed_claims(seed_text, "002")
    kinds = [s.kind for s in spans]
    assert 17 <= len(spans) <= 22
    assert kinds.count("quote") >= 6 and "headline" not in kinds
    drones = [s.text for s in spans if "who needs integration more" in s.text]
    assert len(drones) == 1 and drones[0].startswith("“We have to learn")


def test_seed_003(seed_text) -> None:
    spans = seed_claims(seed_text, "003")
    soldiers = [s for s in spans if "80,000 soldiers" in s.text]
    assert len(soldiers) == 1
    assert soldiers[0].kind == "quote"
    assert soldiers[0].text.startswith("“We are the largest provider")
    assert "she noted, adding that" in soldiers[0].text
    for claim in spans:
        assert "subscri" not in claim.text and "ISTANBUL" not in claim.text
    assert spans[0].kind == "headline"


def test_seed_004_list_and_trackbacks(seed_text) -> None:
    spans = seed_claims(seed_text, "004")
    items = [s for s in spans if s.kind == "list_item"]
    assert len(items) == 5
    assert items[0].text.startswith("Co-production agreements")
    assert all(s.context is not None and s.context.endswith("core areas:") for s in items)
    assert len({s.paragraph for s in items}) == 1
    headings = ["Background", "Policy Details", "Strategic and Security Context",
                "Expert and Policy Reactions", "What Comes Next"]  # fmt: skip
    for claim in spans:
        assert not any(claim.text.startswith(h) for h in headings), claim.text
        assert "[…]" not in claim.text and "comments" not in claim.text
        assert "The NSS" not in claim.text and "Skeyes" not in claim.text

"""Date extraction: candidates, resolution against the article date, metadata and datelines."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.importers.dates import (
    DateMention,
    ParsedDate,
    extract_dates,
    find_publication_date,
    parse_date_value,
)

REFERENCE = date(2024, 3, 1)  # a Friday


def only_mention(text: str, reference: date | None = REFERENCE) -> DateMention:
    mentions = extract_dates(text, reference)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "precision", "relative"),
    [
        ("It happened on Feb. 24.", "Feb. 24", "2024-02-24", "day", True),
        ("It happened on Feb. 24, 2024.", "Feb. 24, 2024", "2024-02-24", "day", False),
        ("Signed 24 February 2024 here.", "24 February 2024", "2024-02-24", "day", False),
        ("Signed on the 6th of May 2023.", "6th of May 2023", "2023-05-06", "day", False),
        ("Work began on May 6 at noon.", "May 6", "2023-05-06", "day", True),
        ("The vote on November 25 passed.", "November 25", "2023-11-25", "day", True),
        ("It was disclosed in February.", "February", "2024-02-01", "month", True),
        ("It was disclosed in March 2024.", "March 2024", "2024-03-01", "month", False),
        ("It was disclosed in Dec. 2023.", "Dec. 2023", "2023-12-01", "month", False),
        ("Filed 2024-02-24T09:00:00Z.", "2024-02-24", "2024-02-24", "day", False),
        ("It began in 2022.", "2022", "2022-01-01", "year", False),
        ("It has grown since 2022.", "2022", "2022-01-01", "year", False),
        ("The goal is set by 2030.", "2030", "2030-01-01", "year", False),
        ("Output doubled in mid-2024.", "mid-2024", "2024-01-01", "year", False),
        ("85 were killed in a 2018 fire.", "2018", "2018-01-01", "year", False),
        ("Its 2019 report said so.", "2019", "2019-01-01", "year", False),
        ("It beat 1992's Hurricane Andrew.", "1992", "1992-01-01", "year", False),
        ("They meet on Monday.", "Monday", "2024-02-26", "day", True),
        ("Wednesday's attack hit Kyiv.", "Wednesday", "2024-02-28", "day", True),
        ("It closed on Friday.", "Friday", "2024-03-01", "day", True),
        # A word of the future earlier in the clause puts a bare weekday ahead of the report.
        ("Ships are expected to pass by early Tuesday.", "Tuesday", "2024-03-05", "day", True),
        ("It could be afloat by Sunday night.", "Sunday", "2024-03-03", "day", True),
        ("It will reopen on Friday.", "Friday", "2024-03-01", "day", True),
        ("It sank on Tuesday; it will be raised.", "Tuesday", "2024-02-27", "day", True),
        ("Held in Rome, not May, on Tuesday.", "Tuesday", "2024-02-27", "day", True),
        ("Ohtani to be introduced on Thursday", "Thursday", "2024-03-07", "day", True),
        ("She will start her term Oct. 1.", "Oct. 1", "2024-10-01", "day", True),
        ("Her term started Oct. 1.", "Oct. 1", "2023-10-01", "day", True),
        ("Vote to be held on Sunday", "Sunday", "2024-03-03", "day", True),
        (
            "The event, to be held in Austin on Thursday, is sold out",
            "Thursday",
            "2024-03-07",
            "day",
            True,
        ),
        (
            "With kinks still to be worked out, it shipped Thursday.",
            "Thursday",
            "2024-02-29",
            "day",
            True,
        ),
        ("He was said to be injured on Thursday.", "Thursday", "2024-02-29", "day", True),
        ("He was reported to be injured on Thursday.", "Thursday", "2024-02-29", "day", True),
        ("It opens next Monday.", "next Monday", "2024-03-04", "day", True),
        ("It opened last Friday.", "last Friday", "2024-02-23", "day", True),
        ("We announce it today.", "today", "2024-03-01", "day", True),
        ("They met yesterday.", "yesterday", "2024-02-29", "day", True),
        ("Output rises this year.", "this year", "2024-01-01", "year", True),
        ("Output rose last year.", "last year", "2023-01-01", "year", True),
        ("Output rises next year.", "next year", "2025-01-01", "year", True),
        ("A dialogue is held this week.", "this week", "2024-02-26", "day", True),
        ("Sales fell last month.", "last month", "2024-02-01", "month", True),
        ("Trained by the summer of 2024.", "summer of 2024", "2024-06-01", "month", False),
        ("Trained this summer.", "this summer", "2024-06-01", "month", True),
        ("Ready in the spring.", "spring", "2024-03-01", "month", True),
        ("Delivered before the end of the year.", "end of the year", "2024-12-01", "month", True),
        ("A dialogue towards the end of May.", "end of May", "2024-05-01", "month", True),
        (
            "Talks conclude before the end of the month.",
            "end of the month",
            "2024-03-01",
            "month",
            True,
        ),
        ("A summit in mid-June.", "mid-June", "2023-06-01", "month", True),
        ("Prices peaked in early March.", "early March", "2024-03-01", "month", True),
        ("Shares cost $25 ten years ago.", "ten years ago", "2014-01-01", "year", True),
        ("It was founded a decade ago.", "a decade ago", "2014-01-01", "year", True),
        ("Three days ago, the ship sank.", "Three days ago", "2024-02-27", "day", True),
        ("It opened 2 months ago.", "2 months ago", "2024-01-01", "month", True),
        # A quarter without a year that would start over two months ahead is last year's.
        ("Output fell in the fourth quarter.", "fourth quarter", "2023-10-01", "month", True),
        ("Profit rose in the first quarter.", "first quarter", "2024-01-01", "month", True),
        ("Profit rose in Q1 2023.", "Q1 2023", "2023-01-01", "month", False),
        (
            "It grew in the third quarter of 2022.",
            "third quarter of 2022",
            "2022-07-01",
            "month",
            False,
        ),
        (
            "It grew in the October-December quarter.",
            "October-December quarter",
            "2023-10-01",
            "month",
            True,
        ),
    ],
)
def test_date_expressions(text: str, span: str, value: str, precision: str, relative: bool) -> None:
    mention = only_mention(text)
    assert mention.text == span
    assert text[mention.start : mention.end] == span
    assert mention.value is not None and mention.value.isoformat() == value
    assert (mention.precision, mention.relative) == (precision, relative)


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("on Feb. 24", date(2024, 2, 24), "2024-02-24"),
        ("on Feb. 24", date(2024, 3, 1), "2024-02-24"),
        ("on Dec. 20", date(2024, 1, 5), "2023-12-20"),  # past: more than 2 months ahead
        ("on March 20", date(2024, 2, 1), "2024-03-20"),  # within 2 months ahead: same year
        ("by March", date(2024, 5, 1), "2025-03-01"),  # a deadline looks forward
        ("until June", date(2024, 6, 10), "2024-06-01"),
        ("last March", date(2024, 3, 15), "2023-03-01"),
        ("next March", date(2024, 3, 15), "2025-03-01"),
        ("this winter", date(2025, 1, 10), "2024-12-01"),
        ("last winter", date(2024, 3, 1), "2023-12-01"),
        ("next summer", date(2024, 7, 1), "2025-06-01"),
        ("end of next year", date(2024, 3, 1), "2025-12-01"),
        ("start of 2025", date(2024, 3, 1), "2025-01-01"),
        ("on Monday", date(2024, 2, 26), "2024-02-26"),  # the reference day itself
    ],
)
def test_resolution_against_reference(text: str, reference: date, value: str) -> None:
    mention = only_mention(text, reference)
    assert mention.value is not None and mention.value.isoformat() == value


@pytest.mark.parametrize(
    ("text", "period_end"),
    [
        ("the summer of 2024", "2024-08-31"),
        ("the winter of 2023", "2024-02-29"),
        ("in February 2024", "2024-02-29"),
        ("this week", "2024-03-03"),
        ("in 2024", "2024-12-31"),
        ("on Feb. 24, 2024", "2024-02-24"),
    ],
)
def test_period_end(text: str, period_end: str) -> None:
    mention = only_mention(text)
    assert mention.period_end is not None and mention.period_end.isoformat() == period_end


@pytest.mark.parametrize(
    "text",
    [
        "we will act",  # "we" is no Wednesday
        "We are ready, we said.",
        "It costs $5.",  # "$5" is no May
        "It rose by 40%.",  # no year 2040
        "it may rise",  # "may" as a verb
        "May rise further, officials said.",  # a capitalised verb
        "They planned a march on Kyiv.",  # "march" as a noun
        "Their number was 24.",  # a bare number
        "They make 2 million shells.",
        "May 2 million people vote?",
        "Jan Egeland spoke.",  # a name, not January
        "2024 was hard.",  # a year without preposition
        "The 1900 workers left.",  # before a plural noun: a count
        "after the fall of Bakhmut",  # "fall" as a noun
        "a summer offensive",
        "Twelve girls are missing from summer camps.",  # a kind of camp, not a summer
        "He gave a talk during the winter storm.",
        "It grew 35 times.",
        "It happened several years ago.",  # too vague for a date
        "She won a quarter of the vote.",
        "Fans boarded the QE2 in Q-ship fashion.",
        "USA Today reported the figures.",  # a newspaper's name
        "She told the BBC's Today programme.",
        "He spoke on NBC's Today show.",
    ],
)
def test_not_dates(text: str) -> None:
    assert extract_dates(text, REFERENCE) == []


def test_relative_dates_without_reference_are_unresolved() -> None:
    mentions = extract_dates("On Monday they met; Feb. 24 and this year, in 2022.", None)
    assert [(mention.text, mention.value) for mention in mentions] == [
        ("Monday", None),
        ("Feb. 24", None),
        ("this year", None),
        ("2022", date(2022, 1, 1)),
    ]
    assert [mention.relative for mention in mentions] == [True, True, True, False]


def test_impossible_dates_are_unresolved() -> None:
    mention = only_mention("on Feb. 30, 2024")
    assert (mention.value, mention.precision) == (None, "day")


@pytest.mark.parametrize("reference", [date.min, date.max])
@pytest.mark.parametrize("text", ["Feb. 24", "next year", "last Monday", "last winter", "tomorrow"])
def test_references_at_the_calendar_edges_leave_dates_unresolved(
    text: str, reference: date
) -> None:
    mention = only_mention(text, reference)
    assert mention.text == text and mention.relative


def test_to_json() -> None:
    assert only_mention("by the summer of 2024").to_json() == {
        "text": "summer of 2024",
        "start": 7,
        "end": 21,
        "value": "2024-06-01",
        "precision": "month",
        "relative": False,
        "period_end": "2024-08-31",
    }
    assert only_mention("on Feb. 24", None).to_json()["value"] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-07", ParsedDate(date(2024, 5, 7), "day")),
        ("2024-05-07T09:00:00Z", ParsedDate(date(2024, 5, 7), "day")),
        ("2024-05-07T23:30:00-05:00", ParsedDate(date(2024, 5, 7), "day")),
        ("Tue, 07 May 2024 09:00:00 GMT", ParsedDate(date(2024, 5, 7), "day")),
        ("Feb. 24, 2024", ParsedDate(date(2024, 2, 24), "day")),
        ("24 February 2024", ParsedDate(date(2024, 2, 24), "day")),
        ("May 2024", ParsedDate(date(2024, 5, 1), "month")),
        ("2024-05", ParsedDate(date(2024, 5, 1), "month")),
        ("2024", ParsedDate(date(2024, 1, 1), "year")),
        (" 2024 ", ParsedDate(date(2024, 1, 1), "year")),
        ("", None),
        ("not a date", None),
        ("yesterday", None),
        ("Feb. 24", None),  # no year: not resolvable from metadata alone
        ("2024-13-01", None),
        ("2024-02-30", None),
    ],
)
def test_parse_date_value(value: str, expected: ParsedDate | None) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nPublished 7 May 2024\nBody on May 6.", date(2024, 5, 7)),
        ("Headline\nUpdated: 2024-05-07T09:00:00Z\nBody", date(2024, 5, 7)),
        ("Caption in Kyiv on Feb. 24, 2024. (Photo)\nBody text.", date(2024, 2, 24)),
        ("Headline\nMonday, March 4, 2024\nBody", date(2024, 3, 4)),
    ],
)
def test_find_publication_date(text: str, expected: date) -> None:
    assert find_publication_date(text) == ParsedDate(expected, "day")


@pytest.mark.parametrize(
    "text",
    [
        "Headline\nOn Feb. 24 they met.\nIn March 2024 it grew.\nToday they vote.",
        "",
        "\n".join(["filler line"] * 15 + ["Published 7 May 2024"]),
    ],
)
def test_find_publication_date_needs_a_full_date_near_the_top(text: str) -> None:
    assert find_publication_date(text) is None


@given(st.text(), st.one_of(st.none(), st.dates()))
def test_spans_match_text_for_any_input(text: str, reference: date | None) -> None:
    for mention in extract_dates(text, reference):
        assert text[mention.start : mention.end] == mention.text


@given(
    st.lists(
        st.sampled_from(
            ["in ", "May", "Feb.", " ", "24", ", ", "2024", "the ", "end of ", "summer", "Monday"]
        )
    ),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 10, 1)),
)
def test_spans_match_text_for_date_like_input(pieces: list[str], reference: date) -> None:
    text = "".join(pieces)
    for mention in extract_dates(text, reference):
        assert text[mention.start : mention.end] == mention.text


@given(st.text())
def test_parse_date_value_never_raises(value: str) -> None:
    parsed = parse_date_value(value)
    assert parsed is None or parsed.precision in ("day", "month", "year")


def test_seed_000_dates(seed_text) -> None:
    text = seed_text("000")
    assert find_publication_date(text) == ParsedDate(date(2024, 2, 24), "day")
    mentions = extract_dates(text, date(2024, 2, 24))
    short = [mention for mention in mentions if mention.text == "Feb. 24"]
    assert short and all(mention.value == date(2024, 2, 24) for mention in short)
    summer = next(mention for mention in mentions if mention.text == "summer of 2024")
    assert (summer.value, summer.period_end) == (date(2024, 6, 1), date(2024, 8, 31))


def test_seed_001_has_no_full_publication_date(seed_text) -> None:
    text = seed_text("001")
    assert find_publication_date(text) is None
    texts = [mention.text for mention in extract_dates(text, date(2024, 5, 10))]
    assert "May 6" in texts and "February" in texts


def test_seed_003_weekday_and_years(seed_text) -> None:
    mentions = extract_dates(seed_text("003"), date(2025, 9, 1))
    texts = [mention.text for mention in mentions]
    assert "Wednesday" in texts and "2022" in texts
    assert all(mention.text not in ("we", "We") for mention in mentions)

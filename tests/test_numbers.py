"""Number extraction: amounts, percentages, counts, ranges, and what must be left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.importers.numbers import NumberMention, extract_numbers


def only_mention(text: str) -> NumberMention:
    mentions = extract_numbers(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The bloc gave 28 billion euros so far.", "28 billion euros", 28e9, "EUR"),
        ("That is $30.3 billion in total.", "$30.3 billion", 30.3e9, "USD"),
        ("It invested €600 million last year.", "€600 million", 6e8, "EUR"),
        ("Britain pledged £2.5 billion.", "£2.5 billion", 2.5e9, "GBP"),
        ("A loan of EUR 50 million.", "EUR 50 million", 5e7, "EUR"),
        ("Costs were 70 million US dollars.", "70 million US dollars", 7e7, "USD"),
        ("A €600m package.", "€600m", 6e8, "EUR"),
        ("A $5bn deal.", "$5bn", 5e9, "USD"),
        ("It starts at Rs. 79,900 in India.", "Rs. 79,900", 79_900, "INR"),
        ("The Pro costs ₹1,09,900.", "₹1,09,900", 109_900, "INR"),
        ("A relief package of Rs 1,200 crore.", "Rs 1,200 crore", 12e9, "INR"),
        ("Each family gets ₹5 lakh.", "₹5 lakh", 5e5, "INR"),
        ("The UAE approved Dh2 billion.", "Dh2 billion", 2e9, "AED"),
        ("The plan costs 5 trillion yen.", "5 trillion yen", 5e12, "JPY"),
        ("Apple was fined A$3 billion.", "A$3 billion", 3e9, "AUD"),
        ("Damage reached R$ 10 billion.", "R$ 10 billion", 1e10, "BRL"),
        ("The quake was 40km deep.", "40km", 40, "km"),
        ("Winds of 165mph hit the coast.", "165mph", 165, "mph"),
        ("Kerley took bronze in 9.81sec.", "9.81sec", 9.81, "seconds"),
        ("Kerley took bronze in 9.81s.", "9.81s", 9.81, "seconds"),
        ("It has 500,000 shells.", "500,000", 500_000, "shells"),
        ("It delivered 500,000 ammunition rounds.", "500,000", 500_000, "rounds"),
        ("About half a million people fled.", "half a million", 5e5, "people"),
        ("It makes two million shells.", "two million", 2e6, "shells"),
        ("It aims at a million rounds.", "a million", 1e6, "rounds"),
        ("Some twenty-five million euros.", "twenty-five million euros", 25e6, "EUR"),
        ("Output rose by 40% in a year.", "40%", 40, "percent"),
        ("Output rose by 40 percent.", "40 percent", 40, "percent"),
        ("Output rose by 40 per cent.", "40 per cent", 40, "percent"),
        ("The fire is now 80-percent contained.", "80-percent", 80, "percent"),
        ("Prices were up 5-per-cent.", "5-per-cent", 5, "percent"),
        ("Rates rose 2 percentage points.", "2 percentage points", 2, "percentage points"),
        ("The bank cut its rate to two per cent.", "two per cent", 2, "percent"),
        ("Turnout was twenty-five percent.", "twenty-five percent", 25, "percent"),
        (
            "Rates rose half a percentage point.",
            "half a percentage point",
            0.5,
            "percentage points",
        ),
        ("It sends 1 million rounds soon.", "1 million", 1e6, "rounds"),
        ("They trained 60,000 Ukrainian soldiers.", "60,000", 60_000, "soldiers"),
        ("It gave 50 new police vehicles.", "50", 50, "vehicles"),
        ("Capacity grew 35 times since then.", "35", 35, "times"),
        ("It took 12 months.", "12", 12, "months"),
        ("They searched 10,000 square miles of ocean.", "10,000", 10_000, "square miles"),
        ("It sank 400 nautical miles offshore.", "400", 400, "nautical miles"),
        ("It sank 370 miles offshore.", "370", 370, "miles"),
        # Thousands set off by a space, as many European outlets write them.
        ("At least 1 411 people died.", "1 411", 1411, "people"),
        ("It destroyed 5\u202f412 houses.", "5\u202f412", 5412, "houses"),
        # Units of energy and power, written with capitals.
        ("Tesla deployed 11.0 GWh of storage.", "11.0", 11.0, "GWh"),
        ("A 2 GW plant.", "2", 2, "GW"),
        ("A 12-month programme.", "12", 12, "months"),
        ("It raised 150 billion euros via loans.", "150 billion euros", 150e9, "EUR"),
        # A decimal that could be a clock time is a quantity without a word of the clock.
        ("The index fell 12.30 points.", "12.30", 12.3, "points"),
        ("The probe flew for 1745 hours.", "1745", 1745, "hours"),
        ("The search lasted 1245 hours last week.", "1245", 1245, "hours"),
        # Wire-service abbreviations of the scale.
        ("UBS to acquire Credit Suisse for $3.23 bln", "$3.23 bln", 3.23e9, "USD"),
        ("UBS to buy Credit Suisse for $3Bln", "$3Bln", 3e9, "USD"),
        ("OpenAI in talks to raise funds for $150B valuation", "$150B", 150e9, "USD"),
        ("A $500M deal.", "$500M", 5e8, "USD"),
        ("Plain 3.5 here.", "3.5", 3.5, None),
        # A mixed fraction is one figure, not a whole and a "2".
        ("The jury deliberated for 7 1/2 hours.", "7 1/2", 7.5, "hours"),
        ("It took 2 3/4 years to build.", "2 3/4", 2.75, "years"),
    ],
)
def test_single_quantities(text: str, span: str, value: float, unit: str | None) -> None:
    mention = only_mention(text)
    assert (mention.text, mention.value, mention.unit) == (span, value, unit)
    assert text[mention.start : mention.end] == mention.text
    assert mention.low is None and mention.high is None


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("They trained over 80,000 soldiers.", "over", 80_000),
        ("They trained more than 80,000 soldiers.", "over", 80_000),
        ("They spent up to 650 billion euros.", "up to", 650e9),
        ("It invested about €600 million.", "about", 6e8),
        ("Nearly 90 percent of flights.", "nearly", 90),
        ("At least 40 soldiers died.", "at least", 40),
        ("Fewer than 10 drones flew.", "under", 10),
        ("They trained 60,000 soldiers.", None, 60_000),
        ("She handed over 50 new vehicles.", None, 50),
        # A rise to the figure, not a cap on it.
        ("The death toll has gone up to 2,497.", None, 2497),
        # A count gone past the figure is more than it; a tally that "passed" is not.
        ("The death toll has surpassed 3,000.", "over", 3000),
        ("Earthquake death toll crosses 3,000", "over", 3000),
        ("The bill passed 52 votes.", None, 52),
        # Plain "top" after a plural noun is the verb; after "the" or a possessive, a rank.
        ("Spain flood deaths top 200", "over", 200),
        ("Earthquake death toll soars past 20,000", "over", 20_000),
        ("Over the past 20 years.", None, 20),
        ("The world's top 100 companies.", None, 100),
        ("Its top 5 ranks.", None, 5),
    ],
)
def test_qualifiers(text: str, qualifier: str | None, value: float) -> None:
    mention = only_mention(text)
    assert (mention.qualifier, mention.value) == (qualifier, value)


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit", "qualifier"),
    [
        (
            "reach between €1.3 and €1.4 billion.",
            "€1.3 and €1.4 billion",
            1.3e9,
            1.4e9,
            "EUR",
            None,
        ),
        (
            "between about $1.52 billion and $1.64 billion",
            "$1.52 billion and $1.64 billion",
            1.52e9,
            1.64e9,
            "USD",
            "about",
        ),
        ("some 1.3-1.4 billion euros", "1.3-1.4 billion euros", 1.3e9, 1.4e9, "EUR", "about"),
        ("a rise of 5-10%", "5-10%", 5, 10, "percent", None),
        ("aged 18 to 60 years", "18 to 60", 18, 60, "years", None),
        ("between 5 and 10 million shells", "5 and 10 million", 5e6, 10e6, "shells", None),
        ("cut by 5 to 10 per cent", "5 to 10 per cent", 5, 10, "percent", None),
    ],
)
def test_ranges(
    text: str, span: str, low: float, high: float, unit: str, qualifier: str | None
) -> None:
    mention = only_mention(text)
    assert (mention.text, mention.low, mention.high) == (span, low, high)
    assert (mention.unit, mention.qualifier) == (unit, qualifier)
    assert mention.value == mention.low


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("gave 5 billion euros ($5.4 billion) more", ["5 billion euros", "$5.4 billion"]),
        ("rose from 5% to 10% this year", ["5%", "10%"]),
        ("the vote was 15 to 12", ["15", "12"]),
        ("passed on a party-line vote of 220-211", ["220", "211"]),  # a tally, not "220"
        ("won 3\u20131 at home", ["3", "1"]),
        ("sent 5 billion euros to 27 states", ["5 billion euros", "27"]),
        ("5 billion euros and 6 billion dollars", ["5 billion euros", "6 billion dollars"]),
        ("revenue rose 3.3 percent to $78.35 billion", ["3.3 percent", "$78.35 billion"]),
        ("sales were up 1.6 per cent to 41.03 million", ["1.6 per cent", "41.03 million"]),
        ("will increase by £1.11 to £8.60 per hour", ["£1.11", "£8.60"]),
    ],
)
def test_figures_that_are_not_ranges(text: str, spans: list[str]) -> None:
    mentions = extract_numbers(text)
    assert [mention.text for mention in mentions] == spans
    assert all(mention.low is None for mention in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "It started in 2024.",
        "Fighting since 2022 continued.",
        "The worst defeat since the party's inception in 1834.",
        "Between 2022 and 2024 nothing changed.",
        "From 2022-2024 it grew.",
        "He spoke on Feb. 24.",
        "He spoke on Feb. 24, 2024.",
        "Talks began May 6 in Brussels.",
        "The vote on November 25 passed.",
        "Signed 24 February 2024.",
        "Signed on the 6th of May.",
        "Meeting in March 2024.",
        "Filed 2024-02-24T09:00:00Z.",
        "Dated 24/02/2024.",
        "Starts at 09:00 or 10 a.m.",
        # Clock times written with a dot, or as four digits with a time zone.
        "It lifts off at 2.35 pm and lands at 06.04 in the evening.",
        "Descent begins around 1745 hours IST, or 12.15 GMT.",
        "The F-16 and the Su-27 flew.",
        "The Model 3 and Flight 370; Chapter 11 for a Category 5 storm; the No. 2 official.",
        "During COVID-19 the G7 met about 5G.",
        "He came first, then second.",
        "The 21st session.",
        "A 100m sprint.",
        "It may rise; a march on Kyiv.",
        "Only one permit and two pertinent points; one of the percentages.",
        "The company was founded 12 years ago.",  # a date, not 12 years of anything
        "Music of the 1990s and 1,000s of fans.",  # a decade and a rough count, no seconds
        # Numbers chained by dashes name things: a batting order, a formation, a phone line.
        "The 7-8-9 hitters played a 4-4-2 and called 1-800-555-0199.",
        "The S&P 500, the FTSE 100, the Russell 2000 and the Nikkei 225 opened.",  # names
        "A 100m sprint.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert extract_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        ("Five people killed as fires spread", "Five", 5, "people", None),
        ("Taiwan quake kills nine and leaves dozens trapped", "nine", 9, None, None),
        ("At least seven dead after the storm.", "seven", 7, None, "at least"),
        ("Twenty-five people were injured.", "Twenty-five", 25, "people", None),
        ("Nine were reported missing.", "Nine", 9, None, None),
    ],
)  # fmt: skip
def test_a_spelled_count_of_people_with_a_fate_is_read(
    text: str, span: str, value: float, unit: str | None, qualifier: str | None
) -> None:
    mention = only_mention(text)
    assert (mention.text, mention.value, mention.unit, mention.qualifier) == (
        span,
        value,
        unit,
        qualifier,
    )
    assert text[mention.start : mention.end] == span


@pytest.mark.parametrize(
    "text", ["Two countries signed a deal.", "One of the officials said the toll rose."]
)
def test_other_spelled_numbers_stay_unread(text: str) -> None:
    assert extract_numbers(text) == []


def test_a_count_written_with_a_separator_is_never_a_year() -> None:
    # Between 1900 and 2100 a plain integer is taken for a year; "2,012" is written as a count.
    assert only_mention("The death toll rose to 2,012.").value == 2012
    assert extract_numbers("The toll rose in 2012.") == []
    # Before 1900 a plain integer is a year only after a word of dates.
    assert only_mention("A crowd of 1850 people gathered.").value == 1850


def test_to_json_omits_missing_fields() -> None:
    assert only_mention("over 80,000 soldiers").to_json() == {
        "text": "80,000",
        "start": 5,
        "end": 11,
        "value": 80_000.0,
        "unit": "soldiers",
        "qualifier": "over",
    }
    assert only_mention("€1.3-1.4 billion").to_json() == {
        "text": "€1.3-1.4 billion",
        "start": 0,
        "end": 16,
        "value": 1.3e9,
        "low": 1.3e9,
        "high": 1.4e9,
        "unit": "EUR",
    }


def test_mentions_are_in_text_order() -> None:
    text = "First $1 billion, then 40%, then 2 million shells."
    starts = [mention.start for mention in extract_numbers(text)]
    assert starts == sorted(starts) and len(starts) == 3


@given(st.text())
def test_spans_match_text_for_any_input(text: str) -> None:
    for mention in extract_numbers(text):
        assert text[mention.start : mention.end] == mention.text


@given(st.lists(st.sampled_from(["$", "€", "5", "1,000", ".", "-", " ", "billion", "May", "a"])))
def test_spans_match_text_for_number_like_input(pieces: list[str]) -> None:
    text = "".join(pieces)
    for mention in extract_numbers(text):
        assert text[mention.start : mention.end] == mention.text
        assert mention.start < mention.end


def _by_text(text: str) -> dict[str, NumberMention]:
    return {mention.text: mention for mention in extract_numbers(text)}


def test_seed_000_amounts(seed_text) -> None:
    found = _by_text(seed_text("000"))
    assert (found["28 billion euros"].value, found["28 billion euros"].unit) == (28e9, "EUR")
    assert (found["$30.3 billion"].value, found["$30.3 billion"].unit) == (30.3e9, "USD")
    assert found["5 billion euros"].unit == "EUR" and found["$5.4 billion"].value == 5.4e9
    assert (found["40%"].value, found["40%"].unit) == (40, "percent")
    assert (found["500,000"].value, found["500,000"].unit) == (500_000, "rounds")
    assert (found["1 million"].value, found["1 million"].unit) == (1e6, "rounds")
    assert (found["60,000"].value, found["60,000"].unit) == (60_000, "soldiers")
    assert all(mention.value not in (24, 2024) for mention in found.values())


def test_seed_002_amounts(seed_text) -> None:
    found = _by_text(seed_text("002"))
    assert (found["35 billion euros"].value, found["35 billion euros"].unit) == (35e9, "EUR")
    assert found["two million"].value == 2e6
    assert found["a million"].value == 1e6
    assert (found["35"].unit, found["12"].unit) == ("times", "months")
    assert found["650 billion euros"].qualifier == "up to"
    assert found["150 billion euros"].value == 150e9


def test_seed_003_amounts(seed_text) -> None:
    found = _by_text(seed_text("003"))
    soldiers = found["80,000"]
    assert (soldiers.unit, soldiers.qualifier) == ("soldiers", "over")
    euro_range = found["€1.3 and €1.4 billion"]
    assert (euro_range.low, euro_range.high, euro_range.unit) == (1.3e9, 1.4e9, "EUR")
    dollar_range = found["$1.52 billion and $1.64 billion"]
    assert (dollar_range.low, dollar_range.high, dollar_range.unit) == (1.52e9, 1.64e9, "USD")
    assert found["€600 million"].value == 6e8

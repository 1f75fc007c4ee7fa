"""Find the quantities a news text states: money, percentages, counts and ranges.

Conventions callers can rely on:

* Span. ``text`` (== ``source[start:end]``) covers the quantity itself: currency sign or word,
  number, scale word and percent sign or word ("$30.3 billion", "28 billion euros", "40 per
  cent"). Qualifiers ("over", "about") and the counted noun are not in the span; they are
  reported in ``qualifier`` and ``unit``. A range's span runs from its first to its last figure
  ("€1.3 and €1.4 billion"), leaving out "between".
* Unit. "EUR", "USD" or "GBP" for money ("$" is read as USD); "percent" for %, "percent",
  "per cent"; "percentage points"; otherwise the counted noun, lower-case, when one of the next
  three words is a plural noun: "500,000 ammunition rounds" -> "rounds" (the head noun, because
  modifiers vary between outlets while the head noun does not), "60,000 Ukrainian soldiers" ->
  "soldiers". A few singular time units are pluralised ("1 year" -> "years"). Else None.
* Ranges. ``low`` and ``high`` are set and ``value`` equals ``low``: the figure is guaranteed
  to have been stated, whereas a midpoint never was. A scale word or currency written once
  applies to both ends ("between €1.3 and €1.4 billion" -> 1.3e9 .. 1.4e9 EUR). "from X to Y"
  is read as a change between two figures, so it yields two mentions, not a range, and so is
  "by £1.11 to £8.60" (the change and the new amount, each with its sign); so does a
  tally, two plain counts joined by a dash with the larger first ("a 219-212 vote").
* Qualifier, normalised: "over", "under", "about", "nearly", "up to", "at least".
* Not extracted: years ("in 2024", "since 2022": plain integers 1900-2100 with no counted noun
  or after a date word such as "in"/"since"/"by"; "2024 elections" is kept; 1800-1899 only
  after such a word, "in 1834", as "1850 people" is a count), day numbers and
  years inside dates ("Feb. 24, 2024", "24 February"), ISO and numeric dates, clock times,
  ordinals ("21st"), numbers that name something ("Model 3", "Flight 370", "Chapter 11",
  "Category 5"), numbers glued to letters or following a hyphen ("F-16", "COVID-19",
  "G7", "5G", "100km"; "€600m" and "$5bn" are kept), negative numbers, vague amounts
  ("hundreds of billions"), and spelled-out numbers without a scale word or a percent word
  ("two million" and "two per cent" are kept, "four years" is not), except counts of people
  killed, dead, missing or injured ("Five people killed", "kills nine", "at least seven
  dead"), as early reports of a disaster write them.

Everything is precompiled module-level regex so the scan stays fast on megabytes of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SPACE = r"[ \u00a0]"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
# What must not follow a number for it to be a day of the month ("May 5 billion" is money).
_NOT_A_DAY = r"(?!\d|[ \u00a0]?(?:%|(?i:per[ \u00a0]?cent|thousand|million|billion|trillion)\b))"
_DAY = rf"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b{_NOT_A_DAY}"
_YEAR_AFTER_DAY = rf"(?:,?{_SPACE}\d{{4}}\b)?"

# Dates and times are consumed by the scan and thrown away, so their digits never become
# quantities; they are tried before amounts at every position.
_DATE_OR_TIME = rf"""
    \d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
  | \d{{1,4}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b
  | \d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:{_SPACE}?(?i:[ap]\.m\.|[ap]m\b))?
  | \d{{1,2}}{_SPACE}?(?i:[ap]\.m\.|[ap]m\b)
  | {_MONTH}{_SPACE}+{_DAY}{_YEAR_AFTER_DAY}
  | {_DAY}{_SPACE}+(?:of{_SPACE}+)?{_MONTH}(?![a-z]){_YEAR_AFTER_DAY}
  | {_MONTH},?{_SPACE}+\d{{4}}\b
"""

# Three or more numbers joined by dashes name things, not amounts: "the 7-8-9 hitters", a
# "4-4-2" formation, a phone number "1-800-555-0199".
_NUMBER_CHAIN = r"(?<![\w.,])\d+(?:[-–]\d+){2,}(?![\w-]|[.,]\d)"

# Atomic so that "1.5G" cannot backtrack to "1" and slip past the boundary check.
# Indian grouping too: "Rs 1,09,900" is 109,900; and thousands set off by spaces, as many
# European outlets write them: "at least 1 411 people", "5 412 houses" (not "the 4 100m").
# A whole number and a fraction, as American reports write times: "9 1/2 hours" is 9.5.
_MIXED_FRACTION = r"\d{1,3}[ \u00a0][1-7]/[2348](?![\d/])"
_NUMBER = (
    rf"(?>{_MIXED_FRACTION}|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\w.,]\w)(?!\w)|\d+(?:\.\d+)?)"
)
# "bln" and "mln": wire-service headlines ("UBS to acquire Credit Suisse for $3.23 bln").
# "crore" (ten million) and "lakh" (a hundred thousand): South Asian news ("Rs 1,200 crore").
_SCALE_WORD = r"(?i:thousand|million|billion|trillion|bn|bln|mn|mln|tn|trln|crores?|lakhs?)\b"
_CURRENCY_PREFIX = (
    r"US\$|A\$|C\$|HK\$|S\$|NZ\$|R\$[ \u00a0]?|\$|€|£|₹|¥|₦|(?<![\w.])R[sp]\.?[ \u00a0]?"
    r"|\b(?:EUR|USD|GBP|INR|JPY|CNY|RMB|AED|CHF|AUD|CAD|Dhs?)[ \u00a0]?"
)
_CURRENCY_SUFFIX = (
    r"(?i:euros?|US[ \u00a0]+dollars?|dollars?|pounds?(?:[ \u00a0]+sterling)?|sterling"
    r"|rupees?|yen|yuan|renminbi|rupiah|dirhams?|naira|rand|pesos|reais|lira|roubles?|rubles?"
    r"|francs?|ringgit|baht|hryvnias?)\b"
    r"|(?:EUR|USD|GBP|INR|JPY|CNY|AED|CHF|AUD|CAD)\b"
)
_PERCENT = r"%|(?i:percentage[ \u00a0]+points?|per[ \u00a0-]?cent|pct)\b"
_QUALIFIER = (
    r"(?i:more[ \u00a0]+than|less[ \u00a0]+than|fewer[ \u00a0]+than|just[ \u00a0]+over"
    r"|just[ \u00a0]+under|in[ \u00a0]+excess[ \u00a0]+of|over|under|above|below|exceeding"
    r"|about|around|approximately|roughly|some|an[ \u00a0]+estimated|estimated|nearly"
    r"|almost|close[ \u00a0]+to|up[ \u00a0]+to|as[ \u00a0]+many[ \u00a0]+as"
    r"|as[ \u00a0]+much[ \u00a0]+as|no[ \u00a0]+more[ \u00a0]+than|at[ \u00a0]+most"
    r"|at[ \u00a0]+least)"
)

_WORD_VALUES = {
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
    "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "eleven": 11.0,
    "twelve": 12.0, "thirteen": 13.0, "fourteen": 14.0, "fifteen": 15.0, "sixteen": 16.0,
    "seventeen": 17.0, "eighteen": 18.0, "nineteen": 19.0, "twenty": 20.0, "thirty": 30.0,
    "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "seventy": 70.0, "eighty": 80.0,
    "ninety": 90.0,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_WORD_NUMBER = rf"(?i:half{_SPACE}+an?|(?:{_TENS})(?:-(?:{_ONES}))?|{_TEENS}|{_ONES}|an?)"


# A unit written onto the figure: "40km", "165mph", "9.81s", "9.79sec", "300kg". Not "m",
# which is as often a million as a metre.
_ATTACHED_UNITS = {
    "km/h": "km/h", "kph": "km/h", "mph": "mph", "km": "km", "kg": "kg", "cm": "cm",
    "mm": "mm", "ft": "feet", "secs": "seconds", "sec": "seconds", "s": "seconds",
    "mins": "minutes", "min": "minutes", "hrs": "hours", "hr": "hours",
}  # fmt: skip
_ATTACHED_UNIT = "|".join(re.escape(unit) for unit in _ATTACHED_UNITS)


def _amount_pattern(prefix: str) -> str:
    """One figure with its optional currency, scale and percent; group names get `prefix`."""
    return rf"""
        (?P<{prefix}cur>{_CURRENCY_PREFIX})?
        (?P<{prefix}num>{_NUMBER})
        (?:(?P<{prefix}attached>(?i:bln|mln)|bn|mn|tn|m|k|B|M|K|T)
          |(?P<{prefix}unit>{_ATTACHED_UNIT})
          |{_SPACE}?(?P<{prefix}scale>{_SCALE_WORD}))?
        (?!\w)
        (?:(?:{_SPACE}?|-)(?P<{prefix}pct>{_PERCENT})|{_SPACE}+(?P<{prefix}cursuf>{_CURRENCY_SUFFIX}))?
    """


_SCAN = re.compile(
    rf"""
    (?<![\w.,\-])
    # Cheap gate: only digits, currency signs, capitals (months, EUR) or a word followed by a
    # scale or percent word ("two million", "two per cent") can start a match, and most
    # positions are none of these.
    (?=[\d$€£₹¥₦A-Z]
      |[a-z-]+[ \u00a0]+(?:an?[ \u00a0]+)?
       (?i:thousand|million|billion|trillion|dozen|per[ \u00a0]?cent|percent))
    (?:
        (?P<skip>{_DATE_OR_TIME}|{_NUMBER_CHAIN})
      | (?P<w_num>{_WORD_NUMBER}){_SPACE}+
        (?:
            (?P<w_scale>(?i:thousand|million|billion|trillion|dozen))\b
            (?:{_SPACE}+(?P<w_cursuf>{_CURRENCY_SUFFIX}))?
          | (?P<w_pct>{_PERCENT})
        )
      | {_amount_pattern("a_")}
        (?:
            (?P<conn>{_SPACE}?[-–—]{_SPACE}?|{_SPACE}+(?:to|and){_SPACE}+)
            (?:{_QUALIFIER}{_SPACE}+)?
            {_amount_pattern("b_")}
        )?
    )
    """,
    re.VERBOSE,
)

_QUALIFIER_BEFORE = re.compile(
    rf"(?:\b(?P<verb>[A-Za-z]+){_SPACE}+)?\b(?P<qualifier>{_QUALIFIER}){_SPACE}+\Z"
)
# "handed over 50 vehicles" hands them over; it does not mean "more than 50".
_VERBS_TAKING_OVER = frozenset(
    """hand hands handed handing turn turns turned turning take takes took taken taking
    pass passes passed passing""".split()
)
# "Has gone up to 2,497", "was revised up to 90": a rise to the figure, not a cap on it.
_VERBS_GOING_UP = frozenset(
    """go goes gone went going climb climbs climbed climbing move moves moved moving shot
    shoot shoots jump jumps jumped edge edges edged tick ticks ticked creep creeps crept
    ramp ramps ramped revise revises revised push pushes pushed pushing""".split()
)
# "The toll has surpassed 3,000", "crosses 3,000": a count gone past the figure, so more than
# it. ("Passed" is left out: "the bill passed 52 to 48" is a tally.)
_PASSING_BEFORE = re.compile(
    rf"\b(?i:surpass(?:es|ed|ing)?|cross(?:es|ed|ing)|top(?:s|ped|ping)|exceed(?:s|ed|ing)?"
    # "The death toll soars past 20,000" (not "the past 20 years")
    rf"|(?:soar|climb|jump|surge|rocket|shoot|edge|creep|push|mov|ris|ros|gone|go|went)"
    rf"[a-z]*{_SPACE}+past)"
    rf"{_SPACE}+\Z"
    # "Flood deaths top 200": plain "top" is the verb after a plural noun, not after "the",
    # "its" or "world's" (the top 100 companies).
    rf"|\b(?!(?i:its|his|this|was|has|is|plus)\b)[A-Za-z]{{2,}}(?<![’'])s{_SPACE}+(?i:top){_SPACE}+\Z"
)
_BETWEEN_BEFORE = re.compile(rf"\b(?i:between){_SPACE}+(?:{_QUALIFIER}{_SPACE}+)?\Z")
_FROM_BEFORE = re.compile(rf"\b(?i:from){_SPACE}+(?:{_QUALIFIER}{_SPACE}+)?\Z")
_BY_BEFORE = re.compile(rf"\b(?i:by){_SPACE}+(?:{_QUALIFIER}{_SPACE}+)?\Z")
_DATE_WORD_BEFORE = re.compile(
    rf"\b(?i:in|since|by|until|till|before|after|during|from|of|through|to|and|early|late"
    rf"|mid|year|between){_SPACE}*-?\Z"
)
_FOLLOWING_WORDS = re.compile(
    r"[ \u00a0]+([A-Za-z][A-Za-z'’-]*)"
    r"(?:[ \u00a0]+([A-Za-z][A-Za-z'’-]*))?"
    r"(?:[ \u00a0]+([A-Za-z][A-Za-z'’-]*))?"
)
# A plain number right after one of these words, capitalised, names a thing (a product, a
# flight, a clause, a rank) rather than counting anything: "the Model 3", "Flight 370",
# "Section 230", "Category 5", "iPhone 15", "No. 2". Matching reads them the same way
# (workbench.matching.normalise).
NAMING_WORDS = frozenset(
    """model models series version flight chapter article section title clause amendment
    proposition prop measure resolution category phase level stage tier grade type route
    interstate highway gate terminal platform pier room district ward unit reactor apollo
    artemis falcon boeing windows iphone pixel xbox playstation formula channel max episode
    season part week game round no ftse russell nikkei cac stoxx asx nifty""".split()
)
_SP_INDEX_BEFORE = re.compile(r"\bS&P[ \u00a0]+\Z")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\.?[ \u00a0]+\Z")
_COMPOUND_UNIT = re.compile(r"-([a-z]+)\b")
_PLAIN_INTEGER = re.compile(r"\d{4}")
_LOOKBACK = 40

_SCALE_EXPONENTS = {
    "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
    "bn": 9, "mn": 6, "m": 6, "tn": 12, "k": 3, "bln": 9, "mln": 6, "trln": 12,
    "b": 9, "t": 12, "crore": 7, "crores": 7, "lakh": 5, "lakhs": 5,
}  # fmt: skip
_CURRENCY_CODES = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "eur": "EUR", "usd": "USD", "gbp": "GBP",
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
    "us dollar": "USD", "us dollars": "USD",
    "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD", "hk$": "HKD", "s$": "SGD",
    "nz$": "NZD", "r$": "BRL", "reais": "BRL", "₹": "INR", "rs": "INR", "rs.": "INR",
    "inr": "INR", "rupee": "INR", "rupees": "INR", "¥": "JPY", "jpy": "JPY", "yen": "JPY",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY", "rp": "IDR", "rp.": "IDR",
    "rupiah": "IDR", "aed": "AED", "dh": "AED", "dhs": "AED", "dirham": "AED",
    "dirhams": "AED", "₦": "NGN", "naira": "NGN", "rand": "ZAR", "pesos": "peso",
    "lira": "TRY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "chf": "CHF", "franc": "CHF", "francs": "CHF", "ringgit": "MYR", "baht": "THB",
    "hryvnia": "UAH", "hryvnias": "UAH",
}  # fmt: skip
_QUALIFIER_NAMES = {
    "more than": "over", "over": "over", "above": "over", "exceeding": "over",
    "in excess of": "over", "just over": "over",
    "less than": "under", "fewer than": "under", "under": "under", "below": "under",
    "just under": "under",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "no more than": "up to",
    "at most": "up to",
    "at least": "at least",
}  # fmt: skip
# Singular nouns that still name what is counted ("1 year", "a 12-month plan").
_SINGULAR_UNITS = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
    "minute": "minutes", "time": "times", "person": "people", "tonne": "tonnes", "ton": "tons",
    "kilometre": "kilometres", "kilometer": "kilometers", "km": "km", "mile": "miles",
    "metre": "metres", "meter": "meters", "foot": "feet", "feet": "feet", "yard": "yards",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "kw": "kW", "mw": "MW", "gw": "GW",
}  # fmt: skip
# Words that make a unit another measure: an area, a volume, another mile.
_MEASURE_KINDS = frozenset({"square", "cubic", "nautical"})
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "personnel", "staff"})
# Words that end the search for a counted noun: they cannot sit between a number and its noun.
_NOT_NOUNS = frozenset(
    """a an the of in on at to for from by with and or but as than per into onto over under
    since until while when where which who whom whose that this these those it its is are was
    were be been being has have had will would could should can may might must do does did not
    no so also only more less about after before during through across against between among
    each every all some such then there their his her our your my we they he she you i up down
    out off ago yet still already just even thus plus minus via versus vs nearly almost
    around whereas unless besides towards always perhaps""".split()
)


@dataclass(frozen=True)
class NumberMention:
    """One quantity found in a text; see the module docstring for the conventions."""

    text: str
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain dict for storage; keys whose value is None are left out."""
        # Built field by field: dataclasses.asdict deep-copies and was a tenth of import time.
        fields = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }
        return {key: value for key, value in fields.items() if value is not None}


@dataclass(frozen=True)
class _Amount:
    """One parsed figure before it becomes a mention (or one end of a range)."""

    start: int
    end: int
    digits: str  # the number as written, commas removed; "" for spelled-out numbers
    factor: float  # the spelled-out number ("half a" -> 0.5); 1 for digits
    exponent: int | None
    multiplier: float  # 12 for "dozen"
    currency: str | None
    percent: str | None
    attached_scale: bool  # "€600m": only trusted when a currency says it is money
    # Written with a thousands separator: "2,012" is a count (a toll), never the year 2012.
    separated: bool = False
    attached_unit: str | None = None  # "40km", "9.81s"

    @property
    def value(self) -> float:
        exponent = self.exponent or 0
        if self.digits:
            # Parsing "30.3e9" avoids the rounding error of 30.3 * 1e9.
            return float(f"{self.digits}e{exponent}") * self.multiplier
        return self.factor * 10.0**exponent * self.multiplier

    @property
    def has_scale(self) -> bool:
        return self.exponent is not None or self.multiplier != 1.0

    @property
    def is_plain(self) -> bool:
        return not (self.has_scale or self.currency or self.percent)

    @property
    def looks_like_year(self) -> bool:
        return (
            self.is_plain
            and not self.separated
            and _PLAIN_INTEGER.fullmatch(self.digits) is not None
            and 1900 <= int(self.digits) <= 2100
        )

    @property
    def may_be_old_year(self) -> bool:
        """1800-1899: a year only after a word of dates and before no counted noun ("since its
        inception in 1834"); else a count ("a crowd of 1850 people")."""
        return (
            self.is_plain
            and not self.separated
            and _PLAIN_INTEGER.fullmatch(self.digits) is not None
            and 1800 <= int(self.digits) < 1900
        )


def extract_numbers(text: str) -> list[NumberMention]:
    """Every quantity stated in `text`, in order of appearance."""
    mentions: list[NumberMention] = []
    position = 0
    while match := _SCAN.search(text, position):
        position = match.end()
        if match.group("skip") is not None:
            continue
        if match.group("w_num") is not None:
            mention = _mention_from_amount(text, _word_amount(match))
            if mention is not None:
                mentions.append(mention)
            continue
        found, position = _mentions_from_figures(text, match)
        mentions.extend(mention for mention in found if mention is not None)
    if _SPELLED_TOLL_GATE.search(text):
        mentions = sorted(mentions + _spelled_tolls(text, mentions), key=lambda m: m.start)
    return mentions


def _spelled_tolls(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """Spelled-out counts of people killed, dead, missing or injured ("Five people killed",
    "kills nine", "at least seven dead"): early reports of a disaster write them so. Other
    spelled numbers stay unread ("two countries", "one of the"), as they rarely count what a
    report is checked for."""
    taken = [(m.start, m.end) for m in found]
    tolls = []
    for match in _SPELLED_TOLL.finditer(text):
        group = "after" if match.group("after") else "before"
        start, end = match.span(group)
        if any(a < end and start < b for a, b in taken):
            continue
        words = re.sub(r"\s+", " ", match.group(group).lower())
        tolls.append(
            NumberMention(
                text=text[start:end],
                start=start,
                end=end,
                value=_spelled_number_value(words),
                unit="people" if match.group("people") else None,
                qualifier=_qualifier_before(text, start),
            )
        )
    return tolls


_SPELLED_COUNT = (
    rf"(?i:(?:{_TENS})(?:-(?:{_ONES}))?|{_TEENS}|two|three|four|five|six|seven|eight|nine)"
)
_FATE_WORDS_AFTER = r"(?i:killed|dead|died|missing|injured|wounded|hurt)"
_SPELLED_TOLL = re.compile(
    rf"(?<![\w-])(?P<after>{_SPELLED_COUNT})(?![\w-])"
    rf"(?=(?P<people>{_SPACE}+(?i:people|persons|civilians|residents|workers|children))?"
    rf"{_SPACE}+(?:(?i:were|have|had|are|is|been|being|now|confirmed|reported|feared|later)"
    rf"{_SPACE}+){{0,3}}{_FATE_WORDS_AFTER}\b)"
    rf"|\b(?i:kills|killed|killing|injures|injured|injuring){_SPACE}+"
    rf"(?:(?i:at{_SPACE}+least|more{_SPACE}+than|some|about){_SPACE}+)?"
    rf"(?P<before>{_SPELLED_COUNT})(?![\w-])"
)
# Cheap test before the search: most texts state no toll in words.
_SPELLED_TOLL_GATE = re.compile(r"(?i:killed|dead|died|missing|injur|wounded|hurt|kills|killing)")


def _mentions_from_figures(
    text: str, match: re.Match[str]
) -> tuple[list[NumberMention | None], int]:
    """A range when the second figure forms one with the first; a tally's two counts; otherwise
    the first alone.

    Returns the mentions and where scanning resumes, so a rejected second figure is re-read.
    """
    first = _digit_amount(match, "a_")
    if match.group("b_num") is None:
        return [_mention_from_amount(text, first)], match.end()
    second = _digit_amount(match, "b_")
    low, high = _range_ends(text, match, first, second)
    if low is not None and high is not None:
        return [_range_mention(text, low, high)], match.end()
    if _is_tally(match, first, second):
        # Re-reading "212" in "a 219-212 vote" would drop it as a number after a hyphen (the
        # rule that keeps "F-16" out), so both counts are taken here.
        return [_mention_from_amount(text, first), _mention_from_amount(text, second)], match.end()
    return [_mention_from_amount(text, first)], second.start


def _is_tally(match: re.Match[str], first: _Amount, second: _Amount) -> bool:
    """Two plain counts joined by a dash, the larger first: a vote or a score ("219-212")."""
    dashed = match.group("conn").strip() in {"-", "\u2013", "\u2014"}
    plain = first.is_plain and second.is_plain and not first.looks_like_year
    return dashed and plain and first.value > second.value


def _range_ends(
    text: str, match: re.Match[str], first: _Amount, second: _Amount
) -> tuple[_Amount | None, _Amount | None]:
    """The two ends with shared scale and currency filled in, or (None, None) if no range."""
    window = text[max(0, first.start - _LOOKBACK) : first.start]
    if not _could_be_range(window, match.group("conn").strip(), first, second):
        return None, None
    low = _with_shared_parts(first, second)
    high = _with_shared_parts(second, first)
    if low.value >= high.value:
        return None, None  # "voted 15 to 12" is a score, not a range
    return low, high


def _could_be_range(window: str, connector: str, first: _Amount, second: _Amount) -> bool:
    if _FROM_BEFORE.search(window):
        return False  # "from 5% to 10%" is a change between two figures
    if _BY_BEFORE.search(window) and (first.currency or first.percent):
        # "increase by £1.11 to £8.60": the size of a change and the new amount, each with
        # its own sign ("cut by 5 to 10 per cent", the sign written once, is a range).
        return False
    if connector == "and" and not _BETWEEN_BEFORE.search(window):
        return False
    if first.has_scale and not second.has_scale:
        return False  # "5 billion euros to 27 states"
    if first.currency and second.currency and first.currency != second.currency:
        return False
    if bool(first.percent) != bool(second.percent) and (
        first.currency or second.currency or second.has_scale
    ):
        # "rose 3.3 percent to $78.35 billion", "up 1.6 per cent to 41.03 million": a change
        # and the new amount.
        return False
    # "€5 to 27 people": a plain second figure counts something else.
    return not ((first.percent or first.currency) and second.is_plain)


def _with_shared_parts(amount: _Amount, other: _Amount) -> _Amount:
    """`amount` with the scale, currency and percent it leaves to the other end of a range."""
    return _Amount(
        start=amount.start,
        end=amount.end,
        digits=amount.digits,
        factor=amount.factor,
        exponent=amount.exponent if amount.exponent is not None else other.exponent,
        multiplier=amount.multiplier if amount.multiplier != 1.0 else other.multiplier,
        currency=amount.currency or other.currency,
        percent=amount.percent or other.percent,
        attached_scale=amount.attached_scale or other.attached_scale,
        attached_unit=amount.attached_unit or other.attached_unit,
    )


def _range_mention(text: str, low: _Amount, high: _Amount) -> NumberMention | None:
    if _NOT_A_UNIT in (low.attached_unit, high.attached_unit):
        return None
    if low.looks_like_year and high.looks_like_year:
        return None  # "2022-2024" is a span of years, left to the date extractor
    if (low.attached_scale or high.attached_scale) and not low.currency:
        return None
    return NumberMention(
        text=text[low.start : high.end],
        start=low.start,
        end=high.end,
        value=low.value,
        low=low.value,
        high=high.value,
        unit=_unit(text, high),
        qualifier=_qualifier_before(text, low.start),
    )


def _mention_from_amount(text: str, amount: _Amount) -> NumberMention | None:
    if amount.attached_scale and not amount.currency:
        return None  # "100m" may be metres; only money makes the suffix a scale
    if amount.attached_unit == _NOT_A_UNIT:
        return None
    if amount.is_plain and (_names_a_thing(text, amount.start) or _is_time_of_day(text, amount)):
        return None
    if amount.is_plain and AGO_AFTER_NUMBER.match(text, amount.end):
        return None
    unit = _unit(text, amount)
    if amount.looks_like_year and (unit is None or _is_after_date_word(text, amount.start)):
        return None
    if amount.may_be_old_year and unit is None and _is_after_date_word(text, amount.start):
        return None
    return NumberMention(
        text=text[amount.start : amount.end],
        start=amount.start,
        end=amount.end,
        value=amount.value,
        unit=unit,
        qualifier=_qualifier_before(text, amount.start),
    )


# A unit of time and "ago" after a number: "12 years ago" dates something (importers.dates
# reads it), it counts nothing.
AGO_UNITS = r"(?P<a_unit>(?i:days?|weeks?|months?|years?|decades?))[\s\u00a0]+(?i:ago)\b"
AGO_AFTER_NUMBER = re.compile(rf"[\s\u00a0]+{AGO_UNITS}")


def _is_time_of_day(text: str, amount: _Amount) -> bool:
    """Whether the figure is a clock time, not a quantity: "at 2.35 pm", "06.04 in the
    evening", "1745 hours IST"."""
    written = text[amount.start : amount.end]
    clock = _CLOCK_DOTTED.fullmatch(written) or _CLOCK_MILITARY.fullmatch(written)
    return clock is not None and _TIME_AFTER.match(text, amount.end) is not None


_CLOCK_DOTTED = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_CLOCK_MILITARY = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
# Time zones are matched in capitals only: "1245 hours last week" is a duration.
_TIME_AFTER = re.compile(
    r"[ \u00a0]*(?:(?i:[ap]\.?m\b\.?|hrs\b|in[ \u00a0]+the[ \u00a0]+(?:morning|afternoon|evening"
    r"|night)|o'clock)|hours[ \u00a0]+(?:IST|GMT|UTC|local|[A-Z]{2,4}T)\b"
    r"|(?:IST|GMT|UTC|[ECMP][SD]T)\b)"
)


def _names_a_thing(text: str, start: int) -> bool:
    if _SP_INDEX_BEFORE.search(text, max(0, start - 5), start):
        return True  # the S&P 500 (an index named like the FTSE 100 and the Nikkei 225)
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None:
        return False
    word = before.group(1)
    capitalised = word[:1].isupper() or word[1:2].isupper()  # "Model", "MAX", "iPhone"
    return capitalised and word.lower() in NAMING_WORDS


def _digit_amount(match: re.Match[str], prefix: str) -> _Amount:
    currency_sign = match.group(f"{prefix}cur")
    currency_word = match.group(f"{prefix}cursuf")
    scale = match.group(f"{prefix}scale") or match.group(f"{prefix}attached")
    start = match.start(f"{prefix}cur") if currency_sign else match.start(f"{prefix}num")
    return _Amount(
        start=start,
        end=_last_group_end(match, prefix),
        digits=_digits(match.group(f"{prefix}num")),
        factor=1.0,
        exponent=_SCALE_EXPONENTS[scale.lower()] if scale else None,
        multiplier=1.0,
        currency=_currency_code(currency_sign or currency_word),
        percent=match.group(f"{prefix}pct"),
        attached_scale=match.group(f"{prefix}attached") is not None,
        separated=_THOUSANDS_SEPARATORS.search(match.group(f"{prefix}num")) is not None,
        attached_unit=_attached_unit(match.group(f"{prefix}unit"), match.group(f"{prefix}num")),
    )


_THOUSANDS_SEPARATORS = re.compile(r"[, \u00a0\u202f]")


def _digits(written: str) -> str:
    """The number as digits: separators dropped, a mixed fraction as a decimal."""
    if "/" not in written:
        return _THOUSANDS_SEPARATORS.sub("", written)
    whole, fraction = written.split()
    numerator, denominator = fraction.split("/")
    return f"{int(whole) + int(numerator) / int(denominator):.6g}"


def _attached_unit(written: str | None, digits: str) -> str | None:
    if written is None:
        return None
    if written == "s" and "." not in digits:
        # "the 1990s", "1,000s of people": a decade or a rough count, no seconds.
        return _NOT_A_UNIT
    return _ATTACHED_UNITS[written]


_NOT_A_UNIT = "-"


def _last_group_end(match: re.Match[str], prefix: str) -> int:
    return max(
        match.end(f"{prefix}{name}")
        for name in ("num", "attached", "unit", "scale", "pct", "cursuf")
        if match.group(f"{prefix}{name}") is not None
    )


def _word_amount(match: re.Match[str]) -> _Amount:
    words = re.sub(r"\s+", " ", match.group("w_num").lower())
    percent = match.group("w_pct")
    scale = "" if percent else match.group("w_scale").lower()
    currency_word = match.group("w_cursuf")
    end = match.end("w_pct" if percent else "w_cursuf" if currency_word else "w_scale")
    return _Amount(
        start=match.start("w_num"),
        end=end,
        digits="",
        factor=_spelled_number_value(words),
        exponent=_SCALE_EXPONENTS.get(scale),
        multiplier=12.0 if scale == "dozen" else 1.0,
        currency=_currency_code(currency_word),
        percent=percent,
        attached_scale=False,
    )


def _spelled_number_value(words: str) -> float:
    if words.startswith("half"):
        return 0.5
    tens, _, ones = words.partition("-")
    return _WORD_VALUES[tens] + (_WORD_VALUES[ones] if ones else 0.0)


def _currency_code(written: str | None) -> str | None:
    if written is None:
        return None
    return _CURRENCY_CODES.get(re.sub(r"\s+", " ", written.strip().lower()))


def _unit(text: str, amount: _Amount) -> str | None:
    if amount.attached_unit:
        return amount.attached_unit
    if amount.currency:
        return amount.currency
    if amount.percent:
        return "percentage points" if amount.percent.lower().startswith("percentage") else "percent"
    return _counted_noun(text, amount.end)


def _counted_noun(text: str, end: int) -> str | None:
    """The plural noun among the next three words, skipping adjectives and modifier nouns."""
    compound = _COMPOUND_UNIT.match(text, end)
    if compound:
        return _SINGULAR_UNITS.get(compound.group(1))
    following = _FOLLOWING_WORDS.match(text, end)
    if following is None:
        return None
    previous = ""
    for word in following.groups():
        if word is None:
            break
        lowered = word.lower()
        if lowered in _NOT_NOUNS:
            break
        if word[0].isupper() and lowered not in _SINGULAR_UNITS:
            continue  # "Ukrainian soldiers": nationalities and names qualify the noun
        noun = _SINGULAR_UNITS.get(lowered, lowered if looks_plural(lowered) else None)
        if noun is not None:
            # "10,000 square miles" is an area and "400 nautical miles" another length.
            return f"{previous} {noun}" if previous in _MEASURE_KINDS else noun
        previous = lowered
    return None


def looks_plural(word: str) -> bool:
    """Whether a word reads as a plural noun ("soldiers", "people"); matching uses it too."""
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        len(word) >= 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
    )


def _qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - _LOOKBACK) : start]
    found = _QUALIFIER_BEFORE.search(window)
    if found is None:
        return "over" if _PASSING_BEFORE.search(window) else None
    verb = (found.group("verb") or "").lower()
    if found.group("qualifier").lower() == "over" and verb in _VERBS_TAKING_OVER:
        return None
    if found.group("qualifier").lower().startswith("up") and verb in _VERBS_GOING_UP:
        return None
    return _QUALIFIER_NAMES.get(re.sub(r"\s+", " ", found.group("qualifier").lower()))


def _is_after_date_word(text: str, start: int) -> bool:
    return _DATE_WORD_BEFORE.search(text[max(0, start - _LOOKBACK) : start]) is not None

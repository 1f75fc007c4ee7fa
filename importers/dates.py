"""Find the dates a news text states and resolve them against the article's date.

Candidates are found with precompiled regexes only; dateparser never sees free text, which is
what keeps "we" from becoming a Wednesday, "$5" from becoming May and "by 40%" from becoming
2040. Calendar expressions ("Feb. 24", "March 2024") are completed with a year by our own code
and then validated and normalised by one shared, cached dateparser instance. Relative words,
weekdays, seasons and "the end of ..." are resolved by small functions here (dateparser knows
no seasons, and building a parser per reference date would be slow).

Conventions callers can rely on:

* Span. The date expression itself, without a leading preposition or article: "in February"
  -> "February", "by the summer of 2024" -> "summer of 2024", "Wednesday's" -> "Wednesday".
  Modifiers that change the date stay in: "last year", "mid-June", "end of the month".
* value / precision / period_end. ``value`` is the first day of the period the expression
  names; ``precision`` ("day", "month" or "year") says to what unit it is meaningful; and
  ``period_end`` is the period's last day. Seasons (northern hemisphere: spring = Mar-May,
  summer = Jun-Aug, autumn/fall = Sep-Nov, winter = Dec-Feb) are month precision spanning three
  months: "summer of 2024" -> 2024-06-01 .. 2024-08-31. Weeks ("this week") are day precision
  spanning Monday to Sunday. "End/start/middle of the year" narrow to December / January /
  June-July; positions inside a month ("end of May", "mid-June", "early June") resolve to the
  month, and "early/late/mid 2024" to the year.
* to_json() gives text, start, end, value (ISO string or null), precision, relative and
  period_end (ISO string or null). A date that does not exist ("Feb. 30") has value None.
* relative. True when the reference date was needed (no year written). With no reference the
  mention is still reported, with value and period_end None.
* Missing years (the news convention): a month or day without a year takes the reference's
  year unless that lands more than ~2 months after the reference, then the year before ("Feb.
  24" in an article of 2024-03-01 is 2024-02-24; "December" in a February article is last
  December; but "She will start her term Oct. 1", with a word of the future before it in its
  clause, is this year's). After "by", "until", "till" or "before", or in "the end of May", it
  is a deadline instead: the next such month that has not ended by the reference.
  "next"/"last"/"this" pick the following / preceding / current occurrence.
* Weekdays: "on Monday" is the Monday on or before the reference; "last Monday" strictly
  before, "next Monday" strictly after, "this Monday" within the reference's week. A bare
  weekday after a word of the future in its clause ("will", "expected", "could", "due", a
  headline's "to be introduced") is the Monday on or after the reference.
* Not dates: lower-case month words ("a march on Kyiv", "it may rise"), a capitalised "May" or
  other month with neither day, year, nor a preceding word such as "in"/"since"/"by"/"early";
  years with no preposition ("2024 was"; but "a 2018 fire", where a determiner and a noun
  make the year an adjective, and "1992's Hurricane Andrew" are dates); bare numbers;
  "2 million"; year ranges like "2023-24".
* "N days/weeks/months/years ago" ("ten years ago", "a decade ago", "3 months ago") is the
  day, week, month or year that far before the reference, at that unit's precision; a vague
  count ("several years ago", "a few weeks ago") is no date.
* Quarters ("the fourth quarter", "Q4 2023", "the October-December quarter") are month
  precision spanning three months; without a year, the reference's year unless that quarter
  starts over ~2 months after the reference.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dateparser.date import DateDataParser

from workbench.importers.numbers import AGO_UNITS

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_NUMBERS.update(
    {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
)
_MONTH_NUMBERS["sept"] = 9
_MONTH_NUMBERS_FULL = frozenset(_MONTH_NAMES)
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_FULL_MONTH = "|".join(_MONTH_NAMES)
# Abbreviations need their full stop or a following day/year, checked in code, so that the
# name "Jan" alone is not January.
_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![A-Za-z])"
_WEEKDAY = rf"(?:{'|'.join(_WEEKDAYS)})"
_SHORT_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
# A number is no day or year when an amount word or more digits follow ("May 5 billion").
_NOT_AN_AMOUNT = r"(?![.,]?\d|-\d|\s*(?:%|(?i:per\s?cent|thousand|million|billion|trillion)\b))"
_DAY = rf"(?<![$€£\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b{_NOT_AN_AMOUNT}"
_YEAR = rf"(?:1[89]\d\d|20\d\d)\b{_NOT_AN_AMOUNT}"
# Words that make a lone month name a date ("in May", not "May rise").
_MONTH_PREPOSITION = (
    r"(?i:in|on|since|by|until|till|of|from|before|after|during|through|throughout|around"
    r"|to|between|and|as\s+of)"
)
_YEAR_PREPOSITION = (
    r"(?i:in|since|by|until|till|before|after|during|from|of|through|throughout|to|and"
    r"|between|around|for|than|with|year|as\s+of)"
)
_FORWARD_PREPOSITIONS = frozenset({"by", "until", "till", "before"})
_MOD = r"(?i:early|late|mid|this|last|next)"

# Every date expression starts with a digit, a capital or one of these words; checking that
# first lets the scan skip most words cheaply.
_FIRST_WORDS = (
    r"in|on|since|by|until|till|of|from|before|after|during|through|throughout|around|to"
    r"|between|and|as|for|than|with|year|the|end|beginning|start|middle|turn|early|late|mid"
    r"|this|last|next|spring|summer|autumn|fall|winter|today|yesterday|tomorrow|tonight"
)

_SCAN = re.compile(
    rf"""
    \b(?=[0-9A-Z]|(?:{_FIRST_WORDS})\b)
    (?:
        (?<![\d-])(?P<iso>(?P<iso_y>\d{{4}})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d))
        (?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?(?![\d-])
      | (?:(?i:the)\s+)?
        (?P<e_core>(?P<e_kind>(?i:end|beginning|start|middle|turn))\s+of\s+
            (?:(?P<e_rel>the|this|next|last)\s+)?
            (?:(?P<e_unit>year|month|week)
              |(?P<e_month>{_FULL_MONTH})(?:,?\s+(?P<e_month_year>{_YEAR}))?
              |(?P<e_year>{_YEAR})))
        (?![\w-])
      | (?:(?P<m_pre>{_MONTH_PREPOSITION})\s+)?
        (?P<m_core>
            (?:(?:{_WEEKDAY}|{_SHORT_WEEKDAY}),?\s+)?
            (?:(?P<m_mod>{_MOD})(?:\s+|-))?
            (?:(?P<m_day1>{_DAY})\s+(?:of\s+)?)?
            (?P<m_month>{_MONTH})
            (?:\s+(?P<m_day2>{_DAY}))?
            (?:,?\s+(?P<m_year>{_YEAR}))?)
      | (?:(?P<s_pre>{_MONTH_PREPOSITION})\s+)?(?:(?i:the)\s+)?
        (?P<s_core>(?:(?P<s_mod>{_MOD})(?:\s+|-))?
            (?P<s_season>(?i:spring|summer|autumn|fall|winter))
            (?:\s+(?:of\s+)?(?P<s_year>{_YEAR}))?)
        (?![\w-])
      | (?:(?P<y_pre>{_YEAR_PREPOSITION})\s+)?
        (?P<y_core>(?:(?P<y_mod>(?i:early|late|mid))(?:\s+|-))?(?P<y_year>{_YEAR}))
      | (?:(?i:on)\s+)?
        (?P<w_core>(?:(?P<w_mod>(?i:last|next|this))\s+)?(?P<w_day>{_WEEKDAY}))(?![a-z])
      # "USA Today" and NBC's "Today show" are titles, not the day.
      | (?P<r_core>(?i:(?<!USA\s)today(?!\s+(?:show|programme|program)\b)
            |yesterday|tomorrow|tonight|last\s+night
            |(?:this|last|next)\s+(?:week|month|year)|this\s+(?:morning|afternoon|evening)))
        (?![\w-])
    )
    """,
    re.VERBOSE,
)
_FOLLOWED_BY_OF = re.compile(r"\s+of\b")
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_YEAR_ONLY = re.compile(r"(\d{4})")
_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ].*)?")

# A fixed base keeps dateparser from ever resolving anything against today's date.
_PARSER = DateDataParser(
    languages=["en"],
    settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": datetime(2000, 1, 1)},
)
_PUBLICATION_LINES = 15
_LATEST_PLAUSIBLE_DAYS = 62


@dataclass(frozen=True)
class ParsedDate:
    """A date read from metadata or a dateline, with how precise the source was."""

    value: date
    precision: str


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text; see the module docstring for the conventions."""

    text: str
    start: int
    end: int
    value: date | None
    precision: str
    relative: bool
    period_end: date | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain dict for storage, dates as ISO strings (null when unresolved)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.isoformat() if self.value else None,
            "precision": self.precision,
            "relative": self.relative,
            "period_end": self.period_end.isoformat() if self.period_end else None,
        }


@dataclass(frozen=True)
class _Period:
    first: date
    last: date
    precision: str


@dataclass(frozen=True)
class _Found:
    """What one regex match says: where it is, whether it is relative, and its period."""

    start: int
    end: int
    relative: bool
    precision: str
    period: _Period | None


def extract_dates(text: str, reference: date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `reference` (the article's date)."""
    found_all = [_read_safely(_interpret, match, reference) for match in _SCAN.finditer(text)]
    if " ago" in text:  # rare: skip these scans for almost every sentence
        found_all += [_read_safely(_ago, match, reference) for match in _AGO.finditer(text)]
    if "uarter" in text or "Q" in text:
        found_all += [_read_safely(_quarter, match, reference) for match in _QUARTER.finditer(text)]
    # Longest first at each start, so "the first quarter of 2024" hides the "2024" inside it.
    found_all.sort(key=lambda found: (found.start, -found.end) if found else (-1, 0))
    mentions: list[DateMention] = []
    for found in found_all:
        if found is None or (mentions and found.end <= mentions[-1].end):
            continue
        period = found.period
        mentions.append(
            DateMention(
                text=text[found.start : found.end],
                start=found.start,
                end=found.end,
                value=period.first if period else None,
                precision=period.precision if period else found.precision,
                relative=found.relative,
                period_end=period.last if period else None,
            )
        )
    return mentions


def _read_safely(
    read: Callable[[re.Match[str], date | None], _Found | None],
    match: re.Match[str],
    reference: date | None,
) -> _Found | None:
    try:
        return read(match, reference)
    except (ValueError, OverflowError):
        # A reference at the edge of the calendar (year 1 or 9999): report it unresolved.
        return read(match, None)


def _interpret(match: re.Match[str], reference: date | None) -> _Found | None:
    if match.group("iso") is not None:
        return _iso_date(match)
    if match.group("e_core") is not None:
        return _end_of(match, reference)
    if match.group("m_core") is not None:
        return _calendar_date(match, reference)
    if match.group("s_core") is not None:
        return _season(match, reference)
    if match.group("y_core") is not None:
        return _year(match)
    if match.group("w_core") is not None:
        return _weekday(match, reference)
    return _relative_word(match, reference)


# --- explicit and partial calendar dates -------------------------------------------------


def _iso_date(match: re.Match[str]) -> _Found | None:
    try:
        day = date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    except ValueError:
        return None
    return _Found(match.start("iso"), match.end("iso"), False, "day", _Period(day, day, "day"))


def _calendar_date(match: re.Match[str], reference: date | None) -> _Found | None:
    """ "Feb. 24", "24 February 2024", "March 2024", "in February", "mid-June", ..."""
    written_month = match["m_month"]
    day_text = match["m_day1"] or match["m_day2"]
    year_text = match["m_year"]
    modifier = (match["m_mod"] or "").lower()
    if not (day_text or year_text or _month_is_standalone(written_month, match["m_pre"], modifier)):
        return None
    month = _MONTH_NUMBERS[written_month.rstrip(".").lower()]
    day = int(day_text.rstrip("stndrh")) if day_text else None
    precision = "day" if day else "month"
    start, end = match.start("m_core"), match.end("m_core")
    if year_text:
        return _Found(start, end, False, precision, _explicit_period(int(year_text), month, day))
    if reference is None:
        return _Found(start, end, True, precision, None)
    forward = (match["m_pre"] or "").lower() in _FORWARD_PREPOSITIONS
    foretold = _foretold(match.string[:start])
    year = _year_for_month(month, day, modifier, forward, reference, foretold)
    return _Found(start, end, True, precision, _explicit_period(year, month, day))


def _month_is_standalone(written_month: str, preposition: str | None, modifier: str) -> bool:
    """A month with no day or year is a date only after "in", "since", "early", ..."""
    is_full_name = written_month.rstrip(".") in _MONTH_NUMBERS_FULL
    return (is_full_name or written_month.endswith(".")) and bool(preposition or modifier)


def _explicit_period(year: int, month: int, day: int | None) -> _Period | None:
    """Let dateparser validate and normalise a fully written-out date (cached)."""
    # Naming the format lets dateparser take its fast strptime path (~30 us instead of ~700).
    if day is None:
        parsed = _parse_expression(f"{_MONTH_NAMES[month - 1]} {year}", "%B %Y")
    else:
        parsed = _parse_expression(f"{day} {_MONTH_NAMES[month - 1]} {year}", "%d %B %Y")
    if parsed is None:
        return None
    if parsed.precision == "day":
        return _Period(parsed.value, parsed.value, "day")
    return _month_period(parsed.value.year, parsed.value.month)


@lru_cache(maxsize=8192)
def _parse_expression(expression: str, date_format: str | None = None) -> ParsedDate | None:
    data = _PARSER.get_date_data(expression, [date_format] if date_format else None)
    if data.date_obj is None:
        return None
    return _normalised(data.date_obj.date(), data.period or "day")


def _normalised(value: date, precision: str) -> ParsedDate:
    """Fill the parts finer than the precision with the period's start (dateparser may not)."""
    if precision == "year":
        return ParsedDate(date(value.year, 1, 1), "year")
    if precision == "month":
        return ParsedDate(date(value.year, value.month, 1), "month")
    return ParsedDate(value, "day")


def _year_for_month(
    month: int, day: int | None, modifier: str, forward: bool, reference: date, foretold: bool
) -> int:
    """The year a month (and day) written without one most likely refers to; ``foretold``: a
    word of the future comes first in its clause ("She will start her term Oct. 1"), so a
    month well ahead of the report is this year's, not last year's."""
    if modifier == "last":
        return reference.year if month < reference.month else reference.year - 1
    if modifier == "next":
        return reference.year if month > reference.month else reference.year + 1
    if modifier == "this":
        return reference.year
    if forward:
        return reference.year if month >= reference.month else reference.year + 1
    # Compare with a day that exists every year; dateparser validates the real day later.
    candidate = date(reference.year, month, min(day or 1, 28))
    if candidate > reference + timedelta(days=_LATEST_PLAUSIBLE_DAYS) and not foretold:
        return reference.year - 1
    return reference.year


# A year between a determiner and a singular noun qualifies the noun: "a 2018 fire", "the 2020
# election", "its 2019 report". Before a plural it may be a count ("the 1900 workers").
_DETERMINER_BEFORE = re.compile(r"\b(?i:a|an|the|its|their|his|her|this|that)\s+\Z")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
_SINGULAR_AFTER = re.compile(r"\s+[a-z]+(?<![^sui]s)\b(?!['’])")


def _year(match: re.Match[str]) -> _Found | None:
    """A year counts only after a preposition or "early/late/mid" ("in 2022", "mid-2024"), as
    a determiner's adjective ("a 2018 fire") or as an owner ("1992's Hurricane Andrew")."""
    if match["y_pre"] is None and match["y_mod"] is None and not _qualifies_noun(match):
        return None
    year = int(match["y_year"])
    period = _Period(date(year, 1, 1), date(year, 12, 31), "year")
    return _Found(match.start("y_core"), match.end("y_core"), False, "year", period)


def _qualifies_noun(match: re.Match[str]) -> bool:
    text, start, end = match.string, match.start("y_core"), match.end("y_core")
    if _POSSESSIVE_AFTER.match(text, end):
        return True  # "1992's Hurricane Andrew", "2023's record"
    before = _DETERMINER_BEFORE.search(text, max(0, start - 8), start)
    return before is not None and _SINGULAR_AFTER.match(text, end) is not None


# --- seasons, "the end of ...", weekdays and relative words -------------------------------


# Nouns a season word describes rather than dates: "summer camp", "winter storm", "the
# spring semester", "fall collection".
_SEASONAL_THING_AFTER = re.compile(
    r"\s+(?:camps?|school|jobs?|holidays?|vacations?|break|term|semester|session|sales?"
    r"|intern\w*|programs?|programmes?|olympics|games|festivals?|tours?|wear|clothes"
    r"|collections?|homes?|houses?|residences?|palace|fair|series|league|transfer\s+window"
    r"|solstice|storms?|heat|weather|crops?|wheat)\b",
    re.IGNORECASE,
)


def _season(match: re.Match[str], reference: date | None) -> _Found | None:
    season = match["s_season"].lower()
    modifier = (match["s_mod"] or "").lower()
    year_text = match["s_year"]
    start, end = match.start("s_core"), match.end("s_core")
    if not (year_text or modifier or match["s_pre"]):
        return None  # "a summer offensive" names no particular summer
    if not year_text and _FOLLOWED_BY_OF.match(match.string, end):
        return None  # "after the fall of Bakhmut"
    if not year_text and _SEASONAL_THING_AFTER.match(match.string, end):
        return None  # "girls missing from summer camps": a kind of camp, not a summer
    if year_text:
        return _Found(start, end, False, "month", _season_period(season, int(year_text)))
    if reference is None:
        return _Found(start, end, True, "month", None)
    return _Found(start, end, True, "month", _relative_season(season, modifier, reference))


def _season_period(season: str, year: int) -> _Period:
    first_month = _SEASON_FIRST_MONTH[season]
    last_month_index = first_month + 1  # zero-based index of the season's third month
    last_year = year + last_month_index // 12
    last = _month_period(last_year, last_month_index % 12 + 1).last
    return _Period(date(year, first_month, 1), last, "month")


def _relative_season(season: str, modifier: str, reference: date) -> _Period:
    current = _season_period(season, reference.year)
    if season == "winter" and reference.month <= 2:
        current = _season_period(season, reference.year - 1)  # January is last year's winter
    if modifier == "last":
        year = current.first.year
        while _season_period(season, year).last >= reference:
            year -= 1
        return _season_period(season, year)
    if modifier == "next":
        year = current.first.year
        while _season_period(season, year).first <= reference:
            year += 1
        return _season_period(season, year)
    return current


def _end_of(match: re.Match[str], reference: date | None) -> _Found | None:
    """ "the end of the year", "end of May", "beginning of 2025", "end of this week"."""
    start, end = match.start("e_core"), match.end("e_core")
    whole = _named_whole(match, reference)
    relative = match["e_year"] is None and match["e_month_year"] is None
    if whole is None:
        precision = "day" if match["e_unit"] == "week" else "month"
        return _Found(start, end, relative, precision, None)
    part = _part_of(whole, match["e_kind"].lower())
    return _Found(start, end, relative, part.precision, part)


def _named_whole(match: re.Match[str], reference: date | None) -> _Period | None:
    """The year, month or week whose end (or start, or middle) is meant."""
    if match["e_year"]:
        return _year_period(int(match["e_year"]))
    if match["e_month"]:
        month = _MONTH_NUMBERS[match["e_month"].lower()]
        if match["e_month_year"]:
            return _month_period(int(match["e_month_year"]), month)
        if reference is None:
            return None
        return _month_period(_year_for_month(month, None, "", True, reference, False), month)
    if reference is None:
        return None
    step = {"next": 1, "last": -1}.get(match["e_rel"] or "", 0)
    return _shifted_unit(match["e_unit"], step, reference)


def _part_of(whole: _Period, kind: str) -> _Period:
    """Narrow a year to the month(s) meant; anything finer than a month stays the month."""
    if whole.precision != "year":
        return whole
    year = whole.first.year
    if kind in ("end", "turn"):
        return _month_period(year, 12)
    if kind == "middle":
        return _Period(date(year, 6, 1), date(year, 7, 31), "month")
    return _month_period(year, 1)


def _weekday(match: re.Match[str], reference: date | None) -> _Found:
    start, end = match.start("w_core"), match.end("w_core")
    if reference is None:
        return _Found(start, end, True, "day", None)
    weekday = _WEEKDAYS.index(match["w_day"])
    modifier = (match["w_mod"] or "").lower()
    if modifier == "next":
        day = reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    elif modifier == "last":
        day = reference - timedelta(days=(reference.weekday() - weekday) % 7 or 7)
    elif modifier == "this":
        day = reference + timedelta(days=weekday - reference.weekday())
    elif _foretold(match.string[:start]):
        day = reference + timedelta(days=(weekday - reference.weekday()) % 7)
    else:
        day = reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return _Found(start, end, True, "day", _Period(day, day, "day"))


# Words earlier in a weekday's clause that put it ahead of the report: "113 ships were expected
# to transit the canal by early Tuesday morning", written on a Monday, is the next day, not the
# Tuesday before. Without one, a bare weekday is the one on or before the report (news tells
# what happened).
_FORETOLD = re.compile(
    r"\b(?:will|won't|shall|expected|expects?|due|scheduled|set\s+to|plans?\s+to|planned"
    r"|going\s+to|hopes?\s+to|aims?\s+to|look(?:s|ing)?\s+forward\s+to|could|(?-i:may)|might)\b",
    re.IGNORECASE,
)
# A headline's "Ohtani to be introduced on Thursday", "The event, to be held in Austin
# Thursday"; not "was said to be hurt on Sunday", nor "with kinks still to be worked out,
# Tesla delivered the first trucks Thursday", where a comma closes the phrase first.
_TO_BE_DONE = re.compile(
    r"(?<!\bsaid\s)(?<!ed\s)\bto\s+be\s+[a-z]+(?:ed|en|ld|wn|de)\b[^,]*\Z", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"[.;:!?]\s|\n")


def _foretold(before: str) -> bool:
    """Whether a word of the future comes earlier in the clause that ends at a date."""
    clause = _CLAUSE_START.split(before)[-1]
    return bool(_FORETOLD.search(clause) or _TO_BE_DONE.search(clause))


def _relative_word(match: re.Match[str], reference: date | None) -> _Found:
    start, end = match.start("r_core"), match.end("r_core")
    words = match["r_core"].lower().split()
    precision = {"month": "month", "year": "year"}.get(words[-1], "day")
    if reference is None:
        return _Found(start, end, True, precision, None)
    return _Found(start, end, True, precision, _relative_period(words, reference))


def _relative_period(words: list[str], reference: date) -> _Period:
    day_offsets = {"yesterday": -1, "tomorrow": 1, "night": -1}
    if len(words) == 1 or words[-1] not in ("week", "month", "year"):
        day = reference + timedelta(days=day_offsets.get(words[-1], 0))
        return _Period(day, day, "day")
    step = {"next": 1, "last": -1}.get(words[0], 0)
    return _shifted_unit(words[-1], step, reference)


def _shifted_unit(unit: str, step: int, reference: date) -> _Period:
    """The reference's week, month or year, moved `step` units forward or back."""
    if unit == "week":
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=step)
        return _Period(monday, monday + timedelta(days=6), "day")
    if unit == "month":
        month_index = reference.year * 12 + reference.month - 1 + step
        return _month_period(month_index // 12, month_index % 12 + 1)
    return _year_period(reference.year + step)


def _month_period(year: int, month: int) -> _Period:
    last_day = calendar.monthrange(year, month)[1]
    return _Period(date(year, month, 1), date(year, month, last_day), "month")


def _year_period(year: int) -> _Period:
    return _Period(date(year, 1, 1), date(year, 12, 31), "year")


# --- "N units ago" ---------------------------------------------------------------------

_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_AGO = re.compile(
    rf"(?<![\w$€£.,-])(?P<a_count>\d{{1,3}}|(?i:{'|'.join(_COUNT_WORDS)}))[\s\u00a0]+{AGO_UNITS}"
)


def _ago(match: re.Match[str], reference: date | None) -> _Found | None:
    written = match["a_count"].lower()
    count = int(written) if written.isdigit() else _COUNT_WORDS[written]
    unit = match["a_unit"].lower().rstrip("s")
    if unit == "decade":
        unit, count = "year", count * 10
    precision = "day" if unit in ("day", "week") else unit
    start, end = match.start(), match.end()
    if reference is None:
        return _Found(start, end, True, precision, None)
    if unit == "day":
        day = reference - timedelta(days=count)
        return _Found(start, end, True, precision, _Period(day, day, "day"))
    return _Found(start, end, True, precision, _shifted_unit(unit, -count, reference))


# --- quarters of a year ------------------------------------------------------------------

_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}
_QUARTER_FIRST_MONTHS = {"january": 1, "april": 2, "july": 3, "october": 4}
_QUARTER = re.compile(
    r"\b(?:(?:(?P<q_word>(?i:first|second|third|fourth|final))[\s-]+(?i:quarter)"
    # "the October-December quarter", "the January to March quarter"
    r"|(?P<q_from>January|April|July|October)(?:\s*[-\u2013]\s*|\s+to\s+)"
    r"(?:March|June|September|December)\s+(?i:quarter))"
    rf"(?:\s+of\s+(?P<q_of_year>{_YEAR}))?"
    rf"|(?P<q_short>Q[1-4])(?:\s+(?P<q_year>{_YEAR}))?)(?![\w-])"
)


def _quarter(match: re.Match[str], reference: date | None) -> _Found:
    """A quarter ("the fourth quarter", "Q4 2023"): three months, at month precision like a
    season. Without a year, the reference's year unless its quarter starts more than two
    months after the reference ("the fourth quarter" in a January report is last year's)."""
    if match["q_from"]:
        number = _QUARTER_FIRST_MONTHS[match["q_from"].lower()]
    else:
        written = match["q_word"] or match["q_short"]
        number = _QUARTER_NUMBERS.get(written.lower()) or int(written[1])
    year_text = match["q_of_year"] or match["q_year"]
    start, end = match.start(), match.end()
    if year_text:
        return _Found(start, end, False, "month", _quarter_period(int(year_text), number))
    if reference is None:
        return _Found(start, end, True, "month", None)
    year = reference.year
    if date(year, 3 * number - 2, 1) > reference + timedelta(days=_LATEST_PLAUSIBLE_DAYS):
        year -= 1
    return _Found(start, end, True, "month", _quarter_period(year, number))


def _quarter_period(year: int, number: int) -> _Period:
    first = _month_period(year, 3 * number - 2)
    last = _month_period(year, 3 * number)
    return _Period(first.first, last.last, "month")


# --- metadata values and publication dates ------------------------------------------------


def parse_date_value(value: str) -> ParsedDate | None:
    """Read a metadata date ("2024-05-07T09:00:00Z", RFC 822, "May 2024", "2024", ...).

    The date is taken as written, without converting time zones. Values without a year are
    not resolvable on their own and give None.
    """
    stripped = value.strip()
    if not _FOUR_DIGIT_YEAR.search(stripped):
        return None
    if _ISO_PREFIX.fullmatch(stripped):
        return _read_iso(stripped)  # an impossible ISO date must not fall through to guessing
    for read in (_read_year_only, _read_candidates, _read_with_dateparser):
        parsed = read(stripped)
        if parsed is not None:
            return parsed
    return None


def _read_year_only(value: str) -> ParsedDate | None:
    if _YEAR_ONLY.fullmatch(value) is None:
        return None
    return ParsedDate(date(int(value), 1, 1), "year")


def _read_iso(value: str) -> ParsedDate | None:
    found = _ISO_PREFIX.fullmatch(value)
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        if day is None:
            return ParsedDate(date(int(year), int(month), 1), "month")
        return ParsedDate(date(int(year), int(month), int(day)), "day")
    except ValueError:
        return None


def _read_candidates(value: str) -> ParsedDate | None:
    for mention in extract_dates(value, None):
        if mention.value is not None and not mention.relative:
            return ParsedDate(mention.value, mention.precision)
    return None


def _read_with_dateparser(value: str) -> ParsedDate | None:
    # Reached only by strings holding a four-digit year, so nothing here is relative.
    return _parse_expression(value)


def find_publication_date(text: str) -> ParsedDate | None:
    """The first full date (day, month and year all written) near the top of an article.

    Looks at the first 15 non-blank lines (headline, captions, datelines). Partial dates
    ("Feb. 24") are never completed here, and nothing is ever taken from the clock.
    """
    head = "\n".join(_first_lines(text, _PUBLICATION_LINES))
    for mention in extract_dates(head, None):
        if mention.precision == "day" and not mention.relative and mention.value is not None:
            return ParsedDate(mention.value, "day")
    return None


def _first_lines(text: str, count: int) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line)
            if len(lines) == count:
                break
    return lines

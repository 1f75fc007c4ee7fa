"""Decide how the claims of one group relate: single, repeated, conflicting or outdated.

A group holds claims that the grouping step believes state the same fact. This module compares
every pair of members from different articles (two claims of one article are never compared)
and reports what it finds, so a reviewer sees which figures or dates disagree.

Figures (MemberClaim.numbers):

* Only figures of the same quantity are compared. Money compares by currency code, so the
  "$30.3 billion" of "28 billion euros ($30.3 billion)" only ever meets other USD figures;
  percent compares with percent; counts compare by counted noun ("shells" and "rounds" are the
  same ammunition). A count of people is a count of what befell them, read from the nearest
  word before or after it: "the death toll has risen to 3,617", "killed 381 people" and
  "1,000 people were killed" all count "deaths"; the missing, the injured and the displaced
  are quantities of their own. A figure without a unit compares only with unit-less figures
  followed by the same word (a preposition after it names nothing: "336,000 in September").
  A rate compares only with the same rate: "£11.44 an hour" never meets "£1,800 a year",
  while "a year", "per annum" and "annually" are one period. Lengths compare in kilometres
  (miles, nautical miles, metres, feet, yards) and speeds in km/h (mph, knots); a square mile is an
  area. A claim with no figure of some unit cannot disagree on that unit.
* Within a pair of claims each figure is paired with at most one counterpart: agreeing pairs
  first, then the closest values. Figures left without a counterpart are ignored, so an extra
  figure in a long sentence never creates a conflict.
* Two figures that disagree are paired only when the words around them (a few either side,
  figures, currencies and stop words left out) share at least one: "650 billion euros through
  extra fiscal space" and "150 billion euros in loans" are two amounts, not one amount stated
  twice, while "28 billion euros in military aid" and "28 million euros of military aid" share
  "military aid". The counted noun itself is left out, since both figures count it. A claim
  whose figure stands with no such words pairs as before, and so do two counts of the dead
  (or the missing, ...), which already say what they count, and the same digits a
  thousandfold apart ("$44 million" and "$44 billion"). Two amounts more than 10,000
  times apart that are not a slip of scale are never one quantity ("$400 billion for the
  payments", "people earning up to $75,000"). What is left of a whole ("36 hours of oxygen
  left") is never the whole ("a 96-hour oxygen supply").
* Two figures agree when their values are within 2%, when one is the other rounded to the
  digits it is written with ("7%" and "7.2%", "$45 billion" and "$45.41 billion"), when their
  ranges overlap, or when a qualifier widens one to cover the other: "over/at least X"
  covers X..1.25X, "about X" 0.9X..1.1X, "nearly X" 0.9X..X, "up to/under X" 0.75X..X.
* A figure is tied to a date written right next to it ("€600 million last year"). Figures tied
  to non-overlapping periods describe different periods and are not a disagreement.

How a disagreement is classified:

* Scale slip (same unit, values a factor 1,000, 10^6 or 10^9 apart, "28 million" vs "28
  billion"): always a conflict, never a supersession.
* Either article's date unknown: a conflict, unless the undated figure repeats a figure of a
  dated member; then that member's comparison already tells the story.
* Published less than 30 days apart: a conflict, unless the later report (a later day) is
  worded as an update, which supersedes the earlier one: a larger value in the words of a
  rise just before it ("the death toll has risen to 4,000", "climbed to over", "now stands
  at", "topped"); a value revised either way ("the UN revised the death toll to 3,958"); or
  a final figure after an early one ("an early look at the data" then "final results").
* Published 30 days or more apart: the later report supersedes the earlier one when its figure
  is larger (a running total grew: "60,000 soldiers by summer 2024" -> "over 80,000 so far")
  or belongs to a later period. A later figure that is smaller is a (weak) conflict. When
  either claim states an amount per period ("quarterly revenue", "Q3", "this year",
  "annual"), the two are amounts of two periods: neither an update nor a disagreement.
* Day dates (MemberClaim.dates with day precision naming a single day) are paired like
  figures; two that are 1-6 days apart ("Feb. 24" vs "Feb. 23") conflict. Month and year
  mentions, week spans and datelines ("BRUSSELS, Feb. 26, 2024 -") are never compared.
* Status: a claim is "planned" ("will open", "intends to", "is expected to", ...), "started"
  ("work has begun", "under way", ...) or "operating" ("has opened", "is already working", ...);
  a claim with phrases of two stages is left out. Other acts have a planned and a done stage:
  signing ("vowed to sign" / "Biden signs"), appealing, acquiring ("to buy" / "completed its
  acquisition") and approving ("plans to seek authorization" / "has authorized"); a named act
  outranks a generic "plans to". A report published later at a later stage of the same act
  supersedes the earlier one. For joining groups (`status_moves_on`, `statuses_in_order`) a
  stage holds as of the publication date, or of a date the claim names at least 30 days
  before it: "It started in February 2024, when she announced the EU would open an office"
  tells of a plan in February 2024, not of one in the month it was published.

The relation: "single" for one member; "conflicting" if any conflict other than a weak one
remains; else "outdated" if anything was superseded; else "conflicting" for weak conflicts; else
"repeated". Superseded members go to suggested_outdated whatever the relation.

Spans in `differing`: a conflicting figure or date is marked only when its member disagrees with
more members than agree with it, so the outlier of "four say 28 billion, one says 28 million"
is the only one marked (in a two-member group both are). For supersessions both sides are
marked: the earlier mention with the later value and the later mention with the earlier one.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property, lru_cache
from itertools import combinations, pairwise
from typing import Any, TypeVar

from workbench.importers.numbers import looks_plural
from workbench.matching.members import DifferingSpan, GroupAssessment, MemberClaim
from workbench.matching.normalise import match_text
from workbench.matching.stances import read_stances

SUPERSEDE_AFTER_DAYS = 30
# Days a count must be read on, growing each time, before its differences count as growth.
GROWTH_DAYS = 3
# A position taken the other way this many days later is news, not a disagreement: sides
# flip within days ("fired" on the 17th, "fired last week" on the 21st, "to return as CEO" on
# the 22nd), where a figure that differs within a month is more often a slip of one report.
STANCE_NEWS_DAYS = 1
# Headlines (and sentences naming one day) whose news days lie further apart than this tell
# other news, unless one moves the other's story on: "Traffic resumes after stranded ship
# refloated" (March 29) and "Egypt impounds ship stuck in Suez Canal" (April 13) share most of
# their words, yet are two events of one story.
NEWS_DAYS_APART = 7
RELATIVE_TOLERANCE = 0.02
MAX_DATE_SLIP_DAYS = 6
# Two groups whose claims name days further apart than this tell two events: a slip of a day
# (time zones, "Friday" for "Saturday") is a conflict within one event, not a second event.
EVENT_DAY_SLIP = 2
PERIOD_WINDOW_CHARS = 25  # how far from a figure a date may be written and still belong to it
CONTEXT_CHARS = 40  # how far either side of a figure its context words are read
# A date a claim names this long before its article's date tells when a status held.
RETROSPECT_DAYS = 30
PAST_EVENT_DAYS = 365  # a date this long before the report ...
PAST_EVENT_CHARS = 40  # ... this close to a figure, in its clause, makes it another event's
# A stop after an initial or a title ("in the U.S. have", "Mr. Smith") ends no clause.
_NOT_AN_INITIAL = r"(?<!\b[A-Z])(?<!\bMrs)(?<!\bM[rs])(?<!\bDr)"
_CLAUSE_END = re.compile(rf"{_NOT_AN_INITIAL}[.;:]\s|,\s+(?:while|but|and|as)\b")
_RUNS_UP_TO_NOW = re.compile(
    r"\b(?:since|from|as\s+of|through|until)\s+(?:the\s+)?(?:end\s+of\s+)?\Z", re.IGNORECASE
)
# "Worst defeat since the party's inception in 1834, winning only 121 seats": the record runs
# from the date to the news, whose figure it is.
_SINCE_BEFORE = re.compile(r"\bsince\b[^.;:,\d]{0,40}\Z", re.IGNORECASE)
_LEVEL_AFTER = re.compile(r"\s+(?:levels?|figures?)\b", re.IGNORECASE)
_COMPARED_WITH = re.compile(
    r"\b(?:than|compared|versus|vs|levels?|what\s+it\s+was)\b", re.IGNORECASE
)

CONFLICT = "conflict"
UNDATED = "undated"  # a difference where at least one publication date is unknown
WEAK_CONFLICT = "weak conflict"  # a total that shrank between distant reports
SUPERSEDED = "superseded"
OTHER_PERIOD = "other period"  # amounts per period (a quarter's revenue) in distant reports
_CONFLICT_KINDS = frozenset({CONFLICT, UNDATED, WEAK_CONFLICT})
# Figures that differ across a month or more: never one fact stated twice.
_APART_KINDS = frozenset({SUPERSEDED, WEAK_CONFLICT, OTHER_PERIOD})

# Outlets call the same ammunition "shells" or "rounds", and a headcount jobs or staff; the
# extractor keeps the noun as written.
_UNIT_SYNONYMS = {
    "shells": "rounds",
    "shell": "rounds",
    # A headcount, however an outlet words it: "11,000 jobs", "11,000 employees", "staff".
    **dict.fromkeys(("employees", "employee", "staff", "jobs", "job", "positions"), "workers"),
    # Units written short or long: "9.79 secs", "9.81sec" (read as seconds), "9.81 seconds".
    **dict.fromkeys(("secs", "sec"), "seconds"),
    **dict.fromkeys(("mins", "min"), "minutes"),
    **dict.fromkeys(("hrs", "hr"), "hours"),
    **dict.fromkeys(("kilograms", "kilogrammes", "kgs"), "kg"),
    # "delivering 443,956 EVs" and "delivered 443,956 vehicles" count the same cars.
    **dict.fromkeys(("evs", "cars"), "vehicles"),
}
_IN_BASE_UNIT = {
    "km": ("km", 1.0), "kilometres": ("km", 1.0), "kilometers": ("km", 1.0),
    "miles": ("km", 1.609344), "nautical miles": ("km", 1.852), "metres": ("km", 0.001),
    "meters": ("km", 0.001), "feet": ("km", 0.0003048), "yards": ("km", 0.0009144),
    "km/h": ("km/h", 1.0), "mph": ("km/h", 1.609344), "knots": ("km/h", 1.852),
}  # fmt: skip
_SPEEDS = frozenset({"km/h", "mph", "knots"})
# A temperature scale after a figure: "47°C", "47 degrees Celsius", "(116 Fahrenheit)", "86F".
# "Degrees" alone names no scale, so such a figure is compared only with other bare degrees.
_TEMPERATURE = re.compile(
    r"\s*°\s*(?P<sign>[CF])(?![\w-])"
    r"|(?:\s+degrees?)?\s+(?P<word>(?i:celsius|centigrade|fahrenheit))\b"
    r"|(?P<attached>[CF])(?![\w-])"
)
_TEMPERATURE_LABELS = {"celsius": "°C", "fahrenheit": "°F"}
# A speed written after a figure: "165 mph", "270 km/h", "165 miles per hour", "90 knots".
_SPEED = re.compile(
    r"\s*(?:(?P<mph>mph|miles?\s+(?:per|an)\s+hour)"
    r"|(?P<kmh>km/h|kph|km\s+(?:per|an)\s+hour|kilomet(?:re|er)s?\s+(?:per|an)\s+hour)"
    r"|(?P<knots>knots))\b",
    re.IGNORECASE,
)
# Words next to a figure that say nothing of what it counts (the unit is compared apart),
# folded the way match_text folds them.
_NOT_CONTEXT = match_text(
    "euros dollars pounds percent billion million thousand trillion bn around about nearly "
    "almost roughly approximately at least more less than total worth within since across "
    "among every another"
).comparable | {"#"}
# (low factor, high factor) of the values a qualified figure is compatible with.
_QUALIFIER_BANDS = {
    "over": (1.0, 1.25),
    "at least": (1.0, 1.25),
    "about": (0.95, 1.05),
    "nearly": (0.9, 1.0),
    "up to": (0.75, 1.0),
    "under": (0.75, 1.0),
}
_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SCALE_FACTORS = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3))
_WRITTEN_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALE_SLIP_RATIOS = (1e3, 1e6, 1e9)
_UNRELATED_LOG_RATIO = math.log(1e4)  # further apart, and not a slip: never one quantity

_PLANNED = re.compile(
    r"\b(?:will|would|shall)\s+(?:soon\s+)?(?:open|set\s+up|launch|establish|create|host)\b"
    r"|\bto\s+(?:open|set\s+up|launch|establish)\b"
    r"|\b(?:plans?|planned|intends?|intended|aims?|is\s+expected|are\s+expected|is\s+set"
    r"|are\s+set|is\s+due)\s+to\b",
    re.IGNORECASE,
)
_STARTED = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+)?(?:started|begun)\b"
    r"|\bbeg[au]n\s+work\b|\bwork\s+(?:has\s+|had\s+)?(?:started|began|begins|is\s+starting)\b"
    r"|\bstarted\s+setting\s+up\b|\bunder\s?way\b",
    re.IGNORECASE,
)
_OPERATING = re.compile(
    r"\b(?:has|have|had)\s+(?:since\s+|now\s+|already\s+)?opened\b|\bopened\s+its\s+doors\b"
    r"|\bopens\s+its\s+doors\b|\bis\s+(?:already\s+|now\s+)?(?:working|operating|operational)\b"
    r"|\bnow\s+operates\b|\bup\s+and\s+running\b",
    re.IGNORECASE,
)
_STAGE_PATTERNS = ((0, _PLANNED), (1, _STARTED), (2, _OPERATING))
# Words that make a figure an amount per period (a quarter's sales, a year's budget) rather
# than a running total that a later report may update.
_PER_PERIOD = re.compile(
    r"\b(?:quarter|quarterly|annual|annually|yearly|monthly|weekly|fiscal|[QH][1-4]"
    r"|per\s+(?:year|month|week|day|quarter)|a\s+(?:year|month|week)\s+(?:earlier|ago|before)"
    r"|(?:this|last|next)\s+(?:year|month|week|quarter))\b",
    re.IGNORECASE,
)
# Words just before a figure that report a running count as updated: "has risen to", "climbed
# to over", "now stands at", "topped".
_UPDATE_CUE = re.compile(
    # Plural subjects take the plain form, as headlines write it: "Earthquake deaths rise to
    # 2,122", "deaths reach 2,000".
    r"\b(?:(?:ris(?:e|es|en)|rose|climb(?:s|ed)?|jump(?:s|ed)?|soar(?:s|ed)?|surg(?:e|es|ed)"
    r"|increas(?:e|es|ed)|grow|grows|grew|grown|mount(?:s|ed)?|now\s+stands?|stood"
    r"|(?:gone|went|goes|go)\s+up)\s+(?:to|at|past|above)"
    r"|(?:reach(?:es|ed)?|tops|topped|surpass(?:es|ed)?|pass(?:es|ed)?|exceed(?:s|ed)?))"
    r"(?:\s+(?:over|more\s+than|at\s+least|nearly|almost|about|some))?\s*\Z",
    re.IGNORECASE,
)
# Words just before a figure that report it as a correction of an earlier one, up or down:
# "revised the death toll down to 3,958", "lowered its forecast to 2.1%".
_REVISION_CUE = re.compile(
    r"\b(?:revis(?:es|ed|ing)|amend(?:s|ed)|correct(?:s|ed)|updat(?:es|ed)|lower(?:s|ed)"
    r"|rais(?:es|ed)|downgrad(?:es|ed)|upgrad(?:es|ed)|drop(?:s|ped)|f[ae]ll(?:s|en)?"
    r"|declin(?:es|ed)|decreas(?:es|ed)|reduc(?:es|ed))\b[^.;:\d]{0,50}\bto"
    # A headline may quote the new figure: "Revises Death Toll to 'Around 1,200'".
    r"(?:\s+[\"'\u2018\u201c]?(?:over|more\s+than|at\s+least|nearly|almost|about|around"
    r"|roughly|approximately|some))?\s*[\"'\u2018\u201c]?\Z",
    re.IGNORECASE,
)
# Words just before a figure that make it the value a change started from: "dropped from 115
# to 97", "up from 55", "down from their previous toll of 115". Without a word of change,
# "from 5,000 to 6,000" is a range, not a change.
_FORMER_CUE = re.compile(
    r"(?:\b(?:up|down|ris(?:en|ing)|rose|f[ae]ll(?:en|ing)?|drop(?:s|ped|ping)"
    r"|declin(?:ed|ing)|decreas(?:ed|ing)|increas(?:ed|ing)|climb(?:ed|ing)|jump(?:ed|ing)"
    r"|gr(?:ew|own)|revised(?:\s+(?:up|down)(?:wards?)?)?|lowered|raised|cut|reduced)\s+from"
    # What was revised may come between: "revised the death toll of the attack from 1400".
    r"|\b(?:revised|lowered|raised|cut|reduced)\s+(?:the|its|their)\s+[^.;:]{0,60}?\s+from"
    r"|\bfrom\s+(?:its|their|the|an?)\s+(?:previous|earlier|initial|original|prior)"
    r"(?:\s+[a-z]+){0,2}?(?:\s+of)?"
    # "Breaks the previous record of 115.1 million", "beat the old high of $69,000".
    r"|\b(?:break(?:s|ing)?|broke(?:n)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)"
    r"|eclips(?:es|ed|ing)|shatter(?:s|ed|ing))\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:previous|prior|old|earlier|former)\s+(?:all-time\s+)?(?:record|high|best|mark|peak)"
    r"(?:\s+of)?)"
    r"(?:\s+(?:about|around|roughly|some|at\s+least|more\s+than|over|nearly|almost))?\s*\Z",
    re.IGNORECASE,
)
# A figure the claim itself calls early, and one it calls final: "an early look at the data
# shows 90%", then "final results show 95%".
_EARLY_CUE = re.compile(
    r"\b(?:early|preliminary|interim|initial|provisional)\s+(?:look|data|results?|analysis"
    r"|figures?|estimates?|count|tally|findings)\b",
    re.IGNORECASE,
)
_FINAL_CUE = re.compile(
    r"\b(?:final|full|complete)\s+(?:results?|analysis|data|figures?|count|tally|findings)\b"
    r"|\b(?:ends?|ended|complet(?:es|ed)|conclud(?:es|ed))\b[^.;:]{0,40}\b(?:trial|study)\b",
    re.IGNORECASE,
)
_STAGE_NAMES = ("planned", "started", "operating")
# The same stages for other acts that one report announces and a later one says were done: a
# bill "will be signed" then "signed", a ruling "will be appealed" then "appealed", a company
# "to buy" then "completed the acquisition", a regulator "to decide whether to approve" then
# "approved". Each act is a plan of its own: a planned signing is never superseded by an
# appeal. (The office patterns above are the act of opening.)
_NOT_AFTER_VOTE = r"(?<!voted )(?<!votes )(?<!vote )"
_LEGISLATION = r"(?:bill|law|legislation|package|measure|budget|resolution|motion)s?\b"
_ACTS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (act, re.compile(planned, re.IGNORECASE), re.compile(done, re.IGNORECASE))
    for act, planned, done in (
        (
            "sign",
            rf"\b(?:will|would|shall|{_NOT_AFTER_VOTE}to)\s+sign\b",
            # "Biden signs ...": a headline's present tense tells a thing done.
            r"\b(?:has\s+|had\s+)?signed\b(?!\s+(?:up|off))"
            r"|\b(?-i:[A-Z])[\w.'\u2019-]*\s+signs\b(?!\s+of\b)",
        ),
        (
            "appeal",
            rf"\b(?:will|would|{_NOT_AFTER_VOTE}to)\s+appeal\b",
            r"\b(?:has\s+|have\s+)?appealed\b|\bappeals\s+(?:against\s+)?[^.;:]{0,40}"
            r"\b(?:ruling|decision|verdict)\b|\bfiled\s+(?:an?\s+)?(?:formal\s+)?appeal\b",
        ),
        (
            "acquire",
            r"\b(?:will|would|to)\s+(?:buy|acquire|purchase|take\s+over)\b"
            r"|\bis\s+(?:buying|acquiring)\b",
            r"\b(?:complet(?:ed|es)|clos(?:ed|es)|finali[sz](?:ed|es))\b[^.;:]{0,40}"
            r"\b(?:acquisition|purchase|takeover|deal)\b",
        ),
        (
            "approve",
            rf"\b(?:will|would|{_NOT_AFTER_VOTE}to)\s+(?:decide\s+whether|approve|authori[sz]e)\b"
            r"|\b(?:seek|apply\s+for)\b[^.;:]{0,40}\b(?:approval|authori[sz]ation)\b",
            r"\b(?:has\s+|have\s+)?(?:approved|authori[sz]ed)\b|\bapproves\b"
            r"|\b(?:issued|granted)\b[^.;:]{0,40}\b(?:approval|authori[sz]ation)\b"
            # A chamber passing a bill approves it ("House passes ... relief bill", "the
            # package passed the Senate"); a count that "passed 10,000" does not.
            rf"|\bpass(?:es|ed)\b(?=[^;:]{{0,50}}\b{_LEGISLATION})"
            rf"|\b{_LEGISLATION}[^.;:]{{0,30}}\bpassed\b(?!\s+away)",
        ),
    )
)
_ACT_STAGE_NAMES = ("planned", "under way", "done")
# Letters every wording of each act contains, planned or done: most claims name no act, and
# finding none of these is much cheaper than searching for both stages (a full regroup reads
# every claim).
_ACT_ROOTS = {
    act: re.compile("|".join(letters))  # searched in the lower-cased claim
    for act, letters in (
        ("sign", ("sign",)),
        ("appeal", ("appeal",)),
        ("acquire", ("buy", "acqui", "purchas", "take", "complet", "clos", "finali")),
        ("approve", ("approv", "authori", "pass", "decide")),
    )
}
# Any act done, the office's opening included: what a claim must contain to report one.
_DONE_WORDS = re.compile(
    "|".join(f"(?:{pattern.pattern})" for pattern in (_OPERATING, *(done for _, _, done in _ACTS))),
    re.IGNORECASE,
)

_COUNTED_NEXT = re.compile(r"\s*(?:(?:more|additional|extra|further|other|new)\s+)?([A-Za-z]+)")
# Words after a bare figure that say nothing of what it counts.
_NOT_COUNTED = frozenset(
    """in on at over to for from by of with after before since during until into than and or
    but as per a an the this that last next is are was were be been has have had will would
    could may might can respectively each off""".split()
)
# A count of people is a count of what befell them (killed, missing, injured, displaced): words
# just before the figure ("the death toll rose to", "quake toll at", "injuring") or just after
# it ("were killed", "reported missing"), the nearest one winning, no other figure or clause in
# between.
_COUNTED_PEOPLE = frozenset(
    {"people", "persons", "individuals", "civilians", "residents", "victims", "others"}
)
_FATES = frozenset({"deaths", "missing", "injured", "displaced", "powerless"})
# Others a toll counts by what they are: their fate is read only from their own clause, since
# a list ("28 adults and 15 children") is often a breakdown of the toll before it.
_PEOPLE_NOUNS = frozenset(
    """girls boys children kids men women adults campers counselors students pupils passengers
    workers miners soldiers migrants tourists hikers climbers fishermen firefighters patients
    villagers pilgrims worshippers protesters protestors demonstrators""".split()
)
# A fate in the figure's own clause: no other figure, no "and", no sentence end between.
_OWN_FATE_AFTER = re.compile(
    r"(?:(?!\band\b)[^.;:\d]){0,80}?\b(?:(?P<deaths>killed|dead|died)"
    r"|(?P<missing>missing|unaccounted\s+for)|(?P<injured>injured|wounded|hurt)"
    r"|(?P<displaced>displaced|evacuated|homeless))\b",
    re.IGNORECASE,
)
# Tolls that only grow as they are counted: days later, a larger one is the count moving on
# ("36 dead" on Thursday, "the death toll is now at 89" on Sunday), not a disagreement. The
# missing and the displaced are found or go home, so their counts go both ways. An outbreak's
# confirmed cases and the land a fire has burned are counted the same way ("20 confirmed
# cases", weeks later "64 cases"; "nearly 100,000 acres", then "119,214 acres").
_FATE_UNITS = {"deaths": "deaths", "fatalities": "deaths", "injuries": "injured"}
_RUNNING_TOLLS = frozenset({"deaths", "injured", "cases", "infections", "acres", "hectares"})
# Counts of people whose fate is still open: found or home again, or newly reported, they move
# both ways from one day to the next, so a later day's count is the newer one, not a dispute.
# Those without power are reconnected as the days go by, and more lose it as a storm moves on.
_SHIFTING_COUNTS = frozenset({"missing", "displaced", "powerless"})
_SUPPLIED = frozenset({"customers", "homes", "households", "businesses", "residents"})
# How far before a figure the word of its fate is looked for: "the death toll from floods in
# the eastern Libyan city of Derna has soared to 11,300" (no figure or clause break between).
_FATE_REACH = 120
_FATE_BEFORE = re.compile(
    r".*\b(?:(?P<deaths>(?:death\s+)?toll|(?:death|body)\s+(?:count|tally)|kill(?:s|ed|ing)?"
    r"|deaths?\s+of|deaths|fatalities)"
    r"|(?P<injured>injur(?:e|es|ing|ed)|wound(?:ing|ed)))\b[^.;:\d]*\Z",
    re.IGNORECASE | re.DOTALL,
)
_FATE_AFTER = re.compile(
    r"[^.;:\d]{0,40}?\b(?:(?P<deaths>killed|dead|died|deaths|fatalities|lost\s+their\s+lives)"
    r"|(?P<missing>missing|unaccounted\s+for)"
    r"|(?P<injured>injured|injuries|wounded|hurt|hospitali[sz]ed|taken\s+to\s+hospital)"
    r"|(?P<displaced>displaced|homeless|evacuated|to\s+(?:flee|evacuate)|fled\s+their\s+homes"
    r"|forced\s+(?:from|out\s+of)\s+their\s+homes)"
    r"|(?P<powerless>without\s+(?:power|electricity)|lost\s+power|in\s+the\s+dark"
    r"|(?:do|does|did)\s*n(?:o|['\u2019])t\s+have\s+(?:power|electricity)))\b",
    re.IGNORECASE,
)
# What follows a figure to make it a rate: "an hour", "per hour", "a-year", "/hour".
_RATE = re.compile(
    r"(?:\s*/\s*|(?:\s*-\s*|\s+)(?:an?|per|each)(?:\s*-\s*|\s+))"
    r"(?P<period>hour|day|week|month|year|annum)\b"
    r"(?!\s+(?:earlier|ago|later|before|after|on|into|prior)\b)"  # "$158.6 million a year earlier"
    r"|\s+(?P<adverb>hourly|daily|weekly|monthly|yearly|annually)\b",
    re.IGNORECASE,
)
_MEDALS_AFTER = re.compile(
    r"\s+(?:(?:Olympic|total)\s+)?(?P<colour>gold|silver|bronze)(?:\s+medals?|s)?\b", re.IGNORECASE
)
_RUN_RATE_BEFORE = re.compile(
    r"\b(?:annual(?:i[sz]ed)?\s+)?run[- ]rate\s+(?:of\s+)?"
    r"(?:(?:about|around|over|more\s+than|nearly)\s+)?\Z",
    re.IGNORECASE,
)
_RATE_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month"}
# A place of up to four capitalised words: "BRUSSELS, ", "Bangkok, ", "New Delhi, ".
# "LEWISTON (Maine), Oct 28 ― The man ...": the state may follow the town in brackets, and the
# dash may be any of the dashes and bars outlets use.
_DATELINE_BEFORE = re.compile(
    r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*\([A-Z][\w.' -]{1,30}\))?,\s*$"
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|[-\u2013\u2014\u2015])")
_CAPITALS_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3},?\s+$")

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class _Mention:
    """A stretch of one claim that can agree or disagree: a figure, a day date or a status."""

    claim_id: int
    article_id: int
    published: date | None
    start: int
    end: int
    label: str  # how the reviewer reads it: "28 million EUR", "Feb. 23 (2024-02-23)"


@dataclass(frozen=True, eq=False)
class _Figure(_Mention):
    value: float  # as stated (a range's low end)
    low: float  # lowest value the wording is compatible with
    high: float  # highest value the wording is compatible with
    unit_key: str  # figures compare only when these are equal
    period: tuple[date, date] | None  # the period a date written next to it names
    claim_text: str = field(repr=False)
    rounding: float = 0.0  # half its last written digit: "7%" may stand for 6.5 to 7.5
    # Of another, older event: a year or more before the report, named in the figure's own
    # clause ("surpassing a tsunami that killed 61 people in 1960").
    past: bool = False
    # For the value a change started from ("dropped from 115 to 97"), the claim's figure it
    # changed to.
    now: _Figure | None = None
    lower_bound: bool = False  # written as "more than", "over" or "at least"

    @cached_property
    def remainder(self) -> bool:
        """Whether the figure is what is left of a whole ("36 hours of oxygen left", "fewer
        than 40 hours remaining"): another quantity than the whole ("a 96-hour supply")."""
        after = _CLAUSE_END.split(self.claim_text[self.end : self.end + CONTEXT_CHARS])[0]
        before = self.claim_text[max(0, self.start - 25) : self.start]
        return bool(_REMAINDER_AFTER.search(after) or _REMAINDER_BEFORE.search(before))

    @cached_property
    def output(self) -> str | None:
        """What was done with the goods a figure counts, when the words at it say: "produced
        410,831 vehicles" and "delivered 443,956" (or "443,956 vehicles delivered") are two
        counts of one maker's quarter. Sold and delivered are one count, as outlets use them."""
        text = self.claim_text
        found = _OUTPUT_BEFORE.search(text, max(0, self.start - 40), self.start)
        if found is None:
            found = _OUTPUT_AFTER.match(text, self.end)
        if found is None:
            return None
        word = (found["act"] or found.groupdict().get("noun") or "").lower()
        return next(kind for kind, stems in _OUTPUTS if word.startswith(stems))

    @cached_property
    def direction(self) -> str | None:
        """ "up" or "down" for a percentage told as a move ("rose 14.8%", "a 14.8% increase",
        "an 8.5% drop"); None when the words at it say neither."""
        if self.unit_key != "percent":
            return None
        text = self.claim_text
        after = _DIRECTION_AFTER.match(text, self.end)
        before = _DIRECTION_BEFORE.search(text, max(0, self.start - 25), self.start)
        found = after or before
        if found is None:
            return None
        return "up" if found.group("up") else "down"

    @cached_property
    def count_progress(self) -> bool:
        """Whether the figure is how far a count has got ("with 99.59% of votes counted"),
        never a result of the count."""
        return _COUNT_PROGRESS_AFTER.match(self.claim_text, self.end) is not None

    @cached_property
    def elsewhere(self) -> bool:
        """Whether the figure's clause counts outside a named place ("the number of flood
        deaths outside Kerr County at 22"): the rest of a toll, never the toll of that place
        or the whole."""
        return _OUTSIDE_A_PLACE.search(self.clause) is not None

    @cached_property
    def respective(self) -> bool:
        """Whether the figure is one of a list told "respectively" ("the 303 and 282 seats it
        had won in 2019 and 2014, respectively", "rising 5% and 7%, respectively"): which
        name each belongs to is a matter of order, which no pairing of figures sees."""
        text = self.claim_text
        clause_end = _SENTENCE_PART_END.search(text, self.end)
        return (
            _RESPECTIVELY.search(text, self.end, clause_end.start() if clause_end else len(text))
            is not None
        )

    @cached_property
    def threshold(self) -> bool:
        """Whether the figure is a mark to reach, not a count reached: "the 272-seat majority
        needed to govern", "the 272 majority mark", "a majority of 326"."""
        text = self.claim_text
        return bool(
            _THRESHOLD_AFTER.match(text, self.end)
            or _THRESHOLD_BEFORE.search(text, max(0, self.start - 25), self.start)
        )

    @cached_property
    def converted(self) -> bool:
        """Whether the figure is another amount converted, in brackets after it: "134.9
        trillion yuan ($18.4 trillion)", "$44bn (£38.1bn)". Outlets convert at their own
        rates and days, so two conversions that differ are no dispute over the amount."""
        if _CURRENCY_CODE.fullmatch(self.unit_key.split("/")[0]) is None:
            return False  # "2,231 points (5.5%)" tells the move again, in other terms
        before = self.claim_text[max(0, self.start - 60) : self.start]
        return _CONVERTED_BEFORE.search(before) is not None

    @cached_property
    def counted_out_of(self) -> float | None:
        """The whole the figure is counted out of ("241 of the 242 people on board": 242),
        or None."""
        found = _OUT_OF_AFTER.match(self.claim_text, self.end)
        whole = found["whole"] if found is not None else None
        if whole is None and _OF_THEM_AFTER.match(self.claim_text, self.end):
            # "36 confirmed cases, with 25 of them in isolation": the figure told before
            earlier = list(_NUMBER_TOKEN.finditer(self.claim_text, 0, self.start))
            whole = earlier[-1].group(0).rstrip(".,") if earlier else None
        if whole is None:
            return None
        try:
            return float(whole.replace(",", ""))
        except ValueError:
            return None

    @cached_property
    def part(self) -> bool:
        """Whether the figure is one item of a breakdown ("169 passengers were Indian, 53 were
        British, one was Canadian and seven were Portuguese"; "seven died in Travis County,
        six in Kendall County, three in Burnet County"): a part, not the whole."""
        text = self.claim_text
        clause_end = _SENTENCE_PART_END.search(text, self.end)
        after = text[self.end : clause_end.start() if clause_end else len(text)]
        items = len(_LIST_ITEM.findall(after))
        opens_item = _LIST_ITEM.match(text[max(0, self.start - 6) : self.start + 1]) is not None
        if items >= 2 or (items >= 1 and opens_item):
            return True
        # "nearly 100 people, including 14 policemen, were killed": a share of the count
        return _INCLUDING_BEFORE.search(text, max(0, self.start - 30), self.start) is not None

    @cached_property
    def owner(self) -> frozenset[str] | None:
        """The words of the name that owns the figure, written just before it: "Nvidia's
        market capitalization to $2.06 trillion" is Nvidia's, "to China's 27" China's."""
        low = max(0, self.start - _SUBJECT_REACH)
        found = _OWNER_BEFORE.search(self.claim_text, low, self.start)
        if found is None or _CLAUSE_END.search(found.group(0)):
            # A player's own score: "Virat Kohli (76)", "Axar Patel smashed 47", "Patel, who
            # contributed a valuable 47".
            found = _SCORER_BEFORE.search(self.claim_text, low, self.start)
            if found is None or _CLAUSE_END.search(found.group(0)):
                # "Apple's market value was $3 trillion as its stock climbed 0.7%": "its" is
                # the name the sentence opens with.
                if _ITS_BEFORE.search(self.claim_text, low, self.start) is None:
                    return None
                found = _OPENING_OWNER.match(self.claim_text)
                if found is None:
                    return None
        words = frozenset(found.group("owner").lower().replace(".", "").split())
        return words - _NOT_PLACES - _NOT_OWNERS or None

    @cached_property
    def headcount_or_cut(self) -> str | None:
        """ "stock" for a figure a company has ("has more than 220,000 employees", "a
        workforce of 125,000"), "change" for one it cuts or adds ("to lay off 10,000
        employees", "cutting 15,000 jobs"); None when the words before say neither."""
        return self._read_before(("change", _CHANGE_BEFORE), ("stock", _STOCK_BEFORE))

    @cached_property
    def change_or_level(self) -> str | None:
        """ "change" for the size of a move ("raised the rate by 0.15%", "fell by 3%"),
        "level" for where it moved to ("raised the rate to about 0.25%"); None otherwise."""
        return self._read_before(("change", _BY_BEFORE), ("level", _TO_BEFORE))

    def _read_before(self, *kinds: tuple[str, re.Pattern[str]]) -> str | None:
        """The name of the first kind whose words end right before the figure."""
        before = self.claim_text[max(0, self.start - 30) : self.start]
        return next((name for name, words in kinds if words.search(before)), None)

    @cached_property
    def vote_share(self) -> bool:
        """Whether the figure is a share of votes ("96% voted to strike", "a vote of 94.6
        percent", "won 34% of the vote"): a level, never the size of a rise."""
        before = self.claim_text[max(0, self.start - 30) : self.start]
        after = self.claim_text[self.end : self.end + 25]
        return bool(_VOTE_BEFORE.search(before) or _VOTE_AFTER.match(after))

    @cached_property
    def total_of_part(self) -> bool:
        """Whether the figure is the whole another figure is counted out of ("over 350 of the
        543 seats", "648 out of 650 seats"): not a value of the part."""
        return _OUT_OF.search(self.claim_text, max(0, self.start - 40), self.start) is not None

    @cached_property
    def valuation(self) -> bool:
        """Whether the figure is what a company is valued at ("at a valuation of $150
        billion", "$157 billion valuation", "valuing the company at", "market value of"):
        another quantity than the money it raises, earns or spends."""
        before = self.claim_text[max(0, self.start - 35) : self.start]
        after = self.claim_text[self.end : self.end + 20]
        return bool(_VALUATION_BEFORE.search(before) or _VALUATION_AFTER.match(after))

    @cached_property
    def scope(self) -> frozenset[str] | None:
        """The places its clause limits the figure to, when it names them: "the death toll in
        Turkey rose to 44,218" counts Turkey's dead, "surpassed 46,000 in Turkey and Syria"
        both countries'. None when the clause names no place that way."""
        return _scope_near(self.claim_text, self.start, self.end)

    @cached_property
    def basis(self) -> str | None:
        """What a rate is measured against, when its clause says: "annualised" (Japan's GDP
        "fell by 0.4 percent on an annual basis"), "quarter" ("declined 0.1 percent on a
        quarterly basis"), "month" or "year" (year on year). Rates on two bases are two
        quantities."""
        text = self.claim_text
        clause_start = _part_start(text, self.start)
        clause_end = clause_start + len(self.clause)
        # The words nearest the figure say first: those up to the next figure ("rose 0.4% on
        # the month, putting the 12-month rate at 3.3%"), then those before it ("In annual
        # terms, the economy shrank 0.2%"); after another figure, only those past the last
        # comma, since the words after a figure tell its own basis.
        following = _NUMBER_TOKEN.search(text, self.end, clause_end)
        after = text[self.end : following.start() if following else clause_end]
        earlier = [m.end() for m in _NUMBER_TOKEN.finditer(text, clause_start, self.start)]
        before = text[earlier[-1] if earlier else clause_start : self.start]
        if earlier:
            before = before.rsplit(",", 1)[-1]
        told_after = [(m.start(), name) for name, words in _BASES if (m := words.search(after))]
        if told_after:
            return min(told_after)[1]
        told_before = [(m.end(), name) for name, words in _BASES for m in words.finditer(before)]
        if told_before:
            return max(told_before)[1]
        if earlier or following:
            return None  # another figure's basis may be the one the clause names
        found = {name for name, words in _BASES if words.search(self.clause)}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def tally_span(self) -> str | None:
        """How long a tally was kept, when its clause says: "season" ("scored 44 goals for
        PSG last season"), "career" ("after seven years in which he scored 256 goals", "his
        career total of 821"). A season's tally and a career's are two quantities."""
        clause = self.clause
        found = {name for name, words in _TALLY_SPANS if words.search(clause)}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def lead_in(self) -> str:
        """The words of its clause just before it (up to twice the context reach): where a
        hedge, a target, a market or a move is told."""
        text = self.claim_text
        return _CLAUSE_END.split(text[max(0, self.start - 2 * CONTEXT_CHARS) : self.start])[-1]

    @cached_property
    def disruption(self) -> str | None:
        """What befell the flights or trains counted, when the clause says just after the
        figure, or else just before it: "2,000 flights were canceled" and "2,600 flights in
        the US have also been delayed" are two counts."""
        after = self.claim_text[self.end : self.end + 2 * CONTEXT_CHARS]
        after = _NEXT_FIGURE.split(_CLAUSE_END.split(after)[0])[0]
        found = _DISRUPTED.search(after) or _last_match(_DISRUPTED, self.lead_in)
        return found.group(1).lower() if found else None

    @cached_property
    def market_index(self) -> str | None:
        """The stock index its clause names last before it ("the Dow plunged 2,231 points,
        or 5.5%", "and the Nasdaq Composite is down 5.2%"): moves of two indices are two
        quantities."""
        named = _last_match(_MARKET_INDEX, self.lead_in)
        return named.group(0).split()[0].lower() if named else None

    @cached_property
    def agent(self) -> str | None:
        """Who struck, when the figure's clause names one side's strikes or shelling: "the
        Iranian strikes killed 28 people" and "Israeli strikes killed 406" count two sides'
        dead."""
        found = {_side(m.group(1)) for m in _STRIKES_BY.finditer(self.clause)}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def conditional(self) -> bool:
        """Whether the figure is a condition's threshold ("Were the figure to fall below
        59.4%, it would rank as the lowest", "If they can finish the day at or above
        $160.46"): a value the report supposes, not one it reports."""
        text = self.claim_text
        opened = _last_match(_CONDITION_OPENS, text, _part_start(text, self.start), self.start)
        return opened is not None and "," not in text[opened.end() : self.start]

    @cached_property
    def clause(self) -> str:
        """The part of its sentence the figure is told in, between stops, semicolons and
        colons."""
        text = self.claim_text
        clause_end = _SENTENCE_PART_END.search(text, self.end)
        return text[_part_start(text, self.start) : clause_end.start() if clause_end else len(text)]

    @cached_property
    def core(self) -> bool:
        """Whether the figure is a "core" measure ("core inflation fell to 3.6%"): another
        quantity than the headline measure ("inflation fell to 2.4%")."""
        before = self.claim_text[max(0, self.start - 60) : self.start]
        return _CORE_BEFORE.search(_CLAUSE_END.split(before)[-1]) is not None

    @cached_property
    def average(self) -> bool:
        """Whether the figure is an average ("an average of 266,000 jobs a month", "averaged
        $3.1 billion", "1,200 a day on average"): another quantity than one period's value."""
        before = self.claim_text[max(0, self.start - 40) : self.start]
        before = re.split(r"[.;:\d]", before)[-1]
        after = _CLAUSE_END.split(self.claim_text[self.end : self.end + CONTEXT_CHARS])[0]
        return bool(_AVERAGE_BEFORE.search(before) or _AVERAGE_AFTER.match(after))

    @cached_property
    def context(self) -> frozenset[str]:
        """Content words written around it (what the figure counts); read only for figures
        that disagree, which are few."""
        text, start, end = self.claim_text, self.start, self.end
        # A word the window cuts is read whole ("resignation as Prime Minister after just 44
        # days": the cut "ignation" would leave nothing before the figure).
        low = _word_start(text, max(0, start - CONTEXT_CHARS))
        high = _word_end(text, min(len(text), end + CONTEXT_CHARS))
        before = text[low:start].split()
        after = text[end:high].split()
        # What is counted is already the unit both figures share ("people" in "700 people
        # presumed dead" and "6,300 people injured"): only the other words can tell two
        # quantities of it apart.
        counted = match_text(self.unit_key.lstrip("~")).comparable
        words = match_text(" ".join([*before, ".", *after])).comparable
        return words - _NOT_CONTEXT - counted - _names(text)


_SINCE_THE_PREVIOUS = (
    r"\b(?:compared\s+(?:to|with)|from|on|over)\s+the\s+(?:previous|prior|preceding)\s+"
)
_BASES = (
    ("annualised", re.compile(r"\bannuali[sz]ed\b|\bannual\s+(?:rate|pace|basis)\b", re.I)),
    (
        "quarter",
        re.compile(
            r"\bquarter[- ](?:on|over)[- ]quarter\b|\bquarterly\s+basis\b|\bq/q\b|\bqoq\b"
            rf"|{_SINCE_THE_PREVIOUS}(?:quarter|three\s+months)\b|\b(?:on|over)\s+the\s+quarter\b",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            r"\bmonth[- ](?:on|over)[- ]month\b|\bmonthly\s+basis\b|\bm/m\b|\bmom\b"
            rf"|{_SINCE_THE_PREVIOUS}month\b|\b(?:on|over)\s+the\s+month\b",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            r"\byear[- ](?:on|over)[- ]year\b|\by/y\b|\byoy\b|\b12-month\b"
            r"|\bfrom\s+a\s+year\s+(?:earlier|ago|before)\b|\bin\s+annual\s+terms\b"
            rf"|\b(?:on|over)\s+the\s+year\b|\byear-ago\b|{_SINCE_THE_PREVIOUS}year\b"
            r"|\bsame\s+(?:period|quarter|month)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))",
            re.I,
        ),
    ),
)


def _last_match(
    pattern: re.Pattern[str], text: str, low: int = 0, high: int | None = None
) -> re.Match[str] | None:
    found = list(pattern.finditer(text, low, len(text) if high is None else high))
    return found[-1] if found else None


def _part_start(text: str, position: int) -> int:
    """Where the part of the sentence holding `position` starts: after the last stop,
    semicolon or colon before it."""
    return max((m.end() for m in _SENTENCE_PART_END.finditer(text, 0, position)), default=0)


_STRIKES_BY = re.compile(
    r"\b((?-i:[A-Z])[a-z]+(?:i|ian|an|ese|ish|ch|ni)|US|U\.S\.|NATO|Hamas|Hezbollah|Houthi"
    # "Iran's missile strikes": the side named by its possessive
    r"|(?-i:[A-Z])[a-z]+(?=['\u2019]s\s))(?:['\u2019]s)?"
    r"(?:-led)?\s+(?:air\s*|drone\s+|missile\s+|rocket\s+)?"
    r"(?:strikes?|attacks?|shelling|bombardments?|bombings?|raids?|offensive)\b",
    re.IGNORECASE,
)
# Sides named by their adjective, as the places they are (`_COUNTRIES`) are written.
_SIDES = {
    "israeli": "israel", "iranian": "iran", "russian": "russia", "ukrainian": "ukraine",
    "american": "united states", "us": "united states", "u.s.": "united states",
    "pakistani": "pakistan", "indian": "india", "chinese": "china", "syrian": "syria",
    "lebanese": "lebanon", "yemeni": "yemen", "iraqi": "iraq", "turkish": "turkey",
    "saudi": "saudi arabia", "british": "united kingdom", "french": "france",
    "afghan": "afghanistan", "sudanese": "sudan", "palestinian": "palestine",
}  # fmt: skip


def _side(name: str) -> str:
    return _SIDES.get(name.lower(), name.lower())


# What befell the flights counted, and a share of votes (`_Figure.disruption`, `.vote_share`).
_NEXT_FIGURE = re.compile(r"\d")
_DISRUPTED = re.compile(r"\b(cancel|delay|divert|ground)(?:s|l?ed|l?ations?)?\b", re.IGNORECASE)
_VOTE_BEFORE = re.compile(
    r"\b(?:votes?\s+of|voted\s+by|backed\s+by)\s+(?:about\s+)?\Z", re.IGNORECASE
)
_VOTE_AFTER = re.compile(
    r"\s*(?:percent|per\s+cent)?\s*(?:voted\b|of\s+(?:the\s+)?(?:votes?|ballots)\b)", re.IGNORECASE
)
_INDEX_NAMES = (
    r"Dow|S&P|Nasdaq|Russell\s+2000|FTSE|DAX|CAC\s+40|Nikkei|Topix|Hang\s+Seng"
    r"|Shanghai\s+Composite|Sensex|Nifty|Kospi|Stoxx|ASX"
)
_MARKET_INDEX = re.compile(rf"\b(?:{_INDEX_NAMES})(?![\w-])")
# "if" and "unless" anywhere; "Were ... to", "Should" and "Had" only opening a clause.
_CONDITION_OPENS = re.compile(
    r"\b(?i:if|unless)\b|(?:^|(?<=[.;:,]\s))(?:Were|Should|Had)\s|^\s*(?:Were|Should|Had)\s"
)
_SPAN_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|\w+ty)"
_TALLY_SPANS = (
    (
        "season",
        re.compile(
            r"\b(?:last|this|previous|past|that|single|one)\s+season\b"
            r"|\bthe\s+(?:19|20)\d\d(?:[-/–](?:19|20)?\d\d)?\s+season\b",
            re.I,
        ),
    ),
    (
        "career",
        re.compile(
            r"\bcareer\b(?![- ](?:high|best|low|worst))|\ball[- ]time\b|\bclub[- ]record\b"
            # "In his time at PSG, he scored a club-record 256 goals"
            r"|\b(?:in|during)\s+(?:his|her|their)\s+(?:\w+\s+)?(?:time|years|spell|stint)\s+(?:at|with)\b"
            rf"|\b(?:in|over|after|across)\s+(?:his|her|their|the\s+past\s+)?\s*{_SPAN_COUNT}"
            r"\s+(?:years|seasons)\b",
            re.I,
        ),
    ),
)
# "core inflation", and the measure it names: "Excluding volatile food and energy prices, the
# CPI rose 0.4%".
_CORE_BEFORE = re.compile(
    r"\bcore\b|\b(?:excluding|excludes|strips?\s+out|stripping\s+out|less)\s+(?:the\s+)?"
    r"(?:volatile\s+)?food\s+and\s+energy\b",
    re.IGNORECASE,
)
# A figure in a claim; "12-month" is a span of time, not a figure.
_NUMBER_TOKEN = re.compile(r"(?<![\d,.])\d[\d,.]*(?![\d,.])(?!-(?:month|year|week|day)s?\b)")


def _scope_near(text: str, start: int, end: int) -> frozenset[str] | None:
    """The places named by the "in ..." phrase of the figure's clause nearest to it, or by a
    known place told just before it as the one that counts."""
    clause_start = max((m.end() for m in _SCOPE_CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _SCOPE_CLAUSE_END.search(text, end)
    clause_end = after.start() if after else len(text)
    best: tuple[int, frozenset[str]] | None = None
    # "5,000 flights were canceled worldwide, with about 3,400 in the US": the world is a
    # place too, the one holding all others.
    for phrase in _WORLDWIDE.finditer(text, clause_start, clause_end):
        distance = max(phrase.start() - end, start - phrase.end(), 0)
        if distance <= _SCOPE_REACH and (best is None or distance < best[0]):
            best = (distance, _THE_WORLD)
    for phrase in _SCOPE_PHRASE.finditer(text, clause_start, clause_end):
        distance = max(phrase.start() - end, start - phrase.end(), 0)
        places = _scope_places(phrase.group("places"))
        if distance <= _SCOPE_REACH and places and (best is None or distance < best[0]):
            best = (distance, places)
    # A country or US state told as the one that counts, just before the figure: "Syria has
    # reported more than 5,800 deaths", "Turkey's toll stands at 44,218". Only places a list
    # can know: "Officials have confirmed 27 deaths" names no place.
    for named in _PLACE_SUBJECT.finditer(text, max(clause_start, start - _SUBJECT_REACH), start):
        if _in_apposition(text, named.start(), start):
            continue  # "Germany and France, the euro zone's largest economies, fell to 2.3%"
        places = _known_places_named(named.group("places"))
        if places and (best is None or start - named.end() < best[0]):
            best = (start - named.end(), places)
    return best[1] if best else _places_paired_before(text, start)


def _places_paired_before(text: str, start: int) -> frozenset[str] | None:
    """The two known places an event is named by earlier in the sentence ("Turkey-Syria
    earthquake: Death toll surpasses 46,000" counts in both), when nothing nearer scopes it."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    for pair in _PLACE_PAIR.finditer(text, sentence_start, start):
        places = {_PLACE_SPELLINGS.get(name, name) for name in (pair[1].lower(), pair[2].lower())}
        if places <= _KNOWN_PLACES:
            return frozenset(places)
    return None


_PLACE_PAIR = re.compile(r"(?<![\w-])((?-i:[A-Z])[a-z]+)-((?-i:[A-Z])[a-z]+)(?![\w-])")
_SENTENCE_END = re.compile(r"[.!?](?:\s|\Z)")


def _in_apposition(text: str, place_start: int, figure_start: int) -> bool:
    """Whether the place opens a phrase set off by commas between its subject and the figure
    (", the euro zone's largest economies,"): it describes the subject, it is not the one."""
    return bool(_APPOSITION_OPENS.search(text, max(0, place_start - 8), place_start)) and (
        "," in text[place_start:figure_start]
    )


_APPOSITION_OPENS = re.compile(r",\s+(?:the\s+)?\Z")


def _scopes_differ(first: frozenset[str] | None, second: frozenset[str] | None) -> bool:
    """Whether two figures count in other places: one in a part of the places the other
    counts together (Turkey; Turkey and Syria), or in other countries or US states (Thailand;
    Myanmar; Arizona; Oregon; the United States).
    Other names may hold one another ("in Bangkok", "in Thailand"; "in Kursk", "in Russia"),
    which a list of names cannot tell, so figures placed that way are still compared."""
    if not first or not second or first == second:
        return False
    if first < second or second < first:
        return True
    return first <= _KNOWN_PLACES and second <= _KNOWN_PLACES


def _known_places_named(written: str) -> frozenset[str]:
    """The known places (countries, US states) a run of capitalised words names, each item
    by its last words ("With Syria's" is Syria); empty unless every item ends in one."""
    countries = set()
    for item in _scope_places(written, owner=True) or ():
        words = item.split()
        found = next(
            (
                " ".join(words[k:])
                for k in range(len(words))
                if " ".join(words[k:]) in _KNOWN_PLACES
            ),
            None,
        )
        if found is None:
            return frozenset()
        countries.add(found)
    return frozenset(countries)


def _scope_places(written: str, owner: bool = False) -> frozenset[str]:
    """The places a run of capitalised words names. A place owning what follows ("in
    Libya's coastal city of Derna") names no scope, unless `owner` (a country told as the
    one that counts, "Syria's toll"); "Libya's Derna" is Derna."""
    # "Turkey, Syria and Lebanon" lists three places; "Kerr County, Texas" without an "and"
    # is one place with its state, and only the first part tells it from others.
    items = re.split(r",?\s+and\s+(?:the\s+)?|,\s+", written)
    if not re.search(r"\band\b", written):
        items = items[:1]
    places = set()
    for item in items:
        words = item.split()
        owners = [k for k, word in enumerate(words) if _POSSESSIVE_END.search(word)]
        if owners and owners[-1] == len(words) - 1 and not owner:
            return frozenset()
        if owners and owners[-1] < len(words) - 1:
            words = words[owners[-1] + 1 :]
        if any(word.strip(".").lower() in _NOT_PLACES for word in words):
            return frozenset()  # "in February": not a place
        name = _POSSESSIVE_END.sub("", " ".join(words)).lower().replace(".", "")
        places.add(_PLACE_SPELLINGS.get(name, name))
    return frozenset(places)


# Where a place phrase stops belonging to a figure: another clause, told of another figure
# ("the toll in Turkey stands at 40,642 while neighbouring Syria has reported 5,800").
_SCOPE_CLAUSE_END = re.compile(
    r"[.;:](?:\s|\Z)|\s+(?:while|whereas|but)\b|,\s+(?:as|which|who|when)\b"
)
_SCOPE_REACH = 60
_PLACE_WORD = r"(?-i:[A-Z])[\w.'\u2019-]*"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}"
# The euro zone reports its own figures, as a country does, though news writes it lower-case.
_FIRST_PLACE = rf"(?:(?i:euro[\s-]?zone|euro\s+area)|{_PLACE})"
_SCOPE_PHRASE = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hrough(?:out)?)\s+(?:the\s+)?"
    rf"(?P<places>{_FIRST_PLACE}(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?{_PLACE})*)"
)
_SUBJECT_REACH = 45
_POSSESSIVE_END = re.compile(r"['\u2019]s?\Z")
_PLACE_SUBJECT = re.compile(
    rf"(?<![\w-])(?P<places>{_FIRST_PLACE}(?:(?:,\s+|,?\s+and\s+){_PLACE})*)(?:['\u2019]s)?\s+(?!and\b)"
)
# Countries by the short names news uses (plus a few regions that report their own counts).
_COUNTRIES = frozenset(
    name.strip()
    for name in """afghanistan, albania, algeria, angola, argentina, armenia, australia, austria,
    azerbaijan, bahrain, bangladesh, belarus, belgium, bolivia, bosnia, brazil, bulgaria,
    burkina faso, burma, cambodia, cameroon, canada, chad, chile, china, colombia, congo,
    croatia, cuba, cyprus, czechia, denmark, dominican republic, ecuador, egypt, eritrea,
    estonia, ethiopia, fiji, finland, france, gaza, georgia, germany, ghana, greece,
    guatemala, guinea, haiti, honduras,
    hong kong, hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy, jamaica,
    japan, jordan, kazakhstan, kenya, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, libya,
    lithuania, luxembourg, madagascar, malawi, malaysia, mali, malta, mexico, moldova,
    mongolia, montenegro, morocco, mozambique, myanmar, namibia, nepal, netherlands,
    new zealand, nicaragua, niger, nigeria, north korea, norway, oman, pakistan, palestine,
    panama, paraguay, peru, philippines, poland, portugal, qatar, romania, russia, rwanda,
    saudi arabia, senegal, serbia, sierra leone, singapore, slovakia, slovenia, somalia,
    south africa, south korea, south sudan, spain, sri lanka, sudan, sweden, switzerland,
    syria, taiwan, tajikistan, tanzania, thailand, tunisia, turkey, turkiye, uganda, ukraine,
    united arab emirates, united kingdom, united states, uruguay, uzbekistan, venezuela,
    vietnam, west bank, yemen, zambia, zimbabwe, scotland, wales, england,
    northern ireland, eurozone, caribbean""".split(",")
)
# US states, which report their own counts as countries do ("around 385 employees in Arizona",
# "1,300 in Oregon").
_US_STATES = frozenset(
    name.strip()
    for name in """alabama, alaska, arizona, arkansas, california, colorado, connecticut,
    delaware, florida, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana,
    maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana,
    nebraska, nevada, new hampshire, new jersey, new mexico, new york state, north carolina,
    north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina,
    south dakota, tennessee, texas, utah, vermont, virginia, west virginia, wisconsin,
    wyoming""".split(",")
)
_THE_WORLD = frozenset({"the world"})
_WORLDWIDE = re.compile(
    r"\b(?:worldwide|globally|(?:around|across|in)\s+the\s+(?:world|globe))\b", re.IGNORECASE
)
_KNOWN_PLACES = _COUNTRIES | _US_STATES | _THE_WORLD
_NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday q1 q2 q3 q4 h1 h2 i it its this his her their our""".split()
)
_PLACE_SPELLINGS = {
    "us": "united states", "usa": "united states", "america": "united states",
    "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "euro zone": "eurozone", "euro area": "eurozone", "euro-zone": "eurozone",
}  # fmt: skip


# Words right before a figure (up to a qualifier or two) that make it a change of a workforce
# or a count, or the count itself.
_FIGURE_LEAD = (
    r"(?:\s+(?:about|around|roughly|nearly|almost|some|more|than|over|up|to|as|many|at|least"
    r"|an|estimated|another|a|further|additional))*\s+\Z"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:cut|cuts|cutting|lay(?:s|ing)?\s+off|laid\s+off|slash(?:es|ed|ing)?"
    r"|eliminat(?:e|es|ed|ing)|ax(?:e|es|ed|ing)|shed(?:s|ding)?|hir(?:e|es|ed|ing)"
    r"|add(?:s|ed|ing)?|fir(?:e|es|ed|ing)"
    rf"|reduc(?:e|es|ed|ing)\s+(?:its\s+)?(?:workforce|headcount|staff)\s+by){_FIGURE_LEAD}",
    re.IGNORECASE,
)
_STOCK_BEFORE = re.compile(
    rf"\b(?:has|have|had|employs|employed|employing|(?:workforce|headcount|staff)\s+of){_FIGURE_LEAD}",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(rf"\bby{_FIGURE_LEAD}", re.IGNORECASE)
_TO_BEFORE = re.compile(rf"(?<!\bup\s)\bto{_FIGURE_LEAD}", re.IGNORECASE)
_OUT_OF = re.compile(
    r"\d[\d,.]*%?\s+(?:[a-z]+\s+)?(?:out\s+)?of\s+(?:the|all|its|their)?\s*\Z", re.IGNORECASE
)
# The words between a part and its whole: " of the ", " out of ", " seats out of all ".
_OUT_OF_WORDS = r"\s+(?:[a-z]+\s+)?(?:out\s+)?of\s+(?:(?:the|all|its|their)\s+)?"
# "241 of the 242", "648 out of 650 seats": a part counted out of a whole, anywhere in a claim.
_PART_OF_WHOLE = re.compile(rf"\d[\d,.]*%?{_OUT_OF_WORDS}\d", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_OUTSIDE_A_PLACE = re.compile(r"\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?(?-i:[A-Z])\w+")
_UP_WORDS = (
    r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|gain(?:s|ed)?|jump(?:s|ed)?|grew"
    r"|grow(?:s|th)|up|climb(?:s|ed)?|surg(?:e|es|ed)|soar(?:s|ed)?"
)
_DOWN_WORDS = (
    r"f(?:all|alls|ell)|drop(?:s|ped)?|declin(?:e|es|ed)|decreas(?:e|es|ed)|down"
    r"|shr(?:ank|ink|inks)|los(?:s|t|es)|slump(?:s|ed)?|plung(?:e|es|ed)|contract(?:ion|ed|s)?"
)
# "a 14.8% increase", "an 8.5% drop in first-quarter deliveries", "4.8% year-over-year decline"
_DIRECTION_AFTER = re.compile(
    rf"%?\s+(?:[\w-]+\s+){{0,2}}?(?:(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS}))\b", re.IGNORECASE
)
_DIRECTION_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS}))(?:\s+(?:by|of|about|around|nearly|some))?\s+\Z",
    re.IGNORECASE,
)
_COUNT_PROGRESS_AFTER = re.compile(
    r"%?\s+of\s+(?:the\s+|all\s+)?(?:votes?|ballots?|results?|districts?|constituencies"
    r"|precincts|polling\s+stations)\s+(?:(?:had|have)\s+been\s+|were\s+|was\s+)?"
    r"(?:counted|declared|tallied|reported|in(?=\s*(?:[,.;:)]|\Z)))",
    re.IGNORECASE,
)
_THRESHOLD_AFTER = re.compile(
    r"(?:-seat|\s+seats?)?\s+(?:(?:simple|absolute|overall|working)\s+)?"
    r"(?:majority\s+(?:mark|threshold|needed|required)|mark\b|threshold\b)"
    r"|(?:-seat|\s+seats?)?\s+majority\s+(?:\w+\s+)?(?:needed|required)\b",
    re.IGNORECASE,
)
_THRESHOLD_BEFORE = re.compile(
    r"\b(?:majority|halfway\s+mark|magic\s+(?:number|figure))\s+of\s+(?:the\s+)?\Z", re.IGNORECASE
)
# An amount, then an opening bracket and a currency: "yuan ($", "billion (US$", "(about €".
_CONVERTED_BEFORE = re.compile(
    # "€30m-a-year (£25.6m)", "€100m ($110.4m / £85.9m)"
    r"\d[\d,.]*[\w-]*\s*(?:[A-Za-z]+\s+){0,2}?\(\s*(?:[^()]{0,25}?/\s*)?"
    r"(?:(?:about|around|roughly|approximately|or|some)\s+)?"
    r"(?:US|U\.S\.|A|C|HK|NZ|S|Rs\.?|INR|USD|EUR|GBP)?\s*[$€£¥₹]?\s*\Z"
)
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
# Kinds of output, each with the word stems that tell it.
_OUTPUTS = (
    ("produced", ("produc", "made", "manufactur", "built", "build", "assembl")),
    ("delivered", ("deliver", "sold", "sell", "sale")),
    ("shipped", ("ship",)),
    ("ordered", ("order",)),
)
_OUTPUT_WORD = (
    r"(?P<act>produc(?:ed|ing|es|tion\s+of)|made|manufactur(?:ed|ing)|built|assembled"
    r"|deliver(?:ed|ing|s|ies\s+of)|sold|sell(?:s|ing)|sales\s+of|shipp(?:ed|ing)"
    r"|shipments\s+of|ordered|orders\s+(?:for|of))"
)
_OUTPUT_BEFORE = re.compile(
    rf"(?:\b{_OUTPUT_WORD}"
    # "The quarter's production was reported at 410,831", "deliveries totalled 443,956"
    r"|\b(?P<noun>production|deliveries|sales|shipments|orders)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:at|of|to|totall?ed|reached|were|was|hit))"
    r"(?:\s+(?:a\s+record(?:\s+of)?|approximately|about|around|roughly|nearly"
    r"|almost|over|more\s+than|some|just|only|a\s+total\s+of|an\s+estimated)){0,2}\s+\Z",
    re.IGNORECASE,
)
_OUTPUT_AFTER = re.compile(
    r"\s+(?:[A-Za-z-]+\s+){0,2}?(?P<act>produced|made|manufactured|built|assembled|delivered"
    r"|sold|shipped|ordered)\b",
    re.IGNORECASE,
)
# The whole right after a part: " of the 242", " out of 650".
_OUT_OF_AFTER = re.compile(rf"{_OUT_OF_WORDS}(?P<whole>\d[\d,]*(?:\.\d+)?)\b", re.IGNORECASE)
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|those|whom|these)\b", re.IGNORECASE)
# A capitalised name with a possessive, then up to five words, right before a figure.
_OWNER_BEFORE = re.compile(
    r"(?<![\w-])(?P<owner>(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,2})['\u2019]s"
    r"(?:\s+[\w-]+){0,5}\s+\Z"
)
_SCORER_BEFORE = re.compile(
    r"(?<![\w-])(?P<owner>(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2})"
    r"(?:\s*\(|,\s+who(?:\s+[\w-]+){1,4}\s+"
    r"|\s+(?:smashed|scored|struck|hit|made|added|contributed|took|kicked)(?:\s+[\w-]+){0,2}\s+"
    # A party's seats: "Congress won 99 seats", "The NDA is leading in about 300 seats"
    r"|(?:\s+(?:party|alliance|bloc|alone|only|just))*\s+(?:(?:is|was|has|had)\s+)?"
    r"(?:won|secured|clinched|bagged|captured|leading\s+in|ahead\s+in)"
    r"(?:\s+(?:only|just|about|around|nearly|over|more\s+than|some)){0,2}\s+)\Z"
)
_NOT_OWNERS = frozenset("the a an it he she they we his her their its this that".split())
_ITS_BEFORE = re.compile(r"\b(?:its|their)(?:\s+[\w-]+){1,4}\s+\Z")
_OPENING_OWNER = re.compile(
    r"\W*(?P<owner>(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,2})['\u2019]s\b"
)
_VALUATION_WORDS = (
    r"(?:valuation|valued|valuing|market\s+(?:value|cap\w*|capitali[sz]ation)"
    r"|impl(?:ied|ies|ying)\s+a\s+value)"  # "a deal that implied a value of $64 billion"
)
_VALUATION_BEFORE = re.compile(rf"\b{_VALUATION_WORDS}(?:\s+[\w.]+){{0,4}}\s+\Z", re.IGNORECASE)
_VALUATION_AFTER = re.compile(rf"\s*(?:[-\u2013]\s*)?{_VALUATION_WORDS}\b", re.IGNORECASE)


_INCLUDING_BEFORE = re.compile(
    r"\b(?:including|includes?|included|among\s+them|of\s+whom|of\s+which)\s+"
    r"(?:(?:at\s+least|about|around|some"
    r"|nearly|over|more\s+than)\s+)?\Z",
    re.IGNORECASE,
)
_SENTENCE_PART_END = re.compile(rf"{_NOT_AN_INITIAL}[.;:](?:\s|\Z)")
# A number opening the next item of a list: ", 53 were British", "and seven were Portuguese".
# The item names its share of the whole ("53 were British", "six in Kendall County"), not
# another fate ("10 killed, 16 injured and 101 missing" are three counts, not a breakdown).
_LIST_ITEM = re.compile(
    r"(?:,\s+|\s+and\s+|,\s+and\s+)(?:[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)\s+(?:(?:were|was|are|is)\s+(?!killed|dead|injured|missing"
    r"|wounded|hurt|displaced|rescued|arrested)|in|from|at|for|of|on)\b",
    re.IGNORECASE,
)
_REMAINDER_AFTER = re.compile(r"\b(?:left|remaining|remain|remains|to\s+go)\b", re.IGNORECASE)
_REMAINDER_BEFORE = re.compile(r"\bremaining\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
_AVERAGE_BEFORE = re.compile(r"\b(?:average|averag(?:ed|es|ing))\b[\w\s$£€-]*\Z", re.IGNORECASE)
_AVERAGE_AFTER = re.compile(r"[^\d]{0,30}?\bon\s+average\b", re.IGNORECASE)


def _word_start(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isalnum():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    while position < len(text) and text[position].isalnum():
        position += 1
    return position


def _names(text: str) -> frozenset[str]:
    """The claim's capitalised words after its first, folded like match_text: names of whom or
    what the claim is about ("Twitter", "April"), which say nothing of what a figure counts.
    "Musk bought 9.2% of Twitter shares" and "a 38% premium to Twitter's closing price" share
    only the name. Words in capitals (GDP, VAT) may be what is counted, and stay."""
    capitalised = [
        word for word in _LETTER_WORD.findall(text)[1:] if word[0].isupper() and not word.isupper()
    ]
    return match_text(" ".join(capitalised)).comparable if capitalised else frozenset()


_LETTER_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


@dataclass(frozen=True, eq=False)
class _DayDate(_Mention):
    day: date
    # Told relative to the report ("today", "yesterday"): an article republished a day later,
    # or written across midnight or time zones, moves it by a day.
    loose: bool = False
    # The day something was said or a count stood ("officials said Tuesday", "the toll
    # reached 100 on Saturday"), not the day of an event: not compared with other days.
    as_of: bool = False
    # The day something is set for ("sentencing set for July 11", "delayed until Nov. 26"): a
    # later report that sets another day moves the schedule on.
    scheduled: bool = False
    # For a scheduled day, the words of what is set for it ("launch", "land moon"): a launch
    # moved to July 14 and a landing set for August 23 are two events, not one schedule.
    what: frozenset[str] = frozenset()
    # "late" for "late on Saturday" or "Saturday night", "early" for "early on Sunday" or
    # "Sunday morning": the ends of a day, where two time zones' days meet.
    end_of_day: str | None = None


@dataclass(frozen=True, eq=False)
class _Status(_Mention):
    stage: int  # index into _STAGE_NAMES
    act: str = "open"  # what was planned and then done (see _ACTS)
    # The day the stage held: the publication date, or a date well before it that the claim
    # names ("It started in February 2024, when she announced the EU would open an office").
    as_of: date | None = None
    # Who did it, as lower-case words: the capitalised words just before the verb ("US Senate
    # passes"), or after "by the" ("approved by the House"). Empty when the claim names nobody
    # there.
    actor: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class _Stance(_Mention):
    topic: str  # see workbench.matching.stances
    side: str


@dataclass(frozen=True)
class _Finding:
    kind: str
    first: _Mention  # for SUPERSEDED: the earlier report
    second: _Mention  # for SUPERSEDED: the later report


@dataclass
class _Member:
    claim: MemberClaim
    figures: list[_Figure]
    day_dates: list[_DayDate]
    status: _Status | None
    stances: list[_Stance] = field(default_factory=list)


@dataclass
class _Comparison:
    agreements: list[tuple[_Mention, _Mention]]
    findings: list[_Finding]


class Readings(dict[int, "_Member"]):
    """Members already read (figures, dates, status), by claim id: a grouping run assesses
    a claim several times (candidate joins, then its final group), and reading is the costly
    part. Valid for one run only: the claims must not change meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.nothing_done: set[int] = set()  # claims known to report no act done

    def read(self, claim: MemberClaim) -> _Member:
        member = self.get(claim.claim_id)
        if member is None:
            member = self[claim.claim_id] = _parse_member(claim)
        return member

    def done_status(self, claim: MemberClaim) -> _Status | None:
        """The claim's status if it reports an act done. The keep-apart rule asks this of
        every member of every cluster a join might touch, again at each join: one search of
        the words of acts done, remembered, spares reading the many claims that report none."""
        if claim.claim_id in self.nothing_done:
            return None
        if claim.claim_id not in self and _DONE_WORDS.search(claim.text) is None:
            self.nothing_done.add(claim.claim_id)
            return None
        status = self.read(claim).status
        return status if status is not None and status.stage == 2 else None


def assess_group(members: list[MemberClaim], readings: Readings | None = None) -> GroupAssessment:
    """The group's relation, the members a later report supersedes, and the spans that differ."""
    if len(members) <= 1:
        reason = "only one claim in this group" if members else "no claims in this group"
        return GroupAssessment(relation="single", reason=reason)
    read = readings.read if readings is not None else _parse_member
    parsed = [read(claim) for claim in members]
    comparison = _compare_all(parsed)
    findings = _as_growth(_without_echoed_undated(comparison), comparison.agreements)
    findings = _without_quantities_told_apart(findings, parsed)
    relation = _relation(findings)
    return GroupAssessment(
        relation=relation,
        reason=_reason(relation, findings, comparison.agreements),
        suggested_outdated=frozenset(
            finding.first.claim_id for finding in findings if finding.kind == SUPERSEDED
        ),
        differing=_differing_spans(findings, comparison.agreements),
    )


# --- reading a member ------------------------------------------------------------------------


def _parse_member(claim: MemberClaim) -> _Member:
    published = _as_day(claim.published)
    figures = _with_shared_goods(
        _with_wholes(
            _with_changes(
                [
                    figure
                    for number in claim.numbers
                    if (figure := _figure(claim, published, number)) is not None
                ]
            )
        )
    )
    day_dates = [
        day_date
        for mention in claim.dates
        if (day_date := _day_date(claim, published, mention)) is not None
    ]
    stances = [
        _Stance(
            claim_id=claim.claim_id,
            article_id=claim.article_id,
            published=published,
            start=stance.start,
            end=stance.end,
            label=f"{stance.side}: '{stance.words}'",
            topic=stance.topic,
            side=stance.side,
        )
        for stance in read_stances(claim.text)
    ]
    return _Member(
        claim, figures, _marked_as_of(day_dates, figures), _status(claim, published), stances
    )


def _marked_as_of(day_dates: list[_DayDate], figures: list[_Figure]) -> list[_DayDate]:
    counted_on = {
        f.period[0] for f in figures if f.period and f.unit_key in _RUNNING_TOLLS | _SHIFTING_COUNTS
    }
    if not counted_on:
        return day_dates
    return [replace(d, as_of=True) if d.day in counted_on else d for d in day_dates]


# A day next to a word of saying or counting is the day it was said or counted: "authorities
# said Tuesday", "told reporters on Monday", "on Tuesday revised the death toll to 288",
# "said earlier on Sunday"; and a day things stood by ("five bodies had been retrieved by
# Monday").
_SAID_AFTER = re.compile(
    r"(?:\s*,)?\s+(?:said|says|announced|reported|confirmed|revised|put|raised|lowered"
    r"|updated|told)\b",
    re.IGNORECASE,
)
# "On 10 June, Ukrainian Interior Minister Ihor Klymenko said": a few words of subject, no
# comma, then the word of saying.
_SAID_BY_SUBJECT_AFTER = re.compile(
    r",\s+(?:[\w.'’-]+\s+){1,6}?(?:said|says|reported|told)\b",
    re.IGNORECASE,
)
# A day something still went on to is not the day it happened: "the blaze, which continued
# burning into early Thursday" against "erupted around midday on Wednesday".
_STILL_GOING_BEFORE = re.compile(
    r"\b(?:into|until|till|through)\s+(?:(?:early|late)\s+)?(?:on\s+)?\Z", re.IGNORECASE
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|added|told\s+[\w-]+|by|released|published"
    # A price a day's trading ended at ("shares, which closed at $237.41 on Tuesday, were up
    # 1.1% in premarket trading"): the day it stood, not the day of the news.
    r"|clos(?:ed|ing)\s+(?:at|up|down|higher|lower)\b(?:[^.;:]|\.(?=\d)){0,30}?)"
    # "said in an update Saturday", "told reporters at a briefing on Monday"
    r"(?:\s+(?:in|at|during)\s+(?:an?|the|his|her|its|their)(?:\s+[\w-]+){1,2})?"
    r"(?:\s+(?:on|late|early|earlier|later))*\s+\Z",
    re.IGNORECASE,
)


def _with_changes(figures: list[_Figure]) -> list[_Figure]:
    """The figures, each value a change started from linked to the figure it changed to: the
    nearest other figure of the claim ("has risen to 67, up from 55"; "dropped from 115 to
    97"). A count that changed keeps its fate: the 97 counts the dead as the 115 does."""
    if len(figures) < 2:
        return figures
    former = [_FORMER_CUE.search(f.claim_text, 0, f.start) is not None for f in figures]
    if not any(former):
        return figures
    result = list(figures)
    for index, figure in enumerate(figures):
        if not former[index]:
            continue
        candidates = [
            (abs(other.start - figure.start), j) for j, other in enumerate(figures) if not former[j]
        ]
        if not candidates:
            continue
        j = min(candidates)[1]
        now = result[j]
        if now.unit_key.startswith("~") and not figure.unit_key.startswith("~"):
            now = result[j] = replace(now, unit_key=figure.unit_key)
        elif figure.unit_key.startswith("~") and not now.unit_key.startswith("~"):
            # "123.3 million viewers breaks the previous record of 115.1 million set ...":
            # the former value counts what the new one counts.
            figure = replace(figure, unit_key=now.unit_key)
        result[index] = replace(figure, now=now)
    return result


def _with_shared_goods(figures: list[_Figure]) -> list[_Figure]:
    """The figures, an output count that names no goods counting those another output count
    of the claim names: "produced 410,831 vehicles and delivered 443,956" delivered vehicles,
    "producing 410,831 and delivering 443,956 EVs" produced EVs."""
    named = {f.unit_key for f in figures if f.output and not f.unit_key.startswith("~")}
    if len(named) != 1:
        return figures
    goods = named.pop()
    return [
        replace(f, unit_key=goods) if f.output and f.unit_key.startswith("~") else f
        for f in figures
    ]


def _with_wholes(figures: list[_Figure]) -> list[_Figure]:
    """The figures, a whole counted out of ("41 bodies out of 69 recovered") counting what
    its part counts when its own words name nothing: 69 bodies, not 69 "recovered"."""
    result = list(figures)
    for index in range(1, len(result)):
        whole, part = result[index], result[index - 1]
        if whole.total_of_part and whole.unit_key.startswith("~"):
            if not part.unit_key.startswith("~"):
                result[index] = replace(whole, unit_key=part.unit_key)
    return result


def _as_day(value: date | None) -> date | None:
    # A datetime would refuse subtraction from a plain date.
    return value.date() if isinstance(value, datetime) else value


def _figure(claim: MemberClaim, published: date | None, number: dict[str, Any]) -> _Figure | None:
    try:
        value = float(number["value"])
        start, end = int(number["start"]), int(number["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if not _span_fits(claim.text, start, end):
        return None
    if _REST_OF_A_TIME_BEFORE.search(claim.text, max(0, start - 30), start):
        return None  # "two hours and 35 seconds" is one time, not a margin of 35 seconds
    low = _float_or(number.get("low"), value)
    high = _float_or(number.get("high"), value)
    low_factor, high_factor = _QUALIFIER_BANDS.get(number.get("qualifier") or "", (1.0, 1.0))
    rounding = _half_last_digit(number, value) if low == high else 0.0
    written_unit = _unit_key(claim.text, number)
    label_unit = _TEMPERATURE_LABELS.get(written_unit) or (
        written_unit if written_unit in _SPEEDS else None
    )
    label = _figure_label(number, low, high, label_unit)
    # Lengths compare in kilometres ("435 miles" and "700 km" are one distance), speeds in
    # km/h, temperatures in degrees Celsius ("51.8 degrees Celsius (125 Fahrenheit)").
    unit_key, factor = _IN_BASE_UNIT.get(written_unit, (written_unit, 1.0))
    value, low, high, rounding = value * factor, low * factor, high * factor, rounding * factor
    if written_unit == "fahrenheit":
        unit_key, rounding = "celsius", rounding * 5 / 9
        value, low, high = (_celsius(degrees) for degrees in (value, low, high))
    return _Figure(
        claim_id=claim.claim_id,
        article_id=claim.article_id,
        published=published,
        start=start,
        end=end,
        label=label,
        value=value,
        low=low * low_factor,
        high=high * high_factor,
        unit_key=unit_key,
        period=_period_next_to(start, end, claim),
        past=_of_past_event(start, end, claim, published)
        or (unit_key in _FATES and _last_years(claim.text, start)),
        claim_text=claim.text,
        rounding=rounding,
        lower_bound=number.get("qualifier") in _LOWER_BOUNDS,
    )


_LOWER_BOUNDS = ("over", "at least")
# The smaller units of a time written out in words: "two hours and 35 seconds", "2 hours,
# 1 minute and 9 seconds".
_REST_OF_A_TIME_BEFORE = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hours?|minutes?)"
    r"(?:,?\s+and|,)\s+\Z",
    re.IGNORECASE,
)


def _celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32.0) * 5.0 / 9.0


def _half_last_digit(number: dict[str, Any], value: float) -> float:
    """Half the worth of the last digit a figure is written with: 0.05 for "7.2%", half a
    billion for "$45 billion", 0.5 for "seven per cent". Nothing for "half a million", whose
    roundness is not in its digits."""
    written = _WRITTEN_DIGITS.search(str(number.get("text", "")))
    if written is None:
        spelled = str(number.get("text", "")).lower()
        if spelled.startswith(("half", "a ", "an ")):
            return 0.0
        scale = next((factor for word, factor in _SCALE_FACTORS if word in spelled), 1.0)
        return 0.5 * scale
    mantissa = float(written.group(0).replace(",", ""))
    if mantissa == 0:
        return 0.0
    decimals = len(written.group(1) or "")
    return 0.5 * 10.0**-decimals * (value / mantissa)


def _span_fits(text: str, start: int, end: int) -> bool:
    # Stale or hand-edited JSON must not produce spans outside the claim.
    return 0 <= start < end <= len(text)


def _float_or(raw: Any, default: float) -> float:
    return default if raw is None else float(raw)


def _unit_key(text: str, number: dict[str, Any]) -> str:
    unit = _what_it_counts(text, number)
    start, end = int(number["start"]), int(number["end"])
    before = _CLAUSE_END.split(text[max(0, start - 2 * CONTEXT_CHARS) : start])[-1]
    after = _CLAUSE_END.split(text[end : end + 2 * CONTEXT_CHARS])[0]
    # "More than 720 people have left over the past 24 hours": the count of a window of time,
    # never the total ("over 120,000 people have been evacuated").
    recent = _RECENT_WINDOW.search(before) or _RECENT_WINDOW.search(after)
    if recent:
        return f"{unit}/recent"
    if unit in _ADDED_UP and _MORE_AFTER.match(text, end):
        # "after 28 more bodies were recovered": what was added, never the count itself
        return f"{unit}/added"
    if unit != "percent" and _DIFFERENCE_AFTER.match(text, end):
        # "Tesla sold over 33,000 more vehicles than it produced": the gap between two
        # counts, never a count itself.
        return f"{unit}/difference"
    # "28 points in the first half", "31 of Iowa's 33 points in the first quarter": a part of
    # the game, never the whole game's score ("finished with 49 points").
    # A business's "first quarter" is a period of its own, read with the figure's dates.
    in_part = unit in _SCORED and _PART_OF_PLAY.match(after) is not None
    return f"{unit}/part of play" if in_part else unit


_SCORED = frozenset(
    {"points", "goals", "runs", "assists", "rebounds", "yards", "touchdowns", "wickets", "shots",
     "saves", "strikeouts", "hits", "aces", "birdies", "tries", "baskets", "three-pointers"}
)  # fmt: skip
_PART_OF_PLAY = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,3}?\s+in\s+the\s+(?:first|second|third|fourth|fifth|final|last"
    r"|opening|closing)\s+(?:half|quarter|period|set|innings?|frame|round|lap|leg|stage)\b",
    re.IGNORECASE,
)
# "28 more bodies were recovered", "10 more deaths": what a running count added. Other
# things are counted whole however they are worded: "40% more ammunition" is a rise, "cut
# 10,000 more jobs" the size of a new round, "wounding 400 more" (no noun after) counts
# others.
_MORE_AFTER = re.compile(r"\s+(?:more|additional|further)\s+(?!than\b)[a-z]", re.IGNORECASE)
_ADDED_UP = frozenset({"bodies", "people", "deaths", "cases", "victims", "patients", None})
_DIFFERENCE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:more|fewer|less)\s+(?:[\w-]+\s+){0,3}?than\b", re.IGNORECASE
)
_RECENT_WINDOW = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def _is_age(text: str, number: dict[str, Any]) -> bool:
    """A bare whole number set off by commas right after a name ("Sheinbaum, 61, will be"),
    or years told as an age ("a 17-year-old boy", "17 years old", "aged 17"): never the 52
    years of a sentence."""
    start, end = int(number["start"]), int(number["end"])
    if not 0 < float(number["value"]) < 120:
        return False
    if _YEARS_OLD_AFTER.match(text, end) or _AGED_BEFORE.search(text, max(0, start - 8), start):
        return True
    if number.get("unit"):
        return False
    if not _AGE_AFTER.match(text, end):
        return False
    return _NAME_THEN_COMMA.search(text, max(0, start - 40), start) is not None


_NAME_THEN_COMMA = re.compile(r"(?-i:[A-Z])[\w'\u2019.-]+,\s*\Z")
_AGE_AFTER = re.compile(r"\s*,")
_YEARS_OLD_AFTER = re.compile(r"[\s-]+years?[\s-]+old\b", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"\baged\s+\Z", re.IGNORECASE)
_POPULATION_BEFORE = re.compile(
    r"\b(?:(?:nation|country|city|state|province|island|region|territory)\s+of"
    r"|population\s+of|(?:is|was|are)\s+home\s+to)"
    r"(?:\s+(?:about|some|around|nearly|almost|roughly|over|more\s+than))?\s+\Z",
    re.IGNORECASE,
)


def _what_it_counts(text: str, number: dict[str, Any]) -> str:
    if _in_tally(text, number):
        # "A decisive 204-85 vote", "by 204 votes to 85": the two sides of a tally, compared
        # side with side, never one side with the other's.
        return "tally"
    if _is_age(text, number):
        return "age"  # "James, 38, has averaged 27.2 points": his age, not a count of points
    if _POPULATION_BEFORE.search(text, max(0, int(number["start"]) - 50), int(number["start"])):
        # "one-third of the nation of 220 million people": everyone who lives there, never
        # the count of those a disaster affected, killed or displaced.
        return "population"
    speed = _SPEED.match(text, int(number["end"]))
    if speed is not None:
        return "mph" if speed["mph"] else "km/h" if speed["kmh"] else "knots"
    temperature = _TEMPERATURE.match(text, int(number["end"]))
    if temperature is not None:
        scale = (temperature["sign"] or temperature["word"] or temperature["attached"]).lower()
        return "fahrenheit" if scale.startswith("f") else "celsius"
    if (medals := _MEDALS_AFTER.match(text, int(number["end"]))) is not None:
        # "40 gold medals", "44 silver": each colour its own count, never the table's total.
        return f"{medals['colour'].lower()} medals"
    unit = number.get("unit")
    if unit in _FATE_UNITS:
        return _FATE_UNITS[unit]  # "36 fatalities", "115 deaths"
    if (unit in _COUNTED_PEOPLE or not unit) and float(number["value"]).is_integer():
        # "the death toll has risen to 3,617", "killed 381 people", "1,000 people were
        # killed": one count of the dead, however it is written; and the missing, the injured
        # and the displaced are never the same count as the dead. A fraction counts no one:
        # "the death toll in the earthquake that measured 6.8" is not a toll of 6.8.
        fate = _fate(text, int(number["start"]), int(number["end"]))
        if fate is not None:
            return fate
    if unit in _PEOPLE_NOUNS and float(number["value"]).is_integer():
        # "more than 20 girls missing", "27 girls ... were unaccounted for": the fate told of
        # them in the same clause, so that "25 people are still missing" is the same count.
        after = _OWN_FATE_AFTER.match(text, int(number["end"]))
        noun_at = text.lower().find(unit, int(number["end"]))
        if after is not None and after.start(after.lastgroup or 0) > noun_at >= 0:
            # told after the noun: "793 injured passengers have been discharged" counts
            # passengers, not the injured
            return after.lastgroup or unit
    if unit in _SUPPLIED and _fate(text, int(number["start"]), int(number["end"])) == "powerless":
        return "powerless"  # "288,502 customers are without power"
    if unit:
        # "£11.44 an hour" and "£1,800 a year" are two rates, never one amount stated twice.
        rate = _RATE.match(text, int(number["end"]))
        unit = _UNIT_SYNONYMS.get(unit, unit)
        if rate is None and _RUN_RATE_BEFORE.search(
            text, max(0, int(number["start"]) - 30), int(number["start"])
        ):
            return f"{unit}/year"  # "a revenue run rate of $100 billion": a year's pace
        return f"{unit}/{_rate_period(rate)}" if rate else unit
    if _MAGNITUDE_BEFORE.search(text, max(0, int(number["start"]) - 20), int(number["start"])):
        return "~magnitude"  # "a magnitude 7.9 quake" is the "7.9 magnitude earthquake"
    # Without a unit only the words that follow hint at what was counted, past a word that
    # only says the count adds to another ("10,000 more jobs", "5,000 additional roles").
    following = _COUNTED_NEXT.match(text, int(number["end"]))
    if following is None or following.group(1).lower() in _NOT_COUNTED:
        # "336,000 in September", "a gain of 267,000 over the past year"; but "the number of
        # mpox cases this year has surpassed 15,600" counts cases.
        start = int(number["start"])
        noun = _number_of(text[max(0, start - 2 * CONTEXT_CHARS) : start])
    else:
        noun = _counted_noun(following.group(1).lower(), text, following.end())
    return _UNIT_SYNONYMS.get(noun, noun)


_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]+\Z", re.IGNORECASE)


def _in_tally(text: str, number: dict[str, Any]) -> bool:
    """Whether the figure is one side of a tally: "204-85", "204 votes to 85", "50 to 49"
    (a larger number first: "from 5 to 3" is a change, "5 to 10" a range)."""
    start, end = int(number["start"]), int(number["end"])
    value = float(number["value"])
    after = _TALLY_AFTER.match(text, end)
    if after is not None:
        return _tally_in_order(text, start, value, float(after["other"].replace(",", "")))
    before = _TALLY_BEFORE.search(text, 0, start)
    if before is not None:
        other = float(before["other"].replace(",", ""))
        return _tally_in_order(text, before.start(), other, value)
    return False


def _tally_in_order(text: str, first_start: int, first: float, second: float) -> bool:
    return first > second and _FROM_BEFORE.search(text, 0, first_start) is None


_TALLY_AFTER = re.compile(r"(?:\s*[-\u2013]\s*|\s+(?:votes?\s+)?to\s+)(?P<other>\d[\d,]*)\b")
_TALLY_BEFORE = re.compile(
    r"(?<![\d.,])(?P<other>\d[\d,]*)(?:\s*[-\u2013]\s*|\s+(?:votes?\s+)?to\s+)\Z"
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w$\u20ac\u00a3]+\s+){0,2}\Z", re.IGNORECASE)


def _number_of(before: str) -> str:
    """What "the number of ..." before a figure counts: a fate of people ("the number of
    missing people had dropped from 41 to 31"), people, or a plural noun; "~" without one."""
    named = _NUMBER_OF.search(before)
    if named is None:
        return "~"
    fates = [_FATE_WORDS[word] for word in named.group(1).lower().split() if word in _FATE_WORDS]
    if fates:
        return fates[0]
    noun = named.group(2).lower()
    return "people" if noun in _COUNTED_PEOPLE | {"individuals"} else noun


_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+((?:[\w-]+\s+){0,2}?)(people|children|[A-Za-z]+s)\b[^.;:\d]*\Z",
    re.IGNORECASE,
)
_FATE_WORDS = {
    "missing": "missing",
    "dead": "deaths",
    "injured": "injured",
    "displaced": "displaced",
}


def _counted_noun(first: str, text: str, position: int) -> str:
    """The plural noun among the few words after a figure, as the importer would name it
    ("700 Post Office branch managers" counts managers, like "700 branch managers"); else the
    first word, marked as a guess."""
    words = [first]
    while len(words) < 4 and (found := _NEXT_WORD.match(text, position)) is not None:
        position = found.end()
        if (word := found.group(1).lower()) in {"or", "and"}:
            continue  # "16,700 confirmed or suspected cases"
        if word in _NOT_COUNTED:
            break
        words.append(word)
    return next((word for word in words if looks_plural(word)), "~" + first)


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _rate_period(rate: re.Match[str]) -> str:
    """The period of a rate, one word for each however written ("a year", "per annum",
    "annually" -> "year")."""
    if rate.group("period"):
        period = rate.group("period").lower()
        return "year" if period == "annum" else period
    return _RATE_ADVERBS.get(rate.group("adverb").lower(), "year")  # "yearly", "annually"


def _fate(text: str, start: int, end: int) -> str | None:
    """What befell the people a figure counts: the nearer of the words before and after it
    ("killed 381 people and injured 1,000": 381 were killed). A word across an "and" from the
    figure is another item's, and counts only when nothing nearer is found: "killed at least
    15 and injured nearly 40", "52 reported deaths and 132 people injured"."""
    # A day ("the Oct. 7 Hamas attack") or the value a change started from ("revised the death
    # toll from around 1400 to roughly 1200") between the toll and its figure is no other count.
    window = _FORMER_VALUES.sub(_masked, _days_masked(text[max(0, start - _FATE_REACH) : start]))
    found = []  # (across an "and", distance from the figure, fate)
    if (before := _FATE_BEFORE.match(window)) is not None and before.lastgroup:
        word_end = before.end(before.lastgroup)
        across = _AND.search(window, word_end) is not None
        found.append((across, len(window) - word_end, before.lastgroup))
    if (after := _FATE_AFTER.match(text, end)) is not None and after.lastgroup:
        word_start = after.start(after.lastgroup)
        across = _AND.search(text, end, word_start) is not None
        found.append((across, word_start - end, after.lastgroup))
    cue = _UPDATE_CUE.search(window) or _REVISION_CUE.search(window)
    if not found and cue and _TOLL_SUBJECT.match(window):
        # "The death toll in the earthquake that measured 6.8 has gone up to 2,497": the toll
        # is the subject of the rise, however many words (and figures) lie between.
        return "deaths"
    return min(found)[2] if found else None


_AND = re.compile(r"\band\b", re.IGNORECASE)
_DAY_OF_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
)
_FORMER_VALUES = re.compile(r"\d[\d,.]*(?=\s+to\s)")


def _masked(found: re.Match[str]) -> str:
    return "x" * len(found.group(0))


def _days_masked(text: str) -> str:
    """The text with days of the month ("Oct. 7", "October 7") blanked out, keeping offsets:
    a day inside "revises Oct. 7 death toll to 1,200" neither ends the phrase nor counts."""
    return _DAY_OF_MONTH.sub(_masked, text)


_TOLL_SUBJECT = re.compile(r".*\b(?:death\s+)?toll\b(?:(?![.;:]\s).)*\Z", re.IGNORECASE | re.DOTALL)


def _period_next_to(start: int, end: int, claim: MemberClaim) -> tuple[date, date] | None:
    """The period of the closest resolved date within a few characters, no figure in between."""
    best: tuple[int, tuple[date, date]] | None = None
    for mention in claim.dates:
        period = _period(mention)
        if period is None:
            continue
        gap_from, gap_to = _gap_between(start, end, int(mention["start"]), int(mention["end"]))
        gap = gap_to - gap_from
        if not 0 <= gap <= PERIOD_WINDOW_CHARS or _figure_between(claim, gap_from, gap_to):
            continue
        if best is None or gap < best[0]:
            best = (gap, _joined_period(claim, mention) or period)
    if best is None and _FOR_THE_YEAR.match(claim.text, end):
        return _only_year(claim)
    if best is not None:
        return best[1]
    return _when_period(start, claim) or _leading_period(start, claim) or _trailing_day(end, claim)


def _trailing_day(end: int, claim: MemberClaim) -> tuple[date, date] | None:
    """The day that closes the figure's clause as when it happened ("More than 2,000 flights
    were canceled in the US before 9am on Friday morning"): the clause's only date, after the
    figure with no other figure between, and not the day something was said."""
    text = claim.text
    clause_end = _SENTENCE_PART_END.search(text, end)
    stop = clause_end.start() if clause_end else len(text)
    after = [m for m in claim.dates if end <= int(m["start"]) < stop]
    if len(after) != 1 or after[0].get("precision") != "day":
        return None
    mention_start = int(after[0]["start"])
    if not _ON_DAY.search(text, end, mention_start) or _figure_between(claim, end, mention_start):
        return None
    if _TOLD.search(text, end, mention_start) or "," in text[end:mention_start]:
        return None  # "200 dead, officials said on Friday": when it was told
    if _OTHER_EVENT_BETWEEN.search(text, end, mention_start):
        return None  # "2,200 died in the quake that struck on Thursday": when the quake struck
    return _period(after[0])


_ON_DAY = re.compile(r"\bon\s+\Z", re.IGNORECASE)
_OTHER_EVENT_BETWEEN = re.compile(
    r"\b(?:that|which|who|whose|when|where|after|since|as|until)\b", re.IGNORECASE
)


def _joined_period(claim: MemberClaim, mention: dict[str, Any]) -> tuple[date, date] | None:
    """The whole span when the date opens or closes one ("between October and December",
    "from January to March"): the months between count too."""
    text, ordered = claim.text, sorted(claim.dates, key=lambda m: int(m["start"]))
    for first, second in zip(ordered, ordered[1:], strict=False):
        if mention is not first and mention is not second:
            continue
        opened = _SPAN_OPENS.search(text, max(0, int(first["start"]) - 10), int(first["start"]))
        joined = _SPAN_JOINS.fullmatch(text, int(first["end"]), int(second["start"]))
        low, high = _period(first), _period(second)
        if opened and joined and low and high and low[0] <= high[1]:
            return (low[0], high[1])
    return None


def _only_year(claim: MemberClaim) -> tuple[date, date] | None:
    """The year a claim names, when it names just one ("in 2024 ... for the year")."""
    years = {_period(m) for m in claim.dates if m.get("precision") == "year"}
    return years.pop() if len(years) == 1 else None


_SPAN_OPENS = re.compile(r"\b(?:between|from)\s+\Z", re.IGNORECASE)
_SPAN_JOINS = re.compile(r"\s*(?:and|to|through|until|-|–)\s*", re.IGNORECASE)
_FOR_THE_YEAR = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:for|over|in)\s+the\s+(?:full\s+|whole\s+)?year\b", re.I
)


def _when_period(start: int, claim: MemberClaim) -> tuple[date, date] | None:
    """The period a "when" clause hangs the figure on ("since 2001, when the figure slumped
    to 59.4%"; "since June 2022, when a 6.1 magnitude tremor killed at least 1 000 people"):
    everything up to the next comma or stop happened then."""
    for mention in claim.dates:
        period, mention_end = _period(mention), int(mention["end"])
        if period is None or mention_end > start:
            continue
        if _WHEN_CLAUSE.fullmatch(claim.text, mention_end, start):
            return period
    return None


def _leading_period(start: int, claim: MemberClaim) -> tuple[date, date] | None:
    """A period a month or longer that opens the figure's sentence ("In the fourth quarter,
    the economy expanded 5.2 percent"; "For Q4, GDP also grew at 5.2%"), no other date
    between: the time the sentence's figures are told for."""
    sentence_start = max(
        (m.end() for m in _SENTENCE_PART_END.finditer(claim.text, 0, start)), default=0
    )
    before = [
        mention
        for mention in claim.dates
        if sentence_start <= int(mention["start"]) < int(mention["end"]) <= start
    ]
    if len(before) != 1:
        return None
    mention_start, mention_end = int(before[0]["start"]), int(before[0]["end"])
    period = _period(before[0])
    if period is None:
        return None
    # A day opens a sentence as "On Friday, more than 5,000 flights were cancelled, with
    # about 3,400 in the US"; a shorter period otherwise ("In the week, ...") is left alone.
    if _span_days(period) < _PERIOD_MIN_DAYS and before[0].get("precision") != "day":
        return None
    if not _LEADING_TIME.fullmatch(claim.text, sentence_start, mention_start):
        return None
    if not _COMMA_AFTER.match(claim.text, mention_end):
        return None
    if _TOLD.search(claim.text, mention_end, start):
        return None  # "In January 2023, Google said it would cut 12,000": when it was said
    return period


_TOLD = re.compile(
    r"\b(?:said|says|announced|announces|told|tells|reported|reports|stated|confirmed"
    r"|revealed|unveiled)\b",
    re.IGNORECASE,
)


# What may come before a period that opens a sentence: "In the", "For", "During".
_LEADING_TIME = re.compile(
    r"\s*(?:[\"\u201c]\s*)?(?i:in|on|for|during|over|across|throughout)?\s*(?i:the\s+)?"
)
_COMMA_AFTER = re.compile(r"\s*,")


def _of_past_event(start: int, end: int, claim: MemberClaim, published: date | None) -> bool:
    """Whether the figure's clause names a date that ended a year or more before the report
    (not "since 2022", which runs up to the report), or tells it as what was said or set
    before ("it had previously said the truck would sell at $39,900")."""
    sentence_start = max(
        (m.end() for m in _SENTENCE_PART_END.finditer(claim.text, 0, start)), default=0
    )
    if _FORMERLY.search(claim.text, sentence_start, start):
        return True
    if _AT_THE_PREVIOUS_AFTER.match(claim.text, end):
        return True  # "had won 303 seats in the previous election"
    if published is None:
        return False
    for mention in claim.dates:
        period = _period(mention)
        if period is None or (published - period[1]).days < PAST_EVENT_DAYS:
            continue
        mention_start, mention_end = int(mention["start"]), int(mention["end"])
        if _told_in_when_clause(claim.text, mention_end, start):
            return True
        if _LEADING_WHEN.match(claim.text, sentence_start, mention_start) and mention_end < start:
            return True  # "When the truck was unveiled in 2019, Tesla said ... $39,900"
        gap_from, gap_to = _gap_between(start, end, mention_start, mention_end)
        if not 0 <= gap_to - gap_from <= PAST_EVENT_CHARS:
            continue
        between = claim.text[gap_from:gap_to]
        if _CLAUSE_END.search(between) or _figure_between(claim, gap_from, gap_to):
            continue
        if _COMPARED_WITH.search(between) or _LEVEL_AFTER.match(claim.text, mention_end):
            # "35 times higher than in 2022", "35 times the 2022 level": today's figure,
            # measured against then
            continue
        before = claim.text[max(0, mention_start - 50) : mention_start]
        if not _RUNS_UP_TO_NOW.search(before) and not _SINCE_BEFORE.search(before):
            return True
    return False


_AT_THE_PREVIOUS_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:in|at)\s+the\s+(?:previous|last|prior|preceding)\s+"
    r"(?:general\s+)?(?:elections?|votes?|polls?)\b",
    re.IGNORECASE,
)


def _last_years(text: str, start: int) -> bool:
    """Whether the sentence tells a toll as last year's ("Last year, 240 pilgrims died"):
    another year's event, whatever the year's dates."""
    sentence_start = max((m.end() for m in _SENTENCE_PART_END.finditer(text, 0, start)), default=0)
    return _LAST_YEAR.search(text, sentence_start, start) is not None


_LAST_YEAR = re.compile(r"\b(?:last|previous)\s+year\b", re.IGNORECASE)


def _told_in_when_clause(text: str, date_end: int, figure_start: int) -> bool:
    """Whether the figure lies in a clause that tells what happened at the date: "deadliest
    since 1960, when a quake struck the city of Agadir, killing at least 12,000"."""
    if not 0 <= figure_start - date_end <= PAST_EVENT_REACH:
        return False
    return _WHEN_CLAUSE.match(text, date_end, figure_start) is not None


# Words that tell a figure as an earlier word or plan, overtaken since.
_FORMERLY = re.compile(r"\b(?:previously|originally|initially|formerly)\b", re.IGNORECASE)
# A sentence opening on a clause that dates its event: "When the truck was unveiled in 2019,".
_LEADING_WHEN = re.compile(r"\s*(?:[\"\u201c]\s*)?When\b[^.;:,]*\Z")
# A clause after a date that tells its event: ", when ..." up to the figure, in one sentence.
# "U.S." and "6.1" end nothing.
_WHEN_CLAUSE = re.compile(r",?\s+when\b(?:[^.;:]|(?<=\b[A-Z])\.|(?<=\d)\.(?=\d))*\Z")
PAST_EVENT_REACH = 120  # how far such a clause may run before the figure


def _gap_between(start: int, end: int, other_start: int, other_end: int) -> tuple[int, int]:
    """The stretch of text between a figure and a date on either side of it."""
    return (end, other_start) if other_start >= end else (other_end, start)


def _period(mention: dict[str, Any]) -> tuple[date, date] | None:
    try:
        first = date.fromisoformat(mention["value"])
        last = date.fromisoformat(mention.get("period_end") or mention["value"])
    except (KeyError, TypeError, ValueError):
        return None
    return first, last


def _figure_between(claim: MemberClaim, left: int, right: int) -> bool:
    return any(left <= int(number.get("start", -1)) < right for number in claim.numbers)


def _figure_label(number: dict[str, Any], low: float, high: float, unit: str | None = None) -> str:
    amount = _amount_words(low) if low == high else f"{_amount_words(low)}–{_amount_words(high)}"
    qualifier = number.get("qualifier")
    unit = unit or number.get("unit")
    if unit == "percent":
        amount += "%"
    elif unit:
        amount += f" {unit}"
    return f"{qualifier} {amount}" if qualifier else amount


def _amount_words(value: float) -> str:
    for size, word in _SCALE_WORDS:
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:,g}"


def _day_date(
    claim: MemberClaim, published: date | None, mention: dict[str, Any]
) -> _DayDate | None:
    period = _period(mention)
    if mention.get("precision") != "day" or period is None or period[0] != period[1]:
        return None
    start, end = int(mention["start"]), int(mention["end"])
    if not _span_fits(claim.text, start, end) or _is_dateline(claim.text, start, end):
        return None
    scheduled = _SCHEDULED_BEFORE.search(claim.text, max(0, start - 60), start)
    return _DayDate(
        claim_id=claim.claim_id,
        article_id=claim.article_id,
        published=published,
        start=start,
        end=end,
        label=f"{mention.get('text', '')} ({period[0].isoformat()})",
        day=period[0],
        loose=(loose := str(mention.get("text", "")).lower() in _LOOSE_DAYS),
        as_of=_SAID_BEFORE.search(claim.text, max(0, start - 40), start) is not None
        or _SAID_AFTER.match(claim.text, end) is not None
        or _said_by_subject(claim.text, start, end)
        or (scheduled is None and _still_going_to(claim.text, start))
        or _IN_AS_CLAUSE.search(claim.text, max(0, start - 120), start) is not None
        or _FOLLOWING_BEFORE.search(claim.text, max(0, start - 20), start) is not None
        or (loose and _in_someones_words(claim.text, start))
        or _in_reduced_relative(claim.text, start),
        scheduled=scheduled is not None,
        what=_scheduled_what(claim.text, scheduled.start(), start) if scheduled else frozenset(),
        end_of_day=_end_of_day(claim.text, start, end),
    )


def _said_by_subject(text: str, start: int, end: int) -> bool:
    """Whether a day opening the sentence is the day of the saying that follows it: "On 10
    June, the minister said ...". A day inside a longer opening clause is the day of that
    clause's event: "As the storm pounded the coast on Monday, residents said they heard
    explosions", "The quake struck on Friday, officials said"."""
    return (
        _OPENING_DAY_BEFORE.fullmatch(text, 0, start) is not None
        and _SAID_BY_SUBJECT_AFTER.match(text, end) is not None
    )


# What may stand before a day that opens a sentence: "On", "Late on", "Early last".
_OPENING_DAY_BEFORE = re.compile(
    r"[\s\"'“‘]*(?:(?:on|late|early|earlier|later|last|this|by)\s+)*", re.IGNORECASE
)
# A day told in a trailing ", as ..." clause is the day of what went on around the news:
# "killed more than 2,200, as rescuers retrieved bodies from the rubble on Thursday".
_IN_AS_CLAUSE = re.compile(r",\s+as\s+[^,.;:]*\Z", re.IGNORECASE)
# "Following Monday's initial recall, the regulator expanded ...": the day of what came before.
_FOLLOWING_BEFORE = re.compile(r"\bfollowing\s+(?:(?:last|the)\s+)?\Z", re.IGNORECASE)


def _in_reduced_relative(text: str, start: int) -> bool:
    """Whether a day dates a thing a noun names, not the claim's own event: "lawmakers voted
    to lift a martial law declared Tuesday", "the emergency, declared by President Yoon
    Tuesday night, was lifted early Wednesday", "the black box from the helicopter that
    collided with the airliner Wednesday has been recovered"."""
    if _RELATIVE_CLAUSE_BEFORE.search(text, max(0, start - 70), start) is not None:
        return True
    found = _PARTICIPLE_BEFORE.search(text, max(0, start - 60), start)
    return found is not None and found["word"].lower() not in _AUXILIARIES


_RELATIVE_CLAUSE_BEFORE = re.compile(
    r"\b(?:that|which)\s+(?:had\s+|has\s+|was\s+|were\s+)?[a-z]+ed\b[^,.;:\d]{0,50}?"
    r"\s+(?:on\s+|late\s+|early\s+)?\Z"
)


_PARTICIPLE_BEFORE = re.compile(
    r"\b(?P<word>[A-Za-z]+),?\s+(?:declared|imposed|announced|signed|issued|enacted"
    r"|introduced|ordered)\s+(?:by\s+(?:[\w.-]+\s+){1,5}?)?(?:on\s+|late\s+|early\s+)?\Z"
)
_AUXILIARIES = frozenset(
    "was were is are be been being has have had it he she they which that who".split()
)


def _in_someones_words(text: str, start: int) -> bool:
    """Whether a position lies in words someone else wrote or spoke: inside quotation marks,
    or in a sentence in the first person ("Today I am thrilled to announce ..."). Their
    "today" is the day of the statement, which a report may quote days later."""
    before = text[:start]
    if before.count('"') % 2 == 1 or before.rfind("\u201c") > before.rfind("\u201d"):
        return True
    return _FIRST_PERSON.search(text) is not None


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y)\b")


def _still_going_to(text: str, start: int) -> bool:
    return _STILL_GOING_BEFORE.search(text, max(0, start - 20), start) is not None


def _end_of_day(text: str, start: int, end: int) -> str | None:
    if _LATE_BEFORE.search(text, max(0, start - 12), start) or _NIGHT_AFTER.match(text, end):
        return "late"
    if _EARLY_BEFORE.search(text, max(0, start - 20), start) or _MORNING_AFTER.match(text, end):
        return "early"
    # "undocked at 2204GMT Friday": a clock time before the day says which end it is
    clock = _CLOCK_BEFORE.search(text, max(0, start - 20), start)
    if clock is None:
        return None
    hour = int(clock["hour"] or clock["hour12"])
    half = clock["half"] or clock["half12"]
    if half:
        hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
    return "late" if hour >= 18 else "early" if hour < 6 else None


# "at 2204GMT Friday", "at 10:04 p.m. on Friday", "at 6am Sunday"
# A bare number before a day is a count ("killed 21 Friday"): a time needs its minutes,
# "a.m."/"p.m." or a time zone.
_CLOCK_BEFORE = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])"
    r"(?::[0-5]\d\s*(?P<half>[ap]\.?m\.?)?\s*(?:GMT|UTC|(?-i:[ECMP][SD]?T))?"
    r"|(?:[0-5]\d)?\s*(?:GMT|UTC|(?-i:[ECMP][SD]?T)))"
    r"\s+(?:on\s+)?\Z"
    r"|\b(?P<hour12>1[0-2]|[1-9])\s*(?P<half12>[ap]\.?m\.?)\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)


def _scheduled_what(text: str, schedule_start: int, day_start: int) -> frozenset[str]:
    """The words of what a day is set for, from the clause before the schedule word ("Launch
    of Chandrayaan-3 postponed to") to the day ("set to land on the Moon on"): lower-case
    words and a first word that is no name, each cut to four letters ("landing", "land"),
    without the schedule's own words. Synonyms are not folded here: a launch is no landing."""
    low = _word_start(text, max(0, schedule_start - CONTEXT_CHARS))
    before = _CLAUSE_END.split(text[low:schedule_start])[-1]
    words = _LETTER_WORD.findall(f"{before} {text[schedule_start:day_start]}")
    first = _LETTER_WORD.match(text.lstrip())
    what = {
        word.lower()[:4]
        for word in words
        if len(word) > 2
        and (word.islower() or (first is not None and word == first.group(0) and word.isalpha()))
        and word.lower() not in _SCHEDULE_WORDS
    }
    return frozenset(what)


def _same_scheduled_thing(a: _DayDate, b: _DayDate) -> bool:
    """Whether two scheduled days may be set for one thing: their words share one, or either
    says too little to tell."""
    return not a.what or not b.what or bool(a.what & b.what)


# Words before a day that set something for it: "set for", "scheduled his sentencing for",
# "delayed ... until", "postponed to", "is moving to no earlier than", "will be launched on".
_SCHEDULED_BEFORE = re.compile(
    r"(?:\b(?:set|scheduled|slated|rescheduled)\b[^.;:]{0,40}?\b(?:for|until|to|on)"
    r"|\b(?:postponed|delay(?:s|ed)?|adjourned|deferred|pushed\s+back|put\s+off)\b[^.;:]{0,40}?"
    r"\b(?:for|until|till|to)|\bmov(?:ed|es|ing)\s+(?:back\s+)?(?:to|until)"
    r"|\bwill\s+(?:be\s+)?[a-z]+\s+on)(?:\s+no\s+earlier\s+than)?\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)


# Words that say nothing of what a day is set for: the schedule's own, and glue.
_SCHEDULE_WORDS = frozenset(
    """set sets scheduled slated rescheduled postponed postpones postpone delay delays delayed
    adjourned deferred pushed back put off moved move moves moving until till for the and now
    will was were has have had been its their his her this that with from into after before
    earlier than date""".split()
)
_LOOSE_DAYS = frozenset(
    {"today", "tonight", "yesterday", "tomorrow", "last night", "this morning", "this afternoon",
     "this evening"}
)  # fmt: skip


def _is_dateline(text: str, start: int, end: int) -> bool:
    # "BRUSSELS, Feb. 26, 2024 –", "Bangkok, Mar 29 (AP)" and "Sunday, June 2, 2024 - Real
    # Madrid beat ..." date the article, not the event the claim reports.
    place = not text[:start].strip() or _DATELINE_BEFORE.match(text[:start])
    if place and _DATELINE_AFTER.match(text[end:]):
        return True
    # "WASHINGTON Oct 21 The U.S. highway safety regulator ...": a place in capitals opening
    # the claim marks a dateline, whatever follows the date.
    return _CAPITALS_DATELINE_BEFORE.match(text[:start]) is not None


def _status(claim: MemberClaim, published: date | None) -> _Status | None:
    found = [
        ("open", stage, match)
        for stage, pattern in _STAGE_PATTERNS
        if (match := pattern.search(claim.text)) is not None
    ]
    lower = claim.text.lower()
    acts = [
        (act, stage, match)
        for act, planned, done in _ACTS
        if _ACT_ROOTS[act].search(lower) is not None
        for stage, pattern in ((0, planned), (2, done))
        if (match := pattern.search(claim.text)) is not None
    ]
    if acts and all(stage == 0 for _, stage, _ in found):
        found = acts  # "plans to seek approval": the act says what is planned
    if len(found) != 1:
        return None  # no status, or a sentence that tells a history ("announced ... has opened")
    act, stage, match = found[0]
    names = _STAGE_NAMES if act == "open" else _ACT_STAGE_NAMES
    return _Status(
        claim_id=claim.claim_id,
        article_id=claim.article_id,
        published=published,
        start=match.start(),
        end=match.end(),
        label=f"{names[stage]}: '{match.group(0).strip()}'",
        stage=stage,
        act=act,
        as_of=_earlier_day_named(claim, published) or published,
        actor=_actor(claim.text, match.start(), match.end()),
    )


# Capitalised words (an actor's name) just before a verb, or just after "by (the)".
_NAME = r"(?-i:[A-Z])[\w.'\u2019-]*"
_ACTOR_BEFORE = re.compile(rf"((?:{_NAME}\s+){{1,3}})(?:has\s+|have\s+|had\s+)?\Z")
_ACTOR_INSIDE = re.compile(rf"((?:{_NAME}\s+){{1,3}})(?=[a-z])")
_ACTOR_AFTER = re.compile(rf"\s+by\s+(?:the\s+)?((?:{_NAME}\s*){{1,3}})")
_NOT_ACTOR = frozenset(
    {"the", "a", "an", "it", "its", "this", "that", "and", "but", "on", "in"}
    # Titles name a post, not who holds it: "President signs" may be "Biden signs".
    | {"president", "prime", "minister", "chancellor", "governor", "mayor", "king", "queen"}
    | {"secretary", "chairman", "chair", "chief", "ceo", "leader", "mr", "mrs", "ms", "dr"}
)


def _actor(text: str, start: int, end: int) -> frozenset[str]:
    words: list[str] = []
    if before := _ACTOR_BEFORE.search(text[:start]):
        words += before.group(1).split()
    if inside := _ACTOR_INSIDE.match(text, start, end):
        words += inside.group(1).split()  # the headline form "Biden signs" has it in the match
    if after := _ACTOR_AFTER.match(text[end:]):
        words += after.group(1).split()
    return frozenset(map(_bare, words)) - _NOT_ACTOR


def _bare(word: str) -> str:
    """A word in lower case without a possessive or a closing full stop ("Biden's" → biden)."""
    return _POSSESSIVE.sub("", word.lower())


_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\.)\Z")


def _earlier_day_named(claim: MemberClaim, published: date | None) -> date | None:
    """The earliest date the claim names that lies well before its publication, if any."""
    if published is None:
        return None
    named = [period[0] for mention in claim.dates if (period := _period(mention)) is not None]
    earlier = [day for day in named if (published - day).days >= RETROSPECT_DAYS]
    return min(earlier, default=None)


# --- status order across two groups ----------------------------------------------------------


def status_moves_on(a: MemberClaim, b: MemberClaim, readings: Readings) -> bool:
    """Whether one claim reports a later stage of the same plan than the other, as of a later
    day ("will open an office" in February, "work has begun" in May)."""
    first, second = readings.read(a).status, readings.read(b).status
    if first is None or second is None or first.as_of is None or second.as_of is None:
        return False
    if first.act != second.act or first.stage == second.stage or first.as_of == second.as_of:
        return False
    return (first.stage < second.stage) == (first.as_of < second.as_of)


def statuses_in_order(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether the stages of two groups, taken together, never go back in time: no claim of one
    group reports an earlier stage as of a later day than a claim of the other."""
    left_stages = _dated_stages(left, readings)
    right_stages = _dated_stages(right, readings)
    return not any(
        act_a == act_b
        and ((day_a < day_b and stage_a > stage_b) or (day_b < day_a and stage_b > stage_a))
        for day_a, stage_a, act_a in left_stages
        for day_b, stage_b, act_b in right_stages
    )


def one_story(members: Sequence[MemberClaim], days: int) -> bool:
    """Whether the reports fit in one story's lifetime: the dated ones published at most
    `days` apart (`GroupingSettings.story_days`, two years: the demo's "60,000 trained" and
    "over 80,000 trained" are 18 months apart, its recap of the office 21 months after the
    announcement). Reports further apart tell other events in the same words: a rate cut to
    0.5% in 2013 and one to 3.5% in 2024, or "the death toll is expected to rise" after two
    earthquakes ten years apart."""
    dated = [day for member in members if (day := _as_day(member.published)) is not None]
    return not dated or (max(dated) - min(dated)).days <= days


def reported_apart(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether a claim of one group and a claim of the other, published at least
    `SUPERSEDE_AFTER_DAYS` apart, give one quantity different values (not a scale slip).

    The same fact stated twice agrees, or differs within days (a slip, a conflict). Values a
    month or more apart are a later update ("60,000 trained" then "over 80,000"), which only
    the supersession join may bring together, or another event altogether ("the ECB cut its
    rate to 2.75%" in 2002, "to 3.5%" in 2024).
    """
    left_days, right_days = _days_with_figures(left), _days_with_figures(right)
    if not left_days or not right_days:
        return False
    if max(left_days | right_days) - min(left_days | right_days) < SUPERSEDE_AFTER_DAYS:
        return False  # the usual case, decided without reading a figure
    right_figures = _with_figures(right, readings)
    return any(_values_apart(a, b) for a in _with_figures(left, readings) for b in right_figures)


def part_period_apart(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether a claim of one group gives a quantity for a part of the period a claim of the
    other gives it for ("grew 5.2% in the fourth quarter", "grew 5.2% in 2023"): two facts,
    however alike the words and the values."""
    left_periods = _period_figures(left, readings)
    if not left_periods:
        return False  # the usual case: no figure for a month or longer
    right_periods = _period_figures(right, readings)
    return any(
        a.unit_key == b.unit_key and _part_of_period(a, b)
        for a in left_periods
        for b in right_periods
    )


def _period_figures(members: Sequence[MemberClaim], readings: Readings) -> list[_Figure]:
    return [
        figure
        for member in members
        if member.numbers and member.dates
        for figure in readings.read(member).figures
        if figure.period is not None
        and _span_days(figure.period) >= _PERIOD_MIN_DAYS
        and _period_amount(figure)
    ]


def past_event_apart(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether a claim of one group counts something only for an older event and a claim of
    the other counts it for the news: "the deadliest since 1960, when a quake struck Agadir,
    killing at least 12,000" is not the report that a quake "struck on Friday night killing at
    least 296 people", however alike the words."""
    left_past = _past_units(left, readings)
    right_past = _past_units(right, readings)
    if not left_past and not right_past:
        return False  # the usual case: only a claim naming an older date has a past figure
    return bool(
        left_past & _current_units(right, readings) or right_past & _current_units(left, readings)
    )


def milestones_apart(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether a claim of one group tells a milestone reached ("closed above $2 trillion for
    the first time", "first company to reach $4 trillion") and a claim of the other gives the
    same quantity another value: another milestone or another day's value, not the same fact,
    nor an update of it ("Nvidia hits $1 trillion" in 2023 is still true in 2024)."""
    left_marks = [m for m in left if m.numbers and _MILESTONE.search(m.text)]
    right_marks = [m for m in right if m.numbers and _MILESTONE.search(m.text)]
    if not left_marks and not right_marks:
        return False
    return any(_differ(a, b, readings) for a in left_marks for b in right if b.numbers) or any(
        _differ(a, b, readings) for a in right_marks for b in left if b.numbers
    )


def editions_apart(left: Sequence[MemberClaim], right: Sequence[MemberClaim]) -> bool:
    """Whether the two groups name other editions of one named thing: "Super Bowl LVIII" and
    "Super Bowl LIX", "Artemis I" and "Artemis II", "COP28" and "COP29", "iPhone 15" and
    "iPhone 16" are other events or products told in the same words."""
    # Most claims name no edition: look for one on each side before building anything.
    left_named = [found for claim in left if (found := _editions(claim.text))]
    if not left_named:
        return False
    right_named = [found for claim in right if (found := _editions(claim.text))]
    if not right_named:
        return False
    left_editions, right_editions = _editions_by_name(left_named), _editions_by_name(right_named)
    return any(
        name in right_editions and not editions & right_editions[name]
        for name, editions in left_editions.items()
    )


def _editions_by_name(named: list[frozenset[tuple[str, int]]]) -> dict[str, set[int]]:
    found: defaultdict[str, set[int]] = defaultdict(set)
    for editions in named:
        for name, edition in editions:
            found[name].add(edition)
    return found


@lru_cache(maxsize=65536)
def _editions(text: str) -> frozenset[tuple[str, int]]:
    found = set()
    for match in _ROMAN_EDITION.finditer(text):
        edition = match["edition"]
        if edition == "I" and _PRONOUN_I.search(text, 0, match.start("edition") + 1):
            continue  # "Yesterday I went", "and I think": the pronoun
        found.add((match["name"].lower(), _roman_value(edition)))
    for match in _NUMBERED_EDITION.finditer(text):
        found.add((match["name"].lower().replace(" ", ""), int(match["edition"])))
    return frozenset(found)


def _roman_value(numeral: str) -> int:
    """The value of a Roman numeral: "LVIII" is 58, so "Artemis I" and "Artemis 1" are one
    edition."""
    values = [_ROMAN_DIGITS[letter] for letter in numeral]
    return sum(
        -value if value < following else value
        for value, following in zip(values, [*values[1:], 0], strict=True)
    )


_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50}


# A Roman numeral after a capitalised name: "Super Bowl LVIII", "Artemis II", "Charles III".
_ROMAN_EDITION = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z]+)[ \u00a0-](?P<edition>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3}))"
    r"(?![\w'\u2019-])"
)
# "I" as the pronoun: at the start of a sentence after a capitalised word ("Yesterday I"), or
# before a verb ("Artemis, I think").
_PRONOUN_I = re.compile(
    r"(?:^|[.!?\"\u201c\u2018:;]\s*)[A-Z][A-Za-z]+[ \u00a0]I\Z"
    r"|[A-Z][A-Za-z]+[ \u00a0]I(?=\s+(?:am|was|have|had|think|thought|said|say|will|would"
    r"|can|could|do|did|know|want|went|saw|believe|feel|felt|hope|told|got|like|love|need|mean"
    r"|guess|see)\b)",
    re.MULTILINE,
)
# Numbered generations of products and missions: "iPhone 15", "COP28", "Apollo 11".
_NUMBERED_EDITION = re.compile(
    r"\b(?P<name>iPhone|Pixel|Galaxy\s+S|Windows|Apollo|Artemis|Chandrayaan|COP|GPT|iOS"
    r"|Android|PlayStation|Xbox|Gemini|Llama|Shenzhou|Soyuz|Starship)[ \u00a0-]?"
    r"(?P<edition>\d{1,3})(?![\d,.]\d)\b"
)


def _differ(a: MemberClaim, b: MemberClaim, readings: Readings) -> bool:
    """Whether the two claims give one quantity (a unit both state) only different values."""
    left, right = readings.read(a).figures, readings.read(b).figures
    shared = {f.unit_key for f in left} & {f.unit_key for f in right} - {"~"}
    return any(
        not any(
            _figures_agree(x, y)
            for x in left
            if x.unit_key == unit
            for y in right
            if y.unit_key == unit
        )
        for unit in shared
    )


# A value reached for the first time: "closed above $2 trillion for the first time", "first
# company to reach $4 trillion", "a record high of 823.9". "Will apply to 21-year-olds for the
# first time" reaches no value.
_REACHED = (
    r"(?:hits?|reach(?:es|ed)?|tops?|topped|cross(?:es|ed)?|surpass(?:es|ed)?|pass(?:es|ed)?"
    r"|exceed(?:s|ed)?|closed?\s+above|clinch(?:es|ed)?|breaks?|broke)"
)
_MILESTONE = re.compile(
    rf"\b{_REACHED}\b[^.;]{{0,60}}\bfor\s+(?:the\s+)?first\s+time\b"
    rf"|\bfirst\s+(?:[\w-]+\s+){{0,5}}to\s+{_REACHED}\b|\b(?:all-time|record)\s+high\b",
    re.IGNORECASE,
)


def _past_units(members: Sequence[MemberClaim], readings: Readings) -> set[str]:
    """Units that a member counts only for an older event (its every figure of them past)."""
    units: set[str] = set()
    for member in members:
        if member.numbers and member.dates:
            figures = readings.read(member).figures
            units |= {f.unit_key for f in figures if f.past} - _current_of(figures)
    return units


def _current_units(members: Sequence[MemberClaim], readings: Readings) -> set[str]:
    units: set[str] = set()
    for member in members:
        if member.numbers:
            units |= _current_of(readings.read(member).figures)
    return units


def _current_of(figures: Sequence[_Figure]) -> set[str]:
    # A figure without a unit ("~") says too little of what it counts to part two claims.
    return {f.unit_key for f in figures if not f.past and f.unit_key != "~"}


def named_days_apart(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether a claim of one group and a claim of the other each name one day, and the two
    days are further apart than a slip (`EVENT_DAY_SLIP`): two events told alike ("the Senate
    passed the $1.9 trillion bill on Saturday", "Biden signs the $1.9 trillion bill today"),
    unless one moves the other's story on: "the death toll reached 100 Saturday" and "has
    surpassed 200, authorities said Tuesday" tell when a count stood, and the count grew;
    "sentencing set for July 11" and "delayed until Nov. 26" a schedule that moved."""
    return _days_apart(left, right, readings, _single_days, EVENT_DAY_SLIP)


def news_days_apart(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether a claim of one group and a claim of the other tell news of days more than
    `NEWS_DAYS_APART` apart, and no claim of either moves the other's story on. A
    headline tells the news of its day: the one day it names, else the day it was published; a
    body sentence has a news day only when it names one day (one that names none may recap an
    older event). "Fed holds interest rates steady" in January and again in May are two
    meetings, not one fact told twice; "Microsoft to buy Activision" and, 21 months later,
    "Microsoft closes Activision deal" are one deal whose status moved on, as "Kotick expected
    to leave" and "Kotick will stay" are one tenure whose stance turned, and "toll rises to
    2,000" and, nine days later, "toll nears 3,000" one count that grew."""
    return _days_apart(left, right, readings, _news_days, NEWS_DAYS_APART)


def _days_apart(
    left: Sequence[MemberClaim],
    right: Sequence[MemberClaim],
    readings: Readings,
    days_of: Callable[[Sequence[MemberClaim], Readings], set[int]],
    gap: int,
) -> bool:
    """Whether days of the two groups (as `days_of` reads them) lie more than `gap` apart and
    no claim of either moves the other's story on."""
    left_days = days_of(left, readings)
    if not left_days:
        return False
    right_days = days_of(right, readings)
    if not any(abs(a - b) > gap for a in left_days for b in right_days):
        return False
    return not any(_story_moves_on(a, b, readings) for a in left for b in right)


def _story_moves_on(a: MemberClaim, b: MemberClaim, readings: Readings) -> bool:
    if (
        status_moves_on(a, b, readings)
        or _figure_moves_on(a, b, readings)
        or _schedule_moves_on(a, b, readings)
    ):
        return True
    right = readings.read(b).stances
    return any(
        x.topic == y.topic and x.side != y.side for x in readings.read(a).stances for y in right
    )


def _schedule_moves_on(a: MemberClaim, b: MemberClaim, readings: Readings) -> bool:
    """Whether the two claims, published on different days, set one thing for other days."""
    if not a.dates or not b.dates or _as_day(a.published) == _as_day(b.published):
        return False
    left = [d for d in readings.read(a).day_dates if d.scheduled]
    right = [d for d in readings.read(b).day_dates if d.scheduled] if left else []
    return any(x.day != y.day and _same_scheduled_thing(x, y) for x in left for y in right)


def _figure_moves_on(a: MemberClaim, b: MemberClaim, readings: Readings) -> bool:
    """Whether a figure of one claim supersedes one of the other (a count that grew)."""
    comparison = _Comparison(agreements=[], findings=[])
    _compare_figures(readings.read(a).figures, readings.read(b).figures, comparison)
    return any(finding.kind == SUPERSEDED for finding in comparison.findings)


def _news_days(members: Sequence[MemberClaim], readings: Readings) -> set[int]:
    days = set()
    for member in members:
        named = readings.read(member).day_dates if member.dates else []
        if len(named) == 1:
            days.add(named[0].day.toordinal())
        elif member.kind == "headline" and (published := _as_day(member.published)):
            days.add(published.toordinal())
    return days


def done_acts_apart(
    left: Sequence[MemberClaim], right: Sequence[MemberClaim], readings: Readings
) -> bool:
    """Whether a claim of one group and a claim of the other each report an act done, and
    the acts differ or were done by different actors: "House passes $1.9 trillion relief
    bill", "Senate passes $1.9 trillion relief bill" and "Biden signs $1.9 trillion relief
    bill" are three events told alike, not one fact."""
    left_done = _done_statuses(left, readings)
    if not left_done:
        return False
    right_done = _done_statuses(right, readings)
    return any(_other_event(a, b) for a in left_done for b in right_done)


def _done_statuses(members: Sequence[MemberClaim], readings: Readings) -> list[tuple[_Status, str]]:
    """The done statuses of the members, each with its claim's text."""
    return [
        (status, member.text)
        for member in members
        if (status := readings.done_status(member)) is not None
    ]


def _other_event(first: tuple[_Status, str], second: tuple[_Status, str]) -> bool:
    (status_a, text_a), (status_b, text_b) = first, second
    if status_a.act != status_b.act:
        return True
    if not status_a.actor or not status_b.actor:
        return False
    # Named actors that the other claim never mentions: "Senate" and "House".
    return not status_a.actor & _words(text_b) and not status_b.actor & _words(text_a)


@lru_cache(maxsize=4096)  # the same claims are checked for each cluster they might join
def _words(text: str) -> frozenset[str]:
    return frozenset(map(_bare, _WORD.findall(text)))


_WORD = re.compile(r"[\w.'\u2019-]+")


def _single_days(members: Sequence[MemberClaim], readings: Readings) -> set[int]:
    days = set()
    for member in members:
        if member.dates and len(named := readings.read(member).day_dates) == 1:
            days.add(named[0].day.toordinal())
    return days


def _values_apart(a: _Member, b: _Member) -> bool:
    first, second = _as_day(a.claim.published), _as_day(b.claim.published)
    if a.claim.article_id == b.claim.article_id or first is None or second is None:
        return False
    if not _far_apart(first, second):
        return False
    comparison = _Comparison(agreements=[], findings=[])
    _compare_figures(a.figures, b.figures, comparison)
    return any(finding.kind in _APART_KINDS for finding in comparison.findings)


def _days_with_figures(members: Sequence[MemberClaim]) -> set[int]:
    """The publication days (as day numbers) of the members that state a figure."""
    return {
        day.toordinal()
        for member in members
        if member.numbers and (day := _as_day(member.published)) is not None
    }


def _with_figures(members: Sequence[MemberClaim], readings: Readings) -> list[_Member]:
    read = [readings.read(member) for member in members if member.numbers]
    return [member for member in read if member.figures]


def has_status(claim: MemberClaim, readings: Readings) -> bool:
    return readings.read(claim).status is not None


def _dated_stages(members: Sequence[MemberClaim], readings: Readings) -> set[tuple[date, int, str]]:
    return {
        (status.as_of, status.stage, status.act)
        for member in members
        if (status := readings.read(member).status) is not None and status.as_of is not None
    }


# --- comparing members -----------------------------------------------------------------------


def _compare_all(members: Sequence[_Member]) -> _Comparison:
    comparison = _Comparison(agreements=[], findings=[])
    for left, right in combinations(members, 2):
        if left.claim.article_id == right.claim.article_id:
            continue
        _compare_figures(left.figures, right.figures, comparison)
        _compare_day_dates(left.day_dates, right.day_dates, comparison)
        _compare_status(left.status, right.status, comparison)
        _compare_stances(left.stances, right.stances, comparison)
    return comparison


def _compare_figures(left: list[_Figure], right: list[_Figure], into: _Comparison) -> None:
    for a, b in _best_pairs(left, right, _figure_pair_cost):
        if _figures_agree(a, b):
            change = _changed_since(a, b) or _toll_grown(a, b)
            if change is not None and not _also_states(change, left, right):
                into.findings.append(change)
            else:
                into.agreements.append((a, b))
        elif (finding := _figure_finding(a, b)) is not None:
            if finding.kind == SUPERSEDED and _also_states(finding, left, right):
                continue  # "earlier put at 288, which was revised to 275": already the news
            into.findings.append(finding)


def _also_states(finding: _Finding, left: list[_Figure], right: list[_Figure]) -> bool:
    """Whether the superseded figure's claim also states the value that supersedes it."""
    earlier, later = finding.first, finding.second
    own = left if earlier in left else right
    return any(
        f is not earlier and f.unit_key in (later.unit_key, "~") and _figures_agree(f, later)
        for f in own
        if isinstance(f, _Figure) and isinstance(later, _Figure)
    )


def _changed_since(a: _Figure, b: _Figure) -> _Finding | None:
    """When one of two agreeing figures is the value a later claim says has changed ("at
    least 115 people died", then "the toll dropped from 115 to 97"), the earlier claim is
    superseded by the figure it changed to."""
    for old, former in ((a, b), (b, a)):
        if former.now is None or old.now is not None:
            continue
        if old.published is not None and former.published is not None:
            if old.published <= former.published:
                return _Finding(SUPERSEDED, old, former.now)
    return None


def _toll_grown(a: _Figure, b: _Figure) -> _Finding | None:
    """A toll a later day's report puts above what the earlier wording allows, though within
    the slack for loosely written figures ("at least 121 injured", then "154 injured" the
    next day): the toll grew, and the earlier count is outdated."""
    if a.unit_key not in _RUNNING_TOLLS or a.published is None or b.published is None:
        return None
    if a.published == b.published:
        return None
    earlier, later = (a, b) if a.published < b.published else (b, a)
    return _Finding(SUPERSEDED, earlier, later) if later.value > earlier.high else None


def _figure_pair_cost(a: _Figure, b: _Figure) -> tuple[int, int, float] | None:
    if a.unit_key != b.unit_key:
        return None
    if _part_of_period(a, b):
        return None  # the fourth quarter's 5.2% growth is not the year's 5.2%
    if _expected_by_others(a) != _expected_by_others(b):
        return None  # the 3.5% economists expected is no report of the figure, right or wrong
    agree = _figures_agree(a, b)
    if a.past != b.past and not agree:
        return None  # an older event's figure is no earlier value of this one
    if not agree and a.unit_key not in _FATES and a.context and b.context:
        # Two different quantities of one unit (see the module notes); a count of the dead
        # (or missing, injured, displaced) already says what it counts, and the same digits a
        # thousandfold apart are one amount with a slip of scale, whatever words surround it.
        if not a.context & b.context and not _slip_of_same_digits(a, b):
            return None
    if not agree and a.remainder != b.remainder:
        return None  # "36 hours of oxygen left" is not the "96-hour supply" told otherwise
    if not agree and a.part != b.part:
        return None  # one county's seven dead are not the region's toll told otherwise
    if not agree and {a.headcount_or_cut, b.headcount_or_cut} == {"stock", "change"}:
        return None  # 10,000 jobs cut are not the 220,000 employees told otherwise
    if not agree and {a.change_or_level, b.change_or_level} == {"change", "level"}:
        return None  # a rise by 0.15% is not the 0.25% it rose to
    if not agree and _vote_against_change(a, b):
        return None  # "96% voted to strike" is not the 25% rise the contract offered
    if not agree and a.total_of_part != b.total_of_part and not _counts_the_whole(a, b):
        return None  # the 543 seats in all are not the 330-350 won told otherwise
    if not agree and a.elsewhere != b.elsewhere:
        return None  # 22 dead outside Kerr County are not the county's 13 told otherwise
    if not agree and (a.respective or b.respective):
        return None  # "5% and 7%, respectively": whose is which, only the order says
    if not agree and a.direction and b.direction and a.direction != b.direction:
        return None  # a 14.8% rise is not the 8.5% drop told otherwise: two moves
    if not agree and a.count_progress != b.count_progress:
        return None  # "99.59% of votes counted" is no share of the vote
    if not agree and a.threshold != b.threshold:
        return None  # the 272 seats a majority needs are not the 240 won told otherwise
    if not agree and (a.converted or b.converted):
        return None  # "$18.4 trillion" and "US$18.77 trillion" convert one 134.9 trillion yuan
    if not agree and a.output and b.output and a.output != b.output:
        return None  # the 410,831 vehicles produced are not the 443,956 delivered
    if not agree and a.counted_out_of and b.counted_out_of:
        if a.counted_out_of != b.counted_out_of:
            return None  # 25 of 36 cases and 29 of 46 are parts of two counts
    if not agree and _beyond_the_whole(a, b):
        return None  # 260 dead in all are not the 241 of the 242 aboard told otherwise
    if not agree and a.valuation != b.valuation:
        return None  # the $6.6 billion raised is not the $157 billion valuation told otherwise
    if not agree and a.owner and b.owner and not (a.owner <= b.owner or b.owner <= a.owner):
        return None  # Nvidia's market value is not Microsoft's told otherwise
    if not agree and _scopes_differ(a.scope, b.scope):
        return None  # Turkey's toll of 44,218 is not Turkey's and Syria's told otherwise
    if not agree and a.average != b.average:
        return None  # "an average of 266,000 jobs a month" is not one month's 73,000 jobs
    if not agree and a.basis and b.basis and a.basis != b.basis:
        return None  # GDP down 0.4% annualised is not the 0.1% fall on the quarter
    if not agree and a.market_index and b.market_index and a.market_index != b.market_index:
        return None  # the Nasdaq's 5.2% fall is not the Dow's 5.5% told otherwise
    if not agree and a.disruption and b.disruption and a.disruption != b.disruption:
        return None  # 2,600 flights delayed are not the 1,100 cancelled told otherwise
    if not agree and a.agent and b.agent and a.agent != b.agent:
        return None  # the dead of Iran's strikes are not the dead of Israel's told otherwise
    if not agree and _struck_by_the_place(a, b):
        return None  # the 24 killed by Iran's strikes are not the 657 killed in Iran
    if not agree and _to_be_done(a) != _to_be_done(b):
        return None  # the 737 prisoners to be freed in all are not the 90 freed on Sunday
    if not agree and (a.conditional or b.conditional):
        return None  # "were the figure to fall below 59.4%" reports no value to differ from
    if not agree and a.tally_span and b.tally_span and a.tally_span != b.tally_span:
        return None  # 256 goals in seven years are not the 44 of last season told otherwise
    if not agree and a.core != b.core:
        return None  # core inflation's 3.6% is not the headline 2.4%
    if not agree and _log_distance(a, b) > _UNRELATED_LOG_RATIO and not _is_scale_slip(a, b):
        # "$1,400 payments to people earning up to $75,000" and "$400 billion for the
        # payments": amounts this far apart are two quantities, not one reported twice.
        return None
    # Agreeing pairs first, then pairs about the same period, then the closest values.
    return (0 if agree else 1, int(_periods_differ(a, b)), _log_distance(a, b))


def _struck_by_the_place(a: _Figure, b: _Figure) -> bool:
    """Whether one figure counts the victims of a country's strikes and the other, told of no
    such strikes, counts in that country: the dead of Iran's missiles fell elsewhere."""
    for striking, other in ((a, b), (b, a)):
        side = striking.agent
        if side in _KNOWN_PLACES and other.agent != side and other.scope and side in other.scope:
            return True
    return False


def _to_be_done(figure: _Figure) -> bool:
    """Whether the figure is what is still to be done ("737 prisoners are to be released",
    "Hamas is to free 33 hostages", "will be freed"), not what was done."""
    after = _CLAUSE_END.split(figure.claim_text[figure.end : figure.end + 2 * CONTEXT_CHARS])[0]
    planned = _TO_BE_DONE_AFTER.match(after)
    if planned is not None and _FOUND_TO_BE.search(planned.group(0)):
        return False  # "40 were found to be infected", "said to be trapped": what is so
    return bool(planned or _TO_DO_BEFORE.search(figure.lead_in))


_TO_BE = r"(?:(?:is|are)\s+)?(?:(?:due|set|expected|scheduled)\s+)?(?:to|will|would)\s+be"
_TO_BE_DONE_AFTER = re.compile(
    rf"(?:\s+[\w-]+){{0,3}}?\s+{_TO_BE}\s+(?:[\w-]+\s+)?[a-z]+(?:ed|en)\b", re.IGNORECASE
)
_FOUND_TO_BE = re.compile(
    r"\b(?:found|said|believed|thought|known|reported|confirmed|shown|estimated|feared"
    r"|presumed|understood)\s+to\s+be\b",
    re.IGNORECASE,
)
_TO_DO_BEFORE = re.compile(
    r"\b(?:(?:is|are)\s+(?:(?:due|set|expected|scheduled)\s+)?to|will|would)"
    r"\s+(?:free|release|hand\s+over|swap)"
    r"\s+(?:up\s+to\s+|about\s+|some\s+|another\s+)?\Z",
    re.IGNORECASE,
)


def _vote_against_change(a: _Figure, b: _Figure) -> bool:
    """Whether one figure is a share of votes and the other the size of a change."""
    return (a.vote_share and b.change_or_level == "change") or (
        b.vote_share and a.change_or_level == "change"
    )


def _beyond_the_whole(a: _Figure, b: _Figure) -> bool:
    """Whether one figure is a part counted out of a whole that the other figure exceeds:
    the other counts more than the part can ever hold, so it counts something else."""
    for part, other in ((a, b), (b, a)):
        whole = part.counted_out_of
        if whole is not None and other.counted_out_of is None and other.low > whole:
            return True
    return False


def _counts_the_whole(a: _Figure, b: _Figure) -> bool:
    """Whether a plain figure is at least the whole the other claim counts a part out of:
    "71 bodies have been recovered" is the count of "41 bodies out of 69 recovered", not of
    the 41 identified among them; "330-350 seats" stays a count of the part ("over 350 of
    the 543 seats")."""
    whole, plain = (a, b) if a.total_of_part else (b, a)
    if _PART_OF_WHOLE.search(plain.claim_text):
        # "At least 265 people, including 241 of the 242 on board, were killed": a claim
        # that tells its own part and whole counts something else with its plain figure.
        return False
    return plain.low >= whole.value


def _figures_agree(a: _Figure, b: _Figure) -> bool:
    if a.low < a.high and b.low < b.high and a.value != b.value:
        # Two qualified figures of other values must share more than an end: "over 11,000"
        # (11,000 to 13,750) and "about 10,000" (9,000 to 11,000) are two counts, while
        # "more than 2,000" and "as many as 2,000" are one, hedged two ways.
        return min(a.high, b.high) > max(a.low, b.low)
    # Figures written to the last unit are exact: "411 seats" and "412 seats", a toll of 3,085
    # and one of 3,145 on the same day, or prices of $102,675 and $104,666, are two values.
    # The slack is for amounts converted, and for round ones ("3,000" may be a writer's 3,003).
    slack = 1.0 if _exact(a) and _exact(b) else 1 + RELATIVE_TOLERANCE
    if a.low <= b.high * slack and b.low <= a.high * slack:
        return True
    # One written more roundly than the other: "up seven per cent" and "a 7.2 per cent
    # rise", "$45 billion" and "$45.41 billion".
    coarse, fine = (a, b) if a.rounding >= b.rounding else (b, a)
    return abs(fine.value - coarse.value) <= coarse.rounding * (1 + 1e-9)


def _exact(figure: _Figure) -> bool:
    """An unqualified figure written to its last digit, which is not a zero ("411 seats", "a
    toll of 3,145", "trading at $102,675", "9.81 seconds", "7.2%"); not "28 billion", nor a
    length converted to kilometres."""
    if figure.low != figure.high:
        return False
    for decimals in range(_MAX_DECIMALS + 1):
        if math.isclose(figure.rounding, 0.5 * 10.0**-decimals):
            digits = figure.value * 10.0**decimals
            return math.isclose(digits, round(digits), abs_tol=1e-6) and round(digits) % 10 != 0
    return False  # rounded by a scale word or a conversion


_MAX_DECIMALS = 3


def _part_of_period(a: _Figure, b: _Figure) -> bool:
    """Whether one figure is stated for a part of the other's period, both a month or longer:
    a quarter of its year, a month of its quarter. (Periods apart are another matter: an
    update, or another period's amount; a day is an event's, not a period's.)"""
    if a.period is None or b.period is None or a.period == b.period:
        return False
    if not (_period_amount(a) and _period_amount(b)):
        return False  # "In January 2023, Google said it would cut 12,000" dates the saying
    if min(_span_days(a.period), _span_days(b.period)) < _PERIOD_MIN_DAYS:
        return False
    (inner, outer) = sorted((a.period, b.period), key=_span_days)
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _period_amount(figure: _Figure) -> bool:
    """A percentage, a sum of money or a count of named things: what a period's growth,
    revenue or deliveries are told in ("delivered 495,570 vehicles between October and
    December"). A bare number says too little of what it counts."""
    unit = figure.unit_key.split("/")[0]
    return not unit.startswith("~") and unit not in ("age", "tally")


def _span_days(period: tuple[date, date]) -> int:
    return (period[1] - period[0]).days + 1


_PERIOD_MIN_DAYS = 28


def _periods_differ(a: _Figure, b: _Figure) -> bool:
    if a.period is None or b.period is None:
        return False
    return a.period[1] < b.period[0] or b.period[1] < a.period[0]


def _log_distance(a: _Figure, b: _Figure) -> float:
    return abs(math.log(max(a.value, 1e-9)) - math.log(max(b.value, 1e-9)))


def _is_scale_slip(a: _Figure, b: _Figure) -> bool:
    small, large = sorted((a.value, b.value))
    if small <= 0:
        return False
    ratio = large / small
    return any(abs(ratio / slip - 1) <= RELATIVE_TOLERANCE for slip in _SCALE_SLIP_RATIOS)


def _slip_of_same_digits(a: _Figure, b: _Figure) -> bool:
    """A slip of scale between figures of two significant digits or more ("$44 million" and
    "$44 billion"); "1 million" and "1 billion" are too common to say they are one amount."""
    mantissa = f"{min(a.value, b.value):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(mantissa) >= 2 and _is_scale_slip(a, b)


def _figure_finding(a: _Figure, b: _Figure) -> _Finding | None:
    if _is_scale_slip(a, b):
        return _Finding(CONFLICT, a, b)
    if a.published is None or b.published is None:
        return None if _periods_differ(a, b) else _Finding(UNDATED, a, b)
    earlier, later = (a, b) if a.published <= b.published else (b, a)
    if not _far_apart(a.published, b.published):
        if _periods_differ(a, b):
            return _count_as_of_later_day(a, b)
        if (counted := _counted_further(a, b)) is not None:
            return _Finding(SUPERSEDED, *counted)
        if (timed := _counted_by_clock(a, b)) is not None:
            return _Finding(SUPERSEDED, *timed)
        if (bounded := _toll_bounds(a, b)) is not None:
            return _Finding(SUPERSEDED, *bounded)
        if (rising := _rising_on_one_day(a, b)) is not None:
            return _Finding(SUPERSEDED, *rising)
        if _reported_as_update(earlier, later):
            return _Finding(SUPERSEDED, earlier, later)
        if _forecast(a) != _forecast(b):
            return None  # "potentially reducing its main rate to 4.5%" and "cut rates to 5%"
        if a.published == b.published and _targeted(a) != _targeted(b):
            return None  # "pledged to halve inflation to 5.3%" and "inflation fell to 4.6%"
        return _Finding(CONFLICT, a, b)
    if _periods_differ(a, b):
        # A later report about a later period is an update; about an earlier one, unrelated.
        moved_on = _period_start(later) > _period_start(earlier)
        return _Finding(SUPERSEDED, earlier, later) if moved_on else None
    if _per_period(earlier) or _per_period(later):
        # "Quarterly revenue of $42.4 billion" a year before "$45.4 billion": two quarters,
        # neither an update of the other nor a disagreement.
        return _Finding(OTHER_PERIOD, earlier, later)
    if (
        later.value > earlier.value
        or _REVISION_CUE.search(_days_masked(later.claim_text[: later.start]))
        or _plan_then_done(earlier, later)
    ):
        return _Finding(SUPERSEDED, earlier, later)
    return _Finding(WEAK_CONFLICT, earlier, later)


def _rising_on_one_day(a: _Figure, b: _Figure) -> tuple[_Figure, _Figure] | None:
    """(smaller, larger) for two tolls published on one day, each told as a rise ("death toll
    rises to 23", "toll rises to 54"): a toll only rises, so the larger was counted later."""
    if a.published != b.published or a.unit_key not in _RUNNING_TOLLS or a.value == b.value:
        return None
    if not all(_told_as_rise(figure) for figure in (a, b)):
        return None
    return (a, b) if a.value < b.value else (b, a)


def _told_as_rise(figure: _Figure) -> bool:
    text, start = figure.claim_text, figure.start
    return _UPDATE_CUE.search(text, max(0, start - CONTEXT_CHARS), start) is not None


def _count_as_of_later_day(a: _Figure, b: _Figure) -> _Finding | None:
    """Counts of people as of two days ("the toll reached 100 on Saturday", "stood at 200 on
    Tuesday"): the later day's count is the newer one, a toll only when it grew. Other figures
    of two days are two quantities."""
    if a.unit_key not in _RUNNING_TOLLS | _SHIFTING_COUNTS:
        return None
    earlier, later = (a, b) if _period_start(a) < _period_start(b) else (b, a)
    if a.unit_key in _SHIFTING_COUNTS or later.value > earlier.value:
        return _Finding(SUPERSEDED, earlier, later)
    return None


def _counted_further(a: _Figure, b: _Figure) -> tuple[_Figure, _Figure] | None:
    """(less counted, more counted) when both figures come from a count still going on and one
    was read further into it: "with 545 results declared, Labour won 372 seats" is overtaken
    by "with 648 out of 650 seats declared, Labour clinched 412 seats" on the same night."""
    progress_a, progress_b = _count_progress(a.claim_text), _count_progress(b.claim_text)
    if progress_a is None or progress_b is None or progress_a[0] != progress_b[0]:
        return None
    if progress_a[1] == progress_b[1]:
        return None
    return (a, b) if progress_a[1] < progress_b[1] else (b, a)


def _toll_bounds(a: _Figure, b: _Figure) -> tuple[_Figure, _Figure] | None:
    """(smaller, larger) for two tolls, the smaller written as a floor ("wounding more than
    200", days later "over 400" or "nearly 500"): the floor does not
    rule the larger count out, which is the fuller one, whichever day told it. (On one day
    a floor and a plain count are left to disagree: which came first is not known. Two floors
    of one day agree, though, that the toll is at least the larger: "at least 30 killed" and
    "at least 48 killed" both hold, the larger told later.)"""
    if a.unit_key not in _RUNNING_TOLLS:
        return None
    smaller, larger = (a, b) if a.value < b.value else (b, a)
    if a.published == b.published and not larger.lower_bound:
        return None
    return (smaller, larger) if smaller.lower_bound else None


def _counted_by_clock(a: _Figure, b: _Figure) -> tuple[_Figure, _Figure] | None:
    """(earlier, later) for two counts told as of an hour of one day that grew between them
    ("1,390 flights were canceled as of 6:00 AM", "as of 9:00 AM ... more than 2,160"), or
    for a count as of an hour and a larger one published a later day ("On Friday, more than
    5,000 flights were canceled"): the count had gone on."""
    hour_a, hour_b = _clock_hour(a), _clock_hour(b)
    if a.published is None or b.published is None or hour_a == hour_b:
        return None
    if a.published != b.published:
        earlier, later = (a, b) if a.published < b.published else (b, a)
        if (hour_a if earlier is a else hour_b) is None:
            return None
    elif hour_a is None or hour_b is None:
        return None
    else:
        earlier, later = (a, b) if hour_a < hour_b else (b, a)
    return (earlier, later) if later.value > earlier.value else None


def _clock_hour(figure: _Figure) -> float | None:
    """The hour of the day a figure's clause counts it by ("as of 8 a.m. ET", "before
    9:00 AM"), in hours after midnight."""
    found = _AS_OF_HOUR.search(figure.clause)
    if found is None:
        return None
    hour, minutes = int(found["hour"]) % 12, int(found["minutes"] or 0)
    return hour + (12 if found["half"].lower() == "p" else 0) + minutes / 60


_AS_OF_HOUR = re.compile(
    r"\b(?:as\s+of|by|before|until|at)\s+(?P<hour>1[0-2]|0?[1-9])(?::(?P<minutes>[0-5]\d))?"
    r"\s*(?P<half>[ap])\.?m\b\.?",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _count_progress(text: str) -> tuple[str, float] | None:
    """How far a count had gone when the claim was written: ("share", 94.0) for "with more
    than 94% counted", ("results", 648.0) for "with 648 out of 650 seats declared"."""
    found = _COUNT_PROGRESS.search(text)
    if found is None:
        return None
    if found["share"]:
        return ("share", float(found["share"]))
    return ("results", float(found["done"].replace(",", "")))


_COUNT_PROGRESS = re.compile(
    r"\bwith\s+(?:(?:more\s+than|over|nearly|almost|about|around)\s+)?"
    r"(?:(?P<share>\d+(?:\.\d+)?)\s*(?:%|per\s?cent|percent)"
    r"|(?P<done>\d[\d,]*)(?:\s+(?:out\s+)?of(?:\s+the)?\s+\d[\d,]*)?)"
    r"(?:\s+[\w-]+){0,4}?\s+(?:counted|declared|reporting|tallied)\b",
    re.IGNORECASE,
)


def _per_period(figure: _Figure) -> bool:
    return _PER_PERIOD.search(figure.claim_text) is not None


def _reported_as_update(earlier: _Figure, later: _Figure) -> bool:
    """A figure reported again days later as an update of the earlier one: a running count
    larger and in the words of a rise ("the death toll has risen to 4,000"), a count of the
    missing or displaced either way, a count revised
    either way ("the UN revised the death toll to 3,958"), or a final figure after an early one
    ("an early look at the data" then "final results"). The later report supersedes; it does
    not conflict."""
    if later.published == earlier.published:
        return False
    said_before = later.claim_text[: later.start]
    if later.value > earlier.value and (
        later.unit_key in _RUNNING_TOLLS or _UPDATE_CUE.search(said_before) is not None
    ):
        return True
    if later.unit_key in _SHIFTING_COUNTS:
        return True  # "211 missing", three days later "120 still missing": some were found
    if _magnitude_revised(earlier, later):
        return True  # "an 8.7 magnitude earthquake", the next day "8.8 magnitude earthquake"
    if _containment(earlier) and _containment(later):
        return True  # a fire "3% contained", days later "33% containment"
    if later.value > earlier.value and not _aimed_at(earlier):
        if _counted_so_far(later) or _counted_so_far(earlier):
            # "88 bodies have been identified", then "205 identified till now"; "DNA samples
            # of 19 deceased matched so far", two weeks later "254 deceased have been matched"
            return True
    if _plan_then_done(earlier, later):
        return True  # "plans to cut about 11,000 roles", the next day "cuts 10,000 jobs"
    if _quoted_at_the_time(earlier) or _quoted_at_the_time(later):
        return True  # "trading at $102,675" on the 6th, "last traded at $104,666" on the 16th
    if _market_move(earlier) and _market_move(later):
        return True  # shares "popped 6.5%" after hours on the 21st, "jumped 12%" premarket next day
    if _share_of_the_vote(earlier) and _share_of_the_vote(later):
        return True  # "9.41%" for a party on the 31st, "9.51% of the vote" when all is counted
    if later.value > earlier.value and (_as_things_stand(earlier) or _as_things_stand(later)):
        return True  # "forces now control 74 settlements", three days later "82 settlements"
    return (
        _REVISION_CUE.search(_days_masked(said_before)) is not None
        or _EARLY_CUE.search(earlier.claim_text) is not None
        or _FINAL_CUE.search(later.claim_text) is not None
    )


def _magnitude_revised(earlier: _Figure, later: _Figure) -> bool:
    """Whether a quake's magnitude told on a later day is the earlier one revised: seismic
    agencies upgrade and downgrade within a point as readings come in, while a quake a point
    or more weaker, or one called an aftershock, is another quake."""
    if later.unit_key != "~magnitude" or abs(later.value - earlier.value) > 1.0:
        return False
    return not any(_AFTERSHOCK.search(f.claim_text) for f in (earlier, later))


_AFTERSHOCK = re.compile(r"\baftershocks?\b", re.IGNORECASE)


def _containment(figure: _Figure) -> bool:
    """Whether the figure is how much of a fire is contained ("with 3% containment", "33%
    contained", "containment at 95%"), which firefighters raise day by day."""
    if figure.unit_key != "percent":
        return False
    text = figure.claim_text
    return bool(
        _CONTAINED_AFTER.match(text, figure.end)
        or _CONTAINMENT_BEFORE.search(text, max(0, figure.start - 25), figure.start)
    )


_CONTAINED_AFTER = re.compile(r"\s*(?:contained|containment)\b", re.IGNORECASE)
_CONTAINMENT_BEFORE = re.compile(r"\bcontainment\s+(?:\w+\s+){0,2}\Z", re.IGNORECASE)


def _counted_so_far(figure: _Figure) -> bool:
    """Whether the figure's clause calls it a count up to now ("so far", "till now", "to
    date"), one that later reports only raise."""
    text = figure.claim_text
    before = _CLAUSE_END.split(text[max(0, figure.start - CONTEXT_CHARS) : figure.start])[-1]
    after = _CLAUSE_END.split(text[figure.end : figure.end + 2 * CONTEXT_CHARS])[0]
    if _SO_FAR.search(before) is not None or _SO_FAR.search(after) is not None:
        return True
    clause_end = _SENTENCE_PART_END.search(text, figure.end)
    rest = text[figure.end : clause_end.start() if clause_end else len(text)]
    if _SINCE_AN_EVENT.search(rest) is not None:
        # "20,000 people have paid tribute in less than 12 hours since his body went on
        # public view"
        return True
    # "Since Friday, Iran has fired around 350 missiles", "since the start of the strikes"
    return _SINCE_IT_BEGAN.search(text, _part_start(text, figure.start), figure.start) is not None


def _market_move(figure: _Figure) -> bool:
    """Whether the figure is how far a price or an index moved ("Nvidia shares popped over
    6.5% in after-hours trading"): a move of one session, which other days' reports of other
    sessions move on from; an index's points too ("the Dow sank 2,231 points")."""
    if figure.unit_key not in ("percent", "points"):
        return False
    text = figure.claim_text
    after = _CLAUSE_END.split(text[figure.end : figure.end + 2 * CONTEXT_CHARS])[0]
    before = _POINTS_RESTATED.sub(
        "", figure.lead_in
    )  # "sank 2,231 points (5.5%)", "… points, or 5.5%"
    if _MOVE_BEFORE.search(before) is None and _MOVE_AFTER.match(after) is None:
        return False  # "shares fell 3%", "a 3.2% drop"
    # The market is the subject ("Nvidia shares popped") or the session follows the move ("rose
    # 3% in premarket trading"); "revenue rose 12% and shares jumped" is no move of a price.
    return _MARKET_WORDS.search(before) is not None or _SESSION_AFTER.match(after) is not None


_MOVE_BEFORE = re.compile(
    r"\b(?:rose|ris(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|jump(?:s|ed|ing)?|pop(?:s|ped)?"
    r"|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|sl(?:id|ide|ides|iding)|slip(?:s|ped)?|gain(?:s|ed)?"
    r"|lost|los(?:e|es|ing)|drop(?:s|ped)?|climb(?:s|ed)?|tumbl(?:e|es|ed)|plung(?:e|es|ed)"
    r"|sank|sinks?|up|down|off|add(?:s|ed)|shed|plummet(?:s|ed|ing)?|slump(?:s|ed)?"
    r"|tank(?:s|ed)?|dived?|dove|crash(?:es|ed)?|declin(?:e|es|ed)|advanc(?:e|es|ed)"
    r"|rall(?:y|ies|ied)|rebound(?:s|ed)?|spik(?:e|es|ed))\b"
    r"(?:\s+(?:about|around|nearly|almost|over|more|than|as\s+much\s+as|by|some|roughly"
    r"|initially|an?|another|staggering|whopping|further|sharp|steep|massive))*\s*\Z",
    re.IGNORECASE,
)
_POINTS_RESTATED = re.compile(r"\s*\d[\d,.]*\s+points?\s*(?:,\s*or|\()\s*\Z", re.IGNORECASE)
_MOVE_AFTER = re.compile(
    r"\s+(?:drop|fall|decline|slide|plunge|loss|rise|gain|jump|surge|rally|lower|higher)\b",
    re.IGNORECASE,
)
_SESSION_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:in|during)\s+(?:[\w-]+\s+){0,2}?(?:trading|trade|session|deals)\b",
    re.IGNORECASE,
)
_MARKET_WORDS = re.compile(
    r"\b(?:shares?|stocks?|index|indices|futures|premarket|pre-market|after-hours|trading"
    rf"|session|(?-i:{_INDEX_NAMES}))\b",
    re.IGNORECASE,
)


def _share_of_the_vote(figure: _Figure) -> bool:
    """Whether the figure is a party's or candidate's share of an election's vote: a share
    that moves with every batch counted, so reports of other days tell another stage of the
    count, not another view of one result."""
    if figure.unit_key != "percent":
        return False
    text = figure.claim_text
    return _VOTE_WORDS.search(text, max(0, figure.start - 2 * CONTEXT_CHARS)) is not None


_VOTE_WORDS = re.compile(
    r"\b(?:votes?|ballots?|vote\s+count|polling\s+stations?|precincts?|part(?:y|ies)"
    r"|electoral|election)\b",
    re.IGNORECASE,
)


def _quoted_at_the_time(figure: _Figure) -> bool:
    """Whether the figure is a level quoted at the time of writing ("was trading at",
    "closed at", "stood at"): a price or level that moves both ways from day to day."""
    before = figure.claim_text[max(0, figure.start - CONTEXT_CHARS) : figure.start]
    if _QUOTED_LEVEL.search(before) is not None:
        return True
    # "In recent trading, the Dow jumped 394 points to 41,897": a level during a session,
    # which the session's close moves on from.
    return _DURING_TRADING.search(figure.clause) is not None


_DURING_TRADING = re.compile(
    r"\b(?:in|during)\s+(?:recent|early|late|afternoon|morning|midday|intraday|after-hours"
    r"|premarket|pre-market)\s+trading\b|\bintraday\b"
    # "The stock was last up 4.2% at $1,212.89": the price when the report was written
    r"|\b(?:was|were|is|are)\s+last\s+(?:up|down|at|trading|quoted)\b",
    re.IGNORECASE,
)
_QUOTED_LEVEL = re.compile(
    r"\b(?:trad(?:ing|ed|es)|chang(?:ing|ed)\s+hands|stood|stands|closed|opened|settled)"
    r"\s+at\s+(?:about\s+|around\s+|roughly\s+)?\Z",
    re.IGNORECASE,
)


def _as_things_stand(figure: _Figure) -> bool:
    """Whether the figure's clause gives a count as the state of things at the time of writing
    ("now control", "currently hold", "already more than 80"): a state that later reports
    find further along. ("Now turning out 40% more" is a change, not a count.)"""
    text = figure.claim_text
    before = _CLAUSE_END.split(text[max(0, figure.start - CONTEXT_CHARS) : figure.start])[-1]
    return (
        _counts_things(figure) and _AT_THE_TIME.search(before) is not None and not _aimed_at(figure)
    )


def _plan_then_done(earlier: _Figure, later: _Figure) -> bool:
    """An earlier figure planned, expected or in talks, and a later one told as done: the
    outcome replaces the plan ("in talks to raise at a $150 billion valuation", then "raises
    $6.6 billion at $157 billion"). A count so far is progress towards a target, not its
    outcome ("expects to train 60,000 by the summer", "has trained 40,000 so far")."""
    return (
        not earlier.unit_key.startswith("~")  # a bare number may be a name's ("Chandrayaan 3")
        # Layoffs that "will affect about 17,500" are not overtaken by a later round that "can
        # affect over 2,000": an outcome of another size is another thing.
        and _log_distance(earlier, later) <= _PLAN_OUTCOME_LOG_RATIO
        and _aimed_at(earlier)
        and not _aimed_at(later)
        and not _counted_so_far(later)
    )


_PLAN_OUTCOME_LOG_RATIO = math.log(2)


def _aimed_at(figure: _Figure) -> bool:
    """Whether the claim gives the figure as a target or an expectation, not a count."""
    return _AIM.search(figure.claim_text, 0, figure.start) is not None


_PROMISED = r"(?:pledg|promis)(?:e|es|ed|ing)\s+to|vow(?:s|ed)?\s+to"
_AIM = re.compile(
    r"\b(?:expects?|expected|will|would|plans?\s+to|planned|planning|aims?|targets?|goal"
    # "may" in lower case only: the month ("in May") is no hedge.
    r"|hopes?|in\s+talks|(?-i:may)|might|could|projected|predicted|forecasts?"
    r"|recommend(?:s|ed|ing)?|sought|asked\s+for"
    rf"|seek(?:s|ing)?|set\s+to|poised\s+to|{_PROMISED})\b",
    re.IGNORECASE,
)


def _forecast(figure: _Figure) -> bool:
    """Whether the figure's clause hedges it as likely or possible, not a value reached:
    "she expects the Bank to cut again, potentially reducing its rate to 4.5%". (A plan or a
    target told with "expects" or "will" still conflicts with a value reached days later.)"""
    return _HEDGE.search(figure.lead_in) is not None


_HEDGE = re.compile(
    r"\b(?:potentially|possibly|likely|probably|could|might|(?-i:may)"
    # "Labour is predicted to win 410 seats", "the exit poll projects", "He predicted that"
    r"|predict(?:s|ed)?|project(?:s|ed)?)\b",
    re.IGNORECASE,
)


def _expected_by_others(figure: _Figure) -> bool:
    """Whether the figure is what economists, analysts or markets expected, not a value the
    report gives: "Most economists expect the figures to show that inflation fell to 3.5%",
    "lower than the 3.5% predicted by many economists". The forecast is neither a rival of
    the outcome nor an earlier report of it."""
    text = figure.claim_text
    before = text[_part_start(text, figure.start) : figure.start]
    after = text[figure.end : figure.end + CONTEXT_CHARS]
    return (
        _PUNDITS_EXPECT.search(before) is not None
        or _EXPECTED_BY.match(after) is not None
        or _FORECAST_OF.search(before[-40:]) is not None
    )


_PUNDITS = r"(?:economists|analysts|forecasters|markets|traders|investors|pollsters|polls)"
_EXPECTING = r"(?:had\s+)?(?:expect(?:s|ed|ing)?|predict(?:s|ed|ing)?|forecast(?:s|ed|ing)?)"
_PUNDITS_EXPECT = re.compile(
    rf"\b(?:{_PUNDITS}(?:\s+[\w-]+){{0,4}}?\s+{_EXPECTING}|consensus|expectations"
    # "versus Wall Street estimates of $28.7 billion", "analysts' forecasts of 2.1%"
    rf"|(?:{_PUNDITS}['\u2019]?|Wall\s+Street)\s+(?:estimates?|forecasts?|predictions?))\b",
    re.IGNORECASE,
)
# Right before the figure: "above forecasts of 0.3%", "beating the Reuters forecast of 3.5%".
_FORECAST_OF = re.compile(
    r"\b(?:forecasts?|estimates?|projections?|predictions?)\s+(?:of|for)\s+"
    r"(?:(?:an?|the|about|around|roughly)\s+)*\Z",
    re.IGNORECASE,
)
# Right after the figure: "the 3.5% predicted by many economists", "the 2.9% analysts polled
# by Reuters had expected".
_EXPECTED_BY = re.compile(
    rf"(?:\s+[\w-]+){{0,2}}?\s+(?:(?:expected|predicted|forecast|anticipated)\s+by\b"
    rf"|{_PUNDITS}\b(?:\s+[\w-]+){{0,3}}?\s+{_EXPECTING}\b)",
    re.IGNORECASE,
)


def _targeted(figure: _Figure) -> bool:
    """Whether the figure's clause sets it as a target or a promise, not a value reached."""
    return _TARGET.search(figure.lead_in) is not None


_TARGET = re.compile(rf"\b(?:{_PROMISED}|targets?|goal|aims?\s+to)\b", re.IGNORECASE)
# "were leading or had secured 133 seats": a count still going on, too.
_AT_THE_TIME = re.compile(
    r"\b(?:now|currently|already|at\s+present|leading\s+(?:or|in)\b)\b", re.IGNORECASE
)
_SO_FAR = re.compile(
    r"\b(?:so\s+far|till\s+now|until\s+now|to\s+date|thus\s+far|as\s+of\s+now)\b", re.IGNORECASE
)


_SINCE_AN_EVENT = re.compile(
    r"\bsince\s+(?:[\w'\u2019-]+\s+){1,4}?(?:went|was|were|began|started|opened|broke|arrived"
    r"|hit|struck|made)\b",
    re.IGNORECASE,
)
_SINCE_IT_BEGAN = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)\b|(?:last\s+)?(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\b|the\s+(?:war|conflict|strikes?|attacks?|fighting"
    r"|fire|outbreak|flooding)\s+(?:began|started|broke\s+out)\b)",
    re.IGNORECASE,
)


def _far_apart(first: date, second: date) -> bool:
    return abs((second - first).days) >= SUPERSEDE_AFTER_DAYS


def _period_start(figure: _Figure) -> date:
    return figure.period[0] if figure.period else date.min


def _compare_day_dates(left: list[_DayDate], right: list[_DayDate], into: _Comparison) -> None:
    for a, b in _best_pairs(left, right, _day_gap):
        if a.day == b.day:
            into.agreements.append((a, b))
        elif a.scheduled and b.scheduled:
            if _same_scheduled_thing(a, b):
                into.findings.append(_schedule_moved(a, b))
        elif (a.loose or b.loose) and abs((a.day - b.day).days) <= 1:
            continue  # "today" in a copy published a day later: no evidence either way
        elif a.as_of or b.as_of:
            continue  # the day a count stood or a thing was said: not the event's day
        elif _past_for_one_ahead_for_other(a, b):
            continue
        elif _around_midnight(a, b):
            continue
        else:
            into.findings.append(_Finding(CONFLICT, a, b))


def _around_midnight(a: _DayDate, b: _DayDate) -> bool:
    """Whether two days a day apart meet at midnight: "late on Saturday" in one time zone is
    "early on Sunday" in another (Iran's drones, told from Washington and from Tel Aviv)."""
    if abs((a.day - b.day).days) != 1:
        return False
    earlier, later = (a, b) if a.day < b.day else (b, a)
    return earlier.end_of_day == "late" and later.end_of_day == "early"


_LATE_BEFORE = re.compile(r"\blate\s+(?:on\s+)?\Z", re.IGNORECASE)
_EARLY_BEFORE = re.compile(
    r"\bearly\s+(?:on\s+)?\Z|\bearly\s+hours\s+of\s+(?:on\s+)?\Z", re.IGNORECASE
)
_NIGHT_AFTER = re.compile(r"\s+(?:night|evening)\b", re.IGNORECASE)
_MORNING_AFTER = re.compile(r"\s+morning\b", re.IGNORECASE)


def _past_for_one_ahead_for_other(a: _DayDate, b: _DayDate) -> bool:
    """Whether one report's day had passed when it was written, and the other report,
    written on or after that day, still has its own day ahead: then they tell two events
    ("the lander executed its final deboosting on Saturday" and "the lander will land on
    August 23", both published on Sunday), not one event on two days."""
    for done, ahead in ((a, b), (b, a)):
        if done.published is None or ahead.published is None:
            continue
        if done.day <= done.published and ahead.published >= done.day < ahead.day:
            if ahead.day > ahead.published:
                return True
    return False


def _schedule_moved(a: _DayDate, b: _DayDate) -> _Finding:
    """Two days set for one thing: a later report's day supersedes; on one day they conflict."""
    if a.published is None or b.published is None or a.published == b.published:
        return _Finding(CONFLICT, a, b)
    earlier, later = (a, b) if a.published < b.published else (b, a)
    return _Finding(SUPERSEDED, earlier, later)


def _day_gap(a: _DayDate, b: _DayDate) -> int | None:
    gap = abs((a.day - b.day).days)
    if a.scheduled and b.scheduled:
        # A schedule moves by months as readily as by days; two things set are two events.
        return gap if _same_scheduled_thing(a, b) else None
    # Dates a week or more apart are taken to be different events, not a slip.
    return gap if gap <= MAX_DATE_SLIP_DAYS else None


def _compare_status(left: _Status | None, right: _Status | None, into: _Comparison) -> None:
    if left is None or right is None or left.published is None or right.published is None:
        return
    if left.published == right.published:
        return
    earlier, later = (left, right) if left.published < right.published else (right, left)
    if earlier.act == later.act and earlier.stage < later.stage:
        into.findings.append(_Finding(SUPERSEDED, earlier, later))


def _compare_stances(left: list[_Stance], right: list[_Stance], into: _Comparison) -> None:
    """Sides of one topic: the same side agrees; the other side is a later report's news when
    published on a later day ("Altman fired" on November 17, "Altman to return as CEO" on
    the 22nd; "expected to leave" in January 2022, "will stay" in October 2023), and a
    conflict when published the same day."""
    for a, b in ((a, b) for a in left for b in right if a.topic == b.topic):
        if a.side == b.side:
            into.agreements.append((a, b))
        elif a.published is None or b.published is None:
            into.findings.append(_Finding(UNDATED, a, b))
        elif abs((a.published - b.published).days) >= STANCE_NEWS_DAYS:
            earlier, later = (a, b) if a.published < b.published else (b, a)
            into.findings.append(_Finding(SUPERSEDED, earlier, later))
        else:
            into.findings.append(_Finding(CONFLICT, a, b))


def _best_pairs(
    left: Sequence[T], right: Sequence[T], cost: Callable[[T, T], Any]
) -> list[tuple[T, T]]:
    """One-to-one pairs, cheapest first; `cost` returns None for items that must not pair."""
    candidates = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            pair_cost = cost(a, b)
            if pair_cost is not None:
                candidates.append((pair_cost, i, j))
    candidates.sort(key=lambda candidate: (candidate[0], candidate[1], candidate[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((left[i], right[j]))
    return pairs


# --- judging ---------------------------------------------------------------------------------


def _without_echoed_undated(comparison: _Comparison) -> list[_Finding]:
    """Drop undated differences whose undated figure a dated member also states."""
    dated_echo: set[int] = set()
    for a, b in comparison.agreements:
        if b.published is not None:
            dated_echo.add(id(a))
        if a.published is not None:
            dated_echo.add(id(b))
    return [
        finding
        for finding in comparison.findings
        if finding.kind != UNDATED
        or not any(
            mention.published is None and id(mention) in dated_echo
            for mention in (finding.first, finding.second)
        )
    ]


def _without_quantities_told_apart(
    findings: list[_Finding], members: Sequence[_Member]
) -> list[_Finding]:
    """Drop conflicts between two values that one member states side by side as two
    quantities: after "defer $680 million of his $700 million deal", a "$680M deferred"
    headline and a "$700 million deal" do not disagree. A change written out ("rose from 115
    to 140") is one quantity moving, and is not read this way."""
    told_apart = [
        (f, g)
        for member in members
        for f, g in combinations(member.figures, 2)
        if f.unit_key == g.unit_key and not _changed_into(f, g) and not _changed_into(g, f)
        and not _figures_agree(f, g)
        # "$30.04 billion, versus estimates of $28.73 billion": the forecast is no quantity
        # of its own that another report's figure could be telling.
        and not _expected_by_others(f) and not _expected_by_others(g)
    ]  # fmt: skip
    if not told_apart:
        return findings
    return [finding for finding in findings if not _told_apart(finding, told_apart)]


def _changed_into(former: _Figure, figure: _Figure) -> bool:
    return former.now is not None and former.now.start == figure.start


def _told_apart(finding: _Finding, pairs: list[tuple[_Figure, _Figure]]) -> bool:
    a, b = finding.first, finding.second
    if finding.kind not in _CONFLICT_KINDS or not isinstance(a, _Figure):
        return False
    if not isinstance(b, _Figure):
        return False
    return any(
        (_figures_agree(f, a) and _figures_agree(g, b))
        or (_figures_agree(f, b) and _figures_agree(g, a))
        for f, g in pairs
        if f.unit_key == a.unit_key == b.unit_key
    )


def _as_growth(
    findings: list[_Finding], agreements: list[tuple[_Mention, _Mention]]
) -> list[_Finding]:
    """Counts that differ between days of a count the group's reports show growing day by
    day are the count moving on: "74 settlements" on the 13th, "82" on the 16th, "92" on the
    19th. One pair alone cannot tell growth from a disagreement; three days in order can.
    Only the figures paired with another member's are read: "92 settlements, after losing 5
    settlements elsewhere" tells one count of the series, not two."""
    disputed = {
        finding.first.unit_key
        for finding in findings
        if finding.kind == CONFLICT and isinstance(finding.first, _Figure)
    }
    if not disputed:
        return findings
    paired: dict[int, _Figure] = {}
    for a, b in [*((f.first, f.second) for f in findings), *agreements]:
        for mention in (a, b):
            if isinstance(mention, _Figure) and mention.unit_key in disputed:
                paired[id(mention)] = mention
    growing = {
        unit
        for unit in disputed
        if _grows_day_by_day([f for f in paired.values() if f.unit_key == unit])
    }
    if not growing:
        return findings
    return [
        _Finding(SUPERSEDED, *sorted((f.first, f.second), key=_published_or_min))
        if f.kind == CONFLICT
        and isinstance(f.first, _Figure)
        and f.first.unit_key in growing
        and f.first.published != f.second.published
        else f
        for f in findings
    ]


def _published_or_min(mention: _Mention) -> date:
    return mention.published or date.min


def _grows_day_by_day(figures: list[_Figure]) -> bool:
    """Whether counts of things, read on three or more days, only grow from one day to the
    next, and grow at least twice (all within a factor of ten: no slip of scale)."""
    by_day: defaultdict[date, list[_Figure]] = defaultdict(list)
    for figure in figures:
        if figure.published is not None and not figure.past and _counts_things(figure):
            by_day[figure.published].append(figure)
    days = sorted(by_day)
    if len(days) < GROWTH_DAYS:
        return False
    values = [figure.value for day in days for figure in by_day[day]]
    if min(values) <= 0 or max(values) > 10 * min(values):
        return False
    rises = 0
    for earlier, later in pairwise(days):
        if any(
            b.value < a.value and not _figures_agree(a, b)
            for a in by_day[earlier]
            for b in by_day[later]
        ):
            return False
        rises += min(f.value for f in by_day[later]) > max(f.value for f in by_day[earlier])
    return rises >= GROWTH_DAYS - 1


def _counts_things(figure: _Figure) -> bool:
    """A count of things or people, not an amount of money, a share, a rate or a measure."""
    unit = figure.unit_key.lstrip("~")
    return bool(unit) and not (
        unit.isupper()
        or unit.startswith("percent")
        or "/" in unit
        or " " in unit  # "square kilometers"
        or unit in _MEASURES
    )


_MEASURES = frozenset(
    """km km/h tonnes tons hours days years months weeks minutes seconds times degrees acres
    hectares barrels gallons litres liters""".split()
)


def _relation(findings: list[_Finding]) -> str:
    kinds = {finding.kind for finding in findings}
    if kinds & {CONFLICT, UNDATED}:
        return "conflicting"
    if SUPERSEDED in kinds:
        return "outdated"
    if WEAK_CONFLICT in kinds:
        return "conflicting"
    return "repeated"


def _support(agreements: list[tuple[_Mention, _Mention]]) -> Counter[int]:
    """How many members agree with each mention, keyed by the mention's id()."""
    support: Counter[int] = Counter()
    for a, b in agreements:
        support[id(a)] += 1
        support[id(b)] += 1
    return support


def _outliers(
    findings: list[_Finding], agreements: list[tuple[_Mention, _Mention]]
) -> list[tuple[_Mention, _Mention]]:
    """(mention, the value most often set against it) for mentions outvoted by other members."""
    support = _support(agreements)
    opponents: dict[int, list[_Mention]] = defaultdict(list)
    mentions: dict[int, _Mention] = {}
    for finding in findings:
        if finding.kind in _CONFLICT_KINDS:
            for mention, other in (
                (finding.first, finding.second),
                (finding.second, finding.first),
            ):
                opponents[id(mention)].append(other)
                mentions[id(mention)] = mention
    outvoted = []
    for key, against in opponents.items():
        if len(against) > support[key]:
            outvoted.append((mentions[key], _main_opponent(mentions[key], against)))
    return outvoted


def _main_opponent(mention: _Mention, against: list[_Mention]) -> _Mention:
    """The value most often set against `mention`; among as many, a slip of scale ("$44
    million" against "$44 billion") before the nearest value ("$46.5 billion")."""
    counts = Counter(other.label for other in against)
    most = max(counts.values())
    return min(
        (other for other in against if counts[other.label] == most),
        key=lambda other: _opponent_rank(mention, other),
    )


def _opponent_rank(mention: _Mention, other: _Mention) -> tuple[int, float]:
    if isinstance(mention, _Figure) and isinstance(other, _Figure):
        return (0 if _is_scale_slip(mention, other) else 1, _log_distance(mention, other))
    return (1, 0.0)


def _differing_spans(
    findings: list[_Finding], agreements: list[tuple[_Mention, _Mention]]
) -> dict[int, list[DifferingSpan]]:
    marked: dict[int, dict[tuple[int, int], DifferingSpan]] = defaultdict(dict)

    def mark(mention: _Mention, reason: str) -> None:
        spans = marked[mention.claim_id]
        spans.setdefault(
            (mention.start, mention.end), DifferingSpan(mention.start, mention.end, reason)
        )

    for mention, other in _outliers(findings, agreements):
        mark(mention, f"{mention.label} vs {other.label} elsewhere")
    superseding = [finding for finding in findings if finding.kind == SUPERSEDED]
    # Superseded sides first: when a mention is both, being out of date is what matters most.
    for finding in superseding:
        mark(finding.first, f"{finding.first.label}; later report: {finding.second.label}")
    for finding in superseding:
        mark(finding.second, f"{finding.second.label}; supersedes: {finding.first.label}")
    return {
        claim_id: sorted(spans.values(), key=lambda span: (span.start, span.end))
        for claim_id, spans in marked.items()
    }


def _reason(
    relation: str,
    findings: list[_Finding],
    agreements: list[tuple[_Mention, _Mention]],
) -> str:
    if relation == "repeated":
        if not agreements:
            # Nothing was compared, so nothing is known to agree: the reviewer reads the words.
            return "no figures, dates or stages in common to compare"
        return f"members agree on {agreements[0][0].label}"
    superseded = next((finding for finding in findings if finding.kind == SUPERSEDED), None)
    moved_on = (
        f"{_as_reported(superseded.first)} superseded by {_as_reported(superseded.second)}"
        if superseded is not None
        else ""
    )
    if relation == "outdated":
        return moved_on
    conflict = _conflict_reason(findings, agreements)
    # A conflict outranks a supersession, but the reviewer should still learn of both.
    return f"{conflict}; also {moved_on}" if moved_on else conflict


def _as_reported(mention: _Mention) -> str:
    # A day's label already carries its date: "Nov. 26 (2024-11-26), reported 2024-09-06".
    if isinstance(mention, _DayDate):
        return f"{mention.label}, reported {mention.published}"
    return f"{mention.label} ({mention.published})"


def _conflict_reason(findings: list[_Finding], agreements: list[tuple[_Mention, _Mention]]) -> str:
    hard = [finding for finding in findings if finding.kind in {CONFLICT, UNDATED}]
    outvoted = _outliers(hard or findings, agreements)
    if outvoted:
        mention, other = outvoted[0]
        return f"{mention.label} vs {other.label} elsewhere"
    conflict = next(finding for finding in findings if finding.kind in _CONFLICT_KINDS)
    return f"{conflict.first.label} vs {conflict.second.label}"

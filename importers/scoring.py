"""Check-worthiness: how much a claim is worth verifying, as a transparent weighted heuristic.

The score starts at ``BASE`` and each observation adds or subtracts a fixed weight; the result
is clamped to 0..1 and every weight applied is reported as a short reason code.

=======================  ========  ==========================================================
reason                   weight    when
=======================  ========  ==========================================================
"states a figure"        +0.25     ``number_count`` > 0 (amounts, counts, percentages)
"several figures"        +0.05     ``number_count`` >= 2
"states a date"          +0.15     ``date_count`` > 0
"attributed to a named   +0.15     ``has_speaker`` (the pipeline's resolved speaker)
speaker"
"quotation"              +0.05     kind "quote": a verbatim statement can be checked against
                                   its source
"headline"               +0.05     kind "headline": the article's main claim
"hedged/opinion"         -0.15     hedge, prediction or opinion words ("could", "may",
                                   "hopefully", "expected to", "analysts note", …)
"too short"              -0.20     fewer than ``SHORT_CLAIM_WORDS`` words (headlines exempt)
"question"               -0.35     ends with "?" — a question asserts nothing
=======================  ========  ==========================================================

``BASE`` is 0.3, so a plain factual sentence scores 0.3, one with a figure and a named source
0.7, a hedged opinion 0.15 and a question 0 or close to it. The counts come from the caller
(numbers.py and dates.py do the extraction), which keeps this module free of parsing.
"""

from __future__ import annotations

import re

BASE = 0.3
FIGURE_WEIGHT = 0.25
SEVERAL_FIGURES_WEIGHT = 0.05
DATE_WEIGHT = 0.15
SPEAKER_WEIGHT = 0.15
QUOTE_WEIGHT = 0.05
HEADLINE_WEIGHT = 0.05
HEDGE_PENALTY = 0.15
SHORT_PENALTY = 0.20
QUESTION_PENALTY = 0.35
SHORT_CLAIM_WORDS = 6

KINDS = frozenset({"headline", "sentence", "quote", "list_item"})

_HEDGE_RE = re.compile(
    r"\b(?:could|might|hopefully|perhaps|possibly|probably|likely|unlikely|expected to|"
    r"believes?|thinks?|seems?|appears? to|suggest(?:s|ed|ing)?|should|would like|"
    r"in (?:my|our) (?:view|opinion)|analysts? (?:note|say|said|believe))\b",
    re.IGNORECASE,
)
# Case-sensitive: "May" is usually the month.
_MAY_RE = re.compile(r"\bmay\b")
_TRAILING_CLOSERS = "\"”’') \t\n"


def score_checkworthiness(
    text: str, *, kind: str, number_count: int, date_count: int, has_speaker: bool
) -> tuple[float, list[str]]:
    """A 0..1 check-worthiness score and the reason codes behind it (module docstring)."""
    if kind not in KINDS:
        raise ValueError(f"unknown claim kind {kind!r}; expected one of {sorted(KINDS)}")
    if number_count < 0 or date_count < 0:
        raise ValueError("number_count and date_count must not be negative")
    weights = _content_weights(number_count, date_count, has_speaker, kind)
    weights += _wording_weights(text, kind)
    score = BASE + sum(weight for _, weight in weights)
    return min(1.0, max(0.0, round(score, 3))), [reason for reason, _ in weights]


def _content_weights(
    number_count: int, date_count: int, has_speaker: bool, kind: str
) -> list[tuple[str, float]]:
    weights: list[tuple[str, float]] = []
    if number_count > 0:
        weights.append(("states a figure", FIGURE_WEIGHT))
    if number_count >= 2:
        weights.append(("several figures", SEVERAL_FIGURES_WEIGHT))
    if date_count > 0:
        weights.append(("states a date", DATE_WEIGHT))
    if has_speaker:
        weights.append(("attributed to a named speaker", SPEAKER_WEIGHT))
    if kind == "quote":
        weights.append(("quotation", QUOTE_WEIGHT))
    if kind == "headline":
        weights.append(("headline", HEADLINE_WEIGHT))
    return weights


def _wording_weights(text: str, kind: str) -> list[tuple[str, float]]:
    weights: list[tuple[str, float]] = []
    if _HEDGE_RE.search(text) or _MAY_RE.search(text):
        weights.append(("hedged/opinion", -HEDGE_PENALTY))
    if kind != "headline" and len(text.split(None, SHORT_CLAIM_WORDS)) < SHORT_CLAIM_WORDS:
        weights.append(("too short", -SHORT_PENALTY))
    if text.rstrip(_TRAILING_CLOSERS).endswith("?"):
        weights.append(("question", -QUESTION_PENALTY))
    return weights

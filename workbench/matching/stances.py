"""Positions a claim takes that another report of the same fact may take the other way.

Figures and dates disagree in values; some reports disagree in words. "Activision's chief is
expected to leave once the deal closes" and, later, "the chief will stay through the end of
the year" state no figure in common, yet one contradicts the other; so do "the watchdog blocks
the takeover" and "the watchdog clears the takeover", and "Musk moves to terminate the Twitter
deal" and "Musk completes the Twitter takeover". Each topic here has two sides, written
as a few verbs; a negation just before the verb turns it to the other side ("will not be
leaving" is staying). A claim that takes both sides of one topic tells a history ("blocked in
April, cleared in October") and takes neither.

Pure text reading; `workbench.matching.relations` compares the stances of a group's members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Stance:
    topic: str  # what the two sides are about: "tenure", "ruling", "deal"
    side: str  # one of the topic's two sides: "leaving" or "staying"
    start: int  # the verb's span in the claim
    end: int
    words: str  # the verb as written, with a negation before it if any


@dataclass(frozen=True)
class _Topic:
    name: str
    sides: tuple[tuple[str, re.Pattern[str]], tuple[str, re.Pattern[str]]]
    # The topic is read only in claims that say what it is about: an executive's tenure needs
    # a post ("leave the EU" is not a resignation).
    about: re.Pattern[str] | None = None
    # ... or, stricter, only where the verb has that word in its own clause, this many
    # characters either side ("shares closed at $40" is no deal closed).
    near: int | None = None
    # Letters every verb of either side contains (`_roots`): a claim with none of them is
    # passed over after one cheap search (a full regroup reads every claim).
    roots: re.Pattern[str] | None = None


def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(words, re.IGNORECASE)


def _roots(*letters: str) -> re.Pattern[str]:
    return re.compile("|".join(letters))  # searched in the lower-cased claim


_DEAL_WORDS = r"\b(?:deal|merger|takeover|acquisition|purchase|buyout|agreement|contract|bid)\b"
_TOPICS: tuple[_Topic, ...] = (
    _Topic(
        "tenure",
        (
            (
                "leaving",
                _pattern(
                    r"\b(?:leav(?:e|es|ing)|step(?:s|ping|ped)?\s+down|resign(?:s|ed|ing)?"
                    r"|quit(?:s|ting)?|depart(?:s|ed|ing|ure)?|oust(?:s|ed|ing|er)?"
                    r"|sack(?:s|ed|ing)?|dismiss(?:es|ed|al)\b(?!\s+(?:the\s+)?(?:claims?|case"
                    r"|lawsuit|suit|charges?|appeal|concerns?|reports?|allegations?))"
                    # A person fired, not a weapon: "fired Altman", "was fired by the board".
                    r"|fir(?:es|ed|ing)\b(?!\s+(?:on|at|upon|off|up|back|a|an|\d|missiles?"
                    r"|rockets?|shots?|shells?|warning))"
                    r"|remov(?:es|ed|ing|al)\b(?=[^.;:]{0,40}\b(?:as|from)\b))\b"
                ),
            ),
            (
                "staying",
                _pattern(
                    r"\b(?:(?:stay(?:s|ed|ing)?|remain(?:s|ed|ing)?|continu(?:e|es|ed|ing))\b"
                    r"(?=\s+(?:on\b|as\b|at\s+the\s+helm|in\s+(?:his|her|their|the|that)"
                    r"\s+(?:role|post|job|position)|through|until|to\s+(?:serve|lead|run)))"
                    # Back in the post: "to return as CEO", "rejoins", "reinstated".
                    r"|return(?:s|ed|ing)?(?=\s+(?:as|to)\b)|rejoin(?:s|ed|ing)?\b"
                    # Not a thing put back: "to have his pay package reinstated".
                    r"|(?<!package\s)(?<!plan\s)(?<!pay\s)(?<!award\s)(?<!deal\s)"
                    r"(?<!compensation\s)(?<!benefits\s)(?<!licen[cs]e\s)"
                    r"reinstat(?:e|es|ed|ing|ement)\b(?!\s+of\s+(?:\w+\s+){0,2}(?:pay|package|plan"
                    r"|award|compensation|benefits|licen[cs]e)\b)|back\s+as\b)"
                ),
            ),
        ),
        about=_pattern(
            r"\b(?:CEO|chief|chairman|chairwoman|chair|president|minister|director|head"
            r"|leader|boss|manager|coach|secretary|governor)\b"
        ),
        roots=_roots(
            *("leav", "step", "resign", "quit", "depart", "oust", "sack", "dismiss", "fir"),
            *("remov", "stay", "remain", "continu", "return", "rejoin", "reinstat", "back"),
        ),
    ),
    _Topic(
        "ruling",
        (
            (
                "cleared",
                _pattern(
                    r"\b(?:approv(?:es|ed)|clear(?:s|ed)(?!\s+the\s+way)|green-?light(?:s|ed))\b"
                ),
            ),
            (
                "blocked",
                _pattern(r"\b(?:block(?:s|ed)|reject(?:s|ed)|veto(?:es|ed)|prohibit(?:s|ed))\b"),
            ),
        ),
        about=_pattern(
            rf"{_DEAL_WORDS}|\b(?:application|licen[cs]e|bill|law|plan|proposal|request)\b"
        ),
        roots=_roots("approv", "clear", "green", "block", "reject", "veto", "prohibit"),
    ),
    _Topic(
        "deal",
        (
            (
                "called off",
                _pattern(
                    r"\b(?:terminat(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+off|scrap(?:s|ped)"
                    r"|abandon(?:s|ed|ing)?|walk(?:s|ed)?\s+away\s+from|pull(?:s|ed)\s+out\s+of"
                    r"|cancel(?:s|l?ed|l?ing)?)\b"
                ),
            ),
            (
                "completed",
                _pattern(
                    r"\b(?:complet(?:es|ed)|clos(?:es|ed)|finali[sz](?:es|ed)|seal(?:s|ed))\b"
                ),
            ),
        ),
        about=_pattern(_DEAL_WORDS),
        near=40,
        roots=_roots(
            *("terminat", "call", "scrap", "abandon", "walk", "pull", "cancel"),
            *("complet", "clos", "finali", "seal"),
        ),
    ),
)
# A negation up to two words before the verb: "will not be leaving", "won't step down", "has
# no longer approved".
_NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bno\s+longer)\s+(?:[\w'\u2019]+\s+){0,2}\Z", re.I)
_NEGATION_REACH = 40
_CONDITION = re.compile(
    r"\b(?:if|once|when|unless|until|whether)\s+(?:[\w'\u2019$.-]+\s+){0,3}\Z", re.I
)

_ATTEMPT = re.compile(
    r"\b(?:tri(?:ed|es)|trying|attempt(?:ed|s|ing)|s(?:ought|eeks?|eeking)|threaten(?:ed|s|ing)"
    r"|want(?:ed|s))\s+to\s+\Z",
    re.I,
)


def read_stances(text: str) -> list[Stance]:
    """The stances the claim takes, at most one per topic."""
    stances = []
    lower = text.lower()
    for topic in _TOPICS:
        if topic.roots is not None and topic.roots.search(lower) is None:
            continue
        if topic.about is not None and topic.about.search(text) is None:
            continue
        found = [stance for side in range(2) for stance in _side_stances(topic, side, text)]
        if found and all(stance.side == found[0].side for stance in found):
            stances.append(found[0])
    return stances


def _side_stances(topic: _Topic, side: int, text: str) -> list[Stance]:
    stances = []
    for match in topic.sides[side][1].finditer(text):
        if topic.near is not None and not _in_clause_with(topic, text, match):
            continue
        before = text[max(0, match.start() - _NEGATION_REACH) : match.start()]
        if _CONDITION.search(before):
            continue  # "to leave once the deal closes": a condition, not a position
        if _ATTEMPT.search(before):
            continue  # "Musk had tried to walk away from the deal": an attempt, since overtaken
        negation = _NEGATION.search(before)
        taken = 1 - side if negation else side
        start = match.start() - len(negation.group(0)) if negation else match.start()
        stances.append(
            Stance(topic.name, topic.sides[taken][0], start, match.end(), text[start : match.end()])
        )
    return stances


def _in_clause_with(topic: _Topic, text: str, match: re.Match[str]) -> bool:
    """Whether the topic's word sits next to the verb, in its clause, no other phrase between."""
    assert topic.about is not None and topic.near is not None
    before = _CLAUSE_BREAK.split(text[max(0, match.start() - topic.near) : match.start()])[-1]
    after = _CLAUSE_BREAK.split(text[match.end() : match.end() + topic.near])[0]
    earlier = list(topic.about.finditer(before))
    if earlier and _NEW_PHRASE.search(before, earlier[-1].end()) is None:
        return True  # "the deal was called off"
    later = topic.about.search(after)
    return later is not None and _NEW_PHRASE.search(after, 0, later.start()) is None


_CLAUSE_BREAK = re.compile(r"[.;:,]\s")
# Words that open another phrase between the verb and the deal word: "shares closed at $40
# after the deal news" tells of the shares, not the deal.
_NEW_PHRASE = re.compile(
    r"\b(?:at|after|before|amid|despite|following|as|while|when|since|until)\b", re.I
)

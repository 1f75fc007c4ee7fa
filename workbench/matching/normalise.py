"""Claim text reduced to what matching compares: content words, spelling variants folded.

Figures are kept as value tokens ("28e9") for finding candidates, since two outlets quoting the
same figure very likely report the same fact; the similarity score replaces them with a
placeholder so that "28 billion" and "28 million" still look alike (the relation step then
flags the difference instead of the grouping hiding it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from workbench.importers.numbers import NAMING_WORDS

_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")
_NUMBER = re.compile(r"\d")

# Function words and reporting verbs: they say how something was reported, not what.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself said says
    say saying told tells added adds noted notes stated states announced announces according
    emphasised emphasized underlined warned it's its' s t would've we're they're
    mr ms mrs""".split()
)  # fmt: skip

# British and American spellings, and names one outlet shortens and another does not.
_VARIANTS = {
    "defence": "defense", "programme": "program", "programmes": "program",
    "organisation": "organization", "europe's": "europe", "eu's": "eu", "ukraine's": "ukraine",
    "russia's": "russia", "kyiv's": "kyiv", "kiev": "kyiv", "emphasise": "emphasize",
    "armoured": "armored", "centre": "center", "labour": "labor", "favour": "favor",
    "shells": "rounds", "shell": "rounds", "ammunition": "rounds", "munitions": "rounds",
    "troops": "soldiers", "percent": "%", "per": "",
    # Past forms the stemmer leaves alone: "the economy grew 5.2%" is "grows", "growing".
    "grew": "grow", "grown": "grow", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "won": "win", "lost": "lose", "struck": "strike", "sank": "sink",
    "sunk": "sink", "shook": "shake", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "sold": "sell", "paid": "pay", "held": "hold", "kept": "keep",
    "brought": "bring", "fled": "flee", "flew": "fly", "flown": "fly", "fought": "fight",
    "knew": "know", "known": "know", "sent": "send", "spent": "spend", "stood": "stand",
    "wrote": "write", "written": "write", "broke": "break", "broken": "break",
    "froze": "freeze", "frozen": "freeze", "chose": "choose", "chosen": "choose",
    "caught": "catch", "sought": "seek", "shrank": "shrink", "shrunk": "shrink",
    "drove": "drive", "driven": "drive", "swept": "sweep", "became": "become", "led": "lead",
}  # fmt: skip
# Stems that news reports use interchangeably for the same thing in this domain.
_SYNONYMS = {
    "ukrainian": "ukrain", "european": "europ", "bloc": "eu", "brussel": "eu",
    "assist": "aid", "assistanc": "aid", "help": "aid", "support": "aid",
    "set": "open", "launch": "open", "establish": "open", "creat": "open",
    "begin": "start", "began": "start", "begun": "start", "commenc": "start",
    "manufactur": "produc", "make": "produc", "made": "produc", "output": "produc",
    "product": "produc", "firm": "compani", "plant": "factori",
    "arm": "weapon", "armament": "weapon", "purchas": "buy", "procur": "buy", "bought": "buy",
    "pledg": "promis", "vow": "promis", "unveil": "announc", "disclos": "announc",
    "presid": "presid", "train": "train", "troop": "soldier", "kiev": "kyiv",
    # How outlets word a figure's move: "grew", "expanded"; "rose", "climbed", "jumped".
    "expand": "grow", "increas": "rise", "climb": "rise", "jump": "rise", "soar": "rise",
    "surg": "rise", "declin": "fall", "drop": "fall", "tumbl": "fall", "plung": "fall",
    "britain": "uk",
}  # fmt: skip
# Names an outlet writes out and another abbreviates; matched in the original case, where
# "US" and "WHO" are not the words "us" and "who".
_CASED_PHRASES = [
    (re.compile(r"\bU\.S\.(?:A\.)?|\bUSA?\b"), " usa "),
    (re.compile(r"\bU\.K\.|\bUK\b"), " uk "),
    (re.compile(r"\bWHO\b"), " whoorg "),
]
# Phrases one outlet writes out and another shortens, replaced in one pass over the lowered
# text (one alternation costs a fraction of a search per phrase, and every claim comes here).
_PHRASE_REPLACEMENTS = {
    r"european union": "eu",
    r"european commission": "commission",
    r"per ?cent": "%",
    r"united states(?: of america)?": "usa",
    r"united kingdom": "uk",
    r"united nations": "un",
    r"gross domestic product": "gdp",
    r"initial public offering": "ipo",
    r"chief executive(?: officer)?": "ceo",
    r"international monetary fund": "imf",
    r"federal reserve": "fed",
    r"european central bank": "ecb",
    r"securities and exchange commission": "sec",
    r"artificial intelligence": "ai",
    r"consumer price index": "cpi",
    r"world health organi[sz]ation": "whoorg",
    r"north atlantic treaty organi[sz]ation": "nato",
    r"set(?:ting)? up": "open",
    r"turn(?:s|ed|ing)? out": "produce",
    r"half a million": "500000",
    r"one million": "1 million",
    r"two million": "2 million",
}
_PHRASES = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<p{index}>{pattern})" for index, pattern in enumerate(_PHRASE_REPLACEMENTS))
    + r")\b"
)
_PHRASE_BY_GROUP = {f"p{index}": text for index, text in enumerate(_PHRASE_REPLACEMENTS.values())}
_MAY_HAVE_CASED_NAME = re.compile(r"U\.?[SK]|WHO")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A scale written onto the figure, as headlines do: "$44bn", "$1.9T", "£38.1bn", "€5m".
_SCALED = re.compile(r"(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn|trn|t)")
_SUFFIX_SCALE = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "t": 1e12,
}


@dataclass(frozen=True)
class MatchText:
    """A claim as matching sees it."""

    tokens: tuple[str, ...]  # content tokens in order, figures as value tokens ("#28e9")
    fingerprint: str  # content tokens with figures as "#", for the fuzzy scorer
    token_set: frozenset[str]  # distinct tokens, figures with their values (for candidates)
    comparable: frozenset[str]  # distinct tokens, figures as "#" (for similarity)


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    # Snowball (Porter 2) folds word forms (coordination/coordinated, deliver/delivered); the
    # cache matters because news vocabulary repeats.
    word = _VARIANTS.get(word, word)
    if not word or _NUMBER.search(word):
        return word
    stem = _STEMMER.stemWord(word)
    return _SYNONYMS.get(stem, stem)


@lru_cache(maxsize=65536)
def _has_digit(word: str) -> bool:
    # Cached: called for every word of every claim, and news vocabulary repeats.
    return _NUMBER.search(word) is not None


_QUESTION = re.compile(r"\?[\s\"'’”)]*\Z")
_NOTHING = MatchText((), "", frozenset(), frozenset())


def _phrase_replacement(match: re.Match[str]) -> str:
    return _PHRASE_BY_GROUP[match.lastgroup or ""]


def match_text(text: str) -> MatchText:
    if _QUESTION.search(text):
        # A question asserts nothing ("Why did SVB fail?", a sub-heading): two questions on
        # one subject are not one fact, so matching sees no words in it.
        return _NOTHING
    if _MAY_HAVE_CASED_NAME.search(text):
        for pattern, replacement in _CASED_PHRASES:
            text = pattern.sub(replacement, text)
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    if not lowered.isascii():
        lowered = _ascii_letters(lowered)
    lowered = _PHRASES.sub(_phrase_replacement, lowered)
    words = _WORD.findall(lowered)
    tokens: list[str] = []
    shown: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if _has_digit(word) and index and words[index - 1] in NAMING_WORDS:
            # "Boeing 737", "Max 9", "Flight 370": part of a name, a word like any other, never
            # a figure that links two claims or that the scorer sets aside.
            tokens.append(word)
            shown.append(word)
            index += 1
            continue
        if _has_digit(word):
            value, index = _figure(words, index)
            tokens.append(value)
            shown.append("#")
            continue
        index += 1
        if word in STOPWORDS:
            continue
        folded = _fold(word)
        if folded and folded not in STOPWORDS:
            tokens.append(folded)
            shown.append(folded)
    return MatchText(tuple(tokens), " ".join(shown), frozenset(tokens), frozenset(shown))


# Accents as NFKD writes them apart from their letters.
_COMBINING = re.compile("[\u0300-\u036f]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_letters(text: str) -> str:
    """Letters without their accents, and a space for any other character beyond ASCII: one
    outlet writes "Düsseldorf" or "Kraków", another "Dusseldorf" or "Krakow", and the word
    pattern would cut the accented spelling in two ("d", "sseldorf"). A dash between figures
    ("2020–2024") becomes a space, not nothing."""
    return _NOT_ASCII.sub(" ", _COMBINING.sub("", unicodedata.normalize("NFKD", text)))


def _figure(words: list[str], index: int) -> tuple[str, int]:
    """A value token for the number at words[index] (with a following scale word)."""
    raw = words[index].replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        scaled = _SCALED.fullmatch(raw)
        if scaled is None:
            return f"#{raw}", index + 1
        return f"#{float(scaled[1]) * _SUFFIX_SCALE[scaled[2]]:g}", index + 1
    if index + 1 < len(words) and words[index + 1] in _SCALE:
        return f"#{value * _SCALE[words[index + 1]]:g}", index + 2
    return f"#{value:g}", index + 1

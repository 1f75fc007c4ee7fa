"""Find the person or organisation a sentence attributes its statement to.

The heuristic is regex-plus-token based and linear in the sentence length. It looks for a speech
verb (``SPEECH_VERB_RE``: said, says, added, noted, stated, told, announced, emphasized /
emphasised, underlined, warned, "according to", plus a few present-tense forms) and reads the
name next to it:

* before the verb: ``…," von der Leyen said.``, ``Kallas said …``,
  ``EU foreign policy chief Kaja Kallas said on Friday`` (the run of capitalised words, with
  name particles such as "von der", directly before the verb; a leading title such as
  "European Commission President" is cut off);
* an appositive before the verb: ``Alexander Kamyshin, advisor to …, told`` (the name before the
  descriptive clause wins);
* after the verb: ``said Kubilius``, ``said Andrius Kubilius, European Defense Commissioner``,
  ``according to von der Leyen``.

Pronoun attributions ("she said", "he added", "according to him") give ``None``;
``resolve_speakers`` carries the last named speaker of the article to them. It does not check
gender or number, so "she said" after "Poulsen said" resolves to Poulsen; it does skip
organisations ("the Commission", "EU officials"), which a "she said" cannot refer to.
"""

from __future__ import annotations

import re

SPEECH_VERB_RE = re.compile(
    r"\b(?:said|says|added|adds|noted|stated|told|tells|announced|announces|"
    r"emphasi[sz]ed|emphasi[sz]es|underlined|underlines|warned|warns|[Aa]ccording to)\b"
)

# How far either side of the verb a name may sit; keeps every lookup O(1) per verb.
_WINDOW_CHARS = 160
_MAX_NAME_TOKENS = 6

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "du", "la", "le", "da", "di", "del", "al", "bin", "ter"}
)
_TITLE_WORDS = frozenset(
    {
        "president", "minister", "commissioner", "chief", "secretary", "chancellor",
        "spokesperson", "spokesman", "spokeswoman", "ambassador", "director", "head", "leader",
        "adviser", "advisor", "official", "envoy", "governor", "mayor", "chairman", "chairwoman",
        "chair", "ceo", "general", "gen.", "senator", "sen.", "representative", "rep.", "mr.",
        "mrs.", "ms.", "dr.", "prof.", "diplomat", "premier", "king", "queen", "commander",
    }
)  # fmt: skip
# Capitalised only because they open the sentence; never part of a speaker's name.
_LEADING_FILLERS = frozenset(
    {"the", "but", "and", "however", "meanwhile", "also", "yet", "so", "then", "now", "in", "on"}
)
# Words allowed between the speaker and the verb: "Poulsen also said", "Kallas has warned".
_ADVERBS_BEFORE_VERB = frozenset(
    {"also", "has", "had", "have", "then", "later", "earlier", "again", "further", "previously",
     "recently", "once", "reportedly", "repeatedly", "publicly", "already"}
)  # fmt: skip
# After the verb these words mean no name follows ("said on Friday", "said that …").
_STOPS_AFTER_VERB = frozenset(
    {"that", "on", "in", "at", "to", "during", "after", "before", "while", "when", "it", "this"}
)
_ORG_NOUNS = frozenset(
    {"government", "ministry", "commission", "agency", "office", "army", "military", "police",
     "authorities", "officials", "parliament", "council", "service"}
)  # fmt: skip
_CALENDAR_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "today", "yesterday"}
)  # fmt: skip
_EDGE_PUNCT = ".,;:!?\"“”‘’'()[]«»"
_CLAUSE_END_CHARS = ",;:!?\"“”‘’')]."


def find_speaker(sentence: str) -> str | None:
    """The named person or organisation the sentence quotes, or None (also for pronouns)."""
    return _attribute(sentence)[0]


def resolve_speakers(sentences: list[str]) -> list[str | None]:
    """Speakers per sentence; a pronoun attribution inherits the last named speaker before it."""
    resolved: list[str | None] = []
    last_person: str | None = None
    for sentence in sentences:
        name, by_pronoun = _attribute(sentence)
        if name is not None:
            # "she said" after "according to the Commission" still means the last person named.
            if not _is_organisation(name):
                last_person = name
            resolved.append(name)
        else:
            resolved.append(last_person if by_pronoun else None)
    return resolved


def _is_organisation(name: str) -> bool:
    words = {_bare(word).lower() for word in name.split()}
    return bool(words & _ORG_NOUNS) or name.isupper()


def _attribute(sentence: str) -> tuple[str | None, bool]:
    """(named speaker, whether some speech verb was attributed to a pronoun)."""
    saw_pronoun = False
    for verb in SPEECH_VERB_RE.finditer(sentence):
        after = sentence[verb.end() : verb.end() + _WINDOW_CHARS]
        if verb.group().lower().startswith("according"):
            name, by_pronoun = _name_after(after)
        else:
            before = sentence[max(0, verb.start() - _WINDOW_CHARS) : verb.start()]
            name, by_pronoun = _name_before(before)
            if name is None and not by_pronoun:
                name, by_pronoun = _name_after(after)
        saw_pronoun = saw_pronoun or by_pronoun
        if name is not None:
            return name, saw_pronoun
    return None, saw_pronoun


def _name_before(before: str) -> tuple[str | None, bool]:
    tokens = before.split()
    while tokens and tokens[-1].lower() in _ADVERBS_BEFORE_VERB:
        tokens.pop()
    if not tokens:
        return None, False
    if _bare(tokens[-1]).lower() in _SUBJECT_PRONOUNS:
        return None, True
    if tokens[-1].endswith(","):
        return _appositive_name(tokens), False
    if tokens[-1][-1] in _CLAUSE_END_CHARS and not _is_initial(tokens[-1]):
        return None, False  # `…Ukraine,” said X`: the words before belong to the quotation
    return _clean_name(_name_tokens_backwards(tokens)), False


def _appositive_name(tokens: list[str]) -> str | None:
    """`A, descriptor, said`: the last comma chunk when it is a bare name, else the chunk before."""
    last_comma_chunk = _comma_chunk(tokens, len(tokens) - 1)
    if last_comma_chunk and all(_is_name_token(_bare(t)) for t in last_comma_chunk):
        return _clean_name([_bare(t) for t in last_comma_chunk])
    earlier = tokens[: len(tokens) - len(last_comma_chunk)]
    if not earlier or not earlier[-1].endswith(","):
        return None
    return _clean_name(_name_tokens_backwards(earlier[:-1] + [earlier[-1].rstrip(",")]))


def _comma_chunk(tokens: list[str], last: int) -> list[str]:
    """Tokens from after the previous comma up to and including tokens[last]."""
    first = last
    while first > 0 and not tokens[first - 1].endswith(","):
        first -= 1
    return tokens[first : last + 1]


def _name_tokens_backwards(tokens: list[str]) -> list[str]:
    collected: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if collected and token[-1] in _CLAUSE_END_CHARS and not _is_initial(token):
            break
        bare = _bare(token)
        if not _is_name_token(bare):
            break
        collected.append(bare)
        if token[0] in _EDGE_PUNCT:  # an opening quote or bracket starts the name
            break
    collected.reverse()
    return collected


def _name_after(after: str) -> tuple[str | None, bool]:
    tokens = after.split()[:12]
    if tokens and _bare(tokens[0]).lower() in _OBJECT_PRONOUNS:
        return None, True
    start = 1 if tokens and tokens[0].lower() == "the" else 0
    start = _skip_descriptor(tokens, start)
    collected: list[str] = []
    for token in tokens[start:]:
        bare = _bare(token)
        if _is_name_token(bare):
            collected.append(bare)
        elif collected and bare.lower() in _ORG_NOUNS:
            collected.append(bare)  # "according to the Ukrainian government"
            break
        else:
            break
        if token[-1] in _CLAUSE_END_CHARS and not _is_initial(token):
            break
    return _clean_name(collected), False


def _skip_descriptor(tokens: list[str], start: int) -> int:
    """Index just after a title word such as "chief" in "said EU foreign policy chief Kaja…"."""
    name_start = start
    for index in range(start, min(len(tokens), start + 8)):
        word = _bare(tokens[index]).lower()
        if word in _STOPS_AFTER_VERB:
            break
        if word in _TITLE_WORDS:
            name_start = index + 1
        if tokens[index][-1] in _CLAUSE_END_CHARS:
            break
    return name_start


def _clean_name(tokens: list[str]) -> str | None:
    """Drop sentence-initial fillers and leading titles; None when no name is left."""
    while tokens and tokens[0].lower() in _LEADING_FILLERS:
        tokens = tokens[1:]
    title_end = 0
    for index, token in enumerate(tokens):
        if token.lower() in _TITLE_WORDS or token.lower() + "." in _TITLE_WORDS:
            title_end = index + 1
    tokens = tokens[title_end:]
    while tokens and tokens[-1].lower() in _NAME_PARTICLES:
        tokens = tokens[:-1]
    if not tokens or all(t.lower() in _NAME_PARTICLES for t in tokens):
        return None
    tokens = tokens[-_MAX_NAME_TOKENS:]
    if tokens[0] == "Von" and len(tokens) > 1:
        # German nobiliary particle: "Von der Leyen" opens sentences, the name is "von der Leyen".
        tokens = ["von", *tokens[1:]]
    return " ".join(tokens)


def _is_name_token(bare: str) -> bool:
    if not bare:
        return False
    lowered = bare.lower()
    if lowered in _NAME_PARTICLES:
        return True
    if lowered in _CALENDAR_WORDS or lowered in _SUBJECT_PRONOUNS:
        return False
    return bare[0].isupper()


def _is_initial(token: str) -> bool:
    """ "F." in "John F. Kennedy" ends with a period but does not end the name."""
    return len(token) == 2 and token[0].isupper() and token[1] == "."


def _bare(token: str) -> str:
    """The word without surrounding punctuation; an initial keeps its period ("F.")."""
    stripped = token.strip(_EDGE_PUNCT)
    if len(stripped) == 1 and token.startswith(stripped + "."):
        return stripped + "."
    return stripped

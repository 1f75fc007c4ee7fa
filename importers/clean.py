"""Strip web-page chrome from an article's plain text, keeping the headline and the body.

The input is the text of a page as captured (one paragraph per line, blank lines optional).
Lines are classified one by one; anything not recognised as chrome stays in the body, so an
unknown kind of clutter costs a stray claim rather than a lost sentence.

Dropped (recorded in ``CleanedArticle.removed``):

* page furniture lines: "News Feed" before the body, "Show more", "Load more", "Video",
  "Share", "Tweet", "Advertisement", reading times ("2 min read", "Reading time: 3 minutes"),
  bylines ("By Jane Doe and John Roe"), "Read more: <other headline>" link lines (also "Also
  read :", "See also:", "Related |"), comment counts before the body;
* a second copy of the headline;
* a dateline-only line (one or two all-caps words such as "ISTANBUL", optionally ", Country"):
  it is where the story was filed, not a claim. The first one is kept as
  ``CleanedArticle.dateline`` metadata. An all-caps one- or two-word section title is dropped
  the same way, which costs nothing since split.py would skip it as a heading anyway;
* subscription notices ("…offered to subscribers…", "Subscribe to our newsletter", …);
* trackback comments: paragraphs that start and end with "[…]" or "[...]";
* the signature after an embedded social-media post ("— Jeff Passan (@JeffPassan) December 9,
  2023", with any "pic.twitter.com/…" or "https://t.co/…" link before it); the post's own
  words stay;
* everything from the end of the article on. Once the body has begun, an author box
  ("Avatar"), a comment count ("2 comments"), "Related", "Read more", "More from …", a second
  "News Feed" and similar section titles start teasers for other stories, so that line and all
  after it are dropped. Before the body these lines are dropped alone ("Avatar" with the author
  name and job title lines after it) so a page that opens with an author box keeps its article.

Photo captions and credits — a line ending with a parenthesised credit ("(Name / Outlet)",
"(Photo: …)"), a line starting "Photo:" or ending with "Getty Images" — leave the body for
``CleanedArticle.captions``. A caption describes a picture, not a reported fact, so it is not a
claim; it is kept because it often carries the only full date of the story ("…in Kyiv on
Feb. 24, 2024.") for the publication-date search.

Sub-headings ("What Comes Next") stay in the body as their own paragraph; split.py skips short
lines without terminal punctuation, so they never become claims. Bullet items are normalised to
"- item" lines, one list per paragraph. Text inside kept lines is never altered (only a glued
label or a post signature is cut from an edge), so literal "[…]" or "[bold]" in a real
paragraph survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
# Author-box lines after "Avatar": the author's name and job title.
AUTHOR_BOX_LINES = 2
AUTHOR_BOX_LINE_MAX_WORDS = 6
NOTICE_MAX_CHARS = 500

# Compared after lowercasing and trimming trailing ":" / "." and spaces.
_CHROME_LINES = frozenset(
    {"show more", "show less", "load more", "video", "share", "tweet", "advertisement",
     "sponsored", "share this article", "share on facebook", "share on x", "share on twitter",
     "print", "email", "copy link", "listen to this article", "skip to content", "follow us",
     "news feed", "placeholder image", "image placeholder"}
)  # fmt: skip
_END_OF_ARTICLE_LINES = frozenset(
    {"avatar", "related", "related articles", "related stories", "related news", "read more",
     "read also", "more stories", "most read", "most popular", "recommended", "news feed",
     "you may also like", "latest news", "comments", "leave a comment", "leave a reply"}
)  # fmt: skip
_SUBSCRIPTION_PHRASES = (
    "offered to subscribers",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "contact us for subscription options",
    "our weekly newsletter",
    "our daily newsletter",
    "subscribe free to",
)
_READING_TIME_RE = re.compile(
    r"(?:\d{1,3}\s*min(?:ute)?s?\.?\s+read|reading\s+time:?\s*\d{1,3}\s*min(?:ute)?s?\.?)",
    re.IGNORECASE,
)
_COMMENT_COUNT_RE = re.compile(r"(?:\d{1,6}|no)\s+comments?|comments?\s*\(\d{1,6}\)", re.I)
_MORE_FROM_RE = re.compile(r"more\s+from\b", re.IGNORECASE)
# A line that points to another article: "Read more: …", "Also read : …", "ALSO READ | …".
_READ_MORE_LINK_RE = re.compile(
    r"(?:read\s+(?:more|also)|also\s+read|see\s+also|related)\s*[:|]", re.IGNORECASE
)
_DATELINE_RE = re.compile(r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)?(?:, [A-Z][a-z]+)?")
_TRACKBACK_EDGE = ("[…]", "[...]")
_CAPTION_START_RE = re.compile(r"(?:photo|photograph|image|picture|credit)s?(?:\s+by)?\s*:", re.I)
_TRAILING_PARENTHESIS_RE = re.compile(r"\(([^()]{1,160})\)$")
_CREDIT_WORDS_RE = re.compile(
    r"\b(?:photo|image|credit|courtesy|getty|afp|reuters|ap|epa|shutterstock|anadolu|handout)\b",
    re.IGNORECASE,
)
_TRAILING_CREDIT_RE = re.compile(
    r"(?:Getty Images|Shutterstock)\W*$|\|\s*(?:photo\s+)?credits?\s*:\s*[\w .&/-]{1,40}$", re.I
)
# A credit line without a colon: "Photo by Jim Ruymen/UPI", "CNA photo April 6, 2024".
_CREDIT_LINE_RE = re.compile(
    r"(?:(?:photo|photograph|image|picture)s?\s+(?:by|courtesy\s+of)\s|[A-Z]{2,6}\s+photo\b)",
    re.IGNORECASE,
)
CREDIT_LINE_MAX_WORDS = 8
# A section label some sites glue to the start of a paragraph: "The Brief A Georgia judge ...".
_LABEL_PREFIX_RE = re.compile(r"The Brief\s+(?=[A-Z])")
# The signature a page leaves after an embedded post: "… $700 million. — Jeff Passan
# (@JeffPassan) December 9, 2023", with the post's picture or short links before it. The date
# is when the post went up, not a date the post reports, so it must not reach the claim.
_EMBED_SIGNATURE_RE = re.compile(
    r"(?:\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+))*\s*[—–]\s*[^—–()\n]{1,60}"
    r"\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}$"
)
# A live quote a finance site writes after a company's name, "Nvidia (NVDA 4.08%) shares
# climbed 0.7%": the move on the day the page was read, not one the article reports.
_LIVE_QUOTE_RE = re.compile(
    r"\s\((?:[A-Z]{1,6}:\s?)?[A-Z]{1,5}(?:\.[A-Z])?\s[-+−]?\d{1,3}\.\d{1,2}%\)"
)
_BULLET_RE = re.compile(r"[•*·▪◦‣–-]\s+(?=\S)")
_NUMBERED_ITEM_RE = re.compile(r"\d{1,3}[.)]\s+(?=\S)")
_SENTENCE_END_CHARS = ".!?…:;\"”’')]"
_BYLINE_JOINERS = frozenset({"and", "&", "von", "van", "der", "de", "la", "du", "da", "di", "al"})


@dataclass(frozen=True)
class CleanedArticle:
    title: str | None
    body: str
    captions: list[str]
    removed: list[str]
    dateline: str | None = None

    @property
    def text(self) -> str:
        """The stored article text: headline paragraph, blank line, body."""
        if self.title is None:
            return self.body
        return f"{self.title}\n\n{self.body}" if self.body else self.title


@dataclass
class _Cleaner:
    """Line-by-line state while cleaning one article."""

    title: str | None
    title_settled: bool
    blocks: list[list[str]]  # paragraphs; a list paragraph holds several "- item" lines
    captions: list[str]
    removed: list[str]
    dateline: str | None = None
    skip_author_box: int = 0
    blank_since_last_line: bool = False

    @property
    def body_started(self) -> bool:
        return bool(self.blocks)


def clean_article(raw: str, title: str | None = None) -> CleanedArticle:
    """Split ``raw`` page text into headline, body, captions and dropped lines."""
    known_title = title.strip() if title and title.strip() else None
    state = _Cleaner(known_title, known_title is not None, [], [], [])
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    for index, line in enumerate(lines):
        if not line:
            state.blank_since_last_line = True
            continue
        if state.body_started and _ends_article(line):
            state.removed.extend(rest for rest in lines[index:] if rest)
            break
        wraps_on = index + 1 < len(lines) and lines[index + 1][:1].islower()
        _take_line(state, line, wraps_on)
        state.blank_since_last_line = False
    body = "\n\n".join("\n".join(block) for block in state.blocks)
    return CleanedArticle(state.title, body, state.captions, state.removed, state.dateline)


def _take_line(state: _Cleaner, line: str, wraps_on: bool) -> None:
    """Route one non-blank line; ``wraps_on``: the next line continues it (hard wrap)."""
    if (label := _LABEL_PREFIX_RE.match(line)) is not None:
        state.removed.append(label.group(0).strip())
        line = line[label.end() :]
    if (signature := _EMBED_SIGNATURE_RE.search(line)) is not None and signature.start() > 0:
        state.removed.append(signature.group(0).strip())
        line = line[: signature.start()]
    for quote in _LIVE_QUOTE_RE.findall(line):
        state.removed.append(quote.strip())
    line = _LIVE_QUOTE_RE.sub("", line)
    if state.skip_author_box and _is_author_box_line(line):
        state.skip_author_box -= 1
        state.removed.append(line)
        return
    state.skip_author_box = 0
    if _is_chrome(line, state):
        state.removed.append(line)
        if _normalised(line) == "avatar":
            state.skip_author_box = AUTHOR_BOX_LINES
    elif _is_dateline(line):
        state.dateline = state.dateline or line
        state.removed.append(line)
    elif _is_caption(line):
        state.captions.append(line)
    elif not state.title_settled and not state.body_started:
        state.title_settled = True
        if _looks_like_headline(line) and not wraps_on:
            state.title = line
        else:
            _add_to_body(state, line)
    else:
        _add_to_body(state, line)


def _is_chrome(line: str, state: _Cleaner) -> bool:
    normalised = _normalised(line)
    if normalised in _CHROME_LINES or normalised in _END_OF_ARTICLE_LINES:
        return True  # end-of-article titles reach here only before the body has started
    if _COMMENT_COUNT_RE.fullmatch(normalised) or _READING_TIME_RE.fullmatch(normalised):
        return True
    if state.title is not None and normalised == _normalised(state.title):
        return True  # the headline repeated by the page template
    return (
        _is_byline(line)
        or _is_subscription_notice(line)
        or _is_trackback(line)
        or _READ_MORE_LINK_RE.match(line) is not None
    )


def _ends_article(line: str) -> bool:
    normalised = _normalised(line)
    if normalised in _END_OF_ARTICLE_LINES or _COMMENT_COUNT_RE.fullmatch(normalised):
        return True
    return _MORE_FROM_RE.match(line) is not None and _is_short_unpunctuated(line, 8)


def _add_to_body(state: _Cleaner, line: str) -> None:
    bullet = _BULLET_RE.match(line)
    item = f"- {line[bullet.end() :]}" if bullet else line
    is_item = bullet is not None or _NUMBERED_ITEM_RE.match(line) is not None
    last_block = state.blocks[-1] if state.blocks else None
    if last_block is not None and _is_list_block(last_block):
        if is_item:
            last_block.append(item)
            return
        if not state.blank_since_last_line and line[0].islower():
            last_block[-1] = f"{last_block[-1]} {line}"  # wrapped continuation of the item
            return
    elif last_block is not None and _is_soft_wrap(last_block[-1], line, state):
        last_block[-1] = f"{last_block[-1]} {line}"
        return
    state.blocks.append([item])


def _is_list_block(block: list[str]) -> bool:
    return block[0].startswith("- ") or _NUMBERED_ITEM_RE.match(block[0]) is not None


def _is_soft_wrap(previous: str, line: str, state: _Cleaner) -> bool:
    """A hard-wrapped paragraph: the previous line stopped mid-sentence, this one goes on."""
    return (
        not state.blank_since_last_line
        and line[0].islower()
        and previous[-1] not in _SENTENCE_END_CHARS
    )


def _looks_like_headline(line: str) -> bool:
    if len(line) > HEADLINE_MAX_CHARS or line[-1] in ".,;:" or not line[0].isupper():
        return False
    return 2 <= len(line.split()) <= HEADLINE_MAX_WORDS


def _is_dateline(line: str) -> bool:
    return len(line) <= 40 and _DATELINE_RE.fullmatch(line) is not None


def _is_byline(line: str) -> bool:
    words = line.replace(",", " , ").split()
    if len(words) < 2 or len(words) > 12 or words[0] != "By" or line[-1] in ".!?":
        return False
    return all(w[0].isupper() or w in _BYLINE_JOINERS or w == "," for w in words[1:])


def _is_subscription_notice(line: str) -> bool:
    lowered = line.lower()
    return len(line) <= NOTICE_MAX_CHARS and any(p in lowered for p in _SUBSCRIPTION_PHRASES)


def _is_trackback(line: str) -> bool:
    return line.startswith(_TRACKBACK_EDGE) and line.endswith(_TRACKBACK_EDGE)


def _is_caption(line: str) -> bool:
    if _CAPTION_START_RE.match(line) or _TRAILING_CREDIT_RE.search(line):
        return True
    if _CREDIT_LINE_RE.match(line) and _is_short_unpunctuated(line, CREDIT_LINE_MAX_WORDS):
        return True
    credit = _TRAILING_PARENTHESIS_RE.search(line)
    if credit is None:
        return False
    inside = credit.group(1)
    return " / " in inside or _CREDIT_WORDS_RE.search(inside) is not None


def _is_author_box_line(line: str) -> bool:
    return _is_short_unpunctuated(line, AUTHOR_BOX_LINE_MAX_WORDS)


def _is_short_unpunctuated(line: str, max_words: int) -> bool:
    return line[-1] not in _SENTENCE_END_CHARS and len(line.split()) <= max_words


def _normalised(line: str) -> str:
    return " ".join(line.lower().rstrip(":. ").split())

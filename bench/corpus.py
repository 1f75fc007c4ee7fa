"""A generated news-like corpus for the benchmarks: our own sentence templates, varied figures.

Articles look like the demo corpus: a header, a headline, chrome lines, sentences with figures,
dates, abbreviations and multi-sentence quotations, bullet lists and a comment block.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

OUTLETS = [
    "Danube Dispatch",
    "Baltic Ledger",
    "Continental Wire",
    "Kyiv Morning Post",
    "Adriatic Observer",
    "North Sea Courier",
    "Meridian Monitor",
    "Skagerrak Times",
]
PEOPLE = [
    ("Commission President", "Ursula von der Leyen"),
    ("Commissioner", "Thierry Breton"),
    ("Defence Commissioner", "Andrius Kubilius"),
    ("foreign policy chief", "Kaja Kallas"),
    ("Defence Minister", "Troels Lund Poulsen"),
    ("presidential adviser", "Alexander Kamyshin"),
]
MONTHS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
TEMPLATES = [
    "The EU has so far delivered {amount} billion euros (${usd} billion) in military aid to "
    "Ukraine, according to {name}.",
    "{title} {name} said on {weekday} that production of ammunition had grown by {pct}% since "
    "{year}.",
    "About {count:,} Ukrainian soldiers will have been trained by the summer of {year}, the U.K. "
    "and U.S. officials said.",
    "A new office for defence innovation will open in Kyiv on {month} {day}, {name} announced.",
    "The office is already working with {small} start-ups, {title} {name} told reporters in "
    "Brussels on {month} {day}.",
    "Denmark invested about €{small}00 million last year and expects between €1.{d1} and "
    "€1.{d2} billion this year.",
    "Europe missed its target of one million shells within 12 months but will make two million "
    "this year, {name} said.",
    "The fund will bring another {small} billion euros for joint procurement, officials said "
    "at 3 p.m. local time.",
    "Analysts say the plan could take more than six months before the first disbursements, "
    "e.g. for drones and air defence.",
    "Member states are negotiating the parameters and should conclude talks before the end of "
    "the month.",
]
QUOTES = [
    "\u201cWe are doubling down on our support. This will bring another {small} billion euros "
    "for the weapons you need,\u201d {name} said.",
    '"We have trained over {count:,} soldiers so far, and we must be ready to do more. This '
    'could include trainers in Ukraine," {name} noted.',
]
CHROME = ["2 min read", "News Feed", "Show More", "Video", "Share this article"]


def _fill(template: str, rng: random.Random) -> str:
    title, name = rng.choice(PEOPLE)
    return template.format(
        amount=rng.choice([28, 28, 28, 30, 32]),
        usd=rng.choice(["30.3", "31.1", "34.6"]),
        name=name,
        title=title,
        weekday=rng.choice(["Monday", "Friday", "Wednesday"]),
        pct=rng.choice([40, 40, 14, 35]),
        year=rng.choice([2022, 2023, 2024, 2025]),
        count=rng.choice([60000, 80000, 40000, 75000]),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        small=rng.randint(2, 9),
        d1=rng.randint(1, 3),
        d2=rng.randint(4, 6),
    )


def generate_article(rng: random.Random, number: int) -> dict[str, str]:
    outlet = rng.choice(OUTLETS)
    paragraphs = [rng.choice(CHROME)] if rng.random() < 0.5 else []
    for _ in range(rng.randint(14, 24)):
        pool = QUOTES if rng.random() < 0.2 else TEMPLATES
        paragraphs.append(" ".join(_fill(rng.choice(pool), rng) for _ in range(rng.randint(1, 3))))
    if rng.random() < 0.3:
        paragraphs.append("The plan covers several areas:")
        paragraphs += [f"- {_fill(rng.choice(TEMPLATES), rng)}" for _ in range(3)]
    if rng.random() < 0.3:
        paragraphs += ["3 comments", "[\u2026] A trackback comment about something else. [\u2026]"]
    headline = _fill(rng.choice(TEMPLATES), rng).rstrip(".")[:90]
    return {
        "title": f"{headline} ({number})",
        "source": outlet,
        "url": f"https://{outlet.lower().replace(' ', '')}.example/a/{number}",
        "published": f"{rng.choice([2024, 2025])}"
        f"-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "text": "\n\n".join(paragraphs),
    }


def iter_articles(total_bytes: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    written = number = 0
    while written < total_bytes:
        article = generate_article(rng, number)
        written += len(article["text"].encode("utf-8"))
        number += 1
        yield article


def write_corpus(folder: Path, total_bytes: int) -> int:
    """Write about total_bytes of article text: mostly .txt files, every 10th batch as JSONL."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    batch: list[dict[str, str]] = []
    for article in iter_articles(total_bytes):
        count += 1
        if count % 10 == 0:
            batch.append(article)
            if len(batch) == 20:
                path = folder / f"batch_{count:06d}.jsonl"
                path.write_text("".join(json.dumps(a) + "\n" for a in batch), encoding="utf-8")
                batch = []
            continue
        header = "".join(
            f"{key}: {article[key]}\n" for key in ("title", "source", "url", "published")
        )
        (folder / f"article_{count:06d}.txt").write_text(header + "\n" + article["text"], "utf-8")
    if batch:
        path = folder / "batch_last.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in batch), encoding="utf-8")
    return count

"""Grouping at scale: seconds, peak memory, recall of the candidate stage, incremental time.

    python bench/group_bench.py --claims 100000
    python bench/group_bench.py --claims 20000 --sample 2000     # a quicker look
    python bench/group_bench.py --claims 100000 --words-only     # without sentence vectors

With sentence vectors (the default when the model is installed), the one-off cost of computing
them is timed on its own, then the grouping that uses the stored vectors.

Claims are generated from the demo corpus sentences: named entities and figures are swapped
for random ones (so there are many distinct facts, as in a real collection), and every fact
is reported one to six times with clauses reordered, words dropped or swapped and, now and
then, a figure changed (a conflict).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert, select

from workbench.db.engine import Database, open_database
from workbench.db.models import Article, Claim, Source
from workbench.demo import demo_corpus_files
from workbench.importers.pipeline import ImportRun
from workbench.importers.prepare import ArticleDefaults, prepare_article
from workbench.importers.readers import read_file
from workbench.importers.records import RawArticle
from workbench.matching.grouping import (
    GroupingInput,
    GroupingSettings,
    Scorer,
    candidate_pairs,
    document_frequencies,
    inverse_document_frequencies,
    semantic_pairs,
)
from workbench.matching.normalise import match_text
from workbench.matching.semantic import load_encoder
from workbench.matching.service import group_new_claims, regroup_all, store_missing_vectors

SYLLABLES = "ka lo mi ra ven tor sal dun bri ost mar kel ina vor ul pesh gra nol fen dar".split()
SWAPS = {
    "said": "stated", "delivered": "sent", "soldiers": "troops", "office": "bureau",
    "expects": "anticipates", "will": "is set to", "production": "output", "new": "fresh",
}  # fmt: skip
_WORDISH = re.compile(r"\b[A-Za-z]{4,}\b")
_FIGURE = re.compile(r"\d[\d,.]*")


def demo_sentences() -> list[str]:
    sentences: list[str] = []
    for path in demo_corpus_files():
        for raw in read_file(path):
            if isinstance(raw, RawArticle):
                prepared = prepare_article(raw, ArticleDefaults())
                sentences += [row["text"] for row in prepared.claims if len(row["text"]) > 40]
    return sentences


def random_name(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word.capitalize() if rng.random() < 0.3 else word


def make_fact(base: str, names: list[str], rng: random.Random) -> str:
    # Half the longer words become words of a large made-up vocabulary: distinct facts then
    # share about as many words as unrelated sentences of real news do, not a whole template.
    fact = _WORDISH.sub(lambda m: rng.choice(names) if rng.random() < 0.5 else m.group(), base)
    return _FIGURE.sub(lambda m: str(rng.randint(2, 990)), fact)


def paraphrase(fact: str, rng: random.Random) -> str:
    clauses = fact.rstrip(".").split(", ")
    if len(clauses) > 1 and rng.random() < 0.5:
        rng.shuffle(clauses)
    words = ", ".join(clauses).split()
    words = [SWAPS.get(w, w) if rng.random() < 0.3 else w for w in words]
    words = [w for w in words if rng.random() > 0.08 or len(words) < 6]
    if rng.random() < 0.1:  # a conflicting figure
        words = [str(rng.randint(2, 990)) if _FIGURE.fullmatch(w) else w for w in words]
    return " ".join(words) + "."


def generate_claims(count: int, seed: int = 11) -> list[tuple[str, int]]:
    """(claim text, fact id) pairs."""
    rng = random.Random(seed)
    bases = demo_sentences()
    names = [random_name(rng) for _ in range(20000)]
    claims: list[tuple[str, int]] = []
    fact_id = 0
    while len(claims) < count:
        fact = make_fact(rng.choice(bases), names, rng)
        for _ in range(rng.randint(1, 6)):
            claims.append((paraphrase(fact, rng), fact_id))
        fact_id += 1
    return claims[:count]


def fill_database(database: Database, claims: list[tuple[str, int]]) -> None:
    """Store the claims, shuffled, as articles of 40 claims from 50 outlets (direct inserts)."""
    now = datetime.now(UTC)
    claims = shuffled(claims)
    with database.session() as session:
        session.execute(insert(Source), [{"name": f"Outlet {n}"} for n in range(50)])
        articles, rows = [], []
        for number, start in enumerate(range(0, len(claims), 40)):
            chunk = [text for text, _ in claims[start : start + 40]]
            text = "\n\n".join(chunk)
            articles.append(
                {"id": number + 1, "source_id": number % 50 + 1, "text": text,
                 "content_hash": f"bench{number}", "importer": "bench", "imported_at": now,
                 "published": date(2024, 1, 1)}
            )  # fmt: skip
            offset = 0
            for ordinal, claim in enumerate(chunk):
                rows.append(
                    {"article_id": number + 1, "ordinal": ordinal, "text": claim,
                     "char_start": offset, "char_end": offset + len(claim), "kind": "sentence",
                     "reasons": [], "numbers": [], "dates": [], "status": "unreviewed"}
                )  # fmt: skip
                offset += len(claim) + 2
        session.execute(insert(Article), articles)
        for start in range(0, len(rows), 20000):
            session.execute(insert(Claim), rows[start : start + 20000])


def store_vectors(database: Database, settings: GroupingSettings) -> None:
    if not settings.semantic:
        return
    started = time.perf_counter()
    with database.session() as session:
        computed = store_missing_vectors(session=session, settings=settings)
    seconds = time.perf_counter() - started
    print(
        f"sentence vectors for {computed} claims (once, stored): {seconds:.1f} s, "
        f"{computed / seconds:.0f} claims/s; peak RSS {peak_mb():.0f} MB",
        flush=True,
    )


def shuffled(claims: list[tuple[str, int]]) -> list[tuple[str, int]]:
    # The wordings of one fact must land in different articles, as they do in real collections
    # (two sentences of one article are never grouped).
    claims = claims[:]
    random.Random(5).shuffle(claims)
    return claims


def pair_quality(database: Database, facts: list[int]) -> str:
    """Pairwise precision and recall of the groups against the generated facts (`facts` is the
    fact of each claim in insertion order; claim ids run from 1)."""
    with database.session() as session:
        group_of = dict(session.execute(select(Claim.id, Claim.group_id)).all())
    members: dict[int, list[int]] = {}
    for claim_id, group_id in group_of.items():
        members.setdefault(group_id, []).append(facts[claim_id - 1])
    by_fact = Counter(facts)
    predicted = sum(len(group) * (len(group) - 1) // 2 for group in members.values())
    right = sum(
        count * (count - 1) // 2 for group in members.values() for count in Counter(group).values()
    )
    expected = sum(count * (count - 1) // 2 for count in by_fact.values())
    return (
        f"pairwise precision {right / max(predicted, 1):.3f}, "
        f"recall {right / max(expected, 1):.3f} against the generated facts"
    )


def candidate_recall(
    claims: list[tuple[str, int]], settings: GroupingSettings, size: int
) -> tuple[float, int]:
    """Share of the pairs scoring >= high by exhaustive comparison that candidates include."""
    sample = claims[:size]
    texts = [match_text(text) for text, _ in sample]
    encoder = load_encoder() if settings.semantic else None
    vectors = encoder.encode([text for text, _ in sample]) if encoder is not None else None
    data = GroupingInput(texts, list(range(len(texts))), [False] * len(texts), vectors)
    frequencies = document_frequencies(texts)
    scorer = Scorer(
        texts,
        inverse_document_frequencies(frequencies, len(texts)),
        vectors,
        settings,
    )
    found = candidate_pairs(data, frequencies, settings) | semantic_pairs(data, settings)
    # Every pair is compared (no cache: that would hold all of them in memory).
    exhaustive: set[tuple[int, int]] = set()
    for i in range(len(texts) - 1):
        row = [(i, j) for j in range(i + 1, len(texts))]
        exhaustive.update(
            pair
            for pair, value in zip(row, scorer.score_many(row), strict=True)
            if value >= settings.high
        )
    hits = sum(pair in found for pair in exhaustive)
    return (hits / len(exhaustive) if exhaustive else 1.0), len(exhaustive)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=5000, help="claims for the recall check")
    parser.add_argument("--words-only", action="store_true", help="no sentence vectors")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DB",
        help="keep the filled database (claims and their vectors) in DB and reuse it when it "
        "exists, to skip the one-off vector computation on later runs",
    )
    parser.add_argument("--skip-recall", action="store_true", help="skip the candidate check")
    args = parser.parse_args()
    settings = GroupingSettings()
    if args.words_only or load_encoder() is None:
        settings = settings.without_vectors()
    print(f"matching by {'meaning and words' if settings.semantic else 'words only'}")
    claims = generate_claims(args.claims)
    print(f"generated {len(claims)} claims; peak RSS so far {peak_mb():.0f} MB", flush=True)

    if not args.skip_recall:
        started = time.perf_counter()
        recall, exhaustive = candidate_recall(claims, settings, args.sample)
        print(
            f"candidate recall {recall:.3f} of {exhaustive} pairs scoring >= {settings.high:.0f} "
            f"by exhaustive comparison of {args.sample} claims "
            f"({time.perf_counter() - started:.1f} s)",
            flush=True,
        )
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bench.db"
        facts = [fact for _, fact in shuffled(claims)]
        if args.keep is None or not args.keep.exists():
            filled = open_database(str(args.keep or path))
            fill_database(filled, claims)
            store_vectors(filled, settings)
            filled.close()
        if args.keep is not None:
            shutil.copyfile(args.keep, path)  # the runs below add to it
        database = open_database(str(path))
        before = peak_mb()
        started = time.perf_counter()
        with database.session() as session:
            report = regroup_all(session=session, settings=settings)
        seconds = time.perf_counter() - started
        print(
            f"full grouping of {report.claims} claims: {seconds:.1f} s, "
            f"{report.groups} groups of 2+ "
            f"(largest {report.largest_group}), {report.suggestions} suggestions; "
            f"peak RSS {peak_mb():.0f} MB (before grouping {before:.0f} MB); "
            f"{pair_quality(database, facts)}",
            flush=True,
        )
        new_article = Path(scratch) / "new.txt"
        fresh = [
            paraphrase(make_fact(text, ["Novel"], random.Random(3)), random.Random(4))
            for text, _ in claims[:40]
        ]
        new_article.write_text(
            "source: Outlet 7\npublished: 2025-01-01\n\nA new report\n\n" + "\n\n".join(fresh)
        )
        ImportRun(database, workers=1).run([new_article])
        started = time.perf_counter()
        with database.session() as session:
            incremental = group_new_claims(session=session, settings=settings)
        print(
            f"incremental: one new article ({incremental.claims} claims) grouped against "
            f"{report.claims} in {time.perf_counter() - started:.2f} s",
            flush=True,
        )
        database.close()


if __name__ == "__main__":
    sys.exit(main())

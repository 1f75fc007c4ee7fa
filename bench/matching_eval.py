"""Grouping quality on the labelled development set (tests/data/matching_labels.json).

    python bench/matching_eval.py                 # current thresholds
    python bench/matching_eval.py --sweep         # a grid of thresholds, to calibrate
    python bench/matching_eval.py --show-errors   # the pairs it gets wrong

Prints pairwise precision, recall and F1 over cross-source pairs (two claims from different
outlets in one group), and how often the relation label of a labelled group is right.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from sqlalchemy import select

from workbench.db.engine import Database, open_database
from workbench.db.models import Article, Claim, ClaimGroup, SuggestedMatch
from workbench.demo import demo_corpus_files
from workbench.importers.pipeline import ImportRun
from workbench.matching.grouping import GroupingSettings
from workbench.matching.service import regroup_all

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "data" / "matching_labels.json"
SEEDS = REPO.parent / "shared" / "seeds"


def build_database(folder: Path) -> Database:
    database = open_database(str(folder / "eval.db"))
    inputs = demo_corpus_files()
    if SEEDS.is_dir():
        inputs += sorted(SEEDS.glob("*.txt"))
    report = ImportRun(database, workers=1).run(inputs)
    if report.failures:
        sys.exit(f"import failed: {report.failures}")
    return database


def resolve_labels(database: Database, labels: dict) -> tuple[list[dict], dict[int, str]]:
    """Each labelled group with its claim ids; and every claim's source key."""
    with database.session() as session:
        rows = session.execute(
            select(Claim.id, Claim.text, Article.origin, Article.source_id, Article.id).join(
                Article, Claim.article_id == Article.id
            )
        ).all()
    source_of = {row[0]: f"s{row[3]}" if row[3] is not None else f"a{row[4]}" for row in rows}
    groups = []
    for group in labels["groups"]:
        ids = []
        for member in group["members"]:
            origin = labels["articles"][member["article"]]
            suffix = origin.removeprefix("seeds/")
            found = [
                r[0] for r in rows if (r[2] or "").endswith(suffix) and member["claim"] in r[1]
            ]
            if len(found) != 1:
                sys.exit(f"label {group['id']}: {member} matches {len(found)} claims")
            ids.append(found[0])
        groups.append({**group, "ids": ids})
    return groups, source_of


def cross_source_pairs(
    clusters: list[list[int]], source_of: dict[int, str]
) -> set[tuple[int, int]]:
    return {
        (min(a, b), max(a, b))
        for cluster in clusters
        for a, b in combinations(cluster, 2)
        if source_of[a] != source_of[b]
    }


def predicted_clusters(database: Database) -> tuple[dict[int, int], dict[int, str]]:
    with database.session() as session:
        groups = {a: b for a, b in session.execute(select(Claim.id, Claim.group_id))}
        relations = {a: b for a, b in session.execute(select(ClaimGroup.id, ClaimGroup.relation))}
    return groups, relations


def evaluate(
    database: Database, settings: GroupingSettings, gold: list[dict], source_of, show: bool
) -> dict:
    with database.session() as session:
        regroup_all(session=session, settings=settings)
    group_of, relation_of = predicted_clusters(database)
    by_group: dict[int, list[int]] = {}
    for claim, group in group_of.items():
        by_group.setdefault(group, []).append(claim)
    predicted = cross_source_pairs(list(by_group.values()), source_of)
    expected = cross_source_pairs([g["ids"] for g in gold], source_of)
    hits = len(predicted & expected)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    with database.session() as session:
        suggested = {
            (min(a, b), max(a, b))
            for a, b in session.execute(
                select(SuggestedMatch.claim_a_id, SuggestedMatch.claim_b_id)
            )
        }
    # A suggestion is right when the two claims belong together by the labels.
    all_expected = {(min(a, b), max(a, b)) for g in gold for a, b in combinations(g["ids"], 2)}
    relation_hits = 0
    for g in gold:
        majority = Counter(group_of[i] for i in g["ids"]).most_common(1)[0][0]
        relation_hits += relation_of.get(majority) == g["relation"]
    if show:
        texts = _texts(database)
        for a, b in sorted(predicted - expected)[:40]:
            print(f"  FALSE + {texts[a][:60]!r} ~ {texts[b][:60]!r}")
        for a, b in sorted(expected - predicted)[:40]:
            print(f"  MISSED  {texts[a][:60]!r} ~ {texts[b][:60]!r}")
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "pairs": len(expected),
        "predicted": len(predicted),
        "relation_hit_rate": relation_hits / len(gold),
        "suggestions": len(suggested),
        "suggestions_right": len(suggested & all_expected),
    }


def _texts(database: Database) -> dict[int, str]:
    with database.session() as session:
        return {a: b for a, b in session.execute(select(Claim.id, Claim.text))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--high", type=float)
    parser.add_argument("--low", type=float)
    parser.add_argument("--link", type=float)
    parser.add_argument("--figure-link", type=float, help="link when a shared figure links")
    parser.add_argument("--lexical-weight", type=float, help="share of the word score (0..1)")
    parser.add_argument("--words-only", action="store_true", help="no sentence vectors")
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    defaults = GroupingSettings()
    if args.words_only:
        defaults = defaults.without_vectors()
    settings = replace(
        defaults,
        high=args.high or defaults.high,
        low=args.low or defaults.low,
        link=args.link or defaults.link,
        figure_link=args.figure_link or defaults.figure_link,
        lexical_weight=defaults.lexical_weight
        if args.lexical_weight is None
        else args.lexical_weight,
    )
    with tempfile.TemporaryDirectory() as scratch:
        database = build_database(Path(scratch))
        gold, source_of = resolve_labels(database, labels)
        grid = (
            [(h, k) for h in range(50, 80, 2) for k in range(44, 80, 2) if k <= h + 6]
            if args.sweep
            else [(settings.high, settings.link)]
        )
        for high, link in grid:
            result = evaluate(
                database, replace(settings, high=high, link=link), gold, source_of, args.show_errors
            )
            print(
                f"high {high:>4.0f} link {link:>4.0f}: precision {result['precision']:.3f} "
                f"recall {result['recall']:.3f} F1 {result['f1']:.3f} "
                f"({result['predicted']} predicted / {result['pairs']} labelled pairs), "
                f"relation hit rate {result['relation_hit_rate']:.2f}; "
                f"{result['suggestions_right']} of {result['suggestions']} suggested matches right"
            )
        database.close()


if __name__ == "__main__":
    main()

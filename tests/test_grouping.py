"""The bulk and bounded shortcuts of grouping give what the plain definitions give.

Candidates, scores and average links are computed in bulk (NumPy, SciPy, rapidfuzz's cpdist)
and cut short by upper bounds; an incremental run loads only the groups a new claim can reach.
Each shortcut is checked here against the slow, obvious version on the labelled claims.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from workbench.db.models import Claim, SuggestedMatch
from workbench.demo import demo_corpus_files
from workbench.importers.pipeline import ImportRun
from workbench.matching import service
from workbench.matching.grouping import (
    Clusters,
    GroupingInput,
    GroupingSettings,
    Scorer,
    candidate_buckets,
    candidate_pairs,
    cluster,
    document_frequencies,
    inverse_document_frequencies,
    link_pairs,
    may_share_group,
    pairs_from_strongest,
    shared_figure,
    sorted_unique,
    top_columns,
)
from workbench.matching.normalise import match_text
from workbench.matching.semantic import load_encoder

LABELS = Path(__file__).parent / "data" / "matching_labels.json"


@pytest.fixture(scope="module")
def labelled() -> GroupingInput:
    groups = json.loads(LABELS.read_text())["groups"]
    members = [member for group in groups for member in group["members"]]
    articles = {name: index for index, name in enumerate(sorted({m["article"] for m in members}))}
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(len(members), 24))
    return GroupingInput(
        texts=[match_text(member["claim"]) for member in members],
        article_ids=[articles[member["article"]] for member in members],
        is_headline=[False] * len(members),
        # Random unit vectors: the shortcuts must hold for any vectors, not only the model's.
        vectors=(vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32),
    )


def scorer_for(data: GroupingInput, with_vectors: bool) -> Scorer:
    frequencies = document_frequencies(data.texts)
    idf = inverse_document_frequencies(frequencies, len(data.texts))
    settings = GroupingSettings() if with_vectors else GroupingSettings().without_vectors()
    return Scorer(data.texts, idf, data.vectors if with_vectors else None, settings)


def test_candidate_buckets_expand_to_the_pairs_of_a_plain_loop(labelled) -> None:
    # The buckets are expanded by NumPy, a size at a time; here by itertools, one by one.
    settings = GroupingSettings(max_bucket=6)  # small, so that some buckets are skipped
    frequencies = document_frequencies(labelled.texts)
    buckets = candidate_buckets(labelled, frequencies, settings)
    expected = {
        pair
        for members in buckets.values()
        if 2 <= len(members) <= settings.max_bucket
        for pair in combinations(members, 2)
        if may_share_group(labelled, *pair)
    }
    assert candidate_pairs(labelled, frequencies, settings) == expected
    assert len(expected) > 100


@pytest.mark.parametrize("with_vectors", [True, False])
def test_bulk_scores_equal_one_by_one_scores(labelled, with_vectors) -> None:
    scorer = scorer_for(labelled, with_vectors)
    pairs = list(combinations(range(len(labelled.texts)), 2))
    left, right = np.array(pairs).T
    bulk = scorer.score_arrays(left, right)
    exact = np.array([scorer.score(i, j) for i, j in pairs])
    # Float32 cosines summed in another order differ in the last digits (1e-6 of a score).
    assert np.allclose(bulk, exact, atol=1e-4)
    # With a floor, pairs under it may get a bound instead, but the bound stays under it.
    floor = 50.0
    bounded = scorer.score_arrays(left, right, floor)
    reaching = exact >= floor
    assert np.allclose(bounded[reaching], exact[reaching], atol=1e-4)
    assert np.all(bounded[~reaching] < floor)
    assert np.all(bounded[~reaching] >= exact[~reaching] - 1e-4)


@pytest.mark.parametrize("with_vectors", [True, False])
def test_bounded_average_link_decides_as_the_plain_mean(labelled, with_vectors) -> None:
    rng = random.Random(11)
    size = len(labelled.texts)
    decided = set()
    for _ in range(300):
        left = rng.sample(range(size), rng.randint(1, 12))
        right = rng.sample([index for index in range(size) if index not in left], 6)
        pairs = link_pairs(left, right)
        plain = scorer_for(labelled, with_vectors)
        mean = sum(plain.score(a, b) for a, b in pairs) / len(pairs)
        for needed in (mean - 0.01, mean + 0.01, 40.0, 60.0):
            bounded = scorer_for(labelled, with_vectors)  # a fresh cache each time
            assert bounded.average_reaches(pairs, needed) == (mean >= needed)
            decided.add(mean >= needed)
    assert decided == {True, False}


def test_link_pairs_samples_large_clusters_evenly() -> None:
    assert link_pairs([1, 2], [3]) == [(1, 3), (2, 3)]
    sample = link_pairs(list(range(100)), list(range(100, 200)))
    assert len(sample) == 64 and len(set(sample)) == 64
    assert len({a for a, _ in sample}) > 30  # spread over the left cluster, not its first rows


def test_sorted_unique() -> None:
    assert sorted_unique(np.array([5, 1, 5, 3, 1], dtype=np.int64)).tolist() == [1, 3, 5]
    assert sorted_unique(np.zeros(0, dtype=np.int64)).tolist() == []


def _groups_and_suggestions(database) -> tuple[set[frozenset[int]], list[tuple[int, int]]]:
    with database.session() as session:
        members: dict[int, set[int]] = defaultdict(set)
        for claim_id, group_id in session.execute(select(Claim.id, Claim.group_id)):
            members[group_id].add(claim_id)
        suggested = session.execute(
            select(SuggestedMatch.claim_a_id, SuggestedMatch.claim_b_id)
        ).all()
    return {frozenset(group) for group in members.values()}, sorted(map(tuple, suggested))


@pytest.mark.parametrize("semantic", [True, False])
def test_incremental_run_loads_only_reachable_groups_with_the_same_result(
    tmp_path, monkeypatch, semantic
) -> None:
    from workbench.db.engine import open_database

    if semantic and load_encoder() is None:
        pytest.skip("sentence-embedding model not installed")
    settings = GroupingSettings() if semantic else GroupingSettings().without_vectors()
    files = demo_corpus_files()
    results = []
    for name, keep_all in (("filtered", False), ("all", True)):
        database = open_database(str(tmp_path / f"{name}.db"))
        ImportRun(database).run(files[: len(files) // 2])
        with database.session() as session:
            service.regroup_all(session=session, settings=settings)
        ImportRun(database).run(files[len(files) // 2 :])
        if keep_all:  # every candidate's group, as before the filter existed
            monkeypatch.setattr(
                service,
                "_candidates_reaching",
                lambda session, candidates, new_members, *rest: (
                    {found for ids in candidates.values() for found in ids}
                    - {member.claim_id for member in new_members}
                ),
            )
        with database.session() as session:
            service.group_new_claims(session=session, settings=settings)
        monkeypatch.undo()
        results.append(_groups_and_suggestions(database))
        database.close()
    assert results[0] == results[1]
    groups, suggested = results[0]
    assert any(len(group) > 2 for group in groups) and suggested


@pytest.mark.parametrize("seed", range(20))
def test_detaching_a_claim_leaves_every_other_cluster_whole(seed: int) -> None:
    rng = random.Random(seed)
    clusters, plain = Clusters(30), [{index} for index in range(30)]
    for _ in range(60):
        a, b = rng.randrange(30), rng.randrange(30)
        if rng.random() < 0.7:
            clusters.union(a, b)
            left = next(group for group in plain if a in group)
            right = next(group for group in plain if b in group)
            if left is not right:
                left |= right
                plain.remove(right)
        else:  # the detached claim may be a root, a leaf or a link in a path
            clusters.detach(a)
            next(group for group in plain if a in group).discard(a)
            plain = [group for group in plain if group] + [{a}]
        assert sorted(map(sorted, plain)) == sorted(clusters.groups())
        for group in plain:
            assert len({clusters.find(index) for index in group}) == 1


class TableScorer:
    """Scores from a table: what `cluster` asks of a scorer, with no words or vectors."""

    def __init__(self, texts: list[str], scores: dict[tuple[int, int], float]) -> None:
        self.texts = [match_text(text) for text in texts]
        self.scores = scores

    def average_reaches(self, pairs, needed: float) -> bool:
        values = [self.scores.get((min(a, b), max(a, b)), 0.0) for a, b in pairs]
        return sum(values) / len(values) >= needed


@pytest.mark.parametrize(("linking_claim", "joined"), [("to 4.6% in October", True), ("", False)])
def test_a_pair_stating_one_figure_links_two_clusters_at_a_lower_average(
    linking_claim: str, joined: bool
) -> None:
    # Two clusters (0, 1) and (2, 3) whose cross pairs average 57: under `link` (60), over
    # `figure_link` (56). Their strongest cross pair, 1-2, joins them when it states one figure.
    # (The pairs within each cluster score higher, so the clusters form first.)
    texts = [
        "UK inflation falls to two-year low",
        "Inflation fell to 4.6% in October",
        f"UK inflation drops {linking_claim}".strip(),
        "The rate fell sharply, the statistics office said",
    ]
    cross = {(0, 2): 52.0, (0, 3): 50.0, (1, 2): 65.0, (1, 3): 61.0}
    scores = {(0, 1): 70.0, (2, 3): 72.0, **cross}
    settings = GroupingSettings()
    assert settings.figure_link < sum(cross.values()) / 4 < settings.link
    scorer = TableScorer(texts, scores)
    clusters = cluster(4, scores, scorer, settings)  # type: ignore[arg-type]
    assert (clusters.find(0) == clusters.find(3)) is joined


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        ("Prices rose 4.6%", "up 4.6 per cent", True),
        ("a $44 billion deal", "the $44 billion takeover", True),
        ("10,100 are missing", "10,100 people are reported missing", True),
        ("2 ministers resigned", "2 banks failed", False),  # one digit
        ("100 people were evacuated", "100 days on", False),  # round
        ("Sales rose in 2023", "Prices fell in 2023", False),  # a year
    ],
)
def test_only_a_distinctive_figure_is_a_shared_figure(
    first: str, second: str, shared: bool
) -> None:
    assert shared_figure(match_text(first), match_text(second)) is shared


def test_strongest_pairs_come_in_the_order_of_a_plain_sort() -> None:
    rng = random.Random(7)
    # Few distinct scores, so that ties between pairs are common.
    edges = {
        (rng.randrange(50), rng.randrange(50, 100)): float(rng.choice([55, 58, 61.5, 70, 90]))
        for _ in range(400)
    }
    edges[(0, 50)] = 90.0
    plain = sorted(((value, pair) for pair, value in edges.items() if value >= 58), reverse=True)
    assert list(pairs_from_strongest(edges, 58.0)) == [pair for _value, pair in plain]
    assert list(pairs_from_strongest({}, 58.0)) == []
    clusters = Clusters(100)
    clusters.union(0, 50)
    across = list(pairs_from_strongest(edges, 58.0, clusters))
    assert across == [pair for _value, pair in plain if pair != (0, 50)]


@pytest.mark.parametrize(("width", "take"), [(5, 3), (40, 11), (2000, 11), (300, 1)])
def test_top_columns_are_each_rows_largest(width: int, take: int) -> None:
    block = np.random.default_rng(width).random((64, width)).astype(np.float32)
    rows, columns = top_columns(block, take)
    expected = np.argsort(-block, axis=1)[:, :take]
    for row in range(len(block)):
        assert set(columns[rows == row].tolist()) == set(expected[row].tolist())

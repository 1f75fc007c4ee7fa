"""Grouping claims that state the same fact: candidates, similarity and clustering.

Pure functions over in-memory claims; `workbench.matching.service` reads and writes the
database around them.

- Candidates: no all-pairs comparison. Every claim emits keys made of pairs of its rarest
  content tokens (figures included); claims that share a key are compared. Two wordings of one
  fact share their rare words, so they meet in some bucket; buckets so large that the key is
  generic are skipped. With sentence vectors, each claim's nearest neighbours by meaning are
  candidates too (paraphrases often share no rare word): the vectors are split into cells by a
  few rounds of k-means, each claim sits in its two nearest cells, and neighbours are searched
  within cells only.
- Similarity (0..100) has a word part and, when sentence vectors are available, a meaning
  part. The word part is the geometric mean of an IDF-weighted Dice coefficient over content
  words and rapidfuzz's token_set_ratio. Dice counts the words that differ as well as those
  shared, so a short headline is not scored as a near-copy of every long sentence that contains
  its words (token_set_ratio alone gives that pair about 80); token_set_ratio keeps tolerance
  for spelling and word-form differences that Dice misses. The meaning part is the cosine of
  the two claims' sentence vectors (`workbench.matching.semantic`), which sees that "will open
  an office" and "work has started on the office" report one thing in other words. The two are
  mixed by `lexical_weight`; on the labelled set (bench/matching_eval.py) the mix raised recall
  at precision 0.90 from 0.18 with words alone to 0.46. Meaning alone does not group: a pair
  whose word score is under `word_floor` scores at most just under `high`, so it can be a
  suggested match but not a group member. Sentences built alike but about different things
  ("drone attack on Kharkiv kills 3" / "... on Odesa kills 5") have close vectors; the words
  that differ keep them apart. On the labelled set the floor costs no true pair.
- Clustering: edges at or above the high threshold, strongest first, join two clusters only
  when the average similarity over all their cross pairs reaches the link threshold: average
  linkage, so one close pair cannot chain two large unrelated clusters together.
- Reviewer decisions are constraints: "same" pairs are joined first, whatever their score;
  "different" pairs are never in one cluster.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz

from workbench.matching.normalise import MatchText
from workbench.matching.semantic import Vectors


@dataclass(frozen=True)
class GroupingSettings:
    # Calibrated on tests/data/matching_labels.json with bench/matching_eval.py.
    high: float = 58.0  # at or above: the same fact, grouped
    low: float = 54.0  # from here up to high: a suggested match for the reviewer
    # Two clusters join only when their average cross-pair similarity reaches this.
    link: float = 60.0
    # Compare meaning (sentence vectors) as well as words, when the model is installed.
    semantic: bool = True
    lexical_weight: float = 0.4  # share of the word score in the mix; the rest is the cosine
    word_floor: float = 40.0  # a pair needs this word score to be grouped (see above)
    # Two clusters may join when one supersedes the other and a pair across them scores this
    # much above high (workbench.matching.service.join_superseded).
    supersede_margin: float = 5.0
    growth_from: int = 16  # clusters larger than this need a stronger average link ...
    growth_step: float = 2.0  # ... this much more per doubling of their size
    neighbours: int = 10  # nearest claims by meaning that become candidates
    neighbour_floor: float = 0.5  # ... if their cosine reaches this
    # Used instead of high, low and link when there are no sentence vectors (semantic matching
    # switched off, or the model not installed); calibrated the same way.
    word_high: float = 64.0
    word_low: float = 50.0
    word_link: float = 65.0

    def without_vectors(self) -> GroupingSettings:
        return replace(
            self, high=self.word_high, low=self.word_low, link=self.word_link, semantic=False
        )

    rare_tokens: int = 8  # how many of a claim's rarest shared tokens make its candidate keys
    single_key_frequency: int = 5  # a token this rare is a candidate key on its own
    max_bucket: int = 100  # a key shared by more claims than this is too generic to use


@dataclass
class GroupingInput:
    """Claims to group, index-aligned: match texts, articles, kinds."""

    texts: Sequence[MatchText]
    article_ids: Sequence[int]
    is_headline: Sequence[bool]
    vectors: Vectors | None = None  # unit sentence vectors, one row per claim (or None)


class Weights(dict[str, float]):
    """IDF weights; a token the collection has not counted weighs 1 (the weight floor)."""

    def __missing__(self, token: str) -> float:
        return 1.0


class Scorer:
    """Similarity with IDF weights from the collection being grouped, caching per-claim sums."""

    def __init__(
        self,
        texts: Sequence[MatchText],
        idf: Mapping[str, float],
        vectors: Vectors | None = None,
        settings: GroupingSettings | None = None,
    ) -> None:
        self.texts = texts
        self.vectors = vectors
        settings = settings or GroupingSettings()
        self.lexical_weight = settings.lexical_weight
        self.word_floor = settings.word_floor
        self.below_floor_cap = settings.high - 0.5
        self.weights = idf if isinstance(idf, Weights) else Weights(idf)
        self.totals: list[float | None] = [None] * len(texts)
        self.cache: dict[tuple[int, int], float] = {}

    def total(self, index: int) -> float:
        value = self.totals[index]
        if value is None:
            value = self.totals[index] = sum(
                map(self.weights.__getitem__, self.texts[index].comparable)
            )
        return value

    def __call__(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        cached = self.cache.get(key)
        if cached is None:
            cached = self.cache[key] = self.score(i, j)
        return cached

    def score(self, i: int, j: int) -> float:
        if self.vectors is None:
            return self.word_score(i, j)
        return self.mix(self.word_score(i, j), float(self.vectors[i] @ self.vectors[j]))

    def score_many(self, pairs: Sequence[tuple[int, int]], floor: float = 0.0) -> list[float]:
        """Scores of many pairs, the cosines taken in bulk (one NumPy call per chunk).

        A pair that cannot reach `floor` gets an upper bound of its score instead (anything
        under the floor): the fuzzy comparison, the costly part, is skipped for it.
        """
        scores: list[float] = []
        for start in range(0, len(pairs), _COSINE_CHUNK):
            chunk = pairs[start : start + _COSINE_CHUNK]
            if self.vectors is None:
                scores.extend(self._word_score_above(i, j, floor) for i, j in chunk)
                continue
            index = np.asarray(chunk, dtype=np.int64)
            cosines = np.einsum("ij,ij->i", self.vectors[index[:, 0]], self.vectors[index[:, 1]])
            scores.extend(
                self._mix_above(i, j, cosine, floor)
                for (i, j), cosine in zip(chunk, cosines.tolist(), strict=True)
            )
        return scores

    def _word_score_above(self, i: int, j: int, floor: float) -> float:
        dice = self.dice(i, j)
        bound = 100.0 * math.sqrt(dice)  # the fuzzy ratio is at most 1
        return bound if bound < floor else _combine(dice, self.texts[i], self.texts[j])

    def _mix_above(self, i: int, j: int, cosine: float, floor: float) -> float:
        dice = self.dice(i, j)
        bound = self.mix(100.0 * math.sqrt(dice), cosine)
        if bound < floor:
            return bound
        return self.mix(_combine(dice, self.texts[i], self.texts[j]), cosine)

    def mix(self, word_score: float, cosine: float) -> float:
        weight = self.lexical_weight
        mixed = weight * word_score + (1.0 - weight) * 100.0 * max(cosine, 0.0)
        if word_score < self.word_floor:
            return min(mixed, self.below_floor_cap)
        return mixed

    def word_score(self, i: int, j: int) -> float:
        return _combine(self.dice(i, j), self.texts[i], self.texts[j])

    def dice(self, i: int, j: int) -> float:
        """IDF-weighted Dice coefficient of the two claims' content words (0..1)."""
        shared = self.texts[i].comparable & self.texts[j].comparable
        if not shared:
            return 0.0
        shared_weight = sum(map(self.weights.__getitem__, shared))
        return 2.0 * shared_weight / (self.total(i) + self.total(j))


def document_frequencies(texts: Iterable[MatchText]) -> Counter[str]:
    frequencies: Counter[str] = Counter()
    for text in texts:
        frequencies.update(text.token_set)
    return frequencies


def inverse_document_frequencies(frequencies: Mapping[str, int], total: int) -> Weights:
    return Weights(
        (token, math.log((total + 1) / (count + 1)) + 1.0) for token, count in frequencies.items()
    )


def similarity(a: MatchText, b: MatchText, idf: Mapping[str, float]) -> float:
    """Similarity of two claims (0..100); figures compare as a placeholder ("#"), so differing
    values do not keep one fact apart."""
    return Scorer([a, b], idf).score(0, 1)


def _combine(dice: float, a: MatchText, b: MatchText) -> float:
    if dice <= 0.0:
        return 0.0
    if dice < 0.2:  # cannot reach any threshold; skip the costlier fuzzy comparison
        return 100.0 * dice
    fuzzy = fuzz.token_set_ratio(a.fingerprint, b.fingerprint) / 100.0
    return 100.0 * math.sqrt(dice * fuzzy)


def rare_tokens(text: MatchText, frequencies: Mapping[str, int], how_many: int) -> list[str]:
    """The claim's rarest tokens that some other claim shares, rarest first.

    A token only this claim has (frequency 1; the counts include the claim itself) can never
    lead to another claim, so it is passed over however rare it is.
    """
    shared = [token for token in text.token_set if frequencies.get(token, 0) >= 2]
    return sorted(shared, key=lambda token: (frequencies[token], token))[:how_many]


def candidate_pairs(
    data: GroupingInput, frequencies: Mapping[str, int], settings: GroupingSettings
) -> set[tuple[int, int]]:
    """Index pairs (i < j) worth scoring."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, text in enumerate(data.texts):
        tokens = rare_tokens(text, frequencies, settings.rare_tokens)
        for key in combinations(sorted(tokens), 2):
            buckets[key].append(index)
        for token in tokens:
            if frequencies[token] <= settings.single_key_frequency:
                buckets[(token, "")].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > settings.max_bucket:
            continue
        for i, j in combinations(members, 2):
            if may_share_group(data, i, j):
                pairs.add((i, j))
    return pairs


# Claims per k-means cell when searching neighbours by meaning; a collection this small is
# searched exhaustively (one cell).
_CELL_SIZE = 1000
_KMEANS_ROUNDS = 6
_NEIGHBOUR_BLOCK = 1024  # rows of one similarity block (bounds its memory)


def semantic_pairs(data: GroupingInput, settings: GroupingSettings) -> set[tuple[int, int]]:
    """Index pairs (i < j) where one claim is among the other's nearest neighbours by meaning."""
    vectors = data.vectors
    if vectors is None or len(vectors) < 2:
        return set()
    pairs: set[tuple[int, int]] = set()
    for members in vector_cells(vectors):
        for i, j in nearest_neighbours(vectors, members, members, settings):
            if i != j and may_share_group(data, i, j):
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def nearest_neighbours(
    vectors: Vectors,
    queries: np.ndarray,
    pool: np.ndarray | None,
    settings: GroupingSettings,
) -> list[tuple[int, int]]:
    """(query, neighbour) index pairs: each query's closest pool members above the floor
    (pool None: all vectors, without copying them)."""
    found: list[tuple[int, int]] = []
    pool_vectors = vectors if pool is None else vectors[pool]
    take = min(settings.neighbours + 1, len(pool_vectors))  # +1: a query may find itself
    for start in range(0, len(queries), _NEIGHBOUR_BLOCK):
        rows = queries[start : start + _NEIGHBOUR_BLOCK]
        block = vectors[rows] @ pool_vectors.T
        top = np.argpartition(-block, take - 1, axis=1)[:, :take]
        close = np.take_along_axis(block, top, axis=1) >= settings.neighbour_floor
        for row, column in zip(*np.nonzero(close), strict=True):
            neighbour = int(top[row, column])
            found.append((int(rows[row]), neighbour if pool is None else int(pool[neighbour])))
    return found


def vector_cells(vectors: Vectors) -> list[np.ndarray]:
    """Overlapping cells of claim indices: each claim in the cells of its two nearest k-means
    centroids, so that near neighbours on a cell border still meet."""
    count = len(vectors) // _CELL_SIZE
    if count <= 1:
        return [np.arange(len(vectors))]
    # A fixed seed: the same collection always gives the same candidates.
    generator = np.random.default_rng(0)
    centroids = vectors[generator.choice(len(vectors), size=count, replace=False)]
    for _round in range(_KMEANS_ROUNDS):
        nearest = np.argmax(vectors @ centroids.T, axis=1)
        for cell in range(count):
            assigned = vectors[nearest == cell]
            if len(assigned):
                mean = assigned.mean(axis=0)
                centroids[cell] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    two_nearest = np.argpartition(-(vectors @ centroids.T), 1, axis=1)[:, :2]
    return [
        members
        for cell in range(count)
        if len(members := np.nonzero((two_nearest == cell).any(axis=1))[0]) > 1
    ]


def may_share_group(data: GroupingInput, i: int, j: int) -> bool:
    # Two body sentences of one article are two statements; a headline and its own body
    # sentence may say the same thing.
    if data.article_ids[i] != data.article_ids[j]:
        return True
    return data.is_headline[i] != data.is_headline[j]


@dataclass
class Constraints:
    """Reviewer decisions as index pairs."""

    same: list[tuple[int, int]] = field(default_factory=list)
    different: set[tuple[int, int]] = field(default_factory=set)
    # Claims whose existing group must stay as it is (incremental runs): two clusters that hold
    # members of different locked groups are never joined.
    locked: dict[int, int] = field(default_factory=dict)

    def forbids(self, left: Sequence[int], right: Sequence[int]) -> bool:
        if self.locked:
            left_groups = {self.locked[a] for a in left if a in self.locked}
            right_groups = {self.locked[b] for b in right if b in self.locked}
            if left_groups and right_groups and left_groups != right_groups:
                return True
        if not self.different:
            return False
        return any((min(a, b), max(a, b)) in self.different for a in left for b in right)


class Clusters:
    """Union-find that keeps each cluster's member list."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {index: [index] for index in range(size)}

    def find(self, index: int) -> int:
        root = index
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[index] != root:
            self.parent[index], index = root, self.parent[index]
        return root

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        if len(self.members[root_a]) < len(self.members[root_b]):
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.members[root_a].extend(self.members.pop(root_b))

    def groups(self) -> list[list[int]]:
        return [sorted(members) for members in self.members.values()]


# Pairs whose cosines are taken in one NumPy call (bounds the temporary arrays).
_COSINE_CHUNK = 65536

# Cross pairs scored at most when checking the average link of two large clusters.
_MAX_LINK_SAMPLE = 64


def average_link(
    left: Sequence[int], right: Sequence[int], score: Callable[[int, int], float]
) -> float:
    count = len(left) * len(right)
    if count <= _MAX_LINK_SAMPLE:
        pairs = [(a, b) for a in left for b in right]
    else:
        # Evenly spaced over the cross product, without building it (clusters can be large).
        step = count / _MAX_LINK_SAMPLE
        spots = (int(k * step) for k in range(_MAX_LINK_SAMPLE))
        pairs = [(left[spot // len(right)], right[spot % len(right)]) for spot in spots]
    return sum(score(a, b) for a, b in pairs) / len(pairs)


def link_needed(size: int, settings: GroupingSettings) -> float:
    """The average link a merge into a cluster of `size` claims needs: `link` up to
    `growth_from` claims, then `growth_step` more per doubling. A group that keeps growing is
    more likely a chain of look-alikes than one fact (sentences built on one template about
    different things); one fact rarely has more than a few dozen reports."""
    if size <= settings.growth_from:
        return settings.link
    return settings.link + settings.growth_step * math.log2(size / settings.growth_from)


def cluster(
    size: int,
    edges: Mapping[tuple[int, int], float],
    score: Callable[[int, int], float],
    settings: GroupingSettings,
    constraints: Constraints | None = None,
) -> Clusters:
    constraints = constraints or Constraints()
    clusters = Clusters(size)
    for a, b in constraints.same:
        clusters.union(a, b)
    strong = sorted(
        ((value, pair) for pair, value in edges.items() if value >= settings.high), reverse=True
    )
    # Two clusters that failed the average link stay failed until one of them grows: many
    # strong edges may run between the same two clusters, and each would recompute it.
    failed: set[tuple[int, int, int, int]] = set()
    for _value, (a, b) in strong:
        root_a, root_b = clusters.find(a), clusters.find(b)
        if root_a == root_b:
            continue
        left, right = clusters.members[root_a], clusters.members[root_b]
        state = (min(root_a, root_b), max(root_a, root_b), len(left) + len(right), len(left))
        if state in failed or constraints.forbids(left, right):
            continue
        size = len(left) + len(right)
        if size > 2 and average_link(left, right, score) < link_needed(size, settings):
            failed.add(state)
            continue
        clusters.union(a, b)
    return clusters


def suggestions(
    edges: Mapping[tuple[int, int], float],
    clusters: Clusters,
    settings: GroupingSettings,
    constraints: Constraints | None = None,
) -> dict[tuple[int, int], tuple[int, int, float]]:
    """The best near-miss pair between each two clusters: (claim i, claim j, score)."""
    constraints = constraints or Constraints()
    best: dict[tuple[int, int], tuple[int, int, float]] = {}
    for (a, b), value in edges.items():
        if value < settings.low or (a, b) in constraints.different:
            continue
        root_a, root_b = clusters.find(a), clusters.find(b)
        if root_a == root_b:
            continue
        key = (min(root_a, root_b), max(root_a, root_b))
        if key not in best or best[key][2] < value:
            best[key] = (a, b, value)
    return best


def score_pairs(
    pairs: Iterable[tuple[int, int]], scorer: Scorer, floor: float
) -> dict[tuple[int, int], float]:
    """Scores of the candidate pairs that reach `floor` (the rest are dropped to save memory)."""
    edges: dict[tuple[int, int], float] = {}
    batch: list[tuple[int, int]] = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) == _COSINE_CHUNK:
            _keep_reaching(batch, scorer, floor, edges)
            batch = []
    _keep_reaching(batch, scorer, floor, edges)
    # Keep only the scores worth remembering: all candidate pairs may be millions.
    scorer.cache = dict(edges)
    return edges


def _keep_reaching(
    batch: list[tuple[int, int]], scorer: Scorer, floor: float, edges: dict[tuple[int, int], float]
) -> None:
    for pair, value in zip(batch, scorer.score_many(batch, floor), strict=True):
        if value >= floor:
            edges[pair] = value


def group_indices(
    data: GroupingInput,
    settings: GroupingSettings,
    constraints: Constraints | None = None,
) -> tuple[Clusters, dict[tuple[int, int], float], Scorer]:
    """Cluster a whole collection: returns the clusters, the scored edges and the scorer."""
    frequencies = document_frequencies(data.texts)
    scorer = Scorer(
        data.texts,
        inverse_document_frequencies(frequencies, len(data.texts)),
        data.vectors,
        settings,
    )
    pairs = candidate_pairs(data, frequencies, settings) | semantic_pairs(data, settings)
    edges = score_pairs(pairs, scorer, settings.low)
    return cluster(len(data.texts), edges, scorer, settings, constraints), edges, scorer

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
  linkage, so one close pair cannot chain two large unrelated clusters together. When the
  linking pair states the same figure, a somewhat lower average (`figure_link`) will do.
- Reviewer decisions are constraints: "same" pairs are joined first, whatever their score;
  "different" pairs are never in one cluster.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from workbench.matching.normalise import MatchText
from workbench.matching.semantic import Vectors

if TYPE_CHECKING:
    from scipy import sparse


@dataclass(frozen=True)
class GroupingSettings:
    # Calibrated on tests/data/matching_labels.json with bench/matching_eval.py.
    high: float = 58.0  # at or above: the same fact, grouped
    low: float = 54.0  # from here up to high: a suggested match for the reviewer
    # Two clusters join only when their average cross-pair similarity reaches this.
    link: float = 60.0
    # ... or this, when the pair that links them states the same figure ("4.6%" in a headline
    # and in a long sentence beside other words): a shared figure is evidence of one fact that
    # the average over mixed headlines and sentences does not see. Calibrated like the others.
    figure_link: float = 56.0
    # Compare meaning (sentence vectors) as well as words, when the model is installed.
    semantic: bool = True
    lexical_weight: float = 0.4  # share of the word score in the mix; the rest is the cosine
    word_floor: float = 40.0  # a pair needs this word score to be grouped (see above)
    # Two clusters may join when one supersedes the other and a pair across them scores this
    # much above high (workbench.matching.service.join_superseded).
    supersede_margin: float = 5.0
    growth_from: int = 16  # clusters larger than this need a stronger average link ...
    growth_step: float = 2.0  # ... this much more per doubling of their size
    # Reports published further apart than this never share a group: they tell other events
    # in the same words (workbench.matching.relations.one_story).
    story_days: int = 731
    neighbours: int = 10  # nearest claims by meaning that become candidates
    neighbour_floor: float = 0.5  # ... if their cosine reaches this
    # Used instead of high, low and link when there are no sentence vectors (semantic matching
    # switched off, or the model not installed); calibrated the same way.
    word_high: float = 64.0
    word_low: float = 50.0
    word_link: float = 65.0

    @property
    def below_floor_cap(self) -> float:
        """The most a pair under `word_floor` scores: just short of being grouped."""
        return self.high - 0.5

    def without_vectors(self) -> GroupingSettings:
        # Words alone have no calibrated figure link: a shared figure gets no relief.
        return replace(
            self,
            high=self.word_high,
            low=self.word_low,
            link=self.word_link,
            figure_link=self.word_link,
            semantic=False,
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
        self.settings = settings
        self.lexical_weight = settings.lexical_weight
        self.word_floor = settings.word_floor
        self.below_floor_cap = settings.below_floor_cap
        self.weights = idf if isinstance(idf, Weights) else Weights(idf)
        self.totals: list[float | None] = [None] * len(texts)
        self.cache: dict[tuple[int, int], float] = {}
        self._matrix: tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray] | None = None

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
        """Scores of many pairs, computed in bulk; see `score_arrays`."""
        if not pairs:
            return []
        index = np.asarray(pairs, dtype=np.int64)
        return self.score_arrays(index[:, 0], index[:, 1], floor).tolist()

    def score_arrays(self, left: np.ndarray, right: np.ndarray, floor: float = 0.0) -> np.ndarray:
        """Scores of the pairs (left[k], right[k]), as `score` gives them one by one.

        The word overlap and the cosines are taken in bulk (sparse and dense products). A pair
        that cannot reach `floor` gets an upper bound of its score instead (anything under the
        floor): the fuzzy comparison, the costly part, runs only for the others, on all cores.
        """
        scores = np.empty(len(left), dtype=np.float64)
        for start in range(0, len(left), _COSINE_CHUNK):
            chunk = slice(start, start + _COSINE_CHUNK)
            scores[chunk] = self._score_chunk(left[chunk], right[chunk], floor)
        return scores

    def _score_chunk(self, left: np.ndarray, right: np.ndarray, floor: float) -> np.ndarray:
        dice = self._dice_many(left, right)
        cosines = None
        if self.vectors is not None:
            products = np.einsum("ij,ij->i", self.vectors[left], self.vectors[right])
            cosines = products.astype(np.float64)
        word = np.where(dice < _FUZZY_FROM, 100.0 * dice, 100.0 * np.sqrt(dice))  # upper bound
        bound = word if cosines is None else mixed_scores(word, cosines, self.settings)
        fuzzy = np.flatnonzero((bound >= floor) & (dice >= _FUZZY_FROM))
        if len(fuzzy) == 0:
            return bound
        ratios = process.cpdist(
            [self.texts[i].fingerprint for i in left[fuzzy].tolist()],
            [self.texts[j].fingerprint for j in right[fuzzy].tolist()],
            scorer=fuzz.token_set_ratio,
            dtype=np.float64,
            workers=-1,
        )
        word[fuzzy] = 100.0 * np.sqrt(dice[fuzzy] * ratios / 100.0)
        return word if cosines is None else mixed_scores(word, cosines, self.settings)

    def _dice_many(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """IDF-weighted Dice coefficients of many pairs at once (see `dice`)."""
        if len(left) < _SPARSE_FROM:  # an incremental run's few thousand pairs
            pairs = zip(left.tolist(), right.tolist(), strict=True)
            return np.fromiter((self.dice(i, j) for i, j in pairs), np.float64, len(left))
        weighted, present, totals = self._token_matrix()
        shared = np.asarray(present[left].multiply(weighted[right]).sum(axis=1)).ravel()
        return np.where(shared > 0.0, 2.0 * shared / (totals[left] + totals[right]), 0.0)

    def _token_matrix(self) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]:
        # Rows are claims, columns their comparable tokens: built once, on first bulk use.
        if self._matrix is None:
            from scipy import sparse  # here: importing SciPy costs every command 70 ms

            columns: dict[str, int] = {}
            indptr = [0]
            indices: list[int] = []
            data: list[float] = []
            for text in self.texts:
                for token in text.comparable:
                    indices.append(columns.setdefault(token, len(columns)))
                    data.append(self.weights[token])
                indptr.append(len(indices))
            shape = (len(self.texts), max(len(columns), 1))
            weighted = sparse.csr_matrix(
                (np.asarray(data, dtype=np.float64), indices, indptr), shape=shape
            )
            present = weighted.copy()
            present.data[:] = 1.0
            totals = np.asarray(weighted.sum(axis=1), dtype=np.float64).ravel()
            self._matrix = (weighted, present, totals)
        return self._matrix

    def average_reaches(self, pairs: Sequence[tuple[int, int]], needed: float) -> bool:
        """Whether the mean score of the pairs reaches `needed` (the average link of two
        clusters). Scores not known yet are first bounded from above, cosines in bulk; the
        fuzzy ratios are only taken when the bounds leave the answer open."""
        known = 0.0
        missing: list[tuple[int, int]] = []
        for i, j in pairs:
            key = (i, j) if i < j else (j, i)
            cached = self.cache.get(key)
            if cached is None:
                missing.append(key)
            else:
                known += cached
        if not missing:
            return known / len(pairs) >= needed
        target = needed * len(pairs)
        cosines = self._cosines(missing)
        # First bound: every unknown word score at 100. Then each Dice coefficient tightens
        # its pair's bound; most links fail, and stop after a few of them.
        loose = [self._mixed(100.0, cosine) for cosine in cosines]
        bound = known + sum(loose)
        dices: list[float] = []
        for (i, j), cosine, loose_bound in zip(missing, cosines, loose, strict=True):
            if bound < target:
                return False
            dice = self.dice(i, j)
            dices.append(dice)
            word = 100.0 * dice if dice < _FUZZY_FROM else 100.0 * math.sqrt(dice)
            bound += self._mixed(word, cosine) - loose_bound
        if bound < target:
            return False
        for (i, j), dice, cosine in zip(missing, dices, cosines, strict=True):
            value = self._mixed(_combine(dice, self.texts[i], self.texts[j]), cosine)
            self.cache[(i, j)] = value
            known += value
        return known / len(pairs) >= needed

    def _cosines(self, pairs: Sequence[tuple[int, int]]) -> list[float | None]:
        if self.vectors is None:
            return [None] * len(pairs)
        index = np.asarray(pairs, dtype=np.int64)
        products = np.einsum("ij,ij->i", self.vectors[index[:, 0]], self.vectors[index[:, 1]])
        return products.tolist()

    def _mixed(self, word_score: float, cosine: float | None) -> float:
        return word_score if cosine is None else self.mix(word_score, cosine)

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


# Fewer pairs than this are compared one by one: building the sparse token matrix (and
# importing SciPy) costs more than the loop.
_SPARSE_FROM = 20_000

# A Dice coefficient under this cannot reach any threshold, so the fuzzy ratio is not taken.
_FUZZY_FROM = 0.2


def _combine(dice: float, a: MatchText, b: MatchText) -> float:
    if dice <= 0.0:
        return 0.0
    if dice < _FUZZY_FROM:  # cannot reach any threshold; skip the costlier fuzzy comparison
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
    return _pair_set(word_candidates(data, frequencies, settings), len(data.texts))


def candidate_buckets(
    data: GroupingInput, frequencies: Mapping[str, int], settings: GroupingSettings
) -> dict[tuple[str, str], list[int]]:
    """Claims (ascending indices) by candidate key: pairs of a claim's rarest tokens, and
    each of those tokens alone when it is very rare."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, text in enumerate(data.texts):
        tokens = rare_tokens(text, frequencies, settings.rare_tokens)
        for key in combinations(sorted(tokens), 2):
            buckets[key].append(index)
        for token in tokens:
            if frequencies[token] <= settings.single_key_frequency:
                buckets[(token, "")].append(index)
    return buckets


def word_candidates(
    data: GroupingInput, frequencies: Mapping[str, int], settings: GroupingSettings
) -> np.ndarray:
    """Candidate pairs that share a key of rare tokens, as sorted unique pair keys
    (`i * len(texts) + j`, i < j): a flat array costs a fraction of a set of tuples."""
    # Buckets of one size are stacked and expanded into pairs by one NumPy call per size.
    by_size: dict[int, list[list[int]]] = defaultdict(list)
    for members in candidate_buckets(data, frequencies, settings).values():
        if 2 <= len(members) <= settings.max_bucket:
            by_size[len(members)].append(members)
    keys = [np.zeros(0, dtype=np.int64)]
    for size, stacked in by_size.items():
        rows = np.asarray(stacked, dtype=np.int64)  # members ascend: claims were added in order
        first, second = np.triu_indices(size, 1)
        keys.append(_pair_keys(data, rows[:, first].ravel(), rows[:, second].ravel()))
    return sorted_unique(np.concatenate(keys))


def sorted_unique(keys: np.ndarray) -> np.ndarray:
    """np.unique for integer keys by a plain sort (NumPy 2's hash-based unique took several
    times as long on millions of pair keys)."""
    keys = np.sort(keys)
    if len(keys) == 0:
        return keys
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))]


def _pair_keys(data: GroupingInput, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Keys of the pairs that may share a group (left < right, or swapped into that order)."""
    articles = _as_array(data.article_ids)
    headlines = _as_array(data.is_headline)
    allowed = (articles[left] != articles[right]) | (headlines[left] != headlines[right])
    allowed &= left != right
    low, high = np.minimum(left, right)[allowed], np.maximum(left, right)[allowed]
    return low * len(data.texts) + high


def _as_array(values: Sequence[int] | Sequence[bool]) -> np.ndarray:
    return values if isinstance(values, np.ndarray) else np.asarray(values)


def _pair_set(keys: np.ndarray, size: int) -> set[tuple[int, int]]:
    return set(zip((keys // size).tolist(), (keys % size).tolist(), strict=True))


# Claims per k-means cell when searching neighbours by meaning; a collection this small is
# searched exhaustively (one cell).
_CELL_SIZE = 1000
_KMEANS_ROUNDS = 6
_NEIGHBOUR_BLOCK = 1024  # rows of one similarity block (bounds its memory)


def semantic_pairs(data: GroupingInput, settings: GroupingSettings) -> set[tuple[int, int]]:
    """Index pairs (i < j) where one claim is among the other's nearest neighbours by meaning."""
    return _pair_set(meaning_candidates(data, settings), len(data.texts))


def meaning_candidates(data: GroupingInput, settings: GroupingSettings) -> np.ndarray:
    """`semantic_pairs` as sorted unique pair keys (see `word_candidates`)."""
    vectors = data.vectors
    if vectors is None or len(vectors) < 2:
        return np.zeros(0, dtype=np.int64)
    keys = [np.zeros(0, dtype=np.int64)]
    for members in vector_cells(vectors):
        queries, neighbours = neighbour_arrays(vectors, members, members, settings)
        keys.append(_pair_keys(data, queries, neighbours))
    return sorted_unique(np.concatenate(keys))


def neighbour_arrays(
    vectors: Vectors,
    queries: np.ndarray,
    pool: np.ndarray | None,
    settings: GroupingSettings,
) -> tuple[np.ndarray, np.ndarray]:
    """Each query's closest pool members above the floor, as two aligned index arrays
    (queries, neighbours); pool None searches all vectors without copying them."""
    found: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    neighbours: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    pool_vectors = vectors if pool is None else vectors[pool]
    take = min(settings.neighbours + 1, len(pool_vectors))  # +1: a query may find itself
    for start in range(0, len(queries), _NEIGHBOUR_BLOCK):
        rows = np.asarray(queries[start : start + _NEIGHBOUR_BLOCK], dtype=np.int64)
        block = vectors[rows] @ pool_vectors.T
        row, column = top_columns(block, take)
        close = block[row, column] >= settings.neighbour_floor
        row, neighbour = row[close], column[close].astype(np.int64)
        found.append(rows[row])
        neighbours.append(
            neighbour if pool is None else np.asarray(pool, dtype=np.int64)[neighbour]
        )
    return np.concatenate(found), np.concatenate(neighbours)


# Every this many columns of a similarity block are sampled to bound each row's best.
_SAMPLE_STRIDE = 4


def top_columns(block: np.ndarray, take: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's `take` largest entries (ties broken either way), as aligned row and column
    index arrays.

    The `take`-th largest of a sample of the columns is a floor under each row's own: only
    the few entries above it are sorted. On the 2,000-column blocks of a large run this took
    about 19 ms a block against 26 ms for partitioning every row whole.
    """
    rows, width = block.shape
    if width < 2 * _SAMPLE_STRIDE * take:
        # The largest `take` sit at the end after partitioning at width - take.
        top = np.argpartition(block, width - take, axis=1)[:, -take:]
        return np.repeat(np.arange(rows), take), top.ravel()
    sample = block[:, ::_SAMPLE_STRIDE]
    floor = np.partition(sample, sample.shape[1] - take, axis=1)[:, -take]
    row, column = np.nonzero(block >= floor[:, None])
    order = np.lexsort((-block[row, column], row))
    counts = np.bincount(row, minlength=rows)
    rank = np.arange(len(row)) - np.repeat(np.cumsum(counts) - counts, counts)
    keep = order[rank < take]
    return row[keep], column[keep]


class NeighbourSearch:
    """Each query's closest vectors among many fed a chunk at a time (the stored vectors of a
    large collection are never all in memory at once)."""

    def __init__(self, queries: Vectors, settings: GroupingSettings) -> None:
        self.queries = queries
        self.take = settings.neighbours + 1  # +1: a query may find its own stored copy
        self.floor = settings.neighbour_floor
        self.scores: list[np.ndarray] = []
        self.ids: list[np.ndarray] = []
        self.buffer: np.ndarray | None = None

    def add(self, vectors: np.ndarray, ids: Sequence[int]) -> None:
        """Search `vectors` (any float type; one row per id) for each query's best."""
        if len(ids) == 0:
            return
        # Widened into one reused buffer: a fresh array per chunk cost more in page faults
        # than the product itself.
        if self.buffer is None or len(self.buffer) < len(vectors):
            self.buffer = np.empty(vectors.shape, dtype=np.float32)
        widened = self.buffer[: len(vectors)]
        np.copyto(widened, vectors)
        block = self.queries @ widened.T
        keep = min(self.take, len(ids))
        top = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
        self.scores.append(np.take_along_axis(block, top, axis=1))
        self.ids.append(np.asarray(ids, dtype=np.int64)[top])

    def found(self) -> list[tuple[int, int]]:
        """(query row, id) pairs: each query's `neighbours` + 1 closest above the floor."""
        if not self.scores:
            return []
        scores, ids = np.hstack(self.scores), np.hstack(self.ids)
        keep = min(self.take, scores.shape[1])
        top = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
        close = np.take_along_axis(scores, top, axis=1) >= self.floor
        query, column = np.nonzero(close)
        chosen = np.take_along_axis(ids, top, axis=1)
        return list(zip(query.tolist(), chosen[query, column].tolist(), strict=True))


def mixed_scores(word: np.ndarray, cosines: np.ndarray, settings: GroupingSettings) -> np.ndarray:
    """`Scorer.mix` over arrays of word scores and cosines."""
    weight = settings.lexical_weight
    mixed = weight * word + (1.0 - weight) * 100.0 * np.maximum(cosines, 0.0)
    capped = np.minimum(mixed, settings.below_floor_cap)
    return np.where(word < settings.word_floor, capped, mixed)


def cosine_bound(cosines: np.ndarray, settings: GroupingSettings) -> np.ndarray:
    """The highest score pairs with these cosines can reach (their words all shared)."""
    return mixed_scores(np.full(len(cosines), 100.0), cosines, settings)


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
    # Whether two clusters must stay apart although their words match (reports years apart,
    # or one quantity with other values at other times; workbench.matching.service._apart):
    # checked only for joins that pass the average link, since it reads figures.
    apart: Callable[[Sequence[int], Sequence[int]], bool] | None = None

    def forbids(self, left: Sequence[int], right: Sequence[int]) -> bool:
        if self.locked:
            left_groups = {self.locked[a] for a in left if a in self.locked}
            right_groups = {self.locked[b] for b in right if b in self.locked}
            if left_groups and right_groups and left_groups != right_groups:
                return True
        if not self.different:
            return False
        return any((min(a, b), max(a, b)) in self.different for a in left for b in right)

    def pinned(self, index: int) -> bool:
        """Whether a reviewer's merge or an existing group holds this claim where it is."""
        return index in self.locked or any(index in pair for pair in self.same)


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

    def detach(self, index: int) -> None:
        """Take one claim out of its cluster, to stand alone."""
        root = self.find(index)
        rest = [member for member in self.members.pop(root) if member != index]
        if rest:
            # Every remaining member points straight at the new root, so none still leads
            # through the detached claim.
            new_root = root if root != index else rest[0]
            for member in rest:
                self.parent[member] = new_root
            self.members[new_root] = rest
        self.parent[index] = index
        self.members[index] = [index]

    def groups(self) -> list[list[int]]:
        return [sorted(members) for members in self.members.values()]


# Pairs whose cosines are taken in one NumPy call (bounds the temporary arrays).
_COSINE_CHUNK = 65536

# Cross pairs scored at most when checking the average link of two large clusters.
_MAX_LINK_SAMPLE = 64


def link_pairs(left: Sequence[int], right: Sequence[int]) -> list[tuple[int, int]]:
    """The cross pairs of two clusters whose scores are averaged: all of them, or an even
    sample of `_MAX_LINK_SAMPLE` for large clusters (without building the cross product)."""
    count = len(left) * len(right)
    if count <= _MAX_LINK_SAMPLE:
        return [(a, b) for a in left for b in right]
    step = count / _MAX_LINK_SAMPLE
    spots = (int(k * step) for k in range(_MAX_LINK_SAMPLE))
    return [(left[spot // len(right)], right[spot % len(right)]) for spot in spots]


def link_needed(size: int, settings: GroupingSettings) -> float:
    """The average link a merge into a cluster of `size` claims needs: `link` up to
    `growth_from` claims, then `growth_step` more per doubling. A group that keeps growing is
    more likely a chain of look-alikes than one fact (sentences built on one template about
    different things); one fact rarely has more than a few dozen reports."""
    if size <= settings.growth_from:
        return settings.link
    return settings.link + settings.growth_step * math.log2(size / settings.growth_from)


def shared_figure(first: MatchText, second: MatchText) -> bool:
    """Whether two claims state one distinctive figure ("4.6%", "74", "$44 billion"): two
    significant digits or more, and not a year. Round figures ("100", "2,000") and years are
    shared by too many claims about other things to say anything."""
    return any(map(_distinctive_figure, first.token_set & second.token_set))


def _distinctive_figure(token: str) -> bool:
    if not token.startswith("#"):
        return False
    mantissa = token[1:].split("e")[0]
    digits = mantissa.replace(".", "").strip("0")
    if len(digits) < 2:
        return False
    return not (mantissa.isdigit() and 1900 <= int(mantissa) <= 2100)


def pairs_from_strongest(
    edges: Mapping[tuple[int, int], float], floor: float, clusters: Clusters | None = None
) -> Iterator[tuple[int, int]]:
    """The pairs scoring at least `floor`, strongest first; ties by the larger pair first.
    With `clusters`, pairs inside one cluster are left out: clusters only ever join, so such a
    pair never links two clusters later either.

    Sorted as arrays: the millions of (score, pair) tuples of a large run took twice as long.
    """
    scores = np.fromiter(edges.values(), dtype=np.float64, count=len(edges))
    pairs = np.fromiter(
        (index for pair in edges for index in pair), dtype=np.int64, count=2 * len(edges)
    ).reshape(-1, 2)
    wanted = scores >= floor
    if clusters is not None:
        roots = np.fromiter(
            map(clusters.find, range(len(clusters.parent))), np.int64, len(clusters.parent)
        )
        wanted &= roots[pairs[:, 0]] != roots[pairs[:, 1]]
    keep = np.flatnonzero(wanted)
    scores, pairs = scores[keep], pairs[keep]
    order = np.lexsort((-pairs[:, 1], -pairs[:, 0], -scores))
    # Pairs are made as they are read: millions of tuples held at once cost hundreds of MB.
    return zip(pairs[order, 0].tolist(), pairs[order, 1].tolist(), strict=True)


def cluster(
    size: int,
    edges: Mapping[tuple[int, int], float],
    scorer: Scorer,
    settings: GroupingSettings,
    constraints: Constraints | None = None,
) -> Clusters:
    constraints = constraints or Constraints()
    clusters = Clusters(size)
    for a, b in constraints.same:
        clusters.union(a, b)
    strong = pairs_from_strongest(edges, settings.high)
    # Two clusters that failed the average link stay failed until one of them grows: many
    # strong edges may run between the same two clusters, and each would recompute it.
    failed: set[tuple[int, int, int, int]] = set()
    for a, b in strong:
        root_a, root_b = clusters.find(a), clusters.find(b)
        if root_a == root_b:
            continue
        left, right = clusters.members[root_a], clusters.members[root_b]
        state = (min(root_a, root_b), max(root_a, root_b), len(left) + len(right), len(left))
        if state in failed or constraints.forbids(left, right):
            continue
        size = len(left) + len(right)
        needed = link_needed(size, settings)
        if shared_figure(scorer.texts[a], scorer.texts[b]):
            needed = min(needed, settings.figure_link)
        if size > 2 and not scorer.average_reaches(link_pairs(left, right), needed):
            failed.add(state)
            continue
        if constraints.apart is not None and constraints.apart(left, right):
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
    index = np.asarray(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    return score_pair_arrays(index[:, 0], index[:, 1], scorer, floor)


def score_pair_arrays(
    left: np.ndarray, right: np.ndarray, scorer: Scorer, floor: float
) -> dict[tuple[int, int], float]:
    """`score_pairs` for pairs given as two aligned index arrays."""
    scores = scorer.score_arrays(left, right, floor)
    keep = np.flatnonzero(scores >= floor)
    edges = dict(
        zip(
            zip(left[keep].tolist(), right[keep].tolist(), strict=True),
            scores[keep].tolist(),
            strict=True,
        )
    )
    # Keep only the scores worth remembering: all candidate pairs may be millions.
    scorer.cache = dict(edges)
    return edges


def score_candidates(
    data: GroupingInput, settings: GroupingSettings
) -> tuple[dict[tuple[int, int], float], Scorer]:
    """The candidate pairs of a whole collection scored (those reaching `low`), and the scorer."""
    frequencies = document_frequencies(data.texts)
    scorer = Scorer(
        data.texts,
        inverse_document_frequencies(frequencies, len(data.texts)),
        data.vectors,
        settings,
    )
    keys = sorted_unique(
        np.concatenate(
            [word_candidates(data, frequencies, settings), meaning_candidates(data, settings)]
        )
    )
    size = len(data.texts)
    return score_pair_arrays(keys // size, keys % size, scorer, settings.low), scorer

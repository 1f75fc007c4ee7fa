"""Sentence vectors: the NumPy encoder, the neighbour search, and the mixed score."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np
import pytest

from workbench.matching import semantic
from workbench.matching.grouping import (
    GroupingInput,
    GroupingSettings,
    NeighbourSearch,
    Scorer,
    document_frequencies,
    inverse_document_frequencies,
    neighbour_arrays,
    semantic_pairs,
    vector_cells,
)
from workbench.matching.normalise import match_text

OPEN = "Brussels will open a Defence Innovation office in the Ukrainian capital."
STARTED = "Work has started on the EU's Defence Innovation office in Kyiv, Breton said."
UNRELATED = "Orchard growers count their losses after a late spring frost."


@pytest.fixture(scope="module")
def encoder() -> semantic.SentenceEncoder:
    loaded = semantic.load_encoder()
    if loaded is None:
        pytest.skip(f"model package {semantic.MODEL_PACKAGE} not installed")
    return loaded


def test_vectors_are_unit_length_and_do_not_depend_on_the_batch(encoder) -> None:
    texts = [OPEN, "Short.", STARTED, UNRELATED]
    together = encoder.encode(texts)
    assert together.shape == (4, semantic.DIMENSIONS) and together.dtype == np.float32
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # Alone, each text has no padding; in the batch the short one is padded: masking must
    # make that irrelevant, and the rows must come back in the order given.
    alone = np.vstack([encoder.encode([text]) for text in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(encoder) -> None:
    vectors = encoder.encode([OPEN, STARTED, UNRELATED])
    assert vectors[0] @ vectors[1] > 0.6
    assert vectors[0] @ vectors[2] < 0.2


def test_markup_and_escapes_are_just_text(encoder) -> None:
    vectors = encoder.encode(["[bold]loud[/bold] \x1b[31mred\x1b[0m [link=x]y[/link]", ""])
    assert np.all(np.isfinite(vectors))


def test_gelu_stays_close_to_the_exact_erf_form() -> None:
    grid = np.linspace(-6, 6, 2001, dtype=np.float32)
    exact = np.array([0.5 * float(x) * (1.0 + math.erf(float(x) / math.sqrt(2.0))) for x in grid])
    approximate = semantic._gelu(grid)
    assert approximate.dtype == np.float32
    assert np.max(np.abs(approximate - exact)) < 1e-3


def test_safetensors_reader(tmp_path: Path) -> None:
    values = np.arange(6, dtype="<f4")
    header = {
        "__metadata__": {"format": "pt"},
        "a.weight": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
        "ids": {"dtype": "I64", "shape": [1], "data_offsets": [24, 32]},
    }
    encoded = json.dumps(header).encode()
    path = tmp_path / "tiny.safetensors"
    path.write_bytes(
        struct.pack("<Q", len(encoded)) + encoded + values.tobytes() + struct.pack("<q", 7)
    )
    tensors = semantic.read_safetensors(path)
    assert list(tensors) == ["a.weight"]  # only float32 tensors are read
    assert tensors["a.weight"].tolist() == [[0, 1, 2], [3, 4, 5]]


def nearest_neighbours(vectors, queries, pool, settings) -> list[tuple[int, int]]:
    found, neighbours = neighbour_arrays(vectors, queries, pool, settings)
    return list(zip(found.tolist(), neighbours.tolist(), strict=True))


def unit_rows(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_bulk_scores_equal_pair_scores() -> None:
    texts = [match_text(text) for text in (OPEN, STARTED, UNRELATED)]
    vectors = unit_rows(np.random.default_rng(1).normal(size=(3, 8)))
    idf = inverse_document_frequencies(document_frequencies(texts), 3)
    scorer = Scorer(texts, idf, vectors, GroupingSettings(lexical_weight=0.4, word_floor=0))
    pairs = [(0, 1), (0, 2), (1, 2)]
    exact = [scorer.score(i, j) for i, j in pairs]
    assert scorer.score_many(pairs) == pytest.approx(exact)
    # With a floor, a pair under it may get a cheaper bound instead, but still under it.
    floor = sorted(exact)[1]
    for value, bounded in zip(exact, scorer.score_many(pairs, floor), strict=True):
        assert bounded == pytest.approx(value) if value >= floor else bounded < floor
    words_only = Scorer(texts, idf)
    cosine = float(vectors[0] @ vectors[1])
    expected = 0.4 * words_only.score(0, 1) + 0.6 * 100 * max(cosine, 0.0)
    assert scorer.score(0, 1) == pytest.approx(expected)


def test_semantic_pairs_link_close_vectors_across_articles_only() -> None:
    base = unit_rows(np.random.default_rng(2).normal(size=(4, 16)))
    # Claims 0 and 1 are near copies; 2 is a near copy of 0 but in 0's own article.
    vectors = unit_rows(np.vstack([base[0], base[0] + 0.05, base[0] + 0.05, base[1:]]))
    data = GroupingInput(
        texts=[match_text("x")] * len(vectors),
        article_ids=[1, 2, 1, 3, 4, 5],
        is_headline=[False] * len(vectors),
        vectors=vectors,
    )
    pairs = semantic_pairs(data, GroupingSettings(neighbour_floor=0.9))
    assert pairs == {(0, 1), (1, 2)}


def test_cells_find_the_same_neighbours_as_an_exhaustive_search() -> None:
    rng = np.random.default_rng(3)
    centres = unit_rows(rng.normal(size=(300, 32)))
    # 3,000 vectors in tight pairs around 300 centres: k-means cells must keep pairs together.
    vectors = unit_rows(np.repeat(centres, 10, axis=0) + rng.normal(scale=0.05, size=(3000, 32)))
    cells = vector_cells(vectors)
    assert len(cells) > 1
    assert set(np.concatenate(cells).tolist()) == set(range(3000))
    settings = GroupingSettings(neighbours=3, neighbour_floor=0.9)
    everything = np.arange(3000)
    exhaustive = {
        (min(i, j), max(i, j))
        for i, j in nearest_neighbours(vectors, everything, everything, settings)
        if i != j
    }
    found = {
        (min(i, j), max(i, j))
        for members in cells
        for i, j in nearest_neighbours(vectors, members, members, settings)
        if i != j
    }
    assert len(found & exhaustive) >= 0.97 * len(exhaustive)


def test_chunked_search_of_stored_vectors_finds_the_exhaustive_neighbours() -> None:
    rng = np.random.default_rng(4)
    stored = unit_rows(rng.normal(size=(1000, 16))).astype(np.float16)
    queries = unit_rows(stored[[3, 500, 999]].astype(np.float32) + rng.normal(scale=0.1, size=16))
    settings = GroupingSettings(neighbours=5, neighbour_floor=0.3)
    ids = list(range(7000, 8000))  # the search returns the ids given, not row numbers
    search = NeighbourSearch(queries, settings)
    for start in range(0, 1000, 300):  # uneven chunks: the last one is shorter
        search.add(stored[start : start + 300], ids[start : start + 300])
    search.add(stored[:0], [])  # an empty chunk (every row damaged) changes nothing
    similarity = queries @ stored.astype(np.float32).T
    expected = {
        (query, ids[row])
        for query in range(3)
        for row in np.argsort(-similarity[query])[: settings.neighbours + 1].tolist()
        if similarity[query, row] >= settings.neighbour_floor
    }
    assert set(search.found()) == expected
    assert {(0, 7003), (1, 7500), (2, 7999)} <= expected

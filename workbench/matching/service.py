"""Grouping against the database: full and incremental runs, and reviewer corrections.

Functions take the session keyword-only; the caller owns the transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlmodel import Session, col

from workbench.db.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimKind,
    ClaimToken,
    ClaimVector,
    GroupRelation,
    MatchDecision,
    MatchDecisionKind,
    SuggestedMatch,
)
from workbench.matching.grouping import (
    Clusters,
    Constraints,
    GroupingInput,
    GroupingSettings,
    NeighbourSearch,
    Scorer,
    cluster,
    cosine_bound,
    inverse_document_frequencies,
    link_pairs,
    may_share_group,
    pairs_from_strongest,
    rare_tokens,
    score_candidates,
    score_pairs,
    suggestions,
)
from workbench.matching.members import MemberClaim
from workbench.matching.normalise import MatchText, match_text
from workbench.matching.relations import (
    Readings,
    assess_group,
    done_acts_apart,
    editions_apart,
    has_status,
    milestones_apart,
    named_days_apart,
    news_days_apart,
    one_story,
    part_period_apart,
    past_event_apart,
    reported_apart,
    status_moves_on,
    statuses_in_order,
)
from workbench.matching.semantic import DIMENSIONS, MODEL_NAME, Vectors, load_encoder

# Candidates fetched from the token index for one new claim, most shared tokens first.
MAX_CANDIDATES_PER_CLAIM = 200
# More new claims than this are grouped by a full run instead.
INCREMENTAL_LIMIT = 5000
_CHUNK = 500  # SQLite allows a limited number of bound parameters per statement
_STORED_CHUNK = 4096  # stored vectors read and searched at a time
_VECTOR_BATCH = 256  # claims encoded and stored per step (progress is reported per step)


# Core tables for executemany updates keyed by bound ids (the ORM would load every row).
CLAIM_TABLE: Table = Claim.__table__  # type: ignore[attr-defined]
GROUP_TABLE: Table = ClaimGroup.__table__  # type: ignore[attr-defined]
TOKEN_TABLE: Table = ClaimToken.__table__  # type: ignore[attr-defined]
VECTOR_TABLE: Table = ClaimVector.__table__  # type: ignore[attr-defined]
SUGGESTION_TABLE: Table = SuggestedMatch.__table__  # type: ignore[attr-defined]
# A positional parameter as each DB-API paramstyle writes it (SQLite: qmark, psycopg: pyformat).
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}

# Told how many claims got sentence vectors so far (for a progress display).
VectorProgress = Callable[[int, int], None]


class GroupingError(LookupError):
    """A correction names a claim, group or suggestion that does not exist."""


@dataclass
class GroupingReport:
    claims: int = 0
    groups: int = 0  # groups of two or more claims touched by this run
    largest_group: int = 0
    conflicting: int = 0
    outdated: int = 0
    suggestions: int = 0
    seconds: float = 0.0
    full: bool = False


# --- loading ------------------------------------------------------------------------------


def _member_query() -> Any:
    return select(
        col(Claim.id),
        col(Claim.text),
        col(Claim.article_id),
        col(Article.source_id),
        col(Article.published),
        col(Claim.kind),
        col(Claim.numbers),
        col(Claim.dates),
        col(Claim.group_id),
    ).join(Article, col(Claim.article_id) == col(Article.id))


def _to_member(row: Any) -> MemberClaim:
    return MemberClaim(
        claim_id=row[0],
        text=row[1],
        article_id=row[2],
        source_id=row[3],
        published=row[4],
        kind=row[5],
        numbers=row[6],
        dates=row[7],
    )


def load_members(
    *, session: Session, claim_ids: Iterable[int] | None = None
) -> tuple[list[MemberClaim], dict[int, int | None]]:
    """Members (ordered by id) and their current group ids."""
    rows: list[Any] = []
    if claim_ids is None:
        rows = list(session.execute(_member_query().order_by(col(Claim.id))))
    else:
        wanted = sorted(set(claim_ids))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows.extend(session.execute(_member_query().where(col(Claim.id).in_(chunk))))
        rows.sort(key=lambda row: row[0])
    return [_to_member(row) for row in rows], {row[0]: row[8] for row in rows}


def load_constraints(*, session: Session, index_of: dict[int, int]) -> Constraints:
    """Reviewer decisions on pairs of the loaded claims; the latest decision on a pair wins."""
    latest: dict[tuple[int, int], str] = {}
    query = select(MatchDecision).order_by(col(MatchDecision.id))
    for decision in session.execute(query).scalars():
        a, b = index_of.get(decision.claim_a_id), index_of.get(decision.claim_b_id)
        if a is not None and b is not None:
            latest[(min(a, b), max(a, b))] = decision.decision
    constraints = Constraints()
    for pair, decision in latest.items():
        if decision == MatchDecisionKind.SAME:
            constraints.same.append(pair)
        else:
            constraints.different.add(pair)
    return constraints


def _grouping_input(
    members: Sequence[MemberClaim],
    texts: Sequence[MatchText] | None = None,
    vectors: Vectors | None = None,
) -> GroupingInput:
    return GroupingInput(
        texts=list(texts) if texts is not None else [match_text(m.text) for m in members],
        article_ids=[member.article_id for member in members],
        is_headline=[member.kind == ClaimKind.HEADLINE for member in members],
        vectors=vectors,
    )


def semantic_matching_available(settings: GroupingSettings) -> bool:
    """Whether grouping compares meaning: switched on and the model package installed."""
    return settings.semantic and load_encoder() is not None


def claim_vectors(
    *, session: Session, members: Sequence[MemberClaim], settings: GroupingSettings
) -> Vectors | None:
    """Sentence vectors of the members, in order: stored ones are read, missing ones computed
    and stored. None when semantic matching is off or the model is not installed."""
    encoder = load_encoder() if settings.semantic else None
    if encoder is None:
        return None
    vectors = np.zeros((len(members), DIMENSIONS), dtype=np.float32)
    stored = _stored_vectors(session, [member.claim_id for member in members])
    missing = []
    for index, member in enumerate(members):
        vector = stored.get(member.claim_id)
        if vector is None:
            missing.append(index)
        else:
            vectors[index] = vector
    for start in range(0, len(missing), _VECTOR_BATCH):
        batch = missing[start : start + _VECTOR_BATCH]
        computed = encoder.encode([members[index].text for index in batch])
        vectors[batch] = computed
        _insert_vectors(session, [members[index].claim_id for index in batch], computed)
    return vectors


def store_missing_vectors(
    *, session: Session, settings: GroupingSettings, progress: VectorProgress | None = None
) -> int:
    """Compute and store sentence vectors for every claim that lacks one; returns how many.

    The model costs 6-8 ms per claim, so a large import takes minutes: this commits after
    every batch, and an interrupted run keeps what it computed (the next run goes on from
    there). Grouping then finds the vectors stored.
    """
    encoder = load_encoder() if settings.semantic else None
    if encoder is None:
        return 0
    _drop_other_models(session)
    has_vector = select(col(ClaimVector.claim_id)).where(col(ClaimVector.claim_id) == col(Claim.id))
    query = (
        select(col(Claim.id), col(Claim.text)).where(~has_vector.exists()).order_by(col(Claim.id))
    )
    missing = list(session.execute(query))
    for start in range(0, len(missing), _VECTOR_BATCH):
        batch = missing[start : start + _VECTOR_BATCH]
        _insert_vectors(
            session, [row[0] for row in batch], encoder.encode([row[1] for row in batch])
        )
        session.commit()
        if progress is not None:
            progress(start + len(batch), len(missing))
    return len(missing)


def _insert_vectors(session: Session, claim_ids: Sequence[int], vectors: Vectors) -> None:
    # float16 halves the storage (768 bytes a claim); cosines move by less than 0.001.
    rows = vectors.astype(np.float16)
    session.execute(
        insert(VECTOR_TABLE),
        [
            {"claim_id": claim_id, "model": MODEL_NAME, "vector": row.tobytes()}
            for claim_id, row in zip(claim_ids, rows, strict=True)
        ],
    )


def _drop_other_models(session: Session) -> None:
    # Vectors of another model are not comparable: they are dropped and computed again.
    # Two ranges rather than "!=": SQLite answers ranges from the index on model, but "!="
    # by reading every stored vector.
    model = col(ClaimVector.model)
    session.execute(delete(ClaimVector).where((model < MODEL_NAME) | (model > MODEL_NAME)))


def _stored_vectors(session: Session, claim_ids: Sequence[int]) -> dict[int, Vectors]:
    _drop_other_models(session)
    found: dict[int, Vectors] = {}
    wanted = sorted(claim_ids)
    for start in range(0, len(wanted), _CHUNK):
        query = select(col(ClaimVector.claim_id), col(ClaimVector.vector)).where(
            col(ClaimVector.claim_id).in_(wanted[start : start + _CHUNK])
        )
        for claim_id, blob in session.execute(query):
            found[claim_id] = np.frombuffer(blob, dtype=np.float16)
    return found


# --- full regrouping ------------------------------------------------------------------------


def regroup_all(*, session: Session, settings: GroupingSettings) -> GroupingReport:
    """Group every claim again from scratch, keeping reviewer decisions and group ids."""
    started = time.monotonic()
    members, current_groups = load_members(session=session)
    vectors = claim_vectors(session=session, members=members, settings=settings)
    if vectors is None and settings.semantic:  # asked for, but the model is not installed
        settings = settings.without_vectors()
    data = _grouping_input(members, vectors=vectors)
    index_of = {member.claim_id: index for index, member in enumerate(members)}
    constraints = load_constraints(session=session, index_of=index_of)
    readings = Readings()
    constraints.apart = _apart(members, readings, settings)
    edges, scorer = score_candidates(data, settings)
    # The token index is written beside the clustering: one core's Python work that does not
    # touch the database (the scoring before it keeps both cores busy).
    with _RebuiltTokenIndex(session, _token_rows(members, data.texts)):
        clusters = cluster(len(members), edges, scorer, settings, constraints)
        join_superseded(clusters, edges, members, settings, constraints, scorer, readings)
    claim_clusters = [[members[i].claim_id for i in group] for group in clusters.groups()]
    report = write_groups(
        session=session,
        clusters=claim_clusters,
        members={member.claim_id: member for member in members},
        current_groups=current_groups,
        readings=readings,
    )
    session.execute(delete(SuggestedMatch))
    near = suggestions(edges, clusters, settings, constraints)
    report.suggestions = _insert_suggestions(
        session,
        [(members[a].claim_id, members[b].claim_id, value) for a, b, value in near.values()],
    )
    _drop_empty_groups(session)
    report.full, report.claims = True, len(members)
    report.seconds = time.monotonic() - started
    return report


# --- incremental grouping -------------------------------------------------------------------


def group_new_claims(*, session: Session, settings: GroupingSettings) -> GroupingReport:
    """Group the claims no run has seen yet, against everything stored; existing groups may
    gain members but are never merged or split here (that is a reviewer's or --full's job)."""
    started = time.monotonic()
    new_ids = list(
        session.execute(select(col(Claim.id)).where(col(Claim.group_id).is_(None))).scalars()
    )
    if not new_ids:
        return GroupingReport(seconds=time.monotonic() - started)
    if len(new_ids) > INCREMENTAL_LIMIT:
        # One index query per claim stops paying off for a large import; the full run's
        # in-memory candidate buckets do the same job faster (and keep groups and decisions).
        return regroup_all(session=session, settings=settings)
    new_members, _ = load_members(session=session, claim_ids=new_ids)
    new_texts = [match_text(member.text) for member in new_members]
    _index_tokens(session, new_members, new_texts)
    frequencies, total = _token_frequencies(session, new_texts)
    idf = inverse_document_frequencies(frequencies, total)
    candidates = _candidates_from_index(session, new_members, new_texts, frequencies, settings)
    new_vectors = claim_vectors(session=session, members=new_members, settings=settings)
    if new_vectors is None and settings.semantic:  # asked for, but the model is not installed
        settings = settings.without_vectors()
    if new_vectors is not None:
        by_meaning = _candidates_by_meaning(session, new_members, new_vectors, settings)
        for claim_id, found_ids in by_meaning.items():
            candidates.setdefault(claim_id, set()).update(found_ids)
    known_texts = {m.claim_id: t for m, t in zip(new_members, new_texts, strict=True)}
    reaching = _candidates_reaching(
        session, candidates, new_members, new_vectors, known_texts, idf, settings
    )
    group_of_candidates = _groups_of(session, reaching)
    old_ids = _members_of_groups(session, set(group_of_candidates.values()))
    old_members, current_groups = load_members(session=session, claim_ids=old_ids)
    members = old_members + new_members
    texts = [_text_of(member, known_texts) for member in members]
    vectors = claim_vectors(session=session, members=members, settings=settings)
    data = _grouping_input(members, texts, vectors)
    scorer = Scorer(texts, idf, vectors, settings)
    index_of = {member.claim_id: index for index, member in enumerate(members)}
    pairs = {
        (min(index_of[found_id], index_of[new_id]), max(index_of[found_id], index_of[new_id]))
        for new_id, found_ids in candidates.items()
        for found_id in found_ids
        if found_id != new_id and found_id in index_of
    }
    pairs = {(i, j) for i, j in pairs if may_share_group(data, i, j)}
    edges = score_pairs(pairs, scorer, settings.low)
    constraints = Constraints(
        locked={
            index: group_id
            for index, member in enumerate(old_members)
            if (group_id := current_groups.get(member.claim_id)) is not None
        }
    )
    readings = Readings()
    constraints.apart = _apart(members, readings, settings)
    clusters = cluster(len(members), edges, scorer, settings, constraints)
    join_superseded(clusters, edges, members, settings, constraints, scorer, readings)
    claim_clusters = _whole_groups(clusters, members, len(old_members), current_groups)
    report = write_groups(
        session=session,
        clusters=claim_clusters,
        members={member.claim_id: member for member in members},
        current_groups=current_groups,
        readings=readings,
    )
    near = suggestions(edges, clusters, settings, constraints)
    report.suggestions = _insert_suggestions(
        session,
        [(members[a].claim_id, members[b].claim_id, value) for a, b, value in near.values()],
    )
    report.claims = len(new_members)
    report.seconds = time.monotonic() - started
    return report


def _whole_groups(
    clusters: Clusters,
    members: Sequence[MemberClaim],
    old_count: int,
    current_groups: Mapping[int, int | None],
) -> list[list[int]]:
    """The clusters holding new claims, as claim ids, each existing group written back whole.

    A new claim joins an existing group through the members it resembles; the group keeps all
    its other members (an incremental run never splits a group), so its size and relation are
    counted over all of them, and two clusters that reached one group are one group."""
    touched: dict[int, set[int]] = {}
    fresh: list[list[int]] = []
    for group in clusters.groups():
        if not any(index >= old_count for index in group):
            continue
        claim_ids = [members[index].claim_id for index in group]
        old_groups = {
            group_id
            for index in group
            if index < old_count and (group_id := current_groups.get(members[index].claim_id))
        }
        if not old_groups:
            fresh.append(claim_ids)
            continue
        # The lock keeps two existing groups out of one cluster: there is one.
        touched.setdefault(min(old_groups), set()).update(claim_ids)
    for member in members[:old_count]:
        group_id = current_groups.get(member.claim_id)
        if group_id in touched:
            touched[group_id].add(member.claim_id)
    return [sorted(claim_ids) for claim_ids in touched.values()] + fresh


# Two clusters joined because one supersedes the other hold at most this many claims together
# (checking costs a relation assessment of the pair, quadratic in its size).
_SUPERSEDED_JOIN_LIMIT = 40


def _apart(
    members: Sequence[MemberClaim], readings: Readings, settings: GroupingSettings
) -> Callable[[Sequence[int], Sequence[int]], bool]:
    """What keeps two clusters from joining as one fact although their words match: reports
    further apart than one story, one quantity with other values a month or more apart, days
    named further apart than a slip, news of days more than a week apart (headlines of two
    meetings), acts done that differ in what or who (two events told alike), a count of an
    older event against the same count for the news, a quantity for a part of the period the
    other gives it for, or a milestone reached against another value of its quantity."""

    def apart(left: Sequence[int], right: Sequence[int]) -> bool:
        left_claims, right_claims = [members[i] for i in left], [members[i] for i in right]
        if not one_story(left_claims + right_claims, settings.story_days):
            return True
        return (
            reported_apart(left_claims, right_claims, readings)
            or named_days_apart(left_claims, right_claims, readings)
            or news_days_apart(left_claims, right_claims, readings)
            or done_acts_apart(left_claims, right_claims, readings)
            or past_event_apart(left_claims, right_claims, readings)
            or part_period_apart(left_claims, right_claims, readings)
            or milestones_apart(left_claims, right_claims, readings)
            or editions_apart(left_claims, right_claims)
        )

    return apart


def join_superseded(
    clusters: Clusters,
    edges: dict[tuple[int, int], float],
    members: Sequence[MemberClaim],
    settings: GroupingSettings,
    constraints: Constraints,
    scorer: Scorer,
    readings: Readings | None = None,
) -> None:
    """Join two clusters when a later one supersedes an earlier one.

    "Will open an office" (February) and "work on the office has begun" (May) are worded
    differently enough that average linkage keeps them apart, yet the issue of record is one
    fact whose status moved on: the reviewer should see them side by side, flagged outdated.
    Two clusters are considered when a pair across them scores `supersede_margin` above
    `high` and one claim of that pair supersedes the other. They are joined when
    - on the joined members the relation check finds all superseded claims in one of the two
      clusters (a count that grew; calibrated like the thresholds: with the pair only at
      `high`, unrelated amounts in euros that "grew" joined, and precision fell to 0.83); or
    - the pair's status moved on and the two clusters' stages stay in time order together
      (`join_status_chain`).
    """
    readings = readings if readings is not None else Readings()
    floor = settings.high + settings.supersede_margin
    for a, b in pairs_from_strongest(edges, floor, clusters):
        root_a, root_b = clusters.find(a), clusters.find(b)
        if root_a == root_b:
            continue
        left, right = clusters.members[root_a], clusters.members[root_b]
        if len(left) + len(right) > _SUPERSEDED_JOIN_LIMIT or constraints.forbids(left, right):
            continue
        left_claims, right_claims = [members[i] for i in left], [members[i] for i in right]
        if (
            not one_story(left_claims + right_claims, settings.story_days)
            or done_acts_apart(left_claims, right_claims, readings)
            or milestones_apart(left_claims, right_claims, readings)
            or editions_apart(left_claims, right_claims)
        ):
            continue
        pair = assess_group([members[a], members[b]], readings).suggested_outdated
        if pair and _supersedes(left_claims, right_claims, readings):
            clusters.union(a, b)
        elif status_moves_on(members[a], members[b], readings) and statuses_in_order(
            left_claims, right_claims, readings
        ):
            join_status_chain(clusters, (a, b), members, settings, constraints, scorer, readings)


def join_status_chain(
    clusters: Clusters,
    pair: tuple[int, int],
    members: Sequence[MemberClaim],
    settings: GroupingSettings,
    constraints: Constraints,
    scorer: Scorer,
    readings: Readings,
) -> None:
    """Join the clusters of a pair whose status moved on.

    The stages vouch for the claims that carry one. A claim without a stage came into its
    cluster on its words alone ("Breton pitches Kyiv defence office to start-ups" beside "work
    on the Kyiv defence office is under way"): it goes along only when it also resembles the
    other cluster, on average at least `low`; otherwise it stays behind, with the others left
    behind from its side, so one look-alike never chains two facts together.
    """
    a, b = pair
    left, right = list(clusters.members[clusters.find(a)]), list(clusters.members[clusters.find(b)])
    for side, other in ((left, right), (right, left)):
        behind = [
            index
            for index in side
            if index not in pair
            and not constraints.pinned(index)
            and not has_status(members[index], readings)
            and not scorer.average_reaches(link_pairs([index], other), settings.low)
        ]
        for index in behind:
            clusters.detach(index)
        for index in behind[1:]:
            clusters.union(behind[0], index)
    clusters.union(a, b)


def _supersedes(left: list[MemberClaim], right: list[MemberClaim], readings: Readings) -> bool:
    outdated = assess_group(left + right, readings).suggested_outdated
    if not outdated:
        return False
    left_ids = {member.claim_id for member in left}
    right_ids = {member.claim_id for member in right}
    return outdated <= left_ids or outdated <= right_ids


def _token_frequencies(session: Session, texts: Sequence[MatchText]) -> tuple[Counter[str], int]:
    tokens = sorted({token for text in texts for token in text.token_set})
    frequencies: Counter[str] = Counter()
    for start in range(0, len(tokens), _CHUNK):
        chunk = tokens[start : start + _CHUNK]
        query = (
            select(col(ClaimToken.token), func.count())
            .where(col(ClaimToken.token).in_(chunk))
            .group_by(col(ClaimToken.token))
        )
        frequencies.update({token: count for token, count in session.execute(query)})
    total = session.execute(select(func.count()).select_from(Claim)).scalar_one()
    return frequencies, total


def _candidates_from_index(
    session: Session,
    members: Sequence[MemberClaim],
    texts: Sequence[MatchText],
    frequencies: Counter[str],
    settings: GroupingSettings,
) -> dict[int, set[int]]:
    """For each new claim, the stored claims sharing at least two of its rarest tokens."""
    found: dict[int, set[int]] = {}
    for member, text in zip(members, texts, strict=True):
        tokens = rare_tokens(text, frequencies, settings.rare_tokens)
        if len(tokens) < 2:
            continue
        query = (
            select(col(ClaimToken.claim_id))
            .where(col(ClaimToken.token).in_(tokens))
            .group_by(col(ClaimToken.claim_id))
            .having(func.count() >= 2)
            .order_by(func.count().desc())
            .limit(MAX_CANDIDATES_PER_CLAIM)
        )
        found[member.claim_id] = set(session.execute(query).scalars())
    return found


def _candidates_by_meaning(
    session: Session, members: Sequence[MemberClaim], vectors: Vectors, settings: GroupingSettings
) -> dict[int, set[int]]:
    """For each new claim, the stored claims nearest to it by sentence vector.

    One pass over every stored vector, a chunk at a time, through a plain DB-API cursor: for
    100,000 vectors SQLAlchemy's per-row processing cost several times the read itself, and
    reading them all at once touched three times the memory (measured: 0.3 s streamed against
    0.4-0.8 s). The statement has no parameters, so it reads the same on every driver.
    """
    search = NeighbourSearch(vectors, settings)
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute("SELECT claim_id, vector FROM claim_vector")
        while rows := cursor.fetchmany(_STORED_CHUNK):
            ids, block = _vector_block(rows)
            search.add(block, ids)
    finally:
        cursor.close()
    found: dict[int, set[int]] = {}
    for row, neighbour_id in search.found():
        claim_id = members[row].claim_id
        if claim_id != neighbour_id:
            found.setdefault(claim_id, set()).add(neighbour_id)
    return found


def _vector_block(rows: Sequence[Any]) -> tuple[list[int], np.ndarray]:
    """The claim ids and float16 vectors of (claim_id, vector bytes) rows; a damaged row (not
    one vector long) is skipped rather than read out of line."""
    width = DIMENSIONS * 2
    if not all(len(row[1]) == width for row in rows):
        rows = [row for row in rows if len(row[1]) == width]
    block = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float16)
    return [row[0] for row in rows], block.reshape(len(rows), DIMENSIONS)


def _candidates_reaching(
    session: Session,
    candidates: dict[int, set[int]],
    new_members: Sequence[MemberClaim],
    new_vectors: Vectors | None,
    known_texts: dict[int, MatchText],
    idf: Mapping[str, float],
    settings: GroupingSettings,
) -> set[int]:
    """The stored candidates scoring at least `low` with some new claim.

    Only their groups are loaded for clustering: a group none of whose members reaches `low`
    with a new claim can neither take one in nor be suggested, and loading every candidate's
    whole group cost most of an incremental run. With vectors, a pair whose cosine keeps it
    under `low` even with identical words is dropped before its text is read.
    """
    new_ids = {member.claim_id for member in new_members}
    found_ids = sorted({found for ids in candidates.values() for found in ids} - new_ids)
    old_members, _ = load_members(session=session, claim_ids=found_ids)
    members = [*old_members, *new_members]
    index_of = {member.claim_id: index for index, member in enumerate(members)}
    pairs = np.array(
        [
            (index_of[new_id], index_of[found_id])
            for new_id, found_ids in candidates.items()
            for found_id in found_ids
            if found_id not in new_ids and found_id in index_of
        ],
        dtype=np.int64,
    ).reshape(-1, 2)
    vectors = None
    old_vectors = None
    if new_vectors is not None:
        old_vectors = claim_vectors(session=session, members=old_members, settings=settings)
    if new_vectors is not None and old_vectors is not None:
        vectors = np.vstack([old_vectors, new_vectors])
        cosines = np.einsum("ij,ij->i", vectors[pairs[:, 0]], vectors[pairs[:, 1]])
        pairs = pairs[cosine_bound(cosines, settings) >= settings.low]
    # Only the members left in some pair are read and scored.
    used, local = np.unique(pairs, return_inverse=True)
    local = local.reshape(-1, 2)
    scorer = Scorer(
        [_text_of(members[index], known_texts) for index in used.tolist()],
        idf,
        vectors[used] if vectors is not None else None,
        settings,
    )
    scores = scorer.score_arrays(local[:, 0], local[:, 1], settings.low)
    return {members[index].claim_id for index in pairs[scores >= settings.low, 1].tolist()}


def _text_of(member: MemberClaim, known_texts: dict[int, MatchText]) -> MatchText:
    text = known_texts.get(member.claim_id)
    if text is None:
        text = known_texts[member.claim_id] = match_text(member.text)
    return text


def _groups_of(session: Session, claim_ids: set[int]) -> dict[int, int]:
    groups: dict[int, int] = {}
    wanted = sorted(claim_ids)
    for start in range(0, len(wanted), _CHUNK):
        query = select(col(Claim.id), col(Claim.group_id)).where(
            col(Claim.id).in_(wanted[start : start + _CHUNK]), col(Claim.group_id).is_not(None)
        )
        groups.update({claim_id: group_id for claim_id, group_id in session.execute(query)})
    return groups


def _members_of_groups(session: Session, group_ids: set[int]) -> list[int]:
    wanted = sorted(group_ids)
    found: list[int] = []
    for start in range(0, len(wanted), _CHUNK):
        query = select(col(Claim.id)).where(col(Claim.group_id).in_(wanted[start : start + _CHUNK]))
        found.extend(session.execute(query).scalars())
    return found


# --- writing --------------------------------------------------------------------------------


def write_groups(
    *,
    session: Session,
    clusters: Sequence[Sequence[int]],
    members: dict[int, MemberClaim],
    current_groups: dict[int, int | None],
    readings: Readings | None = None,
) -> GroupingReport:
    """Store clusters of claim ids as groups, reusing each cluster's most common group id."""
    now = datetime.now(UTC)
    report = GroupingReport()
    taken: set[int] = set()
    claim_rows: list[dict[str, Any]] = []
    group_rows: list[dict[str, Any]] = []
    reused = [_reuse_group_id(claim_ids, current_groups, taken) for claim_ids in clusters]
    fresh = iter(_new_groups(session, now, sum(group_id is None for group_id in reused)))
    for claim_ids, kept_id in zip(clusters, reused, strict=True):
        group_id = kept_id if kept_id is not None else next(fresh)
        group_members = [members[claim_id] for claim_id in claim_ids]
        group_row, rows = _assessed_rows(group_id, group_members, now, readings)
        group_rows.append(group_row)
        claim_rows.extend(rows)
        _count(report, group_row)
    if claim_rows:
        session.execute(
            update(CLAIM_TABLE)
            .where(CLAIM_TABLE.c.id == bindparam("claim_id"))
            .values(
                group_id=bindparam("new_group_id"),
                suggested_outdated=bindparam("new_outdated"),
                differing_spans=bindparam("new_spans"),
            ),
            claim_rows,
        )
    if group_rows:
        session.execute(
            update(GROUP_TABLE)
            .where(GROUP_TABLE.c.id == bindparam("group_id"))
            .values(
                relation=bindparam("new_relation"),
                relation_reason=bindparam("new_reason"),
                size=bindparam("new_size"),
                source_count=bindparam("new_sources"),
                updated_at=bindparam("now"),
            ),
            group_rows,
        )
    return report


def _reuse_group_id(
    claim_ids: Sequence[int], current_groups: dict[int, int | None], taken: set[int]
) -> int | None:
    votes = Counter(
        group for claim_id in claim_ids if (group := current_groups.get(claim_id)) is not None
    )
    for group_id, _count_of in votes.most_common():
        if group_id not in taken:
            taken.add(group_id)
            return group_id
    return None


def _new_groups(session: Session, now: datetime, count: int) -> list[int]:
    """Ids of `count` new groups, made in one statement (a full run may need tens of thousands)."""
    if count == 0:
        return []
    rows = [{"relation": GroupRelation.SINGLE.value, "created_at": now} for _ in range(count)]
    statement = GROUP_TABLE.insert().returning(GROUP_TABLE.c.id, sort_by_parameter_order=True)
    return [int(group_id) for group_id in session.execute(statement, rows).scalars()]


def _assessed_rows(
    group_id: int, group_members: list[MemberClaim], now: datetime, readings: Readings | None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    assessment = assess_group(group_members, readings)
    group_row = {
        "group_id": group_id,
        "new_relation": assessment.relation,
        "new_reason": assessment.reason or None,
        "new_size": len(group_members),
        "new_sources": len({member.source_key for member in group_members}),
        "now": now,
    }
    claim_rows = [
        {
            "claim_id": member.claim_id,
            "new_group_id": group_id,
            "new_outdated": member.claim_id in assessment.suggested_outdated,
            "new_spans": [
                {"start": span.start, "end": span.end, "reason": span.reason}
                for span in assessment.differing.get(member.claim_id, [])
            ],
        }
        for member in group_members
    ]
    return group_row, claim_rows


def _count(report: GroupingReport, group_row: dict[str, Any]) -> None:
    if group_row["new_size"] < 2:
        return
    report.groups += 1
    report.largest_group = max(report.largest_group, group_row["new_size"])
    if group_row["new_relation"] == GroupRelation.CONFLICTING:
        report.conflicting += 1
    elif group_row["new_relation"] == GroupRelation.OUTDATED:
        report.outdated += 1


def _insert_suggestions(session: Session, pairs: Sequence[tuple[int, int, float]]) -> int:
    decided = _decided_pairs(session, {claim for a, b, _ in pairs for claim in (a, b)})
    rows = []
    for a, b, value in pairs:
        key = (min(a, b), max(a, b))
        if key not in decided:
            rows.append({"claim_a_id": key[0], "claim_b_id": key[1], "score": round(value, 1)})
    if rows:
        session.execute(_insert_ignoring_repeats(session, SUGGESTION_TABLE), rows)
    return len(rows)


def _insert_ignoring_repeats(session: Session, table: Table) -> Any:
    # A pair suggested before stays as it is. Each backend says so its own way.
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing()
    return insert(table).prefix_with("OR IGNORE", dialect="sqlite")


def _decided_pairs(session: Session, claim_ids: set[int]) -> set[tuple[int, int]]:
    decided: set[tuple[int, int]] = set()
    wanted = sorted(claim_ids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = select(col(MatchDecision.claim_a_id), col(MatchDecision.claim_b_id)).where(
            col(MatchDecision.claim_a_id).in_(chunk)
        )
        decided.update((a, b) for a, b in session.execute(query))
    return decided


def _index_tokens(
    session: Session, members: Sequence[MemberClaim], texts: Sequence[MatchText]
) -> None:
    """Add the claims' tokens to the inverted index (claims already indexed are skipped)."""
    _insert_token_rows(session, _unindexed_token_rows(session, members, texts))


class _RebuiltTokenIndex:
    """Rebuilds the inverted index from `rows` (a full regroup: tokens stored by a release
    that folded words otherwise go).

    On SQLite the rows go in as one statement over a JSON array, which SQLite runs without
    holding Python's lock, so `regroup_all` lets it run in a thread beside the clustering (the
    first full run of 100,000 claims writes 1.2 million rows: 2.8 s of SQLite's own work).
    Nothing else may use the session's connection until the block ends; the block waits for
    the writer and raises its error, if the block itself did not fail. Other databases, and an
    SQLite without JSON functions, write when the block ends.
    """

    def __init__(self, session: Session, rows: list[tuple[str, int]]) -> None:
        self.session = session
        self.rows = rows
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def __enter__(self) -> _RebuiltTokenIndex:
        if self.session.get_bind().dialect.name == "sqlite":
            cursor = self.session.connection().connection.cursor()
            if not _reads_json(cursor):
                cursor.close()
                return self
            rows_json = json.dumps(self.rows)
            self.rows = []  # the JSON holds them; the list would only weigh on peak memory
            self.thread = threading.Thread(
                target=self._write_json, args=(cursor, rows_json), daemon=True
            )
            self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.thread is not None:
            self.thread.join()
            if self.error is not None and exc_info[0] is None:
                raise self.error
        elif exc_info[0] is None:
            self.session.execute(delete(ClaimToken))
            _insert_token_rows(self.session, self.rows)

    def _write_json(self, cursor: Any, rows_json: str) -> None:
        try:
            cursor.execute(f"DELETE FROM {TOKEN_TABLE.name}")
            cursor.execute(
                f"INSERT INTO {TOKEN_TABLE.name} (token, claim_id) "
                "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
                "FROM json_each(?)",
                (rows_json,),
            )
        except BaseException as error:  # raised again in the caller's thread
            self.error = error
        finally:
            cursor.close()


def _reads_json(cursor: Any) -> bool:
    try:
        cursor.execute("SELECT json_extract('[1]', '$[0]')")
        cursor.fetchall()
    except sqlite3.OperationalError:  # "no such function": SQLite before 3.38 without JSON1
        return False
    return True


def _token_rows(
    members: Sequence[MemberClaim], texts: Sequence[MatchText]
) -> list[tuple[str, int]]:
    return [
        (token, member.claim_id)
        for member, text in zip(members, texts, strict=True)
        for token in text.token_set
    ]


def _unindexed_token_rows(
    session: Session, members: Sequence[MemberClaim], texts: Sequence[MatchText]
) -> list[tuple[str, int]]:
    ids = [member.claim_id for member in members]
    indexed: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        query = (
            select(col(ClaimToken.claim_id))
            .distinct()
            .where(col(ClaimToken.claim_id).in_(ids[start : start + _CHUNK]))
        )
        indexed.update(session.execute(query).scalars())
    return [row for row in _token_rows(members, texts) if row[1] not in indexed]


def _insert_token_rows(session: Session, rows: list[tuple[str, int]]) -> None:
    # As tuples through a plain DB-API cursor: dicts through SQLAlchemy were slower and raised
    # the run's peak memory (measured: 150-300 MB lower since).
    placeholder = _PLACEHOLDERS[session.get_bind().dialect.paramstyle]
    statement = (
        f"INSERT INTO {TOKEN_TABLE.name} (token, claim_id) VALUES ({placeholder}, {placeholder})"
    )
    cursor = session.connection().connection.cursor()
    try:
        for start in range(0, len(rows), 50_000):
            cursor.executemany(statement, rows[start : start + 50_000])
    finally:
        cursor.close()


def _drop_empty_groups(session: Session) -> None:
    used = select(col(Claim.group_id)).where(col(Claim.group_id).is_not(None))
    session.execute(delete(ClaimGroup).where(col(ClaimGroup.id).not_in(used)))


# --- reviewer corrections -------------------------------------------------------------------


def _record(session: Session, a: int, b: int, decision: MatchDecisionKind, reviewer: str) -> None:
    session.add(
        MatchDecision(
            claim_a_id=min(a, b),
            claim_b_id=max(a, b),
            decision=decision.value,
            reviewer=reviewer,
            created_at=datetime.now(UTC),
        )
    )


def _group_member_ids(session: Session, group_id: int) -> list[int]:
    query = select(col(Claim.id)).where(col(Claim.group_id) == group_id).order_by(col(Claim.id))
    return list(session.execute(query).scalars())


def _claim_group(session: Session, claim_id: int) -> int | None:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise GroupingError(f"no claim with id {claim_id}")
    return claim.group_id


def _reassess(session: Session, claim_clusters: Sequence[Sequence[int]]) -> None:
    ids = [claim_id for cluster_ids in claim_clusters for claim_id in cluster_ids]
    members, current_groups = load_members(session=session, claim_ids=ids)
    write_groups(
        session=session,
        clusters=claim_clusters,
        members={member.claim_id: member for member in members},
        current_groups=current_groups,
    )
    _drop_empty_groups(session)


def split_claim(*, session: Session, claim_id: int, reviewer: str) -> int:
    """Take a claim out of its group into a group of its own; returns the new group id."""
    group_id = _claim_group(session, claim_id)
    others = [other for other in _group_member_ids(session, group_id or -1) if other != claim_id]
    if group_id is None or not others:
        raise GroupingError(f"claim {claim_id} is not grouped with any other claim")
    for other in others:
        _record(session, claim_id, other, MatchDecisionKind.DIFFERENT, reviewer)
    session.execute(update(Claim).where(col(Claim.id) == claim_id).values(group_id=None))
    _reassess(session, [others, [claim_id]])
    return _claim_group(session, claim_id) or 0


def merge_groups(*, session: Session, group_id: int, other_group_id: int, reviewer: str) -> int:
    """Merge two groups into the first; returns its id."""
    if group_id == other_group_id:
        raise GroupingError("a group cannot be merged with itself")
    kept, merged = _group_member_ids(session, group_id), _group_member_ids(session, other_group_id)
    for name, members in ((group_id, kept), (other_group_id, merged)):
        if not members:
            raise GroupingError(f"no group with id {name}")
    anchor = kept[0]
    for other in kept[1:] + merged:
        _record(session, anchor, other, MatchDecisionKind.SAME, reviewer)
    session.execute(
        update(Claim).where(col(Claim.group_id) == other_group_id).values(group_id=group_id)
    )
    _reassess(session, [kept + merged])
    _drop_decided_suggestions(session)
    return group_id


def _suggestion(session: Session, suggestion_id: int) -> SuggestedMatch:
    suggestion = session.get(SuggestedMatch, suggestion_id)
    if suggestion is None:
        raise GroupingError(f"no suggested match with id {suggestion_id}")
    return suggestion


def accept_suggestion(*, session: Session, suggestion_id: int, reviewer: str) -> int:
    """The two claims state the same fact: merge their groups; returns the group id."""
    suggestion = _suggestion(session, suggestion_id)
    a, b = suggestion.claim_a_id, suggestion.claim_b_id
    group_a, group_b = _claim_group(session, a), _claim_group(session, b)
    session.delete(suggestion)
    if group_a is None or group_b is None or group_a == group_b:
        _record(session, a, b, MatchDecisionKind.SAME, reviewer)
        return group_a or group_b or 0
    return merge_groups(
        session=session, group_id=group_a, other_group_id=group_b, reviewer=reviewer
    )


def reject_suggestion(*, session: Session, suggestion_id: int, reviewer: str) -> None:
    suggestion = _suggestion(session, suggestion_id)
    _record(
        session, suggestion.claim_a_id, suggestion.claim_b_id, MatchDecisionKind.DIFFERENT, reviewer
    )
    session.delete(suggestion)


def _drop_decided_suggestions(session: Session) -> None:
    """Suggestions whose two claims now share a group are answered."""
    claim_a = CLAIM_TABLE.alias("claim_a")
    claim_b = CLAIM_TABLE.alias("claim_b")
    same_group = (
        select(col(SuggestedMatch.id))
        .join(claim_a, claim_a.c.id == col(SuggestedMatch.claim_a_id))
        .join(claim_b, claim_b.c.id == col(SuggestedMatch.claim_b_id))
        .where(claim_a.c.group_id == claim_b.c.group_id)
    )
    session.execute(delete(SuggestedMatch).where(col(SuggestedMatch.id).in_(same_group)))

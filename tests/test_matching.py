"""Grouping on a real database: relations, corrections that survive regrouping, incremental runs."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from sqlalchemy import func, select, update

from workbench.db.models import Claim, ClaimGroup, ClaimVector, MatchDecision, SuggestedMatch
from workbench.db.queries import get_claim, list_claims, list_groups
from workbench.demo import demo_corpus_files
from workbench.importers.pipeline import ImportRun
from workbench.matching import service
from workbench.matching.grouping import GroupingSettings, similarity
from workbench.matching.normalise import match_text
from workbench.matching.semantic import load_encoder
from workbench.matching.service import (
    GroupingError,
    accept_suggestion,
    group_new_claims,
    merge_groups,
    regroup_all,
    reject_suggestion,
    split_claim,
    store_missing_vectors,
)

SETTINGS = GroupingSettings()


# Headlines on unrelated topics, so that only the body sentences under test can group.
HEADLINES = {
    "Alpha": "Rail strike closes ports along the northern coast",
    "Beta": "Orchard growers count losses after late frost",
    "Gamma": "City council approves new cycling lanes downtown",
    "Delta": "Chess prodigy wins national title at fourteen",
    "Epsilon": "Museum reopens its restored medieval tapestry hall",
}


def article(source: str, published: str, *sentences: str) -> str:
    return (
        f"source: {source}\npublished: {published}\n\n{HEADLINES[source]}\n\n"
        + "\n\n".join(sentences)
        + "\n"
    )


AID_1 = (
    "The EU has so far delivered 28 billion euros in military aid to Ukraine, von der Leyen said."
)
AID_2 = (
    "Von der Leyen said the EU had so far delivered 28 billion euros worth of military aid "
    "to Ukraine."
)
AID_WRONG = (
    "So far the EU has delivered 28 million euros in military aid to Ukraine, von der Leyen said."
)
TRAIN_OLD = "The EU will have trained 60,000 Ukrainian soldiers by the summer of 2024, she added."
TRAIN_NEW = "The EU has trained over 80,000 Ukrainian soldiers so far, Kallas said on Friday."
OTHER = (
    "Denmark will invite the first Ukrainian defence company to start production in the country."
)


@pytest.fixture
def corpus(database, write_file):
    files = [
        write_file("a.txt", article("Alpha", "2024-02-24", AID_1, TRAIN_OLD)),
        write_file("b.txt", article("Beta", "2024-02-24", AID_2)),
        write_file("c.txt", article("Gamma", "2024-02-25", AID_WRONG)),
        write_file("d.txt", article("Delta", "2025-08-29", TRAIN_NEW, OTHER)),
    ]
    ImportRun(database).run(files)
    return database


def claim_id(database, text: str) -> int:
    with database.session() as session:
        return session.execute(select(Claim.id).where(Claim.text == text)).scalar_one()


def group_of(database, text: str) -> int | None:
    with database.session() as session:
        return session.execute(select(Claim.group_id).where(Claim.text == text)).scalar_one()


def run_full(database) -> None:
    with database.session() as session:
        regroup_all(session=session, settings=SETTINGS)


def test_headline_is_not_a_near_copy_of_a_long_sentence_that_mentions_it() -> None:
    idf: dict[str, float] = {}
    headline = match_text("EU to open Defense Innovation office in Kyiv")
    long_sentence = match_text(
        "The Defense Innovation office will support the further integration of Ukraine into "
        "European defense programs, while allowing European countries to learn from the "
        "experiences of the Ukrainian military on the battlefield."
    )
    same_fact = match_text("The European Union will open an office for Defence Innovation in Kyiv.")
    assert similarity(headline, long_sentence, idf) < SETTINGS.low
    assert similarity(headline, same_fact, idf) >= SETTINGS.high


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("the $44bn takeover", "the $44 billion takeover"),
        ("a $1.9T relief bill", "a $1.9 trillion relief bill"),
        ("a €5m grant", "a €5 million grant"),
    ],
)
def test_a_scale_written_onto_a_figure_gives_the_same_value_token(written, spelled) -> None:
    figures = [token for token in match_text(written).tokens if token.startswith("#")]
    assert figures == [token for token in match_text(spelled).tokens if token.startswith("#")]
    assert len(figures) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "China's GDP grew 5.2% last year",
            "China's gross domestic product expanded 5.2% last year",
        ),
        ("The U.S. economy rose", "The United States economy increased"),
        ("Reddit's IPO fell short", "Reddit's initial public offering dropped short"),
        ("The CEO won the vote", "The chief executive officer wins the vote"),
        ("The WHO warned of mpox", "The World Health Organization warned of mpox"),
    ],
)
def test_names_written_out_and_abbreviated_give_the_same_tokens(first, second) -> None:
    assert match_text(first).tokens == match_text(second).tokens


def test_the_pronoun_us_and_the_word_who_are_no_names() -> None:
    assert "usa" not in match_text("He told us the plan.").tokens
    assert match_text("Officials who spoke").tokens == match_text("Officials spoke").tokens


def test_a_name_with_accents_gives_the_same_tokens_as_without() -> None:
    accented = match_text("Talks in Düsseldorf and Kraków resumed, Müller’s café said.")
    plain = match_text("Talks in Dusseldorf and Krakow resumed, Muller's cafe said.")
    assert accented == plain
    assert {"dusseldorf", "krakow"} <= accented.token_set
    # A dash between figures still parts them.
    assert {"#2020", "#2024"} <= match_text("From 2020–2024 it grew.").token_set


def test_a_question_asserts_nothing_to_match() -> None:
    # "Why did SVB fail?" and "Why is SVB so important?" had made one group: sub-headings, not
    # one fact told twice.
    for question in ("Why did SVB fail?", "Why is SVB so important?", '"Will it last?"'):
        assert match_text(question).comparable == frozenset()
    asked = match_text('Asked "will it last?", he said the bank would fail.')
    assert {"bank", "fail"} <= asked.comparable


def test_a_number_in_a_name_is_a_word_not_a_figure() -> None:
    from workbench.matching.grouping import shared_figure

    grounded = match_text("FAA grounds more than 170 Boeing 737 Max 9 planes")
    landed = match_text("A Boeing 737 Max 9 made an emergency landing in Portland")
    assert {"737", "9"} <= grounded.token_set and "#170" in grounded.token_set
    assert "737" in grounded.fingerprint.split()
    # A shared model number does not lower the bar for joining two groups.
    assert not shared_figure(grounded, landed)


def test_conflicting_figures_share_a_group_and_are_flagged(corpus) -> None:
    run_full(corpus)
    group = group_of(corpus, AID_1)
    assert group is not None and group == group_of(corpus, AID_2) == group_of(corpus, AID_WRONG)
    with corpus.session() as session:
        stored = session.get(ClaimGroup, group)
        wrong = get_claim(session=session, claim_id=claim_id(corpus, AID_WRONG))
    assert (stored.relation, stored.size, stored.source_count) == ("conflicting", 3, 3)
    assert any(
        AID_WRONG[span["start"] : span["end"]].startswith("28 million")
        for span in wrong.differing_spans
    )


def test_later_report_makes_earlier_claim_outdated(corpus) -> None:
    run_full(corpus)
    assert group_of(corpus, TRAIN_OLD) == group_of(corpus, TRAIN_NEW)
    with corpus.session() as session:
        old = get_claim(session=session, claim_id=claim_id(corpus, TRAIN_OLD))
        new = get_claim(session=session, claim_id=claim_id(corpus, TRAIN_NEW))
    assert old.group_relation == "outdated"
    assert (old.suggested_outdated, new.suggested_outdated) == (True, False)


def test_import_groups_new_claims_incrementally(corpus, write_file) -> None:
    # The fixture import ran no grouping (ImportRun alone); group, then add one article.
    with corpus.session() as session:
        first = group_new_claims(session=session, settings=SETTINGS)
    assert first.claims > 0 and first.conflicting == 1
    late = (
        "According to von der Leyen, the EU has delivered 28 billion euros in military aid "
        "to Ukraine so far."
    )
    ImportRun(corpus).run([write_file("e.txt", article("Epsilon", "2024-03-01", late))])
    before = group_of(corpus, AID_1)
    with corpus.session() as session:
        second = group_new_claims(session=session, settings=SETTINGS)
    assert second.claims == 2 and not second.full
    assert group_of(corpus, late) == before == group_of(corpus, AID_1)
    with corpus.session() as session:
        assert session.get(ClaimGroup, before).size == 4


def test_an_incremental_run_writes_each_touched_group_back_whole() -> None:
    from types import SimpleNamespace

    from workbench.matching.grouping import Clusters

    # Old claims 10, 11, 12 form group 7 and claim 13 group 8; new claims 20 and 21 each
    # resemble one member of group 7, and 22 nothing.
    members = [SimpleNamespace(claim_id=claim_id) for claim_id in (10, 11, 12, 13, 20, 21, 22)]
    current = {10: 7, 11: 7, 12: 7, 13: 8}
    clusters = Clusters(len(members))
    clusters.union(4, 0)  # 20 with 10
    clusters.union(5, 1)  # 21 with 11
    written = service._whole_groups(clusters, members, 4, current)
    # Group 7 keeps 12, which no new claim resembles, and its two clusters are one group;
    # group 8 is untouched, and 22 makes a group of its own.
    assert sorted(written) == [[10, 11, 12, 20, 21], [22]]


def test_split_survives_full_regrouping(corpus) -> None:
    run_full(corpus)
    wrong = claim_id(corpus, AID_WRONG)
    with corpus.session() as session:
        split_claim(session=session, claim_id=wrong, reviewer="ana")
    assert group_of(corpus, AID_WRONG) != group_of(corpus, AID_1)
    run_full(corpus)
    assert group_of(corpus, AID_WRONG) != group_of(corpus, AID_1)
    assert group_of(corpus, AID_1) == group_of(corpus, AID_2)
    with corpus.session() as session:
        relation = session.get(ClaimGroup, group_of(corpus, AID_1)).relation
        decisions = session.execute(select(MatchDecision)).scalars().all()
    assert relation == "repeated"
    assert {d.decision for d in decisions} == {"different"} and {d.reviewer for d in decisions} == {
        "ana"
    }


def test_merge_survives_full_regrouping(corpus) -> None:
    run_full(corpus)
    other_group = group_of(corpus, OTHER)
    aid_group = group_of(corpus, AID_1)
    assert other_group != aid_group
    with corpus.session() as session:
        merge_groups(
            session=session, group_id=aid_group, other_group_id=other_group, reviewer="ana"
        )
    run_full(corpus)
    assert group_of(corpus, OTHER) == group_of(corpus, AID_1) == aid_group


def add_suggestion(database, text: str, other_text: str) -> int:
    """A suggested match between two claims, as a grouping run would store it."""
    pair = sorted((claim_id(database, text), claim_id(database, other_text)))
    with database.session() as session:
        suggestion = SuggestedMatch(claim_a_id=pair[0], claim_b_id=pair[1], score=60)
        session.add(suggestion)
        session.flush()
        return suggestion.id


def test_suggestions_accept_and_reject(corpus) -> None:
    run_full(corpus)
    rejected = add_suggestion(corpus, AID_1, OTHER)
    with corpus.session() as session:
        reject_suggestion(session=session, suggestion_id=rejected, reviewer="ana")
    run_full(corpus)
    with corpus.session() as session:
        pairs = session.execute(select(SuggestedMatch.claim_a_id, SuggestedMatch.claim_b_id)).all()
    assert tuple(sorted((claim_id(corpus, AID_1), claim_id(corpus, OTHER)))) not in pairs
    assert group_of(corpus, AID_1) != group_of(corpus, OTHER)
    accepted = add_suggestion(corpus, TRAIN_OLD, OTHER)
    with corpus.session() as session:
        accept_suggestion(session=session, suggestion_id=accepted, reviewer="ana")
    assert group_of(corpus, TRAIN_OLD) == group_of(corpus, OTHER)
    run_full(corpus)
    assert group_of(corpus, TRAIN_OLD) == group_of(corpus, OTHER)


def test_correction_errors(corpus) -> None:
    run_full(corpus)
    with corpus.session() as session:
        with pytest.raises(GroupingError, match="no claim"):
            split_claim(session=session, claim_id=99999, reviewer="ana")
        with pytest.raises(GroupingError, match="not grouped with any other"):
            split_claim(session=session, claim_id=claim_id(corpus, OTHER), reviewer="ana")
        with pytest.raises(GroupingError, match="no suggested match"):
            accept_suggestion(session=session, suggestion_id=424242, reviewer="ana")


def test_claims_json_carries_group_fields(corpus) -> None:
    run_full(corpus)
    with corpus.session() as session:
        views = list_claims(session=session, search="28 million")
        groups = list_groups(session=session)
    data = views[0].to_json()
    assert (data["group_relation"], data["group_size"], data["group_sources"]) == (
        "conflicting",
        3,
        3,
    )
    assert data["suggested_outdated"] is False
    assert groups[0].relation == "conflicting"  # disagreements come first


# --- sentence vectors ---------------------------------------------------------------------


@pytest.fixture
def with_model():
    if load_encoder() is None:
        pytest.skip("sentence-embedding model not installed")


def test_vectors_are_computed_once_and_kept(corpus, with_model) -> None:
    with corpus.session() as session:
        computed = store_missing_vectors(session=session, settings=SETTINGS)
    with corpus.session() as session:
        claims = session.execute(select(func.count()).select_from(Claim)).scalar_one()
        again = store_missing_vectors(session=session, settings=SETTINGS)
    assert computed == claims and again == 0
    # Vectors of another model are not comparable with these: they are computed again.
    with corpus.session() as session:
        session.execute(update(ClaimVector).values(model="some-older-model"))
        session.commit()
        assert store_missing_vectors(session=session, settings=SETTINGS) == claims


def test_without_the_model_grouping_falls_back_to_words(corpus, monkeypatch) -> None:
    monkeypatch.setattr(service, "load_encoder", lambda: None)
    assert not service.semantic_matching_available(SETTINGS)
    run_full(corpus)
    assert group_of(corpus, AID_1) == group_of(corpus, AID_2) == group_of(corpus, AID_WRONG)
    with corpus.session() as session:
        assert session.execute(select(func.count()).select_from(ClaimVector)).scalar_one() == 0


def test_switched_off_semantic_matching_stores_no_vectors(corpus) -> None:
    settings = SETTINGS.without_vectors()
    with corpus.session() as session:
        assert store_missing_vectors(session=session, settings=settings) == 0
        regroup_all(session=session, settings=settings)
        assert session.execute(select(func.count()).select_from(ClaimVector)).scalar_one() == 0
    assert group_of(corpus, AID_1) == group_of(corpus, AID_2)


OPENED = "The European Union will open a Defence Innovation office in Kyiv, she announced."
STARTED = "Work has begun on the EU's defence innovation office in the Ukrainian capital."


def add_office_reports(corpus, write_file) -> None:
    """One article, grouped; then a later one saying the same in other words, grouped."""
    ImportRun(corpus).run([write_file("f.txt", article("Epsilon", "2024-05-06", OPENED))])
    with corpus.session() as session:
        group_new_claims(session=session, settings=SETTINGS)
    ImportRun(corpus).run([write_file("g.txt", article("Beta", "2024-05-07", STARTED))])
    with corpus.session() as session:
        assert not group_new_claims(session=session, settings=SETTINGS).full


def test_a_new_paraphrase_in_other_words_joins_by_meaning(corpus, write_file, with_model) -> None:
    add_office_reports(corpus, write_file)
    assert group_of(corpus, STARTED) == group_of(corpus, OPENED)


DOWNED = "Ukraine's army shot down 30 Russian drones overnight."
DOWNED_AGAIN = "Kyiv's military destroyed thirty drones launched by Moscow during the night."


def test_new_claims_find_stored_neighbours_by_meaning(corpus, write_file, with_model) -> None:
    # The two share one content word, so the token index (two shared rare words) cannot find
    # the stored one for the new one; the sentence vectors can.
    ImportRun(corpus).run([write_file("f.txt", article("Epsilon", "2024-05-06", DOWNED))])
    with corpus.session() as session:
        group_new_claims(session=session, settings=SETTINGS)
    ImportRun(corpus).run([write_file("g.txt", article("Beta", "2024-05-07", DOWNED_AGAIN))])
    stored, new = claim_id(corpus, DOWNED), claim_id(corpus, DOWNED_AGAIN)
    with corpus.session() as session:
        members, _ = service.load_members(session=session, claim_ids=[new])
        texts = [match_text(DOWNED_AGAIN)]
        frequencies, _total = service._token_frequencies(session, texts)
        by_words = service._candidates_from_index(session, members, texts, frequencies, SETTINGS)
        vectors = service.claim_vectors(session=session, members=members, settings=SETTINGS)
        assert vectors is not None
        by_meaning = service._candidates_by_meaning(session, members, vectors, SETTINGS)
    assert stored not in by_words.get(new, set())
    assert stored in by_meaning[new]


def test_a_damaged_stored_vector_is_skipped_by_the_neighbour_search(
    corpus, write_file, with_model
) -> None:
    ImportRun(corpus).run([write_file("f.txt", article("Epsilon", "2024-05-06", DOWNED))])
    with corpus.session() as session:
        group_new_claims(session=session, settings=SETTINGS)
        store_missing_vectors(session=session, settings=SETTINGS)
        damaged = claim_id(corpus, AID_2)
        session.execute(
            update(ClaimVector).where(ClaimVector.claim_id == damaged).values(vector=b"\x00" * 5)
        )
    ImportRun(corpus).run([write_file("g.txt", article("Beta", "2024-05-07", DOWNED_AGAIN))])
    stored, new = claim_id(corpus, DOWNED), claim_id(corpus, DOWNED_AGAIN)
    with corpus.session() as session:
        members, _ = service.load_members(session=session, claim_ids=[new])
        vectors = service.claim_vectors(session=session, members=members, settings=SETTINGS)
        assert vectors is not None
        found = service._candidates_by_meaning(session, members, vectors, SETTINGS)[new]
    assert stored in found and damaged not in found


def test_a_later_report_joins_the_earlier_ones_it_supersedes(database, with_model) -> None:
    # The demo's "60,000 trained by the summer" (February 2024) and "over 80,000 trained so
    # far" (August 2025) reports form two clusters of their own (their wording moved on with
    # the figure); the supersession join puts them in one group flagged outdated.
    ImportRun(database).run(demo_corpus_files())
    run_full(database)
    with database.session() as session:
        rows = session.execute(select(Claim.id, Claim.text, Claim.group_id)).all()
    old = [row for row in rows if "60,000 Ukrainian soldiers" in row.text]
    new = [row for row in rows if "80,000 Ukrainian soldiers" in row.text]
    assert len(old) >= 3 and len(new) >= 2
    assert len({row.group_id for row in old + new}) == 1
    with database.session() as session:
        group = session.get(ClaimGroup, old[0].group_id)
        assert group.relation == "outdated"
        assert all(get_claim(session=session, claim_id=row.id).suggested_outdated for row in old)
    # Without the join, the two stay apart: the join is what brings them together.
    with database.session() as session:
        regroup_all(session=session, settings=replace(SETTINGS, supersede_margin=1000.0))
    assert len({group_of(database, row.text) for row in old + new}) == 2


def claim_starting(database, prefix: str) -> int:
    with database.session() as session:
        query = select(Claim.id).where(Claim.text.startswith(prefix))  # type: ignore[attr-defined]
        return session.execute(query).scalar_one()


def group_starting(database, prefix: str) -> int | None:
    with database.session() as session:
        return session.get(Claim, claim_starting(database, prefix)).group_id


def test_a_status_that_moved_on_joins_the_reports_of_each_stage(database, with_model) -> None:
    # The demo's office: "will open" (February 2024), "work has begun" (May 2024) and "has
    # opened" (October 2024) reports. Words and meaning keep the May reports in a cluster of
    # their own; the status join brings them to the others. The May headline "Breton pitches
    # Kyiv defence office to European start-ups" states another fact, carries no stage, and
    # stays out.
    ImportRun(database).run(demo_corpus_files())
    run_full(database)
    planned = group_starting(database, "Brussels will open a Defence Innovation office")
    started = group_starting(database, "Work has started on the EU's Defence Innovation office")
    working = group_starting(database, "The EU Defence Innovation office in Kyiv has opened")
    assert planned == started == working
    assert group_starting(database, "Breton pitches Kyiv defence office") != planned
    with database.session() as session:
        started_id = claim_starting(
            database, "Work has started on the EU's Defence Innovation office"
        )
        assert get_claim(session=session, claim_id=started_id).suggested_outdated
    # Without the join, the May reports stay apart: the join is what brings them together.
    with database.session() as session:
        regroup_all(session=session, settings=replace(SETTINGS, supersede_margin=1000.0))
    assert group_starting(database, "Work has started on the EU's Defence Innovation office") != (
        group_starting(database, "Brussels will open a Defence Innovation office")
    )


def test_a_later_stage_imported_afterwards_joins_the_group_incrementally(
    database, with_model
) -> None:
    # The feed that reports the office's later stages (work begun in May, open in October)
    # arrives after the rest of the demo was grouped: its claims join the existing group.
    files = demo_corpus_files()
    later = [path for path in files if "kyiv_morning_post_feed" in path.name]
    ImportRun(database).run([path for path in files if path not in later])
    run_full(database)
    planned = group_starting(database, "Brussels will open a Defence Innovation office")
    ImportRun(database).run(later)
    with database.session() as session:
        report = group_new_claims(session=session, settings=SETTINGS)
    assert not report.full
    assert group_starting(database, "Work has started on the EU's Defence Innovation office") == (
        planned
    )
    assert group_starting(database, "The EU Defence Innovation office in Kyiv has opened") == (
        planned
    )
    # Every group is written back whole: its stored size counts all the claims it holds.
    with database.session() as session:
        held = Counter(session.execute(select(Claim.group_id)).scalars())
        for group in session.execute(select(ClaimGroup)).scalars():
            assert group.size == held[group.id], group.id


RATE_CUT_2013 = (
    "The central bank lowered its main interest rate to 0.5 percent on Thursday, its first "
    "cut in ten months."
)
RATE_CUT_2024 = (
    "The central bank lowered its main interest rate to 3.5 percent on Thursday, its second "
    "cut this year."
)
RATE_CUT_2024_AGAIN = (
    "On Thursday the central bank lowered its main interest rate to 3.5 percent, its second "
    "cut this year."
)


def test_the_same_wording_years_apart_with_other_figures_is_another_event(
    database, write_file
) -> None:
    # A rate cut in 2013 and one in 2024 read alike; the figures and the eleven years between
    # them say they are two events, so neither the same-fact tier nor the supersession join
    # puts them in one group (nor flags the 2013 report outdated).
    ImportRun(database).run(
        [
            write_file("a.txt", article("Alpha", "2013-05-02", RATE_CUT_2013)),
            write_file("b.txt", article("Beta", "2024-09-12", RATE_CUT_2024)),
            write_file("c.txt", article("Gamma", "2024-09-12", RATE_CUT_2024_AGAIN)),
        ]
    )
    run_full(database)
    assert group_of(database, RATE_CUT_2024) == group_of(database, RATE_CUT_2024_AGAIN)
    assert group_of(database, RATE_CUT_2013) != group_of(database, RATE_CUT_2024)
    with database.session() as session:
        assert not get_claim(
            session=session, claim_id=claim_id(database, RATE_CUT_2013)
        ).suggested_outdated
        # Kept apart, not hidden: the reviewer is still offered the pair.
        early = claim_id(database, RATE_CUT_2013)
        later = {claim_id(database, RATE_CUT_2024), claim_id(database, RATE_CUT_2024_AGAIN)}
        offered = session.execute(select(SuggestedMatch.claim_a_id, SuggestedMatch.claim_b_id))
        assert any({a, b} - {early} <= later and early in (a, b) for a, b in offered)


TOLL_WILL_RISE = (
    "Rescuers expect the death toll from the earthquake to rise as they reach remote villages."
)
TOLL_WILL_RISE_AGAIN = (
    "The death toll from the earthquake is expected to rise as rescuers reach remote villages."
)


def test_reports_further_apart_than_one_story_never_share_a_group(database, write_file) -> None:
    # Told alike after two earthquakes ten years apart: two events. The span is a setting.
    ImportRun(database).run(
        [
            write_file("a.txt", article("Alpha", "2005-10-09", TOLL_WILL_RISE)),
            write_file("b.txt", article("Beta", "2015-04-25", TOLL_WILL_RISE_AGAIN)),
        ]
    )
    run_full(database)
    assert group_of(database, TOLL_WILL_RISE) != group_of(database, TOLL_WILL_RISE_AGAIN)
    with database.session() as session:
        regroup_all(session=session, settings=replace(SETTINGS, story_days=5000))
    assert group_of(database, TOLL_WILL_RISE) == group_of(database, TOLL_WILL_RISE_AGAIN)


HOUSE_PASSED = "The House passed President Biden's $1.9 trillion COVID-19 relief bill."
SENATE_PASSED = "The Senate passed President Biden's $1.9 trillion COVID-19 relief bill."
BIDEN_SIGNED = "President Biden signed the $1.9 trillion COVID-19 relief bill."
BIDEN_SIGNED_AGAIN = "President Biden signed the $1.9 trillion COVID-19 relief bill into law."


def test_three_acts_told_alike_are_three_events(database, write_file) -> None:
    # A bill passed by the House, then by the Senate, then signed: the reports differ in one
    # or two words, and none of them names a day. Acts done by other actors, or other acts,
    # keep them apart; the signing told by a second outlet still joins its own.
    ImportRun(database).run(
        [
            write_file("a.txt", article("Alpha", "2021-02-27", HOUSE_PASSED)),
            write_file("b.txt", article("Beta", "2021-03-06", SENATE_PASSED)),
            write_file("c.txt", article("Gamma", "2021-03-11", BIDEN_SIGNED)),
            write_file("d.txt", article("Delta", "2021-03-11", BIDEN_SIGNED_AGAIN)),
        ]
    )
    run_full(database)
    groups = [group_of(database, text) for text in (HOUSE_PASSED, SENATE_PASSED, BIDEN_SIGNED)]
    assert len(set(groups)) == 3
    assert group_of(database, BIDEN_SIGNED_AGAIN) == groups[2]


WATCHED_LVIII = "Super Bowl LVIII was the most-watched telecast in US television history, CBS said."
WATCHED_LVIII_AGAIN = "Super Bowl LVIII was the most-watched telecast in US television history."
WATCHED_LIX = "Super Bowl LIX was the most-watched telecast in US television history, Fox said."


def test_other_editions_told_alike_are_other_events(database, write_file) -> None:
    # Two finals a year apart read alike, one word apart; the numerals tell them apart, even
    # within the two years one story may span.
    ImportRun(database).run(
        [
            write_file("a.txt", article("Alpha", "2024-02-13", WATCHED_LVIII)),
            write_file("b.txt", article("Beta", "2024-02-14", WATCHED_LVIII_AGAIN)),
            write_file("c.txt", article("Gamma", "2025-02-11", WATCHED_LIX)),
        ]
    )
    run_full(database)
    assert group_of(database, WATCHED_LVIII) == group_of(database, WATCHED_LVIII_AGAIN)
    assert group_of(database, WATCHED_LIX) != group_of(database, WATCHED_LVIII)

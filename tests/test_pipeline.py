"""Import runs end to end into a real SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.db.engine import open_database
from workbench.db.models import Article, Claim, Source
from workbench.demo import demo_corpus_files
from workbench.importers import pipeline
from workbench.importers.dates import parse_date_value
from workbench.importers.pipeline import ImportRun
from workbench.importers.prepare import ArticleDefaults

ARTICLE = (
    "title: Aid reaches 28 billion euros\nsource: Outlet\nurl: https://outlet.example/aid\n"
    "published: 2024-02-24\n\n"
    "The EU has delivered 28 billion euros ($30.3 billion) in military aid, von der Leyen said.\n\n"
    "The Defence Innovation office will open in Kyiv, the Commission announced on Feb. 24.\n"
)


def count(database, model) -> int:
    with database.session() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_import_stores_articles_claims_and_offsets(database, write_file) -> None:
    path = write_file("a.txt", ARTICLE)
    report = ImportRun(database).run([path])
    assert (report.imported, report.failed) == (1, 0)
    with database.session() as session:
        article = session.execute(select(Article)).scalar_one()
        claims = session.execute(select(Claim).order_by(Claim.ordinal)).scalars().all()
        source = session.execute(select(Source)).scalar_one()
    assert (source.name, source.domain) == ("Outlet", "outlet.example")
    assert article.published.isoformat() == "2024-02-24"
    assert article.published_precision == "day"
    assert claims[0].kind == "headline"
    for claim in claims:
        assert article.text[claim.char_start : claim.char_end] == claim.text
    aid = next(claim for claim in claims if "28 billion" in claim.text and claim.kind != "headline")
    assert {"value": 28e9, "unit": "EUR"}.items() <= aid.numbers[0].items()
    assert aid.speaker == "von der Leyen"
    office = next(claim for claim in claims if "Feb. 24" in claim.text)
    assert office.dates[0]["value"] == "2024-02-24"


def test_reimport_adds_nothing_and_changed_url_is_a_revision(database, write_file) -> None:
    path = write_file("a.txt", ARTICLE)
    ImportRun(database).run([path])
    again = ImportRun(database).run([path])
    assert (again.imported, again.unchanged) == (0, 1)
    assert count(database, Article) == 1
    path.write_text(ARTICLE + "\nA correction was added on Monday to the article text.\n")
    revised = ImportRun(database).run([path])
    assert revised.revised == 1
    with database.session() as session:
        old, new = session.execute(select(Article).order_by(Article.id)).scalars().all()
    assert new.previous_revision_id == old.id
    assert new.url == old.url


def test_bad_files_fail_alone_and_good_ones_are_stored(database, write_file) -> None:
    good = write_file("good.txt", ARTICLE)
    write_file("empty.txt", "")
    write_file("binary.txt", bytes(range(256)) * 8)
    write_file(
        "bad.jsonl",
        "{oops\n" + json.dumps({"text": "The fund adds 5 billion euros, she said."}) + "\n",
    )
    report = ImportRun(database).run([good.parent, good.parent / "missing.txt"])
    assert report.imported == 2
    reasons = {Path(origin).name: reason for origin, reason in report.failures}
    assert reasons == {
        "bad.jsonl#1": reasons["bad.jsonl#1"],
        "binary.txt": "binary file (contains NUL bytes), not text",
        "empty.txt": "empty file",
        "missing.txt": "no such file or directory",
    }
    assert "invalid JSON" in reasons["bad.jsonl#1"]
    assert count(database, Article) == 2


def test_failure_while_storing_leaves_no_half_article(database, write_file, monkeypatch) -> None:
    first = write_file("1.txt", ARTICLE)
    second = write_file("2.txt", ARTICLE.replace("Aid reaches", "Second").replace("/aid", "/2"))
    original = pipeline.ArticleStore._insert_article
    calls = {"n": 0}

    def crash_on_second(self, prepared, previous):
        calls["n"] += 1
        article_id = original(self, prepared, previous)
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the user presses ctrl-c half-way through an article
        return article_id

    monkeypatch.setattr(pipeline.ArticleStore, "_insert_article", crash_on_second)
    monkeypatch.setattr(pipeline, "BATCH_ARTICLES", 1)  # commit after every article
    with pytest.raises(KeyboardInterrupt):
        ImportRun(database).run([first, second])
    assert count(database, Article) == 1
    with database.session() as session:
        stored = session.execute(select(Claim.article_id).distinct()).scalars().all()
    assert len(stored) == 1
    monkeypatch.setattr(pipeline.ArticleStore, "_insert_article", original)
    report = ImportRun(database).run([first, second])
    assert (report.imported, report.unchanged) == (1, 1)
    assert count(database, Article) == 2


def test_command_line_defaults_win(database, write_file) -> None:
    path = write_file(
        "plain.txt", "A headline here\n\nThe office opened on Monday in Kyiv, officials said.\n"
    )
    defaults = ArticleDefaults(
        source="Wire", published=parse_date_value("2024-05-08"), language="en"
    )
    ImportRun(database, defaults).run([path])
    with database.session() as session:
        article = session.execute(select(Article)).scalar_one()
        claim = session.execute(select(Claim).where(Claim.text.contains("Monday"))).scalar_one()
        source = session.execute(select(Source)).scalar_one()
    assert (source.name, article.language, article.published.isoformat()) == (
        "Wire",
        "en",
        "2024-05-08",
    )
    assert claim.dates[0]["value"] == "2024-05-06"


def test_unknown_publication_date_stays_unknown(database, write_file) -> None:
    path = write_file(
        "nodate.txt", "Headline without a date\n\nThe office opened on Monday, she said.\n"
    )
    ImportRun(database).run([path])
    with database.session() as session:
        article = session.execute(select(Article)).scalar_one()
        claim = session.execute(select(Claim).where(Claim.text.contains("Monday"))).scalar_one()
    assert article.published is None
    assert claim.dates[0]["value"] is None


def test_cancel_stops_between_files(database, write_file) -> None:
    paths = [
        write_file(f"{n}.txt", ARTICLE.replace("/aid", f"/{n}") + f"Extra {n}.") for n in range(3)
    ]
    seen: list[int] = []
    run = ImportRun(
        database, progress=lambda p: seen.append(p.files_done), cancelled=lambda: len(seen) >= 1
    )
    report = run.run(paths)
    assert report.cancelled and report.imported == 1
    assert count(database, Article) == 1


def test_demo_corpus_imports_cleanly(database) -> None:
    files = demo_corpus_files()
    assert len(files) >= 12
    report = ImportRun(database).run(files)
    assert report.failures == []
    assert report.imported >= 14
    with database.session() as session:
        sources = session.execute(select(func.count()).select_from(Source)).scalar_one()
        texts = session.execute(select(Claim.text)).scalars().all()
    assert sources >= 6
    chrome = {"2 min read", "Show More", "News Feed", "Video", "Avatar", "3 comments"}
    assert not chrome & set(texts)
    assert any("[bold]" in text for text in texts)


def test_broken_symlink_and_folder_errors_are_reported(database, write_file, tmp_path) -> None:
    good = write_file("good.txt", ARTICLE)
    link = good.parent / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    report = ImportRun(database).run([good.parent])
    assert report.imported == 1
    assert [(Path(origin).name, reason) for origin, reason in report.failures] == [
        ("dangling.txt", "no such file or directory")
    ]


def test_large_input_is_prepared_in_worker_processes(
    database, write_file, monkeypatch, tmp_path
) -> None:
    # The same rows whether articles are prepared inline or in a spawned worker pool.
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    paths = [
        write_file(f"p{n}.txt", ARTICLE.replace("/aid", f"/p{n}") + f"It cost {n} million euros.")
        for n in range(6)
    ]
    inline_db = open_database(str(tmp_path / "inline.db"))
    ImportRun(inline_db, workers=1).run(paths)
    parallel = ImportRun(database, workers=2).run(paths)
    assert (parallel.imported, parallel.failed) == (6, 0)

    def rows(db) -> list[tuple]:
        with db.session() as session:
            query = select(Claim.article_id, Claim.text, Claim.char_start, Claim.numbers)
            return [tuple(row) for row in session.execute(query.order_by(Claim.id))]

    assert rows(database) == rows(inline_db)
    assert any(
        "6 million euros" not in row[1] and "5 million euros" in row[1] for row in rows(database)
    )
    inline_db.close()


def test_the_database_itself_is_not_an_input(tmp_path, write_file) -> None:
    folder = tmp_path / "in"
    write_file("good.txt", ARTICLE)
    database = open_database(str(folder / "inside.db"))
    report = ImportRun(database).run([folder])
    database.close()
    assert (report.imported, report.failures) == (1, [])


def test_reread_writes_only_the_readings_that_changed(database, write_file) -> None:
    from workbench.importers.reread import reread_claims

    text = "Officials said the fire was 80-percent contained on Friday, Aug. 11."
    path = write_file("a.txt", f"source: Alpha\npublished: 2023-08-12\n\nFire update\n\n{text}\n")
    ImportRun(database).run([path])
    with database.session() as session:
        claim = session.execute(select(Claim).where(Claim.text == text)).scalar_one()
        fresh = (claim.numbers, claim.dates, claim.checkworthiness)
        # What an earlier release stored: a bare 80 and no date.
        claim.numbers = [{"text": "80", "start": 28, "end": 30, "value": 80.0}]
        claim.dates = []
    report = reread_claims(database)
    assert (report.claims, report.changed) == (2, 1)  # the headline was already up to date
    with database.session() as session:
        claim = session.execute(select(Claim).where(Claim.text == text)).scalar_one()
        assert (claim.numbers, claim.dates, claim.checkworthiness) == fresh
        assert claim.dates[0]["value"] == "2023-08-11"  # resolved against the article's date
    assert reread_claims(database).changed == 0


@pytest.mark.parametrize("sqlite_json", [True, False], ids=["json", "no-json"])
def test_a_full_regroup_rebuilds_the_token_index(
    database, write_file, monkeypatch, sqlite_json: bool
) -> None:
    # On SQLite the index is written in a thread beside the clustering (row by row when SQLite
    # has no JSON functions); on PostgreSQL when the clustering is done. Either way it ends up
    # holding each claim's tokens, once, and tokens stored by a release that folded words
    # otherwise are gone.
    from sqlalchemy import insert

    from workbench.db.models import ClaimToken
    from workbench.matching import service
    from workbench.matching.grouping import GroupingSettings
    from workbench.matching.normalise import match_text
    from workbench.matching.service import regroup_all

    if not sqlite_json:
        monkeypatch.setattr(service, "_reads_json", lambda cursor: False)
    elif database.url.startswith("sqlite"):
        with database.engine.connect() as connection:
            assert service._reads_json(connection.connection.cursor())  # the threaded path runs

    paths = [
        write_file("a.txt", ARTICLE),
        write_file("b.txt", ARTICLE.replace("von der Leyen", "Frau Müller in Düsseldorf")),
    ]
    ImportRun(database).run(paths)
    for _ in range(2):
        with database.session() as session:
            claims = session.execute(select(Claim.id, Claim.text)).all()
            session.execute(insert(ClaimToken).values(token="stale", claim_id=claims[0].id))
        with database.session() as session:
            regroup_all(session=session, settings=GroupingSettings(semantic=False))
        with database.session() as session:
            stored = session.execute(select(ClaimToken.token, ClaimToken.claim_id)).all()
        expected = {(token, id_) for id_, text in claims for token in match_text(text).token_set}
        assert sorted(map(tuple, stored)) == sorted(expected)

"""The reading views: article and overview queries, their screens, and the key list."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import WorkerFailed

from workbench.db.engine import Database
from workbench.db.models import Claim, Review
from workbench.db.queries import NotFoundError, mark_claim, undo_last_review
from workbench.db.reading import ArticleClaimSpan, get_article_view, get_overview
from workbench.importers.pipeline import ImportRun
from workbench.matching.grouping import GroupingSettings
from workbench.matching.service import regroup_all
from workbench.screens.article import ArticleScreen, paragraph_content, paragraph_ranges
from workbench.screens.commands import ScreenActions
from workbench.screens.help import HelpScreen
from workbench.screens.overview import OverviewScreen

MARKUP = "[bold]x[/bold] [/x] [link=https://e.x]y[/link]"
MARKUP_ARTICLE = (
    "title: Kyiv [i]briefing[/i]\nsource: [red]Outlet[/red]\npublished: 2024-02-24\n\n"
    f"He posted {MARKUP} today, officials in Kyiv said.\n\n"
    "The EU has delivered 28 billion euros in military aid so far, von der Leyen said.\n"
)


def article(source: str, published: str, headline: str, *sentences: str) -> str:
    return (
        f"source: {source}\npublished: {published}\n\n{headline}\n\n"
        + "\n\n".join(sentences)
        + "\n"
    )


AID = "The EU has so far delivered 28 billion euros in military aid to Ukraine, von der Leyen said."
AID_AGAIN = (
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

TODAY = date(2024, 3, 1)


@pytest.fixture
def grouped(database: Database, write_file) -> Database:
    """Four sources: one conflicting group (Alpha, Beta, Gamma), one outdated (Alpha, Delta)."""
    ImportRun(database).run(
        [
            write_file(
                "a.txt", article("Alpha", "2024-02-24", "Brussels tallies its help", AID, TRAIN_OLD)
            ),
            write_file("b.txt", article("Beta", "2024-02-24", "Von der Leyen in Kyiv", AID_AGAIN)),
            write_file("c.txt", article("Gamma", "2024-02-25", "Summit day two", AID_WRONG)),
            write_file(
                "d.txt",
                article("Delta", "2025-08-29", "Kallas at the training ground", TRAIN_NEW, OTHER),
            ),
        ]
    )
    with database.session() as session:
        regroup_all(session=session, settings=GroupingSettings())
    return database


@pytest.fixture
def markup_article(database: Database, write_file) -> int:
    report = ImportRun(database).run([write_file("m.txt", MARKUP_ARTICLE)])
    return report.article_ids[0]


def claim_id(database: Database, text: str) -> int:
    with database.session() as session:
        return session.execute(select(Claim.id).where(Claim.text == text)).scalar_one()


def review(database: Database, text: str, verdict: str, reviewer: str) -> None:
    with database.session() as session:
        mark_claim(
            session=session, claim_id=claim_id(database, text), verdict=verdict, reviewer=reviewer
        )


def set_review_times(database: Database, when: datetime) -> None:
    """Give every review a fixed time, one minute apart, so views do not depend on the clock."""
    with database.session() as session:
        ids = session.execute(select(Review.id).order_by(Review.id)).scalars().all()
        for offset, review_id in enumerate(ids):
            session.execute(
                update(Review)
                .where(Review.id == review_id)
                .values(created_at=when + timedelta(minutes=offset))
            )


# --- queries ---------------------------------------------------------------------------------


def test_article_view_has_claims_in_text_order(database: Database, markup_article: int) -> None:
    with database.session() as session:
        view = get_article_view(session=session, article_id=markup_article)
    assert (view.title, view.source, view.published) == (
        "Kyiv [i]briefing[/i]",
        "[red]Outlet[/red]",
        date(2024, 2, 24),
    )
    starts = [claim.start for claim in view.claims]
    assert starts == sorted(starts) and len(starts) == 3
    assert view.claims[0].kind == "headline"
    assert MARKUP in view.text[view.claims[1].start : view.claims[1].end]
    assert all(claim.status == "unreviewed" for claim in view.claims)


def test_article_view_of_a_missing_article_raises(database: Database) -> None:
    with database.session() as session, pytest.raises(NotFoundError):
        get_article_view(session=session, article_id=999)


def test_article_view_carries_group_relation(grouped: Database) -> None:
    with grouped.session() as session:
        article_id = session.get(Claim, claim_id(grouped, AID_WRONG)).article_id
        view = get_article_view(session=session, article_id=article_id)
    relations = {claim.group_relation for claim in view.claims if claim.kind == "sentence"}
    assert relations == {"conflicting"}


def test_overview_counts_status_and_group_relations_per_source(grouped: Database) -> None:
    review(grouped, AID, "confirmed", "ana")
    review(grouped, AID_WRONG, "disputed", "ana")
    review(grouped, TRAIN_OLD, "outdated", "bob")
    with grouped.session() as session:
        overview = get_overview(session=session, today=TODAY)
    sources = {counts.source: counts for counts in overview.sources}
    assert [counts.source for counts in overview.sources][:2] == ["Alpha", "Delta"]
    alpha = sources["Alpha"]
    assert alpha.claims == 3
    assert alpha.by_status == {"unreviewed": 1, "confirmed": 1, "disputed": 0, "outdated": 1}
    assert alpha.groups_by_relation["conflicting"] == 1
    assert alpha.groups_by_relation["outdated"] == 1
    assert sources["Gamma"].by_status["disputed"] == 1
    assert sources["Beta"].groups_by_relation["conflicting"] == 1
    assert sources["Delta"].groups_by_relation == {
        "single": 0,
        "repeated": 0,
        "conflicting": 0,
        "outdated": 1,
    }
    overall = overview.overall
    assert overall.source == "All sources"
    assert overall.claims == sum(counts.claims for counts in overview.sources) == 10
    assert overall.by_status["unreviewed"] == 7
    # A group shared by three sources counts once overall.
    assert (overall.groups_by_relation["conflicting"], overall.groups_by_relation["outdated"]) == (
        1,
        1,
    )


def test_claims_without_a_source_are_counted_apart(database: Database, write_file) -> None:
    ImportRun(database).run([write_file("n.txt", "title: No outlet\n\nThe EU paid 5 euros.\n")])
    with database.session() as session:
        overview = get_overview(session=session, today=TODAY)
    assert [counts.source for counts in overview.sources] == ["(unknown source)"]


def test_reviewed_today_leaves_out_undos_and_other_days(grouped: Database) -> None:
    review(grouped, AID, "confirmed", "ana")
    review(grouped, AID_AGAIN, "confirmed", "ana")
    review(grouped, OTHER, "disputed", "bob")
    review(grouped, TRAIN_NEW, "confirmed", "cy")
    with grouped.session() as session:
        undo_last_review(session=session, claim_id=claim_id(grouped, AID), reviewer="ana")
    set_review_times(grouped, datetime(2024, 3, 1, 9, 0, tzinfo=UTC))
    with grouped.session() as session:  # cy's verdict was given the day before
        session.execute(
            update(Review)
            .where(Review.reviewer == "cy")
            .values(created_at=datetime(2024, 2, 29, 23, 59, tzinfo=UTC))
        )
        overview = get_overview(session=session, today=TODAY)
        later = get_overview(session=session, today=TODAY + timedelta(days=1))
    assert overview.reviewed_today == 3
    assert overview.reviewers_today == {"ana": 2, "bob": 1}
    assert later.reviewed_today == 0 and later.reviewers_today == {}
    newest = overview.recent[0]
    assert (newest.is_undo, newest.verdict, newest.reviewer) == (True, "unreviewed", "ana")
    assert newest.claim_text == AID
    assert len(overview.recent) == 5


def test_paragraph_ranges_skip_blank_lines() -> None:
    text = "Title\n\n  \nFirst para\nsame para.\n\nSecond."
    assert [text[start:end] for start, end in paragraph_ranges(text)] == [
        "Title",
        "First para\nsame para.",
        "Second.",
    ]


def test_paragraph_content_styles_claims_by_offset_after_visible_escapes() -> None:
    text = "Bell\x07 rang. The EU paid 5 euros. It was late."
    paid = ArticleClaimSpan(
        claim_id=1, start=12, end=32, status="confirmed", kind="sentence", group_relation=None
    )
    late = ArticleClaimSpan(
        claim_id=2, start=33, end=45, status="unreviewed", kind="sentence", group_relation=None
    )
    content = paragraph_content(text, 0, len(text), [paid, late], current_claim_id=2)
    assert content.plain == "Bell\\x07 rang. The EU paid 5 euros. It was late."
    styled = {content.plain[span.start : span.end]: str(span.style) for span in content.spans}
    assert styled == {
        "The EU paid 5 euros.": "$success on $boost",
        "It was late.": "bold reverse",
    }


# --- screens ---------------------------------------------------------------------------------


class ReadingApp(App[None]):
    """A bare app that shows one screen: the screens do not depend on the workbench app."""

    TITLE = "Reading test"
    COMMANDS = App.COMMANDS | {ScreenActions}

    def __init__(self, make_screen: Callable[[], Screen[None]]) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


async def settle(pilot: Pilot[None]) -> None:
    """Let the pushed screen mount and its loading worker finish and report back."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rendered_text(widget: Static) -> str:
    return str(widget.render())


async def test_article_screen_steps_through_claims(database: Database, markup_article: int) -> None:
    with database.session() as session:
        ids = [
            claim.claim_id
            for claim in get_article_view(session=session, article_id=markup_article).claims
        ]
    app = ReadingApp(lambda: ArticleScreen(database, markup_article, claim_id=ids[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.current_claim_id == ids[1]
        position = screen.query_one("#article-position", Static)
        assert "Claim 2 of 3 · unreviewed · sentence" in rendered_text(position)
        await pilot.press("n")
        assert screen.current_claim_id == ids[2]
        await pilot.press("j")  # already at the last claim: stays
        assert screen.current_claim_id == ids[2]
        await pilot.press("p")
        assert screen.current_claim_id == ids[1]
        await pilot.press("up")
        assert screen.current_claim_id == ids[0]
        await pilot.press("down", "k")
        assert screen.current_claim_id == ids[0]
        await pilot.press("escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_article_screen_keeps_the_current_claim_in_view(
    database: Database, write_file
) -> None:
    sentences = [
        f"Officials said {n} drones were shot down over region {n} on Monday." for n in range(40)
    ]
    report = ImportRun(database).run(
        [write_file("long.txt", article("Long", "2024-02-24", "A long night", *sentences))]
    )
    app = ReadingApp(lambda: ArticleScreen(database, report.article_ids[0]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        body = screen.query_one("#article-body")
        assert body.scroll_y == 0
        for _ in range(30):
            await pilot.press("n")
        await pilot.pause()
        paragraphs = list(body.query_children(Static))
        current = next(p for p in paragraphs if "region 29 " in rendered_text(p))
        assert body.scroll_y > 0
        visible_top, visible_bottom = (
            body.scroll_y,
            body.scroll_y + body.scrollable_content_region.height,
        )
        assert visible_top <= current.virtual_region.y < visible_bottom


async def test_article_screen_shows_markup_like_text_literally(
    database: Database, markup_article: int
) -> None:
    app = ReadingApp(lambda: ArticleScreen(database, markup_article))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        paragraphs = [rendered_text(p) for p in app.screen.query(".paragraph").results(Static)]
        assert any(MARKUP in text for text in paragraphs)
        heading = rendered_text(app.screen.query_one("#article-heading", Static))
        assert "Kyiv [i]briefing[/i]" in heading and "[red]Outlet[/red]" in heading


async def test_article_screen_reports_a_missing_article(database: Database) -> None:
    app = ReadingApp(lambda: ArticleScreen(database, 404))
    async with app.run_test(size=(80, 24)) as pilot:
        # The failed worker may or may not still be listed when we wait: either way the
        # screen must show the error.
        with suppress(WorkerFailed):
            await settle(pilot)
        await pilot.pause()
        assert type(app.screen).__name__ == "ErrorDialog"


async def test_overview_screen_lists_sources_and_today(grouped: Database) -> None:
    review(grouped, AID, "confirmed", "ana")
    review(grouped, AID_WRONG, "disputed", "bob")
    set_review_times(grouped, datetime(2024, 3, 1, 9, 0, tzinfo=UTC))
    app = ReadingApp(lambda: OverviewScreen(grouped, today=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#overview-sources", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]
        assert rows[0] == ["All sources", "10", "8", "1", "1", "0", "1", "1"]
        assert [row[0] for row in rows[1:3]] == ["Alpha", "Delta"]
        today = rendered_text(app.screen.query_one("#overview-today", Static))
        assert today == "Reviewed today: 2 (by ana 1, bob 1)"
        recent = rendered_text(app.screen.query_one("#overview-recent-list", Static))
        assert "2024-03-01 09:01 disputed bob" in recent and AID_WRONG in recent
        review(grouped, OTHER, "confirmed", "ana")
        await pilot.press("r")
        await settle(pilot)
        assert str(table.get_row_at(0)[3]) == "2"
        await pilot.press("q")
        assert not isinstance(app.screen, OverviewScreen)


async def test_overview_table_shows_markup_like_source_literally(
    database: Database, markup_article: int
) -> None:
    app = ReadingApp(lambda: OverviewScreen(database, today=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#overview-sources", DataTable)
        assert str(table.get_row_at(1)[0]) == "[red]Outlet[/red]"


async def test_help_lists_the_screen_keys_then_app_keys(
    database: Database, markup_article: int
) -> None:
    app = ReadingApp(lambda: ArticleScreen(database, markup_article))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        article_screen = app.screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        texts = [rendered_text(widget) for widget in app.screen.query(Static)]
        this_screen, everywhere = texts.index("This screen"), texts.index("Everywhere")
        next_claim = texts.index(
            "Next claim — Highlight the next claim in the text  [article.next]"
        )
        assert this_screen < next_claim < everywhere
        assert texts[next_claim - 1] == "n j ↓"
        assert any("command palette (^p)" in text for text in texts)
        await pilot.press("escape")
        assert app.screen is article_screen


async def test_help_follows_keymap_remaps(database: Database, markup_article: int) -> None:
    app = ReadingApp(lambda: ArticleScreen(database, markup_article))
    app.set_keymap({"article.next": "x"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        first = screen.current_claim_id
        await pilot.press("x")
        assert screen.current_claim_id != first
        await pilot.press("question_mark")
        texts = [rendered_text(widget) for widget in app.screen.query(Static)]
        assert (
            texts[
                texts.index("Next claim — Highlight the next claim in the text  [article.next]") - 1
            ]
            == "x"
        )
        await pilot.press("q")
        assert app.screen is screen


async def test_screen_keys_are_in_the_command_palette(
    database: Database, markup_article: int
) -> None:
    app = ReadingApp(lambda: ArticleScreen(database, markup_article))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        first = screen.current_claim_id
        await pilot.press("ctrl+p", *"next claim")
        await pilot.pause(0.3)  # the palette searches its providers in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current_claim_id != first
        assert app.screen is screen


# --- snapshots -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_article_screen_snapshot(snap_compare, grouped: Database, size: tuple[int, int]) -> None:
    review(grouped, AID, "confirmed", "ana")
    with grouped.session() as session:
        article_id = session.get(Claim, claim_id(grouped, AID)).article_id
    app = ReadingApp(lambda: ArticleScreen(grouped, article_id, claim_id(grouped, TRAIN_OLD)))
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_overview_screen_snapshot(snap_compare, grouped: Database, size: tuple[int, int]) -> None:
    review(grouped, AID, "confirmed", "ana")
    review(grouped, AID_WRONG, "disputed", "bob")
    review(grouped, TRAIN_OLD, "outdated", "ana")
    set_review_times(grouped, datetime(2024, 3, 1, 9, 0, tzinfo=UTC))
    app = ReadingApp(lambda: OverviewScreen(grouped, today=TODAY))
    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_help_screen_snapshot(snap_compare, database: Database, markup_article: int) -> None:
    async def open_help(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    app = ReadingApp(lambda: ArticleScreen(database, markup_article))
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_help)

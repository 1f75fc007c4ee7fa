"""Import runs: walk the inputs, read, prepare and store articles in batched transactions.

Every article is stored inside its own savepoint, so a failure leaves no half article, and
batches of articles share one commit, so large imports are not bound by fsync. A run that is
interrupted loses at most its last uncommitted batch; importing again skips what is stored
(by content hash) and completes the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Column, MetaData, Table, Text, TypeDecorator, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col

from workbench.db.engine import Database
from workbench.db.models import Article, Claim, ClaimStatus, Source
from workbench.export.merge import MergeError, MergeReport, is_review_export, merge_reviews
from workbench.importers.decode import ReadError
from workbench.importers.prepare import (
    ArticleDefaults,
    PreparedArticle,
    content_hash,
    prepare_article,
)
from workbench.importers.readers import read_file
from workbench.importers.records import RawArticle, RecordError

# Commit after this many articles or seconds, whichever comes first.
BATCH_ARTICLES = 200
BATCH_SECONDS = 2.0
# Worker processes take about a second to start; below this much input they do not pay off.
PARALLEL_MIN_BYTES = 2 * 1024 * 1024
# Articles being prepared at once: enough to keep the workers busy, few enough to keep memory flat.
PREPARE_WINDOW = 64


@dataclass
class ImportReport:
    imported: int = 0
    revised: int = 0
    unchanged: int = 0
    claims: int = 0
    bytes_read: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    article_ids: list[int] = field(default_factory=list)
    merges: list[MergeReport] = field(default_factory=list)  # review exports read back in

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass(frozen=True)
class ImportProgress:
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    current: str


ProgressCallback = Callable[[ImportProgress], None]


def collect_input_files(paths: Iterable[Path]) -> Iterator[Path | RecordError]:
    """Every file named or below a named folder, in a stable order; hidden files skipped."""
    for path in paths:
        if path.is_dir():
            yield from _walk_folder(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield RecordError(str(path), "no such file or directory")


def _walk_folder(folder: Path) -> Iterator[Path | RecordError]:
    def report(error: OSError) -> None:
        raise error

    try:
        for root, dirs, files in os.walk(folder, onerror=report):
            dirs[:] = sorted(name for name in dirs if not name.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Path(root) / name
    except OSError as error:
        yield RecordError(str(error.filename or folder), (error.strerror or str(error)).lower())


class _AsJSON(FunctionElement[str]):
    """Serialised JSON text bound for a JSON column: SQLite stores the text as it is;
    PostgreSQL needs it cast, as it will not put a varchar into a json column."""

    inherit_cache = True
    type = Text()


@compiles(_AsJSON)
def _as_json_default(element: _AsJSON, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_AsJSON, "postgresql")
def _as_json_postgresql(element: _AsJSON, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS JSON)"


class _SerialisedJSON(TypeDecorator[str]):
    impl = Text
    cache_ok = True

    def bind_expression(self, bindvalue: Any) -> Any:
        return _AsJSON(bindvalue)


def _claim_rows_table() -> Table:
    """The claim table as bulk import writes it: a Core executemany (the ORM bulk path costs
    several times more per row), with the JSON columns taking text that the worker processes
    already serialised, so the one writing process does not spend its time in json.dumps."""
    columns = [
        Column(column.name, _SerialisedJSON if isinstance(column.type, JSON) else column.type)
        for column in Claim.__table__.columns  # type: ignore[attr-defined]
    ]
    return Table("claim", MetaData(), *columns)


CLAIM_ROWS = _claim_rows_table()


class ArticleStore:
    """Writes prepared articles; remembers sources so each is looked up once per run."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._source_ids: dict[str, int] = {}
        self._stored_hashes: set[str] = set()

    def has_content(self, content_hash: str) -> bool:
        return self._article_with_content(content_hash) is not None

    def _article_with_content(self, content_hash: str) -> int | None:
        return self.session.execute(
            select(col(Article.id)).where(col(Article.content_hash) == content_hash)
        ).scalar()

    def store(self, prepared: PreparedArticle) -> tuple[str, int | None]:
        """Store one article and its claims; returns (outcome, article id).

        The caller has checked `has_content` before preparing the article; what is left is a
        repeat within this run, or another process storing the same article meanwhile (the
        unique constraint on the hash catches that).
        """
        if prepared.content_hash in self._stored_hashes:
            return "unchanged", None
        previous = self._latest_revision(prepared.url)
        new_claim = {"status": ClaimStatus.UNREVIEWED.value, "group_id": None}
        try:
            with self.session.begin_nested():
                article_id = self._insert_article(prepared, previous)
                if prepared.claims:
                    self.session.connection().execute(
                        CLAIM_ROWS.insert(),
                        [{**row, **new_claim, "article_id": article_id} for row in prepared.claims],
                    )
        except IntegrityError:
            existing = self._article_with_content(prepared.content_hash)
            if existing is None:
                raise
            return "unchanged", existing
        self._stored_hashes.add(prepared.content_hash)
        return ("revised" if previous is not None else "imported"), article_id

    def _latest_revision(self, url: str | None) -> int | None:
        if not url:
            return None
        latest = (
            select(col(Article.id)).where(col(Article.url) == url).order_by(col(Article.id).desc())
        )
        return self.session.execute(latest.limit(1)).scalar()

    def _insert_article(self, prepared: PreparedArticle, previous: int | None) -> int:
        published = prepared.published
        result = self.session.execute(
            insert(Article)
            .values(
                source_id=self._source_id(prepared.source, prepared.domain),
                title=prepared.title,
                url=prepared.url,
                author=prepared.author,
                published=published.value if published else None,
                published_precision=published.precision if published else None,
                language=prepared.language,
                text=prepared.text,
                content_hash=prepared.content_hash,
                importer=prepared.importer,
                origin=prepared.origin,
                imported_at=datetime.now(UTC),
                previous_revision_id=previous,
            )
            .returning(col(Article.id))
        )
        return int(result.scalar_one())

    def _source_id(self, name: str | None, domain: str | None) -> int | None:
        if not name:
            return None
        if name not in self._source_ids:
            found = self.session.execute(
                select(col(Source.id)).where(col(Source.name) == name)
            ).scalar()
            if found is not None:
                self._source_ids[name] = found
            else:
                new_source = insert(Source).values(name=name, domain=domain)
                result = self.session.execute(new_source.returning(col(Source.id)))
                self._source_ids[name] = int(result.scalar_one())
        return self._source_ids[name]


@dataclass(frozen=True)
class _FileDone:
    """Marks the end of one input file in the stream of work items."""

    path: Path


@dataclass(frozen=True)
class _Prepared:
    raw: RawArticle
    outcome: PreparedArticle | str  # the prepared article, or why it could not be prepared


_WorkItem = _Prepared | RecordError | _FileDone


class _Ready:
    """A result that needs no worker; quacks like a finished Future."""

    def __init__(self, value: _WorkItem) -> None:
        self.value = value

    def result(self) -> _WorkItem:
        return self.value


class ImportRun:
    """One `workbench import`: reads every input and stores what it can.

    Reading and storing happen in this process, in input order; preparing articles (clean-up,
    splitting, extraction: most of the CPU time) runs in worker processes when the input is
    large enough to repay starting them.
    """

    def __init__(
        self,
        database: Database,
        defaults: ArticleDefaults | None = None,
        *,
        file_format: str | None = None,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> None:
        self.database = database
        self.defaults = defaults or ArticleDefaults()
        self.file_format = file_format
        self.progress = progress
        self.cancelled = cancelled or (lambda: False)
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.report = ImportReport()

    def run(self, paths: Iterable[Path]) -> ImportReport:
        inputs = list(collect_input_files(paths))
        own_files = _database_files(self.database)
        files = [
            item for item in inputs if isinstance(item, Path) and item.resolve() not in own_files
        ]
        for item in inputs:
            if isinstance(item, RecordError):
                self.report.failures.append((item.origin, item.reason))
        # A JSONL export of reviews is merged into the review log, after the articles of the
        # same run are stored (so articles and their reviews can come in one command).
        exports = [path for path in files if is_review_export(path)]
        files = [path for path in files if path not in exports]
        total_bytes = sum(_size(path) for path in files)
        parallel = self.workers > 1 and total_bytes >= PARALLEL_MIN_BYTES
        with (
            Session(self.database.engine, expire_on_commit=False) as session,
            _worker_pool(self.workers if parallel else 0) as pool,
        ):
            self._store_all(ArticleStore(session), files, total_bytes, pool)
            for path in exports:
                self._merge_export(session, path)
        return self.report

    def _merge_export(self, session: Session, path: Path) -> None:
        try:
            with session.begin_nested():
                merged = merge_reviews(session=session, path=path)
        except MergeError as error:
            self.report.failures.append((error.origin, error.reason))
            return
        session.commit()
        self.report.merges.append(merged)

    def _store_all(
        self, store: ArticleStore, files: list[Path], total_bytes: int, pool: Executor | None
    ) -> None:
        session = store.session
        last_commit, pending, files_done = time.monotonic(), 0, 0
        # Inline preparation gains nothing from reading ahead, and without look-ahead a cancel
        # takes effect at the very next file.
        window = PREPARE_WINDOW if pool is not None else 1
        for item in _in_order(self._work_items(files, store, pool), window=window):
            if isinstance(item, _FileDone):
                files_done += 1
                self.report.bytes_read += _size(item.path)
                self._tell_progress(files_done, len(files), total_bytes, item.path)
            elif isinstance(item, RecordError):
                self.report.failures.append((item.origin, item.reason))
            else:
                pending += self._store_article(store, item)
            if pending >= BATCH_ARTICLES or time.monotonic() - last_commit > BATCH_SECONDS:
                session.commit()
                last_commit, pending = time.monotonic(), 0
        session.commit()

    def _work_items(
        self, files: list[Path], store: ArticleStore, pool: Executor | None
    ) -> Iterator[Future[_WorkItem] | _Ready]:
        for path in files:
            if self.cancelled():
                self.report.cancelled = True
                return
            try:
                for item in read_file(path, self.file_format):
                    if isinstance(item, RecordError):
                        yield _Ready(item)
                    elif store.has_content(content_hash(item)):
                        # Known content is not prepared again: re-imports cost a hash each.
                        yield _Ready(_Prepared(item, UNCHANGED))
                    elif pool is None:
                        yield _Ready(prepare_work_item(item, self.defaults))
                    else:
                        yield pool.submit(prepare_work_item, item, self.defaults)
            except ReadError as error:
                yield _Ready(RecordError(str(path), str(error)))
            yield _Ready(_FileDone(path))

    def _tell_progress(self, done: int, total: int, total_bytes: int, path: Path) -> None:
        if self.progress is not None:
            self.progress(
                ImportProgress(done, total, self.report.bytes_read, total_bytes, str(path))
            )

    def _store_article(self, store: ArticleStore, item: _Prepared) -> int:
        """Store one prepared article; returns 1 when a row was written."""
        if item.outcome is UNCHANGED:
            self.report.unchanged += 1
            return 0
        if isinstance(item.outcome, str):
            self.report.failures.append((item.raw.origin, item.outcome))
            return 0
        prepared = item.outcome
        self.report.notices.extend((prepared.origin, notice) for notice in prepared.notices)
        outcome, article_id = store.store(prepared)
        if outcome == "unchanged":
            self.report.unchanged += 1
            return 0
        if outcome == "revised":
            self.report.revised += 1
        else:
            self.report.imported += 1
        self.report.claims += len(prepared.claims)
        if article_id is not None:
            self.report.article_ids.append(article_id)
        return 1


UNCHANGED = "unchanged"  # sentinel outcome: the content is already stored


def prepare_work_item(raw: RawArticle, defaults: ArticleDefaults) -> _Prepared:
    """Prepare one article; runs in a worker process, so it returns errors instead of raising."""
    try:
        return _Prepared(raw, prepare_article(raw, defaults))
    except ReadError as error:
        return _Prepared(raw, str(error))
    except Exception as error:  # a bug on odd input must not stop the rest of the batch
        return _Prepared(raw, f"could not be processed ({type(error).__name__}: {error})")


def _in_order(items: Iterator[Future[_WorkItem] | _Ready], *, window: int) -> Iterator[_WorkItem]:
    """Results in submission order, with at most `window` in flight (memory stays flat)."""
    in_flight: deque[Future[_WorkItem] | _Ready] = deque()
    for item in items:
        in_flight.append(item)
        if len(in_flight) >= window:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


@contextmanager
def _worker_pool(workers: int) -> Iterator[Executor | None]:
    if workers <= 0:
        yield None
        return
    # "spawn", not fork: the review screens start imports from a thread, and forking a
    # threaded process can deadlock.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _database_files(database: Database) -> set[Path]:
    """The SQLite file being written (and its journal files): never an input, even when the
    user imports the folder it sits in."""
    prefix = "sqlite:///"
    if not database.url.startswith(prefix):
        return set()
    main = Path(database.url.removeprefix(prefix)).resolve()
    return {main, *(main.with_name(main.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0

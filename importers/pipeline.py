"""Import runs: walk the inputs, read, prepare and store articles in batched transactions.

Every article is stored inside its own savepoint, so a failure leaves no half article, and
batches of articles share one commit, so large imports are not bound by fsync. A run that is
interrupted loses at most its last uncommitted batch; importing again skips what is stored
(by content hash) and completes the rest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlmodel import Session, col

from workbench.db.engine import Database
from workbench.db.models import Article, Claim, Source
from workbench.importers.decode import ReadError
from workbench.importers.prepare import ArticleDefaults, PreparedArticle, prepare_article
from workbench.importers.readers import read_file
from workbench.importers.records import RawArticle, RecordError

# Commit after this many articles or seconds, whichever comes first.
BATCH_ARTICLES = 200
BATCH_SECONDS = 2.0


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


class ArticleStore:
    """Writes prepared articles; remembers sources so each is looked up once per run."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._source_ids: dict[str, int] = {}

    def store(self, prepared: PreparedArticle) -> tuple[str, int | None]:
        """Store one article and its claims; returns (outcome, article id)."""
        existing = self.session.execute(
            select(col(Article.id)).where(col(Article.content_hash) == prepared.content_hash)
        ).scalar()
        if existing is not None:
            return "unchanged", existing
        previous = self._latest_revision(prepared.url)
        with self.session.begin_nested():
            article_id = self._insert_article(prepared, previous)
            if prepared.claims:
                self.session.execute(
                    insert(Claim),
                    [{**row, "article_id": article_id} for row in prepared.claims],
                )
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


class ImportRun:
    """One `workbench import`: reads every input and stores what it can."""

    def __init__(
        self,
        database: Database,
        defaults: ArticleDefaults | None = None,
        *,
        file_format: str | None = None,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.database = database
        self.defaults = defaults or ArticleDefaults()
        self.file_format = file_format
        self.progress = progress
        self.cancelled = cancelled or (lambda: False)
        self.report = ImportReport()

    def run(self, paths: Iterable[Path]) -> ImportReport:
        inputs = list(collect_input_files(paths))
        files = [item for item in inputs if isinstance(item, Path)]
        for item in inputs:
            if isinstance(item, RecordError):
                self.report.failures.append((item.origin, item.reason))
        total_bytes = sum(_size(path) for path in files)
        with Session(self.database.engine, expire_on_commit=False) as session:
            store = ArticleStore(session)
            last_commit, pending = time.monotonic(), 0
            for index, path in enumerate(files):
                if self.cancelled():
                    self.report.cancelled = True
                    break
                pending += self._import_file(store, path)
                self.report.bytes_read += _size(path)
                if pending >= BATCH_ARTICLES or time.monotonic() - last_commit > BATCH_SECONDS:
                    session.commit()
                    last_commit, pending = time.monotonic(), 0
                self._tell_progress(index + 1, len(files), total_bytes, path)
            session.commit()
        return self.report

    def _tell_progress(self, done: int, total: int, total_bytes: int, path: Path) -> None:
        if self.progress is not None:
            self.progress(
                ImportProgress(done, total, self.report.bytes_read, total_bytes, str(path))
            )

    def _import_file(self, store: ArticleStore, path: Path) -> int:
        """Import every article of one file; returns how many articles were written."""
        written = 0
        try:
            for item in read_file(path, self.file_format):
                if isinstance(item, RecordError):
                    self.report.failures.append((item.origin, item.reason))
                    continue
                written += self._import_article(store, item)
        except ReadError as error:
            self.report.failures.append((str(path), str(error)))
        return written

    def _import_article(self, store: ArticleStore, raw: RawArticle) -> int:
        try:
            prepared = prepare_article(raw, self.defaults)
        except ReadError as error:
            self.report.failures.append((raw.origin, str(error)))
            return 0
        for notice in raw.notices:
            self.report.notices.append((raw.origin, notice))
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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0

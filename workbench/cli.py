"""The `workbench` command line.

click because it gives nested commands, typed options, help text and clean usage errors for
very little code; rich-free output keeps quick commands fast to start.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from workbench import __version__
from workbench.config import ConfigError, Settings, load_settings
from workbench.db.engine import Database, DatabaseError, open_database
from workbench.db.models import VERDICTS, ClaimStatus
from workbench.db.queries import (
    NotFoundError,
    collection_stats,
    get_claim_detail,
    list_claims,
    mark_claim,
    undo_last_review,
)
from workbench.output import one_line, visible

F = TypeVar("F", bound=Callable[..., Any])


class WorkbenchContext:
    def __init__(self, database: str | None, reviewer: str | None) -> None:
        self._database_option = database
        self._reviewer_option = reviewer
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = load_settings(
                    database=self._database_option, reviewer=self._reviewer_option
                )
            except ConfigError as error:
                raise click.ClickException(str(error)) from None
        return self._settings

    def grouping_settings(self) -> Any:
        try:
            return self.settings.grouping
        except ConfigError as error:
            raise click.ClickException(str(error)) from None

    @contextmanager
    def database(self) -> Iterator[Database]:
        try:
            database = open_database(self.settings.database)
        except DatabaseError as error:
            raise click.ClickException(str(error)) from None
        try:
            yield database
        finally:
            database.close()


pass_context = click.make_pass_decorator(WorkbenchContext)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "database",
    metavar="PATH|URL",
    help="Database file or SQLAlchemy URL [env WORKBENCH_DB; default ./workbench.db].",
)
@click.option("--reviewer", help="Reviewer name for verdicts [env WORKBENCH_REVIEWER].")
@click.version_option(__version__, prog_name="workbench")
@click.pass_context
def main(context: click.Context, database: str | None, reviewer: str | None) -> None:
    """Claim Workbench: turn news articles into a verified set of claims."""
    context.obj = WorkbenchContext(database, reviewer)


@main.command("import")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--demo", is_flag=True, help="Import the built-in demo corpus.")
@click.option("--source", help="Outlet name for every article imported.")
@click.option("--published", metavar="DATE", help="Publication date for every article.")
@click.option("--language", help="Language code for every article (e.g. en).")
@click.option("--no-group", is_flag=True, help="Do not group the new claims after importing them.")
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["text", "markdown", "html", "jsonl", "json", "csv", "feed"]),
    help="Read every file as this format instead of guessing from its name.",
)
@pass_context
def import_command(
    workbench: WorkbenchContext,
    paths: tuple[Path, ...],
    demo: bool,
    source: str | None,
    published: str | None,
    language: str | None,
    no_group: bool,
    file_format: str | None,
) -> None:
    """Import articles from files and folders (text, Markdown, HTML, JSONL/JSON, CSV, feeds).

    New claims are then grouped with the stored ones (incrementally) unless --no-group."""
    from workbench.importers.dates import parse_date_value
    from workbench.importers.pipeline import ImportRun
    from workbench.importers.prepare import ArticleDefaults

    inputs = list(paths)
    if demo:
        from workbench.demo import demo_corpus_files

        inputs.extend(demo_corpus_files())
    if not inputs:
        raise click.UsageError("name at least one file or folder to import (or use --demo)")
    published_date = None
    if published:
        published_date = parse_date_value(published)
        if published_date is None:
            raise click.BadParameter(f"'{published}' is not a date", param_hint="--published")
    defaults = ArticleDefaults(source=source, published=published_date, language=language)
    with workbench.database() as database:
        with _progress_bar() as progress:
            run = ImportRun(database, defaults, file_format=file_format, progress=progress)
            report = run.run(inputs)
        grouping = None
        if not no_group and (report.imported or report.revised):
            grouping = _run_grouping(workbench, database, full=False)
    for origin, message in report.notices:
        click.echo(f"note: {visible(origin)}: {visible(message)}", err=True)
    for origin, reason in report.failures:
        click.echo(f"error: {visible(origin)}: {visible(reason)}", err=True)
    click.echo(
        f"imported {report.imported} article(s) with {report.claims} claim(s); "
        f"{report.revised} revised, {report.unchanged} unchanged, {report.failed} failed"
    )
    if grouping is not None:
        _echo_grouping(grouping)
    for merged in report.merges:
        for line in merged.unmatched:
            click.echo(f"note: {visible(line)}", err=True)
        click.echo(
            f"merged {merged.reviews_added} review(s) into {merged.claims} claim(s): "
            f"{merged.updated} changed, {merged.disagreements} disagreement(s) put back in the "
            f"queue, {len(merged.unmatched)} not found here"
        )
    if report.failures:
        sys.exit(1)


@contextmanager
def _progress_bar() -> Iterator[Callable[[Any], None] | None]:
    """A progress bar on stderr for long runs at a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    state: dict[str, Any] = {}

    def update(progress: Any) -> None:
        bar = state.get("bar")
        if bar is None:
            if progress.files_total < 20:
                return
            bar = click.progressbar(length=progress.bytes_total, label="importing", file=sys.stderr)
            bar.__enter__()
            state["bar"] = bar
        bar.update(progress.bytes_done - bar.pos)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


@main.command()
@pass_context
def stats(workbench: WorkbenchContext) -> None:
    """Counts of sources, articles, claims and review progress."""
    with workbench.database() as database, database.session() as session:
        numbers = collection_stats(session=session)
    click.echo(f"sources   {numbers.sources}")
    click.echo(f"articles  {numbers.articles} ({numbers.articles_without_date} without a date)")
    click.echo(f"claims    {numbers.claims}")
    for status, count in numbers.by_status.items():
        click.echo(f"  {status:<11} {count}")
    for kind, count in sorted(numbers.by_kind.items()):
        click.echo(f"  {kind:<11} {count}")
    click.echo(
        f"groups    {numbers.groups} of 2+ claims (largest {numbers.largest_group} claims; "
        f"{numbers.ungrouped} claims not grouped yet)"
    )
    for relation, count in sorted(numbers.groups_by_relation.items()):
        click.echo(f"  {relation:<11} {count}")
    click.echo(f"matching  {_matching_mode(workbench)}")


def _matching_mode(workbench: WorkbenchContext) -> str:
    from workbench.matching.semantic import MODEL_NAME, MODEL_PACKAGE, model_problem
    from workbench.matching.service import semantic_matching_available

    settings = workbench.grouping_settings()
    if semantic_matching_available(settings):
        return f"meaning and words ({MODEL_NAME})"
    if not settings.semantic:
        return "words only ([matching] semantic = false)"
    problem = model_problem()
    if problem is not None:
        return f"words only (model package {MODEL_PACKAGE} unreadable: {visible(problem)})"
    return f"words only (model package {MODEL_PACKAGE} not installed)"


@main.command()
@click.option("--status", type=click.Choice([status.value for status in ClaimStatus]))
@click.option("--source", help="Only claims from sources whose name or domain contains this.")
@click.option("--search", metavar="TEXT", help="Only claims whose text contains TEXT.")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="At most this many claims (0 for all).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def claims(
    workbench: WorkbenchContext,
    status: str | None,
    source: str | None,
    search: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List claims, most check-worthy first."""
    with workbench.database() as database, database.session() as session:
        views = list_claims(
            session=session, status=status, source=source, search=search, limit=limit or None
        )
    if as_json:
        for view in views:
            click.echo(json.dumps(view.to_json(), ensure_ascii=False))
        return
    width = shutil.get_terminal_size((100, 24)).columns
    for view in views:
        prefix = f"{view.id:>6}  {view.status:<10}  {one_line(view.source or '-', 18):<18}  "
        click.echo(prefix + one_line(view.text, max(20, width - len(prefix))))
    if not views:
        click.echo("no claims match", err=True)


@main.command()
@click.argument("claim_id", type=int)
@pass_context
def show(workbench: WorkbenchContext, claim_id: int) -> None:
    """Everything about one claim: text, source, figures, context and review history."""
    with workbench.database() as database, database.session() as session:
        try:
            detail = get_claim_detail(session=session, claim_id=claim_id)
        except NotFoundError as error:
            raise click.ClickException(str(error)) from None
    claim = detail.claim
    published = claim.published.isoformat() if claim.published else "unknown"
    lines = [
        f"claim {claim.id} ({claim.kind}, {claim.status})",
        f"  {visible(claim.text)}",
        f"source     {visible(claim.source or 'unknown')}, published {published}",
        f"article    {visible(claim.article_title or '(untitled)')} [{claim.article_id}]",
        f"url        {visible(claim.article_url or '-')}",
        f"offsets    {claim.char_start}-{claim.char_end}",
        f"speaker    {visible(claim.speaker or '-')}",
        f"priority   {claim.checkworthiness:.2f} ({', '.join(claim.reasons) or 'no reasons'})",
    ]
    if claim.context:
        lines.append(f"context    {visible(claim.context)}")
    lines += [f"number     {visible(json.dumps(n, ensure_ascii=False))}" for n in claim.numbers]
    lines += [f"date       {visible(json.dumps(d, ensure_ascii=False))}" for d in claim.dates]
    before, after = detail.surrounding()
    lines.append("in context")
    lines.append(
        "  …"
        + visible(" ".join(before.split()))
        + " >>"
        + visible(claim.text)
        + "<< "
        + visible(" ".join(after.split()))
        + "…"
    )
    lines.append("reviews" if detail.reviews else "reviews    none")
    for review in detail.reviews:
        extra = "".join(
            f"; {label} {visible(value)}"
            for label, value in (("note", review.note), ("evidence", review.evidence_url))
            if value
        )
        reverted = f" (undoes #{review.reverts_review_id})" if review.reverts_review_id else ""
        lines.append(
            f"  #{review.id} {review.created_at:%Y-%m-%d %H:%M} {visible(review.reviewer)}: "
            f"{review.verdict}{reverted}{extra}"
        )
    click.echo("\n".join(lines))


@main.command()
@click.argument("claim_id", type=int)
@click.argument("verdict", type=click.Choice([verdict.value for verdict in VERDICTS]))
@click.option("--note", help="Why: what the reviewer found.")
@click.option("--evidence", metavar="URL", help="Link to the evidence.")
@pass_context
def mark(
    workbench: WorkbenchContext,
    claim_id: int,
    verdict: str,
    note: str | None,
    evidence: str | None,
) -> None:
    """Record a verdict on a claim (confirmed, disputed or outdated)."""
    reviewer = workbench.settings.reviewer
    with workbench.database() as database, database.session() as session:
        try:
            review = mark_claim(
                session=session,
                claim_id=claim_id,
                verdict=verdict,
                reviewer=reviewer,
                note=note,
                evidence_url=evidence,
            )
        except NotFoundError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"claim {claim_id}: {verdict} by {visible(reviewer)} (review #{review.id})")


@main.command()
@click.argument("claim_id", type=int)
@pass_context
def undo(workbench: WorkbenchContext, claim_id: int) -> None:
    """Undo the latest verdict on a claim (the log keeps it, with a revert after it)."""
    with workbench.database() as database, database.session() as session:
        try:
            revert = undo_last_review(
                session=session, claim_id=claim_id, reviewer=workbench.settings.reviewer
            )
        except NotFoundError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"claim {claim_id}: back to {revert.verdict}")


def _run_grouping(workbench: WorkbenchContext, database: Database, *, full: bool) -> Any:
    from workbench.matching.semantic import model_problem
    from workbench.matching.service import group_new_claims, regroup_all, store_missing_vectors

    settings = workbench.grouping_settings()
    problem = model_problem() if settings.semantic else None
    if problem is not None:
        click.echo(
            f"warning: sentence model unreadable, matching by words only: {visible(problem)}",
            err=True,
        )
    with database.session() as session:
        # Committed batch by batch, so Ctrl-C during a long first run keeps what was computed.
        store_missing_vectors(session=session, settings=settings, progress=_vector_progress)
    with database.session() as session:
        if full:
            return regroup_all(session=session, settings=settings)
        return group_new_claims(session=session, settings=settings)


def _progress(label: str, shown_from: int) -> Callable[[int, int], None]:
    """A progress line on stderr, rewritten in place, for runs of at least `shown_from`
    claims (shorter ones end before it would be read)."""

    def show(done: int, total: int) -> None:
        if total >= shown_from:
            end = "\n" if done == total else "\r"
            click.echo(f"{label}: {done}/{total} claims{end}", err=True, nl=False)

    return show


# Sentence vectors come at about 100 claims a second, re-reading at about 10,000.
_vector_progress = _progress("sentence vectors", 1000)
_reread_progress = _progress("re-reading", 5000)


def _echo_grouping(report: Any) -> None:
    if report.claims == 0:
        click.echo("grouping: no new claims to group")
        return
    click.echo(
        f"grouped {report.claims} claim(s){' (full run)' if report.full else ''}: "
        f"{report.groups} group(s) of 2+ claims touched (largest {report.largest_group}), "
        f"{report.conflicting} conflicting, {report.outdated} outdated, "
        f"{report.suggestions} suggested match(es), {report.seconds:.2f} s"
    )


@main.command()
@click.option("--full", is_flag=True, help="Regroup every claim, not only new ones.")
@pass_context
def group(workbench: WorkbenchContext, full: bool) -> None:
    """Group claims that state the same fact and flag conflicting and outdated groups.

    Reviewer corrections (split, merge, accepted and rejected suggestions) are kept."""
    with workbench.database() as database:
        _echo_grouping(_run_grouping(workbench, database, full=full))


@main.command()
@click.option("--no-group", is_flag=True, help="Do not regroup afterwards.")
@pass_context
def reread(workbench: WorkbenchContext, no_group: bool) -> None:
    """Read the figures and dates of stored claims again, as this release reads them.

    Claims keep the reading of the release that imported them; after an upgrade this brings
    them up to date from their text, then regroups everything if any reading changed."""
    from workbench.importers.reread import reread_claims

    with workbench.database() as database:
        report = reread_claims(database, progress=_reread_progress)
        click.echo(f"re-read {report.claims} claim(s): {report.changed} reading(s) changed")
        if report.changed and not no_group:
            _echo_grouping(_run_grouping(workbench, database, full=True))


@main.command()
@click.option("--relation", type=click.Choice(["repeated", "conflicting", "outdated", "single"]))
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="At most this many groups (0 for all).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per group and line.")
@pass_context
def groups(workbench: WorkbenchContext, relation: str | None, limit: int, as_json: bool) -> None:
    """Groups of claims, disagreements first, with their members."""
    from workbench.db.queries import list_groups

    with workbench.database() as database, database.session() as session:
        views = list_groups(
            session=session,
            relation=relation,
            limit=limit or None,
            min_size=1 if relation == "single" else 2,
        )
    if as_json:
        for view in views:
            click.echo(json.dumps(view.to_json(), ensure_ascii=False))
        return
    width = shutil.get_terminal_size((100, 24)).columns
    for view in views:
        reason = f": {visible(view.reason)}" if view.reason else ""
        click.echo(
            f"group {view.id} {view.relation}, {view.size} claims from "
            f"{view.source_count} source(s){reason}"
        )
        for member in view.members:
            flag = "outdated? " if member.suggested_outdated else ""
            published = member.published.isoformat() if member.published else "undated"
            prefix = f"  {member.id:>6} {published} {one_line(member.source or '-', 16):<16} "
            click.echo(prefix + one_line(flag + member.text, max(20, width - len(prefix))))
    if not views:
        click.echo("no groups match", err=True)


@main.command()
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@pass_context
def suggestions(workbench: WorkbenchContext, limit: int) -> None:
    """Suggested matches waiting for a reviewer (accept or reject them)."""
    from workbench.db.queries import list_suggestions

    with workbench.database() as database, database.session() as session:
        views = list_suggestions(session=session, limit=limit or None)
    width = shutil.get_terminal_size((100, 24)).columns
    for view in views:
        click.echo(f"suggestion {view.id} (score {view.score:.0f})")
        for claim in (view.claim, view.other):
            prefix = f"  {claim.id:>6} group {claim.group_id or '-':<6} "
            click.echo(prefix + one_line(claim.text, max(20, width - len(prefix))))
    if not views:
        click.echo("no suggested matches", err=True)


def _correction(workbench: WorkbenchContext, action: Callable[..., Any], **arguments: Any) -> Any:
    from workbench.matching.service import GroupingError

    with workbench.database() as database, database.session() as session:
        try:
            return action(session=session, reviewer=workbench.settings.reviewer, **arguments)
        except GroupingError as error:
            raise click.ClickException(str(error)) from None


@main.command()
@click.argument("claim_id", type=int)
@pass_context
def split(workbench: WorkbenchContext, claim_id: int) -> None:
    """Take a claim out of its group (kept through later regrouping)."""
    from workbench.matching.service import split_claim

    group_id = _correction(workbench, split_claim, claim_id=claim_id)
    click.echo(f"claim {claim_id} is now alone in group {group_id}")


@main.command()
@click.argument("group_id", type=int)
@click.argument("other_group_id", type=int)
@pass_context
def merge(workbench: WorkbenchContext, group_id: int, other_group_id: int) -> None:
    """Merge OTHER_GROUP_ID into GROUP_ID (kept through later regrouping)."""
    from workbench.matching.service import merge_groups

    _correction(workbench, merge_groups, group_id=group_id, other_group_id=other_group_id)
    click.echo(f"group {other_group_id} merged into group {group_id}")


@main.command()
@click.argument("suggestion_id", type=int)
@pass_context
def accept(workbench: WorkbenchContext, suggestion_id: int) -> None:
    """Accept a suggested match: its two claims state the same fact."""
    from workbench.matching.service import accept_suggestion

    group_id = _correction(workbench, accept_suggestion, suggestion_id=suggestion_id)
    click.echo(f"suggestion {suggestion_id} accepted: group {group_id}")


@main.command()
@click.argument("suggestion_id", type=int)
@pass_context
def reject(workbench: WorkbenchContext, suggestion_id: int) -> None:
    """Reject a suggested match: its two claims are different facts."""
    from workbench.matching.service import reject_suggestion

    _correction(workbench, reject_suggestion, suggestion_id=suggestion_id)
    click.echo(f"suggestion {suggestion_id} rejected")


@main.command()
@click.option(
    "--format",
    "file_format",
    default="jsonl",
    show_default=True,
    type=click.Choice(["jsonl", "json", "csv", "md", "claimreview"]),
)
@click.option(
    "--status",
    "statuses",
    default="confirmed,disputed,outdated",
    show_default=True,
    help="Comma-separated verdicts to export, or 'all' (unreviewed claims too).",
)
@click.option("--source", help="Only claims from sources whose name or domain contains this.")
@click.option("--since", metavar="DATE", help="Only claims reviewed on or after DATE.")
@click.option("--relation", type=click.Choice(["single", "repeated", "conflicting", "outdated"]))
@click.option("-o", "--output", default="-", metavar="FILE|-", help="Where to write; - is stdout.")
@pass_context
def export(
    workbench: WorkbenchContext,
    file_format: str,
    statuses: str,
    source: str | None,
    since: str | None,
    relation: str | None,
    output: str,
) -> None:
    """Export the verified claim set (written atomically: never a half file)."""
    from workbench.export.records import ExportFilter, count_export_records, iter_export_records
    from workbench.export.writers import ExportError, write_export

    filters = ExportFilter(
        statuses=_export_statuses(statuses), source=source, since=_day(since, "--since"),
        relation=relation,
    )  # fmt: skip
    destination = None if output == "-" else Path(output)
    with workbench.database() as database, database.session() as session:
        try:
            claimreview = _claimreview_settings(workbench) if file_format == "claimreview" else None
            total = count_export_records(session=session, filters=filters)
            records = iter_export_records(session=session, filters=filters)
            with _count_bar(total, destination) as progress:
                written = write_export(
                    records=records, fmt=file_format, destination=destination,
                    claimreview=claimreview, progress=progress,
                )  # fmt: skip
        except ExportError as error:
            raise click.ClickException(str(error)) from None
    if destination is not None:
        click.echo(f"exported {written} claim(s) to {visible(str(destination))}", err=True)


def _export_statuses(text: str) -> frozenset[str]:
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    if chosen == {"all"}:
        return frozenset()
    unknown = chosen - {verdict.value for verdict in VERDICTS} - {"unreviewed"}
    if unknown or not chosen:
        raise click.BadParameter(
            f"'{text}': use verdicts (confirmed,disputed,outdated,unreviewed) or 'all'",
            param_hint="--status",
        )
    return frozenset(chosen)


def _day(text: str | None, option: str) -> Any:
    if text is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"'{text}' is not a date like 2024-02-24", param_hint=option
        ) from None


def _claimreview_settings(workbench: WorkbenchContext) -> Any:
    from workbench.export.claimreview import claimreview_settings

    return claimreview_settings(workbench.settings.file_values)


@contextmanager
def _count_bar(total: int, destination: Path | None) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for large exports to a file, at a terminal."""
    if destination is None or total < 5000 or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label="exporting", file=sys.stderr) as bar:
        yield lambda done: bar.update(done - bar.pos)


@main.command()
@pass_context
def review(workbench: WorkbenchContext) -> None:
    """Open the review screens."""
    from workbench.app import create_app

    settings = workbench.settings
    try:
        options, keymap = settings.review, settings.keymap
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    with workbench.database():  # opens (and upgrades) it, reporting problems as one line
        pass
    create_app(
        settings.database,
        reviewer=settings.reviewer,
        options=options,
        keymap=keymap,
        config_values=settings.file_values,
    ).run()


if __name__ == "__main__":
    main()

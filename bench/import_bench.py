"""Import throughput: MB/s of article text and claims/s, end to end into SQLite.

    python bench/import_bench.py            # 20 MB corpus, plus a 5 MB run to compare memory
    python bench/import_bench.py --mb 40 --no-scaling

Each size runs in its own process so peak memory (ru_maxrss) is that run's alone.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402


def run_once(megabytes: float) -> None:
    from workbench.db.engine import open_database
    from workbench.importers.pipeline import ImportRun

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        articles = write_corpus(folder, int(megabytes * 1024 * 1024))
        database = open_database(str(Path(scratch) / "bench.db"))
        started = time.perf_counter()
        report = ImportRun(database).run([folder])
        seconds = time.perf_counter() - started
        database.close()
    size_mb = report.bytes_read / (1024 * 1024)
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = own.ru_maxrss / 1024
    print(
        f"{megabytes:>5.0f} MB corpus: {articles} articles, {report.claims} claims, "
        f"{seconds:.1f} s -> {size_mb / seconds:.2f} MB/s, "
        f"{report.claims / seconds:,.0f} claims/s, "
        f"peak RSS {peak_mb:.0f} MB (largest worker {workers.ru_maxrss / 1024:.0f} MB), "
        f"CPU s main {own.ru_utime + own.ru_stime:.1f} / workers "
        f"{workers.ru_utime + workers.ru_stime:.1f}, failed {report.failed}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the small comparison run")
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        run_once(args.mb)
        return
    sizes = [args.mb] if args.no_scaling else [args.mb / 4, args.mb]
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--once", "--mb", str(size)], check=True)


if __name__ == "__main__":
    main()

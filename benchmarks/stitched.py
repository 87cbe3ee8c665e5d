"""What stitching costs: a year of one account's monthly downloads scanned at once.

The same twelve files are scanned twice: as they are (one account, so they are stitched and
audited as one history), and renamed to twelve different account numbers (so each is audited
alone, as every file was before stitching). The target: stitched at most 1.2 times unstitched.

    python benchmarks/stitched.py [--rows-per-month 300] [--repeat 7] [--auditor CMD]

`benchmarks/bench.py` runs it as one of its sections.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.2  # stitched wall time / unstitched wall time, at most


def write_year(workdir: Path, rows_per_month: int) -> tuple[Path, Path]:
    """The year's downloads (one account, a week of overlap) and their renamed twins."""
    sys.path.insert(0, str(ROOT))
    from tests.downloads import downloads

    year = downloads("mufg", seed=12, rows=rows_per_month * 12, duplicate=False,
                     missing=None, names="account")
    one, twelve = workdir / "one_account", workdir / "twelve_accounts"
    for folder in (one, twelve):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for number, path in enumerate(year.write(one)):
        # Only the name says the account (三菱UFJ prints no preamble): a new name, a new account.
        (twelve / f"{100 + number:03d}-{1000000 + number:07d}.csv").write_bytes(path.read_bytes())
    return one, twelve


def wall(command: list[str]) -> float:
    """One run's wall time, in seconds."""
    start = time.perf_counter()
    done = subprocess.run(command, check=False, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{shlex.join(command)} exited {done.returncode}")
    return time.perf_counter() - start


def measure(auditor: list[str], workdir: Path, rows_per_month: int = 300,
            repeat: int = 7) -> dict[str, float]:
    """Both scans run in turn (after a warm-up each), so other load hits them alike.

    The ratio is the median of each pair's ratio; the times are each side's best.
    """
    one, twelve = write_year(workdir, rows_per_month)
    scan = [*auditor, "scan", "--format", "json", "-o", str(workdir / "out.json"), "--quiet"]
    sides = ([*scan, str(one)], [*scan, str(twelve)])
    for command in sides:
        wall(command)
    pairs = [(wall(sides[0]), wall(sides[1])) for _ in range(repeat)]
    return {"files": 12, "rows_per_month": rows_per_month,
            "stitched_s": min(a for a, _ in pairs), "unstitched_s": min(b for _, b in pairs),
            "ratio": statistics.median(a / b for a, b in pairs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-per-month", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--auditor", default=None,
                        help="the auditor command (default: python -m auditor)")
    args = parser.parse_args(argv)
    auditor = shlex.split(args.auditor) if args.auditor else [sys.executable, "-m", "auditor"]
    with tempfile.TemporaryDirectory(prefix="auditor-stitched-") as folder:
        figures = measure(auditor, Path(folder), args.rows_per_month, args.repeat)
    verdict = "PASS" if figures["ratio"] <= TARGET_RATIO else "FAIL"
    print(f"12 monthly files, ~{args.rows_per_month} rows each: stitched best "
          f"{figures['stitched_s']:.3f} s, each alone best {figures['unstitched_s']:.3f} s, "
          f"median ratio {figures['ratio']:.2f} (target <= {TARGET_RATIO}) {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())

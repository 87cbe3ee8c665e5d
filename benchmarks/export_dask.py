"""A bank's export on Dask: rows a second on N local workers, and each worker's peak memory.

Run by bench.py (section 5), or alone, under the CPU lock:

    python benchmarks/export_dask.py                    # 10M and 2M rows, 2 and 1 workers
    python benchmarks/export_dask.py --accounts 40000   # one smaller export only

Each measured run starts a fresh LocalCluster of N worker processes (one thread each), runs
`auditor scan EXPORT --engine dask --scheduler ADDRESS -f jsonl -o OUT -q` in a child
process and times it, then asks every worker for its peak RSS (VmHWM). The cluster's
start (about 2 s) is outside the time; the conversion to Parquet, the audit of every part
and the writing of the findings are inside it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "auditor-bench" / "export"
ROWS = 50  # mean rows per account
TARGET_ROWS_S = 400_000  # on 2 workers, end to end
TARGET_PEAK = 1e9  # per worker, bytes
TARGET_SCALING = 1.7  # 2 workers against 1


def export_file(workdir: Path, accounts: int) -> Path:
    """The synthetic export of this many accounts, generated once (make_bank.py export)."""
    path = workdir / f"export-{accounts}x{ROWS}.csv"
    if not path.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "make_bank.py"), "export", "--accounts",
                        str(accounts), "--rows", str(ROWS), str(path)], check=True)
    return path


def _peak() -> int:
    """This process's peak RSS: VmHWM, which starts afresh at exec (ru_maxrss would carry
    over the peak of the process that started the worker)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    (line,) = [line for line in status.splitlines() if line.startswith("VmHWM:")]
    return int(line.split()[1]) * 1024


def _rows(path: Path) -> int:
    """The export's rows, counted a block at a time (reading it whole costs its size in RSS)."""
    count = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 24):
            count += block.count(b"\n")
    return count - 1


def run_once(auditor: list[str], path: Path, workers: int, out: Path) -> dict[str, object]:
    """One timed scan on a fresh cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster) as client:
        began = time.perf_counter()
        done = subprocess.run([*auditor, "scan", str(path), "--engine", "dask", "--scheduler",
                               cluster.scheduler_address, "-f", "jsonl", "-o", str(out), "-q"],
                              capture_output=True, text=True)
        wall = time.perf_counter() - began
        peaks = sorted(client.run(_peak).values())
    return {"wall_s": wall, "peaks": peaks, "code": done.returncode,
            "stderr": done.stderr.strip().splitlines()[-1:]}


def measure(auditor: list[str], workdir: Path, sizes: list[int], repeat: int = 3,
            say=lambda text: print(text, file=sys.stderr),
            counts: tuple[int, ...] = (2, 1)) -> dict[str, dict[str, object]]:
    """Best of ``repeat`` per (export, workers): wall, rows a second, highest worker peak."""
    found: dict[str, dict[str, object]] = {}
    for accounts in sizes:
        path = export_file(workdir, accounts)
        rows = _rows(path)
        for workers in counts:
            runs = []
            for attempt in range(repeat):
                say(f"export {rows:,} rows, {workers} worker(s): run {attempt + 1}/{repeat}")
                runs.append(run_once(auditor, path, workers, workdir / "found.jsonl"))
            best = min(runs, key=lambda run: run["wall_s"])
            found[f"{rows}x{workers}"] = {
                "rows": rows, "accounts": accounts, "workers": workers,
                "wall_s": best["wall_s"], "rows_per_s": rows / best["wall_s"],
                "peak_bytes": max(max(run["peaks"]) for run in runs),
                "codes": [run["code"] for run in runs], "stderr": best["stderr"],
                "all_wall_s": [round(run["wall_s"], 2) for run in runs],
                "findings": sum(1 for _ in (workdir / "found.jsonl").open("rb"))}
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, action="append",
                        help="accounts in the export (repeatable; default 200000 and 40000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, action="append",
                        help="local workers (repeatable; default 2 and 1)")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--auditor", default=str(Path(sys.executable).with_name("auditor")))
    args = parser.parse_args()
    figures = measure([args.auditor], args.workdir, args.accounts or [200_000, 40_000],
                      args.repeat, counts=tuple(args.workers or (2, 1)))
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

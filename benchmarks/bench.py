#!/usr/bin/env python3
"""Benchmark `auditor`: one large statement, a folder of many, and start-up time.

Run by hand with the interpreter auditor is installed in (not part of the test suite):

    python benchmarks/bench.py                 # default run: 100k, 1M and 3M rows, 10,000 files
    python benchmarks/bench.py --skip-3m --json bench.json

It generates its inputs (deterministic, fixed seed) under --workdir, reuses them on the next
run when the parameters match, and prints one plain-text report with PASS/FAIL per target.
Every figure comes from a separate child process: wall time is time.perf_counter() around the
child; peak memory and CPU time are the child's ru_maxrss and ru_utime + ru_stime, read by
/usr/bin/time or by a small launcher calling os.wait4(). Both include interpreter start-up
and imports, for auditor and for the pandas baseline alike. Standard library + pandas only.
The exit status is 0 even when a target fails: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import multiprocessing
import os
import platform
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_statements" / "make_samples.py"
SEED = 20200105
GEN_VERSION = 1  # bump when a generator changes: cached inputs are then regenerated
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "auditor-bench"

# Targets (from the performance issue).
TARGET_PANDAS_RATIO = 2.0  # 1M-row scan wall time / pandas.read_csv wall time, at most
TARGET_PEAK_BYTES = 1.5e9  # 1M-row scan peak RSS, under (1.5 GB, decimal)
TARGET_SPEEDUP = 1.6  # folder scan files/s on all cores / on one core, at least (2 cores)
TARGET_FILES_PER_S = 1_000  # folder of ~50-row statements on all cores (2), at least
TARGET_STARTUP_S = 0.3  # auditor --help / --version, under
TARGET_SMALL_SCAN_S = 1.0  # 300-row statement end to end, under
TARGET_LINEAR = 1.5  # largest / smallest per-row cost over the sizes, at most

MUFG_HEADER = ('"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ",'
               '"未資金化区分","入払区分"')
MIXED_LAYOUTS = ("mufg", "yucho", "sumishin", "rakuten", "paypay_bank", "shinsei")


# --- measuring a child process --------------------------------------------------------------


@dataclass
class Run:
    """One child process: wall and CPU seconds, peak RSS in bytes (None if unknown), exit code.

    ``others`` is how many cores other processes kept busy meanwhile, on average (from
    /proc/stat): on a shared machine it says how far to trust the wall time.
    """

    cmd: list[str]
    wall: float
    peak: int | None
    code: int
    stdout: str = ""
    stderr: str = ""
    cpu: float | None = None
    others: float | None = None
    steal: float | None = None  # cores the hypervisor gave to other machines meanwhile


def machine_busy() -> tuple[float, float] | None:
    """CPU seconds since boot: (busy in this machine, stolen by the hypervisor); None off Linux."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(x) for x in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    hz = os.sysconf("SC_CLK_TCK")
    busy = sum(ticks) - ticks[3] - ticks[4] - ticks[7]  # user nice system irq softirq
    return busy / hz, ticks[7] / hz


# A child's ru_maxrss counts the memory of the process it was forked from (Linux records the
# parent's resident set at exec), so children are started from a small process: GNU time if
# it is there and reports sane figures, else this launcher. Its own start-up is not timed.
_LAUNCHER = """\
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KiB
with open(sys.argv[1], "w") as out:
    out.write(f"{wall} {usage.ru_maxrss * scale} {usage.ru_utime} {usage.ru_stime}")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""
GNU_TIME = Path("/usr/bin/time")
MEASURED_BY = {
    "time": "wall: time.perf_counter() around subprocess.run; peak RSS: /usr/bin/time -f '%M' "
            "(the child's ru_maxrss: its largest process, workers included)",
    "launcher": "wall and peak RSS from a small launcher: perf_counter around the child and "
                "os.wait4's ru_maxrss (its largest process, workers included)",
}
METHOD = "launcher"


def choose_method() -> str:
    """Use /usr/bin/time -f "%e %M" when it measures a known allocation right, else the launcher."""
    global METHOD
    METHOD = "launcher"
    if GNU_TIME.exists():
        METHOD = "time"
        try:
            probe = run_child([sys.executable, "-c", "b = b'x' * 200_000_000"])
        except OSError:
            probe = None
        if probe is None or probe.code != 0 or not 200e6 <= (probe.peak or 0) <= 300e6:
            METHOD = "launcher"  # not GNU time, or the old one that reports 4x too much
    return METHOD


def run_child(cmd: list[str], stdout: Path | None = None, capture: bool = False,
              env: dict[str, str] | None = None) -> Run:
    """Run cmd once: wall time from perf_counter, peak RSS of the child (and its children)."""
    handle, stat_path = tempfile.mkstemp(prefix="bench-", suffix=".stat")
    os.close(handle)
    stat = Path(stat_path)
    if METHOD == "time":
        full = [str(GNU_TIME), "-f", "%e %M %U %S", "-o", stat_path, *cmd]
    else:
        full = [sys.executable, "-c", _LAUNCHER, stat_path, *cmd]
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as cap:
        out = open(stdout, "wb") if stdout else (cap if capture else subprocess.DEVNULL)
        try:
            busy = machine_busy()
            start = time.perf_counter()
            code = subprocess.run(full, stdout=out, stderr=err, env=env).returncode
            wall = time.perf_counter() - start
            after = machine_busy()
            busy = None if busy is None or after is None else (
                after[0] - busy[0], after[1] - busy[1])
        finally:
            if stdout:
                out.close()
        err.seek(0)
        cap.seek(0)
        errors, captured = err.read(), cap.read()
    figures = stat.read_text().strip().splitlines()[-1:] if stat.exists() else []
    stat.unlink(missing_ok=True)
    peak: int | None = None
    cpu: float | None = None
    try:
        seconds, rss, user, system = figures[0].split()
        cpu = float(user) + float(system)
        if METHOD == "time":
            peak = int(rss) * 1024  # KiB; wall stays the perf_counter figure
        else:
            wall, peak = float(seconds), int(rss)
    except (IndexError, ValueError):
        pass  # killed before it could report: the figures stay unknown
    others = steal = None
    if busy is not None and cpu is not None:
        others = max(0.0, busy[0] - cpu) / max(wall, 1e-6)
        steal = busy[1] / max(wall, 1e-6)
    return Run(cmd, wall, peak, code, captured.decode("utf-8", "replace"),
               errors.decode("utf-8", "replace"), cpu, others, steal)


@dataclass
class Best:
    """Best (lowest) wall time of several runs; peak memory is the highest seen."""

    runs: list[Run] = field(default_factory=list)

    def add(self, run: Run) -> Run:
        self.runs.append(run)
        return run

    @property
    def wall(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def peak(self) -> int | None:
        peaks = [r.peak for r in self.runs if r.peak is not None]
        return max(peaks) if peaks else None

    @property
    def best(self) -> Run:
        return min(self.runs, key=lambda r: r.wall)

    def figures(self) -> dict[str, object]:
        return {"wall_s": self.wall, "peak_bytes": self.peak, "cpu_s": self.best.cpu,
                "other_load_cores": self.best.others, "steal_cores": self.best.steal,
                "all_wall_s": [round(r.wall, 4) for r in self.runs]}


def warm(path: Path) -> None:
    """Read a file once so that every measured run finds it in the page cache."""
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass


# --- progress ---------------------------------------------------------------------------------

T0 = time.perf_counter()


def say(message: str) -> None:
    """Progress on stderr; the report itself goes to stdout at the end."""
    elapsed = int(time.perf_counter() - T0)
    sys.stderr.write(f"[{elapsed // 60:02d}:{elapsed % 60:02d}] {message}\n")
    sys.stderr.flush()


# --- the large MUFG statement -----------------------------------------------------------------

_HEADS = ("サクラ", "ミドリ", "ヤマト", "アオバ", "ヒカリ", "コスモ", "ハルカ", "ツバサ", "ミナト",
          "カエデ", "ホクト", "アサヒ", "ソラ", "ウミネコ", "ヤマブキ", "ツクシ", "ナデシコ", "スミレ",
          "モミジ", "イチョウ", "ハヤテ", "タチバナ", "フジミ", "アカネ", "コハク", "シオン",
          "リンドウ", "アスナロ", "カモメ", "ツムギ", "ヒバリ", "ミズホ", "ユウヒ", "ワカバ",
          "セセラギ", "トキワ", "ハナミ", "ホタル", "イロハ", "マツカゼ")
_KINDS = ("ストア", "マート", "ドラッグ", "ベーカリー", "ショクドウ", "カフェ", "ホンテン", "デンキ",
          "ヤッキョク", "スーパー", "ブックス", "クリーニング", "ガソリン", "コーヒー", "ラーメン")
_BRANCHES = ("", "　シブヤテン", "　シンジュクテン", "　ウメダテン", "　ナゴヤテン", "　サッポロテン",
             "　ハカタテン", "　センダイテン")
_CHAINS = ("ＡＭＡＺＯＮ．ＣＯ．ＪＰ", "セブン－イレブン", "ローソン", "ファミリーマート", "ユニクロ",
           "スターバックス", "ヨドバシカメラ", "イオン", "マツモトキヨシ", "ニトリ")
# Substrings of wallet names a made-up merchant must not contain (it would become a finding).
_WALLET_BITS = ("ペイ", "プリン", "ユメカ", "ミジカ", "ドコモ", "キャッシュ", "エディ", "スイカ", "パル")

_SALARY = ("ｷﾕｳﾖ ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ", "ｷﾕｳﾖ ｶ)ﾃｽﾄｻﾝｷﾞﾖｳ")
_UTILITIES = ("ﾃﾞﾝｷﾀﾞｲ", "ｶﾞｽﾀﾞｲ", "ｽｲﾄﾞｳﾘﾖｳｷﾝ", "トウキヨウデンリヨク", "ドコモケイタイ", "ＮＨＫ")
_TRANSFERS_OUT = ("ｶ)ｻﾝﾌﾟﾙﾌﾄﾞｳｻﾝ", "ﾃｽﾄ ﾊﾅｺ", "ｻﾝﾌﾟﾙ ｼﾞﾛｳ")
_WALLETS = (("ＲＴＫ　ペイペイ", 0.5), ("ﾒﾙﾍﾟｲ", 0.2), ("ﾄﾞｺﾓｺｳｻﾞ", 0.15), ("ＫＹＡＳＨ", 0.15))
_WALLET_AMOUNTS = (1000, 2000, 3000, 5000, 5000, 10000, 10000, 20000, 30000)


def merchants() -> list[str]:
    """A few thousand merchant names, the national chains first (they are picked most)."""
    names = [f"{head}{kind}{branch}" for head in _HEADS for kind in _KINDS for branch in _BRANCHES]
    names = [n for n in names if not any(bit in n for bit in _WALLET_BITS)]
    random.Random(SEED).shuffle(names)
    return list(_CHAINS) + names


def mufg_lines(rows: int, seed: int, first: date, days: int):
    """Yield the data lines of a 三菱UFJ statement, oldest first, with a chaining balance.

    Per row: 68% JCB debit purchases over ~4,800 merchants (skewed: a few are frequent),
    12% ATM (カ－ド), 6% 口座振替３ utilities, 2% card bill (ラクテンカード, a look-alike),
    4% transfers out, 4% salary and 2% other credits, 2% wallet top-ups (口座振替 +
    ＲＴＫ　ペイペイ / ﾒﾙﾍﾟｲ / ﾄﾞｺﾓｺｳｻﾞ / ＫＹＡＳＨ), 3% of which open a burst of 3-4 large
    top-ups to one wallet on one day.
    """
    rng = random.Random(seed)
    shops = merchants()
    day_text = [f"{d.year}/{d.month}/{d.day}"
                for d in (first + timedelta(days=i) for i in range(days))]
    balance = 3_000_000
    burst: list[tuple[str, int]] = []
    burst_day = 0
    wallet_names = [w for w, _ in _WALLETS]
    wallet_weights = [p for _, p in _WALLETS]
    log_lo, log_hi = math.log(100), math.log(30000)
    for i in range(rows):
        day = i * days // rows
        if burst:  # the rest of a burst: same wallet, same day, same large amount
            day = burst_day
            desc, amount = burst.pop()
            code, flow, credit = "口座振替", "支払い", False
        else:
            r = rng.random()
            credit = False
            if r < 0.68:
                shop = shops[int(len(shops) * rng.random() ** 3)]
                code, desc, flow = "デビット", f"ＪＣＢデビット　{shop}", "支払い"
                amount = int(math.exp(rng.uniform(log_lo, log_hi))) // 10 * 10
            elif r < 0.80:
                code, desc, flow = "カ－ド", "", "支払い"
                amount = rng.randrange(10_000, 51_000, 1000)
            elif r < 0.86:
                code, desc, flow = "口座振替３", rng.choice(_UTILITIES), "支払い"
                amount = rng.randrange(2_000, 15_000, 10)
            elif r < 0.88:
                code, desc, flow = "口座振替３", "ラクテンカード", "支払い"
                amount = rng.randrange(10_000, 150_000, 10)
            elif r < 0.92:
                code, desc, flow = "振込ＩＢ１", rng.choice(_TRANSFERS_OUT), "振替支払い"
                amount = rng.randrange(5, 90) * 1000
            elif r < 0.96:
                code, desc, flow = "振込１", rng.choice(_SALARY), "振替入金"
                amount, credit = rng.randrange(200, 330) * 1000, True
            elif r < 0.98:
                code, desc, flow = "振込９", "ｻﾝﾌﾟﾙ ｼﾞﾛｳ", "振替入金"
                amount, credit = rng.randrange(1, 50) * 1000, True
            else:
                wallet = rng.choices(wallet_names, wallet_weights)[0]
                code, desc, flow = "口座振替", wallet, "支払い"
                amount = rng.choice(_WALLET_AMOUNTS)
                if rng.random() < 0.03:  # the 2020 pattern: several large charges in a day
                    big = rng.choice((30_000, 50_000, 100_000))
                    burst = [(wallet, big)] * rng.randrange(2, 4)
                    burst_day = day
                    amount = big
        if not credit and amount > balance:  # never overdraw: salary comes in instead
            code, desc, flow = "振込１", _SALARY[0], "振替入金"
            amount, credit = rng.randrange(200, 330) * 1000, True
        balance += amount if credit else -amount
        money = f"{amount:,}"
        debit_cell, credit_cell = ("", money) if credit else (money, "")
        yield (f'"{day_text[day]}","{code}","{desc}","{debit_cell}","{credit_cell}",'
               f'"{balance:,}","","","{flow}"')


def write_mufg(path: Path, rows: int, seed: int, first: date, days: int) -> None:
    """Write the statement as 三菱UFJ ships it: CP932, every field quoted, CRLF."""
    tmp = path.with_suffix(".part")
    with open(tmp, "wb") as handle:
        handle.write((MUFG_HEADER + "\r\n").encode("cp932"))
        chunk: list[str] = []
        for line in mufg_lines(rows, seed, first, days):
            chunk.append(line)
            if len(chunk) == 50_000:
                handle.write(("\r\n".join(chunk) + "\r\n").encode("cp932"))
                chunk.clear()
        if chunk:
            handle.write(("\r\n".join(chunk) + "\r\n").encode("cp932"))
    tmp.replace(path)


def mufg_input(workdir: Path, rows: int, years: float) -> tuple[Path, float | None]:
    """The cached statement of this size, generated if missing; (path, seconds or None)."""
    days = round(365.25 * years)
    path = workdir / f"mufg_{rows}rows_{days}d_s{SEED}_g{GEN_VERSION}.csv"
    if path.exists():
        return path, None
    say(f"generating {rows:,}-row MUFG statement")
    start = time.perf_counter()
    write_mufg(path, rows, SEED + rows, date(2019, 1, 7), days)
    return path, time.perf_counter() - start


# --- the mixed-layout folder (sample_statements/make_samples.py) -------------------------------

_samples = None


def samples_module():
    """Import sample_statements/make_samples.py (not a package) once per process."""
    global _samples
    if _samples is None:
        spec = importlib.util.spec_from_file_location("make_samples", SAMPLES)
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_samples"] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
        _samples = module
    return _samples


def _mixed_one(job: tuple[int, str, float]) -> int:
    """Write statement number i of the folder; return its row count."""
    i, folder, months = job
    m = samples_module()
    templates = {plan.layout: plan for plan in m.PLANS}
    layout = MIXED_LAYOUTS[i % len(MIXED_LAYOUTS)]
    plan = templates[layout]
    start = date(2017, 1, 2) + timedelta(days=(i * 7919) % 2000)
    end = start + timedelta(days=round(months * 30.44))
    old_start, old_end = date.fromisoformat(plan.start), date.fromisoformat(plan.end)
    room = (end - start) - (old_end - old_start)
    shift = (start - old_start) + room * ((i * 31) % 97) / 97
    hits = () if i % 4 == 3 else tuple(  # every 4th statement is clean
        ((datetime.fromisoformat(stamp) + timedelta(days=shift.days)).isoformat(sep=" ")
         [:len(stamp)], amount, text) for stamp, amount, text in plan.hits)
    account = None if plan.account is None else (
        plan.account[:-4] + f"{(int(plan.account[-4:]) + i) % 10000:04d}")
    plan = replace(plan, start=start.isoformat(), end=end.isoformat(), hits=hits,
                   account=account, pinned=())
    m.SEED = f"auditor-bench/{SEED}/{i}"  # build() seeds its generator from this and the layout
    statement = m.build(plan)
    Path(folder, f"{i:05d}_{layout}.csv").write_bytes(m.render(statement))
    return len(statement.rows)


def mixed_input(workdir: Path, files: int, rows: int, jobs: int) -> tuple[Path, dict, float | None]:
    """The cached folder of statements, generated in parallel if missing."""
    months = rows / 10.4  # make_samples writes about 10.4 rows a month
    digest = hashlib.sha1(SAMPLES.read_bytes()).hexdigest()[:8]
    folder = workdir / f"mixed_{files}x{rows}_s{SEED}_g{GEN_VERSION}_{digest}"
    stamp = folder / ".complete.json"
    if stamp.exists():
        return folder, json.loads(stamp.read_text()), None
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    say(f"generating {files:,} statements of ~{rows} rows in {len(MIXED_LAYOUTS)} layouts "
        f"on {jobs} processes (sample_statements/make_samples.py)")
    start = time.perf_counter()
    work = [(i, str(folder), months) for i in range(files)]
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else None)
    with context.Pool(jobs) as pool:
        counts = pool.map(_mixed_one, work, chunksize=50)
    seconds = time.perf_counter() - start
    info = {"files": files, "rows_total": sum(counts), "rows_mean": sum(counts) / len(counts),
            "rows_min": min(counts), "rows_max": max(counts),
            "bytes": sum(p.stat().st_size for p in folder.iterdir() if p.suffix == ".csv"),
            "layouts": list(MIXED_LAYOUTS), "make_samples_sha1": digest}
    stamp.write_text(json.dumps(info))
    return folder, info, seconds


def subset(folder: Path, every: int) -> Path:
    """Every n-th file of the folder (hard links, same bytes), for the one-core run."""
    target = folder.with_name(f"{folder.name}_every{every}")
    stamp = target / ".complete"
    if stamp.exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for index, path in enumerate(sorted(folder.glob("*.csv"))):
        if index % every == 0:
            try:
                os.link(path, target / path.name)
            except OSError:
                shutil.copyfile(path, target / path.name)
    stamp.write_text("")
    return target


# --- the machine --------------------------------------------------------------------------------


def machine() -> dict[str, object]:
    def proc_field(path: str, key: str) -> str | None:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return None

    memory = proc_field("/proc/meminfo", "MemTotal")
    versions = subprocess.run(
        [sys.executable, "-c", "import numpy, pandas; print(pandas.__version__, numpy.__version__)"],
        capture_output=True, text=True).stdout.split() or ["unknown", "unknown"]
    return {
        "nproc": os.cpu_count(),
        "cpu": proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "memory": f"{int(memory.split()[0]) / 1024 ** 2:.1f} GiB" if memory else "unknown",
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_version()} ({sys.executable})",
        "pandas": f"{versions[0]} (numpy {versions[-1]})",
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", "(unset)"),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg())
        if hasattr(os, "getloadavg") else "n/a",
    }


def git_state() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "auditor"],
                               capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}" + (f" + {len(dirty)} changed/new paths under auditor/" if dirty else "")


# --- the report ----------------------------------------------------------------------------------


@dataclass
class Line:
    figure: str
    value: str
    target: str = ""
    result: str = ""  # PASS, FAIL, n/a or ""


class Report:
    def __init__(self) -> None:
        self.sections: list[tuple[str, list[Line]]] = []
        self.data: dict[str, object] = {}
        self.failed: list[str] = []
        self.checked: list[str] = []
        self.load: list[tuple[float, str]] = []  # (cores used by other processes, what ran)

    def usage(self, run: Run, what: str) -> str:
        """`12.1 s CPU, other load 0.3 cores`, remembering the load for the summary."""
        parts = []
        if run.cpu is not None:
            parts.append(f"{run.cpu:.1f} s CPU ({run.cpu / max(run.wall, 1e-6):.2f} cores)")
        if run.others is not None:
            steal = f" + {run.steal:.2f} stolen" if run.steal and run.steal >= 0.05 else ""
            parts.append(f"other load {run.others:.2f} cores{steal}")
            self.load.append((run.others + (run.steal or 0), what))
        return ", ".join(parts)

    def section(self, title: str) -> list[Line]:
        lines: list[Line] = []
        self.sections.append((title, lines))
        return lines

    def target(self, lines: list[Line], figure: str, value: str, target: str,
               ok: bool | None) -> None:
        result = "n/a" if ok is None else ("PASS" if ok else "FAIL")
        lines.append(Line(figure, value, target, result))
        if ok is not None:
            self.checked.append(figure)
        if ok is False:
            self.failed.append(f"{figure}: {value} (target {target})")

    def text(self) -> str:
        """Sections of `figure  RESULT  value  (target ...)`, the results in one column."""
        out: list[str] = []
        width = max((len(l.figure) for _, ls in self.sections for l in ls), default=20)
        for title, lines in self.sections:
            out += ["", title, "-" * min(len(title), 100)]
            for l in lines:
                target = f"   (target {l.target})" if l.target else ""
                out.append(f"  {l.figure:<{width}}  {l.result:<4}  {l.value}{target}".rstrip())
        return "\n".join(out)


def mb(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 1e6:,.0f} MB"


def secs(s: float) -> str:
    return f"{s:.3f} s" if s < 10 else f"{s:.1f} s"


# --- the measurements ------------------------------------------------------------------------------


def last_error(run: Run) -> str:
    """The child's last stderr line, and how many there were, for a FAILED line."""
    lines = [line.strip() for line in run.stderr.splitlines() if line.strip()]
    if not lines:
        return f"exit {run.code}, nothing on stderr"
    more = f" ({len(lines)} lines on stderr)" if len(lines) > 1 else ""
    return f"exit {run.code}: {lines[-1][:200]}{more}"


def ok_scan(run: Run) -> bool:
    return run.code in (0, 1)  # 1 = findings at or above --fail-on: the normal outcome here


def scan_outcome(out: Path) -> dict[str, object]:
    """Rows read, errors and findings, from a scan's JSON output."""
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return {"error": f"no JSON output ({type(exc).__name__})"}
    files = data.get("files", [])
    return {
        "files": len(files),
        "rows": sum(f.get("rows") or 0 for f in files),
        "rejected": sum(len(f.get("rejected") or ()) for f in files),
        "file_errors": sum(1 for f in files if f.get("error")),
        "layouts": sorted({f.get("layout") for f in files if f.get("layout")}),
        "findings": len(data.get("findings", [])),
        "json_bytes": out.stat().st_size,
    }


def pandas_code(path: Path) -> str:
    return ("import time, pandas as pd\n"
            "t = time.perf_counter()\n"
            f"pd.read_csv({str(path)!r}, encoding='cp932', thousands=',')\n"
            "print(time.perf_counter() - t)")


def measure_large(args, auditor: list[str], inputs: dict[int, Path],
                  outdir: Path) -> dict[int, tuple[Best, Best, list[float]]]:
    """Run pandas and the scan on every size, round by round, so that a busy spell of a
    shared machine hits every size alike (size by size, it once made 100k rows look twice
    as slow per row as 1M). Returns per size: best pandas run, best scan, read_csv times."""
    measured = {rows: (Best(), Best(), []) for rows in inputs}
    for path in inputs.values():
        warm(path)
    for attempt in range(max(args.repeat, args.repeat_large)):
        for rows, path in inputs.items():
            repeat = args.repeat if rows < 1_000_000 else args.repeat_large
            if attempt >= repeat:
                continue
            pandas_best, scan_best, reads = measured[rows]
            say(f"{rows:,} rows: pandas.read_csv, run {attempt + 1}/{repeat}")
            run = pandas_best.add(run_child([sys.executable, "-c", pandas_code(path)],
                                            capture=True))
            if run.code == 0:
                reads.append(float(run.stdout.split()[-1]))
            say(f"{rows:,} rows: auditor scan, run {attempt + 1}/{repeat}")
            max_size = ["--max-size", str(path.stat().st_size // 1_000_000 + 1)]  # default 100 MB
            scan_best.add(run_child([*auditor, "scan", str(path), "--format", "json", *max_size],
                                    stdout=outdir / f"scan_{rows}.json"))
    return measured


def bench_large(report: Report, args, auditor: list[str], inputs: dict[int, Path],
                outdir: Path, fixed_cost: float) -> None:
    lines = report.section("1. One large statement: 三菱UFJ layout, CP932 (auditor scan FILE "
                           "--format json > out.json, vs pandas.read_csv in its own process)")
    lines.append(Line("", "both walls include interpreter start-up and imports; "
                          "read = pd.read_csv alone, timed inside the pandas process"))
    per_row: dict[int, float] = {}
    figures: dict[str, object] = {}
    measured = measure_large(args, auditor, inputs, outdir)
    for rows, path in inputs.items():
        size = path.stat().st_size
        pandas_best, scan_best, reads = measured[rows]
        out = outdir / f"scan_{rows}.json"
        label = f"{rows:,} rows"
        lines.append(Line(f"{label}: file", f"{mb(size)} ({path.name})"))
        if pandas_best.best.code != 0:
            lines.append(Line(f"{label}: pandas", f"FAILED: {last_error(pandas_best.best)}"))
            continue
        lines.append(Line(f"{label}: pandas process",
                          f"{secs(pandas_best.wall)} wall (read {secs(min(reads))}), "
                          f"peak {mb(pandas_best.peak)}; "
                          + report.usage(pandas_best.best, f"pandas {label}")))
        scan = scan_best.best
        outcome = scan_outcome(out) if ok_scan(scan) else {"error": f"exit {scan.code}"}
        if not ok_scan(scan) or outcome.get("error") or outcome.get("rows") != rows:
            detail = outcome.get("error") or f"read {outcome.get('rows')} of {rows} rows"
            lines.append(Line(f"{label}: auditor scan", f"FAILED ({detail}), {last_error(scan)}"))
            if rows == 1_000_000:
                report.target(lines, "1M rows: scan / pandas time", "scan failed",
                              f"<= {TARGET_PANDAS_RATIO}x", False)
            continue
        ratio = scan_best.wall / pandas_best.wall
        per_row[rows] = max(scan_best.wall - fixed_cost, 0.0) / rows * 1e6
        lines.append(Line(f"{label}: auditor scan",
                          f"{secs(scan_best.wall)} wall, peak {mb(scan_best.peak)}; "
                          + report.usage(scan, f"scan {label}")))
        lines.append(Line(f"{label}: scan output",
                          f"{outcome['rows']:,} rows, {outcome['rejected']} rejected, "
                          f"{outcome['findings']:,} findings, {mb(outcome['json_bytes'])} JSON"))
        lines.append(Line(f"{label}: per row", f"{per_row[rows]:.2f} µs/row net of the 300-row "
                                               f"scan; {(scan_best.peak or 0) / rows:,.0f} B/row"))
        if rows == 1_000_000:
            report.target(lines, "1M rows: scan / pandas time", f"{ratio:.2f}x",
                          f"<= {TARGET_PANDAS_RATIO}x", ratio <= TARGET_PANDAS_RATIO)
            report.target(lines, "1M rows: scan peak memory", mb(scan_best.peak), "< 1,500 MB",
                          None if scan_best.peak is None else scan_best.peak < TARGET_PEAK_BYTES)
        else:
            lines.append(Line(f"{label}: scan / pandas time", f"{ratio:.2f}x"))
        figures[str(rows)] = {"file_bytes": size, "pandas": pandas_best.figures(),
                              "pandas_read_s": min(reads), "scan": scan_best.figures(),
                              "ratio": ratio, "us_per_row_net": per_row[rows], **outcome}
    if len(per_row) >= 2:
        spread = max(per_row.values()) / max(min(per_row.values()), 1e-9)
        shown = ", ".join(f"{r // 1000:,}k {v:.2f}" for r, v in per_row.items())
        report.target(lines, "linear in rows: µs/row max/min", f"{spread:.2f} ({shown})",
                      f"<= {TARGET_LINEAR}", spread <= TARGET_LINEAR)
    report.data["large"] = figures


def bench_folder(report: Report, args, auditor: list[str], folder: Path, info: dict,
                 outdir: Path) -> None:
    jobs = args.jobs or os.cpu_count() or 1
    every = max(1, args.files // args.single_core_files) if args.single_core_files else 1
    single = subset(folder, every) if every > 1 else folder
    lines = report.section(f"2. A folder of {info['files']:,} statements, ~{args.rows_per_file} "
                           f"rows each, {len(MIXED_LAYOUTS)} layouts (auditor scan DIR "
                           f"--format json -o OUT --quiet --jobs N)")
    lines.append(Line("folder", f"{info['files']:,} files, {info['rows_total']:,} rows "
                                f"({info['rows_min']}-{info['rows_max']}, mean "
                                f"{info['rows_mean']:.0f}), {mb(info['bytes'])}; "
                                f"{', '.join(MIXED_LAYOUTS)}"))
    results: dict[int, tuple[Run, dict, int]] = {}
    for n, where in [(1, single)] + ([(jobs, folder)] if jobs > 1 else []):
        count = sum(1 for _ in where.glob("*.csv"))
        out = outdir / f"folder_jobs{n}.json"
        say(f"folder scan: {count:,} files, --jobs {n}")
        run = run_child([*auditor, "scan", str(where), "--format", "json", "-o", str(out),
                         "--quiet", "--jobs", str(n)])
        outcome = scan_outcome(out) if ok_scan(run) else {"error": f"exit {run.code}"}
        results[n] = (run, outcome, count)
        if not ok_scan(run) or outcome.get("error") or outcome.get("file_errors"):
            detail = outcome.get("error") or f"{outcome.get('file_errors')} files not read"
            lines.append(Line(f"--jobs {n}", f"FAILED ({detail}), {last_error(run)}"))
            continue
        note = "" if where == folder else f" (1 in {every} of the folder's files)"
        lines.append(Line(f"--jobs {n}", f"{count / run.wall:,.1f} files/s: {count:,} files"
                                         f"{note} in {secs(run.wall)}, "
                                         f"{outcome['findings']:,} findings"))
        lines.append(Line("", f"peak {mb(run.peak)} (largest process); "
                              + report.usage(run, f"folder --jobs {n}")))
        if outcome.get("rejected"):
            lines.append(Line("", f"{outcome['rejected']} rows rejected"))
    report.data["folder"] = {str(n): {"files": c, "wall_s": r.wall, "files_per_s": c / r.wall,
                                      "peak_bytes": r.peak, **o}
                             for n, (r, o, c) in results.items()}
    good = [n for n, (r, o, _) in results.items() if ok_scan(r) and not o.get("error")
            and not o.get("file_errors")]
    files_per_s(report, lines, results, jobs if jobs in good else None)
    if jobs == 1:
        report.target(lines, "speed-up on all cores", "one core only", f">= {TARGET_SPEEDUP}x",
                      None)
    elif len(good) == 2:
        rate = {n: results[n][2] / results[n][0].wall for n in results}
        speedup = rate[jobs] / rate[1]
        target = f">= {TARGET_SPEEDUP}x" + ("" if jobs == 2 else " (set for 2)")
        report.target(lines, f"speed-up, {jobs} cores / 1", f"{speedup:.2f}x", target,
                      speedup >= TARGET_SPEEDUP)
        report.data["folder"]["speedup"] = speedup
    else:
        report.target(lines, f"speed-up, {jobs} cores / 1", "scan failed", f">= {TARGET_SPEEDUP}x",
                      False)


def files_per_s(report: Report, lines: list[Line], results: dict[int, tuple[Run, dict, int]],
                jobs: int | None) -> None:
    """The all-core folder rate against its target (set for 2 cores, as the machine has)."""
    target = f">= {TARGET_FILES_PER_S:,} files/s" + ("" if jobs in (None, 2) else " (set for 2)")
    if jobs is None:
        report.target(lines, "files/s, all cores", "scan failed", target, False)
        return
    run, _, count = results[jobs]
    rate = count / run.wall
    report.target(lines, f"files/s, {jobs} cores", f"{rate:,.0f}", target,
                  rate >= TARGET_FILES_PER_S)
    report.data["folder"]["target_files_per_s"] = TARGET_FILES_PER_S


def bench_stitched(report: Report, args, auditor: list[str], workdir: Path) -> None:
    """Twelve monthly downloads of one account, stitched, against the same files alone."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import stitched

    lines = report.section("4. Twelve monthly downloads of one account, ~300 rows each, "
                           "stitched (benchmarks/stitched.py)")
    say("stitched: 12 monthly files as one account, and as twelve")
    figures = stitched.measure(auditor, workdir / "stitched", repeat=args.repeat_large)
    lines.append(Line("stitched", f"{secs(figures['stitched_s'])} best; the same files as "
                                  f"twelve accounts {secs(figures['unstitched_s'])} best"))
    ratio = figures["ratio"]
    report.target(lines, "stitched / each alone", f"{ratio:.2f}x (median of pairs)",
                  f"<= {stitched.TARGET_RATIO}x", ratio <= stitched.TARGET_RATIO)
    report.data["stitched"] = figures


def bench_export(report: Report, args, auditor: list[str], workdir: Path) -> None:
    """A bank's export of 200k accounts on 2 and 1 local Dask workers (export_dask.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import export_dask as ed

    lines = report.section("5. A bank export on Dask: make_bank.py export, 全銀協 13 columns, "
                           "CP932 (auditor scan EXPORT --engine dask --scheduler ADDRESS)")
    lines.append(Line("", "a fresh LocalCluster per run (worker processes, 1 thread each), "
                          "its start outside the time; peak = the highest worker VmHWM"))
    try:
        import distributed  # noqa: F401
    except ImportError:
        lines.append(Line("skipped", "Dask is not installed: pip install -e '.[dask]'"))
        return
    figures = ed.measure(auditor, workdir / "export", [200_000, 40_000], args.repeat, say)
    report.data["export_dask"] = figures
    big, small = (f for f in figures.values() if f["workers"] == 2)
    one = next(f for f in figures.values() if f["workers"] == 1 and f["rows"] == big["rows"])
    for f in figures.values():
        lines.append(Line(f"{f['rows']:,} rows, {f['workers']} worker(s)",
                          f"{secs(f['wall_s'])} best, {f['rows_per_s']:,.0f} rows/s, peak "
                          f"{mb(f['peak_bytes'])} a worker, {f['findings']:,} findings"))
    report.target(lines, "10M rows on 2 workers", f"{big['rows_per_s']:,.0f} rows/s",
                  f">= {ed.TARGET_ROWS_S:,}", big["rows_per_s"] >= ed.TARGET_ROWS_S)
    peak = max(big["peak_bytes"], small["peak_bytes"])
    report.target(lines, "peak a worker", f"{mb(big['peak_bytes'])} at 10M rows, "
                  f"{mb(small['peak_bytes'])} at 2M", f"<= {mb(int(ed.TARGET_PEAK))}",
                  peak <= ed.TARGET_PEAK)
    speedup = big["rows_per_s"] / one["rows_per_s"]
    report.target(lines, "2 workers / 1", f"{speedup:.2f}x", f">= {ed.TARGET_SCALING}x",
                  speedup >= ed.TARGET_SCALING)


def import_check(auditor_script: Path | None, argv: list[str]) -> tuple[bool | None, dict]:
    """Run `python -X importtime auditor ARGV`: was pandas imported, and what took longest."""
    if auditor_script is None:
        cmd = [sys.executable, "-X", "importtime", "-m", "auditor", *argv]
    else:
        cmd = [sys.executable, "-X", "importtime", str(auditor_script), *argv]
    run = run_child(cmd)
    top: list[tuple[int, str]] = []
    names: set[str] = set()
    for line in run.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            names.add(match.group(4))
            if len(match.group(3)) == 1:  # nesting is shown by two more spaces a level
                top.append((int(match.group(2)), match.group(4)))
    if not names:
        return None, {"error": run.stderr[-300:]}
    top.sort(reverse=True)
    return "pandas" in names, {"modules": len(names), "numpy": "numpy" in names,
                               "top_level_us": sum(us for us, _ in top),
                               "slowest": [f"{n} {us / 1000:.0f} ms" for us, n in top[:4]]}


def bench_startup(report: Report, args, auditor: list[str], auditor_script: Path | None,
                  small: Path, outdir: Path) -> float:
    lines = report.section("3. Start-up and a 300-row statement (best of "
                           f"{max(args.repeat, 5)})")
    repeat = max(args.repeat, 5)
    say("start-up: python -c pass, auditor --version, --help, a 300-row scan")
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "auditor --version": [*auditor, "--version"],
        "auditor --help": [*auditor, "--help"],
        "auditor scan (300 rows)": [*auditor, "scan", str(small), "--format", "json"],
    }
    warm(small)
    best = {name: Best() for name in cases}
    for _ in range(repeat):  # interleaved, so that a busy moment hits every case alike
        for name, cmd in cases.items():
            out = outdir / "scan_300.json" if "scan" in name else None
            best[name].add(run_child(cmd, stdout=out))
    base = best["python -c pass"].wall
    lines.append(Line("python -c pass", f"{secs(base)}, peak {mb(best['python -c pass'].peak)}"))
    for name, limit in (("auditor --version", TARGET_STARTUP_S), ("auditor --help", TARGET_STARTUP_S),
                        ("auditor scan (300 rows)", TARGET_SMALL_SCAN_S)):
        run = best[name]
        ok = run.best.code in (0, 1)
        value = (f"{secs(run.wall)} (python -c pass + {run.wall - base:.3f} s), peak {mb(run.peak)}"
                 if ok else last_error(run.best))
        if name.startswith("auditor scan") and ok:
            outcome = scan_outcome(outdir / "scan_300.json")
            value += f", {outcome.get('rows')} rows, {outcome.get('findings')} findings"
        if ok:
            value += "; " + report.usage(run.best, name)
        report.target(lines, name, value, f"< {limit} s", ok and run.wall < limit)
    imports = {}
    for argv in (["--help"], ["--version"]):
        name = f"auditor {argv[0]} imports pandas"
        pandas_loaded, detail = import_check(auditor_script, argv)
        imports[argv[0]] = {"pandas": pandas_loaded, **detail}
        value = ("unknown: " + str(detail.get("error"))) if pandas_loaded is None else (
            f"{'yes' if pandas_loaded else 'no'} ({detail['modules']} modules, numpy "
            f"{'yes' if detail['numpy'] else 'no'}; slowest: {', '.join(detail['slowest'])})")
        report.target(lines, name, value, "no", None if pandas_loaded is None else not pandas_loaded)
    report.data["startup"] = {name: b.figures() for name, b in best.items()}
    report.data["imports"] = imports
    return best["auditor scan (300 rows)"].wall


def identify_check(report: Report, auditor: list[str], folder: Path) -> None:
    """auditor identify on the first file of each layout: the right layout, nothing rejected."""
    lines = report.sections[1][1]
    first = {}
    for path in sorted(folder.glob("*.csv")):
        layout = path.stem.split("_", 1)[1]
        first.setdefault(layout, path)
        if len(first) == len(MIXED_LAYOUTS):
            break
    run = run_child([*auditor, "identify", "--format", "json", *map(str, first.values())],
                    capture=True)
    try:
        found = {Path(f["path"]).stem.split("_", 1)[1]: f for f in json.loads(run.stdout)["files"]}
    except (ValueError, KeyError):
        report.target(lines, "auditor identify", last_error(run),
                      "all layouts", False)
        return
    wrong = [f"{want}->{f.get('layout')}" for want, f in found.items()
             if f.get("layout") != want or f.get("rejected") or f.get("error")]
    value = (f"{len(found) - len(wrong)}/{len(first)} recognised, none rejected"
             if not wrong else "wrong: " + ", ".join(wrong))
    report.target(lines, "auditor identify (1 file per layout)", value, "all layouts", not wrong)


def profile_large(report: Report, path: Path, outdir: Path, auditor_script: Path | None) -> None:
    """cProfile one scan of the file and list the top entries by cumulative time."""
    import pstats

    say(f"profiling a scan of {path.name}")
    prof = outdir / "scan.prof"
    size = path.stat().st_size
    run = run_child([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "auditor", "scan",
                     str(path), "--format", "json", "--max-size", str(size // 1_000_000 + 1)],
                    stdout=outdir / "profiled.json")
    lines = report.section(f"Profile: auditor scan {path.name} under cProfile ({secs(run.wall)}; "
                           "auditor's functions by cumulative time, then all by own time)")
    if not prof.exists():
        lines.append(Line("cProfile", f"failed: {last_error(run)}"))
        return
    stats = pstats.Stats(str(prof))
    rows = []
    for (filename, lineno, func), (_, calls, tottime, cumtime, _) in stats.stats.items():
        where = filename.replace(str(ROOT) + os.sep, "")
        where = re.sub(r".*site-packages/", "", where)
        rows.append((cumtime, tottime, calls, f"{where}:{lineno}({func})"))
    own_code = [r for r in rows if r[3].startswith("auditor/") and "cli/" not in r[3]
                and "__main__" not in r[3] and "batch.py" not in r[3]]
    for cumtime, tottime, calls, name in sorted(own_code, reverse=True)[:20]:
        lines.append(Line(f"{cumtime:7.2f} s cumulative", f"{calls:>9,} calls  {name}"))
    lines.append(Line("", ""))
    for cumtime, tottime, calls, name in sorted(rows, key=lambda r: r[1], reverse=True)[:12]:
        lines.append(Line(f"{tottime:7.2f} s own", f"{calls:>9,} calls  {name}"))


# --- main ---------------------------------------------------------------------------------------


def find_auditor(given: str | None) -> tuple[list[str], Path | None]:
    """The auditor command (next to this interpreter first) and its script, if Python."""
    candidate = Path(given) if given else Path(sys.executable).with_name("auditor")
    if not candidate.exists():
        found = shutil.which(given or "auditor")
        candidate = Path(found) if found else None
    if candidate is None:
        return [sys.executable, "-m", "auditor"], None
    try:
        script = candidate if candidate.read_bytes()[:2] == b"#!" else None
    except OSError:
        script = None
    return [str(candidate)], script


_COMPILE = """\
import compileall, importlib.util, os, auditor
folder = os.path.dirname(auditor.__file__)
sources = [os.path.join(d, n) for d, _, names in os.walk(folder)
           for n in names if n.endswith(".py")]
missing = sum(not os.path.exists(importlib.util.cache_from_source(s)) for s in sources)
print(missing if compileall.compile_dir(folder, quiet=1) else -1)
"""


def ensure_bytecode(auditor_script: Path | None) -> str:
    """Compile auditor's modules where they have no current .pyc, as `pip install .` does.

    An editable install under PYTHONDONTWRITEBYTECODE=1 keeps no bytecode, so every start
    would compile the whole package again (about 0.4 s here): a cost no installed copy has.
    """
    python = sys.executable
    if auditor_script is not None:
        first = auditor_script.read_bytes().split(b"\n", 1)[0]
        interpreter = first[2:].decode(errors="replace").strip().split(" ")[0]
        python = interpreter if Path(interpreter).exists() else python
    done = subprocess.run([python, "-c", _COMPILE], capture_output=True, text=True, check=False)
    count = done.stdout.strip()
    if done.returncode != 0 or count in ("", "-1"):
        return "could not be compiled: start-up figures include compiling auditor"
    return "present" if count == "0" else f"{count} modules compiled before measuring"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark auditor against pandas.read_csv, across cores and at start-up.")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR,
                        help=f"where inputs are generated and cached (default {DEFAULT_WORKDIR})")
    parser.add_argument("--keep", action="store_true",
                        help="keep this run's outputs (scan JSON, profile) in WORKDIR/out")
    parser.add_argument("--clean", action="store_true",
                        help="delete WORKDIR, generated inputs included, at the end")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each small measurement, best kept (default 3; start-up "
                             "uses at least 5)")
    parser.add_argument("--repeat-large", type=int, default=5,
                        help="runs of the 1M and 3M measurements, best kept (default 5: one "
                             "run of each side is at the mercy of a shared machine)")
    parser.add_argument("--skip-3m", action="store_true", help="leave out the 3,000,000-row file")
    parser.add_argument("--skip-export", action="store_true",
                        help="leave out the bank export on Dask (10M and 2M rows; section 5)")
    parser.add_argument("--files", type=int, default=10_000, help="statements in the folder")
    parser.add_argument("--rows-per-file", type=int, default=300,
                        help="about this many rows per statement in the folder")
    parser.add_argument("--single-core-files", type=int, default=1_000,
                        help="the --jobs 1 scan reads N of the folder's files, evenly spread "
                             "(default 1,000; 0: all of them)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="cores for the all-core folder scan (default: os.cpu_count())")
    parser.add_argument("--auditor", default=None,
                        help="the auditor command (default: the one next to this python)")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one 1M-row scan and list where the time goes")
    parser.add_argument("--json", type=Path, default=None, help="also save every figure here")
    args = parser.parse_args(argv)
    if args.files < 1 or args.rows_per_file < 10 or args.repeat < 1 or args.repeat_large < 1:
        parser.error("--files, --rows-per-file, --repeat and --repeat-large must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = shlex.join([sys.executable, *sys.argv])
    started = datetime.now().astimezone()
    auditor, auditor_script = find_auditor(args.auditor)
    choose_method()
    workdir: Path = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    outdir = workdir / "out"
    shutil.rmtree(outdir, ignore_errors=True)
    outdir.mkdir()
    report = Report()
    info = machine()
    bytecode = ensure_bytecode(auditor_script)
    version = run_child([*auditor, "--version"], capture=True).stdout.strip() or "unknown"

    head = report.section("Machine and run")
    for key, value in (("date", started.isoformat(timespec="seconds")), ("command", command),
                       ("cwd", os.getcwd()), ("auditor", f"{version} ({' '.join(auditor)})"),
                       ("source", f"{ROOT} at {git_state()}"), ("auditor bytecode", bytecode),
                       *info.items(),
                       ("measured by", MEASURED_BY[METHOD])):
        head.append(Line(str(key), str(value)))

    gen = report.section("Inputs (generated once, then reused from --workdir)")
    sizes = [100_000, 1_000_000] + ([] if args.skip_3m else [3_000_000])
    inputs: dict[int, Path] = {}
    generated: dict[str, float | None] = {}
    for rows in sizes:
        path, seconds = mufg_input(workdir, rows, 3)
        inputs[rows] = path
        generated[f"mufg_{rows}"] = seconds
        gen.append(Line(f"MUFG {rows:,} rows", f"{mb(path.stat().st_size)}, 2019-01 to 2022-01, "
                        + (f"generated in {secs(seconds)}" if seconds is not None else "reused")))
    small, seconds = mufg_input(workdir, 300, 1)
    gen.append(Line("MUFG 300 rows", f"{small.stat().st_size / 1e3:.0f} kB, one year, "
                    + (f"generated in {secs(seconds)}" if seconds is not None else "reused")))
    jobs = args.jobs or os.cpu_count() or 1
    folder, folder_info, seconds = mixed_input(workdir, args.files, args.rows_per_file, jobs)
    generated["mixed"] = seconds
    gen.append(Line("mixed folder", f"{folder_info['files']:,} files, {mb(folder_info['bytes'])}, "
                    + (f"generated in {secs(seconds)}" if seconds is not None else "reused")))
    identify_check(report, auditor, folder)

    fixed = bench_startup(report, args, auditor, auditor_script, small, outdir)
    bench_large(report, args, auditor, inputs, outdir, fixed)
    bench_folder(report, args, auditor, folder, folder_info, outdir)
    bench_stitched(report, args, auditor, workdir)
    if not args.skip_export:
        bench_export(report, args, auditor, workdir)
    # Start-up is measured first (before the long runs heat the machine), printed third.
    report.sections.append(report.sections.pop(2))
    if args.profile:
        profile_large(report, inputs[1_000_000], outdir, auditor_script)

    total = time.perf_counter() - T0
    summary = report.section("Summary")
    summary.append(Line("targets", f"{len(report.checked) - len(report.failed)} of "
                                   f"{len(report.checked)} met"))
    for failure in report.failed:
        summary.append(Line("FAILED", failure))
    if hasattr(os, "getloadavg"):
        summary.append(Line("load average at end", " ".join(f"{x:.2f}" for x in os.getloadavg())
                            + f" (on {os.cpu_count()} cores)"))
    if report.load:
        worst, what = max(report.load)
        busy = worst >= 0.25
        summary.append(Line("other load", f"other processes (and the hypervisor) took up to "
                            f"{worst:.2f} cores during a measurement ({what})" + (
                                "; WARNING: the machine was shared, so wall times are pessimistic, "
                                "the multi-core speed-up most" if busy else "")))
    summary.append(Line("run time", f"{total / 60:.1f} min ({total:.0f} s), generation "
                                    f"{sum(s for s in generated.values() if s) :.0f} s of it"))
    print(report.text().lstrip("\n"))

    if args.json:
        report.data.update({"date": started.isoformat(timespec="seconds"), "command": command,
                            "machine": info, "auditor": version, "source": git_state(),
                            "auditor_bytecode": bytecode,
                            "generation_s": generated, "failed": report.failed,
                            "targets_checked": report.checked, "run_time_s": total})
        args.json.write_text(json.dumps(report.data, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    if not args.keep:
        shutil.rmtree(outdir, ignore_errors=True)
    if args.clean:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

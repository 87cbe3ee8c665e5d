"""One account's year cut into overlapping monthly downloads, with the ground truth.

    year = downloads("mufg", seed=3, overlap=7, duplicate=True, missing=5)
    for one in year.downloads:          # name, data (the file's bytes), rows, lines, period
        path = tmp_path / one.name; path.write_bytes(one.data)
    year.rows                           # the whole year, oldest first (make_samples Rows)
    year.repeats[name]                  # groups of identical rows inside one download
    pieces(year, [(0, 40), (30, 90)])   # any rows of the year as files (row index spans)

The year is one holder of benchmarks/make_bank.py's synthetic bank (pay, rent, bills, cash,
shopping, their own wallets and same-brand bills), rendered by sample_statements/
make_samples.py in any of its layouts, so every file is byte for byte what that bank ships.
On top of it the year holds:

- a ドコモ口座 burst (¥100k/¥90k/¥90k/¥20k within two minutes) on a day inside an overlap
  (``year.flagged``); where the bank prints no time its two ¥90,000 rows are identical;
- a debit charged twice at the same second inside another overlap, and one outside any
  overlap: identical repeats even where the bank prints times.

Download k covers month k from its first day to ``overlap`` days into the next month (the
last stops at the year's end); ``missing`` leaves month k out (its first days may still be in
the download before); ``duplicate`` adds a copy of one download under the name a browser
gives a second download (same bytes). Names carry the account number or not (``names``);
ゆうちょ, みずほ and old 新生 also print it in the preamble. ``balance`` is "column" (as the
bank prints it), "blank" (the column kept, every cell empty) or "none" (the column dropped:
such files are read with the generic layout, which cannot read the layouts in
NO_GENERIC_WITHOUT_BALANCE). Rows identical "as printed" agree in every cell but the balance
and the bank's own row number or ID (明細通番, 取引順番号, 入出金明細ＩＤ, 照会番号, 番号).

Cheap: in memory, about a hundredth of a second per year (built for hypothesis tests).
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks" / "bank"), str(ROOT / "benchmarks" / "corpus")]

from bank_model import MAX_ACCOUNTS, Bank, account_number  # noqa: E402
from bank_write import statements  # noqa: E402
from corpus_model import ms  # noqa: E402
from corpus_wallets import usual_print  # noqa: E402

TIMED = ("paypay_bank", "jnb")
NO_GENERIC_WITHOUT_BALANCE = ("yucho", "paypay_bank", "jnb")  # split dates, 詳細１/２
ROW_IDS = frozenset({"balance", "seq", "seq3", "yucho_id", "ref"})
Balance = Literal["column", "blank", "none"]
Names = Literal["account", "plain", "mixed"]


@dataclass(frozen=True)
class Download:
    """One downloaded file and which of the year's rows it holds."""

    name: str
    data: bytes
    first: date  # the period asked for
    last: date
    rows: tuple[int, ...]  # indexes into Year.rows, oldest first
    lines: tuple[int, ...]  # the 1-based file line of each of those rows
    copy_of: str | None = None  # the download this one repeats byte for byte


@dataclass(frozen=True)
class Year:
    """The year, its downloads and what a stitcher must find."""

    statement: ms.Statement  # the whole year in the layout (balance as the bank prints it)
    downloads: tuple[Download, ...]
    missing: tuple[date, date] | None  # the month not downloaded
    uncovered: tuple[int, ...]  # rows in no download (inside the missing month)
    repeats: dict[str, tuple[tuple[int, ...], ...]]  # per download, identical rows (≥ 2)
    flagged: tuple[int, ...]  # the burst's rows, which a scan must flag
    account: str
    own: tuple[str, ...]  # the holder's wallets (their allow list)
    printed: ms.Layout  # the layout as the downloads print it (balance column or not)

    @property
    def rows(self) -> tuple[ms.Row, ...]:
        return self.statement.rows

    @property
    def layout(self) -> str:
        return self.statement.layout.id

    def write(self, folder: Path) -> list[Path]:
        """Write every download into folder, in order; return the paths."""
        paths = [folder / one.name for one in self.downloads]
        for path, one in zip(paths, self.downloads, strict=True):
            path.write_bytes(one.data)
        return paths


def downloads(layout: str = "mufg", *, seed: int = 0, start: date = date(2020, 1, 1),
              months: int = 12, rows: int = 150, overlap: int = 7, duplicate: bool = True,
              missing: int | None = None, balance: Balance = "column",
              names: Names = "mixed") -> Year:
    """Generate one account's year and cut it into monthly downloads (see the module doc)."""
    if months < 2 or not 0 <= overlap < 28 or (missing is not None and not 0 <= missing < months):
        raise ValueError("months ≥ 2, 0 ≤ overlap < 28 and 0 ≤ missing < months")
    bank = Bank(accounts=1, rows=rows, months=months, start=start, seed=f"downloads/{seed}",
                hit_share=0.0, layouts=(layout,))
    (_, plain), = statements(bank)
    rng = random.Random(f"downloads/{seed}/{layout}")
    plan = replace(plain.plan, account=account_number(layout, rng.randrange(MAX_ACCOUNTS)))
    firsts = bank.firsts
    extra, burst = injected(plain, firsts, overlap, missing, rng)
    txns = sorted([row.txn for row in plain.rows] + extra, key=lambda t: t.when)
    year = ms.assemble(plain.layout, plan, txns, plain.opening)
    printed = _printed_layout(year.layout, balance)
    made = _cut(year, printed, firsts, overlap, missing, names, rng)
    if duplicate:
        original = made[rng.randrange(len(made))]
        stem, dot, suffix = original.name.rpartition(".")
        copy = replace(original, name=f"{stem} (1).{suffix}", copy_of=original.name)
        made.insert(made.index(original) + 1, copy)
    covered = {index for one in made for index in one.rows}
    gap = None if missing is None else (firsts[missing], firsts[missing + 1] - timedelta(days=1))
    flagged = tuple(i for i, row in enumerate(year.rows) if row.txn in burst)
    keys = printed_keys(year, printed)
    return Year(year, tuple(made), gap,
                tuple(i for i in range(len(year.rows)) if i not in covered),
                {one.name: identical(keys, one.rows) for one in made}, flagged,
                year.plan.account or "", tuple(w for w, _ in year.plan.own), printed)


def injected(st: ms.Statement, firsts: list[date], overlap: int, missing: int | None,
             rng: random.Random) -> tuple[list[ms.Txn], list[ms.Txn]]:
    """The burst and the double charges, on days inside overlaps two downloads share."""
    shared = [k for k in range(1, len(firsts) - 1) if missing not in (k - 1, k)] or [1]
    rng.shuffle(shared)
    day = firsts[shared[0]] + timedelta(days=rng.randrange(max(1, overlap)))
    code, text = rng.choice(usual_print("docomo-koza", st.layout.id))
    when = datetime.combine(day, time(14, 5, rng.randrange(20)))
    burst = []
    for amount in (100000, 90000, 90000, 20000):
        burst.append(ms.Txn(when, amount, 0, "wallet", code, text, "flag"))
        when += timedelta(seconds=rng.randrange(12, 36))
    template = next((r.txn for r in st.rows if r.txn.tag == "own"),
                    next(r.txn for r in st.rows if r.txn.debit))
    inside = firsts[shared[-1]] + timedelta(days=rng.randrange(max(1, overlap)))
    kept = [k for k in range(len(firsts) - 1) if k != missing]
    outside = firsts[rng.choice(kept)] + timedelta(days=max(overlap, 14))
    twice = []
    for d in (inside, outside):
        moment = datetime.combine(d, time(rng.randrange(8, 22), rng.randrange(60)))
        twice += [replace(template, when=moment)] * 2
    return burst + twice, burst


def _printed_layout(layout: ms.Layout, balance: Balance) -> ms.Layout:
    if balance == "column":
        return layout
    roles = list(layout.columns)
    at = roles.index("balance")
    if balance == "blank":
        roles[at] = "blank"
        return replace(layout, id=f"{layout.id}_blank_balance", columns=tuple(roles))
    cells = layout.header.split(layout.delimiter)
    header = layout.delimiter.join(cells[:at] + cells[at + 1:])
    return replace(layout, id=f"{layout.id}_no_balance", header=header,
                   columns=tuple(roles[:at] + roles[at + 1:]))


def _cut(year: ms.Statement, printed: ms.Layout, firsts: list[date], overlap: int,
         missing: int | None, names: Names, rng: random.Random) -> list[Download]:
    out = []
    end = firsts[-1] - timedelta(days=1)
    for k in range(len(firsts) - 1):
        if k == missing:
            continue
        first, last = firsts[k], min(firsts[k + 1] - timedelta(days=1 - overlap), end)
        index = [i for i, r in enumerate(year.rows) if first <= r.txn.when.date() <= last]
        with_number = names == "account" or (names == "mixed" and rng.random() < 0.5)
        out.append(_piece(year, printed, index, first, last,
                          name_of(year.plan.account or "", first, last, with_number, rng)))
    return out


def _piece(year: ms.Statement, printed: ms.Layout, index: list[int], first: date, last: date,
           name: str) -> Download:
    """The year's rows ``index`` (consecutive, oldest first) as one downloaded file."""
    rows = tuple(ms.Row(n, year.rows[i].day_seq, year.rows[i].txn, year.rows[i].balance)
                 for n, i in enumerate(index, start=1))
    txn = rows[0].txn
    st = ms.Statement(printed, year.plan, rows, rows[0].balance - txn.credit + txn.debit)
    lines = ms.row_lines(st)
    return Download(name, ms.render(st), first, last, tuple(index),
                    tuple(lines[n] for n in range(1, len(rows) + 1)))


def pieces(year: Year, spans: list[tuple[int, int]]) -> list[Download]:
    """Rows start to stop (indexes into year.rows) of each span as a file, as printed.

    Cut anywhere, even inside a day: what a stitcher must put back together whatever the
    cut points and overlaps. Each file's account number is in its name.
    """
    out = []
    for number, (start, stop) in enumerate(spans, start=1):
        index = list(range(start, stop))
        first, last = (year.rows[i].txn.when.date() for i in (start, stop - 1))
        out.append(_piece(year.statement, year.printed, index, first, last,
                          f"{year.account}_part{number:02d}.csv"))
    return out


def name_of(account: str, first: date, last: date, with_number: bool,
            rng: random.Random) -> str:
    """A file name as banks and people give them, with or without the account number."""
    if with_number:
        return rng.choice((f"{account}_{first:%Y%m}.csv",
                           f"meisai_{account}_{first:%Y%m%d}-{last:%Y%m%d}.csv"))
    return rng.choice((f"statement_{first:%Y%m}.csv",
                       f"nyushukin_{first:%Y%m%d}_{last:%Y%m%d}.csv"))


def printed_keys(year: ms.Statement, printed: ms.Layout) -> list[tuple[str, ...]]:
    """Each row's cells as printed, but for the balance and the bank's row number or ID."""
    st = replace(year, layout=printed)
    roles = [role for role in printed.columns if role not in ROW_IDS]
    return [tuple(ms.cell(role, row, st) for role in roles) for row in year.rows]


def identical(keys: list[tuple[str, ...]], index: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """Groups (two or more) of the rows among index that print alike."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for i in index:
        groups.setdefault(keys[i], []).append(i)
    return tuple(tuple(g) for g in groups.values() if len(g) > 1)

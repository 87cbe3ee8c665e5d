"""Write the synthetic bank: a folder of statements or one export, with truth and accounts."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from bank_export import Writer
from bank_files import Columns, file_name, flagged, own_of, pattern_of, statement, summary, txns
from bank_hits import DESCRIBE, hit_rows
from bank_ledger import BLOCK, Totals, block_rows, by_date, openings, raised, running, signed
from bank_model import MAX_ACCOUNTS, Bank, Profile, Rows, number7, profiles
from bank_month import month_rows
from bank_what import WALLET_IDS
from corpus_model import ms

EXPORT_LAYOUT = "kyoto"  # 全銀協 13 columns, with 照会口座 on every row (bank-formats.md §1.14)
RENDER_ROWS = 250_000  # rows rendered at once: about 60 MB of byte grid
WINDOW_ROWS = 500_000  # rows of all accounts held at once in date order


@dataclass
class Made:
    """What was written, for the summary line and the truth header."""

    rows: int = 0
    hit_accounts: int = 0
    flag_rows: int = 0
    files: int = 0
    extra: dict[str, object] = field(default_factory=dict)


def prepare(bank: Bank) -> tuple[Profile, Rows, dict[int, int]]:
    """Holders, hit rows and the wallet each hit used."""
    if bank.accounts > MAX_ACCOUNTS:
        raise ValueError(f"at most {MAX_ACCOUNTS:,} accounts (7-digit account numbers)")
    prof = profiles(bank)
    hits, wallets = hit_rows(bank, prof)
    return prof, hits, wallets


def header(bank: Bank, mode: str, made: Made, row_format: list[str]) -> dict[str, object]:
    """The first line of truth.jsonl."""
    return {"schema": 1, "generator": "benchmarks/make_bank.py", "mode": mode,
            "seed": bank.seed, "accounts": bank.accounts, "rows": made.rows,
            "months": bank.months, "period": {"from": bank.start.isoformat(),
                                              "to": bank.end.isoformat()},
            "hit_share": bank.hit_share, "hit_accounts": made.hit_accounts,
            "flag_rows": made.flag_rows, **made.extra, "row_format": row_format,
            "patterns": DESCRIBE}


def dump(out: IO[str], value: object) -> None:
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")


def statements(bank: Bank, prepared: tuple | None = None) -> Iterator[tuple[int, ms.Statement]]:
    """Every account's statement over the whole period, in account order."""
    prof, hits, _ = prepared or prepare(bank)
    for lo in range(0, bank.accounts, BLOCK):
        hi = min(lo + BLOCK, bank.accounts)
        rows = block_rows(bank, prof, hits, lo, hi)
        opening = raised(prof.opening[lo:hi].astype(np.int64), rows, running(rows)[0], lo)
        cols = Columns(*(getattr(rows, n).tolist() for n in Columns.__dataclass_fields__))
        edges = np.searchsorted(rows.acc, np.arange(lo, hi + 1)).tolist()
        for acc in range(lo, hi):
            items = txns(cols, edges[acc - lo], edges[acc - lo + 1],
                         bank.layouts[int(prof.layout[acc])], random.Random(f"{bank.seed}:{acc}"))
            yield acc, statement(bank, prof, acc, items, int(opening[acc - lo]))


def write_files(bank: Bank, folder: Path) -> Made:
    """One statement file per account in folder, with truth.jsonl and accounts.jsonl."""
    if bank.accounts > 1_000_000:
        raise ValueError("at most 1,000,000 statement files (6-digit file numbers)")
    if folder.exists() and any(folder.iterdir()):
        raise ValueError(f"{folder} is not empty: remove it or name a new folder")
    prepared = prepare(bank)
    prof, _, wallets = prepared
    folder.mkdir(parents=True, exist_ok=True)
    made, hit_lines = Made(files=bank.accounts, extra={"layouts": list(bank.layouts)}), []
    with open(folder / "accounts.jsonl", "w", encoding="utf-8") as accounts:
        for acc, st in statements(bank, prepared):
            name = file_name(st, acc)
            (folder / name).write_bytes(ms.render(st))
            dump(accounts, summary(st, prof, acc, name))
            made.rows += len(st.rows)
            if prof.pattern[acc] >= 0:
                rows_to_flag = flagged(st)
                made.hit_accounts += 1
                made.flag_rows += len(rows_to_flag)
                hit_lines.append({"account": st.plan.account, "file": name,
                                  "pattern": pattern_of(prof, acc),
                                  "wallet": WALLET_IDS[wallets[acc]],
                                  "own": list(own_of(prof, acc)), "rows": rows_to_flag})
    write_truth(folder / "truth.jsonl", header(bank, "files", made, [
        "line", "date", "amount", "occurrence", "time (banks that print one)"]), hit_lines)
    return made


def write_truth(path: Path, head: dict[str, object], lines: list[dict[str, object]]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        dump(out, head)
        for line in lines:
            dump(out, line)


def day_windows(bank: Bank) -> Iterator[tuple[int, int, int]]:
    """(month, first day, day after) windows of about WINDOW_ROWS rows of all accounts: the
    months are made again for each window, so that memory does not grow with the bank."""
    per_day = bank.accounts * bank.rows / (bank.end - bank.start).days
    for m in range(bank.months):
        first, after = bank.firsts[m].toordinal(), bank.firsts[m + 1].toordinal()
        parts = max(1, min(after - first, round(per_day * (after - first) / WINDOW_ROWS)))
        edges = np.linspace(first, after, parts + 1).round().astype(int).tolist()
        yield from ((m, lo, hi) for lo, hi in zip(edges, edges[1:]))


def window(rows: Rows, first: int, after: int) -> Rows:
    """The rows dated first..after-1 (ordinals)."""
    return rows.take(np.flatnonzero((rows.day >= first) & (rows.day < after)))


def chunks(bank: Bank, prof: Profile, hits: Rows, opening: np.ndarray,
           order: str) -> Iterator[tuple[Rows, np.ndarray, np.ndarray]]:
    """(rows, balance, number in the account) in the export's order, a chunk at a time;
    fills in opening (every account's opening balance) as it goes."""
    if order == "account":
        for lo in range(0, bank.accounts, BLOCK):
            hi = min(lo + BLOCK, bank.accounts)
            rows = block_rows(bank, prof, hits, lo, hi)
            sums, place = running(rows)
            opening[lo:hi] = raised(prof.opening[lo:hi].astype(np.int64), rows, sums, lo)
            yield rows, opening[rows.acc] + sums, place + 1
        return
    opening[:] = openings(bank, prof, hits)  # a pass without writing: balances start right
    balance, count = opening.copy(), np.zeros(bank.accounts, np.int64)
    for m, first, last in day_windows(bank):
        rows = by_date(Rows.join([window(month_rows(bank, prof, hits, lo,
                                                    min(lo + BLOCK, bank.accounts), m, m + 1),
                                         first, last)
                                  for lo in range(0, bank.accounts, BLOCK)]))
        sums, place = running(rows)
        yield rows, balance[rows.acc] + sums, count[rows.acc] + place + 1
        balance += np.bincount(rows.acc, signed(rows), minlength=bank.accounts).astype(np.int64)
        count += np.bincount(rows.acc, minlength=bank.accounts)


def write_export(bank: Bank, path: Path, order: str) -> Made:
    """One CSV of every account (全銀協 13 columns), with OUT.truth.jsonl and OUT.accounts.jsonl."""
    prof, hits, wallets = prepare(bank)
    opening = np.zeros(bank.accounts, np.int64)
    writer = Writer(EXPORT_LAYOUT, bank.start, bank.end)
    totals, found = Totals.empty(bank.accounts), []
    made, line = Made(extra={"layout": EXPORT_LAYOUT, "order": order}), 2
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        out.write(writer.header())
        for rows, balance, seq in chunks(bank, prof, hits, opening, order):
            lines = line + np.arange(len(rows))
            totals.add(rows, lines)
            found.append(occurrences(rows, lines, prof))
            for lo in range(0, len(rows), RENDER_ROWS):
                part = slice(lo, lo + RENDER_ROWS)
                amount, credit = rows.amount[part], rows.credit[part]
                out.write(writer.lines(rows.what[part], rows.day[part], np.where(credit, 0, amount),
                                       np.where(credit, amount, 0), balance[part], seq[part],
                                       number7(rows.acc[part]), 7))
            line += len(rows)
    made.rows = line - 2
    made.extra["bytes"] = path.stat().st_size
    write_accounts(Path(f"{path}.accounts.jsonl"), prof, totals, opening)
    hit_lines = truth_lines(pd.concat(found, ignore_index=True), prof, wallets)
    made.hit_accounts, made.flag_rows = len(hit_lines), sum(len(h["rows"]) for h in hit_lines)
    write_truth(Path(f"{path}.truth.jsonl"), header(bank, "export", made, [
        "line", "date", "amount", "occurrence"]), hit_lines)
    return made


def occurrences(rows: Rows, lines: np.ndarray, prof: Profile) -> pd.DataFrame:
    """The hit rows of a chunk: account, line, day, amount and which occurrence of that
    account's rows of the same day and amount each is (1 for the first)."""
    mine = np.flatnonzero(prof.pattern[rows.acc] >= 0)
    frame = pd.DataFrame({"acc": rows.acc[mine], "day": rows.day[mine],
                          "amount": rows.amount[mine], "credit": rows.credit[mine],
                          "hit": rows.hit[mine], "line": lines[mine]})
    # A day's rows of an account are all in one chunk (a block of accounts or one month).
    same = frame.groupby(["acc", "day", "amount", "credit"], sort=False)
    frame["occurrence"] = same.cumcount() + 1
    return frame[frame["hit"]]


def truth_lines(found: pd.DataFrame, prof: Profile, wallets: dict[int, int]) -> list[dict]:
    """One truth.jsonl entry per hit account, its rows in file order."""
    out = []
    for acc, group in found.sort_values(["acc", "line"]).groupby("acc", sort=True):
        rows = [[int(line), date.fromordinal(int(day)).isoformat(), int(amount), int(occ)]
                for line, day, amount, occ in zip(group["line"], group["day"], group["amount"],
                                                  group["occurrence"])]
        acc = int(acc)
        out.append({"account": f"{int(number7(acc)):07d}", "pattern": pattern_of(prof, acc),
                    "wallet": WALLET_IDS[wallets[acc]], "own": list(own_of(prof, acc)),
                    "rows": rows})
    return out


def write_accounts(path: Path, prof: Profile, totals: Totals, opening: np.ndarray) -> None:
    """OUT.accounts.jsonl: every account's rows, totals, balances, period and lines."""
    closing = opening + totals.credit - totals.debit
    columns = [number7(np.arange(len(opening))).tolist(), totals.rows.tolist(),
               totals.debit.tolist(), totals.credit.tolist(), opening.tolist(),
               closing.tolist(), totals.first_day.tolist(), totals.last_day.tolist(),
               totals.first_line.tolist(), totals.last_line.tolist()]
    with open(path, "w", encoding="utf-8") as out:
        for acc, (number, n, debit, credit, first, last, d0, d1, l0, l1) in enumerate(
                zip(*columns)):
            dump(out, {"account": f"{number:07d}", "rows": n, "debit_total": debit,
                       "credit_total": credit, "opening": first, "closing": last,
                       "first": date.fromordinal(d0).isoformat(),
                       "last": date.fromordinal(d1).isoformat(), "first_line": l0,
                       "last_line": l1, "own": list(own_of(prof, acc)),
                       "pattern": pattern_of(prof, acc)})

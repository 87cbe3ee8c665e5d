"""Order the rows, give each its running balance and number, and keep per-account totals."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bank_model import Bank, Profile, Rows
from bank_month import month_rows
from corpus_model import ms

BLOCK = 4000  # accounts per chunk when going account by account


def by_account(rows: Rows) -> Rows:
    """Rows in account order, each account's oldest first (ties by slot)."""
    return rows.take(np.lexsort((rows.slot, rows.sec, rows.day, rows.acc)))


def by_date(rows: Rows) -> Rows:
    """Rows by day, then account, then time: a back office's export sorted by 勘定日."""
    return rows.take(np.lexsort((rows.slot, rows.sec, rows.acc, rows.day)))


def block_rows(bank: Bank, prof: Profile, hits: Rows, lo: int, hi: int) -> Rows:
    """Every month of accounts lo..hi-1, in account order."""
    return by_account(month_rows(bank, prof, hits, lo, hi, 0, bank.months))


def signed(rows: Rows) -> np.ndarray:
    """What each row does to the balance."""
    amount = rows.amount.astype(np.int64)
    return np.where(rows.credit, amount, -amount)


def running(rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    """Each row's sum of its account's changes so far and its place (0-based) in the account.

    The rows of one account must be in time order; accounts may interleave.
    """
    order = np.argsort(rows.acc, kind="stable")
    acc = rows.acc[order]
    total = np.cumsum(signed(rows)[order])
    starts = np.flatnonzero(np.r_[True, acc[1:] != acc[:-1]])
    sizes = np.diff(np.r_[starts, len(acc)])
    before = np.repeat(np.r_[0, total][starts], sizes)
    place = np.arange(len(acc)) - np.repeat(starts, sizes)
    out_sum, out_place = np.empty_like(total), np.empty(len(acc), np.int64)
    out_sum[order], out_place[order] = total - before, place
    return out_sum, out_place


def raised(opening: np.ndarray, rows: Rows, sums: np.ndarray, lo: int) -> np.ndarray:
    """Openings of accounts lo.. (rows: all their rows, sums: running()), raised as
    make_samples.assemble() does until the balance never drops below its minimum."""
    lowest = np.full(len(opening), np.iinfo(np.int64).max // 2)  # no rows: nothing to raise
    np.minimum.at(lowest, rows.acc - lo, sums)  # the balances after each row, as assemble()
    return opening + np.maximum(0, ms.MIN_BALANCE - (opening + lowest))


def openings(bank: Bank, prof: Profile, hits: Rows) -> np.ndarray:
    """Every account's opening balance (a pass over all rows without writing them)."""
    out = prof.opening.astype(np.int64).copy()
    for lo in range(0, bank.accounts, BLOCK):
        hi = min(lo + BLOCK, bank.accounts)
        rows = block_rows(bank, prof, hits, lo, hi)
        out[lo:hi] = raised(out[lo:hi], rows, running(rows)[0], lo)
    return out


@dataclass
class Totals:
    """Per-account figures accumulated as chunks are written."""

    rows: np.ndarray
    debit: np.ndarray
    credit: np.ndarray
    first_line: np.ndarray
    last_line: np.ndarray
    first_day: np.ndarray
    last_day: np.ndarray

    @classmethod
    def empty(cls, accounts: int) -> Totals:
        big = np.iinfo(np.int64).max
        return cls(*(np.zeros(accounts, np.int64) for _ in range(3)),
                   np.full(accounts, big), np.zeros(accounts, np.int64),
                   np.full(accounts, big), np.zeros(accounts, np.int64))

    def add(self, rows: Rows, lines: np.ndarray) -> None:
        n = len(self.rows)
        amount = rows.amount.astype(np.int64)
        self.rows += np.bincount(rows.acc, minlength=n)
        self.debit += np.bincount(rows.acc, np.where(rows.credit, 0, amount),
                                  minlength=n).astype(np.int64)
        self.credit += np.bincount(rows.acc, np.where(rows.credit, amount, 0),
                                   minlength=n).astype(np.int64)
        np.minimum.at(self.first_line, rows.acc, lines)
        np.maximum.at(self.last_line, rows.acc, lines)
        np.minimum.at(self.first_day, rows.acc, rows.day)
        np.maximum.at(self.last_day, rows.acc, rows.day)

"""Which downloads are one account: the same number, a balance chain that continues, or told so."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from auditor.stitch.overlap import has_balance, overlap
from auditor.stitch.timeline import opening_balance

NUMBER, CHAIN, TOLD, ALONE = "account number", "balance chain", "told so", "one file"


@dataclass(frozen=True)
class Download:
    """What grouping needs of one read statement."""

    bank: str  # the layout's bank (files of two banks are never one account)
    account_id: str  # private hash of the number, "" when the file names none
    frame: pd.DataFrame
    period: tuple[date, date] | None


@dataclass(frozen=True)
class Account:
    """Files of one account (indexes into the downloads, in period order) and why joined."""

    files: tuple[int, ...]
    why: str


def duplicates(hashes: Sequence[str]) -> dict[int, int]:
    """Index of each file whose bytes repeat an earlier file's → index of that earlier one."""
    first: dict[str, int] = {}
    repeated: dict[int, int] = {}
    for index, digest in enumerate(hashes):
        if digest in first:
            repeated[index] = first[digest]
        else:
            first[digest] = index
    return repeated


def group(downloads: Sequence[Download], same_account: bool = False) -> list[Account]:
    """The accounts among the downloads, each file in exactly one, in input order."""
    groups: dict[tuple[str, str], list[int]] = {}
    loose: list[int] = []
    for index, one in enumerate(downloads):
        if same_account:
            groups.setdefault((one.bank, ""), []).append(index)
        elif one.account_id:
            groups.setdefault((one.bank, one.account_id), []).append(index)
        else:
            loose.append(index)
    accounts = [Account(_by_period(files, downloads), TOLD if same_account and len(files) > 1
                        else NUMBER if len(files) > 1 else ALONE)
                for files in groups.values()]
    accounts = _chain(accounts, loose, downloads)
    return sorted(accounts, key=lambda account: min(account.files))


def _by_period(files: list[int], downloads: Sequence[Download]) -> tuple[int, ...]:
    return tuple(sorted(files, key=lambda i: (downloads[i].period or (date.max, date.max), i)))


def _chain(accounts: list[Account], loose: list[int],
           downloads: Sequence[Download]) -> list[Account]:
    """Join each file without a number to the account whose balance chain it continues."""
    for index in sorted(loose, key=lambda i: (downloads[i].period or (date.max, date.max), i)):
        home = next((n for n, account in enumerate(accounts)
                     if _continues(downloads[account.files[-1]], downloads[index])), None)
        if home is None:
            accounts.append(Account((index,), ALONE))
            continue
        joined = accounts[home]
        accounts[home] = Account((*joined.files, index), joined.why if joined.why == NUMBER
                                 else CHAIN)
    return accounts


def _continues(earlier: Download, later: Download) -> bool:
    """Whether later's balance chain picks up exactly where earlier's left off (or overlaps)."""
    if earlier.bank != later.bank or earlier.frame.empty or later.frame.empty:
        return False
    if not (has_balance(earlier.frame) and has_balance(later.frame)):
        return False
    if later.frame["date"].iloc[0] < earlier.frame["date"].iloc[0]:
        return False
    if overlap(earlier.frame, later.frame).rows:
        return True
    ends = int(earlier.frame["balance"].iloc[-1])
    return (later.frame["date"].iloc[0] >= earlier.frame["date"].iloc[-1]
            and opening_balance(later.frame) == ends)

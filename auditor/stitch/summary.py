"""One line per account for people and programs: its files, period, rows, gaps and findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath
from typing import Any

import numpy as np

from auditor.ingest.account import mask, mask_path
from auditor.models import FileReport, Finding
from auditor.stitch.account import Account
from auditor.stitch.frame import Provenance
from auditor.stitch.grouping import Link
from auditor.stitch.joins import Join


@dataclass(frozen=True)
class Meeting:
    """How one file joined its account: why it is the same account, and how the two meet."""

    file: str
    to: str  # the file it was found to be the same account as
    why: str  # same account number, balance chain, or as told
    after: str  # the file holding the timeline's last row when it joined
    matched: int  # rows both hold, counted once
    unchained: int  # of them, matched with no balance to confirm the place
    balance: str  # continues, breaks or unknown
    missing: int | None  # yen the balance moved by with no row for it
    uncovered: tuple[date, date] | None  # days neither file holds

    @property
    def gap(self) -> bool:
        return self.uncovered is not None and self.balance != "continues"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": mask_path(self.file), "to": mask_path(self.to), "why": self.why,
            "after": mask_path(self.after), "matched": self.matched,
            "unchained": self.unchained, "balance": self.balance, "missing": self.missing,
            "uncovered": None if self.uncovered is None else
            {"from": self.uncovered[0].isoformat(), "to": self.uncovered[1].isoformat()},
        }


@dataclass(frozen=True)
class AccountSummary:
    """An account of the run: ``***1234``, or its file's name when no number is known."""

    label: str
    bank: str | None
    files: tuple[str, ...]  # in period order
    period: tuple[date, date] | None
    rows: int  # each row once, however many files hold it
    meetings: tuple[Meeting, ...] = ()
    findings: int = 0
    at_risk: int = 0
    # Every (file, line) of a row another file of the account holds too, where it is not
    # kept: what a draft must not count again (the chart of all debits).
    repeats: frozenset[tuple[str, int]] = field(default=frozenset(), compare=False, repr=False)
    # A bank export's account, as written: which of the file's findings are this account's
    # (one file holds many accounts). In memory only, never output.
    number: str | None = field(default=None, compare=False, repr=False)

    @property
    def gaps(self) -> int:
        return sum(m.gap for m in self.meetings)

    @property
    def breaks(self) -> int:
        return sum(m.balance == "breaks" for m in self.meetings)

    @property
    def unchained(self) -> int:
        return sum(m.unchained for m in self.meetings)

    def keys(self) -> list[tuple[str, str | None]]:
        """(file, account) of the findings that are this account's: see ``finding_key``."""
        return [(file, self.number) for file in self.files]

    def counted(self, mine: Sequence[Finding]) -> AccountSummary:
        """With its findings (those of its files) counted: how many, the yen at risk."""
        return replace(self, findings=len(mine), at_risk=sum(f.amount for f in mine if f.counts))

    def to_dict(self) -> dict[str, Any]:
        """The JSON ``accounts`` entry (schema 2)."""
        return {
            "account": self.label, "bank": self.bank,
            "files": [mask_path(path) for path in self.files],
            "period": None if self.period is None else
            {"from": self.period[0].isoformat(), "to": self.period[1].isoformat()},
            "rows": self.rows, "gaps": self.gaps, "balance_breaks": self.breaks,
            "unchained": self.unchained, "findings": self.findings, "at_risk": self.at_risk,
            "joins": [meeting.to_dict() for meeting in self.meetings],
        }


def finding_key(finding: Finding) -> tuple[str, str | None]:
    """Whose a finding is: its file, and a bank export's row its account (else None)."""
    return finding.file, finding.account


def of_file(report: FileReport) -> AccountSummary:
    """A file that is an account's only download."""
    return AccountSummary(report.account or _named(report.path), report.bank,
                          (report.path,), report.period, report.rows)


def of_account(account: Account) -> AccountSummary:
    """An account stitched from several downloads."""
    frame = account.frame
    period = None if frame.empty else (frame["date"].iloc[0].date(),
                                       frame["date"].iloc[-1].date())
    meetings = tuple(_meeting(join, account.links) for join in account.joins)
    first = account.statements[0]
    return AccountSummary(mask(account.number) or _named(str(first.path)), first.layout.bank,
                          account.files, period, len(frame), meetings,
                          repeats=_repeats(account.provenance))


def _named(path: str) -> str:
    """An account with no number known goes by its (first) file's name, masked."""
    return mask_path(PurePath(path).name)


def _repeats(provenance: Provenance) -> frozenset[tuple[str, int]]:
    """The places of each row after its first (kept) one."""
    again = np.ones(len(provenance.seq), dtype=bool)
    again[np.unique(provenance.seq, return_index=True)[1]] = False
    files = provenance.files
    return frozenset((files[f], line) for f, line in zip(
        provenance.file[again].tolist(), provenance.line[again].tolist(), strict=True))


def _meeting(join: Join, links: tuple[Link, ...]) -> Meeting:
    """The join with why its file is of the account: its own link, or the link of a later
    file that runs on from it (a file after a missing month is joined by the next one)."""
    own = next((link for link in links if link.file == join.after), None)
    if own is not None:
        to, why = own.to, str(own.why)
    else:
        other = next((link for link in links if link.to == join.after), None)
        to, why = (join.before, "") if other is None else (other.file, str(other.why))
    return Meeting(join.after, to, why, join.before, join.matched, join.unchained,
                   str(join.chain), join.missing, join.uncovered)

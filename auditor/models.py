"""Plain result types shared by the pipeline, the renderers and the command line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from datetime import date
from typing import TYPE_CHECKING, Any

from auditor.hidden import Hidden
from auditor.ingest.account import mask, mask_path

if TYPE_CHECKING:
    from auditor.stitch.summary import AccountSummary


@dataclass(frozen=True)
class FileReport:
    """What was read from one input file: the ``files`` entry of every JSON output."""

    path: str
    layout: str | None = None
    bank: str | None = None
    account: str | None = None  # masked: ***1234
    encoding: str | None = None
    rows: int = 0
    rejected: tuple[tuple[int, str], ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()
    debit_total: int = 0
    credit_total: int = 0
    period: tuple[date, date] | None = None
    order: str | None = None
    balance_breaks: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    error: str | None = None
    internal: bool = field(default=False, compare=False)  # the error is a bug, not bad input
    repeat_of: str | None = None  # the file given earlier with the same bytes: not read again
    accounts: int | None = None  # a bank export's accounts; None for a holder's statement

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (schema 1); a bank export's has ``accounts`` too."""
        return {
            "path": mask_path(self.path),  # file names often carry the account number
            "layout": self.layout, "bank": self.bank,
            "account": self.account, "encoding": self.encoding,
            "rows": self.rows,
            "rejected": [{"line": line, "reason": reason} for line, reason in self.rejected],
            "skipped": [{"line": line, "reason": reason} for line, reason in self.skipped],
            "debit_total": self.debit_total,
            "credit_total": self.credit_total,
            "period": None if self.period is None else
            {"from": self.period[0].isoformat(), "to": self.period[1].isoformat()},
            "order": self.order,
            "balance_breaks": list(self.balance_breaks),
            "notes": list(self.notes),
            "error": self.error,
            "repeat_of": None if self.repeat_of is None else mask_path(self.repeat_of),
            **({} if self.accounts is None else {"accounts": self.accounts}),
        }


class Severity(StrEnum):
    """How urgently a finding needs the holder's eyes."""

    low = "low"
    medium = "medium"
    high = "high"

    @property
    def rank(self) -> int:
        return _RANKS[self.value]

    @classmethod
    def for_score(cls, score: int) -> Severity:
        """Score bands: 70 and above is high, 40 and above medium, anything else low."""
        if score >= 70:
            return cls.high
        return cls.medium if score >= 40 else cls.low


_RANKS = {"low": 0, "medium": 1, "high": 2}
# What each rule severity adds to a transaction's score (capped at 100).
SEVERITY_SCORE = {Severity.low: 15, Severity.medium: 40, Severity.high: 70}


@dataclass(frozen=True)
class Reason:
    """One rule's reason for a transaction, as a sentence in each language."""

    rule: str
    severity: Severity
    en: str
    ja: str

    def text(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Refund:
    """The credit that paid a flagged top-up back: its line in the file and its date."""

    line: int
    date: date

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "date": self.date.isoformat()}


@dataclass(frozen=True)
class Suggestion:
    """A wallet the holder plainly uses, seen on a first run with no allow list at all."""

    wallet: str
    name_en: str
    name_ja: str
    debits: int
    first: date
    last: date
    files: int = 1

    @property
    def command(self) -> str:
        return f"auditor allow {self.wallet}"

    def text(self, lang: str) -> str:
        """For the holder: what was seen, what it means, what to type either way."""
        from auditor.wording import Bi, say

        return say("suggestion", lang, name=Bi(self.name_en, self.name_ja), debits=self.debits,
                   first=self.first.isoformat(), last=self.last.isoformat(), command=self.command)

    def merged(self, other: Suggestion) -> Suggestion:
        """The same wallet seen in another file of the run."""
        return Suggestion(self.wallet, self.name_en, self.name_ja, self.debits + other.debits,
                          min(self.first, other.first), max(self.last, other.last),
                          self.files + other.files)

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {"wallet": self.wallet, "command": self.command, "debits": self.debits,
                "first": self.first.isoformat(), "last": self.last.isoformat(),
                "files": self.files, "message": self.text(lang)}


@dataclass(frozen=True)
class Finding:
    """One suspicious transaction row and every reason it was flagged."""

    file: str
    line: int
    date: date
    time: str | None
    amount: int
    description: str
    wallet: str | None
    score: int
    severity: Severity
    reasons: tuple[Reason, ...]
    key: str = ""  # the folded descriptor
    occurrence: int = 1  # n-th row in the statement with this date, time, amount and key
    answer: str | None = None  # the holder's review answer: mine, not-mine, not-sure
    refund: Refund | None = None  # the credit that paid this debit back, if one did
    # A statement stitched from several downloads: every (file, line) holding this row.
    seen_in: tuple[tuple[str, int], ...] = ()
    account: str | None = None  # a bank export's row: its account as written (memory only)

    @property
    def settled(self) -> bool:
        """Answered as the holder's own, or paid back: no money at risk, whatever the score."""
        return self.answer == "mine" or self.refund is not None

    @property
    def counts(self) -> bool:
        """Money at risk: medium or higher, not answered as the holder's own, not refunded."""
        return self.severity is not Severity.low and not self.settled

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple([reason.rule for reason in self.reasons])  # a list: no generator to run

    def identity(self) -> str:
        """Names the transaction, not its row: identical debits differ by occurrence."""
        return "|".join((self.date.isoformat(), self.time or "", str(self.amount), self.key,
                         str(self.occurrence)))

    def to_dict(self, lang: str, account: str | None = None) -> dict[str, Any]:
        """The stable JSON form (schema 2), with its account's label (an export row's own)."""
        return {
            "file": mask_path(self.file), "account": mask(self.account) or account, "line": self.line, "date": self.date.isoformat(),
            "time": self.time, "amount": self.amount, "description": self.description,
            "wallet": self.wallet, "score": self.score, "severity": self.severity.value,
            "rules": list(self.rules), "reasons": [r.text(lang) for r in self.reasons],
            "answer": self.answer, "refund": None if self.refund is None else self.refund.to_dict(),
            "seen_in": [{"file": mask_path(file), "line": line} for file, line in self.seen_in],
        }


@dataclass(frozen=True)
class ScanResult:
    """Everything one scan found: the files read and the findings, in input order."""

    files: tuple[FileReport, ...]
    findings: tuple[Finding, ...]
    account_ids: tuple[str, ...] = ()  # private account hashes ("" unknown), aligned with files
    suggestions: tuple[Suggestion, ...] = ()  # wallets that look like the holder's own
    accounts: tuple[AccountSummary, ...] = ()  # one per account, its downloads stitched
    hidden: Hidden = Hidden()  # findings the report window or --new-only left out

    def account_of(self) -> dict[str, str]:
        """File path → private account id (a hash, never shown; "" when unknown)."""
        return {r.path: a for r, a in zip(self.files, self.account_ids, strict=False)}

    def at_risk(self) -> int:
        """Yen taken by findings of medium severity or higher, neither claimed nor refunded."""
        return sum(f.amount for f in self.findings if f.counts)

    def alarming(self, threshold: Severity) -> bool:
        """Whether a finding at least this severe is neither the holder's own nor refunded."""
        return any(f.severity.rank >= threshold.rank and not f.settled for f in self.findings)

    def summary(self) -> dict[str, Any]:
        """The counts the summary line and the JSON ``summary`` report."""
        found = Counter(f.severity for f in self.findings)
        return {
            "files": len(self.files), "failed": sum(bool(r.error) for r in self.files),
            "repeats": sum(r.repeat_of is not None for r in self.files),
            "accounts": len(self.accounts), "findings": len(self.findings),
            "at_risk": self.at_risk(), **{s.value: found[s] for s in Severity},
            "hidden": self.hidden.to_dict()}

    def account_index(self) -> dict[str, int]:
        """File path → the position of its account in ``accounts``."""
        return {file: n for n, account in enumerate(self.accounts) for file in account.files}

    def labels(self) -> dict[str, str]:
        """File path → the label of its account (***1234, or the masked file name)."""
        return {file: account.label for account in self.accounts for file in account.files}

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The stable JSON form (schema 2) of `auditor scan --format json`."""
        labels = self.labels()
        return {
            "schema": 2, "files": [report.to_dict() for report in self.files],
            "accounts": [account.to_dict() for account in self.accounts],
            "findings": [finding.to_dict(lang, labels.get(finding.file))
                         for finding in self.findings],
            "suggestions": [suggestion.to_dict(lang) for suggestion in self.suggestions],
            "summary": self.summary(),
        }

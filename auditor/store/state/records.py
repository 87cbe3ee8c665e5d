"""What the state keeps of a finding (a keyed hash, a few facts, no text) and its rows."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeGuard

from auditor.ingest.account import mask
from auditor.store.secret import private_key

if TYPE_CHECKING:
    from auditor.models import Finding

_ACCOUNT_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
_MASKED = re.compile(r"\*\*\*[0-9a-z]{0,4}")
_KEY = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Alert:
    """What the state keeps of one reported finding: a hash and a few facts, no text."""

    key: str
    date: date
    amount: int
    wallet: str | None
    severity: str
    masked_account: str | None = None

    @classmethod
    def for_finding(cls, account: str | None, finding: Finding) -> Alert:
        """The alert a finding on this account raises (account may be None)."""
        return cls(alert_key(account, finding), finding.date, finding.amount, finding.wallet,
                   str(finding.severity), mask_account(account))

    @classmethod
    def reported(cls, account_id: str | None, masked: str | None, finding: Finding) -> Alert:
        """The alert of a scanned finding: its file's private account id and masked number."""
        return cls(alert_key(account_id, finding), finding.date, finding.amount, finding.wallet,
                   str(finding.severity), masked)


@dataclass(frozen=True)
class StoredAlert(Alert):
    """An alert as read back from the state, with when it was first reported."""

    first_reported: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `auditor state show` prints (no key: it names nothing to a reader)."""
        return {
            "date": self.date.isoformat(), "amount": self.amount, "wallet": self.wallet,
            "severity": self.severity, "account": self.masked_account,
            "first_reported": None if self.first_reported is None
            else self.first_reported.isoformat(),
        }


@dataclass(frozen=True)
class StateSummary:
    """Totals over the whole state; the groups are (name, count) pairs, largest first."""

    count: int
    first_reported: datetime | None
    last_reported: datetime | None
    by_wallet: tuple[tuple[str | None, int], ...]
    by_severity: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[str, int], ...]  # month of the transaction, YYYY-MM, oldest first

    def to_dict(self) -> dict[str, Any]:
        return {
            "alerts": self.count,
            "first_reported": _iso(self.first_reported),
            "last_reported": _iso(self.last_reported),
            "by_wallet": [{"wallet": w, "count": n} for w, n in self.by_wallet],
            "by_severity": [{"severity": s, "count": n} for s, n in self.by_severity],
            "by_month": [{"month": m, "count": n} for m, n in self.by_month],
        }


EMPTY_SUMMARY = StateSummary(0, None, None, (), (), ())


def _canonical_account(account: str | None) -> str:
    """The account as keys and masks use it: NFKC, lower case, ASCII letters and digits.

    So "123-4567", "1234567" and "１２３４５６７" are one account.
    """
    if not account:
        return ""
    folded = unicodedata.normalize("NFKC", account).lower()
    return "".join(char for char in folded if char in _ACCOUNT_CHARS)


def alert_key(account: str | None, finding: Finding) -> str:
    """The keyed hash (auditor.store.secret) of the account and the finding's identity
    (date|time|amount|key|n): without the install's secret it names nothing."""
    return private_key(_canonical_account(account) + "\x1f" + finding.identity())


def mask_account(account: str | None) -> str | None:
    """***4567, as everywhere in the tool (auditor.ingest.account.mask); None when there is none."""
    return mask(account) if _canonical_account(account) else None


def is_plain_key(value: object) -> TypeGuard[str]:
    """Whether value looks like a key the state writes: 64 lower-case hex digits."""
    return isinstance(value, str) and _KEY.fullmatch(value) is not None


def to_row(alert: Alert, stamp: str) -> tuple[Any, ...]:
    """The alerts-table row for an alert first reported at stamp; refuses what is not ours."""
    # Checked row by row inside the transaction: one bad alert undoes the whole record().
    if alert.masked_account is not None and not _MASKED.fullmatch(alert.masked_account):
        raise ValueError("masked_account must look like ***1234 (use mask_account)")
    if not _KEY.fullmatch(alert.key):
        raise ValueError("an alert key must be 64 hex digits (use alert_key)")
    return (alert.key, alert.date.isoformat(), alert.amount, alert.wallet, str(alert.severity),
            alert.masked_account, stamp)


def from_row(key: Any, day: Any, amount: Any, wallet: Any, severity: Any, account: Any,
             reported: Any) -> StoredAlert:
    """One alert row, every value checked for the type record() writes."""
    texts = (key, day, severity, reported)
    if (not all(isinstance(v, str) for v in texts) or type(amount) is not int
            or not isinstance(wallet, str | None) or not isinstance(account, str | None)):
        raise TypeError("an alert row holds a value of the wrong type")
    return StoredAlert(key, date.fromisoformat(day), amount, wallet, severity,
                       _remasked(account), when(reported))


def _remasked(account: str | None) -> str | None:
    # record() stores only masks; this keeps a hand-edited file from showing more.
    if account is None or _MASKED.fullmatch(account):
        return account
    return mask_account(account) or "***"


def when(text: str | None) -> datetime | None:
    """A first_reported value read back; anything but ISO 8601 text raises."""
    if text is not None and not isinstance(text, str):
        raise TypeError("first_reported is not text")
    return None if text is None else datetime.fromisoformat(text)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()

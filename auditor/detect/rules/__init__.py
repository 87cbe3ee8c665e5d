"""The rules: each looks at a statement's wallet debits and says which rows are suspicious."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from auditor.models import Reason, Severity
from auditor.detect.wallets import Catalogue


@dataclass(frozen=True)
class Settings:
    """Thresholds of the rules; defaults follow the 2020 incidents (bank-formats.md §3)."""

    burst_count: int = 3  # debits to one wallet on one day
    burst_minutes: int = 10  # where the bank gives times: this close together...
    burst_timed_count: int = 2  # ...this many debits make a burst
    burst_many: int = 5  # one of the holder's own wallets: this many at once is out of habit
    burst_fast: int = 3  # ...and so is this many within burst_minutes
    spike_factor: float = 5.0  # times the holder's usual (median) top-up...
    spike_over_max: float = 2.0  # ...and times the largest earlier one
    spike_high_factor: float = 10.0  # this many times the usual is high
    spike_min_history: int = 3  # earlier top-ups needed to know what is usual
    spike_min_amount: int = 30_000  # smaller top-ups are everyday amounts
    cap_share: float = 0.8  # share of a cap that counts as reaching it
    first_seen_days: int = 30  # history needed before a first debit is news
    night_from: int = 0  # odd hours: from 00:00...
    night_to: int = 5  # ...to 04:59
    habit_min_debits: int = 4  # with no allow list, a wallet topped up this often...
    habit_min_days: int = 60  # ...over this many days...
    habit_start_days: int = 31  # ...from this close to the statement's start is the holder's
    habit_brokerage_max: int = 100_000  # a monthly instalment into a brokerage, at most


@dataclass(frozen=True)
class Context:
    """What every rule may consult besides the debits themselves."""

    catalogue: Catalogue
    allowed: frozenset[str]
    settings: Settings = field(default_factory=Settings)
    # An allowed wallet's last day (the allow entry's until): its debits after it are not
    # the holder's, however long ago that day was when the statement is scanned.
    allowed_until: Mapping[str, date] = field(default_factory=dict)
    history_start: pd.Timestamp | None = None  # first date of the account's history
    bank: str | None = None  # the statement's bank (layout name); None when unknown


@dataclass(frozen=True)
class Hit:
    """A rule firing on one row (``seq`` of the statement frame)."""

    seq: int
    reason: Reason


Check = Callable[[pd.DataFrame, Context], list[Hit]]


@dataclass(frozen=True)
class Rule:
    """A rule's identity, shown by `auditor rules` and in the README, and its check."""

    id: str
    title_en: str
    title_ja: str
    severity: Severity  # the highest it gives, and the default of its reasons
    check: Check
    least: Severity | None = None  # the lowest, where the holder's habits lower it

    @property
    def lowest(self) -> Severity:
        return self.least or self.severity

    def hit(self, seq: int, en: str, ja: str, severity: Severity | None = None) -> Hit:
        return Hit(int(seq), self.reason(en, ja, severity))

    def reason(self, en: str, ja: str, severity: Severity | None = None) -> Reason:
        """This rule's reason, for rules that give many rows the same one."""
        return Reason(self.id, severity or self.severity, en, ja)


def all_rules() -> tuple[Rule, ...]:
    """Every rule, in the order their reasons are listed."""
    from auditor.detect.rules import (amount_spike, first_seen, near_cap, odd_hour,
                               unrecognised_wallet, wallet_burst, wallet_like)

    return (unrecognised_wallet.RULE, wallet_burst.RULE, amount_spike.RULE, near_cap.RULE,
            first_seen.RULE, wallet_like.RULE, odd_hour.RULE)

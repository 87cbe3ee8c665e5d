"""What a draft claims: the holder, the masked account, the findings sorted by the holder's
answers, the totals, and the files they came from. Pure: no reading, no printing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import cached_property

from auditor.ingest.account import mask, mask_digit_runs
from auditor.models import Finding, Severity
from auditor.detect.wallets import Catalogue
from auditor.wording import Said, both

# Answers as the answers store spells them (auditor.store.answers.Answer is a StrEnum of these).
MINE, NOT_MINE, NOT_SURE = "mine", "not-mine", "not-sure"

AnswerOf = Callable[[Finding], str | None]

_ACCOUNT_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−ー－]")
# A date in a file name (20200901) is not an account number and may stay readable.


class Status(StrEnum):
    """Where a finding goes in the draft."""

    claimed = "claimed"  # answered not-mine, or unreviewed at medium severity or higher
    not_sure = "not-sure"  # listed apart for the holder
    unreviewed = "unreviewed"  # low severity and unanswered: listed apart for the holder
    mine = "mine"  # left out
    refunded = "refunded"  # paid back by the same service: left out
    unconfirmed = "unconfirmed"  # unanswered with --confirmed-only: left out


@dataclass(frozen=True)
class Entry:
    """One finding in the draft, with its service named in both languages."""

    finding: Finding
    status: Status
    service_ja: str
    service_en: str
    brokerage: bool = False  # a securities account, not a wallet

    def service(self, lang: str) -> str:
        return self.service_ja if lang == "ja" else self.service_en


@dataclass(frozen=True)
class Holder:
    """Who writes and about which account; the account is already masked."""

    name: str | None = None
    bank: str | None = None
    branch: str | None = None
    account: str | None = None
    branch_no: str | None = None  # 店番, from the statement
    found: date | None = None  # the day the holder noticed the debits


@dataclass(frozen=True)
class SourceFile:
    """A statement file the figures come from, with its fingerprint."""

    name: str
    sha256: str
    bank: str | None
    rows: int
    period: tuple[date, date] | None
    bank_en: str | None = None
    path: str = ""  # as findings and debits name it (never shown: names are masked)
    branch: str | None = None  # the 店番 the statement names
    layout: str = ""  # the layout's id: ASCII, for a letter's file name

    def bank_in(self, lang: str) -> str | None:
        return self.bank_en if lang == "en" and self.bank_en else self.bank


@dataclass(frozen=True)
class Debit:
    """One debit row of a statement, for the timeline."""

    file: str
    line: int
    when: date
    amount: int


@dataclass(frozen=True)
class Claim:
    """Everything the draft says, in no particular language."""

    holder: Holder
    claimed: tuple[Entry, ...]
    apart: tuple[Entry, ...]
    left_out: tuple[Entry, ...]
    sources: tuple[SourceFile, ...]
    debits: tuple[Debit, ...]
    version: str
    generated: date

    @property
    def everyone(self) -> tuple[Entry, ...]:
        """Every finding of the account, claimed or not (a burst counts them all)."""
        return (*self.claimed, *self.apart, *self.left_out)

    @property
    def total(self) -> int:
        """Yen taken by the claimed debits."""
        return sum(entry.finding.amount for entry in self.claimed)

    @property
    def first(self) -> date | None:
        return min((e.finding.date for e in self.claimed), default=None)

    @property
    def last(self) -> date | None:
        return max((e.finding.date for e in self.claimed), default=None)

    def services(self, lang: str) -> list[tuple[str, int, int]]:
        """(service, debits, yen) for each claimed service, in order of first appearance."""
        totals: dict[str, list[int]] = {}
        for entry in self.claimed:
            count_and_sum = totals.setdefault(entry.service(lang), [0, 0])
            count_and_sum[0] += 1
            count_and_sum[1] += entry.finding.amount
        return [(name, count, total) for name, (count, total) in totals.items()]

    def strangers(self, lang: str) -> list[str]:
        """The claimed services the holder does not use (flagged as such), in order."""
        names = [e.service(lang) for e in self.claimed
                 if any(r.rule == "unrecognised-wallet" for r in e.finding.reasons)]
        return list(dict.fromkeys(names))

    def kind_of(self, debit: Debit) -> str:
        """"claimed", "apart" or "other": how the timeline colours a debit."""
        spot = (debit.file, debit.line)
        if spot in self._spots["claimed"]:
            return "claimed"
        return "apart" if spot in self._spots["apart"] else "other"

    @cached_property
    def bursts(self) -> dict[tuple[str | None, date], tuple[int, int]]:
        """(wallet, day) → debits and yen of the findings a burst flagged on that day."""
        found: dict[tuple[str | None, date], tuple[int, int]] = {}
        for entry in self.everyone:
            finding = entry.finding
            if any(reason.rule == "wallet-burst" for reason in finding.reasons):
                count, total = found.get((finding.wallet, finding.date), (0, 0))
                found[(finding.wallet, finding.date)] = (count + 1, total + finding.amount)
        return found

    @cached_property
    def _spots(self) -> dict[str, frozenset[tuple[str, int]]]:
        # A finding names its row by file and line, as the debits do.
        return {name: frozenset((e.finding.file, e.finding.line) for e in entries)
                for name, entries in (("claimed", self.claimed), ("apart", self.apart))}


def mask_account(text: str) -> str:
    """Check a typed account number and mask it like every other: 123-4567890 → ***7890.

    Full-width digits and hyphens are accepted, and so are stars, so that masking a masked
    number changes nothing; anything else is a ValueError that never repeats the input.
    """
    digits = _ACCOUNT_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if not re.fullmatch(r"[0-9*]*[0-9][0-9*]*|\*+", digits):
        raise ValueError(Said("cli.report.account_digits"))
    return mask(digits) or "***"


def status_of(finding: Finding, answer: str | None, confirmed_only: bool = False) -> Status:
    """Answers decide; unanswered findings follow their severity unless --confirmed-only.

    A debit the service already paid back is no claim, whatever the answer.
    """
    if finding.refund is not None:
        return Status.refunded
    if answer == MINE:
        return Status.mine
    if answer == NOT_MINE:
        return Status.claimed
    if answer == NOT_SURE:
        return Status.not_sure
    if confirmed_only:
        return Status.unconfirmed
    return Status.claimed if finding.severity.rank >= Severity.medium.rank else Status.unreviewed


def build_claim(findings: Sequence[Finding], answer_of: AnswerOf, *, holder: Holder,
                sources: Sequence[SourceFile], debits: Sequence[Debit], catalogue: Catalogue,
                version: str, today: date, confirmed_only: bool = False) -> Claim:
    """Sort the findings by answer and gather what the draft needs.

    holder.account may be given unmasked: it is masked here, the one place that sees it.
    """
    entries = [_entry(f, status_of(f, answer_of(f), confirmed_only), catalogue) for f in findings]
    ordered = sorted(entries, key=lambda e: (e.finding.date, e.finding.time or "", e.finding.file,
                                             e.finding.line))
    masked = replace(holder, account=mask_account(holder.account) if holder.account else None)
    return Claim(
        holder=masked,
        claimed=tuple(e for e in ordered if e.status is Status.claimed),
        apart=tuple(e for e in ordered if e.status in (Status.not_sure, Status.unreviewed)),
        left_out=tuple(e for e in ordered
                       if e.status in (Status.mine, Status.unconfirmed, Status.refunded)),
        sources=tuple(replace(s, name=mask_digit_runs(s.name)) for s in sources),
        debits=tuple(debits), version=version, generated=today,
    )


def _entry(finding: Finding, status: Status, catalogue: Catalogue) -> Entry:
    if finding.wallet is None:
        unknown = both("report.unknown_service")
        return Entry(finding, status, unknown.ja, unknown.en)
    try:
        wallet = catalogue.get(finding.wallet)
    except KeyError:  # a finding from another catalogue: its id is all we know
        return Entry(finding, status, finding.wallet, finding.wallet)
    return Entry(finding, status, wallet.name_ja, wallet.name_en, wallet.kind == "brokerage")

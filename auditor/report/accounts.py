"""One letter per bank account: a scan's findings, files and debits split by account."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from auditor.models import Finding
from auditor.report.claim import Debit, SourceFile
from auditor.stitch.summary import AccountSummary, finding_key

_UNSAFE = re.compile(r"[^\w-]+")  # letters of any script stay; stars, spaces, dots go


@dataclass(frozen=True)
class AccountPart:
    """What one account's letter is drawn from; label is ``***1234`` or a masked file name."""

    label: str
    findings: tuple[Finding, ...]
    sources: tuple[SourceFile, ...]
    debits: tuple[Debit, ...]
    stem: str = ""  # the letter's file name, without its extension

    @property
    def masked(self) -> str | None:
        """The masked account number, when the statements name one."""
        return self.label if self.label.startswith("***") else None

    def bank(self, lang: str) -> str | None:
        """The bank its statements come from, if they agree on one."""
        return _one(source.bank_in(lang) for source in self.sources)

    @property
    def branch(self) -> str | None:
        """The 店番 its statements name, if they agree on one."""
        return _one(source.branch for source in self.sources)


def split(accounts: Sequence[AccountSummary], findings: Sequence[Finding],
          sources: Sequence[SourceFile], debits: Sequence[Debit]) -> list[AccountPart]:
    """The run's parts, one per account in the scan's order; a file no account lists (none
    should be) is an account of its own, so nothing is ever dropped from a letter."""
    labels = [account.label for account in accounts]
    owner = {file: index for index, account in enumerate(accounts) for file in account.files
             if account.number is None}
    # A bank export's accounts share its file: its findings go by their own account.
    by_account = {key: index for index, account in enumerate(accounts)
                  if account.number is not None for key in account.keys()}
    for source in sources:
        _owner_of(owner, source.path, labels, source.name)
    found: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:  # may name a file no source does: an account of its own
        index = by_account.get(finding_key(finding))
        if index is None:
            index = _owner_of(owner, finding.file, labels, PurePath(finding.file).name)
        found[index].append(finding)
    files: dict[int, list[SourceFile]] = defaultdict(list)
    for source in sources:
        files[owner[source.path]].append(source)
    rows: dict[int, list[Debit]] = defaultdict(list)  # one pass: a bank's folder is large
    for debit in debits:
        if debit.file in owner:
            rows[owner[debit.file]].append(debit)
    parts = [AccountPart(label, tuple(found[index]), tuple(files[index]), tuple(rows[index]))
             for index, label in enumerate(labels)]
    return _named(parts)


def _owner_of(owner: dict[str, int], file: str, labels: list[str], name: str) -> int:
    """The part a file belongs to, a new one (labelled name) if no account lists it."""
    if file not in owner:
        owner[file] = len(labels)
        labels.append(name)
    return owner[file]


def _named(parts: list[AccountPart]) -> list[AccountPart]:
    """Each part with a file name of its own: bank, then the last 4 digits or the file."""
    taken: set[str] = set()
    named = []
    for part in parts:
        stem = base = _stem(part)
        count = 1
        while stem in taken:
            count += 1
            stem = f"{base}-{count}"
        taken.add(stem)
        named.append(AccountPart(part.label, part.findings, part.sources, part.debits, stem))
    return named


def _stem(part: AccountPart) -> str:
    # The bank's English name as a file name (mizuho-bank), else its layout's id.
    bank = part.bank("en") or next((s.layout for s in part.sources if s.layout), "") or "bank"
    bank = _safe(bank.lower())
    if part.masked:
        return f"{bank}_{part.masked[-4:]}"
    # No number known: the label is the (masked) file name, which never shows 5 digits.
    return _safe(f"{bank}_{PurePath(part.label).stem}")


def _safe(text: str) -> str:
    """A file name any shell and file system takes: no stars, spaces or slashes."""
    return _UNSAFE.sub("-", text).strip("-") or "letter"


def _one(values: Iterable[str | None]) -> str | None:
    found = {value for value in values if value}
    return found.pop() if len(found) == 1 else None

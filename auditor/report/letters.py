"""The letters a scan calls for: one claim per bank account, with what its statements say."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from auditor.detect.wallets import Catalogue
from auditor.report.accounts import AccountPart, split
from auditor.report.claim import AnswerOf, Claim, Holder, build_claim
from auditor.report.gather import Gathered
from auditor.report.limits import claim_limit


@dataclass(frozen=True)
class Letter:
    """One account's claim, and the file name its letter is written under."""

    part: AccountPart
    claim: Claim

    @property
    def wanted(self) -> bool:
        """Whether there is anything to claim: no claim, no letter."""
        return bool(self.claim.claimed)

    def old(self, today: date) -> int:
        """Claimed debits more than 2 years old on today: the bank may decline them."""
        return sum(claim_limit(e.finding.date) < today for e in self.claim.claimed)


@dataclass(frozen=True)
class Drafting:
    """How every letter of the run is drafted: the holder's own details and the answers."""

    holder: Holder  # what the holder gave; the statements fill in the rest per account
    answer_of: AnswerOf
    catalogue: Catalogue
    version: str
    today: date
    confirmed_only: bool = False


def letters(gathered: Gathered, how: Drafting, lang: str) -> list[Letter]:
    """One letter per account of the scan, in its order (those with nothing to claim too)."""
    result = gathered.result
    parts = split(result.accounts, result.findings, gathered.sources, gathered.debits)
    return [Letter(part, _claim(part, how, lang)) for part in parts]


def _claim(part: AccountPart, how: Drafting, lang: str) -> Claim:
    given = how.holder
    holder = replace(given, bank=given.bank or part.bank(lang),
                     account=given.account or part.masked,
                     branch_no=given.branch_no or part.branch)
    return build_claim(part.findings, how.answer_of, holder=holder, sources=part.sources,
                       debits=part.debits, catalogue=how.catalogue, version=how.version,
                       today=how.today, confirmed_only=how.confirmed_only)

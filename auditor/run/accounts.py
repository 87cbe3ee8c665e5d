"""Downloads of one account audited as one: stitched once every file was read and audited alone.

Workers read and audit each file by itself, as always. Only files that may share an account
with another file of the run (the same bank and number, or no number to tell) are read again
here and stitched; each account of several files is audited once, over its whole history,
and its findings replace those its files gave alone. A bank's folder of distinct customers
pays nothing for this.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.detect.audit import Examined, examine
from auditor.ingest.statement import read_statement
from auditor.models import Finding
from auditor.run.batch import Audited
from auditor.stitch import Account, stitch
from auditor.stitch.summary import AccountSummary, of_account, of_file

if TYPE_CHECKING:
    from auditor.run.pipeline import ScanJob

_log = logging.getLogger(__name__)
_NOT_STITCHED = ("not stitched with the other downloads of its account (an internal error; "
                 "set AUDITOR_DEBUG=1 for details): rows they share may be counted twice")


@dataclass(frozen=True)
class Stitched:
    """The outcomes with each account's findings once, and one summary per account."""

    outcomes: list[Audited]
    accounts: list[tuple[int, AccountSummary]]  # by the outcome of its first file


def stitched(outcomes: list[Audited], paths: Sequence[Path], job: ScanJob) -> Stitched:
    """Audit each account of several downloads once; outcomes[i] is the outcome of paths[i]."""
    outcomes = list(outcomes)
    joined: dict[int, AccountSummary] = {}
    covered: set[int] = set()
    for members in candidates(outcomes, job.same_account):
        try:
            accounts = _accounts([outcomes[i] for i in members], members, paths, job)
        except Exception:  # a bug here must not lose the files' own findings
            _log.debug("stitching failed", exc_info=True)
            for index in members:
                report = outcomes[index].report
                outcomes[index] = replace(outcomes[index], report=replace(
                    report, notes=(*report.notes, _NOT_STITCHED)))
            continue
        index_of = {str(paths[i]): i for i in members}
        for account, found in accounts:
            at = sorted(index_of[file] for file in account.files)
            _move(outcomes, at, found, len(account.files))
            joined[at[0]] = of_account(account)
            covered.update(at)
    singles = [(i, of_file(o.report)) for i, o in enumerate(outcomes)
               if i not in covered and not o.failed]
    return Stitched(outcomes, sorted([*joined.items(), *singles], key=lambda pair: pair[0]))


def candidates(outcomes: Sequence[Audited], same_account: bool) -> list[list[int]]:
    """Per bank, the files that may be one account's with another file of the run."""
    by_family: dict[object, list[int]] = defaultdict(list)
    for index, outcome in enumerate(outcomes):
        if not outcome.failed and outcome.family is not None and outcome.report.rows:
            by_family[outcome.family].append(index)
    chosen = []
    for members in by_family.values():
        numbers = Counter(outcomes[i].account_id for i in members)
        if same_account or numbers[""]:  # no number: a balance chain may join it to any
            picked = members
        else:
            picked = [i for i in members if numbers[outcomes[i].account_id] > 1]
        if len(picked) > 1:
            chosen.append(picked)
    return chosen


def _accounts(outcomes: list[Audited], members: list[int], paths: Sequence[Path],
              job: ScanJob) -> list[tuple[Account, Examined]]:
    """The accounts of several files among members, each with its audit."""
    statements = [outcome.statement or read_statement(paths[i], job.options)
                  for outcome, i in zip(outcomes, members, strict=True)]
    found = []
    for account in stitch(statements, job.same_account):
        if len(account.statements) > 1:
            found.append((account, examine(account.statement(), job.ctx, job.window,
                                           sources=account.provenance)))
    return found


def _move(outcomes: list[Audited], at: list[int], found: Examined, files: int) -> None:
    """The account's findings on its first file's outcome; its other files give none."""
    suggestions = tuple(replace(s, files=files) for s in found.suggestions)
    outcomes[at[0]] = replace(outcomes[at[0]], findings=tuple(found.findings),
                              suggestions=suggestions)
    for index in at[1:]:
        outcomes[index] = replace(outcomes[index], findings=(), suggestions=())


def counted(accounts: list[tuple[int, AccountSummary]], findings: Sequence[Finding]
            ) -> tuple[AccountSummary, ...]:
    """Each account with the number of its findings and the yen they put at risk."""
    owner = {file: n for n, (_, account) in enumerate(accounts) for file in account.files}
    mine: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.file in owner:
            mine[owner[finding.file]].append(finding)
    return tuple(account.counted(mine[n]) for n, (_, account) in enumerate(accounts))

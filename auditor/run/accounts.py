"""Downloads of one account audited as one: grouped once every file was read.

A small run (a holder's downloads) is read first and audited after: files that may share an
account with another file of the run (the same bank and number, or no number to tell) are
stitched, and each account is audited once over its whole history, every file alone or
account at once on the workers. A large run (a bank's folder) audits each file as it reads
it, as before; only its candidates for stitching are read again, so a folder of distinct
customers pays nothing for this.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.detect.audit import Examined
from auditor.hidden import Hidden
from auditor.ingest.statement import Statement, failed_report, read_statement
from auditor.ingest.together import read_together
from auditor.models import Finding
from auditor.run.batch import Audited, Workers
from auditor.run.units import Unit, audit_units
from auditor.stitch import Account, stitch
from auditor.stitch.grouping import Ends
from auditor.stitch.summary import AccountSummary, finding_key, of_account, of_file
from auditor.wording import Said

if TYPE_CHECKING:
    from auditor.run.pipeline import ScanJob

_log = logging.getLogger(__name__)
_NO_ENDS = Ends(math.nan, 0, 0, ())
_NOT_STITCHED = Said("note.not_stitched")


@dataclass(frozen=True)
class Stitched:
    """The outcomes with each account's findings once, and one summary per account."""

    outcomes: list[Audited]
    accounts: list[tuple[int, AccountSummary]]  # by the outcome of its first file


def stitched(outcomes: list[Audited], paths: Sequence[Path], job: ScanJob,
             workers: Workers | None = None) -> Stitched:
    """Audit what is left to audit, each account of several downloads once.

    outcomes[i] is the outcome of paths[i]; an outcome read but not yet examined (a small
    run's) is audited here, alone or with the rest of its account, on the run's workers.
    """
    outcomes = list(outcomes)
    units: list[Unit] = []
    joined: dict[int, Account] = {}
    grouped: set[int] = set()
    covered: set[int] = set()  # files of an account of several
    chosen, again = _to_stitch(outcomes, paths, job)
    for members in chosen:
        grouped.update(members)
        try:
            accounts = stitch([_statement(outcomes[i], paths[i], job, again.get(i))
                               for i in members], job.same_account)
        except Exception:  # a bug here must not lose the files' own findings
            _log.debug("stitching failed", exc_info=True)
            _not_stitched(outcomes, members)
            units += [Unit((i,), outcomes[i].statement) for i in members
                      if not outcomes[i].examined]
            continue
        index_of = {str(paths[i]): i for i in members}
        for account in accounts:
            at = tuple(sorted(index_of[file] for file in account.files))
            if len(at) > 1:
                joined[at[0]] = account
                covered.update(at)
                units.append(Unit(at, account.statement(), account.provenance))
            elif not outcomes[at[0]].examined:
                units.append(Unit(at, outcomes[at[0]].statement))
    units += [Unit((i,), o.statement) for i, o in enumerate(outcomes)
              if i not in grouped and not o.examined and not o.failed]
    _apply(outcomes, paths, job, units, workers)
    summaries = {i: of_account(account) for i, account in joined.items()}
    singles = {i: of_file(o.report) for i, o in enumerate(outcomes)
               if i not in covered and not o.failed}
    return Stitched(outcomes, sorted({**summaries, **singles}.items()))


def candidates(outcomes: Sequence[Audited], same_account: bool) -> list[list[int]]:
    """Per bank, the files that may be one account's with another file of the run.

    Files with the same number, and files a balance chain may join (one of the two with no
    number, and the later one opening at a balance the other stood at). Never misses one
    the stitcher would join: it checks the same, exactly, on the files picked.
    """
    by_family: dict[object, list[int]] = defaultdict(list)
    for index, outcome in enumerate(outcomes):
        if not outcome.failed and outcome.family is not None and outcome.report.rows:
            by_family[outcome.family].append(index)
    chosen = []
    for members in by_family.values():
        picked = members if same_account else _joinable(outcomes, members)
        if len(picked) > 1:
            chosen.append(picked)
    return chosen


def _joinable(outcomes: Sequence[Audited], members: list[int]) -> list[int]:
    numbers = Counter(outcomes[i].account_id for i in members)
    picked = {i for i in members if outcomes[i].account_id and numbers[outcomes[i].account_id] > 1}
    if numbers[""]:
        # balance → where files stood at it: one look-up per file, not one per pair
        stood: dict[float, list[tuple[int, int, int, int | None]]] = defaultdict(list)
        for i in members:
            for balance, low, high, then in _ends(outcomes[i]).stood:
                stood[balance].append((i, low, high, then))
        for later in members:
            ends = _ends(outcomes[later])
            for earlier, low, high, then in stood.get(ends.opening, ()):
                if (earlier != later and low <= ends.first <= high
                        and then in (None, ends.change)
                        and not (outcomes[earlier].account_id and outcomes[later].account_id)):
                    picked.update((earlier, later))
    return sorted(picked)


def _ends(outcome: Audited) -> Ends:
    return outcome.ends or _NO_ENDS


def _to_stitch(outcomes: Sequence[Audited], paths: Sequence[Path], job: ScanJob
               ) -> tuple[list[list[int]], dict[int, Statement | Exception]]:
    """The candidates, and the statements of theirs no worker kept, read again all at once."""
    chosen = candidates(outcomes, job.same_account)
    wanted = [i for members in chosen for i in members if outcomes[i].statement is None]
    return chosen, dict(zip(wanted, read_together([paths[i] for i in wanted], job.options),
                            strict=True))


def _statement(outcome: Audited, path: Path, job: ScanJob,
               again: Statement | Exception | None = None) -> Statement:
    """The statement as read by the worker, or read again (a large run keeps none)."""
    if outcome.statement is not None:
        return outcome.statement
    if isinstance(again, Exception):
        raise again
    return again or read_statement(path, job.options)


def _apply(outcomes: list[Audited], paths: Sequence[Path], job: ScanJob,
           units: list[Unit], workers: Workers | None = None) -> None:
    """Each unit's audit on its files' outcomes; a unit that hit a bug is reported by file."""
    for unit, found in zip(units, audit_units(units, job.ctx, job.window, job.batch, workers),
                           strict=True):
        if isinstance(found, Examined):
            _move(outcomes, unit.at, found, len(unit.at))
        elif len(unit.at) > 1:  # the account failed as one: each file alone, noted
            _not_stitched(outcomes, list(unit.at))
            _apply(outcomes, paths, job, [Unit((i,), _statement(outcomes[i], paths[i], job))
                                          for i in unit.at])
        else:
            (i,) = unit.at
            outcomes[i] = replace(outcomes[i], report=failed_report(paths[i], found, "auditing"),
                                  findings=(), suggestions=(), examined=True,
                                  hidden=Hidden())


def _move(outcomes: list[Audited], at: tuple[int, ...], found: Examined, files: int) -> None:
    """The account's findings on its first file's outcome; its other files give none."""
    suggestions = tuple(s if files == 1 else replace(s, files=files) for s in found.suggestions)
    outcomes[at[0]] = replace(outcomes[at[0]], findings=tuple(found.findings),
                              suggestions=suggestions, examined=True, hidden=found.hidden)
    for index in at[1:]:
        outcomes[index] = replace(outcomes[index], findings=(), suggestions=(), examined=True,
                                  hidden=Hidden())


def _not_stitched(outcomes: list[Audited], members: list[int]) -> None:
    for index in members:
        report = outcomes[index].report
        outcomes[index] = replace(outcomes[index], report=replace(
            report, notes=(*report.notes, _NOT_STITCHED)))


def counted(accounts: list[tuple[int, AccountSummary]], findings: Sequence[Finding]
            ) -> tuple[AccountSummary, ...]:
    """Each account with the number of its findings and the yen they put at risk."""
    owner = {key: n for n, (_, account) in enumerate(accounts) for key in account.keys()}
    mine: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        n = owner.get(finding_key(finding))
        if n is not None:
            mine[n].append(finding)
    return tuple(account.counted(mine[n]) for n, (_, account) in enumerate(accounts))

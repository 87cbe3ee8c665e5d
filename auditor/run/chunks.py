"""Audit a chunk of files in one pass: read them together, then every account at once."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from auditor.detect.audit import examine
from auditor.detect.groupwise import examine_accounts
from auditor.detect.outcome import Examined, Window
from auditor.detect.rules import Context
from auditor.ingest.account import account_id
from auditor.ingest.jointly import Finished
from auditor.ingest.statement import ReadOptions, Statement
from auditor.ingest.together import read_chunk, read_together
from auditor.run.batch import Audited, Keep, failed_outcome, outcome_of
from auditor.run.chunk_rows import chunk_rows
from auditor.stitch.grouping import Ends, family_of

_log = logging.getLogger(__name__)
# A statement this long is audited alone: joining it to others would copy its rows and
# give each of them an account key, for nothing (the fixed cost it shares is negligible).
ALONE_ROWS = 50_000


def audit_chunk(paths: Sequence[Path], options: ReadOptions, ctx: Context, window: Window,
                keep: Keep | None = None, hold: bool = False,
                ends: bool = False) -> list[Audited]:
    """Each file's outcome, as audit_file gives it, from one read and one audit of them all.

    With hold, the files are only read (see audit_file). A file that cannot be read, or
    hits a bug, is its own one-line error; the rest of the chunk goes on.
    """
    if hold or keep is not None:  # each file's statement is wanted: read them file by file
        return _file_by_file(paths, options, ctx, window, keep, hold, ends)
    chunk = read_chunk(paths, options, ALONE_ROWS)
    statements = {i: got for i, got in chunk.alone.items() if isinstance(got, Statement)}
    examined = _examined(chunk.joint, statements, paths, ctx, window)
    outcomes: dict[int, Audited] = {}
    for finished in chunk.joint:
        outcomes.update(_finished_outcomes(finished, paths, examined, ends))
    for index, got in chunk.alone.items():
        outcomes[index] = _outcome(paths[index], got, examined.get(index), None, ends)
    return [outcomes[index] for index in range(len(paths))]


def _file_by_file(paths: Sequence[Path], options: ReadOptions, ctx: Context, window: Window,
                  keep: Keep | None, hold: bool, ends: bool) -> list[Audited]:
    """As audit_chunk, each file's statement built alone (and kept, with hold)."""
    read = read_together(paths, options)
    statements = {i: got for i, got in enumerate(read) if isinstance(got, Statement)}
    examined = {} if hold else _examined([], statements, paths, ctx, window)
    return [_outcome(path, got, examined.get(index), keep, ends)
            for index, (path, got) in enumerate(zip(paths, read, strict=True))]


def _outcome(path: Path, got: Statement | Exception, found: Examined | Exception | None,
             keep: Keep | None, ends: bool) -> Audited:
    if isinstance(got, Exception) or isinstance(found, Exception):
        error = got if isinstance(got, Exception) else found
        return failed_outcome(path, error)
    try:
        return outcome_of(path, got, found, keep, ends)
    except Exception as exc:  # a bug in one file must not lose the rest of a batch
        return failed_outcome(path, exc)


def _finished_outcomes(finished: Finished, paths: Sequence[Path],
                       examined: dict[int, Examined | Exception],
                       ends: bool) -> dict[int, Audited]:
    """The outcomes of files finished together, as outcome_of gives them."""
    try:
        reports = finished.reports()
        chains = Ends.each(finished.frame, finished.starts) if ends else None
    except Exception as exc:  # a bug: each file says so
        return {index: failed_outcome(paths[index], exc) for index in finished.members}
    outcomes = {}
    for k, index in enumerate(finished.members):
        found = examined[index]
        if isinstance(found, Exception):
            outcomes[index] = failed_outcome(paths[index], found)
            continue
        outcomes[index] = Audited(
            reports[k], tuple(found.findings), account_id(finished.heads[k].account),
            tuple(found.suggestions), None, family_of(finished.layout),
            ends=None if chains is None else chains[k], hidden=found.hidden)
    return outcomes


def _examined(joint: Sequence[Finished], statements: dict[int, Statement],
              paths: Sequence[Path], ctx: Context,
              window: Window) -> dict[int, Examined | Exception]:
    """Every statement's audit, all in one frame; one at a time if that hits a bug."""
    full = {i: st for i, st in statements.items() if 0 < len(st.frame) < ALONE_ROWS}
    found: dict[int, Examined | Exception] = {i: Examined([], []) for i in statements}
    for index, statement in statements.items():
        if len(statement.frame) >= ALONE_ROWS:
            found[index] = _alone(statement, ctx, window)
    try:
        frame, banks = chunk_rows(joint, full, paths)
        together = examine_accounts(frame, ctx, window, banks=banks)
        found.update({int(key): each for key, each in together.items()})
        return found
    except Exception:
        _log.debug("auditing the chunk at once failed", exc_info=True)
    found.update({index: _alone(statement, ctx, window) for index, statement in full.items()})
    found.update({index: _alone(finished.statement(k), ctx, window)
                  for finished in joint for k, index in enumerate(finished.members)})
    return found


def _alone(statement: Statement, ctx: Context, window: Window) -> Examined | Exception:
    try:
        return examine(statement, ctx, window)
    except Exception as exc:  # returned: the other files go on
        return exc

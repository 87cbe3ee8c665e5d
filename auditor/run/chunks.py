"""Audit a chunk of files in one pass: read them together, then every account at once."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from auditor.detect.audit import examine
from auditor.detect.groupwise import examine_accounts
from auditor.detect.outcome import Examined, Window
from auditor.detect.rules import Context
from auditor.ingest.statement import ReadOptions, Statement, failed_report
from auditor.ingest.together import read_together
from auditor.run.batch import Audited, Keep, outcome_of

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
    read = read_together(paths, options)
    statements = {i: got for i, got in enumerate(read) if isinstance(got, Statement)}
    examined = {} if hold else _examined(statements, ctx, window)
    outcomes = []
    for index, (path, got) in enumerate(zip(paths, read, strict=True)):
        found = examined.get(index)
        if isinstance(got, Exception) or isinstance(found, Exception):
            error = got if isinstance(got, Exception) else found
            outcomes.append(Audited(failed_report(path, error, "auditing"), (), ""))
            continue
        try:
            outcomes.append(outcome_of(path, got, found, keep, ends))
        except Exception as exc:  # a bug in one file must not lose the rest of a batch
            outcomes.append(Audited(failed_report(path, exc, "auditing"), (), ""))
    return outcomes


def _examined(statements: dict[int, Statement], ctx: Context,
              window: Window) -> dict[int, Examined | Exception]:
    """Every statement's audit, all in one frame; one at a time if that hits a bug."""
    full = {i: st for i, st in statements.items() if 0 < len(st.frame) < ALONE_ROWS}
    found: dict[int, Examined | Exception] = {i: Examined([], []) for i in statements}
    for index, statement in statements.items():
        if len(statement.frame) >= ALONE_ROWS:
            found[index] = _alone(statement, ctx, window)
    try:
        together = examine_accounts(_one_frame(full), ctx, window, banks={
            str(i): None if st.layout.generic else st.layout.bank for i, st in full.items()})
        found.update({int(key): each for key, each in together.items()})
        return found
    except Exception:
        _log.debug("auditing the chunk at once failed", exc_info=True)
    found.update({index: _alone(statement, ctx, window) for index, statement in full.items()})
    return found


def _alone(statement: Statement, ctx: Context, window: Window) -> Examined | Exception:
    try:
        return examine(statement, ctx, window)
    except Exception as exc:  # returned: the other files go on
        return exc


def _one_frame(statements: dict[int, Statement]) -> pd.DataFrame:
    """The statements' rows as one frame, each file an account of its own."""
    if not statements:
        return pd.DataFrame(columns=["account", "file"])
    frames = [st.frame for st in statements.values()]
    lengths = [len(frame) for frame in frames]
    frame = pd.concat(frames, ignore_index=True)
    frame["account"] = np.repeat([str(i) for i in statements], lengths)
    frame["file"] = np.repeat([str(st.path) for st in statements.values()], lengths)
    return frame

"""Audit read statements on the workers: a file alone, or an account stitched from several."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from auditor.detect.audit import Examined, Sources, Window, examine
from auditor.detect.rules import Context
from auditor.ingest.statement import Statement
from auditor.run.batch import BatchOptions, Workers, worker_count


@dataclass(frozen=True)
class Unit:
    """What is audited at once: a statement, and the outcomes (files) it stands for."""

    at: tuple[int, ...]  # indexes of its files' outcomes, in input order
    statement: Statement | None
    sources: Sources | None = None  # where each row of a stitched account was read


def audit_units(units: Sequence[Unit], ctx: Context, window: Window, batch: BatchOptions,
                workers: Workers | None = None) -> list[Examined | Exception]:
    """Each unit's audit in order, or the exception it raised (one bug loses one unit).

    On the run's workers where it has them (one pool a run), else on a pool of its own.
    """
    work = partial(_audit, ctx=ctx, window=window)
    if workers is not None:
        return list(workers.map(work, units))
    with Workers(worker_count(batch.jobs, len(units))) as own:
        return list(own.map(work, units))


def _audit(unit: Unit, ctx: Context, window: Window) -> Examined | Exception:
    try:
        if unit.statement is None:
            raise ValueError("no statement to audit")
        return examine(unit.statement, ctx, window, sources=unit.sources)
    except Exception as exc:  # returned, not raised: the other units go on
        return exc

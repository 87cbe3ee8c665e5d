"""Where a later download repeats the rows an account's timeline already holds."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from auditor.stitch.rows import Rows, agree


@dataclass(frozen=True)
class Match:
    """The later file's first ``rows`` rows are the timeline's tail rows from ``at`` on."""

    at: int  # index into the tail
    rows: int
    unchained: int  # of them, matched with no balance printed in both to confirm it


def align(tail: Rows, new: Rows) -> Match | None:
    """Where new's first rows repeat the tail's, as one run, or None when they do not.

    The tail is the timeline's rows dated on or after new's first day. The run must reach
    the end of the tail (a suffix of the earlier rows is a prefix of the later file's) or
    the end of new (a file inside another's period). The earliest start wins: the longest
    run at the boundary. Rows are never matched one by one, so identical rows keep their
    places: two equal debits in both files are two rows, one equal debit is one.
    """
    if not len(tail) or not len(new):
        return None
    starts = np.flatnonzero(agree(tail, slice(None), new, np.zeros(len(tail), np.int64))[0])
    for at in starts.tolist():
        length = min(len(new), len(tail) - at)
        same, chained = agree(tail, slice(at, at + length), new, slice(0, length))
        if same.all():
            return Match(at, length, length - int(chained.sum()))
    return None

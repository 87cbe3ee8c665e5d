"""Lay an account's downloads end to end in period order, each shared row kept once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from auditor.stitch.joins import Join, judge
from auditor.stitch.overlap import align
from auditor.stitch.rows import Rows


@dataclass(frozen=True)
class Segment:
    """Rows ``start`` to ``stop`` of file ``file``, kept in the timeline in this order."""

    file: int
    start: int
    stop: int


@dataclass
class Timeline:
    """The rows kept so far (as segments of files) and the rows that repeat them."""

    names: Sequence[str]
    rows: Sequence[Rows]
    segments: list[Segment] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    # Each repeat: (file, row) kept in the timeline, and (file, row) repeating it.
    repeats: list[np.ndarray] = field(default_factory=list)

    def add(self, file: int) -> None:
        """Join file ``file`` (in period order, after every file added before it)."""
        new = self.rows[file]
        if not len(new):
            return
        if not self.segments:
            self.segments.append(Segment(file, 0, len(new)))
            return
        origin, tail = self._tail(int(new.day[0]))
        match = align(tail, new)
        last = self.segments[-1]
        self.joins.append(judge(self.names[last.file], self.names[file],
                                self.rows[last.file].take(slice(last.stop - 1, last.stop)),
                                new, match))
        start = 0 if match is None else match.rows
        if match is not None:
            kept = origin[match.at:match.at + match.rows]
            self.repeats.append(np.column_stack([kept, np.full(match.rows, file),
                                                 np.arange(match.rows)]))
        if start < len(new):
            self.segments.append(Segment(file, start, len(new)))

    def _tail(self, day: int) -> tuple[np.ndarray, Rows]:
        """The kept rows dated ``day`` or later, as (file, row) pairs and as rows.

        Walks back from the newest segment: only the overlap is ever compared, so joining
        a file costs the rows it shares, not the rows before them.
        """
        pieces: list[tuple[int, int, int]] = []
        for segment in reversed(self.segments):
            days = self.rows[segment.file].day
            if days[segment.stop - 1] < day:
                break
            start = max(segment.start, int(np.searchsorted(days, day)))
            pieces.append((segment.file, start, segment.stop))
        pieces.reverse()
        if not pieces:
            return np.empty((0, 2), np.int64), self.rows[0].take(slice(0, 0))
        origin = np.concatenate([np.column_stack([np.full(stop - start, f),
                                                  np.arange(start, stop)])
                                 for f, start, stop in pieces])
        return origin, Rows.concat([self.rows[f].take(slice(start, stop))
                                    for f, start, stop in pieces])

"""The stitched timeline as one statement frame, and every (file, line) each row came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.stitch.timeline import Segment

_TEXT = ("description", "channel", "key", "channel_key")  # categorical: payees repeat


@dataclass(frozen=True)
class Provenance:
    """Every (file, line) holding each stitched row, by ``seq``; the kept one first.

    Arrays sorted by seq, then by file in period order: the first place of a row is the
    earliest file holding it, the one its ``line`` in the frame refers to.
    """

    files: tuple[str, ...]  # in period order
    seq: np.ndarray
    file: np.ndarray  # index into files
    line: np.ndarray

    def places(self, seq: int) -> tuple[tuple[str, int], ...]:
        lo, hi = np.searchsorted(self.seq, [seq, seq + 1])
        return tuple((self.files[f], line) for f, line in
                     zip(self.file[lo:hi].tolist(), self.line[lo:hi].tolist(), strict=True))

    def held(self) -> np.ndarray:
        """How many files hold each row, by seq."""
        return np.bincount(self.seq, minlength=int(self.seq.max()) + 1 if len(self.seq) else 0)


def assemble(frames: Sequence[pd.DataFrame], segments: Sequence[Segment]
             ) -> tuple[pd.DataFrame, np.ndarray]:
    """The kept rows as one frame in time order, and each row's (file, row) by seq."""
    if not segments:
        return _numbered(frames[0].iloc[:0].copy()), np.empty((0, 2), np.int64)
    parts = [frames[s.file].iloc[s.start:s.stop] for s in segments]
    frame = pd.concat([part.drop(columns=list(_TEXT)) for part in parts], ignore_index=True)
    for column in _TEXT:
        frame[column] = _joined([part[column] for part in parts])
    frame = frame[list(frames[0].columns)]
    origin = np.concatenate([np.column_stack([np.full(s.stop - s.start, s.file),
                                              np.arange(s.start, s.stop)]) for s in segments])
    # Joined files run on in time; a file that disagrees with the one before it keeps all
    # its rows, which may then sit before rows already laid: sorted as one statement is.
    bounds = np.cumsum([s.stop - s.start for s in segments])[:-1]
    if not _in_order(frame, bounds):
        order = frame.sort_values(["date", "time"], kind="stable",
                                  na_position="first").index.to_numpy()
        frame, origin = frame.iloc[order].reset_index(drop=True), origin[order]
    return _numbered(frame), origin


def _in_order(frame: pd.DataFrame, bounds: np.ndarray) -> bool:
    """Whether each part begins no earlier than the part before it ends.

    Each part is in (date, time) order, rows without a time first within their day, as a
    statement is: then so is the whole, and sorting it would change nothing.
    """
    dates, times = frame["date"], frame["time"]
    for bound in bounds.tolist():
        (d0, t0), (d1, t1) = ((dates.iat[i], times.iat[i]) for i in (bound - 1, bound))
        if d0 > d1 or (d0 == d1 and isinstance(t0, str) and not (isinstance(t1, str)
                                                                 and t0 <= t1)):
            return False
    return True


def _joined(parts: Sequence[pd.Series]) -> pd.Categorical:
    """The parts as one categorical over the union of their texts.

    One hashing pass over the parts' categories (each file's distinct texts), a take per
    part for its codes: pandas' union_categoricals recodes part by part, half as fast.
    """
    categories = [part.cat.categories for part in parts]
    codes, union = pd.factorize(np.concatenate([c.to_numpy(dtype=object) for c in categories]))
    offsets = np.cumsum([0, *(len(c) for c in categories)])
    # A code of -1 (an empty cell) stays -1: take it from a -1 put after each part's codes.
    taken = [np.append(codes[offsets[k]:offsets[k + 1]], -1)[part.cat.codes.to_numpy()]
             for k, part in enumerate(parts)]
    return pd.Categorical.from_codes(np.concatenate(taken),
                                     categories=pd.Index(union, dtype=categories[0].dtype))


def _numbered(frame: pd.DataFrame) -> pd.DataFrame:
    frame["seq"] = np.arange(len(frame), dtype=np.int64)
    return frame


def provenance(names: Sequence[str], frames: Sequence[pd.DataFrame], origin: np.ndarray,
               repeats: Sequence[np.ndarray]) -> Provenance:
    """Where every stitched row was read: its kept place, then each file repeating it."""
    # Every row of every file by one number: its file's offset plus its row.
    offsets = np.cumsum([0, *(len(frame) for frame in frames)])
    lines = np.concatenate([frame["line"].to_numpy(np.int64) for frame in frames])
    seq_of = np.full(offsets[-1], -1, np.int64)
    seq_of[offsets[origin[:, 0]] + origin[:, 1]] = np.arange(len(origin))
    repeat = np.concatenate([np.empty((0, 4), np.int64), *repeats]).astype(np.int64)
    seq = np.concatenate([np.arange(len(origin)), seq_of[offsets[repeat[:, 0]] + repeat[:, 1]]])
    file = np.concatenate([origin[:, 0], repeat[:, 2]]).astype(np.int64)
    row = np.concatenate([origin[:, 1], repeat[:, 3]]).astype(np.int64)
    order = np.lexsort((file, seq))
    seq, file = seq[order], file[order]
    return Provenance(tuple(names), seq, file, lines[offsets[file] + row[order]])

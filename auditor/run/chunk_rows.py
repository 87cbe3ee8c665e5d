"""A chunk's statements as one frame for the group-wise audit, each file an account of its own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from auditor.ingest.jointly import Finished
from auditor.ingest.statement import Statement

Banks = dict[str, str | None]


def chunk_rows(joint: Sequence[Finished], alone: Mapping[int, Statement],
               paths: Sequence[Path]) -> tuple[pd.DataFrame, Banks]:
    """Every file's rows, file after file in the order given, with its account and file.

    The same frame, column by column and type by type, as the files' own frames put end to
    end: the files finished together are taken a layout at a time, never file by file.
    """
    pieces: list[pd.DataFrame] = []
    owners: list[np.ndarray] = []
    banks: Banks = {}
    for finished in joint:
        pieces.append(finished.frame)
        owners.append(np.repeat(np.array(finished.members, dtype=np.int64),
                                np.diff(finished.starts)))
        bank = None if finished.layout.generic else finished.layout.bank
        banks.update({str(index): bank for index in finished.members})
    for index, statement in alone.items():
        if not len(statement.frame):
            continue  # (an empty frame would change how the others' columns concatenate)
        pieces.append(statement.frame)
        owners.append(np.full(len(statement.frame), index, dtype=np.int64))
        banks[str(index)] = None if statement.layout.generic else statement.layout.bank
    if not pieces:
        return pd.DataFrame(columns=["account", "file"]), banks
    who = np.concatenate(owners)
    frame = pd.concat(pieces, ignore_index=True)
    if len(who) > 1 and bool((who[1:] < who[:-1]).any()):
        order = np.argsort(who, kind="stable")
        frame, who = frame.take(order).reset_index(drop=True), who[order]
    frame["time"] = _times(frame["time"], who)
    frame["account"] = np.array([str(index) for index in range(len(paths))])[who]
    frame["file"] = np.array([str(path) for path in paths])[who]
    return frame, banks


def _times(column: pd.Series, who: np.ndarray) -> pd.Series:
    """The time column as the files' own frames put end to end type it.

    A file with a time is text there, a missing one NaN; a file with none holds None. Put
    together, the column stays text only if every file had a time.
    """
    missing = column.isna().to_numpy()
    timed = np.zeros(int(who.max()) + 1, dtype=bool)
    timed[who[~missing]] = True
    row_timed = timed[who]
    values = column.to_numpy(dtype=object, copy=True)
    values[missing & row_timed] = np.nan
    values[missing & ~row_timed] = None
    if row_timed.all():
        return pd.Series(values, index=column.index)  # text, as each file's own column
    return pd.Series(values, index=column.index, dtype=object)

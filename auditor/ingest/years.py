"""Fill in the year of dates a bank prints without one (JA Bank's 4月30日)."""

from __future__ import annotations

from datetime import date

import numpy as np

from auditor.wording import Said


def infer_years(months: np.ndarray, days: np.ndarray, year: int | None, today: date,
                notes: list[str], newest_first: bool | None = None) -> np.ndarray:
    """Return a year per row (file order), rolling over at New Year.

    With ``year`` the oldest row is in that year; without it the newest row is taken to be
    the last such day on or before ``today`` (the day the file was saved) and a note says so.
    ``newest_first`` is the row order when the balance tells it; else the dates decide.
    """
    ordinal = months * 100 + days
    if newest_first is None:
        steps = np.diff(ordinal)
        newest_first = int((steps < 0).sum()) > int((steps > 0).sum())
    # Walking from oldest to newest, each fall in month/day means a new year has begun.
    chronological = ordinal[::-1] if newest_first else ordinal
    offsets = np.concatenate([[0], np.cumsum(np.diff(chronological) < 0)])
    if year is None:
        newest = int(chronological[-1])
        year = today.year if newest <= today.month * 100 + today.day else today.year - 1
        year -= int(offsets[-1])
        notes.append(Said("note.no_year", year=year))
    years = year + offsets
    return years[::-1] if newest_first else years

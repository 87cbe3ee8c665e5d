"""Read many statements at once: the bodies of files of one layout split and parsed together.

Each file is still decoded and identified alone, and finished alone (dated, its rejected
rows and notes, its balance chain), so it reads exactly as read_statement reads it; only
the costly part, splitting rows in pandas and parsing each distinct cell, is paid once per
layout instead of once per file. A file the joint read cannot take exactly is read alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from auditor.ingest.normalise import Typed, typed
from auditor.ingest.read import Records, fast_records, plain_body, records
from auditor.ingest.statement import Opened, ReadOptions, Statement, finish, open_statement

Outcome = Statement | Exception


def read_together(paths: Sequence[Path], options: ReadOptions) -> list[Outcome]:
    """Each file's statement, or the exception that stopped it (one file never stops more)."""
    found: list[Outcome | None] = [None] * len(paths)
    groups: dict[tuple[object, ...], list[tuple[int, Opened]]] = defaultdict(list)
    for index, path in enumerate(paths):
        try:
            opened = open_statement(path, options)
        except Exception as exc:  # the file's own error (or a bug), said by the caller
            found[index] = exc
            continue
        groups[_kind(opened)].append((index, opened))
    for kind, members in groups.items():
        parts = _joint(members) if kind and len(members) > 1 else None
        for at, (index, opened) in enumerate(members):
            try:
                rows = _alone(opened) if parts is None else parts[at]
                found[index] = finish(opened, rows, options)
            except Exception as exc:
                found[index] = exc
    return [outcome if outcome is not None else RuntimeError("not read") for outcome in found]


def _kind(opened: Opened) -> tuple[object, ...]:
    """Files whose rows are split and parsed alike; () for a file that must be read alone."""
    match, text = opened.match, opened.decoded.text
    body = match.body_start
    if match.ragged or not plain_body(text, body) or not text[body:].strip("\r\n"):
        return ()
    return (id(match.layout), match.delimiter, match.width,
            tuple(sorted(match.positions.items())))


def _alone(opened: Opened) -> Typed:
    match, text = opened.match, opened.decoded.text
    cells = records(text, match.body_start, match.delimiter, match.width, match.line + 1,
                    used=match.used_positions(), numeric=match.amount_positions(),
                    verbatim=match.text_positions(), exact=match.ragged)
    return typed(cells, match)


def _joint(members: list[tuple[int, Opened]]) -> list[Typed] | None:
    """Each member's parsed rows, from one read of their bodies; None if that is not exact."""
    bodies, counts, firsts = [], [], []
    for _, opened in members:
        text, start = opened.decoded.text, opened.match.body_start
        body = text[start:] if text.endswith("\n") else text[start:] + "\n"
        bodies.append(body)
        counts.append(body.count("\n"))  # records of a plain body are its physical lines
        firsts.append(opened.match.line + 1)
    match = members[0][1].match
    try:
        fast = fast_records("".join(bodies), 0, match.delimiter, match.width,
                            match.amount_positions(), match.text_positions(),
                            sorted(match.used_positions()))
    except Exception:  # whatever it was, each file alone says it for itself
        return None
    if fast is None or len(fast.cells) != sum(counts):
        return None
    lines = np.concatenate([np.arange(first, first + count)
                            for first, count in zip(firsts, counts, strict=True)])
    both = typed(Records(fast.cells, lines, fast.overflow, fast.blank), match)
    # Blank lines are no rows: each file's rows are its non-blank records.
    ends = np.cumsum([0, *counts])
    kept = np.concatenate([[0], np.cumsum(~fast.blank)])[ends]
    return [both.part(int(a), int(b)) for a, b in zip(kept[:-1], kept[1:], strict=True)]


__all__ = ["read_together"]

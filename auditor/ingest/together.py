"""Read many statements at once: the bodies of files of one layout split and parsed together.

Each file is still decoded and identified alone, and finished alone (dated, its rejected
rows and notes, its balance chain), so it reads exactly as read_statement reads it; only
the costly part, splitting rows in pandas and parsing each distinct cell, is paid once per
layout instead of once per file. A file the joint read cannot take exactly is read alone.
read_chunk, for a large run, also finishes the files of one layout together (see jointly).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from auditor.ingest.jointly import Finished, finish_jointly
from auditor.ingest.normalise import Typed, typed
from auditor.ingest.read import Records, fast_records, plain_body, records
from auditor.ingest.statement import Opened, ReadOptions, Statement, finish, open_statement

Outcome = Statement | Exception


def read_together(paths: Sequence[Path], options: ReadOptions) -> list[Outcome]:
    """Each file's statement, or the exception that stopped it (one file never stops more)."""
    failed: dict[int, Outcome] = {}
    groups = _opened(paths, options, failed)
    found: list[Outcome | None] = [failed.get(index) for index in range(len(paths))]
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
    # An unknown bank's layout is built for each file: files whose layouts are equal in
    # every field are read alike all the same.
    layout = repr(match.layout) if match.layout.generic else id(match.layout)
    return (layout, match.delimiter, match.width, tuple(sorted(match.positions.items())))


def _alone(opened: Opened) -> Typed:
    match, text = opened.match, opened.decoded.text
    cells = records(text, match.body_start, match.delimiter, match.width, match.line + 1,
                    used=match.used_positions(), numeric=match.amount_positions(),
                    verbatim=match.text_positions(), exact=match.ragged)
    return typed(cells, match)


def _joint(members: list[tuple[int, Opened]]) -> list[Typed] | None:
    """Each member's parsed rows, from one read of their bodies; None if that is not exact."""
    joint = _joint_rows(members)
    if joint is None:
        return None
    both, bounds = joint
    return [both.part(int(a), int(b)) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _joint_rows(members: list[tuple[int, Opened]]) -> tuple[Typed, np.ndarray] | None:
    """The members' rows parsed at once, rows bounds[k]:bounds[k + 1] the k-th's; None if
    that is not exact."""
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
    return both, np.concatenate([[0], np.cumsum(~fast.blank)])[ends]


@dataclass(frozen=True)
class Chunk:
    """Files read at once: those finished together, by layout, and the rest one by one."""

    joint: list[Finished]
    alone: dict[int, Outcome]  # by the index each file was given under


def read_chunk(paths: Sequence[Path], options: ReadOptions, most_rows: int) -> Chunk:
    """The files read as read_together reads them, most finished together (see jointly):
    files of most_rows rows or more are finished alone."""
    alone: dict[int, Outcome] = {}
    joint: list[Finished] = []
    for kind, members in _opened(paths, options, alone).items():
        rows = _joint_rows(members) if kind and len(members) > 1 else None
        refused = range(len(members))
        if rows is not None:
            try:
                finished, refused = finish_jointly(members, *rows, options, most_rows)
                if finished.members:  # (an empty frame would change how frames concatenate)
                    joint.append(finished)
            except Exception:  # each file alone says what it was
                pass
        for at in refused:
            index, opened = members[at]
            try:
                part = _alone(opened) if rows is None else rows[0].part(
                    int(rows[1][at]), int(rows[1][at + 1]))
                alone[index] = finish(opened, part, options)
            except Exception as exc:
                alone[index] = exc
    return Chunk(joint, alone)


def _opened(paths: Sequence[Path], options: ReadOptions,
            failed: dict[int, Outcome]) -> dict[tuple[object, ...], list[tuple[int, Opened]]]:
    """The files opened, by kind (see _kind); each that cannot be opened goes to failed."""
    groups: dict[tuple[object, ...], list[tuple[int, Opened]]] = defaultdict(list)
    for index, path in enumerate(paths):
        try:
            opened = open_statement(path, options)
        except Exception as exc:  # the file's own error (or a bug), said by the caller
            failed[index] = exc
            continue
        groups[_kind(opened)].append((index, opened))
    return groups


__all__ = ["Chunk", "read_chunk", "read_together"]

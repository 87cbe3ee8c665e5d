"""One account stitched from its downloads: the timeline, where each row came from, the joins."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from auditor.ingest.account import account_id, mask
from auditor.ingest.statement import Statement
from auditor.stitch.frame import Provenance, assemble, provenance
from auditor.stitch.grouping import Group, Link, groups
from auditor.stitch.joins import Join
from auditor.stitch.rows import Rows
from auditor.stitch.timeline import Timeline


@dataclass(frozen=True)
class Account:
    """An account's statements as one timeline, every row once, and how they were joined."""

    statements: tuple[Statement, ...]  # in period order
    links: tuple[Link, ...]  # why each file after the first is in this account
    joins: tuple[Join, ...]  # each file meeting the timeline before it, in period order
    frame: pd.DataFrame  # the shape of a statement's frame: what the rules read
    provenance: Provenance  # every (file, line) of each row of the frame

    @property
    def files(self) -> tuple[str, ...]:
        return self.provenance.files

    @property
    def number(self) -> str | None:
        """As a bank wrote it: in memory only, never output unmasked."""
        return next((s.account for s in self.statements if s.account), None)

    @property
    def masked(self) -> str | None:
        return mask(self.number)

    @property
    def account_id(self) -> str:
        return account_id(self.number)

    @property
    def gaps(self) -> tuple[Join, ...]:
        """Joins with days no file covers and no balance to show nothing happened then."""
        return tuple(join for join in self.joins if join.gap)

    @property
    def breaks(self) -> tuple[Join, ...]:
        """Joins where the balance does not run on: rows missing, or one file edited."""
        return tuple(join for join in self.joins if join.broken)

    @property
    def unchained(self) -> int:
        """Rows counted once on date, time, text and amounts alone: no balance to confirm."""
        return sum(join.unchained for join in self.joins)

    def statement(self) -> Statement:
        """The timeline as a statement the rules audit; pass ``provenance`` as its sources.

        Its path is the first file's and its lines are those of the file each row is kept
        from: only the provenance says which file that is.
        """
        first = self.statements[0]
        return Statement(first.path, first.layout, first.encoding, self.frame, [], [],
                         first.order, (), [], self.number)


def stitch(statements: Sequence[Statement], same_account: bool = False) -> list[Account]:
    """Group the statements into accounts and stitch each into one timeline.

    Give each file once (``run.repeats`` drops repeated bytes first); with ``same_account`` the
    holder says every statement of a bank is of one account. Pure: reads nothing, prints
    nothing.
    """
    rows = [Rows.of(statement.frame) for statement in statements]
    return [_stitched(group, statements, rows) for group in groups(statements, rows, same_account)]


def _stitched(group: Group, statements: Sequence[Statement], rows: Sequence[Rows]) -> Account:
    members = [statements[i] for i in group.members]
    names = [str(statement.path) for statement in members]
    timeline = Timeline(names, [rows[i] for i in group.members])
    for file in range(len(members)):
        timeline.add(file)
    frames = [statement.frame for statement in members]
    frame, origin = assemble(frames, timeline.segments)
    return Account(tuple(members), group.links, tuple(timeline.joins), frame,
                   provenance(names, frames, origin, timeline.repeats))

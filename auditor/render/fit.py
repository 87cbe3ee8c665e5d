"""A table that fits the width it is given: key cells whole, long text folded, notes below.

Rich's own table shares out a narrow terminal between every column, so at 80 columns it
cut dates and amounts and gave the reasons one word a line. Here the cells a reader looks
up (dates, names, amounts) keep their whole width, one column of free text (the
descriptor) takes the room that is left and folds within it, and the sentences (reasons)
go on lines of their own under the row, as wide as the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from auditor.linebreak import CHUNK, wrap
from auditor.wording import say

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.style import Style

GAP = "  "
INDENT = "  "
BULLET = "• "
# The narrowest a folded column is kept in its row; with less room it goes under the row.
MIN_FOLD = 10


@dataclass(frozen=True)
class Column:
    """A column: its header, and how its cells may be laid out."""

    header: str
    right: bool = False  # numbers, aligned on their last digit
    fold: bool = False  # free text: folded over lines rather than widening the table
    cap: int | None = None  # a folded column's widest; None: the room the others leave


@dataclass(frozen=True)
class Row:
    """A row's cells, then lines under it: notes as they are, and sentences as bullets."""

    cells: tuple[Text, ...]
    notes: tuple[Text, ...] = ()
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class FittedTable:
    """A Rich renderable: laid out for the console's width when it is printed."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    lang: str  # of the "Header: text" line a cell gets when its column has no room
    caption: str = ""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def lines(self, width: int) -> list[Text]:
        """Every line of the table at this width, none wider unless a key cell is."""
        widths = _widths(self.columns, self.rows, width)
        shown = [i for i, w in enumerate(widths) if w]  # a folded column with no room: below
        lines = _wrapped(self.title, width, "", "", "bold")
        header = _cells_lines([Text(self.columns[i].header, style="bold") for i in shown],
                              [widths[i] for i in shown],
                              [self.columns[i].right for i in shown], bottom=True)
        lines += header
        rule = sum(widths[i] for i in shown) + len(GAP) * (len(shown) - 1)
        lines.append(Text("─" * rule, style="dim"))
        spaced = any(row.notes or row.bullets for row in self.rows) or not all(widths)
        for number, row in enumerate(self.rows):
            if number and spaced:  # a row with lines under it is kept apart from the next
                lines.append(Text(""))
            lines += _cells_lines([row.cells[i] for i in shown], [widths[i] for i in shown],
                                  [self.columns[i].right for i in shown])
            lines += self._below(row, widths, width)
        if self.caption:
            lines += _wrapped(self.caption, width, "", "", "dim")
        return lines

    def _below(self, row: Row, widths: list[int], width: int) -> list[Text]:
        lines = []
        for column, cell, shown in zip(self.columns, row.cells, widths, strict=True):
            if not shown and cell.plain:  # its column had no room: "Header: text" under it
                said = say("table.below", self.lang, label=column.header, value=cell.plain)
                lines += _wrapped(said, width, INDENT, INDENT * 2, cell.style)
        for note in row.notes:
            lines += _wrapped(note.plain, width, INDENT, INDENT, note.style)
        for bullet in row.bullets:
            lines += _wrapped(bullet, width, INDENT + BULLET, INDENT + " " * len(BULLET))
        return lines


def _widths(columns: tuple[Column, ...], rows: tuple[Row, ...], width: int) -> list[int]:
    """Each column's width: every cell whole if it fits, else what gives way, in this order.

    The free text (no cap) folds down to MIN_FOLD, capped columns fold to their cap (the
    last first), long headers take two lines; if that is not enough, the free text leaves
    the row (0) for a line under it, and capped columns fold further.
    """
    content = [max([0, *(cell_len(row.cells[i].plain) for row in rows)])
               for i in range(len(columns))]
    natural = [max(cell_len(c.header), size) for c, size in zip(columns, content, strict=True)]
    floors = [(0, MIN_FOLD) if c.fold and c.cap is None else (1, c.cap) if c.fold and c.cap
              else (2, _two_lines(c.header, size)) for c, size in zip(columns, content, strict=True)]
    # Folded cells first, the last column's first; then the header that saves the most.
    order = sorted(range(len(columns)), key=lambda i: (
        floors[i][0], floors[i][1] - natural[i] if floors[i][0] == 2 else 0, -i))
    for in_row in (True, False):
        widths = [0 if floors[i][0] == 0 and not in_row else natural[i]
                  for i in range(len(columns))]
        over = _give_way(widths, order, floors,
                         sum(widths) + len(GAP) * (sum(1 for w in widths if w) - 1) - width)
        for i in range(len(columns)):  # the free text under the row, and still too wide:
            if over > 0 and floors[i][0] == 1 and not in_row:  # capped ones fold further
                give = min(over, max(0, widths[i] - MIN_FOLD))
                widths[i] -= give
                over -= give
        if over <= 0:
            for i in (i for i in range(len(columns)) if floors[i][0] == 0 and widths[i]):
                back = min(-over, natural[i] - widths[i])  # room a fold left goes back
                widths[i] += back
                over += back
            break
    return widths


def _give_way(widths: list[int], order: list[int], floors: list[tuple[int, int]],
              over: int) -> int:
    """Narrow columns in order while the table is too wide; how much too wide it stays."""
    for i in order:
        if over <= 0 or not widths[i]:
            continue
        slack = max(0, widths[i] - floors[i][1])
        # Headers and capped cells fold where they read best, at their floor, not a letter short.
        give = min(over, slack) if floors[i][0] == 0 else slack
        widths[i] -= give
        over -= give
    return over


def _two_lines(header: str, content: int) -> int:
    """The narrowest a column of cells this wide is, its header on at most two lines."""
    width = max(content, 1, *(cell_len(chunk) for chunk in CHUNK.findall(header)))
    while len(wrap(header, width, measure=cell_len)) > 2:
        width += 1
    return width


def _fold(text: str, width: int) -> list[str]:
    """text in lines of at most width columns; one that fits is kept exactly as it is."""
    if cell_len(text) <= width:
        return [text]
    return wrap(text, width, measure=cell_len) or [""]


def _cells_lines(cells: list[Text], widths: list[int], right: list[bool],
                 bottom: bool = False) -> list[Text]:
    """One row's cells side by side, each folded to its column and padded to its width."""
    folded = [_fold(cell.plain, width) for cell, width in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in folded)
    if bottom:  # headers sit on the rule, however many lines the longest takes
        folded = [[""] * (height - len(lines)) + lines for lines in folded]
    out = []
    for number in range(height):
        line = Text()
        for index, (cell, lines, width) in enumerate(zip(cells, folded, widths, strict=True)):
            part = lines[number] if number < len(lines) else ""
            pad = " " * max(0, width - cell_len(part))
            line.append(GAP if index else "")
            line.append(pad if right[index] else "")
            line.append(part, style=cell.style)
            line.append("" if right[index] else pad)
        line.rstrip()
        out.append(line)
    return out


def _wrapped(text: str, width: int, first: str, later: str,
             style: str | Style = "") -> list[Text]:
    return [Text(line, style=style) for line in wrap(text, width, first, later, cell_len)]

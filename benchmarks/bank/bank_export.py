"""Write many rows of one make_samples layout at once, without a Python loop per row.

Every cell that depends only on what a row is (its 摘要, 取引区分, ...) or on its day is
rendered once per distinct value by make_samples' own cell() and quote(), then gathered; the
numbers are written digit by digit with numpy. A row is laid out in a fixed-width byte grid
padded with NUL bytes, and the NULs are dropped at the end: CP932 and UTF-8 text never holds
one, so what remains is exactly the rows as make_samples.render() writes them.
"""

from __future__ import annotations

from datetime import date, datetime, time

import numpy as np

from bank_what import WHATS, printer
from corpus_model import ms

BY_WHAT = frozenset({"blank", "memo", "jpy", "code", "desc", "flow", "mufg_flow", "bank_name",
                     "branch_name", "branch_no"})
BY_DAY = frozenset({"date", "year", "month", "day"})
NUMBERS = frozenset({"seq", "debit", "credit", "balance"})
_NOON = time(12)


def encode_table(texts: list[str], encoding: str) -> np.ndarray:
    """Encoded strings as rows of a NUL-padded byte table."""
    data = [t.encode(encoding) for t in texts]
    table = np.zeros((len(data), max(1, *map(len, data))), np.uint8)
    for number, raw in enumerate(data):
        table[number, :len(raw)] = np.frombuffer(raw, np.uint8)
    assert not any(0 in raw for raw in data), "a cell holds a NUL byte"
    return table


def digits(values: np.ndarray, commas: bool, width: int = 0) -> np.ndarray:
    """Decimal digits, right-aligned, NUL where a number is shorter; 0 is written as NUL too
    unless width pads with zeros (account numbers)."""
    values = values.astype(np.int64)
    places = 19 + (6 if commas else 0)
    out = np.zeros((len(values), places), np.uint8)
    rest, column, count = values.copy(), places - 1, 0
    while column >= 0 and (rest.any() or count < width):
        if commas and count and count % 3 == 0:
            out[:, column] = np.where(rest > 0, ord(","), 0)
            column -= 1
        out[:, column] = np.where((rest > 0) | (count < width), ord("0") + rest % 10, 0)
        rest //= 10
        count += 1
        column -= 1
    used = (out != 0).any(axis=0)
    return out[:, np.argmax(used):] if used.any() else out[:, -1:]


class Writer:
    """Renders rows of one layout; build once per export, then call lines() per chunk."""

    def __init__(self, layout_id: str, first: date, last: date) -> None:
        self.layout = ms.LAYOUT_BY_ID[layout_id]
        layout = self.layout
        if "{" in "".join(p.text for p in printer(layout_id)):
            raise ValueError(f"{layout_id} prints a fresh number in each row's text")
        if layout.encoding.startswith("utf-16") or layout.preamble or layout.order != "oldest":
            raise ValueError(f"{layout_id}: only oldest-first CP932/UTF-8 layouts without a "
                             "preamble can be exported")
        if layout.amount(1234567) not in ("1234567", "1,234,567"):
            raise ValueError(f"{layout_id}: amount form not supported")
        self.commas = layout.amount(1234567) == "1,234,567"
        self.first = first.toordinal()
        self.days = [date.fromordinal(d) for d in range(self.first, last.toordinal() + 1)]
        self.segments = self._segments()

    def header(self) -> bytes:
        """The header line (and BOM) as render() writes it."""
        text = ("\ufeff" if self.layout.bom else "") + self.layout.header + self.layout.eol
        return text.encode(self.layout.encoding)

    def _segments(self) -> list[tuple[str, object]]:
        """Runs of columns rendered the same way: ("what"|"day", table), or a number/account."""
        roles, out = list(self.layout.columns), []
        while roles:
            role = roles.pop(0)
            kind = "what" if role in BY_WHAT else "day" if role in BY_DAY else role
            run = [role]
            while kind in ("what", "day") and roles and (roles[0] in BY_WHAT if kind == "what"
                                                         else roles[0] in BY_DAY):
                run.append(roles.pop(0))
            end = self.layout.eol if not roles else self.layout.delimiter
            out.append(self._segment(kind, run, end))
        return out

    def _segment(self, kind: str, run: list[str], end: str) -> tuple[str, object]:
        if kind == "what":
            keys = [printer(self.layout.id)[n] for n in range(len(WHATS))]
            rows = [self._fake(p, date(2020, 1, 1)) for p in keys]
        elif kind == "day":
            p = printer(self.layout.id)[0]
            rows = [self._fake(p, d) for d in self.days]
        elif kind == "account":
            marker = self._cell("account", self._fake(printer(self.layout.id)[0],
                                                       self.days[0], "\x01"))
            prefix, suffix = marker.split("\x01")
            return kind, (prefix.encode(self.layout.encoding),
                          (suffix + end).encode(self.layout.encoding))
        elif kind in NUMBERS:
            return kind, end.encode(self.layout.encoding)
        else:
            raise ValueError(f"{self.layout.id}: column role {kind} not supported")
        texts = [self.layout.delimiter.join(self._cell(role, row) for role in run) + end
                 for row in rows]
        return kind, encode_table(texts, self.layout.encoding)

    def _fake(self, p, day: date, account: str = "0") -> ms.Statement:
        txn = ms.Txn(datetime.combine(day, _NOON), 0 if p.credit else 1, 1 if p.credit else 0,
                     p.kind, p.code, p.text)
        plan = ms.Plan(self.layout.id, "", "", "", "", (), account=account)
        return ms.Statement(self.layout, plan, (ms.Row(1, 1, txn, 0),), 0)

    def _cell(self, role: str, st: ms.Statement) -> str:
        return ms.quote(ms.cell(role, st.rows[0], st), role, self.layout.quoting,
                        self.layout.delimiter)

    def lines(self, what: np.ndarray, day: np.ndarray, debit: np.ndarray, credit: np.ndarray,
              balance: np.ndarray, seq: np.ndarray, account: np.ndarray,
              account_width: int) -> bytes:
        """The rows' lines, given what each row is, its day, amounts, balance, number and
        account number (digits, zero-padded to account_width)."""
        n = len(what)
        numbers = {"seq": seq, "debit": debit, "credit": credit, "balance": balance}
        blocks: list[np.ndarray] = []

        def const(raw: bytes) -> np.ndarray:
            return np.broadcast_to(np.frombuffer(raw, np.uint8), (n, len(raw)))

        for kind, data in self.segments:
            if kind == "what":
                blocks.append(data[what])
            elif kind == "day":
                blocks.append(data[day - self.first])
            elif kind == "account":
                prefix, suffix = data
                blocks += [const(prefix), digits(account, False, account_width), const(suffix)]
            else:
                value = numbers[kind]
                quote = self._quote(kind, value != 0)
                blocks += [quote, digits(value, self.commas and kind != "seq"), quote,
                           const(data)]
        grid = np.concatenate(blocks, axis=1)
        return grid[grid != 0].tobytes()

    def _quote(self, role: str, nonempty: np.ndarray) -> np.ndarray:
        """A column of quote bytes where make_samples.quote() quotes the field, else NUL."""
        quoting = self.layout.quoting
        quoted = (np.ones_like(nonempty) if quoting == "all" else nonempty if quoting == "nonempty"
                  else np.zeros_like(nonempty))
        return np.where(quoted, ord('"'), 0).astype(np.uint8)[:, None]

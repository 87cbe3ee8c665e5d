"""One account's rows as a make_samples statement: its Txns, its file name, bytes and truth."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from bank_model import PATTERN_NAMES, Bank, Profile, account_number
from bank_what import WALLET_IDS, printer
from corpus_model import ms


@dataclass(frozen=True)
class Columns:
    """A block of rows (one or many accounts, time order) as plain lists, cheap to slice."""

    day: list[int]
    sec: list[int]
    what: list[int]
    amount: list[int]
    credit: list[bool]
    hit: list[bool]


def txns(cols: Columns, lo: int, hi: int, layout_id: str, rng: random.Random) -> list[ms.Txn]:
    """Rows lo..hi-1 of the block as make_samples transactions, printed by the layout."""
    table, out = printer(layout_id), []
    for day, sec, what, amount, credit, hit in zip(
            cols.day[lo:hi], cols.sec[lo:hi], cols.what[lo:hi], cols.amount[lo:hi],
            cols.credit[lo:hi], cols.hit[lo:hi]):
        p = table[what]
        when = datetime.fromordinal(day) + timedelta(seconds=sec)
        text = ms.fill(p.text, rng) if "{" in p.text else p.text  # a fresh 承認番号 each row
        out.append(ms.Txn(when, 0 if credit else amount, amount if credit else 0, p.kind,
                          p.code, text, "flag" if hit else p.tag))
    return out


def own_of(prof: Profile, acc: int) -> tuple[str, ...]:
    """The holder's own wallets (their allow list)."""
    return tuple(WALLET_IDS[w] for w in prof.own[acc].tolist() if w >= 0)


def pattern_of(prof: Profile, acc: int) -> str | None:
    number = int(prof.pattern[acc])
    return PATTERN_NAMES[number] if number >= 0 else None


def statement(bank: Bank, prof: Profile, acc: int, items: list[ms.Txn],
              opening: int) -> ms.Statement:
    """The account's statement over the whole period, in the layout the holder's bank uses."""
    layout = ms.LAYOUT_BY_ID[bank.layouts[int(prof.layout[acc])]]
    plan = ms.Plan(layout.id, bank.start.isoformat(), bank.end.isoformat(),
                   pattern_of(prof, acc) or "ordinary", "",
                   own=tuple((w, "") for w in own_of(prof, acc)),
                   account=account_number(layout.id, acc))
    st = ms.assemble(layout, plan, items, opening)
    assert st.opening == opening, "openings() and assemble() disagree on the minimum balance"
    return st


def file_name(st: ms.Statement, acc: int) -> str:
    """00042_mufg_123-4567890.csv; banks that print the number in the preamble leave it out."""
    if st.layout.preamble is not None:
        return f"{acc:06d}_{st.layout.id}.csv"
    return f"{acc:06d}_{st.layout.id}_{st.plan.account}.csv"


def flagged(st: ms.Statement) -> list[list[object]]:
    """[line, date, amount, occurrence] of every row to flag (occurrence: 1 for the first row
    of the account with that date and amount, 2 for the next, ...); time where printed."""
    lines, seen, out = ms.row_lines(st), Counter(), []
    timed = "hour" in st.layout.columns
    for row in st.rows:
        txn = row.txn
        key = (txn.when.date(), txn.debit, txn.credit)
        seen[key] += 1
        if txn.tag == "flag":
            entry = [lines[row.number], key[0].isoformat(), txn.debit, seen[key]]
            out.append(entry + [f"{txn.when:%H:%M:%S}"] if timed else entry)
    return out


def summary(st: ms.Statement, prof: Profile, acc: int, name: str) -> dict[str, object]:
    """The accounts.jsonl entry of one statement file."""
    entry = ms.truth(st)
    return {"file": name, "layout": st.layout.id, "account": st.plan.account,
            "rows": entry["rows"], "debit_total": entry["debit_total"],
            "credit_total": entry["credit_total"], "opening": st.opening,
            "closing": st.closing, "first": st.first.isoformat(), "last": st.last.isoformat(),
            "own": list(own_of(prof, acc)), "pattern": pattern_of(prof, acc)}

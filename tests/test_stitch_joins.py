"""How two downloads meet: shared rows once, identical rows kept, breaks and gaps, grouping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from auditor.ingest.statement import Statement, read_statement
from auditor.stitch import Chain, Why, stitch
from tests.builders import MUFG_HEADER, commas, mufg

Row = tuple[str, str, int | None, int | None]
Write = Callable[..., Path]
PAY = ("2020/9/1", "キユウヨ", None, 300_000)
RENT = ("2020/9/3", "ヤチン", 80_000, None)
GAS = ("2020/9/10", "ガス", 5_000, None)
TOPUP = ("2020/9/12", "ドコモコウザ", 30_000, None)
PHONE = ("2020/9/20", "ＮＴＴドコモ", 9_000, None)
CARD = ("2020/9/25", "カード", 40_000, None)


def balanced(opening: int, *rows: Row) -> bytes:
    """三菱UFJ with its 差引残高 filled in from an opening balance."""
    lines, balance = [MUFG_HEADER], opening
    for when, text, out, into in rows:
        balance += (into or 0) - (out or 0)
        lines.append(f'"{when}","口座振替","{text}","{commas(out)}","{commas(into)}",'
                     f'"{balance:,}","","",""')
    return ("\r\n".join(lines) + "\r\n").encode("cp932")


def read(write: Write, raw: bytes, name: str) -> Statement:
    return read_statement(write(raw, name))


def texts(frame: pd.DataFrame) -> list[str]:
    return [str(text) for text in frame["description"]]


def test_shared_rows_count_once_and_the_chain_runs_on(statement_file: Write) -> None:
    early = read(statement_file, balanced(500_000, PAY, RENT, GAS, TOPUP), "8463340499_1.csv")
    late = read(statement_file, balanced(720_000, GAS, TOPUP, PHONE, CARD), "8463340499_2.csv")
    (account,) = stitch([late, early])
    assert texts(account.frame) == ["キユウヨ", "ヤチン", "ガス", "ドコモコウザ", "ＮＴＴドコモ", "カード"]
    (join,) = account.joins
    assert (join.matched, join.unchained, join.chain) == (2, 0, Chain.continues)
    assert account.provenance.places(3) == ((str(early.path), 5), (str(late.path), 3))
    assert account.provenance.places(4) == ((str(late.path), 4),)


def test_quiet_days_between_files_are_no_gap_when_the_balance_runs_on(
        statement_file: Write) -> None:
    early = read(statement_file, balanced(500_000, PAY, RENT), "8463340499_1.csv")
    late = read(statement_file, balanced(720_000, GAS, TOPUP), "8463340499_2.csv")
    (account,) = stitch([early, late])
    (join,) = account.joins
    assert join.uncovered == (date(2020, 9, 4), date(2020, 9, 9))
    assert join.chain is Chain.continues and account.gaps == () and account.breaks == ()


def test_a_balance_that_does_not_run_on_is_a_gap_with_the_yen_it_moved(
        statement_file: Write) -> None:
    early = read(statement_file, balanced(500_000, PAY, RENT), "8463340499_1.csv")
    late = read(statement_file, balanced(700_000, TOPUP, PHONE), "8463340499_2.csv")
    (account,) = stitch([early, late])
    (gap,) = account.gaps
    assert account.breaks == (gap,) and gap.missing == -20_000
    assert gap.uncovered == (date(2020, 9, 4), date(2020, 9, 11))


def test_files_that_disagree_inside_their_overlap_keep_every_row_and_say_so(
        statement_file: Write) -> None:
    early = read(statement_file, balanced(500_000, PAY, RENT, GAS), "8463340499_1.csv")
    other_gas = ("2020/9/10", "ガス", 5_001, None)  # one yen apart: another transaction
    late = read(statement_file, balanced(720_000, other_gas, TOPUP), "8463340499_2.csv")
    (account,) = stitch([early, late])
    assert texts(account.frame) == ["キユウヨ", "ヤチン", "ガス", "ガス", "ドコモコウザ"]
    (join,) = account.joins
    assert join.matched == 0 and join.broken and join.uncovered is None
    other_rent = ("2020/9/3", "ヤチン", 80_500, None)  # the later file starts days earlier
    late = read(statement_file, balanced(219_500, other_rent, PHONE), "8463340499_3.csv")
    (account,) = stitch([early, late])
    assert texts(account.frame) == ["キユウヨ", "ヤチン", "ヤチン", "ガス", "ＮＴＴドコモ"]
    assert list(account.frame["seq"]) == list(range(5))
    assert [p[0][0] for p in map(account.provenance.places, range(5))] == \
        [str(early.path), str(early.path), str(late.path), str(early.path), str(late.path)]
    assert account.breaks == account.joins


def test_a_file_inside_another_adds_nothing(statement_file: Write) -> None:
    year = read(statement_file, balanced(500_000, PAY, RENT, GAS, TOPUP, PHONE), "8463340499.csv")
    inside = read(statement_file, balanced(720_000, GAS, TOPUP), "8463340499 (2).csv")
    (account,) = stitch([inside, year])
    assert len(account.frame) == 5 and account.joins[0].matched == 2
    assert [len(account.provenance.places(seq)) for seq in range(5)] == [1, 1, 2, 2, 1]
    assert list(account.provenance.held()) == [1, 1, 2, 2, 1]


def test_identical_debits_keep_their_number_across_a_join(statement_file: Write) -> None:
    twice = [TOPUP, TOPUP]
    early = read(statement_file, mufg(PAY, RENT, *twice), "8463340499_1.csv")
    late = read(statement_file, mufg(*twice, PHONE), "8463340499_2.csv")
    shorter = read(statement_file, mufg(TOPUP, PHONE), "8463340499_3.csv")
    for files in ([early, late], [early, shorter]):
        (account,) = stitch(files)
        assert texts(account.frame) == ["キユウヨ", "ヤチン", "ドコモコウザ", "ドコモコウザ", "ＮＴＴドコモ"]
        assert account.unchained == account.joins[0].matched == len(files[1].frame) - 1
        assert account.joins[0].chain is Chain.unknown
    (alone,) = stitch([read(statement_file, mufg(PAY, *twice, *twice), "8463340499.csv")])
    assert len(alone.frame) == 5  # never merged inside one download


def test_unnumbered_files_join_only_where_the_balance_runs_on(statement_file: Write) -> None:
    first = read(statement_file, balanced(500_000, PAY, RENT), "8463340499_a.csv")
    chained = read(statement_file, balanced(720_000, GAS, TOPUP), "statement_b.csv")
    stranger = read(statement_file, balanced(720_001, PHONE, CARD), "statement_c.csv")
    accounts = stitch([first, chained, stranger])
    assert [[s.path.name for s in a.statements] for a in accounts] == \
        [["8463340499_a.csv", "statement_b.csv"], ["statement_c.csv"]]
    assert [(link.file, link.to, link.why) for link in accounts[0].links] == \
        [(str(chained.path), str(first.path), Why.chain)]
    assert accounts[0].masked == "***0499" and accounts[1].number is None


def test_a_chain_never_joins_two_account_numbers(statement_file: Write) -> None:
    mine = read(statement_file, balanced(500_000, PAY, RENT), "8463340499_a.csv")
    loose = read(statement_file, balanced(720_000, GAS, TOPUP), "statement_b.csv")
    theirs = read(statement_file, balanced(685_000, PHONE, CARD), "1112223334_c.csv")
    accounts = stitch([mine, loose, theirs])
    assert sorted(len(a.statements) for a in accounts) == [1, 2]
    assert {a.masked for a in accounts} == {"***0499", "***3334"}


def test_told_they_are_one_account_joins_one_bank_only(statement_file: Write) -> None:
    from tests.builders import paypay

    one = read(statement_file, mufg(PAY, RENT), "statement_a.csv")
    two = read(statement_file, mufg(TOPUP, PHONE), "statement_b.csv")
    other_bank = read(statement_file, paypay(("2020/9/5", "", "PAYPAY", 3000, None)), "p.csv")
    alone = stitch([one, two, other_bank])
    assert len(alone) == 3
    told = stitch([one, two, other_bank], same_account=True)
    assert [len(a.statements) for a in told] == [2, 1]
    assert [link.why for link in told[0].links] == [Why.told]


def test_a_file_with_no_rows_is_kept_and_adds_nothing(statement_file: Write) -> None:
    rows = read(statement_file, mufg(PAY, RENT), "8463340499_a.csv")
    empty = read(statement_file, mufg(), "8463340499_b.csv")
    (account,) = stitch([empty, rows])
    assert len(account.statements) == 2 and len(account.frame) == 2 and account.joins == ()
    (nothing,) = stitch([empty])
    assert nothing.frame.empty and list(nothing.frame.columns) == list(rows.frame.columns)

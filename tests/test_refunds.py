"""Refunds: a flagged top-up the same service paid back is shown as refunded, never at risk."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest

from auditor.detect.audit import audit
from auditor.models import Finding, Refund, ScanResult
from auditor.report.claim import Status, status_of
from auditor.detect.rules import Context
from auditor.ingest.statement import read_statement
from auditor.detect.wallets import load_catalogue
from tests.builders import mufg, paypay

Write = Callable[..., Path]


def found(statement_file: Write, raw: bytes, allowed: Iterable[str] = ("paypay",)) -> list[Finding]:
    return audit(read_statement(statement_file(raw)), Context(load_catalogue(), frozenset(allowed)))


TOP_UP = ("2020/9/1", "ﾄﾞｺﾓｺｳｻﾞ", 30_000, None)


@pytest.mark.parametrize(("credit", "refunded"), [
    (("2020/9/5", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000), Refund(3, date(2020, 9, 5))),
    (("2020/9/15", "ドコモ口座", None, 30_000), Refund(3, date(2020, 9, 15))),  # day 14
    (("2020/9/1", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000), Refund(3, date(2020, 9, 1))),  # the same day
    (("2020/9/16", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000), None),  # day 15: too late
    (("2020/9/5", "ﾄﾞｺﾓｺｳｻﾞ", None, 29_000), None),  # not the same amount
    (("2020/9/5", "ﾒﾙﾍﾟｲ", None, 30_000), None),  # not the same service
    (("2020/9/5", "ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ", None, 30_000), None),  # a person, not the service
])
def test_a_matching_credit_marks_the_top_up_refunded(statement_file: Write, credit: tuple,
                                                     refunded: Refund | None) -> None:
    [row] = found(statement_file, mufg(TOP_UP, credit))
    assert row.refund == refunded
    assert row.counts is (refunded is None)


def test_a_credit_before_the_top_up_pays_nothing_back(statement_file: Write) -> None:
    [row] = found(statement_file, mufg(("2020/8/30", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000), TOP_UP))
    assert row.refund is None


def test_each_credit_pays_back_one_top_up(statement_file: Write) -> None:
    raw = mufg(TOP_UP, TOP_UP, ("2020/9/3", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000))
    rows = found(statement_file, raw)
    assert [row.refund for row in rows] == [Refund(4, date(2020, 9, 3)), None]


def test_with_times_the_credit_must_come_after(statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "10:00", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000),
                 ("2020/9/1", "11:00", "ﾄﾞｺﾓｺｳｻﾞ", 30_000, None),
                 ("2020/9/1", "12:00", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000))
    [row] = found(statement_file, raw)
    assert row.refund == Refund(4, date(2020, 9, 1))


def test_a_wallet_like_payee_is_paid_back_by_the_same_text(statement_file: Write) -> None:
    raw = mufg(("2020/9/1", "ＲＴＫ　ナントカ", 5_000, None), ("2020/9/2", "ＲＴＫ　ナントカ", None, 5_000))
    [row] = found(statement_file, raw)
    assert (row.rules, row.refund) == (("wallet-like",), Refund(3, date(2020, 9, 2)))


def test_a_refunded_finding_leaves_the_claim(statement_file: Write) -> None:
    [row] = found(statement_file, mufg(TOP_UP, ("2020/9/5", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000)))
    assert status_of(row, "not-mine") is Status.refunded
    assert ScanResult(files=(), findings=(row,)).at_risk() == 0


def test_scan_exit_code_and_at_risk_leave_refunds_out(cli: Callable[..., object],
                                                      statement_file: Write) -> None:
    path = statement_file(mufg(TOP_UP, ("2020/9/5", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000)))
    run = cli("scan", path, "-a", "paypay", "-f", "json")
    data = json.loads(run.out)
    assert run.code == 0
    assert data["findings"][0]["refund"] == {"line": 3, "date": "2020-09-05"}
    assert data["findings"][0]["severity"] == "medium"
    assert data["summary"]["at_risk"] == 0
    assert "refunded on 2020-09-05 (line 3)" in cli("scan", path, "-a", "paypay").out


def test_the_draft_report_leaves_a_refunded_top_up_out(cli: Callable[..., object],
                                                       statement_file: Write) -> None:
    path = statement_file(mufg(TOP_UP, ("2020/9/1", "ﾒﾙﾍﾟｲ", 40_000, None),
                               ("2020/9/5", "ﾄﾞｺﾓｺｳｻﾞ", None, 30_000)))
    draft = cli("report", path, "-a", "paypay", "--lang", "en").out
    assert "¥40,000" in draft and "¥30,000" not in draft

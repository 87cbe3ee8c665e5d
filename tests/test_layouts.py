"""Layouts are data: each TOML is valid, named by its id, and identifies its own sample."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.errors import StatementError, UsageError
from auditor.ingest.identify import generic_layout
from auditor.ingest.layouts import builtin_layouts, load_layout_file
from auditor.ingest.statement import ReadOptions, read_statement
from tests.conftest import SAMPLES

LAYOUT_DIR = Path(__file__).resolve().parent.parent / "auditor" / "data" / "layouts"
Write = Callable[..., Path]


def test_file_names_are_layout_ids() -> None:
    assert sorted(p.stem for p in LAYOUT_DIR.glob("*.toml")) == [lay.id for lay in builtin_layouts()]


@pytest.mark.parametrize("layout", builtin_layouts(), ids=lambda lay: lay.id)
def test_each_layout_identifies_its_sample(layout) -> None:  # noqa: ANN001
    statement = read_statement(SAMPLES / f"{layout.id}.csv", ReadOptions(year=2023))
    assert statement.layout.id == layout.id
    assert len(statement.frame) > 0


_BOM = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-8-sig": b""}


@pytest.mark.parametrize("layout", builtin_layouts(), ids=lambda lay: lay.id)
def test_each_layout_header_is_recognised_from_bytes(layout, statement_file: Write) -> None:  # noqa: ANN001
    encoding = (layout.encodings or ("cp932",))[0]
    delimiter = layout.delimiter or ("\t" if encoding.startswith("utf-16") else ",")
    raw = _BOM.get(encoding, b"") + (delimiter.join(layout.header) + "\r\n").encode(encoding)
    statement = read_statement(statement_file(raw))
    assert statement.layout.bank == layout.bank
    assert len(statement.frame) == 0


def test_users_own_layout_file(statement_file: Write, tmp_path: Path) -> None:
    own = tmp_path / "shichijushichi.toml"
    own.write_text(
        'id = "bank77"\nbank = "七十七銀行"\n'
        'header = ["お取引日", "お取引内容", "お支払", "お預入", "お残高"]\n'
        '[columns]\ndate = "お取引日"\ndescription = "お取引内容"\n'
        'withdrawal = "お支払"\ndeposit = "お預入"\nbalance = "お残高"\n',
        encoding="utf-8",
    )
    raw = "お取引日,お取引内容,お支払,お預入,お残高\n2020/9/1,ﾄﾞｺﾓｺｳｻﾞ,100000,,900000\n"
    statement = read_statement(statement_file(raw.encode("cp932")),
                               ReadOptions(layouts=(load_layout_file(own),)))
    assert statement.layout.id == "bank77"
    assert statement.frame["debit"].tolist() == [100000]


@pytest.mark.parametrize(("order", "first"), [(None, "ﾍﾟｲﾍﾟｲ"), ("newest-first", "ﾄﾞｺﾓｺｳｻﾞ")])
def test_a_one_day_file_with_no_balance_is_in_the_banks_usual_order(
        statement_file: Write, tmp_path: Path, order: str | None, first: str) -> None:
    own = tmp_path / "own.toml"
    own.write_text(
        'id = "own"\nbank = "b"\nheader = ["日付", "内容", "出金", "入金"]\n'
        + ("" if order is None else f'order = "{order}"\n')
        + '[columns]\ndate = "日付"\ndescription = "内容"\nwithdrawal = "出金"\n'
        'deposit = "入金"\n', encoding="utf-8")
    raw = ("日付,内容,出金,入金\n2020/9/1,ﾍﾟｲﾍﾟｲ,100,\n"
           "2020/9/1,ﾄﾞｺﾓｺｳｻﾞ,200,\n").encode("cp932")
    statement = read_statement(statement_file(raw), ReadOptions(layouts=(load_layout_file(own),)))
    assert statement.frame["description"].tolist()[0] == first


@pytest.mark.parametrize(("body", "words"), [
    ('id = "x"\nbank = "b"\nheader = ["a"]\n[columns]\ndate = "a"\n', "description"),
    ('id = "x"\nbank = "b"\nheader = ["a", "b"]\n[columns]\ndate = "a"\ndescription = "z"\n'
     'amount = "b"\n', "'z'"),
    ('id = "x"\nbank = "b"\nheader = ["a"]\nheadr = 1\n[columns]\n', "headr"),
    ('id = "x"\nbank = "b"\nheader = ["a","b","c"]\n[columns]\ndate = "a"\ndescription = "b"\n'
     'amount = "c"\nwithdrawal = "c"\ndeposit = "c"\n', "either"),
    ("not toml ][", "TOML"),
    ('id = "x"\nbank = "b"\nheader = ["a","b"]\norder = "newest"\n[columns]\ndate = "a"\n'
     'description = "b"\namount = "b"\n', "newest-first"),
])
def test_bad_layout_files_name_the_problem(tmp_path: Path, body: str, words: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(UsageError, match=words):
        load_layout_file(path)


@pytest.mark.parametrize(("header", "roles"), [
    ("取引日,摘要,お引出し金額,お預け入れ金額,差引残高,メモ",
     {"date": 0, "description": 1, "withdrawal": 2, "deposit": 3, "balance": 4}),
    ("日付,お取引内容,出金,入金,残高",
     {"date": 0, "description": 1, "withdrawal": 2, "deposit": 3, "balance": 4}),
    ("年月日,摘要,摘要内容,お支払い金額,お預かり金額,差引残高",
     {"date": 0, "channel": 1, "description": 2, "withdrawal": 3, "deposit": 4, "balance": 5}),
    ("取引日,入出金額,残高,内容", {"date": 0, "amount": 1, "balance": 2, "description": 3}),
    ("Date,Description,Withdrawal,Deposit,Balance",
     {"date": 0, "description": 1, "withdrawal": 2, "deposit": 3, "balance": 4}),
])
def test_generic_layout_from_usual_column_words(header: str, roles: dict[str, int]) -> None:
    cells = header.split(",")
    layout = generic_layout(cells, ",")
    assert layout is not None and layout.generic
    assert {role: cells.index(names[0]) for role, names in layout.columns.items()} == roles


@pytest.mark.parametrize("line", ["お客さま口座情報", "照会期間,2019.10.01～2020.09.30",
                                  "店番,738", "a,b,c", "日付,摘要,メモ"])
def test_preamble_lines_are_not_generic_headers(line: str) -> None:
    assert generic_layout(line.split(","), ",") is None

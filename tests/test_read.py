"""Reading statement bytes: encodings, preambles, separators, line ends, nothing lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from auditor.errors import StatementError
from auditor.ingest.decode import decode
from auditor.ingest.statement import ReadOptions, read_statement

Write = Callable[..., Path]
MUFG_HEADER = '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"\r\n'
MUFG_ROWS = (
    '"2020/1/5","口座振替","ＲＴＫ　ペイペイ","10,000","","990,000","","","振替支払い"\r\n'
    '"2020/1/6","振込１","ヤマダ　タロウ","","5,000","995,000","","","振替入金"\r\n'
)


def test_cp932_bytes_are_detected() -> None:
    raw = b"\x83h\x83R\x83\x82\x83R\x83E\x83U"  # ドコモコウザ in CP932
    assert decode(raw) == ("ドコモコウザ", "cp932")


def test_cp932_not_shift_jis_for_the_long_vowel() -> None:
    # 0x817C is U+FF0D under cp932 (U+2212 under shift_jis); the key folds both to ー.
    assert decode(b"\x83J\x81|\x83h") == ("カ－ド", "cp932")


@pytest.mark.parametrize(("raw", "encoding"), [
    (b"\xef\xbb\xbf\xe5\x8f\x96\xe5\xbc\x95\xe6\x97\xa5", "utf-8-sig"),
    (b"\xff\xfe\xd6S\x15_\xe5e", "utf-16-le"),
    (b"\xfe\xffS\xd6_\x15e\xe5", "utf-16-be"),
    (b"\xe5\x8f\x96\xe5\xbc\x95\xe6\x97\xa5", "utf-8"),
])
def test_bom_and_utf8_detection(raw: bytes, encoding: str) -> None:
    assert decode(raw) == ("取引日", encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding: str) -> None:
    text = "取引日\t摘要\n2022/10/06\tﾍﾟｲﾍﾟｲ\n"
    assert decode(text.encode(encoding)) == (text, encoding)


def test_undecodable_file_names_the_line_and_the_fix() -> None:
    raw = b"a,b\r\nc,d\r\n\x85\x40\xeb\x40\r\n"  # no such CP932 pairs
    with pytest.raises(StatementError) as caught:
        decode(raw)
    assert caught.value.line == 3
    assert "--encoding" in str(caught.value)


def test_explicit_encoding_wins_and_reports_its_failure_line() -> None:
    assert decode("ﾍﾟｲﾍﾟｲ".encode("shift_jis_2004"), "shift_jis_2004")[0] == "ﾍﾟｲﾍﾟｲ"
    with pytest.raises(StatementError) as caught:
        decode(b"ok\n\x83h\n", "utf-8")
    assert caught.value.line == 2


def test_mufg_cp932_crlf(statement_file: Write) -> None:
    statement = read_statement(statement_file((MUFG_HEADER + MUFG_ROWS).encode("cp932")))
    assert statement.layout.id == "mufg"
    frame = statement.frame
    assert list(frame["line"]) == [2, 3]
    assert list(frame["debit"]) == [10000, 0]
    assert list(frame["credit"]) == [0, 5000]
    assert frame["description"][0] == "ＲＴＫ　ペイペイ"  # exactly as printed
    assert frame["key"][0] == "RTK ペイペイ"
    assert frame["channel"][0] == "口座振替"


@pytest.mark.parametrize("line_end", ["\r\n", "\n", "\r"])
def test_line_ends(statement_file: Write, line_end: str) -> None:
    text = (MUFG_HEADER + MUFG_ROWS).replace("\r\n", line_end)
    statement = read_statement(statement_file(text.encode("cp932")))
    assert list(statement.frame["line"]) == [2, 3]


def test_yucho_preamble_trailing_comma_and_channel(statement_file: Write) -> None:
    text = (
        "お客さま口座情報\r\n現在高：,\"2,689\",円,\r\n出力日時：令和 02 年 10 月 01 日 09 時 12 分\r\n"
        "お客さま口座番号：12345-00000000\r\n照会対象：全期間\r\n明細件数：2\r\n"
        "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"
        "20200719,202007190000001,,1000,ＲＴ,(ﾍﾟｲﾍﾟｲ),16975,\r\n"
        "20200727,202007270000002,2000,,振込,ﾔﾏﾀﾞ ﾀﾛｳ,18975,\r\n"
    )
    statement = read_statement(statement_file(text.encode("cp932")))
    assert statement.layout.id == "yucho"
    assert list(statement.frame["line"]) == [8, 9]
    assert statement.frame["channel"][0] == "ＲＴ"
    assert statement.frame["key"][0] == "(ペイペイ)"
    assert statement.balance_breaks == ()


def test_shinsei_utf16_tab_separated_newest_first(statement_file: Write) -> None:
    text = (
        "\n\n入出金明細\t円普通預金\t0000000\tJPY : \t期間指定でのご照会\n\n現在残高\t7\tJPY\n\n"
        "スタート日\t2022/10/01\t終了日\t2022/10/06\n\n"
        "取引日\t照会番号\t摘要\tお支払金額\tお預り金額\t残高\n"
        "2022/10/06\t000000003\tﾍﾟｲﾍﾟｲ\t3\t\t7\n"
        "2022/10/01\t000000001\t振込\t\t10\t10\n"
    )
    statement = read_statement(statement_file(b"\xff\xfe" + text.encode("utf-16-le")))
    assert (statement.layout.id, statement.encoding) == ("shinsei_2018", "utf-16-le")
    assert statement.order == "newest-first"
    assert list(statement.frame["line"]) == [11, 10]  # time order: oldest first
    assert statement.balance_breaks == ()


def test_identical_rows_are_never_merged(statement_file: Write) -> None:
    row = '"2020/9/1","口座振替","ﾄﾞｺﾓｺｳｻﾞ","90,000","","","","","支払い"\r\n'
    statement = read_statement(statement_file((MUFG_HEADER + row * 4).encode("cp932")))
    assert len(statement.frame) == 4
    assert list(statement.frame["line"]) == [2, 3, 4, 5]


def test_nothing_lost_and_no_cell_value_in_reasons(statement_file: Write) -> None:
    text = MUFG_HEADER + MUFG_ROWS + (
        '"2020/13/45","振込１","ヒミツ","1","","","","",""\r\n'
        '"2020/1/7","振込１","ヒミツ","12a","","","","",""\r\n'
        '"2020/1/8","振込１","ヒミツ","","","","","",""\r\n'
        "\r\n"
        '"2020/1/9","振込１","ヒミツ","1","","","","","","extra"\r\n'
    )
    statement = read_statement(statement_file(text.encode("cp932")))
    assert len(statement.frame) == 2
    assert [line for line, _ in statement.rejected] == [4, 5, 6, 8]
    reasons = " ".join(reason for _, reason in statement.rejected)
    assert "ヒミツ" not in reasons and "12a" not in reasons and "extra" not in reasons
    assert "日付" in reasons and "支払い金額" in reasons


def test_quoted_line_break_keeps_line_numbers(statement_file: Write) -> None:
    text = MUFG_HEADER + (
        '"2020/1/5","振込１","ヤマダ\r\nタロウ","1","","","","",""\r\n'
        '"2020/1/6","振込１","ヤマダ","2","","","","",""\r\n'
    )
    statement = read_statement(statement_file(text.encode("cp932")))
    assert list(statement.frame["line"]) == [2, 4]


def test_note_lines_after_the_table_are_skipped_not_lost(statement_file: Write) -> None:
    text = (
        "明細通番,日付,お引出金額,お預入金額,残高,お取引内容\r\n"
        "1,2020.04.28,100000,,900000,ﾄﾞｺﾓｺｳｻﾞ\r\n"
        "2,2020.04.28,90000,,810000,ﾄﾞｺﾓｺｳｻﾞ\r\n"
        "\r\n※このデータはお客さまの控えです。\r\n"
    )
    statement = read_statement(statement_file(text.encode("cp932")))
    assert len(statement.frame) == 2
    assert statement.rejected == []
    assert statement.skipped == [(5, "note line after the table")]


def test_unclosed_quote_is_a_clear_error(statement_file: Write) -> None:
    text = MUFG_HEADER + '"2020/1/5","振込１","ヤマダ,1,,,,,\r\n"2020/1/6","A","1"\r\n'
    with pytest.raises(StatementError):
        read_statement(statement_file(text.encode("cp932")))


@pytest.mark.parametrize(("raw", "words"), [
    (b"", "empty"),
    (b"PK\x03\x04\x14\x00", "Excel"),
    (b"<!DOCTYPE html><html></html>", "HTML"),
    (b"a,b,c\n1,2,3\n", "no bank header"),
    (b"\xef\xbb\xbf", "empty"),
])
def test_wrong_files_say_what_they_are(statement_file: Write, raw: bytes, words: str) -> None:
    with pytest.raises(StatementError, match=words):
        read_statement(statement_file(raw))


def test_ja_bank_years_roll_over_at_new_year(statement_file: Write) -> None:
    header = '"番号","明細区分","取扱日付","起算日","お支払金額","お預り金額","取引区分","残高","摘要"\r\n'
    rows = (
        '"001","","12月30日","","","\\7,000","振込入金","\\7,000","ｳｳ"\r\n'
        '"002","","1月4日","","\\4,600","","出金","\\2,400","ﾍﾟｲﾍﾟｲ"\r\n'
    )
    path = statement_file((header + rows).encode("cp932"))
    given = read_statement(path, ReadOptions(year=2023))
    assert [d.date() for d in given.frame["date"]] == [date(2023, 12, 30), date(2024, 1, 4)]
    inferred = read_statement(path, ReadOptions(today=date(2024, 3, 1)))
    assert [d.year for d in inferred.frame["date"]] == [2023, 2024]
    assert any("--year" in note for note in inferred.notes)


def test_paypay_bank_time_of_day(statement_file: Write) -> None:
    text = (
        '"操作日(年)","操作日(月)","操作日(日)","操作時刻(時)","操作時刻(分)","操作時刻(秒)",'
        '"取引順番号","摘要","お支払金額","お預り金額","残高","メモ"\r\n'
        '"2020","09","01","14","05","09","1","PAYPAY","100000","","900000",""\r\n'
    )
    statement = read_statement(statement_file(text.encode("cp932")))
    assert statement.frame["time"][0] == "14:05:09"
    assert str(statement.frame["date"][0].date()) == "2020-09-01"


def test_smbc_negative_withdrawals_pick_the_old_layout(statement_file: Write) -> None:
    header = "年月日,お引出し,お預入れ,お取り扱い内容,残高,メモ,ラベル\n"
    old = read_statement(statement_file((header + '2022/6/6,-1,,"ﾍﾟｲﾍﾟｲ",4,"",\n').encode("cp932")))
    new = read_statement(statement_file((header + '2022/10/6,1,,"ﾍﾟｲﾍﾟｲ",4,"",\n').encode("cp932"), "b.csv"))
    assert (old.layout.id, new.layout.id) == ("smbc_2018", "smbc")
    assert old.frame["debit"][0] == new.frame["debit"][0] == 1


def test_balance_breaks_are_reported_by_line(statement_file: Write) -> None:
    text = MUFG_HEADER + (
        '"2020/1/5","振込１","A","100","","900","","",""\r\n'
        '"2020/1/6","振込１","B","100","","800","","",""\r\n'
        '"2020/1/7","振込１","C","100","","500","","",""\r\n'
        '"2020/1/8","振込１","D","100","","400","","",""\r\n'
    )
    statement = read_statement(statement_file(text.encode("cp932")))
    assert statement.order == "oldest-first"
    assert statement.balance_breaks == (4,)

"""Small statements in two bank layouts, built as the banks write them, for rule tests."""

from __future__ import annotations

MUFG_HEADER = ('"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ",'
               '"未資金化区分","入払区分"')
PAYPAY_HEADER = ('"操作日(年)","操作日(月)","操作日(日)","操作時刻(時)","操作時刻(分)",'
                 '"操作時刻(秒)","取引順番号","摘要","お支払金額","お預り金額","残高","メモ"')


def mufg(*rows: tuple[str, str, int | None, int | None]) -> bytes:
    """三菱UFJ 9 columns, no time of day: rows of (2020/9/1, 摘要内容, debit, credit)."""
    lines = [MUFG_HEADER]
    for when, text, out, into in rows:
        channel = "口座振替" if out else "振込１"
        lines.append(f'"{when}","{channel}","{text}","{commas(out)}","{commas(into)}",'
                     '"","","",""')
    return ("\r\n".join(lines) + "\r\n").encode("cp932")


def paypay(*rows: tuple[str, str, str, int | None, int | None]) -> bytes:
    """PayPay銀行 12 columns with times: rows of (2020/9/1, 14:05[:30] or "", 摘要, debit, credit)."""
    lines = [PAYPAY_HEADER]
    for number, (when, clock, text, out, into) in enumerate(rows, start=1):
        year, month, day = when.split("/")
        hour, minute, second = (clock.split(":") + ["00"])[:3] if clock else ("", "", "")
        lines.append(f'"{year}","{month}","{day}","{hour}","{minute}","{second}","{number}",'
                     f'"{text}","{out or ""}","{into or ""}","",""')
    return ("\r\n".join(lines) + "\r\n").encode("cp932")


def commas(amount: int | None) -> str:
    return "" if amount is None else f"{amount:,}"

"""Identify a statement's layout: find a known header row, or build a generic layout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import StatementError
from auditor.ingest.layouts import Layout, header_index
from auditor.ingest.read import HEADER_SCAN_LINES, first_lines, split_line
from auditor.ingest.text import fold_header
from auditor.wording import Said, say

_DELIMITERS = (",", "\t", ";")
_PEEK_ROWS = 200

# Column words of Japanese (and English) statements, folded; the first hit of each role wins.
_DATE_WORDS = ("日付", "取引日", "年月日", "取扱日付", "取扱日", "勘定日", "お取引日", "お取り引き日",
               "取引年月日", "操作日", "年月日(和暦)", "VALUEDATE", "DATE", "TRANSACTIONDATE")
_DESCRIPTION_WORDS = ("摘要内容", "お取引内容", "取引内容", "お取り扱い内容", "お取扱内容", "入出金内容",
                      "入出金先内容", "お取引明細", "内容", "摘要", "詳細", "DESCRIPTION", "PAYEE",
                      "DETAILS", "MEMO")
_WITHDRAWAL_WORDS = ("支払", "出金", "引出", "引き出", "払出", "払戻", "DEBIT", "WITHDRAWAL", "DR")
_DEPOSIT_WORDS = ("預入", "預け入", "預かり", "預り", "入金", "受入", "CREDIT", "DEPOSIT", "CR")
_BALANCE_WORDS = ("残高", "BALANCE")
_AMOUNT_WORDS = ("入出金", "取引金額", "金額", "AMOUNT")
_NOT_AMOUNT = ("ID", "番号", "通番", "明細", "区分", "日", "内容")
_NOT_PAIR = (*_NOT_AMOUNT, "入出金")  # 入出金(円) is one signed column, not a withdrawal
_GENERIC_ROLES: tuple[tuple[str, Sequence[str], bool, Sequence[str]], ...] = (
    ("date", _DATE_WORDS, True, ()),
    ("balance", _BALANCE_WORDS, False, ()),
    ("withdrawal", _WITHDRAWAL_WORDS, False, _NOT_PAIR),
    ("deposit", _DEPOSIT_WORDS, False, _NOT_PAIR),
    ("description", _DESCRIPTION_WORDS, True, ()),
    ("amount", _AMOUNT_WORDS, False, _NOT_AMOUNT),
)


@dataclass(frozen=True)
class HeaderMatch:
    """Where a layout's header stands in the text and how its rows are split."""

    layout: Layout
    line: int  # 1-based line number of the header row
    header_start: int  # offset in the text where the header row begins (after any preamble)
    body_start: int  # offset in the text where the first row after the header begins
    delimiter: str
    width: int  # number of cells a row should have
    positions: dict[str, tuple[int, ...]]  # role → column indexes
    ragged: bool = False  # the first row has more cells than width: no fast path for it

    def used_positions(self) -> set[int]:
        """Every column some role reads."""
        return {p for positions in self.positions.values() for p in positions}

    def text_positions(self) -> set[int]:
        """Columns whose text is shown as printed (descriptor, channel, row id)."""
        return {p for role in ("description", "channel", "row_id")
                for p in self.positions.get(role, ())}

    def amount_positions(self) -> set[int]:
        """Columns holding yen amounts, which the tokenizer may convert to numbers."""
        roles = ("withdrawal", "deposit", "amount", "balance")
        return {p for role in roles for p in self.positions.get(role, ())}


def identify(text: str, encoding: str, layouts: Sequence[Layout]) -> HeaderMatch:
    """Find the header row among the first lines and the one layout it belongs to."""
    spans = first_lines(text)
    index = header_index(layouts)
    for number, (start, end) in enumerate(spans):
        for delimiter in _DELIMITERS:
            cells = split_line(text[start:end], delimiter, number + 1)
            if len(cells) < 3:
                continue
            key = _folded(cells)
            if key in index:
                layout = _choose(index[key], encoding, text, spans[number + 1:], delimiter,
                                 number + 2)
                return _match(layout, cells, number, spans, text, delimiter)
    for number, (start, end) in enumerate(spans):
        for delimiter in _DELIMITERS:
            cells = split_line(text[start:end], delimiter, number + 1)
            layout = generic_layout(cells, delimiter) if len(cells) >= 3 else None
            if layout is not None:
                return _match(layout, cells, number, spans, text, delimiter)
    raise StatementError(Said("read.no_header", lines=HEADER_SCAN_LINES))


def identify_own(text: str, encoding: str, own: Sequence[Layout],
                 builtin: Sequence[Layout]) -> HeaderMatch:
    """As identify, when the holder gave layouts (--layout): the file must be one of them.

    A file read otherwise, with a built-in layout or the generic one, was the holder's
    layout ignored without a word; it is now an unread file that says which layout it is.
    One of theirs with the same header as a built-in one is theirs.
    """
    try:
        match = identify(text, encoding, (*own, *builtin))
    except StatementError:
        match = None
    if match is not None and match.layout in own:
        return match
    if match is not None and any(layout.folded_header == match.layout.folded_header
                                 for layout in own):
        return identify(text, encoding, own)
    given = ", ".join(Path(layout.source).name for layout in own)
    if match is None or match.layout.generic:
        raise StatementError(Said("error.layout_mismatch_none", layout=given))
    raise StatementError(Said("error.layout_mismatch", layout=given, found=match.layout.id))


def _folded(cells: Sequence[str]) -> tuple[str, ...]:
    folded = [fold_header(cell) for cell in cells]
    while folded and not folded[-1]:
        folded.pop()  # ゆうちょ and others end every line with a comma
    return tuple(folded)


def _match(layout: Layout, cells: Sequence[str], number: int, spans: list[tuple[int, int]],
           text: str, delimiter: str) -> HeaderMatch:
    folded = [fold_header(cell) for cell in cells]
    positions = {
        role: tuple(folded.index(fold_header(name)) for name in names)
        for role, names in layout.columns.items()
    }
    width = first = len(cells)
    if number + 1 < len(spans):  # rows sometimes carry one more (empty) cell than the header
        start, end = spans[number + 1]
        first = len(split_line(text[start:end], delimiter, number + 2))
    # One more at most: a first row of thousands of (empty) cells made every row that wide
    # (a million columns, 1.7 GB, minutes); such a row is the exact reader's to judge.
    width = max(width, min(first, width + 1))
    body_start = spans[number + 1][0] if number + 1 < len(spans) else len(text)
    return HeaderMatch(layout, number + 1, spans[number][0], body_start, delimiter, width,
                       positions, ragged=first > width)


def _choose(candidates: list[Layout], encoding: str, text: str,
            rows: list[tuple[int, int]], delimiter: str, first_line: int) -> Layout:
    """Pick among layouts sharing a header: by encoding first, then by the amounts' sign."""
    if len(candidates) > 1:
        by_encoding = [c for c in candidates if encoding in c.encodings]
        candidates = by_encoding or candidates
    if len(candidates) > 1 and any(c.negative_withdrawals is not None for c in candidates):
        negative = _has_negative_withdrawal(candidates[0], text, rows, delimiter, first_line)
        by_sign = [c for c in candidates if bool(c.negative_withdrawals) == negative]
        candidates = by_sign or candidates
    return candidates[0]


def _has_negative_withdrawal(layout: Layout, text: str, rows: list[tuple[int, int]],
                             delimiter: str, first_line: int) -> bool:
    names = layout.column("withdrawal")
    if not names:
        return False
    column = layout.folded_header.index(fold_header(names[0]))
    for number, (start, end) in enumerate(rows[:_PEEK_ROWS], start=first_line):
        cells = split_line(text[start:end], delimiter, number)
        if len(cells) > column and cells[column].strip().startswith(("-", "－", "△", "▲")):
            return True
    return False


def generic_layout(cells: Sequence[str], delimiter: str) -> Layout | None:
    """Build a layout from the usual column words, or None if the row is not a header."""
    folded = [fold_header(cell) for cell in cells]
    taken: set[int] = set()
    roles: dict[str, int] = {}
    for role, words, exact, skip in _GENERIC_ROLES:
        found = _find(folded, words, exact, skip, taken)
        if found is not None:
            roles[role] = found
            taken.add(found)
    if "description" in roles and "摘要" in folded and folded.index("摘要") not in taken:
        roles["channel"] = folded.index("摘要")  # 摘要 beside a 内容 column is the channel
    return _generic_from_roles(cells, roles, delimiter)


def _find(folded: list[str], words: Sequence[str], exact: bool, skip: Sequence[str],
          taken: set[int]) -> int | None:
    for word in words:
        for position, cell in enumerate(folded):
            if position in taken or not cell or any(bad in cell for bad in skip):
                continue
            if cell == word or (not exact and _contains(cell, word)):
                return position
    return None


def _contains(cell: str, word: str) -> bool:
    # Two-letter English words (DR, CR) only count as the whole cell or a clear prefix.
    if len(word) <= 2 and word.isascii():
        return cell == word or cell.startswith(word + "(")
    return word in cell


def _generic_from_roles(cells: Sequence[str], roles: dict[str, int], delimiter: str) -> Layout | None:
    has_pair = "withdrawal" in roles and "deposit" in roles
    if "date" not in roles or "description" not in roles or not (has_pair or "amount" in roles):
        return None
    if has_pair:
        roles.pop("amount", None)
    columns = {role: (cells[position],) for role, position in roles.items()}
    return Layout(id="generic", bank=Said("bank.unknown"), bank_en=Said("bank.unknown"),
                  header=tuple(cells), columns=columns, delimiter=delimiter,
                  source="generic", generic=True)

"""Find a statement's account number (preamble or file name) and mask it for output."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable
from pathlib import Path

# Preamble labels banks put before the number: ゆうちょ お客さま口座番号：18370-00014091,
# みずほ 口座番号,8313360 (with 店番,738 on its own line), 新生 円普通預金<TAB>1234567.
_LABELED = re.compile(r"(?:口座番号|口座|普通預金|ACCOUNT(?:NO\.?|NUMBER)?)[^0-9]{0,12}([0-9][0-9\- ]{4,20}[0-9])")
_BRANCH = re.compile(r"(?:店番|支店番号|BRANCH)[^0-9]{0,6}([0-9]{3})")
# A day, optionally with HHMM or HHMMSS. Not "a day and any 4-6 digits": that let a 13-digit
# ゆうちょ number such as 1920010112345 (記号 19200, 番号 10112345) pass as a date, shown in full.
_DATE_LIKE = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
                        r"(?:(?:[01][0-9]|2[0-3])[0-5][0-9](?:[0-5][0-9])?)?")
_IN_NAME = re.compile(r"(?<![0-9])([0-9]{3}[-_]?[0-9]{6,8}|[0-9]{7,14})(?![0-9])")


def find_account(preamble: Iterable[str], path: Path) -> str | None:
    """The account number as the bank writes it (kept in memory only), or None."""
    lines = [unicodedata.normalize("NFKC", line).upper() for line in preamble]
    for line in lines:
        found = _LABELED.search(line)
        if found:
            return _with_branch(found[1].replace(" ", ""), lines)
    for found in _IN_NAME.finditer(path.stem):
        if not _DATE_LIKE.fullmatch(found[1]):  # 20200901.csv names a day, not an account
            return found[1].replace("_", "-")
    return None


def find_branch(preamble: Iterable[str]) -> str | None:
    """The 3-digit branch number (店番) a preamble labels, or None: a letter to the bank
    names it, and it is no secret (every branch of the bank shares it)."""
    for line in preamble:
        branch = _BRANCH.search(unicodedata.normalize("NFKC", line).upper())
        if branch:
            return branch[1]
    return None


def _with_branch(number: str, lines: list[str]) -> str:
    if "-" in number:
        return number
    for line in lines:
        branch = _BRANCH.search(line)
        if branch:
            return f"{branch[1]}-{number}"
    return number


@lru_cache(maxsize=1 << 12)  # an export names each account in every one of its findings
def mask(account: str | None) -> str | None:
    """Only the last 4 digits ever leave the tool: ``***8141`` (the length stays hidden too)."""
    if account is None:
        return None
    text = unicodedata.normalize("NFKC", account)
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) > 4 or (len(digits) == 4 and "*" in text):  # masking twice changes nothing
        return "***" + digits[-4:]
    return "***"


# Digit groups joined by "-" or "_" are one number: "18370-73915826.csv" (ゆうちょ 記号-番号)
# masked group by group showed 8 of its 13 digits ("***8370-***5826"); now only the last 4.
# A group that is a date stays apart and readable: "0012345_20200926.csv" → "***2345_20200926".
_NUMBER = re.compile(r"[0-9０-９]+(?:[-‐－_＿][0-9０-９]+)*")
_GROUP = re.compile(r"([0-9０-９]+)([-‐－_＿]?)")
_DATE_PARTS = re.compile(r"(?:19|20)[0-9]{2}-[0-9]{1,2}(?:-[0-9]{1,2})?")
# A month as banks and people name monthly downloads (202008, statement_2020-08.csv): no
# account number is six digits, and masking it made a fake one (mufg_***1808).
_MONTH_LIKE = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])")


def _hide_number(match: re.Match[str]) -> str:
    number = match.group()
    if _is_date(number.replace("‐", "-")) or _DATE_PARTS.fullmatch(_nfkc(number)):
        return number
    out: list[str] = []
    run: list[tuple[str, str]] = []  # (digits, separator after them) making one number

    def close() -> None:
        if run:
            text = "".join(group + separator for group, separator in run[:-1]) + run[-1][0]
            digits = re.sub(r"[^0-9]", "", _nfkc(text))
            out.append((text if len(digits) <= 4 else "***" + digits[-4:]) + run[-1][1])
            run.clear()

    for group, separator in _GROUP.findall(number):
        if _is_date(group):
            close()
            out.append(group + separator)
        else:
            run.append((group, separator))
    close()
    return "".join(out)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _is_date(text: str) -> bool:
    folded = _nfkc(text)
    return bool(_DATE_LIKE.fullmatch(folded) or _MONTH_LIKE.fullmatch(folded))


def mask_digit_runs(text: str) -> str:
    """Mask every number of 5+ digits that is not a date: file names often carry the account."""
    return _NUMBER.sub(_hide_number, unicodedata.normalize("NFKC", escape_undecodable(text)))


@lru_cache(maxsize=1 << 16)  # every finding and account names its file: mask each once
def mask_path(path: str) -> str:
    """A file path as outputs show it: numbers masked as by mask_digit_runs, bytes that are
    not text escaped (escape_undecodable), the rest as is.

    The account is often in the file name (find_account reads it from there), so every
    output that names an input file names it through this.
    """
    return _NUMBER.sub(_hide_number, escape_undecodable(path))


# A file name that is not valid UTF-8 reaches Python with each bad byte as a lone surrogate
# (U+DC80-U+DCFF); no UTF-8 output can hold one, so -o and --output-dir failed (exit 4).
_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_undecodable(text: str) -> str:
    """Show the bytes of a name that were not text as \\xNN (other lone surrogates \\uXXXX)."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escaped_byte, text)


def _escaped_byte(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def account_id(account: str | None) -> str:
    """A stable private name for the account (a hash of its digits), "" when unknown.

    Unknown stays "": a holder's re-downloaded statement under a new file name must name
    the same transactions, so the file never stands in for the account.
    """
    digits = re.sub(r"[^0-9]", "", account or "")
    return hashlib.sha256(digits.encode("utf-8")).hexdigest()[:16] if digits else ""

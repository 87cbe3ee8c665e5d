"""Find a statement's account number (preamble or file name) and mask it for output."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Preamble labels banks put before the number: ゆうちょ お客さま口座番号：18370-00014091,
# みずほ 口座番号,8313360 (with 店番,738 on its own line), 新生 円普通預金<TAB>1234567.
_LABELED = re.compile(r"(?:口座番号|口座|普通預金|ACCOUNT(?:NO\.?|NUMBER)?)[^0-9]{0,12}([0-9][0-9\- ]{4,20}[0-9])")
_BRANCH = re.compile(r"(?:店番|支店番号|BRANCH)[^0-9]{0,6}([0-9]{3})")
_DATE_LIKE = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[0-9]{4,6})?")
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


def _with_branch(number: str, lines: list[str]) -> str:
    if "-" in number:
        return number
    for line in lines:
        branch = _BRANCH.search(line)
        if branch:
            return f"{branch[1]}-{number}"
    return number


def mask(account: str | None) -> str | None:
    """Only the last 4 digits ever leave the tool: ``***8141`` (the length stays hidden too)."""
    if account is None:
        return None
    text = unicodedata.normalize("NFKC", account)
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) > 4 or (len(digits) == 4 and "*" in text):  # masking twice changes nothing
        return "***" + digits[-4:]
    return "***"


_DIGIT_RUN = re.compile(r"[0-9]{5,}")


def mask_digit_runs(text: str) -> str:
    """Mask every run of 5+ digits that is not a date: file names often carry the account."""
    def hide(match: re.Match[str]) -> str:
        run = match.group()
        return run if _DATE_LIKE.fullmatch(run) else "***" + run[-4:]

    return _DIGIT_RUN.sub(hide, unicodedata.normalize("NFKC", text))


def account_id(account: str | None) -> str:
    """A stable private name for the account (a hash of its digits), "" when unknown.

    Unknown stays "": a holder's re-downloaded statement under a new file name must name
    the same transactions, so the file never stands in for the account.
    """
    digits = re.sub(r"[^0-9]", "", account or "")
    return hashlib.sha256(digits.encode("utf-8")).hexdigest()[:16] if digits else ""

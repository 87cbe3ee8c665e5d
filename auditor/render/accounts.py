"""The accounts of a many-file scan, for the person at the terminal: one line each, then notes."""

from __future__ import annotations

from collections import Counter

from rich.text import Text

from auditor.ingest.account import mask_path
from auditor.render.fit import Column, FittedTable, Row
from auditor.render.safety import printable
from auditor.stitch.grouping import Why
from auditor.stitch.summary import AccountSummary, Meeting
from auditor.wording import say, yen

# Why a file joined its account (the JSON's English word) → the words for people.
_BY = {Why.number: "account.by_number", Why.chain: "account.by_chain", Why.told: "account.by_told"}
# (key, right-aligned, folds to this width: the label a long file name, the period at "–")
_COLUMNS = (("label.account", False, 16), ("account.files", True, None),
            ("account.period", False, 12), ("account.rows", True, None),
            ("account.gaps", True, None), ("account.breaks", True, None),
            ("label.findings", True, None), ("label.at_risk", True, None))


def accounts_table(accounts: tuple[AccountSummary, ...], lang: str, top: int = 20) -> FittedTable:
    """One row per account (the first ``top``): files, period, rows, gaps, findings; joins under it."""
    columns = tuple(Column(say(key, lang), right=right, fold=cap is not None, cap=cap)
                    for key, right, cap in _COLUMNS)
    rows = []
    for account in accounts[:top]:
        period = "" if account.period is None else f"{account.period[0]} – {account.period[1]}"
        joined = _joined(account, lang)
        rows.append(Row(tuple(Text(cell) for cell in (
            printable(account.label), str(len(account.files)), period, str(account.rows),
            str(account.gaps), str(account.breaks), str(account.findings),
            yen(account.at_risk))), notes=(Text(say(
                "table.below", lang, label=say("account.joined", lang), value=joined)),)
            if joined else ()))
    more = say("account.more", lang, count=len(accounts) - top) if len(accounts) > top else ""
    return FittedTable(say("account.title", lang), columns, tuple(rows), lang, more)


def account_notes(accounts: tuple[AccountSummary, ...], lang: str) -> list[str]:
    """Each gap, each break in the balance chain, and rows matched with no balance to confirm."""
    notes = []
    for account in accounts:
        label = printable(account.label)
        for meeting in account.meetings:
            notes.extend(_meeting_notes(label, meeting, lang))
        if account.unchained:
            notes.append(say("account.unchained", lang, account=label, rows=account.unchained))
    return notes


def _meeting_notes(label: str, meeting: Meeting, lang: str) -> list[str]:
    notes = []
    if meeting.gap and meeting.uncovered is not None:
        start, end = meeting.uncovered
        notes.append(say("account.gap", lang, account=label, start=start, end=end))
    if meeting.balance == "breaks":
        notes.append(say("account.break", lang, account=label,
                         before=printable(mask_path(meeting.after)),
                         after=printable(mask_path(meeting.file)),
                         missing=yen(meeting.missing or 0)))
    return notes


def _joined(account: AccountSummary, lang: str) -> str:
    """How its files were found to be one account's: "balance chain ×10, account number"."""
    counts = Counter(meeting.why for meeting in account.meetings)
    return ", ".join(say(_BY[why], lang) + (f" ×{n}" if n > 1 else "")
                     for why, n in counts.items() if why in _BY)

"""The accounts of a many-file scan, for the person at the terminal: one line each, then notes."""

from __future__ import annotations

from collections import Counter

from rich.table import Table
from rich.text import Text

from auditor.ingest.account import mask_path
from auditor.render.safety import printable
from auditor.stitch.grouping import Why
from auditor.stitch.summary import AccountSummary, Meeting
from auditor.wording import say, yen

# Why a file joined its account (the JSON's English word) → the words for people.
_BY = {Why.number: "account.by_number", Why.chain: "account.by_chain", Why.told: "account.by_told"}
_COLUMNS = (("label.account", "left"), ("account.files", "right"), ("account.period", "left"),
            ("account.rows", "right"), ("account.joined", "left"), ("account.gaps", "right"),
            ("account.breaks", "right"), ("label.findings", "right"),
            ("label.at_risk", "right"))


def accounts_table(accounts: tuple[AccountSummary, ...], lang: str, top: int = 20) -> Table:
    """One row per account (the first ``top``): files, period, rows, joins, gaps, findings."""
    table = Table(title=say("account.title", lang), title_justify="left")
    for key, justify in _COLUMNS:
        table.add_column(say(key, lang), justify=justify)  # type: ignore[arg-type]
    for account in accounts[:top]:
        period = "" if account.period is None else f"{account.period[0]} – {account.period[1]}"
        table.add_row(Text(printable(account.label)), Text(str(len(account.files))),
                      Text(period), Text(str(account.rows)), Text(_joined(account, lang)),
                      Text(str(account.gaps)), Text(str(account.breaks)),
                      Text(str(account.findings)), Text(yen(account.at_risk)))
    if len(accounts) > top:
        table.caption = say("account.more", lang, count=len(accounts) - top)
    return table


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

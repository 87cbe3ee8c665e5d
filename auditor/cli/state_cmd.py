"""auditor state: show or trim the record of what `auditor scan --new-only` has reported."""

from __future__ import annotations

import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.cli.app import app

if TYPE_CHECKING:
    from auditor.store.state import StateSummary, StoredAlert

state_app = typer.Typer(
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    help="Show or trim what `auditor scan --new-only` has already reported.",
)
app.add_typer(state_app, name="state")


class StateFormat(StrEnum):
    table = "table"
    json = "json"


StatePath = Annotated[Path | None, typer.Option(
    "--state", help="State database (default: $AUDITOR_STATE, else state.sqlite3 in your user "
                    "state folder, e.g. ~/.local/state/auditor/).", show_default=False)]


@state_app.command("show")
def show(
    fmt: Annotated[StateFormat, typer.Option("--format", "-f", help="Output format.")]
    = StateFormat.table,
    state: StatePath = None,
    limit: Annotated[int, typer.Option(
        "--limit", "-n", min=0, help="How many of the latest alerts to list.")] = 20,
) -> None:
    """Totals by wallet, severity and month, and the latest alerts (accounts masked)."""
    from auditor.ingest.account import escape_undecodable
    from auditor.fs.atomic import stdout_output
    from auditor.render import json_dump

    path, summary, recent = _read(state, limit)
    with stdout_output() as out:  # /dev/full: exit 2, a closed pipe 141, not 4
        if fmt is StateFormat.json:
            json_dump({"schema": 1, "state": escape_undecodable(str(path)), **summary.to_dict(),
                       "recent": [alert.to_dict() for alert in recent]}, out)
        else:
            _print_tables(path, summary, recent)


@state_app.command("forget")
def forget(
    before: Annotated[str | None, typer.Option(
        "--before", help="Forget only alerts for transactions before this date (2024-01-01, "
                         "or 90d, 12w, 6m, 1y ago). Default: forget every alert.",
        show_default=False)] = None,
    yes: Annotated[bool, typer.Option(
        "--yes", "-y", help="Forget every alert without asking (needed off a terminal).")]
    = False,
    state: StatePath = None,
) -> None:
    """Forget reported alerts, so that a later --new-only scan reports them again."""
    from datetime import date

    from auditor.store import state as store
    from auditor.errors import UsageError
    from auditor.ingest.values import parse_day

    try:
        cutoff = None if before is None else parse_day(before, date.today())
    except ValueError:
        raise UsageError("--before takes a date like 2024-01-01 or a span like 1y") from None
    path = store.default_state_path(state)
    if not _exists(path, state):
        typer.echo(f"forgot 0 alerts (no state database at {path} yet)", err=True)
        return
    if cutoff is None and not yes and not _confirmed(path):
        typer.echo("nothing forgotten", err=True)
        return
    with store.open_state(path, wait=store.DEFAULT_WAIT) as db:
        count = db.forget(cutoff)
    scope = "" if cutoff is None else f" for transactions before {cutoff.isoformat()}"
    typer.echo(f"forgot {count} alert{'' if count == 1 else 's'}{scope} from {path}", err=True)


def _exists(path: Path, explicit: Path | None) -> bool:
    """Whether there is a state to read; a file the user named must exist (exit 2)."""
    from auditor.store import state as store
    from auditor.errors import UsageError

    if path.exists():
        return True
    if store.state_is_explicit(explicit):
        raise UsageError(f"{path}: state database not found")
    return False  # nothing reported yet: show and forget never create the file


def _read(explicit: Path | None, limit: int) -> tuple[Path, StateSummary, list[StoredAlert]]:
    from auditor.store import state as store
    path = store.default_state_path(explicit)
    if not _exists(path, explicit):
        return path, store.EMPTY_SUMMARY, []
    with store.open_state(path, wait=store.DEFAULT_WAIT) as db:
        return path, db.summary(), db.rows(limit)


def _confirmed(path: Path) -> bool:
    """Ask on a terminal; refuse off one (cron, pipes), where no one can answer."""
    from auditor.errors import UsageError

    if not sys.stdin.isatty():
        raise UsageError("forgetting every alert needs --yes when not run from a terminal "
                         "(or give --before DATE)")
    sys.stderr.write(f"Forget every alert in {path}? A later --new-only scan reports them "
                     "all again. [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _print_tables(path: Path, summary: StateSummary, recent: list[StoredAlert]) -> None:
    from rich.table import Table
    from rich.text import Text

    from auditor.ingest.account import escape_undecodable
    from auditor.render import console
    from auditor.render.safety import printable
    from auditor.wording import yen

    out = console(sys.stdout)
    span = ""
    if summary.first_reported and summary.last_reported:
        span = (f", reported {_local(summary.first_reported)} to "
                f"{_local(summary.last_reported)}")
    out.print(Text(f"{printable(escape_undecodable(str(path)))}: {summary.count} "
                   f"alert{'' if summary.count == 1 else 's'}{span}"))
    if not summary.count:
        return
    for title, column, pairs in (("By wallet", "Wallet", summary.by_wallet),
                                 ("By severity", "Severity", summary.by_severity),
                                 ("By month", "Transaction month", summary.by_month)):
        table = Table(title=title, title_justify="left")
        table.add_column(column)
        table.add_column("Alerts", justify="right")
        for name, count in pairs:
            table.add_row(Text(printable(name or "-")), Text(str(count)))
        out.print(table)
    table = Table(title="Latest alerts", title_justify="left")
    for column in ("First reported", "Date", "Amount", "Wallet", "Severity", "Account"):
        table.add_column(column, justify="right" if column == "Amount" else "left")
    for alert in recent:
        table.add_row(Text(_local(alert.first_reported)), Text(alert.date.isoformat()),
                      Text(yen(alert.amount)), Text(printable(alert.wallet or "-")),
                      Text(printable(alert.severity)), Text(alert.masked_account or "-"))
    out.print(table)


def _local(moment: datetime | None) -> str:
    return "-" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")

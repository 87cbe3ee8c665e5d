"""auditor state: show or trim the record of what `auditor scan --new-only` has reported."""

from __future__ import annotations

import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.cli.app import FORMAT_HELP, Lang, app, help_text, output_language, remember_lang

if TYPE_CHECKING:
    from auditor.store.state import StateSummary, StoredAlert

state_app = typer.Typer(
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    help=help_text("help.state"),
)
app.add_typer(state_app, name="state")


@state_app.callback()
def _state(lang: Lang = None) -> None:
    """Show or trim what `auditor scan --new-only` has reported."""
    remember_lang(lang)


class StateFormat(StrEnum):
    table = "table"
    json = "json"


StatePath = Annotated[Path | None, typer.Option(
    "--state", help=help_text("help.state.state"), show_default=False)]


@state_app.command("show", help=help_text("help.state.show"))
def show(
    fmt: Annotated[StateFormat, typer.Option("--format", "-f", help=help_text(FORMAT_HELP))]
    = StateFormat.table,
    state: StatePath = None,
    limit: Annotated[int, typer.Option(
        "--limit", "-n", min=0, help=help_text("help.state.show.limit"))] = 20,
    lang: Lang = None,
) -> None:
    from auditor.ingest.account import escape_undecodable
    from auditor.fs.atomic import stdout_output
    from auditor.render import json_dump

    language = output_language(lang)
    path, summary, recent = _read(state, limit)
    with stdout_output() as out:  # /dev/full: exit 2, a closed pipe 141, not 4
        if fmt is StateFormat.json:
            json_dump({"schema": 1, "state": escape_undecodable(str(path)), **summary.to_dict(),
                       "recent": [alert.to_dict() for alert in recent]}, out)
        else:
            _print_tables(path, summary, recent, language)


@state_app.command("forget", help=help_text("help.state.forget"))
def forget(
    before: Annotated[str | None, typer.Option(
        "--before", help=help_text("help.state.forget.before"), show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=help_text("help.state.forget.yes"))]
    = False,
    state: StatePath = None,
    lang: Lang = None,
) -> None:
    from datetime import date

    from auditor.store import state as store
    from auditor.errors import UsageError
    from auditor.ingest.values import parse_day
    from auditor.wording import Said, say

    language = output_language(lang)
    try:
        cutoff = None if before is None else parse_day(before, date.today())
    except ValueError:
        raise UsageError(Said("cli.state.before")) from None
    path = store.default_state_path(state)
    if not _exists(path, state):
        typer.echo(say("cli.state.none_yet", language, path=path), err=True)
        return
    if cutoff is None and not yes and not _confirmed(path, language):
        typer.echo(say("cli.state.nothing", language), err=True)
        return
    with store.open_state(path, wait=store.DEFAULT_WAIT) as db:
        count = db.forget(cutoff)
    scope = "" if cutoff is None else Said("cli.state.scope", day=cutoff.isoformat())
    key = "cli.state.forgot_one" if count == 1 else "cli.state.forgot"
    typer.echo(say(key, language, count=count, scope=scope, path=path), err=True)


def _exists(path: Path, explicit: Path | None) -> bool:
    """Whether there is a state to read; a file the user named must exist (exit 2)."""
    from auditor.store import state as store
    from auditor.errors import UsageError
    from auditor.wording import Said

    if path.exists():
        return True
    if store.state_is_explicit(explicit):
        raise UsageError(Said("cli.state.not_found", path=path))
    return False  # nothing reported yet: show and forget never create the file


def _read(explicit: Path | None, limit: int) -> tuple[Path, StateSummary, list[StoredAlert]]:
    from auditor.store import state as store
    path = store.default_state_path(explicit)
    if not _exists(path, explicit):
        return path, store.EMPTY_SUMMARY, []
    with store.open_state(path, wait=store.DEFAULT_WAIT) as db:
        return path, db.summary(), db.rows(limit)


def _confirmed(path: Path, lang: str) -> bool:
    """Ask on a terminal; refuse off one (cron, pipes), where no one can answer."""
    from auditor.errors import UsageError
    from auditor.wording import Said, say

    if not sys.stdin.isatty():
        raise UsageError(Said("cli.state.needs_yes"))
    sys.stderr.write(say("cli.state.confirm", lang, path=path))
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _print_tables(path: Path, summary: StateSummary, recent: list[StoredAlert],
                  lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from auditor.ingest.account import escape_undecodable
    from auditor.render import console
    from auditor.render.safety import printable
    from auditor.wording import Said, say, yen

    out = console(sys.stdout)
    span = ""
    if summary.first_reported and summary.last_reported:
        span = Said("cli.state.span", first=_local(summary.first_reported),
                    last=_local(summary.last_reported))
    key = "cli.state.count_one" if summary.count == 1 else "cli.state.count"
    # The path whole on its line, however narrow: it is what a script or a reader copies.
    out.print(Text(say(key, lang, path=printable(escape_undecodable(str(path))),
                       count=summary.count, span=span)), soft_wrap=True)
    if not summary.count:
        return
    for title, column, pairs in (("label.by_wallet", "label.wallet", summary.by_wallet),
                                 ("cli.state.by_severity", "label.severity", summary.by_severity),
                                 ("cli.state.by_month", "cli.state.month", summary.by_month)):
        table = Table(title=say(title, lang), title_justify="left")
        table.add_column(say(column, lang))
        table.add_column(say("cli.state.alerts", lang), justify="right")
        for name, count in pairs:
            table.add_row(Text(printable(_severity(name, lang) or "-")), Text(str(count)))
        out.print(table)
    table = Table(title=say("cli.state.latest", lang), title_justify="left")
    for column in ("cli.state.first_reported", "label.date", "label.amount", "label.wallet",
                   "label.severity", "cli.state.account"):
        table.add_column(say(column, lang), justify="right" if column == "label.amount" else "left")
    for alert in recent:
        table.add_row(Text(_local(alert.first_reported)), Text(alert.date.isoformat()),
                      Text(yen(alert.amount)), Text(printable(alert.wallet or "-")),
                      Text(printable(_severity(alert.severity, lang))),
                      Text(alert.masked_account or "-"))
    out.print(table)


def _severity(name: str | None, lang: str) -> str | None:
    """A stored severity in the reader's words; anything else as it was stored."""
    from auditor.i18n import word

    return word(name, lang) if name in ("low", "medium", "high") else name


def _local(moment: datetime | None) -> str:
    return "-" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")

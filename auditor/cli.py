"""The command line: parse options, call the core, render, and set the exit code."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor import __version__
from auditor.errors import AuditorError, UsageError
from auditor.exitcodes import ExitCode

if TYPE_CHECKING:  # the core pulls in pandas; --help and --version must not pay for it
    from auditor.statement import ReadOptions

app = typer.Typer(
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help="Find e-wallet top-ups you never made in Japanese bank statement CSVs. "
         "銀行の入出金明細CSVから、身に覚えのない電子マネーへのチャージを見つけます。",
)


class FileFormat(StrEnum):
    table = "table"
    json = "json"


Files = Annotated[list[Path], typer.Argument(help="Statement CSV files.", show_default=False)]
Encoding = Annotated[str | None, typer.Option(
    "--encoding", help="Read every file with this encoding (e.g. cp932) instead of detecting it.")]
LayoutFile = Annotated[list[Path] | None, typer.Option(
    "--layout", help="Your own layout TOML (same schema as the built-in ones); repeatable.")]
Year = Annotated[int | None, typer.Option(
    "--year", help="Year of the oldest row, for banks that print dates without a year.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Find e-wallet top-ups you never made in Japanese bank statement CSVs."""


def read_options(encoding: str | None, layouts: list[Path] | None, year: int | None) -> ReadOptions:
    """Build the reading options shared by every command that reads statements."""
    from auditor.layouts import load_layout_file
    from auditor.statement import ReadOptions

    own = tuple(load_layout_file(path) for path in layouts or ())
    return ReadOptions(encoding=encoding, layouts=own, year=year)


@app.command()
def identify(
    files: Files,
    fmt: Annotated[FileFormat, typer.Option("--format", "-f", help="Output format.")] = FileFormat.table,
    encoding: Encoding = None,
    layout: LayoutFile = None,
    year: Year = None,
) -> None:
    """Show which bank layout each file is, and what was read from it."""
    from auditor.render import console, identify_table, json_dump, report_messages
    from auditor.statement import read_all

    results = read_all(files, read_options(encoding, layout, year))
    reports = [report for report, _statement in results]
    if fmt is FileFormat.json:
        json_dump({"schema": 1, "files": [r.to_dict() for r in reports]}, sys.stdout)
    else:
        console().print(identify_table(reports))
    report_messages(reports)
    raise typer.Exit(ExitCode.for_reading(reports))


def main() -> None:
    """Console-script entry point: known errors exit with their code, a crash exits 4."""
    try:
        code = app(standalone_mode=False)
    except AuditorError as exc:
        _fail(str(exc), exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        import click

        if isinstance(exc, click.exceptions.Abort):
            _fail("aborted", 130)
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(UsageError.exit_code)
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        _fail(f"internal error ({type(exc).__name__}); set AUDITOR_DEBUG=1 for details",
              ExitCode.INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"auditor: {message}\n")
    sys.exit(code)

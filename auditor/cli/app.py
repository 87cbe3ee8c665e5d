"""The Typer application and the options several commands share."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor import __version__

if TYPE_CHECKING:  # the core pulls in pandas; --help and --version must not pay for it
    from datetime import date

    from auditor.detect.audit import Window
    from auditor.store.config import Config
    from auditor.ingest.statement import ReadOptions
    from auditor.detect.wallets import Catalogue

app = typer.Typer(
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Find e-wallet top-ups you never made in Japanese bank statement CSVs. "
         "銀行の入出金明細CSVから、身に覚えのない電子マネーへのチャージを見つけます。",
)

Files = Annotated[list[Path], typer.Argument(
    help="Statement CSV files or folders.", show_default=False)]
Encoding = Annotated[str | None, typer.Option(
    "--encoding", help="Read every file with this encoding (e.g. cp932) instead of detecting it.")]
LayoutFiles = Annotated[list[Path] | None, typer.Option(
    "--layout", help="Your own layout TOML (same schema as the built-in ones); repeatable.")]
Year = Annotated[int | None, typer.Option(
    "--year", help="Year of the oldest row, for banks that print dates without a year.")]
ConfigPath = Annotated[Path | None, typer.Option(
    "--config", help="Config file (default: $AUDITOR_CONFIG, else config.toml in the user's "
                     "config folder).", show_default=False)]
Lang = Annotated[str | None, typer.Option(
    "--lang", help="ja or en (default: from the locale).", show_default=False)]
Allow = Annotated[list[str] | None, typer.Option(
    "--allow", "-a", help="A wallet id you use (see `auditor wallets`); repeatable.")]
SameAccount = Annotated[bool, typer.Option(
    "--same-account", help="The statements of each bank are one account's: stitch them even "
                           "where no account number or balance chain says so.")]


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
    import codecs

    from auditor.errors import UsageError
    from auditor.ingest.layouts import load_layout_file
    from auditor.ingest.dating import FIRST_YEAR, LAST_YEAR
    from auditor.ingest.statement import ReadOptions
    from auditor.wording import Said

    if encoding:
        # A misspelt codec is the command's fault (exit 2), not every file's (it was exit 3,
        # with the same message repeated for each file).
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(Said("cli.encoding", encoding=repr(encoding))) from None
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(Said("cli.year", first=FIRST_YEAR, last=LAST_YEAR))
    own = tuple(load_layout_file(path) for path in layouts or ())
    return ReadOptions(encoding=encoding, layouts=own, year=year)


def checked_lang(lang: str | None) -> str | None:
    """Refuse a --lang other than ja or en (exit 2)."""
    from auditor.errors import UsageError
    from auditor.i18n import LANGS
    from auditor.wording import Said

    if lang is not None and lang not in LANGS:
        raise UsageError(Said("cli.lang", langs=", ".join(LANGS)))
    return lang


def allowed_wallets(ids: list[str], settings: Config, catalogue: Catalogue,
                    today: date) -> frozenset[str]:
    """--allow ids (each must be in the catalogue, or none) plus the config's active entries."""
    from auditor.store.config import check_wallet_id
    from auditor.detect.habits import NO_WALLETS

    for wallet in ids:
        if wallet != NO_WALLETS:
            check_wallet_id(wallet, catalogue.ids, "--allow")
    return frozenset(ids) | frozenset(settings.active(today))


def output_language(lang: str | None, configured: str | None = None) -> str:
    """--lang, else the config's lang, else the locale's; the run's messages follow it."""
    from auditor.i18n import detect_lang

    chosen = detect_lang(checked_lang(lang) or configured)
    _spoken[:] = [chosen]
    return chosen


# The language the running command settled on, for the one-line error that may end it.
_spoken: list[str] = []


def message_language(argv: Sequence[str]) -> str:
    """The language of a message that ends the run: the command's, once it has settled on
    one; before that a valid --lang on the command line, else the locale's."""
    from auditor.i18n import LANGS, detect_lang

    if _spoken:
        return _spoken[-1]
    given = [arg.removeprefix("--lang=") for arg in argv if arg.startswith("--lang=")]
    given += [value for option, value in zip(argv, argv[1:]) if option == "--lang"]
    return detect_lang(next((lang for lang in reversed(given) if lang in LANGS), None))


def forget_language() -> None:
    """A new run (main() called again in one process) settles its own language."""
    _spoken.clear()


def report_window(since: str | None, until: str | None, today: date) -> Window:
    """The --since/--until range (dates, or spans like 90d counted back from today)."""
    from auditor.detect.audit import Window
    from auditor.errors import UsageError
    from auditor.ingest.values import parse_day
    from auditor.wording import Said

    days: list[date | None] = []
    for name, text in (("--since", since), ("--until", until)):
        try:
            days.append(None if text is None else parse_day(text, today))
        except ValueError:
            raise UsageError(Said("cli.window", option=name)) from None
    return Window(days[0], days[1])

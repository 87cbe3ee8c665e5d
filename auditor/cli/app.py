"""The Typer application and the options several commands share."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor import __version__
from auditor.i18n import LANGS, detect_lang
from auditor.wording import template

if TYPE_CHECKING:  # the core pulls in pandas; --help and --version must not pay for it
    from datetime import date

    from auditor.detect.audit import Window
    from auditor.detect.rules import Context
    from auditor.store.config import Config
    from auditor.ingest.statement import ReadOptions
    from auditor.detect.wallets import Catalogue


def argv_language(argv: Sequence[str]) -> str:
    """A valid --lang on the command line (the last one), else the locale's language."""
    given = [arg.removeprefix("--lang=") for arg in argv if arg.startswith("--lang=")]
    given += [value for option, value in zip(argv, argv[1:]) if option == "--lang"]
    return detect_lang(next((lang for lang in reversed(given) if lang in LANGS), None))


# Typer takes every --help text when the commands are defined, before any option is parsed,
# so their language is settled here, from the command line as it stands and the locale.
HELP_LANG = argv_language(sys.argv[1:])
if HELP_LANG == "ja":
    from auditor.cli import click_ja, wide

    wide.install()  # click counts characters; a Japanese one takes two columns
    click_ja.install()  # and says its own words (Usage, Options, its errors) in English


def help_text(key: str) -> str:
    """What --help says for key (a help.* entry of the wording modules), in HELP_LANG."""
    return template(key, HELP_LANG)


app = typer.Typer(
    no_args_is_help=True, pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help=help_text("help.app"),
)

Files = Annotated[list[Path], typer.Argument(
    help=help_text("help.option.files"), show_default=False)]
Encoding = Annotated[str | None, typer.Option(
    "--encoding", help=help_text("help.option.encoding"))]
LayoutFiles = Annotated[list[Path] | None, typer.Option(
    "--layout", help=help_text("help.option.layout"))]
Year = Annotated[int | None, typer.Option("--year", help=help_text("help.option.year"))]
ConfigPath = Annotated[Path | None, typer.Option(
    "--config", help=help_text("help.option.config"), show_default=False)]


def languages(incomplete: str) -> list[str]:
    """The languages, for the shell's completion of --lang."""
    return [lang for lang in LANGS if lang.startswith(incomplete)]


def wallet_ids(incomplete: str) -> list[str]:
    """The wallet ids, for the shell's completion of --allow and `auditor allow`."""
    from auditor.detect.wallets import load_catalogue

    return [wallet for wallet in load_catalogue().ids if wallet.startswith(incomplete)]


Lang = Annotated[str | None, typer.Option(
    "--lang", help=help_text("help.option.lang"), show_default=False, autocompletion=languages)]


Allow = Annotated[list[str] | None, typer.Option(
    "--allow", "-a", help=help_text("help.option.allow"), autocompletion=wallet_ids)]
SameAccount = Annotated[bool, typer.Option(
    "--same-account", help=help_text("help.option.same_account"))]


def dash_is_stdout(path: Path | None) -> Path | None:
    """`-o -` is standard output, as in every Unix tool, not a file named "-"."""
    return None if path is not None and str(path) == "-" else path


# The --format of a command whose formats need no words of their own.
FORMAT_HELP = "help.option.format"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help=help_text("help.version"))] = False,
    lang: Lang = None,
) -> None:
    """Find e-wallet top-ups you never made in Japanese bank statement CSVs."""
    remember_lang(lang)


# A --lang given before the command (`auditor --lang ja scan`, `auditor state --lang ja show`).
_before: list[str] = []


def remember_lang(lang: str | None) -> None:
    """Keep a --lang given before the command, for the command to speak in (exit 2 if bad)."""
    if lang is not None:
        _before[:] = [checked_lang(lang) or lang]


def given_lang(lang: str | None) -> str | None:
    """The command's own --lang, else one given before the command."""
    return lang if lang is not None else (_before[-1] if _before else None)


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
    from auditor.wording import Said

    if lang is not None and lang not in LANGS:
        raise UsageError(Said("cli.lang", langs=", ".join(LANGS)))
    return lang


def allow_context(ids: list[str], settings: Config, catalogue: Catalogue) -> Context:
    """The rules' context: --allow wallets (ids, names or spellings; or none) and the config's.

    A config entry with an until day allows its wallet's debits up to that day, compared
    with each debit's date and not with today: a 2020 statement scanned in 2025 still has
    the holder's own 2020 top-ups. A wallet given with --allow counts on every day.
    """
    from auditor.detect.habits import NO_WALLETS
    from auditor.detect.rules import Context

    named = {NO_WALLETS if text.strip().lower() == NO_WALLETS else
             wallet_arg(text, catalogue, "--allow") for text in ids}
    until = {entry.wallet: entry.until for entry in settings.allow
             if entry.until is not None and entry.wallet not in named}
    return Context(catalogue, frozenset(named) | {entry.wallet for entry in settings.allow},
                   allowed_until=until)


def wallet_arg(text: str, catalogue: Catalogue, where: str) -> str:
    """The id a wallet argument names: its id, its name or any catalogued spelling (exit 2 if none).

    The message quotes the argument alone, and suggests the nearest ids.
    """
    from auditor.detect.naming import closest_wallets, wallet_named
    from auditor.errors import UsageError
    from auditor.store.config.validate import show
    from auditor.wording import Said

    found = wallet_named(catalogue, text)
    if found is not None:
        return found
    close = closest_wallets(catalogue, text)
    key = "error.unknown_wallet" if close else "error.unknown_wallet_none"
    closest = ", ".join(show(wallet) for wallet in close)
    raise UsageError(Said(key, where=where, name=show(text), closest=closest))


def output_language(lang: str | None, configured: str | None = None) -> str:
    """--lang, else the config's lang, else the locale's; the run's messages follow it."""
    chosen = detect_lang(checked_lang(given_lang(lang)) or configured)
    _spoken[:] = [chosen]
    return chosen


# The language the running command settled on, for the one-line error that may end it.
_spoken: list[str] = []


def message_language(argv: Sequence[str]) -> str:
    """The language of a message that ends the run: the command's, once it has settled on
    one; before that a valid --lang on the command line, else the locale's."""
    return _spoken[-1] if _spoken else argv_language(argv)


def forget_language() -> None:
    """A new run (main() called again in one process) settles its own language."""
    _spoken.clear()
    _before.clear()


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

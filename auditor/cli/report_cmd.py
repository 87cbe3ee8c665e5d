"""auditor report: one letter per bank account asking the bank to investigate and refund."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.cli.app import (Allow, ConfigPath, Encoding, Files, LayoutFiles, SameAccount, Year,
                             allow_context, app, checked_lang, dash_is_stdout, given_lang,
                             help_text, languages, output_language, read_options,
                             report_window)
from auditor.exitcodes import ExitCode

if TYPE_CHECKING:
    from auditor.cli.report_out import Sink
    from auditor.detect.audit import Window
    from auditor.models import ScanResult
    from auditor.report.claim import AnswerOf
    from auditor.report.letters import Letter


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


Lang = Annotated[str | None, typer.Option(
    "--lang", help=help_text("help.report.lang"), show_default=False, autocompletion=languages)]
Format = Annotated[ReportFormat, typer.Option(
    "--format", "-f", help=help_text("help.report.format"))]
Output = Annotated[Path | None, typer.Option(
    "--output", "-o", help=help_text("help.report.output"), callback=dash_is_stdout)]
Force = Annotated[bool, typer.Option("--force", help=help_text("help.report.force"))]
Name = Annotated[str | None, typer.Option(
    "--name", help=help_text("help.report.name"), show_default=False)]
Bank = Annotated[str | None, typer.Option(
    "--bank", help=help_text("help.report.bank"), show_default=False)]
Branch = Annotated[str | None, typer.Option(
    "--branch", help=help_text("help.report.branch"), show_default=False)]
Account = Annotated[str | None, typer.Option(
    "--account", help=help_text("help.report.account"), show_default=False)]
Answers = Annotated[Path | None, typer.Option(
    "--answers", help=help_text("help.report.answers"), show_default=False)]
ConfirmedOnly = Annotated[bool, typer.Option(
    "--confirmed-only", help=help_text("help.report.confirmed_only"))]
Since = Annotated[str | None, typer.Option("--since", help=help_text("help.report.since"))]
Until = Annotated[str | None, typer.Option("--until", help=help_text("help.report.until"))]


OutputDir = Annotated[Path | None, typer.Option(
    "--output-dir", help=help_text("help.report.output_dir"), show_default=False)]
Final = Annotated[bool, typer.Option("--final", help=help_text("help.report.final"))]
Found = Annotated[str | None, typer.Option(
    "--found", help=help_text("help.report.found"), show_default=False)]


@app.command(help=help_text("help.report"))
def report(
    files: Files, allow: Allow = None, lang: Lang = None, fmt: Format = ReportFormat.md,
    output: Output = None, output_dir: OutputDir = None, force: Force = False,
    final: Final = False, name: Name = None, bank: Bank = None, branch: Branch = None,
    account: Account = None, found: Found = None, answers: Answers = None,
    confirmed_only: ConfirmedOnly = False, config: ConfigPath = None, since: Since = None,
    until: Until = None, encoding: Encoding = None, layout: LayoutFiles = None, year: Year = None,
    same_account: SameAccount = False,
) -> None:
    from auditor import __version__
    from auditor.store.config import config_is_explicit, config_path, load_config
    from auditor.report.claim import Holder
    from auditor.detect.wallets import load_catalogue
    from auditor.report.gather import gather
    from auditor.cli.report_out import Sink
    from auditor.report.letters import Drafting, letters
    from auditor.run.pipeline import ScanJob

    today = date.today()
    language = checked_lang(given_lang(lang)) or "ja"
    _check_account(account)
    _check_outputs(output, output_dir)
    refuse_input_as_output(output, files)
    catalogue = load_catalogue()
    settings = load_config(config_path(config), catalogue.ids, required=config_is_explicit(config))
    # The letter is Japanese unless --lang says otherwise; the messages follow the reader.
    said = output_language(lang, settings.lang)
    ctx = allow_context(allow or [], settings, catalogue)
    answer_of = _answer_of(answers)  # before reading: a damaged answers file stops the run
    holder = Holder(name, bank, branch, account, found=_found(found, today))
    window = report_window(since, until, today)
    gathered = gather(ScanJob(files, read_options(encoding, layout, year), ctx, window,
                              same_account=same_account))
    drafted = letters(gathered, Drafting(holder, answer_of, catalogue, __version__, today,
                                         confirmed_only), language)
    sink = Sink(fmt.value, language, output, output_dir, force, final, files)
    _tell(gathered.result, window, said)
    _deliver(drafted, sink, account, said, today)
    raise typer.Exit(ExitCode.for_reading(gathered.result.files))


def _check_account(account: str | None) -> None:
    from auditor.errors import UsageError
    from auditor.report.claim import mask_account
    from auditor.wording import Said

    if account is None:
        return
    try:
        mask_account(account)
    except ValueError as exc:
        raise UsageError(Said("cli.report.account", problem=exc.args[0])) from None


def refuse_input_as_output(output: Path | None, files: Iterable[Path]) -> None:
    """--force must never replace a statement the draft is drawn from."""
    from auditor.run.batch import expand
    from auditor.errors import UsageError
    from auditor.wording import Said

    if output is None or not output.exists():
        return
    for path in expand(files):
        if path.exists() and path.resolve() == output.resolve():
            raise UsageError(Said("cli.report.input_as_output", path=output))


def _answer_of(answers: Path | None) -> AnswerOf:
    """The holder's answers (none when no answers file exists yet)."""
    from auditor.store.answers import AnswerStore, default_answers_path
    from auditor.errors import UsageError
    from auditor.wording import Said

    if answers is not None and not answers.expanduser().exists():
        raise UsageError(Said("cli.report.no_answers", path=answers))
    store = AnswerStore.load(answers.expanduser() if answers else default_answers_path())
    return store.get


def _check_outputs(output: Path | None, output_dir: Path | None) -> None:
    from auditor.errors import UsageError
    from auditor.wording import Said

    if output is not None and output_dir is not None:
        raise UsageError(Said("cli.report.both_outputs"))


def _found(found: str | None, today: date) -> date | None:
    """--found: the day the holder noticed the debits (a date, or a span like 3d ago)."""
    from auditor.errors import UsageError
    from auditor.ingest.values import parse_day
    from auditor.wording import Said

    if found is None:
        return None
    try:
        return parse_day(found, today)
    except ValueError:
        raise UsageError(Said("cli.window", option="--found")) from None


def _deliver(drafted: list[Letter], sink: Sink, account: str | None, said: str,
             today: date) -> None:
    from auditor.cli.report_out import deliver
    from auditor.wording import say

    for warning in _account_warnings(drafted, account):
        sys.stderr.write(f"auditor: {say('cli.warning', said, warning=warning)}\n")
    deliver(drafted, sink, said, today)


def _tell(result: ScanResult, window: Window, lang: str) -> None:
    """Each file's messages, and how many findings --since or --until kept out, as scan says."""
    from auditor.render import report_messages
    from auditor.render.messages import hidden_lines

    report_messages(result.files, lang=lang)
    for line in hidden_lines(result, window.since, window.until, lang):
        sys.stderr.write(line + "\n")


def _account_warnings(drafted: Iterable[Letter], account: str | None) -> list[str]:
    """--account that matches none of the accounts the statements name."""
    from auditor.report.claim import mask_account
    from auditor.wording import Said

    named = sorted({m for letter in drafted if (m := letter.part.masked)})
    if account and named and all(a[-4:] != mask_account(account)[-4:] for a in named):
        return [Said("cli.report.account_differs", digits=mask_account(account)[-4:],
                     accounts=", ".join(named))]
    return []

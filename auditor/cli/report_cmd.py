"""auditor report: write a draft letter asking the bank to investigate and refund."""

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
    from auditor.detect.audit import Window
    from auditor.models import FileReport, ScanResult
    from auditor.report.claim import AnswerOf, Claim
    from auditor.report.gather import Gathered


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


@app.command(help=help_text("help.report"))
def report(
    files: Files, allow: Allow = None, lang: Lang = None, fmt: Format = ReportFormat.md,
    output: Output = None, force: Force = False, name: Name = None, bank: Bank = None,
    branch: Branch = None, account: Account = None, answers: Answers = None,
    confirmed_only: ConfirmedOnly = False, config: ConfigPath = None, since: Since = None,
    until: Until = None, encoding: Encoding = None, layout: LayoutFiles = None, year: Year = None,
    same_account: SameAccount = False,
) -> None:
    from auditor import __version__
    from auditor.store.config import config_is_explicit, config_path, load_config
    from auditor.report.claim import Holder, build_claim
    from auditor.detect.wallets import load_catalogue
    from auditor.report.gather import gather
    from auditor.run.pipeline import ScanJob

    today = date.today()
    language = checked_lang(given_lang(lang)) or "ja"
    _check_account(account)
    _refuse_input_as_output(output, files)
    catalogue = load_catalogue()
    settings = load_config(config_path(config), catalogue.ids, required=config_is_explicit(config))
    # The draft is Japanese unless --lang says otherwise; the messages follow the reader.
    said = output_language(lang, settings.lang)
    ctx = allow_context(allow or [], settings, catalogue)
    answer_of = _answer_of(answers)  # before reading: a damaged answers file stops the run
    window = report_window(since, until, today)
    gathered = gather(ScanJob(files, read_options(encoding, layout, year), ctx, window,
                              same_account=same_account))
    holder = Holder(name, bank or _statement_bank(gathered, language), branch,
                    account or _statement_account(gathered.result.files))
    claim = build_claim(gathered.result.findings, answer_of, holder=holder,
                        sources=gathered.sources, debits=gathered.debits, catalogue=catalogue,
                        version=__version__, today=today, confirmed_only=confirmed_only)
    _write(_render(claim, fmt, language), output, force)
    _tell(gathered, claim, account, language, said)
    _tell_hidden(gathered.result, window, said)
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


def _refuse_input_as_output(output: Path | None, files: Iterable[Path]) -> None:
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


def _statement_bank(gathered: Gathered, lang: str) -> str | None:
    """The bank all the statements come from, if they agree on one."""
    banks = {source.bank_in(lang) for source in gathered.sources}
    return banks.pop() if len(banks) == 1 else None


def _statement_account(reports: Iterable[FileReport]) -> str | None:
    """The account (already masked) all the statements name, if they agree on one."""
    # getattr: older FileReports have no account field; the draft then leaves a blank.
    accounts = {getattr(r, "account", None) for r in reports if not r.error}
    accounts.discard(None)
    return accounts.pop() if len(accounts) == 1 else None


def _render(claim: Claim, fmt: ReportFormat, lang: str) -> str:
    from auditor.report.html import render_html
    from auditor.report.markdown import render_markdown
    from auditor.report.sections import build_document

    document = build_document(claim, lang)
    return render_html(document) if fmt is ReportFormat.html else render_markdown(document)


def _write(text: str, output: Path | None, force: bool) -> None:
    from auditor.fs.atomic import atomic_output, stdout_output

    if output is None:
        with stdout_output() as out:  # a full disk is exit 2 with a message, not exit 120
            out.write(text)
        return
    with atomic_output(output, overwrite=force) as out:
        out.write(text)


def _tell(gathered: Gathered, claim: Claim, account: str | None, lang: str,
          said: str) -> None:
    """Messages for the person at the terminal, on stderr: never part of the draft.

    They are in the reader's language (said); the closing count is in the draft's (lang)."""
    from auditor.render import report_messages
    from auditor.report.words import flat, money
    from auditor.wording import say

    report_messages(gathered.result.files, lang=said)
    for warning in _account_warnings(gathered.result.files, account):
        sys.stderr.write(f"auditor: {say('cli.warning', said, warning=warning)}\n")
    mine = sum(e.status == "mine" for e in claim.left_out)
    sys.stderr.write(flat("told", lang, count=str(len(claim.claimed)),
                          total=money(claim.total, lang), apart=str(len(claim.apart)),
                          out=str(len(claim.left_out)), mine=str(mine)) + "\n")


def _tell_hidden(result: ScanResult, window: Window, lang: str) -> None:
    """How many findings --since or --until kept out of the draft, as scan says it."""
    from auditor.render.messages import hidden_lines

    for line in hidden_lines(result, window.since, window.until, lang):
        sys.stderr.write(line + "\n")


def _account_warnings(reports: Iterable[FileReport], account: str | None) -> list[str]:
    from auditor.report.claim import mask_account
    from auditor.wording import Said

    named = sorted({a for r in reports if (a := getattr(r, "account", None))})
    warnings = []
    if len(named) > 1:
        warnings.append(Said("cli.report.accounts", count=len(named), accounts=", ".join(named)))
    if account and named and all(a[-4:] != mask_account(account)[-4:] for a in named):
        warnings.append(Said("cli.report.account_differs", digits=mask_account(account)[-4:],
                             accounts=", ".join(named)))
    return warnings

"""auditor review: go through the findings one at a time and record which debits are yours."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from auditor.cli.app import (Allow, ConfigPath, Encoding, Files, Lang, LayoutFiles, SameAccount,
                             Year, allow_context, app, help_text, output_language, read_options)
from auditor.exitcodes import ExitCode
from auditor.models import Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console

    from auditor.models import Finding
    from auditor.review.session import Review

AnswersPath = Annotated[Path | None, typer.Option(
    "--answers", help=help_text("help.review.answers"), show_default=False)]
Yes = Annotated[bool, typer.Option("--yes", "-y", help=help_text("help.review.yes"))]
All = Annotated[bool, typer.Option("--all", help=help_text("help.review.all"))]
MinSeverity = Annotated[Severity, typer.Option(
    "--min-severity", help=help_text("help.review.min_severity"))]


@app.command(help=help_text("help.review"))
def review(files: Files, allow: Allow = None, config: ConfigPath = None,
           answers: AnswersPath = None, yes: Yes = False, all_: All = False,
           min_severity: MinSeverity = Severity.medium, lang: Lang = None,
           encoding: Encoding = None, layout: LayoutFiles = None, year: Year = None,
           same_account: SameAccount = False) -> None:
    from auditor.cli.review_loop import replies, stdin_is_terminal
    from auditor.detect.wallets import load_catalogue
    from auditor.fs.atomic import stdout_output
    from auditor.render import console, report_messages
    from auditor.review.session import Review
    from auditor.run.pipeline import ScanJob, run_scan, with_stdin
    from auditor.store.answers import AnswerStore, default_answers_path
    from auditor.store.config import config_is_explicit, config_path, load_config

    catalogue = load_catalogue()
    settings = load_config(config_path(config), catalogue.ids, required=config_is_explicit(config))
    language = output_language(lang, settings.lang)
    ctx = allow_context(allow or [], settings, catalogue)
    # Before the scan, so a damaged answers file stops the run before anyone is asked anything.
    store = AnswerStore.load(answers.expanduser() if answers else default_answers_path())
    # Standard input read once: each allow scans again.
    job = with_stdin(ScanJob(files, read_options(encoding, layout, year), ctx,
                             same_account=same_account))

    def rescan(wallets: frozenset[str]) -> Iterable[Finding]:
        return run_scan(job.with_allowed(wallets)).findings

    result = run_scan(job)
    report_messages(result.files, lang=language)
    with replies(job.piped is not None) as answers_in:
        person = stdin_is_terminal() if job.piped is None else answers_in is not None
        session = Review(store, settings, catalogue, ctx.allowed, language, rescan, yes, all_,
                         min_severity, person)
        with stdout_output():  # a full disk: exit 2; a closed pipe: 141; each answer already saved
            _converse(session, result.findings, console(sys.stdout), answers_in)
    raise typer.Exit(ExitCode.for_reading(result.files))


def _converse(session: Review, findings: Iterable[Finding], out: Console,
              answers: TextIO | None) -> None:
    """Run the review; Ctrl-C or an unreadable answer stops it with the answers kept."""
    from auditor.cli.review_loop import converse
    from auditor.errors import UsageError
    from auditor.review.session import BadInput
    from auditor.wording import Said

    try:
        converse(session, findings, out, answers)
    except KeyboardInterrupt:
        out.line()  # the prompt left the cursor mid-line
        sys.stderr.write(f"auditor: {session.say('stopped', **session.saved())}\n")
        raise typer.Exit(130) from None
    except BadInput as bad:
        raise UsageError(Said("review.bad_input", line=bad.line, text=repr(bad.text[:20]),
                              **session.saved())) from None
    sys.stderr.write(session.summary() + "\n")

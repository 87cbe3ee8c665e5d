"""auditor review: go through the findings one at a time and record which debits are yours."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from auditor.cli.app import (Allow, ConfigPath, Encoding, Files, Lang, LayoutFiles, SameAccount,
                             Year, allow_context, app, help_text, output_language, read_options,
                             report_window)
from auditor.exitcodes import ExitCode
from auditor.models import Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console

    from auditor.models import Finding, ScanResult
    from auditor.review.session import Review
    from auditor.run.pipeline import ScanJob

AnswersPath = Annotated[Path | None, typer.Option(
    "--answers", help=help_text("help.review.answers"), show_default=False)]
Yes = Annotated[bool, typer.Option("--yes", "-y", help=help_text("help.review.yes"))]
All = Annotated[bool, typer.Option("--all", help=help_text("help.review.all"))]
MinSeverity = Annotated[Severity, typer.Option(
    "--min-severity", help=help_text("help.review.min_severity"))]
Change = Annotated[int | None, typer.Option(
    "--change", metavar="N", help=help_text("help.review.change"), show_default=False, min=1)]
Since = Annotated[str | None, typer.Option("--since", help=help_text("help.review.since"))]
Until = Annotated[str | None, typer.Option("--until", help=help_text("help.review.until"))]


@app.command(help=help_text("help.review"))
def review(files: Files, allow: Allow = None, config: ConfigPath = None,
           answers: AnswersPath = None, yes: Yes = False, all_: All = False,
           min_severity: MinSeverity = Severity.medium, lang: Lang = None,
           encoding: Encoding = None, layout: LayoutFiles = None, year: Year = None,
           same_account: SameAccount = False, change: Change = None, since: Since = None,
           until: Until = None) -> None:
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
                             report_window(since, until, date.today()),
                             same_account=same_account))

    def rescan(wallets: frozenset[str]) -> Iterable[Finding]:
        return run_scan(job.with_allowed(wallets)).findings

    result = run_scan(job)
    report_messages(result.files, lang=language)
    _tell_hidden(result, job, language)
    with replies(job.piped is not None) as answers_in:
        person = stdin_is_terminal() if job.piped is None else answers_in is not None
        session = Review(store, settings, catalogue, ctx.allowed, language, rescan, yes, all_,
                         min_severity, person, change=change or 0)
        with stdout_output():  # a full disk: exit 2; a closed pipe: 141; each answer already saved
            _converse(session, result.findings, console(sys.stdout), answers_in)
    raise typer.Exit(ExitCode.for_reading(result.files))


def _converse(session: Review, findings: Iterable[Finding], out: Console,
              answers: TextIO | None) -> None:
    """Run the review; Ctrl-C or an unreadable answer stops it with the answers kept."""
    from auditor.cli.review_loop import converse
    from auditor.errors import UsageError
    from auditor.review.session import BadInput, NoSuchFinding
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
    except NoSuchFinding as none:
        raise UsageError(Said("steer.no_change", number=none.number, count=none.count)) from None
    sys.stderr.write(session.summary() + "\n")


def _tell_hidden(result: ScanResult, job: ScanJob, lang: str) -> None:
    """How many findings --since or --until kept out of the review, as scan says it."""
    from auditor.render.messages import hidden_lines

    for line in hidden_lines(result, job.window.since, job.window.until, lang):
        sys.stderr.write(line + "\n")

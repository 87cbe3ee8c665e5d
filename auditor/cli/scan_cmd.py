"""auditor scan: flag wallet top-ups the holder does not recognise, with reasons."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from auditor.cli.app import (ConfigPath, Encoding, Files, Lang, LayoutFiles, Year,
                             allowed_wallets, app, output_language, read_options, report_window)
from auditor.exitcodes import ExitCode
from auditor.models import Severity

if TYPE_CHECKING:
    from collections.abc import Callable

    from auditor.store.answers import AnswerStore
    from auditor.detect.audit import Window
    from auditor.run.batch import BatchOptions
    from auditor.detect.rules import Context
    from auditor.ingest.statement import ReadOptions
    from auditor.store.config import Config
    from auditor.models import ScanResult
    from auditor.detect.wallets import Catalogue


class ScanFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def scan(
    files: Files,
    allow: Annotated[list[str] | None, typer.Option(
        "--allow", "-a", help="A wallet id you use (see `auditor wallets`); repeatable.")] = None,
    config: ConfigPath = None,
    fmt: Annotated[ScanFormat, typer.Option("--format", "-f", help="Output format.")] = ScanFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the output to this file (atomically) instead of stdout.")] = None,
    since: Annotated[str | None, typer.Option(
        help="Report findings from this date (2020-09-01, or 90d, 12w, 6m, 1y ago).")] = None,
    until: Annotated[str | None, typer.Option(help="Report findings up to this date.")] = None,
    fail_on: Annotated[Severity | None, typer.Option(
        help="Exit 1 when a finding is at least this severe (default medium).")] = None,
    lang: Lang = None,
    encoding: Encoding = None,
    layout: LayoutFiles = None,
    year: Year = None,
    output_dir: Annotated[Path | None, typer.Option(
        "--output-dir", help="Also write findings.csv, findings.jsonl, files.csv and "
                             "summary.json into this folder.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Files audited at once (default: one per core).")] = None,
    fail_fast: Annotated[bool, typer.Option(
        "--fail-fast", "-x", help="Stop at the first file that cannot be read.")] = False,
    max_size: Annotated[int, typer.Option(
        "--max-size", min=1, help="Refuse statement files larger than this many MB.")] = 100,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print nothing but errors (data still goes to --output).")] = False,
    new_only: Annotated[bool, typer.Option(
        "--new-only", help="Report only findings no earlier --new-only run reported (for cron).")
    ] = False,
    state: Annotated[Path | None, typer.Option(
        "--state", help="State database for --new-only (default: $AUDITOR_STATE, else "
                        "state.sqlite3 in the user's state folder).", show_default=False)] = None,
    answers: Annotated[Path | None, typer.Option(
        "--answers", help="Review answers to show (default: $AUDITOR_ANSWERS, else the user's "
                          "data folder).", show_default=False)] = None,
) -> None:
    """Scan statements and list debits to e-wallets you may not have made."""
    from auditor.run.batch import BatchOptions
    from auditor.store.config import config_is_explicit, config_path, load_config
    from auditor.detect.rules import Context
    from auditor.detect.wallets import load_catalogue

    today = date.today()
    catalogue = load_catalogue()
    settings = load_config(config_path(config), catalogue.ids, required=config_is_explicit(config))
    allowed = allowed_wallets(allow or [], settings, catalogue, today)
    language = output_language(lang, settings.lang)
    window = report_window(since, until, today)
    threshold = fail_on or Severity(settings.fail_on or "medium")
    options = replace(read_options(encoding, layout, year), max_bytes=max_size * 1_000_000)
    store = _answers(answers)

    def audit_all() -> ScanResult:
        found = _run(files, options, Context(catalogue, allowed), window,
                     BatchOptions(jobs=jobs, fail_fast=fail_fast), quiet)
        return _with_answers(found, store)

    def emit(found: ScanResult) -> None:
        if not quiet or output is not None:
            _write(found, fmt, output, language)
        if output_dir is not None:
            from auditor.render.outdir import write_output_dir

            write_output_dir(found, output_dir, language)

    result = _only_new(state, audit_all, emit) if new_only else audit_all()
    if not new_only:
        emit(result)
    _tell(result, settings, today, language, quiet, fmt)
    raise typer.Exit(_exit_code(result, threshold))


def _only_new(state: Path | None, audit_all: Callable[[], ScanResult],
              emit: Callable[[ScanResult], None]) -> ScanResult:
    """Keep only findings never reported; record them only once the output is written.

    The state is held for the whole run, so a second run at once waits, then exits 2.
    """
    from auditor.store.state import Alert, alert_key, default_state_path, open_state

    with open_state(default_state_path(state)) as store:
        result = audit_all()
        accounts, masked = result.account_of(), {r.path: r.account for r in result.files}
        alerts = [Alert(alert_key(accounts.get(f.file) or None, f), f.date, f.amount, f.wallet,
                        str(f.severity), masked.get(f.file)) for f in result.findings]
        fresh = store.new([alert.key for alert in alerts])
        result = replace(result, findings=tuple(
            f for f, new in zip(result.findings, fresh, strict=True) if new))
        emit(result)
        store.record([alert for alert, new in zip(alerts, fresh, strict=True) if new])
    return result


def _answers(path: Path | None) -> AnswerStore | None:
    """The holder's review answers, if there are any (a damaged file is an error, exit 2)."""
    from auditor.store.answers import AnswerStore, default_answers_path

    where = path or default_answers_path()
    return AnswerStore.load(where) if path is not None or where.exists() else None


def _with_answers(result: ScanResult, store: AnswerStore | None) -> ScanResult:
    if store is None or not len(store):
        return result
    answered = tuple(replace(f, answer=None if (a := store.get(f)) is None else a.value)
                     for f in result.findings)
    return replace(result, findings=answered)


def _run(files: list[Path], options: ReadOptions, ctx: Context, window: Window,
         batch: BatchOptions, quiet: bool) -> ScanResult:
    """Audit the files, with a progress bar on stderr when a person is watching."""
    from auditor.run.batch import expand, scan

    paths = expand(files)
    if quiet or len(paths) < 2 or not sys.stderr.isatty():
        return scan(paths, options, ctx, window, batch)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("auditing", total=len(paths))
        return scan(paths, options, ctx, window, batch,
                    progress=lambda done: bar.update(task, completed=done))


def _write(result: ScanResult, fmt: ScanFormat, output: Path | None, lang: str) -> None:
    from auditor.fs.atomic import atomic_output, stdout_output

    if output is None:
        # Flushed before returning, so --new-only never records what did not get out.
        with stdout_output() as out:
            _render(result, fmt, out, lang)
        return
    with atomic_output(output) as out:
        _render(result, fmt, out, lang)


def _render(result: ScanResult, fmt: ScanFormat, out: TextIO, lang: str) -> None:
    from auditor.render import console, json_dump

    if fmt is ScanFormat.json:
        json_dump(result.to_dict(lang), out)
    elif fmt is ScanFormat.csv:
        from auditor.render.findings_csv import write_csv

        write_csv(result, out, lang)
    elif result.findings:
        from auditor.render.findings import findings_table

        console(out).print(findings_table(result, lang))


def _tell(result: ScanResult, settings: Config, today: date, lang: str, quiet: bool,
          fmt: ScanFormat) -> None:
    """Messages for the person at the terminal, on stderr; with --quiet only the errors."""
    from auditor.render.messages import report_messages, summary_line

    if quiet:
        report_messages(replace(r, rejected=(), notes=(), balance_breaks=())
                        for r in result.files if r.error)
        return
    report_messages(result.files)
    for entry in settings.expired(today):
        sys.stderr.write(f"auditor: note: allow entry for {entry.wallet} ended on {entry.until}; "
                         "its top-ups are checked again\n")
    if len(result.files) > 1:
        from auditor.render import console
        from auditor.render.summary import run_tables

        console(sys.stderr).print(run_tables(result, lang))
    if fmt is not ScanFormat.json:  # JSON carries them as its "suggestions" list
        for suggestion in result.suggestions:
            sys.stderr.write(f"auditor: {suggestion.text(lang)}\n")
    sys.stderr.write(summary_line(result, lang) + "\n")


def _exit_code(result: ScanResult, threshold: Severity) -> ExitCode:
    alarming = any(f.severity.rank >= threshold.rank and not f.settled for f in result.findings)
    return ExitCode.for_reading(result.files, findings=alarming)

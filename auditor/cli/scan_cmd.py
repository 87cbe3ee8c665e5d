"""auditor scan: flag wallet top-ups the holder does not recognise, with reasons."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from auditor.cli.app import (Allow, ConfigPath, Encoding, Files, Lang, LayoutFiles, SameAccount,
                             Year, allow_context, app, help_text, output_language, read_options,
                             report_window, dash_is_stdout)
from auditor.exitcodes import ExitCode
from auditor.models import Severity

if TYPE_CHECKING:
    from auditor.models import ScanResult
    from auditor.run.pipeline import ScanJob
    from auditor.store.answers import AnswerStore
    from auditor.store.config import Config


class ScanFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"  # one finding a line
    parquet = "parquet"  # with --output; needs pyarrow (the dask extra)


class Engine(StrEnum):
    in_process = "in-process"
    dask = "dask"


Format = Annotated[ScanFormat | None, typer.Option(
    "--format", "-f", help=help_text("help.scan.format"), show_default=False)]
Excel = Annotated[bool, typer.Option("--excel", help=help_text("help.scan.excel"))]
Output = Annotated[Path | None, typer.Option(
    "--output", "-o", help=help_text("help.scan.output"), callback=dash_is_stdout)]
Since = Annotated[str | None, typer.Option(help=help_text("help.scan.since"))]
Until = Annotated[str | None, typer.Option(help=help_text("help.scan.until"))]
FailOn = Annotated[Severity | None, typer.Option(help=help_text("help.scan.fail_on"))]
OutputDir = Annotated[Path | None, typer.Option(
    "--output-dir", help=help_text("help.scan.output_dir"))]
Jobs = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help=help_text("help.scan.jobs"))]
FailFast = Annotated[bool, typer.Option(
    "--fail-fast", "-x", help=help_text("help.scan.fail_fast"))]
MaxSize = Annotated[int, typer.Option("--max-size", min=1, help=help_text("help.scan.max_size"))]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help=help_text("help.scan.quiet"))]
NewOnly = Annotated[bool, typer.Option("--new-only", help=help_text("help.scan.new_only"))]
StatePath = Annotated[Path | None, typer.Option(
    "--state", help=help_text("help.scan.state"), show_default=False)]
EngineOption = Annotated[Engine, typer.Option("--engine", help=help_text("help.scan.engine"))]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", help=help_text("help.scan.scheduler"), show_default=False)]
AnswersPath = Annotated[Path | None, typer.Option(
    "--answers", help=help_text("help.scan.answers"), show_default=False)]


@app.command(help=help_text("help.scan"))
def scan(files: Files, allow: Allow = None, config: ConfigPath = None,
         fmt: Format = None, excel: Excel = False, output: Output = None, since: Since = None,
         until: Until = None, fail_on: FailOn = None, lang: Lang = None,
         encoding: Encoding = None, layout: LayoutFiles = None, year: Year = None,
         output_dir: OutputDir = None, jobs: Jobs = None, fail_fast: FailFast = False,
         max_size: MaxSize = 100, quiet: Quiet = False, new_only: NewOnly = False,
         state: StatePath = None, answers: AnswersPath = None,
         same_account: SameAccount = False, engine: EngineOption = Engine.in_process,
         scheduler: Scheduler = None) -> None:
    from auditor.detect.wallets import load_catalogue
    from auditor.run.batch import BatchOptions
    from auditor.run.pipeline import ScanJob
    from auditor.store.config import config_is_explicit, config_path, load_config

    today = date.today()
    catalogue = load_catalogue()
    settings = load_config(config_path(config), catalogue.ids, required=config_is_explicit(config))
    language = output_language(lang, settings.lang)
    options = replace(read_options(encoding, layout, year), max_bytes=max_size * 1_000_000)
    job = ScanJob(files, options, allow_context(allow or [], settings, catalogue),
                  report_window(since, until, today), BatchOptions(jobs=jobs, fail_fast=fail_fast),
                  _answers(answers), same_account)
    fmt = _format(fmt, excel, output_dir, output)
    emit = Emit(fmt, output, output_dir, language, quiet, excel)
    lines = language if fmt is ScanFormat.jsonl else None  # on Dask, made by the workers
    audit = partial(_audit, engine=engine, scheduler=scheduler, lines=lines)
    result = _new_only(job, state, emit, audit) if new_only else emit(audit(job, quiet))
    _tell(result, settings, today, language, quiet, fmt)
    if not quiet:
        _tell_hidden(result, job, language)
    raise typer.Exit(ExitCode.for_scan(result, fail_on or Severity(settings.fail_on or "medium")))


def _format(fmt: ScanFormat | None, excel: bool, output_dir: Path | None,
            output: Path | None) -> ScanFormat:
    """--format, csv for --excel alone; --excel with json or a table needs CSV files to apply to."""
    from auditor.errors import UsageError
    from auditor.wording import Said

    if fmt is ScanFormat.parquet and output is None:
        raise UsageError(Said("dask.parquet_output"))
    if not excel:
        return fmt or ScanFormat.table
    if fmt in (None, ScanFormat.csv):
        return ScanFormat.csv
    if output_dir is None:
        raise UsageError(Said("error.excel_format", format=fmt.value))
    return fmt


def _new_only(job: ScanJob, state: Path | None, emit: Emit,
              audit: Callable[[ScanJob, bool], ScanResult]) -> ScanResult:
    """Only findings never reported, recorded once the output is written (never before)."""
    from auditor.run.new_only import new_alerts

    with new_alerts(state) as alerts:
        result = emit(alerts.fresh(audit(job, emit.quiet)))
        alerts.commit()
    return result


def _answers(path: Path | None) -> AnswerStore | None:
    """The holder's review answers, if there are any (a damaged file is an error, exit 2)."""
    from auditor.store.answers import AnswerStore, default_answers_path

    where = path or default_answers_path()
    return AnswerStore.load(where) if path is not None or where.exists() else None


def _audit(job: ScanJob, quiet: bool, engine: Engine = Engine.in_process,
           scheduler: str | None = None, lines: str | None = None) -> ScanResult:
    """Run the scan, with a progress bar on stderr when a person is watching."""
    from auditor.run.pipeline import files_of, run_scan

    if engine is Engine.dask or scheduler is not None:
        from auditor.export.engine import run_dask
        return _audit_dask(partial(run_dask, job, scheduler, lines=lines), quiet, engine)
    if quiet or len(files_of(job)) < 2 or not sys.stderr.isatty():
        return run_scan(job)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("auditing", total=len(files_of(job)))
        return run_scan(job, progress=lambda done: bar.update(task, completed=done))


def _audit_dask(run: Callable[..., ScanResult], quiet: bool, engine: Engine) -> ScanResult:
    """The export audited on Dask, with a bar on stderr when a person is watching."""
    from auditor.errors import UsageError
    from auditor.wording import Said

    if engine is not Engine.dask:
        raise UsageError(Said("dask.needs_dask"))
    if quiet or not sys.stderr.isatty():
        return run()
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("auditing", total=None)
        return run(lambda done, total: bar.update(task, completed=done, total=total))


@dataclass(frozen=True)
class Emit:
    """Where and how the result goes: stdout or --output, and --output-dir."""

    fmt: ScanFormat
    output: Path | None
    output_dir: Path | None
    lang: str
    quiet: bool
    excel: bool = False  # CSV with the byte-order mark Excel needs

    def __call__(self, result: ScanResult) -> ScanResult:
        if not self.quiet or self.output is not None:
            self._write(result)
        if self.output_dir is not None:
            from auditor.render.outdir import write_output_dir

            write_output_dir(result, self.output_dir, self.lang, self.excel)
        return result

    def _write(self, result: ScanResult) -> None:
        from auditor.fs.atomic import atomic_output, stdout_output

        # Flushed before returning, so --new-only never records what did not get out.
        with stdout_output() if self.output is None else atomic_output(self.output) as out:
            _render(result, self.fmt, out, self.lang, self.excel)


def _render(result: ScanResult, fmt: ScanFormat, out: TextIO, lang: str, excel: bool) -> None:
    from auditor.render import console, json_dump

    if fmt is ScanFormat.json:
        json_dump(result.to_dict(lang), out)
    elif fmt in (ScanFormat.jsonl, ScanFormat.parquet):
        from auditor.export.output import write_jsonl, write_parquet

        (write_jsonl if fmt is ScanFormat.jsonl else write_parquet)(result, out, lang)
    elif fmt is ScanFormat.csv:
        from auditor.render.findings_csv import write_csv

        write_csv(result, out, lang, excel)
    elif result.findings:
        from auditor.render.findings import findings_table

        console(out).print(findings_table(result, lang))


def _tell(result: ScanResult, settings: Config, today: date, lang: str, quiet: bool,
          fmt: ScanFormat) -> None:
    """Messages for the person at the terminal, on stderr; with --quiet only the errors."""
    from auditor.render.messages import report_messages
    from auditor.wording import Said, say

    if quiet:
        report_messages((replace(r, rejected=(), notes=(), balance_breaks=())
                         for r in result.files if r.error), lang=lang)
        return
    report_messages(result.files, lang=lang)
    for entry in settings.expired(today):
        note = Said("cli.expired", wallet=entry.wallet, until=entry.until)
        sys.stderr.write(f"auditor: {say('message.note', lang, note=note)}\n")
    if len(result.files) > 1 or any(f.account for f in result.findings):  # an export too
        from auditor.render import console
        from auditor.render.summary import run_tables

        console(sys.stderr).print(run_tables(result, lang))
    if fmt is not ScanFormat.json:  # JSON carries them as its "suggestions" list
        for suggestion in result.suggestions:
            sys.stderr.write(f"auditor: {suggestion.text(lang)}\n")


def _tell_hidden(result: ScanResult, job: ScanJob, lang: str) -> None:
    """What the options kept out of the output, then the summary: an empty list is honest."""
    from auditor.render.messages import hidden_lines, summary_line

    for line in hidden_lines(result, job.window.since, job.window.until, lang):
        sys.stderr.write(line + "\n")
    sys.stderr.write(summary_line(result, lang) + "\n")

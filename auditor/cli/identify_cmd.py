"""auditor identify: which layout each file is, and what was read from it."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from auditor.cli.app import (FORMAT_HELP, Encoding, Files, Lang, LayoutFiles, Year, app,
                             help_text, output_language, read_options)
from auditor.exitcodes import ExitCode


class IdentifyFormat(StrEnum):
    table = "table"
    json = "json"


@app.command(help=help_text("help.identify"))
def identify(
    files: Files,
    fmt: Annotated[IdentifyFormat, typer.Option("--format", "-f", help=help_text(FORMAT_HELP))]
    = IdentifyFormat.table,
    encoding: Encoding = None,
    layout: LayoutFiles = None,
    year: Year = None,
    lang: Lang = None,
) -> None:
    from auditor.export.scan import identify_all
    from auditor.fs.atomic import stdout_output
    from auditor.fs.stdin import take_stdin
    from auditor.render import console, json_dump, report_messages
    from auditor.render.table import identify_table

    language = output_language(lang)
    options = read_options(encoding, layout, year)
    reports = identify_all(files, options, take_stdin(files, options.max_bytes))
    with stdout_output() as out:  # a full disk: exit 2 with a message; a closed pipe: 141
        if fmt is IdentifyFormat.json:
            json_dump({"schema": 2, "files": [r.to_dict() for r in reports]}, out)
        else:
            console(out).print(identify_table(reports, language))
    report_messages(reports, lang=language)
    raise typer.Exit(ExitCode.for_reading(reports))

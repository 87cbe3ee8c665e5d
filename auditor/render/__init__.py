"""Renderers: tables for people, JSON and CSV for programs; data never becomes markup."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

from rich.console import Console

from auditor.render.messages import report_messages
from auditor.render.safety import json_inert
from auditor.render.table import identify_table

__all__ = ["console", "identify_table", "json_dump", "report_messages"]


def console(file: TextIO | None = None) -> Console:
    """A console for data on stdout: colour only on a terminal and without NO_COLOR."""
    stream = file or sys.stdout
    terminal = stream.isatty()
    columns = os.environ.get("COLUMNS", "")
    # Off a terminal Rich would wrap at 80 columns; a file or pipe gets room for the reasons.
    width = int(columns) if columns.isdigit() else (None if terminal else 160)
    return Console(
        file=stream, highlight=False, markup=False, emoji=False,
        no_color=bool(os.environ.get("NO_COLOR")) or not terminal,
        width=width, soft_wrap=False,
    )


def json_dump(data: Any, out: TextIO) -> None:
    """Write stable, readable JSON with non-ASCII text kept as is."""
    out.write(json_inert(json.dumps(data, ensure_ascii=False, indent=2)))
    out.write("\n")

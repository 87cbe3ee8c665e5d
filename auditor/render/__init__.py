"""Renderers: tables for people, JSON and CSV for programs; data never becomes markup."""

from __future__ import annotations

import errno
import json
import os
import sys
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from auditor.render.messages import report_messages
from auditor.render.safety import json_inert

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["console", "json_dump", "report_messages"]


def console(file: TextIO | None = None) -> Console:
    """A console for data on stdout: colour only on a terminal and without NO_COLOR."""
    # Imported here: JSON and CSV output never need Rich, and it is a tenth of a
    # small scan's start-up.
    stream = file or sys.stdout
    terminal = stream.isatty()
    columns = os.environ.get("COLUMNS", "")
    # Off a terminal 80 columns, as a pipe, a file or a mail of the output is read; COLUMNS
    # says otherwise (a terminal's own width is measured by Rich).
    width = int(columns) if columns.isdigit() else (None if terminal else 80)
    return _console_class()(
        file=stream, highlight=False, markup=False, emoji=False,
        no_color=bool(os.environ.get("NO_COLOR")) or not terminal,
        width=width, soft_wrap=False,
    )


@cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class DataConsole(Console):
        """A Console whose broken pipe is an OSError like any other write's.

        Rich's own answer is to point stdout at /dev/null and raise SystemExit(1), which
        skipped every handler between here and the exit: no message, exit 1, and (before
        the output paths caught it) a --new-only run that recorded what never got out.
        """

        def on_broken_pipe(self) -> None:
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return DataConsole


def json_dump(data: Any, out: TextIO) -> None:
    """Write stable JSON with non-ASCII text kept as is: one list element per line.

    Readable, diffable and greppable, and each element goes through json's C encoder
    (indent= would use the pure-Python one: seconds for tens of thousands of findings).
    Written as it is encoded, a batch of lines at a time: half a million findings make
    hundreds of megabytes of text, which need not all be in memory at once.
    """
    if not isinstance(data, dict):
        out.write(_compact(data) + "\n")
        return
    out.write("{\n")
    for number, (key, value) in enumerate(data.items()):
        out.write((",\n" if number else "") + f"  {_compact(key)}: ")
        if isinstance(value, list) and value:
            out.write("[\n")
            for start in range(0, len(value), _BATCH):
                batch = value[start:start + _BATCH]
                out.write((",\n" if start else "") + ",\n".join(f"    {_compact(item)}"
                                                               for item in batch))
            out.write("\n  ]")
        else:
            out.write(_compact(value))
    out.write("\n}\n")


_BATCH = 1000  # list elements per write

# One encoder for every element: json.dumps() with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _compact(value: Any) -> str:
    return json_inert(_ENCODER.encode(value))

"""The command line: parse options, call the core, render, and set the exit code."""

from __future__ import annotations

import os
import sys

from auditor.cli import scan_cmd, identify_cmd, allow_cmd, catalogue_cmd, review_cmd, state_cmd, report_cmd  # noqa: F401,I001 (order of --help)
from auditor.cli.app import app
from auditor.errors import AuditorError
from auditor.exitcodes import ExitCode

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: known errors exit with their code, a crash exits 4.

    Typer itself turns usage errors into exit 2 and typer.Exit into its code.
    """
    try:
        app()
    except SystemExit as done:
        # Typer turns Ctrl-C into a silent exit 130; say so, as the handler below meant to.
        if done.code == 130 and _from_interrupt(done):
            _fail("interrupted", 130)
        raise
    except AuditorError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        _fail(f"internal error ({type(exc).__name__}); set AUDITOR_DEBUG=1 for details",
              ExitCode.INTERNAL)


def _from_interrupt(exc: BaseException) -> bool:
    """Whether a KeyboardInterrupt is among the exceptions that led to this one."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, KeyboardInterrupt):
            return True
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return False


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"auditor: {message}\n")
    sys.exit(code)

"""The command line: parse options, call the core, render, and set the exit code."""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Any, TypeVar

from auditor.cli import scan_cmd, identify_cmd, allow_cmd, catalogue_cmd, review_cmd, state_cmd, report_cmd  # noqa: F401,I001 (order of --help)
from auditor.cli.app import app, forget_language, message_language
from auditor.errors import AuditorError
from auditor.exitcodes import ExitCode
from auditor.wording import Said, in_lang

__all__ = ["app", "main"]

Link = TypeVar("Link", bound=BaseException)


def main() -> None:
    """Console-script entry point: known errors exit with their code, a crash exits 4.

    Typer itself turns usage errors into exit 2 and typer.Exit into its code. SIGTERM and
    SIGHUP stop a run as Ctrl-C does (workers stopped, nothing half-written, the state
    unchanged), with the shell's code for them: 143 and 129. An output whose reader went
    away (`| head`) ends the run silently with 141, as SIGPIPE ends `git log | head`.
    """
    previous = _stop_on(("SIGTERM", "SIGHUP"))
    forget_language()
    try:
        app()
    except SystemExit as done:
        # Typer turns Ctrl-C into a silent exit 130; say so, as the handler below meant to.
        interrupt = _link_of(done, KeyboardInterrupt) if done.code == 130 else None
        if interrupt is not None:
            _interrupted(interrupt)
        # And a broken pipe into exit 1, which means findings: it is 141 like any other.
        if done.code == 1 and _link_of(done, BrokenPipeError) is not None:
            _closed()
        raise
    except AuditorError as exc:
        if exc.exit_code == ExitCode.CLOSED:
            _closed()
        _fail(exc.said(), exc.exit_code)
    except BrokenPipeError:  # a write outside the output blocks (a listing's echo, --help)
        _closed()
    except KeyboardInterrupt as exc:
        _interrupted(exc)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        _fail(Said("cli.internal", kind=type(exc).__name__), ExitCode.INTERNAL)
    finally:
        for signum, handler in previous.items():  # main() run in-process (tests) leaves no trace
            signal.signal(signum, handler)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: a KeyboardInterrupt, so every Ctrl-C clean-up runs for it too."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on(names: tuple[str, ...]) -> dict[int, Any]:
    """Make these signals raise Terminated where they would kill; returns what they did."""
    def stop(signum: int, _frame: object) -> None:
        raise Terminated(signum)

    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous  # only the main thread may set handlers
    for name in names:
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            previous[signum] = signal.signal(signum, stop)
    return previous


def _interrupted(exc: KeyboardInterrupt) -> None:
    if isinstance(exc, Terminated):
        _fail(Said("cli.stopped", signal=signal.Signals(exc.signum).name), 128 + exc.signum)
    _fail(Said("cli.interrupted"), 130)


def _link_of(exc: BaseException, kind: type[Link]) -> Link | None:
    """The exception of this kind among those that led to this one, if any."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, kind):
            return link
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return None


def _closed() -> None:
    """The reader of the output went away: nobody is left to tell, so exit without a word."""
    from auditor.fs.atomic import silence_stdout

    silence_stdout()
    sys.exit(ExitCode.CLOSED)


def _fail(message: str, code: int) -> None:
    """The run's last line, in the run's language (a Said is said in it), and its exit code."""
    sys.stderr.write(f"auditor: {in_lang(message, message_language(sys.argv[1:]))}\n")
    sys.exit(code)

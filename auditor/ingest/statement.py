"""Read one statement end to end: decode, identify, split, normalise, check the balance."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from auditor.ingest.account import account_id, find_account, find_branch, mask
from auditor.ingest.balance import NEWEST_FIRST, check_chain
from auditor.errors import StatementError
from auditor.ingest.identify import HeaderMatch, identify, identify_own
from auditor.ingest.layouts import Layout, builtin_layouts
from auditor.models import FileReport
from auditor.ingest.normalise import Parsed, Typed, dated, typed
from auditor.ingest.mixed import Decoded, decode_rows, foreign_note, foreign_text
from auditor.ingest.decode import check_text
from auditor.ingest.read import LINE_END, records
from auditor.fs.reason import os_reason
from auditor.fs.regular import NotRegularFile, TooLarge, read_regular
from auditor.fs.stdin import STDIN_NAME, Piped, is_stdin
from auditor.wording import Said


DEFAULT_MAX_BYTES = 100_000_000  # scan --max-size's default, for every command


@dataclass(frozen=True)
class ReadOptions:
    """How to read statements; every field has a sensible automatic default."""

    encoding: str | None = None
    layouts: tuple[Layout, ...] = ()  # the user's own layouts, tried before the built-in ones
    year: int | None = None  # year of the oldest row, for banks that print no year
    today: date | None = None  # stands for "the day the file was saved" when inferring years
    max_bytes: int = DEFAULT_MAX_BYTES  # refuse larger files (a statement is rarely over a few MB)

    def all_layouts(self) -> tuple[Layout, ...]:
        return (*self.layouts, *builtin_layouts())


@dataclass(frozen=True)
class Statement:
    """One statement's transactions in time order (column ``seq``) and what was not read."""

    path: Path
    layout: Layout
    encoding: str
    frame: pd.DataFrame
    rejected: list[tuple[int, str]]
    skipped: list[tuple[int, str]]
    order: str
    balance_breaks: tuple[int, ...]
    notes: list[str] = field(default_factory=list)
    account: str | None = None  # as the bank wrote it: in memory only, never output unmasked
    sha256: str | None = None  # of bytes read from standard input, which no path can hash later
    branch: str | None = None  # the 店番 the preamble labels, for the letter to the bank

    @property
    def account_id(self) -> str:
        return account_id(self.account)


def read_statement(path: Path, options: ReadOptions = ReadOptions(),
                   raw: bytes | None = None) -> Statement:
    """Read a statement file; raise StatementError with a line number if it cannot be read.

    raw: the statement's bytes, already read from standard input (path then only names it).
    """
    piped = raw is not None
    opened = open_statement(path, options, raw)
    match, text = opened.match, opened.decoded.text
    cells = records(text, match.body_start, match.delimiter, match.width, match.line + 1,
                    used=match.used_positions(), numeric=match.amount_positions(),
                    verbatim=match.text_positions(), exact=match.ragged)
    return finish(opened, typed(cells, match), options, piped)


@dataclass(frozen=True)
class Opened:
    """A statement's bytes decoded and its layout found: what is left is to split its rows."""

    path: Path
    raw: bytes
    decoded: Decoded
    match: HeaderMatch


def open_statement(path: Path, options: ReadOptions, raw: bytes | None = None) -> Opened:
    """Read, decode and identify a statement (raw: bytes from standard input)."""
    raw = raw if raw is not None else read_bytes(path, options.max_bytes)
    decoded = decode_rows(raw, options.encoding)
    text, encoding = decoded.text, decoded.encoding
    check_text(text)
    match = (identify_own(text, encoding, options.layouts, builtin_layouts()) if options.layouts
             else identify(text, encoding, options.all_layouts()))
    return Opened(path, raw, decoded, match)


def finish(opened: Opened, rows: Typed, options: ReadOptions, piped: bool = False) -> Statement:
    """The statement from its parsed rows: dated, checked, in time order, with its notes."""
    path, decoded, match = opened.path, opened.decoded, opened.match
    today = options.today or (date.today() if piped else _saved_on(path))
    parsed = without_foreign_rows(dated(rows, options.year, today), decoded)
    chain = check_chain(parsed.frame, match.layout.order)
    notes = [*generic_note(match), *decoded.note(), *parsed.notes]
    if parsed.frame.empty and not parsed.rejected and not parsed.skipped:
        # A header and nothing else is read in full, but the holder should know it held no
        # transaction (a wrong period chosen at download) rather than see a silent "clean".
        notes.append(Said("note.no_rows", line=match.line))
    preamble = LINE_END.split(decoded.text[:match.header_start])
    return Statement(path, match.layout, decoded.encoding,
                     _in_time_order(parsed.frame, chain.order), parsed.rejected,
                     parsed.skipped, chain.order, chain.breaks, notes, find_account(preamble, path),
                     hashlib.sha256(opened.raw).hexdigest() if piped else None,
                     find_branch(preamble))


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes: a regular file only (a FIFO or /dev/zero is refused unread)."""
    if path.is_dir():  # expand() keeps only folders that hold no statement file
        raise StatementError(Said("read.folder"))
    try:
        return read_regular(path, limit)
    except OSError as exc:
        raise unreadable(exc, limit) from None


def unreadable(exc: OSError, limit: int) -> StatementError:
    """Why a statement's bytes could not be read, as the file's one-line error."""
    if isinstance(exc, NotRegularFile):
        return StatementError(Said("read.not_regular", kind=exc.kind))
    if isinstance(exc, TooLarge):
        return StatementError(Said("read.too_large", limit=limit // 1_000_000))
    reason = os_reason(exc.errno, exc.strerror or type(exc).__name__)
    return StatementError(Said("read.cannot_open", reason=reason))


def without_foreign_rows(parsed: Parsed, decoded: Decoded) -> Parsed:
    """Reject the rows that decoded, but as mojibake: UTF-8 text in a CP932 file.

    Judged on each distinct descriptor and channel text (a few hundred per statement), so
    it costs nothing on a file that does not mix encodings.
    """
    rejected = sorted([*decoded.rejected, *parsed.rejected])
    frame = parsed.frame
    foreign = np.zeros(len(frame), dtype=bool)
    if decoded.check_rows and len(frame):
        for column in ("description", "channel"):
            values = frame[column].cat.categories
            # Statements read together share their categories: judge the file's own only.
            used = (range(len(values)) if len(values) <= len(frame)
                    else pd.unique(frame[column].cat.codes.to_numpy()).tolist())
            odd = [i for i in used if i >= 0 and foreign_text(str(values[i]), decoded.encoding)]
            if odd:
                foreign |= frame[column].cat.codes.isin(odd).to_numpy()
    if not foreign.any():
        return replace(parsed, rejected=rejected)
    lines = [int(line) for line in frame["line"][foreign]]
    reason = Said("reject.utf8", encoding=decoded.encoding.upper())
    return replace(parsed, frame=frame[~foreign].reset_index(drop=True),
                   rejected=sorted([*rejected, *((line, reason) for line in lines)]),
                   notes=[*parsed.notes, foreign_note(lines, decoded.encoding)])


def _saved_on(path: Path) -> date:
    return date.fromtimestamp(path.stat().st_mtime)


def generic_note(match: HeaderMatch) -> list[str]:
    """The note that an unknown bank's file was read by its column names."""
    if not match.layout.generic:
        return []
    used = ", ".join(f"{role}={'/'.join(names)}" for role, names in match.layout.columns.items())
    return [Said("note.generic", columns=used)]


def _in_time_order(frame: pd.DataFrame, order: str) -> pd.DataFrame:
    """Oldest first, by time of day where given, else in the bank's order (never merging)."""
    moved = order == NEWEST_FIRST
    positions = np.arange(len(frame))[::-1] if moved else np.arange(len(frame))
    dates = frame["date"].to_numpy()[positions]
    # Most statements are in date order and print no time: the stable sort would keep them
    # as they are, and costs a few hundredths of a second per million rows.
    if not (frame["time"].isna().all() and bool((dates[1:] >= dates[:-1]).all())):
        ordered = frame.iloc[positions].reset_index(drop=True)
        positions = positions[ordered.sort_values(["date", "time"], kind="stable",
                                                  na_position="first").index.to_numpy()]
        moved = True
    # One take at most, and a fresh index: the rows are copied once, or not at all.
    frame = frame.take(positions) if moved else frame.copy(deep=False)
    frame.index = pd.RangeIndex(len(frame))
    frame["seq"] = np.arange(len(frame), dtype=np.int64)
    return frame


def file_report(path: Path, statement: Statement | None = None, error: str | None = None,
                internal: bool = False) -> FileReport:
    """Summarise a read statement, or a file that could not be read, for output."""
    if statement is None:
        return FileReport(path=str(path), error=error, internal=internal)
    frame = statement.frame
    period = None if frame.empty else (frame["date"].iloc[0].date(), frame["date"].iloc[-1].date())
    return FileReport(
        path=str(path), layout=statement.layout.id, bank=statement.layout.bank,
        account=mask(statement.account), encoding=statement.encoding, rows=len(frame),
        rejected=tuple(statement.rejected), skipped=tuple(statement.skipped),
        debit_total=int(frame["debit"].sum()), credit_total=int(frame["credit"].sum()),
        period=period, order=statement.order, balance_breaks=statement.balance_breaks,
        notes=tuple(statement.notes),
    )


def read_piped(piped: Piped, options: ReadOptions) -> Statement:
    """The statement piped in on standard input, named <stdin>."""
    if piped.error is not None:
        raise unreadable(piped.error, options.max_bytes)
    return read_statement(STDIN_NAME, options, raw=piped.raw)


def read_all(paths: Sequence[Path], options: ReadOptions,
             piped: Piped | None = None) -> list[tuple[FileReport, Statement | None]]:
    """Read every file (`-` from piped); one unreadable file never stops the others."""
    results: list[tuple[FileReport, Statement | None]] = []
    for path in paths:
        shown = STDIN_NAME if piped is not None and is_stdin(path) else path
        try:
            statement = (read_statement(path, options) if piped is None or shown is path
                         else read_piped(piped, options))
        except Exception as exc:  # a bug must not lose the rest of a batch
            results.append((failed_report(shown, exc, "reading"), None))
        else:
            results.append((file_report(shown, statement), statement))
    return results


def failed_report(path: Path, exc: Exception, stage: str) -> FileReport:
    """A file that could not be read (its one-line reason) or hit a bug (exit 4)."""
    if isinstance(exc, StatementError):
        return file_report(path, error=exc.said())
    return file_report(path, error=Said(_INTERNAL[stage], kind=type(exc).__name__),
                       internal=True)


_INTERNAL = {"reading": "read.internal_reading", "auditing": "read.internal_auditing"}

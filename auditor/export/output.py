"""Findings as JSON lines or Parquet: one record per finding, the JSON finding's keys."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from typing import Any, TextIO

from auditor.errors import UsageError
from auditor.models import Finding, ScanResult
from auditor.render.safety import json_inert
from auditor.wording import Said

# What json.dumps(row, ensure_ascii=False) builds anew for every row, built once.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


class Lined(tuple):  # type: ignore[type-arg]
    """Findings whose JSON lines were written where they were found (on a Dask worker),
    in the language ``lang``, and put in order in a file (``lines``), not held here. Any
    change to the findings makes a new, plain tuple."""

    lang: str
    lines: TextIO


def lined(findings: list[Finding], lines: TextIO, lang: str) -> Lined:
    found = Lined(findings)
    found.lang, found.lines = lang, lines
    return found


def json_lines(findings: Iterable[Finding], lang: str) -> list[str]:
    """Each finding's line of findings.jsonl, as write_jsonl writes it (no account label:
    an export's findings carry their own account)."""
    return [json_inert(_ENCODER.encode(finding.to_dict(lang))) + "\n" for finding in findings]


def rows(result: ScanResult, lang: str) -> list[dict[str, Any]]:
    """Each finding as `--format json` gives it, with its account's label (masked)."""
    labels = result.labels()
    return [finding.to_dict(lang, labels.get(finding.file)) for finding in result.findings]


def write_jsonl(result: ScanResult, out: TextIO, lang: str) -> None:
    """One finding a line, as findings.jsonl of --output-dir holds them."""
    found = result.findings
    if isinstance(found, Lined) and found.lang == lang and not result.accounts:
        found.lines.seek(0)
        shutil.copyfileobj(found.lines, out)
        return
    for row in rows(result, lang):
        out.write(json_inert(_ENCODER.encode(row)) + "\n")


def write_parquet(result: ScanResult, out: TextIO, lang: str) -> None:
    """The findings as one Parquet table (needs pyarrow, which the dask extra installs)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(Said("dask.missing")) from None
    text, number = pa.string(), pa.int64()
    place = pa.struct([("file", text), ("line", number)])
    schema = pa.schema([
        ("file", text), ("account", text), ("line", number), ("date", text), ("time", text),
        ("amount", number), ("description", text), ("wallet", text), ("score", number),
        ("severity", text), ("rules", pa.list_(text)), ("reasons", pa.list_(text)),
        ("answer", text), ("refund", pa.struct([("line", number), ("date", text)])),
        ("seen_in", pa.list_(place))])
    table = pa.Table.from_pylist(rows(result, lang), schema=schema)
    out.flush()
    pq.write_table(table, out.buffer)  # type: ignore[attr-defined]

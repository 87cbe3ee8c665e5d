"""Where `auditor report` puts its letters: one to stdout or --output, or one per account
into --output-dir; and what it tells the person at the terminal, on stderr."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.errors import UsageError
from auditor.fs.atomic import OutputError
from auditor.wording import Said, say

if TYPE_CHECKING:
    from auditor.report.letters import Letter


@dataclass(frozen=True)
class Sink:
    """The letters' format, language and destination, as the options gave them."""

    fmt: str  # "md" or "html"
    lang: str  # the letter's language
    output: Path | None
    output_dir: Path | None
    force: bool
    final: bool
    inputs: Sequence[Path]  # the statements: never written over


def deliver(drafted: Sequence[Letter], sink: Sink, said: str, today: date) -> None:
    """Write a letter for each account with something to claim, and say what was done.

    Nothing to claim is no letter, only a message. Several letters need --output-dir: one
    stream cannot hold several letters a bank could tell apart.
    """
    wanted = [letter for letter in drafted if letter.wanted]
    if not wanted:
        apart = sum(len(letter.claim.apart) for letter in drafted)
        _say(said, "cli.report.nothing_apart" if apart else "cli.report.nothing", apart=apart)
        return
    if sink.output_dir is None:
        if len(wanted) > 1:
            raise UsageError(Said("cli.report.several", count=len(wanted),
                                  accounts=", ".join(_named(x, sink.lang) for x in wanted)))
        _write(render(wanted[0], sink), sink.output, sink.force)
        _told(wanted[0], sink.lang)
    else:
        _into_folder(drafted, sink, said)
    for letter in wanted:
        _old(letter, said, today)


def render(letter: Letter, sink: Sink) -> str:
    """The letter as Markdown or HTML."""
    from auditor.report.html import render_html
    from auditor.report.markdown import render_markdown
    from auditor.report.sections import build_document

    document = build_document(letter.claim, sink.lang, final=sink.final)
    return render_html(document) if sink.fmt == "html" else render_markdown(document)


def _into_folder(drafted: Sequence[Letter], sink: Sink, said: str) -> None:
    from auditor.cli.report_cmd import refuse_input_as_output
    from auditor.fs.reason import os_reason
    from auditor.report.words import money

    folder = sink.output_dir
    assert folder is not None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(Said("output.cannot_create_folder", path=folder,
                               reason=os_reason(exc.errno, exc.strerror))) from None
    for letter in drafted:
        if not letter.wanted:
            _say(said, "cli.report.nothing_for", account=letter.part.label,
                 bank=letter.part.bank(said) or "?")
            continue
        path = folder / f"{letter.part.stem}.{sink.fmt}"
        refuse_input_as_output(path, sink.inputs)
        _write(render(letter, sink), path, sink.force)
        _say(said, "cli.report.wrote", account=letter.part.label,
             bank=letter.part.bank(said) or "?", count=len(letter.claim.claimed),
             total=money(letter.claim.total, said), path=path)


def _write(text: str, output: Path | None, force: bool) -> None:
    from auditor.fs.atomic import atomic_output, stdout_output

    if output is None:
        with stdout_output() as out:  # a full disk is exit 2 with a message, not exit 120
            out.write(text)
        return
    with atomic_output(output, overwrite=force) as out:
        out.write(text)


def _told(letter: Letter, lang: str) -> None:
    """The closing count, in the letter's language (it describes the letter)."""
    from auditor.report.words import flat, money

    claim = letter.claim
    mine = sum(e.status == "mine" for e in claim.left_out)
    sys.stderr.write(flat("told", lang, count=str(len(claim.claimed)),
                          total=money(claim.total, lang), apart=str(len(claim.apart)),
                          out=str(len(claim.left_out)), mine=str(mine)) + "\n")


def _old(letter: Letter, said: str, today: date) -> None:
    from auditor.report.limits import claim_limit
    from auditor.report.words import long_date

    count = letter.old(today)
    first = letter.claim.first
    if count and first is not None:
        _say(said, "cli.report.old", account=letter.part.label, count=count,
             limit=long_date(claim_limit(first), said))


def _named(letter: Letter, lang: str) -> str:
    bank = letter.part.bank(lang)
    return f"{bank} {letter.part.label}" if bank else letter.part.label


def _say(lang: str, key: str, **values: object) -> None:
    sys.stderr.write(f"auditor: {say(key, lang, **values)}\n")

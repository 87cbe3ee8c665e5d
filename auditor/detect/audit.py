"""Audit one statement: find its wallet debits, run every rule, score each flagged row."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from auditor.detect.debits import wallet_debits
from auditor.detect.groupwise import Accounts, audit_rows
from auditor.detect.outcome import Examined, Sources, Window
from auditor.detect.rules import Context, Rule
from auditor.ingest.statement import Statement
from auditor.models import Finding

__all__ = ["Examined", "Sources", "Window", "audit", "examine", "wallet_debits"]


def audit(statement: Statement, ctx: Context, window: Window = Window(),
          rules: Iterable[Rule] | None = None, sources: Sources | None = None) -> list[Finding]:
    """Return one finding per suspicious row of the statement, in time order."""
    return examine(statement, ctx, window, rules, sources).findings


def examine(statement: Statement, ctx: Context, window: Window = Window(),
            rules: Iterable[Rule] | None = None, sources: Sources | None = None) -> Examined:
    """Audit the statement against the holder's own history with each wallet.

    The statement is one account of the group-wise audit (auditor.detect.groupwise). With
    no allow list at all, wallets used regularly from the statement's start are taken as
    the holder's own (and suggested for the allow list); a top-up that the same service
    paid back is marked refunded. A statement stitched from several files comes with its
    sources: each finding then names the file its row is kept from and every file holding it.
    """
    frame = statement.frame
    if frame.empty:
        return Examined([], [])
    layout = statement.layout
    ctx = replace(ctx, history_start=frame["date"].iloc[0],
                  bank=None if layout.generic else layout.bank)
    (examined,) = audit_rows(frame, Accounts.one(len(frame), ctx.bank), ctx, window, rules,
                             str(statement.path), sources)
    return examined

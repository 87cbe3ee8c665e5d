"""Audit many accounts in one pass: every rule runs group-wise, per account, over one frame."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.detect.debits import wallet_credits, wallet_debits
from auditor.detect.findings import findings
from auditor.detect.habits import presumed, with_history
from auditor.detect.outcome import Examined, Sources, Window
from auditor.detect.refunds import credit_keys, refunds
from auditor.detect.rules import Context, Rule, all_rules


@dataclass(frozen=True)
class Accounts:
    """Which account each row of a frame is (a code), and each account's bank."""

    codes: np.ndarray  # per row: 0 to len(banks) - 1
    banks: Sequence[str | None]  # per account; None: unknown (a generic layout)
    names: Sequence[str] | None = None  # per account: the key its findings carry, if any

    @classmethod
    def one(cls, rows: int, bank: str | None) -> Accounts:
        # A view of one zero, not a million of them: a statement alone is account 0.
        return cls(np.broadcast_to(np.int64(0), (rows,)), [bank])

    def starts(self, dates: pd.Series) -> np.ndarray:
        """Each account's first date: its rows are in its own time order."""
        if len(self.banks) == 1:  # one statement: no need to sort a million codes
            return dates.to_numpy()[:1]
        _, first = np.unique(self.codes, return_index=True)
        return dates.to_numpy()[first]


def examine_accounts(frame: pd.DataFrame, ctx: Context, window: Window = Window(), *,
                     banks: Mapping[str, str | None] | None = None,
                     named: bool = False) -> dict[str, Examined]:
    """Audit every account of the frame at once, as examine() audits each alone.

    The frame holds normalised statement rows plus ``account`` (its key) and ``file`` (the
    path a finding names); each account's rows are in its own time order. An account's
    history starts at its first date; its bank is banks[account] where given, else ctx.bank.
    named: each finding carries its account's key (built so, not copied after).
    """
    if frame.empty:
        return {}
    codes, names = pd.factorize(frame["account"].astype(str), sort=False)
    keys = [str(name) for name in names]
    chosen = banks or {}
    accounts = Accounts(codes.astype(np.int64),
                        [chosen[key] if key in chosen else ctx.bank for key in keys],
                        keys if named else None)
    rows = frame.reset_index(drop=True).assign(seq=np.arange(len(frame), dtype=np.int64))
    return dict(zip(keys, audit_rows(rows, accounts, ctx, window), strict=True))


def audit_rows(frame: pd.DataFrame, accounts: Accounts, ctx: Context, window: Window,
               rules: Iterable[Rule] | None = None, file: str | None = None,
               sources: Sources | None = None) -> list[Examined]:
    """Each account's audit, by code; ``seq`` is each row's position in the frame.

    With no allow list at all, wallets an account used regularly from its start are taken
    as its holder's own (and suggested); a top-up the same service paid back is refunded.
    """
    count = len(accounts.banks)
    starts = accounts.starts(frame["date"])
    bank_codes, bank_names = pd.factorize(pd.Series(list(accounts.banks), dtype=object),
                                          use_na_sentinel=False)
    names = [None if pd.isna(bank) else str(bank) for bank in bank_names]
    row_banks = (np.broadcast_to(np.int64(0), accounts.codes.shape) if len(names) == 1
                 else bank_codes.astype(np.int64)[accounts.codes], names)
    debits = wallet_debits(frame, ctx.catalogue, ctx.allowed, row_banks, ctx.allowed_until)
    owner = accounts.codes[debits["seq"].to_numpy()]
    debits = debits.assign(acct=owner, start=starts[owner])
    suggestions = presumed(debits, ctx, count)
    mine = {(acct, s.wallet) for acct, found in enumerate(suggestions) for s in found}
    kinds = {wallet.id: wallet.kind for wallet in ctx.catalogue.wallets}
    debits = with_history(debits.assign(own=debits["allowed"] | _pairs_in(debits, mine)),
                          ctx.settings, kinds)
    hits = [hit for rule in (rules or all_rules()) for hit in rule.check(debits, ctx)]
    paid = {}
    if hits:
        credits = wallet_credits(frame, ctx.catalogue, credit_keys(debits))
        paid = refunds(debits, credits.assign(acct=accounts.codes[credits["seq"].to_numpy()]))
    found, hidden = findings(frame, accounts.codes, count, debits, hits, window, paid, file,
                             sources, accounts.names)
    return [Examined(*each) for each in zip(found, suggestions, hidden, strict=True)]


def _pairs_in(debits: pd.DataFrame, pairs: set[tuple[int, str]]) -> np.ndarray:
    """Whether each debit's (account, wallet) is one of the pairs."""
    if not pairs:
        return np.zeros(len(debits), dtype=bool)
    return np.array([pair in pairs for pair in zip(debits["acct"].tolist(),
                                                   debits["wallet"].tolist(), strict=True)],
                    dtype=bool)


__all__ = ["Accounts", "audit_rows", "examine_accounts"]

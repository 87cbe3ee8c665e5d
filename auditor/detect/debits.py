"""Pick a statement's wallet debits, and the credits from wallets, by descriptor, not by row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from auditor.detect.catalogue import Catalogue, Payee
from auditor.ingest.cells import distinct, object_array


# Each row's bank as a code into a list of banks (None: unknown): one frame, many accounts.
RowBanks = tuple[np.ndarray, Sequence[str | None]]


def wallet_debits(frame: pd.DataFrame, catalogue: Catalogue, allowed: frozenset[str],
                  bank: str | None | RowBanks = None,
                  until: Mapping[str, date] | None = None) -> pd.DataFrame:
    """The debits that name a wallet or carry a top-up marker of this bank, indexed by ``seq``.

    Matching runs once per distinct descriptor (a year of statements repeats a few
    hundred), and rows are chosen by code, so only the few wallet debits are ever copied.
    Columns added: wallet (id or None), truncated (the bank cut the name short), marker
    (id or None), allowed (by the allow list, on or before the entry's until day), timed and
    ts (date plus time of day where the bank gives it). ``bank`` is the statement's, or
    each row's where the frame holds accounts of several banks.
    """
    key_codes, keys = distinct(frame["key"])
    payees = [catalogue.payee(key) for key in keys]
    wallets = object_array([_wallet(payee) for payee in payees])
    truncated = np.array([payee is not None and payee.truncated for payee in payees], dtype=bool)
    # A look-alike (ｻｰﾋﾞｽﾁｬｰｼﾞ is a fee) carries no marker: its text says what it is.
    plain = [None if payee is not None and not payee.wallet else key for payee, key in
             zip(payees, keys, strict=True)]
    banks = bank if isinstance(bank, tuple) else (np.zeros(len(frame), dtype=np.int64), [bank])
    marker_codes, markers = _markers(key_codes, plain, frame["channel_key"], catalogue, banks)
    keep = (frame["debit"].to_numpy() > 0) & (_found(wallets)[key_codes]
                                              | _found(markers)[marker_codes])
    rows = frame[keep]
    # From here on only wallet debits remain (a few percent of rows): plain strings are fine.
    codes = key_codes[keep]
    debits = rows.assign(wallet=wallets[codes], truncated=truncated[codes],
                         marker=markers[marker_codes[keep]], key=rows["key"].astype(object),
                         channel_key=rows["channel_key"].astype(object))
    debits = _with_times(debits)
    return debits.assign(allowed=_allowed(debits, allowed, until or {})).set_index("seq",
                                                                                   drop=False)


def _allowed(debits: pd.DataFrame, allowed: frozenset[str],
             until: Mapping[str, date]) -> pd.Series:
    """Whether each debit is to an allowed wallet, on or before its entry's last day."""
    mask = debits["wallet"].isin(allowed)
    for wallet, last in until.items():
        mask &= ~((debits["wallet"] == wallet) & (debits["date"] > pd.Timestamp(last)))
    return mask


def wallet_credits(frame: pd.DataFrame, catalogue: Catalogue,
                   keys: frozenset[str] = frozenset()) -> pd.DataFrame:
    """The credits whose descriptor names a wallet or brokerage, or is one of ``keys``.

    These are what can pay a top-up back: refunds, withdrawals to the bank, sales money.
    """
    key_codes, texts = distinct(frame["key"])
    wallets = object_array([_wallet(catalogue.payee(key)) for key in texts])
    wanted = _found(wallets) | np.array([key in keys for key in texts], dtype=bool)
    keep = (frame["credit"].to_numpy() > 0) & wanted[key_codes]
    rows = frame[keep]
    credits = rows.assign(wallet=wallets[key_codes[keep]], key=rows["key"].astype(object))
    return _with_times(credits).set_index("seq", drop=False)


def _with_times(rows: pd.DataFrame) -> pd.DataFrame:
    timed = rows["time"].notna()
    # Most banks print no time: parsing a column of "00:00:00" would then be pure cost.
    offset = pd.to_timedelta(rows["time"].where(timed, "00:00:00")) if timed.any() else None
    return rows.assign(timed=timed, ts=rows["date"] if offset is None else rows["date"] + offset)


def _wallet(payee: Payee | None) -> str | None:
    return payee.id if payee is not None and payee.wallet else None


def _markers(key_codes: np.ndarray, keys: list[str | None], channel: pd.Series,
             catalogue: Catalogue, banks: RowBanks) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code into the markers found; every (descriptor, channel, bank) looked up once.

    A key of None is a look-alike's: it never carries a marker.
    """
    channel_codes, channels = distinct(channel)
    bank_codes, names = banks
    width, depth = max(len(channels), 1), max(len(names), 1)
    # Hashing the codes, not sorting them: a million rows take a few milliseconds.
    pair_codes, pairs = pd.factorize((key_codes.astype(np.int64) * width + channel_codes) * depth
                                     + bank_codes)
    found = []
    for pair in pairs.tolist():
        both, bank = divmod(pair, depth)
        key = keys[both // width]
        found.append(None if key is None else catalogue.marker(key, channels[both % width],
                                                               names[bank]))
    return pair_codes, object_array(found)


def _found(values: np.ndarray) -> np.ndarray:
    """True where a look-up found something."""
    return np.array([value is not None for value in values], dtype=bool)

"""The 2020 patterns as rows: the debits a scan must flag, for every hit account at once.

The shapes follow the corpus cases (benchmarks/corpus/corpus_cases.py) and bank-formats.md §3:
the 七十七 ドコモ口座 burst of ¥100k/¥90k/¥90k/¥20k between 14:05 and 14:06, small PayPay
charges over months, a holder's own wallet charged many times its usual amount, d払い
charges, and totals close to a service's cap (ドコモ口座 ¥300,000 a month, Kyash ¥300,000 in
24 hours).
"""

from __future__ import annotations

from datetime import date

import numpy as np

import bank_random as rnd
from bank_model import HOUR, PATTERN_NAMES, PATTERNS, Bank, Profile, Rows, rows_of, wallet_what
from bank_what import WALLET_IDS
from corpus_wallets import WALLETS

Shape = tuple[tuple[int, int, int], ...]  # (day offset, amount, hour; -1: any hour 9-21)

SPIKES: tuple[Shape, ...] = (((0, 50000, -1),), ((0, 50000, -1), (0, 30000, -1)),
                             ((0, 40000, -1), (3, 60000, -1), (8, 50000, -1)),
                             ((0, 80000, -1), (5, 30000, -1)))
D_BARAI: tuple[Shape, ...] = (((0, 30000, -1), (0, 30000, -1), (0, 30000, -1)),
                              ((0, 20000, -1), (0, 50000, -1), (1, 30000, -1), (2, 10000, -1),
                               (2, 50000, -1)),
                              ((0, 50000, -1), (0, 50000, -1), (7, 30000, -1)))
CAP_DOCOMO: tuple[Shape, ...] = (((0, 100000, 11), (6, 100000, 15), (13, 100000, 10)),
                                 ((0, 150000, 10), (9, 150000, 16)),
                                 ((0, 200000, 13), (0, 99000, 14)))
CAP_OTHER: tuple[Shape, ...] = (((0, 100000, 10), (0, 100000, 11), (0, 100000, 12)),
                                ((0, 300000, 15),), ((0, 150000, 22), (1, 150000, 1)))
DOCOMO_BURST = (100000, 90000, 90000, 20000)
DRIP_AMOUNTS = np.array([1000, 2000, 3000, 5000, 5000, 10000])
DESCRIBE = {
    "docomo-burst": "ドコモ口座 ¥100,000/¥90,000/¥90,000/¥20,000 within two minutes (14:05, as "
                    "at 七十七 on 2020-09-01); on one day where the bank prints no time",
    "paypay-drip": "small PayPay charges every two to four weeks from the first weeks to the "
                   "end, at a holder who never used PayPay",
    "allowed-spike": "the holder's own wallet charged ¥30,000-80,000 (usually ¥1,000-10,000), "
                     "on one day or several",
    "d-barai": "d払い charges: three of ¥30,000 in a day, or several over a few days",
    "near-cap": "close to a cap: ドコモ口座 ¥300,000 within two weeks, or Kyash (PayPay where "
                "Kyash took no bank charges yet) ¥300,000 within 24 hours",
}


def _span(bank: Bank) -> tuple[int, int, int]:
    first, last = bank.start.toordinal(), bank.end.toordinal()
    return first, last, last - first + 1


def _day(h: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """A day from lo to hi (ordinals; hi raised to lo in a period too short for the pattern)."""
    return lo + rnd.high(h, max(1, hi - lo + 1))


def choose(candidates: tuple[str, ...], day: np.ndarray) -> np.ndarray:
    """The first candidate wallet that took bank charges on each day (else the last)."""
    chosen = np.full(len(day), WALLET_IDS.index(candidates[-1]))
    for wallet in reversed(candidates):
        w = WALLETS[wallet]
        ended = (w.ended or date.max).toordinal()
        chosen[(day >= w.launched.toordinal()) & (day <= ended)] = WALLET_IDS.index(wallet)
    return chosen


def shaped(acc: np.ndarray, day0: np.ndarray, shapes: tuple[Shape, ...],
           h: np.ndarray) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]]:
    """Events of the shapes: (accounts, days, seconds, amounts, event number) per event."""
    out = []
    which = rnd.low(h, len(shapes))
    for number, shape in enumerate(shapes):
        mine = np.flatnonzero(which == number)
        previous_day, previous_sec = None, None
        for event, (offset, amount, hour) in enumerate(shape):
            he = rnd.draw(h[mine], 40 + event)
            day = day0[mine] + offset
            start = 9 * HOUR if hour < 0 else hour * HOUR
            sec = start + rnd.low(he, 12 * HOUR if hour < 0 else HOUR)
            if previous_day is not None and offset == shape[event - 1][0] and hour < 0:
                sec = np.minimum(previous_sec + 60 * (1 + rnd.high(he, 120)), 24 * HOUR - 1)
            out.append((acc[mine], day, sec, np.full(len(mine), amount), event))
            previous_day, previous_sec = day, sec
    return out


def hit_rows(bank: Bank, prof: Profile) -> tuple[Rows, dict[int, int]]:
    """Every hit account's flagged rows (sorted by account) and the wallet each one hit."""
    first, last, span = _span(bank)
    parts: list[Rows] = []
    wallets: dict[int, int] = {}
    for number, name in enumerate(PATTERN_NAMES):
        acc = np.flatnonzero(prof.pattern == number)
        if not len(acc):
            continue
        h = rnd.draw(bank.key, acc, 3)
        if name == "docomo-burst":
            day0 = _day(h, first + min(30, span // 3), last - 1)
        elif name == "paypay-drip":
            day0 = _day(h, first + 3, first + min(30, span // 3))
        else:
            tail = {"allowed-spike": 9, "d-barai": 8, "near-cap": 14}[name]
            day0 = _day(h, first + max(span // 3, min(45, span - tail - 1)), last - tail)
        spike = name == "allowed-spike"
        wallet = prof.own[acc, 0].astype(np.int64) if spike else choose(PATTERNS[name], day0)
        wallets.update(zip(acc.tolist(), wallet.tolist()))
        for who, day, sec, amount, event in _events(name, acc, day0, h, wallet, last):
            w = wallet[np.searchsorted(acc, who)]
            form = prof.form[who] >> (16 if spike else 20)  # a spike looks like the usual rows
            parts.append(rows_of(who, day, sec, 1000 + event, wallet_what(w, form), amount,
                                 False, hit=True))
    rows = Rows.join(parts) if parts else Rows.join([rows_of(np.zeros(0, int), 0, np.zeros(0),
                                                             0, 0, np.zeros(0), False)])
    return rows.take(np.argsort(rows.acc, kind="stable")), wallets


def _events(name: str, acc: np.ndarray, day0: np.ndarray, h: np.ndarray, wallet: np.ndarray,
            last: int) -> list:
    """The events of one pattern for its accounts."""
    if name == "docomo-burst":
        return _burst(acc, day0, h)
    if name == "paypay-drip":
        return _drip(acc, day0, h, last)
    if name != "near-cap":
        return shaped(acc, day0, SPIKES if name == "allowed-spike" else D_BARAI, h)
    docomo = wallet == WALLET_IDS.index("docomo-koza")  # a monthly cap; the others, 24 hours
    return (shaped(acc[docomo], day0[docomo], CAP_DOCOMO, h[docomo])
            + shaped(acc[~docomo], day0[~docomo], CAP_OTHER, h[~docomo]))


def _burst(acc: np.ndarray, day0: np.ndarray, h: np.ndarray):
    sec = 14 * HOUR + 5 * 60 + rnd.low(h, 20)
    out = []
    for event, amount in enumerate(DOCOMO_BURST):
        if event:
            sec = sec + 12 + rnd.low(rnd.draw(h, 50 + event), 24)
        out.append((acc, day0, sec, np.full(len(acc), amount), event))
    return out


def _drip(acc: np.ndarray, day0: np.ndarray, h: np.ndarray, last: int):
    out, day = [], day0.copy()
    for event in range(((last - int(day0.min(initial=last))) // 14) + 1):
        he = rnd.draw(h, 60 + event)
        keep = day <= last
        if not keep.any():
            break
        sec = 8 * HOUR + rnd.low(he, 15 * HOUR)
        amount = DRIP_AMOUNTS[rnd.high(he, len(DRIP_AMOUNTS))]
        out.append((acc[keep], day[keep], sec[keep], amount[keep], event))
        day = day + 14 + rnd.high(rnd.draw(he, 1), 15)
    return out

"""One month of a range of accounts: their bills, everyday rows and any hit rows that month."""

from __future__ import annotations

import numpy as np

import bank_random as rnd
from bank_model import (BRANDS, EVERYDAY, HOUR, PAYEE_IDS, SHOP_IDS, SLOTS_FIXED, Bank, Profile,
                        Rows, look_amount, on_day, rows_of, variant, wallet_what)
from bank_what import WALLET_IDS, ids
from corpus_wallets import WALLETS

_KINDS = tuple(EVERYDAY)
_WEIGHTS = np.array(list(EVERYDAY.values()))
_MENU_WIDTH = max(len(w.usual) for w in WALLETS.values())
USUAL = np.array([[WALLETS[w].usual[i % len(WALLETS[w].usual)] for i in range(_MENU_WIDTH)]
                  for w in WALLET_IDS])
USUAL_COUNT = np.array([len(WALLETS[w].usual) for w in WALLET_IDS])


def month_rows(bank: Bank, prof: Profile, hits: Rows, lo: int, hi: int, first: int,
               last: int) -> Rows:
    """Every row of accounts lo..hi-1 in months first..last-1 (0-based), unordered."""
    months = np.arange(first, last)
    acc = np.repeat(np.arange(lo, hi), len(months))
    month = np.tile(months, hi - lo)
    cal = Calendar(bank)
    base = rnd.draw(bank.key, acc, 2, month)
    parts = fixed_rows(prof, acc, month, base, cal)
    parts.append(everyday_rows(bank, prof, acc, month, base, cal))
    i, j = np.searchsorted(hits.acc, [lo, hi])
    mine = hits.take(np.arange(i, j))
    inside = (mine.day >= cal.first[first]) & (mine.day < cal.first[last])
    parts.append(mine.take(np.flatnonzero(inside)))
    return Rows.join(parts)


class Calendar:
    """Per month of the period: its first day, length and the (week)days bills fall on."""

    def __init__(self, bank: Bank) -> None:
        firsts = bank.firsts
        self.first = np.array([f.toordinal() for f in firsts])
        self.length = np.diff(self.first)
        self.interest = np.array([f.month in (2, 8) for f in firsts[:-1]])
        self._days = {day: np.array([on_day(f, day) for f in firsts[:-1]])
                      for day in (10, 14, 16, 20, 22, 24, 25, 26, 27)}

    def on(self, day: int, month: np.ndarray) -> np.ndarray:
        """make_samples.on_day(month, day) of each row's month, as an ordinal."""
        return self._days[day][month]


def _bill(acc: np.ndarray, base: np.ndarray, slot: int, day: np.ndarray, active: np.ndarray,
          what: np.ndarray | int, amount: np.ndarray, credit: bool = False) -> Rows:
    keep = np.flatnonzero(active)
    h = rnd.draw(base[keep], 100 + slot)
    sec = 6 * HOUR + rnd.low(h, 4 * HOUR)

    def pick(value: np.ndarray | int) -> np.ndarray | int:
        return value[keep] if isinstance(value, np.ndarray) and value.shape else value

    return rows_of(acc[keep], day[keep], sec, slot, pick(what), pick(amount), credit)


def fixed_rows(prof: Profile, acc: np.ndarray, month: np.ndarray, base: np.ndarray,
               cal: Calendar) -> list[Rows]:
    """Pay, rent and the holder's bills, each on its usual (week)day of the month."""
    everyone = np.ones(len(acc), bool)

    def h(slot: int) -> np.ndarray:
        return rnd.draw(base, 150 + slot)

    docomo = prof.docomo[acc]
    phone = np.where(docomo, variant(prof, acc, 6, "look", "docomo-phone"),
                     PAYEE_IDS[prof.phone[acc]])
    out = [
        _bill(acc, base, 0, cal.on(25, month), everyone,
              variant(prof, acc, 0, "plain", "salary"), prof.salary[acc], credit=True),
        _bill(acc, base, 1, cal.on(27, month), prof.rent[acc] > 0,
              variant(prof, acc, 2, "plain", "rent"), prof.rent[acc]),
        _bill(acc, base, 2, cal.on(14, month), prof.power[acc],
              variant(prof, acc, 4, "plain", "power"), rnd.steps(h(2), 3800, 14000, 10)),
        _bill(acc, base, 3, cal.on(16, month), prof.gas[acc] >= 0,
              PAYEE_IDS[np.maximum(prof.gas[acc], 0)], rnd.steps(h(3), 2500, 9000, 10)),
        _bill(acc, base, 4, cal.on(22, month), everyone, phone,
              rnd.steps(h(4), 3000, 12000, 10)),
        _bill(acc, base, 5, cal.on(26, month), prof.card[acc],
              variant(prof, acc, 8, "plain", "card"), rnd.steps(h(5), 10000, 80000, 10)),
        _bill(acc, base, 7, cal.on(24, month), prof.hikari[acc],
              variant(prof, acc, 10, "look", "docomo-hikari"),
              look_amount("docomo-hikari", h(7))),
        _bill(acc, base, 8, cal.on(20, month), cal.interest[month],
              variant(prof, acc, 0, "plain", "interest"), rnd.steps(h(8), 1, 60, 1),
              credit=True),
    ]
    brand = prof.brand[acc]
    for number, key in enumerate(BRANDS):
        out.append(_bill(acc, base, 6, cal.on(10, month), brand == number,
                         variant(prof, acc, 12, "look", key), look_amount(key, h(6))))
    return out


def everyday_rows(bank: Bank, prof: Profile, acc: np.ndarray, month: np.ndarray,
                  base: np.ndarray, cal: Calendar) -> Rows:
    """Cash, shopping, the holder's own top-ups and transfers, on any day of the month."""
    slots, chance = bank.everyday_slots
    h1 = rnd.draw(base[:, None], 200 + np.arange(slots)[None, :])
    active = rnd.unit(h1) < chance
    row, slot = np.nonzero(active)
    kind = rnd.weighted(rnd.unit_low(h1[row, slot]), _WEIGHTS)
    who, when = acc[row], month[row]
    h2 = rnd.draw(base[row], 300 + slot)
    h3 = rnd.draw(h2, 7)
    for which, column in (("own1", 0), ("own2", 1)):  # no such wallet: a purchase instead
        kind[(kind == _KINDS.index(which)) & (prof.own[who, column] < 0)] = _KINDS.index("shop")
    what, amount = _everyday_values(prof, who, kind, h3)
    credit = np.isin(kind, [_KINDS.index("transfer_in"), _KINDS.index("wallet_credit")])
    day = cal.first[when] + rnd.high(h2, cal.length[when])
    sec = 7 * HOUR + rnd.low(h2, 16 * HOUR)
    return rows_of(who, day, sec, SLOTS_FIXED + slot, what, amount, credit)


def _everyday_values(prof: Profile, who: np.ndarray, kind: np.ndarray,
                     h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    what = np.zeros(len(who), np.int32)
    amount = np.zeros(len(who), np.int64)

    def fill(name: str, w: np.ndarray | int, a: np.ndarray) -> None:
        mask = kind == _KINDS.index(name)
        what[mask] = np.broadcast_to(w, len(who))[mask]
        amount[mask] = a[mask]

    fill("atm", ids("plain", "atm")[rnd.low(h, 2)], rnd.steps(h, 10000, 51000, 1000))
    fill("shop", SHOP_IDS[rnd.low(h, len(SHOP_IDS))], rnd.steps(h, 300, 15000, 10))
    for name, column in (("own1", 0), ("own2", 1)):
        wallet = np.maximum(prof.own[who, column], 0)
        usual = USUAL[wallet, rnd.high(h, USUAL_COUNT[wallet])]
        fill(name, wallet_what(wallet, prof.form[who] >> (16 + column)), usual)
    fill("transfer_out", variant(prof, who, 14, "plain", "transfer_out"),
         rnd.steps(h, 5000, 61000, 1000))
    fill("transfer_in", variant(prof, who, 14, "plain", "transfer_in"),
         rnd.steps(h, 3000, 41000, 1000))
    fill("wallet_credit", ids("look", "wallet-credit")[rnd.low(h, 2)],
         look_amount("wallet-credit", h))
    fill("brand_shop", ids("look", "brand-shop")[rnd.low(h, 4)], look_amount("brand-shop", h))
    return what, amount

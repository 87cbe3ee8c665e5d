"""The synthetic bank's holders and their ordinary months, as numpy arrays (no loop per row).

Each holder has a profile (pay, rent, bills, carrier, cards, own wallets); each month holds
the holder's bills on fixed days and a number of everyday rows (cash, shopping, their own
wallet top-ups, transfers). Every value is drawn from bank_random, so a month of an account
is the same whichever chunk of accounts or months it is made in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

import bank_random as rnd
from bank_what import PAYEES, VARIANTS, WALLET_IDS, ids, one
from corpus_life import GAS, PHONES, SHOPS
from corpus_looks import LOOKS
from corpus_model import ms
from corpus_wallets import WALLETS

# The 2020 patterns a hit account gets, each with the wallets it may use in order of choice
# (the first that took bank charges on the day); allowed-spike uses the holder's own wallet.
PATTERNS: dict[str, tuple[str, ...]] = {
    "docomo-burst": ("docomo-koza", "d-barai", "paypay"),
    "paypay-drip": ("paypay",),
    "allowed-spike": (),
    "d-barai": ("d-barai", "paypay"),
    "near-cap": ("docomo-koza", "kyash", "paypay"),
}
PATTERN_NAMES = tuple(PATTERNS)
# The holder's own wallets: about four in five use one, a third of those a second.
OWN_MENU = {"paypay": .30, "rakuten-pay": .08, "merpay": .08, "au-pay": .06, "d-barai": .06,
            "line-pay": .05, "famipay": .04, "rakuten-edy": .04, "mobile-suica": .05,
            "kyash": .02, "aeon-pay": .03}
NO_WALLET = .19
BRANDS = ("paypay-card", "rakuten-card", "aupay-card", "merpay-smart")  # same-brand card bills
BRAND_OF = {"paypay": 0, "rakuten-pay": 1, "rakuten-edy": 1, "au-pay": 2, "merpay": 3}
P_RENT, P_POWER, P_GAS, P_CARD, P_DOCOMO, P_HIKARI = .75, .9, .7, .6, .45, .4
P_BRAND = .62  # measured: the same-brand card bills, of wallet users and of others
FIXED_MEAN = 1 + P_RENT + P_POWER + P_GAS + 1 + P_CARD + P_BRAND + P_DOCOMO * P_HIKARI
# Everyday kinds and their shares of the everyday rows.
EVERYDAY = {"atm": .16, "shop": .42, "own1": .22, "own2": .08, "transfer_out": .06,
            "transfer_in": .03, "wallet_credit": .015, "brand_shop": .015}
HOUR = 3600
SLOTS_FIXED = 9  # slot numbers below this are bills; everyday rows follow; hits from 1000


@dataclass(frozen=True)
class Bank:
    """What to generate: how many accounts, rows and months, from when, and the seed."""

    accounts: int
    rows: float = 50.0  # mean rows per account
    months: int = 4
    start: date = date(2020, 6, 1)
    seed: str = "1"
    hit_share: float = 0.03
    layouts: tuple[str, ...] = ("kyoto",)
    key: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.start.day != 1:
            raise ValueError("the period starts on the first of a month")
        object.__setattr__(self, "key", rnd.seed_key(f"auditor/bank/{self.seed}"))

    @property
    def firsts(self) -> list[date]:
        """The first day of every month, and of the month after the last."""
        out = [self.start]
        for _ in range(self.months):
            out.append((out[-1] + timedelta(days=32)).replace(day=1))
        return out

    @property
    def end(self) -> date:
        return self.firsts[-1] - timedelta(days=1)

    @property
    def everyday_slots(self) -> tuple[int, float]:
        """How many everyday slots a month has and the chance each holds a row."""
        interest = sum(first.month in (2, 8) for first in self.firsts[:-1]) / self.months
        budget = self.rows / self.months - FIXED_MEAN - interest
        if budget <= 0:
            return 0, 0.0
        slots = int(np.ceil(2 * budget)) + 2
        return slots, budget / slots


@dataclass(frozen=True)
class Profile:
    """Every account's holder, one array element per account."""

    layout: np.ndarray
    pattern: np.ndarray  # index into PATTERN_NAMES, -1 for an ordinary account
    own: np.ndarray  # (accounts, 2) wallet index into WALLET_IDS, -1 for none
    form: np.ndarray  # which of the bank's spellings the holder's rows get
    docomo: np.ndarray
    salary: np.ndarray
    rent: np.ndarray  # 0: no rent
    power: np.ndarray
    gas: np.ndarray  # payee index, -1: no gas bill
    phone: np.ndarray  # payee index of a non-docomo carrier
    card: np.ndarray
    brand: np.ndarray  # index into BRANDS, -1 for none
    hikari: np.ndarray
    opening: np.ndarray  # before raising it to keep the balance above ms.MIN_BALANCE


def _alive_all(wallet: str, bank: Bank) -> bool:
    return WALLETS[wallet].alive(bank.start) and WALLETS[wallet].alive(bank.end)


def own_wallets(bank: Bank, pattern: np.ndarray, h: list[np.ndarray]) -> np.ndarray:
    """Each holder's wallets, never the one a hit will use (allowed-spike needs one)."""
    menu = [w for w in OWN_MENU if _alive_all(w, bank)]
    own = np.full((len(pattern), 2), -1, np.int16)
    for p in range(-1, len(PATTERN_NAMES)):
        rows = np.flatnonzero(pattern == p)
        banned = PATTERNS[PATTERN_NAMES[p]] if p >= 0 else ()
        weights = np.array([0.0 if w in banned else OWN_MENU[w] for w in menu]
                           + [0.0 if p >= 0 and not banned else NO_WALLET])
        first = rnd.weighted(rnd.unit(h[0][rows]), weights)
        second = rnd.weighted(rnd.unit_low(h[0][rows]), weights[:-1])
        none = len(menu)
        own[rows, 0] = np.where(first == none, -1, first)
        keep = (first != none) & (second != first) & (rnd.unit(h[1][rows]) < .3)
        own[rows, 1] = np.where(keep, second, -1)
    index = np.array([WALLET_IDS.index(w) for w in menu], np.int16)
    return np.where(own >= 0, index[np.maximum(own, 0)], -1)


def profiles(bank: Bank) -> Profile:
    """Draw every account's holder (each draw from its own hash: no field leans on another)."""
    acc = np.arange(bank.accounts)
    h = [rnd.draw(bank.key, acc, 1, tag) for tag in range(10)]
    pattern = np.where(rnd.unit(h[0]) < bank.hit_share,
                       rnd.low(h[0], len(PATTERN_NAMES)), -1).astype(np.int8)
    own = own_wallets(bank, pattern, h[1:3])
    uses = {w: (own == WALLET_IDS.index(w)).any(axis=1) for w in OWN_MENU}
    docomo = uses["d-barai"] | (rnd.unit(h[3]) < P_DOCOMO)
    brand = np.full(bank.accounts, -1, np.int8)
    for wallet, number in BRAND_OF.items():  # a PayPay user tends to have a PayPayカード
        brand[(brand < 0) & uses[wallet] & (rnd.unit_low(h[3]) < .7)] = number
    other = (brand < 0) & (rnd.unit(h[4]) < .25)
    brand[other] = rnd.low(h[4][other], len(BRANDS))
    return Profile(
        layout=rnd.low(h[5], len(bank.layouts)).astype(np.int16), pattern=pattern, own=own,
        form=rnd.high(h[5], 1 << 30), docomo=docomo,
        salary=rnd.steps(h[6], 220_000, 421_000, 1000),
        rent=np.where(rnd.unit_low(h[6]) < P_RENT, 55_000 + 1000 * rnd.low(h[7], 66), 0),
        power=rnd.unit(h[7]) < P_POWER,
        gas=np.where(rnd.unit(h[8]) < P_GAS, PAYEES.index(GAS[0]) + rnd.low(h[8], len(GAS)), -1),
        phone=PAYEES.index(PHONES[0]) + rnd.low(h[9], len(PHONES)),
        card=rnd.unit(h[9]) < P_CARD, brand=brand,
        hikari=docomo & (rnd.unit_low(h[4]) < P_HIKARI),
        opening=rnd.steps(h[2], 300_000, 1_500_000, 10_000))


@dataclass
class Rows:
    """Rows of many accounts as parallel arrays (not yet in any order)."""

    acc: np.ndarray  # account index
    day: np.ndarray  # date.toordinal()
    sec: np.ndarray  # seconds after midnight
    slot: np.ndarray  # breaks ties in time order; 1000 + n for the n-th row of a hit
    what: np.ndarray  # id into bank_what.WHATS
    amount: np.ndarray
    credit: np.ndarray
    hit: np.ndarray

    def __len__(self) -> int:
        return len(self.acc)

    def take(self, index: np.ndarray) -> Rows:
        return Rows(*(getattr(self, name)[index] for name in Rows.__dataclass_fields__))

    @staticmethod
    def join(parts: list[Rows]) -> Rows:
        return Rows(*(np.concatenate([getattr(p, name) for p in parts])
                      for name in Rows.__dataclass_fields__))


def rows_of(acc: np.ndarray, day: np.ndarray | int, sec: np.ndarray, slot: np.ndarray | int,
            what: np.ndarray | int, amount: np.ndarray, credit: np.ndarray | bool,
            hit: bool = False) -> Rows:
    """Rows with the compact dtypes the generator keeps."""
    n = len(acc)

    def full(value: np.ndarray | int | bool, dtype: type) -> np.ndarray:
        if isinstance(value, np.ndarray) and value.shape == (n,):
            return value.astype(dtype, copy=False)
        return np.full(n, value, dtype)

    return Rows(acc.astype(np.int32), full(day, np.int32), full(sec, np.int32),
                full(slot, np.int16), full(what, np.int32), full(amount, np.int32),
                full(credit, bool), full(hit, bool))


def variant(prof: Profile, acc: np.ndarray, shift: int, group: str, key: str) -> np.ndarray:
    """The holder's own spelling of a kind (the same every month)."""
    choices = ids(group, key)
    return choices[(prof.form[acc] >> shift) % len(choices)]


_WALLET_WHAT = np.array([[one("wallet", w, v) for v in range(VARIANTS)] for w in WALLET_IDS])


def wallet_what(wallet: np.ndarray, form: np.ndarray) -> np.ndarray:
    """The what id of a top-up to each wallet (index into WALLET_IDS) in the holder's form."""
    return _WALLET_WHAT[wallet, form % VARIANTS]


def look_amount(key: str, h: np.ndarray) -> np.ndarray:
    """An amount in a look-alike's usual range (corpus_looks.LOOKS)."""
    lo, hi, step = LOOKS[key].amounts
    return rnd.steps(h, lo, hi + 1, step)


def on_day(month: date, day: int) -> int:
    """make_samples.on_day as an ordinal: the day, clamped, moved back to a weekday."""
    return ms.on_day(month, day).toordinal()


def account_number(layout_id: str, acc: int) -> str:
    """A made-up account number, unique per account, in the form the bank prints it."""
    number, branch = int(number7(acc)), 100 + acc * 37 % 900
    if layout_id == "yucho":  # 記号 (5 digits) - 番号 (8 digits)
        return f"1{branch:03d}0-{number:07d}1"
    if layout_id == "kyoto":  # the 照会口座 column: 本店営業部 普通 NNNNNNN
        return f"{number:07d}"
    return f"{branch:03d}-{number:07d}"


def number7(acc: np.ndarray | int) -> np.ndarray:
    """A 7-digit number per account, all different (a bijection of 0..9,999,999)."""
    return (np.asarray(acc, np.int64) * 4_294_967 + 5_820_113) % 10_000_000


MAX_ACCOUNTS = 10_000_000
SHOP_IDS = np.array([one("shop", s) for s in SHOPS], np.int32)
PAYEE_IDS = np.array([one("bill", p) for p in PAYEES], np.int32)

"""What the corpus generator builds on: labels, one statement's context, labelled transactions."""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "sample_statements"))

import make_samples as ms  # noqa: E402  (the bank layouts and their renderers)

from corpus_text import Style, style_of  # noqa: E402

Expect = Literal["flag", "quiet", "refunded"]

# Every class a label may name, with what it holds (labels.json repeats this table).
CLASSES: dict[str, str] = {
    "fraud/docomo-burst": "ドコモ口座: four debits of ¥100k/¥90k/¥90k/¥20k within two minutes "
                          "(one day where the bank prints no time)",
    "fraud/two-month-bursts": "two bursts of large debits to one wallet, four to seven weeks apart",
    "fraud/paypay-drip": "small PayPay charges, one or two a month for eight months, at a holder "
                         "who never used PayPay",
    "fraud/d-barai": "d払い charges: three of ¥30,000 in a day, or several over a few days",
    "fraud/allowed-spike": "the holder's own wallet charged many times its usual amount, on one "
                           "day or several",
    "fraud/night-burst": "the holder's own wallet charged five times within ten minutes at night "
                         "(a bank that prints times)",
    "fraud/near-cap": "close to a service's cap: ドコモ口座 ¥300,000 a month, Kyash ¥300,000 "
                      "in 24 hours",
    "fraud/brokerage": "deposits pulled into a hijacked SBI証券 account",
    "spelling/width": "half- or full-width katakana",
    "spelling/latin": "Latin letters in any width and case",
    "spelling/space": "spaces inside the name, half- or full-width",
    "spelling/long-vowel": "the long vowel written - ｰ － ― ‐",
    "spelling/small-kana": "small kana printed small or large",
    "spelling/voiced": "voiced marks as separate or combining characters",
    "spelling/di": "ディー / デイー / デイ",
    "spelling/kanji": "kanji or mixed forms (ドコモ口座, D払い, 楽天Edy, 支払秘書)",
    "spelling/channel": "channel words and company marks around the name (ＲＴ (…) at ゆうちょ, "
                        "フリカエ at 住信SBI, RS at 岩手, RTK, ｺｳｻﾞﾌﾘｶｴ, NTTﾄﾞｺﾓ, ﾁﾔｰｼﾞ, "
                        "ｿｸｼﾞﾆﾕｳｷﾝ, ｶ))",
    "spelling/invisible": "zero-width or no-break characters inside the name",
    "truncation": "the name cut at the bank's field width at the end of the descriptor",
    "refund/refunded": "a top-up to a wallet the holder does not use, reversed by a credit of "
                       "the same amount from the same service within 14 days",
    "refund/unmatched": "a top-up to a wallet the holder does not use with a credit that is "
                        "not its refund (another amount, after 14 days, another service)",
    "refund/credit": "the credits of the refund cases",
    "lookalike/bill": "ドコモ光, ドコモでんき and NTTドコモ phone bills",
    "lookalike/card-bill": "PayPayカード, 楽天カード, au PAY カード, メルペイスマート払い bills",
    "lookalike/bank-broker": "transfers to PayPay銀行, PayPay証券 instalments",
    "lookalike/purchase": "card purchases at ドコモショップ and brand shops, Kyash card fees",
    "lookalike/word": "words that contain a wallet name (ﾌﾟﾘﾝｼﾊﾟﾙ, ｷﾔﾂｼﾕｻｰﾋﾞｽ, SPRING, "
                      "ｳｴﾙﾈﾂﾄ ﾊﾞｽﾁｹｯﾄ, ｻｰﾋﾞｽﾁｬｰｼﾞ)",
    "lookalike/channel": "bills that start with another bank's channel word (ﾌﾘｶｴ …, RS …)",
    "lookalike/credit": "credits from wallets: withdrawals, sales money, cashback",
    "habit/allowed": "the holder's own, allowed wallets at usual amounts",
    "habit/busy-day": "three or four small top-ups to an allowed wallet on one day, hours apart",
    "habit/first-run": "no allow list: a wallet used regularly from the first weeks",
}


@dataclass(frozen=True)
class Label:
    """What a scan must say about one row: its class and the expected outcome."""

    cls: str
    expect: Expect
    wallet: str | None = None


Item = tuple[ms.Txn, Label | None]


@dataclass
class Ctx:
    """One statement being made: its bank, period, allow list and random source."""

    layout: ms.Layout
    start: date
    end: date
    allow: tuple[str, ...]
    rng: random.Random

    @property
    def style(self) -> Style:
        return style_of(self.layout.id)

    @property
    def timed(self) -> bool:
        """Whether the bank prints the time of day (PayPay銀行 and JNB only)."""
        return "hour" in self.layout.columns

    @property
    def vocab(self) -> dict[str, tuple[ms.Spelling, ...]]:
        return ms.vocabulary(self.layout.vocab)

    def months(self) -> list[date]:
        """The first day of every month of the period."""
        return list(ms.month_starts(self.start, self.end))

    def day_in(self, month: date, lo: int = 1, hi: int = 28) -> date:
        """A random day (weekends included) from lo to hi of a month, inside the period.

        In a month the period only partly covers, the days inside it are drawn from, so that
        the first and last days of a statement do not collect the rows of a whole month.
        """
        first, last = max(month.replace(day=lo), self.start), min(month.replace(day=hi), self.end)
        if first > last:
            month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            first, last = max(month, self.start), min(month_end, self.end)
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def late_day(self, after_months: int = 3, before_end: int = 10) -> date:
        """A random day at least after_months into the period and before_end days before its end."""
        first = self.start + timedelta(days=30 * after_months)
        return first + timedelta(days=self.rng.randrange((self.end - first).days - before_end))

    def clock(self, d: date, lo: int = 7, hi: int = 23) -> datetime:
        """A random time between lo:00 and hi:00 on a day."""
        return datetime.combine(d, time(self.rng.randrange(lo, hi), self.rng.randrange(60),
                                        self.rng.randrange(60)))

    def fill(self, text: str) -> str:
        """Fill {auth}/{authw} with a random authorisation number."""
        return ms.fill(text, self.rng)


def txn(when: datetime, amount: int, printed: tuple[str, str], kind: str, *,
        credit: bool = False) -> ms.Txn:
    """A transaction as the bank prints it; kind steers the layout's extra columns."""
    code, text = printed
    return ms.Txn(when, 0 if credit else amount, amount if credit else 0, kind, code, text)


def labelled(when: datetime, amount: int, printed: tuple[str, str], label: Label, *,
             credit: bool = False, kind: str = "wallet") -> Item:
    """A labelled row."""
    return txn(when, amount, printed, kind, credit=credit), label

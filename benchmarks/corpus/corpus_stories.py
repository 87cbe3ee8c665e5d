"""Which statements the corpus holds (bank, year, holder, case) and where odd spellings go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from corpus_model import ms
from corpus_text import LAYOUT_STYLE, Style, style_of
from corpus_wallets import BANK_CHANNEL, SPELLINGS, TRUNCATIONS, WALLETS, Spelling, Wallet

@dataclass(frozen=True)
class Story:
    """One statement: bank layout, last day, case, the holder's wallets and the allow list."""

    layout: str
    end: str
    scenario: str  # a pattern of corpus_cases.PATTERNS, "refunds" or "clean"
    own: tuple[str, ...]
    fraud: str | None = None  # the wallet the case uses (default: the holder's first)
    variant: int = 0
    day: str | None = None  # the case's first day, where the story pins it
    allow: bool = True  # False: scanned with no allow list at all (a first run)

    @property
    def period(self) -> tuple[date, date]:
        """About a year up to the last day, from the first of a month (no month cut short)."""
        end = date.fromisoformat(self.end)
        start = end - timedelta(days=364)
        if start.day != 1:
            start = (start + timedelta(days=32)).replace(day=1)
        return start, end

    @property
    def allow_list(self) -> tuple[str, ...]:
        return self.own if self.allow else ()

    @property
    def target(self) -> str:
        return self.fraud or self.own[0]

    @property
    def about(self) -> str:
        case = {"clean": "no fraud", "refunds": "refunded and unrefunded top-ups"}.get(
            self.scenario, f"{self.scenario} ({self.target})")
        allow = ", ".join(self.own) if self.allow else f"none (first run; uses {', '.join(self.own)})"
        return f"{case}; allow: {allow}"

    def takes(self, wallet: str, start: date, days: int = 14) -> bool:
        """Whether a case of another wallet fits: not the holder's, not this case's, and the
        service took charges for at least `days` of the statement's last nine months."""
        if wallet in self.own or wallet == self.fraud:
            return False
        lo, hi = case_window(WALLETS[wallet], start, date.fromisoformat(self.end))
        return (hi - lo).days >= days


def case_window(wallet: Wallet, start: date, end: date) -> tuple[date, date]:
    """Where a case of this wallet may go: after three months of history, while it ran."""
    lo = max(start + timedelta(days=90), wallet.launched)
    return lo, min(end - timedelta(days=5), wallet.ended or end)


S = Story
STORIES: tuple[Story, ...] = (
    # ドコモ口座, 2020: the 35 linked banks; 七十七 on 2020-09-01 at 14:05.
    S("yucho", "2020-09-30", "docomo-burst", ("paypay", "rakuten-edy"), "docomo-koza", day="2020-09-04"),
    S("mizuho", "2020-09-30", "docomo-burst", ("line-pay", "merpay"), "docomo-koza", day="2020-08-27"),
    S("smbc_2018", "2020-09-30", "docomo-burst", ("paypay",), "docomo-koza", day="2020-09-07"),
    S("smbc_wareki", "2019-09-30", "docomo-burst", ("rakuten-edy",), "docomo-koza", day="2019-08-19"),
    S("aeon", "2020-10-30", "docomo-burst", ("au-pay",), "docomo-koza", day="2020-09-03"),
    S("sony_old", "2020-09-30", "docomo-burst", ("paypay", "mobile-suica"), "docomo-koza",
      day="2020-08-31"),
    S("generic_77", "2020-09-30", "docomo-burst", ("paypay",), "docomo-koza", day="2020-09-01"),
    S("jnb", "2020-09-30", "docomo-burst", ("line-pay",), "docomo-koza", day="2020-09-02"),
    # Bursts over two months.
    S("rakuten", "2020-10-30", "two-month-bursts", ("rakuten-edy", "rakuten-pay"), "docomo-koza",
      day="2020-07-21"),
    S("yucho", "2020-12-28", "two-month-bursts", ("paypay",), "line-pay", day="2020-07-30"),
    S("mufg_6col", "2020-02-28", "two-month-bursts", ("line-pay",), "merpay"),
    S("shinsei_en", "2021-06-30", "two-month-bursts", ("line-pay",), "kyash"),
    S("jibun", "2020-03-31", "two-month-bursts", ("paypay",), "au-pay"),
    S("gunma", "2024-05-31", "two-month-bursts", ("paypay",), "merpay"),
    S("gmo_aozora", "2019-12-27", "two-month-bursts", ("line-pay",), "merpay"),
    # PayPay at ゆうちょ and elsewhere, January-August 2020: small charges for months.
    S("yucho", "2020-09-30", "paypay-drip", ("rakuten-edy",), "paypay", day="2020-01-06"),
    S("mufg", "2021-03-31", "paypay-drip", ("merpay",), "paypay"),
    S("sumishin", "2020-12-30", "paypay-drip", ("sbi-securities",), "paypay"),
    S("iwate", "2023-06-30", "paypay-drip", ("merpay",), "paypay"),
    S("hyakugo", "2024-09-30", "paypay-drip", ("line-pay", "famipay"), "paypay"),
    S("shinsei_memo", "2024-03-29", "paypay-drip", ("rakuten-pay",), "paypay"),
    # d払い.
    S("mufg", "2020-12-28", "d-barai", ("merpay",), "d-barai"),
    S("smbc", "2023-01-31", "d-barai", ("aeon-pay", "paypay"), "d-barai", variant=1),
    S("shinsei", "2023-05-31", "d-barai", ("merpay",), "d-barai", variant=2),
    S("hokuriku", "2024-04-30", "d-barai", ("paypay",), "d-barai"),
    S("tokyo_star", "2024-11-29", "d-barai", ("rakuten-pay",), "d-barai", variant=1),
    S("iwate", "2021-09-30", "d-barai", ("paypay",), "d-barai", variant=2),
    # The holder's own wallet, many times its usual amount.
    S("mufg_6col", "2020-04-30", "allowed-spike", ("paypay",)),
    S("yokohama", "2024-07-31", "allowed-spike", ("au-pay",), variant=2),
    S("gmo_aozora", "2021-07-30", "allowed-spike", ("au-pay",), variant=1),
    S("rakuten_old", "2021-04-30", "allowed-spike", ("rakuten-pay", "rakuten-edy"), variant=3),
    S("shinsei_2018", "2018-08-31", "allowed-spike", ("line-pay",)),
    S("sony", "2025-04-30", "allowed-spike", ("paypay", "mobile-suica"), variant=2),
    S("shinsei", "2024-08-30", "allowed-spike", ("paypay",), variant=3),
    S("hyakugo", "2023-09-29", "allowed-spike", ("d-barai", "paypay"), variant=2),
    S("kyoto", "2025-12-26", "allowed-spike", ("paypay",), variant=1),
    # Five charges within ten minutes at night, at the banks that print times.
    S("paypay_bank", "2022-09-30", "night-burst", ("paypay",)),
    S("paypay_bank", "2023-03-31", "night-burst", ("merpay", "paypay"), variant=1),
    S("jnb", "2019-12-27", "night-burst", ("line-pay",), variant=2),
    S("jnb", "2021-03-31", "night-burst", ("paypay",), variant=3),
    # Near a service's cap.
    S("yucho", "2020-09-30", "near-cap", ("paypay",), "docomo-koza", day="2020-08-03"),
    S("smbc_2018", "2020-08-31", "near-cap", ("line-pay",), "docomo-koza", variant=1,
      day="2020-07-06"),
    S("mizuho", "2020-09-30", "near-cap", ("merpay",), "docomo-koza", variant=2, day="2020-09-02"),
    S("smbc", "2022-12-28", "near-cap", ("paypay",), "kyash"),
    S("sony", "2025-03-31", "near-cap", ("paypay",), "kyash", variant=1),
    S("paypay_bank", "2021-12-28", "near-cap", ("paypay",), "kyash", variant=2),
    S("aeon", "2021-10-29", "near-cap", ("au-pay",), "kyash", variant=0),
    S("generic_77", "2020-06-30", "near-cap", ("line-pay",), "docomo-koza", variant=0,
      day="2020-05-11"),
    # SBI証券, 2020: deposits pulled into hijacked brokerage accounts.
    S("sumishin", "2020-09-30", "brokerage", ("sbi-securities", "paypay"), "sbi-securities",
      day="2020-09-01"),
    S("sumishin", "2020-08-31", "brokerage", ("paypay",), "sbi-securities", variant=1),
    S("sumishin", "2021-06-30", "brokerage", ("sbi-securities",), "sbi-securities", variant=2),
    S("rakuten", "2020-09-30", "brokerage", ("paypay",), "sbi-securities", variant=3),
    S("mufg", "2020-09-30", "brokerage", ("sbi-securities", "merpay"), "sbi-securities",
      variant=1, day="2020-08-24"),
    # Refunds.
    S("yucho", "2021-03-31", "refunds", ("paypay",)),
    S("sumishin", "2022-06-30", "refunds", ("line-pay",)),
    S("shinsei_memo", "2023-09-29", "refunds", ("paypay",)),
    S("gunma", "2024-05-31", "refunds", ("rakuten-edy",)),
    S("kyoto", "2026-04-30", "refunds", ("d-barai",)),
    # First runs: no allow list; the holder's wallets from the first weeks, a case later.
    S("mufg", "2020-06-30", "two-month-bursts", ("paypay",), "merpay", allow=False),
    S("smbc", "2023-03-31", "near-cap", ("paypay", "aeon-pay"), "kyash", allow=False),
    S("yucho", "2020-09-30", "docomo-burst", ("paypay",), "docomo-koza", day="2020-09-08",
      allow=False),
    S("paypay_bank", "2022-12-28", "d-barai", ("paypay",), "d-barai", variant=1, allow=False),
    S("rakuten", "2021-06-30", "two-month-bursts", ("rakuten-edy", "rakuten-pay"), "line-pay",
      allow=False),
    S("shinsei_2018_en", "2018-04-27", "paypay-drip", ("line-pay",), "paypal", allow=False),
    S("gmo_aozora", "2022-03-31", "d-barai", ("merpay",), "d-barai", variant=2, allow=False),
    S("hokuriku", "2024-04-30", "two-month-bursts", ("paypay", "famipay"), "au-pay", allow=False),
    # No fraud at all.
    S("smbc", "2023-06-30", "clean", ("paypay", "aeon-pay")),
    S("mufg", "2021-09-30", "clean", ("paypay",)),
    S("yucho", "2021-09-30", "clean", ("paypay", "yucho-pay"), allow=False),
    S("paypay_bank", "2023-09-29", "clean", ("paypay", "merpay"), allow=False),
    S("sumishin", "2021-12-30", "clean", ("paypay", "sbi-securities")),
    S("shinsei_2021", "2020-11-30", "clean", ("merpay",)),
    S("aeon", "2021-12-28", "clean", ("au-pay", "paypay"), allow=False),
)

PER_STATEMENT = 7  # at most this many odd spellings in one statement
TWICE = ("di", "long-vowel")  # kinds with few spellings, placed twice to have enough rows
REFUND_POOL = ("kyash", "paypay", "merpay", "line-pay", "d-barai", "au-pay")  # refunds' wallets


def fits(spelling: Spelling, style_id: str, style: Style) -> bool:
    """Whether a bank of this style could print the spelling as it stands."""
    if spelling.where == "any":
        return True
    if spelling.where == "bare":
        return not style.wraps_wallets()
    return spelling.where == style_id


def _encodable(spelling: Spelling, layout: ms.Layout) -> bool:
    """Whether the bank's codec can write the spelling (no ZWSP in CP932)."""
    try:
        layout.kana(spelling.text).encode(layout.encoding)
    except UnicodeEncodeError:
        return False
    return True


def _eligible(spelling: Spelling, story: Story) -> bool:
    """Whether a statement may hold the spelling as a case."""
    layout = ms.LAYOUT_BY_ID[story.layout]
    start, _ = story.period
    return (story.scenario != "clean" and story.takes(spelling.wallet, start)
            and (story.scenario != "refunds" or spelling.wallet not in REFUND_POOL)
            and fits(spelling, LAYOUT_STYLE[story.layout], style_of(story.layout))
            and _encodable(spelling, layout))


@cache
def placements() -> dict[int, tuple[Spelling, ...]]:
    """Spread every spelling (the rarer kinds twice) over the statements that can print it.

    The hardest to place go first, each to the statement with the fewest of that wallet and
    then the fewest in all; a statement holds one wallet at most twice.
    """
    wanted = [*SPELLINGS, *BANK_CHANNEL, *TRUNCATIONS, *TRUNCATIONS,
              *(s for s in SPELLINGS if s.feature in TWICE)]
    homes = {i: [n for n, s in enumerate(STORIES, start=1) if _eligible(sp, s)]
             for i, sp in enumerate(wanted)}
    placed: dict[int, list[Spelling]] = {n: [] for n in range(1, len(STORIES) + 1)}
    for i in sorted(homes, key=lambda i: (len(homes[i]), i)):
        spelling = wanted[i]

        def same(n: int, wallet: str = spelling.wallet) -> int:
            return sum(s.wallet == wallet for s in placed[n])

        free = [n for n in homes[i] if len(placed[n]) < PER_STATEMENT and same(n) < 2]
        if not free:
            raise ValueError(f"no statement can print {spelling}")
        placed[min(free, key=lambda n: (same(n), len(placed[n]), n))].append(spelling)
    return {n: tuple(spellings) for n, spellings in placed.items()}

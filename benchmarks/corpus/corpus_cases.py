"""The labelled cases: the 2020 fraud patterns, odd spellings, cut names and refunds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from corpus_model import Ctx, Item, Label, labelled
from corpus_text import apply
from corpus_wallets import WALLETS, Spelling, usual_print

Pattern = Callable[[Ctx, str, int, date | None], list[Item]]


def hit(ctx: Ctx, when: datetime, amount: int, wallet: str, cls: str) -> Item:
    """A debit the scan must flag, printed the way this bank prints the wallet."""
    printed = ctx.rng.choice(usual_print(wallet, ctx.layout.id))
    return labelled(when, amount, printed, Label(cls, "flag", wallet))


def seconds_apart(start: datetime, amounts: tuple[int, ...], ctx: Ctx, lo: int,
                  hi: int) -> list[tuple[datetime, int]]:
    """Times lo..hi seconds apart from start, one per amount."""
    out, when = [], start
    for amount in amounts:
        out.append((when, amount))
        when += timedelta(seconds=ctx.rng.randrange(lo, hi + 1))
    return out


def docomo_burst(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """ドコモ口座, 七十七 2020-09-01: ¥100k/¥90k/¥90k/¥20k from 14:05 to 14:06."""
    start = datetime.combine(day or ctx.late_day(), time(14, 5, ctx.rng.randrange(0, 20)))
    return [hit(ctx, when, amount, wallet, "fraud/docomo-burst")
            for when, amount in seconds_apart(start, (100000, 90000, 90000, 20000), ctx, 12, 35)]


BURST_AMOUNTS = {"docomo-koza": (100000, 90000, 50000), "merpay": (100000, 98000, 50000),
                 "line-pay": (49000, 30000, 20000), "kyash": (100000, 50000, 30000),
                 "au-pay": (50000, 30000, 20000)}


def two_month_bursts(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """Two bursts four to seven weeks apart (ドコモ口座 2020: August, then September)."""
    rng, items = ctx.rng, []
    first = day or ctx.late_day(3, 55)
    menu = BURST_AMOUNTS.get(wallet, (50000, 30000, 20000))
    for d in (first, first + timedelta(days=rng.randrange(28, 50))):
        when = ctx.clock(d, 9, 20)
        for _ in range(rng.randrange(2, 5)):
            items.append(hit(ctx, when, rng.choice(menu), wallet, "fraud/two-month-bursts"))
            when += timedelta(seconds=rng.randrange(20, 900))
    return items


def paypay_drip(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """PayPay at ゆうちょ, January to August 2020: small charges, one or two a month."""
    rng, items = ctx.rng, []
    first = day or ctx.start + timedelta(days=rng.randrange(90, 110))
    for month in range(8):
        for _ in range(rng.randrange(1, 3)):
            d = first + timedelta(days=30 * month + rng.randrange(0, 28))
            amount = rng.choice((1000, 2000, 3000, 5000, 5000, 10000, 10000, 20000, 30000))
            items.append(hit(ctx, ctx.clock(d, 8, 23), amount, wallet, "fraud/paypay-drip"))
    return items


def d_barai(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """d払い charges: three of ¥30,000 in one day, or several over a few days."""
    rng, d = ctx.rng, day or ctx.late_day(3, 15)
    shapes = (((0, 30000), (0, 30000), (0, 30000)),
              ((0, 20000), (0, 50000), (1, 30000), (2, 10000), (2, 50000)),
              ((0, 50000), (0, 50000), (7, 30000)))
    items, previous = [], None
    for offset, amount in shapes[variant % len(shapes)]:
        when = ctx.clock(d + timedelta(days=offset), 9, 21)
        if previous and previous.date() == when.date() and when <= previous:
            when = previous + timedelta(minutes=rng.randrange(1, 30))
        items.append(hit(ctx, when, amount, wallet, "fraud/d-barai"))
        previous = when
    return items


def allowed_spike(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """The holder's own wallet, usually ¥1,000-3,000, suddenly charged ¥30,000-80,000."""
    rng, d = ctx.rng, day or ctx.late_day(4, 20)
    shapes = (((0, 50000),), ((0, 50000), (0, 30000)), ((0, 40000), (3, 60000), (8, 50000)),
              ((0, 80000), (5, 30000)))
    items = []
    for offset, amount in shapes[variant % len(shapes)]:
        when = ctx.clock(d + timedelta(days=offset), 9, 12 if offset == 0 else 22)
        if items and items[-1][0].when.date() == when.date():
            when = items[-1][0].when + timedelta(hours=rng.randrange(2, 8))
        items.append(hit(ctx, when, amount, wallet, "fraud/allowed-spike"))
    return items


NIGHT_AMOUNTS = ((30000, 30000, 30000, 30000, 20000), (2000, 3000, 2000, 3000, 3000),
                 (10000, 10000, 10000, 10000, 10000), (50000, 30000, 10000, 10000, 5000))


def night_burst(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """The holder's own wallet charged five times within ten minutes in the small hours."""
    d = day or ctx.late_day(4, 10)
    start = ctx.clock(d, 1, 4)
    amounts = NIGHT_AMOUNTS[variant % len(NIGHT_AMOUNTS)]
    return [hit(ctx, when, amount, wallet, "fraud/night-burst")
            for when, amount in seconds_apart(start, amounts, ctx, 60, 140)]


def near_cap(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """Close to a service's cap: ドコモ口座 ¥300,000 a month, Kyash ¥300,000 in 24 hours."""
    d = day or ctx.late_day(4, 20)
    if wallet == "docomo-koza":
        shapes = (((0, 100000, 11), (6, 100000, 15), (13, 100000, 10)),
                  ((0, 150000, 10), (9, 150000, 16)), ((0, 200000, 13), (0, 99000, 14)))
    else:
        shapes = (((0, 100000, 10), (0, 100000, 11), (0, 100000, 12)), ((0, 300000, 15),),
                  ((0, 150000, 22), (1, 150000, 1)))
    items = []
    for offset, amount, hour in shapes[variant % len(shapes)]:
        when = datetime.combine(d + timedelta(days=offset),
                                time(hour, ctx.rng.randrange(60), ctx.rng.randrange(60)))
        items.append(hit(ctx, when, amount, wallet, "fraud/near-cap"))
    return items


BROKER_PULLS = ((10_000_000, 9_800_000, 8_900_000, 5_000_000), (2_000_000, 2_000_000, 2_000_000),
                (3_000_000, 3_000_000, 2_500_000), (1_500_000, 1_500_000))


def brokerage(ctx: Ctx, wallet: str, variant: int, day: date | None) -> list[Item]:
    """Deposits pulled into a hijacked SBI証券 account (2020: ¥3,370万 in four transfers)."""
    d = day or ctx.late_day(4, 10)
    items = []
    for index, amount in enumerate(BROKER_PULLS[variant % len(BROKER_PULLS)]):
        when = ctx.clock(d + timedelta(days=index // 2), 9, 15)
        if items and items[-1][0].when.date() == when.date():
            when = items[-1][0].when + timedelta(minutes=ctx.rng.randrange(3, 90))
        items.append(hit(ctx, when, amount, wallet, "fraud/brokerage"))
    return items


PATTERNS: dict[str, Pattern] = {
    "docomo-burst": docomo_burst, "two-month-bursts": two_month_bursts,
    "paypay-drip": paypay_drip, "d-barai": d_barai, "allowed-spike": allowed_spike,
    "night-burst": night_burst, "near-cap": near_cap, "brokerage": brokerage,
}


def printed_spelling(ctx: Ctx, spelling: Spelling) -> tuple[str, str]:
    """A spelling as this bank prints it: with its channel word; a cut name loses the tail."""
    code, template = ctx.style.wallet
    if spelling.feature == "truncation":
        return code, template.split("{name}")[0] + spelling.text
    return apply((code, template), spelling.text)


def spelling_row(ctx: Ctx, spelling: Spelling, window: tuple[date, date]) -> Item:
    """One top-up to a wallet the holder does not use, printed in an unusual way."""
    cls = "truncation" if spelling.feature == "truncation" else f"spelling/{spelling.feature}"
    amount = ctx.rng.choice((3000, 5000, 10000, 20000, 30000, 50000))
    lo, hi = window
    when = ctx.clock(lo + timedelta(days=ctx.rng.randrange((hi - lo).days + 1)), 8, 23)
    return labelled(when, amount, printed_spelling(ctx, spelling),
                    Label(cls, "flag", spelling.wallet))


REFUND_WORDS = {"half": ("{name}", "{name} ﾍﾝｷﾝ", "ﾄﾘｹｼ {name}"),
                "full": ("{name}", "{name}　ヘンキン", "トリケシ　{name}")}


def refund_credit(ctx: Ctx, wallet: str, debit_text: tuple[str, str], when: datetime,
                  amount: int) -> Item:
    """Money back from a wallet service: as the debit was printed, or as a credit from it."""
    rng, style, w = ctx.rng, ctx.style, WALLETS[wallet]
    if ctx.layout.id == "sumishin":
        printed = ("", "取消＊" + debit_text[1])  # 住信SBI's reversal form
    elif rng.random() < 0.3:
        printed = debit_text
    else:
        name = style.name(w.latin if w.prefer == "latin" else w.kana)
        word = rng.choice(REFUND_WORDS[style.width])
        printed = apply(style.credit, word.replace("{name}", name))
    return labelled(when, amount, printed, Label("refund/credit", "quiet", wallet), credit=True,
                    kind="wallet_in")


def refunds(ctx: Ctx, pool: tuple[str, ...], matched: int, unmatched: int) -> list[Item]:
    """Top-ups to wallets the holder does not use, most reversed within 14 days; some not."""
    rng, items = ctx.rng, []
    kinds = ["match"] * matched + ["partial", "late", "other"][:unmatched]
    for index, kind in enumerate(kinds):
        wallet = pool[index % len(pool)]
        amount = rng.choice((5000, 10000, 20000, 30000, 50000))
        when = ctx.clock(ctx.late_day(3, 45), 9, 22)
        printed = rng.choice(usual_print(wallet, ctx.layout.id))
        label = (Label("refund/refunded", "refunded", wallet) if kind == "match"
                 else Label("refund/unmatched", "flag", wallet))
        items.append(labelled(when, amount, printed, label))
        days = rng.randrange(20, 40) if kind == "late" else rng.randrange(1, 15)
        back_at = ctx.clock((when + timedelta(days=days)).date(), 9, 22)
        back = amount - 1000 if kind == "partial" else amount
        source = pool[(index + 1) % len(pool)] if kind == "other" else wallet
        items.append(refund_credit(ctx, source, printed if source == wallet else
                                   rng.choice(usual_print(source, ctx.layout.id)), back_at, back))
    return items

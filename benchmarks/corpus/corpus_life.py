"""A year of ordinary account life: pay, rent, bills, cards, cash, shopping, look-alikes, habits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from corpus_looks import LOOKS, NOT_AT, credit_names, look_row
from corpus_model import Ctx, Item, Label, labelled, ms, txn
from corpus_text import apply
from corpus_wallets import WALLETS, usual_print

# Ordinary payees and shops, written neutrally; each bank prints them in its own width.
GAS = ("トウキヨウガス", "オオサカガス", "トウホクデンリヨクガス")
WATER = ("スイドウリヨウキン", "スイドウキヨク")
PHONES = ("KDDI", "ソフトバンク", "ラクテンモバイル", "ワイモバイル")
NETS = ("NTTヒガシニホン フレツツ", "ソフトバンクヒカリ", "NUROヒカリ")
INSURERS = ("ニツポンセイメイ", "ダイイチセイメイ", "ソニーセイメイ")
SHOPS = ("セブンイレブン", "ローソン", "イオンリテール", "AMAZON.CO.JP", "ユニクロ", "ビツクカメラ",
         "スギヤツキヨク", "マツモトキヨシ", "ニトリ", "ツタヤ", "ヨドバシカメラ", "JRヒガシニホン")


def monthly(ctx: Ctx, day: int, make) -> list[Item]:  # noqa: ANN001 (make: date -> Item)
    """One row a month on about the same (week)day."""
    return [make(ms.on_day(month, day)) for month in ctx.months()
            if ctx.start <= ms.on_day(month, day) <= ctx.end]


def plain(ctx: Ctx, kind: str, d: date, amount: int, *, credit: bool = False) -> Item:
    """An ordinary row of make_samples' vocabulary (salary, rent, power, card, ATM, ...)."""
    options = ctx.vocab[kind]
    code, text = options[0] if kind in ("salary", "rent", "interest") else ctx.rng.choice(options)
    return txn(ctx.clock(d), amount, (code, ctx.fill(text)), kind, credit=credit), None


def bill(ctx: Ctx, payee: str, d: date, lo: int, hi: int) -> Item:
    """An ordinary 口座振替 bill."""
    printed = apply(ctx.style.bill, ctx.style.name(payee))
    return txn(ctx.clock(d, 6, 10), ctx.rng.randrange(lo, hi, 10), printed, "bill"), None


def shop(ctx: Ctx, d: date) -> Item:
    """An ordinary debit-card purchase."""
    style = ctx.style
    if not style.card[1]:
        return plain(ctx, "debit", d, ctx.rng.randrange(300, 15000, 10))
    code, text = apply(style.card, style.name(ctx.rng.choice(SHOPS)))
    return txn(ctx.clock(d), ctx.rng.randrange(300, 15000, 10), (code, ctx.fill(text)),
               "debit"), None


@dataclass(frozen=True)
class Household:
    """The bills, cards and habits of one holder, drawn once per statement."""

    docomo: bool
    looks_monthly: tuple[str, ...]
    looks_sometimes: tuple[str, ...]
    rent: bool
    power: bool
    gas: bool
    credits: tuple[str, ...]  # who money comes back from: the holder's wallets, メルカリ


def household(ctx: Ctx, own: tuple[str, ...]) -> Household:
    """Draw who this holder is: carrier, cards, broker, odd bills; brands follow their wallets."""
    rng = ctx.rng
    docomo = "d-barai" in own or rng.random() < 0.45
    monthly_looks = ["docomo-phone"] if docomo else []
    picks = {
        "docomo-hikari": docomo and rng.random() < 0.5,
        "docomo-denki": docomo and rng.random() < 0.35,
        "paypay-card": "paypay" in own or rng.random() < 0.3,
        "rakuten-card": bool({"rakuten-edy", "rakuten-pay"} & set(own)) or rng.random() < 0.3,
        "aupay-card": "au-pay" in own or rng.random() < 0.15,
        "merpay-smart": rng.random() < (0.6 if "merpay" in own else 0.1),
        "paypay-sec": rng.random() < 0.25,
        "principal": rng.random() < 0.15,
        "spring": rng.random() < 0.15,
        "furikae-bill": ctx.layout.id not in NOT_AT["furikae-bill"] and rng.random() < 0.25,
        "rs-bill": ctx.layout.id not in NOT_AT["rs-bill"] and rng.random() < 0.25,
    }
    monthly_looks += [key for key, chosen in picks.items() if chosen]
    sometimes = [key for key, p in (("docomo-shop", 0.8 if docomo else 0.2), ("brand-shop", 0.6),
                                    ("kyash-fee", 0.15), ("cash-service", 0.4),
                                    ("service-charge", 0.4), ("bus-ticket", 0.35),
                                    ("paypay-bank", 0.4), ("wallet-credit", 0.9),
                                    ("cashback", 0.5)) if rng.random() < p]
    if not ctx.style.card[1]:  # 住信SBI prints no merchant, so no shop can look like a wallet
        sometimes = [key for key in sometimes if LOOKS[key].how != "card"]
    power = not (picks["docomo-denki"] or picks["furikae-bill"])
    return Household(docomo, tuple(monthly_looks), tuple(sometimes), rng.random() < 0.75, power,
                     not picks["rs-bill"], credit_names(own))


def ordinary_life(ctx: Ctx, home: Household) -> list[Item]:
    """Pay, rent, bills, phone, card, cash, shopping and transfers for every month."""
    rng, items = ctx.rng, []
    salary = rng.randrange(220, 420) * 1000
    items += monthly(ctx, 25, lambda d: plain(ctx, "salary", d, salary, credit=True))
    for month in ctx.months():
        if month.month in (6, 12) and salary > 280000:
            items.append(plain(ctx, "salary", ms.on_day(month, 10), salary * 2, credit=True))
    gas, water = rng.choice(GAS), rng.choice(WATER)
    phone, net, insurer = rng.choice(PHONES), rng.choice(NETS), rng.choice(INSURERS)
    rent = rng.randrange(55, 120) * 1000
    if home.rent:
        items += monthly(ctx, 27, lambda d: plain(ctx, "rent", d, rent))
    if home.power:
        items += monthly(ctx, 14, lambda d: plain(ctx, "power", d, rng.randrange(3800, 14000, 10)))
    if home.gas:
        items += monthly(ctx, 16, lambda d: bill(ctx, gas, d, 2500, 9000))
    items += [bill(ctx, water, ms.on_day(m, 20), 4000, 9000) for m in ctx.months()[::2]]
    if not home.docomo:
        items += monthly(ctx, 22, lambda d: bill(ctx, phone, d, 3000, 11000))
    if "docomo-hikari" not in home.looks_monthly and rng.random() < 0.5:
        items += monthly(ctx, 24, lambda d: bill(ctx, net, d, 4000, 6500))
    if rng.random() < 0.5:
        items += monthly(ctx, 27, lambda d: bill(ctx, insurer, d, 5000, 15000))
    if rng.random() < 0.6:
        items += monthly(ctx, 26, lambda d: plain(ctx, "card", d, rng.randrange(10000, 50000, 10)))
    return items + everyday(ctx)


def everyday(ctx: Ctx) -> list[Item]:
    """Cash, shopping, transfers and interest."""
    rng, items = ctx.rng, []
    for month in ctx.months():
        items += [plain(ctx, "atm", ctx.day_in(month), rng.randrange(10000, 51000, 1000))
                  for _ in range(rng.randrange(1, 4))]
        items += [shop(ctx, ctx.day_in(month)) for _ in range(rng.randrange(2, 6))]
        if rng.random() < 0.5:
            items.append(plain(ctx, "transfer_out", ctx.day_in(month),
                               rng.randrange(5, 60) * 1000))
        if rng.random() < 0.3:
            items.append(plain(ctx, "transfer_in", ctx.day_in(month), rng.randrange(3, 40) * 1000,
                               credit=True))
        if month.month in (2, 8):
            items.append(plain(ctx, "interest", ms.on_day(month, 20), rng.randrange(1, 60),
                               credit=True))
    return items


def lookalikes(ctx: Ctx, home: Household) -> list[Item]:
    """The holder's monthly look-alike bills and the occasional look-alike purchase or credit."""
    rng, items = ctx.rng, []
    for key in home.looks_monthly:
        day, name = rng.randrange(4, 27), rng.choice(LOOKS[key].names)
        items += monthly(ctx, day, lambda d, k=key, n=name: look_row(ctx, k, ctx.clock(d, 6, 10), n))
    for key in home.looks_sometimes:
        names = home.credits if key == "wallet-credit" else LOOKS[key].names
        for _ in range(rng.randrange(1, 5)):
            when = ctx.clock(ctx.day_in(rng.choice(ctx.months())))
            items.append(look_row(ctx, key, when, rng.choice(names)))
    return items


def habits(ctx: Ctx, own: tuple[str, ...], cls: str, small: bool = False) -> list[Item]:
    """The holder's own top-ups: from the first weeks, at usual amounts, some busy days."""
    rng, items = ctx.rng, []
    for index, wallet_id in enumerate(own):
        menu = (1000, 2000, 3000) if small else WALLETS[wallet_id].usual
        forms = usual_print(wallet_id, ctx.layout.id)
        rate = (1, 5) if index == 0 else (1, 3)
        label = Label(cls, "quiet", wallet_id)
        first = ctx.start + timedelta(days=rng.randrange(0, 10))
        items.append(labelled(ctx.clock(first), rng.choice(menu), rng.choice(forms), label))
        for month in ctx.months():
            for _ in range(rng.randrange(*rate)):
                when = ctx.clock(ctx.day_in(month), 7, 24)
                if ctx.timed and rng.random() < 0.08:  # a night owl's top-up, now and then
                    when = when.replace(hour=rng.randrange(0, 3))
                items.append(labelled(when, rng.choice(menu), rng.choice(forms), label))
        if index == 0:
            items += busy_days(ctx, wallet_id, menu, forms, cls)
    return items


def busy_days(ctx: Ctx, wallet_id: str, menu: tuple[int, ...],
              forms: tuple[tuple[str, str], ...], cls: str) -> list[Item]:
    """Two or three days with three or four small top-ups hours apart (a day out, a trip)."""
    rng, items = ctx.rng, []
    busy_cls = "habit/busy-day" if cls == "habit/allowed" else cls
    for _ in range(rng.randrange(2, 4)):
        when = ctx.clock(ctx.day_in(rng.choice(ctx.months()[1:])), 7, 10)
        for _ in range(rng.randrange(3, 5)):
            items.append(labelled(when, min(menu), rng.choice(forms),
                                  Label(busy_cls, "quiet", wallet_id)))
            when += timedelta(minutes=rng.randrange(150, 260))
    return items

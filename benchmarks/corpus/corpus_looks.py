"""Look-alikes of wallet top-ups: bills, cards, banks, brokers, shops, words and credits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from corpus_model import Ctx, Item, Label, labelled
from corpus_text import apply
from corpus_wallets import WALLETS


@dataclass(frozen=True)
class Look:
    """A look-alike of a wallet top-up: its class, how it is paid, names, amounts (lo, hi, step)."""

    cls: str
    how: str  # bill, card, credit, fee, easy, atm, transfer, cashback, channel (a bill that
    # starts with the channel word, whatever the bank usually puts first)
    names: tuple[str, ...]
    amounts: tuple[int, int, int]


LOOKS: dict[str, Look] = {
    "docomo-phone": Look("lookalike/bill", "bill",
                         ("NTTドコモ", "ドコモケイタイ", "NTTドコモ ケイタイリヨウキン"), (3500, 12000, 10)),
    "docomo-hikari": Look("lookalike/bill", "bill", ("ドコモヒカリ", "ドコモ光"), (4400, 5800, 10)),
    "docomo-denki": Look("lookalike/bill", "bill", ("ドコモデンキ", "ドコモでんき"), (3800, 14000, 10)),
    "paypay-card": Look("lookalike/card-bill", "bill",
                        ("PAYPAYカ－ド", "PAYPAY カード", "ペイペイカード", "PAYPAYカード"),
                        (8000, 60000, 10)),
    "rakuten-card": Look("lookalike/card-bill", "bill", ("ラクテンカード", "ラクテンカードサービス"),
                         (8000, 60000, 10)),
    "aupay-card": Look("lookalike/card-bill", "bill",
                       ("AU PAY カード", "AU PAYカード", "エーユーペイカード"), (5000, 40000, 10)),
    "merpay-smart": Look("lookalike/card-bill", "bill",
                         ("メルペイスマートバライ", "メルペイスマート払い", "メルペイ スマートバライ"),
                         (3000, 20000, 10)),
    "paypay-bank": Look("lookalike/bank-broker", "transfer",
                        ("フリコミ PAYPAY ギンコウ", "振込 ペイペイ銀行", "PAYPAYギンコウ フリコミ"),
                        (10000, 100000, 1000)),
    "paypay-sec": Look("lookalike/bank-broker", "bill",
                       ("ペイペイシヨウケン", "PAYPAYシヨウケン", "ペイペイ証券"), (10000, 50000, 1000)),
    "docomo-shop": Look("lookalike/purchase", "card",
                        ("ドコモシヨツプ", "ドコモショップ", "ドコモオンラインシヨツプ"), (3000, 90000, 10)),
    "brand-shop": Look("lookalike/purchase", "card",
                       ("PAYPAYモール", "AU PAY マーケツト", "ラクテンイチバ", "メルカリシヨツプス"),
                       (500, 20000, 10)),
    "kyash-fee": Look("lookalike/purchase", "card",
                      ("KYASH カードハツコウテスウリヨウ", "KYASH CARD FEE"), (900, 1500, 100)),
    "principal": Look("lookalike/word", "bill", ("プリンシパル", "プリンシパルカンリ"), (8000, 20000, 100)),
    "spring": Look("lookalike/word", "bill", ("SPRING エイカイワ", "SPRINGVALLEY"), (3000, 12000, 100)),
    "cash-service": Look("lookalike/word", "atm", ("キヤツシユサービス", "キャッシュサービス"),
                         (10000, 50000, 1000)),
    "service-charge": Look("lookalike/word", "fee", ("サービスチヤージ", "サービスチャージ"),
                           (110, 770, 110)),
    "bus-ticket": Look("lookalike/word", "easy",
                       ("ウエルネツト バスチケツト", "ウエルネツト バスチケット"), (2000, 12000, 100)),
    "furikae-bill": Look("lookalike/channel", "channel", ("フリカエ トウキヨウデンリヨク",),
                         (3800, 14000, 10)),
    "rs-bill": Look("lookalike/channel", "channel", ("RS トウキヨウガス",), (2500, 9000, 10)),
    # Names beyond these come from the holder's own wallets (see credit_names).
    "wallet-credit": Look("lookalike/credit", "credit", ("メルカリ", "メルカリ ウリアゲキン"),
                          (1000, 60000, 100)),
    "cashback": Look("lookalike/credit", "cashback",
                     ("VISAデビツトキヤツシユバツク", "PAYPAY キヤツシユバツク", "デビツトキヤツシユバツク"),
                     (10, 2000, 1)),
}

# Look-alikes that would be real channel words at the one bank where they mean a wallet.
NOT_AT = {"furikae-bill": ("sumishin", "iwate"), "rs-bill": ("sumishin", "iwate")}


def look_row(ctx: Ctx, key: str, when: datetime, name: str | None = None) -> Item:
    """One look-alike row, printed the way this bank prints that kind of payment."""
    look, style = LOOKS[key], ctx.style
    lo, hi, step = look.amounts
    amount = ctx.rng.randrange(lo, hi + 1, step)
    shown = style.name(name or ctx.rng.choice(look.names))
    template = {"bill": style.bill, "card": style.card, "credit": style.credit, "fee": style.fee,
                "easy": style.easy, "atm": (ctx.vocab["atm"][0][0], "{name}"),
                "transfer": (ctx.vocab["transfer_out"][0][0], "{name}"),
                "channel": (style.bill[0], "{name}"),
                "cashback": (style.credit[0], "{name}")}[look.how]
    code, text = apply(template, shown)
    credit = look.how in ("credit", "cashback")
    kind = "wallet_in" if credit else "atm" if look.how == "atm" else "look"
    return labelled(when, amount, (code, ctx.fill(text)), Label(look.cls, "quiet"),
                    credit=credit, kind=kind)


def credit_names(own: tuple[str, ...]) -> tuple[str, ...]:
    """Money back from the holder's own wallets (withdrawals, refunds) and sales money."""
    names = list(LOOKS["wallet-credit"].names)
    for wallet_id in own:
        wallet = WALLETS[wallet_id]
        name = wallet.latin if wallet.prefer == "latin" or not wallet.kana else wallet.kana
        names += [name, f"{name} ヘンキン", f"{name} シユツキン"]
    return tuple(names)

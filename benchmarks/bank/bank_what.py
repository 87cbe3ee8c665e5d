"""What a row is, independent of the bank, and how each bank layout prints it.

A row of the synthetic bank carries a "what" id into WHATS: an ordinary kind of make_samples'
vocabulary (pay, rent, cash, ...), a bill, a shop, a look-alike of the corpus (PayPayカード,
NTTドコモ, ...) or a wallet top-up. Printer(layout) turns it into the (code, text) that
bank prints, through the same vocabularies and styles as the samples and the corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import numpy as np

from corpus_life import GAS, INSURERS, NETS, PHONES, SHOPS, WATER
from corpus_looks import LOOKS, look_row
from corpus_model import Ctx, ms
from corpus_text import apply, style_of
from corpus_wallets import WALLETS, usual_print

PLAIN_KINDS = ("salary", "rent", "power", "card", "atm", "debit", "transfer_out", "transfer_in",
               "interest")
CREDIT_KINDS = frozenset({"salary", "transfer_in", "interest"})
PAYEES = GAS + WATER + PHONES + NETS + INSURERS
LOOK_KEYS = ("docomo-phone", "docomo-hikari", "paypay-card", "rakuten-card", "aupay-card",
             "merpay-smart", "wallet-credit", "brand-shop", "docomo-shop")
WALLET_IDS = tuple(WALLETS)
VARIANTS = 3  # spellings per kind a holder may be given (each bank has one to three)


@dataclass(frozen=True)
class What:
    """One kind of row: its group, key (kind, payee, look-alike or wallet) and variant."""

    group: str  # plain, bill, shop, look, wallet
    key: str
    variant: int = 0


def _table() -> tuple[What, ...]:
    out = [What("plain", kind, v) for kind in PLAIN_KINDS for v in range(VARIANTS)]
    out += [What("bill", payee) for payee in PAYEES]
    out += [What("shop", shop) for shop in SHOPS]
    out += [What("look", key, v) for key in LOOK_KEYS for v in range(len(LOOKS[key].names))]
    out += [What("wallet", wallet, v) for wallet in WALLET_IDS for v in range(VARIANTS)]
    return tuple(out)


WHATS = _table()
_INDEX = {what: number for number, what in enumerate(WHATS)}


@cache
def ids(group: str, key: str) -> np.ndarray:
    """The what ids of every variant of one key, in variant order (do not modify)."""
    return np.array([n for n, w in enumerate(WHATS) if w.group == group and w.key == key],
                    np.int32)


def one(group: str, key: str, variant: int = 0) -> int:
    """The what id of one key and variant."""
    return _INDEX[What(group, key, variant)]


@dataclass(frozen=True)
class Printed:
    """How one layout prints one what: code and text as the bank writes them."""

    code: str
    text: str  # may hold {auth}/{authw}: a fresh authorisation number per row
    kind: str  # make_samples' Txn.kind (steers 入払区分, 金融機関名 and such)
    credit: bool
    tag: str  # make_samples' Txn.tag: ordinary, lookalike or own (a top-up)


@cache
def printer(layout_id: str) -> tuple[Printed, ...]:
    """Every what as this layout prints it (index = what id)."""
    layout = ms.LAYOUT_BY_ID[layout_id]
    vocab = ms.vocabulary(layout.vocab)
    ctx = Ctx(layout, date(2020, 1, 1), date(2020, 12, 31), (), random.Random(layout_id))
    return tuple(_print(what, layout, vocab, ctx) for what in WHATS)


def _print(what: What, layout: ms.Layout, vocab: dict, ctx: Ctx) -> Printed:
    style = style_of(layout.id)
    if what.group == "plain":
        options = vocab[what.key]
        code, text = options[what.variant % len(options)]
        return Printed(code, text, what.key, what.key in CREDIT_KINDS, "ordinary")
    if what.group == "bill":
        code, text = apply(style.bill, style.name(what.key))
        return Printed(code, text, "bill", False, "ordinary")
    if what.group == "shop":
        if not style.card[1]:  # 住信SBI prints no merchant: デビット nnnnnn
            code, text = vocab["debit"][0]
        else:
            code, text = apply(style.card, style.name(what.key))
        return Printed(code, text, "debit", False, "ordinary")
    if what.group == "look":
        name = LOOKS[what.key].names[what.variant]
        txn, _ = look_row(ctx, what.key, datetime(2020, 1, 1), name)
        credit = txn.credit > 0
        return Printed(txn.code, txn.text, txn.kind, credit, "lookalike")
    forms = usual_print(what.key, layout.id)
    code, text = forms[what.variant % len(forms)]
    return Printed(code, text, "wallet", False, "own")

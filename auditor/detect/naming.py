"""A wallet as the holder names it: its id, its name, or any spelling the catalogue holds.

`--allow ドコモ口座`, `--allow PayPay` and `--allow ﾍﾟｲﾍﾟｲ` all mean an id. A name is folded and
keyed as a descriptor is (auditor.ingest.text.fold, then the match key: width, case, spaces,
punctuation, ー and hiragana do not count), and read word by word with the catalogue's
readings (`docomo口座` is ドコモコウザ); it must then be the whole of one of the entry's names,
never only a part of one or a name the bank cut short.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache

from auditor.detect.catalogue import Catalogue, Wallet
from auditor.detect.matchkey import key_text
from auditor.detect.readings import Reader
from auditor.ingest.text import fold

_CLOSEST = 3  # ids suggested for a name that is none


def wallet_named(catalogue: Catalogue, text: str) -> str | None:
    """The id of the wallet or brokerage this text names as a whole, or None."""
    index = _index(catalogue)
    for key in _keys(catalogue, text):
        wallet = index.get(key)
        if wallet:
            return wallet
    return None


def closest_wallets(catalogue: Catalogue, text: str) -> list[str]:
    """The ids whose id or names are nearest to text, nearest first (none when nothing is)."""
    index = _index(catalogue)
    found: list[str] = []
    for key in _keys(catalogue, text):
        for near in difflib.get_close_matches(key, [k for k, v in index.items() if v], n=10):
            if index[near] not in found:
                found.append(index[near])
    return found[:_CLOSEST]


@cache
def _index(catalogue: Catalogue) -> dict[str, str]:
    """Every name's key → its id; "" for a key two entries share (it names neither)."""
    index: dict[str, str] = {}
    for wallet in catalogue.wallets:
        for name in _names(wallet):
            for key in _keys(catalogue, name):
                index[key] = wallet.id if index.get(key, wallet.id) == wallet.id else ""
    return index


def _names(wallet: Wallet) -> Iterator[str]:
    """The id, the names shown in both languages and each of their parts, every spelling."""
    yield wallet.id
    for shown in (wallet.name_ja, wallet.name_en):
        yield shown
        # "楽天ペイ / 楽天キャッシュ", "支払秘書 (ウェルネット)": each part names the service too.
        for part in shown.replace("(", "/").replace(")", "/").split("/"):
            if part.strip():
                yield part
    yield from wallet.patterns


def _keys(catalogue: Catalogue, text: str) -> list[str]:
    """The text's match key, and its key read word by word where that differs."""
    folded = fold(text)
    keys = [key_text(folded)]
    readings = catalogue.matching.readings
    if readings:
        read = key_text(_reader(readings).read(folded))
        if read != keys[0]:
            keys.append(read)
    return [key for key in keys if key]


@cache
def _reader(readings: tuple[tuple[str, str], ...]) -> Reader:
    return Reader(dict(readings))


__all__ = ["closest_wallets", "wallet_named"]

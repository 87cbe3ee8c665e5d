"""`auditor wallets` for people: one row per wallet, the names it is matched by under it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text

from auditor.detect.catalogue import Wallet
from auditor.render.fit import Column, FittedTable, Row
from auditor.wording import say, yen

# (key, right-aligned, folds to this width: names fold at their spaces, ids and caps never)
_COLUMNS = (("listing.id", False, None), ("listing.name_ja", False, 14),
            ("listing.name_en", False, 14), ("listing.kind", False, None),
            ("listing.cap", True, None))


def wallets_table(wallets: Iterable[Wallet], lang: str,
                  kind: Callable[[str], str] = str) -> FittedTable:
    """Each wallet's id (what --allow takes) whole at 80 columns; its folded names below."""
    columns = tuple(Column(say(key, lang), right=right, fold=cap is not None, cap=cap)
                    for key, right, cap in _COLUMNS)
    rows = []
    for w in wallets:
        caps = [say(key, lang, cap=yen(cap)) for key, cap in
                (("listing.monthly_cap", w.monthly_cap), ("listing.daily_cap", w.daily_cap)) if cap]
        matches = say("table.below", lang, label=say("listing.matches", lang),
                      value=", ".join(w.patterns))
        rows.append(Row(tuple(map(Text, (w.id, w.name_ja, w.name_en, kind(w.kind),
                                         " ".join(caps)))), (Text(matches),)))
    return FittedTable(say("listing.wallets", lang), columns, tuple(rows), lang)

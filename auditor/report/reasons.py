"""Why each debit is claimed, in the holder's own voice: the letter's words, keyed by rule.

A scan's reasons speak to the holder ("not on your list of wallets you use"); a letter is
the holder speaking to the bank, so each rule has its own first-person sentence here, with
the values the letter knows (amount, service, day). A rule with no such sentence keeps the
scan's reason rather than lose it.
"""

from __future__ import annotations

from auditor.report.blocks import Lines
from auditor.report.claim import Claim, Entry
from auditor.report.words import long_date, money
from auditor.wording import template

_BURST = "wallet-burst"
# The letter's sentence for each rule's reason (values: amount, service, day, time, count, total).
_KEYS = {
    "unrecognised-wallet": "report.why.unrecognised-wallet",
    "brokerage": "report.why.unrecognised-wallet.brokerage",
    _BURST: "report.why.wallet-burst",
    "burst-near": "report.why.wallet-burst.near",
    "amount-spike": "report.why.amount-spike",
    "near-cap": "report.why.near-cap",
    "first-seen": "report.why.first-seen",
    "wallet-like": "report.why.wallet-like",
    "odd-hour": "report.why.odd-hour",
}


def letter_reasons(entry: Entry, claim: Claim, lang: str) -> Lines:
    """The entry's reasons, one line each, as the holder says them."""
    lines: list[str] = []
    for reason in entry.finding.reasons:
        line = _reason(reason.rule, entry, claim, lang)
        text = line if line is not None else reason.text(lang)
        if text not in lines:  # two reasons of one rule read the same in the letter
            lines.append(text)
    return Lines(tuple(lines))


def _reason(rule: str, entry: Entry, claim: Claim, lang: str) -> str | None:
    finding = entry.finding
    name = "brokerage" if rule == "unrecognised-wallet" and entry.brokerage else rule
    values = {"amount": money(finding.amount, lang), "service": entry.service(lang),
              "day": long_date(finding.date, lang), "time": finding.time or ""}
    if rule == _BURST:
        count, total = claim.bursts.get((finding.wallet, finding.date), (1, finding.amount))
        if count < 2:  # a burst across midnight: the day alone does not show it
            name = "burst-near"
        values |= {"count": str(count), "total": money(total, lang)}
    key = _KEYS.get(name)
    if key is None or (rule == "odd-hour" and not finding.time):
        return None
    return template(key, lang).format(**values)

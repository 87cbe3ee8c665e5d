"""The letter's sections on what a bank asks a victim for: dates and limits, declarations,
consent, the police report and where to turn. Filled where the tool knows, blank otherwise."""

from __future__ import annotations

from auditor.report.blocks import BLANK, Cell, Fixed, Inline, Items, Para, Section, Table
from auditor.report.claim import Claim
from auditor.report.desks import Desk, load_desks
from auditor.report.limits import claim_limit, notice_limit
from auditor.report.words import flat, listing, long_date, say, word

_FSA = "contact_fsa"  # 金融庁 金融サービス利用者相談室, 0570-016811


def services(claim: Claim, lang: str) -> Fixed:
    """The claimed services, listed (or "unknown" when nothing names them)."""
    names = [name for name, _count, _total in claim.services(lang)]
    return listing(names, lang) if names else word("unknown", lang)


def dates(claim: Claim, lang: str) -> Section:
    """発見日 and 届出日, with the 30-day and 2-year limits computed from what is known."""
    found = claim.holder.found
    found_cell: Inline = long_date(found, lang) if found else BLANK
    if found is None:
        notice: Cell = word("limit_notice_blank", lang)
    else:
        notice = flat("limit_notice_by", lang, limit=long_date(notice_limit(found), lang),
                      found=long_date(found, lang))
    rows: tuple[tuple[Cell, ...], ...] = (
        (word("found", lang), found_cell), (word("filed", lang), BLANK),
        (word("limit_notice", lang), notice),
        (word("limit_claim", lang), _claim_limit(claim, lang)),
    )
    return Section("dates", word("dates", lang), (
        Para(say("dates_text", lang, found=found_cell, filed=BLANK)),
        Table((word("item", lang), word("entry", lang)), rows, css="form")))


def _claim_limit(claim: Claim, lang: str) -> Fixed:
    first, last = claim.first, claim.last
    if first is None or last is None:
        return Fixed("—")
    if first == last:
        return flat("limit_claim_one", lang, first=long_date(first, lang),
                    limit=long_date(claim_limit(first), lang))
    return flat("limit_claim_range", lang, first=long_date(first, lang),
                limit=long_date(claim_limit(first), lang), last=long_date(last, lang),
                limit_last=long_date(claim_limit(last), lang))


def declarations(claim: Claim, lang: str) -> Section:
    """What the bank asks about negligence, as statements the holder ticks."""
    # Only of services the holder does not use: a spike at their own wallet is claimed too,
    # and the letter must not have them deny a service they hold.
    strangers = claim.strangers(lang)
    registered = (say("never_registered", lang, services=listing(strangers, lang)),)
    items = (*(registered if strangers else ()), say("pin", lang), say("card", lang),
             say("family", lang))
    return Section("declare", word("declare", lang), (
        Para((word("declare_note", lang),), "note"), Items(items, "check")))


def consent(claim: Claim, lang: str) -> Section:
    """Consent for the bank to share the case with the operator and the police."""
    return Section("consent", word("consent", lang), (
        Para(say("consent_text", lang, services=services(claim, lang))),))


def police(lang: str) -> Section:
    """The police report: station, date and 受理番号, all filled in by hand."""
    rows = tuple((word(key, lang), BLANK) for key in ("station", "police_date", "police_ref"))
    return Section("police", word("police_report", lang), (
        Para((word("police_text", lang),)),
        Table((word("item", lang), word("entry", lang)), rows, css="form")))


def contacts(claim: Claim, lang: str) -> Section:
    """Where to turn: the bank's desk, the FSA's desk, and each claimed service's operator."""
    bank: Inline = claim.holder.bank or word("this_bank", lang)
    items = [say("contact_bank", lang, bank=bank, phone=BLANK), say(_FSA, lang)]
    desks = load_desks()
    seen: set[str] = set()
    for entry in claim.claimed:
        wallet = entry.finding.wallet or ""
        if wallet in seen:
            continue
        seen.add(wallet)
        items.append(_operator(desks.get(wallet), Fixed(entry.service(lang)), lang))
    return Section("contacts", word("contacts", lang), (Items(tuple(items), "bullet"),))


def _operator(desk: Desk | None, service: Fixed, lang: str) -> tuple[Inline, ...]:
    if desk is None:
        name = flat("contact_unknown", lang, service=service)
        return say("contact_operator", lang, operator=name, service=service, phone=BLANK)
    operator = Fixed(desk.operator(lang))
    note = desk.note(lang)
    if desk.phone and note:
        return say("contact_operator_noted", lang, operator=operator, service=service,
                   phone=Fixed(desk.phone), note=Fixed(note))
    return say("contact_operator", lang, operator=operator, service=service,
               phone=Fixed(desk.phone) if desk.phone else BLANK)

"""Lay the claim out as the draft's sections, in one language; renderers only format them."""

from __future__ import annotations

from datetime import date

from auditor.report import facts
from auditor.report.blocks import (BLANK, Block, Cell, Chart, Document, Fixed, Inline, Items,
                                   Lines, Para, Section, Table)
from auditor.report.claim import Claim, Entry
from auditor.report.reasons import letter_reasons
from auditor.report.timeline import Point, timeline_svg
from auditor.report.words import flat, listing, long_date, money, say, word


def build_document(claim: Claim, lang: str, final: bool = False) -> Document:
    """The letter for the bank, in reading order; the part for the holder only comes last.

    final drops the draft banner, once the holder has checked the letter."""
    sections = [_opening(claim, lang, final), _holder(claim, lang), _account(claim, lang),
                _summary(claim, lang), facts.dates(claim, lang), _chart(claim, lang),
                _table(claim, lang), _requests(claim, lang), facts.declarations(claim, lang),
                facts.consent(claim, lang), facts.police(lang), _actions(claim, lang),
                facts.contacts(claim, lang), _precedent(lang), _sources(claim, lang),
                _review(claim, lang) if claim.apart else None]
    title = word("title_final" if final else "title", lang)
    return Document(title, lang, tuple(s for s in sections if s is not None))


def _opening(claim: Claim, lang: str, final: bool) -> Section:
    bank: Inline = claim.holder.bank or BLANK
    banner = () if final else (Para((word("draft", lang),), "draft"),)
    return Section("opening", None, (
        *banner,
        Para(say("dated", lang, date=long_date(claim.generated, lang)), "meta"),
        Para(say("to", lang, bank=bank), "to"),
    ))


def _holder(claim: Claim, lang: str) -> Section:
    name: Inline = claim.holder.name or BLANK
    rows: list[tuple[Cell, ...]] = [(word("name", lang), name), (word("kana", lang), BLANK)]
    rows += [(word(key, lang), BLANK) for key in ("address", "phone", "birth", "signature")]
    return Section("holder", word("holder", lang), (
        Table((word("item", lang), word("entry", lang)), tuple(rows), css="form"),))


def _account(claim: Claim, lang: str) -> Section:
    holder = claim.holder
    values: list[tuple[str, Inline]] = [
        ("bank", holder.bank or BLANK), ("branch", holder.branch or BLANK),
        ("branch_no", Fixed(holder.branch_no) if holder.branch_no else BLANK), ("kind", BLANK),
        ("number_full", BLANK),
        ("number_last", Fixed(holder.account) if holder.account else BLANK)]
    rows = tuple((word(key, lang), value) for key, value in values)
    blocks: list[Block] = [Table((word("item", lang), word("entry", lang)), rows, css="form")]
    if holder.account:
        blocks.append(Para((word("masked", lang),), "note"))
    return Section("account", word("account", lang), tuple(blocks))


def _summary(claim: Claim, lang: str) -> Section:
    if claim.first is None or claim.last is None:
        return Section("summary", word("summary", lang), (Para((word("nothing", lang),)),))
    # One day is said as one day, not "from 27 August to 27 August".
    sentence = say("summary_one_day" if claim.first == claim.last else "summary_text", lang,
                   first=long_date(claim.first, lang), last=long_date(claim.last, lang),
                   day=long_date(claim.first, lang), count=Fixed(str(len(claim.claimed))),
                   total=money(claim.total, lang), services=facts.services(claim, lang))
    per_service = Lines(tuple(
        flat("per_service", lang, name=name, count=str(count), total=money(total, lang))
        for name, count, total in claim.services(lang)))
    rows: tuple[tuple[Cell, ...], ...] = (
        (word("count", lang), flat("items", lang, count=str(len(claim.claimed)))),
        (word("total", lang), money(claim.total, lang)),
        *_days(claim.first, claim.last, lang),
        (word("services", lang), per_service),
    )
    return Section("summary", word("summary", lang), (
        Para(sentence), Table((word("item", lang), word("entry", lang)), rows, css="form")))


def _days(first: date, last: date, lang: str) -> tuple[tuple[Cell, ...], ...]:
    if first == last:
        return ((word("day", lang), long_date(first, lang)),)
    return ((word("first", lang), long_date(first, lang)),
            (word("last", lang), long_date(last, lang)))


def _chart(claim: Claim, lang: str) -> Section | None:
    # Only what the letter is about: the holder's ordinary spending is none of the bank's
    # business here, and each bar's tooltip would carry it into the file.
    points = [Point(d.when, d.amount, kind) for d in claim.debits
              if (kind := claim.kind_of(d)) != "other"]
    if not points:
        return None
    labels = {"title": word("chart", lang), "claimed": word("legend_claimed", lang),
              "apart": word("legend_apart", lang), "other": word("legend_other", lang)}
    caption = "chart_caption_apart" if any(p.kind == "apart" for p in points) else "chart_caption"
    chart = Chart(timeline_svg(points, labels, lang), word(caption, lang))
    return Section("chart", word("chart", lang), (chart,))


def _finding_cells(entry: Entry, claim: Claim, lang: str) -> tuple[Cell, ...]:
    # The descriptor and the reasons are plain str: untrusted, escaped in full by renderers.
    finding = entry.finding
    return (Fixed(finding.date.isoformat()), finding.time or Fixed("—"), finding.description,
            entry.service(lang), money(finding.amount, lang),
            letter_reasons(entry, claim, lang))


def _table(claim: Claim, lang: str) -> Section:
    if not claim.claimed:
        return Section("claims", word("table", lang), (Para((word("nothing", lang),)),))
    headers = tuple(word(k, lang) for k in ("no", "date", "time", "descriptor", "service",
                                              "amount", "why"))
    rows = tuple((Fixed(str(number)), *_finding_cells(e, claim, lang))
                 for number, e in enumerate(claim.claimed, start=1))
    foot: tuple[Cell, ...] = ("", "", "", "", word("sum", lang), money(claim.total, lang), "")
    table = Table(headers, rows, numeric=frozenset({0, 5}), nowrap=frozenset({1, 2, 4}),
                  wide=frozenset({6}), foot=foot, css="claims")
    return Section("claims", word("table", lang), (table,))


def _requests(claim: Claim, lang: str) -> Section:
    # The holder denies registering only with services they do not use (see facts).
    strangers = claim.strangers(lang)
    statement = (say("statement", lang, services=listing(strangers, lang)) if strangers else
                 say("statement_known", lang, services=facts.services(claim, lang)))
    asks = (say("investigate", lang), say("stop", lang),
            say("refund", lang, total=money(claim.total, lang)), say("reply", lang))
    blocks: list[Block] = [Para(statement), Items(asks, "ordered")]
    if word("closing", lang):
        blocks.append(Para((word("closing", lang),), "closing"))
    return Section("requests", word("requests", lang), tuple(blocks))


def _actions(claim: Claim, lang: str) -> Section:
    services = facts.services(claim, lang)
    items = (say("operator", lang, services=services, date=BLANK, ref=BLANK),
             say("police", lang, date=BLANK), say("secrets", lang))
    return Section("actions", word("actions", lang), (
        Para((word("actions_note", lang),), "note"), Items(items, "check")))


def _precedent(lang: str) -> Section:
    return Section("precedent", word("precedent", lang), (Para(say("precedent_text", lang)),))


def _sources(claim: Claim, lang: str) -> Section:
    headers = tuple(word(k, lang) for k in ("file", "bank", "period", "rows", "sha256"))
    rows = tuple((source.name, source.bank_in(lang) or "", _period(source.period, lang),
                  Fixed(f"{source.rows:,}"), Fixed(source.sha256))
                 for source in claim.sources)
    note = Para(say("sources_note", lang, version=Fixed(claim.version)), "note")
    return Section("sources", word("sources", lang), (
        Table(headers, rows, numeric=frozenset({3}), nowrap=frozenset({1, 2}), css="sources"),
        note))


def _period(period: tuple[date, date] | None, lang: str) -> Fixed:
    if period is None:
        return Fixed("—")
    return flat("to_date", lang, first=period[0].isoformat(), last=period[1].isoformat())


def _review(claim: Claim, lang: str) -> Section:
    headers = tuple(word(k, lang) for k in ("date", "time", "descriptor", "service", "amount",
                                              "why", "status"))
    rows = tuple((*_finding_cells(e, claim, lang), _status(e, lang))
                 for e in claim.apart)
    return Section("review", word("review", lang), (
        Para((word("review_note", lang),), "note"),
        Table(headers, rows, numeric=frozenset({4}), nowrap=frozenset({0, 1, 3}),
              wide=frozenset({5}), css="claims")))


def _status(entry: Entry, lang: str) -> Fixed:
    return word(entry.status.value, lang)

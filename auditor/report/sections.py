"""Lay the claim out as the draft's sections, in one language; renderers only format them."""

from __future__ import annotations

from datetime import date

from auditor.models import Finding
from auditor.report.blocks import (BLANK, Block, Cell, Chart, Document, Fixed, Inline, Items,
                                   Lines, Para, Section, Table)
from auditor.report.claim import Claim, Entry
from auditor.report.timeline import Point, timeline_svg
from auditor.report.words import flat, listing, long_date, money, say, word


def build_document(claim: Claim, lang: str) -> Document:
    """The draft for the bank, in reading order; the part for the holder only comes last."""
    sections = [_opening(claim, lang), _holder(claim, lang), _account(claim, lang),
                _summary(claim, lang), _chart(claim, lang), _table(claim, lang),
                _requests(claim, lang), _actions(claim, lang), _precedent(lang),
                _sources(claim, lang), _review(claim, lang) if claim.apart else None]
    return Document(word("title", lang), lang, tuple(s for s in sections if s is not None))


def _opening(claim: Claim, lang: str) -> Section:
    bank: Inline = claim.holder.bank or BLANK
    return Section("opening", None, (
        Para((word("draft", lang),), "draft"),
        Para(say("dated", lang, date=long_date(claim.generated, lang)), "meta"),
        Para(say("to", lang, bank=bank), "to"),
    ))


def _holder(claim: Claim, lang: str) -> Section:
    name: Inline = claim.holder.name or BLANK
    rows: list[tuple[Cell, ...]] = [(word("name", lang), name)]
    rows += [(word(key, lang), BLANK) for key in ("address", "phone", "birth", "signature")]
    return Section("holder", word("holder", lang), (
        Table((word("item", lang), word("entry", lang)), tuple(rows), css="form"),))


def _account(claim: Claim, lang: str) -> Section:
    holder = claim.holder
    values: list[tuple[str, Inline]] = [
        ("bank", holder.bank or BLANK), ("branch", holder.branch or BLANK),
        ("kind", BLANK), ("number", Fixed(holder.account) if holder.account else BLANK)]
    rows = tuple((word(key, lang), value) for key, value in values)
    blocks: list[Block] = [Table((word("item", lang), word("entry", lang)), rows, css="form")]
    if holder.account:
        blocks.append(Para((word("masked", lang),), "note"))
    return Section("account", word("account", lang), tuple(blocks))


def _services(claim: Claim, lang: str) -> Fixed:
    return listing([name for name, _count, _total in claim.services(lang)], lang)


def _summary(claim: Claim, lang: str) -> Section:
    if claim.first is None or claim.last is None:
        return Section("summary", word("summary", lang), (Para((word("nothing", lang),)),))
    sentence = say("summary_text", lang, first=long_date(claim.first, lang),
                   last=long_date(claim.last, lang), count=Fixed(str(len(claim.claimed))),
                   total=money(claim.total, lang), services=_services(claim, lang))
    per_service = Lines(tuple(
        flat("per_service", lang, name=name, count=str(count), total=money(total, lang))
        for name, count, total in claim.services(lang)))
    rows: tuple[tuple[Cell, ...], ...] = (
        (word("count", lang), flat("items", lang, count=str(len(claim.claimed)))),
        (word("total", lang), money(claim.total, lang)),
        (word("first", lang), long_date(claim.first, lang)),
        (word("last", lang), long_date(claim.last, lang)),
        (word("services", lang), per_service),
    )
    return Section("summary", word("summary", lang), (
        Para(sentence), Table((word("item", lang), word("entry", lang)), rows, css="form")))


def _chart(claim: Claim, lang: str) -> Section | None:
    points = [Point(d.when, d.amount, claim.kind_of(d)) for d in claim.debits]
    if not points:
        return None
    labels = {"title": word("chart", lang), "claimed": word("legend_claimed", lang),
              "apart": word("legend_apart", lang), "other": word("legend_other", lang)}
    caption = "chart_caption_apart" if any(p.kind == "apart" for p in points) else "chart_caption"
    chart = Chart(timeline_svg(points, labels, lang), word(caption, lang))
    return Section("chart", word("chart", lang), (chart,))


def _finding_cells(finding: Finding, service: str, lang: str) -> tuple[Cell, ...]:
    # The descriptor and the reasons are plain str: untrusted, escaped in full by renderers.
    return (Fixed(finding.date.isoformat()), finding.time or Fixed("—"), finding.description,
            service, money(finding.amount, lang),
            Lines(tuple(reason.text(lang) for reason in finding.reasons)))


def _table(claim: Claim, lang: str) -> Section:
    if not claim.claimed:
        return Section("claims", word("table", lang), (Para((word("nothing", lang),)),))
    headers = tuple(word(k, lang) for k in ("no", "date", "time", "descriptor", "service",
                                              "amount", "why"))
    rows = tuple((Fixed(str(number)), *_finding_cells(e.finding, e.service(lang), lang))
                 for number, e in enumerate(claim.claimed, start=1))
    foot: tuple[Cell, ...] = ("", "", "", "", word("sum", lang), money(claim.total, lang), "")
    table = Table(headers, rows, numeric=frozenset({0, 5}), nowrap=frozenset({1, 2, 4}),
                  wide=frozenset({6}), foot=foot, css="claims")
    return Section("claims", word("table", lang), (table,))


def _requests(claim: Claim, lang: str) -> Section:
    services = _services(claim, lang) or word("unknown", lang)
    asks = (say("investigate", lang), say("stop", lang),
            say("refund", lang, total=money(claim.total, lang)), say("reply", lang))
    blocks: list[Block] = [Para(say("statement", lang, services=services)),
                           Items(asks, "ordered")]
    if word("closing", lang):
        blocks.append(Para((word("closing", lang),), "closing"))
    return Section("requests", word("requests", lang), tuple(blocks))


def _actions(claim: Claim, lang: str) -> Section:
    services = _services(claim, lang) or word("unknown", lang)
    items = (say("operator", lang, services=services, date=BLANK, ref=BLANK),
             say("police", lang, date=BLANK, ref=BLANK), say("secrets", lang))
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
    rows = tuple((*_finding_cells(e.finding, e.service(lang), lang), _status(e, lang))
                 for e in claim.apart)
    return Section("review", word("review", lang), (
        Para((word("review_note", lang),), "note"),
        Table(headers, rows, numeric=frozenset({4}), nowrap=frozenset({0, 1, 3}),
              wide=frozenset({5}), css="claims")))


def _status(entry: Entry, lang: str) -> Fixed:
    return word(entry.status.value, lang)

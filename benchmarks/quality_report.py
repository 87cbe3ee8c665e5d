"""The quality report: per-class table, targets, cases, misses and false alarms; JSON too."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from quality_score import Outcome, Score, Tally


def shown(text: object) -> str:
    """A descriptor safe to print: invisible and control characters as \\uXXXX."""
    out = []
    for ch in str(text):
        hidden = unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") or (
            unicodedata.category(ch) == "Zs" and ch not in " \u3000")
        out.append(f"\\u{ord(ch):04x}" if hidden else ch)
    return "".join(out)


def yen(amount: object) -> str:
    """¥1,234."""
    return f"¥{int(amount):,}"


def rate(value: float | None) -> str:
    """A ratio to three places, or n/a."""
    return "n/a" if value is None else f"{value:.3f}"


def class_rows(score: Score) -> list[list[str]]:
    """One row per class: expect, rows, at ≥ medium, recall (flag) or false alarms (others)."""
    def order(item: tuple[str, Tally]) -> tuple[int, str]:
        head = item[0].split("/")[0]
        rank = ["fraud", "spelling", "truncation", "flag", "refund", "lookalike", "habit",
                "own_wallet", "other", "ordinary"]
        return (rank.index(head) if head in rank else len(rank), item[0])

    rows = []
    for cls, tally in sorted(score.classes.items(), key=order):
        flag = tally.expect == "flag"
        rows.append([cls, tally.expect, f"{tally.rows:,}", f"{tally.severe:,}",
                     rate((tally.rows - tally.wrong) / tally.rows if flag and tally.rows else None)
                     if flag else "-", "-" if flag else f"{tally.wrong:,}"])
    return rows


CLASS_HEAD = ["class", "expect", "rows", "at ≥ medium", "recall", "false alarms"]


def table(head: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    """Plain columns, or a Markdown table."""
    if markdown:
        line = "| " + " | ".join(head) + " |"
        rule = "|" + "|".join("---" if i < 2 else "---:" for i in range(len(head))) + "|"
        return [line, rule] + ["| " + " | ".join(r) + " |" for r in rows]
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w)  # noqa: E731
                              for i, (c, w) in enumerate(zip(r, widths, strict=True)))
    return [fmt(head)] + [fmt(r) for r in rows]


def target_lines(score: Score) -> list[str]:
    """The overall figures, each target with PASS/FAIL, and the verdict."""
    figures, out = score.figures(), []
    out.append(f"overall: recall {rate(figures['recall'])} ({figures['tp']:,} of "
               f"{figures['tp'] + figures['fn']:,} rows to flag), precision "
               f"{rate(figures['precision'])} ({figures['tp']:,} of "
               f"{figures['tp'] + figures['fp']:,} rows at ≥ medium)")
    for target in score.targets():
        sign = "≥" if target["kind"] == "min" else "="
        value = target["value"]
        value = "n/a" if value is None else rate(value) if isinstance(value, float) else value
        out.append(f"  {target['what']} {sign} {target['target']}: {value}  {target['status']}")
    failed = [t for t in score.targets() if t["status"] == "FAIL"]
    out.append(f"result: {'FAIL' if failed else 'PASS'}"
               + (f" ({len(failed)} of {len(score.targets())} targets missed)" if failed else ""))
    return out


def case_rows(score: Score) -> list[list[str]]:
    """Recall and precision per statement case (or per file of a reference folder)."""
    rows = []
    for case, box in sorted(score.cases.items()):
        caught, flag, fp = box["tp"], box["flag"], box["fp"]
        rows.append([case, f"{flag:,}", rate(caught / flag if flag else None), f"{fp:,}",
                     rate(caught / (caught + fp) if caught + fp else None)])
    return rows


def said(finding: Mapping[str, Any] | None) -> str:
    """What the scan said about a row, in a few words."""
    if finding is None:
        return "no finding"
    refund = " refunded" if finding.get("refund") else ""
    rules = ",".join(finding.get("rules") or ())
    return f"{finding.get('severity')}{refund} ({rules})"


def wrong_lines(outcomes: list[Outcome], limit: int | None) -> list[str]:
    """One line per wrong row: where, class, date, amount, descriptor, what the scan said."""
    out = []
    for o in outcomes[:limit]:
        where = f"{o.file}:{o.line}" if o.line is not None else f"{o.file}:-"
        source = o.label or o.finding or {}
        code = source.get("code") or ""
        text = source.get("text", source.get("description", ""))
        printed = shown(f"{code} {text}".strip()) or "(date and amount only)"
        out.append(f"  {where}  {o.cls}  {source.get('date', '')}  "
                   f"{yen(source.get('amount', 0))}  {printed}  -> {said(o.finding)}")
    if limit is not None and len(outcomes) > limit:
        out.append(f"  ... and {len(outcomes) - limit:,} more (--list 0 shows all)")
    return out


def report(score: Score, head: list[str], notes: list[str], markdown: bool,
           limit: int | None, by: str = "statement case") -> str:
    """The whole text report."""
    lines = head + [""] + table(CLASS_HEAD, class_rows(score), markdown) + [""]
    lines += target_lines(score) + [""]
    if score.cases:
        lines += [f"by {by}:"] + table(
            [by.split()[-1], "rows to flag", "recall", "false alarms", "precision"], case_rows(score),
            markdown) + [""]
    wrong = sorted(score.wrong, key=lambda o: (o.file, o.line or 0))
    misses = [o for o in wrong if o.expect == "flag"]
    alarms = [o for o in wrong if o.expect != "flag"]
    lines += [f"misses ({len(misses):,}):"] + wrong_lines(misses, limit) + [""]
    lines += [f"false alarms ({len(alarms):,}):"] + wrong_lines(alarms, limit)
    if notes:
        lines += ["", "notes:"] + [f"  {note}" for note in notes]
    return "\n".join(lines) + "\n"


def as_json(score: Score, meta: dict[str, Any]) -> dict[str, Any]:
    """The figures for --json."""
    def one(o: Outcome) -> dict[str, Any]:
        source = o.label or o.finding or {}
        return {"file": o.file, "line": o.line, "class": o.cls, "expect": o.expect,
                "date": source.get("date"), "amount": source.get("amount"),
                "text": source.get("text", source.get("description")),
                "severity": o.finding.get("severity") if o.finding else None,
                "refund": o.finding.get("refund") if o.finding else None}

    return {"schema": 1, **meta, "overall": score.figures(), "targets": score.targets(),
            "pass": not any(t["status"] == "FAIL" for t in score.targets()),
            "classes": {c: vars(t) for c, t in score.classes.items()},
            "cases": {c: dict(box) for c, box in score.cases.items()},
            "misses": [one(o) for o in score.wrong if o.expect == "flag"],
            "false_alarms": [one(o) for o in score.wrong if o.expect != "flag"]}

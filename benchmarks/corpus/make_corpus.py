"""Write the labelled quality corpus: a year of account life per statement, with labelled cases.

Deterministic (a fixed seed, the standard library only); the statements are rendered by
sample_statements/make_samples.py's bank layouts. Run it after changing anything here:

    python benchmarks/corpus/make_corpus.py            # rewrites benchmarks/corpus/
    python benchmarks/corpus/make_corpus.py --out DIR  # writes elsewhere (the tests do)
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from corpus_cases import PATTERNS, refunds, spelling_row
from corpus_life import habits, household, lookalikes, ordinary_life
from corpus_model import CLASSES, Ctx, Item, Label, ms
from corpus_stories import REFUND_POOL, STORIES, Story, case_window, placements
from corpus_wallets import WALLETS

HERE = Path(__file__).resolve().parent
SEED = "auditor/quality-corpus/v1"


@dataclass(frozen=True)
class Made:
    """One generated statement: its file name, bytes and label entry."""

    name: str
    data: bytes
    entry: dict[str, object]


def account(layout_id: str, rng: random.Random) -> str:
    """A made-up account number in the form the bank's preamble or column prints."""
    if layout_id == "yucho":
        return f"1{rng.randrange(1000, 9999)}-{rng.randrange(10**7, 10**8)}"
    if layout_id == "kyoto":
        return f"{rng.randrange(10**6, 10**7)}"
    return f"{rng.randrange(100, 999)}-{rng.randrange(10**6, 10**7)}"


def items_of(index: int, story: Story, ctx: Ctx) -> list[Item]:
    """Every transaction of one statement, labelled where a scan must say something."""
    start = ctx.start
    home = household(ctx, story.own)
    items = ordinary_life(ctx, home) + lookalikes(ctx, home)
    cls = "habit/allowed" if story.allow else "habit/first-run"
    items += habits(ctx, story.own, cls, small=story.scenario in ("allowed-spike", "night-burst"))
    if story.scenario in PATTERNS:
        day = date.fromisoformat(story.day) if story.day else None
        items += PATTERNS[story.scenario](ctx, story.target, story.variant, day)
    if story.scenario == "refunds":
        whole = (ctx.end - ctx.start).days - 95  # alive for the whole of the cases' window
        pool = tuple(w for w in REFUND_POOL if story.takes(w, ctx.start, days=whole))
        items += refunds(ctx, pool, 4, 3)
    items += [spelling_row(ctx, spelling, case_window(WALLETS[spelling.wallet], start, ctx.end))
              for spelling in placements()[index]]
    inside: list[Item] = []
    for item in items:
        if ctx.start <= item[0].when.date() <= ctx.end:
            inside.append(item)
        else:  # monthly bills just outside the year go; a labelled case must never
            assert item[1] is None, (story, item)
    return sorted(inside, key=lambda item: item[0].when)


def make(index: int, story: Story) -> Made:
    """Generate, render and label one statement."""
    layout = ms.LAYOUT_BY_ID[story.layout]
    rng = random.Random(f"{SEED}:{index}:{story.layout}:{story.scenario}")
    start, end = story.period
    ctx = Ctx(layout, start, end, story.allow_list, rng)
    items = items_of(index, story, ctx)
    plan = ms.Plan(layout.id, start.isoformat(), end.isoformat(), story.scenario, story.about,
                   own=tuple((w, "") for w in story.own), account=account(layout.id, rng))
    statement = ms.assemble(layout, plan, [txn for txn, _ in items],
                            rng.randrange(30, 150) * 10000)
    lines = ms.row_lines(statement)
    labels = [label_entry(statement, statement.rows[i], lines[i + 1], label)
              for i, (_, label) in enumerate(items) if label is not None]
    name = f"{index:02d}_{layout.id}_{story.scenario}.csv"
    entry = {"layout": layout.id, "bank": layout.bank, "encoding": layout.encoding,
             "scenario": story.scenario, "first_run": not story.allow,
             "allow": list(story.allow_list), "own": list(story.own), "about": story.about,
             "rows": len(statement.rows), "labels": labels}
    return Made(name, ms.render(statement), entry)


def shown(layout: ms.Layout, text: str) -> str:
    """A cell as the bank writes it and a reader decodes it."""
    return layout.kana(text).encode(layout.encoding).decode(layout.encoding)


def label_entry(st: ms.Statement, row: ms.Row, line: int, label: Label) -> dict[str, object]:
    """The labels.json entry of one labelled row."""
    txn, layout = row.txn, st.layout
    entry: dict[str, object] = {
        "line": line, "class": label.cls, "expect": label.expect,
        "dir": "credit" if txn.credit else "debit", "amount": txn.credit or txn.debit,
        "date": txn.when.date().isoformat(),
    }
    if "hour" in layout.columns:  # the only banks that print the time of day
        entry["time"] = f"{txn.when:%H:%M:%S}"
    if label.wallet:
        entry["wallet"] = label.wallet
    if "code" in layout.columns:
        entry["code"] = shown(layout, txn.code)
    entry["text"] = shown(layout, txn.text)
    return entry


def dumps(value: object) -> str:
    """JSON with Japanese as it is, but invisible characters as \\uXXXX (readable in a diff)."""
    text = json.dumps(value, ensure_ascii=False)
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cf", "Cc")
                   or (unicodedata.category(ch) == "Zs" and ch not in " \u3000") else ch
                   for ch in text)


def labels_json(made: list[Made]) -> str:
    """labels.json, one label a line so that a change reads well in a diff."""
    head = {"schema": 1, "generator": "benchmarks/corpus/make_corpus.py", "seed": SEED,
            "expect": {"flag": "a finding of medium or high severity that counts toward the "
                               "money at risk (no refund)",
                       "quiet": "no finding of medium or high severity",
                       "refunded": "no finding that counts toward the money at risk"},
            "unlabelled": "every row not labelled is ordinary and expected quiet",
            "classes": CLASSES}
    out = ["{"] + [f" {json.dumps(k)}: {dumps(v)}," for k, v in head.items()] + [' "files": {']
    for number, one in enumerate(made):
        meta = {k: v for k, v in one.entry.items() if k != "labels"}
        out.append(f"  {json.dumps(one.name)}: {dumps(meta)[:-1]},")
        out.append('   "labels": [')
        rows = [f"    {dumps(label)}" for label in one.entry["labels"]]
        out.append(",\n".join(rows))
        out.append("  ]}" + ("," if number < len(made) - 1 else ""))
    return "\n".join(out + [" }", "}"]) + "\n"


def generate(out: Path) -> list[Made]:
    """Write every statement to out/statements/ and out/labels.json; return what was made."""
    made = [make(index, story) for index, story in enumerate(STORIES, start=1)]
    folder = out / "statements"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for one in made:
        (folder / one.name).write_bytes(one.data)
    (out / "labels.json").write_text(labels_json(made), encoding="utf-8", newline="\n")
    return made


def main(argv: list[str] | None = None) -> int:
    """Regenerate the corpus (default: next to this script)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write (default: here)")
    args = parser.parse_args(argv)
    made = generate(args.out)
    rows = sum(one.entry["rows"] for one in made)
    labelled = sum(len(one.entry["labels"]) for one in made)
    print(f"{len(made)} statements, {rows} rows, {labelled} labelled, in {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A synthetic bank: per-account statement files, or one back-office export of many accounts.

N accounts over M months. A few percent of them are hit by the 2020 patterns (the ドコモ口座
burst, a PayPay drip, a spike on the holder's own wallet, d払い, totals near a service's cap);
every other row is ordinary life: pay, rent, bills, cash, shopping, the holder's own wallet
top-ups and same-brand card bills. Deterministic from the seed, vectorised with numpy (no
Python loop per row of the export), written in chunks. See benchmarks/README.md.

    python benchmarks/make_bank.py files --accounts 10000 --rows 50 OUT
    python benchmarks/make_bank.py export --accounts 200000 --rows 50 OUT.csv
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE / "bank"), str(HERE / "corpus")]

from bank_model import Bank  # noqa: E402
from bank_write import write_export, write_files  # noqa: E402
from corpus_model import ms  # noqa: E402

# JA Bank prints no year: a folder scanned without --year would read it in the wrong year.
FILE_LAYOUTS = tuple(layout.id for layout in ms.LAYOUTS if layout.id != "ja_bank")


def month(text: str) -> date:
    """YYYY-MM as the first day of that month."""
    try:
        return date.fromisoformat(f"{text}-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month like 2020-06: {text!r}") from None


def layouts(text: str) -> tuple[str, ...]:
    """A comma-separated list of make_samples layout ids."""
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [one for one in chosen if one not in ms.LAYOUT_BY_ID]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown layout(s) {', '.join(unknown) or '(none)'}; "
                                         f"known: {', '.join(ms.LAYOUT_BY_ID)}")
    return chosen


def share(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("a share from 0 to 1, such as 0.03")
    return value


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make_bank.py", description=__doc__.splitlines()[0])
    modes = parser.add_subparsers(dest="mode", required=True)
    for mode, about in (("files", "one statement file per account, in the bank layouts"),
                        ("export", "one CSV of every account, 全銀協 13 columns (CP932)")):
        sub = modes.add_parser(mode, help=about, description=about)
        sub.add_argument("out", nargs="?", type=Path, help="folder (files) or file (export) to "
                         "write; default under the system temp folder")
        sub.add_argument("--accounts", type=int, default=10_000 if mode == "files" else 200_000)
        sub.add_argument("--rows", type=float, default=50.0, help="mean rows per account")
        sub.add_argument("--months", type=int, default=4)
        sub.add_argument("--start", type=month, default=date(2020, 6, 1),
                         help="first month, YYYY-MM (default 2020-06)")
        sub.add_argument("--seed", default="1")
        sub.add_argument("--hit-share", type=share, default=0.03,
                         help="share of accounts hit by a 2020 pattern (default 0.03)")
        if mode == "files":
            sub.add_argument("--layouts", type=layouts, default=FILE_LAYOUTS,
                             help="comma-separated layout ids (default: all but ja_bank)")
        else:
            sub.add_argument("--order", choices=("account", "date"), default="account",
                             help="rows grouped by account, or by day across accounts")
    args = parser.parse_args(argv)
    if args.accounts < 1 or args.months < 1 or args.rows <= 0:
        parser.error("--accounts, --months and --rows must be positive")
    return args


def default_out(args: argparse.Namespace) -> Path:
    base = Path(tempfile.gettempdir()) / "auditor-bank"
    name = f"{args.mode}-{args.accounts}x{args.rows:g}-m{args.months}-s{args.seed}"
    return base / (name if args.mode == "files" else f"{name}-{args.order}.csv")


def main(argv: list[str] | None = None) -> int:
    """Generate the bank the options describe; a one-line summary goes to stderr."""
    args = parse(argv)
    out = args.out or default_out(args)
    bank = Bank(accounts=args.accounts, rows=args.rows, months=args.months, start=args.start,
                seed=args.seed, hit_share=args.hit_share,
                layouts=args.layouts if args.mode == "files" else ("kyoto",))
    began = time.perf_counter()
    try:
        if args.mode == "files":
            made = write_files(bank, out)
        else:
            made = write_export(bank, out, args.order)
    except (ValueError, OSError) as exc:
        print(f"make_bank.py: {exc}", file=sys.stderr)
        return 2
    what = (f"{made.files:,} statements" if args.mode == "files"
            else f"{made.extra['bytes']:,} bytes")
    print(f"{what}, {made.rows:,} rows of {bank.accounts:,} accounts, {made.hit_accounts:,} "
          f"hit ({made.flag_rows:,} rows to flag), in {out} "
          f"({time.perf_counter() - began:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

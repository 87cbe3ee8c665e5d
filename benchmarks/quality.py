"""Detection quality: run `auditor scan` over the labelled corpus, print recall and precision.

    python benchmarks/quality.py                      # the corpus in benchmarks/corpus/
    python benchmarks/quality.py --json quality.json  # also the figures as JSON
    python benchmarks/quality.py --reference DIR      # statements with a truth.json instead

It runs the installed `auditor` (next to this interpreter, else on PATH) through its stable
JSON output, as a user would, with a config, state and answers of its own. The exit status
is 0 whatever the figures (it is a report); 2 when it cannot run (bad option, missing
corpus, auditor failing). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bench import find_auditor
from quality_report import as_json, report
from quality_score import Score, score_corpus, score_reference

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


class Trouble(Exception):
    """The report cannot be made (exit 2)."""


# --- running auditor ------------------------------------------------------------------------


Group = tuple[tuple[str, ...], int | None]  # the allow list, and the year for --year


def scan(auditor: list[str], groups: Mapping[Group, list[Path]]
         ) -> tuple[dict[str, list[dict]], dict[str, dict], int]:
    """Scan each group of files with its allow list; findings and file reports by file name."""
    findings: dict[str, list[dict]] = {}
    reports: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="auditor-quality-") as tmp:
        work, env = Path(tmp), isolated_env(Path(tmp))
        for number, ((allow, year), paths) in enumerate(sorted(groups.items(), key=str)):
            names = link(work / f"g{number}", paths)  # short names: no path or digit is masked
            out = work / f"g{number}.json"
            argv = [*auditor, "scan", *names, "--format", "json", "--output", str(out),
                    "--quiet", "--lang", "en", "--config", str(work / "config.toml"),
                    "--answers", str(work / "answers.json"),
                    *(arg for wallet in allow for arg in ("--allow", wallet)),
                    *(("--year", str(year)) if year else ())]
            run = subprocess.run(argv, cwd=work / f"g{number}", env=env, capture_output=True,
                                 text=True, check=False)
            if run.returncode not in (0, 1, 3) or not out.exists():
                last = (run.stderr.strip().splitlines() or ["no message"])[-1]
                raise Trouble(f"auditor scan exited {run.returncode}: {last}")
            data = json.loads(out.read_text(encoding="utf-8"))
            back = dict(zip(names, (p.name for p in paths), strict=True))
            for one in data["files"]:
                reports[back.get(one["path"], one["path"])] = one
            for finding in data["findings"]:
                findings.setdefault(back.get(finding["file"], finding["file"]), []).append(finding)
    return findings, reports, len(groups)


def isolated_env(home: Path) -> dict[str, str]:
    """The user's own config, state and answers must not change the figures."""
    (home / "config.toml").write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    env.update({"XDG_CONFIG_HOME": str(home / "xdg-config"), "XDG_STATE_HOME": str(home / "xdg"),
                "XDG_DATA_HOME": str(home / "xdg-data"), "NO_COLOR": "1", "LANG": "C.UTF-8"})
    env.pop("LC_ALL", None)
    return env


def link(folder: Path, paths: list[Path]) -> list[str]:
    """Give each statement a short name in folder (a link, else a copy); return the names."""
    folder.mkdir()
    names = []
    for index, path in enumerate(paths):
        name = f"s{index:03d}{path.suffix}"
        try:
            (folder / name).symlink_to(path.resolve())
        except OSError:
            (folder / name).write_bytes(path.read_bytes())
        names.append(name)
    return names


def auditor_version(auditor: list[str]) -> str:
    """What `auditor --version` says."""
    run = subprocess.run([*auditor, "--version"], capture_output=True, text=True, check=False)
    return run.stdout.strip() or "unknown"


# --- inputs ---------------------------------------------------------------------------------


def load_json(path: Path) -> Any:
    """A JSON file, or Trouble naming it."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Trouble(f"{path}: not found") from None
    except (OSError, ValueError) as exc:
        raise Trouble(f"{path}: cannot read it ({exc})") from None


def groups_of(entries: Mapping[str, Mapping[str, Any]], folder: Path) -> dict[Group, list[Path]]:
    """Files by allow list, one scan each; a truth that gives the period also gives --year
    (for banks that print dates without a year, as JA Bank does)."""
    out: dict[Group, list[Path]] = {}
    for name, entry in entries.items():
        path = folder / name
        if not path.is_file():
            raise Trouble(f"{path}: listed but missing")
        start = (entry.get("period") or {}).get("from")
        year = int(str(start)[:4]) if start else None
        out.setdefault((tuple(sorted(entry.get("allow", ()))), year), []).append(path)
    return out


def unread(reports: Mapping[str, Mapping[str, Any]], names: Iterable[str]) -> list[str]:
    """Lines about files the scan could not read, or read only in part."""
    out = []
    for name in names:
        report = reports.get(name)
        if report is None or report.get("error"):
            out.append(f"{name}: not read ({(report or {}).get('error', 'not in the output')})")
        elif report.get("rejected"):
            out.append(f"{name}: {len(report['rejected'])} row(s) rejected")
    return out


# --- main -----------------------------------------------------------------------------------


def measure(args: argparse.Namespace) -> tuple[Score, list[str], list[str], dict[str, Any]]:
    """Scan and score the corpus or the reference folder."""
    auditor, _ = find_auditor(args.auditor)
    if args.reference is not None:
        folder, entries = args.reference, load_json(args.reference / "truth.json")
        what = f"reference statements in {args.reference}"
    else:
        labels = load_json(args.corpus / "labels.json")
        folder, entries = args.corpus / "statements", labels["files"]
        what = "the labelled corpus"
    started = time.perf_counter()
    findings, reports, scans = scan(auditor, groups_of(entries, folder))
    seconds = time.perf_counter() - started
    score = (score_reference(entries, findings) if args.reference is not None
             else score_corpus(entries, findings))
    rows = sum(int(e.get("rows", 0)) for e in entries.values())
    labelled = sum(len(e.get("labels", ())) for e in entries.values())
    version = auditor_version(auditor)
    head = [f"{version} on {what}: {len(entries)} statements, {rows:,} rows"
            + (f" ({labelled:,} labelled)" if labelled else "")
            + f", {len({e.get('layout') for e in entries.values()})} layouts; "
            f"{scans} scans in {seconds:.1f} s"]
    meta = {"auditor": version, "input": what, "statements": len(entries), "rows": rows,
            "labelled": labelled, "scans": scans, "seconds": round(seconds, 2)}
    return score, head, unread(reports, entries), meta


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line (argparse exits 2 on a usage error)."""
    parser = argparse.ArgumentParser(
        description="Recall and precision of auditor scan at ≥ medium over labelled statements.")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    parser.add_argument("--reference", type=Path, metavar="DIR",
                        help="score DIR/*.csv against DIR/truth.json instead of the corpus")
    parser.add_argument("--corpus", type=Path, default=CORPUS, metavar="DIR",
                        help="the corpus folder (labels.json, statements/); default: %(default)s")
    parser.add_argument("--auditor", metavar="PATH", help="the auditor command to run "
                        "(default: next to this interpreter, else on PATH)")
    parser.add_argument("--markdown", action="store_true", help="tables in Markdown")
    parser.add_argument("--list", type=int, default=None, metavar="N",
                        help="show at most N misses and N false alarms (default: all)")
    args = parser.parse_args(argv)
    if args.list is not None and args.list < 0:
        parser.error("--list must be 0 or more")
    return args


def main(argv: list[str] | None = None) -> int:
    """Measure, print the report, write --json; 0 whatever the figures, 2 if it cannot run."""
    args = parse(argv)
    try:
        score, head, notes, meta = measure(args)
    except Trouble as exc:
        print(f"quality.py: {exc}", file=sys.stderr)
        return 2
    limit = None if not args.list else args.list
    by = "file" if args.reference is not None else "statement case"
    sys.stdout.write(report(score, head, notes, args.markdown, limit, by))
    if args.json is not None:
        args.json.write_text(json.dumps(as_json(score, meta), ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

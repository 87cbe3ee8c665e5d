"""Score `auditor scan --format json` findings against labels: recall and precision at ≥ medium.

Pure arithmetic (no files, no processes), so that it can be checked on small hand-made input.
A finding *counts* when its severity is medium or high and its "refund" key is absent or
null; it *alarms* when its severity is medium or high, refunded or not.

- a row labelled `flag` is caught when its finding counts;
- a row labelled `quiet` (and every row not labelled) is right when no finding alarms;
- a row labelled `refunded` is right when no finding counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Finding = Mapping[str, Any]
SEVERE = frozenset({"medium", "high"})
ORDINARY = "ordinary"
TARGETS = (  # (key, what, bound, kind): kind "min" = at least, "max" = at most
    ("recall", "recall at ≥ medium", 0.99, "min"),
    ("precision", "precision at ≥ medium", 0.97, "min"),
    ("lookalike_alarms", "look-alike rows at ≥ medium", 0, "max"),
    ("habit_alarms", "habit rows at ≥ medium", 0, "max"),
)


def counts(finding: Finding | None) -> bool:
    """Medium or high, and not marked as refunded: it adds to the money at risk."""
    return finding is not None and finding.get("severity") in SEVERE and not finding.get("refund")


def alarms(finding: Finding | None) -> bool:
    """Medium or high, refunded or not."""
    return finding is not None and finding.get("severity") in SEVERE


def right(expect: str, finding: Finding | None) -> bool:
    """Whether a row's finding (or none) is what its label expects."""
    if expect == "flag":
        return counts(finding)
    if expect == "refunded":
        return not counts(finding)
    return not alarms(finding)


@dataclass(frozen=True)
class Outcome:
    """One row judged: where it is, what was expected, what the scan said."""

    file: str
    line: int | None  # None: a reference pair no finding matched
    cls: str
    expect: str
    ok: bool
    finding: Finding | None = None
    label: Mapping[str, Any] | None = None


@dataclass
class Tally:
    """Rows and wrong rows of one class."""

    expect: str
    rows: int = 0
    severe: int = 0  # rows whose finding is at ≥ medium (counting, for `flag`)
    wrong: int = 0


@dataclass
class Score:
    """Everything a report needs: per class, per case, overall, and each wrong row."""

    classes: dict[str, Tally] = field(default_factory=dict)
    cases: dict[str, Counter] = field(default_factory=dict)
    wrong: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome, case: str | None = None) -> None:
        """Count one judged row."""
        tally = self.classes.setdefault(outcome.cls, Tally(outcome.expect))
        tally.rows += 1
        severe = counts(outcome.finding) if outcome.expect == "flag" else alarms(outcome.finding)
        tally.severe += severe
        tally.wrong += not outcome.ok
        if not outcome.ok:
            self.wrong.append(outcome)
        if case is not None:
            box = self.cases.setdefault(case, Counter())
            box["flag"] += outcome.expect == "flag"
            box["tp"] += outcome.expect == "flag" and outcome.ok
            box["fp"] += outcome.expect != "flag" and not outcome.ok

    def add_quiet_rows(self, number: int) -> None:
        """Rows nobody labelled that had no finding at ≥ medium (they count for precision)."""
        self.classes.setdefault(ORDINARY, Tally("quiet")).rows += number

    @property
    def tp(self) -> int:
        return sum(t.rows - t.wrong for t in self.classes.values() if t.expect == "flag")

    @property
    def fn(self) -> int:
        return sum(t.wrong for t in self.classes.values() if t.expect == "flag")

    @property
    def fp(self) -> int:
        return sum(t.wrong for t in self.classes.values() if t.expect != "flag")

    def figures(self) -> dict[str, float | int | None]:
        """Overall recall and precision (None when undefined) and the alarm counts."""
        tp, fn, fp = self.tp, self.fn, self.fp
        return {
            "tp": tp, "fn": fn, "fp": fp,
            "recall": tp / (tp + fn) if tp + fn else None,
            "precision": tp / (tp + fp) if tp + fp else None,
            "lookalike_alarms": self.group_wrong("lookalike"),
            "habit_alarms": self.group_wrong("habit", "own_wallet"),
        }

    def group_wrong(self, *prefixes: str) -> int | None:
        """Wrong rows over the classes named prefix or prefix/…; None if there is none."""
        chosen = [t for c, t in self.classes.items() if c.split("/")[0] in prefixes]
        return sum(t.wrong for t in chosen) if chosen else None

    def targets(self) -> list[dict[str, Any]]:
        """Each target with its value and PASS, FAIL or n/a (undefined)."""
        values, out = self.figures(), []
        for key, what, bound, kind in TARGETS:
            value = values[key]
            met = None if value is None else value >= bound if kind == "min" else value <= bound
            out.append({"key": key, "what": what, "target": bound, "kind": kind, "value": value,
                        "status": "n/a" if met is None else "PASS" if met else "FAIL"})
        return out


def by_line(findings: Iterable[Finding]) -> dict[int, Finding]:
    """One finding per row (the tool emits one; keep the one that counts most if not)."""
    rank = {"high": 3, "medium": 2, "low": 1}
    out: dict[int, Finding] = {}
    for finding in findings:
        line = int(finding["line"])
        old = out.get(line)
        if old is None or (counts(finding), rank.get(finding.get("severity"), 0)) > (
                counts(old), rank.get(old.get("severity"), 0)):
            out[line] = finding
    return out


def score_corpus(files: Mapping[str, Mapping[str, Any]],
                 findings: Mapping[str, Iterable[Finding]]) -> Score:
    """Judge every labelled row and every finding on an unlabelled row (labels.json files)."""
    score = Score()
    for name, meta in files.items():
        found = by_line(findings.get(name, ()))
        case = case_name(meta)
        score.cases.setdefault(case, Counter())
        labelled = {int(label["line"]): label for label in meta["labels"]}
        for line, label in labelled.items():
            finding = found.get(line)
            score.add(Outcome(name, line, label["class"], label["expect"],
                              right(label["expect"], finding), finding, label), case)
        loud = {line: f for line, f in found.items() if line not in labelled and alarms(f)}
        for line, finding in sorted(loud.items()):
            score.add(Outcome(name, line, ORDINARY, "quiet", False, finding), case)
        score.add_quiet_rows(int(meta["rows"]) - len(labelled) - len(loud))
    return score


def case_name(meta: Mapping[str, Any]) -> str:
    """The statement's case, marked when it is scanned without an allow list."""
    return str(meta.get("scenario", "")) + (" (no allow list)" if meta.get("first_run") else "")


def score_reference(truth: Mapping[str, Mapping[str, Any]],
                    findings: Mapping[str, Iterable[Finding]]) -> Score:
    """Judge findings against (date, amount) pairs: `flag`, `own_wallet`, `lookalike`."""
    score = Score()
    for name, entry in truth.items():
        score.cases.setdefault(name, Counter())
        pairs = {key: Counter((str(d), int(a)) for d, a in entry.get(key, ()))
                 for key in ("flag", "own_wallet", "lookalike")}
        found = sorted(findings.get(name, ()), key=lambda f: int(f["line"]))
        for finding in [f for f in found if counts(f)] + [f for f in found if not counts(f)]:
            key = (str(finding["date"]), int(finding["amount"]))
            if counts(finding) and pairs["flag"][key] > 0:
                pairs["flag"][key] -= 1
                score.add(Outcome(name, int(finding["line"]), "flag", "flag", True, finding), name)
            elif alarms(finding) and not pairs["flag"][key]:  # (a refunded flag row: a miss)
                cls = next((k for k in ("own_wallet", "lookalike") if pairs[k][key] > 0), "other")
                if cls != "other":
                    pairs[cls][key] -= 1
                score.add(Outcome(name, int(finding["line"]), cls, "quiet", False, finding), name)
        for (day, amount), left in sorted(pairs["flag"].items()):
            for _ in range(left):
                label = {"date": day, "amount": amount}
                score.add(Outcome(name, None, "flag", "flag", False, None, label), name)
        for key in ("own_wallet", "lookalike"):
            if key in entry:  # the rows no finding alarmed on
                tally = score.classes.setdefault(key, Tally("quiet"))
                tally.rows += sum(pairs[key].values())
    return score

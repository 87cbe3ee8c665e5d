"""The labelled quality corpus is current and every label points at its row."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from auditor.ingest.statement import read_statement
from auditor.detect.wallets import load_catalogue
from tests.conftest import ROOT

CORPUS = ROOT / "benchmarks" / "corpus"
GENERATOR = CORPUS / "make_corpus.py"
LABELS = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
FILES = LABELS["files"]

sys.path.insert(0, str(CORPUS))
from corpus_model import CLASSES  # noqa: E402
from corpus_wallets import BANK_CHANNEL, SPELLINGS  # noqa: E402


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in (".csv", ".json")}


def test_the_committed_corpus_is_what_the_generator_makes(tmp_path: Path) -> None:
    # Two processes with different string hashing must agree byte for byte, and with the
    # committed files: nobody edits the corpus by hand (run make_corpus.py after a change).
    made = []
    for seed in ("0", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], env=env, check=True,
                       capture_output=True)
        made.append(tree(out))
    assert made[0] == made[1]
    committed = {name: data for name, data in tree(CORPUS).items()
                 if name == "labels.json" or name.startswith("statements/")}
    assert sorted(made[0]) == sorted(committed)
    changed = [name for name in committed if committed[name] != made[0][name]]
    assert not changed, f"regenerate with python {GENERATOR.relative_to(ROOT)}: {changed[:5]}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_label_points_at_a_row_as_labelled(name: str) -> None:
    meta = FILES[name]
    statement = read_statement(CORPUS / "statements" / name)
    frame = statement.frame
    assert statement.rejected == []
    assert all(reason == "note line after the table" for _, reason in statement.skipped)
    assert statement.balance_breaks == ()
    assert len(frame) == meta["rows"]
    rows = {int(row.line): row for row in frame.itertuples()}
    for label in meta["labels"]:
        row = rows.get(label["line"])
        assert row is not None, label
        debit, credit = (0, label["amount"]) if label["dir"] == "credit" else (label["amount"], 0)
        assert (row.debit, row.credit) == (debit, credit), label
        assert row.date.date().isoformat() == label["date"], label
        assert row.description == label["text"], label
        if "time" in label:
            assert row.time == label["time"], label


def test_labels_name_known_classes_expectations_and_wallets() -> None:
    wallets = set(load_catalogue().ids)
    for meta in FILES.values():
        assert set(meta["allow"]) <= wallets
        lines = [label["line"] for label in meta["labels"]]
        assert len(lines) == len(set(lines))
        for label in meta["labels"]:
            assert label["class"] in CLASSES
            assert label["expect"] in ("flag", "quiet", "refunded")
            assert label.get("wallet") is None or label["wallet"] in wallets
            if label["class"].startswith(("spelling", "truncation", "refund")):
                assert label["wallet"] not in meta["allow"], label  # a wallet not theirs


def test_the_corpus_covers_layouts_encodings_and_every_class() -> None:
    layouts = Counter(meta["layout"] for meta in FILES.values())
    assert len(layouts) >= 15
    assert {"paypay_bank", "yucho", "sumishin", "shinsei_2018", "shinsei", "iwate"} <= set(layouts)
    encodings = {meta["encoding"] for meta in FILES.values()}
    assert {"cp932", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"} <= encodings
    assert any(not meta["allow"] for meta in FILES.values())
    per_class = Counter(label["class"] for meta in FILES.values() for label in meta["labels"])
    assert set(per_class) == set(CLASSES)
    thin = {cls: n for cls, n in per_class.items() if n < 10}
    assert not thin, thin
    labelled = sum(per_class.values())
    ordinary = sum(meta["rows"] for meta in FILES.values()) - labelled
    assert sum(n for c, n in per_class.items() if not c.startswith(("lookalike", "habit"))) >= 500
    assert ordinary >= 3000


def test_every_catalogued_wallet_has_spellings() -> None:
    spelled = {s.wallet for s in (*SPELLINGS, *BANK_CHANNEL)}
    assert spelled == set(load_catalogue().ids)


def test_the_corpus_stays_small() -> None:
    size = sum(len(data) for data in tree(CORPUS).values())
    assert size < 4_000_000

"""The HTML letter printed by headless Chromium: A4 pages, and no box split across two.

How a split is found: each box (a section of the letter that must stay whole) gets an
invisible 1-pixel link at its start and one at its end. Chromium's PDF keeps every link as an
annotation of the page it is printed on, so reading the PDF's page tree and each page's
annotations says on which page each box starts and ends, from the browser's own page breaks
rather than from a guess at them. The same letter printed with the keep-together rule
switched off must show a split, or the check would prove nothing. Skipped where no Chromium
is installed (/usr/bin/chromium, or chromium / google-chrome on PATH).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.printing import chromium, marked, pages_of, print_pdf
from tests.test_report import MIZUHO, answers_for

BROWSER = chromium()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium to print with")
# Every section that must never split; the claims table and the precedent may run on.
BOXES = ("holder", "account", "summary", "dates", "chart", "declare", "consent", "police",
         "actions", "contacts", "review")
A4 = (595.28, 841.89)  # points


def _page(cli: Callable[..., Run], tmp_path: Path, lang: str) -> str:
    # A "not sure" answer brings the review box, the one boxed section, onto the page.
    answers = answers_for(tmp_path / "answers.json", {("2020-07-07", 1000): "not-sure"})
    run = cli("report", MIZUHO, "-a", "line-pay", "-f", "html", "--lang", lang,
              "--answers", answers)
    assert run.code == 0, run.err
    return run.out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_printed_letter_is_a4_and_splits_no_box(cli: Callable[..., Run], tmp_path: Path,
                                                lang: str) -> None:
    assert BROWSER is not None
    pdf = print_pdf(BROWSER, marked(_page(cli, tmp_path, lang), BOXES), tmp_path)
    pages, found = pages_of(pdf)
    assert len(pages) >= 2  # long enough for a page break to fall somewhere
    for page in pages:
        box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", page)
        assert box is not None
        assert abs(float(box[1]) - A4[0]) < 1 and abs(float(box[2]) - A4[1]) < 1
    assert set(found) == set(BOXES)
    split = {box: where for box, where in found.items() if where["start"] != where["end"]}
    assert split == {}


def test_the_check_sees_a_split_box(cli: Callable[..., Run], tmp_path: Path) -> None:
    assert BROWSER is not None
    page = _page(cli, tmp_path, "ja").replace("break-inside: avoid", "break-inside: auto")
    # Every box made taller than half a page: without the rule, some box must straddle.
    page = page.replace("</style>", "section { min-height: 160mm; }\n</style>")
    _, found = pages_of(print_pdf(BROWSER, marked(page, BOXES), tmp_path))
    assert any(where["start"] != where["end"] for where in found.values())

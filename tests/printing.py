"""Print an HTML letter with headless Chromium and tell, from the PDF, on which page each box
starts and ends (for tests that check nothing splits across pages)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer")
_MARK = ('<a href="https://mark.invalid/{box}/{end}" '
         'style="float:left;width:1px;height:1px;margin-right:-1px"></a>')
_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_URI = re.compile(rb"https://mark\.invalid/([\w-]+)/(start|end)")


def chromium() -> str | None:
    """The browser to print with, if one is installed."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("google-chrome")


def marked(html: str, boxes: tuple[str, ...]) -> str:
    """The letter with an invisible link at the start and the end of each box (section).

    Each mark is a 1-pixel float, which takes no line of its own, so the layout stays that
    of the letter; the PDF keeps every link as an annotation on the page it is printed on.
    """
    for box in boxes:
        opening = f'<section class="{box}">'
        assert html.count(opening) == 1, box
        at = html.index(opening)
        closing = html.index("</section>", at)
        html = (html[:at] + opening + _MARK.format(box=box, end="start")
                + html[at + len(opening):closing] + _MARK.format(box=box, end="end")
                + html[closing:])
    return html


def print_pdf(browser: str, html: str, folder: Path) -> bytes:
    """The page printed to PDF by Chromium (a fresh profile; nothing fetched)."""
    page = folder / "letter.html"
    page.write_text(html, encoding="utf-8")
    pdf = folder / "letter.pdf"
    subprocess.run([browser, *FLAGS, f"--user-data-dir={folder / 'profile'}",
                    f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf.read_bytes()


def pages_of(pdf: bytes) -> tuple[list[bytes], dict[str, dict[str, int]]]:
    """The page dictionaries in order, and the page (from 0) of each box's start and end."""
    objects = {int(n): body for n, body in _OBJECT.findall(pdf)}
    root = re.search(rb"/Root (\d+) 0 R", pdf)
    assert root is not None
    catalogue = objects[int(root[1])]
    tree = re.search(rb"/Pages (\d+) 0 R", catalogue)
    assert tree is not None
    pages = _leaves(objects, int(tree[1]))
    found: dict[str, dict[str, int]] = {}
    for index, number in enumerate(pages):
        annots = re.search(rb"/Annots \[([^\]]*)\]", objects[number])
        for ref in re.findall(rb"(\d+) 0 R", annots[1] if annots else b""):
            for box, end in _URI.findall(objects[int(ref)]):
                found.setdefault(box.decode(), {})[end.decode()] = index
    return [objects[n] for n in pages], found


def _leaves(objects: dict[int, bytes], number: int) -> list[int]:
    body = objects[number]
    if re.search(rb"/Type\s*/Pages\b", body) is None:
        return [number]
    kids = re.search(rb"/Kids \[([^\]]*)\]", body)
    assert kids is not None
    return [leaf for ref in re.findall(rb"(\d+) 0 R", kids[1])
            for leaf in _leaves(objects, int(ref))]

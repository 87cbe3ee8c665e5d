"""The draft as one self-contained HTML file that prints on A4: no scripts, fonts or links."""

from __future__ import annotations

from html import escape

from auditor.render.safety import printable
from auditor.report.blocks import (Blank, Block, Cell, Chart, Document, Inline, Items, Lines,
                                   Para, Parts, Section, Table)

# Nothing may be fetched: the policy also stops a browser loading anything an escaping bug let in.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_FONTS = ('"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", YuGothic, Meiryo, '
          '"Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", sans-serif')
CSS = f"""
@page {{ size: A4; margin: 16mm 14mm 18mm 14mm; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {_FONTS}; font-size: 10.5pt; line-height: 1.6; color: #111;
  background: #fff; max-width: 182mm; margin: 0 auto; padding: 10mm 6mm; }}
@media print {{ body {{ max-width: none; padding: 0; }} }}
h1 {{ font-size: 15pt; text-align: center; margin: 0 0 5mm; }}
h2 {{ font-size: 11.5pt; border-bottom: 1.2pt solid #333; margin: 6mm 0 2mm;
  break-after: avoid; page-break-after: avoid; }}
p {{ margin: 1.5mm 0; }}
p.meta {{ text-align: right; }}
p.to {{ font-size: 12pt; font-weight: bold; }}
p.note {{ font-size: 9pt; color: #444; }}
p.draft {{ border: 1pt dashed #b00; background: #fff5f5; color: #700; padding: 2mm 3mm;
  font-size: 9pt; }}
p.closing {{ text-align: right; }}
table {{ border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }}
th, td {{ border: 0.6pt solid #888; padding: 1mm 1.6mm; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
thead {{ display: table-header-group; }}
tr, li, figure {{ break-inside: avoid; page-break-inside: avoid; }}
.num {{ text-align: right; white-space: nowrap; }}
.nowrap {{ white-space: nowrap; }}
.wide {{ width: 38%; }}
table.form {{ break-inside: avoid; page-break-inside: avoid; }}
table.form th:first-child, table.form td:first-child {{ width: 28%; }}
table.form td {{ height: 7mm; }}
table.sources td:last-child {{ font-family: ui-monospace, Menlo, Consolas, monospace;
  font-size: 7.5pt; word-break: break-all; width: 32.5ch; }}
tfoot td {{ font-weight: bold; background: #f6f6f6; }}
.blank {{ display: inline-block; min-width: 38mm; border-bottom: 0.8pt solid #333;
  height: 1.2em; vertical-align: bottom; }}
td .blank {{ min-width: 60mm; }}
li .blank {{ min-width: 24mm; }}
ol, ul {{ margin: 1mm 0; padding-left: 7mm; }}
ul.check {{ list-style: none; padding-left: 2mm; }}
ul.check li::before {{ content: "\\2610\\00a0"; }}
figure {{ margin: 2mm 0; }}
figure svg {{ width: 100%; height: auto; display: block; }}
figcaption {{ font-size: 8.5pt; color: #444; }}
section.review {{ border: 1pt dashed #999; padding: 0 3mm 2mm; margin-top: 8mm; }}
/* A box never splits across printed pages: a section of blanks, a declaration or the
   review box moves whole to the next page (one taller than a page still has to split). */
p.draft, table.form, table.sources, ul, ol, section.holder, section.account, section.summary,
section.dates, section.chart, section.declare,
section.consent, section.police, section.actions, section.contacts, section.review {{
  break-inside: avoid; page-break-inside: avoid; }}
"""


def h(text: str) -> str:
    """Untrusted text for HTML: controls and bidi marks as \\uXXXX, then entity-escaped."""
    return escape(printable(text), quote=True)


def render_html(document: Document) -> str:
    """The whole draft as an HTML document (UTF-8, one file)."""
    lang = escape(document.lang, quote=True)
    body = "\n".join(_section(section, document.lang) for section in document.sections)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{h(document.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f"<h1>{h(document.title)}</h1>\n{body}\n</body>\n</html>\n")


def _section(section: Section, lang: str) -> str:
    head = f"<h2>{h(section.heading)}</h2>\n" if section.heading else ""
    blocks = "\n".join(_block(block, lang) for block in section.blocks)
    return f'<section class="{h(section.key)}">\n{head}{blocks}\n</section>'


def _block(block: Block, lang: str) -> str:
    if isinstance(block, Para):
        style = f' class="{h(block.style)}"' if block.style else ""
        return f"<p{style}>{_parts(block.parts)}</p>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Items):
        return _items(block)
    assert isinstance(block, Chart)
    # The SVG is built by timeline.py from numbers and escaped labels only.
    return f"<figure>\n{block.svg}\n<figcaption>{h(block.caption)}</figcaption>\n</figure>"


def _inline(part: Inline) -> str:
    return '<span class="blank"></span>' if isinstance(part, Blank) else h(part)


def _parts(parts: Parts) -> str:
    return "".join(_inline(part) for part in parts)


def _cell(cell: Cell) -> str:
    if isinstance(cell, Lines):
        return "<br>".join(_inline(line) for line in cell.lines)
    return _inline(cell)


def _row(cells: tuple[Cell, ...], table: Table, tag: str) -> str:
    return "<tr>" + "".join(f"<{tag}{_class(i, table)}>{_cell(c)}</{tag}>"
                            for i, c in enumerate(cells)) + "</tr>"


def _class(column: int, table: Table) -> str:
    if column in table.numeric:
        return ' class="num"'
    if column in table.nowrap:
        return ' class="nowrap"'
    return ' class="wide"' if column in table.wide else ""


def _table(table: Table) -> str:
    css = f' class="{h(table.css)}"' if table.css else ""
    head = _row(table.headers, table, "th")
    rows = "\n".join(_row(row, table, "td") for row in table.rows)
    foot = f"\n<tfoot>{_row(table.foot, table, 'td')}</tfoot>" if table.foot else ""
    return f"<table{css}>\n<thead>{head}</thead>\n<tbody>\n{rows}\n</tbody>{foot}\n</table>"


def _items(items: Items) -> str:
    tag = "ol" if items.kind == "ordered" else "ul"
    css = ' class="check"' if items.kind == "check" else ""
    lines = "\n".join(f"<li>{_parts(item)}</li>" for item in items.items)
    return f"<{tag}{css}>\n{lines}\n</{tag}>"

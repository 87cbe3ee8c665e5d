"""auditor wallets and auditor rules: what the tool knows and checks."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from auditor.cli.app import Lang, app, checked_lang


class ListFormat(StrEnum):
    table = "table"
    json = "json"


Format = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def wallets(fmt: Format = ListFormat.table) -> None:
    """List the wallet services the tool recognises in statements."""
    from rich.table import Table
    from rich.text import Text

    from auditor.atomic import stdout_output
    from auditor.render import console, json_dump
    from auditor.wallets import load_catalogue
    from auditor.wording import yen

    catalogue = load_catalogue()
    if fmt is ListFormat.json:
        with stdout_output() as out:  # /dev/full or a closed pipe: exit 2, not 4
            json_dump({"schema": 1, "wallets": [
                {"id": w.id, "name_ja": w.name_ja, "name_en": w.name_en,
                 "patterns": list(w.patterns), "exclude": list(w.exclude),
                 "monthly_cap": w.monthly_cap, "daily_cap": w.daily_cap,
                 "incident_2020": w.incident_2020} for w in catalogue.wallets]}, out)
        return
    table = Table(title="Wallets / 決済サービス", title_justify="left")
    for column in ("id", "名称", "Name", "Monthly cap", "Matches (folded)"):
        table.add_column(column, justify="right" if column == "Monthly cap" else "left")
    for w in catalogue.wallets:
        cap = yen(w.monthly_cap) if w.monthly_cap else ""
        table.add_row(Text(w.id), Text(w.name_ja), Text(w.name_en), Text(cap),
                      Text(", ".join(w.patterns)))
    with stdout_output() as out:
        console(out).print(table)


@app.command()
def rules(fmt: Format = ListFormat.table, lang: Lang = None) -> None:
    """List the rules a scan applies, with their default severity."""
    from rich.table import Table
    from rich.text import Text

    from auditor.atomic import stdout_output
    from auditor.i18n import detect_lang
    from auditor.render import console, json_dump
    from auditor.rules import all_rules

    language = detect_lang(checked_lang(lang))
    if fmt is ListFormat.json:
        with stdout_output() as out:
            json_dump({"schema": 1, "rules": [
                {"id": r.id, "severity": r.severity.value, "title_en": r.title_en,
                 "title_ja": r.title_ja} for r in all_rules()]}, out)
        return
    table = Table(title="Rules / ルール", title_justify="left")
    for column in ("id", "severity", "title"):
        table.add_column(column)
    for rule in all_rules():
        title = rule.title_ja if language == "ja" else rule.title_en
        table.add_row(Text(rule.id), Text(rule.severity.value), Text(title))
    with stdout_output() as out:
        console(out).print(table)

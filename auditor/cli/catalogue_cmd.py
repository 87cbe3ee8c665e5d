"""auditor wallets and auditor rules: what the tool knows and checks."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from auditor.cli.app import FORMAT_HELP, Lang, app, help_text, output_language


class ListFormat(StrEnum):
    table = "table"
    json = "json"


# A wallet's kind as the listing says it (the catalogue's kinds of wallet).
_KINDS = {"wallet": "lists.kind.wallet", "brokerage": "lists.kind.brokerage"}
Format = Annotated[ListFormat, typer.Option("--format", "-f", help=help_text(FORMAT_HELP))]


@app.command(help=help_text("help.wallets"))
def wallets(fmt: Format = ListFormat.table, lang: Lang = None) -> None:
    from auditor.fs.atomic import stdout_output
    from auditor.render import console, json_dump
    from auditor.render.listing import wallets_table
    from auditor.detect.wallets import load_catalogue
    from auditor.wording import say

    catalogue = load_catalogue()
    language = output_language(lang)
    if fmt is ListFormat.json:
        with stdout_output() as out:  # /dev/full: exit 2, a closed pipe 141, not 4
            json_dump({"schema": 1, "wallets": [
                {"id": w.id, "kind": w.kind, "name_ja": w.name_ja, "name_en": w.name_en,
                 "patterns": list(w.names.patterns), "words": list(w.names.words),
                 "alone": list(w.names.alone), "monthly_cap": w.monthly_cap,
                 "daily_cap": w.daily_cap, "incident_2020": w.incident_2020}
                for w in catalogue.wallets], "lookalikes": [
                {"id": a.id, "kind": a.kind, "name_ja": a.name_ja, "name_en": a.name_en,
                 "patterns": list(a.names.patterns), "words": list(a.names.words),
                 "alone": list(a.names.alone)} for a in catalogue.lookalikes]}, out)
        return
    with stdout_output() as out:
        console(out).print(wallets_table(
            catalogue.wallets, language,
            kind=lambda kind: say(_KINDS.get(kind, "lists.kind.wallet"), language)))


@app.command(help=help_text("help.rules"))
def rules(fmt: Format = ListFormat.table, lang: Lang = None) -> None:
    from rich.table import Table
    from rich.text import Text

    from auditor.fs.atomic import stdout_output
    from auditor.render import console, json_dump
    from auditor.detect.rules import all_rules
    from auditor.i18n import word
    from auditor.wording import say

    language = output_language(lang)
    if fmt is ListFormat.json:
        with stdout_output() as out:
            json_dump({"schema": 1, "rules": [
                {"id": r.id, "severity": r.severity.value, "lowest": r.lowest.value,
                 "title_en": r.title_en, "title_ja": r.title_ja} for r in all_rules()]}, out)
        return
    table = Table(title=say("listing.rules", language), title_justify="left")
    for key in ("listing.id", "listing.severity", "listing.title"):
        table.add_column(say(key, language))
    for rule in all_rules():
        title = rule.title_ja if language == "ja" else rule.title_en
        grades = word(rule.severity.value, language) if rule.lowest is rule.severity else say(
            "lists.grades", language, lowest=word(rule.lowest.value, language),
            highest=word(rule.severity.value, language))
        table.add_row(Text(rule.id), Text(grades), Text(title))
    with stdout_output() as out:
        console(out).print(table)

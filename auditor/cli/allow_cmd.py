"""auditor allow: keep the list of wallets the holder uses in the config file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.cli.app import (ConfigPath, Lang, app, help_text, output_language, wallet_arg,
                             wallet_ids)

if TYPE_CHECKING:
    from auditor.detect.wallets import Catalogue
    from auditor.store.config import Config

Wallet = Annotated[str | None, typer.Argument(
    help=help_text("help.allow.wallet"), show_default=False, autocompletion=wallet_ids)]
Reason = Annotated[str | None, typer.Option(help=help_text("help.allow.reason"))]
Until = Annotated[str | None, typer.Option(help=help_text("help.allow.until"))]
Remove = Annotated[str | None, typer.Option(
    "--remove", help=help_text("help.allow.remove"), show_default=False,
    autocompletion=wallet_ids)]


@app.command(help=help_text("help.allow"))
def allow(wallet: Wallet = None, reason: Reason = None, until: Until = None,
          remove: Remove = None, config: ConfigPath = None, lang: Lang = None) -> None:
    from auditor.detect.naming import wallet_named
    from auditor.detect.wallets import load_catalogue
    from auditor.errors import UsageError
    from auditor.store.config import config_is_explicit, config_path, load_config
    from auditor.wording import Said

    if wallet and remove:
        raise UsageError(Said("cli.allow.both"))
    catalogue = load_catalogue()
    path = config_path(config)
    settings = load_config(path, catalogue.ids, required=config_is_explicit(config) and
                           wallet is None and remove is None)
    language = output_language(lang, settings.lang)
    if remove:
        # A name the catalogue knows means its id; anything else is looked for as it is.
        _remove(path, catalogue, wallet_named(catalogue, remove) or remove, language)
    elif wallet:
        _add(path, catalogue, wallet_arg(wallet, catalogue, "wallet"), reason, until, language)
    else:
        _list(settings, language)


def _remove(path: Path, catalogue: Catalogue, wallet: str, lang: str) -> None:
    from auditor.store.config import update_config, without_allow
    from auditor.wording import say

    update_config(path, catalogue.ids, lambda now: without_allow(now, wallet))
    typer.echo(say("cli.allow.removed", lang, wallet=wallet, path=path), err=True)


def _add(path: Path, catalogue: Catalogue, wallet: str, reason: str | None,
         until: str | None, lang: str) -> None:
    from auditor.errors import UsageError
    from auditor.ingest.values import parse_day
    from auditor.store.config import update_config, with_allow
    from auditor.wording import Said, say

    today = date.today()
    try:
        end = None if until is None else parse_day(until, today)
    except ValueError:
        raise UsageError(Said("cli.allow.until")) from None
    update_config(path, catalogue.ids, lambda now: with_allow(now, wallet, reason, end, today))
    typer.echo(say("cli.allow.added", lang, wallet=wallet, path=path), err=True)


def _list(settings: Config, lang: str) -> None:
    from auditor.wording import say

    today = date.today()
    if not settings.allow:  # on stderr: the listing itself (stdout) stays empty
        typer.echo(say("lists.allow_none", lang, path=settings.path), err=True)
    for entry in settings.allow:
        parts = [entry.wallet]
        if entry.until:
            parts.append(say("cli.allow.until_day", lang, until=entry.until))
        if not entry.counts_on(today):
            parts.append(say("cli.allow.ended", lang))
        typer.echo("  ".join([*parts, entry.reason or ""]).rstrip())

"""auditor allow: keep the list of wallets the holder uses in the config file."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from auditor.cli.app import ConfigPath, app


@app.command()
def allow(
    wallet: Annotated[str | None, typer.Argument(
        help="Wallet id to add (see `auditor wallets`); none lists the entries.",
        show_default=False)] = None,
    reason: Annotated[str | None, typer.Option(help="Why this wallet is yours.")] = None,
    until: Annotated[str | None, typer.Option(
        help="Last day the entry counts (e.g. 2026-12-31).")] = None,
    remove: Annotated[str | None, typer.Option(
        "--remove", help="Remove this wallet id from the list.", show_default=False)] = None,
    config: ConfigPath = None,
) -> None:
    """Add, remove or list the wallets you use (their top-ups are not flagged)."""
    from auditor.store.config import (config_is_explicit, config_path, load_config, update_config,
                                with_allow, without_allow)
    from auditor.errors import UsageError
    from auditor.ingest.values import parse_day
    from auditor.detect.wallets import load_catalogue

    catalogue = load_catalogue()
    path = config_path(config)
    settings = load_config(path, catalogue.ids, required=config_is_explicit(config) and
                           wallet is None and remove is None)
    today = date.today()
    if wallet and remove:
        raise UsageError("give a wallet id to add, or --remove ID, not both")
    if remove:
        update_config(path, catalogue.ids, lambda now: without_allow(now, remove))
        typer.echo(f"removed {remove} from {path}", err=True)
    elif wallet:
        try:
            end = None if until is None else parse_day(until, today)
        except ValueError:
            raise UsageError("--until takes a date like 2026-12-31") from None
        from auditor.store.config import check_wallet_id

        check_wallet_id(wallet, catalogue.ids, "wallet")
        update_config(path, catalogue.ids,
                      lambda now: with_allow(now, wallet, reason, end, today))
        typer.echo(f"added {wallet} to {path}", err=True)
    else:
        for entry in settings.allow:
            state = "" if entry.counts_on(today) else "  (ended)"
            until_text = f"  until {entry.until}" if entry.until else ""
            typer.echo(f"{entry.wallet}{until_text}{state}  {entry.reason or ''}".rstrip())

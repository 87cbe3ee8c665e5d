"""A Dask client: of a scheduler's cluster when one is named, else of workers on this machine."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from auditor.errors import UsageError
from auditor.run.batch import usable_cores
from auditor.wording import Said

_CONNECT_SECONDS = 10
_LOOPBACK = "127.0.0.1"


@contextmanager
def client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """A client, closed (and a local cluster stopped) however the run ends."""
    from distributed import Client, LocalCluster

    # Dask logs every worker's start and stop at INFO: the run's stderr is for the holder.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    if scheduler is not None:
        try:
            connected = Client(scheduler, timeout=_CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(Said("dask.scheduler", address=scheduler,
                                  reason=type(exc).__name__)) from None
        with connected:
            yield connected
        return
    count = max(1, min(workers or usable_cores(), usable_cores()))
    # One thread a worker: the rules are pandas and Python, which hold the GIL. Everything
    # listens on the loopback only (the scheduler's HTTP routes too, on a free port).
    # (One worker is a thread of this process, talking to the scheduler in memory.)
    where = {"host": _LOOPBACK} if count > 1 else {}
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=count > 1,
                      dashboard_address=f"{_LOOPBACK}:0", **where) as cluster, \
            Client(cluster) as local:
        yield local

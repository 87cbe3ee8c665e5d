"""--new-only: report each alert once, and record it only after the output got out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.hidden import Hidden
from auditor.ingest.account import account_id, mask
from auditor.run.accounts import counted
from auditor.store.state import Alert, default_state_path, open_state

if TYPE_CHECKING:
    from auditor.models import ScanResult
    from auditor.store.state import StateStore


class NewAlerts:
    """The findings no earlier --new-only run reported, held until the caller commits."""

    def __init__(self, state: StateStore) -> None:
        self._state = state
        self._pending: list[Alert] = []

    def fresh(self, result: ScanResult) -> ScanResult:
        """The result with only findings never reported (the others counted as hidden).

        The fresh ones are recorded at commit().
        """
        accounts = result.account_of()
        masked = {report.path: report.account for report in result.files}
        alerts = [Alert.reported(account_id(f.account) or accounts.get(f.file) or None,
                                 mask(f.account) or masked.get(f.file), f)
                  for f in result.findings]
        new = self._state.new([alert.key for alert in alerts])
        self._pending = [alert for alert, fresh in zip(alerts, new, strict=True) if fresh]
        before = Hidden(reported_before=len(new) - sum(new))
        shown = tuple(finding for finding, fresh in zip(result.findings, new, strict=True) if fresh)
        # Each account's line counts what this run shows, as the summary line does.
        return replace(result, hidden=result.hidden + before, findings=shown,
                       accounts=counted(list(enumerate(result.accounts)), shown))

    def commit(self) -> int:
        """Record the fresh alerts as reported: call only once the output is written."""
        recorded, self._pending = self._state.record(self._pending), []
        return recorded


@contextmanager
def new_alerts(path: Path | None) -> Iterator[NewAlerts]:
    """The state (at path, or the default) held for the whole run.

    A second run at the same time waits, then exits 2; a run that fails before commit()
    records nothing, so the next run reports the same alerts again.
    """
    with open_state(default_state_path(path)) as state:
        yield NewAlerts(state)

"""The --new-only state: which findings were already reported, kept in a locked SQLite file."""

from auditor.store.state.errors import StateBusy, StateError
from auditor.store.state.location import ENV_VAR, FILE_NAME, default_state_path, state_is_explicit
from auditor.store.state.opening import DEFAULT_WAIT, open_state
from auditor.store.state.queries import StateStore
from auditor.store.state.records import (EMPTY_SUMMARY, Alert, StateSummary, StoredAlert,
                                         alert_key, mask_account)
from auditor.store.state.schema import APPLICATION_ID, SCHEMA_VERSION

__all__ = [
    "APPLICATION_ID", "DEFAULT_WAIT", "EMPTY_SUMMARY", "ENV_VAR", "FILE_NAME", "SCHEMA_VERSION",
    "Alert", "StateBusy", "StateError", "StateStore", "StateSummary", "StoredAlert",
    "alert_key", "default_state_path", "mask_account", "open_state", "state_is_explicit",
]

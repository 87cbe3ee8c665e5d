"""The user's config file: the wallets they recognise, and defaults for --fail-on and --lang."""

from auditor.store.config.dump import dumps_config
from auditor.store.config.edit import (LOCK_WAIT, save_config, update_config, with_allow,
                                       without_allow)
from auditor.store.config.load import MAX_CONFIG_BYTES, load_config
from auditor.store.config.location import (ENV_VAR, config_is_explicit, config_path,
                                           default_config_path)
from auditor.store.config.model import FAIL_ON_CHOICES, LANG_CHOICES, AllowEntry, Config
from auditor.store.config.validate import check_wallet_id

__all__ = [
    "ENV_VAR", "FAIL_ON_CHOICES", "LANG_CHOICES", "LOCK_WAIT", "MAX_CONFIG_BYTES",
    "AllowEntry", "Config", "check_wallet_id", "config_is_explicit", "config_path",
    "default_config_path", "dumps_config", "load_config", "save_config", "update_config",
    "with_allow", "without_allow",
]

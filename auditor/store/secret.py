"""The per-install secret that keys every private hash the tool keeps on disk."""

# The state and the answers name transactions by hash, never by text. A plain SHA-256 of
# an account number and a transaction's date and amount gave the 7-digit number back in
# 18.6 s of brute force (0.05 s knowing the masked ***6543). Keyed with 256 random bits
# that live in a separate file, the state and answers files alone give nothing back.
#
# The secret is made on first use: 32 random bytes, written as hex to `secret.key` in the
# user's data folder (beside answers.json), owner-only; $AUDITOR_SECRET names another file.
# Keys are HMAC-SHA-256(secret, SHA-256 hex of the text), so a file of the older plain
# SHA-256 keys is converted in place (`rekey`), without the texts it was made from.

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
from functools import cache
from pathlib import Path

from auditor.errors import UsageError
from auditor.fs.reason import os_reason
from auditor.fs.regular import read_regular
from auditor.fs.tempfiles import make_temp
from auditor.store.folders import data_file
from auditor.wording import Said

ENV_VAR = "AUDITOR_SECRET"
FILE_NAME = "secret.key"
_HEX = re.compile(rb"[0-9a-f]{64}\n?")


def secret_path() -> Path:
    """$AUDITOR_SECRET, else secret.key in the data folder."""
    named = os.environ.get(ENV_VAR)
    return Path(named).expanduser() if named else data_file(FILE_NAME)


def private_key(text: str) -> str:
    """The keyed hash (64 hex digits) that names `text` in the state and answers files."""
    return rekey(hashlib.sha256(text.encode("utf-8")).hexdigest())


def rekey(plain: str) -> str:
    """The keyed form of a plain SHA-256 hex key, as older files hold them."""
    return hmac.new(_secret(secret_path()), plain.encode("ascii"), hashlib.sha256).hexdigest()


@cache
def _secret(path: Path) -> bytes:
    """Read the secret, making it first if there is none (cached per path: tests move it)."""
    try:
        raw = read_regular(path, 1000)
    except FileNotFoundError:
        raw = _create(path)
    except OSError as exc:
        raise _unusable(path, Said("secret.cannot_read", reason=_reason(exc))) from None
    if not _HEX.fullmatch(raw):
        raise _unusable(path, Said("secret.not_hex"))
    return bytes.fromhex(raw[:64].decode("ascii"))


def _create(path: Path) -> bytes:
    """Write a new secret, all at once and owner-only; if another run made one first, its."""
    text = (secrets.token_hex(32) + "\n").encode("ascii")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, name = make_temp(path.parent, path.name)  # 0o600, swept if this run is killed
        temp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            _publish(temp, path)
        except FileExistsError:  # another run made one first: that one is the secret
            return read_regular(path, 1000)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
    except OSError as exc:
        raise _unusable(path, Said("secret.cannot_create", reason=_reason(exc))) from None
    return text


def _publish(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)  # all at once, and never over another run's secret
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some shares): create it exclusively instead
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(temp.read_bytes())


def _unusable(path: Path, why: str) -> UsageError:
    return UsageError(Said("secret.unusable", path=path, why=why))


def _reason(exc: OSError) -> object:
    return os_reason(exc.errno, exc.strerror or type(exc).__name__)

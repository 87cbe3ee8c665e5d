"""Why the system refused a file operation, with Japanese words for the common reasons."""

from __future__ import annotations

import errno

from auditor.wording import Bi, Said, say

# The errors a person can act on (a permission, a full disk); the rest keep the system's words.
_KEYS = {code: key for code, key in (
    (errno.EACCES, "os.EACCES"), (errno.EPERM, "os.EPERM"), (errno.ENOENT, "os.ENOENT"),
    (errno.ENOTDIR, "os.ENOTDIR"), (errno.EISDIR, "os.EISDIR"), (errno.EEXIST, "os.EEXIST"),
    (errno.ENOSPC, "os.ENOSPC"), (getattr(errno, "EDQUOT", None), "os.EDQUOT"),
    (errno.EROFS, "os.EROFS"), (errno.EIO, "os.EIO"), (errno.EPIPE, "os.EPIPE"),
    (errno.EBUSY, "os.EBUSY"), (errno.ENAMETOOLONG, "os.ENAMETOOLONG"),
    (errno.ELOOP, "os.ELOOP"), (errno.EMFILE, "os.EMFILE"),
) if code is not None}


def os_reason(code: int | None, text: object) -> object:
    """The reason as the system gave it (`text`, shown as it is in English), for a message.

    In Japanese a common error (errno `code`) is said in Japanese words; any other stays
    the system's text, which is what the English messages have always shown.
    """
    if isinstance(text, Said):
        return text
    key = _KEYS.get(code) if code is not None else None
    return str(text) if key is None else Bi(str(text), say(key, "ja"))

"""One way to replace a small file atomically: write a temporary file beside it, then rename.

Cache entries, parsed packs and compiled patterns are all written this way, so
two edlint processes sharing a folder only ever see a whole file or none, and
an interrupted write leaves no temporary file behind. (Articles are replaced by
``fix.write_bytes_atomic``, which also keeps owner and mode, syncs to disk and
refuses a file edited meanwhile: more than a cache file needs.)
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (creating its folder); OSError if it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

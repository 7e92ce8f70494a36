"""Writing what symbp produces: all at once, never over what it read.

Every report, document, picture and saved model goes through ``write_atomic``:
the bytes land in a temporary file beside the target, which then replaces the
target in one ``os.replace``. A crash, a full disk or Ctrl-C leaves either the
old file or the new one, never half of one.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> path = write_atomic(os.path.join(folder, "report.md"), "# Report\\n", what="the report")
>>> open(path, encoding="utf-8").read()
'# Report\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import SpecError



def write_atomic(path: "str | os.PathLike", content, *, what: str = "the output",
                 inputs: Iterable["str | os.PathLike"] = ()) -> Path:
    """Write ``content`` (text, bytes, or a function that writes to a binary file) to ``path``.

    Refuses a folder, and a path that is one of ``inputs`` (the files the run
    read: a report must never replace the notes it reports on). An unwritable
    place raises ``SpecError`` naming ``what`` and leaves nothing behind.
    """
    path = Path(path)
    if path.is_dir():
        raise SpecError(f"cannot write {what} {str(path)!r}: it is a folder")
    for source in inputs:
        if _same_file(path, Path(source)):
            raise SpecError(f"cannot write {what} to {str(path)!r}: that is an input of this run, "
                            "and writing there would replace it")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SpecError(f"cannot write {what} {str(path)!r}: {exc.strerror} ({folder})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(content):
                content(fh)
            else:
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; an output is not
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SpecError(f"cannot write {what} {str(path)!r}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

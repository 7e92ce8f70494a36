"""Reading what symbp is given, writing what it produces: within limits, all at once, never over an input.

Every notes file and profile is read through ``read_text``: a size limit
(read as bytes, so ``/dev/zero`` stops at the limit), UTF-8 only, no NUL
bytes, not empty; each failure is one ``InputFileError`` naming the file and
what is wrong with it.

Every report, document, picture and saved model goes through ``write_atomic``:
the bytes land in a temporary file beside the target, which then replaces the
target in one ``os.replace``. A crash, a full disk or Ctrl-C leaves either the
old file or the new one, never half of one. A symbolic link is followed (the file
it points to is replaced, the link stays); a device or a named pipe
(``/dev/null``, ``/dev/stdout``) is written into, never replaced.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> path = write_atomic(os.path.join(folder, "report.md"), "# Report\\n", what="the report")
>>> open(path, encoding="utf-8").read()
'# Report\\n'
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import InputFileError, SpecError

#: Size limits of the files symbp reads (bytes): notes (.tex, .md, .txt, .ipynb) and notation profiles.
MAX_NOTES_BYTES = 8 * 2**20
MAX_PROFILE_BYTES = 64 * 2**10



def write_atomic(path: "str | os.PathLike", content, *, what: str = "the output",
                 inputs: Iterable["str | os.PathLike"] = ()) -> Path:
    """Write ``content`` (text, bytes, or a function that writes to a binary file) to ``path``.

    Refuses a folder, and a path that is one of ``inputs`` (the files the run
    read: a report must never replace the notes it reports on). An unwritable
    place raises ``SpecError`` naming ``what`` and leaves nothing behind.
    """
    path = Path(path)
    check_output(path, what=what, inputs=inputs)
    if path.is_symlink():  # write where the link points: replacing the link would cut it (review rv43 C1)
        path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():  # /dev/null, /dev/stdout's target, a named pipe: write into it
        return _write_into(path, content, what)
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


def _write_into(path: Path, content, what: str) -> Path:
    """Write ``content`` into a file that is not a regular file (a device, a named pipe) in place: renaming a
    temporary file over ``/dev/null`` would replace the device for every program on the machine."""
    try:
        with open(path, "wb") as fh:
            if callable(content):
                content(fh)
            else:
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
    except OSError as exc:
        raise SpecError(f"cannot write {what} {str(path)!r}: {exc.strerror or exc}") from None
    return path


def check_output(path: "str | os.PathLike", *, what: str = "the output",
                 inputs: Iterable["str | os.PathLike | None"] = ()) -> None:
    """Raise ``SpecError`` if ``path`` is a folder or one of ``inputs`` (checked before any work is done).

    >>> check_output("notes.md", what="the report", inputs=["notes.md"])
    Traceback (most recent call last):
    ...
    symbp.errors.SpecError: cannot write the report to 'notes.md': that is an input of this run, ...
    """
    path = Path(path)
    if path.is_dir() or str(path).endswith(("/", os.sep)):
        raise SpecError(f"cannot write {what} {str(path)!r}: it is a folder")
    for source in inputs:
        if source is not None and str(source) == "-" and _is_standard_input(path):
            raise SpecError(f"cannot write {what} to {str(path)!r}: it is the file standard input was read from, "
                            "and writing there would replace it")
        if source is not None and str(source) != "-" and (
                _same_file(path, Path(source)) or path.resolve() == Path(source).resolve()):
            raise SpecError(f"cannot write {what} to {str(path)!r}: that is an input of this run, "
                            "and writing there would replace it")


def _is_standard_input(path: Path) -> bool:
    """Is ``path`` the file standard input is redirected from (``symbp verify --notes - < notes.md``)?"""
    try:
        given = os.fstat(0)
        there = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(given.st_mode) and (given.st_dev, given.st_ino) == (there.st_dev, there.st_ino)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_text(path: "str | os.PathLike", *, what: str = "the file", limit: int = MAX_NOTES_BYTES,
              stream=None) -> str:
    r"""The UTF-8 text of ``path`` (or of the binary ``stream``, e.g. standard input), within ``limit`` bytes.

    Raises ``InputFileError`` (one line, naming ``what`` and the path) for a
    missing file, a folder, a file past the limit, binary bytes (NUL), text
    that is not UTF-8 (with the line of the first bad byte), or an empty file.
    A UTF-8 byte-order mark is dropped.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = write_atomic(os.path.join(folder, "notes.md"), "$a = b$")
    >>> read_text(os.path.join(folder, "notes.md"), what="the notes")
    '$a = b$'
    >>> read_text(folder, what="the notes")
    Traceback (most recent call last):
    ...
    symbp.errors.InputFileError: cannot read the notes ...: it is a folder, not a file
    """
    name = "standard input" if stream is not None else repr(str(path))
    if stream is not None:
        data = stream.read(limit + 1)
    else:
        p = Path(path)
        if p.is_dir():
            raise InputFileError(f"cannot read {what} {name}: it is a folder, not a file")
        try:
            with open(p, "rb") as fh:
                data = fh.read(limit + 1)
        except FileNotFoundError:
            raise InputFileError(f"cannot read {what} {name}: there is no such file") from None
        except OSError as exc:
            raise InputFileError(f"cannot read {what} {name}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputFileError(f"{what} {name} is larger than the limit of {_size(limit)}; split it into smaller files")
    if b"\x00" in data:
        raise InputFileError(f"{what} {name} is a binary file (it holds NUL bytes at byte {data.index(0)}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputFileError(f"{what} {name} is not UTF-8 text: byte {exc.start} (line {line}) "
                             f"is 0x{data[exc.start]:02x}; save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputFileError(f"{what} {name} is empty")
    return text


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 else f"{n // 2**10} KiB"

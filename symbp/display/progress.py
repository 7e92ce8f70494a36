r"""Progress of long work: a bar with rate and ETA on a terminal, a plain line now and then elsewhere.

Long runs (proving many identities, verifying a whole set of notes, training,
benchmarks) report how far they are on standard error, never on standard
output, so a table or JSON printed there stays clean. On a terminal the bar
is tqdm's; in a log or CI (not a terminal) a line such as ::

    training: 1200/3000 mini-batches (40%), 850 mini-batches/s, about 2 s left

is written at most every ``every`` seconds, and nothing at all for work
that ends sooner. ``SYMBP_PROGRESS=0`` in the environment turns both off.

>>> import io
>>> out = io.StringIO()
>>> with Progress(3, "proving", "identity", stream=out) as bar:
...     for _ in range(3):
...         bar.update()
>>> out.getvalue()      # not a terminal, and quicker than `every`: silent
''
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def enabled_by_environment() -> bool:
    """False when ``SYMBP_PROGRESS`` is 0, off, no or false."""
    return os.environ.get("SYMBP_PROGRESS", "1").strip().lower() not in ("0", "off", "no", "false")


class Progress:
    """Counts ``total`` units of work named ``unit``; see the module docstring for what it shows."""

    def __init__(self, total: int, desc: str, unit: str = "item", *, stream: "TextIO | None" = None,
                 enabled: bool = True, every: float = 10.0):
        self.total, self.desc, self.unit = max(int(total), 0), desc, unit
        self.stream = stream if stream is not None else sys.stderr
        self.done, self.every = 0, every
        self.start = self.last = time.perf_counter()
        self._bar = None
        self._on = enabled and enabled_by_environment() and self.total > 0
        if self._on and _is_terminal(self.stream):
            from tqdm import tqdm  # only on a terminal: the import costs a little

            self._bar = tqdm(total=self.total, desc=desc, unit=f" {unit}", file=self.stream, leave=False,
                             dynamic_ncols=True, mininterval=0.2)

    def update(self, n: int = 1, note: str = "") -> None:
        """``n`` more units are done; ``note`` (e.g. the current loss) is shown beside the bar."""
        self.done += n
        if not self._on:
            return
        if self._bar is not None:
            if note:
                self._bar.set_postfix_str(note, refresh=False)
            self._bar.update(n)
            return
        now = time.perf_counter()
        if now - self.last >= self.every and self.done < self.total:
            self.last = now
            self.stream.write(self.line(now, note) + "\n")
            self.stream.flush()

    def line(self, now: "float | None" = None, note: str = "") -> str:
        """The plain progress line: done/total, percent, rate and the time left."""
        elapsed = max((now if now is not None else time.perf_counter()) - self.start, 1e-9)
        rate = self.done / elapsed
        units = _plural(self.unit)
        text = f"{self.desc}: {self.done}/{self.total} {units} ({100 * self.done / max(self.total, 1):.0f}%)"
        if rate > 0:
            left = (self.total - self.done) / rate
            text += f", {rate:.3g} {units}/s, about {_duration(left)} left"
        return text + (f"; {note}" if note else "")

    def print(self, text: str, file: "TextIO | None" = None) -> None:
        """Print ``text`` (a finished row) to ``file`` (standard output) without breaking the bar."""
        file = file if file is not None else sys.stdout
        if self._bar is not None:
            self._bar.clear()
        print(text, file=file, flush=True)
        if self._bar is not None:
            self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _plural(unit: str) -> str:
    if unit.endswith(("ch", "sh", "s", "x")):
        return unit + "es"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"

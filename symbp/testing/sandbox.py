r"""Run a symbolic step in a worker process with a timeout and an address-space limit.

SymPy calls do not check symbp's ``Budget``: a simplification that explodes
would hang the caller or exhaust its memory. ``Sandbox`` runs such a step in
a separate, persistent worker process: past ``timeout`` seconds the worker is
killed and restarted, past ``memory_mb`` of address space (``RLIMIT_AS``)
the step fails with ``MemoryError`` inside the worker; either way the caller
gets an ``Outcome`` saying so, and the next step runs in a healthy worker.

>>> with Sandbox(timeout=20) as box:
...     box.run(pow, 2, 10).value
1024

The function and its arguments must be picklable (a module-level function).
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable

#: Outcome statuses: the step's value, or why there is none.
STATUSES = ("ok", "error", "timeout", "memory", "crashed")


@dataclass(frozen=True)
class Outcome:
    """What became of one step: ``status`` in ``STATUSES``; ``reason`` in words."""

    status: str
    value: Any = None
    reason: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _limit_memory(memory_mb: "int | None") -> None:
    if memory_mb is None:
        return
    try:
        import resource
    except ImportError:  # not POSIX: the timeout still applies
        return
    limit = int(memory_mb) * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker(conn, memory_mb) -> None:
    # Runs in the child: set the limit, then serve steps until told to stop.
    _limit_memory(memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        fn, args, kwargs = task
        try:
            reply = ("ok", fn(*args, **kwargs), "")
        except MemoryError:
            reply = ("memory", None, f"the step needed more than the {memory_mb} MB address-space limit")
        except BaseException as exc:  # reported to the caller, who decides
            reply = ("error", None, f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory", None, f"the result did not fit in the {memory_mb} MB address-space limit"))
        except Exception as exc:  # e.g. an unpicklable result
            conn.send(("error", None, f"the result could not be sent back: {type(exc).__name__}: {exc}"))


class Sandbox:
    """A persistent worker process; ``run(fn, *args)`` -> ``Outcome``.

    ``timeout`` is in seconds per step, ``memory_mb`` the worker's address-space
    limit (None: no limit). A worker that times out, runs out of memory in a
    way that kills it, or crashes is replaced before the next step.
    """

    def __init__(self, timeout: float = 30.0, memory_mb: "int | None" = 2048, start_timeout: float = 120.0):
        if not (timeout > 0):
            raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.start_timeout = start_timeout
        # spawn: a fresh interpreter, safe whatever threads the caller runs.
        self._ctx = multiprocessing.get_context("spawn")
        self._proc = None
        self._conn = None
        self.restarts = 0

    # -- process management ------------------------------------------------------

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        # One BLAS thread: its per-thread buffers would eat the address-space limit.
        saved = {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
        for k in saved:
            os.environ[k] = "1"
        try:
            proc = self._ctx.Process(target=_worker, args=(child, self.memory_mb), daemon=True, name="symbp-sandbox")
            proc.start()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        child.close()
        self._proc, self._conn = proc, parent

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(5)
            self._conn.close()
        self._proc = self._conn = None

    def close(self) -> None:
        """Stop the worker (politely, then by force)."""
        if self._proc is not None and self._proc.is_alive():
            try:
                self._conn.send(None)
                self._proc.join(2)
            except (OSError, EOFError, BrokenPipeError):
                pass
        self._kill()

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):  # pragma: no cover - best effort
        try:
            self._kill()
        except Exception:
            pass

    @property
    def pid(self) -> "int | None":
        """The worker's process id (None before the first step)."""
        return self._proc.pid if self._proc is not None and self._proc.is_alive() else None

    # -- steps -------------------------------------------------------------------------

    def run(self, fn: Callable, *args, timeout: "float | None" = None, **kwargs) -> Outcome:
        """Run ``fn(*args, **kwargs)`` in the worker; never raises for the step's own failures."""
        limit = self.timeout if timeout is None else timeout
        fresh = self._proc is None or not self._proc.is_alive()
        if fresh:
            if self._proc is not None:
                self._kill()
                self.restarts += 1
            self._start()
        start = time.perf_counter()
        try:
            self._conn.send((fn, args, kwargs))
        except (OSError, BrokenPipeError) as exc:
            self._kill()
            return Outcome("crashed", reason=f"the worker could not take the step: {exc}")
        # A fresh worker first imports the step's module: that start-up is not the step's time.
        wait = limit + (self.start_timeout if fresh else 0.0)
        if not self._conn.poll(wait):
            self._kill()
            self.restarts += 1
            return Outcome("timeout", reason=f"stopped after the time limit of {limit:g} s (worker process killed)",
                           seconds=time.perf_counter() - start)
        try:
            status, value, reason = self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode if self._proc is not None else None
            self._kill()
            self.restarts += 1
            what = f"the worker process died (exit code {code})"
            if self.memory_mb is not None:
                what += f"; likely past its {self.memory_mb} MB address-space limit"
            return Outcome("crashed", reason=what, seconds=time.perf_counter() - start)
        return Outcome(status, value, reason, time.perf_counter() - start)


def run_isolated(fn: Callable, *args, timeout: float = 30.0, memory_mb: "int | None" = 2048, **kwargs) -> Outcome:
    """One step in a fresh worker (a ``Sandbox`` used once)."""
    with Sandbox(timeout=timeout, memory_mb=memory_mb) as box:
        return box.run(fn, *args, **kwargs)

r"""Run the shards of one piece of work in forked processes, one shard each.

``prove --jobs N`` spreads the instances of an exact proof over N processes:
shard w of N checks the rows w, w + N, w + 2N, … of every comparison
(``prove._walk``). This module only starts the processes, shares one
number between them (the index of the earliest failing instance found so
far, so the others can stop past it) and collects the answers.

The processes are forked: each starts with the parent's network, atoms and
caches already built, and nothing (identities hold functions) has to be
pickled on the way in. Where ``fork`` does not exist (Windows, and macOS by
default) ``available()`` is False and the caller runs the shards in order.

>>> run(lambda shard, jobs, stop: shard * 10, 1)
[0]
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
from typing import Callable

from .algebra import BudgetExceeded

#: "no failing instance yet" in the shared value
NONE = (1 << 62)


def available() -> bool:
    """True where worker processes can be forked."""
    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run(work: Callable, jobs: int) -> list:
    """``[work(w, jobs, stop) for w in range(jobs)]``, each in its own forked process.

    ``stop`` is a shared integer (``stop.value``), ``NONE`` at the start.
    With one job, or without ``fork``, the shards run here, in order. An
    exception raised by a shard is raised here (the first shard's first);
    a process that dies without an answer raises ``BudgetExceeded``.
    """
    if jobs <= 1 or not available():
        stop = _Plain(NONE)
        return [work(w, max(jobs, 1), stop) for w in range(max(jobs, 1))]
    ctx = multiprocessing.get_context("fork")
    stop = ctx.Value("q", NONE)
    pipes, procs = [], []
    for w in range(jobs):
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(work, w, jobs, stop, send), daemon=True)
        proc.start()
        send.close()
        pipes.append(receive)
        procs.append(proc)
    answers = []
    try:
        for w, (receive, proc) in enumerate(zip(pipes, procs)):
            try:
                answers.append(receive.recv())
            except EOFError:
                answers.append(("error", BudgetExceeded(f"worker process {w + 1} of {jobs} ended without an answer "
                                                        f"(exit code {proc.exitcode}; out of memory?)")))
    finally:
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
    for kind, value in answers:
        if kind == "error":
            raise value
    return [value for _, value in answers]


def lower(stop, value: int) -> None:
    """Set the shared ``stop`` to ``value`` if that is lower (under its lock)."""
    lock = stop.get_lock() if hasattr(stop, "get_lock") else contextlib.nullcontext()
    with lock:
        if value < stop.value:
            stop.value = value


class _Plain:
    # the shared value's stand-in when the shards run in this process
    def __init__(self, value):
        self.value = value


def _child(work, w, jobs, stop, send) -> None:
    try:
        answer = ("ok", work(w, jobs, stop))
    except BaseException as exc:  # handed to the parent, which raises it
        answer = ("error", exc)
    try:
        send.send(answer)
    except (pickle.PicklingError, TypeError, AttributeError):
        send.send(("error", RuntimeError(f"shard {w + 1} of {jobs} failed: {answer[1]!r}")))
    finally:
        send.close()
        os._exit(0)  # no atexit handlers or finalisers of the parent's state

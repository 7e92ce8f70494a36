r"""How many BLAS threads a mini-batch's products get, and whether compiled code can call BLAS.

A mini-batch's products are small (128 × 784 × 30 is 3 M multiply-adds):
waking a second BLAS thread for each costs more than it saves, and on a
shared 2-core machine OpenBLAS with 2 threads ran batch 128 six times slower
than with one. ``threads_for`` holds BLAS to one thread unless the largest
product is at least ``PARALLEL_MACS`` multiply-adds; ``limit`` applies that
with threadpoolctl (and does nothing where it is not installed).

>>> threads_for([784, 30, 10], 128), threads_for([4096, 4096, 10], 4096)
(1, None)
"""

from __future__ import annotations

import contextlib
from typing import Sequence

#: A product of at least this many multiply-adds is worth several BLAS threads.
PARALLEL_MACS = 1 << 25

_STATE: dict = {}


def threads_for(sizes: Sequence[int], batch: int) -> "int | None":
    """1, or ``None`` (BLAS's own choice) when a product of the mini-batch is large."""
    largest = max(batch * p * n for p, n in zip(sizes, sizes[1:]))
    return None if largest >= PARALLEL_MACS else 1


def limit(threads: "int | None"):
    """A context in which BLAS uses at most ``threads`` threads (``None``: no limit)."""
    if threads is None:
        return contextlib.nullcontext()
    if "controller" not in _STATE:
        # one scan of the loaded libraries (a scan costs ~ms), repeated only after ``rescan``
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _STATE["controller"] = None
        else:
            _STATE["controller"] = ThreadpoolController()
    controller = _STATE["controller"]
    if controller is None:
        return contextlib.nullcontext()
    return controller.limit(limits=threads, user_api="blas")


def rescan() -> None:
    """Look for BLAS libraries again at the next ``limit`` (compiling may have loaded SciPy's)."""
    _STATE.pop("controller", None)


def in_compiled_code() -> bool:
    """True when Numba-compiled code can call BLAS (its ``np.dot`` needs SciPy)."""
    if "scipy" not in _STATE:
        try:
            import scipy.linalg.cython_blas  # noqa: F401
        except ImportError:
            _STATE["scipy"] = False
        else:
            _STATE["scipy"] = True
    return _STATE["scipy"]

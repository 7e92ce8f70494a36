r"""What a layer specification is: its shape, its leaves, its forward pass, twice.

Every layer kind (``conv``, ``pooling``, ``normalization``, ...) subclasses
``LayerSpec``. A spec is a frozen value holding the shape; it says which
leaves exist (inputs, parameters, and the upstream gradient g = ∂L/∂y,
one entry per output), runs its forward pass on ``dual`` numbers (the ground
truth is differentiated from it) and, separately and in plain loops, on
60-digit reals (``reference``: the independent oracle that confirms every
refutation). Indices are 1-based, as in the documents.

Shapes are given as keyword arguments (``layers.conv2d(kernel=(2, 2), ...)``)
or, on the command line, as ``--shape kernel=2x2,stride=2``.

>>> parse_shape("kernel=2x3,stride=2", {"kernel": "pos2", "stride": "pos"})
{'kernel': (2, 3), 'stride': 2}
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from fractions import Fraction
from itertools import product
from typing import Callable, ClassVar

from ..errors import SpecError

#: Small exact values for the leaves of a counterexample: easy to re-evaluate by hand.
POINT_VALUES = tuple(Fraction(n, 4) for n in (-4, -3, -2, -1, 1, 2, 3, 4))

#: No spec may have more leaves than this (the exact algebra would not finish anyway).
MAX_LEAVES = 200_000


class ShapeError(SpecError):
    """A layer's shape does not fit (kernel larger than the padded input, stride 0, T = 0, ...)."""


class LayerSpec:
    """Base of every layer spec (each subclass is a frozen dataclass).

    Subclasses set ``kind`` (the name users type), ``PARAMS`` (each shape
    parameter and its type: ``pos`` (≥ 1), ``nat`` (≥ 0), ``pos2``/``nat2``
    (two sizes), or ``choice:a|b``), ``NAMES`` (how each leaf is written, plain and in
    LaTeX) and implement ``check``, ``leaves``, ``outputs``, ``forward``
    and ``reference``.
    """

    kind: ClassVar[str] = ""
    PARAMS: ClassVar[dict] = {}
    NAMES: ClassVar[dict] = {}
    #: Leaves whose counterexample values come from a set of their own (a
    #: dropout mask is 0 or 1; ε and a drop rate are positive).
    DOMAINS: ClassVar[dict] = {}
    #: Intermediates a claim may be about (∂L/∂a_t is δ_t): name -> index list.
    PROBES: ClassVar[tuple] = ()
    #: Whether the forward pass uses a generic activation φ (stand-ins at points).
    generic_activation: ClassVar[bool] = False
    #: The loss's name in formulas (C for a layer whose output is the loss itself).
    LOSS: ClassVar[str] = "L"

    # -- to be provided --------------------------------------------------------

    def check(self) -> None:  # pragma: no cover - every kind overrides
        raise NotImplementedError

    def leaves(self) -> dict:
        """{name: [index, ...]} of every independent input, parameter and g."""
        raise NotImplementedError

    def outputs(self) -> list:
        raise NotImplementedError

    def forward(self, tape) -> dict:
        """{output index: Dual} (named intermediates go to ``tape.keep``)."""
        raise NotImplementedError

    def reference(self, values: dict, probes: dict, mp) -> dict:
        """{output index: real}: the same definition in plain loops (the oracle)."""
        raise NotImplementedError

    def probe_indices(self, name: str) -> list:
        raise KeyError(name)

    # -- shared ------------------------------------------------------------------

    def shape(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]

    def describe(self) -> dict:
        return {"layer": self.kind, "shape": {k: list(v) if isinstance(v, tuple) else v for k, v in self.shape().items()}}

    def label(self) -> str:
        parts = []
        for k, v in self.shape().items():
            parts.append(f"{k}={'x'.join(map(str, v)) if isinstance(v, tuple) else v}")
        return f"{self.kind}({', '.join(parts)})"

    def with_shape(self, **changes) -> "LayerSpec":
        out = replace(self, **changes)  # type: ignore[type-var]
        out.check()
        return out

    @property
    def leaf_count(self) -> int:
        return sum(len(v) for v in self.leaves().values())

    def indices(self, name: str) -> list:
        leaves = self.leaves()
        return leaves[name] if name in leaves else self.probe_indices(name)

    def symbol(self, name: str, idx: tuple, tex: bool = False) -> str:
        """How the entry is written: ``w_{1,2,1,1}`` (indices 1-based)."""
        plain, latex = self.NAMES.get(name, (name, name))
        base = latex if tex else plain
        if not idx:
            return base
        sub = ",".join(str(i) for i in idx)
        if "_" in base or "^" in base:  # W_hh, h_0: a second subscript needs the first in a group
            base = f"{{{base}}}" if tex else f"({base})"
        return f"{base}_{{{sub}}}"

    def domain(self, name: str) -> tuple:
        return self.DOMAINS.get(name, POINT_VALUES)

    def booleans(self) -> frozenset:
        """The leaves whose every value is 0 or 1 (a dropout mask): the exact algebra knows r² = r of them."""
        return frozenset(n for n, d in self.DOMAINS.items() if set(d) == {0, 1})

    def draw(self, rng) -> dict:
        """A random exact point: {(name, index): Fraction} for every leaf."""
        return {(name, idx): Fraction(rng.choice(self.domain(name))) for name, idxs in self.leaves().items() for idx in idxs}


def positions(*sizes: int) -> list:
    """Every 1-based index tuple of an array of the given sizes, row-major."""
    return list(product(*(range(1, n + 1) for n in sizes)))


def parse_shape(text: str, params: dict) -> dict:
    """``--shape`` text to keyword arguments: ``key=value`` pairs separated by commas.

    A value is a whole number, ``AxB`` for sizes in two dimensions (one
    number means the same in each), or a word.
    """
    out: dict = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        key, sep, value = part.partition("=")
        key, value = key.strip().replace("-", "_"), value.strip()
        if not sep or not value:
            raise ShapeError(f"--shape entry {part!r} is not key=value (e.g. kernel=2x2,stride=2)")
        if key not in params:
            raise ShapeError(f"--shape has no parameter {key!r} for this layer; known: {', '.join(params)}")
        out[key] = _value(key, value, params[key])
    return out


def _arity(kind: str) -> int:
    return int(kind[3:]) if kind[3:].isdigit() else 0


def _value(key: str, value: str, kind: str):
    if kind.startswith("choice:"):
        choices = kind.split(":", 1)[1].split("|")
        if value not in choices:
            raise ShapeError(f"{key}={value!r} is not one of {', '.join(choices)}")
        return value
    parts = value.lower().split("x")
    try:
        numbers = tuple(int(p) for p in parts)
    except ValueError:
        raise ShapeError(f"{key}={value!r} is not a whole number{' or AxB' if _arity(kind) > 1 else ''}") from None
    n = _arity(kind)
    if n:
        if len(numbers) == 1:
            numbers = numbers * n
        if len(numbers) != n:
            raise ShapeError(f"{key}={value!r} needs {n} sizes, e.g. {'x'.join(['3'] * n)}")
        return numbers
    if len(numbers) != 1:
        raise ShapeError(f"{key}={value!r} is one whole number")
    return numbers[0]


def validate(spec: LayerSpec) -> None:
    """Types and signs of every parameter (``pos`` ≥ 1, ``nat`` ≥ 0), before the kind's own checks."""
    for key, kind in spec.PARAMS.items():
        v = getattr(spec, key)
        if kind.startswith("choice:"):
            if v not in kind.split(":", 1)[1].split("|"):
                raise ShapeError(f"{spec.kind}: {key}={v!r} is not one of {kind.split(':', 1)[1].replace('|', ', ')}")
            continue
        n = _arity(kind)
        if n and (not isinstance(v, tuple) or len(v) != n):
            raise ShapeError(f"{spec.kind}: {key} must be {n} sizes, got {v!r}")
        low = 0 if kind.startswith("nat") else 1
        for x in v if n else (v,):
            if isinstance(x, bool) or not isinstance(x, int):
                raise ShapeError(f"{spec.kind}: {key} must be whole numbers, got {v!r}")
            if x < low:
                raise ShapeError(f"{spec.kind}: {key} = {x}; it must be at least {low}")
        # before ``leaf_count`` lists every position: input=99999999999999999999x2 overflowed (exit 70) and
        # input=100000x100000 would list 10^10 of them (issue 12)
        size = 1
        for x in v if n else (v,):
            size *= x
        if size > MAX_LEAVES:
            shown = "x".join(map(str, v)) if n else str(v)
            raise ShapeError(f"{spec.kind}: {key}={shown} spans {size:,} entries, past the limit of {MAX_LEAVES:,}")
    if spec.leaf_count > MAX_LEAVES:
        raise ShapeError(f"{spec.kind}: {spec.leaf_count:,} entries is past the limit of {MAX_LEAVES:,}")


def dims(v, n: int) -> tuple:
    """An int or a tuple as n sizes (``kernel=2`` is 2×2 in two dimensions)."""
    if isinstance(v, int) and not isinstance(v, bool):
        return (v,) * n
    return tuple(v)


@dataclass(frozen=True)
class Built:
    """A spec builder as the catalogue and the CLI see it: kind, builder, parameters."""

    kind: str
    build: Callable
    params: dict
    summary: str

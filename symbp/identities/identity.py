"""What an identity of the catalogue is: a named claim and the comparisons that check it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..backprop import Mat
from ..network import Network


@dataclass(frozen=True)
class Comparison:
    """One matrix equation of an instance: ``lhs`` (ground truth) vs ``rhs`` (claim)."""

    layer: int | None
    sample: int
    lhs: Mat
    rhs: Mat
    lhs_tex: str
    rhs_tex: str
    indices: tuple = ("j",)  # names of the row/column indices, Nielsen
    first_column: int = 1  # Dyda's augmented W starts at column 0 (the bias)


@dataclass(frozen=True)
class Identity:
    """A catalogue entry.

    ``compare(q)`` yields the comparisons for a quantities object ``q``;
    ``requires(net)`` returns why the identity does not apply, or ``None``.
    ``exact_only`` marks lemmas about single local derivatives, whose
    pointwise check would only restate the definition.
    """

    name: str
    title: str
    statement: str
    source: str
    compare: Callable | None = None
    requires: Callable[[Network], "str | None"] = lambda net: None
    exact_only: bool = False
    function_rule: str | None = None  # activation name, for σ'-as-σ rules
    aliases: tuple = ()
    default: Callable[[Network], bool] = lambda net: True

    def applies(self, net: Network) -> "str | None":
        return self.requires(net)

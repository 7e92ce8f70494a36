r"""Render symbp's expressions in a notation profile.

Three kinds of input, one set of rules (the profile's data, never a branch per
profile):

* SymPy expressions over a network's symbols (``w^2_12``, ``b^3_1``, ``x_1``,
  ``y_2``, ``z^2_1``) and the generic activation σ, σ' — ``latex(expr, notation)``;
* quantities with symbolic indices, for statements and definitions —
  ``weight("l+1", "k", "j", notation)``, ``matrix("l+1", notation, transpose=True)``;
* the LaTeX strings of certificate steps, which the provers write in the
  notation an identity is stated in (Nielsen's for most) —
  ``retarget(text, notation)`` (module ``retarget``) re-indexes every quantity
  in them and refuses (``NotationError``) a quantity it cannot re-index, rather
  than leave a Nielsen index order in a Sokolinsky document.

Layer numbers are shifted by the profile (Dyda counts the input as layer 0);
symbolic layer names (l, l+1, L) are bound names and keep their letters.

>>> from symbp.network import network
>>> net = network([2, 3, 2])
>>> latex(net.weight(3, 1, 2), "nielsen")
'w^{3}_{12}'
>>> latex(net.weight(3, 1, 2), "sokolinsky")
'w^{(3)}_{21}'
>>> retarget(r"\delta^{l}_{j} = \sum_k w^{l+1}_{kj} \delta^{l+1}_{k}", "sokolinsky")
'\\delta^{(l)}_{j} = \\sum_k w^{(l+1)}_{jk} \\delta^{(l+1)}_{k}'
"""

from __future__ import annotations

import re

import sympy
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from ..errors import NotationError
from ..notation import Notation, profile

# A network symbol's name, as ``Network`` makes it: head, optional sample
# "^(s)", optional layer "^l", then the neuron indices.
_SYMBOL = re.compile(r"(?P<head>[wbzaxy])(?:\^\((?P<s>\d+)\))?(?:\^(?P<l>\d+))?_(?P<idx>[\d,]+)")

#: The role each head letter of Nielsen's notation plays.
HEADS = {"w": "weight", "b": "bias", "z": "z", "a": "a", "x": "input", "y": "target", "delta": "delta"}


# -- single quantities (Nielsen indices in, profile LaTeX out) -----------------


def weight(l, j, k, notation="nielsen") -> str:
    """Nielsen's w^l_{jk} (to j, from k) in ``notation``; indices may be symbols.

    >>> weight("l+1", "k", "j", "sokolinsky")
    'w^{(l+1)}_{jk}'
    """
    return weight_in(profile(notation), _layer(l), j, k)


def weight_in(p: Notation, l, j, k) -> str:
    """``p.weight``, but never ambiguous: w^{2}_{110} could be w_{1,10} or w_{11,0}.

    A profile that writes its two indices side by side gets a comma between
    them when either has more than one character.
    """
    if not p.index_separator and (len(str(j)) > 1 or len(str(k)) > 1):
        first, second = p.weight_index(j, k)
        return f"{p.names['weight']}^{{{p.layer(l)}}}_{{{first},{second}}}"
    return p.weight(l, j, k)


def bias(l, j, notation="nielsen") -> str:
    return profile(notation).bias(_layer(l), j)


def neuron(role: str, l, j, notation="nielsen") -> str:
    """z^l_j, a^l_j or δ^l_j (role ``"z"``, ``"a"``, ``"delta"``) in ``notation``."""
    return profile(notation).neuron(role, _layer(l), j)


def vector(role: str, l, notation="nielsen") -> str:
    r"""The whole layer z^l, a^l or δ^l; a^1 is the input x.

    >>> vector("z", 3, "dyda")
    '\\mathrm{net}^{[2]}'
    """
    p = profile(notation)
    l = _layer(l)
    if role == "a" and l == 1:
        return p.names["input"]
    return f"{p.names[role]}^{{{p.layer(l)}}}"


def bias_vector(l, notation="nielsen") -> str:
    p = profile(notation)
    l = _layer(l)
    if p.bias_column:  # the bias is column 0 of the weight matrix
        r, c = p.weight_index(r"\cdot", 0)
        return f"{p.names['weight']}^{{{p.layer(l)}}}_{{{p._indices(r, c)}}}"
    return f"{p.names['bias']}^{{{p.layer(l)}}}"


def matrix(l, notation="nielsen", *, transpose: bool = False) -> str:
    r"""Nielsen's weight matrix w^l (row j = receiving neuron), or its transpose.

    A profile that indexes weights "from,to" writes its matrix the other way
    round, so Nielsen's (w^{l})^T is that profile's plain matrix.

    >>> matrix("l+1", "nielsen", transpose=True)
    '(w^{l+1})^T'
    >>> matrix("l+1", "sokolinsky", transpose=True)
    'w^{(l+1)}'
    """
    p = profile(notation)
    base = f"{p.names['weight_matrix']}^{{{p.layer(_layer(l))}}}"
    if p.weight_order == "from,to":
        transpose = not transpose
    return f"({base})^T" if transpose else base


def sigma(notation="nielsen", *, prime: bool = False) -> str:
    p = profile(notation)
    return p.sigma + ("'" if prime else "")


def sigma_prime_matrix(l, notation="nielsen") -> str:
    r"""Σ'(z^l), the diagonal matrix of σ'(z^l_j)."""
    return rf"\Sigma'({vector('z', l, notation)})"


def hadamard(left: str, right: str) -> str:
    return rf"{left} \odot {right}"


def partial(of: str, by: str) -> str:
    r"""``\frac{\partial of}{\partial by}``."""
    return rf"\frac{{\partial {of}}}{{\partial {by}}}"


def cost(notation="nielsen") -> str:
    return profile(notation).cost


def nabla_a_cost(notation="nielsen") -> str:
    return rf"\nabla_{{{profile(notation).names['a']}}} {cost(notation)}"


def _layer(l):
    # Ints are concrete layers (shifted by the profile); anything else is a
    # symbolic name printed as given.
    if isinstance(l, bool):
        raise NotationError(f"a layer must be a number or a name, got {l!r}")
    if isinstance(l, int):
        return l
    text = str(l).strip()
    return int(text) if text.isdigit() else text


# -- SymPy expressions -----------------------------------------------------------


class ProfilePrinter(LatexPrinter):
    """SymPy's LaTeX printer, with a network's symbols and σ in a profile."""

    def __init__(self, notation="nielsen", **settings):
        super().__init__(settings)
        self.notation = profile(notation)

    def _print_Symbol(self, expr, style="plain"):
        text = symbol_latex(expr.name, self.notation)
        return text if text is not None else super()._print_Symbol(expr, style)

    def _print_Function(self, expr, exp=None):
        if isinstance(expr, AppliedUndef) or _is_generic(expr):
            name = type(expr).__name__
            head = _function_head(name, self.notation)
            args = ", ".join(self._print(a) for a in expr.args)
            text = rf"{head}\left({args}\right)"
            return f"{text}^{{{exp}}}" if exp is not None else text
        return super()._print_Function(expr, exp)


def _is_generic(expr) -> bool:
    # functions.generic_function makes σ a Function subclass (for its
    # derivative rule), so it is not an AppliedUndef; its class is cached there.
    from ..functions import _GENERIC_CACHE

    return any(type(expr) is pair[0] for pair in _GENERIC_CACHE.values())


def _function_head(name: str, notation: Notation) -> str:
    # The generic activation is sigma / sigma_prime; another generic f is f / f_prime.
    prime = name.endswith("_prime")
    base = name[: -len("_prime")] if prime else name
    head = notation.sigma if base == "sigma" else (base if len(base) == 1 else rf"\operatorname{{{base}}}")
    return head + ("'" if prime else "")


def symbol_latex(name: str, notation="nielsen") -> str | None:
    """LaTeX of the network symbol called ``name`` (None if it is not one)."""
    m = _SYMBOL.fullmatch(name)
    if not m:
        return None
    p = profile(notation)
    head, idx = m.group("head"), m.group("idx")
    layer = int(m.group("l")) if m.group("l") else None
    # A weight's two indices are run together ("12") unless a layer has 10 or
    # more neurons ("1,12"); every other quantity has a single index.
    parts = (idx.split(",") if "," in idx else list(idx)) if head == "w" else [idx]
    sample = m.group("s")
    if head == "w" and layer is not None and len(parts) == 2:
        text = weight_in(p, layer, *parts)
    elif head == "b" and layer is not None and len(parts) == 1:
        text = p.bias(layer, parts[0])
    elif head in ("z", "a") and layer is not None and len(parts) == 1:
        text = p.neuron(head, layer, parts[0])
    elif head == "x" and layer is None and len(parts) == 1:
        text = f"{p.names['input']}_{{{parts[0]}}}"
    elif head == "y" and layer is None and len(parts) == 1:
        text = p.target(parts[0])
    else:
        return None
    if sample is not None:
        text = rf"{text}^{{\langle {sample}\rangle}}" if layer is None else rf"{{{text}}}^{{\langle {sample}\rangle}}"
    return text


def latex(expr, notation="nielsen") -> str:
    r"""LaTeX of a SymPy expression over a network's symbols, in ``notation``.

    >>> from symbp.functions import generic_function
    >>> from symbp.network import network
    >>> net = network([1, 1])
    >>> sigma, sigma_prime = generic_function("sigma")
    >>> latex(net.x(1) * sigma_prime(net.z(2, 1)), "dyda")
    "x_{1} \\varphi'\\left(\\mathrm{net}^{[1]}_{1}\\right)"
    """
    # strict: numbers become SymPy numbers, a string is refused (never parsed).
    return ProfilePrinter(notation).doprint(expr if isinstance(expr, sympy.Basic) else sympy.sympify(expr, strict=True))


def element_latex(net, element, notation="nielsen") -> str:
    """LaTeX of an exact algebra element of ``net`` (e.g. a ``GroundTruth`` result).

    Its activation atoms print as σ(z^l_j) and σ'(z^l_j) whatever the activation,
    as the notes write them.
    """
    model = net.atoms

    def atom(i):
        kind, *rest = model.keys[i]
        if kind in ("S", "D"):
            s, l, j = rest
            name = _generic_name(net.activation(l, j))
            f = sympy.Function(name + ("_prime" if kind == "D" else ""))
            return f(net.z(l, j, s))
        return model.sympy_atom(i)

    return latex(element.to_sympy(atom), notation)


def _generic_name(act) -> str:
    return act.name.split(":", 1)[1] if act.name.startswith("generic:") else "sigma"


# -- certificates ------------------------------------------------------------------


def certificate_latex(cert, notation="nielsen") -> str:
    r"""A certificate as one display of math (an ``align*``), in ``notation``.

    A certificate that holds shows its statement and its checked steps; a
    refuted or undecided one shows its verdict (and the two values at the
    counterexample), never steps. This is what ``Certificate.to_latex`` and
    ``_repr_latex_`` (Jupyter) return; it uses nothing MathJax lacks.

    >>> from symbp.certificate import Certificate
    >>> c = Certificate("BP3", {"sizes": [2, 2]}, "exact", "undecided", reason="budget ran out")
    >>> certificate_latex(c)
    '\\begin{align*}\n\\text{BP3: undecided (budget ran out)}\n\\end{align*}'
    """
    from .document import _align, justification
    from .typeset import math, text

    def build(p):
        rows = []
        if cert.holds and cert.steps:
            if cert.statement:
                rows.append(rf"&\text{{{text(cert.identity)}: }} {math(cert.statement, p)} && \text{{{text(cert.verdict)}}}")
            body = _align(cert.steps, p, justification, checked=False)
            rows += body.split("\n")[1:-1]
            return "\\begin{align*}\n" + "\n".join(_joined(rows)) + "\n\\end{align*}"
        detail = cert.reason or ("no steps recorded" if cert.holds else "")
        rows.append(rf"\text{{{text(cert.identity)}: {text(cert.verdict)}" + (f" ({text(detail, p)})" if detail else "") + "}")
        cx = cert.counterexample
        if cx is not None and cx.lhs and cx.rhs:
            rows.append(rf"\text{{LHS}} &\approx {cx.lhs_value:.6g}, \quad \text{{RHS}} \approx {cx.rhs_value:.6g}")
        return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"

    try:
        return build(profile(notation))
    except NotConvertible as exc:  # stated in a folded-bias notation: as written
        return build(exc.source)
    except NotationError:  # e.g. seed 004's row-vector names: as the prover wrote them
        return build(profile("nielsen"))


def _joined(rows: list[str]) -> list[str]:
    # The statement row needs its own line break before the steps' rows.
    if rows and not rows[0].endswith("\\\\"):
        rows[0] += " \\\\"
    return rows


# The re-indexing of certificate steps lives in its own module; it is part of rendering.
from .retarget import NotConvertible, retarget, source_notation  # noqa: E402,F401

r"""LaTeX of the all-sizes proof expressions, as the notes write them.

``w^{l+1}[i, j]`` prints as ``w^{l+1}_{ij}``, σ'(z) as ``\sigma'(z)``, the
Kronecker delta as the Iverson bracket [i = j] (δ is the error δ^l), and the
opaque partial derivatives of a chain-rule step as fractions.

>>> import sympy
>>> i, j = sympy.symbols("i j")
>>> latex(sympy.IndexedBase("dz^{l+1}/dz^{l}")[i, j])
'\\frac{\\partial z^{l+1}_{i}}{\\partial z^{l}_{j}}'
"""

from __future__ import annotations

from sympy.printing.latex import LatexPrinter


def _fraction(base: str, indices: list[str]) -> str | None:
    # "dC/dz^{l}" with (j,) -> \frac{\partial C}{\partial z^{l}_{j}}; the numerator
    # takes the first index, the denominator the rest (two for a weight).
    if "/" not in base or not base.startswith("d"):
        return None
    num, den = base[1:].split("/", 1)
    den = den[1:]
    if num == "C":
        top, bottom = "C", _sub(den, indices)
    elif num == "C_x":  # the cost of sample x: first index is the sample
        top, bottom = f"C_{{{indices[0]}}}", _sub(den, indices[1:])
    else:
        top, bottom = _sub(num, indices[:1]), _sub(den, indices[1:])
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


def _sub(name: str, indices: list[str]) -> str:
    if not indices:
        return name
    joined = "".join(indices) if all(len(i) == 1 for i in indices) else ",".join(indices)
    return f"{name}_{{{joined}}}"


class _Printer(LatexPrinter):
    def _print_Indexed(self, expr):
        base = str(expr.base)
        indices = [self._print(i) for i in expr.indices]
        frac = _fraction(base, indices)
        if frac is not None:
            return frac
        if "^{x," in base:  # a per-sample quantity: the first index is the sample, a superscript
            head, _, layer = base.partition("^{x,")
            return _sub(f"{head}^{{{indices[0]},{layer}", indices[1:])
        if base == r"\nabla_{a} C":
            return rf"(\nabla_a C)_{{{''.join(indices)}}}"
        return _sub(base, indices)

    def _print_Function(self, expr, exp=None):
        name = type(expr).__name__
        if name.endswith("_prime"):
            head = name[: -len("_prime")]
            head = "\\" + head if head in ("sigma", "phi") else head
            out = rf"{head}'\left({self._print(expr.args[0])}\right)"
            return out if exp is None else rf"{out}^{{{exp}}}"
        if name in ("sigma", "phi"):
            out = rf"\{name}\left({self._print(expr.args[0])}\right)"
            return out if exp is None else rf"{out}^{{{exp}}}"
        return super()._print_Function(expr, exp)

    def _print_Symbol(self, expr, style="plain"):
        if expr.name.startswith("_k"):  # canonical summation indices of a remainder
            return f"k_{{{expr.name[2:]}}}"
        return super()._print_Symbol(expr, style)

    def _print_KroneckerDelta(self, expr, exp=None):
        # Iverson bracket: δ is already the error δ^l of the notes
        a, b = (self._print(x) for x in expr.args)
        out = rf"[{a} = {b}]"
        return out if exp is None else rf"{out}^{{{exp}}}"

    def _print_Dummy(self, expr):
        return expr.name


def latex(expr) -> str:
    """LaTeX of an all-sizes expression (see module doc)."""
    return _Printer().doprint(expr)

r"""The LaTeX page of a worked example (see ``worked``): given values, forward
pass, backward pass and gradients, each line with its justification, then the
checks the numbers passed.
"""

from __future__ import annotations

import math

import sympy

from ..notation import profile
from .document import _wrap, definitions_section, notation_section, text
from .render import bias, neuron, partial, weight
from .worked import DIGITS, PHRASES, SHOWN, WorkedExample


def _shown(v, exact: bool, *, wrap: bool = False) -> str:
    if exact:
        r = sympy.Rational(v)
        s = str(r.p) if r.q == 1 else rf"\tfrac{{{abs(r.p)}}}{{{r.q}}}"
        if r.q != 1 and r.p < 0:
            s = "-" + s
    else:
        f = float(v)
        s = f"{f:.{SHOWN}g}"
        if "e" in s:
            mant, exp = s.split("e")
            s = rf"{mant} \cdot 10^{{{int(exp)}}}"
    negative = s.startswith("-")
    return f"({s})" if wrap and negative else s


def _words(key: str, lang: str, **values) -> str:
    table = PHRASES.get(lang, PHRASES["en"])
    return table.get(key, PHRASES["en"][key]).format(**values)


class _Page:
    # What every row builder needs: the example, the profile, how to print numbers and words.
    def __init__(self, ex: WorkedExample, notation, lang: str):
        self.ex, self.p, self.lang, self.net = ex, profile(notation), lang, ex.net

    def num(self, v, wrap: bool = False) -> str:
        return _shown(v, self.ex.exact, wrap=wrap)

    def chain(self, lhs: str, exprs: list[str], why: str, **kw) -> list[str]:
        """``lhs = e1 = e2 = …`` as align rows, the justification on the first, right-aligned as a tag."""
        words = text(_words(why, self.lang, **kw))
        rows = [rf"{lhs} &= {exprs[0]} \tag*{{({words})}}"]
        rows += [rf"&= {e}" for e in exprs[1:]]
        return rows


def _given_rows(pg: _Page) -> list[str]:
    ex, p, net = pg.ex, pg.p, pg.net
    rows = [rf"{neuron('a', 1, k, p)} &= {pg.num(ex.values[('x', 1, k)])}" for k in range(1, net.n(1) + 1)]
    rows += [rf"{p.target(j)} &= {pg.num(ex.values[('y', 1, j)])}" for j in range(1, net.n(net.L) + 1)]
    for l in net.layers:
        for j in range(1, net.n(l) + 1):
            entries = [
                f"{weight(l, j, k, p)} = {pg.num(ex.values[('w', l, j, k)])}" for k in range(1, net.n(l - 1) + 1)
            ]
            entries.append(f"{bias(l, j, p)} = {pg.num(ex.values[('b', l, j)])}")
            rows.append(r",\quad ".join(entries).replace(" = ", " &= ", 1))
    return rows


def _forward_rows(pg: _Page) -> list[str]:
    ex, p, net = pg.ex, pg.p, pg.net
    rows = []
    for l in net.layers:
        ks = range(1, net.n(l - 1) + 1)
        for j in range(1, net.n(l) + 1):
            z_lj = neuron("z", l, j, p)
            terms = " + ".join(f"{weight(l, j, k, p)} {neuron('a', l - 1, k, p)}" for k in ks)
            nums = " + ".join(rf"{pg.num(ex.values[('w', l, j, k)], True)} \cdot {pg.num(ex.a[(l - 1, k)], True)}" for k in ks)
            rows += pg.chain(
                z_lj,
                [f"{terms} + {bias(l, j, p)}", f"{nums} + {pg.num(ex.values[('b', l, j)], True)}", pg.num(ex.z[(l, j)])],
                "def_z", z=f"${p.names['z']}$",
            )
            if l == net.L and net.output_softmax:
                continue  # the softmax needs every z^L_k first
            rows += pg.chain(
                neuron("a", l, j, p), [f"{p.sigma}({z_lj}) = {pg.num(ex.a[(l, j)])}"], "def_a", a=f"${p.names['a']}$"
            )
    if net.output_softmax:
        L = net.L
        exps = " + ".join(f"e^{{{neuron('z', L, k, p)}}}" for k in range(1, net.n(L) + 1))
        for j in range(1, net.n(L) + 1):
            rows += pg.chain(
                neuron("a", L, j, p),
                [rf"\frac{{e^{{{neuron('z', L, j, p)}}}}}{{{exps}}} = {pg.num(ex.a[(L, j)])}"],
                "softmax",
            )
    return rows


def _backward_rows(pg: _Page) -> list[str]:
    ex, p, net = pg.ex, pg.p, pg.net
    L, rows = net.L, []
    for j in range(1, net.n(L) + 1):
        if net.output_softmax:
            rows += _softmax_delta_rows(pg, j)
            continue
        rows += pg.chain(
            neuron("delta", L, j, p),
            [
                rf"{partial(p.cost, neuron('a', L, j, p))} \, {p.sigma}'({neuron('z', L, j, p)})",
                rf"{pg.num(ex.nabla_a[j], True)} \cdot {pg.num(ex.sigma_prime[(L, j)], True)} = {pg.num(ex.delta[(L, j)])}",
            ],
            "bp1",
        )
    for l in range(L - 1, 1, -1):
        ks = range(1, net.n(l + 1) + 1)
        for j in range(1, net.n(l) + 1):
            terms = " + ".join(f"{weight(l + 1, k, j, p)} {neuron('delta', l + 1, k, p)}" for k in ks)
            nums = " + ".join(rf"{pg.num(ex.values[('w', l + 1, k, j)], True)} \cdot {pg.num(ex.delta[(l + 1, k)], True)}" for k in ks)
            rows += pg.chain(
                neuron("delta", l, j, p),
                [
                    rf"{p.sigma}'({neuron('z', l, j, p)}) \left({terms}\right)",
                    rf"{pg.num(ex.sigma_prime[(l, j)], True)} \left({nums}\right)",
                    pg.num(ex.delta[(l, j)]),
                ],
                "bp2",
            )
    return rows


def _softmax_delta_rows(pg: _Page, j: int) -> list[str]:
    # δ^L_j = Σ_k ∂C/∂a^L_k · ∂a^L_k/∂z^L_j with ∂a_k/∂z_j = a_k([k = j] − a_j) (seed 003),
    # one term of the sum per line.
    ex, p, net = pg.ex, pg.p, pg.net
    L, ks = net.L, list(range(1, net.n(net.L) + 1))
    a = lambda k: neuron("a", L, k, p)  # noqa: E731
    terms = [rf"{partial(p.cost, a(k))} \, {a(k)}({1 if k == j else 0} - {a(j)})" for k in ks]
    nums = [
        rf"{pg.num(ex.nabla_a[k], True)} \cdot {pg.num(ex.a[(L, k)], True)}({1 if k == j else 0} - {pg.num(ex.a[(L, j)], True)})"
        for k in ks
    ]
    rows = pg.chain(neuron("delta", L, j, p), [terms[0]], "softmax_chain")
    rows += [rf"&\phantom{{=}} + {t}" for t in terms[1:]]
    rows += [rf"&= {nums[0]}"] + [rf"&\phantom{{=}} + {t}" for t in nums[1:]]
    rows.append(rf"&= {pg.num(ex.delta[(L, j)])}")
    return rows


def _gradient_rows(pg: _Page) -> list[str]:
    ex, p, net = pg.ex, pg.p, pg.net
    rows = []
    for key in net.parameters():
        if key[0] == "b":
            _, l, j = key
            rows += pg.chain(
                partial(p.cost, bias(l, j, p)),
                [f"{neuron('delta', l, j, p)} = {pg.num(ex.grads[key])}"], "bp3",
            )
        else:
            _, l, j, k = key
            rows += pg.chain(
                partial(p.cost, weight(l, j, k, p)),
                [
                    f"{neuron('a', l - 1, k, p)} {neuron('delta', l, j, p)}"
                    rf" = {pg.num(ex.a[(l - 1, k)], True)} \cdot {pg.num(ex.delta[(l, j)], True)} = {pg.num(ex.grads[key])}"
                ],
                "bp4",
            )
    return rows


def worked_document(ex: WorkedExample, notation="nielsen", *, lang: str = "en") -> str:
    """A complete ``article`` showing the example's computation in ``notation``."""
    pg = _Page(ex, notation, lang)
    p = pg.p

    def section(key, rows, intro=""):
        return f"\\section*{{{_words(key, lang)}}}\n{intro}\\begin{{align*}}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"

    c = ex.checks
    numbers = _words("numbers_exact", lang) if ex.exact else _words("numbers_decimal", lang, digits=DIGITS, shown=SHOWN)
    checks = _words("check_text", lang, exact=f"{float(c['exact']):.1e}", h=f"{c['h']:g}",
                    fd=_bound(c['finite_differences']), tol=f"{c['tolerance']:g}", cost=_bound(c['cost']))
    body = (
        notation_section(p, lang)
        + definitions_section(p, [ex.net.cost], lang)
        + section("given", _given_rows(pg), text(_words("given_text", lang) + " " + numbers) + "\n")
        + section("forward", _forward_rows(pg))
        + section("cost", [rf"{p.cost} &= {pg.num(ex.cost)}"])
        + section("backward", _backward_rows(pg))
        + section("gradients", _gradient_rows(pg))
        + f"\\section*{{{_words('checks', lang)}}}\n{text(checks)}\n"
    )
    title = text(_words("title", lang, label=ex.net.label()))
    return _wrap(title, body)


def _bound(x: float) -> str:
    # Float64 rounding differs between NumPy builds in the last bits, so a float
    # difference is shown as the power of ten it stays under, which does not.
    if x == 0:
        return "0"
    return f"under 1e{math.ceil(math.log10(abs(x))):+03d}"

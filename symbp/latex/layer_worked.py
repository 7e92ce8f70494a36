r"""Worked examples with numbers: a strided, padded convolution and a batch norm, in exact fractions.

Every number is computed: the forward pass and the ground truth by
``symbp.layers`` (differentiating the definition, in exact rationals), each
intermediate of the textbook formula by the same helpers the proofs check.
A document says "equal entry by entry" only after comparing; otherwise it
says that they differ.

>>> "pmatrix" in batchnorm_example()
True
"""

from __future__ import annotations

from fractions import Fraction

from ..layers import batchnorm, conv2d, get
from ..layers.conv import dilate
from ..layers.field import Rational
from ..layers.identity import evaluate, run
from .layers import _PREAMBLE, layer_section


def _num(q) -> str:
    q = Fraction(q)
    if q.denominator == 1:
        return str(q.numerator)
    sign = "-" if q < 0 else ""
    return rf"{sign}\tfrac{{{abs(q.numerator)}}}{{{q.denominator}}}"


def _matrix(entries: dict, rows: int, cols: int) -> str:
    body = r" \\ ".join(" & ".join(_num(entries[(r, c)]) for c in range(1, cols + 1)) for r in range(1, rows + 1))
    return rf"\begin{{pmatrix}} {body} \end{{pmatrix}}"


def _column(values: list) -> str:
    return r"\begin{pmatrix} " + r" \\ ".join(_num(v) for v in values) + r" \end{pmatrix}"


def _verdict(truth: dict, formula: dict) -> str:
    same = all(truth[k] == formula[k] for k in truth)
    return "equal entry by entry" if same else r"\textbf{they differ}: this is a symbp defect, please report it"


def _document(title: str, body: str) -> str:
    return (_PREAMBLE + f"\\title{{{title}}}\n\\author{{symbp}}\n\\date{{}}\n\\begin{{document}}\n\\maketitle\n\n"
            + body + "\n\\end{document}\n")


# -- convolution ---------------------------------------------------------------------------------

CONV_POINT = {
    "x": [[1, 2, 0], [-1, 3, 1], [2, 0, -2]],
    "w": [[1, -1], [2, 1]],
    "b": 1,
    "g": [[1, -2], [3, 1]],
}


def conv2d_example() -> str:
    """One channel, a 2×2 kernel, stride 2, padding 1 on a 3×3 input: every number of the backward pass."""
    spec = conv2d(in_channels=1, out_channels=1, kernel=2, stride=2, padding=1, input=(3, 3))
    pt = CONV_POINT
    values = {("x", (1, i, j)): Fraction(pt["x"][i - 1][j - 1]) for i in range(1, 4) for j in range(1, 4)}
    values.update({("w", (1, 1, i, j)): Fraction(pt["w"][i - 1][j - 1]) for i in range(1, 3) for j in range(1, 3)})
    values[("b", (1,))] = Fraction(pt["b"])
    values.update({("g", (1, p, q)): Fraction(pt["g"][p - 1][q - 1]) for p in range(1, 3) for q in range(1, 3)})
    field = Rational(values)
    v = run(spec, field, ("x", "w", "b"))
    y = {(p, q): v._outputs[(1, p, q)].value for p in range(1, 3) for q in range(1, 3)}
    x = {(i, j): values[("x", (1, i, j))] for i in range(1, 4) for j in range(1, 4)}
    w = {(i, j): values[("w", (1, 1, i, j))] for i in range(1, 3) for j in range(1, 3)}
    g = {(p, q): values[("g", (1, p, q))] for p in range(1, 3) for q in range(1, 3)}
    xt = {(i, j): spec.padded(v["x"], 1, (i, j), Fraction(0)) for i in range(1, 6) for j in range(1, 6)}
    gd = dilate(spec, v.g, 1, Fraction(0))  # 3×3
    padded = {(i, j): gd.get((i - 1, j - 1), Fraction(0)) for i in range(1, 7) for j in range(1, 7)}  # 1 + 3 + 1 + 1 = 6
    rot = {(i, j): w[(3 - i, 3 - j)] for i in range(1, 3) for j in range(1, 3)}
    wgrad_truth, wgrad, _ = evaluate(get("conv2d-weight-gradient"), spec, Rational(values))
    xgrad_truth, xgrad, _ = evaluate(get("conv2d-input-gradient"), spec, Rational(values))
    bgrad_truth, bgrad, _ = evaluate(get("conv2d-bias-gradient"), spec, Rational(values))
    full = {(i, j): sum((padded[(i + a - 1, j + c - 1)] * rot[(a, c)] for a in range(1, 3) for c in range(1, 3)), Fraction(0))
            for i in range(1, 6) for j in range(1, 6)}
    W = lambda d: {(i, j): d[("w", (1, 1, i, j))] for i in range(1, 3) for j in range(1, 3)}  # noqa: E731
    X = lambda d: {(i, j): d[("x", (1, i, j))] for i in range(1, 4) for j in range(1, 4)}  # noqa: E731
    body = layer_section("conv2d")
    body += rf"""
\section*{{A worked example}}
One input and one output channel ($C = K = 1$), a $2 \times 2$ kernel, stride $s = 2$, padding $P = 1$, a $3\times 3$
input: the output is $\lfloor (3 + 2 - 2)/2 \rfloor + 1 = 2$ by $2$.
\[ x = {_matrix(x, 3, 3)}, \quad w = {_matrix(w, 2, 2)}, \quad b = {_num(pt['b'])}, \quad
   \tilde x = {_matrix(xt, 5, 5)}. \]
Forward: $y_{{p,q}} = b + \sum_{{i,j}} w_{{i,j}} \tilde x_{{2(p-1)+i,\, 2(q-1)+j}}$ gives
\[ y = {_matrix(y, 2, 2)}, \qquad \text{{and from above}} \quad g = \frac{{\partial L}}{{\partial y}} = {_matrix(g, 2, 2)}. \]

\subsection*{{The weight and bias gradients}}
$g$ dilated by the stride ($s - 1 = 1$ zero between its entries):
\[ \hat g = {_matrix(gd, 3, 3)}, \qquad
   \frac{{\partial L}}{{\partial w}} = \tilde x \star \hat g = {_matrix(W(wgrad), 2, 2)}, \qquad
   \frac{{\partial L}}{{\partial b}} = \sum_{{p,q}} g_{{p,q}} = {_num(bgrad[("b", (1,))])}. \]
Ground truth, $\sum_{{p,q}} g_{{p,q}}\, \partial y_{{p,q}}/\partial w_{{i,j}}$ by differentiating the forward pass:
\[ {_matrix(W(wgrad_truth), 2, 2)} \ \text{{and}}\ {_num(bgrad_truth[("b", (1,))])}: \ \text{{{_verdict({**wgrad_truth, **bgrad_truth}, {**wgrad, **bgrad})}}}. \]

\subsection*{{The input gradient}}
$\hat g$ padded by $k - 1 = 1$ zero on each side, and by one more row and column at the end (the
$(3 + 2 - 2) \bmod 2 = 1$ padded position that no window reached), and the kernel rotated by $180^\circ$:
\[ \mathrm{{pad}}(\hat g) = {_matrix(padded, 6, 6)}, \qquad \mathrm{{rot}}_{{180}}(w) = {_matrix(rot, 2, 2)}. \]
Their correlation is the gradient with respect to the padded input; cropping $P = 1$ from each side gives
$\partial L/\partial x$:
\[ \mathrm{{pad}}(\hat g) \star \mathrm{{rot}}_{{180}}(w) = {_matrix(full, 5, 5)}, \qquad
   \frac{{\partial L}}{{\partial x}} = {_matrix(X(xgrad), 3, 3)}. \]
Ground truth by differentiating the forward pass: ${_matrix(X(xgrad_truth), 3, 3)}$: {_verdict(xgrad_truth, xgrad)}.
"""
    return _document("A worked example: the backward pass of a strided, padded convolution", body)


# -- batch normalisation ---------------------------------------------------------------------------

BN_POINT = {"x": [1, 2, 4], "gamma": 2, "beta": Fraction(1, 2), "eps": Fraction(2, 9), "g": [1, -1, Fraction(1, 2)]}


def batchnorm_example() -> str:
    """One feature over a batch of three: every number of the staged and the compact backward pass."""
    spec = batchnorm(batch=3, features=1)
    pt = BN_POINT
    values = {("x", (i, 1)): Fraction(pt["x"][i - 1]) for i in range(1, 4)}
    values.update({("g", (i, 1)): Fraction(pt["g"][i - 1]) for i in range(1, 4)})
    values.update({("gamma", (1,)): Fraction(pt["gamma"]), ("beta", (1,)): Fraction(pt["beta"]), ("eps", ()): Fraction(pt["eps"])})
    v = run(spec, Rational(values), ())
    mu, var, u = v["mu"][(1,)], v["var"][(1,)], v["u"][(1,)]
    xhat = [v["xhat"][(i, 1)] for i in range(1, 4)]
    y = [v._outputs[(i, 1)].value for i in range(1, 4)]
    gamma, g = values[("gamma", (1,))], [values[("g", (i, 1))] for i in range(1, 4)]
    x = [values[("x", (i, 1))] for i in range(1, 4)]
    dxh = [gamma * gi for gi in g]
    dvar = sum((d * (xi - mu) for d, xi in zip(dxh, x)), Fraction(0)) * Fraction(-1, 2) * u**3
    dmu = -u * sum(dxh, Fraction(0)) + dvar * sum((-2 * (xi - mu) for xi in x), Fraction(0)) / 3
    staged = [d * u + dvar * 2 * (xi - mu) / 3 + dmu / 3 for d, xi in zip(dxh, x)]
    sg, sgx = sum(g, Fraction(0)), sum((gi * h for gi, h in zip(g, xhat)), Fraction(0))
    truth, compact, _ = evaluate(get("batchnorm-input-gradient"), spec, Rational(values))
    tg, cg, _ = evaluate(get("batchnorm-gamma-gradient"), spec, Rational(values))
    tb, cb, _ = evaluate(get("batchnorm-beta-gradient"), spec, Rational(values))
    col = lambda d: [d[("x", (i, 1))] for i in range(1, 4)]  # noqa: E731
    staged_map = {("x", (i, 1)): staged[i - 1] for i in range(1, 4)}
    body = layer_section("batchnorm")
    body += rf"""
\section*{{A worked example}}
One feature over a batch of $m = 3$. The usual $\epsilon$ is small ($10^{{-5}}$); here $\epsilon = {_num(pt['eps'])}$
makes $\sqrt{{\sigma^2 + \epsilon}}$ rational, so that every number below is exact.
\[ x = {_column(x)}, \quad \gamma = {_num(gamma)}, \quad \beta = {_num(pt['beta'])}, \quad
   \mu = {_num(mu)}, \quad \sigma^2 = {_num(var)}, \quad \sqrt{{\sigma^2 + \epsilon}} = {_num(1 / u)}, \]
\[ \hat x = {_column(xhat)}, \qquad y = \gamma \hat x + \beta = {_column(y)}, \qquad
   g = \frac{{\partial L}}{{\partial y}} = {_column(g)}. \]

\subsection*{{$\gamma$ and $\beta$}}
\[ \frac{{\partial L}}{{\partial \gamma}} = \sum_i g_i \hat x_i = {_num(cg[("gamma", (1,))])}, \qquad
   \frac{{\partial L}}{{\partial \beta}} = \sum_i g_i = {_num(cb[("beta", (1,))])}; \]
by differentiating the forward pass: ${_num(tg[("gamma", (1,))])}$ and ${_num(tb[("beta", (1,))])}$: {_verdict({**tg, **tb}, {**cg, **cb})}.

\subsection*{{The input gradient, staged (Ioffe and Szegedy)}}
\[ \frac{{\partial L}}{{\partial \hat x}} = \gamma g = {_column(dxh)}, \quad
   \frac{{\partial L}}{{\partial \sigma^2}} = -\frac12 \sum_i \frac{{\partial L}}{{\partial \hat x_i}}(x_i - \mu)(\sigma^2+\epsilon)^{{-3/2}} = {_num(dvar)}, \]
\[ \frac{{\partial L}}{{\partial \mu}} = -\sum_i \frac{{\partial L}}{{\partial \hat x_i}} \frac{{1}}{{\sqrt{{\sigma^2+\epsilon}}}}
   + \frac{{\partial L}}{{\partial \sigma^2}} \frac{{1}}{{m}} \sum_i -2(x_i - \mu) = {_num(dmu)}, \]
\[ \frac{{\partial L}}{{\partial x_i}} = \frac{{\partial L}}{{\partial \hat x_i}} \frac{{1}}{{\sqrt{{\sigma^2+\epsilon}}}}
   + \frac{{\partial L}}{{\partial \sigma^2}} \frac{{2(x_i - \mu)}}{{m}} + \frac{{\partial L}}{{\partial \mu}} \frac{{1}}{{m}} = {_column(staged)}. \]

\subsection*{{The input gradient, compact}}
With $\sum_j g_j = {_num(sg)}$ and $\sum_j g_j \hat x_j = {_num(sgx)}$:
\[ \frac{{\partial L}}{{\partial x_i}} = \frac{{\gamma}}{{m\sqrt{{\sigma^2+\epsilon}}}}\Big(m\, g_i - \sum_j g_j - \hat x_i \sum_j g_j \hat x_j\Big)
   = {_column(col(compact))}. \]
Ground truth by differentiating the forward pass: ${_column(col(truth))}$. Staged and ground truth:
{_verdict(truth, staged_map)}; compact and ground truth: {_verdict(truth, compact)}.
"""
    return _document("A worked example: the backward pass of batch normalisation", body)

r"""Proofs for every size: batch norm, layer norm, residual, dropout and softmax with symbolic lengths.

The entries are summed over a range 1..m of symbolic length (``moments``):
batch norm over the m samples of one feature (features are normalised
independently, and γ_c, β_c act on feature c alone), layer norm over the n
features of one sample, the residual connection, dropout and the softmax
over n entries. Each identity is a chain of lines, from the ground truth
Σ_i g_i ∂y_i/∂x_j (each ∂y_i/∂x_j by differentiating the definition) to the
textbook formula; every line is checked against the next by reducing their
difference to the zero rational function in the atoms, which makes it hold
for every m. The verdict is ``proved-for-all-sizes``; each certificate also
carries the identity proved exactly on concrete shapes (``details["concrete"]``).

Not reached (proved on concrete shapes only): convolution and pooling (the
window's index arithmetic), the RNN (a symbolic number of steps needs
induction over t) and attention (sums over two symbolic ranges).

>>> prove_all_sizes("batchnorm-input-gradient").verdict
'proved-for-all-sizes'
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from ..algebra import limits
from ..algebra import BudgetExceeded
from ..certificate import Certificate, Step
from ..errors import IdentityError
from .catalogue import get, layer
from .moments import Moments
from .prover import prove_layer


@dataclass(frozen=True)
class AllSizes:
    """How one identity is proved for every size: its range, its scope, its chain of lines."""

    size: str
    scope: str
    chain: Callable  # Moments -> [(LaTeX of the line, why it follows, the line)]; the first is the ground truth
    concrete: tuple  # --shape texts of the concrete cross-checks
    assumption: str = ""


# -- normalisation ----------------------------------------------------------------------------


def _norm(A: Moments, per_entry_gamma: bool):
    x = lambda i: A.point("x", i)  # noqa: E731
    gamma = (lambda i: A.point("gamma", i)) if per_entry_gamma else (lambda i: A.scalar("gamma"))
    beta = (lambda i: A.point("beta", i)) if per_entry_gamma else (lambda i: A.scalar("beta"))
    mu = A.sum("k", x("k")) / A.m
    var = A.sum("k", (x("k") - mu) * (x("k") - mu)) / A.m
    u = A.fn("rsqrt", "u", var + A.scalar("eps"))
    xhat = lambda i: (x(i) - mu) * u  # noqa: E731
    y = lambda i: gamma(i) * xhat(i) + beta(i)  # noqa: E731
    return x, gamma, mu, u, xhat, y


def _norm_input(per_entry_gamma: bool):
    def chain(A: Moments):
        g = lambda i: A.point("g", i)  # noqa: E731
        x, gamma, mu, u, xhat, y = _norm(A, per_entry_gamma)
        dxh = lambda i: gamma(i) * g(i)  # noqa: E731  ∂L/∂x̂_i
        m = A.m
        truth = A.sum("i", g("i") * A.d(y("i"), ("x", "j")))
        through = A.sum("i", dxh("i") * A.d(xhat("i"), ("x", "j")))
        dvar = A.sum("i", dxh("i") * (x("i") - mu)) * Fraction(-1, 2) * u * u * u
        dmu = A.sum("i", dxh("i")) * (-u) + dvar * A.sum("i", -2 * (x("i") - mu)) / m
        staged = dxh("j") * u + dvar * 2 * (x("j") - mu) / m + dmu / m
        compact = u / m * (m * dxh("j") - A.sum("i", dxh("i")) - xhat("j") * A.sum("i", dxh("i") * xhat("i")))
        size = "m" if not per_entry_gamma else "n"
        return [
            (r"\frac{\partial L}{\partial x_j}", "definition", truth),
            (r"\sum_i \frac{\partial L}{\partial \hat x_i} \frac{\partial \hat x_i}{\partial x_j}", "differentiate $y = \\gamma \\hat x + \\beta$", through),
            (rf"\frac{{\partial L}}{{\partial \hat x_j}} \frac{{1}}{{\sqrt{{\sigma^2+\epsilon}}}} + \frac{{\partial L}}{{\partial \sigma^2}} \frac{{2(x_j-\mu)}}{{{size}}} + \frac{{\partial L}}{{\partial \mu}}\frac{{1}}{{{size}}}",
             "Ioffe and Szegedy's staged gradients", staged),
            (rf"\frac{{1}}{{{size}\sqrt{{\sigma^2+\epsilon}}}}\Big({size}\, \frac{{\partial L}}{{\partial \hat x_j}} - \sum_i \frac{{\partial L}}{{\partial \hat x_i}}"
             r" - \hat x_j \sum_i \frac{\partial L}{\partial \hat x_i} \hat x_i\Big)", "collect the terms over one denominator", compact),
        ]

    return chain


def _norm_param(param: str, per_entry_gamma: bool):
    def chain(A: Moments):
        g = lambda i: A.point("g", i)  # noqa: E731
        x, gamma, mu, u, xhat, y = _norm(A, per_entry_gamma)
        wrt = (param, "j") if per_entry_gamma else (param,)
        truth = A.sum("i", g("i") * A.d(y("i"), wrt))
        if per_entry_gamma:  # one sample: the entry j of γ (or β) meets the entry j only
            claim = g("j") * xhat("j") if param == "gamma" else g("j")
            tex = r"g_j\, \hat x_j" if param == "gamma" else "g_j"
        else:
            claim = A.sum("i", g("i") * xhat("i")) if param == "gamma" else A.sum("i", g("i"))
            tex = r"\sum_i g_i\, \hat x_i" if param == "gamma" else r"\sum_i g_i"
        name = r"\gamma" if param == "gamma" else r"\beta"
        lhs = rf"\frac{{\partial L}}{{\partial {name}{'_j' if per_entry_gamma else ''}}}"
        return [(lhs, "definition", truth), (tex, "differentiate $y_i = \\gamma \\hat x_i + \\beta$", claim)]

    return chain


# -- residual, dropout, softmax ------------------------------------------------------------------


def _residual(A: Moments):
    g = lambda i: A.point("g", i)  # noqa: E731
    J = lambda i, k: A.point("J", i, k)  # noqa: E731  ∂F_i/∂x_k of an arbitrary block
    # y_i = x_i + F_i(x): ∂y_i/∂x_j = δ_ij + J_ij, the block's Jacobian an atom of its own.
    truth = A.sum("i", g("i") * (A.d(A.point("x", "i"), ("x", "j")) + J("i", "j")))
    claim = g("j") + A.sum("i", J("i", "j") * g("i"))
    return [(r"\frac{\partial L}{\partial x_j}", "definition", truth),
            (r"g_j + \sum_i \frac{\partial F_i}{\partial x_j} g_i", "the skip adds $\\delta_{ij}$", claim)]


def _dropout(A: Moments):
    g = lambda i: A.point("g", i)  # noqa: E731
    r = lambda i: A.point("r", i)  # noqa: E731
    x = lambda i: A.point("x", i)  # noqa: E731
    scale = A.fn("recip", "keep", 1 - A.scalar("p"))
    truth = A.sum("i", g("i") * A.d(r("i") * x("i") * scale, ("x", "j")))
    claim = r("j") * g("j") * scale
    return [(r"\frac{\partial L}{\partial x_j}", "definition", truth),
            (r"\frac{r_j\, g_j}{1-p}", "the mask and the scale are constants", claim)]


def _softmax_parts(A: Moments):
    A.declare("E", "exp", lambda i: A.point("z", i))
    E = lambda i: A.point("E", i)  # noqa: E731
    R = A.fn("recip", "D", A.sum("k", E("k")))
    p = lambda i: E(i) * R  # noqa: E731
    return E, R, p


def _softmax_backward(A: Moments):
    g = lambda i: A.point("g", i)  # noqa: E731
    E, R, p = _softmax_parts(A)
    truth = A.sum("i", g("i") * A.d(p("i"), ("z", "j")))
    jac = A.sum("i", g("i") * p("i") * (A.delta("i", "j") - p("j")))
    claim = p("j") * (g("j") - A.sum("i", g("i") * p("i")))
    return [(r"\frac{\partial L}{\partial z_j}", "definition", truth),
            (r"\sum_i g_i\, p_i([i = j] - p_j)", "the softmax Jacobian", jac),
            (r"p_j\Big(g_j - \sum_i g_i p_i\Big)", "collect $p_j$", claim)]


def _softmax_ce(one_hot: bool):
    def chain(A: Moments):
        y = lambda i: A.point("y", i)  # noqa: E731
        E, R, p = _softmax_parts(A)
        log_total = A.fn("log", "D", A.sum("k", E("k")))
        loss = -A.sum("k", y("k") * (A.point("z", "k") - log_total))
        truth = A.d(loss, ("z", "j"))
        chain_line = -A.sum("k", y("k") * (A.delta("k", "j") - p("j")))
        claim = p("j") - y("j") if one_hot else A.sum("k", y("k")) * p("j") - y("j")
        return [(r"\frac{\partial C}{\partial z_j}", "definition", truth),
                (r"-\sum_k y_k\big([k = j] - p_j\big)", r"$\ln p_k = z_k - \ln \sum_i e^{z_i}$", chain_line),
                (r"p_j - y_j" if one_hot else r"\Big(\sum_k y_k\Big) p_j - y_j", "with $\\sum_k y_k = 1$" if one_hot else "collect $p_j$", claim)]

    return chain


PER_FEATURE = "one feature c over a batch of every size m (features are normalised independently; γ_c, β_c act on feature c alone)"
PER_SAMPLE = "one sample over every number n of features; over a batch, the samples' gradients of γ and β add (γ, β are shared)"

#: The identities proved for every size, and how.
STATEMENTS: dict[str, AllSizes] = {
    "batchnorm-input-gradient": AllSizes("m", PER_FEATURE, _norm_input(False), ("batch=2,features=1", "batch=4,features=2")),
    "batchnorm-gamma-gradient": AllSizes("m", PER_FEATURE, _norm_param("gamma", False), ("batch=2,features=1", "batch=4,features=2")),
    "batchnorm-beta-gradient": AllSizes("m", PER_FEATURE, _norm_param("beta", False), ("batch=2,features=1", "batch=4,features=2")),
    "layernorm-input-gradient": AllSizes("n", PER_SAMPLE, _norm_input(True), ("batch=1,features=2", "batch=2,features=4")),
    "layernorm-gamma-gradient": AllSizes("n", PER_SAMPLE, _norm_param("gamma", True), ("batch=1,features=2", "batch=2,features=4")),
    "layernorm-beta-gradient": AllSizes("n", PER_SAMPLE, _norm_param("beta", True), ("batch=1,features=2", "batch=2,features=4")),
    "residual-gradient": AllSizes("n", "every number n of features, every differentiable block F", _residual, ("features=1", "features=4")),
    "dropout-gradient": AllSizes("n", "every number n of entries, every mask", _dropout, ("features=1", "features=5")),
    "softmax-backward": AllSizes("n", "every number n of entries", _softmax_backward, ("size=2", "size=5")),
    "softmax-ce-gradient-general": AllSizes("K", "every number K of classes", _softmax_ce(False), ("classes=2", "classes=4")),
    "softmax-ce-gradient": AllSizes("K", "every number K of classes whose targets sum to 1", _softmax_ce(True),
                                    ("classes=2", "classes=4"), assumption="Σ_k y_k = 1"),
}


def prove_all_sizes(identity, budget: float = 60.0) -> Certificate:
    """``identity`` proved for every size (``proved-for-all-sizes``), or why not."""
    ident = get(identity)
    if ident.name in STATEMENTS and ident != get(ident.name):
        # the chain below proves the catalogue's formula; an edited identity that kept the name would be certified
        # for every size on the strength of that chain and two concrete shapes
        raise IdentityError(f"this {ident.name} is not the catalogue's (its fields were changed): the proof for every "
                            "size is of the catalogue's formula; prove this one on concrete shapes")
    if ident.name not in STATEMENTS:
        raise IdentityError(
            f"{ident.name} has no proof for every size; those that do: {', '.join(STATEMENTS)}. "
            "Convolution, pooling, the RNN and attention are proved on concrete shapes (--shape)")
    plan = STATEMENTS[ident.name]
    start = time.perf_counter()
    A = Moments(plan.size)
    try:
        with limits(deadline=start + budget, max_terms=500_000):
            lines = plan.chain(A)
            steps, ok = _check(A, lines, plan)
            concrete = [prove_layer(ident, layer(ident.kind, shape), method="exact", budget=budget) for shape in plan.concrete]
    except BudgetExceeded as exc:
        return _certificate(ident, plan, "undecided", start, reason=f"stopped: {exc}")
    details = {"size": plan.size, "scope": plan.scope, "concrete": [f"{c.verdict} on {_label(c)}" for c in concrete]}
    if plan.assumption:
        details["assumption"] = plan.assumption
    if ok and all(c.verdict == "proved" for c in concrete):
        return _certificate(ident, plan, "proved-for-all-sizes", start, steps=tuple(steps), details=details, instances=len(steps))
    refuted = next((c for c in concrete if c.verdict == "refuted"), None)
    if refuted is not None:
        return _certificate(ident, plan, "refuted", start, steps=tuple(steps), details=details,
                            counterexample=refuted.counterexample, reason=f"refuted on {_label(refuted)}: {refuted.reason}")
    why = "a line of the chain did not reduce to 0" if not ok else "a concrete cross-check did not prove"
    if ok:  # the chain is proved and a concrete check is not: one of the two is a symbp bug
        why += "; the all-sizes chain and the concrete proof disagree (a symbp bug, please report it)"
    return _certificate(ident, plan, "undecided", start, steps=tuple(steps), details=details, reason=why)


def _check(A: Moments, lines: list, plan: AllSizes) -> tuple:
    steps, ok = [], True
    lhs = lines[0][0]
    for k in range(1, len(lines)):
        tex, why, expr = lines[k]
        diff = lines[k - 1][2] - expr
        if plan.assumption and k == len(lines) - 1:
            diff = A.assume(diff, A.moment(("y",)), 1)
        good = A.is_zero(diff)
        ok = ok and good
        checked = (f"difference reduced to 0 for every {plan.size}" + (f", with {plan.assumption}" if plan.assumption and k == len(lines) - 1 else "")
                   if good else "NOT established: the difference does not reduce to 0")
        steps.append(Step(lhs=lhs if k == 1 else "", rhs=tex, why=why, checked=checked))
    return steps, ok


def _label(cert: Certificate) -> str:
    shape = cert.network.get("shape", {})
    return f"{cert.network.get('layer')}(" + ", ".join(f"{k}={v}" for k, v in shape.items()) + ")"


def _certificate(ident, plan: AllSizes, verdict: str, start: float, **kw) -> Certificate:
    details = kw.pop("details", {"size": plan.size, "scope": plan.scope})
    return Certificate(
        identity=ident.name, network={"layer": ident.kind, "shape": f"every {plan.size}"}, method="all-sizes", verdict=verdict,
        seconds=round(time.perf_counter() - start, 4), statement=ident.statement, source=ident.source, details=details, **kw,
    )

"""Per-sample quantities and mini-batches (issue 14 item 4), in every profile.

Truth by hand: Nielsen (ch. 2) writes y(x) for the target of input x, a^{x,l}, z^{x,l}, δ^{x,l} for the
quantities of input x and C = (1/n) Σ_x C_x for the cost over the inputs. A claim about one input, with C_x, is
BP1–BP4 for that input; once a formula tells the inputs apart, a bare C is the mean cost, whose gradient is
(1/n) Σ_x δ^{x,l} — not δ^{x,l} — so equating the two is never "holds". The mini-batch point is checked
against finite differences of the fully composed SymPy cost (``Network.composed_cost``), independent of the
atom model the point evaluates.
"""

from __future__ import annotations

import re
from fractions import Fraction

import mpmath
import pytest
import sympy

from symbp.derive import GroundTruth
from symbp.network import network
from symbp.point import atom_values, evaluate, make_point
from symbp.verify import verify


@pytest.mark.parametrize("notation, claim, status", [
    # R3: y(x) is the target of input x, not the product y·x (BP1 per sample: true)
    ("nielsen", r"\delta^{x,L} = (a^{x,L} - y(x)) \odot \sigma'(z^{x,L})", "holds"),
    ("nielsen", r"\delta^{x,L} = (a^{x,L} + y(x)) \odot \sigma'(z^{x,L})", "refuted"),
    ("nielsen", r"\delta^{x,L} = (a^L(x) - y(x)) \odot \sigma'(z^{x,L})", "holds"),
    ("nielsen", r"a^L(x) = \sigma(z^{x,L})", "holds"),
    ("nielsen", r"a^L(x) = \sigma(z^{x,L-1})", "refuted"),  # a layer too low: shapes [2,3,2] differ
    # y^{(t)} and a^{(t),L}: the t-th training input
    ("nielsen", r"\delta^{(t),L} = (a^{(t),L} - y^{(t)}) \odot \sigma'(z^{(t),L})", "holds"),
    ("nielsen", r"\delta^{(t),L} = (y^{(t)} - a^{(t),L}) \odot \sigma'(z^{(t),L})", "refuted"),  # sign
    # R4: the cost of input x is C_x; a bare C beside quantities of input x is the mean cost
    ("nielsen", r"\frac{\partial C_x}{\partial b^l_j} = \delta^{x,l}_j", "holds"),
    ("nielsen", r"\frac{\partial C_x}{\partial b^l_j} = 2\delta^{x,l}_j", "refuted"),
    ("nielsen", r"\frac{\partial C}{\partial b^l_j} = \delta^{x,l}_j", "uninterpretable"),
    ("nielsen", r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_k \delta^{x,l}_j", "holds"),
    ("nielsen", r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_j \delta^{x,l}_k", "refuted"),
    ("sokolinsky", r"\frac{\partial C_x}{\partial w_{ji}^{(l)}} = \delta_i^{x,(l)} a_j^{x,(l-1)}", "holds"),
    ("sokolinsky", r"\frac{\partial C}{\partial w_{ji}^{(l)}} = \delta_i^{x,(l)} a_j^{x,(l-1)}", "uninterpretable"),
    ("sokolinsky", r"\frac{\partial C_x}{\partial w_{ji}^{(l)}} = \delta_j^{x,(l)} a_i^{x,(l-1)}", "refuted"),
    ("dyda", r"\frac{\partial C_x}{\partial b^{[l]}_j} = \delta^{x,[l]}_j", "holds"),
    ("dyda", r"\frac{\partial C}{\partial b^{[l]}_j} = \delta^{x,[l]}_j", "uninterpretable"),
    ("rowvector", r"\delta^{x,L} = (a^{x,L} - y(x)) \odot h'(g^{x,L})", "holds"),
    ("rowvector", r"\delta^{x,L} = (a^{x,L} - y(x)) \odot h'(g^{x,L-1})", "refuted"),
    ("rowvector", r"\frac{\partial L_x}{\partial b^l} = \delta^{x,l}", "holds"),
    ("rowvector", r"\frac{\partial L}{\partial b^l} = \delta^{x,l}", "uninterpretable"),
    # a, z, δ left unlabelled beside labelled ones are of the same input (seed 001, line 42)
    ("nielsen", r"a^l=\sigma(z^{x,l})", "holds"),
    ("nielsen", r"a^l=\sigma(z^{x,l-1})", "refuted"),
    ("nielsen", r"z^{x,l} = w^l a^{l-1} + b^l", "holds"),
    ("nielsen", r"z^{x,l} = (w^l)^T a^{l-1} + b^l", "refuted"),
])
def test_per_sample_claims_in_every_profile(notation, claim, status):
    v = verify(claim, notation)
    assert v.status == status, (v.status, v.reason)
    if status == "uninterpretable":
        assert "mixes the total cost" in v.reason and "mean cost" in v.reason


@pytest.mark.parametrize("notation, claim, corrected, then", [
    # Seed 001, line 43: the bare C beside input x is the mean cost; for two inputs ∂C/∂a^{x,L} = ½ ∂C_x/∂a^{x,L}
    # (the other input's cost does not depend on a^{x,L}), so BP1 with C is off by the factor 1/n: refuted at n = 2
    ("nielsen", r"\delta^{x,L} = \nabla_a C \odot \sigma'(z^{x,L})", r"\delta^{x,L} = \nabla_a C_x \odot \sigma'(z^{x,L})", "holds"),
    ("nielsen", r"\delta^{x,L}_j = \frac{\partial C}{\partial a^{x,L}_j} \sigma'(z^{x,L}_j)",
     r"\delta^{x,L}_j = \frac{\partial C_x}{\partial a^{x,L}_j} \sigma'(z^{x,L}_j)", "holds"),
    ("sokolinsky", r"\delta^{x,(L)} = \nabla_a C \odot \sigma'(z^{x,(L)})", r"\delta^{x,(L)} = \nabla_a C_x \odot \sigma'(z^{x,(L)})", "holds"),
    ("rowvector", r"\delta^{x,L} = \nabla_a L \odot h'(g^{x,L})", r"\delta^{x,L} = \nabla_a L_x \odot h'(g^{x,L})", "holds"),
    # 2∇_a C equals ∇_a C_x for two inputs only: three inputs refute it
    ("nielsen", r"\delta^{x,L} = 2\nabla_a C \odot \sigma'(z^{x,L})", r"\delta^{x,L} = 2\nabla_a C_x \odot \sigma'(z^{x,L})", "refuted"),
])
def test_the_mean_cost_beside_one_input_is_refuted_with_a_counterexample(notation, claim, corrected, then):
    v = verify(claim, notation)
    assert v.status == "refuted" and v.counterexample is not None
    cost = "L" if notation == "rowvector" else "C"
    assert v.diagnosis == f"{cost} should be {cost}_x"
    assert v.corrected == corrected
    assert verify(corrected, notation).status == then


@pytest.mark.parametrize("notation, claim, status", [
    ("nielsen", r"C = \frac{1}{n}\sum_x C_x", "holds"),
    ("nielsen", r"C_x = \frac12\|y(x) - a^L(x)\|^2", "holds"),
    ("nielsen", r"C = \sum_x C_x", "undecided"),  # another cost (the sum), not a wrong one
    ("sokolinsky", r"C = \frac{1}{n}\sum_x C_x", "holds"),
    ("dyda", r"C_x = \frac12\|y(x) - a^L(x)\|^2", "holds"),
    ("rowvector", r"L = \frac{1}{n}\sum_x L_x", "holds"),
    ("nielsen", r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{x,l}", "holds"),
    ("nielsen", r"\frac{\partial C}{\partial b^l} = \sum_x \delta^{x,l}", "refuted"),  # n times the mean
    # a factor beside the count (review 18 M4): c/(k n) Σ_x δ^{x,l} is the mean's gradient exactly when c = k
    ("nielsen", r"\frac{\partial C}{\partial b^l} = \frac{1}{2n}\sum_x \delta^{x,l}", "refuted"),
    ("nielsen", r"\frac{\partial C}{\partial b^l} = \frac{2}{n}\sum_x \delta^{x,l}", "refuted"),
    ("nielsen", r"\frac{\partial C}{\partial b^l} = \frac{2}{2n}\sum_x \delta^{x,l}", "holds"),
    ("nielsen", r"\frac{\partial C}{\partial w^l} = \frac{1}{2m}\sum_{t=1}^{m} 2\delta^{(t),l}(a^{(t),l-1})^T", "holds"),
])
def test_the_cost_over_the_inputs_in_every_profile(notation, claim, status):
    assert verify(claim, notation).status == status


# Per-sample costs written as superscripts, C^{(t)}, C^{x} (review 11: n14, n09), the mini-batch mean with its
# bounds, Σ_{t=1}^{m}. Truth by hand: C = (1/m) Σ_{t=1}^{m} C_t, so ∂C/∂b^l = (1/m) Σ_t ∂C_t/∂b^l = (1/m) Σ_t δ^{(t),l}
# (BP3 per sample); a sum to m − 1, a missing 1/m, or a summand some of whose quantities carry no sample label
# (one sample's δ^l added m times; a^{l-1} taken out of the sum) is not that mean — never "holds".
@pytest.mark.parametrize("claim, status", [
    (r"C = \frac{1}{m}\sum_{t=1}^{m} C^{(t)}", "holds"),
    (r"C = \frac{1}{n}\sum_x C^{x}", "holds"),
    (r"C = \frac{1}{m}\sum_{t=1}^{m-1} C^{(t)}", "refuted"),  # m − 1 terms divided by m
    (r"C = \frac{1}{m}\sum_{t=1}^{m} C^{(x)}", "uninterpretable"),  # the sum's index labels no term
    (r"C = \sum_{t=1}^{m} C^{(t)}", "undecided"),  # the sum: another cost, said so
    (r"C^{(t)} = \frac{1}{2}\|y^{(t)} - a^{(t),L}\|^2", "holds"),
    (r"C^{(t)} = \|y^{(t)} - a^{(t),L}\|^2", "undecided"),  # another cost (twice the quadratic one), said so
    (r"C^{x} = \frac{1}{2}\|y^{(t)} - a^{(t),L}\|^2", "uninterpretable"),  # two inputs named
    (r"\frac{\partial C^{(t)}}{\partial b^L} = (a^{(t),L} - y^{(t)}) \odot \sigma'(z^{(t),L})", "holds"),  # BP1
    (r"\frac{\partial C^{(t)}}{\partial b^L} = (a^{(t),L} - y^{(t)}) \odot \sigma(z^{(t),L})", "refuted"),
    (r"\delta^{(t),L} = \nabla_a C^{(t)} \odot \sigma'(z^{(t),L})", "holds"),
    (r"\delta^{(t),L} = \nabla_a C \odot \sigma'(z^{(t),L})", "refuted"),  # the mean cost's: 1/n of it
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m}\delta^{(t),l}", "holds"),
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m}\delta^{(t),l+1}", "refuted"),
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m-1}\delta^{(t),l}", "refuted"),
    (r"\frac{\partial C}{\partial b^l} = \sum_{t=1}^{m}\delta^{(t),l}", "refuted"),  # m times the mean
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m}\delta^{l}", "uninterpretable"),
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_x \delta^{l}", "uninterpretable"),
    (r"\frac{\partial C}{\partial w^l} = \frac{1}{n}\sum_x \delta^{x,l}(a^{l-1})^T", "uninterpretable"),
    (r"\frac{\partial C}{\partial w^l} = \frac{1}{n}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),
    (r"\frac{\partial C}{\partial w^l} = \frac{1}{m}\sum_{t=1}^{m} \delta^{(t),l}(a^{(t),l-1})^T", "holds"),
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m}\frac{\partial C^{(t)}}{\partial b^l}", "holds"),
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m}\frac{\partial C^{(t)}}{\partial a^l}", "refuted"),
    (r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m}\frac{\partial C^{(x)}}{\partial b^l}",
     "uninterpretable"),
])
def test_per_sample_costs_and_bounded_mini_batch_sums(claim, status):
    assert verify(claim).status == status


def test_the_mini_batch_mean_notes_are_judged():
    # review 11 n14 in small: every claim of the notes read, the wrong ones refuted
    from symbp.verify.notes import verify_text

    text = (r"For each example $t$: $z^{(t),l} = w^l a^{(t),l-1} + b^l$, $a^{(t),l} = \sigma(z^{(t),l})$, and "
            r"$C^{(t)} = \frac{1}{2}\|y^{(t)} - a^{(t),L}\|^2$. The mini-batch cost: $C = \frac{1}{m}\sum_{t=1}^{m} "
            r"C^{(t)}$." "\n\n$$\\frac{\\partial C}{\\partial b^l} = \\frac{1}{m}\\sum_{t=1}^{m}\\delta^{(t),l+1}$$\n")
    got = {row.formula.text: row.result.status for row in verify_text(text, "nielsen").rows}
    assert got[r"C = \frac{1}{m}\sum_{t=1}^{m} C^{(t)}"] == "holds"
    assert got[r"C^{(t)} = \frac{1}{2}\|y^{(t)} - a^{(t),L}\|^2"] == "holds"
    assert got[r"\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{t=1}^{m}\delta^{(t),l+1}"] == "refuted"


# -- the exact point of a mini-batch: every sample drawn, every sample evaluated ---------------------------


def _fd_cost_gradient(net, pt, symbol, h=sympy.Rational(1, 10**20)):
    # the independent oracle: the composed SymPy cost (every sample, divided by m), a central difference
    subs = {}
    for key, v in pt.values.items():
        kind, *idx = key
        sym = net.x(idx[1], idx[0]) if kind == "x" else net.y(idx[1], idx[0]) if kind == "y" else net.symbol(key)
        subs[sym] = sympy.Rational(v.numerator, v.denominator)
    cost = net.composed_cost()
    up = cost.subs({**subs, symbol: subs[symbol] + h})
    down = cost.subs({**subs, symbol: subs[symbol] - h})
    with mpmath.workdps(60):
        return mpmath.mpf(str(sympy.N((up - down) / (2 * h), 50)))


def test_a_mini_batch_point_draws_every_sample_and_its_gradient_is_the_mean():
    # Before the fix the point held sample 1 only (and evaluating it failed): a claim about a mean over the
    # batch could only ever have been checked with the samples equal, where Σ_x and m·(one sample) agree.
    net = network([2, 2], "sigmoid", cost="mean-quadratic", batch=2)
    pt = make_point(net, seed=3)
    first = [pt.values[("x", 1, k)] for k in (1, 2)] + [pt.values[("y", 1, j)] for j in (1, 2)]
    second = [pt.values[("x", 2, k)] for k in (1, 2)] + [pt.values[("y", 2, j)] for j in (1, 2)]
    assert first != second
    vals = atom_values(net, pt)
    gt = GroundTruth(net)
    b = ("b", 2, 1)
    exact = evaluate(gt.d_cost(b), vals)
    oracle = _fd_cost_gradient(net, pt, net.symbol(b))
    with mpmath.workdps(50):
        assert abs(exact - oracle) < mpmath.mpf(10) ** -15
        # ∂C/∂b = (1/m) Σ_s δ^{(s)}: the mean of the per-sample errors, and not twice the first one
        per = [evaluate(gt.delta(2, 1, s, per_sample=True), vals) for s in (1, 2)]
        assert abs(exact - (per[0] + per[1]) / 2) < mpmath.mpf(10) ** -40
        assert abs(exact - per[0]) > mpmath.mpf(10) ** -6
    # the cost at the point is the mean of the two samples' quadratic costs
    cost = pt.cost_value(net)
    with mpmath.workdps(50):
        by_hand = mpmath.mpf(0)
        for s in (1, 2):
            for j in (1, 2):
                z = sum(pt.values[("w", 2, j, k)] * pt.values[("x", s, k)] for k in (1, 2)) + pt.values[("b", 2, j)]
                a = 1 / (1 + mpmath.exp(-mpmath.mpf(z.numerator) / z.denominator))
                y = mpmath.mpf(pt.values[("y", s, j)].numerator) / pt.values[("y", s, j)].denominator
                by_hand += (a - y) ** 2 / 2
        assert abs(cost - by_hand / 2) < mpmath.mpf(10) ** -40


def test_a_leaf_of_the_second_sample_can_be_fixed():
    net = network([1, 1], "tanh", cost="mean-quadratic", batch=2)
    pt = make_point(net, {"x^{(2)}_1": Fraction(1, 3)}, seed=1)
    assert pt.values[("x", 2, 1)] == Fraction(1, 3)
    assert "x^{(2)}_1" in pt.describe()


def test_one_sample_points_are_unchanged():
    # the draws of a one-sample network are as before (the seeds of worked examples and graphs stay put)
    net = network([2, 1], "sigmoid")
    pt = make_point(net, seed=0)
    assert sorted(k for k in pt.values if k[0] in "xy") == [("x", 1, 1), ("x", 1, 2), ("y", 1, 1)]
    assert "x_1" in pt.describe()


# -- the count letter of the notes' mean cost (review 13, a04) --------------------------------------------
# Truth by hand: C = (1/m) Σ_x C_x over a mini-batch of m inputs, so ∂C/∂b^l_j = (1/m) Σ_x ∂C_x/∂b^l_j =
# (1/m) Σ_x δ^{x,l}_j (BP3 per input) and the step w^l → w^l − (η/m) Σ_x δ^{x,l}(a^{x,l-1})^T descends C (BP4 per
# input). The per-input claims (C_x, δ^{x,l}) do not depend on the mean. A claim that divides by n where the
# notes divide by m names a count the notes never say equals m: not judged, never "holds". Σ_x δ^x without 1/m
# is m times the gradient (refuted); a^{x,l} for a^{x,l-1}, a bias stepped from w, are refuted.
_BATCH = (r"Dla przykładu $x$: $z^{x,l} = w^l a^{x,l-1} + b^l$, $a^{x,l} = \sigma(z^{x,l})$, "
          r"$C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2$, a dla mini-paczki $m$ przykładów $C = \frac{1}{m}\sum_x C_x$.")


@pytest.mark.parametrize("letter, claim, status", [
    ("m", r"\delta^{x,L} = (a^{x,L} - y(x)) \odot \sigma'(z^{x,L})", "holds"),  # BP1 of input x
    ("m", r"\delta^{x,L} = (y(x) - a^{x,L}) \odot \sigma'(z^{x,L})", "refuted"),  # its sign
    ("m", r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_k \delta^{x,l}_j", "holds"),  # BP4 of input x
    ("m", r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_j \delta^{x,l}_k", "refuted"),  # j, k swapped
    ("m", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \delta^{x,l}_j", "holds"),
    ("m", r"\frac{\partial C}{\partial b^l_j} = \frac1m\sum_x \delta^{x,l}_j", "holds"),
    ("m", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \delta^{x,l}_j", "uninterpretable"),  # other letter
    ("m", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{N}\sum_x \delta^{x,l}_j", "uninterpretable"),
    ("m", r"\frac{\partial C}{\partial b^l_j} = \sum_x \delta^{x,l}_j", "refuted"),  # m times the mean
    ("m", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \delta^{x,l+1}_j", "refuted"),
    ("m", r"w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),
    ("m", r"w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l})^T", "refuted"),  # a^{x,l} for a^{x,l-1}
    ("m", r"w^l \to w^l - \frac{\eta}{n}\sum_x \delta^{x,l}(a^{x,l-1})^T", "uninterpretable"),  # other letter
    ("m", r"w^l \to w^l - \eta\sum_x \delta^{x,l}(a^{x,l-1})^T", "refuted"),  # no 1/m
    ("m", r"b^l \to b^l - \frac{\eta}{m}\sum_x \delta^{x,l}", "holds"),
    ("m", r"b^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}", "refuted"),  # the bias stepped from w
    ("m", r"b^l \to b^l - \frac{\eta}{n}\sum_x \delta^{x,l}", "uninterpretable"),
    # the reverse: notes with 1/n, a claim with 1/m
    ("n", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \delta^{x,l}_j", "holds"),
    ("n", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \delta^{x,l}_j", "uninterpretable"),
    ("n", r"w^l \to w^l - \frac{\eta}{n}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),
    # a step over a mini-batch of m of the notes' n inputs: the gradient of the mini-batch cost, Nielsen's eq. (20)
    ("n", r"w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),
    ("n", r"w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l})^T", "refuted"),  # a^{x,l} for a^{x,l-1}
    ("n", r"w^l \to w^l - \frac{\eta}{m}\sum_{x=1}^{n} \delta^{x,l}(a^{x,l-1})^T", "refuted"),  # all n, over m
    ("n", r"w^l \to w^l - \frac{\eta}{N}\sum_x \delta^{x,l}(a^{x,l-1})^T", "uninterpretable"),  # N: not said
    ("n", r"\frac{\partial C}{\partial b^l_j} = \sum_x \delta^{x,l}_j", "refuted"),
    # N: the same, written with a capital
    ("N", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{N}\sum_x \delta^{x,l}_j", "holds"),
    ("N", r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \delta^{x,l}_j", "uninterpretable"),
    ("N", r"b^l \to b^l - \frac{\eta}{N}\sum_x \delta^{x,l}", "holds"),  # the notes' own N
    ("N", r"b^l \to b^l - \frac{\eta}{N}\sum_x \delta^{x,l+1}", "refuted"),
    ("N", r"b^l \to b^l - \frac{\eta}{N}\delta^{x,l}", "refuted"),  # one sample over N: the sum is missing
    ("N", r"b^l \to b^l - \frac{\eta}{m}\sum_x \delta^{x,l}", "holds"),  # a mini-batch of the N
])
def test_the_notes_mean_cost_fixes_the_count_letter(letter, claim, status):
    from symbp.verify.notes import verify_text

    notes = _BATCH.replace(r"\frac{1}{m}", rf"\frac{{1}}{{{letter}}}") + f"\n\n$${claim}$$\n"
    rows = {row.formula.text: row.result for row in verify_text(notes, "nielsen").rows}
    assert rows[r"C = \frac{1}{%s}\sum_x C_x" % letter].status == "holds"
    got = rows[claim]
    assert got.status == status, got.reason
    if status == "uninterpretable":  # both letters named, so the reader sees which count is in doubt
        other = ({"m", "n", "N"} & set(re.findall(r"\\frac\{\\?\w*\}\{(\w)\}", claim))).pop()
        assert f"divides by {other}" in got.reason and f"(1/{letter})" in got.reason


def test_without_a_mean_in_the_notes_either_letter_is_the_mean():
    # no definition of C: 1/m and 1/n are both read as the mean over the inputs summed (unchanged)
    assert verify(r"\frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \delta^{x,l}_j").status == "holds"
    assert verify(r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \delta^{x,l}_j").status == "holds"
    assert verify(r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \delta^{x,l}_j", count="m").status \
        == "uninterpretable"


def test_review_13_a04_mini_batch_notes_are_judged_by_hand():
    # review 13 a04 (Polish, Nielsen notation): the truth of each claim decided by hand above
    from symbp.verify.notes import verify_text

    text = "\n\n".join([
        r"Sieć ma warstwy $l = 1, \dots, L$, wagi $w^l_{jk}$, $z^l = w^l a^{l-1} + b^l$ i $a^l = \sigma(z^l)$.",
        r"Dla jednego przykładu $x$ koszt wynosi $C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2$, a dla mini-paczki $m$ "
        r"przykładów $C = \frac{1}{m}\sum_x C_x$.",
    ] + [f"$${c}$$" for c, _ in _A04])
    got = {row.formula.text: row.result.status for row in verify_text(text).rows}
    assert {c: got.get(c) for c, _ in _A04} == dict(_A04)


_A04 = [
    (r"\delta^{x,L} = (a^{x,L} - y(x)) \odot \sigma'(z^{x,L})", "holds"),
    (r"\delta^{x,L} = (y(x) - a^{x,L}) \odot \sigma'(z^{x,L})", "refuted"),
    (r"\delta^{x,l} = ((w^{l+1})^T \delta^{x,l+1}) \odot \sigma'(z^{x,l})", "holds"),
    (r"\delta^{x,l} = ((w^{l})^T \delta^{x,l+1}) \odot \sigma'(z^{x,l})", "refuted"),
    (r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_k \delta^{x,l}_j", "holds"),
    (r"\frac{\partial C_x}{\partial w^l_{jk}} = a^{x,l-1}_j \delta^{x,l}_k", "refuted"),
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \delta^{x,l}_j", "holds"),
    (r"\frac{\partial C}{\partial b^l_j} = \sum_x \delta^{x,l}_j", "refuted"),
    (r"w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l-1})^T", "holds"),
    (r"w^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}(a^{x,l})^T", "refuted"),
    (r"b^l \to b^l - \frac{\eta}{m}\sum_x \delta^{x,l}", "holds"),
    (r"b^l \to w^l - \frac{\eta}{m}\sum_x \delta^{x,l}", "refuted"),
]


@pytest.mark.parametrize("claim, status", [
    # the notes say m < n: (1/n) Σ_x δ^{x,l} is m/n times the true (1/m) Σ_x δ^{x,l}, a different value
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \delta^{x,l}_j", "refuted"),
    (r"w^l \to w^l - \frac{\eta}{n}\sum_x \delta^{x,l}(a^{x,l-1})^T", "refuted"),  # (m/n)η, not η
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \delta^{x,l}_j", "holds"),
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{N}\sum_x \delta^{x,l}_j", "uninterpretable"),  # N: not said
])
def test_counts_the_notes_say_differ_refute_the_other_letter(claim, status):
    from symbp.verify.notes import verify_text

    notes = _BATCH + "\n\nThe mini-batch is smaller than the training set, $m < n$.\n\n" + f"$${claim}$$\n"
    got = {row.formula.text: row.result for row in verify_text(notes, "nielsen").rows}[claim]
    assert got.status == status, got.reason


def test_a_summand_that_makes_the_other_letter_true_is_never_refuted():
    # (1/n) Σ_x (n/m) δ^{x,l} = (1/m) Σ_x δ^{x,l}: true under m < n, so "refuted" would be wrong
    from symbp.verify.notes import verify_text

    claim = r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \frac{n}{m}\delta^{x,l}_j"
    notes = _BATCH + "\n\nThe mini-batch is smaller, $m < n$.\n\n" + f"$${claim}$$\n"
    got = {row.formula.text: row.result for row in verify_text(notes, "nielsen").rows}[claim]
    assert got.status not in ("refuted", "holds"), got.reason


# Review 18 M4: Nielsen's eq. (6), the mean of the quadratic cost written in one formula, is read as the cost.
@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \delta^{x,l}_j", "holds"),
    (r"\frac{\partial C}{\partial b^l_j} = \sum_x \delta^{x,l}_j", "refuted"),  # the 1/n is missing
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \delta^{x,l}_j", "uninterpretable"),  # m = n is not said
])
def test_nielsens_equation_six_is_the_mean_quadratic_cost(claim, status):
    from symbp.verify.notes import verify_text

    cost = r"C = \frac{1}{2n}\sum_x \|y(x) - a^L(x)\|^2"
    report = verify_text(f"$${cost}$$\n\n$${claim}$$\n", "nielsen")
    rows = {r.formula.text: r.result for r in report.rows}
    assert rows[cost].status == "holds" and "eq. (6)" in rows[cost].reason
    assert rows[claim].status == status, rows[claim].reason
    crossed = verify_text(f"$${cost}$$\n\n$${claim}$$\n", "nielsen", cost="cross-entropy")
    assert {r.formula.text: r.result for r in crossed.rows}[cost].status == "undecided"


# Review 20 F5: the summand ∂C_x/∂b^l_j lost its "_x}" in the rewrite to one input's claim (C_x} taken as the
# label with the numerator's brace), so the true mean and the false sum were both unreadable, as a formula the
# user never wrote. The derivative of the mean (1/n) Σ_x C_x is the mean of the derivatives, by linearity; the sum
# is n times it. The oracle below shows both on one neuron and three inputs by finite differences.
def test_the_mean_of_the_per_input_derivatives_by_finite_differences():
    mpmath.mp.dps = 40
    data = [(mpmath.mpf("0.3"), mpmath.mpf("0.9")), (mpmath.mpf("-1.2"), mpmath.mpf("0.1")),
            (mpmath.mpf("2.0"), mpmath.mpf("0.5"))]
    w, b, h = mpmath.mpf("0.7"), mpmath.mpf("-0.4"), mpmath.mpf(10) ** -15

    def cost_x(x, y, b):
        return (1 / (1 + mpmath.exp(-(w * x + b))) - y) ** 2 / 2

    whole = (sum(cost_x(x, y, b + h) for x, y in data) - sum(cost_x(x, y, b - h) for x, y in data)) / (2 * h * 3)
    each = [(cost_x(x, y, b + h) - cost_x(x, y, b - h)) / (2 * h) for x, y in data]
    assert abs(whole - sum(each) / 3) < mpmath.mpf(10) ** -20
    assert abs(whole - sum(each)) > mpmath.mpf(10) ** -3


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \frac{\partial C_x}{\partial b^l_j}", "holds"),
    (r"\frac{\partial C}{\partial b^l_j} = \frac{1}{n}\sum_x \frac{\partial C_{x}}{\partial b^l_j}", "holds"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = \frac{1}{n}\sum_x \frac{\partial C_x}{\partial w^l_{jk}}", "holds"),
    (r"\frac{\partial C}{\partial b^l_j} = \sum_x \frac{\partial C_x}{\partial b^l_j}", "refuted"),  # no 1/n
    (r"\frac{\partial C}{\partial b^l_j} = \frac{2}{n}\sum_x \frac{\partial C_x}{\partial b^l_j}", "refuted"),
    (r"\frac{\partial C}{\partial w^l_{jk}} = \frac{1}{n}\sum_x \frac{\partial C_x}{\partial b^l_j}", "refuted"),
])
def test_the_gradient_of_the_mean_cost_as_the_mean_of_per_input_gradients(claim, status):
    from symbp.verify.notes import verify_text

    single = verify(claim, "nielsen")
    assert single.status == status, single.reason
    assert "C{" not in single.reason  # never a garbled rewrite in the reason
    notes = (r"$z^l = w^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$. The total cost is $C = \frac{1}{2n}\sum_x \|y(x) - "
             r"a^L(x)\|^2$ and $C_x = \frac12\|y(x) - a^L(x)\|^2$." f"\n$${claim}$$\n")
    report = verify_text(notes, "nielsen")
    assert {r.formula.text: r.result for r in report.rows}[claim].status == status
    assert report.exit_code == (1 if status == "refuted" else 0)

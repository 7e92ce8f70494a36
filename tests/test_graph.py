"""The computational graph of seed 004: values, local derivatives and gradients.

Oracles: ``sympy.diff`` of the composed cost (for parameters and inputs) and
of the cost composed from layer l onwards (for z^l and a^l nodes), evaluated
at the same exact point with SymPy's own arithmetic; a hand-worked example
from the seed's linear layer x = W y.
"""

from __future__ import annotations

import os
import shutil
import stat
import xml.etree.ElementTree as ET
from fractions import Fraction

import mpmath
import pytest
import sympy

from symbp import functions
from symbp.cli import main
from symbp.graph import GraphError, computational_graph, node_count
from symbp.point import PointError, make_point
from symbp.graph.graphviz import render, to_dot
from symbp.network import network

HAS_DOT = shutil.which("dot") is not None
TOL = mpmath.mpf(10) ** -30

NETS = [
    ([2, 3, 1], "sigmoid", "cross-entropy"),  # seed 004's classifier
    ([3, 4, 2], "tanh", "quadratic"),
    ([2, 3], "relu", "softmax-cross-entropy"),
]


def _subs(net, point):
    out = {}
    for key, v in point.values.items():
        kind, *idx = key
        sym = {"x": lambda s, k: net.x(k, s), "y": lambda s, j: net.y(j, s)}.get(kind)
        sym = sym(*idx) if sym else net.symbol(key)
        out[sym] = sympy.Rational(v.numerator, v.denominator)
    return out


def _mp(expr):
    with mpmath.workdps(50):
        return mpmath.mpf(str(sympy.N(expr, 45)))


def _close(a, b):
    with mpmath.workdps(50):  # the graph's values carry 50 digits; compare at that precision
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        return abs(a - b) <= TOL * max(1, abs(a), abs(b))


def _outputs(net, l, z):
    if l == net.L and net.output_softmax:
        return functions.softmax(z)
    return [net.activation(l, j).expr(z[j - 1]) for j in range(1, len(z) + 1)]


def _cost_from(net, l, kind):
    """C written as a function of free symbols t_j standing for z^l_j or a^l_j."""
    t = [sympy.Symbol(f"t{j}", real=True) for j in range(1, net.n(l) + 1)]
    acts = _outputs(net, l, t) if kind == "z" else t
    for m in range(l + 1, net.L + 1):
        z = [sum(net.weight(m, j, k) * acts[k - 1] for k in range(1, net.n(m - 1) + 1)) + net.bias(m, j)
             for j in range(1, net.n(m) + 1)]
        acts = _outputs(net, m, z)
    return net.cost_entry.expr(acts, net.targets()), t


@pytest.mark.parametrize("sizes,act,cost", NETS)
def test_node_gradients_agree_with_sympy_diff(sizes, act, cost):
    # Seed 004: every node of the graph carries ∂L/∂(node); compare each with
    # sympy.diff of the cost written as a function of that node.
    net = network(sizes, act, cost)
    g = computational_graph(net, point="random", seed=3)
    subs = _subs(net, g.point)
    zs, acts = net.forward()
    composed = net.composed_cost()
    for node in g.nodes:
        if node.kind == "x":
            want = sympy.diff(composed, net.x(node.index)).xreplace(subs)
        elif node.kind in ("z", "a"):
            c, t = _cost_from(net, node.layer, node.kind)
            here = (zs if node.kind == "z" else acts)[node.layer]
            values = {t[j]: here[j].xreplace(subs) for j in range(len(t))}
            want = sympy.diff(c, t[node.index - 1]).xreplace(values).xreplace(subs)
        else:
            continue
        assert _close(node.grad, _mp(want)), (node.id, node.grad, _mp(want))


@pytest.mark.parametrize("sizes,act,cost", NETS)
def test_weight_and_bias_gradients_agree_with_sympy_diff(sizes, act, cost):
    net = network(sizes, act, cost)
    g = computational_graph(net, point="random", seed=1)
    subs = _subs(net, g.point)
    composed = net.composed_cost()
    for edge in g.edges:
        if edge.param is not None:
            want = _mp(sympy.diff(composed, net.symbol(edge.param)).xreplace(subs))
            assert _close(edge.param_grad, want), (edge.param, edge.param_grad, want)
    for (l, j), grad in g.bias_grads.items():
        assert _close(grad, _mp(sympy.diff(composed, net.bias(l, j)).xreplace(subs)))


@pytest.mark.parametrize("sizes,act,cost", NETS)
def test_forward_values_and_cost_agree_with_sympy_forward(sizes, act, cost):
    net = network(sizes, act, cost)
    g = computational_graph(net, point="random", seed=2)
    subs = _subs(net, g.point)
    zs, acts = net.forward()
    for node in g.nodes:
        if node.kind == "z":
            assert _close(node.value, _mp(zs[node.layer][node.index - 1].xreplace(subs)))
        elif node.kind == "a":
            assert _close(node.value, _mp(acts[node.layer][node.index - 1].xreplace(subs)))
    assert _close(g.node("C").value, _mp(net.composed_cost().xreplace(subs)))


@pytest.mark.parametrize("sizes,act,cost", NETS)
def test_backward_pass_over_the_picture_reproduces_every_gradient(sizes, act, cost):
    # The seed: "all the intermediate derivatives we can compute, and all the
    # rest we get by a pass through the graph". Walking the edges backwards
    # (local derivative × gradient of the head, summed) must give the ground
    # truth stored on every node.
    g = computational_graph(network(sizes, act, cost), point="random", seed=4)
    grads = {n.id: n.grad for n in g.nodes}
    for node in g.nodes:
        if node.kind == "C":
            continue
        with mpmath.workdps(50):
            walked = sum((e.local_value * grads[e.head] for e in g.out_edges(node.id)), mpmath.mpf(0))
        assert _close(walked, node.grad), (node.id, walked, node.grad)


def test_local_derivatives_on_edges_are_the_weights_and_sigma_prime():
    net = network([2, 3, 1], "sigmoid", "cross-entropy")
    g = computational_graph(net, point="random", seed=5)
    zs, _ = net.forward()
    subs = _subs(net, g.point)
    z = sympy.Symbol("z")
    sigmoid_prime = sympy.diff(1 / (1 + sympy.exp(-z)), z)
    for e in g.edges:
        if e.local[0] == "w":
            w = g.point.values[e.local]
            assert _close(e.local_value, _mp(sympy.Rational(w.numerator, w.denominator)))  # ∂z^l_j/∂a^{l-1}_k = w^l_{jk}
        elif e.local[0] == "sigma_prime":
            _, l, j = e.local
            want = sigmoid_prime.subs(z, zs[l][j - 1].xreplace(subs))
            assert _close(e.local_value, _mp(want))


def test_hand_worked_linear_layer_from_the_seed():
    # Seed 004, "x = W y": W = [[1, 2], [3, 4]], y = (1, −1), L = ½‖x‖² (target 0,
    # identity activation, no bias). By hand: x = (−1, −1), dL/dx = x,
    # dL/dy = Wᵀ dL/dx = (−4, −6), dL/dW = dL/dx yᵀ = [[−1, 1], [−1, 1]].
    net = network([2, 2], "identity", "quadratic")
    given = {"x_1": 1, "x_2": -1, "y_1": 0, "y_2": 0, "b^2_1": 0, "b^2_2": 0,
             "w^2_{1,1}": 1, "w^2_{1,2}": 2, "w^2_{2,1}": 3, "w^2_{2,2}": 4}
    g = computational_graph(net, point=given)
    assert [g.node(f"z2_{j}").value for j in (1, 2)] == [-1, -1]
    assert [g.node(f"z2_{j}").grad for j in (1, 2)] == [-1, -1]
    assert [g.node(f"x_{k}").grad for k in (1, 2)] == [-4, -6]
    dW = {e.param: e.param_grad for e in g.edges if e.param}
    assert [[dW[("w", 2, j, k)] for k in (1, 2)] for j in (1, 2)] == [[-1, 1], [-1, 1]]


def test_a_fixed_leaf_keeps_the_other_random_leaves():
    net = network([2, 3, 1], "sigmoid", "cross-entropy")
    base = make_point(net, "random", seed=7)
    fixed = make_point(net, {"w^2_{1,2}": Fraction(1, 3)}, seed=7)
    assert fixed.values[("w", 2, 1, 2)] == Fraction(1, 3)
    assert {k: v for k, v in fixed.values.items() if k != ("w", 2, 1, 2)} == {
        k: v for k, v in base.values.items() if k != ("w", 2, 1, 2)
    }


def test_generic_activation_has_no_values_at_a_point():
    with pytest.raises(PointError, match="generic activation"):
        computational_graph(network([2, 3, 1]), point="random")
    assert computational_graph(network([2, 3, 1])).point is None  # labels only: fine


def test_too_many_nodes_suggests_collapse_layers():
    net = network([50, 100, 60, 10], "sigmoid")
    assert node_count(net) > 200
    with pytest.raises(GraphError, match="--collapse-layers"):
        computational_graph(net)
    g = computational_graph(net, collapse=True)
    assert [n.id for n in g.nodes] == ["x", "z2", "a2", "z3", "a3", "z4", "a4", "C"]
    assert [e.local[0] for e in g.edges] == ["W", "Sigma_prime", "W", "Sigma_prime", "W", "Sigma_prime", "nabla_a_C"]


def test_collapsed_values_are_the_neuron_values_as_vectors():
    net = network([3, 4, 2], "tanh", "quadratic")
    full = computational_graph(net, point="random", seed=8)
    small = computational_graph(net, point="random", seed=8, collapse=True)
    for node in small.nodes:
        if node.kind in ("z", "a"):
            assert node.value == tuple(full.node(f"{node.kind}{node.layer}_{j}").value for j in range(1, net.n(node.layer) + 1))
            assert node.grad == tuple(full.node(f"{node.kind}{node.layer}_{j}").grad for j in range(1, net.n(node.layer) + 1))


def test_rowvector_labels_index_weights_from_then_to():
    # Seed 004: g = x W with W_{kj} from input k to output j, so Nielsen's
    # w^2_{12} (to 1, from 2) is printed w²₂₁ and z is called g.
    net = network([2, 3, 1], "sigmoid", "cross-entropy")
    text = to_dot(computational_graph(net, notation="rowvector"))
    assert "x_2 -> z2_1 [label=<<FONT COLOR=\"#2166ac\">w²₂₁</FONT>>" in text
    assert "g²₁" in text and "z²₁" not in text
    nielsen = to_dot(computational_graph(net))
    assert "x_2 -> z2_1 [label=<<FONT COLOR=\"#2166ac\">w²₁₂</FONT>>" in nielsen


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz's dot is not installed")
def test_svg_and_png_are_drawn_by_graphviz(tmp_path):
    g = computational_graph(network([2, 3, 1], "sigmoid", "cross-entropy"), point="random")
    svg = render(g, tmp_path / "g.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "σ′(z³₁)" in texts and "∂C/∂w²₁₁" in texts
    png = render(g, tmp_path / "g.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_graphviz_the_dot_text_is_written_instead(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    g = computational_graph(network([2, 3, 1], "sigmoid", "cross-entropy"))
    written = render(g, tmp_path / "g.svg")
    assert written == tmp_path / "g.dot"
    assert written.read_text().startswith("digraph symbp {")
    assert not (tmp_path / "g.svg").exists()


def test_a_failing_graphviz_leaves_nothing_half_written(tmp_path):
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\nprintf 'half a picture'\necho 'dot: broken' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    out = tmp_path / "out"
    out.mkdir()
    g = computational_graph(network([2, 3, 1], "sigmoid", "cross-entropy"))
    with pytest.raises(GraphError, match="dot: broken"):
        render(g, out / "g.svg", dot=str(fake))
    assert os.listdir(out) == []


def test_cli_draws_a_graph(tmp_path, capsys):
    out = tmp_path / ("g.svg" if HAS_DOT else "g.dot")
    code = main(["graph", "--sizes", "2,3,1", "--activation", "sigmoid", "--cost", "cross-entropy",
                 "--point", "random", "--seed", "3", "--out", str(out)])
    assert code == 0
    assert out.exists() and "11 nodes, 14 edges" in capsys.readouterr().out


@pytest.mark.parametrize("args,message", [
    (["--out", "/no/such/folder/g.svg"], "does not exist"),
    (["--out", "{tmp}"], "is a folder"),
    (["--out", "{tmp}/g.jpg"], "end it with .svg"),
    (["--sizes", "30,80,80,10", "--out", "{tmp}/g.svg"], "--collapse-layers"),
    (["--set", "w^2_{1,2}=half", "--out", "{tmp}/g.svg"], "not an exact number"),
    (["--set", "w^9_{1,2}=1", "--out", "{tmp}/g.svg"], "not an input, target or parameter"),
    (["--activation", "generic", "--point", "random", "--out", "{tmp}/g.svg"], "generic activation"),
    # rv50 C1: a relu output reaches 1.92 (seed 0) and 0 (seed 5); ln(1 − a) or ln a is not real there (was exit 70).
    (["--sizes", "2,1", "--activation", "relu", "--point", "random", "--out", "{tmp}/g.svg"],
     "relu output a^2_1 = 1.92 lies outside (0, 1)"),
    (["--sizes", "2,1", "--activation", "relu", "--seed", "5", "--point", "random", "--out", "{tmp}/g.svg"],
     "relu output a^2_1 = 0.0 lies outside (0, 1)"),
    # rv50 C1: σ(z ≈ 10^5) is 1 − 10^-43429; its gradient would need ~87000 digits (was a ZeroDivisionError, exit 70).
    (["--sizes", "2,1", "--set", "b^2_1=100000", "--out", "{tmp}/g.dot"], "past symbp's limit of 2000"),
])
def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["graph", *args]) == 2
    assert message in " ".join(capsys.readouterr().err.split())
    assert os.listdir(tmp_path) == []


def test_saturated_cross_entropy_gradients_are_faithful():
    # rv50 C1: σ(114.12) = 1 − 2.7·10^-50 rounded to 1 at 50 digits, and ∂C/∂a = 1/(1 − a) came out 3.741e49.
    # By hand (y = 0): C = −ln(1 − a) = ln(1 + e^z), ∂C/∂a = 1/(1 − a) = 1 + e^z, ∂C/∂z = a − y = a;
    # z = 0.9·0.7 + 0.7·0.7 + 113 = 114.12, evaluated here independently at 300 digits.
    net = network([2, 1], "sigmoid", "cross-entropy")
    point = {"x_1": "0.7", "x_2": "0.7", "w^2_{1,1}": "0.9", "w^2_{1,2}": "0.7", "b^2_1": 113, "y_1": 0}
    g = computational_graph(net, point=point)
    with mpmath.workdps(300):
        z = mpmath.mpf("114.12")
        a = 1 / (1 + mpmath.exp(-z))
        for got, want in [(g.node("a2_1").grad, 1 + mpmath.exp(z)), (g.node("C").value, mpmath.log(1 + mpmath.exp(z))),
                          (g.node("z2_1").grad, a)]:
            assert abs(got - want) <= mpmath.mpf(10) ** -40 * abs(want)


def test_values_on_a_large_network_are_refused_up_front():
    # The exact ground truth of [10,20,20,5] outruns a minute and 2 GB; say so at once.
    with pytest.raises(GraphError, match="--point none"):
        computational_graph(network([10, 20, 20, 5], "sigmoid"), point="random", collapse=True)


@pytest.mark.parametrize("name", ["symbp.point", "symbp.graph.computational", "symbp.graph.graphviz", "symbp.identities.rowvector"])
def test_docstring_examples_run(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


def test_cli_without_graphviz_says_where_the_dot_text_went(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert main(["graph", "--sizes", "2,3,1", "--out", str(tmp_path / "g.png")]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "not installed" in err and str(tmp_path / "g.dot") in err
    assert os.listdir(tmp_path) == ["g.dot"]


def test_collapsed_picture_of_a_large_network_without_values_is_cheap():
    g = computational_graph(network([784, 30, 10], "sigmoid"), notation="rowvector", collapse=True)
    text = to_dot(g)
    assert "ℝ<SUP>1×784</SUP>" in text and "(784×30)" in text  # row vectors, W of shape inputs × outputs


# Review 18 M3: TeX's short \frac12 (one digit or letter per argument) in graph notes; before, the cost
# L = \frac12\|h - t\|^2 was unreadable and every claim about L "never defined".
@pytest.mark.parametrize("short, braced", [
    (r"L = \frac12\|h - t\|^2", r"L = \frac{1}{2}\|h - t\|^2"),
    (r"J = \frac1m L", r"J = \frac{1}{m} L"),
    (r"L = \frac123 x", r"L = \frac{1}{2} 3 x"),  # TeX: the first two digits are the arguments
])
def test_short_frac_reads_as_its_braced_form(short, braced):
    from symbp.verify.graphread import read_graph

    assert read_graph(short) == read_graph(braced)


def test_a_short_frac_cost_defines_the_loss(tmp_path):
    from symbp.verify import verify_notes

    path = tmp_path / "notes.md"
    path.write_text("Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \\times 2$ matrix.\n"
                    "$$g = W x, \\quad h = \\tanh(g)$$\n$$L = \\frac12\\|h - t\\|^2$$\n"
                    "$$\\frac{\\partial L}{\\partial h} = h - t$$\n\n$$\\frac{\\partial L}{\\partial h} = 2(h - t)$$\n")
    rows = {r.formula.text: r.result.status for r in verify_notes(path).rows}
    assert rows[r"\frac{\partial L}{\partial h} = h - t"] == "holds"
    assert rows[r"\frac{\partial L}{\partial h} = 2(h - t)"] == "refuted"


# Review 19 F13: \cdot between two columns of one size in graph notes was never ⊙ (refuted by shapes alone). It is
# read as the layered reader reads it: one well-shaped reading decides, disagreeing ones make the claim ambiguous.
# The truth: L = ½‖σ(W x) − y‖² differentiated by sympy.diff.
CDOT_NOTES = ("Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \\times 2$ matrix.\n"
              "$$g = W x, \\quad h = \\sigma(g)$$\n$$L = \\frac{1}{2}\\|h - y\\|^2$$\n")


def _cdot_truth():
    import sympy

    sigma = sympy.Function("sigma")
    x, y = sympy.Matrix(sympy.symbols("x1:3")), sympy.Matrix(sympy.symbols("y1:3"))
    w = sympy.Matrix(2, 2, sympy.symbols("w1:5"))
    g = w * x
    loss = sum((sigma(g[i]) - y[i]) ** 2 for i in range(2)) / 2
    dx = sympy.Matrix([sympy.diff(loss, v) for v in x])
    gs = sympy.Matrix(sympy.symbols("g1:3"))
    dg = sympy.Matrix([sympy.diff(sum((sigma(gs[i]) - y[i]) ** 2 for i in range(2)) / 2, v) for v in gs]).subs(
        dict(zip(gs, g)))
    err = g.applyfunc(sigma) - y
    s = sympy.Symbol("s")
    prime = g.applyfunc(lambda e: sympy.diff(sigma(s), s).subs(s, e))
    inside = w.T * err.multiply_elementwise(prime)  # W^T((h − y) ⊙ σ'(g))
    outside = (w.T * err).multiply_elementwise(prime)  # (W^T(h − y)) ⊙ σ'(g)
    return (sympy.simplify(dg - err.multiply_elementwise(prime)) == sympy.zeros(2, 1),
            sympy.simplify(dx - inside) == sympy.zeros(2, 1), sympy.simplify(dx - outside) == sympy.zeros(2, 1))


@pytest.mark.parametrize("claim, status", [
    (r"\frac{\partial L}{\partial g} = (h - y) \cdot \sigma'(g)", "holds"),
    (r"\frac{\partial L}{\partial g} = (h - y) \times \sigma'(g)", "holds"),
    (r"\frac{\partial L}{\partial g} = (h - y) \cdot \sigma(g)", "refuted"),  # σ for σ'
    (r"\frac{\partial L}{\partial g} = (h - y) \cdot \sigma'(h)", "refuted"),
    (r"\frac{\partial L}{\partial x} = W \cdot (h - y) \cdot \sigma'(g)", "refuted"),  # no transpose, every reading
    (r"\frac{\partial L}{\partial x} = W^T (h - y) \cdot \sigma'(g)", "ambiguous"),  # inside true, outside false
    (r"\frac{\partial L}{\partial x} = W^T \cdot (h - y) \cdot \sigma'(g)", "ambiguous"),
    (r"\frac{\partial L}{\partial g} = (h - y) \odot \sigma'(g) \cdot 1", "holds"),  # ⊙ written: \cdot a product
])
def test_rv19_f13_cdot_between_two_columns_reads_as_odot_in_graph_notes(tmp_path, claim, status):
    from symbp.verify import verify_notes

    dg, inside, outside = _cdot_truth()
    assert dg and inside and not outside
    path = tmp_path / "notes.md"
    path.write_text(CDOT_NOTES + f"$${claim}$$\n")
    rows = {r.formula.text: r.result for r in verify_notes(path).rows}
    assert rows[claim].status == status, rows[claim].reason


# Review 18 leftover: "If $w_{21} = 0$, then $$…$$" states the claim under a condition on a weight; it was refuted
# ("holds only at the example values"). It is now read as the claim's condition (as \text{when } w_{21} = 0 in its
# display): checked with the value put in. Truth: L = ½‖tanh(W x) − y‖² differentiated by sympy.diff.
W21_NOTES = ("Let $x$ be a column vector with entries $x_1, x_2$ and $W$ a $2 \\times 2$ matrix.\n"
             "$$g = W x, \\quad h = \\tanh(g)$$\n$$L = \\frac{1}{2}\\|h - y\\|^2$$\n\n")
W21_RIGHT = r"\frac{\partial L}{\partial x_1} = w_{11} (h_1 - y_1)(1 - h_1^2)"
W21_WRONG = r"\frac{\partial L}{\partial x_1} = w_{21} (h_2 - y_2)(1 - h_2^2)"


def _w21_truth(rhs_of):
    """Is ∂L/∂x_1 (sympy.diff of the composed loss) equal to ``rhs_of(w, h, y)`` at w_21 = 0 (random points)?"""
    import random

    import sympy

    x, y = sympy.symbols("x1:3"), sympy.symbols("y1:3")
    w = sympy.Matrix(2, 2, sympy.symbols("w11 w12 w21 w22"))
    g = w * sympy.Matrix(x)
    h = [sympy.tanh(e) for e in g]
    diff = sympy.diff(sum((h[i] - y[i]) ** 2 for i in range(2)) / 2, x[0]) - rhs_of(w, h, y)
    rng = random.Random(5)
    at = {s: sympy.Rational(rng.randint(-9, 9), rng.randint(2, 7)) for s in (*x, *y, *w)}
    at[w[1, 0]] = 0
    return abs(sympy.N(diff.xreplace(at), 30)) < 1e-20


@pytest.mark.parametrize("layout, claim, status", [
    ("If $w_{21} = 0$, then\n$${c}$$\n", W21_RIGHT, "holds"),
    ("If $w_{21} = 0$.\nThen\n$${c}$$\n", W21_RIGHT, "holds"),
    ("When $w_{21} = 0$ we get\n$${c}$$\n", W21_RIGHT, "holds"),
    ("If $w_{21} = 0$, then\n$${c}$$\n", W21_WRONG, "refuted"),
    ("Take for example $w_{21} = 0$. The network ignores nothing.\n$${c}$$\n", W21_RIGHT, "refuted"),  # no condition
])
def test_rv18_a_condition_on_a_weight_in_the_prose_is_the_claims_condition(tmp_path, layout, claim, status):
    from symbp.verify import verify_notes

    right = _w21_truth(lambda w, h, y: w[0, 0] * (h[0] - y[0]) * (1 - h[0] ** 2))
    wrong = _w21_truth(lambda w, h, y: w[1, 0] * (h[1] - y[1]) * (1 - h[1] ** 2))
    assert right and not wrong
    path = tmp_path / "notes.md"
    path.write_text(W21_NOTES + layout.replace("{c}", claim))
    rows = {r.formula.text: r.result for r in verify_notes(path).rows}
    assert rows[claim].status == status, rows[claim].reason

r"""Layer indices in superscripts read in the notes' own terms (issue 14, graph notes): ``W^{(1)}``, Ng's ``W^{[1]}``.

Before, ``z^{(1)} = W^{(1)} x + b^{(1)}`` stopped the graph reader ("a superscript here must be T or a small whole
power") and the layered reading, which takes the input for layer 1, judged nothing of such notes. Every verdict
below is worked by hand:

z1 = W1 x + b1 (x ∈ R³, W1 4×3), a1 = σ(z1), z2 = W2 a1 + b2 (W2 2×4), L = ½‖z2 − t‖², so
∂L/∂z2 = z2 − t = δ2, ∂L/∂W2 = δ2 a1ᵀ (2×4), ∂L/∂a1 = W2ᵀ δ2, ∂L/∂z1 = (W2ᵀ δ2) ⊙ σ'(z1) = δ1, ∂L/∂W1 = δ1 xᵀ (4×3),
∂L/∂b1 = δ1. Slips: δ1 a1ᵀ is 4×4, not W1's 4×3; W2ᵀ δ2 alone (σ' forgotten) differs from ∂L/∂z1 for a generic σ.
"""

from __future__ import annotations

import pytest

from symbp.verify.graphbuild import build
from symbp.verify.graphnodes import T, to_latex
from symbp.verify.graphprose import hints_and_prose
from symbp.verify.graphread import read_graph
from symbp.verify.notes import verify_text

LAYERS = r"""# A two-layer net

Let $x$ be a column vector with 3 entries, $W^{(1)}$ a $4 \times 3$ matrix and $W^{(2)}$ a $2 \times 4$ matrix.
Let $z^{(1)} = W^{(1)} x + b^{(1)}$, $a^{(1)} = \sigma(z^{(1)})$, $z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$ and $L = \frac12 \|z^{(2)} - t\|^2$.

We write $\delta^{(2)} = z^{(2)} - t$ and $\delta^{(1)} = (W^{(2)T} \delta^{(2)}) \odot \sigma'(z^{(1)})$.

$$\frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} a^{(1)T}$$

$$\frac{\partial L}{\partial W^{(1)}} = \delta^{(1)} x^T$$

$$\frac{\partial L}{\partial b^{(1)}} = \delta^{(1)}$$

$$\frac{\partial L}{\partial W^{(1)}} = \delta^{(1)} a^{(1)T}$$

$$\frac{\partial L}{\partial z^{(1)}} = W^{(2)T} \delta^{(2)}$$
"""


def _verdicts(text: str) -> dict:
    report = verify_text(text)
    return {row.formula.text: row.result for row in report.rows}, report


def _brackets(text: str) -> str:
    """The same notes in Ng's spelling: W^{[1]} for W^{(1)}."""
    for k in "12":
        text = text.replace(f"^{{({k})}}", f"^{{[{k}]}}").replace(f"^{{({k})T}}", f"^{{[{k}]T}}")
    return text


@pytest.mark.parametrize("spell", [lambda t: t, _brackets], ids=["parentheses", "brackets"])
def test_layer_superscripts_are_names_of_their_own(spell):
    got, report = _verdicts(spell(LAYERS))
    w2, w1, b1, wrong_shape, no_sigma = [spell(t) for t in (
        r"\frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} a^{(1)T}",
        r"\frac{\partial L}{\partial W^{(1)}} = \delta^{(1)} x^T",
        r"\frac{\partial L}{\partial b^{(1)}} = \delta^{(1)}",
        r"\frac{\partial L}{\partial W^{(1)}} = \delta^{(1)} a^{(1)T}",
        r"\frac{\partial L}{\partial z^{(1)}} = W^{(2)T} \delta^{(2)}")]
    for right in (w2, w1, b1):
        assert got[right].status == "holds", (right, got[right].reason)
    assert got[wrong_shape].status == "refuted" and "4×4" in got[wrong_shape].reason  # W^{(1)} is 4×3
    assert got[no_sigma].status == "refuted", got[no_sigma].reason
    model = report.graph.model
    assert model.quantities[spell("W^{(1)}")].dims == (4, 3)
    assert model.quantities[spell("a^{(1)}")].dims == (4,)  # a^{(1)} = σ(W^{(1)} x + b^{(1)}): 4 entries
    # the definitions are the notes' model, never rows (the layered reading called z^{(1)} = … a slip of z^{(2)})
    defined = {f.text for f in report.skipped if f.kind == "definition"}
    assert spell(r"z^{(1)} = W^{(1)} x + b^{(1)}") in defined
    assert not any(r.formula.text.startswith("z^") for r in report.rows)


NG = r"""# Ng's notes

We compute $z^{[1]} = W^{[1]} x + b^{[1]}$, $a^{[1]} = \tanh(z^{[1]})$, $z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}$ and $L = \frac12 \|z^{[2]} - y\|^2$.

Let $\delta^{[2]} = z^{[2]} - y$ and $\delta^{[1]} = (W^{[2]T} \delta^{[2]}) \odot (1 - (a^{[1]})^2)$.

$$\frac{\partial L}{\partial W^{[2]}_{jk}} = \delta^{[2]}_j a^{[1]}_k$$

$$\frac{\partial L}{\partial W^{[1]}_{jk}} = \delta^{[1]}_j x_k$$

$$\frac{\partial L}{\partial W^{[1]}_{jk}} = \delta^{[1]}_k x_j$$

$$\frac{\partial L}{\partial a^{[1]}_j} = \sum_i W^{[2]}_{ij} \delta^{[2]}_i$$

$$\frac{\partial L}{\partial a^{[1]}_j} = \sum_i W^{[2]}_{ji} \delta^{[2]}_i$$
"""


def test_layer_entries_with_open_sizes():
    """No sizes said: W^{[1]} is a matrix by its two indices (never a vector of W^{[1]}_{jk}), the sizes a family.
    By hand: ∂L/∂W^{[1]}_{jk} = δ^{[1]}_j x_k; ∂L/∂a^{[1]}_j = Σ_i W^{[2]}_{ij} δ^{[2]}_i (a column of W^{[2]}), the
    transposed indices are a slip (and the swapped δ^{[1]}_k x_j too)."""
    got, report = _verdicts(NG)
    assert report.graph.model.quantities["W^{[1]}"].rank == 2
    assert got[r"\frac{\partial L}{\partial W^{[2]}_{jk}} = \delta^{[2]}_j a^{[1]}_k"].status == "holds"
    assert got[r"\frac{\partial L}{\partial W^{[1]}_{jk}} = \delta^{[1]}_j x_k"].status == "holds"
    assert got[r"\frac{\partial L}{\partial W^{[1]}_{jk}} = \delta^{[1]}_k x_j"].status == "refuted"
    assert got[r"\frac{\partial L}{\partial a^{[1]}_j} = \sum_i W^{[2]}_{ij} \delta^{[2]}_i"].status == "holds"
    assert got[r"\frac{\partial L}{\partial a^{[1]}_j} = \sum_i W^{[2]}_{ji} \delta^{[2]}_i"].status == "refuted"


def test_reader_keeps_layers_samples_and_entries_apart():
    eq = read_graph(r"\frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} a^{(1)T}")
    right = eq.sides[1]
    assert eq.sides[0].den.base == "W^{(2)}" and not eq.sides[0].den.sub
    assert isinstance(right.factors[1], T) and right.factors[1].arg.base == "a^{(1)}"
    entry = read_graph(r"u = a^{(1)}_j").sides[1]
    assert (entry.base, entry.sub) == ("a^{(1)}", ("j",))  # an entry of the layer's vector, not of a
    sample = read_graph(r"u = x^{(i)T} W").sides[1].factors[0]
    assert isinstance(sample, T) and (sample.arg.base, sample.arg.sample) == ("x", "i")  # i: a training input
    for text in (r"u = W^{(2)T} a^{(1)}", r"u = x^{(i)T} W", r"u = a^{[1]}_j + W^{[2]}_{jk}"):
        assert read_graph(to_latex(read_graph(text))) == read_graph(text)  # written back as the notes write it
    assert "W^{(2)T}" in to_latex(read_graph(r"u = W^{(2)T} a^{(1)}"))


def test_prose_gives_a_layer_its_shape():
    hints, _ = hints_and_prose(r"Let $W^{(1)}$ be a $4 \times 3$ matrix, $W^{[2]} \in \mathbb{R}^{2\times 4}$ and "
                               r"$\delta^{(1)}$ a column vector.")
    assert (1, "W^{(1)}", "", (4, 3)) in hints
    assert (1, "W^{[2]}", "", (2, 4)) in hints
    assert (1, "\\delta^{(1)}", "col", ()) in hints


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (2, 3, 0, 1), (3, 2, 1, 0)])
def test_same_line_definitions_in_any_order(order):
    """y = W^{(2)} a^{(1)} read before a^{(1)} = tanh(z^{(1)}) made y a 2×4 matrix (a^{(1)} a number meanwhile): by
    hand y is W^{(2)} (2×4) times a^{(1)} (4 entries), a column of 2, whatever order the definitions come in."""
    texts = [r"z^{(1)} = W^{(1)} x", r"a^{(1)} = \tanh(z^{(1)})", r"y = W^{(2)} a^{(1)}", r"L = \frac12 \|y - t\|^2"]
    defs = [(4, read_graph(texts[k])) for k in order]
    hints = [(3, "x", "col", ()), (3, "W^{(1)}", "", (4, 3)), (3, "W^{(2)}", "", (2, 4)), (3, "x", "", (3,))]
    model = build(defs, [], hints, {})
    y = model.quantities["y"]
    assert (y.rank, y.dims) == (1, (2,))
    assert model.quantities["a^{(1)}"].dims == (4,)


SLIP = r"""# A three-layer net

Let $x$ be a column vector with 3 entries, $W^{(1)}$ a $4 \times 3$ matrix, $W^{(2)}$ a $4 \times 4$ matrix and $W^{(3)}$ a $2 \times 4$ matrix.
Let $z^{(1)} = W^{(1)} x + b^{(1)}$, $a^{(1)} = \sigma(z^{(1)})$, $z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$, $a^{(2)} = \sigma(z^{(2)})$.
Let $z^{(3)} = W^{(2)} a^{(2)} + b^{(3)}$ and $L = \frac12 \|z^{(3)} - t\|^2$.

$$\frac{\partial L}{\partial b^{(3)}} = z^{(3)} - t$$
"""


def test_a_layer_slip_in_the_definitions_stays_found():
    """z^{(3)} = W^{(2)} a^{(2)} + b^{(3)}: W^{(2)} where the pattern of the other layers says W^{(3)}. The first
    layer's z^{(1)} = W^{(1)} x + b^{(1)} (from the input x) is the notes' model, but this slip, all of whose names
    have their layers, keeps the layered reading's verdict; ∂L/∂b^{(3)} = z^{(3)} − t is true either way."""
    got, report = _verdicts(SLIP)
    assert got[r"z^{(3)} = W^{(2)} a^{(2)} + b^{(3)}"].status == "refuted"
    assert r"z^{(1)} = W^{(1)} x + b^{(1)}" not in got
    assert got[r"\frac{\partial L}{\partial b^{(3)}} = z^{(3)} - t"].status == "holds"

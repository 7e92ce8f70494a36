r"""σ written out for one neuron, σ(z) = 1/(1+e^{-(Σ_i^n w_i x_i + b)}): seed 001, lines 4 and 7.

The oracle is a direct NumPy evaluation of one neuron, z = w · x + b, never symbp's own reading.
"""

import numpy as np

from symbp.verify.neuronsum import one_neuron
from symbp.verify.notes import verify_notes

# seed 001, lines 3-7, as written (line 7's "+ 1" where line 4 has "+ b")
NOTES = r"""• aktivační funkce sigmoid:
$$\sigma(z) = \frac{1}{1+e^{-z}} = \frac{1}{1+e^{-(\sum_i^n w_i x_i + b)}}, \ \sigma(\vec{z}) = \begin{pmatrix} \sigma(z_1) \\ \vdots \\ \sigma(z_n) \end{pmatrix}$$

• aktivachi funkce sigmoid:
$$\sigma(z) = \frac{1}{1+e^{-z}} = \frac{1}{1+e^{-(\sum_i^n w_i x_i + 1)}}$$
"""


def _sigmoid(t):
    return 1 / (1 + np.exp(-t))


def _neuron_sides(bias_written, rng):
    # σ(z) of one neuron with 3 inputs against the side with the bias as written: the two values
    w, x, b = rng.normal(size=3), rng.normal(size=3), rng.normal()
    z = w @ x + b
    return _sigmoid(z), _sigmoid(w @ x + (b if bias_written == "b" else bias_written))


def test_seed001_line4_neuron_chain_holds_and_line7_bias_one_refuted(tmp_path):
    rng = np.random.default_rng(1)
    left, right = _neuron_sides("b", rng)
    assert np.isclose(left, right)  # the oracle: + b is the neuron's own z
    left, right = _neuron_sides(1, rng)
    assert not np.isclose(left, right)  # + 1 differs for a bias other than 1
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    rows = [r.result for r in verify_notes(path).rows]
    assert [r.status for r in rows] == ["holds", "refuted"]
    assert rows[1].diagnosis == "the bias b is written 1"
    assert rows[1].corrected.endswith(r"w_i x_i + b)}}")
    cx = rows[1].counterexample
    assert np.isclose(cx.lhs_value, _sigmoid(0.0)) and np.isclose(cx.rhs_value, _sigmoid(1.0))  # w = x = b = 0


def test_neuron_bias_one_holds_when_the_bias_is_one():
    # the refutation's claim "it holds only when b = 1": at b = 1 the neuron's σ(z) is the side's value (oracle)
    w, x, b = np.array([0.3, -1.2]), np.array([2.0, 0.5]), 1.0
    assert np.isclose(_sigmoid(w @ x + b), 1 / (1 + np.exp(-(w @ x + 1))))
    result = one_neuron(r"\sigma(z) = \frac{1}{1+e^{-(\sum_{i=1}^{n} w_i x_i + 1)}}", "sigmoid")
    assert result.status == "refuted" and "only when the bias b = 1" in result.reason


def test_neuron_chain_under_tanh_refuted():
    # σ = tanh: 1/(1+e^{-z}) is not tanh(z) (at z = 0: 1/2 against 0)
    result = one_neuron(r"\sigma(z) = \frac{1}{1+e^{-z}}", "tanh")
    assert result is None  # no neuron sum: left to the scalar reader
    result = one_neuron(r"\sigma(z) = \frac{1}{1+e^{-(\sum_i^n w_i x_i + b)}}", "tanh")
    assert result.status == "refuted"
    assert np.isclose(result.counterexample.lhs_value, np.tanh(0.0))
    assert np.isclose(result.counterexample.rhs_value, _sigmoid(0.0))


def test_neuron_sum_with_mismatched_indices_not_read():
    # Σ_i w_i x_j is no neuron's weighted input: left unread, never guessed
    assert one_neuron(r"\sigma(z) = \frac{1}{1+e^{-(\sum_i^n w_i x_j + b)}}", "sigmoid") is None
    # a generic σ meets no definition of σ: left to the reader
    assert one_neuron(r"\sigma(z) = \frac{1}{1+e^{-(\sum_i^n w_i x_i + b)}}", "generic") is None

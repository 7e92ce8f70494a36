r"""Review 38, F3 and F4: a division by what relu makes 0, and a polynomial in a layer size.

F3: for relu, a^L_j = relu(z^L_j) = 0 for every z^L_j ≤ 0, so a^L_j / a^L_j is undefined on half of
every neuron's inputs; read as 1 it would say σ' ≡ 1 (false: σ'(z) = 0 for z < 0). Never "holds".
F4: Σ_{k=1}^{n_L} 1 = n_L, so adding (n_L − 2)(n_L − 3)(n_L − 4) to BP1 is false for n_L = 1 and
n_L ≥ 5 (n_L = 1: −6; n_L = 5: +6), though it vanishes on every output layer of 2, 3 or 4 neurons.
"""

from symbp.verify import verify

A_OVER_A = r"\frac{a^L_j}{a^L_j}"


def test_relu_sigma_prime_as_a_over_a_is_not_holds():
    # σ'(z) = a/a: undefined for z ≤ 0 (0/0), where relu' = 0; never holds.
    v = verify(r"\sigma'(z^L_j) = " + A_OVER_A, activation="relu")
    assert v.status == "undecided"
    assert "divides by a^L_j" in v.reason and "relu" in v.reason


def test_relu_bp1_with_a_over_a_is_not_holds():
    # (a − y)·a/a would be a − y: BP1 without σ', false for relu wherever z < 0.
    v = verify(r"\delta^L_j = (a^L_j - y_j)" + A_OVER_A, activation="relu")
    assert v.status == "undecided"
    assert "divides by a^L_j" in v.reason


def test_relu_a_over_a_equal_one_is_not_holds():
    v = verify(A_OVER_A + " = 1", activation="relu")
    assert v.status == "undecided"


def test_relu_division_wrong_where_defined_is_refuted():
    # 2a/a = 2 ≠ 1 = σ'(z) for every z > 0, where both sides are defined.
    v = verify(r"\sigma'(z^L_j) = \frac{2 a^L_j}{a^L_j}", activation="relu")
    assert v.status == "refuted"


def test_relu_a_over_z_holds_where_defined():
    # relu(z)/z = [z > 0] = relu'(z) for every z ≠ 0: the divisor is 0 only on the hyperplane z = 0.
    v = verify(r"\frac{\partial a^l_j}{\partial z^l_j} = \frac{a^l_j}{z^l_j}", activation="relu")
    assert v.status == "holds"


def test_tanh_a_over_a_is_one_but_not_sigma_prime():
    # tanh(z) = 0 only at z = 0: a/a = 1 wherever defined; tanh' = 1 − a² is not 1.
    assert verify(A_OVER_A + " = 1", activation="tanh").status == "holds"
    assert verify(r"\sigma'(z^L_j) = " + A_OVER_A, activation="tanh").status == "refuted"


def test_sigmoid_and_generic_divisions_unchanged():
    # Sigmoid's a is never 0: a·(a − y)/a is a − y, and BP1 with it is the plain BP1.
    bp1 = r"\delta^L_j = \frac{a^L_j (a^L_j - y_j)}{a^L_j}\sigma'(z^L_j)"
    assert verify(bp1, activation="sigmoid").status == "holds"
    assert verify(bp1).status == "holds"

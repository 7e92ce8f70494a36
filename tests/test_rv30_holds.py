"""Review 30: single formulas, ``symbp prove`` and the Python API; each test asserts the verdict the mathematics gives.

Truths by hand:
* A softmax output a^L = softmax(z^L) has ∂a^L_k/∂z^L_j = a^L_k([k = j] − a^L_j), which is not [k = j] σ'(z^L_j)
  (at k ≠ j it is −a^L_k a^L_j ≠ 0), so lemma-da-dz is false on a softmax-cross-entropy network.
"""

from __future__ import annotations

import numpy as np
import pytest

from symbp import general
from symbp.errors import IdentityError
from symbp.verify import verify
from symbp.verify.layer_check import verify_layer


# A1: `symbp prove --general --identity lemma-da-dz --cost softmax-cross-entropy` said proved-for-all-sizes: the lemma
# was proved on a^L = σ(z^L) whatever the network's output, and listed among the lemmas of a softmax network.
def test_the_elementwise_output_lemma_is_not_proved_for_a_softmax_output():
    softmax = general.network(cost="softmax-cross-entropy")
    assert "lemma-da-dz" not in general.applicable(softmax)
    with pytest.raises(IdentityError, match="does not apply"):
        general.prove_general("lemma-da-dz", softmax)
    assert all(c.identity != "lemma-da-dz" for c in general.prove_catalogue(softmax, cross_check=False))


@pytest.mark.parametrize("cost", ["quadratic", "mean-quadratic", "cross-entropy"])
def test_the_elementwise_output_lemma_is_still_proved_for_an_elementwise_output(cost):
    assert general.prove_general("lemma-da-dz", general.network(cost=cost)).verdict == "proved-for-all-sizes"


# A2: a right output error under cross-entropy with tanh or the identity was labelled "matches ce-sigmoid", the identity
# δ^L = a^L − y of a sigmoid output. tanh' = 1 − a², so δ^L_j = (a_j − y_j)/(a_j(1 − a_j)) · (1 − a_j²) = (a_j − y_j)(1 + a_j)/a_j;
# with σ(z) = z, σ' = 1 and δ^L_j = (a_j − y_j)/(a_j(1 − a_j)). Both are BP1 for their activation, not ce-sigmoid.
@pytest.mark.parametrize("activation, formula", [
    ("tanh", r"\delta^L_j = \frac{(a^L_j - y_j)(1 + a^L_j)}{a^L_j}"),
    ("identity", r"\delta^L_j = \frac{a^L_j - y_j}{a^L_j (1 - a^L_j)}"),
])
def test_a_cross_entropy_output_error_of_another_activation_is_not_ce_sigmoid(activation, formula):
    out = verify(formula, activation=activation, cost="cross-entropy")
    assert out.status == "holds" and out.identity == "BP1", (out.status, out.identity, out.reason)
    sigmoid = verify(r"\delta^L_j = a^L_j - y_j", activation="sigmoid", cost="cross-entropy")
    assert sigmoid.status == "holds" and sigmoid.identity == "ce-sigmoid"


# A3: `verify --layer softmax-ce 'p - y'` held with nothing said of its assumption. ∂C/∂z_j = (Σ_k y_k) p_j − y_j for
# C = −Σ_k y_k ln p_k, so p − y is right only when Σ_k y_k = 1 (the layer's definition); the general form needs nothing.
def test_a_softmax_ce_layer_formula_says_it_assumes_targets_that_sum_to_one():
    one_hot = verify_layer("softmax-ce", r"\frac{\partial L}{\partial z} = p - y")
    assert one_hot.status == "holds" and "Σ_k y_k = 1" in one_hot.reason and "refuted" in one_hot.reason
    general_form = verify_layer("softmax-ce", r"\frac{\partial L}{\partial z_i} = p_i \sum_j y_j - y_i")
    assert general_form.status == "holds" and "Σ_k y_k = 1" not in general_form.reason


# A3: options about networks were silently ignored beside --layer (--activation tanh, --sizes, --cost ...).
@pytest.mark.parametrize("options", [["--activation", "tanh"], ["--sizes", "3,5"], ["--cost", "quadratic"],
                                     ["--notation", "dyda"], ["--one-hot"]])
def test_network_options_beside_a_layer_formula_are_bad_input(options, capsys):
    from symbp.cli import main

    code = main(["verify", "--layer", "dropout", *options, r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i}{1-p}"])
    assert code == 2 and "does not apply to a formula about a layer" in capsys.readouterr().err


# A4: an identity of the user's own that compares nothing on the network (its comparisons empty) was "proved" with
# 0 instances, and assert_identity passed: nothing was checked, so nothing is proved.
@pytest.mark.parametrize("method", ["exact", "pit", "auto"])
def test_an_identity_that_compares_nothing_is_not_proved(method):
    from symbp import network, prove
    from symbp.identities.identity import Identity

    empty = Identity(name="empty", title="t", statement="s", source="", compare=lambda q: iter(()))
    cert = prove(empty, network([2, 3, 2]), method=method)
    assert cert.verdict == "undecided" and "checked nowhere" in cert.reason


@pytest.mark.parametrize("method", ["exact", "pit"])
def test_a_layer_identity_that_compares_nothing_is_not_proved(method):
    import dataclasses

    from symbp import layers, prove
    from symbp.layers.catalogue import get

    empty = dataclasses.replace(get("dropout-gradient"), name="mine", entries=lambda spec: [], claim=lambda v: {})
    cert = prove(empty, layers.layer("dropout", ""), method=method)
    assert cert.verdict == "undecided" and "checked nowhere" in cert.reason


def test_assert_identity_fails_on_an_identity_that_compares_nothing():
    import symbp.testing as st
    from symbp import network
    from symbp.identities.identity import Identity

    empty = Identity(name="empty", title="t", statement="s", source="", compare=lambda q: iter(()))
    with pytest.raises(AssertionError, match="checked nowhere"):
        st.assert_identity(empty, network([2, 3, 2]), undecided="fail")


def _backprop_sigmoid(weights, biases, x, y, poison=None):
    # Nielsen's backprop for a sigmoid network and the quadratic cost, one sample (column) at a time, summed.
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    activations, zs = [x], []
    for w, b in zip(weights, biases):
        zs.append(w @ activations[-1] + b)
        activations.append(sig(zs[-1]))
    delta = (activations[-1] - y) * sig(zs[-1]) * (1 - sig(zs[-1]))
    nabla_b, nabla_w = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        if i < len(weights) - 1:
            delta = (weights[i + 1].T @ delta) * sig(zs[i]) * (1 - sig(zs[i]))
        nabla_b[i], nabla_w[i] = delta.sum(axis=1, keepdims=True), delta @ activations[i].T
    if poison is not None:
        nabla_w[0][0, 0] = poison
    return nabla_b, nabla_w


# A5: assert_gradient compared |got − truth| > tolerance, which is False for NaN: a backprop returning NaN (0/0, log 0)
# passed. A NaN entry is not the ground truth (a real number at every point drawn), so it must fail.
def test_assert_gradient_fails_on_a_nan_entry():
    import symbp.testing as st
    from symbp import network

    net = network([2, 3, 2], "sigmoid")
    st.assert_gradient(_backprop_sigmoid, net)  # the right backprop passes
    with pytest.raises(AssertionError, match="got nan"):
        st.assert_gradient(lambda *a: _backprop_sigmoid(*a, poison=float("nan")), net)


# A6: prove(identity, general.network()) resolved a core Identity by its name, so an edited one that kept the name
# (BP2 with the transpose dropped: δ^l = (w^{l+1} δ^{l+1}) ⊙ σ'(z^l), false, refuted on [2, 3, 2]) was
# "proved-for-all-sizes" as the catalogue's BP2.
def test_an_edited_core_identity_is_not_proved_for_all_sizes_under_its_old_name():
    import dataclasses

    from symbp import identities, mutants, network, prove

    wrong = dataclasses.replace(identities.BP2, compare=mutants.BP2_NO_TRANSPOSE.compare)
    assert prove(wrong, network([2, 3, 2])).verdict == "refuted"
    with pytest.raises(IdentityError, match="not the catalogue's BP2"):
        prove(wrong, general.network())
    assert prove(identities.BP2, general.network()).verdict == "proved-for-all-sizes"


# A7: identities.get looked any object up by its .name, so prove(edited GeneralIdentity, network([2, 3, 2])) checked
# the catalogue's BP2 and said proved, although the edit claims δ^l_j = w^{l+1}_{ji}, false.
def test_an_edited_all_sizes_identity_is_not_checked_as_the_catalogue_entry_of_its_name():
    import dataclasses

    from symbp import network, prove
    from symbp.general.chains import IDENTITIES

    wrong = dataclasses.replace(IDENTITIES["BP2"], rhs=lambda m: m.w_next[m.j, m.i])
    with pytest.raises(IdentityError, match="not an identity of this catalogue"):
        prove(wrong, network([2, 3, 2]))
    assert general.prove_general(wrong, general.network()).verdict != "proved-for-all-sizes"


# A8: layers.allsizes.prove_all_sizes(edited LayerIdentity) proved the catalogue's chain for its name and checked the
# edit on two shapes only: a claim doubled on 3 features (false there, refuted on features=3) was proved for every size.
def test_an_edited_layer_identity_is_not_proved_for_every_size_under_its_old_name():
    import dataclasses

    from symbp import layers, prove
    from symbp.layers.catalogue import get
    from symbp.layers.dropout import inverted_rule

    def doubled_on_three(v):
        out = inverted_rule(v)
        return {k: val * 2 if len(list(v.spec.outputs())) == 3 else val for k, val in out.items()}

    wrong = dataclasses.replace(get("dropout-gradient"), claim=doubled_on_three)
    assert prove(wrong, layers.layer("dropout", "features=3")).verdict == "refuted"
    with pytest.raises(IdentityError, match="not the catalogue's"):
        layers.allsizes.prove_all_sizes(wrong)
    assert layers.allsizes.prove_all_sizes("dropout-gradient").verdict == "proved-for-all-sizes"


# A7 (the assertion helper): assert_identity on a network of every size looked an all-sizes identity up by name (now
# an error) and then crashed on net.label(); it proves the identity it is given, an edited one too.
def test_assert_identity_on_networks_of_every_size_proves_the_identity_given():
    import dataclasses

    import symbp.testing as st
    from symbp.general.chains import IDENTITIES

    assert st.assert_identity(IDENTITIES["BP2"], general.network()).verdict == "proved-for-all-sizes"
    assert st.assert_identity("BP2", general.network()).verdict == "proved-for-all-sizes"
    # δ^l_j = σ'(z^l_j) w^{l+1}_{jj}: false (BP2 sums w^{l+1}_{ij} δ^{l+1}_i over i)
    wrong = dataclasses.replace(IDENTITIES["BP2"], rhs=lambda m: m.sigma_prime(m.z[m.j]) * m.w_next[m.j, m.j])
    with pytest.raises(AssertionError, match="refuted"):
        st.assert_identity(wrong, general.network())

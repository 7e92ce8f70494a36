"""prove(): every catalogue identity on several non-square networks; every usual slip refuted."""

import pytest

from symbp import identities as ids
from symbp import mutants
from symbp.certificate import Certificate
from symbp.errors import IdentityError
from symbp.network import network
from symbp.prove import prove

SHAPES = [[2, 3, 2], [3, 2, 4], [2, 3, 3, 2]]
ACTIVATIONS = ["generic", "sigmoid", "tanh", "relu", "softplus", "identity"]
ELEMENTWISE = ["BP1", "BP1-matrix", "BP2", "BP2-matrix", "BP3", "BP4", "product-formula", "dyda-weight-gradient", "dyda-input-gradient"]


@pytest.mark.parametrize("sizes", SHAPES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_core_identities_are_proved_exactly(name, activation, sizes):
    # Seeds 000 and 002: BP1-BP4 and their matrix forms hold on every network.
    cert = prove(name, network(sizes, activation=activation))
    assert cert.verdict == "proved", cert.reason
    assert cert.method == "exact"
    assert cert.instances > 0 and cert.steps


@pytest.mark.parametrize("sizes", SHAPES)
@pytest.mark.parametrize("name", ["BP2", "BP4", "product-formula"])
def test_pit_agrees_and_never_says_proved(name, sizes):
    cert = prove(name, network(sizes, activation="sigmoid"), method="pit")
    assert cert.verdict == "probably-true"
    assert "2^61" in cert.error_bound and cert.points == 2


@pytest.mark.parametrize("sizes", SHAPES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_quadratic_cost_gradient_bp1_prime(sizes, activation):
    # Sokolinsky's Lemma 1 (seed 002): ∂C/∂a^L = a^L − y for C = ½‖a − y‖².
    assert prove("BP1'", network(sizes, activation=activation)).verdict == "proved"


@pytest.mark.parametrize("sizes", [[2, 3, 2], [3, 2, 1], [2, 2, 3, 2]])
def test_sigmoid_cross_entropy_output_error(sizes):
    assert prove("ce-sigmoid", network(sizes, activation="sigmoid", cost="cross-entropy")).verdict == "proved"


@pytest.mark.parametrize("sizes", [[3, 4, 3], [2, 3, 4], [2, 2, 3, 2]])
@pytest.mark.parametrize("activation", ["generic", "tanh"])
def test_softmax_cross_entropy_identities_seed_003(sizes, activation):
    # Dyda eq. (0.2): δ^L = (Σ_k y_k) a^L − y, and = a^L − y when Σ_k y_k = 1.
    general = network(sizes, activation=activation, cost="softmax-cross-entropy")
    assert prove("softmax-ce", general).verdict == "proved"
    one_hot = network(sizes, activation=activation, cost="softmax-cross-entropy", one_hot=True)
    assert prove("softmax-ce-one-hot", one_hot).verdict == "proved"


@pytest.mark.parametrize("sizes", [[2, 3, 2], [3, 2, 2], [1, 2, 2, 1]])
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_minibatch_rule_kucharka_seed_001(sizes, activation):
    net = network(sizes, activation=activation, cost="mean-quadratic", batch=3)
    assert prove("minibatch", net).verdict == "proved"


@pytest.mark.parametrize("sizes", SHAPES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("name", ["lemma-2", "lemma-3", "lemma-4"])
def test_sokolinsky_lemmas_seed_002(name, activation, sizes):
    cert = prove(name, network(sizes, activation=activation))
    assert cert.verdict == "proved"


@pytest.mark.parametrize("name", ["sigmoid-prime", "tanh-prime"])
def test_derivative_rules_are_proved_from_the_definition(name):
    cert = prove(name, network([2, 2], activation=name.split("-")[0]))
    assert cert.verdict == "proved" and cert.steps


# -- the usual slips ---------------------------------------------------------------


@pytest.mark.parametrize("method", ["exact", "pit"])
def test_bp2_refuted_without_transpose_on_square_network(method):
    cert = prove(mutants.BP2_NO_TRANSPOSE, network([3, 3, 3], activation="generic"), method=method)
    assert cert.verdict == "refuted"
    cx = cert.counterexample
    assert cx.point and cx.lhs != cx.rhs and cx.activation
    assert cx.layer == 2 and cx.indices


def test_bp2_without_transpose_cannot_be_formed_on_non_square_network():
    cert = prove(mutants.BP2_NO_TRANSPOSE, network([2, 3, 2]))
    assert cert.verdict == "refuted"
    assert "cannot multiply" in cert.counterexample.reason


@pytest.mark.parametrize("sizes", [[3, 3, 3], [2, 2, 2]])
def test_bp4_refuted_with_j_and_k_swapped(sizes):
    cert = prove(mutants.BP4_SWAPPED, network(sizes, activation="sigmoid"))
    assert cert.verdict == "refuted"
    assert len(cert.counterexample.indices) == 2
    assert cert.counterexample.lhs_value != pytest.approx(cert.counterexample.rhs_value)


@pytest.mark.parametrize("activation", ["generic", "tanh", "relu"])
def test_bp1_refuted_with_sign_flipped(activation):
    cert = prove(mutants.BP1_SIGN, network([2, 3, 2], activation=activation))
    assert cert.verdict == "refuted"
    cx = cert.counterexample
    assert cx.lhs_value == pytest.approx(-cx.rhs_value) and cx.lhs_value != 0


@pytest.mark.parametrize("activation", ["generic", "sigmoid", "softplus"])
def test_bp2_refuted_without_sigma_prime(activation):
    cert = prove(mutants.BP2_NO_SIGMA_PRIME, network([2, 3, 2], activation=activation))
    assert cert.verdict == "refuted"


def test_bp2_without_sigma_prime_is_not_refuted_for_the_identity_activation():
    # σ' = 1 for the identity activation: dropping it changes nothing, and the
    # mutant really is correct there. symbp must say so, not invent a refutation.
    cert = prove(mutants.BP2_NO_SIGMA_PRIME, network([2, 3, 2], activation="identity"))
    assert cert.verdict == "proved"


def test_factor_two_against_half_cost_refuted_seed_001():
    # Seed 001 writes ∂C/∂a = 2(a − y) next to C = 1/(2n) Σ‖y − a‖².
    cert = prove(mutants.NABLA_FACTOR_TWO, network([2, 3, 2], activation="sigmoid"))
    assert cert.verdict == "refuted"
    assert cert.counterexample.rhs_value == pytest.approx(2 * cert.counterexample.lhs_value)


@pytest.mark.parametrize("method", ["exact", "pit"])
def test_one_hot_identity_refuted_without_the_assumption(method):
    net = network([3, 4, 3], activation="generic", cost="softmax-cross-entropy")
    cert = prove("softmax-ce-one-hot", net, method=method)
    assert cert.verdict == "refuted"
    cx = cert.counterexample
    assert abs(cx.lhs_value - cx.rhs_value) > 1e-6


def test_counterexample_values_recompute_from_the_point():
    # Anyone can re-evaluate a refutation: BP1 sign flip on [1, 1] with the stand-in σ.
    from fractions import Fraction

    cert = prove(mutants.BP1_SIGN, network([1, 1], activation="generic"))
    p = {k: Fraction(v) for k, v in cert.counterexample.point.items()}
    z = p["w^2_11"] * p["x_1"] + p["b^2_1"]
    sigma = z + z * z / 2 + z**3 / 6
    sigma_prime = 1 + z + z * z / 2
    delta = (sigma - p["y_1"]) * sigma_prime
    assert Fraction(cert.counterexample.lhs) == delta
    assert Fraction(cert.counterexample.rhs) == -delta


# -- certificates, budgets, bad input ------------------------------------------------------


def test_certificate_round_trips_through_json():
    cert = prove(mutants.BP1_SIGN, network([2, 3, 2]))
    assert Certificate.from_json(cert.to_json()) == cert
    ok = prove("BP4", network([2, 3, 2]))
    assert Certificate.from_json(ok.to_json()) == ok


def test_budget_exhaustion_gives_undecided_with_reason():
    cert = prove("BP4", network([6, 10, 10, 6], activation="sigmoid"), method="exact", budget=0.01)
    assert cert.verdict == "undecided"
    assert "budget" in cert.reason


def test_auto_falls_back_to_pit_when_exact_runs_out():
    cert = prove("BP4", network([6, 10, 10, 6], activation="sigmoid"), method="auto", budget=0.05)
    assert cert.verdict in ("probably-true", "undecided")
    assert cert.verdict != "proved"


def test_softmax_network_has_no_bp1():
    with pytest.raises(IdentityError, match="softmax"):
        prove("BP1", network([3, 4, 3], cost="softmax-cross-entropy"))


def test_unknown_identity_is_a_clear_error():
    with pytest.raises(IdentityError, match="unknown identity"):
        ids.get("BP5")


def test_default_selection_follows_the_cost():
    names = {i.name for i in ids.applicable(network([3, 4, 3], cost="softmax-cross-entropy", one_hot=True))}
    assert {"softmax-ce", "softmax-ce-one-hot", "BP2", "BP3", "BP4"} <= names
    assert "BP1" not in names
    names = {i.name for i in ids.applicable(network([2, 3, 2], activation="sigmoid"))}
    assert {"BP1", "BP2", "BP3", "BP4", "BP1'", "sigmoid-prime"} <= names


def test_pit_on_a_large_network_stops_at_the_budget_while_building_its_atoms():
    # review rv43 C2: the atoms of every z (a sum over all weights) were built before the budget was first looked
    # at, so --sizes 2000,2000,2 --budget 2 ran for 116 s. With the budget spent, building stops at the first product.
    net = network([200, 200, 2])
    cert = prove("BP2", net, method="pit", budget=0.0)
    assert cert.verdict == "undecided" and "budget" in cert.reason
    assert "atoms" not in net.__dict__  # not built: the expansion stopped instead of finishing first

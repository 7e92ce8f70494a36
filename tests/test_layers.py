"""symbp.layers: the backward formulas of convolution, pooling, normalisation, residual, dropout, RNN and attention.

Claims (issue 15): every catalogue identity is proved exactly on at least
three concrete shapes (non-square, stride > 1, padding > 0, T ≥ 3 among
them); every listed wrong variant is refuted with a counterexample at an
exact point that the independent oracle confirms; an independent numeric
oracle (the forward pass in plain loops, differentiated by 60-digit finite
differences) agrees with every proved formula at random points. Sources:
Goodfellow, Bengio and Courville (2016) §9.5, §10.2.2; Ioffe and Szegedy
(2015); He et al. (2016); Vaswani et al. (2017); Dao et al. (2022).
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from symbp import layers, prove
from symbp.errors import IdentityError, SpecError
from symbp.layers import mutants
from symbp.layers.catalogue import SHAPES
from symbp.layers.field import Numeric
from symbp.layers.identity import evaluate
from symbp.layers.refute import oracle_derivative

IDENTITY_NAMES = [i.name for i in layers.IDENTITIES]


def test_at_least_seven_layer_kinds_with_identities():
    kinds = {i.kind for i in layers.IDENTITIES}
    assert len(kinds) >= 7, kinds
    assert {"conv1d", "conv2d", "maxpool", "avgpool", "batchnorm", "layernorm", "residual", "dropout", "rnn",
            "attention", "softmax", "softmax-ce"} <= kinds


def test_the_shapes_cover_stride_padding_non_square_and_long_sequences():
    specs = {kind: [layers.layer(kind, s) for s in shapes] for kind, shapes in SHAPES.items()}
    assert all(len(v) >= 3 for v in specs.values())
    for kind in ("conv1d", "conv2d", "maxpool", "avgpool"):
        assert any(max(s.stride) > 1 for s in specs[kind]), kind
        assert any(max(s.padding) > 0 for s in specs[kind]), kind
    for kind in ("conv2d", "maxpool", "avgpool"):
        assert any(s.input[0] != s.input[1] for s in specs[kind]), kind
    assert any(s.kernel[0] != s.kernel[1] for s in specs["conv2d"])
    assert all(s.steps >= 3 for s in specs["rnn"])
    assert any(s.queries != s.keys for s in specs["attention"])


@pytest.mark.parametrize("name", IDENTITY_NAMES)
def test_identity_is_proved_exactly_on_three_shapes_with_every_derivation_line_checked(name):
    ident = layers.get(name)
    for shape in SHAPES[ident.kind]:
        cert = prove(ident, layers.layer(ident.kind, shape), method="exact")
        assert cert.verdict == "proved", (shape, cert.reason)
        assert cert.instances == len([k for n in ident.wrt for k in layers.layer(ident.kind, shape).indices(n)])
        assert not any(s.checked.startswith("NOT") for s in cert.steps), cert.steps
        assert len(cert.steps) == len(ident.steps) + 1


@pytest.mark.parametrize("name", IDENTITY_NAMES)
def test_the_oracle_agrees_with_every_proved_formula_at_random_points(name):
    # The independent check: the formula, evaluated at 60 digits, against finite
    # differences of the forward pass written again in plain loops.
    ident = layers.get(name)
    spec = layers.layer(ident.kind, SHAPES[ident.kind][-1])
    rng = random.Random(hash(name) % 1000)
    values = spec.draw(rng)
    act = "tanh" if spec.generic_activation else "cubic"
    field = Numeric(values, activation=act)
    truth, claim, _ = evaluate(ident, spec, field)
    keys = sorted(truth)
    for key in rng.sample(keys, min(6, len(keys))):
        oracle = oracle_derivative(spec, values, key, act, field.mp)
        assert abs(oracle - claim[key]) <= field.mp.mpf(10) ** -25 * (1 + abs(oracle)), (key, oracle, claim[key])
        assert abs(oracle - truth[key]) <= field.mp.mpf(10) ** -25 * (1 + abs(oracle)), (key, oracle, truth[key])


@pytest.mark.parametrize("name", ["conv2d-input-gradient", "batchnorm-input-gradient", "rnn-weight-gradients", "attention-key-gradient"])
def test_pit_says_probably_true_with_its_error_bound_never_proved(name):
    ident = layers.get(name)
    cert = prove(ident, layers.layer(ident.kind), method="pit")
    assert cert.verdict == "probably-true"
    assert "Schwartz" in cert.error_bound and cert.points == 2


def test_auto_falls_back_to_pit_on_a_large_shape():
    spec = layers.conv2d(in_channels=3, out_channels=4, kernel=3, stride=1, padding=1, input=(12, 12))
    assert spec.leaf_count > 600
    cert = prove("conv2d-weight-gradient", spec)
    assert (cert.method, cert.verdict) == ("pit", "probably-true")


@pytest.mark.parametrize("mutant", mutants.ALL, ids=[m.name for m in mutants.ALL])
def test_every_listed_slip_is_refuted_with_an_oracle_confirmed_counterexample(mutant):
    for method in ("exact", "pit"):
        cert = prove(mutant.identity, mutant.spec, method=method)
        assert cert.verdict == "refuted", (method, cert.reason)
        cx = cert.counterexample
        if cx.reason:  # a product of matrices that do not fit: a refutation by shape
            assert "cannot be formed" in cx.reason
            continue
        assert cx.point and cx.lhs != cx.rhs
        assert "independent oracle" in cert.details["oracle"]
        # Re-evaluate the ground truth at the reported point by the oracle, from scratch.
        values = {k: Fraction(v) for k, v in _point(mutant.spec, cx.point).items()}
        mp = Numeric(values).mp
        key = next(k for k in _keys(mutant) if f"∂{mutant.spec.LOSS}/∂{mutant.spec.symbol(*k)}" == cx.instance)
        act = "tanh" if "tanh" in cx.activation else "cubic"
        assert abs(float(oracle_derivative(mutant.spec, values, key, act, mp)) - cx.lhs_value) < 1e-9
        assert abs(cx.lhs_value - cx.rhs_value) > 1e-9


def _keys(mutant):
    return [(n, i) for n in mutant.identity.wrt for i in mutant.spec.indices(n)]


def _point(spec, point: dict) -> dict:
    by_name = {spec.symbol(n, i): (n, i) for n, idxs in spec.leaves().items() for i in idxs}
    return {by_name[k]: v for k, v in point.items()}


def test_the_issue_listed_slips_are_all_among_the_mutants():
    names = {m.name for m in mutants.ALL}
    for slip in ("conv2d-input-gradient without the 180° rotation", "batchnorm-input-gradient without 1/m",
                 "batchnorm-input-gradient without γ", "rnn-bptt with W_hh not transposed",
                 "attention-query-gradient without 1/√d"):
        assert slip in names


def test_a_slip_that_is_harmless_on_a_shape_is_not_refuted_there():
    # Without dilation the formula is wrong only for stride > 1; with stride 1 it is the formula.
    wrong = mutants.get("conv2d-input-gradient without dilating g").identity
    assert prove(wrong, layers.conv2d(stride=1), method="exact").verdict == "proved"
    # 1/√d is 1 when d = 1.
    unscaled = mutants.get("attention-query-gradient without 1/√d").identity
    assert prove(unscaled, layers.attention(dim=1), method="exact").verdict == "proved"


def test_max_pooling_routes_g_to_the_first_maximum_at_a_tie():
    # The stated convention (as PyTorch): at a tie the first maximal entry (row-major) gets g.
    spec = layers.maxpool(channels=1, kernel=2, stride=2, input=(2, 2))
    values = {("x", (1, 1, 1)): Fraction(1), ("x", (1, 1, 2)): Fraction(3), ("x", (1, 2, 1)): Fraction(3),
              ("x", (1, 2, 2)): Fraction(0), ("g", (1, 1, 1)): Fraction(5)}
    _, claim, _ = evaluate(layers.get("maxpool-input-gradient"), spec, Numeric(values))
    assert [claim[("x", (1, i, j))] for i in (1, 2) for j in (1, 2)] == [0, 5, 0, 0]


# -- all sizes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(layers.allsizes.STATEMENTS))
def test_proved_for_every_size_with_concrete_cross_checks(name):
    cert = layers.allsizes.prove_all_sizes(name)
    assert cert.verdict == "proved-for-all-sizes", cert.reason
    assert all(s.checked.startswith("difference reduced to 0") for s in cert.steps)
    assert all(c.startswith("proved on") for c in cert.details["concrete"])


def test_all_sizes_reaches_at_least_residual_dropout_batch_and_layer_norm():
    for name in ("residual-gradient", "dropout-gradient", "batchnorm-input-gradient", "layernorm-input-gradient"):
        assert name in layers.allsizes.STATEMENTS


def test_a_wrong_all_sizes_chain_is_not_proved(monkeypatch):
    from dataclasses import replace

    from symbp.layers import allsizes

    plan = allsizes.STATEMENTS["batchnorm-input-gradient"]

    def without_one_over_m(A):
        lines = plan.chain(A)
        tex, why, compact = lines[-1]
        return lines[:-1] + [(tex, why, compact * A.m)]

    monkeypatch.setitem(allsizes.STATEMENTS, "batchnorm-input-gradient", replace(plan, chain=without_one_over_m))
    cert = allsizes.prove_all_sizes("batchnorm-input-gradient")
    assert cert.verdict != "proved-for-all-sizes"
    assert cert.steps[-1].checked.startswith("NOT established")


def test_no_all_sizes_proof_is_bad_input_naming_those_that_exist():
    with pytest.raises(IdentityError, match="batchnorm-input-gradient"):
        layers.allsizes.prove_all_sizes("conv2d-input-gradient")


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, shape, words", [
    ("conv2d", "kernel=9", "larger than the padded input"),
    ("conv1d", "stride=0", "at least 1"),
    ("rnn", "steps=0", "at least 1"),
    ("maxpool", "kernel=2,padding=2", "more than half the kernel"),
    ("conv2d", "kernel=2x2x2", "needs 2 sizes"),
    ("conv2d", "wibble=3", "known: in_channels"),
    ("batchnorm", "batch=1", "at least 2 entries"),
    ("rnn", "activation=relu", "not one of generic, tanh"),
])
def test_shapes_that_do_not_fit_are_rejected_with_the_reason(kind, shape, words):
    with pytest.raises(SpecError, match=words):
        layers.layer(kind, shape)


def test_unknown_kind_or_identity_lists_the_known_ones():
    with pytest.raises(SpecError, match="known: conv1d, conv2d"):
        layers.kind("convolution3d")
    with pytest.raises(IdentityError, match="conv2d-input-gradient"):
        layers.get("conv3d-input-gradient")
    with pytest.raises(IdentityError, match="its identities: batchnorm-gamma-gradient"):
        prove("BP2", layers.batchnorm())
    with pytest.raises(IdentityError, match="is about a conv2d layer"):
        prove("conv2d-input-gradient", layers.batchnorm())


def test_an_mlp_network_asked_for_a_layer_identity_is_told_where_it_lives():
    from symbp import network

    with pytest.raises(IdentityError, match="symbp.layers"):
        prove("conv2d-input-gradient", network([2, 2]))


def test_the_issue_example_runs():
    conv = layers.conv2d(in_channels=2, out_channels=3, kernel=(2, 2), stride=1, padding=1, input=(4, 4))
    assert prove("conv2d-weight-gradient", conv).verdict == "proved"


def test_a_budget_that_runs_out_is_undecided_never_a_hang():
    spec = layers.rnn(inputs=2, hidden=3, steps=9)
    cert = prove("rnn-weight-gradients", spec, method="exact", budget=0.5)
    assert cert.verdict == "undecided" and "stopped" in cert.reason
    assert cert.seconds < 10

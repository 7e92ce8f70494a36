"""All-sizes proofs (issue 3): symbolic layer sizes, depth by induction.

Oracles: the core's ground truth (derive.GroundTruth) on concrete networks,
sympy.diff of the composed cost, and finite differences; the seeds cited are
000 (Nielsen, BP1-BP4 and the product formula), 002 (Sokolinsky's Lemmas
1-4) and 003 (softmax + categorical cross-entropy).
"""

import dataclasses

import pytest
import sympy

from symbp import derive, general
from symbp.certificate import Certificate
from symbp.general.chains import IDENTITIES as CHAIN
from symbp.general.indexmat import Mat, ShapeError, diag_prime, vector
from symbp.errors import IdentityError, SpecError
from symbp.general.lemmas import LEMMAS, Layers
from symbp.network import network as concrete
from symbp.general.reduction import Range, remainder

BP = ["BP1", "BP2", "BP3", "BP4", "BP1-matrix", "BP2-matrix", "product-formula"]


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy", "softmax-cross-entropy", "mean-quadratic"])
def test_whole_catalogue_proved_for_all_sizes_and_on_concrete_networks(cost):
    certs = general.prove_catalogue(general.network(cost=cost), cross_check=True)
    assert certs and len({c.identity for c in certs}) == len(certs)
    for c in certs:
        assert c.verdict == "proved-for-all-sizes", (c.identity, c.reason)
        assert c.details["concrete"]["verdict"] == "proved", c.identity
        assert c.details["concrete"]["instances"] > 0


def test_bp1_to_bp4_and_product_formula_for_sigmoid_network():
    # seed 000: BP1-BP4 with σ the sigmoid; the generic proof specialises.
    gnet = general.network(activation="sigmoid")
    for name in BP:
        c = general.prove_general(name, gnet, cross_check=True)
        assert c.verdict == "proved-for-all-sizes", (name, c.reason)
        mentions_sigma_prime = name not in ("BP3", "BP4")
        assert ("sigmoid" in c.steps[-1].why) == mentions_sigma_prime, name


def test_bp2_certificate_lists_the_lemma_chain_and_round_trips_json():
    c = general.prove_general("BP2", general.network())
    assert c.method == "all-sizes"
    assert c.details["lemmas"] == ["lemma-dz-dz"]
    whys = [s.why for s in c.steps]
    assert any("chain rule" in w for w in whys) and any("lemma-dz-dz" in w for w in whys)
    assert all(s.checked for s in c.steps)
    assert Certificate.from_json(c.to_json()) == c


def test_product_formula_states_the_induction():
    c = general.prove_general("product-formula", general.network())
    assert c.verdict == "proved-for-all-sizes" and c.method == "induction"
    assert "Base l = L: BP1-matrix" in c.details["induction"]
    assert {"BP1-matrix", "BP2-matrix"} <= set(c.details["lemmas"])


def test_kronecker_collapse_needs_the_range_fact():
    n = sympy.Symbol("n", integer=True, positive=True)
    j, k = sympy.symbols("j k", integer=True, positive=True)
    a = sympy.IndexedBase("a")
    s = sympy.Sum(sympy.KroneckerDelta(j, k) * a[k], (k, 1, n))
    assert remainder(s, a[j], [Range(j, 1, n)]) == 0
    assert remainder(s, a[j], []) != 0  # j could exceed n: no proof


def test_sokolinsky_lemmas_2_to_4_in_his_indices():
    m = Layers()
    for name in ("sokolinsky-lemma-1", "sokolinsky-lemma-2", "sokolinsky-lemma-3", "sokolinsky-lemma-4"):
        lem = LEMMAS[name]
        assert remainder(lem.lhs(m), lem.rhs(m), lem.ranges(m)) == 0, name


def test_lemma_with_indices_swapped_is_refuted_with_a_counterexample():
    # seed 002 Lemma 2 written with Nielsen's weight transposed: w^{l+1}_{ji}.
    bad = dataclasses.replace(LEMMAS["lemma-dz-dz"], rhs=lambda m: m.w_next[m.j, m.i] * m.sigma_prime(m.z[m.j]))
    gnet = general.network()
    c = general.prove_general("lemma-dz-dz", gnet, lemmas={"lemma-dz-dz": bad})
    assert c.verdict == "refuted"
    assert "does not reduce to 0" in c.reason
    cx = c.counterexample
    assert cx is not None and cx.lhs_value != cx.rhs_value
    # and BP2, which uses the lemma, is no longer proved, naming the lemma
    c2 = general.prove_general("BP2", gnet, lemmas={"lemma-dz-dz": bad})
    assert c2.verdict != "proved-for-all-sizes"
    assert "lemma-dz-dz is refuted" in c2.reason


def test_bp2_with_weight_indices_swapped_is_refuted_for_all_sizes_and_concretely():
    wrong = dataclasses.replace(
        CHAIN["BP2"],
        rhs=lambda m: m.sigma_prime(m.z[m.j]) * sympy.Sum(m.w_next[m.j, m.r] * m.delta_next[m.r], (m.r, 1, m.n_next)),
    )
    c = general.prove_general(wrong, general.network(), cross_check=True)
    assert c.verdict == "refuted"
    assert "last step does not reduce to 0" in c.reason and "remainder" in c.details
    cx = c.counterexample
    assert cx.lhs_value != pytest.approx(cx.rhs_value)


def test_bp2_matrix_without_transpose_fails_on_shapes():
    # δ^l = Σ'(z^l) w^{l+1} δ^{l+1}: w^{l+1} is n_{l+1}×n_l, so the product is undefined.
    def no_transpose(m):
        W = Mat(m.n_next, m.n, lambda i, j: m.w_next[i, j], "w^{l+1}")
        return (diag_prime(m, m.z, m.n, "Σ'") @ W @ vector(m.delta_next, m.n_next, "δ")).entry(m.j, 1)

    c = general.prove_general(dataclasses.replace(CHAIN["BP2-matrix"], rhs=no_transpose), general.network())
    assert c.verdict == "undecided"
    assert "undefined unless" in c.reason
    with pytest.raises(ShapeError):
        no_transpose(Layers())


def test_softmax_ce_needs_the_one_hot_hypothesis():
    # seed 003: δ^L = (Σ y) a − y in general; = a − y only when Σ y = 1.
    m = Layers()
    lem = LEMMAS["lemma-softmax-ce-one-hot"]
    assert remainder(lem.lhs(m), lem.rhs(m), lem.ranges(m), lem.hypotheses(m)) == 0
    assert remainder(lem.lhs(m), lem.rhs(m), lem.ranges(m)) != 0
    no_hyp = dataclasses.replace(lem, hypotheses=lambda m: {})
    c = general.prove_general("lemma-softmax-ce-one-hot", general.network(cost="softmax-cross-entropy"),
                              lemmas={"lemma-softmax-ce-one-hot": no_hyp})
    assert c.verdict == "refuted"


def test_relu_is_undecided_where_sigma_prime_appears_because_its_convention_differs_at_zero():
    gnet = general.network(activation="relu")
    c = general.prove_general("BP2", gnet)
    assert c.verdict == "undecided" and "relu" in c.reason
    # BP3 never mentions σ': it holds for relu as for every activation
    assert general.prove_general("BP3", gnet).verdict == "proved-for-all-sizes"


def test_tiny_budget_gives_undecided_not_proved():
    c = general.prove_general("softmax-ce", general.network(cost="softmax-cross-entropy"), budget_seconds=1e-9)
    assert c.verdict == "undecided" and "budget" in c.reason


def test_bad_requests_name_the_problem():
    with pytest.raises(IdentityError, match="BP9"):
        general.prove_general("BP9", general.network())
    with pytest.raises(IdentityError, match="softmax-ce"):
        general.prove_general("softmax-ce", general.network(cost="quadratic"))
    with pytest.raises(IdentityError, match="BP4"):  # stated for one sample; the batch mean has minibatch
        general.prove_general("BP4", general.network(cost="mean-quadratic"))
    with pytest.raises(SpecError, match="one_hot"):
        general.network(one_hot=True)


def test_bp2_lemma_instance_matches_sympy_diff_of_composed_cost():
    # Independent oracle: instantiate BP4 at [2, 3, 2] (l = 2, j = 1, k = 2) and compare
    # a^{1}_2 δ^2_1 (ground truth δ) with sympy.diff of the composed cost.
    net = concrete([2, 3, 2], activation="generic")
    gt = derive.GroundTruth(net)
    lhs = derive.sympy_gradient(net, ("w", 2, 1, 2))
    rhs = derive.substitute_forward(net, gt.to_sympy(gt.delta(2, 1)) * net.x(2))
    assert sympy.simplify(lhs - rhs) == 0


def test_sigmoid_bp1_quadratic_matches_finite_differences():
    # BP1' (seed 002) at [2, 3, 2] with the sigmoid, against central differences of C(z^L).
    import math

    z = [0.3, -0.7]
    y = [0.2, 0.9]
    sig = lambda t: 1 / (1 + math.exp(-t))  # noqa: E731
    cost = lambda zs: 0.5 * sum((sig(t) - yy) ** 2 for t, yy in zip(zs, y))  # noqa: E731
    m = Layers()
    rhs = CHAIN["BP1-quadratic"].rhs(m)
    for j in (1, 2):
        h = 1e-6
        zp, zm = list(z), list(z)
        zp[j - 1] += h
        zm[j - 1] -= h
        fd = (cost(zp) - cost(zm)) / (2 * h)
        value = rhs.xreplace({m.j: j}).subs({m.a_L[j]: sig(z[j - 1]), m.y[j]: y[j - 1]})
        value = value.replace(lambda e: isinstance(e, m.sigma_prime), lambda e: sig(z[j - 1]) * (1 - sig(z[j - 1])))
        assert float(value) == pytest.approx(fd, abs=1e-8)


def test_core_prove_dispatches_to_all_sizes_for_a_general_network():
    # the example: prove(identities.BP2, general.network(activation="generic"))
    from symbp import identities, prove

    cert = prove(identities.BP2, general.network(activation="generic"))
    assert cert.verdict == "proved-for-all-sizes"
    assert cert.details["concrete"]["core_prove"] == {"[2, 3, 2]": "proved", "[3, 2, 2, 2]": "proved"}
    assert prove("lemma-2", general.network()).identity == "sokolinsky-lemma-2"
    with pytest.raises(IdentityError, match="no all-sizes proof"):
        prove("sigmoid-prime", general.network())


def test_ce_sigmoid_output_error_for_all_sizes():
    # Nielsen ch. 3 / seed 004: binary cross-entropy with a sigmoid output gives δ^L = a^L − y.
    c = general.prove_general("ce-sigmoid", general.network(activation="sigmoid", cost="cross-entropy"))
    assert c.verdict == "proved-for-all-sizes", c.reason
    assert "lemma-dC-da-cross-entropy" in c.details["lemmas"]
    with pytest.raises(IdentityError):  # with tanh the identity is not claimed
        general.prove_general("ce-sigmoid", general.network(activation="tanh", cost="cross-entropy"))


def test_cli_general_table_json_and_exit_codes(capsys):
    import json

    from symbp.cli import main

    assert main(["prove", "--general"]) == 0
    out = capsys.readouterr().out
    assert "product-formula" in out and "induction" in out and "undecided" not in out
    assert main(["prove", "--general", "--identity", "BP2", "--activation", "generic", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["verdict"] for c in data] == ["proved-for-all-sizes"]
    assert main(["prove", "--general", "--identity", "BP7"]) == 2
    assert "BP7" in capsys.readouterr().err
    assert main(["prove", "--general", "--activation", "relu", "--identity", "BP2"]) == 3
    assert main(["prove", "--general", "--activation", "sigmoid,tanh"]) == 2


@pytest.mark.parametrize(
    "module",
    [".proofs", ".lemmas", ".chains", ".links", ".indexmat", ".reduction", ".printing", ".instances", ".induction", ".report",
     ".meaning", ".statement", ".chainproof", ".concrete"],
)
def test_docstring_examples_of_the_all_sizes_modules(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"symbp.general{module}"))
    assert result.failed == 0 and result.attempted > 0


def test_true_but_unreduced_claim_is_undecided_with_the_remainder_shown():
    # δ_ij (sin²x + cos²x) is δ_ij, but the reduction does not know trigonometry:
    # no proof, no counterexample, so undecided — never proved, never refuted.
    x = sympy.Symbol("x", real=True)
    odd = dataclasses.replace(
        LEMMAS["lemma-dz-db"], rhs=lambda m: sympy.KroneckerDelta(m.i, m.j) * (sympy.sin(x) ** 2 + sympy.cos(x) ** 2)
    )
    c = general.prove_general("lemma-dz-db", general.network(), lemmas={"lemma-dz-db": odd})
    assert c.verdict == "undecided"
    assert "sin" in c.details["remainder"] and "remainder" in c.reason


def test_index_range_fact_is_needed_for_the_weight_lemma():
    # ∂z^l_j/∂w^l_{pq} = δ_jp a^{l-1}_q only for q ≤ n_{l-1}; claim it for q ≤ n_l and it fails.
    wrong_range = dataclasses.replace(
        LEMMAS["lemma-dz-dw"],
        ranges=lambda m: [Range(m.j, 1, m.n), Range(m.p, 1, m.n), Range(m.q, 1, m.n)],
    )
    c = general.prove_general("lemma-dz-dw", general.network(), lemmas={"lemma-dz-dw": wrong_range})
    assert c.verdict == "refuted"
    assert "Piecewise" in c.reason or "\\begin{cases}" in c.reason
    assert c.counterexample.lhs == "0"


def test_a_wrong_chain_rule_expansion_or_definition_is_caught():
    # BP2's chain rule written with the Jacobian transposed, and δ^{l+1} mistaken for δ^l:
    # the mechanical expansion and the definition check reject both.
    from symbp.general.chains import Link

    bp2 = CHAIN["BP2"]
    links = list(bp2.chain)
    links[1] = dataclasses.replace(
        links[1], expr=lambda m: sympy.Sum(m.dC_dz_next[m.i] * m.dz_dz[m.j, m.i], (m.i, 1, m.n_next))
    )
    c = general.prove_general(dataclasses.replace(bp2, chain=tuple(links)), general.network())
    assert c.verdict != "proved-for-all-sizes"
    assert "not its expansion over z^{l+1}" in c.reason
    wrong_def = (Link(lambda m: m.dC_dz_next[m.j], "definition", "definition of δ"),) + bp2.chain[1:]
    c = general.prove_general(dataclasses.replace(bp2, chain=wrong_def), general.network())
    assert c.verdict != "proved-for-all-sizes"
    assert "does not turn the line into the next" in c.reason


def test_counterexample_of_a_wrong_bp2_re_evaluates_by_plain_sympy_diff():
    # The refutation's left side is δ^2_j at an exact point with the core's stand-in σ(t) = t + t²/2 + t³/6.
    # Independently: δ^2_1 = ∂C/∂b^2_1 (BP3), so differentiate the composed cost
    # of [2, 3, 2] with that σ and evaluate at the same point.
    wrong = dataclasses.replace(
        CHAIN["BP2"],
        rhs=lambda m: m.sigma_prime(m.z[m.j]) * sympy.Sum(m.w_next[m.j, m.r] * m.delta_next[m.r], (m.r, 1, m.n_next)),
    )
    cx = general.prove_general(wrong, general.network()).counterexample
    assert "[2, 3, 2]" in cx.instance and cx.layer == 2
    assert cx.activation == "σ(t) = t + t²/2 + t³/6"
    net = concrete([2, 3, 2], activation="generic")
    sigma = net.activation(2, 1).expr(sympy.Symbol("u")).func
    cost = net.composed_cost().replace(lambda e: isinstance(e, sigma), lambda e: e.args[0] + e.args[0] ** 2 / 2 + e.args[0] ** 3 / 6)
    by_name = {str(s): s for s in cost.free_symbols}
    j = cx.indices[0]
    value = sympy.diff(cost, net.bias(2, j)).xreplace({by_name[k]: sympy.Rational(v) for k, v in cx.point.items()})
    assert value == sympy.Rational(cx.lhs)
    assert value != sympy.Rational(cx.rhs)


def test_catalogue_proves_each_lemma_once(monkeypatch):
    calls = []
    original = general.proofs._prove_lemma

    def counting(session, lemma):
        calls.append(lemma.name)
        return original(session, lemma)

    monkeypatch.setattr(general.proofs, "_prove_lemma", counting)
    certs = general.prove_catalogue(general.network(), cross_check=False)
    assert len(calls) == len(set(calls))
    assert {c.identity for c in certs if c.identity.startswith(("lemma-", "sokolinsky-"))} <= set(calls)


def test_deadline_gives_back_an_outer_timer():
    import signal

    from symbp.general.reduction import ReductionTimeout, deadline

    previous = signal.signal(signal.SIGALRM, lambda *a: None)
    try:
        signal.setitimer(signal.ITIMER_REAL, 50.0)
        with deadline(5.0):
            pass
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 40.0 < left <= 50.0
        with pytest.raises(ReductionTimeout):
            with deadline(0.05):
                while True:
                    sympy.expand((sympy.Symbol("x") + 1) ** 30)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_one_hot_identity_follows_the_network_assumption_like_the_core():
    # seed 003: a − y needs Σ y = 1; the core refutes it on a network without one-hot y, and so do we.
    yes = general.prove_general("softmax-ce-one-hot", general.network(cost="softmax-cross-entropy", one_hot=True))
    assert yes.verdict == "proved-for-all-sizes", yes.reason
    assert "assumption" in yes.steps[-1].checked
    no = general.prove_general("softmax-ce-one-hot", general.network(cost="softmax-cross-entropy"))
    assert no.verdict == "refuted" and "needs" in no.reason and "= 1" in no.reason, no.reason
    assert no.counterexample is not None
    assert "softmax-ce-one-hot" not in general.applicable(general.network(cost="softmax-cross-entropy"))


def test_failed_steps_say_so_and_the_product_formula_fails_with_a_wrong_lemma():
    bad = dataclasses.replace(LEMMAS["lemma-dz-dz"], rhs=lambda m: m.w_next[m.j, m.i] * m.sigma_prime(m.z[m.j]))
    c = general.prove_general("product-formula", general.network(), lemmas={"lemma-dz-dz": bad})
    assert c.verdict == "undecided" and "lemma-dz-dz is refuted" in c.reason
    assert c.steps[1].checked.startswith("NOT established")
    lemma_cert = general.prove_general("lemma-dz-dz", general.network(), lemmas={"lemma-dz-dz": bad})
    assert lemma_cert.steps[-1].checked.startswith("NOT established")


def test_depth_claims_match_the_layers_each_proof_mentions():
    # BP1 lives at the output layer, BP2 at l and l+1, BP3 at l, BP4 at l-1 and l:
    # so each holds at every depth (seed 000's argument for the recursion).
    gnet = general.network()
    expected = {"BP1": ["L"], "BP2": ["l", "l+1"], "BP3": ["l"], "BP4": ["l", "l-1"]}
    for name, layers in expected.items():
        assert general.prove_general(name, gnet).details["layers_used"] == layers, name


# -- soundness of the reduction: "0" must never be said of a false equation ------------


def _random_sum_expression(rng, n, N, i, j, a, b, w):
    from sympy import KroneckerDelta as KD

    terms = []
    for _ in range(rng.randint(1, 3)):
        k = sympy.Dummy("k", integer=True, positive=True)
        pool = [a[k], b[k], KD(k, j), KD(k, i), KD(j, k), a[j], w[k, j], w[j, k], w[i, k], sympy.Integer(2)]
        body = sympy.Mul(*rng.sample(pool, rng.randint(1, 3)))
        terms.append(rng.choice([1, -1, 2]) * sympy.Sum(body, (k, 1, rng.choice([n, N]))))
    return sympy.Add(*terms)


def _collapse_every_delta_unconditionally(e):
    # The classic slip: Σ_k δ_{kx} f(k) = f(x) without asking whether x is in range.
    def collapse(s):
        (k, _, _), = s.limits
        for f in sympy.Mul.make_args(s.function):
            if isinstance(f, sympy.KroneckerDelta) and k in f.args:
                other = f.args[0] if f.args[1] == k else f.args[1]
                return (s.function / f).xreplace({k: other})
        return s

    return e.replace(lambda x: isinstance(x, sympy.Sum), collapse)


def test_reduction_never_proves_an_unconditional_delta_collapse_that_is_false():
    # Facts: 1 ≤ j ≤ n only. i is unconstrained and N is another size, so collapsing
    # δ_{ki} or a sum to N onto j is wrong; each claimed 0 is re-checked by writing the
    # sums out for n, N ∈ {1, 2, 3} and i ∈ {1, 2, 3} at random rational points.
    import itertools
    import random

    rng = random.Random(11)
    P = dict(integer=True, positive=True)
    n, N = sympy.Symbol("n", **P), sympy.Symbol("N", **P)
    i, j = sympy.symbols("i j", **P)
    a, b, w = (sympy.IndexedBase(s) for s in "abw")
    proved = refused = 0
    for _ in range(120):
        e1 = _random_sum_expression(rng, n, N, i, j, a, b, w)
        e2 = _collapse_every_delta_unconditionally(e1)
        if e2 == e1:
            continue
        if remainder(e1, e2, [Range(j, 1, n)]) != 0:
            refused += 1
            continue
        proved += 1
        for nv, Nv, iv in itertools.product([1, 2, 3], repeat=3):
            for jv in range(1, nv + 1):
                d = (e1 - e2).subs({n: nv, N: Nv, i: iv, j: jv}).doit()
                point = {x: sympy.Rational(rng.randint(-9, 9), rng.randint(1, 4)) for x in d.atoms(sympy.Indexed)}
                assert sympy.expand(d.xreplace(point)) == 0, (e1, e2, nv, Nv, iv, jv)
    assert proved > 10 and refused > 10  # both kinds occurred: the test exercised the range facts


def test_minibatch_gradient_for_every_size_and_batch_size():
    # seed 001 ("kuchařka"): ∂C/∂w^l = (1/m) Σ_x δ^{x,l} (a^{x,l-1})^T, with m a symbol too.
    gnet = general.network(cost="mean-quadratic")
    for name, bp in (("minibatch", "BP4"), ("minibatch-bias", "BP3")):
        c = general.prove_general(name, gnet)
        assert c.verdict == "proved-for-all-sizes", c.reason
        assert c.details["lemmas"] == [bp]
        assert c.details["concrete"]["core_prove"] == {"[2, 3, 2]": "proved", "[3, 2, 2, 2]": "proved"}
        assert "any batch size m" in c.details["depth"]
    # forgetting the 1/m is caught for all sizes and refuted on a concrete batch
    no_mean = dataclasses.replace(
        CHAIN["minibatch-bias"], rhs=lambda m: sympy.Sum(m.delta_x[m.x, m.j], (m.x, 1, m.m_batch))
    )
    c = general.prove_general(no_mean, gnet)
    assert c.verdict == "refuted" and c.counterexample is not None


def test_a_refutation_without_a_reason_shows_its_counterexample(capsys):
    """Review 21 F3: softmax-ce-one-hot without one-hot printed an empty 'counterexample:' line."""
    from symbp.cli import main

    code = main(["prove", "--general", "--identity", "softmax-ce-one-hot", "--cost", "softmax-cross-entropy"])
    assert code == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if "counterexample:" in x)
    assert "left side" in line and "right side" in line and "at w^" in line
